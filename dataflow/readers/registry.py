"""Input formats: one registry of readers, one protocol.

A :class:`Reader` has a name (what ``--schema-format`` and ``ReadResult.format`` say), the file
name suffixes it claims, other names ``--schema-format`` accepts for it, and one of:

- ``read(source: SchemaText) -> Iterable[Dataset]`` for a schema format: it gets the file's
  decoded text (size capped, encoding sniffed, empty and binary files already reported) and a
  ``Problems`` collector, and returns the datasets it found. Bad input is a problem
  (``source.problems.add(message, line, column)``), never an exception, and a message never
  quotes the file's content;
- ``open(path, name, problems) -> DataSource`` for a data format (both schema and sample): an
  object with ``open() -> bool``, ``columns: list[Column]`` and ``batches(batch_rows, only)``
  yielding ``(rows, {column path: values})`` (see ``readers/columns.py``).

The shipped readers below wrap the modules of this package, imported on first use. An
installed package adds a reader with an entry point in the group ``dataflow.readers`` whose
object is a ``Reader`` (see README, "Extending dataflow"). Entry points are read only when a
file's suffix or a ``--schema-format`` name is not a shipped one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataflow.i18n import msg
from dataflow.model import AddedKey, AlteredColumn, CommentOn, Dataset
from dataflow.plugins import PluginError
from dataflow.readers._common import Problems

__all__ = ["ENTRY_POINT_GROUP", "Problems", "Reader", "SchemaText", "get", "register"]

ENTRY_POINT_GROUP = "dataflow.readers"


@dataclass(frozen=True)
class SchemaText:
    """What a schema reader reads: one file's decoded text and where to put problems."""

    path: Path
    text: str
    problems: Problems
    # Named Avro types defined by the other ``.avsc`` files of the scan (``avro_named_types``).
    avro_types: Mapping[str, Any] | None = None
    # Where a SQL reader puts the foreign keys and columns its ALTER TABLE statements add to
    # tables, and its COMMENT ON texts of tables it does not create (they may be created in
    # another file: ``attach_added_keys``, ``attach_altered_columns``, ``attach_comments``).
    added_keys: list[AddedKey | AlteredColumn | CommentOn] | None = None
    # The JSON Schema files of the scan, for a ``$ref`` naming one of them
    # (``readers.schemarefs.SchemaIndex``).
    json_schemas: Any | None = None
    # The ``.proto`` files of the scan, for a field naming a type another one declares
    # (``readers.protobuf.ProtoIndex``).
    proto_types: Any | None = None

    @property
    def shown(self) -> str:
        """The path as reports show it."""
        return str(self.path)


@dataclass(frozen=True)
class Reader:
    """One input format: a schema reader (``read``) or a data reader (``open``)."""

    name: str
    read: Callable[[SchemaText], Iterable[Dataset]] | None = None
    open: Callable[[Path, str, Problems], Any] | None = None
    suffixes: tuple[str, ...] = ()  # lower-case, with the dot: ".sql"
    aliases: tuple[str, ...] = ()  # other --schema-format names
    origin: str = "dataflow"

    @property
    def data(self) -> bool:
        """Whether files of this format are data (schema and sample in one)."""
        return self.open is not None


def _sql(source: SchemaText) -> Iterable[Dataset]:
    from dataflow.readers.sql import read_sql

    return read_sql(source.text, source.shown, source.problems, source.added_keys)


def _dbt(source: SchemaText) -> Iterable[Dataset]:
    from dataflow.readers.dbt import load, read_dbt

    doc = load(source.shown, source.text, source.problems)
    return read_dbt(doc, source.shown, source.problems) if doc is not None else ()


def _jsonschema(source: SchemaText) -> Iterable[Dataset]:
    from dataflow.readers._json import load_json
    from dataflow.readers.jsonschema import read_jsonschema

    if source.path.suffix.lower() in (".yml", ".yaml"):  # OpenAPI (or JSON Schema) in YAML
        from dataflow.readers.openapi import read_yaml_schema

        return read_yaml_schema(
            source.text, source.shown, source.path.stem, source.problems, source.json_schemas
        )
    parsed = load_json(source.text, source.problems, msg("what.jsonschema"))
    if parsed is None:
        return ()
    return read_jsonschema(
        parsed, source.text, source.shown, source.path.stem, source.problems, source.json_schemas
    )


def _avro(source: SchemaText) -> Iterable[Dataset]:
    from dataflow.readers._json import blank_comments, load_json
    from dataflow.readers.avro import read_avro

    if source.path.suffix.lower() == ".avdl":  # Avro IDL: the protocol it declares
        from dataflow.readers.avroidl import parse_idl

        protocol, _ = parse_idl(source.text, source.problems)
        return read_avro(protocol, source.text, source.shown, source.problems, source.avro_types)
    parsed = load_json(blank_comments(source.text), source.problems, msg("what.avro"))
    if parsed is None:
        return ()
    return read_avro(parsed, source.text, source.shown, source.problems, source.avro_types)


def _protobuf(source: SchemaText) -> Iterable[Dataset]:
    from dataflow.readers.protobuf import index_types, read_proto

    index = index_types(source.proto_types)
    return read_proto(source.text, source.shown, source.problems, index)


def _liquibase(source: SchemaText) -> Iterable[Dataset]:
    from dataflow.readers.liquibase import read_liquibase

    suffix = source.path.suffix.lower()
    return read_liquibase(source.text, source.shown, suffix, source.problems, source.added_keys)


