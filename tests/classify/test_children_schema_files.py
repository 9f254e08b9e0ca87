"""A schema file named after a kindergarten (`nursery.sql`, the dump of a database of that name)
says its pupils are young children: their records are a minor's, sensitive (PIPL Art. 28), while
the same table in a file named otherwise stays a student's. `bodycard` (身份证 word for word) is an
ID-card number."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

DDL = """
CREATE TABLE pro_student (
  bodycard varchar(18) NOT NULL,
  name varchar(10) NOT NULL,
  birthday datetime NOT NULL,
  sex varchar(2) NOT NULL,
  in_date datetime DEFAULT NULL,
  PRIMARY KEY (bodycard)
);
"""


def _student(tmp_path: Path, file: str):  # type: ignore[no-untyped-def]
    (tmp_path / file).write_text(DDL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return next(d for d in result.datasets if d.dataset.name == "pro_student")


def test_pupils_of_a_nursery_dump_are_children(tmp_path: Path) -> None:
    student = _student(tmp_path, "nursery.sql")
    assert student.subject.role == "minor"
    by_name = {f.field.name: f for f in student.findings}
    assert all(by_name[c].sensitive for c in ("name", "birthday", "sex", "in_date"))
    assert by_name["bodycard"].element == "pi.identity.resident_id"


def test_pupils_of_another_schema_file_stay_students(tmp_path: Path) -> None:
    student = _student(tmp_path, "school.sql")
    assert student.subject.role == "student"
    assert not next(f for f in student.findings if f.field.name == "name").sensitive
