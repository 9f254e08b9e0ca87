"""JSON Schema: nested objects, arrays, local ``$ref`` and combinators into flat fields.

Each leaf property becomes a ``Field``; nested members join with ``.``, array items with
``[]``. Local ``$ref`` (``#/definitions/…``, ``#/$defs/…`` or any JSON pointer into the same
document, and names that a sub-schema of the same document declares with ``$id`` or
``$anchor``) are followed. A named schema that reaches itself through its members (or holds
one that does) is expanded once per dataset, at its shallowest use; its other uses and every
cycle are fields of type ``ref:<name>``, with one warning per schema cut. A ``$ref`` to another
file of the scan (by the ``id``/``$id`` it declares, or by its relative path: ``schemarefs``)
is followed in that file; any other remote or file ``$ref`` is reported and NEVER fetched.
``description`` (or ``title``) is the comment, ``enum`` the enumerated values. The dataset is
named by the root ``title``, else the file stem.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag, urljoin, urlsplit

from dataflow.detect.names import scrub
from dataflow.i18n import msg
from dataflow.model import ApiContext, Dataset, Field, Severity
from dataflow.readers._common import MAX_FIELDS, LineIndex, Problems
from dataflow.readers._json import add_leaf, line_of, pointer_tail

if TYPE_CHECKING:
    from dataflow.readers.schemarefs import SchemaIndex

_MAX_DEPTH = 48
# Keys of a schema whose values are no members of it (followed by no ``$ref`` walk).
_NOT_MEMBERS = frozenset(
    {"definitions", "$defs", "example", "examples", "default", "const", "enum", "$ref"}
)
# Fields of one dataset beyond which a named schema used again is kept as one ref:<name>
# field even when its first expansion was self-contained.
_REPEAT_BUDGET = 2_000
_SCHEMA_KEYS = ("$schema", "properties", "definitions", "$defs", "allOf", "anyOf", "oneOf")


def mongo_validator(doc: Any) -> dict[str, Any] | None:
    """The JSON Schema of a MongoDB collection validator: ``{"$jsonSchema": {…}}``, or a
    collection's options ``{"validator": {"$jsonSchema": {…}}, …}``; else ``None``."""
    if not isinstance(doc, dict):
        return None
    validator = doc.get("validator")
    schema = (validator if isinstance(validator, dict) else doc).get("$jsonSchema")
    return schema if isinstance(schema, dict) else None


def looks_like_jsonschema(doc: Any) -> bool:
    """Whether a parsed JSON document is plausibly a JSON Schema (or a MongoDB validator)."""
    if not isinstance(doc, dict):
        return False
    if any(key in doc for key in _SCHEMA_KEYS) or mongo_validator(doc) is not None:
        return True
    if named_object_schemas(doc) is not None:
        return True
    from dataflow.readers.openapi import looks_like_openapi

    if looks_like_openapi(doc):
        return True
    return doc.get("type") in ("object", "array") and ("items" in doc or "properties" in doc)


# Keywords of a schema written alone in a file of a split API description (an OpenAPI
# ``components/schemas/NhsNumber.yaml``): a file holding only these and a ``type`` is a schema.
_PART_KEYS = frozenset(
    {
        "type", "format", "title", "description", "pattern", "enum", "example", "examples",
        "default", "const", "nullable", "readOnly", "writeOnly", "deprecated", "required",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "minProperties",
        "maxProperties", "additionalProperties", "properties", "items", "$ref", "allOf",
        "anyOf", "oneOf", "not", "discriminator", "xml", "externalDocs",
    }
)  # fmt: skip
_LIBRARY_KEYS = frozenset({"definitions", "$defs", "$schema", "title", "description"})
_TYPES = frozenset({"string", "integer", "number", "boolean", "object", "array", "null"})


def looks_like_schema_part(doc: Any) -> bool:
    """Whether a parsed YAML document is one schema of a split API description: an object
    schema (``type: object`` with ``properties``, or ``allOf``/``oneOf``/``anyOf`` of such
    schemas or references), a type alone (``type: string`` with a pattern, an enum…), or
    ``definitions``/``$defs`` holding only such schemas."""
    if not isinstance(doc, dict) or not doc:
        return False
    keys = {str(key) for key in doc if not str(key).startswith("x-")}
    if keys and keys <= _LIBRARY_KEYS and _library(doc):  # named schemas for other files
        return all(
            isinstance(named, dict) and all(looks_like_schema_part(v) for v in named.values())
            for key in ("definitions", "$defs")
            if isinstance(named := doc.get(key), dict)
        )
    if not keys <= _PART_KEYS:
        return False
    kind = doc.get("type")
    if kind in ("object", "array") and ("properties" in doc or "items" in doc):
        return True
    for combinator in ("allOf", "oneOf", "anyOf"):
        branches = doc.get(combinator)
        if isinstance(branches, list) and branches:
            return all(isinstance(b, dict) and ("$ref" in b or "properties" in b) for b in branches)
    return isinstance(kind, str) and kind in _TYPES


