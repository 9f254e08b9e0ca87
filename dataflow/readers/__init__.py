"""Readers: schema and sample files into ``Dataset`` and ``SampleSet``.

``read_path`` reads one file of any supported format; ``collect_files`` walks folders;
``iter_batches`` streams a data file for full scans; ``count_distinct`` counts the distinct
values of one column exactly. A reader never raises for bad input: it returns problems that
name the file (and line/column where known) and never quote the file's content.

Formats (``schema_format`` names): ``sql``, ``jsonschema``, ``avro``, ``dbt``, ``protobuf``,
``liquibase`` (schemas) and
``csv``, ``tsv``, ``jsonl``, ``json``, ``parquet`` (data files, which are both schema and
sample). Without ``schema_format`` the format comes from the extension and, for ``.json``,
``.avro``, ``.yml``/``.yaml`` and unknown extensions, from the content.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any

from dataflow.detect.names import scrub, scrub_optional
from dataflow.errors import ReaderError
from dataflow.i18n import msg
from dataflow.model import (
    AddedKey,
    AlteredColumn,
    ApiContext,
    CommentOn,
    Dataset,
    Field,
    ForeignKey,
    Problem,
    ReadResult,
    Severity,
)
from dataflow.plugins import PluginError
from dataflow.readers import registry
from dataflow.readers._common import MAX_SCHEMA_BYTES, Problems, read_limited
from dataflow.readers.columns import BatchIterator, Column
from dataflow.readers.detection import (
    IGNORED,
    NOT_READ,
    PROJECT,
    PROJECT_NOTE,
    UNKNOWN,
    detect_format,
)
from dataflow.readers.encoding import decode_text
from dataflow.readers.registry import SHIPPED as _READERS
from dataflow.readers.registry import SchemaText
from dataflow.readers.samples import SampleOptions, Sampler, seed_key, value_hash
from dataflow.readers.walk import collect_files

__all__ = [
    "DATA_FORMATS",
    "FORMATS",
    "SCHEMA_FORMATS",
    "SampleOptions",
    "attach_added_keys",
    "attach_altered_columns",
    "attach_comments",
    "avro_named_types",
    "collect_files",
    "count_distinct",
    "detect_format",
    "iter_batches",
    "json_schema_index",
    "proto_index",
    "read_path",
    "scrub_dataset",
]

# The shipped formats (``readers/registry.py``; plug-ins may add more).
SCHEMA_FORMATS = tuple(name for name, r in _READERS.items() if not r.data)
DATA_FORMATS = tuple(name for name, r in _READERS.items() if r.data)
FORMATS = SCHEMA_FORMATS + DATA_FORMATS

_SAMPLE_BATCH = 10_000


# --- reading ----------------------------------------------------------------------------------


def read_path(
    path: Path,
    *,
    schema_format: str | None = None,
    sample_options: SampleOptions | None = None,
    avro_types: Mapping[str, Any] | None = None,
    json_schemas: Any | None = None,
    proto_types: Any | None = None,
) -> ReadResult:
    """Read one file: its datasets, the samples of data files, and every problem met.

    ``avro_types`` are the named types of the other Avro schemas read with this file
    (``avro_named_types``), for fields that name a type defined in another file;
    ``json_schemas`` the JSON Schema files read with it (``json_schema_index``), for a
    ``$ref`` that names one of them; ``proto_types`` the ``.proto`` files read with it
    (``proto_index``), for a field whose type another of them declares.
    """
    path = Path(path)
    shown = str(path)
    problems = Problems(shown)
    fmt = UNKNOWN
    try:
        if not path.exists():
            problems.add(msg("p.no_file"))
            return ReadResult(shown, fmt, problems=problems.finish())
        if path.is_dir():
            problems.add(msg("p.is_folder"))
            return ReadResult(shown, fmt, problems=problems.finish())
        if not path.is_file():
            problems.add(msg("p.not_regular"))
            return ReadResult(shown, fmt, problems=problems.finish())
        if not os.access(path, os.R_OK):
            problems.add(msg("p.permission"))
            return ReadResult(shown, fmt, problems=problems.finish())
        if schema_format is not None:
            forced = registry.resolve(schema_format)
            if forced is None:
                problems.add(msg("p.unknown_format", formats=", ".join(registry.names())))
                return ReadResult(shown, fmt, problems=problems.finish())
            fmt = forced
        else:
            detected = detect_format(path)
            if detected == IGNORED:
                return ReadResult(shown, IGNORED)
            if detected == PROJECT:
                problems.add(PROJECT_NOTE, severity=Severity.INFO)
                return ReadResult(shown, PROJECT, problems=problems.finish())
            if detected is None:
                problems.add(NOT_READ)
                return ReadResult(shown, fmt, problems=problems.finish())
            fmt = detected
        if registry.is_data(fmt):
            return _read_data(path, fmt, problems, sample_options or SampleOptions())
        added: list[AddedKey | AlteredColumn | CommentOn] = []
        read = _read_schema(path, fmt, problems, avro_types, added, json_schemas, proto_types)
        datasets = tuple(scrub_dataset(d)[0] for d in read)
        keys = tuple(
            AddedKey(scrub(k.table), _scrub_key(k.key), k.line)
            for k in added
            if isinstance(k, AddedKey)
        )
        columns = tuple(_scrub_change(c) for c in added if isinstance(c, AlteredColumn))
        comments = tuple(
            CommentOn(scrub(c.table), scrub_optional(c.column), scrub(c.text))
            for c in added
            if isinstance(c, CommentOn)
        )
        return ReadResult(
            shown,
            fmt,
            datasets=datasets,
            problems=problems.finish(),
            added_keys=keys,
            altered_columns=columns,
            comments=comments,
        )
    except PluginError:  # an installed reader that cannot be used stops the run
        raise
    except Exception as exc:  # a bug must not stop the scan or print input: type only
        problems.add(msg("p.internal", error=type(exc).__name__))
        return ReadResult(shown, fmt, problems=problems.finish())


def avro_named_types(files: Sequence[Path]) -> dict[str, Any]:
    """Named types (records, enums, fixed) that the Avro schema files among ``files``
    (``.avsc``, ``.avpr``, IDL ``.avdl``) define.

    A first pass over the Avro schemas of one scan, so that a field of one file may name a
    type another file defines (``["null", "org.example.v1.PaymentDetail"]``). Files that
    cannot be read or parsed are skipped here; reading them reports why.
    """
    avro = [p for p in files if p.suffix.lower() in (".avsc", ".avpr", ".avdl")]
    if not avro:
        return {}  # the Avro modules are not even imported (``dataflow check`` on DDL files)
    import json

    from dataflow.readers._json import blank_comments
    from dataflow.readers.avro import named_types

    docs: list[Any] = []
    for path in avro:
        suffix = path.suffix.lower()
        try:
            if path.stat().st_size > MAX_SCHEMA_BYTES:
                continue
            text, _, _ = decode_text(path.read_bytes())
            if text is not None and suffix == ".avdl":
                from dataflow.readers.avroidl import parse_idl

                # reading it reports; offsets dropped: they are of this file, not the reader's
                docs.append(_without_offsets(parse_idl(text, Problems(str(path)))[0]))
            elif text is not None:
                docs.append(json.loads(blank_comments(text)))
        except (OSError, ValueError, RecursionError):
            continue
    return named_types(docs) if docs else {}


def _without_offsets(node: Any) -> Any:
    """``node`` (an Avro IDL file's types) as plain dicts and lists: a field of another file
    that names one of these types gives its sub-fields its own line, not an offset of this
    file read against that one's text (as the types of a ``.avsc`` file, read without
    offsets, always did)."""
    if isinstance(node, dict):
        return {key: _without_offsets(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_without_offsets(item) for item in node]
    return node  # strings keep their class (``RelativeName``)


def json_schema_index(files: Sequence[Path]) -> Any:
    """The JSON Schema files among ``files`` by the id they declare and by path, so that a
    ``$ref`` of one file may name another (``readers.schemarefs``). ``None`` (what the readers
    take as an empty index) when no file is JSON or YAML, without importing that module."""
    if not any(p.suffix.lower() in (".json", ".yaml", ".yml") for p in files):
        return None
    from dataflow.readers.schemarefs import SchemaIndex

    return SchemaIndex(files)


def proto_index(files: Sequence[Path]) -> Any:
    """The ``.proto`` files among ``files`` parsed once (``readers.protobuf.ProtoIndex``), so
    that a field of one may name a message or enum another declares; ``None`` when there are
    none, without importing that module."""
    if not any(p.suffix.lower() == ".proto" for p in files):
        return None
    from dataflow.readers.protobuf import proto_index as index

    return index(files)


def _read_schema(
    path: Path,
    fmt: str,
    problems: Problems,
    avro_types: Mapping[str, Any] | None = None,
    added: list[AddedKey | AlteredColumn | CommentOn] | None = None,
    json_schemas: Any | None = None,
    proto_types: Any | None = None,
) -> tuple[Dataset, ...]:
    data = read_limited(path, MAX_SCHEMA_BYTES, problems, f"a {fmt} schema")
    if data is None:
        return ()
    if not data.strip():
        problems.add(msg("p.empty"))
        return ()
    text, sniffed, bad_line = decode_text(data)
    if text is None:
        problems.add(msg("p.binary", fmt=fmt))
        return ()
    if bad_line is not None:
        problems.warn(
            msg("p.some_undecodable", legacy=sniffed.legacy),
            bad_line,
        )
    read = registry.get(fmt).read
    assert read is not None
    source = SchemaText(path, text, problems, avro_types, added, json_schemas, proto_types)
    return tuple(read(source))


def attach_added_keys(
    datasets: list[Dataset], added: Sequence[tuple[str, AddedKey]]
) -> list[Problem]:
    """Add each ``(path, key)`` an ALTER TABLE of ``path`` declared to the dataset it names.

    The name matches whatever the case, and a schema prefix may be left out on either side
    (``ALTER TABLE dbo.Visit`` → ``Visit``) when that leaves one dataset. A key whose table
    is not among ``datasets`` is reported where it was declared.
    """
    named = _by_name(datasets)
    problems: list[Problem] = []
    for path, key in added:
        hits = nearest(datasets, named(key.table), path)
        if hits and len(hits) == 1:
            ds = datasets[hits[0]]
            if key.key not in ds.foreign_keys:
                keys = (*ds.foreign_keys, key.key)
                datasets[hits[0]] = dataclasses.replace(ds, foreign_keys=keys)
            continue
        why = msg("p.key_table_twice" if hits else "p.key_table_nowhere", table=key.table)
        problems.append(Problem(path, why, key.line, severity=Severity.WARNING))
    return problems


def _by_name(datasets: list[Dataset]) -> Callable[[str], list[int]]:
    """The indexes of the datasets a table name names: the whole name whatever the case, or
    else the name without its schema prefix on either side."""
    by_full: dict[str, list[int]] = {}
    by_bare: dict[str, list[int]] = {}
    for i, ds in enumerate(datasets):
        by_full.setdefault(ds.name.lower(), []).append(i)
        by_bare.setdefault(ds.name.lower().rsplit(".", 1)[-1], []).append(i)

    def named(table: str) -> list[int]:
        return by_full.get(table.lower()) or by_bare.get(table.lower().rsplit(".", 1)[-1]) or []

    return named


def nearest(datasets: Sequence[Dataset], hits: list[int], path: str) -> list[int]:
    """Of two or more tables of one name, the one whose file is nearest to ``path`` (the file
    of the statement naming it), when only one is that near; else ``hits``.

    A repository often holds one schema several times: a script per database (``mysql/``,
    ``postgres/``, ``mysql.sql`` beside ``pgsql.sql``), a migration folder beside a hand-kept
    model in ``docs/``. Nearest is first the deepest folder the two paths share, then the most
    words the rest of the two paths share (``comment/maria/…`` is about ``ddl/maria/…``, not
    ``ddl/oracle/…``; ``upgrade-to-0.70-mysql.sql`` about ``mysql.sql``).
    """
    if len(hits) < 2:
        return hits
    here = PurePath(path)

    def closeness(i: int) -> tuple[int, int]:
        there = PurePath(datasets[i].source_path)
        depth = 0
        for a, b in zip(here.parent.parts, there.parent.parts, strict=False):
            if a != b:
                break
            depth += 1
        return depth, len(_path_words(here, depth) & _path_words(there, depth))

    near = {i: closeness(i) for i in hits}
    best = max(near.values())
    closest = [i for i in hits if near[i] == best]
    return closest if len(closest) == 1 else hits


def _path_words(path: PurePath, shared: int) -> set[str]:
    """The words of ``path`` past its first ``shared`` folders (folder names and the file's
    name without its suffix, cut at anything not a letter or digit), lower case."""
    rest = [*path.parent.parts[shared:], path.stem]
    return {w for part in rest for w in re.split(r"[^a-z0-9]+", part.lower()) if w}


def attach_altered_columns(
    datasets: list[Dataset], changes: Sequence[tuple[str, AlteredColumn]]
) -> list[Problem]:
    """Apply each ``(path, change)`` an ALTER TABLE of ``path`` made to a column to the
    dataset it names (matched as ``attach_added_keys`` matches); the columns of a table no
    scanned file creates (or two create) become one dataset per table, from the first file
    that alters it (``sql.altered.scan_own_datasets``)."""
    from dataflow.readers.sql.altered import (
        Dropped,
        apply_change,
        scan_own_datasets,
        stays_dropped,
    )
    from dataflow.readers.sql.copied import CopiedColumns, attach_copies
    from dataflow.readers.sql.inserted import InsertedColumn, insert_datasets

    # Migrations apply in the order of their version numbers, which a plain sort of the paths
    # gets wrong past 9 (V10__ before V2__, changelog-4.10 before changelog-4.7): the files'
    # changes are taken with the numbers in their paths compared as numbers, each file's in the
    # order written.
    changes = sorted(changes, key=lambda change: migration_order(change[0]))
    named = _by_name(datasets)
    problems: list[Problem] = []
    dropped = Dropped()
    paths: dict[int, str] = {}  # the file of each change of a column that stays dropped
    own: list[tuple[str, AlteredColumn]] = []
    copies: list[tuple[str, CopiedColumns]] = []
    inserts: list[tuple[str, InsertedColumn]] = []
    for path, change in changes:
        if isinstance(change, CopiedColumns):
            copies.append((path, change))
            continue
        if isinstance(change, InsertedColumn):
            inserts.append((path, change))
            continue
        hits = nearest(datasets, named(change.table), path)
        if len(hits) == 1:
            if dropped.keeps_dropped(hits[0], change):
                paths[id(change)] = path
                continue
            ds = datasets[hits[0]]
            if path != ds.source_path:  # a line of another file than the dataset's
                change = dataclasses.replace(
                    change, field=dataclasses.replace(change.field, line=None)
                )
            datasets[hits[0]] = apply_change(ds, change)
            continue
        own.append((path, change))
        if hits:
            key = "p.column_drop_twice" if change.dropped else "p.column_table_twice"
            why = msg(key, table=change.table, column=change.field.name)
            problems.append(Problem(path, why, change.field.line, severity=Severity.WARNING))
    for path, change in own:
        paths[id(change)] = path
    datasets.extend(scan_own_datasets(own, dropped))
    for change in dropped.skipped:
        why = stays_dropped(change)
        problems.append(
            Problem(paths[id(change)], why, change.field.line, severity=Severity.WARNING)
        )
    problems += attach_copies(datasets, copies, named)
    if inserts:  # after every CREATE and ALTER TABLE of the scan is known
        named = _by_name(datasets)
        own_inserts, notes = insert_datasets(inserts, lambda table: bool(named(table)))
        datasets.extend(own_inserts)
        problems += notes
    return problems


def migration_order(path: str) -> tuple[tuple[int, int, str], ...]:
    """A sort key of ``path`` comparing its runs of digits as numbers (``V2__`` before
    ``V10__``, ``4.7`` before ``4.10``) and the rest as text."""
    parts = _DIGITS.split(path)  # text, digits, text, digits, …, text
    return tuple((0, int(p), "") if i % 2 else (1, 0, p) for i, p in enumerate(parts) if p)


_DIGITS = re.compile(r"(\d+)")


def attach_comments(datasets: list[Dataset], comments: Sequence[CommentOn]) -> None:
    """Give each COMMENT ON text of another file to the table or column it names (matched as
    ``attach_added_keys`` matches) when that has no comment yet; a comment naming no table, or
    a table two files create, is left out as within one file."""
    from dataflow.readers.sql.alter import with_comment

    named = _by_name(datasets)
    for comment in comments:
        hits = named(comment.table)
        if len(hits) == 1:
            datasets[hits[0]] = with_comment(datasets[hits[0]], comment.column, comment.text)


def _scrub_change(change: AlteredColumn) -> AlteredColumn:
    """``change`` with its table, column names and comment masked, as ``scrub_dataset`` does."""
    from dataflow.readers.sql.copied import CopiedColumns

    f = change.field
    field = dataclasses.replace(f, name=scrub(f.name), comment=scrub_optional(f.comment))
    renamed = scrub(change.renamed_from) if change.renamed_from is not None else None
    if isinstance(change, CopiedColumns):  # and the table it takes its columns from
        return dataclasses.replace(change, table=scrub(change.table), parent=scrub(change.parent))
    changeset = scrub(change.changeset) if change.changeset is not None else None
    return dataclasses.replace(
        change, table=scrub(change.table), field=field, renamed_from=renamed, changeset=changeset
    )


def scrub_dataset(dataset: Dataset) -> tuple[Dataset, dict[str, str]]:
    """``dataset`` with identifiers in its names, pointers and comments masked (a comment or
    a name may quote a phone number; reports must not), and the pointers that changed (old to
    new), to re-key samples and verdicts read under the old ones."""
    name = scrub(dataset.name)
    prefix = dataset.name + "."

    def pointer(text: str) -> str:
        if text.startswith(prefix):  # dataset and path apart: an e-mail may not span both
            return f"{name}.{scrub(text[len(prefix) :])}"
        return scrub(text)

    def field(f: Field) -> Field:
        clean = (scrub(f.name), pointer(f.pointer), scrub_optional(f.comment))
        if clean == (f.name, f.pointer, f.comment):  # the common case: nothing to mask
            return f
        return dataclasses.replace(f, name=clean[0], pointer=clean[1], comment=clean[2])

    fields = tuple(field(f) for f in dataset.fields)
    renamed = {
        old.pointer: new.pointer
        for old, new in zip(dataset.fields, fields, strict=True)
        if old.pointer != new.pointer
    }
    clean = dataclasses.replace(
        dataset,
        name=name,
        comment=scrub_optional(dataset.comment),
        fields=fields,
        primary_key=tuple(scrub(c) for c in dataset.primary_key),
        foreign_keys=tuple(_scrub_key(k) for k in dataset.foreign_keys),
        api=_scrub_api(dataset.api),
    )
    return clean, renamed


def _scrub_api(api: ApiContext | None) -> ApiContext | None:
    """``api`` with its purpose text and path parameter names masked (they reach reasons)."""
    if api is None:
        return None
    return dataclasses.replace(
        api,
        purpose=scrub_optional(api.purpose),
        path_params=tuple(scrub(p) for p in api.path_params),
    )


def _scrub_key(key: ForeignKey) -> ForeignKey:
    """``key`` with its table and column names masked (they reach links and reasons)."""
    return ForeignKey(
        tuple(scrub(c) for c in key.columns),
        scrub(key.table),
        tuple(scrub(c) for c in key.ref_columns),
    )


def _open_data(path: Path, fmt: str, problems: Problems) -> Any:
    open_ = registry.get(fmt).open
    assert open_ is not None
    return open_(path, fmt, problems)


def data_name(path: Path) -> str:
    """Dataset name of a data file: its name without the extension (identifiers masked)."""
    return scrub(path.stem or path.name)


def _read_data(path: Path, fmt: str, problems: Problems, options: SampleOptions) -> ReadResult:
    shown = str(path)
    source = _open_data(path, fmt, problems)
    if not source.open():
        return ReadResult(shown, fmt, problems=problems.finish())
    name = data_name(path)
    keys = _ColumnKeys()
    sampler = Sampler(options)
    if options.size > 0 or fmt in ("jsonl", "json"):  # JSON needs the rows for its columns
        for rows, columns in source.batches(_SAMPLE_BATCH):
            if options.size > 0:
                sampler.add_batch({f"{name}.{keys(k)}": v for k, v in columns.items()}, rows)
                if sampler.full:
                    break
    cols: list[Column] = source.columns
    fields = tuple(dataclasses.replace(c, path=keys(c.path)).field(name) for c in cols)
    dataset = Dataset(
        name=name,
        source_path=shown,
        source_format=fmt,
        fields=fields,
        line=1 if fmt in ("csv", "tsv") else None,
    )
    samples = sampler.result(shown, [f.pointer for f in fields])
    return ReadResult(
        shown, fmt, datasets=(dataset,), samples={name: samples}, problems=problems.finish()
    )


# --- streaming for full scans -----------------------------------------------------------------


def iter_batches(
    path: Path,
    *,
    batch_rows: int = 50_000,
    schema_format: str | None = None,
    problems: list[Problem] | None = None,
) -> Iterator[dict[str, list[str | None]]]:
    """Stream a CSV/TSV/JSON Lines/JSON/Parquet file as batches of values keyed by pointer.

    Values are stripped text, ``None`` for null or empty. Columns inside arrays hold one
    value per item (their lists can be longer than the batch). Memory is bounded by
    ``batch_rows`` and the line cap. When ``problems`` is given, problems met are appended
    to it; otherwise a file that cannot be opened raises ``ReaderError``.
    """
    path = Path(path)
    for _, columns in _batches(path, batch_rows, schema_format, problems):
        yield columns


def _batches(
    path: Path,
    batch_rows: int,
    schema_format: str | None,
    sink: list[Problem] | None,
    only: frozenset[str] | None = None,
) -> BatchIterator:
    collected = Problems(str(path))
    fmt = registry.resolve(schema_format) if schema_format else detect_format(path)
    if not registry.is_data(fmt):
        collected.add("not a data file dataflow can stream (CSV, TSV, JSON Lines, JSON, Parquet)")
        _deliver(collected, sink)
        return
    assert fmt is not None
    source = _open_data(path, fmt, collected)
    if not source.open():
        _deliver(collected, sink)
        return
    name = data_name(path)
    keys = _ColumnKeys()
    try:
        for rows, columns in source.batches(max(batch_rows, 1), only):
            yield rows, {f"{name}.{keys(k)}": v for k, v in columns.items()}
    finally:
        if sink is not None:
            sink.extend(collected.finish())


class _ColumnKeys:
    """A data file's column paths with identifiers masked (remembered: called per batch)."""

    def __init__(self) -> None:
        self._seen: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        out = self._seen.get(path)
        if out is None:
            out = self._seen[path] = scrub(path)
        return out


