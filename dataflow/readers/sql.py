"""SQL DDL through sqlglot: CREATE TABLE statements with their comments, types and lines.

The file is split into statements here (quotes, comments and dollar-quoting respected), so
one broken statement is reported with its line while the others still count. Each CREATE
TABLE is parsed with the dialects the text suggests first (MySQL, PostgreSQL, Hive/Spark,
SQL Server, Oracle, SQLite, Snowflake, BigQuery, Teradata, generic); the first that parses
wins. Column and table comments (inline ``COMMENT``, ``COMMENT=``, ``COMMENT ON … IS``, SQL
Server's ``sp_addextendedproperty 'MS_Description'``, and a ``/* … */`` or ``-- …`` comment
that follows a column on its line, as PowerDesigner writes them) are kept, as are inline allow
comments ``-- dataflow: allow <element> "reason"`` on or just above a column line. A CREATE
TABLE guarded by ``IF [NOT] EXISTS (…)`` (generated SQL Server scripts) is read too, and so
is one that follows a complete statement with no ``;`` between them (``split_run_on``).
``column : meaning`` lines in the comments above a CREATE TABLE are its columns' comments
(``_sql_comments``). Storage tails the parser does not know (``ON [PRIMARY]``, ``DISTRIBUTED
BY``, Oracle and DB2 storage) are skipped quietly; any other skipped tail, and any table not
read, is a problem naming the table and its line.

sqlglot's error messages and log lines quote the SQL, so its logger is silenced while parsing
and problems are described in dataflow's own words with positions only.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from dataflow.i18n import msg
from dataflow.model import AddedKey, Dataset, Field, ForeignKey, Words
from dataflow.readers._common import MAX_FIELDS, LineIndex, Problems

MAX_STATEMENT_CHARS = 2 * 1024 * 1024

DIALECTS = (
    "mysql",
    "postgres",
    "hive",
    "spark",
    "tsql",
    "oracle",
    "sqlite",
    "snowflake",
    "bigquery",
    "teradata",
    "clickhouse",
    "doris",
    "starrocks",
    "redshift",
    "duckdb",
    "",
)

_HINTS: dict[str, tuple[str, ...]] = {
    "mysql": (r"`", r"\bENGINE\s*=", r"\bAUTO_INCREMENT\b", r"\bCOMMENT\s*=", r"\bCHARSET\b"),
    "postgres": (
        r"\bCOMMENT\s+ON\b",
        r"\b(?:BIG|SMALL)?SERIAL\b",
        r"::",
        r"\bJSONB\b",
        r"\bTIMESTAMPTZ\b",
        r"\bGENERATED\s+(?:ALWAYS|BY\s+DEFAULT)\s+AS\s+IDENTITY\b",
        r"\w\[\]",
        r"\bPARTITION\s+BY\s+(?:RANGE|LIST|HASH)\b",
        r"\bBYTEA\b",
    ),
    "hive": (
        r"\bSTORED\s+AS\b",
        r"\bROW\s+FORMAT\b",
        r"\bTBLPROPERTIES\b",
        r"\bPARTITIONED\s+BY\b",
    ),
    "spark": (r"\bUSING\s+(?:DELTA|PARQUET|ICEBERG)\b",),
    "tsql": (r"\[dbo\]", r"\bIDENTITY\s*\(", r"\bNVARCHAR\s*\(\s*MAX\b", r"(?m)^\s*GO\s*$"),
    "oracle": (
        r"\bN?VARCHAR2\b",
        r"\bNUMBER\s*\(",
        r"\bCLOB\b",
        r"\bENABLE\b",
        r"\bTABLESPACE\b",
    ),
    "clickhouse": (
        r"\bENGINE\s*=\s*\w*(?:MergeTree|Log)\b",
        r"\bU?Int(?:8|16|32|64|128|256)\b",
        r"\bNullable\s*\(",
        r"\bLowCardinality\s*\(",
    ),
    "doris": (
        r"\b(?:DUPLICATE|AGGREGATE|UNIQUE)\s+KEY\s*\(",
        r"\bDISTRIBUTED\s+BY\s+HASH\b",
        r"\bBUCKETS\b",
        r"\bPROPERTIES\s*\(",
    ),
    "teradata": (r"\bMULTISET\b", r"\bVOLATILE\b", r"\bPRIMARY\s+INDEX\b"),
}

_CREATE_TABLE = re.compile(
    r"CREATE\s+(?:OR\s+REPLACE\s+)?"
    r"(?:(?:GLOBAL|LOCAL|TEMPORARY|TEMP|EXTERNAL|TRANSIENT|VOLATILE|MULTISET|SET|UNLOGGED"
    r"|SHARDED|COLUMN|ROW|HYBRID|DYNAMIC|ICEBERG)\s+)*TABLE\b",
    re.IGNORECASE,
)
_CREATE_OTHER = {
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
_OTHER_VERBS = {
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
}

_ALLOW_MARK = re.compile(r"--\s*dataflow:\s*allow\b", re.IGNORECASE)
_ALLOW = re.compile(
    r"--\s*dataflow:\s*allow\s+([A-Za-z0-9_][A-Za-z0-9_.*-]*)\s+(?:\"([^\"]+)\"|'([^']+)')",
    re.IGNORECASE,
)
_COMMENT_ON = re.compile(
    r"COMMENT\s+ON\s+(TABLE|COLUMN)\s+(.+?)\s+IS\s+(NULL|'(?:[^']|'')*')\s*$",
    re.IGNORECASE | re.DOTALL,
)
# statement ends: ``;``, SQL Server's ``GO`` batch separator and SQL*Plus's ``/`` (Oracle
# scripts), each on a line of its own
_SPECIAL = re.compile(r"--|/\*|['\"`\[;$]|^[ \t]*(?:GO|/)[ \t\r]*$", re.MULTILINE | re.IGNORECASE)
_QUOTE_OR_ESCAPE = re.compile(r"['\\]")
_DOLLAR = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$")


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
    while True:
        m = _SPECIAL.search(text, i)
        if m is None:
            _emit(text, seg, n, out)
            break
        tok = m.group()
        j = m.start()
        if tok == ";":
            _emit(text, seg, j, out)
            seg = i = j + 1
        elif tok.strip().upper() in ("GO", "/"):
            _emit(text, seg, j, out)
            seg = i = m.end()
        else:
            i = _skip(text, j, tok)
        if i >= n:
            _emit(text, seg, n, out)
            break
    return out


def _skip(text: str, j: int, tok: str) -> int:
    """Index just after the comment, quoted text or dollar quote ``tok`` opening at ``j``."""
    n = len(text)
    if tok == "--":
        nl = text.find("\n", j)
        return n if nl == -1 else nl + 1
    if tok == "/*":
        close = text.find("*/", j + 2)
        return n if close == -1 else close + 2
    if tok == "$":
        dm = _DOLLAR.match(text, j)
        if dm is None:
            return j + 1
        close = text.find(dm.group(), dm.end())
        return n if close == -1 else close + len(dm.group())
    closer = "]" if tok == "[" else tok
    k = j + 1
    while True:
        k = text.find(closer, k) if tok != "'" else _find_quote_end(text, k)
        if k == -1:
            return n
        if tok != "'" and k + 1 < n and text[k + 1] == closer and tok != "[":
            k += 2  # doubled quote
            continue
        return min(k + 1, n)


def _find_quote_end(text: str, k: int) -> int:
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
            i = end if close == -1 else close + 2
        else:
            break
    return min(i, end)


# Statements that may begin where no ';' ended the one before (hand-edited dumps, scripts
# pasted together), at the start of a line or right after a ``)``: each kind is a named
# group; ``create`` is any other CREATE.
_BOUNDARY = re.compile(
    r"(?:^|(?<=\)))[ \t]*(?:(?P<table>" + _CREATE_TABLE.pattern + r")"
    r"|(?P<index>CREATE\s+(?:UNIQUE\s+)?(?:(?:CLUSTERED|NONCLUSTERED|BITMAP)\s+)?INDEX\b)"
    r"|(?P<create>CREATE\b)"
    r"|(?P<alter>ALTER\s+TABLE\b)"
    r"|(?P<insert>INSERT\s+(?:INTO|OVERWRITE)\b)"
    r"|(?P<select>SELECT\b)"
    r"|(?P<drop>DROP\s+(?:TABLE|VIEW|SEQUENCE)\b)"
    r"|(?P<comment>COMMENT\s+ON\b)"
    r"|(?P<guard>IF\s+(?:NOT\s+)?EXISTS(?=\s*\()))",
    re.IGNORECASE | re.MULTILINE,
)
# Statements a later one may be cut from: their text never holds another statement (unlike a
# procedure, trigger or IF block).
_CUTTABLE = frozenset({"table", "index", "alter", "insert", "select", "drop", "comment"})
_RUN_ON_SCAN = re.compile(r"--|/\*|['\"`\[()$]|" + _BOUNDARY.pattern, re.IGNORECASE | re.MULTILINE)
_ENDS_WITH_AS = re.compile(r"\bAS\s*$", re.IGNORECASE)
_QUERY_WORD = re.compile(r"\b(?:AS|SELECT|LIKE)\b", re.IGNORECASE)


def split_run_on(stmt: Statement) -> list[Statement]:
    """``stmt`` cut where a new statement begins although no ``;`` ended the previous one.

    A CREATE TABLE whose column list is closed, an INSERT, a SELECT, an ALTER TABLE… is
    complete where a CREATE, ALTER TABLE, INSERT, DROP TABLE or COMMENT ON begins a line or
    follows a ``)``, outside parentheses, quotes and comments; a SELECT or ``IF [NOT]
    EXISTS (`` only cuts after a CREATE TABLE with a closed column list (``CREATE TABLE t AS
    SELECT`` stays whole). The comments between two statements belong to the second.
    """
    text = stmt.text
    first = _BOUNDARY.match(text)
    if first is None or first.lastgroup not in _CUTTABLE or not _BOUNDARY.search(text, 1):
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
        m = _RUN_ON_SCAN.search(text, i)
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
                i = _skip(text, j, tok)
                continue
            gap = None
            if tok in "()":
                depth = max(0, depth + (1 if tok == "(" else -1))
                closed = closed or (depth == 0 and tok == ")" and listed)
                i = j + 1
            else:
                i = _skip(text, j, tok)
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


def _lists_columns(text: str, m: re.Match[str]) -> bool:
    """Whether the statement ``m`` begins is a CREATE TABLE whose first ``(`` opens its
    column list (no AS, SELECT or LIKE before it)."""
    if m.lastgroup != "table":
        return False
    start = text.find("(", m.end())
    return start != -1 and _QUERY_WORD.search(text, m.end(), start) is None


def _may_follow(kind: str, new: str, closed: bool, before: str) -> bool:
    """Whether a statement of kind ``new`` may start after one of ``kind``: ``closed`` when
    that is a CREATE TABLE whose column list has closed; ``before`` is the text just before."""
    if new not in ("select", "guard"):
        return True
    if kind != "table":
        return new == "select" and kind in ("index", "alter", "drop", "comment")
    return closed and not _ENDS_WITH_AS.search(before)


# Text every match of the hint at the same place in ``_HINTS`` contains, upper-cased: the
# pattern is only run when the upper-cased text contains it.
_HINT_ANCHORS: dict[str, tuple[str, ...]] = {
    "mysql": ("`", "ENGINE", "AUTO_INCREMENT", "COMMENT", "CHARSET"),
    "postgres": (
        "COMMENT",
        "SERIAL",
        "::",
        "JSONB",
        "TIMESTAMPTZ",
        "GENERATED",
        "[]",
        "PARTITION",
        "BYTEA",
    ),
    "hive": ("STORED", "ROW", "TBLPROPERTIES", "PARTITIONED"),
    "spark": ("USING",),
    "tsql": ("[DBO]", "IDENTITY", "NVARCHAR", "GO"),
    "oracle": ("VARCHAR2", "NUMBER", "CLOB", "ENABLE", "TABLESPACE"),
    "clickhouse": ("ENGINE", "INT", "NULLABLE", "LOWCARDINALITY"),
    "doris": ("KEY", "DISTRIBUTED", "BUCKETS", "PROPERTIES"),
    "teradata": ("MULTISET", "VOLATILE", "INDEX"),
}
# Characters that case-insensitive matching equates with an ASCII letter (İ ı ſ K): with one
# of them in the text, upper-casing does not show every match, so every pattern runs.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
_COMPILED_HINTS: list[tuple[str, tuple[tuple[re.Pattern[str], str], ...]]] = []


def guess_dialects(text: str) -> list[str]:
    """Dialects to try, the ones the text hints at first."""
    if not _COMPILED_HINTS:
        _COMPILED_HINTS.extend(
            (
                d,
                tuple(
                    zip((re.compile(p, re.IGNORECASE) for p in pats), _HINT_ANCHORS[d], strict=True)
                ),
            )
            for d, pats in _HINTS.items()
        )
    sample = text[: 256 * 1024]
    upper = None if _FOLDS_TO_ASCII.search(sample) else sample.upper()
    scores = {
        d: sum(1 for p, anchor in pats if (upper is None or anchor in upper) and p.search(sample))
        for d, pats in _COMPILED_HINTS
    }
    order = list(DIALECTS)
    order.sort(key=lambda d: -scores.get(d, 0))  # stable: ties keep the default order
    return order


@contextmanager
def _quiet_sqlglot() -> Iterator[None]:
    """sqlglot logs warnings that quote the SQL; keep them out of every output."""
    logger = logging.getLogger("sqlglot")
    was = logger.disabled
    logger.disabled = True
    try:
        yield
    finally:
        logger.disabled = was


def _parse_create(sql: str, dialects: list[str]) -> tuple[Any, str | None, tuple[int, int] | None]:
    """``(expression, dialect, None)`` or ``(None, None, (line, col) of the first error)``."""
    import sqlglot
    from sqlglot import exp
    from sqlglot.errors import ParseError

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


_ORACLE_NOISE = re.compile(r"\b(?:ENABLE|DISABLE|NOVALIDATE|VALIDATE|NOT\s+DEFERRABLE)\b", re.I)
_LENGTH_SEMANTICS = re.compile(r"(\(\s*\d+)(\s+(?:BYTE|CHAR))(?=\s*\))", re.I)
_PAREN_OR_QUOTE = re.compile(r"[()'\"`]")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _lenient(sql: str) -> str | None:
    """``CREATE TABLE name (columns)`` alone, Oracle column noise blanked out (same offsets).

    Storage and table options after the column list (Oracle ``TABLESPACE``/``PCTFREE``,
    engine-specific clauses) are what most often stops the parser; the columns are what
    matter here. ``None`` when the column list is not closed (a truncated statement).
    """
    m = _CREATE_TABLE.match(sql)
    if m is None:
        return None
    start = sql.find("(", m.end())
    close = _closing_paren(sql, start) if start != -1 else None
    if close is None:
        return None
    body = _ORACLE_NOISE.sub(_blank, sql[: close + 1])
    return _LENGTH_SEMANTICS.sub(lambda mm: mm.group(1) + " " * len(mm.group(2)), body)


# Storage and distribution options the SQL parser does not know, read as harmless: SQL Server
# filegroups, Greenplum distribution, Oracle and DB2 storage, PostgreSQL OIDS, MaxCompute
# lifecycle. Parenthesised groups are matched as ``()`` (``_tail_is_storage`` empties them).
_NAME_WORD = r"(?:\[[^\]]*\]|\"[^\"]*\"|`[^`]*`|[\w$]+)"
_STORAGE_OPTION = (
    rf"ON\s+{_NAME_WORD}(?:\s*\(\))?"
    rf"|(?:TEXTIMAGE_ON|FILESTREAM_ON)\s+{_NAME_WORD}"
    r"|WITH\s*\(\)|WITH(?:OUT)?\s+OIDS"
    r"|DISTRIBUTED\s+(?:BY\s*\(\)|RANDOMLY|REPLICATED)"
    r"|(?:SUB)?PARTITION\s+BY\s+(?:RANGE|LIST|HASH)\s*\(\)(?:\s*\(\))?"
    rf"|TABLESPACE\s+{_NAME_WORD}"
    r"|(?:PCTFREE|PCTUSED|INITRANS|MAXTRANS|LIFECYCLE|PARALLEL)\s*=?\s*\d+"
    r"|STORAGE\s*\(\)"
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
_STORAGE_TAIL = re.compile(rf"(?:\s*(?:{_STORAGE_OPTION})(?![\w$]))*[\s;]*", re.IGNORECASE)
_TAIL_SPECIAL = re.compile(r"--|/\*|['\"`\[(]")


def _tail_is_storage(tail: str) -> bool:
    """Whether the text after a column list holds only storage options (``_STORAGE_OPTION``)."""
    parts: list[str] = []
    i = 0
    while True:
        m = _TAIL_SPECIAL.search(tail, i)
        if m is None:
            parts.append(tail[i:])
            break
        parts.append(tail[i : m.start()])
        tok = m.group()
        if tok == "(":
            close = _closing_paren(tail, m.start())
            if close is None:
                return False
            parts.append("()")
            i = close + 1
            continue
        end = _skip(tail, m.start(), tok)
        if tok in ("--", "/*"):
            parts.append(" ")
        else:  # quoted names stay: they are words of an option (TEXTIMAGE_ON [PRIMARY])
            parts.append(tail[m.start() : end])
        i = end
    return _STORAGE_TAIL.fullmatch("".join(parts)) is not None


_TABLE_NAME = re.compile(
    r"\s+(?:IF\s+NOT\s+EXISTS\s+)?("
    + r"[`\"\[]?[\w$]+[`\"\]]?(?:\s*\.\s*[`\"\[]?[\w$]+[`\"\]]?){0,2}"
    + ")",
    re.IGNORECASE,
)


_TABLE_SCAN = re.compile(r"--|/\*|['\"`\[$]|(?<![\w$@#.])" + _CREATE_TABLE.pattern, re.IGNORECASE)


def _also_lost(text: str, start: int, offset: int, index: LineIndex) -> Words:
    """``; CREATE TABLE b (line 9) in it is not read either`` for the tables after ``start``
    (empty when there are none)."""
    lost: list[Words] = []
    i = start
    while True:
        m = _TABLE_SCAN.search(text, i)
        if m is None:
            break
        tok = m.group()
        if tok in ("--", "/*", "'", '"', "`", "[", "$"):
            i = _skip(text, m.start(), tok)
            continue
        at = index.line(offset + m.start())
        lost.append(msg("p.sql_lost_table", table=_table_named(text, m.start()), line=at))
        i = m.end()
    if not lost:
        return Words("", "")
    return msg("p.sql_also_lost", tables=lost)


def _table_named(text: str, at: int = 0) -> str:
    """The name of the CREATE TABLE at ``at`` for a message (masked like any name)."""
    created = _CREATE_TABLE.match(text, at)
    m = _TABLE_NAME.match(text, created.end()) if created else None
    if m is None:
        return msg("p.sql_name_unreadable")
    return _masked(".".join(_unquote(p) for p in m.group(1).split(".")))


def _masked(name: str) -> str:
    from dataflow.detect.names import scrub

    return scrub(name)


def _literal(node: Any) -> str | None:
    from sqlglot import exp

    if node is None:
        return None
    if isinstance(node, exp.Literal):
        text = str(node.this)
    else:
        text = node.name if hasattr(node, "name") else str(node)
    text = text.strip()
    return text or None


def _first_word(text: str) -> str:
    m = re.match(r"[A-Za-z_]+", text)
    return m.group().upper() if m else ""


def read_sql(
    text: str, path: str, problems: Problems, added: list[AddedKey] | None = None
) -> list[Dataset]:
    """Datasets of every CREATE TABLE in ``text``; problems for statements that fail to parse.

    Foreign keys an ALTER TABLE adds to a table this text does not create go to ``added``
    (for a table of another file), or are reported when ``added`` is None.
    """
    index = LineIndex(text)
    lines = text.split("\n")
    dialects = guess_dialects(text)
    batches = _GO_LINE.search(text) is not None  # SQL Server batches: ';' is optional
    datasets: list[Dataset] = []
    comments: list[tuple[str, str, str]] = []  # (kind, name, comment)
    altered: list[AddedKey] = []  # ALTER TABLE … ADD FOREIGN KEY
    gaps: list[str] = []  # the text before each dataset's statement (its comments)
    with _quiet_sqlglot():
        for stmt in (piece for whole in split_statements(text) for piece in split_run_on(whole)):
            body = stmt.text
            word = _first_word(body)
            while word == "GO" or body.startswith("\\"):  # batch separators, psql meta-commands
                cut = body.find("\n")
                if cut == -1:
                    body = ""
                    break
                shift = len(body) - len(body[cut:].lstrip())
                stmt = replace(stmt, start=stmt.start + shift, text=body[shift:])
                body = stmt.text
                word = _first_word(body)
            if not body.strip():
                continue
            line = index.line(stmt.start)
            gap = text[stmt.raw_start : stmt.start]
            if stmt.raw_start and text[stmt.raw_start - 1] != "\n":  # the previous line's end
                gap = gap[gap.find("\n") + 1 :] if "\n" in gap else ""
            if "EXTENDEDPROPERTY" in body.upper():  # also after a CREATE TABLE of one batch
                comments.extend(_extended_properties(body))
            if _CREATE_TABLE.match(body):
                if batches:
                    stmt = _batch_head(stmt)
                ds = _create_table(stmt, path, dialects, index, text, lines, problems)
                if ds is not None:
                    datasets.append(ds)
                    gaps.append(gap)
                continue
            if word == "COMMENT":
                m = _COMMENT_ON.match(body)
                if m:
                    comments.append((m.group(1).upper(), m.group(2), m.group(3)))
                continue
            guarded = _guarded_create(stmt) if word in ("IF", "BEGIN") else None
            if guarded is not None:
                ds = _create_table(guarded, path, dialects, index, text, lines, problems)
                if ds is not None:
                    datasets.append(ds)
                    gaps.append(gap)
                continue
            if word == "CREATE":
                words = re.findall(r"[A-Za-z_]+", body[:200].upper())[1:6]
                if not any(w in _CREATE_OTHER for w in words):
                    problems.add(
                        msg("p.sql_create_other"),
                        line,
                    )
                continue
            if word == "ALTER":
                altered.extend(AddedKey(t, fk, line) for t, fk in _alter_foreign_keys(body))
                described = _ALTER_COMMENT.match(body)
                if described:  # MySQL (PowerDesigner): ALTER TABLE t COMMENT '患者'
                    comments.append(("TABLE", described.group(1), described.group(2)))
            if word in _OTHER_VERBS:
                embedded = _CREATE_TABLE.search(body)
                if embedded and _parse_create(body[:MAX_STATEMENT_CHARS], dialects)[0] is None:
                    if batches and _paren_depth(body, embedded.start()) == 0:
                        # T-SQL needs no ';' between statements: ``IF EXISTS (…) DROP TABLE
                        # t CREATE TABLE t (…)`` is two statements of one batch.
                        at = embedded.start()
                        inner = Statement(stmt.start + at, stmt.start + at, stmt.end, body[at:])
                        ds = _create_table(inner, path, dialects, index, text, lines, problems)
                        if ds is not None:
                            datasets.append(ds)
                            gaps.append("")
                        continue
                    problems.add(
                        msg(
                            "p.sql_embedded",
                            table=_table_named(body, embedded.start()),
                            line=index.line(stmt.start + embedded.start()),
                        ),
                        line,
                    )
                continue
            problems.add(msg("p.sql_not_sql"), line)
    _apply_comment_on(datasets, comments)
    elsewhere = _apply_foreign_keys(datasets, altered)
    if added is not None:
        added.extend(elsewhere)
    else:
        for key in elsewhere:
            problems.warn(msg("p.sql_key_elsewhere", table=_masked(key.table)), key.line)
    for i, gap in enumerate(gaps):
        if "--" in gap or "/*" in gap:
            datasets[i] = _apply_lead(datasets[i], gap)
    return datasets


def _apply_lead(ds: Dataset, gap: str) -> Dataset:
    """``ds`` with the table and column comments the comments above its statement give."""
    from dataflow.readers._sql_comments import read_lead

    lead = read_lead(gap, ds.name, (f.name for f in ds.fields))
    fields = tuple(
        replace(f, comment=lead.columns[f.name.lower()])
        if not f.comment and f.name.lower() in lead.columns
        else f
        for f in ds.fields
    )
    return replace(ds, fields=fields, comment=ds.comment or lead.table_comment)


# ``IF [NOT] EXISTS (…)`` and an optional ``BEGIN`` in front of a CREATE TABLE.
_GUARD = re.compile(r"IF\s+(?:NOT\s+)?EXISTS\s*\(", re.IGNORECASE)
_GUARD_BEGIN = re.compile(r"\s*(?:BEGIN\b\s*)?", re.IGNORECASE)
_GUARD_END = re.compile(r"\s*;?\s*END\s*;?\s*$", re.IGNORECASE)


def _guarded_create(stmt: Statement) -> Statement | None:
    """The CREATE TABLE of ``IF [NOT] EXISTS (…) [BEGIN] CREATE TABLE … [END]``, else None."""
    body = stmt.text
    guard = _GUARD.match(body)
    if guard is None:
        return None
    close = _closing_paren(body, guard.end() - 1)
    if close is None:
        return None
    begin = _GUARD_BEGIN.match(body, close + 1)
    pos = begin.end() if begin else close + 1
    if _CREATE_TABLE.match(body, pos) is None:
        return None
    end = stmt.end
    tail = _GUARD_END.search(body, pos)
    if tail is not None and begin is not None and begin.group().strip():
        end = stmt.start + tail.start()
    return Statement(stmt.start + pos, stmt.start + pos, end, body[pos : end - stmt.start])


_GO_LINE = re.compile(r"^[ \t]*GO[ \t\r]*$", re.MULTILINE | re.IGNORECASE)


# A statement that follows a CREATE TABLE in the same T-SQL batch, on a line of its own.
_NEXT_IN_BATCH = re.compile(
    r"^[ \t]*(?:EXEC|EXECUTE|INSERT|ALTER|CREATE|IF|DROP|GRANT|PRINT|DECLARE|UPDATE|DELETE"
    r"|SELECT|USE)\b",
    re.IGNORECASE | re.MULTILINE,
)


def _batch_head(stmt: Statement) -> Statement:
    """A CREATE TABLE without the statements after it in the same ``GO`` batch."""
    body = stmt.text
    created = _CREATE_TABLE.match(body)
    start = body.find("(", created.end()) if created else -1
    close = _closing_paren(body, start) if start != -1 else None
    if close is None:
        return stmt
    following = _NEXT_IN_BATCH.search(body, close + 1)
    if following is None:
        return stmt
    head = body[: following.start()].rstrip()
    return replace(stmt, end=stmt.start + len(head), text=head)


def _paren_depth(text: str, stop: int) -> int:
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
        close = _find_quote_end(text, j + 1) if c == "'" else text.find(c, j + 1)
        if close == -1 or close >= stop:
            return -1
        i = close + 1


def _closing_paren(text: str, open_at: int) -> int | None:
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
            close = _find_quote_end(text, j + 1) if c == "'" else text.find(c, j + 1)
            if close == -1:
                return None
            i = close + 1
            continue
        i = j + 1


_ADD_PROPERTY = re.compile(r"\bsp_addextendedproperty\b", re.IGNORECASE)
# One argument: ``@name =`` (optional), then a literal (N'…'), a @variable, NULL or a word.
_PROPERTY_ARG = re.compile(
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


def _extended_properties(body: str) -> list[tuple[str, str, str]]:
    """``MS_Description`` extended properties of tables and columns, as COMMENT ON would give.

    ``EXEC sp_addextendedproperty 'MS_Description', '患者', 'user', @CurrentUser, 'table',
    'T', 'column', 'C'`` (positional, PowerDesigner) and the named ``@name = N'…'`` form (SQL
    Server Management Studio) both count; the first schema-level argument is not needed.
    """
    found: list[tuple[str, str, str]] = []
    for call in _ADD_PROPERTY.finditer(body):
        args: dict[str, str | None] = {}
        i = call.end()
        for position in range(len(_POSITIONAL)):
            m = _PROPERTY_ARG.match(body, i)
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


def _trailing_comment(text: str, start: int, stop: int) -> str | None:
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
        if comment and not _ALLOW_MARK.match("--" + comment):
            return comment
        return None


_IDENT = r"[`\"\[]?[\w$]+[`\"\]]?(?:\.[`\"\[]?[\w$]+[`\"\]]?){0,2}"
_ALTER_FK = re.compile(
    rf"ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?({_IDENT})(.*)",
    re.IGNORECASE | re.DOTALL,
)
_ALTER_COMMENT = re.compile(
    rf"ALTER\s+TABLE\s+({_IDENT})\s+COMMENT\s*=?\s*('(?:[^'\\]|''|\\.)*')\s*$", re.IGNORECASE
)
_ADD_FK = re.compile(
    rf"FOREIGN\s+KEY\s*\(([^)]*)\)\s*REFERENCES\s+({_IDENT})\s*(?:\(([^)]*)\))?",
    re.IGNORECASE,
)


def _columns_of(text: str | None) -> tuple[str, ...]:
    return tuple(_unquote(c.strip()) for c in (text or "").split(",") if c.strip())


def _alter_foreign_keys(body: str) -> list[tuple[str, ForeignKey]]:
    """``(table, foreign key)`` for each ``ADD … FOREIGN KEY … REFERENCES`` of an ALTER TABLE."""
    m = _ALTER_FK.match(body)
    if m is None:
        return []
    table = ".".join(_split_name(m.group(1)))
    return [
        (
            table,
            ForeignKey(
                _columns_of(fk.group(1)),
                ".".join(_split_name(fk.group(2))),
                _columns_of(fk.group(3)),
            ),
        )
        for fk in _ADD_FK.finditer(m.group(2))
    ]


def _apply_foreign_keys(datasets: list[Dataset], altered: list[AddedKey]) -> list[AddedKey]:
    """Add each key to the dataset it names; the keys of tables not among ``datasets``."""
    elsewhere: list[AddedKey] = []
    for added in altered:
        k = _find_dataset(datasets, added.table.split("."))
        if k is None:
            elsewhere.append(added)
        elif added.key not in datasets[k].foreign_keys:
            keys = (*datasets[k].foreign_keys, added.key)
            datasets[k] = replace(datasets[k], foreign_keys=keys)
    return elsewhere


@dataclass(frozen=True)
class _Column:
    """What a column definition says, positions relative to the statement text."""

    name: str
    data_type: str | None
    comment: str | None
    nullable: bool | None
    start: int | None  # offset of the column name in the statement, if the parser kept it


@dataclass(frozen=True)
class _Parsed:
    """A parsed CREATE TABLE with columns: everything ``_create_table`` reads from the tree."""

    dialect: str
    name: str
    name_end: int  # end of the table name in the statement text
    comment: str | None
    columns: tuple[_Column, ...]
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
_TEMPLATES: dict[tuple[tuple[str, ...], str, str], _Parsed] = {}
_KEYWORDS: dict[str, frozenset[str]] = {}
_GENERATORS: dict[str, Any] = {}


def _keywords(dialect: str) -> frozenset[str]:
    """Single words the dialect's tokenizer does not read as a plain identifier."""
    words = _KEYWORDS.get(dialect)
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
) -> tuple[_Parsed | None, str | None, tuple[int, int] | None, Any]:
    """``(parsed, dialect, first error, tree)`` of a CREATE TABLE.

    A statement that differs from one parsed before only in its plain table name (the
    sharded ``orders_2023_01``, ``orders_2023_02`` … of a schema repository) is not parsed
    again: its columns are those of the other, positions shifted by the names' lengths.
    """
    slot = None
    created = _CREATE_TABLE.match(stmt.text)
    if created is not None:
        slot = _NAME_SLOT.match(stmt.text, created.end())
    key = None
    if slot is not None:
        text = stmt.text
        key = (tuple(dialects), text[: slot.start(1)], text[slot.end(1) :])
        cached = _TEMPLATES.get(key)
        name = slot.group(1)
        if cached is not None and _plain_name(name, dialects, cached.dialect):
            shift = slot.end(1) - cached.name_end
            columns = tuple(
                replace(c, start=c.start + shift) if c.start is not None else c
                for c in cached.columns
            )
            return (
                replace(cached, name=name, name_end=slot.end(1), columns=columns),
                None,
                None,
                None,
            )
    node, dialect, error = _parse_create(stmt.text, dialects)
    if node is None or dialect is None:
        return None, dialect, error, node
    parsed = _read_tree(node, dialect, stmt)
    if (
        parsed is not None
        and key is not None
        and slot is not None
        and parsed.columns
        and parsed.name == slot.group(1)
        and all(c.start is not None and c.start > slot.end(1) for c in parsed.columns)
        and _plain_name(parsed.name, dialects, dialect)
    ):
        if len(_TEMPLATES) >= _MAX_TEMPLATES:
            _TEMPLATES.clear()
        _TEMPLATES[key] = replace(parsed, name_end=slot.end(1))
    return parsed, dialect, None, node


def _read_tree(node: Any, dialect: str, stmt: Statement) -> _Parsed | None:
    """The table name, comment and column definitions of a parsed CREATE TABLE."""
    from sqlglot import exp

    target = node.this
    table = target.this if isinstance(target, exp.Schema) else target
    if not isinstance(table, exp.Table):
        return None
    coldefs: list[Any] = []
    if isinstance(target, exp.Schema):
        coldefs.extend(e for e in target.expressions if isinstance(e, exp.ColumnDef))
    table_comment: str | None = None
    props = node.args.get("properties")
    if props is not None:
        for prop in props.expressions:
            if isinstance(prop, exp.SchemaCommentProperty):
                table_comment = _literal(prop.this)
            elif isinstance(prop, exp.PartitionedByProperty) and isinstance(prop.this, exp.Schema):
                coldefs.extend(e for e in prop.this.expressions if isinstance(e, exp.ColumnDef))
    primary_key, foreign_keys = (
        _keys(target, coldefs) if isinstance(target, exp.Schema) else ((), ())
    )
    return _Parsed(
        dialect=dialect,
        name=".".join(part.name for part in table.parts),
        name_end=-1,
        comment=table_comment,
        columns=tuple(_column(c, dialect or None, stmt) for c in coldefs[:MAX_FIELDS]),
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
            elif isinstance(kind, exp.Reference):
                ref = _reference(kind)
                if ref is not None:
                    foreign.append(ForeignKey((coldef.name,), ref[0], ref[1]))
    for item in schema.expressions:
        if isinstance(item, exp.PrimaryKey):
            primary.extend(e.name for e in item.expressions if e.name not in primary)
        for fk in item.find_all(exp.ForeignKey) if not isinstance(item, exp.ColumnDef) else ():
            ref = fk.args.get("reference")
            target = _reference(ref) if ref is not None else None
            if target is not None:
                cols = tuple(e.name for e in fk.expressions)
                foreign.append(ForeignKey(cols, target[0], target[1]))
    return tuple(primary), tuple(foreign)


def _create_table(
    stmt: Statement,
    path: str,
    dialects: list[str],
    index: LineIndex,
    text: str,
    lines: list[str],
    problems: Problems,
) -> Dataset | None:
    from sqlglot import exp

    line = index.line(stmt.start)
    if len(stmt.text) > MAX_STATEMENT_CHARS:
        problems.add(
            msg("p.sql_long", max=MAX_STATEMENT_CHARS, table=_table_named(stmt.text)),
            line,
        )
        return None
    parsed, dialect, error, node = _parse_columns(stmt, dialects)
    if parsed is not None:
        dialect = parsed.dialect
    elif node is None:
        lenient = _lenient(stmt.text)
        if lenient is not None:
            node, dialect, _ = _parse_create(lenient, dialects)
            if node is not None and not _tail_is_storage(stmt.text[len(lenient) :]):
                problems.warn(
                    msg(
                        "p.sql_lenient",
                        table=_table_named(stmt.text),
                        lost=_also_lost(stmt.text, len(lenient), stmt.start, index),
                    ),
                    line,
                )
            if node is not None:
                assert dialect is not None
                parsed = _read_tree(node, dialect, stmt)
    if node is None and parsed is None:
        table = _table_named(stmt.text)
        lost = _also_lost(stmt.text, 1, stmt.start, index)
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
    fields: list[Field] = []
    cursor = stmt.start
    starts: list[int | None] = []
    for column in parsed.columns:
        field, offset = _field(column, name, stmt, index, text, lines, problems, cursor)
        fields.append(field)
        starts.append(offset)
        if fields[-1].line is not None:
            cursor = max(cursor, index.offset(fields[-1].line))
    for i, offset in enumerate(starts):
        if offset is None or fields[i].comment:
            continue
        later = [s for s in starts[i + 1 :] if s is not None and s > offset]
        comment = _trailing_comment(text, offset, later[0] if later else stmt.end)
        if comment:
            fields[i] = replace(fields[i], comment=comment)
    query = node.args.get("expression") if node is not None else None
    if not parsed.columns and isinstance(query, exp.Query):
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


def _column(coldef: Any, dialect: str | None, stmt: Statement) -> _Column:
    from sqlglot import exp

    kind = coldef.args.get("kind")
    data_type = _type_sql(kind, dialect) if kind is not None else None
    comment: str | None = None
    nullable: bool | None = None
    for constraint in coldef.constraints:
        ckind = constraint.kind
        if isinstance(ckind, exp.CommentColumnConstraint):
            comment = _literal(ckind.this)
        elif isinstance(ckind, exp.NotNullColumnConstraint):
            nullable = bool(ckind.args.get("allow_null"))
        elif isinstance(ckind, exp.PrimaryKeyColumnConstraint):
            nullable = False
    meta = getattr(coldef.this, "meta", None) or {}
    start = meta.get("start")
    if not (isinstance(start, int) and 0 <= start < len(stmt.text)):
        start = None
    return _Column(coldef.name, data_type, comment, nullable, start)


def _field(
    column: _Column,
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
    allow = _allows(lines, line, problems) if line is not None else ()
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


def _allows(lines: list[str], line: int, problems: Problems) -> tuple[tuple[str, str], ...]:
    """Allow comments on ``line`` and on the comment-only lines directly above it."""
    candidates = [line]
    above = line - 1
    while above >= 1 and lines[above - 1].strip().startswith("--"):
        candidates.append(above)
        above -= 1
    found: list[tuple[str, str]] = []
    for number in sorted(candidates):
        text = lines[number - 1]
        if not _ALLOW_MARK.search(text):
            continue
        matches = list(_ALLOW.finditer(text))
        if not matches:
            problems.warn(
                msg("p.sql_allow"),
                number,
            )
        for m in matches:
            found.append((m.group(1), m.group(2) or m.group(3) or ""))
    return tuple(found)


def _unquote(part: str) -> str:
    part = part.strip()
    if len(part) >= 2 and part[0] in '"`[' and part[-1] in '"`]':
        return part[1:-1]
    return part


def _split_name(text: str) -> list[str]:
    parts = re.findall(r'"[^"]*"|`[^`]*`|\[[^\]]*\]|[^.\s]+', text.strip())
    return [_unquote(p) for p in parts]


def _apply_comment_on(datasets: list[Dataset], comments: list[tuple[str, str, str]]) -> None:
    """Attach ``COMMENT ON TABLE/COLUMN … IS '…'`` to the datasets they name."""
    for kind, target, literal in comments:
        if literal.upper() == "NULL":
            continue
        text = literal[1:-1].replace("''", "'").strip()
        if not text:
            continue
        parts = _split_name(target)
        if kind == "COLUMN":
            if len(parts) < 2:
                continue
            table_parts, column = parts[:-1], parts[-1]
        else:
            table_parts, column = parts, None
        i = _find_dataset(datasets, table_parts)
        if i is None:
            continue
        ds = datasets[i]
        if column is None:
            datasets[i] = replace(ds, comment=ds.comment or text)
            continue
        fields = tuple(
            replace(f, comment=f.comment or text) if f.name.lower() == column.lower() else f
            for f in ds.fields
        )
        datasets[i] = replace(ds, fields=fields)


def _find_dataset(datasets: list[Dataset], parts: list[str]) -> int | None:
    wanted = ".".join(parts).lower()
    for i, ds in enumerate(datasets):
        if ds.name.lower() == wanted:
            return i
    last = parts[-1].lower() if parts else ""
    hits = [i for i, ds in enumerate(datasets) if ds.name.lower().rsplit(".", 1)[-1] == last]
    return hits[0] if len(hits) == 1 else None