# Keys that describe a schema document without being keywords of the JSON Schema drafts: its
# version, examples and comments as schema authors write them in YAML.
_DOCUMENT_NOTES = frozenset({"version", "example", "$comment", "comment", "examples"})


def looks_like_schema_document(doc: Any) -> bool:
    """Whether a parsed YAML document is a JSON Schema written in YAML: a root schema that
    declares a JSON Schema meta-schema (``$schema: https://json-schema.org/…``), or whose keys
    are all JSON Schema keywords (``$id``, ``type``, ``properties``, ``required``…; ``x-``
    extensions aside), and that has members to read (``properties``, ``items``, named
    ``definitions``/``$defs`` or ``allOf``/``oneOf``/``anyOf`` branches).

    A YAML file that only points at the schema that validates it (a configuration file
    starting with ``$schema: https://json.schemastore.org/…``) has keys of its own and is no
    schema; nor are dbt, Kubernetes, GitHub workflow or Compose files (none of their keys
    is a JSON Schema keyword)."""
    if not isinstance(doc, dict) or not doc:
        return False
    keys = {str(key) for key in doc if not str(key).startswith("x-")}
    meta = doc.get("$schema")
    declared = isinstance(meta, str) and "json-schema.org" in meta.lower()
    if not declared and not keys <= KEYWORDS | _DOCUMENT_NOTES:
        return False
    props = doc.get("properties")
    if isinstance(props, dict) and props:
        members = {k: v for k, v in props.items() if not _merged_properties(k, v)}
        return bool(members) and all(isinstance(v, (dict, bool)) for v in members.values())
    items = doc.get("items")
    if doc.get("type") == "array" and isinstance(items, dict):
        return looks_like_schema_document({**items, "$schema": meta}) or "$ref" in items
    for key in ("definitions", "$defs"):
        named = doc.get(key)
        if isinstance(named, dict) and named:
            return all(isinstance(v, dict) for v in named.values())
    for key in ("allOf", "oneOf", "anyOf"):
        branches = doc.get(key)
        if isinstance(branches, list) and branches:
            return all(isinstance(b, dict) for b in branches)
    return False


def _merged_properties(key: object, value: Any) -> bool:
    """Whether a ``properties`` entry is a ``$ref`` to property sets kept in other files
    (``$ref: ["_definitions.yaml#/ubiquitous_properties"]``, as data dictionaries such as the
    NCI GDC one share their common properties): a merge of members, not a member."""
    if key != "$ref":
        return False
    refs = value if isinstance(value, list) else [value]
    return bool(refs) and all(isinstance(ref, str) for ref in refs)


def named_object_schemas(doc: Any) -> dict[str, Any] | None:
    """The schemas of a document that is a mapping of names to object schemas and nothing
    else (``Junction: {type: object, properties: …}``, as FIWARE Smart Data Models write their
    ``model.yaml``), by name; ``None`` for any other document. Each value must be a schema of
    JSON Schema keywords only, with ``properties``; ``x-`` keys beside them are left out."""
    if not isinstance(doc, dict) or not doc:
        return None
    named = {str(k): v for k, v in doc.items() if not str(k).startswith("x-")}
    if not named or any(key in KEYWORDS for key in named):
        return None
    for schema in named.values():
        if not isinstance(schema, dict) or schema.get("type", "object") != "object":
            return None
        keys = {str(key) for key in schema if not str(key).startswith("x-")}
        props = schema.get("properties")
        if not keys <= KEYWORDS | _DOCUMENT_NOTES or not isinstance(props, dict) or not props:
            return None
        if not all(isinstance(v, dict) for v in props.values()):
            return None
    return named


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
    raw = node.get("type", node.get("bsonType"))  # MongoDB validators write bsonType
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
    if node.get("nullable") is True:  # OpenAPI 3.0
        nullable = True
    fmt = node.get("format")
    if type_name and isinstance(fmt, str) and fmt:
        type_name = f"{type_name}({fmt})"
    return type_name, nullable


