"""The full scan builds what matching builds on first use (the e-mail validator's public-suffix
list above all) once, before it forks its workers, instead of in every worker; the verdicts
stay those of one process."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from dataflow.detect.content import ContentOptions
from dataflow.detect.fast import FastMatcher
from dataflow.detect.fast.plain import fast_recognizers
from dataflow.detect.full import scan_batches
from dataflow.readers import iter_batches

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture
def cold_suffix_list(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A fresh offline extractor in place of tldextract's module-wide one: its suffix list is
    not read yet."""
    import tldextract
    import tldextract.tldextract as impl

    fresh = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    fresh._dataflow_offline = True  # type: ignore[attr-defined]
    monkeypatch.setattr(impl, "TLD_EXTRACTOR", fresh)
    assert fresh._extractor is None
    return fresh


def _fresh_matcher() -> FastMatcher:
    # Its own hooks (the e-mail shortcut's host cache is empty): as a scan's process has it.
    return FastMatcher(fast_recognizers(()))


def _table(path: Path, rows: int) -> Path:
    """The benchmark's generated table (checksum-valid identifiers, e-mail addresses, …) as
    a real CSV file."""
    import sys

    sys.path.insert(0, str(BENCH))
    try:
        import bench_content as bc
    finally:
        sys.path.remove(str(BENCH))
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(bc.COLUMNS)
        writer.writerows(bc.generate_rows(rows))
    return path


def test_warm_up_reads_the_suffix_list(cold_suffix_list: Any) -> None:
    matcher = _fresh_matcher()
    matcher.warm_up()
    assert cold_suffix_list._extractor is not None


def test_a_parallel_scan_warms_the_matcher_before_forking(
    tmp_path: Path, cold_suffix_list: Any
) -> None:
    # The parent matches nothing itself when workers run: only the warm-up before the fork
    # reads the suffix list in the parent, and the workers inherit it.
    path = _table(tmp_path / "t.csv", 300)
    scan_batches(
        (batch for batch in iter_batches(path, batch_rows=100)),
        matcher=_fresh_matcher(),
        content_options=ContentOptions(),
        processes=2,
    )
    assert cold_suffix_list._extractor is not None


def test_warmed_and_cold_matchers_give_the_same_verdicts(tmp_path: Path) -> None:
    path = _table(tmp_path / "t.csv", 600)
    options = ContentOptions(max_examples=3)

    def scan(matcher: FastMatcher, processes: int) -> Any:
        return scan_batches(
            iter_batches(path, batch_rows=150),
            matcher=matcher,
            content_options=options,
            processes=processes,
        )

    cold = scan(_fresh_matcher(), 1)
    warmed_matcher = _fresh_matcher()
    warmed_matcher.warm_up()
    warmed = scan(warmed_matcher, 1)
    parallel = scan(_fresh_matcher(), 2)
    assert cold == warmed == parallel
    assert cold[1] == 600
    assert any(v.entity == "EMAIL_ADDRESS" for v in cold[0].values())


class _FailingWarmUp:
    """A matcher whose warm-up fails (as a user validator may on a probe value)."""

    def __init__(self, matcher: FastMatcher) -> None:
        self._matcher = matcher

    def warm_up(self) -> None:
        raise ValueError("a validator failed on a probe value")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._matcher, name)


def test_a_failed_warm_up_leaves_the_scan_to_the_workers(tmp_path: Path) -> None:
    path = _table(tmp_path / "t.csv", 300)
    options = ContentOptions()
    matcher = _fresh_matcher()
    one = scan_batches(
        iter_batches(path, batch_rows=100), matcher=matcher, content_options=options, processes=1
    )
    two = scan_batches(
        iter_batches(path, batch_rows=100),
        matcher=_FailingWarmUp(matcher),
        content_options=options,
        processes=2,
    )
    assert one == two
