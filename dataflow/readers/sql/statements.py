"""Cutting a SQL file into statements: quotes, comments, dollar quoting, ``GO`` batches and run-on
statements without semicolons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dataflow.readers.sql.lazy import Lazy

MAX_STATEMENT_CHARS = 2 * 1024 * 1024

CREATE_TABLE = re.compile(
    r"CREATE\s+(?:OR\s+REPLACE\s+)?"
    r"(?:(?:GLOBAL|LOCAL|TEMPORARY|TEMP|EXTERNAL|TRANSIENT|VOLATILE|MULTISET|SET|UNLOGGED"
    r"|SHARDED|COLUMN|ROW|HYBRID|DYNAMIC|ICEBERG)\s+)*TABLE\b",
    re.IGNORECASE,
)
CREATE_OTHER = {
    "VIEW",
    "INDEX",
    "UNIQUE",
    "SEQUENCE",
    "FUNCTION",
    "PROCEDURE",
    "PROC",
    "TRIGGER",
    "DATABASE",
    "SCHEMA",
    "TYPE",
    "EXTENSION",
    "USER",
    "ROLE",
    "MATERIALIZED",
    "DOMAIN",
    "POLICY",
    "CLUSTERED",
    "NONCLUSTERED",
    "STAGE",
    "STREAM",
    "TASK",
    "TABLESPACE",
    "EVENT",
    "AGGREGATE",
    "CAST",
    "COLLATION",
    "CONVERSION",
    "OPERATOR",
    "PUBLICATION",
    "RULE",
    "SERVER",
    "STATISTICS",
    "SUBSCRIPTION",
    "SYNONYM",
    "PACKAGE",
    "LOGIN",
    "MACRO",
    "FILE",
    "WAREHOUSE",
    "BITMAP",
    "FULLTEXT",
    "SPATIAL",
    "MODEL",
    "CATALOG",
    "TEMPORARY",
    "TEMP",
    "DEFINER",
    "ALGORITHM",
    "SQL",
    "FOREIGN",
    "EDITIONABLE",
    "NONEDITIONABLE",
    "FORCE",
    "SECURE",
    "RECURSIVE",
    "LIBRARY",
    "DIRECTORY",
    "CONTEXT",
    "PROFILE",
    "RESOURCE",
}
OTHER_VERBS = {
    "ALTER",
    "DROP",
    "INSERT",
    "UPDATE",
    "DELETE",
    "SELECT",
    "WITH",
    "SET",
    "USE",
    "GRANT",
    "REVOKE",
    "BEGIN",
    "COMMIT",
    "ROLLBACK",
    "START",
    "LOCK",
    "UNLOCK",
    "TRUNCATE",
    "ANALYZE",
    "VACUUM",
    "EXPLAIN",
    "SHOW",
    "DESCRIBE",
    "DESC",
    "CALL",
    "EXEC",
    "EXECUTE",
    "DECLARE",
    "IF",
    "GO",
    "DELIMITER",
    "PRAGMA",
    "REPLACE",
    "MERGE",
    "COPY",
    "LOAD",
    "MSCK",
    "REFRESH",
    "CACHE",
    "UNCACHE",
    "ADD",
    "PRINT",
    "OPTIMIZE",
    "RENAME",
    "CLUSTER",
    "REINDEX",
    "DO",
    "SAVEPOINT",
    "RELEASE",
    "END",
    "VALUES",
    "UPSERT",
    "COMMENT",
    "DISCARD",
    "RESET",
    "PREPARE",
    "DEALLOCATE",
    "LISTEN",
    "NOTIFY",
    "FETCH",
    "CLOSE",
    "OPEN",
    "CHECKPOINT",
    "SECURITY",
    "LABEL",
    "IMPORT",
    "EXPORT",
    "SPOOL",
    "PROMPT",
    "WHENEVER",
    "DEFINE",
    "FLUSH",
    "KILL",
    "CHECK",
    "REPAIR",
    "HANDLER",
    "INSTALL",
    "UNINSTALL",
    "PURGE",
    "RESIGNAL",
    "SIGNAL",
    "RETURN",
    "WHILE",
    "LOOP",
    "FOR",
    "ABORT",
    "ELSE",
    "ELSIF",
    # SQL Server scripts: maintenance, control of flow and messages around the schema
    "DBCC",
    "RAISERROR",
    "THROW",
    "WAITFOR",
    "BACKUP",
    "RESTORE",
    "DENY",
    "RECONFIGURE",
    "BULK",
    "REVERT",
    "SETUSER",
    "ENABLE",
    "DISABLE",
    "BREAK",
    "CONTINUE",
    "GOTO",
}
# A stored procedure called without EXEC, as the first statement of a T-SQL batch may be:
# ``sp_helptext 'dbo.T'`` (system procedures start with sp_ or xp_).
PROCEDURE_CALL = re.compile(r"(?:sp|xp)_\w+(?:\s|$)", re.IGNORECASE)

ALLOW_MARK = re.compile(r"--\s*dataflow:\s*allow\b", re.IGNORECASE)
ALLOW = Lazy(
    r"--\s*dataflow:\s*allow\s+([A-Za-z0-9_][A-Za-z0-9_.*-]*)\s+(?:\"([^\"]+)\"|'([^']+)')",
    re.IGNORECASE,
)
COMMENT_ON = Lazy(
    r"COMMENT\s+ON\s+(TABLE|COLUMN)\s+(.+?)\s+IS\s+(NULL|'(?:[^']|'')*')\s*$",
    re.IGNORECASE | re.DOTALL,
)
# statement ends: ``;``, SQL Server's ``GO`` batch separator and SQL*Plus's ``/`` (Oracle
# scripts), each on a line of its own
_SPECIAL = re.compile(r"--|/\*|['\"`\[;$]|^[ \t]*(?:GO|/)[ \t\r]*$", re.MULTILINE | re.IGNORECASE)
_QUOTE_OR_ESCAPE = re.compile(r"['\\]")
_DOLLAR = Lazy(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$")


@dataclass(frozen=True)
class Statement:
    """One statement: ``raw_start`` (after the previous ``;``), ``start`` (its first token)."""

    raw_start: int
    start: int
    end: int
    text: str


def split_statements(text: str) -> list[Statement]:
    """Split SQL text on top-level ``;`` (not inside quotes, comments or dollar quotes)."""
    out: list[Statement] = []
    n = len(text)
    i = 0
    seg = 0
    slashes = _SLASH_LINE().search(text) is not None
    while True:
        m = _SPECIAL.search(text, i)
        if m is None:
            _emit(text, seg, n, out)
            break
        tok = m.group()
        j = m.start()
        if tok == ";":
            block_end = _block_end(text, seg, j) if slashes else None
            if block_end is not None:  # a PL/SQL block, up to its ``/`` line
                _emit(text, seg, block_end[0], out)
                seg = i = block_end[1]
            else:
                _emit(text, seg, j, out)
                seg = i = _past_copy_rows(text, seg, j)
        elif tok.strip().upper() in ("GO", "/"):
            _emit(text, seg, j, out)
            seg = i = m.end()
        else:
            i = skip_quoted(text, j, tok)
            if tok == "/*" and text.startswith("/*!", j):
                i = _conditional_end(text, j, i)
            if tok in _QUOTES and text.find("\n", j, i) != -1 and _prose(text, seg, j):
                # an unclosed quote on a line of prose (``Here's the next table``) ends
                # with its line: it does not swallow the statements after it
                nl = text.find("\n", j)
                _emit(text, seg, nl, out)
                seg = i = nl + 1
        if i >= n:
            _emit(text, seg, n, out)
            break
    return out


_QUOTES = ("'", '"', "`")
# The first word of a statement: a statement of SQL starts with one of its verbs.
_FIRST_WORD = Lazy(r"[^\W\d]\w*")
# ``COPY … FROM stdin;`` (pg_dump): the rows follow as lines of text, up to a line ``\.``.
_COPY_STDIN = Lazy(r"COPY\b[^;]*\bFROM\s+STDIN\b", re.IGNORECASE)
_END_OF_COPY = Lazy(r"^\\\.[ \t\r]*$", re.MULTILINE)


def _prose(text: str, seg: int, j: int) -> bool:
    """Whether the statement at ``seg`` is a line of prose (its first word no SQL verb) and
    the quote at ``j`` stands on that first line."""
    start = _skip_space_and_comments(text, seg, j)
    if text.find("\n", start, j) != -1:
        return False
    m = _FIRST_WORD().match(text, start, j)
    if m is None:
        return False
    word = m.group().upper()
    return (
        word not in OTHER_VERBS
        and word not in ("CREATE", "COMMENT")
        and PROCEDURE_CALL.match(text, start) is None
    )


# A CREATE TABLE that starts a line.
TABLE_LINE = Lazy(r"^[ \t]*" + CREATE_TABLE.pattern, re.IGNORECASE | re.MULTILINE)


def _conditional_end(text: str, j: int, end: int) -> int:
    """Where the MySQL conditional comment ``/*!…`` at ``j`` ends: at ``end`` (after its
    ``*/``), or after its first line when it is a fragment left open there (``/*!40101 SET
    …`` without its ``*/``) and a CREATE TABLE starts a later line before ``end``."""
    nl = text.find("\n", j, end)
    if nl == -1 or TABLE_LINE().search(text, nl, end) is None:
        return end
    return nl + 1


def _past_copy_rows(text: str, seg: int, j: int) -> int:
    """Where the text after the statement ending at ``j`` starts: after its ``\\.`` line when
    it is a ``COPY … FROM stdin`` whose rows follow (a row's ``O'Brien`` is no quote), else
    right after the ``;``."""
    start = _skip_space_and_comments(text, seg, j)
    if not _COPY_STDIN().match(text, start, j):
        return j + 1
    end = _END_OF_COPY().search(text, j)
    if end is None:
        return j + 1
    return end.end()


# PL/SQL units, whose bodies hold ``;``: SQL*Plus reads them up to a ``/`` line. ``BEGIN;``
# and ``BEGIN TRANSACTION`` (MySQL, SQL Server) start transactions, not blocks.
_PLSQL_BLOCK = Lazy(
    r"(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:NON)?EDITIONABLE\s+)?"
    r"(?:TRIGGER|PROCEDURE|FUNCTION|PACKAGE|TYPE\s+BODY)\b|DECLARE\b"
    r"|BEGIN\b(?!\s*;)(?!\s+(?:TRAN|TRANSACTION|WORK|DISTRIBUTED)\b))",
    re.IGNORECASE,
)
_DDL = Lazy(r"(?:CREATE|ALTER|DROP|GRANT|REVOKE|COMMENT|TRUNCATE|RENAME)\b", re.IGNORECASE)
_SLASH_LINE = Lazy(r"^[ \t]*/[ \t\r]*$", re.MULTILINE)


def _block_end(text: str, seg: int, j: int) -> tuple[int, int] | None:
    """Where the PL/SQL block the statement at ``seg`` opens ends (its first ``;`` is at
    ``j``), and where the text after it starts: at the ``/`` line, or at the ``;`` a DDL
    statement follows (PL/SQL holds no DDL but in quotes, so a block without its ``/``
    ends there). None when the statement opens no block or nothing ends it before a ``GO``
    or the end of the text."""
    if not _PLSQL_BLOCK().match(text, _skip_space_and_comments(text, seg, j)):
        return None
    i = j
    while True:
        m = _SPECIAL.search(text, i)
        if m is None:
            return None
        tok = m.group()
        if tok.strip() == "/":
            return m.start(), m.end()
        if tok.strip().upper() == "GO":
            return None
        if tok == ";":
            after = _skip_space_and_comments(text, m.end(), len(text))
            if _DDL().match(text, after):
                return m.start(), m.end()
            i = m.end()
        else:
            i = skip_quoted(text, m.start(), tok)


def skip_quoted(text: str, j: int, tok: str) -> int:
    """Index just after the comment, quoted text or dollar quote ``tok`` opening at ``j``."""
    n = len(text)
    if tok == "--":
        nl = text.find("\n", j)
        return n if nl == -1 else nl + 1
    if tok == "/*":
        close = text.find("*/", j + 2)
        return n if close == -1 else close + 2
    if tok == "$":
        dm = _DOLLAR().match(text, j)
        if dm is None:
            return j + 1
        close = text.find(dm.group(), dm.end())
        return n if close == -1 else close + len(dm.group())
    closer = "]" if tok == "[" else tok
    k = j + 1
    while True:
        k = text.find(closer, k) if tok != "'" else find_quote_end(text, k)
        if k == -1:
            return n
        if tok != "'" and k + 1 < n and text[k + 1] == closer and tok != "[":
            k += 2  # doubled quote
            continue
        return min(k + 1, n)


def find_quote_end(text: str, k: int) -> int:
    """Index of the quote closing a single-quoted string that started before ``k``."""
    n = len(text)
    while True:
        m = _QUOTE_OR_ESCAPE.search(text, k)
        if m is None:
            return -1
        k = m.start()
        if text[k] == "\\":
            k += 2
            continue
        if k + 1 < n and text[k + 1] == "'":
            k += 2
            continue
        return k


def _emit(text: str, raw_start: int, end: int, out: list[Statement]) -> None:
    start = _skip_space_and_comments(text, raw_start, end)
    if start < end:
        out.append(Statement(raw_start, start, end, text[start:end]))


def _skip_space_and_comments(text: str, i: int, end: int) -> int:
    while i < end:
        if text[i].isspace():
            i += 1
        elif text.startswith("--", i):
            nl = text.find("\n", i)
            i = end if nl == -1 else nl + 1
        elif text.startswith("/*", i):
            close = text.find("*/", i + 2)
            after = len(text) if close == -1 else close + 2
            if text.startswith("/*!", i):
                after = _conditional_end(text, i, after)
            i = min(after, end)
        else:
            break
    return min(i, end)


# Session statements on lines of their own at the start of a script (``SET XACT_ABORT ON``,
# ``SET NAMES utf8``, ``BEGIN TRANSACTION name``, ``START TRANSACTION``), no ';' after them.
_SESSION_PREAMBLE = Lazy(
    r"(?:[ \t]*(?:SET\b|BEGIN\s+TRAN(?:SACTION)?\b|START\s+TRANSACTION\b)[^\n;]*(?:\n|$)\s*)+",
    re.IGNORECASE,
)


# Statements that may begin where no ';' ended the one before (hand-edited dumps, scripts
# pasted together), at the start of a line or right after a ``)``: each kind is a named
# group; ``create`` is any other CREATE.
_BOUNDARY = re.compile(
    r"(?:^|(?<=\)))[ \t]*(?:(?P<table>" + CREATE_TABLE.pattern + r")"
    r"|(?P<index>CREATE\s+(?:UNIQUE\s+)?(?:(?:CLUSTERED|NONCLUSTERED|BITMAP)\s+)?INDEX\b)"
    r"|(?P<database>CREATE\s+(?:DATABASE|SCHEMA)\b)"
    r"|(?P<create>CREATE\b)"
    r"|(?P<use>USE\b)"
    r"|(?P<alter>ALTER\s+TABLE\b)"
    r"|(?P<insert>INSERT\s+(?:INTO|OVERWRITE)\b)"
    r"|(?P<select>SELECT\b)"
    r"|(?P<drop>DROP\s+(?:TABLE|VIEW|SEQUENCE)\b)"
    r"|(?P<comment>COMMENT\s+ON\b)"
    r"|(?P<commit>COMMIT\b)"
    r"|(?P<guard>IF\s+(?:NOT\s+)?EXISTS(?=\s*\()))",
    re.IGNORECASE | re.MULTILINE,
)
# Statements a later one may be cut from: their text never holds another statement (unlike a
# procedure, trigger or IF block).
_CUTTABLE = frozenset(
    {"table", "index", "database", "use", "alter", "insert", "select", "drop", "comment"}
)
# The first word of every kind of ``_BOUNDARY`` (what each of its kinds begins with).
_BOUNDARY_WORD = Lazy(
    r"[ \t]*(?:CREATE|USE|ALTER|INSERT|SELECT|DROP|COMMENT\s+ON|COMMIT|IF)\b", re.IGNORECASE
)
_RUN_ON_SCAN = Lazy(r"--|/\*|['\"`\[()$]|" + _BOUNDARY.pattern, re.IGNORECASE | re.MULTILINE)
_ENDS_WITH_AS = Lazy(r"\bAS\s*$", re.IGNORECASE)
_QUERY_WORD = Lazy(r"\b(?:AS|SELECT|LIKE)\b", re.IGNORECASE)


def split_run_on(stmt: Statement) -> list[Statement]:
    """``stmt`` cut where a new statement begins although no ``;`` ended the previous one.

    A CREATE TABLE whose column list is closed, an INSERT, a SELECT, an ALTER TABLE… is
    complete where a CREATE, USE, ALTER TABLE, INSERT, DROP TABLE or COMMENT ON begins a line or
    follows a ``)``, outside parentheses, quotes and comments; a SELECT or ``IF [NOT]
    EXISTS (`` only cuts after a CREATE TABLE with a closed column list (``CREATE TABLE t AS
    SELECT`` stays whole). The comments between two statements belong to the second.
    """
    text = stmt.text
    preamble = _SESSION_PREAMBLE().match(text)
    if preamble is not None and _BOUNDARY.match(text, preamble.end()):
        # ``SET XACT_ABORT ON`` / ``BEGIN TRANSACTION`` lines with no ';' before the first
        # CREATE (SQL Server scripts exported by diagram tools): a statement of their own.
        cut = preamble.end()
        session = Statement(stmt.start, stmt.start, stmt.start + cut, text[:cut].rstrip())
        rest = Statement(stmt.start + cut, stmt.start + cut, stmt.end, text[cut:])
        return [session, *split_run_on(rest)]
    first = _BOUNDARY.match(text)
    if first is None or first.lastgroup not in _CUTTABLE or not _boundary_after_start(text):
        return [stmt]
    out: list[Statement] = []
    kind: str | None = first.lastgroup
    piece = raw = 0
    depth = 0
    closed = False  # the current piece is a CREATE TABLE whose column list has closed
    listed = _lists_columns(text, first)
    gap: int | None = None  # where the comments just before the scan position begin
    i = first.end()
    while True:
        m = _RUN_ON_SCAN().search(text, i)
        if m is None:
            break
        j = m.start()
        if gap is not None and text[i:j].strip():
            gap = None
        tok = m.group()
        if m.lastgroup is None:
            if tok in ("--", "/*"):
                own_line = not text[text.rfind("\n", 0, j) + 1 : j].strip()
                if gap is None and own_line:  # not one that ends the previous line
                    gap = j
                i = skip_quoted(text, j, tok)
                continue
            gap = None
            if tok in "()":
                depth = max(0, depth + (1 if tok == "(" else -1))
                closed = closed or (depth == 0 and tok == ")" and listed)
                i = j + 1
            else:
                i = skip_quoted(text, j, tok)
            continue
        new = m.lastgroup
        j = m.start(new)
        if (
            depth == 0
            and kind is not None
            and _may_follow(kind, new, closed, text[max(piece, j - 40) : j])
        ):
            end = gap if gap is not None else j
            head = text[piece:end].rstrip()
            out.append(
                Statement(
                    stmt.start + raw, stmt.start + piece, stmt.start + piece + len(head), head
                )
            )
            piece, raw = j, piece + len(head)
            kind = new if new in _CUTTABLE else None
            closed, listed = False, _lists_columns(text, m)
        gap = None
        i = m.end()
    out.append(Statement(stmt.start + raw, stmt.start + piece, stmt.end, text[piece:]))
    return out


def _boundary_after_start(text: str) -> bool:
    """Whether a statement may begin anywhere in ``text`` after its first character, i.e.
    ``_BOUNDARY.search(text, 1)``: tried only just after a line break or a ``)``, the only
    places it can match, and only where a word one of its kinds begins with stands there. The
    search itself attempts its leading ``^``/lookbehind at every character, a good part of the
    time a short CREATE TABLE takes to read."""
    for mark in ("\n", ")"):
        at = text.find(mark)
        while at != -1:
            if _BOUNDARY_WORD().match(text, at + 1) and _BOUNDARY.match(text, at + 1):
                return True
            at = text.find(mark, at + 1)
    return False


def _lists_columns(text: str, m: re.Match[str]) -> bool:
    """Whether the statement ``m`` begins is a CREATE TABLE whose first ``(`` opens its
    column list (no AS, SELECT or LIKE before it)."""
    if m.lastgroup != "table":
        return False
    start = text.find("(", m.end())
    return start != -1 and _QUERY_WORD().search(text, m.end(), start) is None


def _may_follow(kind: str, new: str, closed: bool, before: str) -> bool:
    """Whether a statement of kind ``new`` may start after one of ``kind``: ``closed`` when
    that is a CREATE TABLE whose column list has closed; ``before`` is the text just before."""
    if new not in ("select", "guard"):
        return True
    if kind != "table":
        return new == "select" and kind in ("index", "alter", "drop", "comment")
    return closed and not _ENDS_WITH_AS().search(before)