class _Walker:
    def __init__(
        self,
        root: Any,
        dataset: str,
        index: LineIndex,
        problems: Problems,
        schemas: SchemaIndex | None = None,
        base: str = "",
        recursive: dict[int, bool] | None = None,
    ) -> None:
        self.root = root
        self.dataset = dataset
        self.index = index
        self.problems = problems
        self.fields: dict[str, Field] = {}
        self._warned: set[str] = set()
        self._named = _named_subschemas(root)
        self.schemas = schemas  # the other files of the scan, for $ref by id or file
        self.base = base  # the URI that relative references are resolved against
        self._named_in: dict[int, dict[str, Any]] = {}
        self.resolved_local = 0  # references into this document that point at something
        self.walked: set[int] = set()  # the ids of the schema objects walked
        self.unresolved_local = 0  # and that point at nothing
        # the named schemas this dataset expands, by (document, fragment): the path where
        # their members are read
        self._claimed: dict[tuple[str, str], str] = {}
        # the targets kept as ref:<name> fields: [cycle, first path, its line, uses cut]
        self._cut_at: dict[tuple[str, str], list[Any]] = {}
        self._cut_fields: set[str] = set()  # the pointers of those fields
        self._pending: set[str] = set()  # fields standing for an expansion still queued
        # schema objects by id: whether recursion is reachable from them (one per document,
        # shared by the walkers of its datasets)
        self._open_memo: dict[int, bool] = {} if recursive is None else recursive
        # expansions of recursive named schemas waiting their turn (breadth first): the
        # pointer of the field they replace and the arguments of ``walk``
        self._queue: deque[tuple[str, tuple[Any, dict[str, Any], str], tuple[Any, ...]]] = deque()
        self._outer = 0  # the fields of the dataset outside ``fields`` while one expands

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
        if len(self.fields) + self._outer >= MAX_FIELDS:
            return
        if depth > _MAX_DEPTH:
            self._warn_once("depth", msg("p.js_deep", depth=_MAX_DEPTH), line)
            return
        if not isinstance(node, dict):
            if path:
                self._leaf(path, None, None, line, comment, ())
            return
        self.walked.add(id(node))
        comment = comment or _comment(node)
        ref = node.get("$ref")
        if isinstance(ref, str):
            self._walk_ref(ref, path, line, comment, refs, depth)
            return
        if ref is not None:
            self._warn_once("ref", msg("p.js_ref_not_string"), line)
        branched = self._branches(node, path, line, comment, refs, depth)
        type_name, nullable = _type_of(node)
        props = node.get("properties")
        members = self._members(props, path, line) if isinstance(props, dict) else []
        if members:
            for key, child in members:
                child_line = line_of(child, self.index) or line_of(props, self.index) or line
                child_path = f"{path}.{key}" if path else str(key)
                self.walk(child, child_path, child_line, None, refs, depth + 1)
            return
        values_of = _map_values(node)
        if values_of:  # a map whose values have members: they are read as the map's items
            for values in values_of:
                self.walk(values, f"{path}[]", line, comment, refs, depth + 1)
            return
        items = _item_schemas(node)
        if type_name == "array" or items is not None:
            item_path = f"{path}[]"
            for item in items or ():
                self.walk(item, item_path, line, comment, refs, depth + 1)
            if not items and path:
                self._leaf(path, "array", nullable, line, comment, ())
            return
        if path and not branched:
            self._leaf(path, type_name, nullable, line, comment, tuple(_values(node)))

    def _walk_ref(
        self,
        ref: str,
        path: str,
        line: int | None,
        comment: str | None,
        refs: tuple[str, ...],
        depth: int,
    ) -> None:
        """Walk the target of a ``$ref``: a named type of this scan, another scanned file, or a
        pointer into this document; a remote or an unresolved reference is a warning (and the
        field is kept without a type). A cycle, or a target this dataset expanded already
        (``_expand``), is kept as one field of type ``ref:<name>``."""
        if not ref.startswith("#"):
            key = _anchor_key(ref)
            if key in self._named:
                at = (self.base, f"#{key}")
                self._expand(
                    at, key in refs, self._named[key], path, line, comment, (*refs, key), depth
                )
                return
            if self._follow(ref, path, line, comment, refs, depth):
                return
            self._warn_once("remote", msg("p.js_remote"), line)
            if path:
                self._leaf(path, None, None, line, comment, ())
            return
        if _anchor_key(ref) in self._named:
            key = _anchor_key(ref)
            at = (self.base, f"#{key}")
            cycle = ref in refs or key in refs
            self._expand(at, cycle, self._named[key], path, line, comment, (*refs, ref, key), depth)
            return
        target = self._resolve(ref)
        if target is None:
            self.unresolved_local += 1
            self._warn_once("unresolved", msg("p.js_unresolved"), line)
            if path:
                self._leaf(path, None, None, line, comment, ())
            return
        self.resolved_local += 1
        at = (self.base, ref)
        self._expand(at, ref in refs, target, path, line, comment, (*refs, ref), depth)

    def _expand(
        self,
        target: tuple[str, str],
        cycle: bool,
        node: Any,
        path: str,
        line: int | None,
        comment: str | None,
        refs: tuple[str, ...],
        depth: int,
    ) -> None:
        """Walk ``node``, the schema a ``$ref`` names (``target``: the document and the
        fragment), at ``path``, or keep it as one field of type ``ref:<name>``.

        A named schema that cannot reach itself through its members (a plain ``Address``)
        is expanded at each use, as long as the dataset holds fewer than ``_REPEAT_BUDGET``
        fields. A recursive one, or one holding such types (as FHIR's ``Element``,
        ``Extension``, ``Reference`` and ``CodeableConcept`` are), is expanded once per
        dataset, at its shallowest use: its expansion waits in a queue read breadth first
        (``finish``), so ``Immunization.patient`` is where ``Reference`` is read, not a use
        ten levels down inside an extension. Its other uses, and every cycle, are kept as one
        field of type ``ref:<name>``; each cut is reported once per target and dataset.
        """
        if cycle:
            self._cut(target, True, path, line, comment)
            return
        claimed = self._claimed.get(target)
        if not self._open(node):
            if claimed is not None and len(self.fields) + self._outer >= _REPEAT_BUDGET:
                self._cut(target, False, path, line, comment)
                return
            self._claimed.setdefault(target, path)
            self.walk(node, path, line, comment, refs, depth + 1)
            return
        if claimed == path:
            return  # read here already (another branch of a ``oneOf`` at this path)
        if not path:  # what the dataset itself is (its base type, a branch of its root)
            self._claimed.setdefault(target, path)
            self.walk(node, path, line, comment, refs, depth + 1)
            return
        if claimed is not None:
            self._cut(target, False, path, line, comment)
            return
        self._claimed[target] = path
        pointer = f"{self.dataset}.{path}"
        if pointer not in self.fields:  # in place of the members until they are read
            self._pending.add(pointer)
            self._leaf(path, f"ref:{_type_name(target, self.dataset)}", None, line, comment, ())
        where = (self.root, self._named, self.base)  # the document the target is in
        self._queue.append((pointer, where, (node, path, line, comment, refs, depth + 1)))

    def _cut(
        self, target: tuple[str, str], cycle: bool, path: str, line: int | None, comment: str | None
    ) -> None:
        """Keep the field at ``path`` as a reference to ``target``, not expanded."""
        name = _type_name(target, self.dataset)
        if path:
            pointer = f"{self.dataset}.{path}"
            if pointer not in self.fields:
                self._cut_fields.add(pointer)
            self._leaf(path, f"ref:{name}", None, line, comment, ())
        seen = self._cut_at.setdefault(target, [cycle, path, line, 0])
        seen[3] += 1

    def finish(self) -> None:
        """Read the expansions waiting in the queue, each in place of the field that stood
        for it; then one warning per named schema this dataset kept as ``ref:<name>``
        fields: where it was cut first, where its members are read and how many uses were
        cut."""
        while self._queue and len(self.fields) < MAX_FIELDS:
            pointer, where, args = self._queue.popleft()
            saved = (self.root, self._named, self.base)
            self.root, self._named, self.base = where
            outer, self.fields, self._outer = self.fields, {}, len(self.fields)
            self.walk(*args)
            found, self.fields, self._outer = self.fields, outer, 0
            self.root, self._named, self.base = saved
            self._splice(pointer, found)
        self._queue.clear()
        for target, (cycle, path, line, count) in self._cut_at.items():
            name = _type_name(target, self.dataset)
            at = scrub(f"{self.dataset}.{path}" if path else self.dataset)
            first = self._claimed.get(target)
            read = scrub(f"{self.dataset}.{first}" if first else self.dataset)
            key = "p.js_cycle" if cycle else "p.js_ref_repeated"
            text = msg(key, name=name, pointer=at, first=read, count=count)
            self.problems.add(text, line, severity=Severity.WARNING, kind=msg("p.js_ref_kind"))

    def _splice(self, pointer: str, found: dict[str, Field]) -> None:
        """Put the fields ``found`` by an expansion where the field ``pointer`` stood (or,
        when a base type's field gave way to the members beside it, after those members)."""
        placeholder = pointer in self._pending
        self._pending.discard(pointer)
        found = {
            k: v for k, v in found.items() if (placeholder and k == pointer) or k not in self.fields
        }
        if not found:
            return
        keys = list(self.fields)
        if placeholder and pointer in self.fields:
            at = keys.index(pointer)
            del keys[at]
        else:
            inside = [i for i, k in enumerate(keys) if k.startswith((f"{pointer}.", f"{pointer}["))]
            at = inside[-1] + 1 if inside else len(keys)
        fields = self.fields
        self.fields = {k: fields[k] for k in keys[:at]}
        self.fields.update(found)
        self.fields.update((k, fields[k]) for k in keys[at:])

    def _open(self, start: Any) -> bool:
        """Whether a ``$ref`` of ``start``'s members (followed within this document) leads
        back to a schema already on the way: a recursive schema, or one holding one.
        Tarjan's strongly connected components over the references, memoised."""
        memo = self._open_memo
        if id(start) in memo:
            return memo[id(start)]
        index: dict[int, int] = {}
        low: dict[int, int] = {}
        succ: dict[int, list[Any]] = {}
        stack: list[int] = []
        on: set[int] = set()
        work: list[tuple[Any, int]] = []

        def push(node: Any) -> None:
            key = id(node)
            index[key] = low[key] = len(index)
            stack.append(key)
            on.add(key)
            succ[key] = self._targets_in(node)
            work.append((node, 0))

        push(start)
        while work:
            node, k = work[-1]
            key = id(node)
            if k < len(succ[key]):
                work[-1] = (node, k + 1)
                nxt = succ[key][k]
                if id(nxt) in memo:
                    continue
                if id(nxt) not in index:
                    push(nxt)
                elif id(nxt) in on:
                    low[key] = min(low[key], index[id(nxt)])
                continue
            work.pop()
            if work:
                parent = id(work[-1][0])
                low[parent] = min(low[parent], low[key])
            if low[key] != index[key]:
                continue
            component: list[int] = []
            while True:
                member = stack.pop()
                on.discard(member)
                component.append(member)
                if member == key:
                    break
            opened = len(component) > 1 or any(id(t) == key for t in succ[key])
            opened = opened or any(memo.get(id(t), False) for m in component for t in succ[m])
            for member in component:
                memo[member] = opened
        return memo[id(start)]

    def _targets_in(self, node: Any) -> list[Any]:
        """The schemas the ``$ref`` of ``node`` and its members name within this document
        (definitions, examples and enumerations held inside it aside)."""
        found: list[Any] = []
        stack = [node]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
                continue
            if not isinstance(item, dict):
                continue
            ref = item.get("$ref")
            if isinstance(ref, str):
                key = _anchor_key(ref)
                target = self._named.get(key) if key in self._named else None
                if target is None and ref.startswith("#"):
                    target = self._resolve(ref)
                if isinstance(target, dict):
                    found.append(target)
            stack.extend(v for k, v in item.items() if k not in _NOT_MEMBERS)
        return found

    def _branches(
        self,
        node: dict[str, Any],
        path: str,
        line: int | None,
        comment: str | None,
        refs: tuple[str, ...],
        depth: int,
    ) -> bool:
        """Walk the sub-schemas that add members to ``node`` at its own path: ``allOf``,
        ``anyOf``, ``oneOf``, ``then``/``else`` and ``dependentSchemas`` (``dependencies``).

        A ``{"type": "null"}`` branch only makes the field nullable, and a branch that
        only validates (``{"required": [...]}``) adds nothing. The enumerated values of
        scalar branches (``oneOf`` of ``const``) are merged on the one field they give.
        Whether a branch was walked (then the branches gave the field at ``path``).
        """
        branches: list[Any] = []
        for key in ("allOf", "anyOf", "oneOf"):
            if isinstance(node.get(key), list):
                branches.extend(node[key])
        branches.extend(node[key] for key in ("then", "else") if isinstance(node.get(key), dict))
        for key in ("dependentSchemas", "dependencies"):
            if isinstance(node.get(key), dict):
                branches.extend(v for v in node[key].values() if isinstance(v, dict))
        nullable = walked = False
        values: list[str] = []
        pointer = f"{self.dataset}.{path}"
        had, count = pointer in self.fields, len(self.fields)
        for branch in branches:
            if isinstance(branch, dict) and branch.get("type") == "null" and len(branch) == 1:
                nullable = True
            elif isinstance(branch, dict) and not _STRUCTURE.intersection(branch):
                continue
            else:
                values.extend(_values(branch))
                self.walk(branch, path, line, comment, refs, depth + 1)
                walked = True
        if path and not had and pointer in self._cut_fields and len(self.fields) > count + 1:
            # a base type kept as ref:<name> beside branches that give members: the members
            # are the fields (``allOf: [{$ref: Element}, {properties: …}]``)
            del self.fields[pointer]
            self._cut_fields.discard(pointer)
        field = self.fields.get(pointer) if path else None
        if field is not None and (nullable or len(values) > len(field.enum_values)):
            merged = tuple(dict.fromkeys((*field.enum_values, *values)))
            self.fields[field.pointer] = replace(
                field, nullable=True if nullable else field.nullable, enum_values=merged
            )
        return walked

    def _follow(
        self,
        ref: str,
        path: str,
        line: int | None,
        comment: str | None,
        refs: tuple[str, ...],
        depth: int,
    ) -> bool:
        """Walk the target of a ``$ref`` into another scanned file (named by the ``id`` or
        ``$id`` it declares, by its path relative to this one, or by the relative ``$id`` it
        declares, ``SchemaIndex.declared``); ``False`` when no scanned file is the one named. Inside the target, its own references resolve against it."""
        if not self.schemas:
            return False
        target = urljoin(self.base, ref)
        found = self.schemas.document(target)
        if found is None:
            alias = self.schemas.declared(ref, self.root)
            if alias is None:
                return False
            target, found = alias[0], alias[1:]
        doc, file = found
        fragment = urldefrag(target)[1]
        saved = (self.root, self._named, self.base)
        self.root, self.base = doc, self.schemas.base_of(file, doc)
        if id(doc) not in self._named_in:
            self._named_in[id(doc)] = _named_subschemas(doc)
        self._named = self._named_in[id(doc)]
        try:
            node = self._resolve(f"#{fragment}") if fragment[:1] in ("", "/") else None
            node = node if node is not None else self._named.get(fragment) if fragment else node
            if node is None:
                self._warn_once("unresolved", msg("p.js_unresolved_file"), line)
                if path:
                    self._leaf(path, None, None, line, comment, ())
            else:
                # this document's own "#/…" references are another document's there
                mine = tuple(r if r[:1] != "#" else f"{saved[2]}{r}" for r in refs)
                at = (self.base, f"#{fragment}")
                refs = (*mine, target)
                self._expand(at, target in mine, node, path, line, comment, refs, depth)
        finally:
            self.root, self._named, self.base = saved
        return True

    def _members(self, props: dict[str, Any], path: str, line: int | None) -> list[Any]:
        """The ``(name, schema)`` pairs of a ``properties`` mapping that are properties.

        A key is a property when its value is a schema (an object), whatever its name: a
        property may be called ``type`` or ``required``. A JSON Schema keyword whose value is
        no schema (``"additionalProperties": false``, ``"$ref": "…"``, ``"required": [...]``)
        was written one level too deep: it is reported with the pointer of the object and
        is no field. Any other key whose value is no schema stays a field without a type,
        with a warning.
        """
        out: list[Any] = []
        where = line_of(props, self.index) or line
        owner = f"{self.dataset}.{path}" if path else self.dataset
        for key, child in props.items():
            if key in KEYWORDS and not _looks_like_schema(key, child):
                warning = msg("p.js_keyword_property", keyword=key, pointer=scrub(owner))
                self.problems.warn(warning, where)
                continue
            if not isinstance(child, (dict, bool)):
                warning = msg("p.js_not_schema", pointer=scrub(f"{owner}.{key}"))
                self.problems.warn(warning, where)
            out.append((key, child))
        return out

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


