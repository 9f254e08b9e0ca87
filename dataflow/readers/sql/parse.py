"""Parsing one CREATE TABLE with sqlglot, over the dialects in order, with a lenient second try;
table names masked in messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from dataflow.i18n import msg
from dataflow.model import Words
from dataflow.readers._common import LineIndex
from dataflow.readers.sql.alter import (
    unquote,
)
from dataflow.readers.sql.lazy import Lazy
from dataflow.readers.sql.statements import (
    CREATE_TABLE,
    skip_quoted,
)
from dataflow.readers.sql.tsql import (
    closing_paren,
)

# The state of sqlglot's logger before each reading in progress silenced it (empty until then).
_QUIET: list[list[bool]] = []


@contextmanager
def quiet_sqlglot() -> Iterator[None]:
    """sqlglot logs warnings that quote the SQL; keep them out of every output. The logger is
    silenced when the parser is first used (``_silence``): plain statements need no parser."""
    saved: list[bool] = []
    _QUIET.append(saved)
    try:
        yield
    finally:
        _QUIET.pop()
        if saved:
            import logging

            logging.getLogger("sqlglot").disabled = saved[0]


def _silence() -> None:
    if _QUIET and not _QUIET[-1]:
        import logging

        logger = logging.getLogger("sqlglot")
        _QUIET[-1].append(logger.disabled)
        logger.disabled = True


def parse_create(sql: str, dialects: list[str]) -> tuple[Any, str | None, tuple[int, int] | None]:
    """``(expression, dialect, None)`` or ``(None, None, (line, col) of the first error)``."""
    _silence()
    import sqlglot
    from sqlglot import exp
    from sqlglot.errors import ParseError

    sql = unnamed_clustered(plain_collations(sql))
    first_error: tuple[int, int] | None = None
    for dialect in dialects:
        try:
            parsed = [e for e in sqlglot.parse(sql, read=dialect or None) if e is not None]
        except ParseError as exc:
            if first_error is None and exc.errors:
                err = exc.errors[0]
                line, col = err.get("line"), err.get("col")
                if isinstance(line, int) and isinstance(col, int):
                    first_error = (line, col)
            continue
        except Exception:  # TokenError, RecursionError, dialect quirks: try the next one
            continue
        if len(parsed) == 1:
            node = parsed[0]
            if isinstance(node, exp.Create) and str(node.args.get("kind", "")).upper() == "TABLE":
                return node, dialect, None
    return None, None, first_error


def parse_alter(sql: str, dialects: list[str]) -> tuple[Any, str | None]:
    """``(expression, dialect)`` of an ALTER TABLE the first dialect parses with actions, or
    ``(None, None)`` (sqlglot reads what it does not know as a bare command)."""
    _silence()
    import sqlglot
    from sqlglot import exp

    for dialect in dialects:
        try:
            node = sqlglot.parse_one(sql, read=dialect or None)
        except Exception:  # ParseError, TokenError, dialect quirks: try the next one
            continue
        if isinstance(node, exp.Alter) and node.args.get("actions"):
            return node, dialect
    return None, None


# A collation named with its schema, as Navicat writes every PostgreSQL text column:
# ``COLLATE "pg_catalog"."default"``. The parser reads ``COLLATE "default"`` only.
_QUALIFIED_COLLATION = Lazy(
    r"--|/\*|['\"`\[$]|(?<![\w$])COLLATE\s+((?:\"[^\"\n]*\"|\w+)\s*\.\s*)(?=\"|\w)",
    re.IGNORECASE,
)


def plain_collations(sql: str) -> str:
    """``sql`` with the schema of each qualified collation blanked out (same offsets):
    ``COLLATE "pg_catalog"."default"`` reads as ``COLLATE "default"``; quoted text and
    comments are left as they are."""
    if "COLLATE" not in sql.upper():
        return sql
    parts: list[str] = []
    scan = _QUALIFIED_COLLATION()
    i = done = 0
    while True:
        m = scan.search(sql, i)
        if m is None:
            break
        if m.group(1) is None:
            i = skip_quoted(sql, m.start(), m.group())
            continue
        parts.append(sql[done : m.start(1)] + " " * len(m.group(1)))
        i = done = m.end()
    return "".join(parts) + sql[done:] if parts else sql


# A placeholder that migration tools (Flyway, Liquibase, MyBatis scripts) fill in before
# running the file: ``${schema}.users``, ``t_attend${postfix}``, ``${flyway:defaultSchema}``.
_PLACEHOLDER = Lazy(r"(?<![\w$])\$\{[A-Za-z_][\w.:-]*\}\.|\$\{([A-Za-z_][\w.:-]*)\}")


def without_placeholders(sql: str) -> str:
    """``sql`` as it reads with each ``${name}`` placeholder filled in with nothing: a
    qualifier placeholder goes with its dot (``${schema}.users`` is ``users``), one inside a
    name goes (``t_attend${postfix}`` is ``t_attend``) and one that is a whole name reads as
    its own name (``${table}`` is ``table``). No line changes."""
    if "${" not in sql:
        return sql

    def fill(m: re.Match[str]) -> str:
        name = m.group(1)
        if name is None:  # ${schema}. before a name
            return ""
        before = sql[m.start() - 1] if m.start() else " "
        after = sql[m.end()] if m.end() < len(sql) else " "
        if before.isalnum() or before == "_" or after.isalnum() or after == "_":
            return ""
        return re.sub(r"\W", "_", name)

    return _PLACEHOLDER().sub(fill, sql)


# The placeholder a PHP application's SQL installer writes before each table name and replaces
# with the site's table prefix on install: ``{PREFIX}authors``, ``%PREFIX%users``,
# ``${prefix}users``, Joomla's ``#__users``. It starts a name (after a space, a quote, a dot,
# ``(`` or ``,``; never inside a '…' string) and a name goes on right after it.
_TABLE_PREFIX = Lazy(r"(\{[A-Za-z_]\w*\}|%[A-Za-z_]\w*%|\$\{[A-Za-z_]\w*\}|#__)(?=[A-Za-z0-9_])")
_BEFORE_NAME = frozenset(' \t\r\n\f\v`"[.(,')


def without_table_prefix(sql: str) -> tuple[str, str | None, int]:
    """``sql`` with each table-prefix placeholder that starts a name left out
    (``{PREFIX}authors`` reads as ``authors``), the first placeholder left out (None when
    there is none) and its offset. Joomla's ``#__`` counts only after other text on its line
    (at the start of a line it is a MySQL ``#`` comment) and before a letter or digit. No line
    changes."""
    if not any(mark in sql for mark in ("{", "%", "#__")):
        return sql, None, 0
    first: list[tuple[str, int]] = []

    def fill(m: re.Match[str]) -> str:
        found = m.group(1)
        if m.start() and sql[m.start() - 1] not in _BEFORE_NAME:
            return found
        if found == "#__":
            line_start = sql.rfind("\n", 0, m.start()) + 1
            if not sql[line_start : m.start()].strip() or not sql[m.end()].isalnum():
                return found
        if not first:
            first.append((found, m.start()))
        return ""

    out = _TABLE_PREFIX().sub(fill, sql)
    return (out, first[0][0], first[0][1]) if first else (sql, None, 0)


# SQL Server's ``PRIMARY KEY CLUSTERED (Id)`` as a table constraint without a name: the parser
# reads CLUSTERED only after ``CONSTRAINT name``.
_UNNAMED_CLUSTERED = Lazy(
    r"(?<!\w)(?:PRIMARY\s+KEY|UNIQUE)\s+((?:NON)?CLUSTERED)(?=\s*[(,)])", re.IGNORECASE
)


def unnamed_clustered(sql: str) -> str:
    """``sql`` with CLUSTERED/NONCLUSTERED blanked out (same offsets) where it follows the
    PRIMARY KEY or UNIQUE of a table constraint or of a column (``[Id] INT NOT NULL PRIMARY KEY
    CLUSTERED,``, as SQL Server's documentation writes a system-versioned table); the key itself
    is kept."""
    if "CLUSTERED" not in sql.upper():
        return sql
    return _UNNAMED_CLUSTERED().sub(
        lambda m: m.group()[: m.start(1) - m.start()] + " " * len(m.group(1)), sql
    )


# Column attributes the SQL parser does not know, blanked for the second try: Oracle constraint
# states, and SQL Server's sparse columns (``SPARSE NULL``, the ``COLUMN_SET FOR
# ALL_SPARSE_COLUMNS`` column), ``ROWGUIDCOL``, ``FILESTREAM`` and ``NOT FOR REPLICATION``, and
# a MySQL ``COMMENT`` with no text after it; a quoted or bracketed name (``[Sparse]``) is never
# blanked.
_ORACLE_NOISE = Lazy(
    r"(?<![\[\"`\w.])(?:ENABLE|DISABLE|NOVALIDATE|VALIDATE|NOT\s+DEFERRABLE|SPARSE"
    r"|COLUMN_SET\s+FOR\s+ALL_SPARSE_COLUMNS|ROWGUIDCOL|FILESTREAM|NOT\s+FOR\s+REPLICATION"
    r"|COMMENT(?=\s*[,)]))"
    r"(?![\]\"`\w])",
    re.I,
)
_LENGTH_SEMANTICS = Lazy(r"(\(\s*\d+)(\s+(?:BYTE|CHAR))(?=\s*\))", re.I)
# SQL Server's typed XML: ``[xml](CONTENT [Person].[InfoSchemaCollection])``; the column is XML.
_XML_COLLECTION = Lazy(
    r"((?<![\w$])\[?xml\]?)(\s*\(\s*(?:(?:CONTENT|DOCUMENT)\s+)?[\w$.\[\]\"]+\s*\))", re.I
)


# The sequence options of an identity column (``GENERATED BY DEFAULT AS IDENTITY (sequence name
# "address_id_seq" INCREMENT BY 1 MINVALUE 1 …)``, as pg_dump and drizzle-kit write them).
_IDENTITY_OPTIONS = Lazy(r"(\bAS\s+IDENTITY\s*)(\([^()]*\))", re.I)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def without_noise(sql: str) -> str:
    """``sql`` with the column attributes the parser does not know blanked (same offsets):
    Oracle's ``ENABLE``/``NOVALIDATE``…, SQL Server's ``SPARSE``, ``ROWGUIDCOL``…"""
    return _ORACLE_NOISE().sub(_blank, sql)


def columns_only(sql: str) -> str | None:
    """``CREATE TABLE name (columns)`` alone, column noise blanked out (same offsets).

    Storage and table options after the column list (Oracle ``TABLESPACE``/``PCTFREE``,
    engine-specific clauses) are what most often stops the parser; the columns are what
    matter here. A column list closed with ``}`` (``};``) is read as closed with ``)``; SQL
    Server's XML schema collections (``xml(CONTENT schema.collection)``) and the sequence options
    of an identity column (``AS IDENTITY (sequence name "s" …)``) are blanked.
    ``None`` when the column list is not closed (a truncated statement).
    """
    m = CREATE_TABLE.match(sql)
    if m is None:
        return None
    start = sql.find("(", m.end())
    close = closing_paren(sql, start) if start != -1 else None
    if close is None and start != -1:  # a column list closed with ``}`` (``};``)
        ended = sql.rstrip().rstrip(";").rstrip()
        if ended.endswith("}"):
            sql = sql[: len(ended) - 1] + ")" + sql[len(ended) :]
            close = closing_paren(sql, start)
    if close is None:
        return None
    body = _ORACLE_NOISE().sub(_blank, sql[: close + 1])
    body = _XML_COLLECTION().sub(lambda mm: mm.group(1) + " " * len(mm.group(2)), body)
    body = _IDENTITY_OPTIONS().sub(lambda mm: mm.group(1) + " " * len(mm.group(2)), body)
    return _LENGTH_SEMANTICS().sub(lambda mm: mm.group(1) + " " * len(mm.group(2)), body)


# Storage and distribution options the SQL parser does not know, read as harmless: SQL Server
# filegroups, Greenplum distribution, Oracle and DB2 storage, PostgreSQL OIDS, MaxCompute
# lifecycle. Parenthesised groups are matched as ``()`` (``tail_is_storage`` empties them).
_NAME_WORD = r"(?:\[[^\]]*\]|\"[^\"]*\"|`[^`]*`|[\w$]+)"
_STORAGE_OPTION = (
    rf"ON\s+{_NAME_WORD}(?:\s*\(\))?"
    rf"|(?:TEXTIMAGE_ON|FILESTREAM_ON)\s+{_NAME_WORD}"
    r"|WITH\s*\(\)|WITH(?:OUT)?\s+OIDS"
    r"|DISTRIBUTED\s+(?:BY\s*\(\)|RANDOMLY|REPLICATED)"
    r"|(?:SUB)?PARTITION\s+BY\s+(?:RANGE|LIST|HASH)\s*\(\)(?:\s*\(\))?"
    rf"|TABLESPACE\s+{_NAME_WORD}"
    r"|(?:PCTFREE|PCTUSED|INITRANS|MAXTRANS|LIFECYCLE|PARALLEL)\s*=?\s*\d+"
    r"|(?:STORAGE|RESULT_CACHE)\s*\(\)"
    r"|(?:NO)?(?:LOGGING|COMPRESS|CACHE|PARALLEL|MONITORING|ROWDEPENDENCIES)"
    r"|COMPRESS\s+(?:YES|NO|FOR\s+\w+(?:\s+\w+)?|\d+)"
    r"|SEGMENT\s+CREATION\s+(?:IMMEDIATE|DEFERRED)"
    r"|(?:ENABLE|DISABLE)\s+ROW\s+MOVEMENT"
    r"|ORGANIZATION\s+(?:HEAP|INDEX)"
    r"|ORGANIZE\s+BY\s+(?:ROW|COLUMN)"
    rf"|(?:INDEX\s+|LONG\s+)?IN\s+{_NAME_WORD}"
    r"|DATA\s+CAPTURE\s+(?:NONE|CHANGES)"
    r"|CCSID\s+\w+"
)
_STORAGE_TAIL = Lazy(rf"(?:\s*(?:{_STORAGE_OPTION})(?![\w$]))*[\s;]*", re.IGNORECASE)
_TAIL_SPECIAL = Lazy(r"--|/\*|['\"`\[(]")


def tail_is_storage(tail: str) -> bool:
    """Whether the text after a column list holds only storage options (``_STORAGE_OPTION``)."""
    parts: list[str] = []
    special = _TAIL_SPECIAL()
    i = 0
    while True:
        m = special.search(tail, i)
        if m is None:
            parts.append(tail[i:])
            break
        parts.append(tail[i : m.start()])
        tok = m.group()
        if tok == "(":
            close = closing_paren(tail, m.start())
            if close is None:
                return False
            parts.append("()")
            i = close + 1
            continue
        end = skip_quoted(tail, m.start(), tok)
        if tok in ("--", "/*"):
            parts.append(" ")
        else:  # quoted names stay: they are words of an option (TEXTIMAGE_ON [PRIMARY])
            parts.append(tail[m.start() : end])
        i = end
    return _STORAGE_TAIL().fullmatch("".join(parts)) is not None


_TABLE_NAME = Lazy(
    r"\s+(?:IF\s+NOT\s+EXISTS\s+)?("
    + r"[`\"\[]?[\w$]+[`\"\]]?(?:\s*\.\s*[`\"\[]?[\w$]+[`\"\]]?){0,2}"
    + ")",
    re.IGNORECASE,
)


_TABLE_SCAN = Lazy(r"--|/\*|['\"`\[$]|(?<![\w$@#.])" + CREATE_TABLE.pattern, re.IGNORECASE)


def also_lost(text: str, start: int, offset: int, index: LineIndex) -> Words:
    """``; CREATE TABLE b (line 9) in it is not read either`` for the tables after ``start``
    (empty when there are none)."""
    lost: list[Words] = []
    scan = _TABLE_SCAN()
    i = start
    while True:
        m = scan.search(text, i)
        if m is None:
            break
        tok = m.group()
        if tok in ("--", "/*", "'", '"', "`", "[", "$"):
            i = skip_quoted(text, m.start(), tok)
            continue
        at = index.line(offset + m.start())
        lost.append(msg("p.sql_lost_table", table=table_named(text, m.start()), line=at))
        i = m.end()
    if not lost:
        return Words("", "")
    return msg("p.sql_also_lost", tables=lost)


def table_named(text: str, at: int = 0) -> str:
    """The name of the CREATE TABLE at ``at`` for a message (masked like any name)."""
    created = CREATE_TABLE.match(text, at)
    m = _TABLE_NAME().match(text, created.end()) if created else None
    if m is None:
        return msg("p.sql_name_unreadable")
    return masked_name(".".join(unquote(p) for p in m.group(1).split(".")))


def masked_name(name: str) -> str:
    from dataflow.detect.names import scrub

    return scrub(name)


def literal_text(node: Any) -> str | None:
    from sqlglot import exp

    if node is None:
        return None
    if isinstance(node, exp.Literal):
        text = str(node.this)
    else:
        text = node.name if hasattr(node, "name") else str(node)
    text = text.strip()
    return text or None


def first_word(text: str) -> str:
    m = re.match(r"[A-Za-z_]+", text)
    return m.group().upper() if m else ""
