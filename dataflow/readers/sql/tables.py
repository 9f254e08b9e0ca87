"""A parsed CREATE TABLE as a ``Dataset``: columns, types, keys, allow marks; statements of the
same shape parsed once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from dataflow.i18n import msg
from dataflow.model import Dataset, Field, ForeignKey
from dataflow.readers._common import COLUMN_TYPE, MAX_FIELDS, LineIndex, Problems
from dataflow.readers.sql.lazy import Lazy
from dataflow.readers.sql.parse import (
    also_lost,
    columns_only,
    literal_text,
    parse_create,
    table_named,
    tail_is_storage,
)
from dataflow.readers.sql.simple import KEYWORDS as PLAIN_KEYWORDS
from dataflow.readers.sql.simple import read_plain
from dataflow.readers.sql.statements import (
    ALLOW,
    ALLOW_MARK,
    CREATE_TABLE,
    MAX_STATEMENT_CHARS,
    Statement,
)
from dataflow.readers.sql.tsql import (
    trailing_comment,
)


@dataclass(frozen=True)
class ParsedColumn:
    """What a column definition says, positions relative to the statement text."""

    name: str
    data_type: str | None
    comment: str | None
    nullable: bool | None
    start: int | None  # offset of the column name in the statement, if the parser kept it


@dataclass(frozen=True)
class ParsedTable:
    """A parsed CREATE TABLE with columns: everything ``create_table`` reads from the tree."""

    dialect: str
    name: str
    name_end: int  # end of the table name in the statement text
    comment: str | None
    columns: tuple[ParsedColumn, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()


# ``CREATE TABLE [IF NOT EXISTS] name (``: a name of plain identifiers, the column list next.
_NAME_SLOT = re.compile(
    r"\s+(?:IF\s+NOT\s+EXISTS\s+)?([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*){0,2})"
    r"(?=\s*\()",
    re.IGNORECASE,
)
# Words some dialects read specially in a table name (Snowflake ``IDENTIFIER(…)``).
_SPECIAL_NAMES = frozenset({"IDENTIFIER"})
_MAX_TEMPLATES = 4096
# Parsed statements by (dialect order, text before the table name, text after it).
TEMPLATES: dict[tuple[tuple[str, ...], str, str], ParsedTable] = {}
_KEYWORDS: dict[str, frozenset[str]] = {}
_GENERATORS: dict[str, Any] = {}


def _keywords(dialect: str) -> frozenset[str]:
    """Single words the dialect's tokenizer does not read as a plain identifier."""
    words = _KEYWORDS.get(dialect) or PLAIN_KEYWORDS.get(dialect)  # a superset (tested)
    if words is None:
        from sqlglot.dialects.dialect import Dialect

        tokenizer = Dialect.get_or_raise(dialect or None).tokenizer_class
        words = frozenset(k.upper() for k in tokenizer.KEYWORDS if k.isidentifier())
        _KEYWORDS[dialect] = words
    return words


def _plain_name(name: str, dialects: list[str], winner: str) -> bool:
    """Whether every part of ``name`` is an identifier to each dialect tried up to ``winner``."""
    parts = [part.upper() for part in name.split(".")]
    if any(part in _SPECIAL_NAMES for part in parts):
        return False
    for dialect in dialects:
        words = _keywords(dialect)
        if any(part in words for part in parts):
            return False
        if dialect == winner:
            return True
    return False


def _type_sql(kind: Any, dialect: str | None) -> str:
    """``kind.sql(dialect=dialect)`` with one generator per dialect."""
    key = dialect or ""
    generator = _GENERATORS.get(key)
    if generator is None:
        from sqlglot.dialects.dialect import Dialect

        generator = _GENERATORS[key] = Dialect.get_or_raise(dialect).generator()
    # The tree is read once and dropped (the type node is not looked at again), so the
    # generator may work on it in place instead of on a copy: the text is the same.
    text: str = generator.generate(kind, copy=False)
    return text


