"""The fast matcher gives exactly per-value Presidio's findings (ARCHITECTURE, content detection)."""

from __future__ import annotations

from typing import Any

import pytest
from fast_support import (
    entity_counts,
    generated_columns,
    offline_tldextract,
    predefined_recognizers,
    reference_engine,
    reference_matches,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dataflow.detect.fast import FastMatcher
from dataflow.detect.fast.common import UNVETTED_OR_NEWLINE, vetted_buffer


@pytest.fixture(scope="module")
def recognizers() -> list[Any]:
    return predefined_recognizers()


@pytest.fixture(scope="module")
def analyzer(recognizers: list[Any]) -> Any:
    return reference_engine(recognizers)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("hs-cache"))


@pytest.fixture(scope="module")
def matcher(recognizers: list[Any], analyzer: Any, cache_dir: str) -> FastMatcher:
    mp = pytest.MonkeyPatch()
    mp.setenv("DATAFLOW_CACHE_DIR", cache_dir)
    try:
        return FastMatcher(recognizers, analyzer=analyzer)
    finally:
        mp.undo()


@pytest.fixture(autouse=True)
def _offline_email(monkeypatch: pytest.MonkeyPatch) -> None:
    offline_tldextract(monkeypatch)


def test_prefilter_is_active(matcher: FastMatcher) -> None:
    assert matcher.uses_prefilter
    # IbanRecognizer has its own analyze(): it runs through Presidio, the rest exactly.
    assert matcher.fallback_recognizers == ("IbanRecognizer",)
    assert "EMAIL_ADDRESS" in matcher.entities and "TITLE" in matcher.entities


def test_generated_columns_equal_per_value_presidio(matcher: FastMatcher, analyzer: Any) -> None:
    columns = generated_columns(400)
    for name, values in columns.items():
        expected = reference_matches(values, analyzer)
        got = matcher.match(values)
        assert entity_counts(got) == entity_counts(expected), name
        assert got == expected, name
    # The data exercises every recognizer at least once (otherwise the test proves little).
    seen = {e for values in columns.values() for m in matcher.match(values) for e in m}
    assert {"EMAIL_ADDRESS", "IP_ADDRESS", "URL", "CREDIT_CARD", "US_SSN", "UUID"} <= seen
    assert {"MAC_ADDRESS", "TITLE", "ORDER_NO"} <= seen


def test_without_prefilter_same_answers(recognizers: list[Any], matcher: FastMatcher) -> None:
    plain = FastMatcher(recognizers, prefilter=False, analyzer=matcher._analyzer)
    assert not plain.uses_prefilter
    for values in generated_columns(150, seed=11).values():
        assert plain.match(values) == matcher.match(values)


