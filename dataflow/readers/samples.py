"""Bounded, seeded sampling of column values.

Each column keeps the ``size`` distinct non-null values whose seeded hash is smallest (a
"bottom-k" sample). That is a reservoir over *distinct* values: every distinct value has the
same chance to be kept however often it repeats, the result does not depend on row order, the
same seed gives the same sample, and memory per column is bounded whatever the file size.

The distinct count uses the same idea (k minimum values): it is exact up to
``DISTINCT_EXACT_UP_TO`` distinct values and an estimate above that (relative standard error
about 1/sqrt(k), i.e. roughly 1.6 %). Exact counting for a whole file is ``count_distinct``.
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dataflow.model import SampleSet

DISTINCT_EXACT_UP_TO = 4096
# Longest value kept in a sample; longer values are cut (they are free text, never identifiers).
MAX_VALUE_CHARS = 4096
_TWO_64 = float(2**64)


@dataclass(frozen=True)
class SampleOptions:
    """How to sample a data file: ``size`` distinct values per column, ``seed`` for the hash.

    ``max_rows`` stops reading after that many rows (``None``: read the whole file).
    """

    size: int = 200
    seed: int = 0
    max_rows: int | None = None


def value_hash(value: str, key: bytes) -> int:
    """Seeded 64-bit hash of a value (stable across runs and machines)."""
    digest = hashlib.blake2b(
        value.encode("utf-8", "surrogatepass"), digest_size=8, key=key
    ).digest()
    return int.from_bytes(digest, "big")


def seed_key(seed: int) -> bytes:
    """The blake2b key for ``seed``."""
    return seed.to_bytes(16, "big", signed=True)


def clean(value: object) -> str | None:
    """A value as sampled text: ``str``, stripped, ``None`` when null or empty."""
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    text = text.strip()
    return text or None


class ColumnSampler:
    """Bottom-k sample of one column's distinct values plus a k-minimum-values distinct count."""

    __slots__ = ("_heap", "_in_heap", "_in_kmv", "_key", "_kmv", "_size")

    def __init__(self, size: int, key: bytes) -> None:
        self._size = max(size, 0)
        self._key = key
        self._heap: list[tuple[int, str]] = []  # (-hash, value): a max-heap on hash
        self._in_heap: set[int] = set()
        self._kmv: list[int] = []  # -hash, max-heap of the smallest hashes
        self._in_kmv: set[int] = set()

    def add_many(self, values: Iterable[str | None]) -> None:
        """Add values (``None`` and empty strings are ignored; duplicates count once)."""
        key = self._key
        for value in set(values):
            if not value:
                continue
            if len(value) > MAX_VALUE_CHARS:
                value = value[:MAX_VALUE_CHARS]
            self._add(value, value_hash(value, key))

    def _add(self, value: str, h: int) -> None:
        kmv = self._kmv
        if h not in self._in_kmv:
            if len(kmv) < DISTINCT_EXACT_UP_TO:
                heapq.heappush(kmv, -h)
                self._in_kmv.add(h)
            elif h < -kmv[0]:
                dropped = -heapq.heapreplace(kmv, -h)
                self._in_kmv.discard(dropped)
                self._in_kmv.add(h)
        heap = self._heap
        if self._size == 0 or h in self._in_heap:
            return
        if len(heap) < self._size:
            heapq.heappush(heap, (-h, value))
            self._in_heap.add(h)
        elif h < -heap[0][0]:
            dropped_h, _ = heapq.heapreplace(heap, (-h, value))
            self._in_heap.discard(-dropped_h)
            self._in_heap.add(h)

    def values(self) -> tuple[str, ...]:
        """The sample, in hash order (deterministic for a seed)."""
        return tuple(v for _, v in sorted(self._heap, key=lambda item: -item[0]))

    def distinct(self) -> int:
        """Distinct non-null values seen: exact up to the cap, estimated above it."""
        n = len(self._kmv)
        if n < DISTINCT_EXACT_UP_TO:
            return n
        largest = -self._kmv[0]
        return round((n - 1) * _TWO_64 / (largest + 1))


class Sampler:
    """Samples every column of one dataset, fed batch by batch."""

    def __init__(self, options: SampleOptions | None = None) -> None:
        self.options = options or SampleOptions()
        self._key = seed_key(self.options.seed)
        self._columns: dict[str, ColumnSampler] = {}
        self.rows_read = 0

    @property
    def full(self) -> bool:
        """Whether ``max_rows`` has been reached."""
        limit = self.options.max_rows
        return limit is not None and self.rows_read >= limit

    def add_batch(self, columns: Mapping[str, Sequence[str | None]], rows: int) -> None:
        """Add one batch of ``rows`` rows (column lists may be longer for array members)."""
        limit = self.options.max_rows
        take: int | None = None
        if limit is not None and self.rows_read + rows > limit:
            take = max(limit - self.rows_read, 0)
            rows = take
        for pointer, values in columns.items():
            sampler = self._columns.get(pointer)
            if sampler is None:
                sampler = ColumnSampler(self.options.size, self._key)
                self._columns[pointer] = sampler
            sampler.add_many(values if take is None else values[:take])
        self.rows_read += rows

    def result(self, source_path: str, pointers: Sequence[str] = ()) -> SampleSet:
        """The ``SampleSet``: every pointer in ``pointers`` (empty if unseen) and every seen one."""
        keys = list(dict.fromkeys([*pointers, *self._columns]))
        columns: dict[str, tuple[str, ...]] = {}
        distinct: dict[str, int] = {}
        for pointer in keys:
            sampler = self._columns.get(pointer)
            columns[pointer] = sampler.values() if sampler else ()
            distinct[pointer] = sampler.distinct() if sampler else 0
        return SampleSet(
            source_path=source_path, columns=columns, rows_read=self.rows_read, distinct=distinct
        )
