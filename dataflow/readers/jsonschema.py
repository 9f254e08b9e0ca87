"""JSON Schema: nested objects, arrays, local ``$ref`` and combinators into flat fields.

Each leaf property becomes a ``Field``; nested members join with ``.``, array items with
``[]``. Local ``$ref`` (``#/definitions/…``, ``#/$defs/…`` or any JSON pointer into the same
document, and names that a sub-schema of the same document declares with ``$id`` or
``$anchor``) are followed; a ``$ref`` cycle stops with a warning; a remote or file ``$ref`` is
reported and NEVER fetched. ``description`` (or ``title``) is the comment, ``enum`` the
enumerated values. The dataset is named by the root ``title``, else the file stem.
"""

from __future__ import annotations

from typing import Any

from dataflow.i18n import msg
from dataflow.model import Dataset, Field
from dataflow.readers._common import MAX_FIELDS, LineIndex, Problems
from dataflow.readers._json import add_leaf, line_of

_MAX_DEPTH = 48
_SCHEMA_KEYS = ("$schema", "properties", "definitions", "$defs", "allOf", "anyOf", "oneOf")


def looks_like_jsonschema(doc: Any) -> bool:
    """Whether a parsed JSON document is plausibly a JSON Schema."""
    if not isinstance(doc, dict):
        return False
    if any(key in doc for key in _SCHEMA_KEYS):
        return True
    return doc.get("type") in ("object", "array") and ("items" in doc or "properties" in doc)


def dataset_name(doc: Any, stem: str) -> str:
    """Root ``title`` or the file stem (``x.schema.json`` → ``x``)."""
    title = doc.get("title") if isinstance(doc, dict) else None
    if isinstance(title, str) and title.strip():
        return title.strip()
    return stem[: -len(".schema")] if stem.endswith(".schema") else stem


def _comment(node: Any) -> str | None:
    if not isinstance(node, dict):
        return None
    desc, title = node.get("description"), node.get("title")
    parts = [p.strip() for p in (title, desc) if isinstance(p, str) and p.strip()]
    if len(parts) == 2 and parts[0] == parts[1]:
        parts = parts[:1]
    return " — ".join(parts) or None


def _type_of(node: dict[str, Any]) -> tuple[str | None, bool | None]:
    raw = node.get("type")
    nullable: bool | None = None
    if isinstance(raw, list):
        names = [t for t in raw if isinstance(t, str)]
        if "null" in names:
            nullable = True
            names = [t for t in names if t != "null"]
        type_name = "|".join(names) or None
    elif isinstance(raw, str):
        type_name = raw
    else:
        type_name = None
    fmt = node.get("format")
    if type_name and isinstance(fmt, str) and fmt:
        type_name = f"{type_name}({fmt})"
    return type_name, nullable


