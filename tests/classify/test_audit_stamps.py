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


# An electrical-equipment inspection system in PostgreSQL with romaji names: every table keeps
# who created and last recorded the row, the verbs in full (`create_user` with `create_date`,
# `record_user` with `record_date`).
METERS = """\
CREATE TABLE IF NOT EXISTS eso_t_c0011_keiki (
    okyaku_id CHARACTER(10) NOT NULL,
    daisu_renban INTEGER NOT NULL,
    shurui_cd CHARACTER(2),
    tkaku_v NUMERIC(6,1),
    seizo_ym CHARACTER(6),
    biko VARCHAR(256),
    create_date TIMESTAMP(6) WITHOUT TIME ZONE DEFAULT now(),
    create_user VARCHAR(100) NOT NULL,
    record_date TIMESTAMP(6) WITHOUT TIME ZONE DEFAULT now(),
    record_user VARCHAR(100) NOT NULL,
    shinki_koushin_sakujo_flg INTEGER
);
COMMENT ON TABLE eso_t_c0011_keiki IS '計器テーブル';
CREATE TABLE eso_t_c0009_numbering (
    yoto_kbn CHARACTER(2) NOT NULL,
    value_su INTEGER,
    touroku_user VARCHAR(100),
    touroku_date TIMESTAMP,
    koushin_user VARCHAR(100),
    koushin_date TIMESTAMP
);
"""

# A leave request: the user who applied, and when, is the person the row is about.
LEAVE = """\
CREATE TABLE leave_request (
  id bigint NOT NULL,
  apply_user varchar(64),
  apply_date datetime,
  days int,
  reason varchar(255)
);
"""


def test_stamps_with_the_verb_in_full_do_not_link_an_equipment_table(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"meters.sql": METERS, "leave.sql": LEAVE}, short=True)
    for table, columns in (
        ("eso_t_c0011_keiki", ("daisu_renban", "shurui_cd", "tkaku_v", "seizo_ym", "biko")),
        ("eso_t_c0009_numbering", ("yoto_kbn", "value_su")),
    ):
        meters = results[table]
        assert not meters.subject.about_person, table
        for column in columns:
            assert not _finding(meters, column).personal, column
    # a verb of the row's own business is no stamp: the applicant stays the row's person
    leave = results["leave_request"]
    assert leave.subject.about_person
    assert _finding(leave, "reason").personal
