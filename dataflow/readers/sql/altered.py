"""Columns an ``ALTER TABLE`` adds, changes, renames or drops, applied to the tables they name.

A schema kept as migrations creates a table once and adds its later columns in later
statements, often in later files (``V7__add_phone.sql``). Those columns are as much part of the
table as the ones its CREATE TABLE lists, and a pre-commit hook that sees only the new
migration must still see the column it adds. A column a later statement drops (``DROP
[COLUMN] [IF EXISTS] a``, T-SQL's ``DROP COLUMN a, b``, Oracle's ``DROP (a, b)``) is no longer
listed: the table no longer has it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from dataflow.model import AlteredColumn, Dataset, Field, Words
from dataflow.readers._common import MAX_FIELDS, LineIndex, Problems
from dataflow.readers.sql.alter import column_comments, find_dataset, unquote
from dataflow.readers.sql.lazy import Lazy
from dataflow.readers.sql.statements import Statement
from dataflow.readers.sql.tables import allows, column_of

# An ALTER TABLE action that adds, changes or drops a column (not a constraint, a default, an
# index, a key, a partition or a table comment).
_COLUMN_ACTION = Lazy(
    r"\b(?:ADD\b(?!\s*\(?\s*(?:CONSTRAINT|DEFAULT|INDEX|KEY|UNIQUE|PRIMARY|FOREIGN|FULLTEXT|SPATIAL"
    r"|CHECK|PARTITION|PERIOD)\b)|MODIFY\b|CHANGE\b|RENAME\s+COLUMN\b|ALTER\s+COLUMN\b"
    r"|DROP\b(?!\s*(?:IF\s+EXISTS\s+)?(?:CONSTRAINT|DEFAULT|INDEX|KEY|UNIQUE|PRIMARY|FOREIGN"
    r"|FULLTEXT|SPATIAL|CHECK|PARTITION|PERIOD|NOT|IDENTITY|EXPRESSION|SYSTEM|TABLESPACE"
    r"|STORAGE|SUPPLEMENTAL|CLUSTERING|ROW|TRIGGER|RULE|OIDS|LOGGED|SUBPARTITION)\b))",
    re.IGNORECASE,
)
_MODIFY = Lazy(r"\bMODIFY\b", re.IGNORECASE)
# What the parser keeps as text of Oracle's ``DROP (a, b)`` (``COLUMN (a, b)`` too), with what
# may follow the list (``CASCADE CONSTRAINTS``, ``CHECKPOINT 250``).
_DROP_LIST = Lazy(
    r"\s*(?:COLUMN\s*)?\(([^()]*)\)\s*(?:CASCADE\s+CONSTRAINTS|INVALIDATE|CHECKPOINT\s+\d+|\s)*",
    re.IGNORECASE,
)
_ALTER_TABLE = Lazy(r"ALTER\s+TABLE\b", re.IGNORECASE)


def changes_columns(body: str) -> bool:
    """Whether ``body`` is an ALTER TABLE that may add, change, rename or drop a column (an
    ALTER TYPE, SEQUENCE or INDEX never does)."""
    return _ALTER_TABLE().match(body) is not None and _COLUMN_ACTION().search(body) is not None


def altered_columns(
    stmt: Statement,
    dialects: list[str],
    index: LineIndex,
    lines: list[str],
    problems: Problems,
) -> list[AlteredColumn] | None:
    """The columns the ALTER TABLE ``stmt`` adds, changes, renames or drops, in order; ``None``
    when no dialect parses it."""
    from dataflow.readers.sql.parse import parse_alter, without_noise

    node, dialect = parse_alter(stmt.text, dialects)
    oracle_modify = node is None and _MODIFY().search(stmt.text) is not None
    if oracle_modify:
        # Oracle's MODIFY (a …, b …) lists columns as ADD (…) does; the parser knows ADD only,
        # and no constraint state (``MODIFY ("A" NOT NULL ENABLE)``, as SQL Developer exports)
        node, dialect = parse_alter(_MODIFY().sub("ADD", without_noise(stmt.text)), ["oracle"])
    if node is None:
        return None
    table = ".".join(part.name for part in node.this.parts)
    changes: list[AlteredColumn] = []
    for action in node.args["actions"]:
        for name in _dropped(action):
            changes.append(AlteredColumn(table, Field(name, ""), dropped=True))
        modified = oracle_modify or _changes_existing(action)
        for field, renamed in _action_fields(action, dialect, stmt):
            line = _line_of(stmt, field.name, index)
            allow = allows(lines, line, problems) if line is not None else ()
            field = replace(field, line=line, allow=allow)
            changes.append(AlteredColumn(table, field, renamed, modified=modified))
    return changes


def _changes_existing(action: Any) -> bool:
    """Whether one action of an ALTER TABLE changes a column the table has (``MODIFY``,
    ``CHANGE``, ``ALTER COLUMN``, ``RENAME COLUMN``) rather than adding one."""
    from sqlglot import exp

    return isinstance(action, (exp.ModifyColumn, exp.AlterColumn, exp.RenameColumn))


def _dropped(action: Any) -> list[str]:
    """The names of the columns one action of an ALTER TABLE drops: ``DROP [COLUMN] [IF
    EXISTS] a`` (MySQL's bare ``DROP a`` too), T-SQL's ``DROP COLUMN a, b`` and Oracle's ``DROP
    (a, b)``, which the parser keeps as text."""
    from sqlglot import exp

    if isinstance(action, exp.Drop) and str(action.args.get("kind") or "").upper() == "COLUMN":
        return [c.name for c in action.args.get("tables") or () if c.name]
    if isinstance(action, exp.Command) and str(action.this).upper() == "DROP":
        m = _DROP_LIST().fullmatch(str(action.expression or ""))
        if m is not None:
            return [unquote(c.strip()) for c in m.group(1).split(",") if c.strip()]
    return []


def _action_fields(
    action: Any, dialect: str | None, stmt: Statement
) -> list[tuple[Field, str | None]]:
    """``(field, old name)`` of each column one action of an ALTER TABLE touches."""
    from sqlglot import exp

    def field(coldef: Any) -> Field:
        col = column_of(coldef, dialect, stmt)
        return Field(col.name, "", col.data_type, col.comment, nullable=col.nullable)

    if isinstance(action, exp.ColumnDef):  # ADD [COLUMN]
        return [(field(action), None)]
    if isinstance(action, exp.Schema):  # Oracle ADD (a …, b …)
        return [(field(c), None) for c in action.expressions if isinstance(c, exp.ColumnDef)]
    if isinstance(action, exp.ModifyColumn) and isinstance(action.this, exp.ColumnDef):
        old = action.args.get("rename_from")  # MySQL CHANGE old new …
        return [(field(action.this), old.name if old is not None else None)]
    if isinstance(action, exp.AlterColumn):  # ALTER COLUMN a TYPE …
        kind = action.args.get("dtype")
        data_type = kind.sql(dialect=dialect) if kind is not None else None
        return [(Field(action.this.name, "", data_type), None)]
    if isinstance(action, exp.RenameColumn):
        to = action.args.get("to")
        if to is not None:
            return [(Field(to.name, ""), action.this.name)]
    return []


def _line_of(stmt: Statement, name: str, index: LineIndex) -> int | None:
    m = re.search(r"(?<![\w$])" + re.escape(name) + r"(?![\w$])", stmt.text)
    return index.line(stmt.start + (m.start() if m else 0))


def apply_change(ds: Dataset, change: AlteredColumn) -> Dataset:
    """``ds`` with the column ``change`` names added, changed, renamed or dropped; what the
    statement leaves unsaid (a rename's type and comment) is kept from the column before it."""
    new = change.field
    old = (change.renamed_from or new.name).lower()
    if change.dropped:
        kept = tuple(f for f in ds.fields if f.name.lower() != old)
        return ds if len(kept) == len(ds.fields) else replace(ds, fields=kept)
    fields = list(ds.fields)
    for i, f in enumerate(fields):
        if f.name.lower() == old:
            fields[i] = replace(
                f,
                name=new.name,
                pointer=f"{ds.name}.{new.name}",
                data_type=new.data_type or f.data_type,
                comment=new.comment or f.comment,
                nullable=f.nullable if new.nullable is None else new.nullable,
                allow=new.allow or f.allow,
            )
            return replace(ds, fields=tuple(fields))
    if len(fields) >= MAX_FIELDS:
        return ds
    fields.append(replace(new, pointer=f"{ds.name}.{new.name}"))
    return replace(ds, fields=tuple(fields))


class Dropped:
    """The columns statements read so far dropped, by table, so that a later ``MODIFY`` of
    one does not bring it back (a Liquibase changelog's ``modifyDataType`` after its
    ``dropColumn``); an ``ADD`` of the name, or a rename to it, makes it a column again."""

    def __init__(self) -> None:
        self._gone: set[tuple[object, str]] = set()
        self.skipped: list[AlteredColumn] = []  # the changes of columns that stay dropped

    def keeps_dropped(self, table: object, change: AlteredColumn) -> bool:
        """Note ``change`` to ``table`` (any key naming it); True when it changes a column an
        earlier change dropped, which then stays dropped (``change`` is among ``skipped``)."""
        old = (table, (change.renamed_from or change.field.name).lower())
        if change.dropped:
            self._gone.add(old)
            return False
        if change.modified and old in self._gone:
            self.skipped.append(change)
            return True
        self._gone.discard((table, change.field.name.lower()))
        return False

    def forget(self, table: object) -> None:
        """``table`` is created anew: the columns dropped from the one before are no concern."""
        self._gone = {gone for gone in self._gone if gone[0] != table}


def stays_dropped(change: AlteredColumn) -> Words:
    """The warning for a ``change`` of a column an earlier statement dropped, naming its
    Liquibase changeSet when it is part of one."""
    from dataflow.i18n import msg
    from dataflow.readers.sql.parse import masked_name

    table = masked_name(change.table)
    column = masked_name(change.renamed_from or change.field.name)
    if change.changeset is None:
        return msg("p.column_stays_dropped", table=table, column=column)
    changeset = masked_name(change.changeset)
    return msg("p.column_stays_dropped_in", table=table, column=column, changeset=changeset)


def apply_altered_columns(
    datasets: list[Dataset], changes: list[AlteredColumn], dropped: Dropped | None = None
) -> list[AlteredColumn]:
    """Apply each change to the dataset of ``datasets`` it names, except a change of a
    column an earlier change dropped (noted in ``dropped``); the changes of other tables."""
    dropped = dropped or Dropped()
    elsewhere: list[AlteredColumn] = []
    for change in changes:
        k = find_dataset(datasets, change.table.split("."))
        if k is None:
            elsewhere.append(change)
        elif not dropped.keeps_dropped(k, change):
            datasets[k] = apply_change(datasets[k], change)
    return elsewhere


def commented(
    changes: list[AlteredColumn], comments: list[tuple[str, str, str]]
) -> list[AlteredColumn]:
    """``changes`` with the ``COMMENT ON COLUMN`` texts of the same file that name their
    columns (a migration that adds a column often comments it next)."""
    texts = column_comments(comments)
    out: list[AlteredColumn] = []
    for change in changes:
        text = texts.get((change.table.rsplit(".", 1)[-1].lower(), change.field.name.lower()))
        if text and not change.field.comment and not change.dropped:
            change = replace(change, field=replace(change.field, comment=text))
        out.append(change)
    return out


def own_datasets(
    changes: list[AlteredColumn], path: str, dropped: Dropped | None = None
) -> list[Dataset]:
    """The tables ``changes`` alter that no scanned file creates, each a dataset of the
    columns the statements name, in the order first altered."""
    return scan_own_datasets([(path, change) for change in changes], dropped)


def scan_own_datasets(
    changes: list[tuple[str, AlteredColumn]], dropped: Dropped | None = None
) -> list[Dataset]:
    """The tables that ``(path, change)`` pairs of a whole scan alter and no scanned file
    creates, one dataset each whatever file alters it and however it is spelt: the names
    match whatever the case, and a name without schema is the schema-qualified one when the
    scan spells that table with one schema only (``medical_prod.md_peispatient`` and
    ``md_peispatient``). The dataset is named as first altered and comes from the first file
    that alters it; the lines of columns from other files are left out. A column dropped
    before any is added makes no dataset, nor does a table whose every column is dropped,
    and a column changed after it is dropped stays dropped (noted in ``dropped``)."""
    dropped = dropped or Dropped()
    schemas: dict[str, set[str]] = {}
    for _, change in changes:
        schema, _, bare = change.table.lower().rpartition(".")
        if schema:
            schemas.setdefault(bare, set()).add(schema)

    def key(table: str) -> str:
        schema, _, bare = table.lower().rpartition(".")
        if not schema and len(schemas.get(bare, ())) == 1:
            return f"{next(iter(schemas[bare]))}.{bare}"
        return table.lower()

    datasets: dict[str, Dataset] = {}
    for path, change in changes:
        k = key(change.table)
        if dropped.keeps_dropped(("own", k), change):
            continue
        ds = datasets.get(k)
        if ds is None:
            if change.dropped:
                continue
            ds = Dataset(change.table, path, "sql", (), line=change.field.line)
        elif path != ds.source_path:
            change = replace(change, field=replace(change.field, line=None))
        datasets[k] = apply_change(ds, change)
    return [ds for ds in datasets.values() if ds.fields]
