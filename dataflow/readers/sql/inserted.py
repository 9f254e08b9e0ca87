"""Tables seen only in ``INSERT INTO t (col, …) VALUES …`` statements.

A data script (seed data, a dump of rows without its DDL) may fill a table that no scanned
file creates. Its columns are still the table's: each such table becomes a dataset of the
columns its INSERT statements list, without types, and a warning says the columns were taken
from INSERT statements. An INSERT that lists no columns gives no dataset; a warning names
the table and the line. A table that some scanned file creates (or alters) keeps that
definition and its INSERT statements are not used. Only the statement head up to the end
of the column list is read: the values are never looked at, kept or reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dataflow.i18n import msg
from dataflow.model import AlteredColumn, Dataset, Field, Problem, Severity
from dataflow.readers._common import MAX_FIELDS
from dataflow.readers.sql.lazy import Lazy

_PART = r"(?:\"[^\"]+\"|`[^`]+`|\[[^\]]+\]|[\w$]+)"
_NAME = rf"(?:{_PART}\s*\.\s*)*{_PART}"
# ``INSERT [IGNORE] INTO name`` and what follows: a column list or the rows.
_HEAD = Lazy(
    r"INSERT\s+(?:(?:IGNORE|LOW_PRIORITY|DELAYED|HIGH_PRIORITY)\s+)?INTO\s+(" + _NAME + r")\s*",
    re.IGNORECASE,
)
_ROWS = Lazy(r"(?:VALUES?|SELECT|WITH|DEFAULT\s+VALUES|SET)\b", re.IGNORECASE)
_COLUMN = re.compile(rf"\s*({_PART})\s*")
#: The longest column list read (characters): a list is names, not data.
_MAX_LIST = 20_000


@dataclass(frozen=True, slots=True)
class InsertedColumn(AlteredColumn):
    """A column an ``INSERT INTO table (…)`` lists (``field``, untyped, at the statement's
    line); ``listed`` is False for an INSERT that lists no columns (``field`` then has no
    name)."""

    listed: bool = True


def _plain(name: str) -> str:
    return ".".join(part.strip().strip('`"[]') for part in name.split("."))


def inserted_columns(body: str, line: int) -> list[InsertedColumn]:
    """The columns the INSERT statement ``body`` lists, one record each; one unlisted record
    when it lists none; nothing when it is not an ``INSERT INTO`` this module reads."""
    m = _HEAD().match(body)
    if m is None:
        return []
    table = _plain(m.group(1))
    at = m.end()
    if body.startswith("(", at):
        close = body.find(")", at, at + _MAX_LIST)
        if close == -1:
            return []
        names = []
        for part in body[at + 1 : close].split(","):
            col = _COLUMN.fullmatch(part)
            if col is None:  # not a plain list of names (``INSERT INTO t (SELECT …)``)
                return []
            names.append(_plain(col.group(1)))
        after = body[close + 1 :].lstrip()
        if not _ROWS().match(after) and not after.startswith("("):
            return []
        return [
            InsertedColumn(table, Field(name, f"{table}.{name}", line=line))
            for name in dict.fromkeys(names)
            if name
        ]
    if _ROWS().match(body, at):
        return [InsertedColumn(table, Field("", table, line=line), listed=False)]
    return []


def insert_datasets(
    inserts: list[tuple[str, InsertedColumn]], created: Callable[[str], bool]
) -> tuple[list[Dataset], list[Problem]]:
    """Datasets of the tables ``(path, column)`` pairs insert into that ``created`` says no
    scanned file defines, each from the first file that lists columns for it, with a warning
    for each; a warning for each such table whose INSERT statements list no columns."""
    tables: dict[str, list[tuple[str, InsertedColumn]]] = {}
    for path, col in inserts:
        if not created(col.table):
            # ``public.patient`` and ``patient``: one table (names match whatever the case)
            tables.setdefault(col.table.lower().rsplit(".", 1)[-1], []).append((path, col))
    datasets: list[Dataset] = []
    problems: list[Problem] = []
    for rows in tables.values():
        listed = [(path, col) for path, col in rows if col.listed]
        if not listed:
            path, col = rows[0]
            why = msg("p.sql_insert_no_columns", table=col.table)
            problems.append(Problem(path, why, col.field.line, severity=Severity.WARNING))
            continue
        path, first = listed[0]
        fields: dict[str, Field] = {}
        for where, col in listed:
            key = col.field.name.lower()
            if key not in fields and len(fields) < MAX_FIELDS:
                f = col.field
                fields[key] = Field(
                    f.name, f"{first.table}.{f.name}", line=f.line if where == path else None
                )
        datasets.append(
            Dataset(first.table, path, "sql", tuple(fields.values()), line=first.field.line)
        )
        why = msg("p.sql_insert_columns", table=first.table)
        problems.append(Problem(path, why, first.field.line, severity=Severity.WARNING))
    return datasets, problems