def _parse_columns(
    stmt: Statement, dialects: list[str]
) -> tuple[ParsedTable | None, str | None, tuple[int, int] | None, Any]:
    """``(parsed, dialect, first error, tree)`` of a CREATE TABLE.

    A statement that differs from one parsed before only in its plain table name (the
    sharded ``orders_2023_01``, ``orders_2023_02`` … of a schema repository) is not parsed
    again: its columns are those of the other, positions shifted by the names' lengths.
    """
    slot = None
    created = CREATE_TABLE.match(stmt.text)
    if created is not None:
        slot = _NAME_SLOT.match(stmt.text, created.end())
    key = None
    if slot is not None:
        text = stmt.text
        key = (tuple(dialects), text[: slot.start(1)], text[slot.end(1) :])
        cached = TEMPLATES.get(key)
        name = slot.group(1)
        if cached is not None and _plain_name(name, dialects, cached.dialect):
            shift = slot.end(1) - cached.name_end
            columns = cached.columns
            if shift:  # a name of another length: the columns stand further on or back
                columns = tuple(
                    ParsedColumn(
                        name=c.name,
                        data_type=c.data_type,
                        comment=c.comment,
                        nullable=c.nullable,
                        start=c.start + shift,
                    )
                    if c.start is not None
                    else c
                    for c in cached.columns
                )
            return (
                replace(cached, name=name, name_end=slot.end(1), columns=columns),
                None,
                None,
                None,
            )
    parsed = read_plain(stmt.text, dialects)
    node = None
    if parsed is not None:
        dialect = parsed.dialect
    else:
        node, found, error = parse_create(stmt.text, dialects)
        if node is None or found is None:
            return None, found, error, node
        dialect = found
        parsed = read_tree(node, dialect, stmt)
    if (
        parsed is not None
        and key is not None
        and slot is not None
        and parsed.columns
        and parsed.name == slot.group(1)
        and all(c.start is not None and c.start > slot.end(1) for c in parsed.columns)
        and _plain_name(parsed.name, dialects, dialect)
    ):
        if len(TEMPLATES) >= _MAX_TEMPLATES:
            TEMPLATES.clear()
        TEMPLATES[key] = replace(parsed, name_end=slot.end(1))
    return parsed, dialect, None, node


def _index_line(coldef: Any) -> bool:
    """Whether a column the parser read is a MySQL index line written with double-quoted
    names (``KEY "idx_card" ("card_no")``, as some tools export MySQL tables): an unquoted
    ``KEY``/``INDEX``/``UNIQUE KEY`` whose "type" is the quoted index name and its columns."""
    name = coldef.this
    if getattr(name, "quoted", True) or name.name.upper() not in ("KEY", "INDEX", "UNIQUE"):
        return False
    from sqlglot import exp

    kind = coldef.args.get("kind")
    return (
        isinstance(kind, exp.DataType)
        and kind.this == exp.DataType.Type.USERDEFINED
        and bool(kind.expressions)  # the indexed columns, read as the type's arguments
    )


def read_tree(node: Any, dialect: str, stmt: Statement) -> ParsedTable | None:
    """The table name, comment and column definitions of a parsed CREATE TABLE."""
    from sqlglot import exp

    target = node.this
    table = target.this if isinstance(target, exp.Schema) else target
    if not isinstance(table, exp.Table):
        return None
    coldefs: list[Any] = []
    if isinstance(target, exp.Schema):
        for e in target.expressions:
            if isinstance(e, exp.Identifier):  # a column without a type (SQLite allows it)
                coldefs.append(exp.ColumnDef(this=e))
            elif isinstance(e, exp.ColumnDef) and not _index_line(e):
                coldefs.append(e)
    table_comment: str | None = None
    props = node.args.get("properties")
    if props is not None:
        for prop in props.expressions:
            if isinstance(prop, exp.SchemaCommentProperty):
                table_comment = literal_text(prop.this)
            elif isinstance(prop, exp.PartitionedByProperty) and isinstance(prop.this, exp.Schema):
                coldefs.extend(e for e in prop.this.expressions if isinstance(e, exp.ColumnDef))
    primary_key, foreign_keys = (
        _keys(target, coldefs) if isinstance(target, exp.Schema) else ((), ())
    )
    return ParsedTable(
        dialect=dialect,
        name=".".join(part.name for part in table.parts),
        name_end=-1,
        comment=table_comment,
        columns=tuple(column_of(c, dialect or None, stmt) for c in coldefs[:MAX_FIELDS]),
        primary_key=primary_key,
        foreign_keys=foreign_keys,
    )


def _reference(ref: Any) -> tuple[str, tuple[str, ...]] | None:
    """``(table, columns)`` of a sqlglot ``Reference``."""
    from sqlglot import exp

    target = ref.this
    table = target.this if isinstance(target, exp.Schema) else target
    if not isinstance(table, exp.Table):
        return None
    columns = tuple(e.name for e in target.expressions) if isinstance(target, exp.Schema) else ()
    return ".".join(part.name for part in table.parts), columns


