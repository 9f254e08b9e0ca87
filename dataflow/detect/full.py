"""Full-table content scan (``dataflow scan --full``): every row, bounded memory.

``scan_full(path, dataset, options)`` streams the data file batch by batch
(``readers.iter_batches``), runs every non-null value through the fast matcher
(``detect.fast.FastMatcher``, the same findings as per-value Presidio) and feeds a
``detect.content.ColumnTally`` per column, so the verdicts use the rules of the sampled scan,
only over all rows. It returns the verdicts keyed by field pointer and the number of rows.

Values are cleaned as the sampled scan cleans them (stripped; empty means null; cut at
``MAX_VALUE_CHARS``). A tally counts every occurrence of a non-null value (each distinct
value of a batch is matched once and counted as often as it occurs), so the counts do not
depend on where batches end: a file read in 2 MB blocks, a database cursor's fetches and the
partitions of a Spark job (``readers.spark``) give the same counts and verdicts, and memory
stays bounded (no file-wide set of values). The sampled scan counts distinct sampled values.

Memory does not grow with the file: a couple of column batches are in flight per worker, each
column's tally keeps counts and a couple of masked examples, and the matcher's caches are
bounded.

Parallelism: with ``processes > 1`` the parent reads batches and hands out one column of one
batch at a time to the least loaded worker process. A worker queues the tasks it is sent (a
thread takes them off the pipe), up to a few megabytes each, so the parent reads the next
batch while the workers match, and reading cannot run further ahead than that. Each task's
tally comes back and the parent merges the parts of a column in batch order
(``ColumnTally.merge``): the verdicts are those of one process, whatever the timing. Workers
are forked before the first batch is read and inherit the compiled matcher (the Hyperscan
database is not compiled twice).

Workers never outlive the scan. A worker closes the parent's pipe ends it inherited (so it reads
end-of-file when the parent goes), asks Linux to kill it when the parent dies
(``PR_SET_PDEATHSIG``) and checks that its parent is still the one that forked it. While the
workers run, SIGTERM and SIGINT in the parent stop them at once and raise ``Interrupted``
(the CLI exits with 128 + the signal number: 143 for SIGTERM, 130 for SIGINT).
"""

from __future__ import annotations

import collections
import contextlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataflow import gcwork
from dataflow.detect.pool import FullScanError, WorkerPool, stop_on_signals
from dataflow.errors import DataflowError
from dataflow.model import Dataset, path_in

MAX_VALUE_CHARS = 4096
DEFAULT_BATCH_ROWS = 20_000
# Below this file size a single process is faster than starting workers.
PARALLEL_MIN_BYTES = 8 * 1024 * 1024

Batch = Mapping[str, Sequence[str | None]]


@dataclass(frozen=True)
class FullScanOptions:
    """How to run a full scan.

    ``processes``: worker processes (``None``: 2 when the machine has them and the file is
    larger than ``PARALLEL_MIN_BYTES``, else 1). ``content``: the ``ContentOptions`` for the
    verdicts (``None``: their defaults). ``recognizers``: Presidio recognizers (``None``: the
    project's ``load_recognizers(content.recognizer_files)``).
    """

    schema_format: str | None = None
    batch_rows: int = DEFAULT_BATCH_ROWS
    processes: int | None = None
    content: Any = None
    recognizers: Sequence[Any] | None = None


def clean_value(value: str | None) -> str | None:
    """A value as the sampler sees it: stripped, ``None`` when null or empty, length-capped."""
    if value is None:
        return None
    text = value.strip()
    if len(text) > MAX_VALUE_CHARS:
        text = text[:MAX_VALUE_CHARS].strip()
    return text or None


def batch_rows(batch: Batch) -> int:
    """Rows in a batch: the longest list among non-array members (array items and map
    entries, ``{}``, add values)."""
    plain = [len(v) for p, v in batch.items() if "[]" not in p and "{" not in p]
    if plain:
        return max(plain)
    return max((len(v) for v in batch.values()), default=0)


def make_tally_factory(
    content_options: Any, contexts: Mapping[str, str] | None = None
) -> Callable[[str], Any]:
    from dataflow.detect.content import ColumnTally

    max_examples = int(getattr(content_options, "max_examples", 2))
    files = tuple(getattr(content_options, "recognizer_files", ()) or ())
    use_context = bool(getattr(content_options, "use_context", True))
    known = dict(contexts or {})

    def make(pointer: str) -> Any:
        return ColumnTally(
            pointer,
            max_examples=max_examples,
            recognizer_files=files,
            context=known.get(pointer) if use_context else None,
        )

    return make


_SHIPPED_MATCHER: list[Any] = []  # the matcher over the shipped recognizers, built once
_MATCHERS: dict[tuple[str, ...], Any] = {}  # and over the shipped ones plus user files


