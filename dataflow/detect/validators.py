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
_SEPARATORS = re.compile(r"[ \-]")

# --- GB 11643 resident identity number --------------------------------------------------------

_GB11643_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_GB11643_CHECK = "10X98765432"
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
    """The ISO 7064 MOD 11-2 check character of the first 17 digits of a resident ID."""
    total = sum(int(d) * w for d, w in zip(body17, _GB11643_WEIGHTS, strict=True))
    return _GB11643_CHECK[total % 11]


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
    text = _SEPARATORS.sub("", value.strip())
    if not text or any(c not in _DIGITS for c in text):
        return None
    return text


def luhn_check_digit(body: str) -> str:
    """The digit that completes ``body`` (ASCII digits) to a Luhn-valid number."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def _luhn_ok(digits: str) -> bool:
    return luhn_check_digit(digits[:-1]) == digits[-1]


def luhn(value: str) -> bool:
    """Luhn check over a number of at least two digits (spaces and hyphens ignored)."""
    digits = _only_digits(value)
    return digits is not None and len(digits) >= 2 and _luhn_ok(digits)


def bank_card(value: str) -> bool:
    """A 16-19 digit payment card number, first digit 3-6, with a valid Luhn digit."""
    digits = _only_digits(value)
    return (
        digits is not None and 16 <= len(digits) <= 19 and digits[0] in "3456" and _luhn_ok(digits)
    )


def unionpay(value: str) -> bool:
    """A 16-19 digit UnionPay card number (``62`` prefix) with a valid Luhn digit."""
    digits = _only_digits(value)
    return (
        digits is not None
        and 16 <= len(digits) <= 19
        and digits.startswith("62")
        and _luhn_ok(digits)
    )


def imei(value: str) -> bool:
    """A 15-digit IMEI with a valid Luhn check digit (not an Amex-like 34/37 number)."""
    digits = _only_digits(value)
    return (
        digits is not None
        and len(digits) == 15
        and digits[:2] not in ("34", "37")
        and _luhn_ok(digits)
    )


# --- GB 32100 unified social credit code ------------------------------------------------------

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {c: i for i, c in enumerate(USCC_CHARSET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC = re.compile(r"[0-9A-HJ-NP-RTUW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}", re.ASCII)


def gb32100_check_char(body17: str) -> str:
    """The MOD 31 check character of the first 17 characters of a USCC."""
    total = sum(_USCC_VALUE[c] * w for c, w in zip(body17, _USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def gb32100(value: str) -> bool:
    """Whether ``value`` is a valid unified social credit code (upper case)."""
    text = value.strip()
    return bool(_USCC.fullmatch(text)) and gb32100_check_char(text[:17]) == text[17]


# --- ISO 3779 VIN -----------------------------------------------------------------------------

_VIN = re.compile(r"[A-HJ-NPR-Z0-9]{8}[0-9X][A-HJ-NPR-Z0-9]{8}", re.ASCII)
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
VIN_TRANSLITERATION = {
    **{d: int(d) for d in _DIGITS},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}


def iso3779_check_char(vin17: str) -> str:
    """The check character (position 9) a 17-character VIN must carry."""
    total = sum(VIN_TRANSLITERATION[c] * w for c, w in zip(vin17, _VIN_WEIGHTS, strict=True))
    rest = total % 11
    return "X" if rest == 10 else str(rest)


def iso3779(value: str) -> bool:
    """A 17-character VIN (upper case, no I/O/Q, a letter somewhere) with a right check digit."""
    text = value.strip()
    return bool(_VIN.fullmatch(text)) and not text.isdigit() and iso3779_check_char(text) == text[8]


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
