"""Plain CREATE TABLE statements read without the SQL parser.

Most schema files a pre-commit hook sees are plain MySQL or PostgreSQL tables: named columns
with a common type, ``NOT NULL``, ``DEFAULT``, ``PRIMARY KEY`` and ``COMMENT``. Importing the
SQL parser (sqlglot, with its thousand classes and the package metadata it reads) costs more
than everything else ``dataflow check`` does on such a file, so ``read_plain`` reads them
directly and returns exactly what the parser's tree gives (``tables.read_tree``): the same
names, type text, comments, nullability, keys and positions. Anything it does not know (another
dialect first in line, a type, constraint, option or comment form not listed here, a name the
parser reads as a keyword) returns ``None`` and the statement goes to the parser as before.

tests/readers/test_readers_sql_plain.py compares both readings statement by statement.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dataflow.readers._common import MAX_FIELDS

if TYPE_CHECKING:
    from dataflow.readers.sql.tables import ParsedColumn, ParsedTable

# The type text the parser gives, by dialect, type word and number of arguments (``VARCHAR``
# alone is ``TEXT`` to MySQL's generator, so only the forms listed are read here).
_INTS = ("INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "MEDIUMINT")
TYPES: dict[str, dict[tuple[str, int], str]] = {
    "mysql": {
        **{(t, n): {"INTEGER": "INT"}.get(t, t) for t in _INTS for n in (0, 1)},
        **{(t, n): "DECIMAL" for t in ("DECIMAL", "NUMERIC") for n in (0, 1, 2)},
        **{(t, 1): t for t in ("CHAR", "VARCHAR")},
        ("CHAR", 0): "CHAR",
        **{(t, 0): t for t in ("TEXT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT", "DATE", "YEAR")},
        **{(t, n): t for t in ("DATETIME", "TIMESTAMP", "TIME", "BIT") for n in (0, 1)},
        **{(t, 0): t for t in ("FLOAT", "DOUBLE", "JSON", "BLOB", "LONGBLOB")},
        ("BOOLEAN", 0): "BOOLEAN",
        ("BOOL", 0): "BOOLEAN",
    },
    "postgres": {
        **{(t, 0): {"INTEGER": "INT"}.get(t, t) for t in ("INT", "INTEGER", "BIGINT", "SMALLINT")},
        **{(t, 0): t for t in ("SERIAL", "BIGSERIAL", "TEXT", "DATE", "UUID", "JSON", "JSONB")},
        **{(t, 0): t for t in ("BYTEA", "REAL", "TIME")},
        **{(t, n): "DECIMAL" for t in ("DECIMAL", "NUMERIC") for n in (0, 1, 2)},
        **{(t, n): t for t in ("CHAR", "VARCHAR", "TIMESTAMP", "TIMESTAMPTZ") for n in (0, 1)},
        ("BOOLEAN", 0): "BOOLEAN",
        ("BOOL", 0): "BOOLEAN",
    },
}

# Words the parser's tokenizer reads as keywords rather than names, by dialect, and words
# that start a table constraint: a plain name that is one of them goes to the parser (a test
# keeps these supersets of the parser's).
_KEYWORDS = """
    ALL ALTER ANALYZE AND ANTI ANY APPLY ARRAY AS ASC ASOF AUTOINCREMENT AUTO_INCREMENT
    BEGIN BETWEEN BIGDECIMAL BIGINT BIGNUM BIGNUMERIC BINARY BIT BLOB BOOL BOOLEAN BPCHAR
    BYTE BYTEA CACHE CALL CASE CHAR CHARACTER CLOB COLLATE COLUMN COMMENT COMMIT CONSTRAINT
    COPY CREATE CROSS CUBE CURRENT_CATALOG CURRENT_DATE CURRENT_SCHEMA CURRENT_TIME
    CURRENT_TIMESTAMP CURRENT_USER DATABASE DATE DATEMULTIRANGE DATERANGE DATETIME DEC
    DECFLOAT DECIMAL DECIMAL128 DECIMAL256 DECIMAL32 DECIMAL64 DEFAULT DELETE DESC DESCRIBE
    DISTINCT DOUBLE DROP ELSE END ENUM ESCAPE EXCEPT EXECUTE EXISTS EXPLAIN FALSE FETCH FILE
    FILTER FIRST FIXED FLOAT FLOAT4 FLOAT8 FOR FORMAT FROM FULL FUNCTION GEOGRAPHY GEOMETRY
    GLOB GRANT HAVING HUGEINT ILIKE IN INDEX INET INNER INSERT INT INT1 INT128 INT16 INT2
    INT256 INT32 INT4 INT4MULTIRANGE INT4RANGE INT64 INT8 INT8MULTIRANGE INT8RANGE INTEGER
    INTERSECT INTERVAL INTO IS ISNULL JOIN JSON JSONB KEEP KILL LATERAL LEFT LIKE LIMIT LIST
    LOAD LOCALTIME LOCALTIMESTAMP LOCK LONG LONGBLOB LONGTEXT LONGVARCHAR MAP MEDIUMBLOB
    MEDIUMINT MEDIUMTEXT MERGE NAMESPACE NATURAL NCHAR NEXT NOT NOTNULL NULL NULLABLE NUMBER
    NUMERIC NUMMULTIRANGE NUMRANGE NVARCHAR NVARCHAR2 OBJECT OFFSET ON OPERATOR OPTIMIZE OR
    ORDINALITY OUT OUTER OVER OVERLAPS OVERWRITE PARTITION PARTITIONED_BY PERCENT PIVOT
    PRAGMA PREPARE PROCEDURE QUALIFY RANGE REAL RECURSIVE REF REFERENCES REGEXP RELEASE
    RENAME REPLACE RETURNING REVOKE RIGHT RLIKE ROLLBACK ROLLUP ROW ROWS SAVEPOINT SCHEMA
    SELECT SEMI SEQUENCE SERIAL SESSION SESSION_USER SET SETTINGS SHORT SHOW SMALLINT SOME
    STR STRAIGHT_JOIN STRING STRUCT TABLE TABLESAMPLE TEMP TEMPORARY TEXT THEN TIME
    TIMESTAMP TIMESTAMPLTZ TIMESTAMPNTZ TIMESTAMPTZ TIMESTAMP_LTZ TIMESTAMP_NTZ TIMETZ
    TIME_NS TINYBLOB TINYINT TINYTEXT TRIGGER TRUE TRUNCATE TSMULTIRANGE TSRANGE
    TSTZMULTIRANGE TSTZRANGE UHUGEINT UINT UINT128 UINT256 UNCACHE UNION UNIQUE UNKNOWN
    UNNEST UNPIVOT UPDATE USE USING UUID VACUUM VALUES VARBINARY VARCHAR VARCHAR2 VARIANT
    VECTOR VIEW VOLATILE WHEN WHERE WINDOW WITH XOR
    CHECK CONSTRAINT EXCLUDE FOREIGN FULLTEXT INDEX KEY LIKE PERIOD PRIMARY SPATIAL UNIQUE
