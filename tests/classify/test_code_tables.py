"""A table keyed by a code named like the table itself (`GENDER_CODE` keyed by `GENDER_CODE`)
lists the codes other tables hold: a code list, not anyone's record."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

SCHEMA = """
CREATE TABLE SCHOOL.GENDER_CODE (GENDER_CODE VARCHAR2(10) NOT NULL, LABEL VARCHAR2(30),
  DESCRIPTION VARCHAR2(255), EFFECTIVE_DATE DATE, EXPIRY_DATE DATE, CREATE_USER VARCHAR2(32),
  CONSTRAINT GENDER_CODE_PK PRIMARY KEY (GENDER_CODE));
CREATE TABLE SCHOOL.LOGIN_CHANNEL_CODE (LOGIN_CHANNEL_CODE VARCHAR2(10) NOT NULL,
  LABEL VARCHAR2(30), DESCRIPTION VARCHAR2(255), EFFECTIVE_DATE DATE, EXPIRY_DATE DATE,
  CREATE_USER VARCHAR2(32), CONSTRAINT LOGIN_CHANNEL_CODE_PK PRIMARY KEY (LOGIN_CHANNEL_CODE));
CREATE TABLE SCHOOL.PUPIL (PUPIL_ID NUMBER NOT NULL, LEGAL_FIRST_NAME VARCHAR2(40),
  DOB DATE, GENDER_CODE VARCHAR2(10), EMAIL VARCHAR2(80),
  CONSTRAINT PUPIL_PK PRIMARY KEY (PUPIL_ID));
"""


def test_a_table_keyed_by_its_own_code_is_a_code_list(tmp_path: Path) -> None:
    (tmp_path / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    by_name = {r.dataset.name: r for r in report.datasets}
    for name in ("SCHOOL.GENDER_CODE", "SCHOOL.LOGIN_CHANNEL_CODE"):
        result = by_name[name]
        assert result.subject is not None and result.subject.kind == "reference", name
        assert [f.field.name for f in result.findings if f.personal] == [], name
    # the pupil's own gender code stays the pupil's
    pupil = by_name["SCHOOL.PUPIL"]
    assert next(f for f in pupil.findings if f.field.name == "GENDER_CODE").personal
