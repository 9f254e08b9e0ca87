"""Columns that ALTER TABLE statements of several migration files add to a table no scanned
file creates: one dataset per table, whatever file and spelling (case, schema) names it."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths


def _scan(folder: Path) -> dict[str, tuple[str, list[tuple[str, str | None, int | None]]]]:
    result = scan_paths([folder], ScanOptions(content=False))
    return {
        d.dataset.name: (
            Path(d.dataset.source_path).name,
            [(f.name, f.comment, f.line) for f in d.dataset.fields],
        )
        for d in result.datasets
    }


def test_every_migration_of_one_table_adds_to_one_dataset(tmp_path: Path) -> None:
    (tmp_path / "1-20240929.sql").write_text(
        "ALTER TABLE `clinic`.`exam_person`\n"
        "  ADD COLUMN `card_no` varchar(32) NULL COMMENT '会员卡号';\n",
        encoding="utf-8",
    )
    (tmp_path / "2-20241030.sql").write_text(
        "-- later\n"
        "ALTER TABLE `clinic`.`EXAM_PERSON`\n"
        "  ADD COLUMN `work_unit` varchar(64) NULL COMMENT '工作单位';\n",
        encoding="utf-8",
    )
    (tmp_path / "3-20241116.sql").write_text(
        "ALTER TABLE exam_person ADD COLUMN marital varchar(8) COMMENT '婚姻状况';\n"
        "ALTER TABLE exam_person MODIFY COLUMN card_no varchar(64) COMMENT '卡号';\n",
        encoding="utf-8",
    )
    assert _scan(tmp_path) == {
        "clinic.exam_person": (
            "1-20240929.sql",
            [
                ("card_no", "卡号", 2),
                ("work_unit", "工作单位", None),
                ("marital", "婚姻状况", None),
            ],
        )
    }


def test_a_bare_name_stays_apart_when_two_schemas_alter_the_table(tmp_path: Path) -> None:
    (tmp_path / "a.sql").write_text(
        "ALTER TABLE east.visit ADD COLUMN nurse varchar(20);\n"
        "ALTER TABLE west.visit ADD COLUMN ward varchar(20);\n",
        encoding="utf-8",
    )
    (tmp_path / "b.sql").write_text(
        "ALTER TABLE visit ADD COLUMN bed varchar(20);\n"
        "ALTER TABLE West.Visit ADD COLUMN room varchar(20);\n",
        encoding="utf-8",
    )
    assert _scan(tmp_path) == {
        "east.visit": ("a.sql", [("nurse", None, 1)]),
        "west.visit": ("a.sql", [("ward", None, 2), ("room", None, None)]),
        "visit": ("b.sql", [("bed", None, 1)]),
    }
