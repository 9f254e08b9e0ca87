"""Columns that ALTER TABLE statements add, change or rename: in the file of the CREATE TABLE,
in a later migration file, and in a migration whose table no scanned file creates."""

from __future__ import annotations

import json
from pathlib import Path

from dataflow.model import Dataset, ReadResult, Severity
from dataflow.readers import read_path
from dataflow.scan import ScanOptions, scan_paths


def _read(tmp_path: Path, text: str, name: str = "schema.sql") -> ReadResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_path(path)


def _columns(ds: Dataset) -> list[tuple[str, str | None, str | None, int | None]]:
    return [(f.name, f.data_type, f.comment, f.line) for f in ds.fields]


def test_mysql_add_column_after_the_create_table_is_a_column_of_it(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        "CREATE TABLE `user` (\n"
        "  `id` bigint NOT NULL,\n"
        "  `nick` varchar(32) COMMENT '昵称'\n"
        ") COMMENT='用户';\n"
        "ALTER TABLE `user` ADD COLUMN `id_card` varchar(18) DEFAULT NULL COMMENT '身份证号'"
        " AFTER `nick`;\n"
        "ALTER TABLE user\n  ADD mobile varchar(11),\n  ADD blood_type varchar(3) COMMENT '血型';\n"
        "ALTER TABLE user ADD INDEX idx_mobile (mobile);\n"
        "ALTER TABLE user ADD CONSTRAINT pk PRIMARY KEY (id);\n",
    )
    assert result.problems == ()
    (user,) = result.datasets
    assert _columns(user) == [
        ("id", "BIGINT", None, 2),
        ("nick", "VARCHAR(32)", "昵称", 3),
        ("id_card", "VARCHAR(18)", "身份证号", 5),
        ("mobile", "VARCHAR(11)", None, 7),
        ("blood_type", "VARCHAR(3)", "血型", 8),
    ]
    assert [f.pointer for f in user.fields][-1] == "user.blood_type"


def test_oracle_sql_server_and_postgresql_forms(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        "CREATE TABLE emp (emp_no NUMBER(10));\n"
        "ALTER TABLE emp ADD (salary NUMBER(10,2), hire_date DATE);\n"
        "CREATE TABLE dbo.Patient (ID int);\n"
        "ALTER TABLE dbo.Patient ADD Diagnosis nvarchar(200) NULL, Allergy nvarchar(100);\n"
        "CREATE TABLE visit (id int);\n"
        "ALTER TABLE ONLY visit ADD COLUMN IF NOT EXISTS complaint text;\n"
        "COMMENT ON COLUMN visit.complaint IS '主诉';\n",
    )
    assert result.problems == ()
    names = {d.name: [f.name for f in d.fields] for d in result.datasets}
    assert names == {
        "emp": ["emp_no", "salary", "hire_date"],
        "dbo.Patient": ["ID", "Diagnosis", "Allergy"],
        "visit": ["id", "complaint"],
    }
    visit = next(d for d in result.datasets if d.name == "visit")
    assert visit.fields[-1].comment == "主诉"  # COMMENT ON reaches an added column


def test_change_modify_rename_and_type_change_an_existing_column(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        "CREATE TABLE member (id int, nick varchar(20), phone varchar(20), c3 varchar(10));\n"
        "ALTER TABLE member CHANGE nick real_name varchar(32) COMMENT '真实姓名';\n"
        "ALTER TABLE member MODIFY COLUMN phone varchar(11) COMMENT '手机号码';\n"
        "ALTER TABLE member RENAME COLUMN c3 TO id_card;\n",
    )
    assert result.problems == ()
    (member,) = result.datasets
    assert _columns(member) == [
        ("id", "INT", None, 1),
        ("real_name", "VARCHAR(32)", "真实姓名", 1),
        ("phone", "VARCHAR(11)", "手机号码", 1),
        ("id_card", "VARCHAR(10)", None, 1),  # a rename keeps the column's type
    ]
    assert [f.pointer for f in member.fields] == [
        "member.id",
        "member.real_name",
        "member.phone",
        "member.id_card",
    ]


