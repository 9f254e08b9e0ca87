"""Liquibase changelogs in XML, YAML and JSON (``databaseChangeLog``): the tables their
changeSets leave, with remarks as comments, keys, raw SQL changes, and changes split over files;
other XML files stay unread, entity declarations are refused, and nothing of the file's data
reaches a report or a problem."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dataflow.cli import app
from dataflow.i18n import msg
from dataflow.model import ForeignKey, Severity
from dataflow.readers import collect_files, read_path
from dataflow.scan import ScanOptions, scan_paths

DATA = Path(__file__).parent.parent / "data" / "readers" / "liquibase_changelogs"


def _columns(ds) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(f.name, f.data_type, f.comment) for f in ds.fields]


def test_an_xml_changelog_gives_the_tables_its_changesets_leave() -> None:
    result = read_path(DATA / "master.xml")
    assert result.format == "liquibase"
    patient, visit, allergy = result.datasets
    assert (patient.name, patient.comment, patient.line) == ("patient", "患者档案", 10)
    assert _columns(patient) == [
        ("id", "bigint", None),
        ("full_name", "varchar(64)", "姓名"),
        ("id_card_no", "varchar(18)", "身份证号"),
        ("mobile", "varchar(20)", "手机号"),  # setColumnRemarks of a later changeSet
        ("blood_type", "varchar(4)", "血型"),  # addColumn; legacy_code was dropped
    ]
    assert patient.primary_key == ("id",)
    assert [f.nullable for f in patient.fields][:3] == [False, False, None]
    # the rollback's dropTable is not a change; the rename keeps the column's place
    assert _columns(visit) == [
        ("id", "bigint", None),
        ("patient_id", "bigint", None),
        ("diagnosis_text", "text", None),
    ]
    assert visit.foreign_keys == (ForeignKey(("patient_id",), "patient", ("id",)),)
    # the CREATE TABLE of a <sql> change, at its own line of the changelog
    assert (allergy.name, allergy.line) == ("allergy", 43)
    assert [f.line for f in allergy.fields] == [44, 45, 46]
    assert allergy.fields[2].comment == "过敏原"
    assert allergy.foreign_keys == (ForeignKey(("patient_id",), "patient", ("id",)),)
    # modifyDataType of the dropped column does not bring it back, and says so
    why = msg(
        "p.column_stays_dropped_in", changeset="clinic:3", column="legacy_code", table="patient"
    )
    assert [(p.message, p.line, p.severity) for p in result.problems] == [
        (why, 41, Severity.WARNING)
    ]


def test_a_changelog_split_over_yaml_and_json_files_reads_as_one_table() -> None:
    result = scan_paths([DATA / "split"], ScanOptions(content=False))
    (member,) = [d.dataset for d in result.datasets]
    assert member.source_path.endswith("001_member.yaml")
    assert [f.name for f in member.fields] == ["id", "nick_name", "card_no", "birthday", "balance"]
    assert member.fields[3].comment == "生日"
    assert member.foreign_keys == (ForeignKey(("referrer_id",), "member", ("id",)),)
    assert [p for p in result.problems if p.severity is not Severity.INFO] == []


def test_only_changelogs_among_xml_files_are_read(tmp_path: Path) -> None:
    (tmp_path / "pom.xml").write_text("<project><artifactId>app</artifactId></project>\n")
    (tmp_path / "db.changelog-master.xml").write_bytes((DATA / "master.xml").read_bytes())
    files, problems = collect_files([tmp_path])
    assert [f.name for f in files] == ["db.changelog-master.xml"]
    assert [(Path(p.path).name, p.message) for p in problems] == [("pom.xml", msg("p.not_read"))]


def test_entity_declarations_are_refused_and_never_expanded(tmp_path: Path) -> None:
    path = tmp_path / "changelog.xml"
    path.write_text(
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE databaseChangeLog [<!ENTITY a "13987650123"><!ENTITY b "&a;&a;&a;&a;">]>\n'
        '<databaseChangeLog><changeSet id="1" author="x">\n'
        '<createTable tableName="t"><column name="c" type="int" remarks="&b;"/></createTable>\n'
        "</changeSet></databaseChangeLog>\n"
    )
    result = read_path(path)
    assert result.datasets == ()
    (problem,) = result.problems
    assert problem.severity is Severity.ERROR and problem.line == 2
    assert problem.message == msg("p.liquibase_entities")


def test_broken_xml_is_an_error_at_its_position_and_the_scan_goes_on(tmp_path: Path) -> None:
    (tmp_path / "broken.xml").write_text(
        '<databaseChangeLog>\n<changeSet id="1" author="x">\n'
        '<createTable tableName="t"><column name="c"></createTable>\n'
    )
    (tmp_path / "ok.sql").write_text("CREATE TABLE person (id INT, mobile VARCHAR(20));\n")
    result = read_path(tmp_path / "broken.xml")
    (problem,) = result.problems
    assert problem.severity is Severity.ERROR and (problem.line, problem.column) == (3, 47)
    assert "mismatched tag" in str(problem.message)
    out = tmp_path / "r.json"
    run = CliRunner().invoke(app, ["scan", str(tmp_path), "-f", "json", "-o", str(out)])
    assert run.exit_code == 2
    assert "broken.xml:3:47" in run.stderr
    assert [d["name"] for d in json.loads(out.read_text())["datasets"]] == ["person"]


def test_values_in_a_changelog_never_reach_a_report(tmp_path: Path) -> None:
    secret = ("13987650123", "110101199003077777", "hunter2-pass")
    (tmp_path / "data.xml").write_text(
        '<databaseChangeLog><changeSet id="1" author="x">\n'
        '<createTable tableName="account">\n'
        f'  <column name="phone" type="varchar(20)" defaultValue="{secret[0]}"/>\n'
        "</createTable>\n"
        f'<insert tableName="account"><column name="phone" value="{secret[1]}"/></insert>\n'
        f"<sql>INSERT INTO account VALUES ('{secret[2]}');</sql>\n"
        "</changeSet></databaseChangeLog>\n"
    )
    for fmt in ("json", "table", "markdown", "sarif"):
        run = CliRunner().invoke(app, ["scan", str(tmp_path), "-f", fmt])
        assert run.exit_code in (0, 1), run.output
        assert "phone" in run.stdout
        for value in secret:
            assert value not in run.stdout and value not in run.stderr


def test_a_yaml_changelog_that_is_broken_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "changelog.yaml"
    path.write_text("databaseChangeLog:\n  - changeSet: {id: 1\n")
    result = read_path(path, schema_format="liquibase")
    assert result.datasets == ()
    (problem,) = result.problems
    assert problem.severity is Severity.ERROR and problem.line == 3


def test_migrations_apply_in_the_order_of_their_version_numbers(tmp_path: Path) -> None:
    # a plain sort of the names puts V10 (which drops the column) before V2 (which adds it)
    (tmp_path / "V1__person.sql").write_text("CREATE TABLE person (id INT, name VARCHAR(20));\n")
    (tmp_path / "V2__phone.sql").write_text("ALTER TABLE person ADD COLUMN phone VARCHAR(20);\n")
    (tmp_path / "V10__no_phone.sql").write_text("ALTER TABLE person DROP COLUMN phone;\n")
    (tmp_path / "V11__email.sql").write_text("ALTER TABLE person ADD COLUMN email VARCHAR(80);\n")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    (person,) = [d.dataset for d in result.datasets]
    assert [f.name for f in person.fields] == ["id", "name", "email"]


def test_migration_order_compares_numbers_as_numbers() -> None:
    from dataflow.readers import migration_order

    paths = ["changelog-4.10.xml", "changelog-4.7.xml", "changelog-10.0.xml", "changelog-4.9.xml"]
    assert sorted(paths, key=migration_order) == [
        "changelog-4.7.xml",
        "changelog-4.9.xml",
        "changelog-4.10.xml",
        "changelog-10.0.xml",
    ]
    assert migration_order("a١٢b") == ((1, 0, "a"), (0, 12, ""), (1, 0, "b"))
