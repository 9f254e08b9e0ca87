"""Oracle scripts as SQL*Plus runs them (client commands, PL/SQL blocks ended by ``/``, Oracle's
``MODIFY (…)``), Windows-1251 comments, and comment lines written above a column."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_readers_sql_styles import _comments, _dataset, _read

from dataflow.model import ReadResult
from dataflow.readers import read_path
from dataflow.readers.encoding import decode_text


def _problems(result: ReadResult) -> list[str]:
    return [f"{p.line}: {p.message}" for p in result.problems]


# --- 1. SQL*Plus client commands --------------------------------------------------------------

SQLPLUS = """\
prompt
prompt Creating table T_MEMBER (it's the members' table)...
prompt =================================
prompt
set define off
whenever sqlerror exit failure rollback
spool members.log
create table T_MEMBER
(
  member_id  VARCHAR2(32) not null,
  prompt     VARCHAR2(200),
  mobile     VARCHAR2(20)
)
;
comment on table T_MEMBER
  is '会员';
comment on column T_MEMBER.mobile
  is '手机号';
prompt Done
spool off
"""


def test_sqlplus_client_commands_are_not_sql_and_the_table_is_read(tmp_path: Path) -> None:
    result = _read(tmp_path, SQLPLUS)
    assert _problems(result) == []
    member = _dataset(result, "T_MEMBER")
    # a column named like a command is a column: only lines that start a statement are commands
    assert [(f.name, f.line) for f in member.fields] == [
        ("member_id", 10),
        ("prompt", 11),
        ("mobile", 12),
    ]
    assert member.line == 8
    assert member.comment == "会员"
    assert _comments(result, "T_MEMBER")["mobile"] == "手机号"


# --- 2. PL/SQL blocks and Oracle's MODIFY -------------------------------------------------------

PLSQL = """\
CREATE TABLE SUBSCRIBERS
(
  SUBSCRIBER_ID  NUMBER(38) NOT NULL,
  SURNAME        VARCHAR2(30 CHAR),
  PHONE          VARCHAR2(20 CHAR),
  BALANCE        NUMBER(15,2)
)
/

CREATE OR REPLACE TRIGGER TIU_SUBSCRIBERS
  BEFORE INSERT OR UPDATE ON SUBSCRIBERS FOR EACH ROW
BEGIN
  IF INSERTING THEN
    :NEW.SUBSCRIBER_ID := NEW_ID;
  END IF;
  :NEW.CHANGED := SYSDATE;
END;
/

DECLARE
  n NUMBER;
BEGIN
  SELECT COUNT(*) INTO n FROM SUBSCRIBERS;
  EXECUTE IMMEDIATE 'GRANT SELECT ON SUBSCRIBERS TO ro';
END;
/

