"""SQL DDL reader: dialects, comments, types, lines, allow comments, broken statements."""

from __future__ import annotations

from pathlib import Path

import pytest

from dataflow.model import Dataset, Field, ReadResult, Severity
from dataflow.readers import read_path
from dataflow.readers.sql import split_statements

DATA = Path(__file__).parent.parent / "data" / "readers"


def _fields(result: ReadResult, table: str) -> dict[str, Field]:
    ds = _dataset(result, table)
    return {f.name: f for f in ds.fields}


def _dataset(result: ReadResult, table: str) -> Dataset:
    found = [d for d in result.datasets if d.name == table]
    assert found, f"no dataset {table}; have {[d.name for d in result.datasets]}"
    return found[0]


def _write(tmp_path: Path, text: str, name: str = "t.sql") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_mysql_dump_keeps_comments_types_lines_and_qualified_names() -> None:
    result = read_path(DATA / "mysql_shop.sql")
    assert result.format == "sql"
    assert result.problems == ()
    assert [d.name for d in result.datasets] == ["shop.customers", "orders"]
    customers = _dataset(result, "shop.customers")
    assert customers.comment == "客户表"
    assert customers.line == 5
    assert customers.source_format == "sql"
    fields = _fields(result, "shop.customers")
    assert list(fields) == ["id", "xm", "sjhm", "sfzh", "note"]
    assert fields["xm"].comment == "姓名"
    assert fields["sjhm"].comment == "手机号码"
    assert fields["sjhm"].pointer == "shop.customers.sjhm"
    assert fields["xm"].data_type == "VARCHAR(32)"
    assert fields["xm"].nullable is False
    assert fields["note"].nullable is None
    assert [fields[n].line for n in ("id", "xm", "sjhm", "sfzh", "note")] == [6, 7, 9, 10, 11]
    orders = _fields(result, "orders")
    assert orders["order_no"].comment == "it's the order number; not a phone"
    assert orders["amount"].data_type == "DECIMAL(10, 2)"


def test_inline_allow_comments_on_and_above_the_column() -> None:
    fields = _fields(read_path(DATA / "mysql_shop.sql"), "shop.customers")
    assert fields["sjhm"].allow == (("pi.contact.mobile", "masked at source, reviewed 2026-10"),)
    assert fields["sfzh"].allow == (("pi.identity.resident_id", "hashed before export"),)
    assert fields["xm"].allow == ()
    assert fields["note"].allow == ()  # the trailing comment of the line above is not its own


def test_allow_comment_without_reason_is_a_warning(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "CREATE TABLE t (\n  a INT,\n  -- dataflow: allow pi.contact.mobile\n  phone TEXT\n);\n",
    )
    result = read_path(path)
    assert _fields(result, "t")["phone"].allow == ()
    assert [(p.line, p.severity) for p in result.problems] == [(3, Severity.WARNING)]


def test_postgres_comment_on_and_dollar_quoted_function() -> None:
    result = read_path(DATA / "postgres_crm.sql")
    assert result.problems == ()
    assert [d.name for d in result.datasets] == ["crm.contacts"]
    ds = result.datasets[0]
    assert ds.comment == "联系人"
    fields = _fields(result, "crm.contacts")
    assert fields["full_name"].comment == "联系人姓名"
    assert fields["email"].comment == "E-mail address"
    assert fields["contact_id"].data_type == "SERIAL"
    assert fields["created_at"].line == 6


def test_hive_comments_struct_and_partition_columns() -> None:
    result = read_path(DATA / "hive_ods.hql")
    assert result.problems == ()
    ds = _dataset(result, "ods.user_info")
    assert ds.comment == "用户信息"
    fields = _fields(result, "ods.user_info")
    assert fields["phone"].comment == "手机号"
    assert fields["addr"].data_type is not None and "STRUCT" in fields["addr"].data_type
    assert fields["dt"].comment == "分区日期"
    assert fields["dt"].line == 7