# Keywords of JSON Schema drafts 4 to 2020-12 (and OpenAPI's nullable and discriminator).
KEYWORDS = frozenset(
    [
        "$schema",
        "$id",
        "id",
        "$ref",
        "$defs",
        "definitions",
        "$anchor",
        "$dynamicRef",
        "$dynamicAnchor",
        "$recursiveRef",
        "$recursiveAnchor",
        "$vocabulary",
        "$comment",
        "type",
        "enum",
        "const",
        "properties",
        "patternProperties",
        "additionalProperties",
        "unevaluatedProperties",
        "propertyNames",
        "required",
        "dependencies",
        "dependentRequired",
        "dependentSchemas",
        "items",
        "prefixItems",
        "additionalItems",
        "unevaluatedItems",
        "contains",
        "minContains",
        "maxContains",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minProperties",
        "maxProperties",
        "minLength",
        "maxLength",
        "pattern",
        "format",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "allOf",
        "anyOf",
        "oneOf",
        "not",
        "if",
        "then",
        "else",
        "title",
        "description",
        "default",
        "examples",
        "readOnly",
        "writeOnly",
        "deprecated",
        "contentMediaType",
        "contentEncoding",
        "contentSchema",
        "nullable",
        "discriminator",
    ]
)
# Keywords whose value is a mapping of names to schemas (not a schema itself).
_SCHEMA_MAPS = frozenset(
    {"properties", "patternProperties", "definitions", "$defs", "dependentSchemas"}
)


