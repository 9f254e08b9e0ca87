"""Checksum and structure validators for identifiers, looked up by name from YAML.

``catalogs/recognizers.yaml`` names a validator per recognizer (``validator: gb11643``); the
recognizer loader resolves the name in :data:`VALIDATORS` and refuses unknown names when the file
is loaded. Every validator is a total pure function ``str -> bool``: any text gives ``True`` or
``False``, never an exception. Separators a recognizer's pattern allows (spaces, hyphens) are
removed before checking, so a validator accepts what its pattern matched.

What each validator checks, and the choices made:

``gb11643``
    PRC resident identity number (GB 11643-1999). 18 characters: the first two digits must be a
    province code from ``catalogs/data/cn_regions.yaml`` (GB/T 2260, plus 81/82/83 used on
    Hong Kong/Macao/Taiwan residents' permits), digits 7-14 a real birth date from 1900 up to
    today, and the last character the ISO 7064 MOD 11-2 check character (``X`` for 10, lower
    case accepted). The first-generation 15-digit numbers (issued until 1999, no check character)
    are accepted when their province code and ``YYMMDD`` birth date (19YY) are valid.
``foreign_pr_id``
    Foreigner's permanent residence ID card number, 2023 edition: 18 characters starting ``9``,
    the next two digits a province code of the issuing authority, digits 7-14 a real birth date,
    and the GB 11643 check character. (The 2017 edition's 15 characters with a three-letter
    country code are not recognised.)
``luhn``
    The Luhn (ISO/IEC 7812-1 annex B) check over a run of at least two digits.
``bank_card``
    A payment card number as Chinese banks issue them: 16-19 digits, major industry identifier
    3-6 (JCB/Amex, Visa, Mastercard, UnionPay/Discover) and a valid Luhn digit.
``unionpay``
    A UnionPay card: 16-19 digits starting ``62`` *and* a valid Luhn digit. Some older domestic
    debit cards do not carry a valid Luhn digit; they are not recognised, because accepting any
    ``62``-prefixed 16-19 digit number would match order numbers and serials that start with 62.
``gb32100``
    Unified social credit code (GB 32100-2015): 18 characters from the 31-character set
    ``0-9 A-H J-N P-R T U W-Y`` (no I, O, Z, S, V), characters 3-8 the administrative division
    code (digits), and the last character the MOD 31 check character.
``iso3779``
    Vehicle identification number: 17 characters without I, O and Q, and the check digit in
    position 9 (``0-9`` or ``X``) computed with the North American weights. China's GB 16735
    makes the check digit mandatory, so Chinese and North American VINs carry it; many
    European VINs do not, and they are deliberately not recognised: without the check digit any
    17-character product code would look like a VIN. At least one letter is required (an
    all-digit string is a number, not a VIN). Two letters with the same transliteration
    value (``A`` and ``J``, for example) cannot be told apart by the check digit.
``imei``
    15 digits (``AA-BBBBBB-CCCCCC-D`` separators allowed) with a valid Luhn check digit, not
    starting ``34`` or ``37``: those 15-digit Luhn numbers are American Express card numbers
    (ISO/IEC 7812 issuer prefixes) and are left to the card recognizer.
``mac``
    Six octets written ``aa:bb:cc:dd:ee:ff`` or ``aa-bb-...`` (one separator throughout) or
    ``aabb.ccdd.eeff``; the all-zero and broadcast addresses are rejected (placeholders).
``latlng``
    Two decimal numbers, each with at least three decimals, in either order (Chinese map APIs
    write longitude first): one within ±90, both within ±180, and not both zero.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from functools import lru_cache

from dataflow.errors import CatalogError

_DIGITS = "0123456789"

# --- GB 11643 resident identity number --------------------------------------------------------

#: The weight of each of the 17 body digits: 2 ** (17 - i) mod 11.
GB11643_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
GB11643_CHECK = "10X98765432"
_ID18 = re.compile(r"[0-9]{17}[0-9X]", re.ASCII)
_ID15 = re.compile(r"[0-9]{15}", re.ASCII)


@lru_cache(maxsize=1)
def province_codes() -> frozenset[str]:
    """Two-digit province codes a resident ID may start with (``catalogs/data/cn_regions.yaml``)."""
    from dataflow.paths import catalogs_dir
    from dataflow.yamlio import load_yaml

    path = catalogs_dir() / "data" / "cn_regions.yaml"
    doc = load_yaml(path, error_cls=CatalogError)
    data = doc.data if isinstance(doc.data, dict) else {}
    codes = data.get("province_codes")
    if not isinstance(codes, dict) or not codes:
        raise doc.error("province_codes", "expected a mapping of province codes", CatalogError)
    out = {str(code) for code in codes}
    bad = sorted(code for code in out if not (len(code) == 2 and code.isascii() and code.isdigit()))
    if bad:
        raise doc.error("province_codes", f"not two-digit codes: {', '.join(bad)}", CatalogError)
    return frozenset(out)


def gb11643_check_char(body17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of 17 ASCII digits (a resident ID's body).

    The weights are 2 ** (17 - i) mod 11 and 13 = 2 (mod 11), so the weighted sum is
    2 * int(body, 13) (mod 11): one C-level conversion instead of a call per digit.
    """
    return GB11643_CHECK[2 * int(body17, 13) % 11]