@pytest.mark.parametrize(
    "ddl",
    [
        "CREATE TABLE [dbo].[people] ([id] INT IDENTITY(1,1), [phone] NVARCHAR(MAX));\nGO\n",
        "CREATE TABLE people (id NUMBER(10), phone VARCHAR2(20));\n",
        "CREATE TABLE people (id INTEGER PRIMARY KEY, phone TEXT);\n",
    ],
    ids=["tsql", "oracle", "sqlite"],
)
def test_other_dialects(tmp_path: Path, ddl: str) -> None:
    result = read_path(_write(tmp_path, ddl))
    ds = result.datasets[0]
    assert ds.name.endswith("people")
    assert [f.name for f in ds.fields] == ["id", "phone"]
    assert not [p for p in result.problems if p.severity is Severity.ERROR]


def test_broken_statement_is_reported_with_its_line_and_the_rest_still_counts(
    tmp_path: Path,
) -> None:
    text = (
        "CREATE TABLE a (x INT);\n"
        "\n"
        "CREATE TABLE b (\n  y INT,\n  z VARCHAR(20) COMMENT 'secret-13987650123\n"
    )
    result = read_path(_write(tmp_path, text))
    assert [d.name for d in result.datasets] == ["a"]
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.line == 3
    assert problem.severity is Severity.ERROR
    assert "13987650123" not in problem.message
    assert "CREATE TABLE" in problem.message


def test_parser_messages_never_quote_the_input(tmp_path: Path) -> None:
    text = "CREATE TABLE t2 (x INT DEFAULT '13987650123' ((( ;\nSELEKT 13987650123;\n"
    result = read_path(_write(tmp_path, text))
    assert len(result.problems) == 2
    for problem in result.problems:
        assert "13987650123" not in problem.message
        assert "SELEKT" not in problem.message
    assert [p.line for p in result.problems] == [1, 2]


def test_missing_semicolon_before_create_table_is_reported(tmp_path: Path) -> None:
    text = "INSERT INTO t VALUES (1, 'a'\nCREATE TABLE t2 (x INT);\nCREATE TABLE t3 (y INT);\n"
    result = read_path(_write(tmp_path, text))
    assert [d.name for d in result.datasets] == ["t3"]
    assert [p.line for p in result.problems] == [1]
    assert "CREATE TABLE t2 inside it at line 2 was not read" in result.problems[0].message


def test_statements_that_are_not_create_table_are_ignored(tmp_path: Path) -> None:
    text = (
        "SET NAMES utf8;\nCREATE VIEW v AS SELECT 1;\nCREATE INDEX i ON t (a);\n"
        "DROP TABLE IF EXISTS t;\nALTER TABLE t ADD COLUMN b INT;\nCREATE TABLE t (a INT);\n"
    )
    result = read_path(_write(tmp_path, text))
    assert result.problems == ()
    assert [d.name for d in result.datasets] == ["t"]


def test_create_table_as_select_lists_its_columns(tmp_path: Path) -> None:
    result = read_path(_write(tmp_path, "CREATE TABLE s AS SELECT id, phone AS mobile FROM t;\n"))
    assert [f.name for f in result.datasets[0].fields] == ["id", "mobile"]


def test_lines_are_right_after_multibyte_comments(tmp_path: Path) -> None:
    text = (
        "-- 客户资料表，包含手机号码和身份证号码等敏感信息\n"
        "/* 多行注释\n   第二行 */\n"
        "CREATE TABLE kh (\n"
        "  xm VARCHAR(10) COMMENT '姓名姓名姓名姓名',\n"
        "  sjhm VARCHAR(11) COMMENT '手机号码'\n"
        ");\n"
    )
    result = read_path(_write(tmp_path, text))
    ds = result.datasets[0]
    assert ds.line == 4
    assert [f.line for f in ds.fields] == [5, 6]


def test_gbk_encoded_ddl_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "gbk.sql"
    path.write_bytes("CREATE TABLE kh (sjhm VARCHAR(11) COMMENT '手机号码');\n".encode("gbk"))
    result = read_path(path)
    assert result.datasets[0].fields[0].comment == "手机号码"


