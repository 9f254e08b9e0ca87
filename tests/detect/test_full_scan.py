"""Full-table scan: every row streamed through the fast matcher into per-column tallies."""

from __future__ import annotations

import csv
import gc
import json
import os
import tracemalloc
import weakref
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
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

from dataflow.detect.content import renormalised
from dataflow.detect.fast import FastMatcher
from dataflow.detect.full import batch_rows, clean_value, scan_batches


class CountTally:
    """A stand-in column tally: counts values and (entity, covers-whole) matches."""

    def __init__(self, pointer: str) -> None:
        self.pointer = pointer
        self.values = 0
        self.counts: Counter[tuple[str, bool]] = Counter()

    def add(
        self, value: str, matches: Mapping[str, bool], *, times: int = 1, **_normalised: object
    ) -> None:
        self.values += times
        for entity, whole in matches.items():
            self.counts[(entity, whole)] += times

    def merge(self, later: CountTally) -> None:
        self.values += later.values
        self.counts.update(later.counts)

    def verdict(
        self, options: object, *, context: str | None = None
    ) -> tuple[int, dict[tuple[str, bool], int]]:
        return self.values, dict(self.counts)


def write_csv(path: Path, columns: dict[str, list[str]], *, nulls: bool = True) -> None:
    names = sorted(columns)
    rows = len(columns[names[0]])
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(names)
        for i in range(rows):
            row = [columns[n][i] for n in names]
            if nulls and i % 17 == 0:
                row[i % len(row)] = ""
            writer.writerow(row)


def write_jsonl(path: Path, columns: dict[str, list[str]]) -> None:
    names = sorted(columns)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(len(columns[names[0]])):
            record: dict[str, Any] = {n: columns[n][i] for n in names}
            if i % 13 == 0:
                record[names[i % len(names)]] = None
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def csv_batches(
    path: Path, dataset: str, rows_per_batch: int
) -> Iterator[dict[str, list[str | None]]]:
    """A streaming CSV reader (the test's own, so these tests do not depend on readers/)."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        batch: list[list[str]] = []
        for row in reader:
            batch.append(row)
            if len(batch) == rows_per_batch:
                yield {f"{dataset}.{h}": [r[i] for r in batch] for i, h in enumerate(header)}
                batch = []
        if batch:
            yield {f"{dataset}.{h}": [r[i] for r in batch] for i, h in enumerate(header)}


def jsonl_batches(
    path: Path, dataset: str, rows_per_batch: int
) -> Iterator[dict[str, list[str | None]]]:
    with path.open(encoding="utf-8") as fh:
        records: list[dict[str, Any]] = []
        for line in fh:
            records.append(json.loads(line))
            if len(records) == rows_per_batch:
                yield _columns(records, dataset)
                records = []
        if records:
            yield _columns(records, dataset)


def _columns(records: Sequence[dict[str, Any]], dataset: str) -> dict[str, list[str | None]]:
    keys = sorted({k for r in records for k in r})
    return {f"{dataset}.{k}": [r.get(k) for r in records] for k in keys}


def expected_tallies(
    analyzer: Any, dataset: str, path: Path, fmt: str, rows_per_batch: int
) -> dict[str, tuple[int, dict[tuple[str, bool], int]]]:
    """Per-value Presidio over the file's values: every occurrence, nulls removed, stripped."""
    if fmt == "csv":
        batches = csv_batches(path, dataset, rows_per_batch)
    else:
        batches = jsonl_batches(path, dataset, rows_per_batch)
    totals: dict[str, int] = {}
    counts: dict[str, Counter[tuple[str, bool]]] = {}
    for batch in batches:
        for pointer, values in batch.items():
            occurring = Counter(c for c in (clean_value(v) for v in values) if c is not None)
            cleaned = list(occurring)
            totals[pointer] = totals.get(pointer, 0) + sum(occurring.values())
            found = reference_matches(cleaned, analyzer)
            # the second chance every scan gives a loosely written identifier
            fixes = renormalised(
                cleaned,
                [any(m.values()) for m in found],
                lambda texts: reference_matches(texts, analyzer),
            )
            found = [fixes[i][0] if i in fixes else m for i, m in enumerate(found)]
            every = [
                m for value, m in zip(cleaned, found, strict=True) for _ in range(occurring[value])
            ]
            counts.setdefault(pointer, Counter()).update(entity_counts(every))
    return {p: (totals[p], dict(counts[p])) for p in totals}


