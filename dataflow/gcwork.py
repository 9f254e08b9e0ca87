"""The garbage collector's settings while dataflow works through many objects.

Reading a large schema repository and matching every row of a full scan allocate many
short-lived small containers and keep most of what they read, so each collection of the young
generation at Python's default threshold (700) would mostly walk objects that stay. Both raise
the threshold while they work, and their forked workers set apart (``gc.freeze``) what they
inherited. Only the standard library is imported here: ``dataflow check`` loads this module.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

#: The collector's thresholds while working (young generation first; Python's default is 700).
WORK_THRESHOLDS = (50_000, 20, 20)


@contextlib.contextmanager
def fewer_collections(*, freeze: bool = False) -> Iterator[None]:
    """Within the block the young generation is collected less often; with ``freeze``, what
    exists already is also set apart from the collector (unless the caller had set objects apart
    already: then nothing new is). Everything is restored afterwards."""
    thresholds = gc.get_threshold()
    ours = freeze and gc.get_freeze_count() == 0
    if ours:
        gc.freeze()
    gc.set_threshold(*WORK_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if ours:
            gc.unfreeze()


@contextlib.contextmanager
def no_collections() -> Iterator[None]:
    """No automatic collection within the block (objects without reference cycles arrive in
    bulk, a worker's results); the collector is as it was afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def settle_worker() -> None:
    """At a forked worker's start: set apart what it inherited (no collection walks it, fewer
    pages copied) and keep the working thresholds for the worker's life."""
    gc.freeze()
    gc.set_threshold(*WORK_THRESHOLDS)
