"""Comment lines that start with ``//`` or ``#``, as ``--`` comments of the same length.

Hand-written scripts mark comment lines with ``//`` (Snowflake reads these anywhere; other
scripts only above a statement) and MySQL with ``#``. A line whose first non-blank characters
are one of these markers, outside quotes and block comments, is rewritten to a ``--``
comment of the same length, so statements are split, parsed and reported at the same
offsets and lines as in the file. ``#`` is left alone in SQL Server scripts, where it opens
the name of a temporary table (``#staging``). The comment text itself is read from the file
(``_sql_comments``).
"""

from __future__ import annotations

import re

from dataflow.readers.sql.statements import skip_quoted

# ``--`` comments, block comments, quotes and dollar quotes are skipped; a comment line is
# its marker at the start of a line.
_SCAN = re.compile(r"--|/\*|['\"`\[$]|^[ \t]*(?P<marker>//|#)", re.MULTILINE)


def dash_line_comments(text: str, *, hash_comments: bool = True) -> str:
    """``text`` with its ``//`` (and, when ``hash_comments``, ``#``) comment lines as ``--``
    comments of the same length."""
    if "//" not in text and (not hash_comments or "#" not in text):
        return text
    out: list[str] = []
    done = i = 0
    n = len(text)
    while i < n:
        m = _SCAN.search(text, i)
        if m is None:
            break
        marker = m.group("marker")
        if marker is None:
            i = skip_quoted(text, m.start(), m.group())
            continue
        at = m.start("marker")
        nl = text.find("\n", at)
        i = n if nl == -1 else nl + 1
        if marker == "#" and not hash_comments:
            continue
        dashes = _dashed(text, at, marker)
        out.append(text[done:at])
        out.append(dashes)
        done = at + max(len(marker), len(dashes))
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _dashed(text: str, at: int, marker: str) -> str:
    """What replaces ``marker`` at ``at``: ``--`` (for ``#``, in place of it and the
    character after it), or a space for a ``#`` that ends its line."""
    if marker == "//":
        return "--"
    nxt = text[at + 1 : at + 2]
    return " " if nxt in ("", "\n", "\r") else "--"