def _looks_like_schema(key: str, value: Any) -> bool:
    """Whether ``value``, found under the keyword-named key ``key`` of a ``properties``
    mapping, is the schema of a property of that name: an object, and for keywords that
    hold a mapping of schemas, one that is not such a mapping."""
    if not isinstance(value, dict):
        return False
    if key not in _SCHEMA_MAPS or not value:
        return True
    return any(k in KEYWORDS for k in value) or not all(isinstance(v, dict) for v in value.values())


# Keywords that give a sub-schema members or a type (a branch with none of them only
# validates, as ``{"required": ["a"]}`` in a ``oneOf`` does).
_STRUCTURE = frozenset(
    {
        "$ref",
        "$dynamicRef",
        "type",
        "properties",
        "items",
        "prefixItems",
        "additionalProperties",
        "patternProperties",
        "allOf",
        "anyOf",
        "oneOf",
        "then",
        "else",
        "enum",
        "const",
        "format",
    }
)


def _values(node: Any) -> list[str]:
    """The enumerated values a scalar sub-schema allows (``enum``, ``const``)."""
    if not isinstance(node, dict):
        return []
    enum = node.get("enum")
    out = (
        [str(v) for v in enum if not isinstance(v, (dict, list))] if isinstance(enum, list) else []
    )
    if not out and "const" in node and not isinstance(node["const"], (dict, list)):
        out.append(str(node["const"]))
    return out


