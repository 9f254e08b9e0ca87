"""JSON Lines and JSON arrays of objects: data files that are their own schema.

Nested objects are flattened into pointers ``a.b``, array items into ``a[]`` (``a[].b`` for
objects in arrays). The columns are every path seen, in order of first appearance; the data
type is the JSON type of the first non-null value. JSON Lines are streamed line by line (each
line capped); a JSON array file is parsed whole, up to a size limit.
"""

from __future__ import annotations

import codecs
import json
from collections import Counter
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

from dataflow.detect.names import scrub, value_kind
from dataflow.i18n import json_error, msg, os_error
from dataflow.readers._common import (
    MAX_FIELDS,
    MAX_LINE_BYTES,
    Problems,
    read_limited,
)
from dataflow.readers._json import LongNumber, parse_int
from dataflow.readers.columns import BatchIterator, Column
from dataflow.readers.encoding import SNIFF_BYTES, LineDecoder, LineReader, decode_text, sniff
from dataflow.readers.samples import MAX_VALUE_CHARS

_MAX_DEPTH = 64
# Paths of an object whose keys are data: ``contacts{key}`` holds its keys, ``contacts{}`` its
# values (``contacts{}.name`` for members of object values).
MAP_KEYS = "{key}"
MAP_VALUES = "{}"
# The first records looked at to find objects whose keys vary from record to record (maps
# keyed by user names, tokens...), and how many objects and keys make one.
_MAP_CHECK_RECORDS = 1000
_MAP_MIN_OBJECTS = 5
_MAP_MIN_KEYS = 16
# JSON array files up to this size are parsed whole; larger ones are streamed item by item.
WHOLE_JSON_BYTES = 16 * 1024 * 1024
MAX_ITEM_CHARS = 16 * 1024 * 1024
_STREAM_CHUNK = 1024 * 1024


def _json_type(value: Any) -> str:
    if isinstance(value, LongNumber):
        return "integer"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = value.strip()
        return text[:MAX_VALUE_CHARS] if text else None
    if isinstance(value, float):
        return repr(value)
    return str(value)


def flatten(
    value: Any,
    prefix: str,
    out: dict[str, list[Any]],
    depth: int = 0,
    maps: frozenset[str] = frozenset(),
) -> None:
    """Append every leaf of ``value`` to ``out[path]`` (objects ``.``, arrays ``[]``).

    The keys of an object at a path in ``maps``, and any key that is itself a value (a phone
    number, an ID, a date), are data: they go to ``path{key}`` and their values below
    ``path{}``, so a map is one field of keys and one of values, never a field per key.
    """
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, dict):
        is_map = prefix in maps
        for key, child in value.items():
            name = str(key)
            if is_map or value_kind(name) is not None:
                out.setdefault(f"{prefix}{MAP_KEYS}", []).append(name)
                flatten(child, f"{prefix}{MAP_VALUES}", out, depth + 1, maps)
                continue
            name = scrub(name)
            flatten(child, f"{prefix}.{name}" if prefix else name, out, depth + 1, maps)
        return
    if isinstance(value, list):
        for item in value:
            flatten(item, f"{prefix}[]", out, depth + 1, maps)
        return
    if prefix:
        out.setdefault(prefix, []).append(value)


