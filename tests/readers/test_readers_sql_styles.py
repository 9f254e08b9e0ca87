"""SQL DDL styles of real schema repositories: statements with no ';' between them, column
meanings in the comments above a CREATE TABLE, dialect table-option tails, schema-qualified
names in keys and links."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dataflow.cli import app
from dataflow.model import Dataset, ReadResult, Severity
from dataflow.readers import read_path
from dataflow.readers.sql import Statement, split_run_on
from dataflow.scan import ScanOptions, scan_paths


def _read(tmp_path: Path, text: str, name: str = "schema.sql") -> ReadResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_path(path)


def _dataset(result: ReadResult, name: str) -> Dataset:
    found = [d for d in result.datasets if d.name == name]
    assert found, f"no dataset {name}; have {[d.name for d in result.datasets]}"
    return found[0]


def _comments(result: ReadResult, name: str) -> dict[str, str | None]:
    return {f.name: f.comment for f in _dataset(result, name).fields}


# --- 1. statements with no ';' between them ---------------------------------------------------

PG_NO_SEMICOLONS = """\
--
-- PostgreSQL database dump, edited by hand
--

CREATE TABLE public.patient (
    id integer NOT NULL,
    name character varying(50),
    id_card character varying(18)
)
CREATE TABLE public.visit (
    id integer NOT NULL,
    patient_id integer,
    diagnosis text
)

CREATE INDEX visit_patient ON public.visit USING btree (patient_id)
ALTER TABLE ONLY public.visit
    ADD CONSTRAINT visit_patient_fk FOREIGN KEY (patient_id) REFERENCES public.patient(id)
CREATE TABLE public.lab_result (
    id integer,
    visit_id integer,
    flag character(1)
);
"""


def test_create_table_after_a_closed_column_list_without_semicolon_is_read(
    tmp_path: Path,
) -> None:
    result = _read(tmp_path, PG_NO_SEMICOLONS)
    assert result.problems == ()
    assert [(d.name, d.line) for d in result.datasets] == [
        ("public.patient", 5),
        ("public.visit", 10),
        ("public.lab_result", 19),
    ]
    assert [f.name for f in _dataset(result, "public.patient").fields] == ["id", "name", "id_card"]
    visit = _dataset(result, "public.visit")
    assert [(f.name, f.line) for f in visit.fields] == [
        ("id", 11),
        ("patient_id", 12),
        ("diagnosis", 13),
    ]
    assert [(fk.columns, fk.table) for fk in visit.foreign_keys] == [
        (("patient_id",), "public.patient")
    ]


def test_create_table_after_select_and_insert_without_semicolon_is_read(tmp_path: Path) -> None:
    text = (
        "select pg_catalog.set_config('search_path', '', false)\n"
        "CREATE TABLE member (id int, phone varchar(20))\n"
        "insert into member values (1, '13800000000')\n"
        "CREATE TABLE member_card (card_no varchar(20), member_id int);\n"
    )
    result = _read(tmp_path, text)
    assert result.problems == ()
    assert [(d.name, d.line) for d in result.datasets] == [("member", 2), ("member_card", 4)]
    assert [f.name for f in result.datasets[1].fields] == ["card_no", "member_id"]


def test_statements_that_continue_on_the_next_line_stay_whole(tmp_path: Path) -> None:
    text = (
        "CREATE TABLE s AS\nSELECT id, phone AS mobile FROM t;\n"
        "CREATE TABLE IF NOT EXISTS u (\n  a int\n)\n"
        "INSERT INTO u\nSELECT a FROM s;\n"
        "CREATE TABLE v (b int)\nAS\nSELECT 1 AS b;\n"
    )
    result = _read(tmp_path, text)
    assert [d.name for d in result.datasets] == ["s", "u", "v"]
    assert [f.name for f in result.datasets[0].fields] == ["id", "mobile"]
    assert not [p for p in result.problems if p.severity is Severity.ERROR]


def test_a_guarded_create_table_after_a_complete_one_is_read(tmp_path: Path) -> None:
    text = (
        "create table A_ONE (X int)\n"
        "if not exists (select 1 from sysobjects where id = object_id('A_TWO'))\n"
        "create table A_TWO (Y int)\n"
    )
    result = _read(tmp_path, text)
    assert [d.name for d in result.datasets] == ["A_ONE", "A_TWO"]
    assert result.problems == ()


def test_split_keeps_the_comments_between_statements_with_the_second() -> None:
    text = "CREATE TABLE a (x int)\n-- 诊所\nCREATE TABLE b (y int)\nINSERT INTO b VALUES (')')"
    pieces = split_run_on(Statement(0, 0, len(text), text))
    assert [p.text for p in pieces] == [
        "CREATE TABLE a (x int)",
        "CREATE TABLE b (y int)",
        "INSERT INTO b VALUES (')')",
    ]
    assert text[pieces[1].raw_start : pieces[1].start].strip() == "-- 诊所"
    assert all(text[p.start : p.end] == p.text for p in pieces)
    assert pieces[-1].end == len(text)
    words = "SELECT 'CREATE TABLE x (a int)' /* CREATE TABLE y (b int) */ FROM t"
    assert [p.text for p in split_run_on(Statement(0, 0, len(words), words))] == [words]


def test_a_table_that_cannot_be_read_is_named_with_its_line(tmp_path: Path) -> None:
    text = (
        "INSERT INTO t VALUES (1, 'a'\n"
        "CREATE TABLE t2 (x INT);\n"
        "CREATE TABLE broken (x INT,\n"
        "CREATE TABLE swallowed (y INT)\n"
        "/* CREATE TABLE commented_out (z INT) */;\n"
        "CREATE TABLE u_13987650123 (x INT DEFAULT ((;\n"
    )
    result = _read(tmp_path, text)
    assert result.datasets == ()
    assert [(p.line, p.severity) for p in result.problems] == [
        (1, Severity.ERROR),
        (3, Severity.ERROR),
        (6, Severity.ERROR),
    ]
    first, second, third = (p.message for p in result.problems)
    assert "CREATE TABLE t2 inside it at line 2 was not read" in first
    assert "table broken is not read" in second
    assert "CREATE TABLE swallowed (line 4) in it is not read either" in second
    assert "commented_out" not in second
    assert "table u_139****0123 is not read" in third
    assert all(str(tmp_path / "schema.sql") == p.path for p in result.problems)
    assert "13987650123" not in json.dumps([p.message for p in result.problems])


# --- 2. column meanings in the comments above a CREATE TABLE ----------------------------------

WIZARD = """\
/*==============================================================*/
/* DBMS name:      PostgreSQL 9.x                               */
/*==============================================================*/

