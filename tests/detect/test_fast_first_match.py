"""Settling a pattern on its first match gives Presidio's answer when later matches matter."""

from __future__ import annotations

from typing import Any

import pytest
from fast_support import reference_engine, reference_matches
from hypothesis import given, settings
from hypothesis import strategies as st

from dataflow.detect.fast import FastMatcher


def _recognizers() -> list[Any]:
    from presidio_analyzer import Pattern, PatternRecognizer

    class EvenEnd(PatternRecognizer):
        """Four digits whose last digit is even; a rejected match scores 0."""

        def validate_result(self, pattern_text: str) -> bool:
            return int(pattern_text[-1]) % 2 == 0

    return [
        EvenEnd(supported_entity="EVEN", patterns=[Pattern("even", r"\d{4}", 0.5)]),
        # Matches that can be empty or sit in the leading whitespace.
        PatternRecognizer(supported_entity="GAP", patterns=[Pattern("gap", r"\s?x*", 0.5)]),
        PatternRecognizer(
            supported_entity="WORD", patterns=[Pattern("word", r"(?<![a-z])[a-z]{2,}", 0.4)]
        ),
    ]


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[FastMatcher, FastMatcher, Any]:
    recs = _recognizers()
    mp = pytest.MonkeyPatch()
    mp.setenv("DATAFLOW_CACHE_DIR", str(tmp_path_factory.mktemp("hs-first")))
    try:
        return FastMatcher(recs), FastMatcher(recs, prefilter=False), reference_engine(recs)
    finally:
        mp.undo()


CASES = [
    "1231 1232",  # first match rejected, a later one counts (not covering)
    "1231",  # the only match rejected
    "1232",  # covering and valid
    "1232 1231",  # valid first match, not covering
    "  x 1234",  # a match inside the leading whitespace, then more
    " x",
    "x",
    "abc 1231 1233 1236",
    "1231\u30001236",
    "ab cd",
]


def test_known_cases_equal_presidio(pair: tuple[FastMatcher, FastMatcher, Any]) -> None:
    fast, plain, analyzer = pair
    expected = reference_matches(CASES, analyzer)
    assert expected[0]["EVEN"] is False  # the case the first-match path must hand over
    assert fast.match(CASES) == expected
    assert plain.match(CASES) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="0123456789 xab\t", max_size=16), min_size=1, max_size=8))
def test_random_values_equal_presidio(
    pair: tuple[FastMatcher, FastMatcher, Any], values: list[str]
) -> None:
    fast, plain, analyzer = pair
    expected = reference_matches(values, analyzer)
    assert fast.match(values) == expected
    assert plain.match(values) == expected
