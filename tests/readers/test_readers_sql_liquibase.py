"""Liquibase changelogs in SQL (``--changeset author:id``): a column a changeSet drops stays
dropped when a later changeSet modifies it, with a warning naming that changeSet; an ADD of
the name makes it a column again."""

from __future__ import annotations

from pathlib import Path

from dataflow.i18n import msg
from dataflow.model import Severity
from dataflow.readers import read_path
from dataflow.scan import ScanOptions, scan_paths

DATA = Path(__file__).parent.parent / "data" / "readers" / "liquibase"


def test_a_modified_column_dropped_earlier_in_the_changelog_stays_dropped() -> None:
    result = read_path(DATA / "changelog.sql")
    (customer,) = result.datasets
    assert [(f.name, f.data_type) for f in customer.fields] == [
        ("id", "BIGINT"),
        ("full_name", "VARCHAR(100)"),
        ("phone", "VARCHAR(32)"),  # a modified column that exists is changed
        ("email", "VARCHAR(255)"),  # dropped, then added again
    ]
    why = msg("p.column_stays_dropped_in", changeset="bob:3", column="id_card", table="customer")
    warned = [p for p in result.problems if p.message == why]
    assert len(warned) == 1
    assert warned[0].line == 16 and warned[0].severity is Severity.WARNING
    assert len(result.problems) == 1


def test_a_column_dropped_in_one_changelog_file_stays_dropped_in_the_next() -> None:
    result = scan_paths([DATA / "split"], ScanOptions(content=False))
    (patient,) = [d.dataset for d in result.datasets]
    assert [(f.name, f.data_type) for f in patient.fields] == [
        ("id", "BIGINT"),
        ("name", "VARCHAR(64)"),
        ("diagnosis", "TEXT"),
    ]
    why = msg(
        "p.column_stays_dropped_in",
        changeset="dave:widen-columns",
        column="passport_no",
        table="patient",
    )
    warned = [p for p in result.problems if p.message == why]
    assert len(warned) == 1
    assert Path(warned[0].path).name == "003_widen.sql" and warned[0].line == 4


def test_a_plain_migration_names_no_changeset(tmp_path: Path) -> None:
    path = tmp_path / "V2__drop.sql"
    path.write_text(
        "CREATE TABLE member (id INT, mobile VARCHAR(20));\n"
        "ALTER TABLE member DROP COLUMN mobile;\n"
        "ALTER TABLE member RENAME COLUMN mobile TO phone;\n",
        encoding="utf-8",
    )
    result = read_path(path)
    assert [f.name for f in result.datasets[0].fields] == ["id"]
    why = msg("p.column_stays_dropped", column="mobile", table="member")
    assert [(p.message, p.line) for p in result.problems] == [(why, 3)]
