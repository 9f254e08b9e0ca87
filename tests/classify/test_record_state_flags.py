"""Yes/no columns of one word that say how the application treats a record (`archived`,
`anonymized`, `confidential`, `public`) are not other information about the record's person."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

SQL = """CREATE TABLE candidate (
  id int PRIMARY KEY,
  first_name varchar(50),
  last_name varchar(50),
  email varchar(100),
  mobile varchar(20),
  archived boolean,
  anonymized boolean,
  confidential boolean,
  headline varchar(200)
);"""


def test_record_state_flags_are_not_the_persons(tmp_path: Path) -> None:
    """On a candidate's row, `archived`, `anonymized` and `confidential` say how the application
    keeps the row; the candidate's `headline` stays their information."""
    doc = _scan(tmp_path, {"ats.sql": SQL})["candidate"]
    for column in ("archived", "anonymized", "confidential"):
        assert not _finding(doc, column).personal, column
    assert _finding(doc, "headline").personal
