"""When something expires is not when a person died: `expire_at` of a person's membership is a
validity date; `hospital_expire_flag` of a patient's admission stays a death."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of
from builders import scan_files as _scan

SQL = """
CREATE TABLE members (member_id bigint PRIMARY KEY, name varchar(50), phone varchar(20));
CREATE TABLE memberships (id bigint PRIMARY KEY, member_id bigint REFERENCES members(member_id),
  plan varchar(20), expire_at timestamp);
CREATE TABLE patients (subject_id int PRIMARY KEY, gender varchar(5), dob timestamp);
CREATE TABLE admissions (hadm_id int PRIMARY KEY, subject_id int REFERENCES patients(subject_id),
  admittime timestamp, hospital_expire_flag smallint);
"""


def test_an_expiry_time_is_not_a_death(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"schema.sql": SQL})
    expiry = finding_of(results["memberships"], "expire_at")
    assert expiry.element != "pi.health.death"
    death = finding_of(results["admissions"], "hospital_expire_flag")
    assert death.element == "pi.health.death"
    assert death.sensitive