"""
KEYWORDS = {
    "mysql": frozenset(
        (
            _KEYWORDS
            + """
    CHARSET DISTINCTROW DIV FORCE IGNORE KEY MOD SEPARATOR SIGNED START UNSIGNED YEAR
    _ARMSCII8 _ASCII _BIG5 _BINARY _CP1250 _CP1251 _CP1256 _CP1257 _CP850 _CP852 _CP866
    _CP932 _DEC8 _EUCJPMS _EUCKR _GB18030 _GB2312 _GBK _GEOSTD8 _GREEK _HEBREW _HP8 _KEYBCS2
    _KOI8R _KOI8U _LATIN1 _LATIN2 _LATIN5 _LATIN7 _MACCE _MACROMAN _SJIS _SWE7 _TIS620 _UCS2
    _UJIS _UTF16 _UTF16LE _UTF32 _UTF8 _UTF8MB3 _UTF8MB4
"""
        ).split()
    ),
    "postgres": frozenset(
        (
            _KEYWORDS
            + """
    BIGSERIAL CSTRING DECLARE DO EXEC HSTORE INOUT MONEY NAME OID ONLY POINT REFRESH
    REGCLASS REGCOLLATION REGCONFIG REGDICTIONARY REGNAMESPACE REGOPER REGOPERATOR REGPROC
    REGPROCEDURE REGROLE REGTYPE REINDEX RESET SMALLSERIAL TYPE VARIADIC XML
"""
        ).split()
    ),
}

# MySQL table options read here: ``ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='...'``.
_MYSQL_OPTIONS = frozenset({"ENGINE", "CHARSET", "COLLATE", "AUTO_INCREMENT", "ROW_FORMAT"})

_TOKEN = re.compile(
    r"""\s+|--[^\n]*|/\*(?!!).*?\*/"""
    r"""|(?P<str>'(?:[^'\\]|'')*')"""
    r"""|(?P<num>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?)(?![\w.])"""
    r"""|(?P<word>[^\W\d]\w*)"""
    r"""|(?P<bq>`\w+`)|(?P<dq>"\w+")"""
    r"""|(?P<sym>[(),.=])""",
    re.DOTALL,
)
_Token = tuple[str, str, int]  # (kind, text, offset)


def _tokens(sql: str) -> list[_Token] | None:
    """The tokens of ``sql`` with comments and spaces left out; None at anything else."""
    out: list[_Token] = []
    pos, end = 0, len(sql)
    while pos < end:
        m = _TOKEN.match(sql, pos)
        if m is None:
            return None
        kind = m.lastgroup
        if kind is not None:
            out.append((kind, m.group(), pos))
        pos = m.end()
    return out


class _NotPlain(Exception):
    """The statement is not one ``read_plain`` reads: the parser reads it."""


