"""dbt property files (``schema.yml``): models, seeds, snapshots and source tables with columns.

A model becomes a dataset named after it (a source table ``<source>.<table>``); each of its
``columns`` a field with its ``description`` as the comment and ``data_type`` when given; a
description written as ``{{ doc('name') }}`` takes the text of that docs block of the project's
Markdown files (``readers.dbtdocs``).
YAML goes through ``dataflow.yamlio.load_yaml`` (safe loader, line numbers); its error
messages are kept only when they quote nothing from the file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from dataflow.errors import UserError
from dataflow.i18n import msg
from dataflow.model import Dataset, Field
from dataflow.readers._common import MAX_FIELDS, Problems
from dataflow.yamlio import YamlDoc, load_yaml

DBT_SECTIONS = ("models", "seeds", "snapshots", "sources")
# yamlio messages can quote keys or values of the file: only these fixed texts are passed on.
_SAFE_YAML_MESSAGES = (
    ("duplicate key", msg("yaml.0")),
    ("YAML tag", msg("yaml.1")),
    ("YAML document expands", msg("yaml.2")),
    ("recursive YAML alias", msg("yaml.3")),
    ("expected one YAML document", msg("yaml.4")),
    ("not valid UTF-8", msg("yaml.5")),
    ("mapping keys must be plain scalars", msg("yaml.6")),
)


def looks_like_dbt(data: Any) -> bool:
    """A mapping with a list under ``models``/``seeds``/``snapshots``/``sources``."""
    return isinstance(data, dict) and any(isinstance(data.get(k), list) for k in DBT_SECTIONS)


def load(path: str, text: str, problems: Problems, what: str = "dbt") -> YamlDoc | None:
    """Parse YAML text; a problem (position, no quoted input) on failure. ``what`` names
    the kind of file in it: ``dbt``, ``openapi``, ``asyncapi`` or ``yamlschema`` (JSON Schema
    in YAML)."""
    try:
        return load_yaml(path, text=text)
    except RecursionError:
        problems.add(msg(f"p.{what}_deep"))
        return None
    except UserError as exc:
        message = next(
            (fixed for prefix, fixed in _SAFE_YAML_MESSAGES if exc.message.startswith(prefix)),
            msg("yaml.invalid"),
        )
        problems.add(msg(f"p.{what}_yaml", why=message), exc.line, exc.column)
        return None


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


_Describe = Callable[[Any], "str | None"]


def _describer(path: str) -> _Describe:
    """The description of a value: its text, with docs references answered from the project's
    docs blocks (read on the first reference, only for a file on disk)."""
    from dataflow.readers import dbtdocs

    found: list[Mapping[str, str]] = []

    def describe(value: Any) -> str | None:
        text = _text(value)
        if text is None or not dbtdocs.has_reference(text):
            return text
        if not found:
            found.append(dbtdocs.docs_blocks(Path(path)) if Path(path).is_file() else {})
        return dbtdocs.resolve(text, found[0]) or None

    return describe


def read_dbt(doc: YamlDoc, path: str, problems: Problems) -> list[Dataset]:
    """Datasets for every model, seed, snapshot and source table in a parsed dbt file."""
    data = doc.data
    describe = _describer(path)
    if not looks_like_dbt(data):
        problems.add(msg("p.dbt_not"))
        return []
    datasets: list[Dataset] = []
    for section in DBT_SECTIONS:
        entries = data.get(section)
        if entries is None:
            continue
        if not isinstance(entries, list):
            problems.add(msg("p.dbt_section_list", section=section), doc.line(section))
            continue
        for i, entry in enumerate(entries):
            key = f"{section}[{i}]"
            if section == "sources":
                datasets.extend(_source(doc, entry, key, path, problems, describe))
                continue
            ds = _model(doc, entry, key, None, path, problems, describe)
            if ds is not None:
                datasets.append(ds)
    return datasets


def _source(
    doc: YamlDoc, entry: Any, key: str, path: str, problems: Problems, describe: _Describe
) -> list[Dataset]:
    if not isinstance(entry, dict) or not _text(entry.get("name")):
        problems.add(msg("p.dbt_source_name"), doc.line(key))
        return []
    tables = entry.get("tables") or []
    if not isinstance(tables, list):
        problems.add(msg("p.dbt_tables_list"), doc.line(f"{key}.tables"))
        return []
    out = []
    for j, table in enumerate(tables):
        source = str(entry["name"]).strip()
        ds = _model(doc, table, f"{key}.tables[{j}]", source, path, problems, describe)
        if ds is not None:
            out.append(ds)
    return out


def _version_columns(
    doc: YamlDoc,
    entry: dict[str, Any],
    key: str,
    name: str,
    fields: list[Field],
    listed: dict[str, int],
    describe: _Describe,
) -> None:
    """Add to ``fields`` the columns a model's ``versions`` declare that its own ``columns``
    do not (``versions: [{v: 2, columns: [{include: all}, {name: mobile}]}]``): each version
    is the model's table with those columns. ``include``/``exclude`` entries name no column;
    a column the model or an earlier version lists is not added again."""
    versions = entry.get("versions")
    if not isinstance(versions, list):
        return
    for v, version in enumerate(versions):
        columns = version.get("columns") if isinstance(version, dict) else None
        if not isinstance(columns, list):
            continue
        for k, column in enumerate(columns):
            if len(fields) >= MAX_FIELDS:
                return
            col = _text(column.get("name")) if isinstance(column, dict) else None
            if col is None or col in listed:
                continue
            ckey = f"{key}.versions[{v}].columns[{k}]"
            listed[col] = len(fields)
            fields.append(
                Field(
                    name=col,
                    pointer=f"{name}.{col}",
                    data_type=_text(column.get("data_type")) or _text(column.get("type")),
                    comment=describe(column.get("description")),
                    line=doc.line(f"{ckey}.name"),
                )
            )


def _model(
    doc: YamlDoc,
    entry: Any,
    key: str,
    source: str | None,
    path: str,
    problems: Problems,
    describe: _Describe,
) -> Dataset | None:
    if not isinstance(entry, dict):
        problems.add(msg("p.dbt_entry_mapping"), doc.line(key))
        return None
    name = _text(entry.get("name"))
    if name is None:
        problems.add(msg("p.dbt_entry_name"), doc.line(key))
        return None
    if source:
        name = f"{source}.{name}"
    columns = entry.get("columns") or []
    fields: list[Field] = []
    listed: dict[str, int] = {}  # column name -> its index in fields
    if not isinstance(columns, list):
        problems.add(msg("p.dbt_columns_list"), doc.line(f"{key}.columns"))
        columns = []
    for k, column in enumerate(columns[:MAX_FIELDS]):
        ckey = f"{key}.columns[{k}]"
        if not isinstance(column, dict) or _text(column.get("name")) is None:
            problems.add(msg("p.dbt_column_name"), doc.line(ckey))
            continue
        col = str(column["name"]).strip()
        data_type = _text(column.get("data_type")) or _text(column.get("type"))
        field = Field(
            name=col,
            pointer=f"{name}.{col}",
            data_type=data_type,
            comment=describe(column.get("description")),
            line=doc.line(f"{ckey}.name"),
        )
        first = listed.get(col)
        if first is None:
            listed[col] = len(fields)
            fields.append(field)
            continue
        # listed twice: one field, what the first entry leaves out taken from the second
        kept = fields[first]
        fields[first] = replace(
            kept, data_type=kept.data_type or data_type, comment=kept.comment or field.comment
        )
        problems.warn(msg("p.dbt_column_twice", first=kept.line or "?"), field.line)
    _version_columns(doc, entry, key, name, fields, listed, describe)
    return Dataset(
        name=name,
        source_path=path,
        source_format="dbt",
        fields=tuple(fields),
        comment=describe(entry.get("description")),
        line=doc.line(f"{key}.name"),
    )
