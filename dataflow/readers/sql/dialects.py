"""Which SQL dialects a schema file is likely written in (``guess_dialects``), from marks only some
dialects use.
"""

from __future__ import annotations

import re

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

HINTS: dict[str, tuple[str, ...]] = {
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
        r"\b(?:INT[248]|FLOAT[48])\b",
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
        # ClickHouse spells its integer types with a capital I; PostgreSQL's int8, INT8 is a
        # bigint and must not make a file ClickHouse.
        r"(?-i:\bU?Int(?:8|16|32|64|128|256)\b)",
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


# Text every match of the hint at the same place in ``HINTS`` contains, upper-cased: the
# pattern is only run when the upper-cased text contains it.
HINT_ANCHORS: dict[str, tuple[str, ...]] = {
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
        "",
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
_COMPILED_HINTS: dict[str, re.Pattern[str]] = {}


def _hint(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled, on its first use: most texts need only the few whose anchor they
    contain, and compiling all of them would cost a short file more than reading it."""
    compiled = _COMPILED_HINTS.get(pattern)
    if compiled is None:
        compiled = _COMPILED_HINTS[pattern] = re.compile(pattern, re.IGNORECASE)
    return compiled


# Text (upper-cased) one of which every match of the hint starts with, for hints whose anchor
# is not their start; a hint not named here and not starting with its anchor is searched whole.
_STARTS: dict[str, tuple[str, ...]] = {
    r"\b(?:BIG|SMALL)?SERIAL\b": ("BIGSERIAL", "SMALLSERIAL", "SERIAL"),
    r"\b(?:INT[248]|FLOAT[48])\b": ("INT", "FLOAT"),
    r"\bN?VARCHAR2\b": ("NVARCHAR2", "VARCHAR2"),
    r"(?-i:\bU?Int(?:8|16|32|64|128|256)\b)": ("UINT", "INT"),
    r"\b(?:DUPLICATE|AGGREGATE|UNIQUE)\s+KEY\s*\(": ("DUPLICATE", "AGGREGATE", "UNIQUE"),
    r"\bPRIMARY\s+INDEX\b": ("PRIMARY",),
}


def _starts(pattern: str, anchor: str) -> tuple[str, ...] | None:
    """The text every match of ``pattern`` starts with: its anchor when the pattern is the
    anchor's literal text (after a word boundary or not) then anything, else ``_STARTS``."""
    if anchor and pattern.removeprefix(r"\b").upper().startswith(re.escape(anchor)):
        return (anchor,)
    return _STARTS.get(pattern)


_HINT_STARTS: dict[str, tuple[tuple[str, ...] | None, ...]] = {
    d: tuple(_starts(p, a) for p, a in zip(pats, HINT_ANCHORS[d], strict=True))
    for d, pats in HINTS.items()
}


def _hint_found(
    pattern: str, anchor: str, starts: tuple[str, ...] | None, sample: str, upper: str | None
) -> bool:
    """Whether ``pattern`` matches somewhere in ``sample``. A pattern whose matches start with
    one of ``starts`` is tried only where one stands in ``upper`` (the sample upper-cased, one
    character for one, so that places agree), not at every character: the same answer, without
    the scan a leading word boundary costs the regular expression engine."""
    if upper is None:
        return _hint(pattern).search(sample) is not None
    if anchor not in upper:
        return False
    if starts is None or len(upper) != len(sample):
        return _hint(pattern).search(sample) is not None
    compiled = _hint(pattern)
    for start in starts:
        at = upper.find(start)
        while at != -1:
            if compiled.match(sample, at) is not None:
                return True
            at = upper.find(start, at + 1)
    return False


def guess_dialects(text: str) -> list[str]:
    """Dialects to try, the ones the text hints at first."""
    sample = text[: 256 * 1024]
    upper = None if _FOLDS_TO_ASCII.search(sample) else sample.upper()
    scores = {
        d: sum(
            1
            for p, anchor, starts in zip(pats, HINT_ANCHORS[d], _HINT_STARTS[d], strict=True)
            # most anchors are absent from most files: that test first, without a call
            if (upper is None or anchor in upper) and _hint_found(p, anchor, starts, sample, upper)
        )
        for d, pats in HINTS.items()
    }
    order = list(DIALECTS)
    order.sort(key=lambda d: -scores.get(d, 0))  # stable: ties keep the default order
    return order
