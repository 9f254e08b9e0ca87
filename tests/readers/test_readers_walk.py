"""Folder walking and format detection."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dataflow.model import Severity
from dataflow.readers import collect_files, detect_format, read_path

DATA = Path(__file__).parent.parent / "data" / "readers"
DDL = "CREATE TABLE t (phone VARCHAR(11) COMMENT '手机号');\n"


def _tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _rel(root: Path, paths: list[Path]) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_walk_is_recursive_sorted_and_skips_unknown_and_own_files(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "b/z.sql": DDL,
            "b/a.csv": "a\n1\n",
            "a.avsc": '{"type": "record", "name": "R", "fields": []}',
            "notes.md": "# not data",
            "transfer.yaml": "schema_version: 1\ntransfer:\n  id: TX-1\n",
            "dataflow.yaml": "lang: zh\n",
            ".dataflow-baseline.yaml": "accepted: []\n",
            ".pre-commit-hooks.yaml": "- id: dataflow\n",
            "dbt/schema.yml": "version: 2\nmodels:\n  - name: m\n",
            "other.yaml": "key: value\n",
            ".git/config.sql": DDL,
            "node_modules/x/t.sql": DDL,
        },
    )
    files, problems = collect_files([tmp_path])
    assert _rel(tmp_path, files) == ["a.avsc", "b/a.csv", "b/z.sql", "dbt/schema.yml"]
    assert sorted((Path(p.path).name, p.severity) for p in problems) == [
        ("notes.md", Severity.WARNING),
        ("other.yaml", Severity.WARNING),
    ]
    assert all("not a format dataflow reads" in p.message for p in problems)


def test_paths_with_spaces_and_chinese_characters(tmp_path: Path) -> None:
    _tree(tmp_path, {"目录 with space/用户 表.sql": DDL})
    files, problems = collect_files([tmp_path])
    assert problems == []
    assert _rel(tmp_path, files) == ["目录 with space/用户 表.sql"]
    assert read_path(files[0]).datasets[0].source_path == str(files[0])


def test_ignore_patterns(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "keep/a.sql": DDL,
            "build/b.sql": DDL,
            "deep/fixtures/c.sql": DDL,
            "x.tmp.sql": DDL,
        },
    )
    files, _ = collect_files([tmp_path], ignore=["build/", "**/fixtures/*", "*.tmp.sql"])
    assert _rel(tmp_path, files) == ["keep/a.sql"]
    explicit, _ = collect_files([tmp_path / "x.tmp.sql"], ignore=["*.tmp.sql"])
    assert explicit == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_loop_is_reported_once_and_files_are_not_duplicated(tmp_path: Path) -> None:
    _tree(tmp_path, {"loop/inner.sql": DDL})
    (tmp_path / "loop" / "again").symlink_to(tmp_path / "loop", target_is_directory=True)
    (tmp_path / "alias.sql").symlink_to(tmp_path / "loop" / "inner.sql")
    (tmp_path / "dangling.sql").symlink_to(tmp_path / "missing.sql")
    files, problems = collect_files([tmp_path])
    assert _rel(tmp_path, files) == ["alias.sql"]  # the same file reached twice counts once
    kinds = sorted((Path(p.path).name, p.severity) for p in problems)
    assert kinds == [("again", Severity.WARNING), ("dangling.sql", Severity.WARNING)]


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    files, problems = collect_files([tmp_path / "nope"])
    assert files == []
    assert [p.severity for p in problems] == [Severity.ERROR]


def test_explicit_unknown_file_is_reported_by_read_path(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    files, problems = collect_files([path])
    assert files == [path] and problems == []
    result = read_path(path)
    assert result.datasets == () and len(result.problems) == 1


def test_own_yaml_files_read_silently(tmp_path: Path) -> None:
    result = read_path(DATA / "manifest.yaml")
    assert result.format == "ignored"
    assert result.datasets == () and result.problems == ()


@pytest.mark.parametrize(
    "name,content,expected",
    [
        ("a.sql", "", "sql"),
        ("a.hql", "", "sql"),
        ("a.avsc", "", "avro"),
        ("a.tsv", "", "tsv"),
        ("a.ndjson", "", "jsonl"),
        ("a.json", '{"type": "object", "properties": {}}', "jsonschema"),
        ("a.json", '{"type": "record", "name": "R", "fields": []}', "avro"),
        ("a.json", '[{"a": 1}]', "json"),
        ("a.json", '{"a": 1}\n{"a": 2}\n', "jsonl"),
        ("a.json", '{"name": "package", "version": "1.0"}', None),
        ("a.json", "{broken", "jsonschema"),
        ("a.avro", "Obj\x01binary", None),
        ("schema.yml", "models:\n  - name: m\n", "dbt"),
        ("a.yaml", "transfer:\n  id: x\n", "ignored"),
        ("noext", "PAR1....", "parquet"),
        ("noext", "hello", None),
    ],
)
def test_detect_format(tmp_path: Path, name: str, content: str, expected: str | None) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="latin-1")
    assert detect_format(path) == expected


def test_schema_format_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "ddl.txt"
    path.write_text(DDL)
    assert read_path(path).datasets == ()
    forced = read_path(path, schema_format="sql")
    assert forced.format == "sql" and forced.datasets[0].name == "t"
    bogus = read_path(path, schema_format="excel")
    assert bogus.datasets == () and bogus.problems[0].severity is Severity.ERROR


def test_own_catalogs_lists_and_rule_packs_in_a_schema_folder_are_not_read(tmp_path: Path) -> None:
    from conftest import EXAMPLES, REPO_ROOT

    from dataflow import readers

    for source in (
        EXAMPLES / "policy" / "acme-catalog.yaml",
        REPO_ROOT / "negative_list" / "example-organisation.yaml",
        REPO_ROOT / "catalogs" / "rules" / "cn-provisions-2024.yaml",
    ):
        copy = tmp_path / source.name
        copy.write_bytes(source.read_bytes())
        result = readers.read_path(copy)
        assert result.format == "ignored" and not result.problems, source.name
