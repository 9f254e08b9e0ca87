"""The items of a CREATE TABLE column list, one by one, for the last try at a table the parser
reads in no dialect as a whole (``tables._one_by_one``)."""

from __future__ import annotations

import re

from dataflow.readers.sql.alter import unquote
from dataflow.readers.sql.lazy import Lazy
from dataflow.readers.sql.statements import CREATE_TABLE, skip_quoted
from dataflow.readers.sql.tsql import closing_paren

# Quotes, comments and brackets to step over, and the commas and parentheses that matter.
_SPECIAL = Lazy(r"--|/\*|['\"`\[(),]")
# Words that start a table constraint, an index or another clause of a column list, not a
# column: MySQL's ``INDEX idx (…)``, ``FULLTEXT KEY``, ``SPATIAL INDEX``, ``CONSTRAINT … CHECK``,
# PostgreSQL's ``EXCLUDE``, ``LIKE other``, SQL Server's ``PERIOD FOR SYSTEM_TIME``, Oracle's
# ``SUPPLEMENTAL LOG DATA``.
_NOT_COLUMNS = frozenset(
    {
        "PRIMARY",
        "KEY",
        "INDEX",
        "UNIQUE",
        "CONSTRAINT",
        "FOREIGN",
        "CHECK",
        "FULLTEXT",
        "SPATIAL",
        "EXCLUDE",
        "LIKE",
        "PERIOD",
        "SUPPLEMENTAL",
        "SHARD",
        "VECTOR",
    }
)
# The name that starts a column definition: plain, or quoted as any dialect quotes names.
_NAME = Lazy(r'`[^`\n]+`|"[^"\n]+"|\[[^\]\n]+\]|[^\W\d][\w$#]*')
# The MySQL or Hive comment of a column the parser does not read: ``COMMENT '…'``.
_COMMENT = Lazy(r"(?<![\w$])COMMENT\s+'((?:[^'\\]|\\.|'')*)'", re.IGNORECASE | re.DOTALL)
_GAP = Lazy(r"(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/)*", re.DOTALL)


def column_list(sql: str) -> tuple[int, int] | None:
    """Offsets of the ``(`` and ``)`` around the column list of the CREATE TABLE ``sql``."""
    m = CREATE_TABLE.match(sql)
    if m is None:
        return None
    open_at = sql.find("(", m.end())
    if open_at == -1:
        return None
    close = closing_paren(sql, open_at)
    return None if close is None else (open_at, close)


def items(sql: str, open_at: int, close: int) -> list[tuple[int, str]]:
    """``(offset, text)`` of each item of the column list between ``open_at`` and ``close``:
    the text between top-level commas, from its first word on (comments before it skipped)."""
    out: list[tuple[int, str]] = []
    special = _SPECIAL()
    depth = 0
    start = i = open_at + 1
    while i < close:
        m = special.search(sql, i, close)
        if m is None:
            break
        tok = m.group()
        if tok in ("--", "/*", "'", '"', "`", "["):
            i = skip_quoted(sql, m.start(), tok)
            continue
        i = m.end()
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth -= 1
        elif depth == 0:
            out.append((start, sql[start : m.start()]))
            start = m.end()
    out.append((start, sql[start:close]))
    found: list[tuple[int, str]] = []
    for at, text in out:
        lead = _GAP().match(text)
        skip = lead.end() if lead else 0
        if text[skip:].strip():
            found.append((at + skip, text[skip:]))
    return found


def column_name(item: str) -> str | None:
    """The name a column definition starts with, unquoted; None for a constraint, an index or
    anything that is not a name followed by more of a definition."""
    m = _NAME().match(item)
    if m is None:
        return None
    word = m.group()
    if word[0] not in '`"[' and word.upper() in _NOT_COLUMNS:
        return None
    rest = _GAP().match(item, m.end())
    if rest is None or rest.end() >= len(item.rstrip()):  # a bare word: not a definition
        return None
    return unquote(word)


def code_of(item: str) -> str:
    """``item`` without its comments (quoted text kept as written)."""
    parts: list[str] = []
    special = _SPECIAL()
    i = 0
    while True:
        m = special.search(item, i)
        if m is None:
            parts.append(item[i:])
            return "".join(parts)
        tok = m.group()
        end = skip_quoted(item, m.start(), tok) if tok not in "()," else m.end()
        parts.append(item[i : m.start()])
        if tok == "--":
            parts.append("\n" if item[end - 1 : end] == "\n" else "")
        elif tok != "/*":
            parts.append(item[m.start() : end])
        i = end


def column_comment(item: str) -> str | None:
    """The text of a ``COMMENT '…'`` in a column definition."""
    m = _COMMENT().search(item)
    if m is None:
        return None
    text = m.group(1).replace("''", "'").replace("\\'", "'").strip()
    return text or None