class _Walker:
    def __init__(self, root: Any, dataset: str, index: LineIndex, problems: Problems) -> None:
        self.root = root
        self.dataset = dataset
        self.index = index
        self.problems = problems
        self.fields: dict[str, Field] = {}
        self._warned: set[str] = set()
        self._named = _named_subschemas(root)

    def _warn_once(self, kind: str, message: str, line: int | None) -> None:
        key = f"{kind}:{line}"
        if key not in self._warned:
            self._warned.add(key)
            self.problems.warn(message, line)

    def _resolve(self, ref: str) -> Any:
        node: Any = self.root
        pointer = ref[1:]
        if not pointer:
            return node
        if not pointer.startswith("/"):
            return None
        for raw in pointer[1:].split("/"):
            part = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                return None
        return node

    def walk(
        self,
        node: Any,
        path: str,
        line: int | None,
        comment: str | None,
        refs: tuple[str, ...],
        depth: int,
    ) -> None:
        if len(self.fields) >= MAX_FIELDS:
            return
        if depth > _MAX_DEPTH:
            self._warn_once("depth", msg("p.js_deep", depth=_MAX_DEPTH), line)
            return
        if not isinstance(node, dict):
            if path:
                self._leaf(path, None, None, line, comment, ())
            return
        comment = comment or _comment(node)
        ref = node.get("$ref")
        if ref is not None:
            if not isinstance(ref, str):
                self._warn_once("ref", msg("p.js_ref_not_string"), line)
            elif not ref.startswith("#") and _anchor_key(ref) in self._named:
                key = _anchor_key(ref)
                if key in refs:
                    self._warn_once("cycle", msg("p.js_cycle"), line)
                    return
                self.walk(self._named[key], path, line, comment, (*refs, key), depth + 1)
                return
            elif not ref.startswith("#"):
                self._warn_once(
                    "remote",
                    msg("p.js_remote"),
                    line,
                )
                if path:
                    self._leaf(path, None, None, line, comment, ())
                return
            elif ref in refs:
                self._warn_once("cycle", msg("p.js_cycle"), line)
                return
            elif _anchor_key(ref) in self._named:
                key = _anchor_key(ref)
                self.walk(self._named[key], path, line, comment, (*refs, ref, key), depth + 1)
                return
            else:
                target = self._resolve(ref)
                if target is None:
                    self._warn_once("unresolved", msg("p.js_unresolved"), line)
                    if path:
                        self._leaf(path, None, None, line, comment, ())
                    return
                self.walk(target, path, line, comment, (*refs, ref), depth + 1)
                return
        for combinator in ("allOf", "anyOf", "oneOf"):
            branches = node.get(combinator)
            if isinstance(branches, list):
                for branch in branches:
                    self.walk(branch, path, line, comment, refs, depth + 1)
        type_name, nullable = _type_of(node)
        props = node.get("properties")
        items = node.get("items", node.get("prefixItems"))
        if isinstance(props, dict) and props:
            for key, child in props.items():
                child_line = line_of(child, self.index) or line
                child_path = f"{path}.{key}" if path else str(key)
                self.walk(child, child_path, child_line, None, refs, depth + 1)
            return
        if type_name == "array" or items is not None:
            item_path = f"{path}[]"
            if isinstance(items, list):
                for item in items:
                    self.walk(item, item_path, line, comment, refs, depth + 1)
            elif isinstance(items, dict):
                self.walk(items, item_path, line, comment, refs, depth + 1)
            elif path:
                self._leaf(path, "array", nullable, line, comment, ())
            return
        if path and not any(isinstance(node.get(c), list) for c in ("allOf", "anyOf", "oneOf")):
            enum = node.get("enum")
            values = (
                tuple(str(v) for v in enum if not isinstance(v, (dict, list)))
                if isinstance(enum, list)
                else ()
            )
            if "const" in node and not isinstance(node["const"], (dict, list)):
                values = values or (str(node["const"]),)
            self._leaf(path, type_name, nullable, line, comment, values)

    def _leaf(
        self,
        path: str,
        data_type: str | None,
        nullable: bool | None,
        line: int | None,
        comment: str | None,
        enum: tuple[str, ...],
    ) -> None:
        add_leaf(
            self.fields,
            self.dataset,
            path,
            data_type=data_type,
            nullable=nullable,
            line=line,
            comment=comment,
            enum=enum,
        )


def _anchor_key(ref: str) -> str:
    """``$ref`` ``"Patient"``, ``"#Patient"`` and ``"Patient#"`` all name the sub-schema
    ``Patient``."""
    return ref.strip("#")


def _named_subschemas(root: Any) -> dict[str, Any]:
    """Sub-schemas of one document that declare a plain name with ``$id`` or ``$anchor``.

    Only names without ``/`` or ``:`` count: those are resolved against the document itself
    (as schema generators emit them), never looked up anywhere else. The root is left out.
    """
    named: dict[str, Any] = {}
    stack: list[Any] = [root]
    seen = 0
    while stack and seen < 100_000:
        node = stack.pop()
        seen += 1
        if isinstance(node, dict):
            if node is not root:
                for key in ("$id", "$anchor"):
                    value = node.get(key)
                    if isinstance(value, str):
                        name = value.strip("#")
                        if name and "/" not in name and ":" not in name:
                            named.setdefault(name, node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return named


def read_jsonschema(doc: Any, text: str, path: str, stem: str, problems: Problems) -> list[Dataset]:
    """The dataset described by a parsed JSON Schema document."""
    if not isinstance(doc, dict):
        problems.add(msg("p.js_not_object"))
        return []
    index = LineIndex(text)
    name = dataset_name(doc, stem)
    walker = _Walker(doc, name, index, problems)
    root = doc
    walker.walk(root, "", 1, None, (), 0)
    if len(walker.fields) >= MAX_FIELDS:
        problems.warn(msg("p.too_many_fields", max=MAX_FIELDS))
    if not walker.fields:
        problems.warn(msg("p.js_no_properties"))
    return [
        Dataset(
            name=name,
            source_path=path,
            source_format="jsonschema",
            fields=tuple(walker.fields.values()),
            comment=_comment(doc) if not isinstance(doc.get("title"), str) else _desc(doc),
            line=1,
        )
    ]


def _desc(doc: dict[str, Any]) -> str | None:
    desc = doc.get("description")
    return desc.strip() or None if isinstance(desc, str) else None