begin EXECUTE IMMEDIATE 'GRANT INSERT ON SUBSCRIBERS TO ro'; end;
ALTER TABLE SUBSCRIBERS MODIFY(PHONE VARCHAR2(40 CHAR))
/
ALTER TABLE SCHEMA1.SUBSCRIBERS
MODIFY(BALANCE  DEFAULT 0)
/
ALTER TABLE SUBSCRIBERS ADD (PASSPORT VARCHAR2(20 CHAR));
/
"""


def test_plsql_blocks_ended_by_a_slash_line_are_one_statement(tmp_path: Path) -> None:
    result = _read(tmp_path, PLSQL)
    assert _problems(result) == []
    subscribers = _dataset(result, "SUBSCRIBERS")
    assert [(f.name, f.data_type) for f in subscribers.fields] == [
        ("SUBSCRIBER_ID", "NUMBER(38)"),
        ("SURNAME", "VARCHAR2(30 CHAR)"),
        # a block without its '/' ends where DDL follows: the MODIFY after it is read
        ("PHONE", "VARCHAR2(40 CHAR)"),
        ("BALANCE", "NUMBER(15, 2)"),  # MODIFY … DEFAULT 0 changes no type
        ("PASSPORT", "VARCHAR2(20 CHAR)"),
    ]


def test_a_broken_table_after_a_plsql_block_is_still_reported(tmp_path: Path) -> None:
    text = (
        "BEGIN\n  NULL;\nEND;\n/\nCREATE TABLE broken (a INT b c d, );\nCREATE TABLE ok (c INT);\n"
    )
    result = _read(tmp_path, text)
    # read column by column: ``a`` is kept without a type, each with a warning at line 5
    assert [p.line for p in result.problems] == [5, 5]
    assert "broken" in result.problems[0].message
    assert [(d.name, [f.name for f in d.fields]) for d in result.datasets] == [
        ("broken", ["a"]),
        ("ok", ["c"]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a line with a command's first word inside a statement is SQL
        "SET NAMES utf8mb4;\nCREATE TABLE a (x INT, z INT);\nUPDATE a\nset define = 1;\n"
        "set echo off\nCREATE TABLE b (y INT);\n",
        # MySQL transactions and PostgreSQL functions are no PL/SQL blocks
        "BEGIN;\nCREATE TABLE a (x INT);\nCOMMIT;\n"
        "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;\n"
        "CREATE TABLE b (y INT);\n",
    ],
)
def test_statements_like_client_commands_or_blocks_are_split_as_before(
    tmp_path: Path, text: str
) -> None:
    result = _read(tmp_path, text)
    assert _problems(result) == []
    assert [d.name for d in result.datasets] == ["a", "b"]


# --- 3. Windows-1251 --------------------------------------------------------------------------

CYRILLIC = """\
CREATE TABLE CLIENTS
(
  CLIENT_ID   NUMBER(38) NOT NULL,
  LAST_NAME   VARCHAR2(30 CHAR),
  FIRST_NAME  VARCHAR2(30 CHAR)
)
/
COMMENT ON TABLE CLIENTS IS 'Клиенты'
/
COMMENT ON COLUMN CLIENTS.CLIENT_ID IS 'Ключ'
/
COMMENT ON COLUMN CLIENTS.LAST_NAME IS 'Фамилия'
/
COMMENT ON COLUMN CLIENTS.FIRST_NAME IS 'Имя'
/

CREATE OR REPLACE TRIGGER TIU_CLIENTS
  BEFORE INSERT OR UPDATE ON CLIENTS FOR EACH ROW
BEGIN
  IF INSERTING THEN
    :NEW.CREATED_BY := USER;
    :NEW.CREATED_AT := SYSDATE;
  END IF;
