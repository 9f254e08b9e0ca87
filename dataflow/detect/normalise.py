"""What a value is before it is matched: placeholders, and identifiers written loosely.

Real exports write identifiers in many ways: ``+86 135-9141-7776``, ``(+86)13689218401``,
``110105 19780125 7733``, ``１３８１２３４５６７８`` (full-width), ``13812345678.0`` (a phone
stored as a float). The content scan matches every value as written first; a value with no
whole match that *looks like a formatted identifier* is then normalised (:func:`normalise`) and
matched again, and a whole match of the normalised form counts, with the steps it needed.

Normalisation only rewrites the writing, never the digits: it folds full-width characters to
ASCII, drops a float's ``.0`` (or expands ``1.3812345678E10``), removes spaces, dashes, dots and
brackets, drops a ``+86`` / ``0086`` / ``86`` country code before an 11-digit mobile number and
upper-cases letters (check characters ``x``, passport ``e``). The validators then run on the
result unchanged: a number whose check digit is wrong stays invalid.

A number written as a float beyond 2**53 (``1.1010519780125773e+17``: an 18-digit ID stored
in a double) is left alone: its last digits are lost, so it is no longer the identifier.

Only values of at most 48 characters, made of digits, Latin letters and those separators, with
at least seven digits and no word of letters, are normalised; dates (``2023-01-05``) are left alone (no identifier
is written as one, and ``20230105`` would look like other things).

Placeholders (:data:`PLACEHOLDERS`: ``无``, ``N/A``, ``-``, ``0``, ``未知`` ...) stand for a
missing value: they are not counted in a column's denominator.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

#: Values that stand for "no value"; compared after stripping, case-insensitively for letters.
PLACEHOLDERS: frozenset[str] = frozenset(
    {
        "-",
        "--",
        "---",
        "—",
        "/",
        ".",
        "0",
        "?",
        "无",
        "暂无",
        "未知",
        "不详",
        "空",
        "没有",
        "null",
        "none",
        "nil",
        "nan",
        "n/a",
        "na",
        "#n/a",
        "unknown",
        "tbd",
    }
)
#: The placeholders as they are written (lower, upper and title case).
PLACEHOLDER_VALUES: frozenset[str] = frozenset(
    variant for p in PLACEHOLDERS for variant in (p, p.upper(), p.capitalize(), p.title())
)

_FULL_WIDTH = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FULL_WIDTH[0x3000] = 0x20  # ideographic space

# The shape a formatted identifier has: digits, Latin letters, separators, a leading "+".
_SHAPE = re.compile(r"[0-9A-Za-z +\-.()]{7,48}", re.ASCII)
_SEVEN_DIGITS = re.compile(r"(?:[^0-9]*[0-9]){7}", re.ASCII)
_DATE = re.compile(r"[0-9]{4}([-./])[0-9]{1,2}\1[0-9]{1,2}", re.ASCII)
_WORD = re.compile(r"(?:^|[ ])[A-Za-z]{2,}(?:$|[ ])", re.ASCII)  # free text, not a code
_FLOAT_ZERO = re.compile(r"([0-9]+)\.0+", re.ASCII)
_DECIMAL = re.compile(r"[+-]?[0-9]+\.[0-9]+", re.ASCII)
_EXPONENT = re.compile(r"[0-9]\.[0-9]+[eE]\+?[0-9]{1,2}", re.ASCII)
_SEPARATORS = re.compile(r"[ \-.()]", re.ASCII)
_COUNTRY_MOBILE = re.compile(r"(?:\+86|0086|86)(1[0-9]{10})", re.ASCII)
# A float holds every integer up to 2**53 exactly; a larger one (an 18-digit ID) has lost
# its last digits, so it is not normalised: what a float column shows is not the number.
_EXACT_FLOAT = 2**53
_CANONICAL = re.compile(r"\+?[0-9A-Z]*", re.ASCII)

# Names of the steps, as evidence reports them.
FULL_WIDTH = "full-width"
FLOAT = "float .0"
SEPARATORS = "separators"
COUNTRY_CODE = "+86 prefix"
UPPER_CASE = "upper case"


# What a formatted identifier can be made of (full-width forms included): a cheap first test.
_GATE = re.compile(r"[0-9A-Za-z +\-.()\uff01-\uff5e\u3000]{7,48}")
#: Whether a value could be a formatted identifier (``normalise`` may still say no).
could_normalise = _GATE.fullmatch
#: Whether a value has seven digits (ASCII or full-width), as every identifier here has.
has_seven_digits = re.compile(r"(?:[^0-9\uff10-\uff19]*[0-9\uff10-\uff19]){7}").match
#: Whether an ASCII value is an amount (a decimal other than a float's ``.0``) or a date,
#: which ``normalise`` leaves alone: a cheap test before it.
amount_or_date = re.compile(
    r"[+-][0-9]+\.[0-9]+|[0-9]+\.[0-9]*[1-9][0-9]*|[0-9]{4}([-./])[0-9]{1,2}\1[0-9]{1,2}", re.ASCII
).fullmatch


def normalise(value: str) -> tuple[str, tuple[str, ...]] | None:
    """The canonical writing of a formatted identifier and the steps taken, or None.

    None when the value does not look like a formatted identifier or is already canonical.
    """
    if len(value) > 48:
        return None
    steps: list[str] = []
    text = value
    if not text.isascii():
        folded = text.translate(_FULL_WIDTH)
        if folded == text or not folded.isascii():
            return None
        text = folded.strip()
        steps.append(FULL_WIDTH)
    if (
        not _SHAPE.fullmatch(text)
        or not _SEVEN_DIGITS.match(text)
        or _DATE.fullmatch(text)
        or _WORD.search(text)
    ):
        return None
    plain = _FLOAT_ZERO.fullmatch(text)
    if plain is None and _DECIMAL.fullmatch(text):
        return None  # an amount such as 12345.67: only a float's ".0" is dropped
    if plain is not None:
        text = plain.group(1)
        if int(text) > _EXACT_FLOAT:
            return None
        steps.append(FLOAT)
    elif _EXPONENT.fullmatch(text):
        try:
            number = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the pattern is a valid Decimal
            return None
        if number != number.to_integral_value() or number > _EXACT_FLOAT:
            return None
        text = str(int(number))
        steps.append(FLOAT)
    compact = _SEPARATORS.sub("", text)
    if compact != text:
        steps.append(SEPARATORS)
    text = compact
    if "+" in text[1:]:
        return None
    country = _COUNTRY_MOBILE.fullmatch(text)
    if country is not None:
        text = country.group(1)
        steps.append(COUNTRY_CODE)
    upper = text.upper()
    if upper != text:
        steps.append(UPPER_CASE)
    text = upper
    if not steps or not text or not _CANONICAL.fullmatch(text):
        return None
    return text, tuple(steps)


def mask_shape(masked_value: str) -> str:
    """The shape of an already masked value (``138****5678`` -> ``999****9999``): digits become
    ``9``, letters ``A``/``a``, Chinese characters ``汉``; mask characters and the e-mail domain
    are kept (a domain does not identify a person)."""
    local, at, domain = masked_value.partition("@")
    out = []
    for ch in local:
        if ch.isdigit():
            out.append("9")
        elif ch.isascii() and ch.isalpha():
            out.append("A" if ch.isupper() else "a")
        elif "\u4e00" <= ch <= "\u9fff":
            out.append("汉")
        else:
            out.append(ch)
    return "".join(out) + (at + domain if at else "")