def test_a_migration_file_adds_columns_to_the_table_another_file_creates(tmp_path: Path) -> None:
    (tmp_path / "V1__init.sql").write_text(
        "CREATE TABLE patient (id int, name varchar(20));\n", encoding="utf-8"
    )
    (tmp_path / "V2__history.sql").write_text(
        "ALTER TABLE patient ADD COLUMN allergy_history text;\n"
        "ALTER TABLE patient RENAME COLUMN name TO real_name;\n"
        "ALTER TABLE lab_result ADD COLUMN hba1c decimal(4,1), ADD COLUMN patient_id int;\n"
        "COMMENT ON COLUMN public.lab_result.hba1c IS '糖化血红蛋白';\n",
        encoding="utf-8",
    )
    result = scan_paths([tmp_path], ScanOptions(content=False))
    by_name = {d.dataset.name: d for d in result.datasets}
    patient = by_name["patient"]
    assert patient.dataset.source_path.endswith("V1__init.sql")
    assert [(f.name, f.line) for f in patient.dataset.fields] == [
        ("id", 1),
        ("real_name", 1),
        ("allergy_history", None),  # the line is of another file than the table's
    ]
    history = next(f for f in patient.findings if f.field.name == "allergy_history")
    assert history.personal and history.sensitive
    # No scanned file creates lab_result: its columns are a dataset of the migration.
    lab = by_name["lab_result"].dataset
    assert lab.source_path.endswith("V2__history.sql")
    assert [(f.name, f.line, f.comment) for f in lab.fields] == [
        ("hba1c", 3, "糖化血红蛋白"),  # COMMENT ON of the same file
        ("patient_id", 3, None),
    ]
    assert not [p for p in result.problems if p.severity == Severity.ERROR]


def test_only_the_migration_is_scanned_as_a_hook_would(tmp_path: Path, isolated_cwd: Path) -> None:
    from builders import run

    migration = tmp_path / "V7__add_id_card.sql"
    migration.write_text(
        "ALTER TABLE customer ADD COLUMN id_card_no varchar(18) COMMENT '身份证号码';\n",
        encoding="utf-8",
    )
    code, out, err = run("scan", str(migration), "--no-content", "--format", "json")
    assert code in (0, 1), err
    (dataset,) = json.loads(out)["datasets"]
    (field,) = dataset["fields"]
    assert (field["pointer"], field["element"], field["sensitive"]) == (
        "customer.id_card_no",
        "pi.identity.resident_id",
        True,
    )
    code, out, err = run("check", str(migration))
    assert code == 1, err
    assert "V7__add_id_card.sql:1: customer.id_card_no: pi.identity.resident_id" in out


def test_an_alter_table_that_cannot_be_parsed_is_reported_with_its_line(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        "CREATE TABLE t (id int);\nALTER TABLE t_13987650123 ADD COLUMN (((;\n",
    )
    (problem,) = result.problems
    assert (problem.severity, problem.line) == (Severity.ERROR, 2)
    assert "t_139****0123" in problem.message
    assert "13987650123" not in problem.message


def test_added_names_and_comments_never_leak(tmp_path: Path, isolated_cwd: Path) -> None:
    from builders import run

    (tmp_path / "V1.sql").write_text("CREATE TABLE member (id int);\n", encoding="utf-8")
    (tmp_path / "V2.sql").write_text(
        "ALTER TABLE member ADD c_13987650123 varchar(20) COMMENT '如 110101199003074477';\n"
        "ALTER TABLE vip_13987650123 ADD phone varchar(11) COMMENT '例 13987650123';\n",
        encoding="utf-8",
    )
    code, out, err = run("scan", str(tmp_path), "--no-content", "--format", "json")
    assert code in (0, 1), err
    text = out + err
    assert "13987650123" not in text and "110101199003074477" not in text
    assert "member.c_139****0123" in text


def test_defaults_and_other_alter_statements_add_no_column_and_no_problem(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        "CREATE TABLE [dbo].[Guest] ([Id] int, [Pin] int);\nGO\n"
        "ALTER TABLE [dbo].[Guest] ADD DEFAULT 1 FOR [Pin];\nGO\n"
        "ALTER TABLE [dbo].[Guest] ADD CONSTRAINT [DF_Pin] DEFAULT 0 FOR [Pin];\nGO\n"
        "ALTER TYPE visit_state ADD VALUE 'archived';\n"
        "ALTER SEQUENCE guest_id_seq RESTART WITH 10;\n",
    )
    assert result.problems == ()
    (guest,) = result.datasets
    assert [f.name for f in guest.fields] == ["Id", "Pin"]