def _map_values(node: dict[str, Any]) -> list[Any]:
    """The schemas of a map's values (``additionalProperties``, ``patternProperties``) when
    they have members of their own; a map of scalars stays one field."""
    found: list[Any] = []
    extra = node.get("additionalProperties")
    if isinstance(extra, dict):
        found.append(extra)
    patterns = node.get("patternProperties")
    if isinstance(patterns, dict):
        found.extend(v for v in patterns.values() if isinstance(v, dict))
    members = ("properties", "items", "prefixItems", "$ref", "allOf", "anyOf", "oneOf")
    return [v for v in found if any(k in v for k in members)]


def _item_schemas(node: dict[str, Any]) -> list[Any] | None:
    """The schemas of an array's items: ``prefixItems`` (2020-12) and ``items`` (a schema,
    or a list of schemas before 2020-12); ``None`` when the node says nothing of items."""
    prefix, items = node.get("prefixItems"), node.get("items")
    if prefix is None and items is None:
        return None
    found = list(prefix) if isinstance(prefix, list) else []
    if isinstance(items, list):
        found.extend(items)
    elif isinstance(items, dict):
        found.append(items)
    return found


def _type_name(target: tuple[str, str], dataset: str) -> str:
    """The name a ``$ref`` target is reported by: the last segment of its JSON pointer
    (``#/components/schemas/Extension`` → ``Extension``), its anchor, else the stem of the
    file it names, else ``dataset`` (the document's root)."""
    base, fragment = target
    last = pointer_tail(fragment.rstrip("/")).lstrip("#")
    if last:
        return last
    stem = urldefrag(base)[0].rstrip("/").rsplit("/", 1)[-1]
    for suffix in (".json", ".yaml", ".yml"):
        stem = stem.removesuffix(suffix)
    return stem.removesuffix(".schema") or dataset


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


