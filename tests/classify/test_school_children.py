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