def test_comment_on_in_a_file_of_its_own_describes_the_table_of_another(
    tmp_path: Path, isolated_cwd: Path
) -> None:
    from builders import run

    (tmp_path / "tables").mkdir()
    (tmp_path / "comments").mkdir()
    (tmp_path / "tables" / "person.sql").write_text(
        "CREATE TABLE samqa.person (\n  pers_id NUMBER,\n  acc_numc VARCHAR2(20),\n"
        "  tax_ref VARCHAR2(20),\n  note VARCHAR2(99)\n);\n"
        "COMMENT ON COLUMN samqa.person.note IS 'free text';\n",
        encoding="utf-8",
    )
    (tmp_path / "comments" / "person.sql").write_text(
        "comment on table samqa.person is 'Subscribers and dependants';\n"
        "comment on column samqa.person.acc_numc is 'Bank account number of subscriber';\n"
        "comment on column person.tax_ref is 'Taxpayer id, e.g. 110101199003074477';\n"
        "comment on column samqa.person.note is 'overridden?';\n"
        "comment on column samqa.nobody.x is 'a table no file creates';\n",
        encoding="utf-8",
    )
    result = scan_paths([tmp_path], ScanOptions(content=False))
    (found,) = result.datasets
    person = found.dataset
    assert person.comment == "Subscribers and dependants"
    comments = {f.name: f.comment for f in person.fields}
    assert comments["acc_numc"] == "Bank account number of subscriber"
    assert comments["note"] == "free text"  # the table's own file said it first
    assert comments["tax_ref"] is not None and "110101199003074477" not in comments["tax_ref"]
    account = next(f for f in found.findings if f.field.name == "acc_numc")
    assert account.personal and account.sensitive
    assert not result.problems
    # Alone (as a hook sees a commit of the comment file only), the comments add nothing.
    alone = scan_paths([tmp_path / "comments" / "person.sql"], ScanOptions(content=False))
    assert not alone.datasets
    code, out, err = run("scan", str(tmp_path), "--no-content", "--format", "json")
    assert code in (0, 1), err
    assert "110101199003074477" not in out + err


def test_oracle_add_of_a_parenthesised_key_adds_no_column_and_no_problem(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        "CREATE TABLE pm_user_session (user_id VARCHAR2(50), session_id VARCHAR2(50));\n"
        "CREATE TABLE pm_user_data (user_id VARCHAR2(50), full_name VARCHAR2(255));\n"
        "ALTER TABLE PM_USER_SESSION\n"
        "\tADD ( PRIMARY KEY (SESSION_ID, USER_ID)\n"
        "\tNOT DEFERRABLE INITIALLY IMMEDIATE );\n"
        "ALTER TABLE pm_user_session ADD ( CONSTRAINT fk_user FOREIGN KEY (user_id)\n"
        "  REFERENCES pm_user_data (user_id) );\n"
        "ALTER TABLE pm_user_data ADD ( email VARCHAR2(255) );\n",
    )
    assert result.problems == ()
    session, data = result.datasets
    assert session.primary_key == ("SESSION_ID", "USER_ID")
    assert [f.name for f in session.fields] == ["user_id", "session_id"]
    assert [(k.columns, k.table) for k in session.foreign_keys] == [(("user_id",), "pm_user_data")]
    assert [f.name for f in data.fields] == ["user_id", "full_name", "email"]


def test_dropped_columns_are_no_longer_the_tables(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        "CREATE TABLE member (id int, phone varchar(11), email varchar(64), wx_openid varchar(64),"
        " id_card varchar(18), addr varchar(200), memo text, nick varchar(20));\n"
        "ALTER TABLE member DROP COLUMN phone;\n"
        "ALTER TABLE member DROP COLUMN IF EXISTS email;\n"
        "ALTER TABLE member DROP COLUMN IF EXISTS never_there;\n"
        "ALTER TABLE `member` DROP `wx_openid`, DROP COLUMN id_card, ADD COLUMN mobile char(11);\n"
        "ALTER TABLE member ALTER COLUMN addr DROP NOT NULL;\n"
        "ALTER TABLE member ALTER COLUMN memo DROP DEFAULT;\n"
        "ALTER TABLE member DROP CONSTRAINT member_pk;\n"
        "ALTER TABLE member DROP INDEX idx_nick;\n"
        "ALTER TABLE member DROP PRIMARY KEY;\n",
    )
    assert result.problems == ()
    (member,) = result.datasets
    assert [f.name for f in member.fields] == ["id", "addr", "memo", "nick", "mobile"]


