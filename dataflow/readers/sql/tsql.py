"""SQL Server pieces: ``IF NOT EXISTS`` guards, ``GO`` batches, ``sp_addextendedproperty``
descriptions and trailing comments.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dataflow.readers.sql.lazy import Lazy
from dataflow.readers.sql.statements import (
    ALLOW_MARK,
    CREATE_TABLE,
    Statement,
    find_quote_end,
)

_PAREN_OR_QUOTE = re.compile(r"[()'\"`]")


# ``IF [NOT] EXISTS (…)`` and an optional ``BEGIN`` in front of a CREATE TABLE.
_GUARD = Lazy(r"IF\s+(?:NOT\s+)?EXISTS\s*\(", re.IGNORECASE)
_GUARD_BEGIN = Lazy(r"\s*(?:BEGIN\b\s*)?", re.IGNORECASE)
_GUARD_END = Lazy(r"\s*;?\s*END\s*;?\s*$", re.IGNORECASE)


def guarded_create(stmt: Statement) -> Statement | None:
    """The CREATE TABLE of ``IF [NOT] EXISTS (…) [BEGIN] CREATE TABLE … [END]``, else None."""
    body = stmt.text
    guard = _GUARD().match(body)
    if guard is None:
        return None
    close = closing_paren(body, guard.end() - 1)
    if close is None:
        return None
    begin = _GUARD_BEGIN().match(body, close + 1)
    pos = begin.end() if begin else close + 1
    if CREATE_TABLE.match(body, pos) is None:
        return None
    end = stmt.end
    tail = _GUARD_END().search(body, pos)
    if tail is not None and begin is not None and begin.group().strip():
        end = stmt.start + tail.start()
    return Statement(stmt.start + pos, stmt.start + pos, end, body[pos : end - stmt.start])


GO_LINE = re.compile(r"^[ \t]*GO[ \t\r]*$", re.MULTILINE | re.IGNORECASE)


# A statement that follows a CREATE TABLE in the same T-SQL batch, on a line of its own.
_NEXT_IN_BATCH = Lazy(
    r"^[ \t]*(?:EXEC|EXECUTE|INSERT|ALTER|CREATE|IF|DROP|GRANT|PRINT|DECLARE|UPDATE|DELETE"
    r"|SELECT|USE)\b",
    re.IGNORECASE | re.MULTILINE,
)


def batch_head(stmt: Statement) -> Statement:
    """A CREATE TABLE without the statements after it in the same ``GO`` batch."""
    body = stmt.text
    created = CREATE_TABLE.match(body)
    start = body.find("(", created.end()) if created else -1
    close = closing_paren(body, start) if start != -1 else None
    if close is None:
        return stmt
    following = _NEXT_IN_BATCH().search(body, close + 1)
    if following is None:
        return stmt
    head = body[: following.start()].rstrip()
    return replace(stmt, end=stmt.start + len(head), text=head)


def paren_depth(text: str, stop: int) -> int:
    """How many ``(`` are open at ``stop`` (quoted text skipped); -1 for an unclosed quote."""
    depth = 0
    i = 0
    while True:
        tok = _PAREN_OR_QUOTE.search(text, i, stop)
        if tok is None:
            return depth
        c = tok.group()
        j = tok.start()
        if c in "()":
            depth += 1 if c == "(" else -1
            i = j + 1
            continue
        close = find_quote_end(text, j + 1) if c == "'" else text.find(c, j + 1)
        if close == -1 or close >= stop:
            return -1
        i = close + 1


def closing_paren(text: str, open_at: int) -> int | None:
    """Index of the ``)`` closing the ``(`` at ``open_at`` (quotes skipped), else None."""
    depth = 0
    i = open_at
    while True:
        tok = _PAREN_OR_QUOTE.search(text, i)
        if tok is None:
            return None
        c = tok.group()
        j = tok.start()
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
        else:
            close = find_quote_end(text, j + 1) if c == "'" else text.find(c, j + 1)
            if close == -1:
                return None
            i = close + 1
            continue
        i = j + 1


_ADD_PROPERTY = Lazy(r"\bsp_addextendedproperty\b", re.IGNORECASE)
# One argument: ``@name =`` (optional), then a literal (N'…'), a @variable, NULL or a word.
_PROPERTY_ARG = Lazy(
    r"\s*(?:@(\w+)\s*=\s*)?(?:N?'((?:[^']|'')*)'|(@\w+|\w+))\s*(,)?", re.IGNORECASE
)
_POSITIONAL = (
    "name",
    "value",
    "level0type",
    "level0name",
    "level1type",
    "level1name",
    "level2type",
    "level2name",
)


def extended_properties(body: str) -> list[tuple[str, str, str]]:
    """``MS_Description`` extended properties of tables and columns, as COMMENT ON would give.

    ``EXEC sp_addextendedproperty 'MS_Description', '患者', 'user', @CurrentUser, 'table',
    'T', 'column', 'C'`` (positional, PowerDesigner) and the named ``@name = N'…'`` form (SQL
    Server Management Studio) both count; the first schema-level argument is not needed.
    """
    found: list[tuple[str, str, str]] = []
    for call in _ADD_PROPERTY().finditer(body):
        args: dict[str, str | None] = {}
        i = call.end()
        for position in range(len(_POSITIONAL)):
            m = _PROPERTY_ARG().match(body, i)
            if m is None:
                break
            key = (m.group(1) or _POSITIONAL[position]).lower()
            args[key] = m.group(2).replace("''", "'") if m.group(2) is not None else None
            i = m.end()
            if m.group(4) is None:
                break
        name, value = args.get("name"), args.get("value")
        if (name or "").lower() != "ms_description" or not value or not value.strip():
            continue
        table = args.get("level1name")
        if (args.get("level1type") or "").lower() not in ("table", "view") or not table:
            continue
        literal = "'" + value.replace("'", "''") + "'"
        column = args.get("level2name")
        if (args.get("level2type") or "").lower() == "column" and column:
            found.append(("COLUMN", f'"{table}"."{column}"', literal))
        elif args.get("level2type") is None:
            found.append(("TABLE", f'"{table}"', literal))
    return found


# A comment that follows a column definition on its line: ``/* 身份证号 */`` or ``-- 身份证号``.
_TRAILING_COMMENT = re.compile(r"/\*(.*?)\*/|--([^\n]*)|'(?:[^']|'')*'", re.DOTALL)


def trailing_comment(text: str, start: int, stop: int) -> str | None:
    """The comment after the column starting at ``start``, on that column's line.

    Only text up to ``stop`` (the next column) counts, quoted strings are skipped, and an
    inline allow comment (``-- dataflow: allow …``) is not a description.
    """
    line_end = text.find("\n", start)
    if line_end == -1 or line_end > stop:
        line_end = stop
    pos = start
    while True:
        m = _TRAILING_COMMENT.search(text, pos, line_end)
        if m is None:
            return None
        pos = m.end()
        if m.group(1) is not None:
            comment = m.group(1)
        elif m.group(2) is not None:
            comment = m.group(2)
        else:
            continue
        comment = comment.strip().strip("*").strip()
        if comment and not ALLOW_MARK.match("--" + comment):
            return comment
        return None
