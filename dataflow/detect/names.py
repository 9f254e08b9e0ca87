"""Personal data where only names should be: column names, keys, dataset names, comments.

A header-less CSV turns its first row into column names, a JSON object keyed by phone number
turns phone numbers into keys, and a comment may quote an example value. Such text reaches
every report, so it goes through the same recognizers as sampled values before it is used:

- ``scrub(text)`` masks every identifier found in it (``138****5678``);
- ``value_kind(text)`` says whether a whole cell or key is a value (an identifier, a number,
  a date, a UUID...) rather than a name: the readers use it to tell a data row from a header
  and a map's keys from field names.

It is cheap enough for ``dataflow check``: Presidio is never imported; the recognizer patterns
and validators of ``catalogs/recognizers.yaml`` are loaded only for a text with a run of
digits, an ``@`` or a MAC-like group (most names and comments have none). Person names and
addresses are not looked for in names and comments: their patterns match ordinary Chinese
words, and comments are the best evidence of what a column holds.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dataflow.detect.masking import mask

# Entities of catalogs/recognizers.yaml not looked for in names and comments: person names
# (any script, masked or not) and addresses match ordinary words, a USCC names an organisation,
# a hash is only a hash in a field that says so. Recognizers that need the field name as
# context (QQ numbers, permits of bare digits) are skipped too.
_SKIPPED = frozenset(
    {
        "CN_PERSON_NAME",
        "LATIN_PERSON_NAME",
        "MASKED_CN_PERSON_NAME",
        "CN_ADDRESS",
        "CN_USCC",
        "HASHED_IDENTIFIER",
    }
)

_CANDIDATE = re.compile(
    r"(?:[0-9][^0-9]*){5}|@|[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}|[0-9]{1,3}(?:\.[0-9]{1,3}){3}"
)
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
    r"(?![A-Za-z0-9-])"
)
_IPV4 = re.compile(r"(?<![0-9.])[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?![0-9.])")
_NUMBER = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?%?|[+-]?\.[0-9]+")
_DATE = re.compile(
    r"(?:[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?|[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4})"
    r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"
    r"|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?|[0-9]{8}(?:T[0-9]{6})?"
)
_UUID = re.compile(
    r"[0-9A-Fa-f]{8}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{12}"
)
_LITERAL = frozenset({"true", "false", "null", "none", "nan"})

# ``value_kind`` results that are not recognizer entities.
NUMBER = "NUMBER"
DATE = "DATE"
OTHER_VALUE = "VALUE"


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, Any, Any], ...]:
    """(entity, compiled regex, validator or None) for the recognizers used on names."""
    from dataflow.detect.recognizers import load_specs
    from dataflow.detect.validators import VALIDATORS

    out = []
    for spec in load_specs():
        if spec.entity in _SKIPPED or getattr(spec, "context_required", False):
            continue
        validator = VALIDATORS[spec.validator] if spec.validator else None
        for pattern in spec.patterns:
            out.append((spec.entity, re.compile(pattern.regex, spec.regex_flags), validator))
    return tuple(out)


def _ip(text: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, entity)`` of every identifier in ``text`` (validated, not overlapping)."""
    if not text or _CANDIDATE.search(text) is None:
        return []
    found: list[tuple[int, int, str]] = []
    for match in _EMAIL.finditer(text):
        found.append((match.start(), match.end(), "EMAIL_ADDRESS"))
    for match in _IPV4.finditer(text):
        if _ip(match.group(0)):
            found.append((match.start(), match.end(), "IP_ADDRESS"))
    for entity, regex, validator in _patterns():
        for match in regex.finditer(text):
            if validator is None or validator(match.group(0)):
                found.append((match.start(), match.end(), entity))
    found.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int, str]] = []
    for span in found:
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out


_SCRUBBED: dict[str, str] = {}
_MAX_SCRUBBED = 1 << 16


def scrub(text: str) -> str:
    """``text`` with every identifier in it masked; unchanged when it holds none. Remembered
    per text (the same column names and comments recur across the tables of a repository)."""
    clean = _SCRUBBED.get(text)
    if clean is None:
        if len(_SCRUBBED) >= _MAX_SCRUBBED:
            _SCRUBBED.clear()
        clean = _SCRUBBED[text] = _scrubbed(text)
    return clean


def _scrubbed(text: str) -> str:
    found = spans(text)
    if not found:
        return text
    parts: list[str] = []
    last = 0
    for start, end, entity in found:
        parts.append(text[last:start])
        parts.append(mask(text[start:end], entity))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def scrub_optional(text: str | None) -> str | None:
    """``scrub`` for optional text."""
    return None if text is None else scrub(text)


def value_kind(text: str) -> str | None:
    """What a cell or key is when it is a value rather than a name: a recognizer entity
    (``CN_MOBILE``…), ``NUMBER``, ``DATE`` or ``VALUE`` (UUID, boolean, null); ``None`` for
    text that may be a name."""
    cell = text.strip().strip("\ufeff")
    if not cell:
        return None
    if cell.lower() in _LITERAL:
        return OTHER_VALUE
    if _DATE.fullmatch(cell):
        return DATE
    found = spans(cell)
    if found and found[0][0] == 0 and found[0][1] == len(cell) and len(found) == 1:
        return found[0][2]
    if _NUMBER.fullmatch(cell):
        return NUMBER
    if _UUID.fullmatch(cell):
        return OTHER_VALUE
    return None


def header_is_data(first: list[str], rest: list[list[str]]) -> bool:
    """Whether the first row of a CSV file holds data rather than column names.

    It does when at least one of its cells is a value (``value_kind``) and none looks like the
    name of a column of values: a text cell above a column whose other rows are mostly values
    (``phone`` above phone numbers) means a header. With no other rows to compare with, every
    non-empty cell must be a value.
    """
    kinds = [value_kind(cell) for cell in first]
    if not any(kinds):
        return False
    if not rest:
        return all(
            kind is not None for cell, kind in zip(first, kinds, strict=True) if cell.strip()
        )
    for i, (cell, kind) in enumerate(zip(first, kinds, strict=True)):
        if kind is not None or not cell.strip():
            continue
        below = [row[i] for row in rest if i < len(row) and row[i].strip()]
        values = sum(1 for value in below if value_kind(value) is not None)
        if below and values * 2 > len(below):
            return False
    return True
