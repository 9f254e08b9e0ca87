"""CSV and TSV: the header row is the schema, the rows are the sample.

Rows are streamed. The fast path is pyarrow's streaming CSV reader with every column read as
raw bytes (so GBK and mixed-encoding files parse too; each value is then decoded UTF-8 first,
legacy encoding second). Whenever pyarrow cannot go on (a row longer than its block, a ragged
row, UTF-16…), the rest of the file is read with the ``csv`` module over capped, decoded lines.
Neither parser's messages reach a problem: they quote rows. pyarrow reads at most a couple of
blocks ahead of the batches taken, so memory stays flat however slow the consumer is.
"""

from __future__ import annotations

import atexit
import contextlib
import csv
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dataflow.detect.names import header_is_data, scrub
from dataflow.i18n import msg, os_error
from dataflow.model import Severity
from dataflow.readers._common import MAX_LINE_BYTES, Problems, unique_names
from dataflow.readers.columns import BatchIterator, Column
from dataflow.readers.encoding import SNIFF_BYTES, LineDecoder, LineReader, Sniffed, sniff
from dataflow.readers.samples import clean

# pyarrow's block: every column of a block becomes one batch of Python strings, so on a wide
# file the block sets most of a full scan's reading memory (2 MB rather than 4 MB: about 50 MB
# less at the peak on the benchmark's 30-column table, for some 5 % more CPU). A row longer than
# a block goes to the slow path; rows are capped at ``MAX_LINE_BYTES`` (1 MB) anyway.
_ARROW_BLOCK = 2 * 1024 * 1024
# Blocks pyarrow may have read beyond the batches taken (see ``_ReadGate``). Left alone it
# reads up to 32 blocks ahead (64 MB at 2 MB blocks) whenever the consumer is slower than the
# disk, as a full scan's matching always is. Two is what it needs to have the next batch ready:
# that batch's block and the one after (which tells it whether the block was the last).
_ARROW_AHEAD = 2
_STALL_SECONDS = 0.1
_POOL: list[Any] = []  # the memory pool of the streaming reader, chosen once
# Rows after the first compared with it to tell a header from a first row of data.
_HEADER_CHECK_ROWS = 20

csv.field_size_limit(max(csv.field_size_limit(), 2 * MAX_LINE_BYTES))