def _key_counts(
    value: Any, prefix: str, stats: dict[str, tuple[list[int], Counter[str]]], depth: int = 0
) -> None:
    """Per object path: how many objects were seen there and in how many each key was."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, dict):
        seen, keys = stats.setdefault(prefix, ([0], Counter()))
        seen[0] += 1
        for key, child in value.items():
            name = str(key)
            if value_kind(name) is not None:
                continue  # a map key whatever the counts say
            keys[name] += 1
            if len(keys) <= MAX_FIELDS:
                _key_counts(child, f"{prefix}.{name}" if prefix else name, stats, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _key_counts(item, f"{prefix}[]", stats, depth + 1)


def _varies(objects: int, keys: Counter[str]) -> bool:
    """Whether an object's keys vary from one object to the next, as a map's keys do: many
    distinct keys, most of them seen in one or two objects (optional fields recur)."""
    if objects < _MAP_MIN_OBJECTS or len(keys) < _MAP_MIN_KEYS:
        return False
    rare = sum(1 for n in keys.values() if n <= 2)
    return rare * 2 >= len(keys)


def _repeated(path: str) -> bool:
    """Whether a path can hold several values per record (inside an array or a map)."""
    return "[]" in path or MAP_VALUES in path or MAP_KEYS in path


class JsonDataFile:
    """A JSON Lines file (``fmt='jsonl'``) or a JSON array of objects (``fmt='json'``)."""

    def __init__(self, path: Path, fmt: str, problems: Problems) -> None:
        self.path = path
        self.fmt = fmt
        self.problems = problems
        self.columns: list[Column] = []
        self._known: dict[str, Column] = {}
        self._too_wide = False
        self._records: list[Any] | None = None
        self._stream = False
        self.line: int | None = None  # line of the JSON Lines record being read
        self._encoding = "utf-8"

    def open(self) -> bool:
        """Check the file can be read (small JSON arrays are parsed here, large ones streamed)."""
        if self.fmt == "json":
            try:
                size = self.path.stat().st_size
            except OSError as exc:
                self.problems.add(msg("p.cannot_read", why=os_error(exc)))
                return False
            if size > WHOLE_JSON_BYTES:
                return self._open_stream()
            return self._load_array()
        try:
            with self.path.open("rb") as handle:
                head = handle.read(SNIFF_BYTES)
        except OSError as exc:
            self.problems.add(msg("p.cannot_read", why=os_error(exc)))
            return False
        if not head.strip():
            self.problems.add(msg("p.empty_jsonl"))
            return False
        sniffed = sniff(head)
        if sniffed.binary or not sniffed.line_based:
            self.problems.add(msg("p.binary_jsonl"))
            return False
        self._sniffed = sniffed
        return True

    def _load_array(self) -> bool:
        data = read_limited(self.path, WHOLE_JSON_BYTES, self.problems, "a JSON array")
        if data is None:
            return False
        text, _, _ = decode_text(data)
        if text is None:
            self.problems.add(msg("p.binary_json"))
            return False
        if not text.strip():
            self.problems.add(msg("p.empty_json"))
            return False
        try:
            doc = json.loads(text, parse_int=parse_int)
        except json.JSONDecodeError as exc:
            self.problems.add(msg("p.invalid_json", why=json_error(exc.msg)), exc.lineno, exc.colno)
            return False
        except RecursionError:
            self.problems.add(msg("p.json_deep"))
            return False
        if isinstance(doc, dict):
            doc = [doc]
        if not isinstance(doc, list):
            self.problems.add(msg("p.json_array_or_object"))
            return False
        if doc and not any(isinstance(item, dict) for item in doc):
            self.problems.add(msg("p.json_no_objects"))
            return False
        self._records = doc
        return True

    def _open_stream(self) -> bool:
        with self.path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
        sniffed = sniff(head)
        if sniffed.binary or sniffed.encoding is None:
            self.problems.add(msg("p.binary_json"))
            return False
        if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
            self.problems.add(msg("p.json_large"))
            return False
        self._encoding = sniffed.encoding
        self._stream = True
        return True

    def _stream_array(self) -> Iterator[Any]:
        """Items of a top-level JSON array, parsed one at a time (bounded memory)."""
        decoder = json.JSONDecoder(parse_int=parse_int)
        text_decoder = codecs.getincrementaldecoder(self._encoding)(errors="replace")
        buf = ""
        pos = 0
        lines_before = 0  # newlines in text already dropped from the buffer
        eof = False
        with self.path.open("rb") as handle:

            def more() -> bool:
                nonlocal buf, eof
                if eof:
                    return False
                chunk = handle.read(_STREAM_CHUNK)
                buf += text_decoder.decode(chunk, final=not chunk)
                eof = not chunk
                return True

            def skip_ws() -> None:
                nonlocal pos
                while True:
                    while pos < len(buf) and buf[pos] in " \t\r\n\ufeff":
                        pos += 1
                    if pos < len(buf) or not more():
                        return

            def line() -> int:
                return lines_before + buf.count("\n", 0, pos) + 1

            skip_ws()
            if pos >= len(buf) or buf[pos] != "[":
                self.problems.add(msg("p.json_array"), line())
                return
            pos += 1
            while True:
                skip_ws()
                if pos < len(buf) and buf[pos] == "]":
                    return
                while True:
                    try:
                        item, end = decoder.raw_decode(buf, pos)
                        if end < len(buf) or eof:
                            break
                    except json.JSONDecodeError as exc:
                        if eof or len(buf) - pos > MAX_ITEM_CHARS:
                            self.problems.add(
                                msg("p.invalid_json", why=json_error(exc.msg)),
                                lines_before + exc.lineno,
                            )
                            return
                    except RecursionError:
                        self.problems.add(msg("p.json_deep"), line())
                        return
                    more()
                pos = end
                yield item
                skip_ws()
                if pos < len(buf) and buf[pos] == ",":
                    pos += 1
                elif pos < len(buf) and buf[pos] == "]":
                    return
                else:
                    self.problems.add(msg("p.json_comma"), line())
                    return
                if pos > _STREAM_CHUNK:  # drop what has been parsed
                    lines_before += buf.count("\n", 0, pos)
                    buf = buf[pos:]
                    pos = 0

    def _rows(self) -> Generator[Any, None, None]:
        if self._records is not None:
            yield from self._records
            return
        if self._stream:
            yield from self._stream_array()
            return
        decoder = LineDecoder(self._sniffed)
        not_object = 0
        with self.path.open("rb") as handle:
            reader = LineReader(handle, MAX_LINE_BYTES)
            for raw in reader:
                if not raw.strip():
                    continue
                lineno = reader.lineno
                line = decoder.decode(raw, lineno)
                try:
                    record = json.loads(line, parse_int=parse_int)
                except json.JSONDecodeError as exc:
                    self.problems.add(
                        msg("p.jsonl_bad_line", why=json_error(exc.msg)),
                        lineno,
                        exc.colno,
                        kind=msg("kind.bad_lines"),
                    )
                    continue
                except RecursionError:
                    self.problems.add(msg("p.jsonl_deep"), lineno, kind=msg("kind.bad_lines"))
                    continue
                if not isinstance(record, dict):
                    not_object += 1
                    continue
                self.line = lineno
                yield record
            if reader.truncated:
                self.problems.warn(
                    msg("p.jsonl_cut", n=reader.truncated, max=MAX_LINE_BYTES),
                    reader.first_truncated,
                )
        if not_object:
            self.problems.warn(msg("p.jsonl_not_objects", n=not_object))
        if decoder.replaced:
            self.problems.warn(
                msg("p.jsonl_undecodable", n=decoder.replaced),
                decoder.first_replaced,
            )

    def batches(self, batch_rows: int, only: frozenset[str] | None = None) -> BatchIterator:
        """Stream the records in batches, growing ``columns`` as new paths appear.

        Paths outside arrays get one value per record (``None`` when absent); paths inside
        arrays get one value per item.
        """
        maps = self._map_paths()
        pending: dict[str, list[str | None]] = {}
        count = 0
        for record in self._rows():
            if not isinstance(record, dict):
                continue
            flat: dict[str, list[Any]] = {}
            flatten(record, "", flat, maps=maps)
            for path, values in flat.items():
                if path not in self._known and not self._add_column(path, values):
                    continue
                if only is not None and path not in only:
                    continue
                in_array = _repeated(path)
                target = pending.get(path)
                if target is None:
                    target = [] if in_array else [None] * count
                    pending[path] = target
                if in_array:
                    target.extend(_text(v) for v in values)
                else:
                    target.append(_text(values[0]))
            count += 1
            for path, target in pending.items():
                if len(target) < count and not _repeated(path):
                    target.append(None)
            if count >= batch_rows:
                yield count, pending
                pending = {}
                count = 0
        if count:
            yield count, pending

    def _map_paths(self) -> frozenset[str]:
        """Object paths whose keys vary from record to record in the first records."""
        stats: dict[str, tuple[list[int], Counter[str]]] = {}
        problems, self.problems = self.problems, Problems(self.problems.path)  # read twice
        rows = self._rows()
        try:
            for i, record in enumerate(rows):
                if i >= _MAP_CHECK_RECORDS:
                    break
                _key_counts(record, "", stats)
        finally:
            rows.close()
            self.problems = problems
        maps = frozenset(path for path, (seen, keys) in stats.items() if _varies(seen[0], keys))
        for path in sorted(maps):
            shown = path or msg("p.json_top")
            self.problems.warn(
                msg(
                    "p.json_map",
                    shown=shown,
                    keys=f"{path}{MAP_KEYS}",
                    values=f"{path}{MAP_VALUES}",
                )
            )
        return maps

    def _add_column(self, path: str, values: list[Any]) -> bool:
        if len(self._known) >= MAX_FIELDS:
            if not self._too_wide:
                self._too_wide = True
                self.problems.warn(msg("p.too_many_keys", max=MAX_FIELDS))
            return False
        first = next((v for v in values if v is not None), None)
        column = Column(
            path, data_type=_json_type(first) if first is not None else None, line=self.line
        )
        self._known[path] = column
        self.columns.append(column)
        return True
