"""A short abbreviation written together with the person word before it (`PATIENTSSN`,
`userpwd`, as upper-case warehouse exports and old schemas write their columns) is that person's
item, as `patient_ssn` would be; the same letters closing a word that is not a person's
(`classn`, a product's `itemvin`) say nothing."""

from __future__ import annotations

from pathlib import Path

from tests.builders import scan_files

DDL = """
CREATE TABLE PATIENT (
    PATIENTID INTEGER PRIMARY KEY,
    PATIENTSSN VARCHAR(11),
    USERPWD VARCHAR(64),
    PATIENTDOB DATE,
    WARDVIN VARCHAR(17)
);
"""


def test_an_abbreviation_after_a_person_word_is_that_persons_item(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"p.sql": DDL})
    by_name = {f.field.name: f for f in found["PATIENT"].findings}
    assert by_name["PATIENTSSN"].element == "pi.identity.social_security"
    assert by_name["PATIENTSSN"].sensitive
    assert by_name["USERPWD"].element == "pi.credential.password"
    assert by_name["PATIENTDOB"].element == "pi.profile.birth_date"
    assert by_name["WARDVIN"].element != "pi.vehicle.vin"  # a ward is no person
