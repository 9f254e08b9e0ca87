"""`disabled` alone is most often a record's own switch (a disabled queue or custom field), not
a person's disability; a disabled person, or a disability, still is one (sensitive)."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

SCHEMA = """
CREATE TABLE Queues (
  id NUMBER(11,0) PRIMARY KEY,
  Name VARCHAR2(200) NOT NULL,
  Description VARCHAR2(255),
  Disabled NUMBER(11,0) DEFAULT 0 NOT NULL
);
CREATE TABLE students (
  id INT PRIMARY KEY,
  first_name VARCHAR(50),
  last_name VARCHAR(50),
  birth_date DATE,
  disabled_person CHAR(1),
  disability_level VARCHAR(20)
);
"""


def test_a_disabled_switch_is_no_disability(tmp_path: Path) -> None:
    queues = _scan(tmp_path, {"s.sql": SCHEMA})["Queues"]
    assert not _finding(queues, "Disabled").personal


def test_a_disabled_person_is_a_disability(tmp_path: Path) -> None:
    students = _scan(tmp_path, {"s.sql": SCHEMA})["students"]
    for column in ("disabled_person", "disability_level"):
        finding = _finding(students, column)
        assert finding.element == "pi.special_identity.disability" and finding.sensitive, column