def test_splitter_respects_quotes_comments_and_dollar_quotes() -> None:
    text = (
        "CREATE TABLE a (x TEXT DEFAULT ';');\n"
        "-- comment; with a semicolon\n"
        '/* block; comment */ CREATE TABLE b ("y;" INT);\n'
        "DO $$ BEGIN PERFORM 1; END $$;\n"
        "CREATE TABLE c (`z;` INT)"
    )
    statements = split_statements(text)
    assert [s.text.split("(")[0].strip() for s in statements] == [
        "CREATE TABLE a",
        "CREATE TABLE b",
        "DO $$ BEGIN PERFORM 1; END $$",
        "CREATE TABLE c",
    ]
    assert text[statements[1].start :].startswith("CREATE TABLE b")


def test_empty_and_binary_sql_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sql"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.sql"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" + bytes(range(256)) * 8)
    for path in (empty, binary):
        result = read_path(path)
        assert result.datasets == ()
        assert len(result.problems) == 1
        assert result.problems[0].severity is Severity.ERROR
        assert result.problems[0].path == str(path)


def test_sql_server_go_separates_batches(tmp_path: Path) -> None:
    text = (
        "CREATE TABLE dbo.a ([id] INT, [phone] NVARCHAR(20))\nGO\n"
        "CREATE TABLE dbo.b ([email] NVARCHAR(100))\ngo\n"
        "CREATE TABLE dbo.going (x INT)\n"
    )
    result = read_path(_write(tmp_path, text))
    assert result.problems == ()
    assert [d.name for d in result.datasets] == ["dbo.a", "dbo.b", "dbo.going"]
    assert [d.line for d in result.datasets] == [1, 3, 5]


DIALECT_CASES = {
    "mysql2.sql": ("user_profile", "用户资料", {"gender": ("ENUM('M', 'F')", "性别")}),
    "pg2.sql": ("public.patients", None, {"aliases": ("TEXT[]", None)}),
    "hive2.hql": ("dw.orders", None, {"buyer_phone": ("STRING", "买家手机")}),
    "oracle2.sql": ("HR.EMPLOYEES", None, {"PHONE_NUMBER": ("VARCHAR2(20)", "Phone number")}),
    "ch.sql": ("events", None, {"phone": ("String", "手机号")}),
    "doris.sql": ("example_db.users", None, {"user_id": ("LARGEINT", "用户id")}),
}


@pytest.mark.parametrize("name", sorted(DIALECT_CASES))
def test_dialect_fixtures(name: str) -> None:
    table, comment, expected = DIALECT_CASES[name]
    result = read_path(DATA / "dialects" / name)
    assert not [p for p in result.problems if p.severity is Severity.ERROR]
    ds = _dataset(result, table)
    assert ds.comment == comment
    fields = {f.name: f for f in ds.fields}
    for column, (data_type, column_comment) in expected.items():
        assert (fields[column].data_type, fields[column].comment) == (data_type, column_comment)
    assert all(f.line is not None for f in ds.fields)


def test_oracle_storage_clauses_are_read_without_a_warning() -> None:
    result = read_path(DATA / "dialects" / "oracle2.sql")
    assert result.problems == ()
    assert [f.line for f in result.datasets[0].fields] == [2, 3, 4]


def test_powerdesigner_sql_server_script_reads_every_table_and_comment() -> None:
    result = read_path(DATA / "dialects" / "powerdesigner_mssql.sql")
    assert result.problems == ()
    assert [d.name for d in result.datasets] == [
        "HIS_PATIENT",
        "HIS_VISIT",
        "HIS_ALLERGY",
        "HIS_DRUG",
    ]
    patient = _dataset(result, "HIS_PATIENT")
    assert patient.comment == "患者基本信息"
    comments = {f.name: f.comment for f in patient.fields}
    assert comments == {
        "PATIENT_ID": "患者编号",
        "PATIENT_NAME": "患者姓名",
        "ID_NUMBER": "患者身份证件号码",
        "BIRTH_DATE": "出生日期",
        "NOTE": None,  # a '/* … */' inside a quoted default is not a comment
        "WARD": "病区",  # from sp_addextendedproperty
    }
    assert [f.line for f in patient.fields] == [18, 19, 20, 21, 22, 23]
    visit = _fields(result, "HIS_VISIT")
    assert visit["DIAGNOSIS"].comment == "门诊诊断"
    assert [d.line for d in result.datasets] == [17, 52, 61, 70]
    allergy = _fields(result, "HIS_ALLERGY")
    assert (allergy["PATIENT_ID"].comment, allergy["ALLERGEN"].comment) == ("患者编号", "过敏原")
    drug = _dataset(result, "HIS_DRUG")
    assert drug.comment == "药品字典"
    assert {f.name: f.comment for f in drug.fields} == {"DRUG_CODE": None, "DRUG_NAME": "药品名称"}


