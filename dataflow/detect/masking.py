"""Masked examples: the only form in which a sampled value may appear in evidence or output.

``mask(value, entity)`` keeps just enough of a value's shape for a reviewer to see what kind of
data a column holds, following the display conventions Chinese services use:

=================== ======================== ===============================================
entity              example output           rule
=================== ======================== ===============================================
``CN_MOBILE``       ``138****5678``          first 3 and last 4 of the 11-digit number
``CN_RESIDENT_ID``  ``110105********123X``   first 6 (region) and last 4; 15-digit: 6 + 4
bank/credit card    ``6222 **** **** 0128``  first 4 and last 4 digits
``CN_PERSON_NAME``  ``张*`` / ``欧***``       first character, one ``*`` per other character
``EMAIL_ADDRESS``   ``z***@example.com``     first character of the local part, domain kept
``IP_ADDRESS``      ``192.168.*.*``          first two IPv4 octets / first IPv6 group
``CN_ADDRESS``      ``北京市朝阳区****``      administrative prefix (at most 6 characters)
anything else       ``LS***********4847``    generic rule below
=================== ======================== ===============================================

Generic rule (by the length ``n`` of the stripped value): ``n <= 1`` gives ``*``; ``n <= 5``
keeps the first character; ``n <= 10`` keeps the first and last two; up to 32 characters it
keeps the first two and the last four. Masked characters become ``*`` one for one, so the length
is kept; values longer than 32 characters (free text) get a fixed 16-character form instead.
An entity rule that does not fit the value (a "mobile" that is not 11 digits) falls back to the
generic rule. The result never equals the stripped input and, for inputs of two or more
characters, never contains it (a value made of ``*`` that would survive masking is replaced by
a short hash).
"""

from __future__ import annotations

import hashlib
import ipaddress
import re

_STAR = "*"
_LONG = 32

_ID18 = re.compile(r"[0-9]{17}[0-9Xx]", re.ASCII)
_ID15 = re.compile(r"[0-9]{15}", re.ASCII)
_ADDRESS_PREFIX = re.compile(
    r"^.{1,6}?(?:省|自治区|特别行政区|市|州|盟|地区|区|县|旗)"
    r"(?:.{1,6}?(?:市|州|盟|地区|区|县|旗))?"
)


def mask(value: str, entity: str | None = None) -> str:
    """A masked form of ``value`` suitable for evidence; see the module docstring for rules."""
    text = value.strip()
    if len(text) <= 1:
        return _STAR
    rule = _RULES.get(entity or "")
    masked = rule(text) if rule is not None else None
    if masked is None or text in masked:
        masked = _generic(text)
    if text in masked:
        masked = "#" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return masked


def _stars(n: int) -> str:
    return _STAR * max(n, 0)


def _generic(text: str) -> str:
    n = len(text)
    if n > _LONG:
        # free text: a fixed-size form, so long values do not fill reports
        return text[:2] + _stars(10) + text[-4:]
    if n <= 5:
        return text[0] + _stars(n - 1)
    if n <= 10:
        return text[:2] + _stars(n - 4) + text[-2:]
    return text[:2] + _stars(n - 6) + text[-4:]


def _digits(text: str) -> str:
    return "".join(c for c in text if c in "0123456789")


def _mobile(text: str) -> str | None:
    digits = _digits(text)
    if len(digits) > 11 and (digits.startswith("86") or digits.startswith("0086")):
        digits = digits[-11:]
    if len(digits) != 11:
        return None
    return digits[:3] + _stars(4) + digits[-4:]


def _resident_id(text: str) -> str | None:
    if _ID18.fullmatch(text):
        return text[:6] + _stars(8) + text[-4:].upper()
    if _ID15.fullmatch(text):
        return text[:6] + _stars(5) + text[-4:]
    return None


def _card(text: str) -> str | None:
    digits = _digits(text)
    if len(digits) < 12 or len(digits) > 19:
        return None
    middle = len(digits) - 8
    return f"{digits[:4]} {_stars(middle)} {digits[-4:]}"


def _person_name(text: str) -> str | None:
    if len(text) > 6:
        return None
    return text[0] + _stars(len(text) - 1)


def _email(text: str) -> str | None:
    local, at, domain = text.rpartition("@")
    if not at or not local or not domain:
        return None
    return local[0] + _stars(3) + "@" + domain


def _ip(text: str) -> str | None:
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if address.version == 4:
        first, second = str(address).split(".")[:2]
        return f"{first}.{second}.*.*"
    return str(address).split(":")[0] + ":****"


def _address(text: str) -> str | None:
    match = _ADDRESS_PREFIX.match(text)
    prefix = match.group(0) if match else text[:2]
    prefix = prefix[:6]
    if len(prefix) >= len(text):
        return None
    return prefix + _stars(4)


_RULES = {
    "CN_MOBILE": _mobile,
    "CN_RESIDENT_ID": _resident_id,
    "CN_BANK_CARD": _card,
    "CREDIT_CARD": _card,
    "CN_PERSON_NAME": _person_name,
    "EMAIL_ADDRESS": _email,
    "IP_ADDRESS": _ip,
    "CN_ADDRESS": _address,
}
