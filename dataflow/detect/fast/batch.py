"""Identifier validators over many matched texts at once, equal to the one-text shortcuts.

The fast matcher confirms a pattern over a whole column at a time (``FastMatcher._bulk``), so
it holds the texts to validate as a list. For the shapes that dominate real columns (18
digits of a resident ID, 17 characters of a VIN, a run of card digits) the checks below work
on a ``(texts, width)`` byte array with numpy: one array operation per step instead of a
Python call per text. Any text outside such a shape (other lengths, separators, non-ASCII,
a character outside the checked alphabet) goes to the scalar form the caller passes, so every
answer is the scalar answer. ``detect.fast.registry`` pairs each kernel with its validator;
``tests/detect/test_validator_registry.py`` compares the forms on random and edge-case texts.

Without numpy every function maps the scalar shortcut over the texts.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Sequence
from typing import Any

from dataflow.detect import validators
from dataflow.detect.fast.common import numpy_or_none
from dataflow.detect.fast.shortcuts import today_ordinal

#: Below this many texts the scalar loop is faster than building arrays.
MIN_TEXTS = 32

Verdicts = list[Any]  # bool or None per text, as the scalar function returns
#: A kernel: ``kernel(np, texts)`` -> (indexes of the rows read, settled mask, answers).
Kernel = Callable[[Any, Sequence[str]], tuple[list[int], Any, Any]]


def _rows(np: Any, texts: Sequence[str], width: int) -> tuple[list[int], Any]:
    """Indexes of the texts that are ``width`` ASCII characters, and their bytes (k x width)."""
    lengths = set(map(len, texts))
    if lengths == {width}:
        joined = "".join(texts)
        if joined.isascii():
            idx = list(range(len(texts)))
            return idx, np.frombuffer(joined.encode("ascii"), dtype=np.uint8).reshape(-1, width)
    if width not in lengths:
        return [], None
    idx = [i for i, t in enumerate(texts) if len(t) == width and t.isascii()]
    if not idx:
        return idx, None
    joined = "".join(texts[i] for i in idx)
    return idx, np.frombuffer(joined.encode("ascii"), dtype=np.uint8).reshape(-1, width)


def _table(np: Any, chars: dict[str, int]) -> Any:
    """A 256-entry lookup from byte to value; -1 for bytes not in ``chars``."""
    table = np.full(256, -1, dtype=np.int64)
    for ch, value in chars.items():
        table[ord(ch)] = value
    return table


def apply(texts: Sequence[str], scalar: Callable[[str], Any], vector: Kernel) -> Verdicts:
    """Answers for ``texts``: ``vector`` settles the rows it returns where its mask is True;
    every other text is asked of ``scalar``.

    ``vector(np, texts)`` returns (indexes, handled mask, answers) for the rows it read.
    """
    np = numpy_or_none()
    if np is None or len(texts) < MIN_TEXTS:
        return [scalar(t) for t in texts]
    idx, handled, answers = vector(np, texts)
    if len(idx) == len(texts) and bool(handled.all()) and idx == list(range(len(texts))):
        return list(answers.tolist())  # every text settled, in order
    if not idx:
        return [scalar(t) for t in texts]
    # Scatter the settled answers into place with arrays; ask the scalar about the rest.
    rows = np.asarray(idx, dtype=np.int64)[np.asarray(handled, dtype=bool)]
    settled = np.zeros(len(texts), dtype=bool)
    settled[rows] = True
    placed = np.zeros(len(texts), dtype=bool)
    placed[rows] = np.asarray(answers, dtype=bool)[np.asarray(handled, dtype=bool)]
    out: Verdicts = placed.tolist()
    for i in np.flatnonzero(~settled).tolist():
        out[i] = scalar(texts[i])
    return out


def _digits(np: Any, rows: Any) -> tuple[Any, Any]:
    """(digit values, whether every byte of the row is an ASCII digit).

    Bytes that are not digits are clamped into 0-9 so that table lookups stay in range;
    the rows holding them are not plain, and the caller leaves them to the scalar check.
    """
    values = rows.astype(np.int64) - 48
    plain = ((values >= 0) & (values <= 9)).all(axis=1)
    return np.clip(values, 0, 9), plain


# --- GB 11643 (resident ID, 18-character form) -------------------------------------------
_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def _today_ymd() -> int:
    day = _dt.date.fromordinal(today_ordinal())
    return day.year * 10000 + day.month * 100 + day.day


def gb11643_rows(np: Any, texts: Sequence[str]) -> tuple[list[int], Any, Any]:
    idx, rows = _rows(np, texts, 18)
    if rows is None:
        return idx, None, None
    body, plain = _digits(np, rows[:, :17])
    last = rows[:, 17]
    last = np.where(last == ord("x"), ord("X"), last)
    plain &= np.isin(last, np.frombuffer(b"0123456789X", dtype=np.uint8))
    provinces = np.zeros(100, dtype=bool)
    for code in validators.province_codes():
        provinces[int(code)] = True
    ok = provinces[body[:, 0] * 10 + body[:, 1]]
    year = body[:, 6] * 1000 + body[:, 7] * 100 + body[:, 8] * 10 + body[:, 9]
    month = body[:, 10] * 10 + body[:, 11]
    day = body[:, 12] * 10 + body[:, 13]
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    days = np.array(_DAYS + [0] * 87, dtype=np.int64)[month] + (leap & (month == 2))
    ymd = year * 10000 + month * 100 + day
    ok &= (month >= 1) & (day >= 1) & (day <= days)
    ok &= (ymd >= 19000101) & (ymd <= _today_ymd())
    check = np.frombuffer(validators.GB11643_CHECK.encode("ascii"), dtype=np.uint8)
    ok &= check[(body * np.array(validators.GB11643_WEIGHTS)).sum(axis=1) % 11] == last
    return idx, plain, ok


# --- GB 32100 (USCC) and ISO 3779 (VIN): weighted sums over an alphabet -----------------
def _weighted(
    np: Any, texts: Sequence[str], width: int, alphabet: dict[str, int], weights: Sequence[int]
) -> tuple[list[int], Any, Any, Any, Any]:
    """(indexes, bytes, character values, all characters in ``alphabet``, weighted sum of
    the values over ``weights``) for the ``width``-character ASCII texts.

    Every such row is settled by the caller: a character outside the alphabet (white space
    included, which the scalar would strip to a shorter, failing text) makes it False.
    """
    idx, rows = _rows(np, texts, width)
    if rows is None:
        return idx, None, None, None, None
    values = _table(np, alphabet)[rows]
    known = (values >= 0).all(axis=1)
    head = values[:, : len(weights)]
    total = (np.where(head < 0, 0, head) * np.array(weights, dtype=np.int64)).sum(axis=1)
    return idx, rows, values, known, total


def gb32100_rows(np: Any, texts: Sequence[str]) -> tuple[list[int], Any, Any]:
    idx, rows, values, known, total = _weighted(
        np, texts, 18, validators.USCC_VALUES, validators.USCC_WEIGHTS
    )
    if rows is None:
        return idx, None, None
    plain = known & (values[:, 2:8] <= 9).all(axis=1)  # characters 3-8 digits: the _USCC shape
    charset = np.frombuffer(validators.USCC_CHARSET.encode("ascii"), dtype=np.uint8)
    ok = charset[(31 - total % 31) % 31] == rows[:, 17]
    return idx, np.ones(len(idx), dtype=bool), ok & plain


def iso3779_rows(np: Any, texts: Sequence[str]) -> tuple[list[int], Any, Any]:
    idx, rows, _values, known, total = _weighted(
        np, texts, 17, validators.VIN_TRANSLITERATION, validators.VIN_WEIGHTS
    )
    if rows is None:
        return idx, None, None
    ninth = rows[:, 8]
    plain = known  # [A-HJ-NPR-Z0-9] everywhere
    plain &= ((ninth >= ord("0")) & (ninth <= ord("9"))) | (ninth == ord("X"))
    plain &= ~((rows >= ord("0")) & (rows <= ord("9"))).all(axis=1)  # a letter somewhere
    check = np.frombuffer(b"0123456789X", dtype=np.uint8)
    return idx, np.ones(len(idx), dtype=bool), plain & (check[total % 11] == ninth)


# --- Luhn family ---------------------------------------------------------------------------
def _luhn_rows(np: Any, rows: Any) -> Any:
    """Luhn check of each row of digit values (all rows the same width)."""
    width = rows.shape[1]
    doubled = np.array([0, 2, 4, 6, 8, 1, 3, 5, 7, 9], dtype=np.int64)
    # Counting from the right, the second, fourth, ... digits are doubled.
    double = np.array([(width - 1 - i) % 2 == 1 for i in range(width)], dtype=bool)
    total = np.where(double, doubled[rows], rows).sum(axis=1)
    return total % 10 == 0


def without_separators(texts: Sequence[str]) -> Sequence[str]:
    """``texts`` with their spaces and hyphens removed, as the Luhn-family checks read them
    (``texts`` itself when none holds one); one replace over the joined texts when no text
    holds a newline."""
    joined = "\n".join(texts)
    if " " not in joined and "-" not in joined:
        return texts
    if joined.count("\n") == len(texts) - 1:
        return joined.replace(" ", "").replace("-", "").split("\n")
    return [t.replace(" ", "").replace("-", "") for t in texts]


def digit_runs(
    condition: Callable[[Any, Any, int], Any],
) -> Callable[[Any, Sequence[str]], tuple[list[int], Any, Any]]:
    """A vector step for texts made of ASCII digits, spaces and hyphens (which every check
    of the Luhn family removes first): ``condition(np, digits, width)`` narrows the Luhn
    result over the digits left; other texts (other characters, white space other than the
    space) go to the scalar function."""

    def run(np: Any, texts: Sequence[str]) -> tuple[list[int], Any, Any]:
        texts = without_separators(texts)
        by_width: dict[int, list[int]] = {}
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        widths, counts = np.unique(lengths, return_counts=True)
        if len(widths) == 1:
            by_width[int(widths[0])] = list(range(len(texts)))
        else:  # the indexes of each width, in order (a stable sort by width)
            order = np.argsort(lengths, kind="stable")
            stops = np.cumsum(counts).tolist()
            for width, count, stop in zip(widths.tolist(), counts.tolist(), stops, strict=True):
                if width >= 2 and count >= MIN_TEXTS:
                    by_width[width] = order[stop - count : stop].tolist()
        idx: list[int] = []
        handled: list[Any] = []
        answers: list[Any] = []
        for width, members in sorted(by_width.items()):
            if width < 2 or len(members) < MIN_TEXTS:
                continue
            group = texts if len(members) == len(texts) else [texts[i] for i in members]
            sub, rows = _rows(np, group, width)
            if rows is None:
                continue
            digits, plain = _digits(np, rows)
            idx.extend(members if len(sub) == len(members) else [members[k] for k in sub])
            handled.append(plain)
            answers.append(condition(np, digits, width) & _luhn_rows(np, digits))
        if not idx:
            return idx, None, None
        return idx, np.concatenate(handled), np.concatenate(answers)

    return run


def _any_width(np: Any, digits: Any, width: int) -> Any:
    return np.ones(len(digits), dtype=bool)


def _card_width(np: Any, digits: Any, width: int) -> Any:
    if not 16 <= width <= 19:
        return np.zeros(len(digits), dtype=bool)
    return (digits[:, 0] >= 3) & (digits[:, 0] <= 6)


def _unionpay_width(np: Any, digits: Any, width: int) -> Any:
    if not 16 <= width <= 19:
        return np.zeros(len(digits), dtype=bool)
    return (digits[:, 0] == 6) & (digits[:, 1] == 2)


def _imei_width(np: Any, digits: Any, width: int) -> Any:
    if width != 15:
        return np.zeros(len(digits), dtype=bool)
    prefix = digits[:, 0] * 10 + digits[:, 1]
    return (prefix != 34) & (prefix != 37)


#: Kernels of the Luhn family: the Luhn check over all-digit texts of the widths (and
#: prefixes) each validator accepts. ``luhn_rows`` also serves Presidio's credit-card check.
luhn_rows = digit_runs(_any_width)
bank_card_rows = digit_runs(_card_width)
unionpay_rows = digit_runs(_unionpay_width)
imei_rows = digit_runs(_imei_width)


# --- MAC address ---------------------------------------------------------------------------
def mac_rows(np: Any, texts: Sequence[str]) -> tuple[list[int], Any, Any]:
    idx, rows = _rows(np, texts, 17)
    if rows is None:
        return idx, None, None
    hexes = _table(np, {c: 1 for c in "0123456789abcdefABCDEF"})
    seps = rows[:, 2::3]  # characters 3, 6, 9, 12, 15
    pairs = np.delete(rows, np.s_[2::3], axis=1)
    plain = (hexes[pairs] > 0).all(axis=1)
    plain &= ((seps == ord(":")) | (seps == ord("-"))).all(axis=1)
    plain &= (seps == seps[:, :1]).all(axis=1)  # one separator throughout
    low = pairs | 0x20  # ASCII letters to lower case; digits keep their code
    zero = (low == ord("0")).all(axis=1)
    broadcast = (low == ord("f")).all(axis=1)
    return idx, plain, ~zero & ~broadcast


# --- coordinate pair -------------------------------------------------------------------------
# validators.latlng's pattern for one line of newline-joined texts: ``\s`` without the newline
# (the texts hold none), anchored at the line's ends instead of a fullmatch.
_PAIR_LINE = re.compile(
    r"^[ \t\r\f\v]*([+-]?[0-9]{1,3}\.[0-9]{3,})[ \t\r\f\v]*[,，/ ]"
    r"[ \t\r\f\v]*([+-]?[0-9]{1,3}\.[0-9]{3,})[ \t\r\f\v]*$",
    re.ASCII | re.MULTILINE,
)


def latlng_rows(np: Any, texts: Sequence[str]) -> tuple[list[int], Any, Any]:
    """Every text when each one is a number pair (one match per line of the joined texts),
    else none: the scalar answers them all."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return [], None, None
    pairs = _PAIR_LINE.findall(joined)
    if len(pairs) != len(texts):
        return [], None, None
    numbers = np.abs(np.array(pairs, dtype=np.float64))
    a, b = numbers[:, 0], numbers[:, 1]
    ok = (a <= 180) & (b <= 180) & (np.minimum(a, b) <= 90) & ~((a == 0) & (b == 0))
    return list(range(len(texts))), np.ones(len(texts), dtype=bool), ok