END;
/
"""


def test_windows_1251_comments_are_decoded_as_cyrillic(tmp_path: Path) -> None:
    path = tmp_path / "clients.sql"
    path.write_bytes(CYRILLIC.encode("cp1251"))
    result = read_path(path)
    assert _problems(result) == []
    clients = _dataset(result, "CLIENTS")
    assert clients.comment == "Клиенты"
    assert {f.name: f.comment for f in clients.fields} == {
        "CLIENT_ID": "Ключ",
        "LAST_NAME": "Фамилия",
        "FIRST_NAME": "Имя",
    }


def test_cyrillic_and_chinese_legacy_files_each_decode_exactly() -> None:
    for text, encoding, legacy in (
        (CYRILLIC, "cp1251", "cp1251"),
        (
            "COMMENT ON COLUMN A.PHONE IS 'Номер телефона (№ в «базе» — ёлка)';\n",
            "cp1251",
            "cp1251",
        ),
        ("COMMENT ON COLUMN A.B IS 'кЛЮЧ НА ДОП СТАТУС';\n", "cp1251", "cp1251"),
        ("COMMENT ON TABLE T IS 'Типы отчетов';\n", "cp1251", "cp1251"),
        ("COMMENT ON TABLE T IS 'Довідник областей і їх кодів';\n", "cp1251", "cp1251"),
        (
            "CREATE TABLE kh (xm VARCHAR(20) COMMENT '姓名', sj VARCHAR(11) COMMENT '手机');\n",
            "gbk",
            "gb18030",
        ),
        (
            "-- 创建患者表\nCREATE TABLE hz (sfzh VARCHAR(18) COMMENT '身份证号码');\n",
            "gb18030",
            "gb18030",
        ),
    ):
        decoded, sniffed, bad = decode_text(text.encode(encoding))
        assert (decoded, sniffed.legacy, bad) == (text, legacy, None)


def test_koi8_text_is_not_taken_for_windows_1251() -> None:
    # KOI8-R bytes are Cyrillic letters in Windows-1251 too, with every case swapped
    text = "COMMENT ON TABLE ABONENTS IS 'Абоненты и Договоры';\n"
    _, sniffed, _ = decode_text(text.encode("koi8_r"))
    assert sniffed.legacy != "cp1251"


GREEK = """\
CREATE TABLE Ασθενής (
\tΑΜΚΑ numeric(8, 0) NOT NULL PRIMARY KEY,
\tΌνομα varchar(50),
\tΕπώνυμο varchar(50),
\tΤηλέφωνο varchar(14),
\tΔιεύθυνση varchar(100)
);
CREATE TABLE Φάρμακο (
\tΚωδικός_Φαρμάκου numeric(15, 0) NOT NULL PRIMARY KEY,
\tΦαρμακευτική_Εταιρία varchar(100)
);
"""


def test_windows_1253_greek_is_not_taken_for_windows_1251(tmp_path: Path) -> None:
    # Greek in Windows-1253 is letters in Windows-1251 too (Ασθενής reads БуиенЮт); its
    # accented vowels, capitals there, give it away
    path = tmp_path / "HospitalDB.sql"
    path.write_bytes(GREEK.replace("\n", "\r\n").encode("cp1253"))
    result = read_path(path)
    assert _problems(result) == []
    patients = _dataset(result, "Ασθενής")
    assert [f.name for f in patients.fields] == [
        "ΑΜΚΑ",
        "Όνομα",
        "Επώνυμο",
        "Τηλέφωνο",
        "Διεύθυνση",
    ]
    decoded, sniffed, bad = decode_text(GREEK.encode("cp1253"))
    assert (decoded, sniffed.legacy, bad) == (GREEK, "cp1253", None)


def test_russian_that_also_decodes_as_windows_1253_stays_windows_1251() -> None:
    # no Т or я (undefined in Windows-1253): Greek reading has final sigmas inside words
    for text in (
        "COMMENT ON TABLE T IS 'Клиенты и их счета';\n",
        "COMMENT ON COLUMN A.B IS 'ПОЛНОЕ ИМЯ ВЛАДЕЛЬЦА';\n",
    ):
        assert text.encode("cp1251").decode("cp1253")
        decoded, sniffed, bad = decode_text(text.encode("cp1251"))
        assert (decoded, sniffed.legacy, bad) == (text, "cp1251", None)


# --- 4. comment lines above a column ------------------------------------------------------------

LEADING = """\
-- subscribers of the network
CREATE TABLE subscriber (
-- the scheme follows the network's registers
\tid\t\tINTEGER PRIMARY KEY,
\t-- International mobile subscriber identity
\timsi\t\tVARCHAR(15) UNIQUE NOT NULL,
\t-- Directory number,
\t-- as dialled
\tmsisdn\t\tVARCHAR(15) UNIQUE,\t-- the subscriber's number
\t-- old_phone VARCHAR(20),
\timei\t\tVARCHAR(14),

\t-- Last update seen from the subscriber
\t-- dataflow: allow ip_address "a network element's address"
\tlast_seen TIMESTAMP default NULL,
\tnam_cs BOOLEAN NOT NULL DEFAULT 1
);
"""


def test_comment_lines_above_a_column_are_its_comment(tmp_path: Path) -> None:
    result = _read(tmp_path, LEADING)
    assert _problems(result) == []
    assert _comments(result, "subscriber") == {
        "id": "the scheme follows the network's registers",
        "imsi": "International mobile subscriber identity",
        "msisdn": "the subscriber's number",  # the comment on its line wins
        "imei": None,  # a commented-out column is no description
        "last_seen": "Last update seen from the subscriber",
        "nam_cs": None,
    }


def test_comment_lines_above_columns_in_mysql_and_oracle(tmp_path: Path) -> None:
    text = (
        "CREATE TABLE `hz` (\n  -- 姓名\n  `xm` varchar(20),\n"
        "  `sj` varchar(11) COMMENT '手机'\n) ENGINE=InnoDB;\n"
        "create table T_A\n(\n  -- 证件号码\n  zjhm VARCHAR2(18)\n);\n"
    )
    result = _read(tmp_path, text)
    assert _problems(result) == []
    assert _comments(result, "hz") == {"xm": "姓名", "sj": "手机"}
    assert _comments(result, "T_A") == {"zjhm": "证件号码"}


def test_cyrillic_words_of_even_length_are_not_taken_for_gbk() -> None:
    # every word an even number of bytes, so GB18030 decodes it too, into rare characters
    for text in (
        "COMMENT ON TABLE document_type IS 'Типы документов';\n",
        "COMMENT ON TABLE cardio_store IS 'Склад';\nCOMMENT ON TABLE t IS 'Типы моделей';\n",
    ):
        decoded, sniffed, bad = decode_text(text.encode("cp1251"))
        assert (decoded, sniffed.legacy, bad) == (text, "cp1251", None)
    # short Chinese text whose bytes also read as Cyrillic letters stays Chinese
    text = "CREATE TABLE kh (xm VARCHAR(20) COMMENT '姓名', sj VARCHAR(11) COMMENT '手机');\n"
    decoded, sniffed, _ = decode_text(text.encode("gbk"))
    assert (decoded, sniffed.legacy) == (text, "gb18030")


def test_cyrillic_in_capitals_is_not_taken_for_gbk(tmp_path: Path) -> None:
    # Capitals are bytes 0xC0-0xDF: GBK reads words of even length as common characters.
    text = (
        "CREATE TABLE DOC_TYPE (\n  ID NUMBER(10),\n  NAME VARCHAR2(100)\n);\n"
        "COMMENT ON TABLE DOC_TYPE IS 'ТИПЫ ДОКУМЕНТОВ';\n"
        "COMMENT ON COLUMN DOC_TYPE.NAME IS 'НАЗВАНИЕ ТИПА';\n"
    )
    path = tmp_path / "doc_type.sql"
    path.write_bytes(text.encode("cp1251"))
    result = read_path(path)
    assert _problems(result) == []
    doc_type = _dataset(result, "DOC_TYPE")
    assert doc_type.comment == "ТИПЫ ДОКУМЕНТОВ"
    assert {f.name: f.comment for f in doc_type.fields} == {"ID": None, "NAME": "НАЗВАНИЕ ТИПА"}
    tsql = "CREATE TABLE [dbo].[КЛИЕНТЫ] (\n  [КОД] int,\n  [ИМЯ_] nvarchar(50)\n);\n"
    assert decode_text(tsql.encode("cp1251"))[0] == tsql
    # Chinese text whose every character has both bytes in that range stays Chinese when it
    # is short (four characters: 日期 心率); longer Chinese text practically never is all such.
    for chinese in (
        "CREATE TABLE t (rq DATE COMMENT '日期', xl INT COMMENT '心率');\n",
        "CREATE TABLE hz (xm VARCHAR(20) COMMENT '患者姓名', rq DATE COMMENT '就诊日期');\n",
    ):
        decoded, sniffed, _ = decode_text(chinese.encode("gbk"))
        assert (decoded, sniffed.legacy) == (chinese, "gb18030")


TSQL_COMMENTED = """\
--IF NOT EXISTS
--(
--\tSELECT\t1
--\tFROM\tINFORMATION_SCHEMA.TABLES
--\tWHERE\tTABLE_SCHEMA = 'dbo'
--\tAND\t\tTABLE_NAME = 'InsuranceMaster'
--)
--BEGIN
    CREATE TABLE [dbo].[InsuranceMaster]
    (
\t    [Id] [int] IDENTITY(1,1) NOT NULL,
\t    --[PatientId] [int] NOT NULL,
        [CaseId] [int] NOT NULL,
\t--[IsPrimaryInsurance] [BIT] NULL DEFAULT 0,
\t[AdjusterMasterId] [INT] NULL,
\t-- the policy holder's name
\t[PolicyHolderName] [NVARCHAR](50) NULL
    )