def _delimited(path: Path, name: str, problems: Problems) -> Any:
    from dataflow.readers.delimited import DelimitedFile

    return DelimitedFile(path, name, problems)


def _json_data(path: Path, name: str, problems: Problems) -> Any:
    from dataflow.readers.jsondata import JsonDataFile

    return JsonDataFile(path, name, problems)


def _parquet(path: Path, name: str, problems: Problems) -> Any:
    from dataflow.readers.parquet import ParquetFile

    return ParquetFile(path, problems)


# In this order: schema formats, then data formats (``--schema-format`` lists them so).
SHIPPED: dict[str, Reader] = {
    r.name: r
    for r in (
        Reader("sql", read=_sql, suffixes=(".sql", ".ddl", ".hql"), aliases=("ddl",)),
        Reader("jsonschema", read=_jsonschema, aliases=("json-schema", "json_schema")),
        Reader("avro", read=_avro, suffixes=(".avsc", ".avpr", ".avdl"), aliases=("avsc", "avpr")),
        Reader("dbt", read=_dbt, aliases=("yaml", "yml")),
        Reader("protobuf", read=_protobuf, suffixes=(".proto",), aliases=("proto",)),
        Reader("liquibase", read=_liquibase, aliases=("liquibase-xml", "changelog")),
        Reader("csv", open=_delimited, suffixes=(".csv",)),
        Reader("tsv", open=_delimited, suffixes=(".tsv", ".tab")),
        Reader(
            "jsonl",
            open=_json_data,
            suffixes=(".jsonl", ".ndjson"),
            aliases=("ndjson", "jsonlines"),
        ),
        Reader("json", open=_json_data),
        Reader("parquet", open=_parquet, suffixes=(".parquet", ".pq"), aliases=("pq",)),
    )
}
# Suffixes whose format the shipped detection decides from the content.
SNIFFED_SUFFIXES = (".json", ".avro", ".yml", ".yaml", ".xml")


def _claimed(by: Mapping[str, Reader]) -> dict[str, str]:
    return {s: r.name for r in by.values() for s in r.suffixes}


_SHIPPED_SUFFIXES = _claimed(SHIPPED)

_ADDED: dict[str, Reader] = {}
_LOADED: list[bool] = []


def register(reader: Reader) -> None:
    """Add ``reader`` for this process (a library user's; plug-ins use entry points)."""
    origin = reader.origin
    if (reader.read is None) == (reader.open is None):
        raise PluginError(f"reader {reader.name!r} of {origin} needs exactly one of read, open")
    taken = {*SHIPPED, *(a for r in SHIPPED.values() for a in r.aliases)}
    if reader.name in taken or any(a in taken for a in reader.aliases):
        raise PluginError(f"reader {reader.name!r} of {origin} has the name of a shipped format")
    claimed = {**_SHIPPED_SUFFIXES, **dict.fromkeys(SNIFFED_SUFFIXES, "dataflow")}
    for suffix in reader.suffixes:
        if not suffix.startswith(".") or suffix != suffix.lower():
            raise PluginError(
                f"reader {reader.name!r} of {origin}: suffix {suffix!r} must be lower-case "
                "and start with a dot"
            )
        if suffix in claimed:
            raise PluginError(
                f"reader {reader.name!r} of {origin}: suffix {suffix} is read by the shipped "
                f"{claimed[suffix]} reader"
            )
    _ADDED[reader.name] = reader


def _plugins() -> dict[str, Reader]:
    """Readers of installed packages (entry points ``dataflow.readers``), read once."""
    if not _LOADED:
        from dataflow.plugins import load_entry_points

        for name, obj, origin in load_entry_points(ENTRY_POINT_GROUP, "reader"):
            if not isinstance(obj, Reader):
                raise PluginError(f"reader {origin} is not a dataflow.readers.registry.Reader")
            register(Reader(name, obj.read, obj.open, obj.suffixes, obj.aliases, origin))
        _LOADED.append(True)
    return _ADDED


def resolve(name: str) -> str | None:
    """The format a ``--schema-format`` name means (aliases and case folded), or ``None``."""
    wanted = name.strip().lower()
    for by in (SHIPPED, _ADDED if wanted in _ADDED else _plugins()):
        for reader in by.values():
            if wanted == reader.name or wanted in reader.aliases:
                return reader.name
    return None


def names() -> tuple[str, ...]:
    """Every format name: the shipped ones in order, then the added ones by name."""
    return (*SHIPPED, *sorted(_plugins()))


def get(name: str) -> Reader:
    """The reader of the format ``name`` (a resolved name)."""
    found = SHIPPED.get(name) or _ADDED.get(name) or _plugins().get(name)
    if found is None:
        raise KeyError(name)
    return found


def by_suffix(suffix: str, *, added: bool = False) -> str | None:
    """The format of the shipped reader claiming ``suffix`` (``.sql``), or with ``added`` of
    an added one (plug-ins are loaded then); ``None`` when none claims it."""
    return (_claimed(_plugins()) if added else _SHIPPED_SUFFIXES).get(suffix)


def is_data(name: str | None) -> bool:
    """Whether ``name`` is a data format (shipped or added)."""
    if name is None:
        return False
    shipped = SHIPPED.get(name)
    if shipped is not None:
        return shipped.data
    added = _plugins().get(name)
    return added is not None and added.data