def read_jsonschema(
    doc: Any,
    text: str,
    path: str,
    stem: str,
    problems: Problems,
    schemas: SchemaIndex | None = None,
) -> list[Dataset]:
    """The dataset described by a parsed JSON Schema document.

    ``schemas`` holds the other JSON Schema files of the scan (``json_schema_index``), for
    ``$ref`` that names one of them.
    """
    if not isinstance(doc, dict):
        problems.add(msg("p.js_not_object"))
        return []
    from dataflow.readers.openapi import looks_like_openapi, read_openapi

    if looks_like_openapi(doc):
        return read_openapi(doc, text, path, problems, schemas)
    named = named_object_schemas(doc)
    if named is not None:  # a mapping of names to object schemas: each is a dataset
        from dataflow.readers.openapi import read_named

        return read_named(doc, "#/", named, text, path, problems, schemas)
    doc = mongo_validator(doc) or doc  # a MongoDB collection validator: its $jsonSchema
    if schemas and _part_read_elsewhere(doc, path, schemas):
        return []  # one schema of a split API description: read through the $ref naming it
    index = LineIndex(text)
    name = dataset_name(doc, stem)
    base = schemas.base_of(Path(path), doc) if schemas else ""
    walker = _Walker(doc, name, index, problems, schemas, base)
    root = doc
    walker.walk(root, "", 1, None, (), 0)
    walker.finish()
    if len(walker.fields) >= MAX_FIELDS:
        problems.warn(msg("p.too_many_fields", max=MAX_FIELDS))
    if not walker.fields and _library(doc) and schemas and schemas.referenced(Path(path)):
        return []  # definitions other files of the scan use: read through their $ref
    own: list[Dataset] = []
    if not walker.fields or (walker.unresolved_local and not walker.resolved_local):
        # nothing at the root, or only references to definitions the document lacks
        own = _own_definitions(doc, text, path, problems, schemas)
    elif len(walker.fields) < MAX_FIELDS:
        # definitions the root never names describe data of their own
        own = _own_definitions(doc, text, path, problems, schemas, walker.walked)
    if not walker.fields and not own:
        problems.warn(msg("p.js_no_properties"))
    found = own
    if walker.fields or not own:
        root_set = Dataset(
            name=name,
            source_path=path,
            source_format="jsonschema",
            fields=tuple(walker.fields.values()),
            comment=_comment(doc) if not isinstance(doc.get("title"), str) else _desc(doc),
            line=1,
        )
        found = [root_set, *own]
    params = link_path_params(doc)
    if not params:
        return found
    # the document's own links say which resource its bodies belong to: the API's path
    context = ApiContext(path_params=params)
    return [d if d.api is not None else replace(d, api=context) for d in found]


