"""Helpers shared by the format readers: problems, limits, positions.

A reader never raises for bad input and never lets input text reach a ``Problem`` message:
third-party parsers (sqlglot, json, csv, pyarrow, PyYAML) often quote the offending input in
their messages, so readers describe the failure in their own words and keep only positions.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dataflow.i18n import msg, os_error
from dataflow.model import Problem, Severity

# A schema file (DDL, JSON Schema, Avro, dbt) is read whole; data files are streamed.
MAX_SCHEMA_BYTES = 64 * 1024 * 1024
# Longest line a streaming reader keeps; the rest of a longer line is skipped (with a warning).
MAX_LINE_BYTES = 1024 * 1024
# Most fields one dataset may have (bounded memory for hostile schemas and wide JSON).
MAX_FIELDS = 20_000
# Most problems of one kind reported per file before they are summarised.
MAX_REPEATED_PROBLEMS = 5
# A column type of a DDL as it starts the rest of a commented-out column definition (``-- phone
# varchar(20),``, ``--[PatientId] [int] NOT NULL,``): the type, its size, then the end of the
# line or what a definition goes on with, so that prose (``-- the time the patient came``) is
# none. A regular expression (case-insensitive use), the one list of the SQL reader's comment
# readers (``_sql_comments``, ``sql.tables``).
COLUMN_TYPE = (
    r"(?:(?:TINY|SMALL|MEDIUM|BIG)?INT(?:EGER)?|N?VARCHAR2?|N?CHAR2?|(?:TINY|MEDIUM|LONG|N)?TEXT"
    r"|DATE|(?:SMALL)?DATETIME\d?|DATETIMEOFFSET|TIMESTAMP|TIME|NUMBER|NUMERIC|DECIMAL"
    r"|BOOL(?:EAN)?|FLOAT|DOUBLE|REAL|N?CLOB|BLOB|JSONB?|UUID|UNIQUEIDENTIFIER|(?:BIG)?SERIAL|BIT"
    r"|(?:SMALL)?MONEY|(?:VAR)?BINARY|BYTEA|IMAGE|XML|STRING)\b"
    r"(?=\s*\]?\s*(?:\([^)]*\)\s*)?(?:$|[,;)\]]|--|/\*|(?:NOT|NULL|DEFAULT|PRIMARY|UNIQUE"
    r"|COMMENT|AUTO_INCREMENT|IDENTITY|UNSIGNED|SIGNED|ZEROFILL|COLLATE|CHARACTER|CHARSET"
    r"|REFERENCES|CHECK|GENERATED|CONSTRAINT|ENCODE|WITH|WITHOUT|PRECISION|VARYING|ARRAY)\b))"
)


@dataclass
class Problems:
    """Collects the problems of one file; caps repeated ones so a broken file stays readable."""

    path: str
    items: list[Problem] = field(default_factory=list)
    _counts: dict[str, int] = field(default_factory=dict)
    _severity: dict[str, Severity] = field(default_factory=dict)

    def add(
        self,
        message: str,
        line: int | None = None,
        column: int | None = None,
        *,
        severity: Severity = Severity.ERROR,
        kind: str | None = None,
    ) -> None:
        """Record one problem; ``kind`` groups repeats (only the first few are kept)."""
        if kind is not None:
            seen = self._counts.get(kind, 0) + 1
            self._counts[kind] = seen
            self._severity.setdefault(kind, severity)
            if seen > MAX_REPEATED_PROBLEMS:
                return
        self.items.append(Problem(self.path, message, line, column, severity))

    def warn(self, message: str, line: int | None = None, column: int | None = None) -> None:
        """Record a warning (read, but something was ignored or guessed)."""
        self.add(message, line, column, severity=Severity.WARNING)

    def finish(self) -> tuple[Problem, ...]:
        """All problems, plus one summary per kind that went over the cap."""
        out = list(self.items)
        for kind, seen in sorted(self._counts.items()):
            if seen > MAX_REPEATED_PROBLEMS:
                extra = seen - MAX_REPEATED_PROBLEMS
                out.append(
                    Problem(
                        self.path,
                        msg("p.more", kind=kind, extra=extra),
                        severity=self._severity[kind],
                    )
                )
        return tuple(out)

    @property
    def has_errors(self) -> bool:
        """Whether any error-severity problem was recorded."""
        return any(p.severity is Severity.ERROR for p in self.items)


class LineIndex:
    """Character offset → 1-based line/column for one text."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line(self, offset: int) -> int:
        """1-based line of ``offset``."""
        return bisect.bisect_right(self._starts, max(offset, 0))

    def column(self, offset: int) -> int:
        """1-based column of ``offset``."""
        line = self.line(offset)
        return max(offset, 0) - self._starts[line - 1] + 1

    def offset(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._starts[min(max(line, 1), len(self._starts)) - 1]

    @property
    def count(self) -> int:
        """Number of lines."""
        return len(self._starts)


def read_limited(path: Path, limit: int, problems: Problems, what: str) -> bytes | None:
    """The bytes of ``path`` if it is at most ``limit`` bytes; otherwise a problem and ``None``."""
    try:
        size = path.stat().st_size
        if size > limit:
            problems.add(msg("p.too_large", what=what, size=size, limit=limit))
            return None
        with path.open("rb") as handle:
            # as many bytes as the file has, and one more to see it grow: reading ``limit + 1``
            # at once has Python allocate that much (64 MB) for a file of a few hundred bytes
            data = handle.read(size + 1)
            if len(data) > size:  # it grew since: read on, up to the limit
                data += handle.read(limit + 1 - len(data))
            return data[:limit]
    except OSError as exc:
        problems.add(msg("p.cannot_read", why=os_error(exc)))
        return None


def unique_names(names: Sequence[str], problems: Problems, line: int | None) -> list[str]:
    """Column names made unique and non-empty (``column_3``, ``name_2``), warning once."""
    out: list[str] = []
    seen: set[str] = set()
    changed = False
    for i, raw in enumerate(names, start=1):
        name = raw.strip()
        if not name:
            name = f"column_{i}"
            changed = True
        base, n = name, 1
        while name in seen:
            n += 1
            name = f"{base}_{n}"
            changed = True
        seen.add(name)
        out.append(name)
    if changed:
        problems.warn(msg("p.renamed_columns"), line)
    return out
