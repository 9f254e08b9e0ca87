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


def guess_dialects(text: str) -> list[str]:
    """Dialects to try, the ones the text hints at first."""
    sample = text[: 256 * 1024]
    upper = None if _FOLDS_TO_ASCII.search(sample) else sample.upper()
    scores = {
        d: sum(
            1
            for p, anchor in zip(pats, HINT_ANCHORS[d], strict=True)
            if (upper is None or anchor in upper) and _hint(p).search(sample)
        )
        for d, pats in HINTS.items()
    }
    order = list(DIALECTS)
    order.sort(key=lambda d: -scores.get(d, 0))  # stable: ties keep the default order
    return order