/* 表名: 诊所 (clinic) */
/* clinic_id : 诊所编号 */
/* clinic_name : 诊所名称 */
/* tel : 联系电话 */
CREATE TABLE clinic (clinic_id int, clinic_name varchar(50), tel varchar(20), memo text);

-- 患者
/*
 * patient_no 病历号
 * xm：姓名
 * sfzh = 身份证号
 * phone varchar(20),
 * other_table_column : not ours
 */
CREATE TABLE patient (
  patient_no varchar(20),
  xm varchar(20) COMMENT '患者姓名',
  sfzh varchar(18),
  phone varchar(20)
);

/*==============================================================*/
/* Table: drug                                                  */
/*==============================================================*/
-- Table structure for drug
CREATE TABLE drug (drug_code varchar(20), drug_name varchar(50));

-- 检查

CREATE TABLE exam (id int);
COMMENT ON TABLE clinic IS '门诊诊所';
"""


def test_column_meanings_in_block_comments_above_create_table(tmp_path: Path) -> None:
    result = _read(tmp_path, WIZARD)
    assert result.problems == ()
    assert _comments(result, "clinic") == {
        "clinic_id": "诊所编号",
        "clinic_name": "诊所名称",
        "tel": "联系电话",
        "memo": None,
    }
    assert _dataset(result, "clinic").comment == "门诊诊所"  # COMMENT ON beats the comment above
    patient = _dataset(result, "patient")
    assert patient.comment == "患者"
    assert _comments(result, "patient") == {
        "patient_no": "病历号",
        "xm": "患者姓名",  # the DDL's own comment is kept
        "sfzh": "身份证号",
        "phone": None,  # a commented-out definition is not a meaning
    }
    drug = _dataset(result, "drug")
    assert drug.comment is None  # 'Table: drug' and 'Table structure for drug' only name it
    assert _comments(result, "drug") == {"drug_code": None, "drug_name": None}
    assert _dataset(result, "exam").comment is None  # a blank line parts it from the table


def test_migration_tool_directives_are_not_table_comments(tmp_path: Path) -> None:
    """sql-migrate, goose and dbmate mark their steps with comment lines; the line right above a
    CREATE TABLE is then an instruction to the tool, not what the table holds."""
    text = (
        "-- +migrate Up\nCREATE TABLE accounts (id INT, name TEXT);\n\n"
        "-- +goose Up\n-- +goose StatementBegin\nCREATE TABLE users (id INT, email TEXT);\n"
        "-- +goose StatementEnd\n\n"
        "-- migrate:up\n-- 会员账户\ncreate table members (id int);\n"
    )
    result = _read(tmp_path, text)
    assert [(d.name, d.comment) for d in result.datasets] == [
        ("accounts", None),
        ("users", None),
        ("members", "会员账户"),  # a description beside the directive is still read
    ]


def test_a_generated_banner_with_the_table_label(tmp_path: Path) -> None:
    text = (
        "/*==============================================================*/\n"
        "/* Tables: member manage                                        */\n"
        "/*==============================================================*/\n"
        "/*==============================================================*/\n"
        "/* 表名：会员信息表  Table Name(MEMBER_INFO)                      */\n"
        "/*==============================================================*/\n"
        "CREATE TABLE MEMBER_INFO  (\n   MI_ID INTEGER NOT NULL AUTO_INCREMENT,\n"
        "   MI_NAME VARCHAR(128),\n   PRIMARY KEY (MI_ID)\n) type=InnoDB;\n"
    )
    result = _read(tmp_path, text)
    assert result.problems == ()
    assert [(d.name, d.comment) for d in result.datasets] == [("MEMBER_INFO", "会员信息表")]


def test_a_labelled_table_comment_and_sql_server_tails(tmp_path: Path) -> None:
    text = (
        "/* 表名: BabyVisit 儿童随访 */\n"
        "/* Weight : 体重 */\n"
        "CREATE TABLE [dbo].[BabyVisit] (\n"
        "  [Id] int NOT NULL,\n"
        "  [Weight] decimal(5,2) NULL\n"
        ") ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]\n"
        "GO\n"
    )
    result = _read(tmp_path, text)
    assert result.problems == ()
    visit = _dataset(result, "dbo.BabyVisit")
    assert visit.comment == "儿童随访"
    assert _comments(result, "dbo.BabyVisit") == {"Id": None, "Weight": "体重"}


def test_comments_above_a_table_are_masked_and_never_quoted_as_evidence(tmp_path: Path) -> None:
    text = (
        "-- 会员 13987650123\n"
        "/* mobile : 手机号 例 13987650123 */\n"
        "CREATE TABLE member (member_id int, mobile varchar(20));\n"
    )
    result = _read(tmp_path, text)
    member = _dataset(result, "member")
    assert member.comment == "会员 139****0123"
    assert _comments(result, "member")["mobile"] == "手机号 例 139****0123"
    report_path = tmp_path / "report.json"
    out = CliRunner().invoke(
        app,
        ["scan", str(tmp_path / "schema.sql"), "--format", "json", "--output", str(report_path)],
    )
    assert out.exit_code in (0, 1), out.output
    assert "13987650123" not in out.output + report_path.read_text(encoding="utf-8")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    (mobile,) = [
        f for d in report["datasets"] for f in d["fields"] if f["pointer"] == "member.mobile"
    ]
    assert mobile["element"] == "pi.contact.mobile"
    assert "例" not in json.dumps(mobile["evidence"], ensure_ascii=False)


# --- 3. dialect table-option tails ------------------------------------------------------------


def test_dialect_tails_are_read_without_a_warning(tmp_path: Path) -> None:
    text = (
        'CREATE TABLE "FDM"."EDU_FDM_XS_JBXX" ("XH" VARCHAR(20), "XM" VARCHAR(50))\n'
        "DISTRIBUTED BY ('XH');\n"
        "CREATE TABLE gp_log (id int) WITH (appendonly=true, orientation=column)\n"
        "DISTRIBUTED RANDOMLY;\n"
        "CREATE TABLE gp_dim (id int) DISTRIBUTED REPLICATED;\n"
        "create table gp_part (a int, b int) distributed by (a) "
        "PARTITION BY RANGE(a) (START(1) END(9) EVERY (4));\n"
        "CREATE TABLE old_pg (id int) WITHOUT OIDS;\n"
        "CREATE TABLE db2_t (id int) IN userspace1 ORGANIZE BY ROW COMPRESS YES;\n"
        "CREATE TABLE odps_t (id bigint) LIFECYCLE 30;\n"
        "CREATE TABLE ora_t (id NUMBER(10)) SEGMENT CREATION IMMEDIATE PCTFREE 10 "
        "INITRANS 1 STORAGE (INITIAL 65536 NEXT 1048576) NOCOMPRESS LOGGING TABLESPACE users\n"
        "RESULT_CACHE (MODE DEFAULT) PCTUSED 0 MAXTRANS 255 NOCACHE;\n"
        "CREATE TABLE my_t (id int) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='用户表';\n"
        "CREATE TABLE hive_t (id int) COMMENT '日志' PARTITIONED BY (dt string) STORED AS ORC;\n"
    )
    result = _read(tmp_path, text)
    assert result.problems == ()
    names = [d.name for d in result.datasets]
    assert names == [
        "FDM.EDU_FDM_XS_JBXX",
        "gp_log",
        "gp_dim",
        "gp_part",
        "old_pg",
        "db2_t",
        "odps_t",
        "ora_t",
        "my_t",
        "hive_t",
    ]
    assert [f.name for f in result.datasets[0].fields] == ["XH", "XM"]
    assert _dataset(result, "my_t").comment == "用户表"
    assert _dataset(result, "hive_t").comment == "日志"
    assert [f.name for f in _dataset(result, "hive_t").fields] == ["id", "dt"]


def test_an_unreadable_tail_still_warns_naming_the_table(tmp_path: Path) -> None:
    text = (
        "CREATE TABLE ok_t (id int) DISTRIBUTED RANDOMLY;\n"
        "CREATE TABLE odd_t (\n  id int,\n  name varchar(20)\n) FROBNICATE WITH MAGIC 7;\n"
    )
    result = _read(tmp_path, text)
    assert [d.name for d in result.datasets] == ["ok_t", "odd_t"]
    assert [f.name for f in result.datasets[1].fields] == ["id", "name"]
    assert [(p.line, p.severity) for p in result.problems] == [(2, Severity.WARNING)]
    assert "CREATE TABLE odd_t read without the table options" in result.problems[0].message


# --- 4. schema-qualified names in keys and links ----------------------------------------------


def test_keys_across_qualified_and_unqualified_names_link_the_same_dataset(tmp_path: Path) -> None:
    (tmp_path / "his").mkdir()
    (tmp_path / "emr").mkdir()
    (tmp_path / "his" / "his.sql").write_text(
        "CREATE TABLE his.t_jbxx (id int PRIMARY KEY, xm varchar(20) COMMENT '姓名',\n"
        "  sfzh varchar(18) COMMENT '身份证号', csrq date COMMENT '出生日期')\n"
        "  COMMENT='患者基本信息';\n"
        "CREATE TABLE his.t_jzjl (id int, jbxx_ref int REFERENCES t_jbxx (id),\n"
        "  zd varchar(200) COMMENT '诊断');\n"
        "CREATE TABLE [his].[t_yzjl] ([id] int, [jbxx_ref] int, [yp] varchar(50))\n"
        "  ON [PRIMARY]\n"
        "ALTER TABLE [HIS].[T_YZJL] ADD CONSTRAINT fk1 FOREIGN KEY ([jbxx_ref])\n"
        "  REFERENCES HIS.T_JBXX ([id]);\n",
        encoding="utf-8",
    )
    # a code list of the same name in another schema: an unqualified key must not pick it
    (tmp_path / "emr" / "emr.sql").write_text(
        "CREATE TABLE emr.t_jbxx (dm varchar(10), mc varchar(50));\n", encoding="utf-8"
    )
    result = scan_paths([tmp_path], ScanOptions(content=False))
    assert result.problems == ()
    by_name = {d.dataset.name: d for d in result.datasets}
    assert by_name["his.t_jbxx"].subject.kind == "person"
    yzjl = by_name["his.t_yzjl"]
    assert yzjl.dataset.foreign_keys[0].table == "HIS.T_JBXX"
    for name in ("his.t_jzjl", "his.t_yzjl"):
        subject = by_name[name].subject
        assert subject.kind == "person_linked", name
        assert [(lk.target, lk.via) for lk in subject.links] == [("t_jbxx", "foreign_key")]


def test_alter_table_keys_in_another_file_reach_the_table(tmp_path: Path) -> None:
    (tmp_path / "V1__tables.sql").write_text(
        "CREATE TABLE [dbo].[Member] ([Id] int NOT NULL, [Name] nvarchar(50),\n"
        "  [Mobile] varchar(20)) ON [PRIMARY]\nGO\n"
        "CREATE TABLE [dbo].[Recharge] ([Id] int, [Payer] int, [Amount] decimal(10,2))\n"
        "GO\n",
        encoding="utf-8",
    )
    (tmp_path / "V2__keys.sql").write_text(
        "-- keys\n"
        "ALTER TABLE RECHARGE ADD CONSTRAINT fk_payer FOREIGN KEY (Payer) REFERENCES MEMBER (Id);\n"
        "ALTER TABLE dbo.Missing ADD CONSTRAINT fk_x FOREIGN KEY (a) REFERENCES dbo.Member (Id);\n"
        "ALTER TABLE u_13987650123 ADD FOREIGN KEY (a) REFERENCES dbo.Member (Id);\n",
        encoding="utf-8",
    )
    alone = read_path(tmp_path / "V2__keys.sql")
    assert alone.datasets == () and alone.problems == ()
    assert [(k.table, k.key.table, k.line) for k in alone.added_keys] == [
        ("RECHARGE", "MEMBER", 2),
        ("dbo.Missing", "dbo.Member", 3),
        ("u_139****0123", "dbo.Member", 4),
    ]
    result = scan_paths([tmp_path], ScanOptions(content=False))
    by_name = {d.dataset.name: d for d in result.datasets}
    recharge = by_name["dbo.Recharge"]
    assert [(fk.columns, fk.table) for fk in recharge.dataset.foreign_keys] == [
        (("Payer",), "MEMBER")
    ]
    assert recharge.subject.kind == "person_linked"
    assert [(lk.column, lk.target) for lk in recharge.subject.links] == [("Payer", "Member")]
    assert [(Path(p.path).name, p.line, p.severity) for p in result.problems] == [
        ("V2__keys.sql", 3, Severity.WARNING),
        ("V2__keys.sql", 4, Severity.WARNING),
    ]
    assert "table dbo.Missing, but no scanned file creates it" in result.problems[0].message
    assert "table u_139****0123, but" in result.problems[1].message
    referring = _read(tmp_path, "CREATE TABLE t (a int REFERENCES u_13987650123 (id));\n", "r.sql")
    assert referring.datasets[0].foreign_keys[0].table == "u_139****0123"


def test_an_alter_table_key_read_alone_is_reported_not_dropped() -> None:
    from dataflow.readers._common import Problems
    from dataflow.readers.sql import read_sql

    problems = Problems("keys.sql")
    text = "CREATE TABLE a (id int);\nALTER TABLE b ADD FOREIGN KEY (a_id) REFERENCES a (id);\n"
    assert [d.name for d in read_sql(text, "keys.sql", problems)] == ["a"]
    (problem,) = problems.finish()
    assert problem.line == 2 and problem.severity is Severity.WARNING
    assert "foreign key to table b, which this file does not create" in problem.message


def test_banners_and_script_steps_above_a_table_are_not_its_comment(tmp_path: Path) -> None:
    text = (
        "-- auto-generated definition\ncreate table a1 (id int);\n"
        "--changeset dev:42\ncreate table a2 (id int);\n"
        "-- 创建表\ncreate table a3 (id int);\n"
        "-- Dumped by pg_dump version 16.2\ncreate table a4 (id int);\n"
        '-- dataflow: allow pi.contact.mobile "test"\ncreate table a5 (id int);\n'
        "-- 会员卡\ncreate table a6 (id int); -- 不是下一张表的\ncreate table a7 (id int);\n"
    )
    result = _read(tmp_path, text)
    assert [(d.name, d.comment) for d in result.datasets] == [
        ("a1", None),
        ("a2", None),
        ("a3", None),
        ("a4", None),
        ("a5", None),
        ("a6", "会员卡"),
        ("a7", None),
    ]


def test_a_create_table_right_after_a_closing_parenthesis_is_read(tmp_path: Path) -> None:
    text = "CREATE TABLE a (x int) CREATE TABLE b (y int) ON [PRIMARY]\nselect 1 create table c (z int)\n"
    result = _read(tmp_path, text)
    assert [d.name for d in result.datasets] == ["a", "b"]
    (problem,) = result.problems  # mid-line, after a word: not a statement start, but named
    assert (
        problem.line == 2 and "CREATE TABLE c inside it at line 2 was not read" in problem.message
    )


def test_powerdesigner_mysql_table_comment_by_alter_table(tmp_path: Path) -> None:
    text = (
        "/*==============================================================*/\n"
        "/* Table: patient                                               */\n"
        "/*==============================================================*/\n"
        "create table patient\n(\n   id int not null comment '编号',\n   primary key (id)\n);\n\n"
        "alter table patient comment '患者';\n"
        "create table visit (id int);\n"
        "alter table `visit` comment = '就诊记录'\n"
    )
    result = _read(tmp_path, text)
    assert result.problems == ()
    assert [(d.name, d.comment) for d in result.datasets] == [
        ("patient", "患者"),
        ("visit", "就诊记录"),
    ]


# --- placeholders a migration tool fills in ---------------------------------------------------

PLACEHOLDERS = """\
create table t_attend_details${postfix}(id bigint primary key, std_id bigint not null,
  signin_at date);