def test_coded_matches_equal_match_distinct(
    recognizers: list[Any], matcher: FastMatcher, cache_dir: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``match_coded`` (what the full scan counts) gives ``match_distinct``'s matches, with
    a fallback recognizer (keys per result) and without one (outcome codes)."""
    monkeypatch.setenv("DATAFLOW_CACHE_DIR", cache_dir)
    exact_only = FastMatcher([r for r in recognizers if type(r).__name__ != "IbanRecognizer"])
    assert matcher.fallback_recognizers and not exact_only.fallback_recognizers
    for m in (matcher, exact_only):
        for name, column in generated_columns(200, seed=5).items():
            values = list(dict.fromkeys(column))
            expected = m.match_distinct(values)
            keys, outcome = m.match_coded(values)
            assert [outcome(k) for k in keys] == expected, name
            # Equal keys stand for equal matches, and the codes do not depend on a value's
            # neighbours: every distinct outcome keeps one key per column.
            by_key: dict[Any, Any] = {}
            for key, found in zip(keys, expected, strict=True):
                assert by_key.setdefault(key, found) == found
    codes, outcome = exact_only.match_coded(["a@example.com", "x", "10.0.0.1", "x 10.0.0.1"])
    assert [outcome(c) for c in codes] == [
        {"EMAIL_ADDRESS": True, "URL": False},  # the domain is a URL too
        {},
        {"IP_ADDRESS": True},
        {"IP_ADDRESS": False},
    ]
    assert codes[1] == 0 and len(set(codes)) == 4


def test_duplicates_and_order_preserved(matcher: FastMatcher, analyzer: Any) -> None:
    values = ["a@example.com", "x", "a@example.com", " 10.0.0.1 ", "", "   ", "x"]
    got = matcher.match(values)
    assert got == reference_matches(values, analyzer)
    assert got[0]["EMAIL_ADDRESS"] is True and got[3] == {"IP_ADDRESS": True}
    assert got[4] == got[5] == {} and got[1] == got[6] == {}
    got[0]["EMAIL_ADDRESS"] = False  # results are independent objects
    assert got[2]["EMAIL_ADDRESS"] is True


def test_unvetted_characters_take_the_exact_path(matcher: FastMatcher, analyzer: Any) -> None:
    values = [
        "mail：ｂ@example.com",  # fullwidth letter
        "line1\nuser@example.com",  # newline inside a value
        "ＩＰ 192.168.1.１",  # fullwidth digit
        "café 4111 1111 1111 1111",
        "\u212aelvin@example.com",  # Kelvin sign folds to k
        "x\x00192.168.0.1",
    ]
    assert matcher.match(values) == reference_matches(values, analyzer)


# Text that is close to identifiers: digits, separators, @, dots, colons, CJK, spaces.
_near = st.lists(
    st.sampled_from([*"0123456789abcdefABCDEF.:-@/ _xX订单号\t", "com", "www.", "http://", "Mr."]),
    max_size=30,
).map("".join)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_near, min_size=1, max_size=20))
def test_hypothesis_near_misses(matcher: FastMatcher, analyzer: Any, values: list[str]) -> None:
    assert matcher.match(values) == reference_matches(values, analyzer)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(max_size=30), min_size=1, max_size=10))
def test_hypothesis_random_text(matcher: FastMatcher, analyzer: Any, values: list[str]) -> None:
    assert matcher.match(values) == reference_matches(values, analyzer)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(max_size=12),
    st.sampled_from(["13812345678", "4111111111111111", "a.b@qq.com", "078-05-1120", "fe80::1"]),
    st.text(max_size=12),
)
def test_hypothesis_embedded_identifiers(
    matcher: FastMatcher, analyzer: Any, before: str, ident: str, after: str
) -> None:
    values = [before + ident + after, ident, before + ident]
    assert matcher.match(values) == reference_matches(values, analyzer)


def test_vetted_buffer_agrees_with_the_unvetted_search() -> None:
    # ASCII texts are checked on their bytes; the answer must be the regular expression's.
    chars = [chr(c) for c in range(0x80)] + ["é", "一", "鿌", "鿍", "、", "ｂ", "１", "’", "\u212a"]
    for ch in chars:
        for text in (ch, f"user{ch}@example.com\n13812345678", f"a\n{ch}\nb", f"{ch}\t{ch}"):
            found = vetted_buffer(text)
            assert (found is not None) == (UNVETTED_OR_NEWLINE.search(text) is None), repr(ch)
            if found is not None:
                assert found == text.encode("utf-8")


def test_ascii_control_characters_take_the_exact_path(matcher: FastMatcher, analyzer: Any) -> None:
    # Columns of ASCII values, each with one control character (or DEL) in some values.
    for code in [*range(0x00, 0x20), 0x7F]:
        ch = chr(code)
        values = [
            "13812345678",
            f"138{ch}12345678",
            f"user{ch}@example.com",
            f"{ch}10.0.0.1",
            "4111 1111 1111 1111",
            f"4111{ch}1111 1111 1111",
        ]
        assert matcher.match(values) == reference_matches(values, analyzer), hex(code)


def test_blank_values_among_a_column_confirmed_together(
    matcher: FastMatcher, analyzer: Any
) -> None:
    """Columns long enough for the joined confirmation, with blanks among the values and
    candidates of a pattern both in one run and scattered, give Presidio's findings."""
    mobiles = [f"1{3 + i % 7}{i * 7919 % 10**9:09d}" for i in range(300)]
    blanks = [("" if i % 3 else "  ") if i % 10 == 4 else v for i, v in enumerate(mobiles)]
    scattered = [v if i % 4 else f"user{i}@example.com" for i, v in enumerate(mobiles)]
    for values in (mobiles, blanks, scattered):
        assert matcher.match(values) == reference_matches(values, analyzer)
        clean = [v for v in dict.fromkeys(values) if v.strip()]
        assert matcher.match_distinct(clean, clean=True) == reference_matches(clean, analyzer)
