"""OpenAPI (3.x) and Swagger (2.0) documents: each named schema is a dataset.

An API description keeps the shapes of its requests and responses under
``components.schemas`` (OpenAPI 3) or ``definitions`` (Swagger 2), and they refer to each
other with ``$ref`` (``#/components/schemas/Pet``). Each named schema is read as a JSON
Schema (``readers.jsonschema``) against the whole document, so those references resolve;
OpenAPI's ``nullable: true`` makes a field nullable. Schemas written inline in paths,
parameters and responses are not read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from dataflow.i18n import msg
from dataflow.model import Dataset
from dataflow.readers._common import MAX_FIELDS, LineIndex, Problems
from dataflow.readers._json import line_of

if TYPE_CHECKING:
    from dataflow.readers.schemarefs import SchemaIndex


def named_schemas(doc: Any) -> tuple[str, dict[str, Any]] | None:
    """The JSON pointer of the named schemas of an OpenAPI or Swagger document and the
    schemas by name; ``None`` when ``doc`` is not such a document."""
    if not isinstance(doc, dict):
        return None
    if isinstance(doc.get("openapi"), str):
        components = doc.get("components")
        found = components.get("schemas") if isinstance(components, dict) else None
        return ("#/components/schemas/", found) if isinstance(found, dict) else None
    if isinstance(doc.get("swagger"), str):
        found = doc.get("definitions")
        return ("#/definitions/", found) if isinstance(found, dict) else None
    return None


def looks_like_openapi(doc: Any) -> bool:
    """Whether a parsed document is an OpenAPI or Swagger description with named schemas."""
    return named_schemas(doc) is not None


def read_yaml_schema(
    text: str, path: str, stem: str, problems: Problems, schemas: SchemaIndex | None = None
) -> list[Dataset]:
    """An OpenAPI or Swagger document written in YAML (its fields get the line of their
    schema's name), or with ``--schema-format jsonschema`` a JSON Schema written in YAML."""
    from dataflow.readers.dbt import load
    from dataflow.readers.jsonschema import read_jsonschema

    loaded = load(path, text, problems, "openapi")
    if loaded is None:
        return []
    if not looks_like_openapi(loaded.data):
        return read_jsonschema(loaded.data, text, path, stem, problems, schemas)
    prefix = "components.schemas" if "openapi" in loaded.data else "definitions"
    return read_openapi(
        loaded.data, text, path, problems, schemas, lambda name: loaded.line(f"{prefix}.{name}")
    )


def read_openapi(
    doc: Any,
    text: str,
    path: str,
    problems: Problems,
    schemas: SchemaIndex | None = None,
    key_line: Callable[[str], int | None] | None = None,
) -> list[Dataset]:
    """One dataset per named schema of an OpenAPI or Swagger document; ``key_line`` gives
    the line of a schema by name where the parsed nodes carry none (YAML)."""
    found = named_schemas(doc)
    if found is None:
        return []
    prefix, named = found
    return read_named(doc, prefix, named, text, path, problems, schemas, key_line)


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
    for name, schema in named.items():
        line = line_of(schema, index) or (key_line(str(name)) if key_line else None) or 1
        walker = Walker(doc, str(name), index, problems, schemas, base)
        pointer = prefix + str(name).replace("~", "~0").replace("/", "~1")
        walker.walk(schema, "", line, None, (pointer,), 0)
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
