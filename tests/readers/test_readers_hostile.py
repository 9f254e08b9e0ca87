"""The hostile corpus straight through the readers, plus property-based fuzzing.

The CLI-level corpus test (``test_reliability_corpus.py``) needs the whole tool; this checks
the readers' share of it: every bad file gives an error naming it, every good file is read,
and no problem message quotes a canary value.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_corpus import CANARIES, Case, build_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dataflow.model import ReadResult, Severity
from dataflow.readers import FORMATS, collect_files, read_path

FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)


@pytest.fixture(scope="module")
def corpus(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, list[Case], dict[str, ReadResult]]:
    root = tmp_path_factory.mktemp("hostile")
    cases = build_corpus(root)
    files, walk_problems = collect_files([root])
    results = {p.relative_to(root).as_posix(): read_path(p) for p in files}
    for problem in walk_problems:
        for canary in CANARIES:
            assert canary not in problem.message
    return root, cases, results


def test_every_bad_file_gives_an_error_naming_it(
    corpus: tuple[Path, list[Case], dict[str, ReadResult]],
) -> None:
    root, cases, results = corpus
    for case in cases:
        if not case.bad:
            continue
        result = results[case.name]
        errors = [p for p in result.problems if p.severity is Severity.ERROR]
        assert errors, f"{case.name} ({case.why}) was not reported"
        assert all(p.path == str(root / case.name) for p in errors)


def test_good_files_are_read(corpus: tuple[Path, list[Case], dict[str, ReadResult]]) -> None:
    _, _, results = corpus
    names = {d.name for r in results.values() for d in r.datasets}
    assert {"customers", "users_cn"} <= names
    assert any(d.name == "loop_inner" for r in results.values() for d in r.datasets)
    assert [d.name for d in results["sql/truncated.sql"].datasets] == ["customers"]
    gbk = results["csv/gbk_no_bom.csv"]
    assert {"姓名", "手机号"} <= {f.name for f in gbk.datasets[0].fields}
    assert not [p for p in gbk.problems if p.severity is Severity.ERROR]
    mixed = results["csv/mixed_encoding.csv"]
    assert mixed.problems == ()
    assert mixed.samples["mixed_encoding"].columns["mixed_encoding.name"] == ("欧阳锋华",)
    assert results["parquet/good.parquet"].samples["good"].rows_read == 50
    assert results["json/ref_cycle.schema.json"].datasets[0].fields


def test_no_problem_quotes_a_canary(corpus: tuple[Path, list[Case], dict[str, ReadResult]]) -> None:
    _, _, results = corpus
    for result in results.values():
        for problem in result.problems:
            for canary in CANARIES:
                assert canary not in problem.render()


def test_ten_megabyte_line_is_read_with_a_warning(
    corpus: tuple[Path, list[Case], dict[str, ReadResult]],
) -> None:
    _, _, results = corpus
    result = results["csv/ten_mb_line.csv"]
    assert [p.severity for p in result.problems] == [Severity.WARNING]
    assert result.samples["ten_mb_line"].columns["ten_mb_line.mobile"] == ("13987650123",)


SUFFIXES = (
    ".sql",
    ".json",
    ".avsc",
    ".avro",
    ".csv",
    ".tsv",
    ".jsonl",
    ".parquet",
    ".yml",
    ".xml",
    "",
)


@FUZZ
@given(
    data=st.binary(max_size=1500),
    suffix=st.sampled_from(SUFFIXES),
    fmt=st.sampled_from((None, *FORMATS)),
)
def test_any_bytes_under_any_extension(
    tmp_path: Path, data: bytes, suffix: str, fmt: str | None
) -> None:
    canary = b"13987650123"
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data[: len(data) // 2] + canary + data[len(data) // 2 :])
    result = read_path(path, schema_format=fmt)
    assert isinstance(result, ReadResult)
    for problem in result.problems:
        assert problem.message and problem.path == str(path)
        assert "13987650123" not in problem.message
        assert "internal error" not in problem.message


@FUZZ
@given(
    seed=st.sampled_from(
        [
            "CREATE TABLE t (a INT COMMENT '手机', b VARCHAR(2));\n",
            '{"type": "object", "properties": {"a": {"$ref": "#/$defs/x"}}, "$defs": {"x": {}}}',
            '{"type": "record", "name": "R", "fields": [{"name": "a", "type": ["null", "R"]}]}',
            "a,b\n1,2\n",
            '{"a": {"b": [1, {"c": 2}]}}\n',
        ]
    ),
    cut=st.integers(0, 200),
    insert=st.sampled_from(["'", '"', "(", "{", "[", "$ref", "\x00", "13987650123", "\n", ";"]),
    fmt=st.sampled_from((None, *FORMATS)),
)
def test_mutated_schemas(tmp_path: Path, seed: str, cut: int, insert: str, fmt: str | None) -> None:
    text = seed[:cut] + insert + seed[cut:]
    path = tmp_path / "m.json"
    path.write_text(text, encoding="utf-8")
    result = read_path(path, schema_format=fmt)
    for problem in result.problems:
        assert "13987650123" not in problem.message
        assert "internal error" not in problem.message


@FUZZ
@given(
    data=st.binary(max_size=1500),
    suffix=st.sampled_from((".csv", ".tsv", ".jsonl", ".json", ".parquet")),
)
def test_streaming_any_bytes_gives_batches_or_problems(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    from dataflow.model import Problem
    from dataflow.readers import iter_batches

    path = tmp_path / f"stream{suffix}"
    path.write_bytes(b"13987650123," + data)
    problems: list[Problem] = []
    for batch in iter_batches(path, batch_rows=7, problems=problems):
        assert all(isinstance(values, list) for values in batch.values())
    for problem in problems:
        assert "13987650123" not in problem.message


def test_deeply_nested_inputs_are_clean_problems(tmp_path: Path) -> None:
    cases = {
        "deep.yml": "models: " + "[" * 800 + "]" * 800 + "\n",
        "deep.json": '{"type": "object", "properties": ' * 3000 + "{}" + "}" * 3000,
        "deep.jsonl": "[" * 100_000 + "]" * 100_000 + "\n",
        "deep.sql": "CREATE TABLE t (a INT DEFAULT " + "(" * 1500 + "1" + ")" * 1500 + ");\n",
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text)
    files, problems = collect_files([tmp_path])
    assert len(files) == len(cases) and problems == []
    for path in files:
        result = read_path(path)
        for problem in result.problems:
            assert "internal error" not in problem.message, path.name


def test_binary_guess_counts_control_characters_against_a_5_percent_bar() -> None:
    from dataflow.readers.encoding import _looks_binary

    assert not _looks_binary("")
    assert not _looks_binary("\x01" + "a" * 19)  # one in twenty: text
    assert _looks_binary("\x01\x02" + "a" * 18)  # two in twenty: binary
    assert _looks_binary("\x00" * 3 + "\x1b" * 3 + "a" * 30)
    # Tab, newlines, vertical tab, form feed and the DOS end-of-file mark are text.
    assert not _looks_binary("\t\n\r\x0b\x0c\x1a" * 10)
