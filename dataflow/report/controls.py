"""Control characters in scanned names and comments, made visible before any text report.

A schema may name a column ``phone\\x1b[8m`` or comment it with ``\\x1b]0;title\\x07``: written
raw, such characters would let the file recolour, hide, retitle or overwrite what the reviewer's
terminal shows, and line separators (``\\x85``, ``\\u2028``) would split a table cell. Every text
report writes them as ``\\u00XX`` (``\\uXXXX``), which in JSON and SARIF is the JSON escape of the
same character. Tab and newline are kept.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def escape_controls(text: str) -> str:
    """``text`` with each control character but tab and newline written as ``\\uXXXX``."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
