"""Which format a file is: by extension and, for ``.json``, ``.avro``, ``.yml``/``.yaml``,
``.xml`` and unknown extensions, by content (a YAML file is a dbt schema file, an OpenAPI
description, a JSON Schema written in YAML, a Liquibase changelog, or none of them; an XML file
is read only when it is a Liquibase changelog); dataflow's own YAML files are ``IGNORED``, and so are Markdown
files holding dbt docs blocks (the dbt reader reads them for the descriptions they hold).
"""

from __future__ import annotations

from pathlib import Path

from dataflow.i18n import msg
from dataflow.readers import registry
from dataflow.readers._common import MAX_SCHEMA_BYTES, Problems, read_limited
from dataflow.readers.encoding import decode_text

# ``ReadResult.format`` for dataflow's own YAML files (skipped silently) and unreadable files.
IGNORED = "ignored"
UNKNOWN = "unknown"
# ``ReadResult.format`` of a dbt project file (``dbt_project.yml``, ``packages.yml``…): listed
# with a note that it holds no dataset.
PROJECT = "project"
PROJECT_NOTE = msg("p.project_file")
# dbt's project files by name, with a top-level key one of them must hold (any, for
# ``dbt_project.yml``, whose name is dbt's alone).
_PROJECT_FILES = {
    "dbt_project.yml": (),
    "dbt_project.yaml": (),
    "packages.yml": ("packages",),
    "packages.yaml": ("packages",),
    "dependencies.yml": ("packages", "projects"),
    "selectors.yml": ("selectors",),
    "profiles.yml": ("config",),  # or a profile holding ``outputs``
}

_OWN_FILES = {
    "dataflow.yaml",
    "dataflow.yml",
    ".dataflow.yaml",
    ".dataflow.yml",
    ".dataflow-baseline.yaml",
    ".dataflow-baseline.yml",
    ".pre-commit-hooks.yaml",
    ".pre-commit-config.yaml",
}
# Top-level keys of dataflow's own YAML formats (beside ``schema_version``): catalogs, negative
# lists, rule packs. A folder of schemas may hold them; they are not schemas.
_OWN_YAML_KEYS = frozenset({"elements", "categories", "escalations", "list", "entries", "pack"})
NOT_READ = msg("p.not_read")


# --- format detection ------------------------------------------------------------------------


def _head(path: Path, size: int = 64 * 1024) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def _dbt_text(text: str) -> bool:
    import re

    return re.search(r"(?m)^(models|sources|seeds|snapshots)\s*:", text) is not None


def _schema_text(text: str) -> bool:
    """Whether YAML text that does not parse starts as a JSON Schema or an API description
    (a top-level ``$schema`` naming a JSON Schema draft, ``openapi:``, ``swagger:`` or
    ``asyncapi:``): the schema reader then reports where the YAML is broken."""
    import re

    return (
        re.search(r"(?m)^(\$schema\s*:.*json-schema\.org|(openapi|swagger|asyncapi)\s*:)", text)
        is not None
    )


def detect_format(path: Path) -> str | None:
    """The format of ``path`` by extension and content; ``"ignored"`` for dataflow's own
    YAML files; ``None`` when dataflow does not read it."""
    name = path.name.lower()
    if name in _OWN_FILES:
        return IGNORED
    suffix = path.suffix.lower()
    shipped = registry.by_suffix(suffix)
    if shipped is not None:
        return shipped
    head = _head(path)
    if suffix == ".md":
        from dataflow.readers.dbtdocs import holds_blocks

        if holds_blocks(head):
            return IGNORED  # dbt docs blocks: read by the dbt reader
    if head.startswith(b"PAR1"):
        return "parquet"
    if suffix in (".json", ".avro"):
        if suffix == ".avro" and head.startswith(b"Obj\x01"):
            return None  # an Avro data container, not a schema
        return _json_kind(path, head, suffix)
    if suffix in (".yml", ".yaml"):
        return _yaml_kind(path)
    if suffix == ".xml":
        from dataflow.readers.liquibase import looks_like_xml_changelog

        return "liquibase" if looks_like_xml_changelog(head) else None
    return registry.by_suffix(suffix, added=True) if suffix else None