comment on table t_attend_details${postfix} is '${postfix}考勤明细表';
comment on column t_attend_details${postfix}.std_id is '学生ID';
CREATE TABLE ${flyway:defaultSchema}.patient (
  id_card VARCHAR(18),
  mobile VARCHAR(20)
);
CREATE TABLE ${table} (name VARCHAR(20));
CREATE OR REPLACE FUNCTION f(integer) RETURNS integer AS $BODY$ BEGIN RETURN $1; END; $BODY$
  LANGUAGE plpgsql;
"""


def test_placeholders_read_as_filled_with_nothing(tmp_path: Path) -> None:
    result = _read(tmp_path, PLACEHOLDERS)
    assert not result.problems
    assert [d.name for d in result.datasets] == ["t_attend_details", "patient", "table"]
    details = _dataset(result, "t_attend_details")
    assert details.comment == "考勤明细表"
    assert _comments(result, "t_attend_details")["std_id"] == "学生ID"
    assert [(f.name, f.line) for f in details.fields] == [
        ("id", 1),
        ("std_id", 1),
        ("signin_at", 2),
    ]
    patient = _dataset(result, "patient")
    assert [(f.name, f.line) for f in patient.fields] == [("id_card", 6), ("mobile", 7)]
    assert [f.name for f in _dataset(result, "table").fields] == ["name"]


def test_a_create_table_privilege_is_not_a_lost_table(tmp_path: Path) -> None:
    text = (
        "CREATE USER student IDENTIFIED BY &pw;\n"
        "GRANT create session TO student;\n"
        "GRANT create table TO student;\n"
        "GRANT CREATE TABLE, CREATE VIEW TO app WITH ADMIN OPTION;\n"
        "REVOKE create table FROM student;\n"
        "GRANT create table TO student create table lost (z int);\n"
        "CREATE TABLE kept (x int);\n"
    )
    result = _read(tmp_path, text)
    assert [d.name for d in result.datasets] == ["kept"]
    (problem,) = result.problems  # the privileges are quiet; the run-on table is not
    assert problem.line == 6 and "CREATE TABLE lost inside it at line 6" in problem.message


def test_an_unnamed_clustered_key_of_sql_server_is_read(tmp_path: Path) -> None:
    text = (
        "create table [dbo].[Customer] (\n"
        "  [Id] int identity,\n"
        "  [PassportNumber] nvarchar(12) not null,\n"
        "  [Code] nvarchar(5),\n"
        "  primary key clustered (Id),\n"
        "  unique nonclustered ([Code])\n"
        ")\n"
        "GO\n"
    )
    result = _read(tmp_path, text)
    assert result.problems == ()
    (customer,) = result.datasets
    assert customer.primary_key == ("Id",)
    assert [(f.name, f.line) for f in customer.fields] == [
        ("Id", 2),
        ("PassportNumber", 3),
        ("Code", 4),
    ]


def test_sql_server_sparse_rowguid_and_filestream_columns_are_read(tmp_path: Path) -> None:
    text = (
        "CREATE TABLE [organization].[Asset] (\n"
        "    [AssetId] INT IDENTITY (1, 1) NOT NULL,\n"
        "    [LoanNumber] NVARCHAR (50) COLLATE SQL_Latin1_General_CP1_CI_AS SPARSE NULL,\n"
        "    [MortgagorName] NVARCHAR (100) SPARSE NULL,\n"
        "    [Sparse] INT NULL,\n"
        "    [RowId] UNIQUEIDENTIFIER ROWGUIDCOL NOT NULL DEFAULT NEWID(),\n"
        "    [Scan] VARBINARY(MAX) FILESTREAM NULL,\n"
        "    [Seq] INT IDENTITY (1, 1) NOT FOR REPLICATION NOT NULL,\n"
        "    [Extra] XML COLUMN_SET FOR ALL_SPARSE_COLUMNS,\n"
        "    CONSTRAINT [PK_Asset] PRIMARY KEY CLUSTERED ([AssetId] ASC)\n"
        ");\n"
    )
    result = _read(tmp_path, text)
    assert result.problems == ()
    (asset,) = result.datasets
    assert asset.primary_key == ("AssetId",)
    assert [(f.name, f.line) for f in asset.fields] == [
        ("AssetId", 2),
        ("LoanNumber", 3),
        ("MortgagorName", 4),
        ("Sparse", 5),  # a column named like the attribute keeps its name
        ("RowId", 6),
        ("Scan", 7),
        ("Seq", 8),
        ("Extra", 9),
    ]


def test_sql_server_column_foreign_key_references_is_a_foreign_key(tmp_path: Path) -> None:
    text = (
        "create table Customer (id int primary key, name varchar(20))\n"
        "create table Bill (\n"
        "  bid int primary key,\n"
        "  id int foreign key references Customer(id),\n"
        "  cid int references Customer(id),\n"
        "  amount int\n"
        ")\n"
    )
    result = _read(tmp_path, text)
    assert result.problems == ()
    bill = _dataset(result, "Bill")
    assert [(k.columns, k.table, k.ref_columns) for k in bill.foreign_keys] == [
        (("id",), "Customer", ("id",)),
        (("cid",), "Customer", ("id",)),
    ]


def test_a_step_that_creates_a_described_table_gives_its_description(tmp_path: Path) -> None:
    text = (
        "-- 创建心理测评问卷表\n"
        "CREATE TABLE assessment_questionnaire (id BIGINT PRIMARY KEY, title VARCHAR(100));\n"
        "\n"
        "-- 创建表\n"
        "CREATE TABLE plain_step (id BIGINT);\n"
        "\n"
        "-- 创建索引表\n"
        "CREATE TABLE idx_step (id BIGINT);\n"
    )
    result = _read(tmp_path, text)
    assert _dataset(result, "assessment_questionnaire").comment == "心理测评问卷表"
    assert _dataset(result, "plain_step").comment is None  # a step naming nothing
    assert _dataset(result, "idx_step").comment is None  # an index is not a description


def test_a_column_whose_comma_is_missing_is_read_with_a_warning(tmp_path: Path) -> None:
    text = (
        "CREATE TABLE visit (\n"
        "  id int,\n"
        "  member_id int\n"
        "  visit_date date,\n"
        "  `diagnosis` varchar(200) COMMENT '诊断'\n"
        "  note text\n"
        ");\n"
        "CREATE TABLE after_it (id int);\n"
    )
    result = _read(tmp_path, text)
    visit = _dataset(result, "visit")
    assert [(f.name, f.line) for f in visit.fields] == [
        ("id", 2),
        ("member_id", 3),
        ("visit_date", 4),
        ("diagnosis", 5),
        ("note", 6),
    ]
    assert visit.fields[3].comment == "诊断"
    assert [d.name for d in result.datasets] == ["visit", "after_it"]
    assert [(p.line, p.severity) for p in result.problems] == [(1, Severity.WARNING)]
    assert "no comma at the end of line 3, 5" in result.problems[0].message


def test_a_broken_line_that_a_comma_cannot_mend_stays_an_error(tmp_path: Path) -> None:
    # a line with a comment, or a continuation word, is not guessed at: the table is an error
    text = (
        "CREATE TABLE a (\n  id int -- the key\n  name varchar(2)\n);\n"
        "CREATE TABLE b (\n  id int\n  NOT NULL name varchar(2)\n);\n"
    )
    result = _read(tmp_path, text)
    assert result.datasets == ()
    assert [p.severity for p in result.problems] == [Severity.ERROR, Severity.ERROR]
    assert all("could not be parsed" in p.message for p in result.problems)


def test_columns_without_a_type_are_fields(tmp_path: Path) -> None:
    # SQLite lets a column go without a type; such a column is still a field of the table
    result = _read(tmp_path, "CREATE TABLE person (id INTEGER PRIMARY KEY, name, birth_date);\n")
    person = _dataset(result, "person")
    assert [(f.name, f.data_type) for f in person.fields] == [
        ("id", "INT"),
        ("name", None),
        ("birth_date", None),
    ]
    assert result.problems == ()


def test_sql_server_typed_xml_columns_do_not_lose_the_table(tmp_path: Path) -> None:
    text = (
        "CREATE TABLE [Person].[Contact](\n"
        "\t[ContactID] [int] IDENTITY(1,1) NOT NULL,\n"
        "\t[EmailAddress] [nvarchar](50) NULL,\n"
        "\t[AdditionalContactInfo] [xml](CONTENT [Person].[ContactInfoSchemaCollection]) NULL,\n"
        "\t[Demographics] [xml](DOCUMENT [Sales].[SurveySchemaCollection]) NULL,\n"
        "\t[Phone] [nvarchar](25) NULL\n"
        ") ON [PRIMARY]\nGO\n"
    )
    result = _read(tmp_path, text)
    contact = _dataset(result, "Person.Contact")
    assert [(f.name, f.line) for f in contact.fields] == [
        ("ContactID", 2),
        ("EmailAddress", 3),
        ("AdditionalContactInfo", 4),
        ("Demographics", 5),
        ("Phone", 6),
    ]
    assert result.problems == ()


def test_columns_after_many_mended_short_lines_keep_their_lines(tmp_path: Path) -> None:
    # each comma put back shifts the text after it: a short column line must still map back to
    # the line it stands on in the file as written
    text = "CREATE TABLE t (\n" + "".join(f"{c} int\n" for c in "abcdefgh") + ");\n"
    result = _read(tmp_path, text)
    t = _dataset(result, "t")
    assert [(f.name, f.line) for f in t.fields] == [(c, i) for i, c in enumerate("abcdefgh", 2)]
    assert "no comma at the end of line 2, 3, 4, 5, 6, 7, 8;" in result.problems[0].message


def test_a_missing_comma_in_a_column_list_closed_with_a_brace_is_put_back(
    tmp_path: Path,
) -> None:
    # two slips in one table: ``};`` for ``);`` and a line without its comma; each was mended
    # alone, so the table with both was dropped
    text = (
        "CREATE TABLE pat_medication (\n"
        "  id               serial PRIMARY KEY,\n"
        "  drug_name        varchar,\n"
        "  drug_cat_id      varchar\n"
        "  drug_unit        varchar,\n"
        "  prescriber_name  varchar\n"
        "};\n"
    )
    result = _read(tmp_path, text)
    table = _dataset(result, "pat_medication")
    assert [(f.name, f.line) for f in table.fields] == [
        ("id", 2),
        ("drug_name", 3),
        ("drug_cat_id", 4),
        ("drug_unit", 5),
        ("prescriber_name", 6),
    ]
    assert [(p.line, p.severity) for p in result.problems] == [(1, Severity.WARNING)]
    assert "4" in result.problems[0].message