def _keys(schema: Any, coldefs: list[Any]) -> tuple[tuple[str, ...], tuple[ForeignKey, ...]]:
    """The primary key and foreign keys declared in a CREATE TABLE (column or table level)."""
    from sqlglot import exp

    primary: list[str] = []
    foreign: list[ForeignKey] = []
    for coldef in coldefs:
        for constraint in coldef.constraints:
            kind = constraint.kind
            if isinstance(kind, exp.PrimaryKeyColumnConstraint):
                primary.append(coldef.name)
            elif isinstance(kind, (exp.Reference, exp.ForeignKey)):
                # ``a int REFERENCES t(id)``; T-SQL's ``a int FOREIGN KEY REFERENCES t(id)``
                reference = kind if isinstance(kind, exp.Reference) else kind.args.get("reference")
                ref = _reference(reference) if reference is not None else None
                if ref is not None:
                    foreign.append(ForeignKey((coldef.name,), ref[0], ref[1]))
    for item in schema.expressions:
        if isinstance(item, exp.ColumnDef):
            continue
        # ``PRIMARY KEY (a)``, ``CONSTRAINT pk PRIMARY KEY (a)``, T-SQL's ``… CLUSTERED (a)``
        for name in _key_columns(item):
            if name not in primary:
                primary.append(name)
        for fk in item.find_all(exp.ForeignKey):
            ref = fk.args.get("reference")
            target = _reference(ref) if ref is not None else None
            if target is not None:
                cols = tuple(e.name for e in fk.expressions)
                foreign.append(ForeignKey(cols, target[0], target[1]))
    return tuple(primary), tuple(foreign)


def _key_columns(item: Any) -> list[str]:
    """The columns of the primary key a table-level constraint declares (none for others)."""
    from sqlglot import exp

    parts: list[Any] = [e for key in item.find_all(exp.PrimaryKey) for e in key.expressions]
    if isinstance(item, exp.Constraint) and any(
        isinstance(e, exp.PrimaryKeyColumnConstraint) for e in item.expressions
    ):
        for e in item.expressions:
            if isinstance(e, exp.ClusteredColumnConstraint | exp.NonClusteredColumnConstraint):
                parts.extend(e.this if isinstance(e.this, list) else [e.this])
    names = (p.this.name if isinstance(p, exp.Ordered) else p.name for p in parts if p)
    return [n for n in names if n]


def create_table(
    stmt: Statement,
    path: str,
    dialects: list[str],
    index: LineIndex,
    text: str,
    lines: list[str],
    problems: Problems,
) -> Dataset | None:
    line = index.line(stmt.start)
    if len(stmt.text) > MAX_STATEMENT_CHARS:
        problems.add(
            msg("p.sql_long", max=MAX_STATEMENT_CHARS, table=table_named(stmt.text)),
            line,
        )
        return None
    parsed, dialect, error, node = _parse_columns(stmt, dialects)
    if parsed is not None:
        dialect = parsed.dialect
    elif node is None:
        second = _second_try(stmt, dialects, index, line, problems)
        if second is not None:
            node, dialect, parsed = second
    if node is None and parsed is None and error is not None:
        third = _comma_try(stmt, dialects, error, index, line, problems)
        if third is None:
            third = _lenient_comma_try(stmt, dialects, index, line, problems)
        if third is not None:
            node, dialect, parsed = third
    if node is None and parsed is None:
        parsed = _one_by_one(stmt, dialects, index, line, problems)
    if node is None and parsed is None:
        table = table_named(stmt.text)
        lost = also_lost(stmt.text, 1, stmt.start, index)
        if error is None:
            failed = msg("p.sql_create", table=table, lost=lost)
        else:
            at = {"line": line + error[0] - 1, "column": error[1]}
            failed = msg("p.sql_create_at", table=table, lost=lost, **at)
        problems.add(failed, line)
        return None
    if dialect in dialects:  # try the dialect that worked first next time
        dialects.remove(dialect)
        dialects.insert(0, dialect)
    if parsed is None:
        problems.add(msg("p.sql_no_name"), line)
        return None
    name = parsed.name
    fields = _fields(parsed, stmt, index, text, lines, problems)
    query = node.args.get("expression") if node is not None else None
    if not parsed.columns and query is not None and _is_query(query):
        for sel in query.selects:
            col = sel.alias_or_name
            if col and col != "*":
                fields.append(Field(name=col, pointer=f"{name}.{col}", line=line))
    return Dataset(
        name=name,
        source_path=path,
        source_format="sql",
        fields=tuple(fields),
        comment=parsed.comment,
        line=line,
        primary_key=parsed.primary_key,
        foreign_keys=parsed.foreign_keys,
    )