class DelimitedFile:
    """One CSV/TSV file: ``open()`` reads the header, ``batches()`` streams the rows."""

    def __init__(self, path: Path, fmt: str, problems: Problems) -> None:
        self.path = path
        self.fmt = fmt
        self.problems = problems
        self.columns: list[Column] = []
        self.delimiter = "\t" if fmt == "tsv" else ","
        self.sniffed = Sniffed("utf-8")
        self._names: list[str] = []
        self._has_header = True
        self._multiline = False  # a value spanning lines was read
        self._out: list[str] = []  # the columns streamed
        # counters for the warnings written after streaming
        self._long_rows = 0
        self._short_rows = 0
        self._first_long: int | None = None
        self._first_short: int | None = None

    # --- header -----------------------------------------------------------------------------------

    def open(self) -> bool:
        """Read the header; ``False`` (with a problem) when there is nothing to read."""
        try:
            with self.path.open("rb") as handle:
                head = handle.read(SNIFF_BYTES)
        except OSError as exc:
            self.problems.add(msg("p.cannot_read", why=os_error(exc)))
            return False
        if not head.strip():
            self.problems.add(msg("p.empty_header"))
            return False
        self.sniffed = sniff(head)
        if self.sniffed.binary or self.sniffed.encoding is None:
            self.problems.add(msg("p.binary_delimited", fmt=self.fmt.upper()))
            return False
        first = self._first_line(head)
        if self.fmt == "csv" and "," not in first:
            for candidate in (";", "\t", "|"):
                if candidate in first:
                    self.delimiter = candidate
                    break
        try:
            with self._text_lines() as lines:
                reader = csv.reader(lines, delimiter=self.delimiter)
                header = next(reader, None)
                following = _next_rows(reader, _HEADER_CHECK_ROWS)
        except csv.Error:
            self.problems.add(msg("p.bad_header", fmt=self.fmt.upper()), 1)
            return False
        if not header or not any(h.strip() for h in header):
            self.problems.add(msg("p.no_header"), 1)
            return False
        cells = [h.strip().lstrip("\ufeff") for h in header]
        if header_is_data(cells, following):
            # no header: the first row is data, and its values must never become names
            self._has_header = False
            self._names = [f"column_{i}" for i in range(1, len(cells) + 1)]
            self.problems.warn(
                msg("p.header_is_data", n=len(cells)),
                1,
            )
        else:
            self._names = unique_names([scrub(c) for c in cells], self.problems, 1)
        self.columns = [Column(name, data_type="string", line=1) for name in self._names]
        return True

    def _first_line(self, head: bytes) -> str:
        if not self.sniffed.line_based:
            return head.decode(self.sniffed.encoding or "utf-8", errors="replace").split("\n")[0]
        return LineDecoder(self.sniffed).decode(head.split(b"\n", 1)[0], 1)

    def _text_lines(self) -> _Lines:
        return _Lines(self.path, self.sniffed)

    # --- rows -------------------------------------------------------------------------------------

    def batches(self, batch_rows: int, only: frozenset[str] | None = None) -> BatchIterator:
        """Stream the data rows in batches of at most ``batch_rows`` (``only``: these columns)."""
        done = 0
        self._out = [n for n in self._names if only is None or n in only]
        if self.sniffed.line_based:
            fast = self._arrow_batches(batch_rows)
            try:
                for batch in fast:
                    done += batch[0]
                    yield batch
                self._report_open_quote()
                return
            except Exception:  # pyarrow gave up (its message may quote input): go slow
                pass
        yield from self._csv_batches(batch_rows, skip=done)
        self._report_shape()
        self._report_open_quote()

    def _report_open_quote(self) -> None:
        """An error naming the line where a quoted field opens that never closes.

        Both parsers read such a field to the end of the file without complaint, swallowing
        the rows after it. Only a file with a value spanning lines can have one, so only such
        files are read again, strictly.
        """
        if not self._multiline:
            return
        start = 1
        try:
            with self._text_lines() as lines:
                reader = csv.reader(lines, delimiter=self.delimiter, strict=True)
                for _ in reader:
                    start = reader.line_num + 1
        except csv.Error:
            self.problems.add(
                msg("p.unterminated"),
                start,
            )

    def _arrow_batches(self, batch_rows: int) -> BatchIterator:
        import pyarrow as pa
        import pyarrow.csv as pacsv

        gate = _ReadGate(self.path.open("rb"), _ARROW_AHEAD)
        pool = _memory_pool()
        try:
            # pyarrow copies each block out of the bytes ``gate.read`` returns (the stream reads
            # blocks of at least its buffer's size straight through): no block it holds keeps a
            # Python object alive, so none is let go of on its threads.
            stream = pa.BufferedInputStream(
                pa.PythonFile(gate, mode="r"), _ARROW_BLOCK // 4, memory_pool=pool
            )
            gate.reader = reader = pacsv.open_csv(
                stream,
                read_options=pacsv.ReadOptions(
                    column_names=self._names,
                    skip_rows=1 if self._has_header else 0,
                    block_size=_ARROW_BLOCK,
                ),
                parse_options=pacsv.ParseOptions(delimiter=self.delimiter, newlines_in_values=True),
                convert_options=pacsv.ConvertOptions(
                    column_types={name: pa.binary() for name in self._names},
                    include_columns=self._out,
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
                memory_pool=pool,
            )
            decoder = LineDecoder(self.sniffed)
            out = self._out
            while True:
                gate.waiting(True)
                try:
                    record_batch = reader.read_next_batch()
                except StopIteration:
                    break
                finally:
                    gate.waiting(False)
                n = record_batch.num_rows
                if not self._multiline:
                    self._multiline = _has_newline(record_batch)
                columns = [_decode_column(record_batch.column(name), decoder, pool) for name in out]
                del record_batch
                for start in range(0, n, batch_rows):
                    stop = min(start + batch_rows, n)
                    if start == 0 and stop == n:
                        yield n, dict(zip(out, columns, strict=True))
                    else:
                        yield (
                            stop - start,
                            {
                                name: values[start:stop]
                                for name, values in zip(out, columns, strict=True)
                            },
                        )
                del columns
        finally:
            gate.finish()
        if decoder.replaced:
            self.problems.warn(
                msg("p.values_undecodable", n=decoder.replaced, legacy=decoder.legacy)
            )

    def _csv_batches(self, batch_rows: int, skip: int) -> BatchIterator:
        width = len(self._names)
        out = [(i, name) for i, name in enumerate(self._names) if name in self._out]
        pending: dict[str, list[str | None]] = {name: [] for _, name in out}
        count = 0
        source = self._text_lines()
        with source as lines:
            reader = csv.reader(lines, delimiter=self.delimiter)
            if self._has_header:
                try:
                    next(reader, None)
                except csv.Error:
                    return
            seen = 0
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error:
                    self.problems.add(
                        msg("p.bad_row", fmt=self.fmt.upper()),
                        reader.line_num,
                        kind=msg("kind.bad_rows", fmt=self.fmt.upper()),
                    )
                    continue
                if not row:
                    continue
                if not self._multiline and any("\n" in cell or "\r" in cell for cell in row):
                    self._multiline = True
                seen += 1
                if seen <= skip:
                    continue
                if len(row) > width:
                    self._long_rows += 1
                    self._first_long = self._first_long or reader.line_num
                elif len(row) < width:
                    self._short_rows += 1
                    self._first_short = self._first_short or reader.line_num
                for i, name in out:
                    pending[name].append(clean(row[i]) if i < len(row) else None)
                count += 1
                if count >= batch_rows:
                    yield count, pending
                    pending = {name: [] for _, name in out}
                    count = 0
        if count:
            yield count, pending
        source.report(self.problems)

    def _report_shape(self) -> None:
        if self._long_rows:
            self.problems.warn(
                msg("p.long_rows", n=self._long_rows),
                self._first_long,
            )
        if self._short_rows:
            self.problems.warn(
                msg("p.short_rows", n=self._short_rows),
                self._first_short,
            )


def _has_newline(record_batch: Any) -> bool:
    """Whether any value of a pyarrow batch (binary columns) holds a line break.

    A column without nulls keeps its values back to back in its data buffer, between the
    offsets of its first and last value: one byte search there answers for the column.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    for column in record_batch.columns:
        buffers = column.buffers()
        if (
            column.null_count == 0
            and len(column)
            and pa.types.is_binary(column.type)
            and len(buffers) == 3
            and buffers[1] is not None
            and buffers[2] is not None
        ):
            offsets = memoryview(buffers[1]).cast("i")
            first, last = offsets[column.offset], offsets[column.offset + len(column)]
            if b"\n" in buffers[2].slice(first, last - first).to_pybytes():
                return True
        elif bool(pc.any(pc.match_substring(column, "\n")).as_py()):
            return True
    return False


def _next_rows(reader: Any, limit: int) -> list[list[str]]:
    """Up to ``limit`` more rows of ``reader`` (fewer at the end or at a malformed row)."""
    rows: list[list[str]] = []
    try:
        for row in reader:
            if row:
                rows.append(row)
            if len(rows) >= limit:
                break
    except csv.Error:
        pass
    return rows


def _memory_pool() -> Any:
    """jemalloc when pyarrow has it, else pyarrow's default pool.

    The default (mimalloc) keeps more freed memory resident: reading the benchmark table in a
    full scan, the parent process peaked about 30 MB higher with it. jemalloc is told to give
    freed pages back at once rather than over the following second (its arenas are made after
    this, on the reader's threads): every block and column is freed within a batch, so the
    pages it kept were those of earlier batches, about 30 MB on a 20 MB CSV and 20 MB of the
    1 GB full scan's peak, for some 0.3 s more system time per 250 MB read.
    """
    if not _POOL:
        import pyarrow as pa

        try:
            pool = pa.jemalloc_memory_pool()
        except NotImplementedError:  # a pyarrow built without jemalloc
            _POOL.append(pa.default_memory_pool())
        else:
            pa.jemalloc_set_decay_ms(0)
            _POOL.append(pool)
    return _POOL[0]


def _decode_column(array: Any, decoder: LineDecoder, pool: Any = None) -> list[str | None]:
    """A pyarrow binary column as stripped text values (``None`` for empty)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        text = pc.utf8_trim_whitespace(array.cast(pa.string(), memory_pool=pool), memory_pool=pool)
        # Empty means null. No Python value is turned into an Arrow scalar here: the first
        # such conversion imports pandas (about 25 MB and 0.2 s) to check for its types.
        length = pc.utf8_length(text, memory_pool=pool)
        empty = pc.invert(pc.cast(length, pa.bool_(), memory_pool=pool), memory_pool=pool)
        text = pc.if_else(empty, pa.nulls(1, pa.string())[0], text, memory_pool=pool)
        values: list[str | None] = text.to_pylist()
        return values
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    out: list[str | None] = []
    for raw in array.to_pylist():
        out.append(None if raw is None else clean(decoder.decode(raw, 0)))
    return out


class _ReadGate:
    """A binary file for pyarrow that reads at most ``ahead`` blocks past the batches taken.

    pyarrow's streaming CSV reader fetches blocks on a background thread and queues up to 32
    of them; it cannot be told to stop earlier. This file makes that thread wait once it is
    ``ahead`` blocks past the batches the consumer took. Should pyarrow need more to make a
    batch (a row straddling blocks), each ``_STALL_SECONDS`` the consumer spends waiting lets
    one more block through, so reading never stalls for good. pyarrow's block boundaries, and
    so the batches, are the same as when it reads the file itself: every read but the last
    returns the full size asked for.

    pyarrow's thread runs ``read`` in the interpreter, and a thread of its own that comes back
    into an interpreter that has begun to shut down makes the process abort. So a stream that
    is given up is ``finish``ed: its file closed (pyarrow reads the end), the blocks already
    read parsed and dropped, which pyarrow can only do once its last ``read`` has returned.
    Streams still open when the interpreter exits are finished first (``_finish_open``).
    """

    def __init__(self, handle: Any, ahead: int) -> None:
        self._handle = handle
        self._ahead = ahead
        self._cond = threading.Condition()
        self._reads = 0
        self._taken = 0
        self._waiting = True  # open_csv reads the first blocks before returning
        self._since = time.monotonic()
        self._closed = False
        self._inside = 0  # pyarrow's calls of ``read`` not returned yet
        self._finished = False
        self.stalls = 0  # reads let through past the reserve
        self.reader: Any = None  # pyarrow's reader of this file, drained by ``finish``
        _watch(self)

    def waiting(self, flag: bool) -> None:
        """The consumer starts (``True``) or stops (``False``: a batch taken) waiting."""
        with self._cond:
            self._waiting = flag
            if flag:
                self._since = time.monotonic()
            else:
                self._taken += 1
            self._cond.notify_all()

    def read(self, size: int = -1) -> bytes:
        with self._cond:
            self._inside += 1
            try:
                return self._read(size)
            finally:
                self._inside -= 1
                self._cond.notify_all()

    def _read(self, size: int) -> bytes:
        while not self._closed and self._reads >= self._taken + self._ahead:
            if not self._waiting:
                self._cond.wait()
                continue
            left = self._since + _STALL_SECONDS - time.monotonic()
            if left > 0:
                self._cond.wait(left)
                continue
            self.stalls += 1
            self._since = time.monotonic()
            break
        if self._closed:
            return b""
        self._reads += 1
        data: bytes = self._handle.read(size)
        return data

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        with self._cond:
            if not self._closed:
                self._closed = True
                self._handle.close()
                self._cond.notify_all()

    def finish(self) -> None:
        """Close, and return once pyarrow's threads are done with this file.

        The reader is read to its end (the file now ends where pyarrow had got to): it ends
        only after pyarrow's last ``read`` has returned, and parsing what it holds releases
        the blocks on this thread. A reader in use by a consumer elsewhere (a thread still
        running at exit) is left to it; its pending ``read`` is waited for.
        """
        if self._finished:  # at exit, say, when the interpreter is being taken down
            return
        self.close()
        with self._cond:
            reader, self.reader = (None, self.reader) if self._waiting else (self.reader, None)
        if reader is not None:
            with contextlib.suppress(Exception):  # a row cut short by the early end, say
                while True:
                    reader.read_next_batch()
        with self._cond:
            self._cond.wait_for(lambda: not self._inside, _FINISH_SECONDS)
        self._finished = True
        _OPEN.discard(self)


# Gates whose reader may still be running, finished before the interpreter shuts down.
_OPEN: set[_ReadGate] = set()
_FINISH_SECONDS = 5.0  # for a ``read`` to return once its file is closed (a read in progress)


def _watch(gate: _ReadGate) -> None:
    if not _HOOKED:
        _HOOKED.append(True)
        atexit.register(_finish_open)
        if hasattr(os, "register_at_fork"):  # a forked child has none of pyarrow's threads
            os.register_at_fork(after_in_child=_OPEN.clear)
    _OPEN.add(gate)


_HOOKED: list[bool] = []  # the exit hook is registered


def _finish_open() -> None:
    """Finish every stream still open: the interpreter is about to shut down."""
    for gate in list(_OPEN):
        gate.finish()


class _Lines:
    """Decoded, capped text lines of a file, as a context manager (closes the file)."""

    def __init__(self, path: Path, sniffed: Sniffed) -> None:
        self.path = path
        self.sniffed = sniffed
        self._handle: Any = None
        self._reader: LineReader | None = None
        self._decoder = LineDecoder(sniffed)

    def __enter__(self) -> Iterator[str]:
        if not self.sniffed.line_based:
            self._handle = self.path.open(
                encoding=self.sniffed.encoding, errors="replace", newline=""
            )
            return iter(self._handle)
        self._handle = self.path.open("rb")
        self._reader = LineReader(self._handle, MAX_LINE_BYTES)
        return self._iter()

    def _iter(self) -> Iterator[str]:
        assert self._reader is not None
        for line in self._reader:
            yield self._decoder.decode(line, self._reader.lineno)

    def __exit__(self, *exc: object) -> None:
        if self._handle is not None:
            self._handle.close()

    def report(self, problems: Problems) -> None:
        """Warnings for cut lines and undecodable bytes."""
        reader = self._reader
        if reader is not None and reader.truncated:
            problems.add(
                msg("p.long_lines", n=reader.truncated, max=MAX_LINE_BYTES),
                reader.first_truncated,
                severity=Severity.WARNING,
            )
        if self._decoder.replaced:
            problems.warn(
                msg("p.lines_undecodable", n=self._decoder.replaced, legacy=self._decoder.legacy),
                self._decoder.first_replaced,
            )