@pytest.fixture(scope="module")
def recognizers() -> list[Any]:
    # IbanRecognizer runs through Presidio itself (its own analyze): leave it to the
    # fast-matcher tests and keep these scans quick.
    return [r for r in predefined_recognizers() if type(r).__name__ != "IbanRecognizer"]


@pytest.fixture(scope="module")
def analyzer(recognizers: list[Any]) -> Any:
    return reference_engine(recognizers)


@pytest.fixture(scope="module")
def matcher(
    recognizers: list[Any], analyzer: Any, tmp_path_factory: pytest.TempPathFactory
) -> FastMatcher:
    mp = pytest.MonkeyPatch()
    mp.setenv("DATAFLOW_CACHE_DIR", str(tmp_path_factory.mktemp("hs-cache")))
    try:
        return FastMatcher(recognizers, analyzer=analyzer)
    finally:
        mp.undo()


@pytest.fixture(autouse=True)
def _offline_email(monkeypatch: pytest.MonkeyPatch) -> None:
    offline_tldextract(monkeypatch)


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("processes", [1, 2])
def test_full_scan_counts_equal_per_value_presidio(
    tmp_path: Path, matcher: FastMatcher, analyzer: Any, fmt: str, processes: int
) -> None:
    columns = generated_columns(600, seed=3)
    path = tmp_path / f"t.{fmt}"
    if fmt == "csv":
        write_csv(path, columns)
        batches = csv_batches(path, "t", 128)
    else:
        write_jsonl(path, columns)
        batches = jsonl_batches(path, "t", 128)
    verdicts, rows = scan_batches(
        batches, matcher=matcher, tally_factory=CountTally, processes=processes
    )
    assert rows == 600
    expected = expected_tallies(analyzer, "t", path, fmt, 128)
    assert verdicts == expected
    assert list(verdicts) == sorted(verdicts)
    # Nulls and empty strings are not values.
    assert any(n < 600 for n, _ in verdicts.values())


def test_batches_are_streamed_not_collected(tmp_path: Path, matcher: FastMatcher) -> None:
    columns = generated_columns(1000, seed=5)
    path = tmp_path / "big.csv"
    write_csv(path, columns)
    alive: set[int] = set()
    peak = [0]

    class Tracked(dict):  # type: ignore[type-arg]
        pass

    def tracked() -> Iterator[dict[str, list[str | None]]]:
        for i, batch in enumerate(csv_batches(path, "big", 50)):
            obj = Tracked(batch)
            alive.add(i)
            weakref.finalize(obj, alive.discard, i)
            gc.collect()
            peak[0] = max(peak[0], len(alive))
            yield obj

    verdicts, rows = scan_batches(tracked(), matcher=matcher, tally_factory=CountTally)
    assert rows == 1000 and len(verdicts) == len(columns)
    assert peak[0] <= 2  # the batch being produced and, at most, the one just processed