class _Cursor:
    def __init__(self, tokens: list[_Token], dialect: str) -> None:
        self.tokens = tokens
        self.i = 0
        self.dialect = dialect

    def peek(self, ahead: int = 0) -> _Token:
        at = self.i + ahead
        return self.tokens[at] if at < len(self.tokens) else ("end", "", -1)

    def word(self, *wanted: str) -> bool:
        """Move past the next token when it is the keyword ``wanted[0]`` (then the others)."""
        for k, want in enumerate(wanted):
            kind, text, _ = self.peek(k)
            if kind != "word" or text.upper() != want:
                return False
        self.i += len(wanted)
        return True

    def sym(self, wanted: str) -> bool:
        kind, text, _ = self.peek()
        if kind == "sym" and text == wanted:
            self.i += 1
            return True
        return False

    def need(self, ok: bool) -> None:
        if not ok:
            raise _NotPlain

    def take(self, kind: str) -> _Token:
        token = self.peek()
        self.need(token[0] == kind)
        self.i += 1
        return token

    def name(self) -> tuple[str, int]:
        """A name and its offset: plain (not a keyword), or quoted the dialect's way."""
        kind, text, at = self.peek()
        quote = {"mysql": "bq", "postgres": "dq"}[self.dialect]
        if kind == "word" and text.upper() not in KEYWORDS[self.dialect]:
            self.i += 1
            return text, at
        if kind == quote:
            self.i += 1
            return text[1:-1], at
        raise _NotPlain

    def string(self) -> str:
        text = self.take("str")[1]
        return text[1:-1].replace("''", "'")


def read_plain(sql: str, dialects: list[str]) -> ParsedTable | None:
    """What the parser's tree of the CREATE TABLE ``sql`` gives with ``dialects`` tried in
    order, when ``sql`` is plain enough to read here; else ``None``."""
    dialect = dialects[0] if dialects else ""
    if dialect not in TYPES:
        return None
    tokens = _tokens(sql)
    if tokens is None:
        return None
    try:
        return _table(_Cursor(tokens, dialect))
    except _NotPlain:
        return None


def _table(c: _Cursor) -> ParsedTable:
    from dataflow.readers.sql.tables import ParsedTable

    c.need(c.word("CREATE") and c.word("TABLE"))
    c.word("IF", "NOT", "EXISTS")
    parts = [c.name()]
    while c.sym("."):
        parts.append(c.name())
    c.need(len(parts) <= 3)
    name_end = parts[-1][1] + len(c.tokens[c.i - 1][1])
    c.need(c.sym("("))
    columns: list[ParsedColumn] = []
    primary: list[str] = []
    table_keys: list[str] = []
    while True:
        if c.word("PRIMARY", "KEY"):
            c.need(c.sym("("))
            table_keys.append(c.name()[0])
            while c.sym(","):
                table_keys.append(c.name()[0])
            c.need(c.sym(")"))
        else:
            columns.append(_column(c, primary))
        if c.sym(")"):
            break
        c.need(c.sym(","))
    for key in table_keys:
        if key not in primary:
            primary.append(key)
    comment = _options(c)
    c.need(c.peek()[0] == "end" and bool(columns))
    return ParsedTable(
        dialect=c.dialect,
        name=".".join(p for p, _ in parts),
        name_end=name_end,
        comment=comment,
        columns=tuple(columns[:MAX_FIELDS]),
        primary_key=tuple(primary),
    )


def _column(c: _Cursor, primary: list[str]) -> ParsedColumn:
    from dataflow.readers.sql.tables import ParsedColumn

    name, at = c.name()
    word = c.take("word")[1].upper()
    args: list[str] = []
    if c.sym("("):
        args.append(c.take("num")[1])
        while c.sym(","):
            args.append(c.take("num")[1])
        c.need(c.sym(")") and all(a.isdigit() for a in args))
    rendered = TYPES[c.dialect].get((word, len(args)))
    c.need(rendered is not None)
    data_type = f"{rendered}({', '.join(args)})" if args else rendered
    comment: str | None = None
    nullable: bool | None = None
    while True:
        if c.word("NOT", "NULL"):
            nullable = False
        elif c.word("NULL"):
            nullable = True
        elif c.word("PRIMARY", "KEY"):
            nullable = False
            primary.append(name)
        elif c.word("UNIQUE"):
            pass
        elif c.word("DEFAULT"):
            _default(c)
        elif c.dialect == "mysql" and c.word("AUTO_INCREMENT"):
            pass
        elif c.dialect == "mysql" and c.word("COMMENT"):
            comment = c.string().strip() or None
        else:
            break
    return ParsedColumn(name, data_type, comment, nullable, at)


def _default(c: _Cursor) -> None:
    """A default value: a number, a string, NULL or CURRENT_TIMESTAMP."""
    kind = c.peek()[0]
    if kind in ("num", "str"):
        c.i += 1
    elif not (c.word("NULL") or c.word("CURRENT_TIMESTAMP")):
        raise _NotPlain


def _options(c: _Cursor) -> str | None:
    """MySQL table options after the column list; the table comment they give."""
    comment: str | None = None
    while c.dialect == "mysql":
        if c.word("COMMENT"):
            c.sym("=")
            comment = c.string().strip() or None
            continue
        c.word("DEFAULT")
        kind, text, _ = c.peek()
        if kind != "word" or text.upper() not in _MYSQL_OPTIONS:
            break
        c.i += 1
        c.need(c.sym("="))
        value = c.peek()
        c.need(value[0] in ("word", "num"))
        c.i += 1
    return comment