def test_oracle_and_sql_server_drop_lists(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        "CREATE TABLE emp (emp_no NUMBER(10), ename VARCHAR2(20), tel VARCHAR2(20),"
        " id_no VARCHAR2(18), sal NUMBER(10,2));\n"
        'ALTER TABLE emp DROP (tel, "ID_NO") CASCADE CONSTRAINTS;\n'
        "ALTER TABLE emp DROP COLUMN sal;\n"
        "CREATE TABLE dbo.Patient (ID int, Phone nvarchar(20), Email nvarchar(64), Note text);\n"
        "GO\n"
        "ALTER TABLE dbo.Patient DROP COLUMN Phone, Email;\n"
        "GO\n",
    )
    assert result.problems == ()
    names = {d.name: [f.name for f in d.fields] for d in result.datasets}
    assert names == {"emp": ["emp_no", "ename"], "dbo.Patient": ["ID", "Note"]}


def test_a_later_migration_drops_a_column_another_file_creates(tmp_path: Path) -> None:
    (tmp_path / "V1__init.sql").write_text(
        "CREATE TABLE patient (id int, name varchar(20), id_card varchar(18));\n",
        encoding="utf-8",
    )
    (tmp_path / "V2__drop_id_card.sql").write_text(
        "ALTER TABLE public.patient DROP COLUMN id_card;\n"
        "ALTER TABLE lab_result ADD COLUMN hba1c decimal(4,1), ADD COLUMN note text;\n"
        "ALTER TABLE lab_result DROP COLUMN note;\n"
        "ALTER TABLE audit_log DROP COLUMN ip_addr;\n",
        encoding="utf-8",
    )
    result = scan_paths([tmp_path], ScanOptions(content=False))
    fields = {d.dataset.name: [f.name for f in d.dataset.fields] for d in result.datasets}
    # A table no scanned file creates that only loses a column is no dataset.
    assert fields == {"patient": ["id", "name"], "lab_result": ["hba1c"]}
    assert not result.problems


def test_a_drop_of_a_column_of_two_tables_of_that_name_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.sql").write_text("CREATE TABLE a.member (id int, phone int);\n", "utf-8")
    (tmp_path / "b.sql").write_text("CREATE TABLE b.member (id int, phone int);\n", "utf-8")
    (tmp_path / "c.sql").write_text("ALTER TABLE member DROP COLUMN phone;\n", "utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    assert [[f.name for f in d.dataset.fields] for d in result.datasets] == [["id", "phone"]] * 2
    (problem,) = result.problems
    assert problem.severity == Severity.WARNING and problem.path.endswith("c.sql")
    assert "drops column phone" in problem.message


def test_changes_without_a_comment_keep_the_columns_comment(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        "CREATE TABLE `staff` (\n"
        "  `id` bigint NOT NULL,\n"
        "  `tel` varchar(20) COMMENT '联系电话',\n"
        "  `c1` varchar(18) COMMENT '证件号码',\n"
        "  `c2` int COMMENT '年龄'\n"
        ");\n"
        "ALTER TABLE `staff` MODIFY `tel` varchar(32);\n"
        "ALTER TABLE `staff` CHANGE `c1` `cert_no` varchar(32) NOT NULL;\n"
        "ALTER TABLE `staff` RENAME COLUMN `c2` TO `age`;\n"
        "ALTER TABLE `staff` CHANGE COLUMN `age` `age_years` tinyint COMMENT '周岁';\n"
        "ALTER TABLE `staff` DROP COLUMN `cert_no`;\n",
    )
    assert result.problems == ()
    (staff,) = result.datasets
    assert [(f.name, f.data_type, f.comment) for f in staff.fields] == [
        ("id", "BIGINT", None),
        ("tel", "VARCHAR(32)", "联系电话"),
        ("age_years", "TINYINT", "周岁"),
    ]