def _real_date(year: int, month: int, day: int) -> bool:
    try:
        born = _dt.date(year, month, day)
    except ValueError:
        return False
    return _dt.date(1900, 1, 1) <= born <= _dt.date.today()


def gb11643(value: str) -> bool:
    """Whether ``value`` is a valid PRC resident identity number (18 or old 15 digits)."""
    text = value.strip().upper()
    if _ID18.fullmatch(text):
        if text[:2] not in province_codes():
            return False
        if not _real_date(int(text[6:10]), int(text[10:12]), int(text[12:14])):
            return False
        return gb11643_check_char(text[:17]) == text[17]
    if _ID15.fullmatch(text):
        if text[:2] not in province_codes():
            return False
        return _real_date(1900 + int(text[6:8]), int(text[8:10]), int(text[10:12]))
    return False


def foreign_pr_id(value: str) -> bool:
    """Whether ``value`` is a valid 2023-edition foreigner permanent residence ID number."""
    text = value.strip().upper()
    if not _ID18.fullmatch(text) or text[0] != "9" or text[1:3] not in province_codes():
        return False
    if not _real_date(int(text[6:10]), int(text[10:12]), int(text[12:14])):
        return False
    return gb11643_check_char(text[:17]) == text[17]


# --- Luhn family ----------------------------------------------------------------------------


def _only_digits(value: str) -> str | None:
    """The value without surrounding white space, spaces and hyphens, when only ASCII digits
    are left; else None."""
    text = value.strip().replace(" ", "").replace("-", "")
    return text if text.isascii() and text.isdigit() else None


_DOUBLED_DIGIT = str.maketrans(_DIGITS, "0246813579")  # 2*d with its digits summed


def _luhn_sum(digits: str) -> int:
    """The Luhn sum of ASCII digits: counting from the right, every second digit doubled
    (its digits summed). The code points are summed, then 48 per digit removed."""
    kept = digits[-1::-2].encode("ascii")
    doubled = digits[-2::-2].translate(_DOUBLED_DIGIT).encode("ascii")
    return sum(kept) + sum(doubled) - 48 * len(digits)


# Luhn results by digits: card, UnionPay, IMEI and credit-card patterns check the same
# number in turn, a batch apart. Bounded; cleared when full.
_LUHN_MEMO: dict[str, bool] = {}
LUHN_MEMO_SIZE = 65_536


def luhn_ok(digits: str) -> bool:
    """Luhn checksum of ASCII digits (an empty string passes, as in Presidio)."""
    known = _LUHN_MEMO.get(digits)
    if known is not None:
        return known
    ok = _luhn_sum(digits) % 10 == 0
    if len(_LUHN_MEMO) >= LUHN_MEMO_SIZE:
        _LUHN_MEMO.clear()
    _LUHN_MEMO[digits] = ok
    return ok


def clear_luhn_memo() -> None:
    """Forget the Luhn results kept so far."""
    _LUHN_MEMO.clear()


def luhn_check_digit(body: str) -> str:
    """The digit that completes ``body`` (ASCII digits) to a Luhn-valid number."""
    return str(-_luhn_sum(body + "0") % 10)


def luhn(value: str) -> bool:
    """Luhn check over a number of at least two digits (spaces and hyphens ignored)."""
    digits = _only_digits(value)
    return digits is not None and len(digits) >= 2 and luhn_ok(digits)


def bank_card(value: str) -> bool:
    """A 16-19 digit payment card number, first digit 3-6, with a valid Luhn digit."""
    digits = _only_digits(value)
    return (
        digits is not None and 16 <= len(digits) <= 19 and digits[0] in "3456" and luhn_ok(digits)
    )


def unionpay(value: str) -> bool:
    """A 16-19 digit UnionPay card number (``62`` prefix) with a valid Luhn digit."""
    digits = _only_digits(value)
    return (
        digits is not None
        and 16 <= len(digits) <= 19
        and digits.startswith("62")
        and luhn_ok(digits)
    )


