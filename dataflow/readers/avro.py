"""Avro schemas (``.avsc``, or Avro schema JSON under any suffix) into flat fields.

Nested records join with ``.``, array items and map values with ``[]``; a union with
``null`` makes the field nullable; ``doc`` is the comment; enum symbols are the enumerated
values. Named types may be referenced by name (with or without namespace), also when another
Avro schema file of the same scan defines them (``named_types`` collects them first); a
recursive record stops with a warning. A field whose type is a name defined nowhere (a custom
type such as ``bigdecimal``, a schema that is not in the scan) is kept without a type, with a
warning; a malformed type is an error naming the line, and its field is kept too.

A file may hold several records: a list (a top-level union, as Kafka topic schemas are
written), a named union (``{"name": …, "type": [record, …]}``) or a protocol (``.avpr``,
``{"protocol": …, "types": [...]}``); each record in it is a dataset (``root_records``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dataflow.i18n import msg
from dataflow.model import Dataset, Field
from dataflow.readers._common import MAX_FIELDS, LineIndex, Problems
from dataflow.readers._json import add_leaf, line_of

PRIMITIVES = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"}
_MAX_DEPTH = 48


def looks_like_avro(doc: Any) -> bool:
    """``{"type": "record", "fields": [...]}`` (or a list of such records)."""
    if isinstance(doc, list):
        return (
            bool(doc)
            and all(looks_like_avro(d) for d in doc if isinstance(d, dict))
            and any(isinstance(d, dict) for d in doc)
        )
    return (
        isinstance(doc, dict)
        and doc.get("type") == "record"
        and isinstance(doc.get("fields"), list)
    ) or _looks_like_wrapper(doc)


def _looks_like_wrapper(doc: Any) -> bool:
    """A protocol (``{"protocol": …, "types": [...]}``) or a named union of records
    (``{"name": …, "type": [{"type": "record", …}, …]}``) whose records all look like Avro."""
    if not isinstance(doc, dict):
        return False
    if isinstance(doc.get("protocol"), str) and isinstance(doc.get("types"), list):
        members = doc["types"]
    elif isinstance(doc.get("type"), list):
        members = doc["type"]
    else:
        return False
    types = [t for t in members if isinstance(t, dict)]
    return all(_is_avro_type(t) for t in types) and any(looks_like_avro(t) for t in types)


def _is_avro_type(node: dict[str, Any]) -> bool:
    return looks_like_avro(node) or (
        node.get("type") in ("enum", "fixed", "error") and isinstance(node.get("name"), str)
    )


def _full_name(name: str, namespace: str | None) -> str:
    if "." in name or not namespace:
        return name
    return f"{namespace}.{name}"


_UNDEFINED = msg("p.avro_undefined")


class RelativeName(str):
    """A type name written without namespace, qualified with the namespace it was written in
    (Avro IDL); ``written`` is the name as written, looked up when no type has the full name."""

    written: str = ""

    @classmethod
    def of(cls, written: str, namespace: str) -> RelativeName:
        out = cls(f"{namespace}.{written}")
        out.written = written
        return out


def register_named(node: Any, named: dict[str, Any], namespace: str | None = None) -> None:
    """Add every named type (record, error, enum, fixed) defined in ``node`` to ``named``.

    Keys are full names (``org.example.v1.Payment``) and short names (``Payment``); the first
    definition of a name wins.
    """
    if isinstance(node, list):
        for item in node:
            register_named(item, named, namespace)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("type")
    ns = node.get("namespace") if isinstance(node.get("namespace"), str) else namespace
    name = node.get("name")
    if kind in ("record", "error", "enum", "fixed") and isinstance(name, str) and name:
        full = _full_name(name, ns)
        named.setdefault(full, node)
        named.setdefault(full.rsplit(".", 1)[-1], node)
        ns = full.rsplit(".", 1)[0] if "." in full else ns
    if isinstance(node.get("protocol"), str) and isinstance(node.get("types"), list):
        register_named(node["types"], named, ns)
    if kind in ("record", "error") and isinstance(node.get("fields"), list):
        for field in node["fields"]:
            if isinstance(field, dict):
                register_named(field.get("type"), named, ns)
    elif kind == "array":
        register_named(node.get("items"), named, ns)
    elif kind == "map":
        register_named(node.get("values"), named, ns)
    elif isinstance(kind, (dict, list)):
        register_named(kind, named, ns)


def named_types(docs: list[Any]) -> dict[str, Any]:
    """The named types that a set of parsed Avro schema documents define, for ``read_avro``.

    Full names always count; a short name only when a single definition carries it.
    """
    full: dict[str, Any] = {}
    for doc in docs:
        found: dict[str, Any] = {}
        register_named(doc, found)
        for key, node in found.items():
            if "." in key:
                full.setdefault(key, node)
    short: dict[str, list[Any]] = {}
    for key, node in full.items():
        short.setdefault(key.rsplit(".", 1)[-1], []).append(node)
    for doc in docs:  # types defined without a namespace have only their short name
        found = {}
        register_named(doc, found)
        for key, node in found.items():
            if "." not in key and all(n is not node for n in short.get(key, [])):
                short.setdefault(key, []).append(node)
    out = dict(full)
    for key, nodes in short.items():
        if len(nodes) == 1:
            out.setdefault(key, nodes[0])
    return out


class _Reader:
    def __init__(
        self, index: LineIndex, problems: Problems, external: Mapping[str, Any] | None = None
    ) -> None:
        self.index = index
        self.problems = problems
        self.named: dict[str, Any] = {}  # full name and short name -> type definition
        self.external: Mapping[str, Any] = external or {}
        self.fields: dict[str, Field] = {}
        self._warned: set[tuple[str, int | None]] = set()

    def _error(self, message: str, line: int | None) -> None:
        self.problems.add(message, line)

    def _warn_once(self, message: str, line: int | None) -> None:
        if (message, line) not in self._warned:
            self._warned.add((message, line))
            self.problems.warn(message, line)

    def register(self, node: Any, namespace: str | None) -> None:
        """Record every named type (records, enums, fixed) defined anywhere in ``node``."""
        register_named(node, self.named, namespace)

    def lookup(self, name: str) -> Any | None:
        """The definition of a named type: this file's first, then the scan's other files."""
        target = self.named.get(name)
        if target is None:
            target = self.external.get(name)
        if target is None and isinstance(name, RelativeName) and name.written:
            return self.lookup(name.written)
        return target

    def record(
        self,
        node: dict[str, Any],
        dataset: str,
        prefix: str,
        seen: tuple[str, ...],
        depth: int,
        at: int | None = None,
    ) -> None:
        """The fields of a record; ``at`` is the line to give them when the record comes
        from another file (the line of the field that names it)."""
        fields = node.get("fields")
        line = line_of(node, self.index) or at
        if not isinstance(fields, list):
            self._error(msg("p.avro_no_fields"), line)
            return
        for field in fields:
            if len(self.fields) >= MAX_FIELDS:
                return
            fline = line_of(field, self.index) or line
            if not isinstance(field, dict):
                self._error(msg("p.avro_field_not_object"), fline)
                continue
            name = field.get("name")
            if not isinstance(name, str) or not name:
                self._error(msg("p.avro_field_no_name"), fline)
                continue
            if "type" not in field:
                self._error(msg("p.avro_field_no_type"), fline)
                continue
            doc = field.get("doc")
            comment = doc.strip() or None if isinstance(doc, str) else None
            path = f"{prefix}.{name}" if prefix else name
            self.member(field["type"], dataset, path, fline, comment, None, seen, depth + 1)

    def member(
        self,
        kind: Any,
        dataset: str,
        path: str,
        line: int | None,
        comment: str | None,
        nullable: bool | None,
        seen: tuple[str, ...],
        depth: int,
    ) -> None:
        if depth > _MAX_DEPTH:
            self._warn_once(msg("p.avro_deep", depth=_MAX_DEPTH), line)
            return
        if isinstance(kind, list):  # union
            self._union(kind, dataset, path, line, comment, nullable, seen, depth)
            return
        if isinstance(kind, str):
            self._named(kind, dataset, path, line, comment, nullable, seen, depth)
            return
        if not isinstance(kind, dict):
            self._error(msg("p.avro_bad_type"), line)
            self._leaf(dataset, path, None, line, comment, nullable, ())
            return
        self._schema(kind, dataset, path, line, comment, nullable, seen, depth)

    def _union(
        self,
        kind: Any,
        dataset: str,
        path: str,
        line: int | None,
        comment: str | None,
        nullable: bool | None,
        seen: tuple[str, ...],
        depth: int,
    ) -> None:
        """A union: nullable when it holds ``null``; one type read as that type, only
        primitives as one ``union<…>`` field, anything else as each of its types."""
        options = [k for k in kind if k != "null"]
        if len(options) < len(kind):
            nullable = True
        if not options:
            self._leaf(dataset, path, "null", line, comment, nullable, ())
            return
        if len(options) == 1:
            self.member(options[0], dataset, path, line, comment, nullable, seen, depth + 1)
            return
        simple = [k for k in options if isinstance(k, str) and k in PRIMITIVES]
        if len(simple) == len(options):
            self._leaf(
                dataset, path, "union<" + ",".join(simple) + ">", line, comment, nullable, ()
            )
            return
        for option in options:
            self.member(option, dataset, path, line, comment, nullable, seen, depth + 1)
        return

    def _named(
        self,
        kind: Any,
        dataset: str,
        path: str,
        line: int | None,
        comment: str | None,
        nullable: bool | None,
        seen: tuple[str, ...],
        depth: int,
    ) -> None:
        """A primitive type name or the name of a type defined elsewhere."""
        if kind in PRIMITIVES:
            self._leaf(dataset, path, kind, line, comment, nullable, ())
            return
        target = self.lookup(kind)
        if target is None:
            self._warn_once(_UNDEFINED, line)
            self._leaf(dataset, path, None, line, comment, nullable, ())
            return
        if isinstance(target.get("name"), str) and target["name"] in seen:
            self._warn_once(msg("p.avro_recursive"), line)
            self._leaf(dataset, path, "record", line, comment, nullable, ())
            return
        if target.get("type") in ("enum", "fixed"):
            # a leaf where the name is written: not the line of the type's declaration
            target = dict(target)
        self.member(target, dataset, path, line, comment, nullable, seen, depth + 1)
        return

    def _schema(
        self,
        kind: Any,
        dataset: str,
        path: str,
        line: int | None,
        comment: str | None,
        nullable: bool | None,
        seen: tuple[str, ...],
        depth: int,
    ) -> None:
        """A type object: record, enum, array, map, fixed, a primitive with a logical type."""
        line = line_of(kind, self.index) or line
        t = kind.get("type")
        if t not in ("record", "error"):
            # a doc written on the type itself (an array's, a map's, a logical type's) speaks
            # for the field when the field has none of its own
            comment = comment or _own_doc(kind)
        if t in ("record", "error"):
            name = kind.get("name")
            if not isinstance(name, str) or not name:
                self._error(msg("p.avro_no_name"), line)
                self._leaf(dataset, path, None, line, comment, nullable, ())
                return
            if name in seen:
                self._warn_once(msg("p.avro_recursive"), line)
                self._leaf(dataset, path, "record", line, comment, nullable, ())
                return
            self.record(kind, dataset, path, (*seen, name), depth, line)
            return
        if t == "enum":
            symbols = kind.get("symbols")
            if not isinstance(symbols, list) or not all(isinstance(s, str) for s in symbols):
                self._error(msg("p.avro_enum"), line)
                symbols = []
            self._leaf(dataset, path, "enum", line, comment, nullable, tuple(symbols))
            return
        if t == "array":
            if "items" not in kind:
                self._error(msg("p.avro_array"), line)
                self._leaf(dataset, path, "array", line, comment, nullable, ())
                return
            self.member(kind["items"], dataset, f"{path}[]", line, comment, None, seen, depth + 1)
            return
        if t == "map":
            if "values" not in kind:
                self._error(msg("p.avro_map"), line)
                self._leaf(dataset, path, "map", line, comment, nullable, ())
                return
            self.member(kind["values"], dataset, f"{path}[]", line, comment, None, seen, depth + 1)
            return
        if t == "fixed":
            size = kind.get("size")
            if not isinstance(size, int) or isinstance(size, bool) or size < 0:
                self._error(msg("p.avro_fixed"), line)
            self._leaf(dataset, path, _logical("fixed", kind), line, comment, nullable, ())
            return
        if isinstance(t, str) and t in PRIMITIVES:
            self._leaf(dataset, path, _logical(t, kind), line, comment, nullable, ())
            return
        if isinstance(t, (str, list, dict)):
            self.member(t, dataset, path, line, comment, nullable, seen, depth + 1)
            return
        self._error(msg("p.avro_type_object"), line)
        self._leaf(dataset, path, None, line, comment, nullable, ())

    def _leaf(
        self,
        dataset: str,
        path: str,
        data_type: str | None,
        line: int | None,
        comment: str | None,
        nullable: bool | None,
        enum: tuple[str, ...],
    ) -> None:
        add_leaf(
            self.fields,
            dataset,
            path,
            data_type=data_type,
            nullable=nullable,
            line=line,
            comment=comment,
            enum=enum,
        )


def _own_doc(node: dict[str, Any]) -> str | None:
    doc = node.get("doc")
    return doc.strip() or None if isinstance(doc, str) else None


def _logical(base: str, node: dict[str, Any]) -> str:
    logical = node.get("logicalType")
    return f"{base}({logical})" if isinstance(logical, str) and logical else base


def read_avro(
    doc: Any,
    text: str,
    path: str,
    problems: Problems,
    external: Mapping[str, Any] | None = None,
) -> list[Dataset]:
    """One dataset per top-level record (``root_records``: a list of records, a named union
    of records or a protocol's types give several).

    ``external`` holds the named types of the other Avro schemas scanned with this one
    (``named_types``); a name this file defines itself wins over them.
    """
    index = LineIndex(text)
    reader = _Reader(index, problems, external)
    reader.register(doc, None)
    datasets: list[Dataset] = []
    for root in root_records(doc, reader, line_of(doc, index) or 1):
        name = root.get("name")
        if not isinstance(name, str) or not name:
            problems.add(msg("p.avro_no_name"), line_of(root, index))
            continue
        reader.fields = {}
        reader.record(root, name, "", (name,), 0)
        doc_text = root.get("doc")
        datasets.append(
            Dataset(
                name=name,
                source_path=path,
                source_format="avro",
                fields=tuple(reader.fields.values()),
                comment=doc_text.strip() or None if isinstance(doc_text, str) else None,
                line=line_of(root, index),
            )
        )
    datasets.extend(_messages(doc, reader, path))
    return datasets


def _messages(doc: Any, reader: _Reader, path: str) -> list[Dataset]:
    """The requests of a protocol's messages: ``<message> request`` holds its parameters as
    fields (a parameter of a record type gives that record's fields below its name). A request
    whose parameters all name records of the scan is read as those records and makes no
    dataset of its own."""
    messages = doc.get("messages") if isinstance(doc, dict) and "protocol" in doc else None
    if not isinstance(messages, dict):
        return []
    datasets: list[Dataset] = []
    for name, message in messages.items():
        request = message.get("request") if isinstance(message, dict) else None
        if not isinstance(request, list) or not request:
            continue
        if all(_names_record(p, reader) for p in request):
            continue
        line = line_of(message, reader.index)
        reader.fields = {}
        dataset = f"{name} request"
        reader.record({"fields": request}, dataset, "", (), 0, line)
        if not reader.fields:
            continue
        doc_text = message.get("doc")
        datasets.append(
            Dataset(
                name=dataset,
                source_path=path,
                source_format="avro",
                fields=tuple(reader.fields.values()),
                comment=doc_text.strip() or None if isinstance(doc_text, str) else None,
                line=line,
            )
        )
    return datasets


def _names_record(param: Any, reader: _Reader) -> bool:
    """Whether a message parameter's type is the name of a record (read as its own dataset)."""
    kind = param.get("type") if isinstance(param, dict) else None
    if not isinstance(kind, str) or kind in PRIMITIVES:
        return False
    target = reader.lookup(kind)
    return isinstance(target, dict) and target.get("type") in ("record", "error")


def root_records(doc: Any, reader: _Reader, line: int | None) -> list[dict[str, Any]]:
    """The records that are datasets of one Avro schema document.

    A record is one; a list (a top-level union, as Kafka projects write their topic schemas),
    a named union (``{"name": …, "type": [record, …]}``) and a protocol's ``types`` give each
    record they hold. Enums and fixed types are defined for the records; ``"null"`` and names
    of records another file defines add nothing here (that file reads them). Anything else is
    an error at its line.
    """
    found: list[dict[str, Any]] = []
    stack: list[tuple[Any, int | None, int]] = [(doc, line, 0)]
    while stack:
        node, at, depth = stack.pop(0)
        at = line_of(node, reader.index) or at
        if isinstance(node, list) and depth < _MAX_DEPTH:
            stack[:0] = [(item, at, depth + 1) for item in node]
        elif isinstance(node, str):
            if node != "null" and node not in PRIMITIVES and reader.lookup(node) is None:
                reader.problems.warn(msg("p.avro_root_undefined"), at)
            elif node in PRIMITIVES and node != "null":
                reader.problems.add(msg("p.avro_not_record"), at)
        elif not isinstance(node, dict):
            reader.problems.add(msg("p.avro_not_record"), at)
        elif node.get("type") in ("record", "error"):
            found.append(node)
        elif node.get("type") in ("enum", "fixed"):
            continue  # a named type defined for the records of the same file
        elif isinstance(node.get("protocol"), str) and isinstance(node.get("types"), list):
            stack.insert(0, (node["types"], at, depth + 1))
        elif isinstance(node.get("type"), (list, dict)) and depth < _MAX_DEPTH:
            stack.insert(0, (node["type"], at, depth + 1))
        else:
            reader.problems.add(msg("p.avro_not_record"), at)
    return found
