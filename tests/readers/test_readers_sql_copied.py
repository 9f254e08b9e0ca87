"""Tables that take their columns from another: ``PARTITION OF``, ``LIKE`` and ``AS SELECT *``,
with the other table in the same file, in another file of the scan, or nowhere."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

_PARENT = (
    "CREATE TABLE history_changes (\n"
    "    id bigint NOT NULL,\n"
    "    room_no varchar(10),\n"
    "    guest_name text,\n"
    "    changed_at timestamp NOT NULL,\n"
    "    PRIMARY KEY (id, changed_at)\n"
    ") PARTITION BY RANGE (changed_at);\n"
    "COMMENT ON COLUMN history_changes.guest_name IS '住客姓名';\n"
)
_COLUMNS = [
    ("id", "BIGINT", None),
    ("room_no", "VARCHAR(10)", None),
    ("guest_name", "TEXT", "住客姓名"),
    ("changed_at", "TIMESTAMP", None),
]


def _scan(*paths: Path) -> tuple[dict[str, list[tuple[str, str | None, str | None]]], list]:
    result = scan_paths(list(paths), ScanOptions(content=False))
    datasets = {
        d.dataset.name: [(f.name, f.data_type, f.comment) for f in d.dataset.fields]
        for d in result.datasets
    }
    problems = [(Path(p.path).name, p.line, p.severity.value, p.message) for p in result.problems]
    return datasets, problems


def test_partitions_like_and_select_all_in_the_file_of_their_table(tmp_path: Path) -> None:
    (tmp_path / "history.sql").write_text(
        _PARENT + "CREATE TABLE history_changes_2024_01 PARTITION OF history_changes\n"
        "    FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');\n"
        "CREATE TABLE IF NOT EXISTS public.history_changes_2024_02\n"
        "    PARTITION OF public.history_changes FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');\n"
        "CREATE TABLE history_copy (LIKE history_changes INCLUDING ALL, note text);\n"
        "CREATE TABLE history_like LIKE `history_changes`;\n"
        "CREATE TABLE history_all AS SELECT * FROM history_changes WHERE id > 0;\n",
        encoding="utf-8",
    )
    datasets, problems = _scan(tmp_path)
    assert problems == []
    for name in (
        "history_changes",
        "history_changes_2024_01",
        "public.history_changes_2024_02",
        "history_like",
        "history_all",
    ):
        assert datasets[name] == _COLUMNS, name
    assert datasets["history_copy"] == [*_COLUMNS, ("note", "TEXT", None)]


def test_a_partition_takes_the_columns_of_a_table_another_file_creates(tmp_path: Path) -> None:
    # the partitions come first in the scan, one of them a partition of a partition
    (tmp_path / "a_partitions.sql").write_text(
        "\n"
        "CREATE TABLE hc_2024 PARTITION OF history_changes\n"
        "    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY RANGE (changed_at);\n"
        "CREATE TABLE hc_2024_q1 PARTITION OF hc_2024\n"
        "    FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');\n"
        "CREATE TABLE hc_orphan PARTITION OF no_such_table FOR VALUES IN (1);\n",
        encoding="utf-8",
    )
    (tmp_path / "b_tables.sql").write_text(_PARENT, encoding="utf-8")
    datasets, problems = _scan(tmp_path)
    assert datasets["hc_2024"] == _COLUMNS
    assert datasets["hc_2024_q1"] == _COLUMNS
    assert datasets["hc_orphan"] == []
    assert problems == [
        (
            "a_partitions.sql",
            6,
            "warning",
            "table hc_orphan takes the columns of table no_such_table (PARTITION OF, LIKE or"
            " AS SELECT *), which no scanned file creates; those columns are not read",
        )
    ]
    result = scan_paths([tmp_path], ScanOptions(content=False))
    q1 = next(d.dataset for d in result.datasets if d.dataset.name == "hc_2024_q1")
    assert q1.primary_key == ("id", "changed_at")
    assert [f.pointer for f in q1.fields][:1] == ["hc_2024_q1.id"]
    assert {f.line for f in q1.fields} == {None}  # the columns' lines are another file's


def test_a_partition_alone_in_a_scan_is_reported_and_a_query_without_columns_too(
    tmp_path: Path,
) -> None:
    path = tmp_path / "partitions.sql"
    path.write_text(
        "CREATE TABLE hc_2024 PARTITION OF history_changes FOR VALUES IN (2024);\n"
        "CREATE TABLE joined AS SELECT * FROM a JOIN b ON a.id = b.id;\n",
        encoding="utf-8",
    )
    datasets, problems = _scan(path)
    assert datasets == {"hc_2024": [], "joined": []}
    assert [(name, line, severity) for name, line, severity, _ in problems] == [
        ("partitions.sql", 1, "warning"),
        ("partitions.sql", 2, "warning"),
    ]
    assert "history_changes" in problems[0][3]
    assert "AS SELECT" in problems[1][3]


def test_names_in_the_warnings_are_masked(tmp_path: Path) -> None:
    (tmp_path / "p.sql").write_text(
        'CREATE TABLE "t_13812345678" PARTITION OF "bob@example.com" FOR VALUES IN (1);\n',
        encoding="utf-8",
    )
    (tmp_path / "q.sql").write_text(
        'CREATE TABLE "t_13912345678" (LIKE "carol@example.com");\n', encoding="utf-8"
    )
    for path in (tmp_path, tmp_path / "p.sql"):
        result = scan_paths([path], ScanOptions(content=False))
        text = " ".join(p.message for p in result.problems)
        assert "t_138****5678" in text
        for secret in ("13812345678", "13912345678", "bob@", "carol@"):
            assert secret not in text