def test_trailing_comment_belongs_to_its_own_column(tmp_path: Path) -> None:
    text = (
        "CREATE TABLE t (\n"
        "  a INT, b INT /* for b */,\n"
        "  /* about c, on its own line */\n"
        "  c INT,\n"
        '  d INT -- dataflow: allow pi.identity.name "test data"\n'
        ");\n"
    )
    result = read_path(_write(tmp_path, text))
    fields = _fields(result, "t")
    assert {name: f.comment for name, f in fields.items()} == {
        "a": None,
        "b": "for b",
        "c": None,
        "d": None,
    }
    assert fields["d"].allow == (("pi.identity.name", "test data"),)


def test_guarded_create_table_that_does_not_parse_is_reported_without_quoting(
    tmp_path: Path,
) -> None:
    text = (
        "if not exists (select 1 from sysobjects where id = object_id('T_SECRET'))\n"
        "create table T_SECRET (ZHANGSAN_110101 int default ('x'\ngo\n"
        "create table T_OK (A int)\ngo\n"
    )
    result = read_path(_write(tmp_path, text))
    assert [d.name for d in result.datasets] == ["T_OK"]
    assert [(p.severity, p.line) for p in result.problems] == [(Severity.ERROR, 2)]
    assert "ZHANGSAN" not in result.problems[0].message
    assert "table T_SECRET is not read" in result.problems[0].message


def test_sql_server_management_studio_script_reads_guarded_tables_and_properties() -> None:
    result = read_path(DATA / "dialects" / "ssms_mssql.sql")
    assert result.problems == ()
    assert [(d.name, d.comment, d.line) for d in result.datasets] == [
        ("dbo.Member", "会员", 7),
        ("Visit", "就诊记录", 29),
    ]
    assert {f.name: f.comment for f in _dataset(result, "dbo.Member").fields} == {
        "ID": None,
        "CardNo": "会员卡号",
        "MemberName": None,
    }
    assert _fields(result, "Visit")["Complaint"].comment == "主诉"


def test_sqlplus_slash_and_crlf_go_lines_end_statements(tmp_path: Path) -> None:
    oracle = (
        "create table T_A\r\n(\r\n  XM VARCHAR2(30),\r\n  SFZH VARCHAR2(18)\r\n)\r\n"
        "tablespace TS_A\r\n  pctfree 10\r\n/\r\n\r\n"
        "comment on column T_A.SFZH\r\n  is '身份证号';\r\n"
        "create table T_B (modified char(19) null /*最后修改时间*/,\r\n"
        "  vcardid varchar2(50) null /*身份证号*/\r\n)\r\n/\r\n"
        "create table T_C (x number(10, 2))\n/\n"
    )
    result = read_path(_write(tmp_path, oracle))
    assert result.problems == ()
    assert [d.name for d in result.datasets] == ["T_A", "T_B", "T_C"]
    assert _fields(result, "T_A")["SFZH"].comment == "身份证号"
    assert _fields(result, "T_B")["vcardid"].comment == "身份证号"
    tsql = "CREATE TABLE a (x INT)\r\nGO\r\nCREATE TABLE b (y INT)\r\ngo \r\n"
    result = read_path(_write(tmp_path, tsql, "b.sql"))
    assert result.problems == ()
    assert [d.name for d in result.datasets] == ["a", "b"]
    assert split_statements("SELECT 4\n/ 2;\n")[0].text == "SELECT 4\n/ 2"
