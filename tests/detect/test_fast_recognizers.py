"""The fast matcher equals per-value Presidio with dataflow's own recognizers (catalog + kept four)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fast_support import entity_counts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dataflow.detect.fast import FastMatcher

REPO = Path(__file__).resolve().parent.parent.parent


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_content", REPO / "bench" / "bench_content.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_content", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def engine() -> tuple[Any, Any]:
    from dataflow.detect.engine import build_analyzer, value_matches
    from dataflow.detect.recognizers import load_recognizers

    recognizers = load_recognizers()
    return recognizers, lambda values: value_matches(values, build_analyzer(recognizers))


@pytest.fixture(scope="module")
def matcher(engine: tuple[Any, Any], tmp_path_factory: pytest.TempPathFactory) -> FastMatcher:
    mp = pytest.MonkeyPatch()
    mp.setenv("DATAFLOW_CACHE_DIR", str(tmp_path_factory.mktemp("hs-cache")))
    try:
        return FastMatcher(engine[0])
    finally:
        mp.undo()


def test_every_shipped_recognizer_runs_exactly(matcher: FastMatcher) -> None:
    assert matcher.fallback_recognizers == ()
    assert matcher.uses_prefilter
    assert {"CN_RESIDENT_ID", "CN_MOBILE", "EMAIL_ADDRESS", "URL"} <= set(matcher.entities)


def test_benchmark_table_equals_per_value_presidio(
    matcher: FastMatcher, engine: tuple[Any, Any]
) -> None:
    bench = _bench()
    rows = list(bench.generate_rows(250, seed=99))
    flagged = 0
    for i, name in enumerate(bench.COLUMNS):
        values = [row[i] for row in rows]
        expected = engine[1](values)
        got = matcher.match(values)
        assert entity_counts(got) == entity_counts(expected), name
        assert got == expected, name
        flagged += sum(len(m) for m in got)
    assert flagged > 2_000  # the table is full of identifiers: the comparison is not vacuous


_pieces = st.sampled_from(
    [
        "1", "3", "8", "6", "0", "9", "X", "x", "-", " ", "+86", "0086", "62", "138", "110105",
        "19900307", "京A", "省", "市", "区", "路", "号", "@", ".", ":", "ff", "E", "G", "C", "W",
        "91", "LJ", "，", "张", "王", "伟", "/", "https://", "com", "\t",
    ]
)  # fmt: skip
_near = st.lists(_pieces, max_size=25).map("".join)


@settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_near, min_size=1, max_size=15))
def test_hypothesis_near_miss_identifiers(
    matcher: FastMatcher, engine: tuple[Any, Any], values: list[str]
) -> None:
    assert matcher.match(values) == engine[1](values)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(max_size=10),
    st.sampled_from(
        [
            "13812345678",
            "+86 139 1234 5678",
            "11010519491231002X",
            "6222021234567890123",
            "LJ12345678A123456",
        ]
    ),
    st.text(max_size=10),
)
def test_hypothesis_embedded_identifiers(
    matcher: FastMatcher, engine: tuple[Any, Any], before: str, ident: str, after: str
) -> None:
    values = [before + ident + after, f"{before} {ident} {after}", ident]
    assert matcher.match(values) == engine[1](values)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(max_size=25), min_size=1, max_size=8))
def test_hypothesis_random_text(
    matcher: FastMatcher, engine: tuple[Any, Any], values: list[str]
) -> None:
    assert matcher.match(values) == engine[1](values)