def _is_query(node: Any) -> bool:
    from sqlglot import exp

    return isinstance(node, exp.Query)


def _second_try(
    stmt: Statement, dialects: list[str], index: LineIndex, line: int, problems: Problems
) -> tuple[Any, str | None, ParsedTable | None] | None:
    """Parse the statement again without the tail the parser gave up on (None when there is
    none to cut): (tree, dialect, parsed table); a warning says what was left out unless it is
    only storage options."""
    lenient = columns_only(stmt.text)
    if lenient is None:
        return None
    parsed = None
    node, dialect, _ = parse_create(lenient, dialects)
    if node is not None:
        _warn_lost_tail(stmt, lenient, index, line, problems)
    if node is not None:
        assert dialect is not None
        parsed = read_tree(node, dialect, stmt)
    return node, dialect, parsed


def _warn_lost_tail(
    stmt: Statement, lenient: str, index: LineIndex, line: int, problems: Problems
) -> None:
    """Warn that what follows the column list read leniently (``lenient``) was not read,
    unless it is only storage options."""
    if not tail_is_storage(stmt.text[len(lenient) :]):
        problems.warn(
            msg(
                "p.sql_lenient",
                table=table_named(stmt.text),
                lost=also_lost(stmt.text, len(lenient), stmt.start, index),
            ),
            line,
        )


# The first word of a line, where the parser stopped: a column definition after a line whose
# comma is missing (``member_id int`` then ``visit_date date,``).
_LINE_HEAD = re.compile(r"\s*[`\"\[]?[^\W\d][\w$]*[`\"\]]?")
_MAX_COMMAS = 8
# Words that go on a column definition: a line starting with one continues the line before.
_CONTINUES = frozenset(
    [
        "NOT",
        "NULL",
        "DEFAULT",
        "COMMENT",
        "UNSIGNED",
        "ZEROFILL",
        "CHARACTER",
        "CHARSET",
        "COLLATE",
        "AUTO_INCREMENT",
        "IDENTITY",
        "GENERATED",
        "ON",
        "REFERENCES",
        "AS",
        "CONSTRAINT",
    ]
)


def _comma_try(
    stmt: Statement,
    dialects: list[str],
    error: tuple[int, int],
    index: LineIndex,
    line: int,
    problems: Problems,
) -> tuple[Any, str, ParsedTable | None] | None:
    """Parse again with a comma at the end of the line before the syntax error, when the error
    is at the first word of a line and the line before ends without one (a column definition
    whose comma was forgotten; up to ``_MAX_COMMAS`` such lines). A warning names each line.
    Lines with comments are left alone: where the comma belongs there is not certain."""
    text = stmt.text
    added: list[int] = []  # where each comma stands in the mended text (in order: each error
    for _ in range(_MAX_COMMAS):  # is after the one mended before it)
        lines = text.split("\n")
        row, col = error
        head = lines[row - 1][:col] if 1 < row <= len(lines) else ""
        if not _LINE_HEAD.fullmatch(head) or head.strip('\t `"[]').upper() in _CONTINUES:
            return None
        prev = row - 2
        while prev >= 0 and not lines[prev].strip():
            prev -= 1
        code = lines[prev].rstrip() if prev >= 0 else ""
        if not code or code.endswith((",", "(")) or any(c in code for c in ("--", "#", "/*")):
            return None
        at = sum(len(x) + 1 for x in lines[:prev]) + len(code)
        text = text[:at] + "," + text[at:]
        added.append(at)
        node, dialect, found = parse_create(text, dialects)
        if node is not None and dialect is not None:
            break
        if found is None:
            return None
        error = found
    else:
        return None
    parsed = read_tree(node, dialect, replace(stmt, text=text))
    if parsed is not None:

        def back(offset: int) -> int:  # the offset in the statement as written
            return offset - sum(1 for a in added if a < offset)

        columns = tuple(
            c if c.start is None else replace(c, start=back(c.start)) for c in parsed.columns
        )
        parsed = replace(parsed, columns=columns, name_end=back(parsed.name_end))
    where = ", ".join(str(index.line(stmt.start + back(a))) for a in added)
    problems.warn(msg("p.sql_comma", table=table_named(stmt.text), lines=where), line)
    return node, dialect, parsed