"""


def test_commented_out_tsql_is_no_comment(tmp_path: Path) -> None:
    result = _read(tmp_path, TSQL_COMMENTED)
    assert _problems(result) == []
    master = _dataset(result, "dbo.InsuranceMaster")
    assert master.comment is None
    assert _comments(result, "dbo.InsuranceMaster") == {
        "Id": None,
        "CaseId": None,
        "AdjusterMasterId": None,
        "PolicyHolderName": "the policy holder's name",
    }


SQL_DEVELOPER = """\
--------------------------------------------------------
--  DDL for Table PATIENT
--------------------------------------------------------

  CREATE TABLE "PATIENT"
   (	"PATIENT_ID" VARCHAR2(20 BYTE),
	"FULL_NAME" VARCHAR2(50 BYTE)
   ) SEGMENT CREATION IMMEDIATE
  PCTFREE 10 PCTUSED 40 INITRANS 1 MAXTRANS 255
  TABLESPACE "USERS" ;
--------------------------------------------------------
--  Constraints for Table PATIENT
--------------------------------------------------------

  ALTER TABLE "PATIENT" MODIFY ("PATIENT_ID" NOT NULL ENABLE);
  ALTER TABLE "PATIENT" MODIFY ("FULL_NAME" NOT NULL ENABLE NOVALIDATE);
