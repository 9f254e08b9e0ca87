"""The database each statement of a dump goes to, for dumps of several databases.

A dump of several databases switches between them (MySQL's ``USE shop;``, psql's ``\\c shop``
or ``\\connect shop``) and often creates a table of the same name in each (one ``undo_log``
per service). When a file creates tables in two or more databases, each table it creates after a
switch without naming a schema is named ``database.table``, as a schema-qualified table is;
a file that creates tables in one database only (the usual dump of one, also after ``USE
master``) keeps its tables' own names.
The ``ALTER TABLE`` and ``COMMENT ON`` statements of such a file name their tables within the
database of the moment too, so keys and comments go to the table of the same database.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from dataflow.model import AddedKey, AlteredColumn, Dataset

if TYPE_CHECKING:
    from dataflow.readers.sql import _Reading

# ``USE shop``, ``USE `shop```, ``USE [shop]``, ``USE "shop"``; psql's ``\c shop`` / ``\connect``.
_USE = re.compile(r"USE\s+([`\"\[]?)([\w$]+)[`\"\]]?\s*;?\s*(?:GO\s*)?$", re.IGNORECASE)
_CONNECT = re.compile(r"^[ \t]*\\(?:c|connect)[ \t]+(['\"]?)([\w$]+)\1(?=[\s;]|$)", re.MULTILINE)


def switched_to(text: str) -> str | None:
    """The database a statement switches to: ``USE x`` as the whole statement, or the last
    ``\\c x`` line of the psql meta-commands it starts with; None for any other statement."""
    head = text.lstrip()
    if head.startswith("\\"):
        lines = []
        for line in head.split("\n"):
            if not line.lstrip().startswith("\\"):
                break
            lines.append(line)
        found = _CONNECT.findall("\n".join(lines))
        return found[-1][1] if found else None
    m = _USE.match(head)
    return m.group(2) if m else None


def read_so_far(r: _Reading) -> tuple[int, int, int, int, int]:
    """How many datasets, keys, primary keys, columns and comments ``r`` holds: where the
    statements after a switch of database begin."""
    return len(r.datasets), len(r.altered), len(r.primary_keys), len(r.columns), len(r.comments)


def qualify(r: _Reading) -> None:
    """Name the tables (and what ALTER TABLE and COMMENT ON statements name) after each
    switch ``database.table`` when the file switches to two or more databases (``r.marks``:
    the database and ``read_so_far`` when it began)."""
    if len(r.marks) < 2:
        return
    ends = [*r.marks[1:], ("", *read_so_far(r))]
    holding = {  # the databases the file creates tables in (not ``USE master``)
        mark[0].lower() for mark, end in zip(r.marks, ends, strict=True) if end[1] > mark[1]
    }
    if len(holding) < 2:
        return
    for mark, end in zip(r.marks, ends, strict=True):
        db = mark[0]
        for i in range(mark[1], end[1]):
            r.datasets[i] = _dataset_in(r.datasets[i], db)
        for i in range(mark[2], end[2]):
            key = r.altered[i]
            r.altered[i] = AddedKey(_in(key.table, db), key.key, key.line)
        for i in range(mark[3], end[3]):
            table, columns = r.primary_keys[i]
            r.primary_keys[i] = (_in(table, db), columns)
        for i in range(mark[4], end[4]):
            r.columns[i] = _column_in(r.columns[i], db)
        for i in range(mark[5], end[5]):
            kind, name, text = r.comments[i]
            if kind == "TABLE" or (kind == "COLUMN" and name.count(".") == 1):
                table, dot, column = name.partition(".") if kind == "COLUMN" else (name, "", "")
                name = _in(table, db) + dot + column
            r.comments[i] = (kind, name, text)


def _in(table: str, db: str) -> str:
    """``table`` within ``db``, unless it names its schema (quotes around it kept out)."""
    bare = table.strip()
    if "." in bare:
        return table
    return f"{db}.{bare}"


def _dataset_in(ds: Dataset, db: str) -> Dataset:
    name = _in(ds.name, db)
    if name == ds.name:
        return ds
    cut = len(ds.name)
    fields = tuple(
        replace(f, pointer=name + f.pointer[cut:]) if f.pointer.startswith(ds.name) else f
        for f in ds.fields
    )
    return replace(ds, name=name, fields=fields)


def _column_in(change: AlteredColumn, db: str) -> AlteredColumn:
    table = _in(change.table, db)
    if table == change.table:
        return change
    field = change.field
    if field.pointer.startswith(change.table):
        field = replace(field, pointer=table + field.pointer[len(change.table) :])
    return replace(change, table=table, field=field)
