"""A row's audit stamps written as abbreviated who-and-when pairs (`SYS_USER` with `SYS_DT`,
`UPD_USER` with `UPD_DT`) do not make a code table a person's record."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

# An HR system's code tables in Oracle, Korean comments, audit columns on every table.
HRM = """\
CREATE TABLE COM.HRMAPPOINTMENTCODE (
  APPOINTMENT_CODE      VARCHAR2(10) NOT NULL,
  APPOINTMENT_CODE_NAME VARCHAR2(100),
  USE_YN                CHAR(1),
  PRT_SEQ               NUMBER(5),
  CMT                   VARCHAR2(1000),
  SYS_USER              VARCHAR2(20),
  SYS_DT                DATE,
  UPD_USER              VARCHAR2(20),
  UPD_DT                DATE
);
COMMENT ON TABLE COM.HRMAPPOINTMENTCODE IS '발령코드정보';
CREATE TABLE COM.HRMAPPOINTMENTLEDGER (
  LEDGER_ID        NUMBER(10) NOT NULL,
  APPOINTMENT_TYPE VARCHAR2(10),
  REG_USER         VARCHAR2(20),
  REG_DATE         DATE
);
"""

# A family member's account row keyed by the system user it belongs to: no stamp time beside it.
FAMILY = """\
CREATE TABLE family_user (
  id bigint NOT NULL,
  sys_user_id bigint NOT NULL,
  relation varchar(20),
  phone varchar(20)
);
"""


def test_abbreviated_who_and_when_stamps_do_not_link_a_code_table(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"hrm.sql": HRM, "family.sql": FAMILY}, short=True)
    codes = results["HRMAPPOINTMENTCODE"]
    assert codes.subject.kind == "unknown"
    for column in ("APPOINTMENT_CODE", "USE_YN", "CMT", "SYS_USER", "SYS_DT", "UPD_DT"):
        assert not _finding(codes, column).personal, column
    ledger = results["HRMAPPOINTMENTLEDGER"]
    assert ledger.subject.kind == "unknown"
    assert not _finding(ledger, "APPOINTMENT_TYPE").personal
    # without a stamp time of the same first word, the system user's key is a person's
    family = results["family_user"]
    assert family.subject.about_person
    assert _finding(family, "phone").personal
