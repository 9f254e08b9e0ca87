"""OpenAPI (3.x) and Swagger (2.0) documents: each named schema is a dataset, and so is each
schema written inline in an operation.

An API description keeps the shapes of its requests and responses under
``components.schemas`` (OpenAPI 3) or ``definitions`` (Swagger 2), and they refer to each
other with ``$ref`` (``#/components/schemas/Pet``). Each named schema is read as a JSON
Schema (``readers.jsonschema``) against the whole document, so those references resolve;
OpenAPI's ``nullable: true`` makes a field nullable.

An operation (``paths./users.post``) may also write its shapes in place. Each is a dataset
named after the operation, its ``operationId`` or else its method and path (``POST /users``):

- ``<operation> request``: the schema of its request body (``requestBody.content.*.schema``,
  Swagger 2's ``in: body`` parameter);
- ``<operation> response <status>``: the schema of each response (``responses.200.content.*
  .schema``, Swagger 2's ``responses.200.schema``);
- ``<operation> parameters``: its other parameters (query, path, header, cookie, form), one
  field each, with those of its path.

A schema that only names a named schema (``$ref``, or an array of them) is read as that named
schema and makes no dataset of its own; a request body, response or parameter that is a
``$ref`` to the document's components is read where it is used, once. When several media
types give different schemas, the second and later are named with their media type
(``createUser request application/xml``).

An AsyncAPI description (2.x, 3.x) keeps its named schemas under ``components.schemas`` too;
each of its messages (``components.messages``, or written in a channel) is a dataset of its
payload and one of its headers (``read_messages``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag, urljoin

from dataflow.i18n import msg
from dataflow.model import ApiContext, Dataset
from dataflow.readers._common import MAX_FIELDS, LineIndex, Problems
from dataflow.readers._json import PosDict, line_of, pointer_tail
from dataflow.yamlio.load import join_key

if TYPE_CHECKING:
    from dataflow.readers.schemarefs import SchemaIndex
    from dataflow.yamlio import YamlDoc


def named_schemas(doc: Any) -> tuple[str, dict[str, Any]] | None:
    """The JSON pointer of the named schemas of an OpenAPI or Swagger document and the
    schemas by name; ``None`` when ``doc`` is not such a document."""
    if not isinstance(doc, dict):
        return None
    if isinstance(doc.get("openapi"), str) or _asyncapi(doc):
        components = doc.get("components")
        found = components.get("schemas") if isinstance(components, dict) else None
        return ("#/components/schemas/", found) if isinstance(found, dict) else None
    if isinstance(doc.get("swagger"), str):
        found = doc.get("definitions")
        return ("#/definitions/", found) if isinstance(found, dict) else None
    return None


def _asyncapi(doc: dict[str, Any]) -> bool:
    return isinstance(doc.get("asyncapi"), str)


def looks_like_openapi(doc: Any) -> bool:
    """Whether a parsed document is an OpenAPI or Swagger description with named schemas or
    operations, or an AsyncAPI description with named schemas, messages or channels."""
    if named_schemas(doc) is not None:
        return True
    if isinstance(doc, dict) and _asyncapi(doc):
        components = doc.get("components")
        messages = components.get("messages") if isinstance(components, dict) else None
        return any(isinstance(part, dict) and part for part in (messages, doc.get("channels")))
    return (
        isinstance(doc, dict)
        and isinstance(doc.get("openapi", doc.get("swagger")), str)
        and any(isinstance(doc.get(key), dict) and doc[key] for key in ("paths", "webhooks"))
    )


def read_yaml_schema(
    text: str, path: str, stem: str, problems: Problems, schemas: SchemaIndex | None = None
) -> list[Dataset]:
    """An OpenAPI or Swagger document written in YAML, or a JSON Schema written in YAML; each
    field gets the line its name is written on (``positioned``)."""
    import re

    from dataflow.readers.dbt import load
    from dataflow.readers.jsonschema import read_jsonschema

    api = re.search(r"(?m)^[\"']?(openapi|swagger|asyncapi)[\"']?\s*:", text)
    what = "yamlschema" if api is None else "asyncapi" if api[1] == "asyncapi" else "openapi"
    loaded = load(path, text, problems, what)
    if loaded is None:
        return []
    data = positioned(loaded, text)
    if not looks_like_openapi(data):
        return read_jsonschema(data, text, path, stem, problems, schemas)
    prefix = "definitions" if "swagger" in data else "components.schemas"
    return read_openapi(
        data,
        text,
        path,
        problems,
        schemas,
        lambda name: loaded.line(f"{prefix}.{name}"),
        loaded.line,
    )


def positioned(loaded: YamlDoc, text: str) -> Any:
    """The data of a YAML document with each mapping a ``PosDict`` at the start of the line
    of its key (of its first line for the root and list items), so a field read from it gets
    the line its name is written on, as in a JSON file."""
    index = LineIndex(text)

    def build(node: Any, key_path: str) -> Any:
        if isinstance(node, dict):
            out = PosDict(
                (key, build(value, join_key(key_path, key))) for key, value in node.items()
            )
            line = loaded.lines.get(key_path)
            if line is not None:
                out.pos = index.offset(line)
            return out
        if isinstance(node, list):
            return [build(item, join_key(key_path, i)) for i, item in enumerate(node)]
        return node

    return build(loaded.data, "")


def read_openapi(
    doc: Any,
    text: str,
    path: str,
    problems: Problems,
    schemas: SchemaIndex | None = None,
    key_line: Callable[[str], int | None] | None = None,
    line_at: Callable[[str], int | None] | None = None,
) -> list[Dataset]:
    """One dataset per named schema of an OpenAPI or Swagger document, then one per schema an
    operation writes inline (``read_operations``); ``key_line`` gives the line of a schema by
    name and ``line_at`` the line of a key path (``paths./users.post``) where the parsed nodes
    carry none (YAML)."""
    found = named_schemas(doc)
    datasets: list[Dataset] = []
    if found is not None:
        prefix, named = found
        datasets = read_named(doc, prefix, named, text, path, problems, schemas, key_line)
    total = sum(len(d.fields) for d in datasets)
    uses: dict[str, tuple[str, ...]] = {}
    if total < MAX_FIELDS:
        datasets.extend(read_operations(doc, text, path, problems, schemas, line_at, total, uses))
    if isinstance(doc, dict) and not _asyncapi(doc):
        purpose, end_user = api_purpose(doc), end_user_security(doc)
        datasets = [
            replace(ds, api=ApiContext(purpose, end_user, uses.get(ds.name, ()))) for ds in datasets
        ]
    total = sum(len(d.fields) for d in datasets)
    if total < MAX_FIELDS and isinstance(doc, dict) and _asyncapi(doc):
        datasets.extend(read_messages(doc, text, path, problems, schemas, line_at, total))
    if not datasets:
        problems.warn(msg("p.openapi_no_fields"))
    return datasets


def read_named(
    doc: Any,
    prefix: str,
    named: dict[str, Any],
    text: str,
    path: str,
    problems: Problems,
    schemas: SchemaIndex | None = None,
    key_line: Callable[[str], int | None] | None = None,
) -> list[Dataset]:
    """One dataset per schema of ``named`` (the schemas under ``prefix`` of ``doc``, which
    name each other with ``$ref``)."""
    from dataflow.readers.jsonschema import Walker, schema_comment

    index = LineIndex(text)
    base = ""
    if schemas:
        from pathlib import Path

        base = schemas.base_of(Path(path), doc)
    datasets: list[Dataset] = []
    total = 0
    recursive: dict[int, bool] = {}  # the named schemas that reach themselves, by id
    for name, schema in named.items():
        line = line_of(schema, index) or (key_line(str(name)) if key_line else None) or 1
        walker = Walker(doc, str(name), index, problems, schemas, base, recursive)
        pointer = prefix + str(name).replace("~", "~0").replace("/", "~1")
        walker.walk(schema, "", line, None, (pointer,), 0)
        walker.finish()
        total += len(walker.fields)
        datasets.append(
            Dataset(
                name=str(name),
                source_path=path,
                source_format="jsonschema",
                fields=tuple(walker.fields.values()),
                comment=schema_comment(schema),
                line=line,
            )
        )
        if total >= MAX_FIELDS:
            problems.warn(msg("p.too_many_fields", max=MAX_FIELDS))
            break
    return datasets


#: How much of an API's title and description its datasets carry as its purpose.
_PURPOSE_CHARS = 2000
#: The most path parameters one schema carries (the operations that use it, in order).
_MAX_PATH_PARAMS = 4
#: OAuth 2 flows in which a person signs in and the API acts for them (OpenAPI 3 ``flows``
#: keys, Swagger 2 ``flow`` values); ``clientCredentials``/``application`` is a machine's.
_USER_FLOWS = frozenset({"authorizationCode", "implicit", "password", "accessCode"})
_MACHINE_FLOWS = frozenset({"clientCredentials", "application"})


def api_purpose(doc: dict[str, Any]) -> str | None:
    """The title and the start of the description of an API (``info``): what it is for."""
    info = doc.get("info")
    if not isinstance(info, dict):
        return None
    parts = [
        " ".join(text.split())
        for key in ("title", "description")
        if isinstance(text := info.get(key), str) and text.strip()
    ]
    return ". ".join(parts)[:_PURPOSE_CHARS] or None


def _scheme_end_user(name: str, scheme: Any) -> bool | None:
    """Whether one security scheme carries a person's sign-in (``True``), only a machine's
    credentials (``False``), or cannot tell (``None``: an HTTP bearer token, a scheme in
    another file whose name does not say)."""
    if not isinstance(scheme, dict) or "$ref" in scheme:
        # a scheme kept in another file: its name may still say it is OpenID Connect
        return True if re.search(r"open[-_ ]?id", name, re.IGNORECASE) else None
    kind = str(scheme.get("type", "")).lower()
    if kind == "openidconnect":
        return True
    if kind == "oauth2":
        flows = scheme.get("flows")
        names = set(flows) if isinstance(flows, dict) else {str(scheme.get("flow", ""))}
        if names & _USER_FLOWS:
            return True
        return False if names and names <= _MACHINE_FLOWS else None
    if kind in ("apikey", "mutualtls") or (
        kind == "http" and str(scheme.get("scheme", "")).lower() == "basic"
    ):
        return False
    return None


def end_user_security(doc: dict[str, Any]) -> bool | None:
    """Whether an API description's security schemes (``components.securitySchemes``,
    Swagger 2's ``securityDefinitions``) let a signed-in person call it (``True``), only
    machines (``False``), or say neither (``None``, also when none is declared)."""
    components = doc.get("components")
    found = components.get("securitySchemes") if isinstance(components, dict) else None
    if not isinstance(found, dict):
        found = doc.get("securityDefinitions")
    if not isinstance(found, dict) or not found:
        return None
    verdicts = [_scheme_end_user(str(name), scheme) for name, scheme in found.items()]
    if any(v is True for v in verdicts):
        return True
    return False if verdicts and all(v is False for v in verdicts) else None


def _schema_refs(schema: Any, prefix: str, depth: int = 0) -> list[str]:
    """The named schemas (under ``prefix``, ``#/components/schemas/``) a request or response
    schema names: its ``$ref``, its items', its combined members', its properties' (one level)."""
    if not isinstance(schema, dict) or depth > 2:
        return []
    ref = schema.get("$ref")
    if isinstance(ref, str):
        return [pointer_tail(ref)] if ref.startswith(prefix) else []
    out = _schema_refs(schema.get("items"), prefix, depth + 1)
    for key in ("allOf", "oneOf", "anyOf"):
        members = schema.get(key)
        for member in members if isinstance(members, list) else ():
            out.extend(_schema_refs(member, prefix, depth + 1))
    props = schema.get("properties")
    for member in props.values() if isinstance(props, dict) and depth == 0 else ():
        out.extend(_schema_refs(member, prefix, depth + 1))
    return out


_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_PATH_PARAM = re.compile(r"\{([^{}/]+)\}")
#: Path parameter names that say only that they are a key (`{id}`), not of what: the literal
#: segment before them names the collection (`/users/{id}`).
_BARE_KEYS = frozenset({"id", "_id", "uuid", "guid", "key", "pk", "identifier"})


def route_params(route: str) -> tuple[str, ...]:
    """The path parameters of ``route``, in order: a bare key (`{id}`) with the collection
    segment before it (`users/{id}`), so that it says whose key it is; other names as written."""
    out: list[str] = []
    previous = ""
    for segment in route.split("/"):
        names = _PATH_PARAM.findall(segment)
        for name in names:
            bare = name.strip().lower() in _BARE_KEYS and previous and segment == f"{{{name}}}"
            out.append(f"{previous}/{{{name}}}" if bare else name)
        previous = "" if names else segment
    return tuple(dict.fromkeys(out))


# The keys of a Swagger 2 parameter that describe its value as a schema would.
_PARAMETER_SCHEMA_KEYS = (
    "type", "format", "items", "enum", "description", "default", "pattern", "minimum",
    "maximum", "maxLength", "minLength", "collectionFormat",
)  # fmt: skip


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _only_refers(schema: Any) -> bool:
    """Whether ``schema`` only names other schemas: a ``$ref``, an array of one, or a
    combination of them (such a body is read as the named schema)."""
    if not isinstance(schema, dict):
        return False
    if isinstance(schema.get("$ref"), str):
        return True
    items = schema.get("items")
    if schema.get("type") == "array" and "properties" not in schema and items is not None:
        return _only_refers(items)
    for key in ("allOf", "oneOf", "anyOf"):
        members = schema.get(key)
        if isinstance(members, list) and members and "properties" not in schema:
            return all(_only_refers(m) for m in members)
    return False


def _file_refs(schema: Any) -> list[str]:
    """The ``$ref`` values naming another file in a schema that only names schemas
    (``_only_refers``)."""
    if not isinstance(schema, dict):
        return []
    ref = schema.get("$ref")
    if isinstance(ref, str):
        return [] if ref.startswith("#") else [ref]
    out = _file_refs(schema.get("items"))
    for key in ("allOf", "oneOf", "anyOf"):
        members = schema.get(key)
        for member in members if isinstance(members, list) else ():
            out.extend(_file_refs(member))
    return out


def _scanned_target(
    schemas: SchemaIndex | None, base: str, ref: str, doc: Any
) -> tuple[str, Any, Path] | None:
    """The URI (with its fragment), document and file of the scanned file ``ref`` names,
    resolved as the JSON Schema reader resolves it; ``None`` for a file the scan does not
    hold (outside the scanned folders, or on the network: dataflow never fetches one)."""
    if not schemas:
        return None
    uri = urljoin(base, ref)
    found = schemas.document(uri)
    if found is not None:
        return uri, found[0], found[1]
    return schemas.declared(ref, doc)


def _read_alone(doc: Any, file: Path, schemas: SchemaIndex | None) -> bool:
    """Whether the scanned file ``file`` (parsed: ``doc``) is read as datasets of its own: an
    API description, named schemas, or a JSON Schema with fields at its root. Not one schema
    of a split API description nor a library of definitions that files name (those are read
    through the references naming them), nor a file not read as a schema at all."""
    from dataflow.readers.jsonschema import (
        looks_like_jsonschema,
        looks_like_schema_document,
        looks_like_schema_part,
        named_object_schemas,
    )

    if looks_like_openapi(doc) or named_object_schemas(doc) is not None:
        return True
    if file.suffix.lower() in (".yaml", ".yml"):
        if looks_like_schema_part(doc) or not looks_like_schema_document(doc):
            return False
    elif not looks_like_jsonschema(doc):
        return False
    shaped = any(key in doc for key in ("properties", "items", "allOf", "anyOf", "oneOf", "$ref"))
    libraried = any(isinstance(doc.get(k), dict) and doc[k] for k in ("definitions", "$defs"))
    return shaped or not libraried or not (schemas and schemas.referenced(file))


def _named_files(doc: Any, base: str) -> set[str]:
    """The URIs of the other files the named schemas of ``doc`` are (``Member: $ref:
    parts/Member.yaml``): read as those named schemas already."""
    found = named_schemas(doc)
    out: set[str] = set()
    for schema in found[1].values() if found is not None else ():
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        if isinstance(ref, str) and not ref.startswith("#"):
            out.add(urljoin(base, ref))
    return out


class _Operations:
    """The inline schemas of the operations of one document, read as datasets."""

    def __init__(
        self,
        doc: dict[str, Any],
        text: str,
        path: str,
        problems: Problems,
        schemas: SchemaIndex | None,
        line_at: Callable[[str], int | None] | None,
        total: int,
    ) -> None:
        self.doc = doc
        self.path = path
        self.problems = problems
        self.schemas = schemas
        self.line_at = line_at
        self.index = LineIndex(text)
        self.base = ""
        if schemas:
            self.base = schemas.base_of(Path(path), doc)
        self.total = total
        self.datasets: list[Dataset] = []
        self.names: set[str] = set()
        self.read: set[int] = set()  # the schema nodes read (a component used twice: once)
        self.files = _named_files(doc, self.base)  # the other files' schemas read (URIs)
        self.recursive: dict[int, bool] = {}  # the named schemas that reach themselves, by id
        # the path parameters of the operations that use each dataset and named schema
        self.uses: dict[str, tuple[str, ...]] = {}
        self.path_params: tuple[str, ...] = ()  # those of the operation being read
        found = named_schemas(doc)
        self.prefix = found[0] if found is not None else "#/components/schemas/"

    def used(self, name: str, params: tuple[str, ...] | None = None) -> None:
        """Note that the operation being read sends or returns ``name`` (a dataset or a named
        schema), with the path parameters it names its resource by."""
        params = self.path_params if params is None else params
        if params:
            have = self.uses.get(name, ())
            self.uses[name] = tuple(dict.fromkeys((*have, *params)))[:_MAX_PATH_PARAMS]

    def full(self) -> bool:
        return self.total >= MAX_FIELDS

    def _local(self, node: Any) -> Any:
        """``node``, or what its ``$ref`` names within the document (a request body, response
        or parameter of the components); ``None`` for a reference that names nothing here."""
        return self._named(node)[0]

    def _named(self, node: Any) -> tuple[Any, str | None]:
        """``_local(node)`` and the name of the component its ``$ref`` names (None when it is
        written in place)."""
        seen, name = 0, None
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and seen < 8:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                return None, None
            name = pointer_tail(ref)
            target: Any = self.doc
            for part in ref[2:].split("/"):
                part = part.replace("~1", "/").replace("~0", "~")
                target = target.get(part) if isinstance(target, dict) else None
            node, seen = target, seen + 1
        return node, name

    def _line(self, node: Any, key_path: str) -> int:
        return line_of(node, self.index) or (self.line_at(key_path) if self.line_at else None) or 1

    def _add(
        self, name: str, walk: Callable[[Any], None], node: Any, key_path: str, comment: Any
    ) -> None:
        """Read one dataset named ``name``: ``walk`` feeds its fields to the walker."""
        from dataflow.readers.jsonschema import Walker

        if self.full():
            return
        base, n = name, 2
        while name in self.names:
            name, n = f"{base} ({n})", n + 1
        walker = Walker(
            self.doc, name, self.index, self.problems, self.schemas, self.base, self.recursive
        )
        walk(walker)
        walker.finish()
        if not walker.fields:
            return
        self.names.add(name)
        self.used(name)
        self.total += len(walker.fields)
        text = comment.strip() if isinstance(comment, str) and comment.strip() else None
        self.datasets.append(
            Dataset(
                name=name,
                source_path=self.path,
                source_format="jsonschema",
                fields=tuple(walker.fields.values()),
                comment=text,
                line=self._line(node, key_path),
            )
        )
        if self.full():
            self.problems.warn(msg("p.too_many_fields", max=MAX_FIELDS))

    def _schema(
        self, name: str, schema: Any, pointer: str, key_path: str, comment: Any = None
    ) -> None:
        """Read ``schema`` (at JSON pointer ``pointer``) as the dataset ``name``, unless it
        only names other schemas or was read already."""
        from dataflow.readers.jsonschema import schema_comment

        for named in _schema_refs(schema, self.prefix):
            self.used(named)
        if not isinstance(schema, dict) or id(schema) in self.read:
            return
        if _only_refers(schema):
            for ref in _file_refs(schema):
                self._other_file(name, ref, schema, key_path, comment)
            return
        self.read.add(id(schema))
        line = self._line(schema, key_path)

        def walk(walker: Any) -> None:
            walker.walk(schema, "", line, None, (pointer,), 0)

        self._add(name, walk, schema, key_path, schema_comment(schema) or comment)

    def _other_file(self, name: str, ref: str, node: Any, key_path: str, comment: Any) -> None:
        """The schema of another file a body names (``$ref: components/schemas/Patient.yaml``,
        with or without a ``#/…`` fragment): a dataset named after it (its fragment's last
        part, else its ``title`` or file stem), read once however many bodies name it, and not
        when its file is read as datasets of its own (``_read_alone``). A reference that no
        scanned file answers leaves ``name`` a dataset without fields, with a warning."""
        from dataflow.readers.jsonschema import dataset_name

        found = _scanned_target(self.schemas, self.base, ref, self.doc)
        if found is None:
            self._unread(name, ref, node, key_path, comment)
            return
        uri, doc, file = found
        if uri in self.files or _read_alone(doc, file, self.schemas):
            return
        self.files.add(uri)
        shown = pointer_tail(urldefrag(uri)[1].rstrip("/")) or dataset_name(doc, file.stem)
        line = self._line(node, key_path)

        def walk(walker: Any) -> None:
            walker.walk({"$ref": ref}, "", line, None, (), 0)

        self._add(shown, walk, node, key_path, comment)

    def _unread(self, name: str, ref: str, node: Any, key_path: str, comment: Any) -> None:
        """``name``, a body whose schema is in a file the scan does not hold: reported as a
        dataset without fields, with a warning naming the reference."""
        from dataflow.detect.names import scrub

        line = self._line(node, key_path)
        self.problems.warn(msg("p.openapi_ref_unread", ref=scrub(ref)), line)
        if self.full() or name in self.names:
            return
        self.names.add(name)
        text = comment.strip() if isinstance(comment, str) and comment.strip() else None
        self.datasets.append(
            Dataset(
                name=name,
                source_path=self.path,
                source_format="jsonschema",
                fields=(),
                comment=text,
                line=line,
            )
        )

    def _content(self, name: str, holder: Any, pointer: str, key_path: str) -> None:
        """The schemas of the media types of a request body or response (OpenAPI 3)."""
        content = holder.get("content") if isinstance(holder, dict) else None
        if not isinstance(content, dict):
            return
        first: Any = None
        for media, entry in content.items():
            schema = entry.get("schema") if isinstance(entry, dict) else None
            if not isinstance(schema, dict):
                continue
            if first is not None and schema == first:
                continue  # the same shape again (JSON and XML of one body)
            shown = name if first is None else f"{name} {media}"
            first = schema if first is None else first
            self._schema(
                shown,
                schema,
                f"{pointer}/content/{_escape(str(media))}/schema",
                f"{key_path}.content.{media}.schema",
                holder.get("description"),
            )

    def operation(
        self, route: str, method: str, op: dict[str, Any], shared: list[Any], under: str = "paths"
    ) -> None:
        """The inline schemas of one operation; ``shared``: the parameters of its path;
        ``under``: ``paths``, or ``webhooks`` for a webhook named ``route``."""
        op_id = op.get("operationId")
        name = op_id.strip() if isinstance(op_id, str) and op_id.strip() else None
        name = name or f"{method.upper()} {route}"
        pointer = f"#/{under}/{_escape(route)}/{method}"
        key_path = f"{under}.{route}.{method}"
        summary = op.get("summary") or op.get("description")
        # the parameters the path names its resource by (`/individuals/{nino}/accounts`)
        self.path_params = route_params(route)
        body, component = self._named(op.get("requestBody"))
        if isinstance(body, dict):
            self._content(
                f"{component or name} request",
                body,
                f"{pointer}/requestBody",
                f"{key_path}.requestBody",
            )
        params: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        own = op.get("parameters")
        for where, listed in (("path", shared), ("op", own if isinstance(own, list) else [])):
            for i, raw in enumerate(listed):
                param = self._local(raw)
                if not isinstance(param, dict) or not isinstance(param.get("name"), str):
                    continue
                at = (
                    f"{under}.{route}.parameters[{i}]"
                    if where == "path"
                    else f"{key_path}.parameters[{i}]"
                )
                params[(param["name"], str(param.get("in")))] = (param, at)
        plain: list[tuple[dict[str, Any], str]] = []
        for param, at in params.values():
            if param.get("in") == "body":  # Swagger 2: the request body
                self._schema(
                    f"{name} request", param.get("schema"), pointer, at, param.get("description")
                )
            else:
                plain.append((param, at))
        if plain:
            self._parameters(f"{name} parameters", plain, op, pointer, key_path, summary)
        responses = op.get("responses")
        in_path = self.path_params
        for code, raw in responses.items() if isinstance(responses, dict) else ():
            response, component = self._named(raw)
            if not isinstance(response, dict):
                continue
            # an error reply (4xx, 5xx, default) reports the failed call, not the resource
            self.path_params = in_path if str(code)[:1] in ("1", "2", "3") else ()
            shown = f"{component} response" if component else f"{name} response {code}"
            at = f"{key_path}.responses.{code}"
            where = f"{pointer}/responses/{_escape(str(code))}"
            if "schema" in response:  # Swagger 2
                self._schema(
                    shown,
                    response["schema"],
                    f"{where}/schema",
                    f"{at}.schema",
                    response.get("description"),
                )
            else:
                self._content(shown, response, where, at)

    def _parameters(
        self,
        name: str,
        params: list[tuple[dict[str, Any], str]],
        op: dict[str, Any],
        pointer: str,
        key_path: str,
        summary: Any,
    ) -> None:
        """The query, path, header, cookie and form parameters of an operation: a field each."""

        def walk(walker: Any) -> None:
            for param, at in params:
                schema = param.get("schema")
                if not isinstance(schema, dict):  # Swagger 2: the parameter describes itself
                    schema = {k: param[k] for k in _PARAMETER_SCHEMA_KEYS if k in param}
                line = self._line(param, at)
                comment = param.get("description")
                text = comment.strip() if isinstance(comment, str) and comment.strip() else None
                at_top = f"{walker.dataset}.{param['name']}"
                new = at_top not in walker.fields  # a name two parameters share: the first's
                walker.walk(schema, param["name"], line, text, (f"{pointer}/parameters",), 0)
                where = param.get("in")
                top = walker.fields.get(at_top)
                if new and isinstance(where, str) and top is not None:
                    walker.fields[at_top] = replace(top, location=where)  # where a request has it

        self._add(name, walk, op, key_path, summary)


def read_operations(
    doc: Any,
    text: str,
    path: str,
    problems: Problems,
    schemas: SchemaIndex | None = None,
    line_at: Callable[[str], int | None] | None = None,
    total: int = 0,
    uses: dict[str, tuple[str, ...]] | None = None,
) -> list[Dataset]:
    """The datasets of the schemas the operations of an OpenAPI or Swagger document write
    inline (see the module docstring for their names); ``total``: the fields read so far;
    ``uses`` gets the path parameters of the operations using each dataset and named schema."""
    if not isinstance(doc, dict):
        return []
    ops = _Operations(doc, text, path, problems, schemas, line_at, total)
    for key in ("paths", "webhooks"):  # OpenAPI 3.1 webhooks: operations by webhook name
        paths = doc.get(key)
        for route, item in paths.items() if isinstance(paths, dict) else ():
            if not isinstance(item, dict):
                continue
            shared = item.get("parameters")
            for method in _METHODS:
                op = item.get(method)
                if isinstance(op, dict) and not ops.full():
                    listed = shared if isinstance(shared, list) else []
                    ops.operation(str(route), method, op, listed, key)
    if uses is not None:
        uses.update(ops.uses)
    return ops.datasets


# --- AsyncAPI messages ----------------------------------------------------------------------

_ASYNC_OPERATIONS = ("publish", "subscribe")


def read_messages(
    doc: dict[str, Any],
    text: str,
    path: str,
    problems: Problems,
    schemas: SchemaIndex | None = None,
    line_at: Callable[[str], int | None] | None = None,
    total: int = 0,
) -> list[Dataset]:
    """The datasets of the messages of an AsyncAPI description (2.x and 3.x).

    Each message's ``payload`` is a dataset named after the message (its key under
    ``components.messages``, else its ``name``, ``messageId`` or ``title``, else its channel
    and operation), and its ``headers`` one named ``<message> headers``. A payload that only
    names a named schema is read as that schema; a message named by several channels is read
    once. A payload in Avro (``schemaFormat: application/vnd.apache.avro…``) is read by the
    Avro reader: each record in it is a dataset.
    """
    ops = _Operations(doc, text, path, problems, schemas, line_at, total)
    avro: list[Dataset] = []
    seen: set[int] = set()

    def message(name: str, raw: Any, pointer: str, key_path: str) -> None:
        node, component = ops._named(raw)
        if not isinstance(node, dict) or id(node) in seen or ops.full():
            return
        seen.add(id(node))
        if component:
            pointer = f"#/components/messages/{_escape(component)}"
            key_path = f"components.messages.{component}"
        for key in ("name", "messageId", "title"):
            own = node.get(key)
            if not component and isinstance(own, str) and own.strip():
                name = own.strip()
                break
        name = component or name
        comment = node.get("summary") or node.get("description")
        payload, fmt = node.get("payload"), node.get("schemaFormat")
        if isinstance(payload, dict) and isinstance(payload.get("schemaFormat"), str):
            # AsyncAPI 3: a multi-format schema object, its format beside its schema
            fmt, payload = payload["schemaFormat"], payload.get("schema")
        if isinstance(fmt, str) and "avro" in fmt.lower():
            from dataflow.readers.avro import read_avro

            if isinstance(payload, (dict, list)) and not _only_refers(payload):
                avro.extend(read_avro(payload, text, path, problems))
        elif isinstance(payload, dict):
            ops._schema(name, payload, f"{pointer}/payload", f"{key_path}.payload", comment)
        headers = node.get("headers")
        if isinstance(headers, dict):
            ops._schema(
                f"{name} headers", headers, f"{pointer}/headers", f"{key_path}.headers", comment
            )

    components = doc.get("components")
    messages = components.get("messages") if isinstance(components, dict) else None
    for name, raw in messages.items() if isinstance(messages, dict) else ():
        message(
            str(name),
            raw,
            f"#/components/messages/{_escape(str(name))}",
            f"components.messages.{name}",
        )
    channels = doc.get("channels")
    for channel, item in channels.items() if isinstance(channels, dict) else ():
        if not isinstance(item, dict):
            continue
        where, at = f"#/channels/{_escape(str(channel))}", f"channels.{channel}"
        for op in _ASYNC_OPERATIONS:  # AsyncAPI 2: one message, or oneOf several
            entry = item.get(op)
            held = entry.get("message") if isinstance(entry, dict) else None
            listed = held.get("oneOf") if isinstance(held, dict) else None
            for i, raw in enumerate(listed if isinstance(listed, list) else [held]):
                suffix = f"/oneOf/{i}" if isinstance(listed, list) else ""
                message(f"{channel} {op}", raw, f"{where}/{op}/message{suffix}", f"{at}.{op}")
        own = item.get("messages")  # AsyncAPI 3: the channel's messages by name
        for key, raw in own.items() if isinstance(own, dict) else ():
            message(str(key), raw, f"{where}/messages/{_escape(str(key))}", f"{at}.messages")
    return [*ops.datasets, *avro]