# Keys of a hypermedia link's target in a response body (HAL, JSON:API, the `links` of many
# government APIs): its example is the path of the resource the body is about.
_LINK_KEYS = frozenset({"href"})
# Path segments before the first collection of a resource's path: a prefix, an API version.
_PATH_PREFIX = re.compile(r"^(api|apis|rest|v\d+(\.\d+)*|\d+(\.\d+)*)$", re.IGNORECASE)
# A literal path segment that is a resource's key rather than a collection: letters and digits
# together (`AA123456A`) or a long number, with no spaces.
_KEY_SEGMENT = re.compile(r"^(?=[^\s]*\d)(?=[^\s]*[A-Za-z])[A-Za-z0-9_-]{6,}$|^\d{6,}$")
_MAX_LINK_NODES = 20_000
_MAX_PARAMS = 3


def link_path_params(doc: Any) -> tuple[str, ...]:
    """The path parameters of the resource a JSON Schema document's bodies belong to, read
    from the example of a hypermedia link it describes (``links[].href`` with example
    ``/individuals/income-received/employments/{nino}/{taxYear}``): the named parameters of a
    path template (``nino``, ``taxYear``), or, for an example path written with values
    (``/individuals/income-received/savings/AA123456A/2021-22``), its first collection with a
    bare key (``individuals/{id}``) when a later segment is such a key. Only names travel: the
    example's values are never kept. Nothing when no link example is found."""
    from dataflow.readers.openapi import route_params

    out: list[str] = []
    stack: list[Any] = [doc]
    seen = 0
    while stack and seen < _MAX_LINK_NODES and len(out) < _MAX_PARAMS:
        node = stack.pop()
        seen += 1
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        for key, value in node.items():
            if str(key).lower() in _LINK_KEYS and isinstance(value, dict):
                for example in _strings(value.get("example")) + _strings(value.get("examples")):
                    out.extend(_example_params(example, route_params))
            elif isinstance(value, (dict, list)):
                stack.append(value)
    return tuple(dict.fromkeys(out))[:_MAX_PARAMS]


def _strings(node: Any) -> list[str]:
    """An example, or a list of examples, as the strings among them."""
    items = node if isinstance(node, list) else [node]
    return [v for v in items if isinstance(v, str)]


def _example_params(example: str, route_params: Any) -> list[str]:
    """The path parameters of one link example (``_link_path_params``)."""
    route = urlsplit(example.split()[0] if example.split() else "").path
    if not route.startswith("/"):
        return []
    named = list(route_params(route))
    if named:
        return named
    segments = [s for s in route.split("/") if s]
    while segments and _PATH_PREFIX.match(segments[0]):
        segments = segments[1:]
    if len(segments) < 2 or not segments[0].replace("-", "").replace("_", "").isalpha():
        return []
    if not any(_KEY_SEGMENT.match(s) for s in segments[1:]):
        return []
    return [f"{segments[0].lower()}/{{id}}"]


# For readers of documents that hold JSON Schemas (``readers.openapi``).
Walker = _Walker
schema_comment = _comment


def _part_read_elsewhere(doc: dict[str, Any], path: str, schemas: SchemaIndex) -> bool:
    """Whether ``doc``, a schema alone in a YAML file, is named by a ``$ref`` of another
    scanned schema or API description (its fields are read there)."""
    if Path(path).suffix.lower() not in (".yml", ".yaml") or not looks_like_schema_part(doc):
        return False
    return schemas.referenced(Path(path))


def _library(doc: dict[str, Any]) -> bool:
    """Whether ``doc`` holds definitions for other documents (``definitions``, ``$defs``)."""
    return any(isinstance(doc.get(key), dict) and doc[key] for key in ("definitions", "$defs"))


def _own_definitions(
    doc: dict[str, Any],
    text: str,
    path: str,
    problems: Problems,
    schemas: SchemaIndex | None,
    walked: set[int] | None = None,
) -> list[Dataset]:
    """The definitions of a document whose root describes no field, or only fields whose
    ``$ref`` names a definition the document lacks (so none of its definitions is read
    through the root): each definition with fields is a dataset of its own, as the named
    schemas of an API description are (none when no definition has a field). With
    ``walked`` (the schema objects the root's fields were read from), only the definitions
    the root never reached: the rest of the file's fields."""
    from dataflow.readers.openapi import read_named

    found: list[Dataset] = []
    for key in ("$defs", "definitions"):
        defined = doc.get(key)
        if not isinstance(defined, dict):
            continue
        # a definition that only names another schema is an alias, not a dataset
        named = {
            k: v
            for k, v in defined.items()
            if not _alias(v) and (walked is None or id(v) not in walked)
        }
        if named:
            read = read_named(doc, f"#/{key}/", named, text, path, problems, schemas)
            found.extend(d for d in read if d.fields)
    return found


def _alias(node: Any) -> bool:
    return (
        isinstance(node, dict) and "$ref" in node and set(node) <= {"$ref", "title", "description"}
    )


def _desc(doc: dict[str, Any]) -> str | None:
    desc = doc.get("description")
    return desc.strip() or None if isinstance(desc, str) else None