def _deliver(problems: Problems, sink: list[Problem] | None) -> None:
    found = problems.finish()
    if sink is not None:
        sink.extend(found)
        return
    first = next((p for p in found if p.severity is Severity.ERROR), found[0] if found else None)
    if first is not None:
        raise ReaderError(first.message, path=first.path, line=first.line, column=first.column)


def count_distinct(path: Path, column: str, *, schema_format: str | None = None) -> int:
    """Exact number of distinct non-empty values of ``column`` (a name or pointer).

    Counts 64-bit hashes of the values, so memory is 8 bytes plus set overhead per distinct
    value and a collision (which would undercount by one) has odds around n²/2⁶⁵. Raises
    ``ReaderError`` when the file cannot be read or has no such column.
    """
    path = Path(path)
    name = data_name(path)
    wanted = {column, f"{name}.{column}"}
    relative = column[len(name) + 1 :] if column.startswith(f"{name}.") else column
    key = seed_key(0)
    hashes: set[int] = set()
    found = False
    problems: list[Problem] = []
    only = frozenset({column, relative})
    for _, columns in _batches(path, 50_000, schema_format, problems, only):
        for pointer, values in columns.items():
            if pointer not in wanted:
                continue
            found = True
            for value in set(values):
                if value:
                    hashes.add(value_hash(value, key))
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if not found:
        if errors:
            first = errors[0]
            raise ReaderError(first.message, path=first.path, line=first.line)
        raise ReaderError("no column of that name to count people by", path=str(path), key=column)
    return len(hashes)
