"""Bounded, seeded sampling of column values.

Each column keeps the ``size`` distinct non-null values whose seeded hash is smallest (a
"bottom-k" sample). That is a reservoir over *distinct* values: every distinct value has the
same chance to be kept however often it repeats, the result does not depend on row order, the
same seed gives the same sample, and memory per column is bounded whatever the file size.

The distinct count uses the same idea (k minimum values): it is exact up to
``DISTINCT_EXACT_UP_TO`` distinct values (or the sample size, if larger) and an estimate above
that (relative standard error about 1/sqrt(k), roughly 1.6 %). Exact counting for a whole file
is ``readers.count_distinct``.
"""

from __future__ import annotations

import hashlib
import heapq
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dataflow.model import SampleSet

DISTINCT_EXACT_UP_TO = 4096
# Longest value kept in a sample; longer values are cut (they are free text, never identifiers).
MAX_VALUE_CHARS = 4096
_TWO_64 = float(2**64)
_NO_LIMIT = 1 << 64


@dataclass(frozen=True)
class SampleOptions:
    """How to sample a data file: ``size`` distinct values per column, ``seed`` for the hash.

    ``max_rows`` stops reading after that many rows (``None``: read the whole file).
    ``size=0`` reads the schema only: CSV/TSV headers and Parquet footers without their rows
    (schema-only runs such as ``dataflow check``), empty samples.
    """

    size: int = 200
    seed: int = 0
    max_rows: int | None = None


def value_hash(value: str, key: bytes) -> int:
    """Seeded 64-bit BLAKE2 hash of a value (stable; used for exact distinct counts)."""
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
    """Bottom-k sample of one column's distinct values plus a k-minimum-values distinct count.

    The ordering key is a seeded CRC-32 in the high 32 bits and Adler-32 in the low ones:
    cheap enough for every value of a large file, uniform enough to sample by, and
    deterministic across runs and machines (unlike Python's ``hash``).
    """

    __slots__ = ("_heap", "_in_heap", "_in_kmv", "_k", "_kmv", "_seed", "_size")

    def __init__(self, size: int, key: bytes) -> None:
        self._size = max(size, 0)
        self._seed = zlib.crc32(key)
        # the distinct-count sketch keeps at least as many hashes as the sample, so a value
        # outside the sketch can never belong to the sample
        self._k = max(DISTINCT_EXACT_UP_TO, self._size)
        self._heap: list[tuple[int, str]] = []  # (-key, value): a max-heap on the key
        self._in_heap: set[int] = set()
        self._kmv: list[int] = []  # -key, max-heap of the smallest keys
        self._in_kmv: set[int] = set()

    def add_many(self, values: Iterable[str | None]) -> None:
        """Add values (``None`` and empty strings are ignored; duplicates count once)."""
        crc32, adler32 = zlib.crc32, zlib.adler32
        seed = self._seed
        kmv, in_kmv, k = self._kmv, self._in_kmv, self._k
        size = self._size
        limit = -kmv[0] if len(kmv) >= k else _NO_LIMIT
        high = limit >> 32
        for value in set(values):
            if not value:
                continue
            if len(value) > MAX_VALUE_CHARS:
                value = value[:MAX_VALUE_CHARS]
            raw = value.encode("utf-8", "surrogatepass")
            crc = crc32(raw, seed)
            if crc > high:  # most values once the sketch is full: one cheap check
                continue
            h = (crc << 32) | adler32(raw)
            if h >= limit or h in in_kmv:
                continue
            if len(kmv) < k:
                heapq.heappush(kmv, -h)
            else:
                in_kmv.discard(-heapq.heapreplace(kmv, -h))
            in_kmv.add(h)
            if len(kmv) >= k:
                limit = -kmv[0]
                high = limit >> 32
            heap = self._heap
            if len(heap) < size or h < -heap[0][0]:
                self._offer(value, h)

    def _offer(self, value: str, h: int) -> None:
        heap = self._heap
        if self._size == 0 or h in self._in_heap:  # (a key already in the sketch never gets here)
            return
        if len(heap) < self._size:
            heapq.heappush(heap, (-h, value))
            self._in_heap.add(h)
        elif h < -heap[0][0]:
            dropped_h, _ = heapq.heapreplace(heap, (-h, value))
            self._in_heap.discard(-dropped_h)
            self._in_heap.add(h)

    def values(self) -> tuple[str, ...]:
        """The sample, in key order (deterministic for a seed)."""
        return tuple(v for _, v in sorted(self._heap, key=lambda item: -item[0]))

    def distinct(self) -> int:
        """Distinct non-null values seen: exact up to the sketch size, estimated above it."""
        n = len(self._kmv)
        if n < self._k:
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
