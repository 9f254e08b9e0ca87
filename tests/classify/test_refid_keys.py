"""`REFID` columns are keys: `PATIENT_REFID` points at the patient whose record the row is, and
`DEPT_REFID` '科室' at a department, not the patient's work history."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

SCHEMA = """
CREATE TABLE PATIENT (REFID varchar(36) PRIMARY KEY, PATIENT_NAME varchar(40),
  MOBILE varchar(20));
CREATE TABLE WARD_NOTE (REFID varchar(36) PRIMARY KEY, PATIENT_REFID varchar(36),
  DEPT_REFID varchar(36) COMMENT '科室', NOTE_TEXT varchar(500), NOTE_TIME datetime);
"""


def test_refid_columns_are_keys(tmp_path: Path) -> None:
    (tmp_path / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    note = next(r for r in report.datasets if r.dataset.name == "WARD_NOTE")
    assert note.subject is not None and note.subject.kind == "person_linked"
    assert [link.column for link in note.subject.links] == ["PATIENT_REFID"]
    by_name = {f.field.name: f for f in note.findings}
    assert not by_name["DEPT_REFID"].personal
    assert by_name["NOTE_TEXT"].sensitive