def _json_kind(path: Path, head: bytes, suffix: str) -> str | None:
    import json

    from dataflow.readers._json import parse_int

    text_head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text_head:
        return "jsonschema" if suffix == ".json" else None  # empty: the reader reports it
    from dataflow.readers.jsondata import WHOLE_JSON_BYTES

    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size > WHOLE_JSON_BYTES:  # too big to parse just to look: data, by its first byte
        if text_head.startswith(b"["):
            return "json"
        return "jsonl" if text_head.startswith(b"{") else None
    problems = Problems(str(path))
    data = read_limited(path, MAX_SCHEMA_BYTES, problems, "JSON")
    if data is None:
        return None
    text, _, _ = decode_text(data)
    if text is None:
        return "jsonschema" if suffix == ".json" else None
    try:
        doc = json.loads(text, parse_int=parse_int)
    except RecursionError:
        # too deep to tell: an array is data, an object goes to the schema reader (both
        # readers then report the nesting without calling it a schema)
        return (
            "json" if text_head.startswith(b"[") else ("jsonschema" if suffix == ".json" else None)
        )
    except json.JSONDecodeError as exc:
        first = text.strip().split("\n", 1)[0]
        if isinstance(exc, json.JSONDecodeError) and exc.msg == "Extra data":
            try:
                if isinstance(json.loads(first, parse_int=parse_int), dict):
                    return "jsonl"
            except (json.JSONDecodeError, RecursionError):
                pass
        return "jsonschema" if suffix == ".json" else None  # the reader reports the error
    from dataflow.readers.avro import looks_like_avro
    from dataflow.readers.jsonschema import looks_like_jsonschema
    from dataflow.readers.liquibase import looks_like_changelog

    if looks_like_changelog(doc):
        return "liquibase"
    if looks_like_avro(doc):
        return "avro"
    if looks_like_jsonschema(doc):
        return "jsonschema"
    if isinstance(doc, list) and any(isinstance(item, dict) for item in doc):
        return "json"
    return None


def _project_file(name: str, doc: object) -> bool:
    """Whether a YAML file is one of dbt's project files (by its name and a key it holds)."""
    keys = _PROJECT_FILES.get(name)
    if keys is None or not isinstance(doc, dict):
        return False
    if not keys or any(key in doc for key in keys):
        return True
    return name == "profiles.yml" and any(
        isinstance(v, dict) and "outputs" in v for v in doc.values()
    )


def _yaml_kind(path: Path) -> str | None:
    problems = Problems(str(path))
    data = read_limited(path, MAX_SCHEMA_BYTES, problems, "YAML")
    if data is None:
        return None
    text, _, _ = decode_text(data)
    if text is None:
        return None
    from dataflow.errors import UserError
    from dataflow.readers.dbt import looks_like_dbt
    from dataflow.yamlio import load_yaml

    try:
        doc = load_yaml(path, text=text).data
    except (UserError, RecursionError):
        if _PROJECT_FILES.get(path.name.lower()) == ():
            return PROJECT  # dbt_project.yml: a project file whatever it holds
        if _dbt_text(text):
            return "dbt"
        return "jsonschema" if _schema_text(text) else None
    if isinstance(doc, dict) and (
        "transfer" in doc or ("schema_version" in doc and _OWN_YAML_KEYS.intersection(doc))
    ):
        return IGNORED  # a manifest, catalog, negative list or rule pack of dataflow's own
    if _project_file(path.name.lower(), doc):
        return PROJECT
    from dataflow.readers.liquibase import looks_like_changelog
    from dataflow.readers.openapi import looks_like_openapi

    if looks_like_changelog(doc):
        return "liquibase"
    if looks_like_openapi(doc):
        return "jsonschema"  # an OpenAPI document: its named schemas
    if looks_like_dbt(doc):
        return "dbt"
    from dataflow.readers.jsonschema import (
        looks_like_schema_document,
        looks_like_schema_part,
        named_object_schemas,
    )

    if looks_like_schema_part(doc) or named_object_schemas(doc) is not None:
        return "jsonschema"  # a split API's schema, or schemas by name
    return "jsonschema" if looks_like_schema_document(doc) else None  # JSON Schema in YAML