def shipped_matcher(recognizers: Sequence[Any] | None) -> Any:
    """A matcher over ``recognizers``, or (``None``) the one over the shipped recognizers."""
    from dataflow.detect.fast import FastMatcher
    from dataflow.detect.fast.plain import fast_recognizers

    if recognizers is not None:
        return FastMatcher(recognizers)
    if not _SHIPPED_MATCHER:
        _SHIPPED_MATCHER.append(FastMatcher(fast_recognizers(())))
    return _SHIPPED_MATCHER[0]


def files_matcher(recognizer_files: Sequence[str] = ()) -> Any:
    """The matcher over the shipped recognizers and ``recognizer_files`` (user recognizer YAML,
    ``load_recognizers(extra_paths)``), built once per process and file list."""
    key = tuple(recognizer_files)
    if not key:
        return shipped_matcher(None)
    found = _MATCHERS.get(key)
    if found is None:
        from dataflow.detect.fast.plain import fast_recognizers

        found = _MATCHERS[key] = shipped_matcher(fast_recognizers(key))
    return found


class ColumnWork:
    """Matching and tallying for the columns one process owns."""

    def __init__(self, matcher: Any, tally_factory: Callable[[str], Any]) -> None:
        self.matcher = matcher
        self.tally_factory = tally_factory
        self.tallies: dict[str, Any] = {}

    def add(self, pointer: str, values: Sequence[str | None]) -> None:
        tally = self.tallies.get(pointer)
        if tally is None:
            tally = self.tallies[pointer] = self.tally_factory(pointer)
        # Each distinct raw value is cleaned and matched once and counted as often as it
        # occurs; the order of first occurrence is kept. Readers deliver stripped values with
        # None for nulls, so most batches are clean already: that is checked with whole-list
        # operations before any per-value call.
        raw = collections.Counter(values)
        raw.pop(None, None)
        distinct: list[str] = list(raw)  # type: ignore[arg-type]
        if not distinct:
            return
        if (
            "" in raw
            or max(map(len, distinct)) > MAX_VALUE_CHARS
            or list(map(str.strip, distinct)) != distinct
        ):
            cleaned: collections.Counter[str] = collections.Counter()
            for value, n in raw.items():
                text = clean_value(value)
                if text is not None:
                    cleaned[text] += n
            raw = cleaned  # type: ignore[assignment]
            distinct = list(cleaned)
            if not distinct:
                return
        times = list(raw.values())  # in the order of ``distinct``
        from dataflow.detect.content import renormalised

        def again(texts: Sequence[str]) -> list[Any]:
            return list(self.matcher.match_distinct(texts, clean=True))

        if hasattr(tally, "add_coded") and hasattr(self.matcher, "match_coded"):
            keys, outcome = self.matcher.match_coded(distinct, clean=True)
            done = {key: any(outcome(key).values()) for key in set(keys)}
            fixes = renormalised(distinct, list(map(done.__getitem__, keys)), again)
            # Values are added in their order of occurrence (the examples kept are the first
            # ones met), whatever the batches: runs of plain values between re-matched ones.
            start = 0
            for i in [*sorted(fixes), len(distinct)]:
                if start < i:
                    tally.add_coded(distinct[start:i], keys[start:i], outcome, times[start:i])
                if i < len(distinct):
                    matches, steps, text = fixes[i]
                    tally.add(distinct[i], matches, steps=steps, canonical=text, times=times[i])
                start = i + 1
            return
        found = self.matcher.match_distinct(distinct, clean=True)
        fixes = renormalised(distinct, [any(m.values()) for m in found], again)
        add = tally.add
        for i, (value, matches) in enumerate(zip(distinct, found, strict=True)):
            fix = fixes.get(i)
            if fix is None:
                add(value, matches, times=times[i])
            else:
                add(value, fix[0], steps=fix[1], canonical=fix[2], times=times[i])


def scan_batches(
    batches: Iterable[Batch],
    *,
    matcher: Any,
    content_options: Any = None,
    tally_factory: Callable[[str], Any] | None = None,
    contexts: Mapping[str, str] | None = None,
    processes: int = 1,
) -> tuple[dict[str, Any], int]:
    """Tally every value of ``batches`` per column; return (verdict per pointer, rows).

    ``contexts`` gives a column's name/comment text, passed to the tally's verdict as
    ``context`` (as the sampled scan does).
    """
    ctx = dict(contexts or {})
    factory = tally_factory or make_tally_factory(content_options, ctx)
    work = ColumnWork(matcher, factory)
    rows = 0
    iterator: Iterator[Batch] = iter(batches)
    if processes <= 1:
        try:
            # matching allocates many short-lived small containers: fewer collections, and
            # none that walks the modules and the matcher
            with gcwork.fewer_collections(freeze=True):
                for batch in iterator:
                    rows += batch_rows(batch)
                    for pointer, values in batch.items():
                        work.add(pointer, values)
        except (DataflowError, KeyboardInterrupt):
            raise
        except Exception as exc:  # the message may quote a value: name the type only
            raise FullScanError(f"full scan failed: {type(exc).__name__}") from exc
        return column_verdicts(work.tallies, content_options, ctx), rows
    warm_up = getattr(matcher, "warm_up", None)
    if warm_up is not None:
        # Built once here, inherited by every worker (not built in each). Only a saving: an
        # error here (a user validator failing on a probe value) is left to the workers to
        # meet, and report, on the data itself.
        with contextlib.suppress(Exception):
            warm_up()
    with stop_on_signals():
        pool = WorkerPool(ColumnWork(matcher, factory), factory, processes)
        try:
            for batch in iterator:
                rows += batch_rows(batch)
                for pointer, values in batch.items():
                    pool.submit(pointer, values)
            tallies = pool.finish()
        except BaseException:
            pool.abort()
            raise
    return column_verdicts(tallies, content_options, ctx), rows


