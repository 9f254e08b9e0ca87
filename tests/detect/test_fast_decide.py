"""Hyperscan existence expressions settle long no-hook patterns without a regex run, with
per-value Presidio's answers (fast.Prefilter, FastMatcher._decide)."""

from __future__ import annotations

import random
from typing import Any

import pytest
from fast_support import (
    offline_tldextract,
    predefined_recognizers,
    reference_engine,
    reference_matches,
)

from dataflow.detect.fast import FastMatcher, existence_expressions
from dataflow.detect.fast import common as fast


@pytest.fixture(scope="module")
def recognizers() -> list[Any]:
    return predefined_recognizers()


@pytest.fixture(scope="module")
def analyzer(recognizers: list[Any]) -> Any:
    return reference_engine(recognizers)


@pytest.fixture(scope="module")
def matcher(recognizers: list[Any], tmp_path_factory: pytest.TempPathFactory) -> FastMatcher:
    mp = pytest.MonkeyPatch()
    mp.setenv("DATAFLOW_CACHE_DIR", str(tmp_path_factory.mktemp("hs-decide")))
    try:
        return FastMatcher(recognizers)
    finally:
        mp.undo()


@pytest.fixture(autouse=True)
def _offline_email(monkeypatch: pytest.MonkeyPatch) -> None:
    offline_tldextract(monkeypatch)


def _url_pids(matcher: FastMatcher) -> list[int]:
    return [pid for pid, p in enumerate(matcher.patterns) if p.entity == "URL"]


def test_a_url_pattern_is_decided_by_hyperscan(matcher: FastMatcher) -> None:
    pre = matcher.prefilter
    assert pre is not None
    assert set(pre.decided) & set(_url_pids(matcher))
    # Only patterns without hooks can be decided by existence alone.
    assert not any(matcher._hooked[pid] for pid in pre.decided)


def test_expressions_refuse_what_could_cross_a_newline() -> None:
    assert existence_expressions(r"[^,]+@x") is None  # a negated class after the edge
    assert existence_expressions(r"\bab\b") is not None
    exact, coverable = existence_expressions(r"(?<![0-9])[0-9]{3}(?:-[^\s]*)?") or ("", "")
    # The guard became a consumer that stops at a newline; the optional tail is dropped.
    assert exact == "(?:^|[^0-9\\n])[0-9]{3}"
    assert coverable.startswith("^") and coverable.endswith("$")


def _values(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    hosts = ["example.com", "corp.example.cn", "126.com", "a-b.org", "x.notatld", "localhost"]
    out = []
    for _ in range(n):
        roll = rng.random()
        host = rng.choice(hosts)
        local = rng.choice(["li.na", "zhang.wei", "o'neil", "j.smith", "w.x.y"])
        if roll < 0.35:
            out.append(f"{local}{rng.randint(0, 999)}@{host}")
        elif roll < 0.5:
            out.append(rng.choice(["", "www.", "https://", "WWW."]) + host + rng.choice(["", "/p"]))
        elif roll < 0.6:
            out.append(f"  {host}  ")  # surrounding white space: the clean=False path
        elif roll < 0.7:
            out.append("x" * rng.choice([250, 252, 253, 254, 300]) + ".com")  # repeat bound
        elif roll < 0.8:
            out.append(f"备注 {host} 联系 {local}@{host}")
        elif roll < 0.9:
            out.append(rng.choice(["Example.COM", "a.b", "1.2.3.4", "no url here", "a..com"]))
        else:
            out.append(f"see {local}.{rng.choice(['com', 'cn', 'zz'])}")
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_decided_values_equal_per_value_presidio(
    matcher: FastMatcher, analyzer: Any, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = FastMatcher._decide

    def spy(*args: Any, **kwargs: Any) -> list[int]:
        calls.append(len(args[0]))
        return real(*args, **kwargs)

    monkeypatch.setattr(FastMatcher, "_decide", staticmethod(spy))
    values = _values(seed, 400)
    assert matcher.match(values) == reference_matches(values, analyzer)
    assert calls  # the existence path ran


def test_without_the_existence_expressions_same_answers(
    matcher: FastMatcher,
    recognizers: list[Any],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Any,
) -> None:
    values = _values(3, 300)
    with_decide = matcher.match(values)
    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(FastMatcher, "_decidable", lambda self: [])
    plain = FastMatcher(recognizers)
    assert plain.prefilter is not None and not plain.prefilter.decided
    assert plain.match(values) == with_decide


def test_a_decided_pattern_reports_only_through_its_existence_expressions(
    matcher: FastMatcher,
) -> None:
    """Its own expression is left out of the database; ``candidates`` still names it."""
    pre = matcher.prefilter
    assert pre is not None and pre.decided
    values = [v.strip() or "x" for v in _values(5, 300)]
    reported = pre.values_by_pattern(values)
    assert not set(reported) & set(pre.decided)
    for pid in pre.decided:
        assert reported.get(pid + pre.size)  # URL values have real matches
    by_value = pre.candidates(values)
    for pid in pre.decided:
        named = {i for i, pids in by_value.items() if pid in pids}
        expected = set(reported.get(pid + pre.size, ())) | set(reported.get(pid + 2 * pre.size, ()))
        assert named == expected


def test_values_by_pattern_without_numpy_reports_the_same(
    matcher: FastMatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    pre = matcher.prefilter
    assert pre is not None
    values = [v.strip() or "x" for v in _values(4, 200)]
    with_numpy = pre.values_by_pattern(values)
    assert any(pid >= pre.size for pid in with_numpy)  # existence ids are reported
    monkeypatch.setattr(fast, "_NUMPY", [None])
    assert pre.values_by_pattern(values) == {k: list(v) for k, v in with_numpy.items()}