def _lenient_comma_try(
    stmt: Statement, dialects: list[str], index: LineIndex, line: int, problems: Problems
) -> tuple[Any, str, ParsedTable | None] | None:
    """``_comma_try`` on the statement as ``columns_only`` gives it (its column list closed
    with ``}`` read as ``)``, noise blanked, table options cut off): a column list with a
    missing comma and something else the parser stops at. A warning names what was cut off
    unless it is only storage options."""
    lenient = columns_only(stmt.text)
    if lenient is None or lenient == stmt.text:
        return None
    node, _, error = parse_create(lenient, dialects)
    if node is not None or error is None:
        return None
    mended = _comma_try(replace(stmt, text=lenient), dialects, error, index, line, problems)
    if mended is not None:
        _warn_lost_tail(stmt, lenient, index, line, problems)
    return mended


def _one_by_one(
    stmt: Statement, dialects: list[str], index: LineIndex, line: int, problems: Problems
) -> ParsedTable | None:
    """The table read item by item of its column list, when no dialect parses it as a whole
    (a type the parser does not know, such as MySQL's ``POINT``, or a clause it does not read):
    each column definition parsed on its own, and a column none parses kept by its name, with
    no type. Table constraints and indexes that do not parse are left out. None when a line
    inside an item starts like another column definition (a comma may be missing, and which
    line lacks it is not certain: ``_comma_try``) or a column that does not parse is written
    over lines, when the table
    name does not parse either, or when another CREATE TABLE follows the column list in the
    statement (a missing ``;``: that is reported as before). A warning names the table, and
    one at its line each column read without a type."""
    from dataflow.readers.sql.columnlist import (
        code_of,
        column_comment,
        column_list,
        column_name,
        items,
    )

    text = stmt.text
    span = column_list(text)
    if span is None or CREATE_TABLE.search(text, span[1]) is not None:
        return None
    open_at, close = span
    head = None
    for shell in (text[:open_at] + "(x INT)" + text[close + 1 :], text[:open_at] + "(x INT)"):
        node, dialect, _ = parse_create(shell, dialects)
        if node is not None and dialect is not None:
            head = read_tree(node, dialect, replace(stmt, text=shell))
            break
    if head is None:
        return None
    columns: list[ParsedColumn] = []
    primary: list[str] = []
    foreign: list[ForeignKey] = []
    untyped: list[int] = []
    for at, item in items(text, open_at, close):
        if _two_definitions(code_of(item)):
            return None  # a comma may be missing: which line lacks it is not certain
        prefix = "CREATE TABLE x ("
        node, dialect, _ = parse_create(prefix + item + "\n)", dialects)
        one = None
        if node is not None and dialect is not None:
            one = read_tree(node, dialect, replace(stmt, text=prefix + item + "\n)"))
        if one is not None:
            for c in one.columns:
                start = None if c.start is None else at + c.start - len(prefix)
                columns.append(replace(c, start=start))
            primary.extend(k for k in one.primary_key if k not in primary)
            foreign.extend(one.foreign_keys)
            continue
        name = column_name(item)
        if name is not None and "\n" in code_of(item).strip():
            return None  # it does not parse over lines: a comma may be missing there too
        if name is not None:
            columns.append(ParsedColumn(name, None, column_comment(item), None, at))
            untyped.append(index.line(stmt.start + at))
    if not columns:
        return None
    problems.warn(msg("p.sql_one_by_one", table=table_named(text)), line)
    for number in untyped:
        problems.warn(msg("p.sql_untyped", table=table_named(text)), number)
    return replace(
        head,
        columns=tuple(columns[:MAX_FIELDS]),
        primary_key=tuple(primary),
        foreign_keys=tuple(foreign),
    )


# Words that go on with a definition on its next line, besides ``_CONTINUES``.
_GOES_ON = _CONTINUES | {
    "CHECK",
    "PRIMARY",
    "UNIQUE",
    "KEY",
    "VIRTUAL",
    "STORED",
    "USING",
    "VISIBLE",
    "INVISIBLE",
    "SRID",
    "ENCODE",
    "FORMAT",
    "WITH",
    "FOR",
}


def _two_definitions(code: str) -> bool:
    """Whether a line after the first of a column-list item (its comments left out) starts
    with a name that does not go on with a definition: two definitions without a comma."""
    for row in code.strip().split("\n")[1:]:
        head = _LINE_HEAD.match(row)
        if head is not None and head.group().strip('\t `"[]').upper() not in _GOES_ON:
            return True
    return False