def test_memory_does_not_grow_with_rows(
    tmp_path: Path, matcher: FastMatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataflow.detect import validators
    from dataflow.detect.fast import shortcuts

    old_size = matcher.score_cache_size
    matcher.score_cache_size = 256
    # The matcher's memos are bounded; shrink the bounds so that the test sees them hold.
    monkeypatch.setattr(validators, "LUHN_MEMO_SIZE", 256)
    monkeypatch.setattr(shortcuts, "BIRTH_CACHE_SIZE", 256)
    validators.clear_luhn_memo()
    shortcuts.clear_caches()

    def peak_for(rows: int) -> int:
        path = tmp_path / f"m{rows}.csv"
        write_csv(path, generated_columns(rows, seed=rows))
        tracemalloc.start()
        try:
            scan_batches(csv_batches(path, "m", 100), matcher=matcher, tally_factory=CountTally)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    try:
        peak_for(200)  # warm caches and lazy imports
        small = peak_for(300)
        large = peak_for(3_000)
    finally:
        matcher.score_cache_size = old_size
    assert large < small * 1.5, (small, large)


def test_batch_rows_ignores_array_members() -> None:
    assert batch_rows({"t.a": ["1", "2"], "t.tags[]": ["x", "y", "z", "w"]}) == 2
    assert batch_rows({"t.tags[]": ["x", "y", "z"]}) == 3
    assert batch_rows({}) == 0


def test_clean_value_matches_sampler_rules() -> None:
    from dataflow.readers.samples import MAX_VALUE_CHARS, clean

    long_text = "x" * (MAX_VALUE_CHARS - 1) + " y"
    for raw in [None, "", "  ", " a ", "x" * (MAX_VALUE_CHARS + 5), "\t13800138000\n", long_text]:
        expected = clean(raw)
        if expected is not None:
            expected = expected[:MAX_VALUE_CHARS].strip()
        assert clean_value(raw) == expected


class ExplodingTally(CountTally):
    """A tally whose add fails with the value in the message (as careless code might)."""

    def add(self, value: str, matches: Mapping[str, bool], **counts: Any) -> None:
        if "@" in value:
            raise ValueError(f"cannot handle {value}")
        super().add(value, matches, **counts)


@pytest.mark.parametrize("processes", [1, 2])
def test_failures_name_the_error_type_not_the_value(
    tmp_path: Path, matcher: FastMatcher, processes: int
) -> None:
    from dataflow.detect.full import FullScanError

    columns = generated_columns(300, seed=9)
    path = tmp_path / "boom.csv"
    write_csv(path, columns)
    with pytest.raises(FullScanError) as info:
        scan_batches(
            csv_batches(path, "boom", 50),
            matcher=matcher,
            tally_factory=ExplodingTally,
            processes=processes,
        )
    message = str(info.value)
    assert "ValueError" in message
    assert "@" not in message and not any(v in message for v in columns["c1"])


def test_parallel_scan_keeps_the_counts_and_examples_of_one_process(
    tmp_path: Path, matcher: FastMatcher
) -> None:
    """Workers take column batches as they come free; merging the parts in batch order gives
    the verdicts (rates, counts and masked examples) of a single process."""
    from dataflow.detect.content import ContentOptions

    columns = generated_columns(900, seed=21)
    # A column whose values repeat across batches, so that kept examples recur in later parts.
    columns["repeat"] = [f"1390000{i % 7:04d}" for i in range(900)]
    path = tmp_path / "p.csv"
    write_csv(path, columns)
    options = ContentOptions(max_examples=3)
    one, rows_one = scan_batches(
        csv_batches(path, "p", 40), matcher=matcher, content_options=options, processes=1
    )
    two, rows_two = scan_batches(
        csv_batches(path, "p", 40), matcher=matcher, content_options=options, processes=2
    )
    assert rows_one == rows_two == 900
    assert one == two
    assert any(e.example for v in one.values() for e in v.evidence)


def test_counts_and_examples_do_not_depend_on_batch_boundaries(
    tmp_path: Path, matcher: FastMatcher
) -> None:
    """Every occurrence counts, and examples are the first values met, so a file cut into
    batches of any size (a reader's blocks, a Spark job's partitions) gives one verdict."""
    from dataflow.detect.content import ContentOptions

    columns = generated_columns(700, seed=27)
    # Values that repeat across batches, and loosely written numbers (matched again once
    # normalised) among plain ones, so that batch edges would show if they mattered.
    columns["repeat"] = [f"1390000{i % 9:04d}" for i in range(700)]
    columns["loose"] = [
        f"139-0000-{i:04d}" if i % 3 == 0 else f"1390000{i:04d}" for i in range(700)
    ]
    path = tmp_path / "b.csv"
    write_csv(path, columns)
    options = ContentOptions(max_examples=3)
    results = [
        scan_batches(csv_batches(path, "b", size), matcher=matcher, content_options=options)
        for size in (7, 64, 700)
    ]
    assert results[0] == results[1] == results[2]
    repeat = results[0][0]["b.repeat"]
    with path.open(encoding="utf-8", newline="") as fh:
        present = sum(1 for row in csv.DictReader(fh) if row["repeat"])
    assert repeat.sample_size == present > 600  # every non-null occurrence, not 9 values


@pytest.mark.parametrize("budget", [1, 8 * 1024 * 1024])
def test_workers_queue_tasks_up_to_the_byte_budget(
    tmp_path: Path, matcher: FastMatcher, monkeypatch: pytest.MonkeyPatch, budget: int
) -> None:
    """The parent queues several tasks per worker while the budget allows (so that it reads
    on while they match) and one at a time when no two fit; the verdicts are the same."""
    from dataflow.detect import pool

    columns = generated_columns(600, seed=13)
    path = tmp_path / "q.csv"
    write_csv(path, columns)
    single, _ = scan_batches(csv_batches(path, "q", 60), matcher=matcher, processes=1)
    peak = [0]
    real_submit = pool.WorkerPool.submit

    def submit(self: Any, pointer: str, values: Sequence[str | None]) -> None:
        real_submit(self, pointer, values)
        peak[0] = max(peak[0], *self.busy)
        assert all(q <= budget for q, n in zip(self.queued, self.busy, strict=True) if n > 1)

    monkeypatch.setattr(pool.WorkerPool, "IN_FLIGHT_BYTES", budget)
    monkeypatch.setattr(pool.WorkerPool, "submit", submit)
    queued, rows = scan_batches(csv_batches(path, "q", 60), matcher=matcher, processes=2)
    assert rows == 600 and queued == single
    if budget == 1:
        assert peak[0] == 1
    else:
        assert peak[0] > 2


class VanishingTally(CountTally):
    """A tally whose process dies on a value (as an out-of-memory kill would end it)."""

    def add(self, value: str, matches: Mapping[str, bool], **counts: Any) -> None:
        if "@" in value:
            os._exit(3)
        super().add(value, matches, **counts)


def test_a_worker_that_dies_with_tasks_queued_fails_the_scan(
    tmp_path: Path, matcher: FastMatcher
) -> None:
    from dataflow.detect.full import FullScanError

    columns = generated_columns(400, seed=17)
    path = tmp_path / "gone.csv"
    write_csv(path, columns)
    with pytest.raises(FullScanError, match="worker"):
        scan_batches(
            csv_batches(path, "gone", 40),
            matcher=matcher,
            tally_factory=VanishingTally,
            processes=2,
        )


@pytest.mark.parametrize("tally", ["count", "exploding"])
def test_one_process_scan_restores_the_collector(matcher: FastMatcher, tally: str) -> None:
    # While a one-process scan matches, the objects made before it are set apart from the
    # collector and young collections are rarer; afterwards (also after a failure) the
    # caller's settings are back.
    from dataflow.detect.full import FullScanError

    table = generated_columns(200, seed=13)
    seen: list[tuple[int, tuple[int, int, int]]] = []

    def observed() -> Iterator[dict[str, list[str | None]]]:
        for start in range(0, 200, 50):
            seen.append((gc.get_freeze_count(), gc.get_threshold()))
            yield {f"gc.{name}": list(col[start : start + 50]) for name, col in table.items()}

    before = gc.get_threshold()
    frozen_before = gc.get_freeze_count()
    gc.set_threshold(700, 10, 10)
    try:
        factory = CountTally if tally == "count" else ExplodingTally
        if tally == "count":
            scan_batches(observed(), matcher=matcher, tally_factory=factory)
        else:
            with pytest.raises(FullScanError):
                scan_batches(observed(), matcher=matcher, tally_factory=factory)
        assert gc.get_threshold() == (700, 10, 10)
        assert gc.get_freeze_count() == frozen_before
    finally:
        gc.set_threshold(*before)
    assert seen and all(frozen > 0 and limits[0] > 700 for frozen, limits in seen)