"""


def test_modify_with_a_constraint_state_is_read(tmp_path: Path) -> None:
    # SQL Developer ends each NOT NULL it exports with ENABLE: the statement was an error
    # saying the columns it changes were not read
    result = _read(tmp_path, SQL_DEVELOPER)
    assert _problems(result) == []
    patient = _dataset(result, "PATIENT")
    assert [(f.name, f.data_type, f.line) for f in patient.fields] == [
        ("PATIENT_ID", "VARCHAR2(20)", 6),
        ("FULL_NAME", "VARCHAR2(50)", 7),
    ]


def test_commented_out_columns_of_every_type_are_no_comment(tmp_path: Path) -> None:
    # One list of column types serves the comments above a column and those above a table.
    text = (
        "/* visit_time : time\n   remark : 备注 */\n"
        "CREATE TABLE visit (\n"
        "  id int,\n"
        "  -- the time the patient came\n"
        "  visit_time time,\n"
        "  -- old_blob bytea,\n"
        "  remark varchar(200),\n"
        "  -- signature_xml xml,\n"
        "  -- [Photo] [image] NULL,\n"
        "  note text\n"
        ");\n"
    )
    result = _read(tmp_path, text)
    assert _problems(result) == []
    assert _comments(result, "visit") == {
        "id": None,
        "visit_time": "the time the patient came",
        "remark": "备注",
        "note": None,
    }


def test_comment_on_column_is_the_description_before_a_remark_on_its_line(
    tmp_path: Path,
) -> None:
    # A tax filing table: two columns carry a "--新增" (added) remark on their line and their
    # description is declared afterwards with COMMENT ON COLUMN.
    text = (
        "create table T_JMSBA\n(\n"
        "  BBQLX VARCHAR2(2) not null,--新增\n"
        "  QH NUMBER(4),--新增\n"
        "  NSRSBH VARCHAR2(20) --纳税人识别号\n"
        ");\n"
        "comment on column T_JMSBA.BBQLX is '报表期类型';\n"
        "comment on column T_JMSBA.QH is '期号';\n"
        "comment on column T_JMSBA.NSRSBH is '纳税人识别号';\n"
    )
    result = _read(tmp_path, text)
    assert _problems(result) == []
    assert _comments(result, "T_JMSBA") == {
        "BBQLX": "报表期类型 (新增)",
        "QH": "期号 (新增)",
        "NSRSBH": "纳税人识别号",
    }
