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


ROLE_DDL = """
CREATE TABLE ACCOUNT_PARTY (
    PARTYID INTEGER PRIMARY KEY,
    GUARANTORSSN VARCHAR(11),
    GUARANTORDOB DATE,
    LANDLORDSSN VARCHAR(11),
    LESSEEDOB DATE
);
"""


def test_a_role_a_person_holds_is_a_person_word(tmp_path: Path) -> None:
    """A guarantor, a landlord, a lessee is a person: their SSN and birth date written together
    with the role word are theirs."""
    found = scan_files(tmp_path, {"p.sql": ROLE_DDL})
    by_name = {f.field.name: f for f in found["ACCOUNT_PARTY"].findings}
    assert by_name["GUARANTORSSN"].element == "pi.identity.social_security"
    assert by_name["GUARANTORSSN"].sensitive
    assert by_name["LANDLORDSSN"].element == "pi.identity.social_security"
    assert by_name["GUARANTORDOB"].element == "pi.profile.birth_date"
    assert by_name["LESSEEDOB"].element == "pi.profile.birth_date"


ROLE_ZH_DDL = """
CREATE TABLE `t_guarantee` (
  `id` bigint NOT NULL COMMENT '主键',
  `city` varchar(50) COMMENT '城市'
) COMMENT='担保人';
CREATE TABLE `t_party` (
  `id` bigint NOT NULL COMMENT '主键',
  `city` varchar(50) COMMENT '城市'
) COMMENT='房东';
"""


def test_a_chinese_role_a_person_holds_makes_a_persons_table(tmp_path: Path) -> None:
    """A table of guarantors (担保人) or landlords (房东): its generic columns (a city) are
    that person's."""
    found = scan_files(tmp_path, {"p.sql": ROLE_ZH_DDL})
    for table in ("t_guarantee", "t_party"):
        names = {f.field.name for f in found[table].findings if f.element is not None}
        assert "city" in names, table