def _fields(
    parsed: ParsedTable,
    stmt: Statement,
    index: LineIndex,
    text: str,
    lines: list[str],
    problems: Problems,
) -> list[Field]:
    """The fields of a parsed table, each with its line and the comment after it."""
    fields: list[Field] = []
    cursor = stmt.start
    starts: list[int | None] = []
    for column in parsed.columns:
        field, offset = _field(column, parsed.name, stmt, index, text, lines, problems, cursor)
        fields.append(field)
        starts.append(offset)
        if fields[-1].line is not None:
            cursor = max(cursor, index.offset(fields[-1].line))
    for i, offset in enumerate(starts):
        if offset is None or fields[i].comment:
            continue
        later = [s for s in starts[i + 1 :] if s is not None and s > offset]
        comment = trailing_comment(text, offset, later[0] if later else stmt.end)
        if comment is None and fields[i].line is not None:
            top = index.line(stmt.start) if i == 0 else fields[i - 1].line or 0
            comment = leading_comment(lines, fields[i].line or 0, top)
        if comment:
            fields[i] = replace(fields[i], comment=comment)
    return fields


# A column definition: a name and a type.
_COMMENTED_COLUMN = Lazy(r"[`\"\[]?\w+[`\"\]]?\s+\[?" + COLUMN_TYPE, re.IGNORECASE)


def leading_comment(lines: list[str], line: int, top: int) -> str | None:
    """The ``--`` comment lines directly above ``line`` and below line ``top`` (the table's
    first line or the previous column's), joined: the column's comment when nothing follows
    it on its line. Allow comments are not descriptions, and a commented-out column
    (``-- old_phone VARCHAR(20),``) ends the block."""
    words: list[str] = []
    above = line - 1
    while above > top and lines[above - 1].strip().startswith("--"):
        said = lines[above - 1].strip()[2:].strip()
        if _COMMENTED_COLUMN().match(said):
            break
        if said and not ALLOW_MARK.match("--" + said):
            words.append(said)
        above -= 1
    return " ".join(reversed(words)) or None


def column_of(coldef: Any, dialect: str | None, stmt: Statement) -> ParsedColumn:
    from sqlglot import exp

    kind = coldef.args.get("kind")
    data_type = _type_sql(kind, dialect) if kind is not None else None
    comment: str | None = None
    nullable: bool | None = None
    for constraint in coldef.constraints:
        ckind = constraint.kind
        if isinstance(ckind, exp.CommentColumnConstraint):
            comment = literal_text(ckind.this)
        elif isinstance(ckind, exp.NotNullColumnConstraint):
            nullable = bool(ckind.args.get("allow_null"))
        elif isinstance(ckind, exp.PrimaryKeyColumnConstraint):
            nullable = False
    meta = getattr(coldef.this, "meta", None) or {}
    start = meta.get("start")
    if not (isinstance(start, int) and 0 <= start < len(stmt.text)):
        start = None
    return ParsedColumn(coldef.name, data_type, comment, nullable, start)


def _field(
    column: ParsedColumn,
    table: str,
    stmt: Statement,
    index: LineIndex,
    text: str,
    lines: list[str],
    problems: Problems,
    cursor: int,
) -> tuple[Field, int | None]:
    """The field of a column definition and the offset of its name in ``text``."""
    col = column.name
    offset: int | None = None
    if column.start is not None:
        offset = stmt.start + column.start
    else:
        m = re.compile(r"(?<![\w])" + re.escape(col) + r"(?![\w])").search(text, cursor)
        offset = m.start() if m else None
    line = index.line(offset) if offset is not None else None
    allow = allows(lines, line, problems) if line is not None else ()
    field = Field(
        name=col,
        pointer=f"{table}.{col}",
        data_type=column.data_type,
        comment=column.comment,
        line=line,
        nullable=column.nullable,
        allow=allow,
    )
    return field, offset


def allows(lines: list[str], line: int, problems: Problems) -> tuple[tuple[str, str], ...]:
    """Allow comments on ``line`` and on the comment-only lines directly above it."""
    candidates = [line]
    above = line - 1
    while above >= 1 and lines[above - 1].strip().startswith("--"):
        candidates.append(above)
        above -= 1
    found: list[tuple[str, str]] = []
    for number in sorted(candidates):
        text = lines[number - 1]
        if not ALLOW_MARK.search(text):
            continue
        matches = list(ALLOW().finditer(text))
        if not matches:
            problems.warn(
                msg("p.sql_allow"),
                number,
            )
        for m in matches:
            found.append((m.group(1), m.group(2) or m.group(3) or ""))
    return tuple(found)