def imei(value: str) -> bool:
    """A 15-digit IMEI with a valid Luhn check digit (not an Amex-like 34/37 number)."""
    digits = _only_digits(value)
    return (
        digits is not None
        and len(digits) == 15
        and digits[:2] not in ("34", "37")
        and luhn_ok(digits)
    )


# --- GB 32100 unified social credit code ------------------------------------------------------

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_VALUES = {c: i for i, c in enumerate(USCC_CHARSET)}
#: The weight of each of the 17 body characters: 3 ** i mod 31.
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# USCC characters to base-36 digits of their GB 32100 values ("A" is worth 10, "Y" 30).
_USCC_DIGITS = str.maketrans(
    {c: "0123456789abcdefghijklmnopqrstu"[v] for c, v in USCC_VALUES.items()}
)
USCC_SHAPE = re.compile(r"[0-9A-HJ-NP-RTUW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}", re.ASCII)


def gb32100_check_char(body17: str) -> str:
    """The MOD 31 check character of 17 characters from ``USCC_CHARSET`` (a USCC's body).

    The weights are 3 ** i mod 31 and 34 = 3 (mod 31), so the weighted sum is the reversed
    body read as a base-34 number (mod 31).
    """
    total = int(body17.translate(_USCC_DIGITS)[::-1], 34)
    return USCC_CHARSET[(31 - total % 31) % 31]


def gb32100(value: str) -> bool:
    """Whether ``value`` is a valid unified social credit code (upper case)."""
    text = value.strip()
    return bool(USCC_SHAPE.fullmatch(text)) and gb32100_check_char(text[:17]) == text[17]


# --- ISO 3779 VIN -----------------------------------------------------------------------------

VIN_SHAPE = re.compile(r"[A-HJ-NPR-Z0-9]{8}[0-9X][A-HJ-NPR-Z0-9]{8}", re.ASCII)
VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
VIN_TRANSLITERATION = {
    **{d: int(d) for d in _DIGITS},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}


_VIN_CODES = str.maketrans({c: chr(v) for c, v in VIN_TRANSLITERATION.items()})


def iso3779_check_char(vin17: str) -> str:
    """The check character (position 9) a 17-character VIN (``VIN_SHAPE``'s letters) must carry."""
    codes = vin17[:17].translate(_VIN_CODES).encode("latin-1")
    rest = sum(map(int.__mul__, codes, VIN_WEIGHTS)) % 11
    return "X" if rest == 10 else str(rest)


def iso3779(value: str) -> bool:
    """A 17-character VIN (upper case, no I/O/Q, a letter somewhere) with a right check digit."""
    text = value.strip()
    return (
        bool(VIN_SHAPE.fullmatch(text))
        and not text.isdigit()
        and iso3779_check_char(text) == text[8]
    )


# --- MAC address, coordinates -----------------------------------------------------------------

_MAC = re.compile(
    r"(?:[0-9A-Fa-f]{2}(?P<sep>[:\-])(?:[0-9A-Fa-f]{2}(?P=sep)){4}[0-9A-Fa-f]{2})"
    r"|(?:[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})",
    re.ASCII,
)


def mac(value: str) -> bool:
    """A 48-bit MAC address with one consistent separator; not all-zero, not broadcast."""
    text = value.strip()
    if not _MAC.fullmatch(text):
        return False
    hexdigits = re.sub(r"[:\-.]", "", text).lower()
    return hexdigits not in ("000000000000", "ffffffffffff")


_NUMBER_PAIR = re.compile(
    r"\s*([+-]?[0-9]{1,3}\.[0-9]{3,})\s*[,，/ ]\s*([+-]?[0-9]{1,3}\.[0-9]{3,})\s*", re.ASCII
)


def latlng(value: str) -> bool:
    """A coordinate pair in either order: one value within ±90, both within ±180, not 0,0."""
    match = _NUMBER_PAIR.fullmatch(value)
    if not match:
        return False
    a, b = abs(float(match.group(1))), abs(float(match.group(2)))
    if a > 180 or b > 180 or min(a, b) > 90:
        return False
    return not (a == 0 and b == 0)


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "bank_card": bank_card,
    "foreign_pr_id": foreign_pr_id,
    "gb11643": gb11643,
    "gb32100": gb32100,
    "imei": imei,
    "iso3779": iso3779,
    "latlng": latlng,
    "luhn": luhn,
    "mac": mac,
    "unionpay": unionpay,
}
"""Validators by the name recognizers use in YAML."""


def get_validator(name: str) -> Callable[[str], bool]:
    """The validator called ``name``; ``KeyError`` naming the known ones when there is none."""
    try:
        return VALIDATORS[name]
    except KeyError:
        raise KeyError(
            f"unknown validator {name!r} (known: {', '.join(sorted(VALIDATORS))})"
        ) from None
