"""Tables that take their columns from another table: ``CREATE TABLE … PARTITION OF parent``,
``CREATE TABLE … (LIKE other …)`` (MySQL: ``CREATE TABLE … LIKE other``) and ``CREATE TABLE …
AS SELECT * FROM other``.

The statement lists none of those columns, yet the table holds them: a partition of a table
of guests holds guests. Such a table gets the columns of the table it names, with their types
and comments, ahead of any it lists itself; a partition also gets the parent's keys. The
table named is looked for in the same file first (``copy_columns``) and then among the tables
of the whole scan (``readers.attach_altered_columns``); when no scanned file creates it, a
warning names the table and the line, and the table keeps only the columns it lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from dataflow.i18n import msg
from dataflow.model import AlteredColumn, Dataset, Field, Problem, Severity
from dataflow.readers.sql.lazy import Lazy

_PART = r"(?:\"[^\"]+\"|`[^`]+`|\[[^\]]+\]|[\w$]+)"
_NAME = rf"(?:{_PART}\s*\.\s*)*{_PART}"
_HEAD = r"CREATE\b[^(;]*?\bTABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?" + _NAME + r"\s*"
_PARTITION = Lazy(_HEAD + r"PARTITION\s+OF\s+(" + _NAME + r")", re.IGNORECASE)
_LIKE = Lazy(
    _HEAD + r"(?:\(\s*)?LIKE\s+(" + _NAME + r")(?=\s*(?:[,);]|INCLUDING\b|EXCLUDING\b|$))",
    re.IGNORECASE,
)
_SELECT_ALL = Lazy(
    _HEAD + r"(?:\([^)]*\)\s*)?AS\s*\(?\s*(?:SELECT\s+\*\s+FROM|TABLE)\s+(" + _NAME + r")"
    r"\s*\)?\s*(?:WHERE\b|LIMIT\b|WITH\s+(?:NO\s+)?DATA\b|;|$)",
    re.IGNORECASE,
)
_FROM_QUERY = Lazy(_HEAD + r"(?:\([^)]*\)\s*)?AS\s*\(?\s*(?:SELECT|WITH|TABLE)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CopiedColumns(AlteredColumn):
    """A table of one file (``table``, created at ``field.line``) that takes the columns of
    ``parent``, a table that file does not create; ``kind``: ``partition``, ``like`` or
    ``select``."""

    parent: str = ""
    kind: str = "like"


def copied_from(body: str) -> tuple[str, str] | None:
    """``(kind, table)`` when the CREATE TABLE ``body`` takes the columns of another table."""
    for kind, pattern in (("partition", _PARTITION), ("like", _LIKE), ("select", _SELECT_ALL)):
        m = pattern().match(body)
        if m:
            return kind, _plain(m.group(1))
    return None


def from_query(body: str) -> bool:
    """Whether the CREATE TABLE ``body`` takes its columns from a query (``AS SELECT``)."""
    return _FROM_QUERY().match(body) is not None


def _plain(name: str) -> str:
    return ".".join(part.strip().strip('`"[]') for part in name.split("."))


def with_columns_of(child: Dataset, parent: Dataset, kind: str, same_file: bool) -> Dataset:
    """``child`` with the columns of ``parent`` ahead of its own (a column it lists itself
    wins); the lines of columns of another file are left out."""
    own = {f.name.lower() for f in child.fields}
    taken = tuple(
        replace(f, pointer=f"{child.name}.{f.name}", line=f.line if same_file else None)
        for f in parent.fields
        if f.name.lower() not in own
    )
    partition = kind == "partition"
    return replace(
        child,
        fields=taken + child.fields,
        comment=child.comment or (parent.comment if partition else None),
        primary_key=child.primary_key or (parent.primary_key if partition else ()),
        foreign_keys=child.foreign_keys or (parent.foreign_keys if partition else ()),
    )


def copy_columns(
    datasets: list[Dataset], copies: list[tuple[int, str, str, int]]
) -> list[CopiedColumns]:
    """Give each ``(index, kind, parent, line)`` dataset the columns of its parent among
    ``datasets`` (parents that are copies themselves first); the copies whose parent is not
    among them."""
    from dataflow.readers.sql.alter import find_dataset

    waiting = list(copies)
    while waiting:
        pending = {i for i, _, _, _ in waiting}
        left = []
        for copy in waiting:
            i, kind, parent, _ = copy
            k = find_dataset(datasets, parent.split("."))
            if k is None or k == i or k in pending:
                left.append(copy)
                continue
            datasets[i] = with_columns_of(datasets[i], datasets[k], kind, same_file=True)
        if len(left) == len(waiting):
            break
        waiting = left
    return [
        CopiedColumns(datasets[i].name, Field("", "", line=line), parent=parent, kind=kind)
        for i, kind, parent, line in waiting
    ]


def attach_copies(
    datasets: list[Dataset],
    copies: list[tuple[str, CopiedColumns]],
    named: Callable[[str], list[int]],
) -> list[Problem]:
    """Give each table of ``(path, copy)`` the columns of its parent, a table of another file
    of the scan (``named`` finds it, as ``readers.attach_added_keys`` matches names); a
    warning for each whose parent no scanned file creates, or two do."""
    waiting = list(copies)
    while waiting:
        left = []
        pending = {(path, copy.table.lower()) for path, copy in waiting}
        for path, copy in waiting:
            child = next(
                (
                    i
                    for i, ds in enumerate(datasets)
                    if ds.source_path == path and ds.name == copy.table
                ),
                None,
            )
            hits = [k for k in named(copy.parent) if k != child]
            parent = datasets[hits[0]] if len(hits) == 1 else None
            if child is None or parent is None or _is_waiting(parent, pending):
                left.append((path, copy))
                continue
            same = parent.source_path == path
            datasets[child] = with_columns_of(datasets[child], parent, copy.kind, same)
        if len(left) == len(waiting):
            break
        waiting = left
    return [
        Problem(
            path,
            msg("p.sql_copy_nowhere", table=copy.table, parent=copy.parent),
            copy.field.line,
            severity=Severity.WARNING,
        )
        for path, copy in waiting
    ]


def _is_waiting(ds: Dataset, pending: set[tuple[str, str]]) -> bool:
    return (ds.source_path, ds.name.lower()) in pending
