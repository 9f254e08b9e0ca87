"""Hostile-input corpus: every bad file is reported by name, nothing crashes, nothing leaks.

The corpus (``tests/hostile_corpus.py``) holds truncated and malformed DDL, an unknown dialect,
JSON Schema with ``$ref`` cycles and remote ``$ref``s, invalid Avro, GBK and mixed-encoding CSV,
a 10 MB single line, binary files with schema extensions, truncated Parquet, empty files,
broken dbt YAML, a symlink loop and a path with spaces and Chinese characters. Its data rows
carry canary values that must never come out of dataflow.

The scans run in-process through the CLI so the network block of ``conftest.py`` applies: a
remote ``$ref`` that dataflow tried to fetch would fail the test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_corpus import CANARIES, Case, build_corpus
from typer.testing import CliRunner

from dataflow.cli import app

FORMATS = ("json", "table", "sarif", "markdown", "html")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case]]:
    root = tmp_path_factory.mktemp("hostile")
    return root, build_corpus(root)


def _run(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, args)
    stderr = result.stderr if result.stderr_bytes is not None else ""
    return result.exit_code, result.stdout, stderr


def _assert_no_canary(*texts: str) -> None:
    for text in texts:
        for canary in CANARIES:
            assert canary not in text, "a scanned value leaked into the output"


def test_corpus_scan_reports_every_bad_file_and_keeps_the_good(
    corpus: tuple[Path, list[Case]], tmp_path: Path
) -> None:
    root, cases = corpus
    out = tmp_path / "report.json"
    code, stdout, stderr = _run(["scan", str(root), "--format", "json", "--output", str(out)])

    assert code == 2, "unreadable inputs must make the run exit 2"
    assert "Traceback" not in stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    problem_paths = {p["path"] for p in report["problems"]}
    for case in cases:
        if case.bad:
            assert any(p.endswith(case.name) for p in problem_paths), (
                f"{case.name} ({case.why}) was not reported"
            )
    # every problem names a file and carries a readable message
    for problem in report["problems"]:
        assert problem["path"] and problem["message"]
        assert problem["severity"] in {"error", "warning", "info"}

    names = {d["name"] for d in report["datasets"]}
    # good files next to bad ones, behind awkward paths and beside a symlink loop, are scanned
    assert {"customers", "users_cn", "loop_inner"} <= names
    # the good table in front of a truncated one in the same file is kept
    truncated = [d for d in report["datasets"] if d["source"]["path"].endswith("truncated.sql")]
    assert [d["name"] for d in truncated] == ["customers"]
    # the GBK file without a BOM is decoded: its Chinese header names survive
    gbk = [d for d in report["datasets"] if d["source"]["path"].endswith("gbk_no_bom.csv")]
    assert gbk and {"姓名", "手机号"} <= {f["name"] for f in gbk[0]["fields"]}
    _assert_no_canary(stdout, stderr, out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_output_format_leaks_scanned_values(
    corpus: tuple[Path, list[Case]], tmp_path: Path, fmt: str
) -> None:
    root, _ = corpus
    # attach the canary-bearing CSV explicitly as a sample too, so content detection runs on it
    code, stdout, stderr = _run(
        ["scan", str(root / "csv"), str(root / "parquet"), str(root / "sql"), "--format", fmt]
    )
    assert code in (0, 1, 2)
    assert stdout.strip(), f"{fmt}: no report written"
    _assert_no_canary(stdout, stderr)


def test_debug_mode_does_not_leak_either(corpus: tuple[Path, list[Case]]) -> None:
    root, _ = corpus
    code, stdout, stderr = _run(
        ["--debug", "scan", str(root / "sql"), str(root / "json"), "--format", "json"]
    )
    assert code == 2
    _assert_no_canary(stdout, stderr)


def test_content_detection_finds_the_canaries_masked(corpus: tuple[Path, list[Case]]) -> None:
    """The leak checks above only mean something if the canary columns were really analysed."""
    root, _ = corpus
    code, stdout, _ = _run(["scan", str(root / "csv" / "gbk_no_bom.csv"), "--format", "json"])
    assert code == 0
    report = json.loads(stdout)
    fields = {f["name"]: f for f in report["datasets"][0]["fields"]}
    assert fields["手机号"]["personal"] is True
    assert fields["身份证号"]["sensitive"] is True
    examples = [
        e.get("example") for f in fields.values() for e in f["evidence"] if e.get("example")
    ]
    assert examples, "content evidence should carry masked examples"
    assert any("*" in e for e in examples)
    _assert_no_canary(stdout)


def test_each_bad_file_alone_gives_one_clear_error(corpus: tuple[Path, list[Case]]) -> None:
    root, cases = corpus
    for case in cases:
        if not case.bad:
            continue
        code, stdout, stderr = _run(["scan", str(root / case.name), "--format", "json"])
        assert code == 2, f"{case.name}: expected exit 2, got {code}"
        assert "Traceback" not in stderr
        assert Path(case.name).name in stderr, f"{case.name}: stderr does not name the file"
        _assert_no_canary(stdout, stderr)
