"""A table keyed by its own name and a code word (`MEMBER_STATUS` keyed by
`MEMBER_STATUS_CODE`, `WITHDRAWAL_REASON` by `WITHDRAWAL_REASON_CODE`) is a code list whose
codes the people's tables hold: its name, description and display order are no one's, also
where a role word qualifies the kind (a member status) and a Japanese comment says so
('会員ステータス名称', the name of a member status). The people's table keyed by a role's
code (`MEMBER` keyed by `MEMBER_CODE`) stays theirs."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

#: From a Japanese example schema of a members' shop (MySQL), comments shortened.
SCHEMA = """
CREATE TABLE MEMBER_STATUS
(
  MEMBER_STATUS_CODE CHAR(3) NOT NULL COMMENT '会員ステータスコード : 会員ステータスを識別するコード。',
  MEMBER_STATUS_NAME VARCHAR(50) NOT NULL COMMENT '会員ステータス名称 : 表示用の名称。',
  DESCRIPTION VARCHAR(200) NOT NULL COMMENT '説明 : 会員ステータスそれぞれの説明。',
  DISPLAY_ORDER INT NOT NULL UNIQUE COMMENT '表示順 : UI上のステータスの表示順を示すNO。',
  PRIMARY KEY (MEMBER_STATUS_CODE)
) COMMENT = '会員ステータス : 会員のステータスを示す固定的なマスタテーブル。';

CREATE TABLE WITHDRAWAL_REASON
(
  WITHDRAWAL_REASON_CODE CHAR(3) NOT NULL COMMENT '退会理由コード',
  WITHDRAWAL_REASON_TEXT TEXT NOT NULL COMMENT '退会理由テキスト',
  DISPLAY_ORDER INT NOT NULL UNIQUE COMMENT '表示順',
  PRIMARY KEY (WITHDRAWAL_REASON_CODE)
) COMMENT = '退会理由 : 会員に選ばせる定型的な退会理由のマスタ。';

CREATE TABLE MEMBER
(
  MEMBER_CODE CHAR(8) NOT NULL COMMENT '会員コード',
  MEMBER_NAME VARCHAR(200) NOT NULL COMMENT '会員名称',
  BIRTHDATE DATE COMMENT '生年月日',
  MEMBER_STATUS_CODE CHAR(3) NOT NULL,
  PRIMARY KEY (MEMBER_CODE),
  FOREIGN KEY (MEMBER_STATUS_CODE) REFERENCES MEMBER_STATUS (MEMBER_STATUS_CODE)
) COMMENT = '会員 : 会員登録時にデータが登録される。';
"""


def test_a_table_keyed_by_its_own_code_is_a_code_list(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"schema.sql": SCHEMA})
    for table in ("MEMBER_STATUS", "WITHDRAWAL_REASON"):
        assert found[table].subject.kind == "reference", table
        assert not [f.field.name for f in found[table].findings if f.personal], table


def test_the_members_table_keyed_by_a_member_code_stays_theirs(tmp_path: Path) -> None:
    member = scan_files(tmp_path, {"schema.sql": SCHEMA})["MEMBER"]
    assert member.subject.kind == "person"
    personal = {f.field.name for f in member.findings if f.personal}
    assert {"MEMBER_NAME", "BIRTHDATE"} <= personal
