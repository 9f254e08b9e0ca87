"""Comment lines that start with ``//`` or ``#``, as ``--`` comments of the same length.

Hand-written scripts mark comment lines with ``//`` (Snowflake reads these anywhere; other
scripts only above a statement) and MySQL with ``#``. A line whose first non-blank characters
are one of these markers, outside quotes and block comments, is rewritten to a ``--``
comment of the same length, and so is a MySQL ``#`` comment after the ``;`` that ends a
statement on its line (``values (…);##1``), so statements are split, parsed and reported at the same
offsets and lines as in the file. ``#`` is left alone in SQL Server scripts, where it opens
the name of a temporary table (``#staging``). The comment text itself is read from the file
(``_sql_comments``).
"""

from __future__ import annotations

import functools
import re

from dataflow.readers.sql.statements import skip_quoted


@functools.cache
def _scan() -> re.Pattern[str]:
    """``--`` comments, block comments, quotes and dollar quotes (skipped), and the marker of
    a comment line at the start of a line."""
    return re.compile(r"--|/\*|['\"`\[$]|^[ \t]*(?P<marker>//|#)|;[ \t]*(?P<tail>#)", re.MULTILINE)


def dash_line_comments(text: str, *, hash_comments: bool = True) -> str:
    """``text`` with its ``//`` (and, when ``hash_comments``, ``#``) comment lines as ``--``
    comments of the same length: ``--`` and spaces, as MySQL reads ``--`` only before a
    space (the words of these comments are read from the file, not from this text)."""
    if "//" not in text and (not hash_comments or "#" not in text):
        return text
    out: list[str] = []
    done = i = 0
    n = len(text)
    while i < n:
        m = _scan().search(text, i)
        if m is None:
            break
        marker = m.group("marker") or m.group("tail")
        if marker is None:
            i = skip_quoted(text, m.start(), m.group())
            continue
        at = m.start("marker") if m.group("marker") else m.start("tail")
        nl = text.find("\n", at)
        i = n if nl == -1 else nl + 1
        if marker == "#" and not hash_comments:
            continue
        end = n if nl == -1 else nl - 1 if nl > at and text[nl - 1] == "\r" else nl
        out.append(text[done:at])
        out.append(("--" + " " * (end - at - 2)) if end - at >= 2 else " ")
        done = end
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)
