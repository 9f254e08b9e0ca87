"""Fast scalar forms of the resident-ID validators: the same answers as ``validators.gb11643``
and ``validators.foreign_pr_id`` for the 18-character form, with dates of birth judged once.

The checksum itself is ``validators.gb11643_check_char`` (one C-level conversion); what these
add is a bounded cache of the birth dates met and one reading of today's date per call of the
matcher instead of one per value. ``detect.fast.registry`` pairs them with their references.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any, TypeVar

from dataflow.detect import validators

_F = TypeVar("_F", bound=Callable[..., Any])


def cheap(hook: _F) -> _F:
    """Mark a validator as cheaper than a cache lookup (the matcher does not cache its results)."""
    setattr(hook, "cheap", True)  # noqa: B010
    return hook


def _ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


# Dates of birth already judged: "YYYYMMDD" -> the date's ordinal, or 0 when it is no date
# or before 1900. Bounded by the number of distinct 8-digit strings met; cleared when full.
_BIRTH_ORDINALS: dict[str, int] = {}
BIRTH_CACHE_SIZE = 65_536
_TODAY: list[int] = []  # today's ordinal, refreshed by refresh_today()


def refresh_today() -> None:
    """Re-read the date that bounds dates of birth (the matcher calls it once per call)."""
    today = _dt.date.today().toordinal()
    if _TODAY:
        _TODAY[0] = today
    else:
        _TODAY.append(today)


def today_ordinal() -> int:
    """The date that bounds dates of birth, as read by the last ``refresh_today``."""
    if not _TODAY:
        refresh_today()
    return _TODAY[0]


def clear_caches() -> None:
    """Forget the birth dates judged so far."""
    _BIRTH_ORDINALS.clear()


def _birth_ordinal(yyyymmdd: str) -> int:
    known = _BIRTH_ORDINALS.get(yyyymmdd)
    if known is not None:
        return known
    try:
        born = _dt.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        ordinal = 0
    else:
        ordinal = born.toordinal() if born >= _dt.date(1900, 1, 1) else 0
    if len(_BIRTH_ORDINALS) >= BIRTH_CACHE_SIZE:
        _BIRTH_ORDINALS.clear()
    _BIRTH_ORDINALS[yyyymmdd] = ordinal
    return ordinal


@cheap
def gb11643(value: str) -> bool:
    """``validators.gb11643``; the 18-character form without its regex and date parsing."""
    text = value.strip().upper()
    if len(text) != 18 or not _ascii_digits(text[:17]) or text[17] not in "0123456789X":
        return validators.gb11643(value)  # the 15-digit form and every rejection path
    if text[:2] not in validators.province_codes():
        return False
    return _born_and_checked(text)


def _born_and_checked(text: str) -> bool:
    """Characters 7-14 of an 18-digit ID a past date, the last its MOD 11-2 check character."""
    ordinal = _birth_ordinal(text[6:14])
    if not 0 < ordinal <= today_ordinal():
        return False
    return validators.gb11643_check_char(text[:17]) == text[17]


@cheap
def foreign_pr_id(value: str) -> bool:
    """``validators.foreign_pr_id``: the GB 11643 form with the ``9`` prefix and the
    province code in characters 2-3."""
    text = value.strip().upper()
    if (
        len(text) != 18
        or text[0] != "9"
        or not _ascii_digits(text[:17])
        or text[17] not in "0123456789X"
    ):
        return validators.foreign_pr_id(value)  # every rejection path
    if text[1:3] not in validators.province_codes():
        return False
    return _born_and_checked(text)
