"""National numbers by their own names: Poland's PESEL (its national identification number) and
an `SSNumber` (a social security number written with the word spelt out) are identity numbers,
sensitive, not a person's other attributes."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

PEOPLE = """
CREATE TABLE customer (id serial PRIMARY KEY, name varchar(50), pesel varchar(11),
  birth_date date, phone_num varchar(20));
CREATE TABLE patienttable (PatientId int PRIMARY KEY, FirstName varchar(50),
  SSNumber varchar(11), DOB date);
"""


def test_pesel_and_ssnumber_are_identity_numbers(tmp_path: Path) -> None:
    (tmp_path / "people.sql").write_text(PEOPLE, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    found = {f.field.name: f for r in report.datasets for f in r.findings}
    assert found["pesel"].element == "pi.identity.resident_id"
    assert found["pesel"].sensitive
    assert found["SSNumber"].element == "pi.identity.social_security"
    assert found["SSNumber"].sensitive