def column_verdicts(
    tallies: Mapping[str, Any], content_options: Any, contexts: Mapping[str, str]
) -> dict[str, Any]:
    """Each column's verdict, by pointer in sorted order."""
    return {
        p: t.verdict(content_options, context=contexts.get(p)) for p, t in sorted(tallies.items())
    }


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _auto_processes(path: Path) -> int:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return min(2, cpus or 1) if size >= PARALLEL_MIN_BYTES else 1


def scan_full(
    path: Path, dataset: Dataset | None = None, options: FullScanOptions | Any = None
) -> tuple[dict[str, Any], int]:
    """Scan every row of the data file ``path``: (ContentVerdict per field pointer, rows read).

    ``options`` is a ``FullScanOptions``; any object with some of its attributes (for example
    the scan's ``ScanOptions``, for ``schema_format``) works too. Only the columns of
    ``dataset`` are scanned when it is given and names any field the file has.
    """
    from dataflow import readers

    path = Path(path)
    opts = options if options is not None else FullScanOptions()
    schema_format = getattr(opts, "schema_format", None)
    rows_per_batch = int(getattr(opts, "batch_rows", DEFAULT_BATCH_ROWS) or DEFAULT_BATCH_ROWS)
    processes = getattr(opts, "processes", None)
    content_options = getattr(opts, "content", None)
    recognizers = getattr(opts, "recognizers", None)
    matcher = shipped_matcher(recognizers) if recognizers is not None else None
    if processes is None:
        processes = _auto_processes(path)
    batches: Iterable[Batch] = readers.iter_batches(
        path, batch_rows=rows_per_batch, schema_format=schema_format
    )
    if dataset is not None:
        batches = _rekeyed(batches, dataset)
    return scan_stream(
        batches, dataset, processes=int(processes), matcher=matcher, content=content_options
    )


def scan_stream(
    batches: Iterable[Batch],
    dataset: Dataset | None = None,
    *,
    processes: int = 1,
    matcher: Any = None,
    content: Any = None,
) -> tuple[dict[str, Any], int]:
    """Tally column batches already keyed by ``dataset``'s pointers (a file's, a database's).

    The default content options are those of ``scan_full``, the default matcher the one over
    the shipped recognizers and the content options' ``recognizer_files``; a column's name and
    comment are its context, as in the sampled scan.
    """
    if content is None:
        from dataflow.detect.content import ContentOptions

        content = ContentOptions()
    if matcher is None:
        matcher = files_matcher(getattr(content, "recognizer_files", ()) or ())
    if processes > 1 and not _can_fork():
        processes = 1  # workers inherit the compiled matcher by fork (Linux, macOS)
    contexts: dict[str, str] = {}
    if dataset is not None:
        for f in dataset.fields:
            contexts[f.pointer] = " ".join(part for part in (f.name, f.comment) if part)
    return scan_batches(
        batches,
        matcher=matcher,
        content_options=content,
        contexts=contexts,
        processes=processes,
    )


def _pointer_map(dataset: Dataset) -> dict[str, str]:
    """Ways a data file may name a field of ``dataset`` → the field's pointer."""
    out: dict[str, str] = {}
    for f in dataset.fields:
        rel = path_in(f.pointer, dataset.name)
        out.setdefault(f.name, f.pointer)
        out[rel] = f.pointer
    for f in dataset.fields:
        out[f.pointer] = f.pointer
    return out


def _rekeyed(batches: Iterable[Batch], dataset: Dataset) -> Iterator[Batch]:
    """Key columns by the dataset's pointers when the file names them differently.

    A sample file attached to a schema's table may carry its own dataset name
    (``customers.phone`` for ``shop.customers.phone``): its columns are matched by the path
    below the dataset name, then by the bare column name. Unmatched columns keep their key.
    """
    known = _pointer_map(dataset)
    cache: dict[str, str] = {}
    for batch in batches:
        out: dict[str, Sequence[str | None]] = {}
        for pointer, values in batch.items():
            key = cache.get(pointer)
            if key is None:
                key = known.get(pointer)
                if key is None and "." in pointer:
                    key = known.get(pointer.split(".", 1)[1])
                if key is None:
                    key = known.get(pointer.rsplit(".", 1)[-1], pointer)
                cache[pointer] = key
            if key in out:  # two file columns map to one field: keep both under their keys
                key = pointer
            out[key] = values
        yield out
