"""Classification of a large schema-only scan in worker processes.

A schema repository of thousands of tables spends most of its scan classifying datasets one by
one, each on its own once the scan's subjects are known. From ``PARALLEL_MIN_DATASETS`` datasets
on, and only where processes can be forked, the datasets are classified by forked workers in
consecutive chunks: the workers inherit the catalog, the subjects and every cache built so far
(the first few datasets are classified here first, to build them once), and the results come
back in the datasets' order, so the report is the same byte for byte. Smaller scans (``dataflow
check`` on a commit's files) never start a worker.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from dataflow import gcwork

T = TypeVar("T")

#: Datasets from which classification is shared among worker processes.
PARALLEL_MIN_DATASETS = 2000
#: Datasets a worker classifies per task.
CHUNK = 250
#: Datasets the parent classifies before it forks, to build the lazy caches the workers inherit
#: (the first dataset builds nearly all of them; a few more cover the common column names).
WARM = 25
#: The last tasks are this many times smaller, so that no worker waits long for the other.
TAIL_SPLIT = 5

_WORK: list[Callable[[int], Any]] = []  # the task of the forked workers, set before forking


def processes_for(count: int, jobs: int | None) -> int:
    """Worker processes for ``count`` datasets: ``jobs`` when given (1: none), else two on a
    machine with two processors or more; none below ``PARALLEL_MIN_DATASETS`` or without fork."""
    if count < PARALLEL_MIN_DATASETS or not _can_fork():
        return 1
    if jobs is not None:
        return max(1, jobs)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return min(2, cpus or 1)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def map_in_order(task: Callable[[int], T], count: int, processes: int) -> list[T]:
    """``[task(0), task(1), … task(count - 1)]``, in worker processes when ``processes`` > 1."""
    return list(in_order(task, count, processes))


def in_order(task: Callable[[int], T], count: int, processes: int) -> Iterator[T]:
    """``task(0)``, ``task(1)`` … ``task(count - 1)`` as they come, in that order; in worker
    processes when ``processes`` > 1 and there are more than ``CHUNK`` tasks."""
    if processes <= 1 or count <= CHUNK:
        yield from (task(i) for i in range(count))
        return
    import multiprocessing

    warm = min(WARM, count)
    yield from (task(i) for i in range(warm))  # builds the lazy caches the workers inherit
    _WORK[:] = [task]
    try:
        # What comes back is the workers' results, kept without cycles: no collection in this
        # process needs to walk them while they arrive (the workers are forked first, with the
        # collector on).
        with (
            multiprocessing.get_context("fork").Pool(processes, gcwork.settle_worker) as pool,
            gcwork.no_collections(),
        ):
            for part in pool.imap(_run, chunk_bounds(warm, count, processes)):
                yield from part
    finally:
        _WORK.clear()


def chunk_bounds(start: int, count: int, processes: int) -> list[tuple[int, int]]:
    """The workers' tasks over ``start`` … ``count - 1``: consecutive ranges of ``CHUNK``, but
    the last ``processes`` × ``CHUNK`` split ``TAIL_SPLIT`` times finer, so that the workers
    finish at about the same time."""
    tail = max(start, count - processes * CHUNK)
    small = max(1, CHUNK // TAIL_SPLIT)
    bounds = [(i, min(i + CHUNK, tail)) for i in range(start, tail, CHUNK)]
    bounds += [(i, min(i + small, count)) for i in range(tail, count, small)]
    return bounds


def _run(bounds: tuple[int, int]) -> Sequence[Any]:
    task = _WORK[0]
    done = [task(i) for i in range(*bounds)]
    # What a chunk leaves behind (the caches it grew) stays: set it apart from the collector,
    # so no later collection walks it again; the chunk's results are pickled and dropped.
    gc.freeze()
    return done


def fewer_collections(count: int) -> contextlib.AbstractContextManager[None]:
    """From ``PARALLEL_MIN_DATASETS`` files on, the young generation is collected less often
    within the block (``gcwork.fewer_collections``); smaller scans keep Python's thresholds."""
    if count < PARALLEL_MIN_DATASETS:
        return contextlib.nullcontext()
    return gcwork.fewer_collections()
