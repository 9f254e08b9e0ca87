"""Avro schemas (``.avsc``, or Avro schema JSON under any suffix) into flat fields.

Nested records join with ``.``, array items and map values with ``[]``; a union with
``null`` makes the field nullable; ``doc`` is the comment; enum symbols are the enumerated
values. Named types may be referenced by name (with or without namespace); a recursive record
stops with a warning. Types that do not exist are errors naming the line of the field.
"""

from __future__ import annotations

from typing import Any

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
    )


def _full_name(name: str, namespace: str | None) -> str:
    if "." in name or not namespace:
        return name
    return f"{namespace}.{name}"


class _Reader:
    def __init__(self, index: LineIndex, problems: Problems) -> None:
        self.index = index
        self.problems = problems
        self.named: dict[str, Any] = {}  # full name and short name -> type definition
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
        if isinstance(node, list):
            for item in node:
                self.register(item, namespace)
            return
        if not isinstance(node, dict):
            return
        kind = node.get("type")
        ns = node.get("namespace") if isinstance(node.get("namespace"), str) else namespace
        name = node.get("name")
        if kind in ("record", "error", "enum", "fixed") and isinstance(name, str) and name:
            full = _full_name(name, ns)
            self.named.setdefault(full, node)
            self.named.setdefault(full.rsplit(".", 1)[-1], node)
            ns = full.rsplit(".", 1)[0] if "." in full else ns
        if kind in ("record", "error") and isinstance(node.get("fields"), list):
            for field in node["fields"]:
                if isinstance(field, dict):
                    self.register(field.get("type"), ns)
        elif kind == "array":
            self.register(node.get("items"), ns)
        elif kind == "map":
            self.register(node.get("values"), ns)
        elif isinstance(kind, (dict, list)):
            self.register(kind, ns)

    def record(
        self, node: dict[str, Any], dataset: str, prefix: str, seen: tuple[str, ...], depth: int
    ) -> None:
        fields = node.get("fields")
        line = line_of(node, self.index)
        if not isinstance(fields, list):
            self._error("Avro record has no list of fields", line)
            return
        for field in fields:
            if len(self.fields) >= MAX_FIELDS:
                return
            fline = line_of(field, self.index) or line
            if not isinstance(field, dict):
                self._error("Avro record field is not an object", fline)
                continue
            name = field.get("name")
            if not isinstance(name, str) or not name:
                self._error("Avro record field has no name", fline)
                continue
            if "type" not in field:
                self._error("Avro record field has no type", fline)
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
            self._warn_once(f"Avro schema nested deeper than {_MAX_DEPTH} levels; cut", line)
            return
        if isinstance(kind, list):  # union
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
        if isinstance(kind, str):
            if kind in PRIMITIVES:
                self._leaf(dataset, path, kind, line, comment, nullable, ())
                return
            target = self.named.get(kind)
            if target is None:
                self._error("Avro field has a type that is neither primitive nor defined", line)
                return
            if isinstance(target.get("name"), str) and target["name"] in seen:
                self._warn_once("recursive Avro record: not expanded again", line)
                return
            self.member(target, dataset, path, line, comment, nullable, seen, depth + 1)
            return
        if not isinstance(kind, dict):
            self._error("Avro field type is not a name, an object or a union", line)
            return
        line = line_of(kind, self.index) or line
        t = kind.get("type")
        if t in ("record", "error"):
            name = kind.get("name")
            if not isinstance(name, str) or not name:
                self._error("Avro record has no name", line)
                return
            if name in seen:
                self._warn_once("recursive Avro record: not expanded again", line)
                return
            self.record(kind, dataset, path, (*seen, name), depth)
            return
        if t == "enum":
            symbols = kind.get("symbols")
            if not isinstance(symbols, list) or not all(isinstance(s, str) for s in symbols):
                self._error("Avro enum has no list of symbols", line)
                symbols = []
            doc = kind.get("doc")
            own = doc.strip() or None if isinstance(doc, str) else None
            self._leaf(dataset, path, "enum", line, comment or own, nullable, tuple(symbols))
            return
        if t == "array":
            if "items" not in kind:
                self._error("Avro array has no items type", line)
                return
            self.member(kind["items"], dataset, f"{path}[]", line, comment, None, seen, depth + 1)
            return
        if t == "map":
            if "values" not in kind:
                self._error("Avro map has no values type", line)
                return
            self.member(kind["values"], dataset, f"{path}[]", line, comment, None, seen, depth + 1)
            return
        if t == "fixed":
            size = kind.get("size")
            if not isinstance(size, int) or isinstance(size, bool) or size < 0:
                self._error("Avro fixed type has no valid size", line)
            self._leaf(dataset, path, _logical("fixed", kind), line, comment, nullable, ())
            return
        if isinstance(t, str) and t in PRIMITIVES:
            self._leaf(dataset, path, _logical(t, kind), line, comment, nullable, ())
            return
        if isinstance(t, (str, list, dict)):
            self.member(t, dataset, path, line, comment, nullable, seen, depth + 1)
            return
        self._error("Avro type object has no valid type", line)

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


def _logical(base: str, node: dict[str, Any]) -> str:
    logical = node.get("logicalType")
    return f"{base}({logical})" if isinstance(logical, str) and logical else base


def read_avro(doc: Any, text: str, path: str, problems: Problems) -> list[Dataset]:
    """One dataset per top-level record (a list of records gives several)."""
    index = LineIndex(text)
    reader = _Reader(index, problems)
    roots = doc if isinstance(doc, list) else [doc]
    reader.register(roots, None)
    datasets: list[Dataset] = []
    for root in roots:
        if not isinstance(root, dict) or root.get("type") not in ("record", "error"):
            if isinstance(root, dict) and root.get("type") in ("enum", "fixed"):
                continue  # a named type defined for the records of the same file
            problems.add("not an Avro record schema", line_of(root, index))
            continue
        name = root.get("name")
        if not isinstance(name, str) or not name:
            problems.add("Avro record has no name", line_of(root, index))
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
    return datasets
