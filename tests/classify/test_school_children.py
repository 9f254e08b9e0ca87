"""Pupils of a K-12 school: a student record with a school grade level (`grade_level`) or named
after a school district is a child's, and so are the records that point at it (the student's
enrolment, and the enrolment's key record in turn): every field about the pupil is sensitive
(PIPL Art. 28, Art. 31). A university's students (no grade level) stay students."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dataflow.scan import ScanOptions, scan_paths


def _record(name: str, fields: list[tuple[str, str]]) -> str:
    return json.dumps(
        {"type": "record", "name": name, "fields": [{"name": n, "type": t} for n, t in fields]}
    )


def _write(tmp_path: Path, grade: bool) -> dict[str, Any]:
    student = [("student_id", "string"), ("first_name", "string"), ("date_of_birth", "string")]
    if grade:
        student.append(("grade_level", "string"))
    (tmp_path / "student.avsc").write_text(_record("Student", student), encoding="utf-8")
    enrollment = [
        ("enrollment_id", "string"),
        ("student_id", "string"),
        ("school_year", "string"),
        ("entry_date", "string"),
    ]
    (tmp_path / "student_enrollment.avsc").write_text(
        _record("StudentEnrollment", enrollment), encoding="utf-8"
    )
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {d.dataset.name: d for d in result.datasets}


def test_a_pupil_with_a_grade_level_and_the_records_pointing_at_it(tmp_path: Path) -> None:
    found = _write(tmp_path, grade=True)
    student, enrollment = found["Student"], found["StudentEnrollment"]
    assert student.subject.role == "minor"
    assert enrollment.subject.role == "minor"
    assert any("Student" in e for e in enrollment.subject.evidence)
    names = {f.field.name: f for f in student.findings}
    assert names["first_name"].sensitive
    assert names["first_name"].sensitive_group == "minors_under_14"
    dates = {f.field.name: f for f in enrollment.findings}
    assert dates["entry_date"].sensitive


def test_students_without_a_grade_level_stay_students(tmp_path: Path) -> None:
    found = _write(tmp_path, grade=False)
    assert found["Student"].subject.role == "student"
    assert found["StudentEnrollment"].subject.role == "student"


PUPILS_SQL = """
CREATE TABLE student (StudentId int PRIMARY KEY, FirstName varchar(50), LastName varchar(50),
  DateOfBirth date, SchoolAdmissionDate date, ParentFullName varchar(100),
  GuardianFullName varchar(100));
CREATE TABLE studentaddress (StudentAddressId int PRIMARY KEY, StudentId int NOT NULL,
  Address1 varchar(100), City varchar(50), Zip varchar(10),
  PrimaryContactPhoneNumber varchar(20),
  CONSTRAINT fk_addr FOREIGN KEY (StudentId) REFERENCES student (StudentId));
CREATE TABLE studentgrade (StudentGradeId int PRIMARY KEY, StudentId int NOT NULL,
  TermCode varchar(10), TotalGradeMark varchar(5),
  CONSTRAINT fk_grade FOREIGN KEY (StudentId) REFERENCES student (StudentId));
"""


def test_a_pupils_tables_keyed_to_the_childs_record_are_the_childs(tmp_path: Path) -> None:
    """`studentaddress` and `studentgrade` name their rows students, but each is keyed to a
    pupil's record (a child's: its parents' and guardian's names, no higher education): the
    pupil's address and grades are the child's file, sensitive like the rest of it."""
    (tmp_path / "school.sql").write_text(PUPILS_SQL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    found = {d.dataset.name: d for d in result.datasets}
    assert found["student"].subject.role == "minor"
    for table, columns in (
        ("studentaddress", ("Address1", "Zip", "PrimaryContactPhoneNumber")),
        ("studentgrade", ("TotalGradeMark",)),
    ):
        assert found[table].subject.role == "minor", table
        names = {f.field.name: f for f in found[table].findings}
        for column in columns:
            assert names[column].sensitive, (table, column)


def test_a_college_students_address_table_stays_a_students(tmp_path: Path) -> None:
    college = PUPILS_SQL.replace(
        "ParentFullName varchar(100),\n  GuardianFullName varchar(100)", "Major varchar(100)"
    )
    assert college != PUPILS_SQL
    (tmp_path / "school.sql").write_text(college, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    found = {d.dataset.name: d for d in result.datasets}
    assert found["studentaddress"].subject.role == "student"


def test_a_school_districts_contact_details_are_an_organisations(tmp_path: Path) -> None:
    """A `schooldistrict` row with an address, a phone and an e-mail is the district's office,
    not a person: its contact details are not personal information."""
    ddl = (
        "CREATE TABLE schooldistrict (DistrictCode varchar(10) PRIMARY KEY, DistrictName"
        " varchar(100), Address1 varchar(100), City varchar(50), PhoneNumber varchar(20),"
        " EmailAddress varchar(100));"
    )
    (tmp_path / "district.sql").write_text(ddl, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    found = {d.dataset.name: d for d in result.datasets}
    assert found["schooldistrict"].subject.kind == "organisation"
    assert not any(f.personal for f in found["schooldistrict"].findings)


def test_a_student_registration_with_a_year_level_is_a_pupils(tmp_path: Path) -> None:
    """An Australian or New Zealand school places a pupil in a year level (`YearLevel`), as a US
    school does in a grade level: the registered students are children."""
    schema = {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": "Test registration",
        "type": "object",
        "properties": {
            "StudentLocalId": {"type": "string"},
            "FamilyName": {"type": "string"},
            "BirthDate": {"type": "string"},
            "YearLevel": {"type": "string"},
        },
    }
    (tmp_path / "registration.json").write_text(json.dumps(schema), encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    (found,) = result.datasets
    assert found.subject.role == "minor"
    names = {f.field.name: f for f in found.findings}
    assert names["FamilyName"].sensitive
    assert names["FamilyName"].sensitive_group == "minors_under_14"
