"""Batch validators (``detect.batch``) and the joined-text confirmation (``FastMatcher._bulk``).

Two contracts:

* every ``X_many(texts)`` returns ``[scalar(t) for t in texts]`` for its scalar shortcut in
  ``detect.fast`` (which in turn equals ``detect.validators``), on lists long enough for the
  numpy path, and without numpy;
* ``joinable`` accepts only patterns that decide a value inside newline-joined text as they
  decide it alone, and the matcher with the bulk path gives per-value Presidio's answers.
"""

from __future__ import annotations

import datetime as dt
import importlib
import random
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest
from fast_support import (
    offline_tldextract,
    random_uscc,
    reference_engine,
    reference_matches,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dataflow.detect import validators
from dataflow.detect.fast import REGISTRY, FastMatcher, batch, common, joinable, shortcuts
from dataflow.detect.fast import matcher as matcher_module
from dataflow.detect.fast.hooks import batch_form, card_shortcut

DIGITS = "0123456789"
FULLWIDTH = str.maketrans(DIGITS, "０１２３４５６７８９")
PROVINCES = sorted(validators.province_codes())
NOT_PROVINCES = [f"{i:02d}" for i in range(100) if f"{i:02d}" not in validators.province_codes()]
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
HEX = "0123456789abcdefABCDEF"
LONG = batch.MIN_TEXTS + 8  # a list this long takes the numpy path

# The validators with a batch kernel (detect.fast.registry).
TWIN_NAMES = sorted(name for name, entry in REGISTRY.items() if entry.kernel is not None)


def _scalar(name: str) -> Callable[[str], Any]:
    return REGISTRY[name].scalar


def _many(name: str) -> Callable[[Sequence[str]], list[Any]]:
    return REGISTRY[name].many


def _card_scalar() -> Callable[[str], Any]:
    from presidio_analyzer.predefined_recognizers import CreditCardRecognizer

    return card_shortcut(CreditCardRecognizer().validate_result)


@pytest.fixture(autouse=True)
def _offline_email(monkeypatch: pytest.MonkeyPatch) -> None:
    offline_tldextract(monkeypatch)


# --- generated identifiers -----------------------------------------------------------------
def _today() -> dt.date:
    shortcuts.refresh_today()
    return dt.date.fromordinal(shortcuts.today_ordinal())


def _resident_id(
    r: random.Random, born: dt.date | str | None = None, province: str | None = None
) -> str:
    """An 18-character resident ID with a right check character (``born`` may be any 8 digits)."""
    if born is None:
        first = dt.date(1900, 1, 1).toordinal()
        born = dt.date.fromordinal(r.randint(first, _today().toordinal()))
    ymd = born if isinstance(born, str) else born.strftime("%Y%m%d")
    body = f"{province or r.choice(PROVINCES)}{r.randint(0, 9999):04d}{ymd}{r.randint(0, 999):03d}"
    return body + validators.gb11643_check_char(body)


def _resident_id_x(r: random.Random) -> str:
    """A valid resident ID whose check character is X."""
    while True:
        value = _resident_id(r)
        if value.endswith("X"):
            return value


def _old_resident_id(r: random.Random, yymmdd: str | None = None) -> str:
    if yymmdd is None:
        yymmdd = f"{r.randint(0, 99):02d}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
    return f"{r.choice(PROVINCES)}{r.randint(0, 9999):04d}{yymmdd}{r.randint(0, 999):03d}"


def _uscc_lettered(r: random.Random) -> str:
    """A USCC with a right check character but a letter among characters 3-8 (invalid)."""
    body = list(random_uscc(r)[:17])
    body[r.randrange(2, 8)] = r.choice("ABCDEFGHJKLMNPQRTUWXY")
    return "".join(body) + validators.gb32100_check_char("".join(body))


def _vin(r: random.Random, chars: str = VIN_CHARS) -> str:
    vin = [r.choice(chars) for _ in range(17)]
    vin[8] = "0"
    vin[8] = validators.iso3779_check_char("".join(vin))
    return "".join(vin)


def _luhn_number(r: random.Random, width: int, prefix: str = "") -> str:
    body = prefix + "".join(r.choice(DIGITS) for _ in range(width - 1 - len(prefix)))
    return body + validators.luhn_check_digit(body)


def _imei(r: random.Random) -> str:
    while True:
        value = _luhn_number(r, 15)
        if value[:2] not in ("34", "37"):
            return value


def _mac(r: random.Random, sep: str | None = None) -> str:
    pairs = ["".join(r.choice(HEX) for _ in range(2)) for _ in range(6)]
    return (sep if sep is not None else r.choice(":-")).join(pairs)


def _dotted_mac(r: random.Random) -> str:
    return ".".join("".join(r.choice(HEX) for _ in range(4)) for _ in range(3))


def _coordinate(r: random.Random) -> str:
    lat = f"{r.uniform(-90, 90):.{r.randint(3, 6)}f}"
    lng = f"{r.uniform(-180, 180):.{r.randint(3, 6)}f}"
    sep = r.choice([",", ", ", " ", "，", "/"])
    return f"{lat}{sep}{lng}" if r.random() < 0.6 else f"{lng}{sep}{lat}"


def _change_one(r: random.Random, value: str, chars: str = "0123456789XxAIOQ") -> str:
    i = r.randrange(len(value))
    options = [c for c in chars if c != value[i]]
    return value[:i] + r.choice(options) + value[i + 1 :]


def _wrong_check(value: str, at: int, charset: str) -> str:
    """``value`` with the character at ``at`` replaced by the next one of ``charset``."""
    nxt = charset[(charset.index(value[at]) + 1) % len(charset)]
    return value[:at] + nxt + value[at + 1 :]


def _separated(r: random.Random, value: str) -> str:
    chars = list(value)
    for _ in range(r.randint(1, 3)):
        chars.insert(r.randrange(1, len(chars)), r.choice(" -"))
    return "".join(chars)


def _dirty(r: random.Random, value: str) -> str:
    """One of the ways a real value goes wrong."""
    kind = r.randrange(9)
    if kind == 0:
        return _change_one(r, value)
    if kind == 1:
        return _separated(r, value)
    if kind == 2:
        return r.choice([" ", "\t", "  "]) + value + r.choice(["", " ", "\t"])
    if kind == 3:
        return value.lower()
    if kind == 4:
        return value.translate(FULLWIDTH)
    if kind == 5:
        return value[:-1]
    if kind == 6:
        return value + r.choice(DIGITS + "X")
    if kind == 7:
        i = r.randrange(len(value))
        return value[:i] + r.choice("é一·") + value[i + 1 :]
    return ""


def _resident_edge_cases(r: random.Random) -> list[str]:
    today = _today()
    valid = _resident_id(r)
    body17 = valid[:17]
    with_x = _resident_id_x(r)
    dates = [
        "19990229",  # not a leap year
        "19000229",  # 1900 is not a leap year
        "20000229",  # 2000 is
        "20040229",
        "20230229",
        "19990001",  # month 00
        "19991301",  # month 13
        "19990100",  # day 00
        "19990132",  # day 32
        "19990431",  # April 31
        "19991231",
        "19000101",  # the first day allowed
        "18991231",  # before 1900
        "18500615",
        "20991231",  # in the future
        (today + dt.timedelta(days=400)).strftime("%Y%m%d"),
        today.strftime("%Y%m%d"),
        (today + dt.timedelta(days=1)).strftime("%Y%m%d"),
        "00000000",
        "99999999",
    ]
    cases = [valid, with_x, with_x.lower(), with_x[:-1] + "x"]
    cases += [_resident_id(r, born=d) for d in dates]
    cases += [_resident_id(r, province=p) for p in NOT_PROVINCES[:6]]
    cases += [_wrong_check(valid, 17, "0123456789X"), body17 + "Y", body17 + "x"]
    cases += [_change_one(r, valid) for _ in range(4)]
    cases += [
        _old_resident_id(r),
        _old_resident_id(r, "990229"),
        _old_resident_id(r, "000229"),  # 1900-02-29 in the old form
        _old_resident_id(r, "991301"),
        _old_resident_id(r, "990132"),
        "00" + _old_resident_id(r)[2:],
    ]
    cases += [
        " " + valid,
        valid + " ",
        "\t" + valid + "\n",
        " " + valid[:17],  # 18 characters, one of them a space
        valid[:17] + " ",
        "\x1c" + valid[:17],  # str.strip() removes \x1c
        valid[:6] + " " + valid[6:14] + " " + valid[14:],
        valid[:6] + "-" + valid[6:],
        valid.translate(FULLWIDTH),
        valid[:10] + "１" + valid[11:],
        valid[:17] + "Ｘ",
        valid[:5] + "é" + valid[6:],
        valid[:-1],
        valid + "0",
        valid[:16],
        valid + valid,
        "",
        " " * 18,
        "X" * 18,
        "1" * 17 + "x",
        body17 + "ß",  # upper-cases to two characters
    ]
    return cases


def _uscc_edge_cases(r: random.Random) -> list[str]:
    valid = random_uscc(r)
    return [
        valid,
        valid.lower(),
        _wrong_check(valid, 17, validators.USCC_CHARSET),
        valid[:2] + "A" + valid[3:],  # a letter among characters 3-8
        _uscc_lettered(r),
        _uscc_lettered(r),
        valid[:10] + "I" + valid[11:],
        valid[:10] + "O" + valid[11:],
        valid[:10] + "Z" + valid[11:],
        valid[:10] + "S" + valid[11:],
        valid[:17] + "V",
        " " + valid,
        valid + "\t",
        " " + valid[1:],
        valid[:-1] + " ",
        valid.translate(FULLWIDTH),
        valid[:-1],
        valid + "0",
        "",
        "0" * 18,
        _change_one(r, valid),
        _separated(r, valid),
    ]


def _vin_edge_cases(r: random.Random) -> list[str]:
    valid = _vin(r)
    all_digits = _vin(r, DIGITS)
    with_x = next(v for v in (_vin(r) for _ in range(10_000)) if v[8] == "X")
    return [
        valid,
        with_x,
        with_x[:8] + "x" + with_x[9:],
        valid.lower(),
        all_digits,  # a right check digit, but no letter
        _wrong_check(valid, 8, "0123456789X"),
        valid[:3] + "I" + valid[4:],
        valid[:3] + "O" + valid[4:],
        valid[:3] + "Q" + valid[4:],
        " " + valid,
        valid + " ",
        " " + valid[1:],
        valid[:-1] + "\t",
        valid.translate(FULLWIDTH),
        valid[:-1],
        valid + "A",
        "",
        _change_one(r, valid, VIN_CHARS + "IOQ"),
    ]


def _luhn_edge_cases(r: random.Random) -> list[str]:
    out: list[str] = []
    for width in (2, 3, 13, 15, 16, 17, 18, 19, 20):
        for prefix in ("", "62", "4", "34", "37", "35", "86", "1", "7"):
            if len(prefix) < width:
                good = _luhn_number(r, width, prefix)
                out += [good, _wrong_check(good, width - 1, DIGITS)]
    imei = _imei(r)
    card = _luhn_number(r, 16, "62")
    out += [
        f"{imei[:2]}-{imei[2:8]}-{imei[8:14]}-{imei[14]}",
        f"{imei[:2]} {imei[2:8]} {imei[8:14]} {imei[14]}",
        " ".join(card[i : i + 4] for i in range(0, 16, 4)),
        "-".join(card[i : i + 4] for i in range(0, 16, 4)),
        " " + card,
        card + "\t",
        card.translate(FULLWIDTH),
        card[:5] + "٣" + card[6:],
        card[:5] + "a" + card[6:],
        "0",
        "00",
        "",
        " ",
        "-",
        "0" * 16,
        "0" * 15,
    ]
    return out


def _mac_edge_cases(r: random.Random) -> list[str]:
    pairs = ["".join(r.choice(HEX) for _ in range(2)) for _ in range(6)]
    out = [
        ":".join(pairs),
        "-".join(pairs),
        ":".join(pairs[:3]) + "-" + "-".join(pairs[3:]),  # mixed separators
        ":".join(pairs[:5]) + "-" + pairs[5],
        ".".join(pairs),  # 17 characters with dots
        "_".join(pairs),
        " " + ":".join(pairs),
        ":".join(pairs) + " ",
        " " + ":".join(pairs)[1:],
        ":".join(pairs)[:-1] + " ",
        ":".join(pairs).translate(FULLWIDTH),
        ":".join(pairs[:5]) + ":g0",
        ":".join(pairs[:5]),
        ":".join(pairs) + ":00",
        "".join(pairs),
        _dotted_mac(r),
        " " + _dotted_mac(r) + " ",
        "0000.0000.0000",
        "ffff.FFFF.ffff",
        "",
    ]
    for sep in ":-":
        out += [sep.join(["00"] * 6), sep.join(["ff"] * 6), sep.join(["FF"] * 6)]
        out += [sep.join(["fF", "Ff", "FF", "ff", "fF", "Ff"]), sep.join(["00"] * 5 + ["01"])]
        out += [sep.join(["ff"] * 5 + ["fe"])]
    return out


def _number_pair(r: random.Random) -> str:
    """A number pair as coordinate columns hold them, sometimes out of range."""

    def number() -> str:
        whole = r.choice([0, 0, r.randint(0, 90), r.randint(90, 181), r.randint(0, 999)])
        sign = r.choice(["", "", "-", "+"])
        return f"{sign}{whole}.{r.randint(0, 10**6):0{r.randint(3, 7)}d}"

    sep = r.choice([",", ", ", " ,", "，", "/", " ", "\t,\t", " / "])
    return number() + sep + number()


# Number pairs as a coordinate column holds them, in range or not (two decimals at least).
_LATLNG_PAIRS = (
    "0.000,0.000",
    "-0.000, +0.000",
    "0.000,0.001",
    "90.000,180.000",
    "180.000,90.000",
    "90.001,90.001",
    "180.001,1.000",
    "-180.000,-90.000",
    " 31.230416, 121.473701 ",
    "\t31.230416 /\t121.473701\t",
    "31.230416，121.473701",
    "31.230416\x0b,\x0c121.473701",
)
# Texts that are no number pair.
_LATLNG_NOT_PAIRS = (
    "1000.000,1.000",
    "1.00,2.000",  # two decimals: not a pair
    "1.000,,2.000",
    "1.000;2.000",
    "31。230416,121.473701",
    "３1.230,121.473",  # a fullwidth digit
    "31.230416 121.473701 5",
    "+-31.230,121.473",
    "",
)


def _latlng_edge_cases(r: random.Random) -> list[str]:
    return [*_LATLNG_PAIRS, *_LATLNG_NOT_PAIRS, _number_pair(r)]


def _pool(seed: int) -> list[str]:
    """Values of every shape, several hundred of each width that the numpy path reads."""
    r = random.Random(seed)
    out: list[str] = []
    for _ in range(120):
        out.append(_resident_id(r))
        out.append(_resident_id(r) if r.random() < 0.5 else _resident_id_x(r).lower())
        out.append(
            _resident_id(
                r, born=f"{r.randint(1890, 2100)}{r.randint(0, 13):02d}{r.randint(0, 32):02d}"
            )
        )
        out.append(_old_resident_id(r))
        out.append(random_uscc(r) if r.random() < 0.8 else _uscc_lettered(r))
        out.append(_vin(r))
        out.append(_imei(r))
        out.append(_luhn_number(r, r.choice([16, 17, 18, 19]), r.choice(["62", "4", "5", "3"])))
        out.append(_luhn_number(r, r.randint(2, 20)))
        out.append("".join(r.choice(DIGITS) for _ in range(r.choice([15, 16, 17, 18, 19]))))
        out.append(_mac(r))
        out.append(_dotted_mac(r))
        out.append(_number_pair(r))
        out.append(_coordinate(r))
    # Near misses of everything, one change each.
    out += [_dirty(r, v) for v in r.sample(out, 600)]
    out += _resident_edge_cases(r) + _uscc_edge_cases(r) + _vin_edge_cases(r)
    out += _luhn_edge_cases(r) + _mac_edge_cases(r) + _latlng_edge_cases(r)
    r.shuffle(out)
    return out


POOL = _pool(20240611)


def _chunks(values: Sequence[str], r: random.Random) -> Iterator[list[str]]:
    i = 0
    while i < len(values):
        size = r.randint(LONG, 140)
        yield list(values[i : i + size])
        i += size


# --- batch twins equal the scalar shortcuts -------------------------------------------------
def test_the_scalar_forms_have_their_batch_forms() -> None:
    for name in TWIN_NAMES:
        assert batch_form(_scalar(name)) == _many(name), name
    assert batch_form(REGISTRY["foreign_pr_id"].scalar) is None  # no kernel: mapped


@pytest.mark.parametrize("name", sorted(TWIN_NAMES))
def test_twin_equals_scalar_on_the_pool(name: str) -> None:
    scalar, many = _scalar(name), _many(name)
    original = validators.VALIDATORS[name]
    expected = [scalar(t) for t in POOL]
    assert any(expected) and not all(expected), name  # the pool exercises both answers
    assert expected == [original(t) for t in POOL]
    assert many(POOL) == expected
    # The same values in lists of 40 to 140, where some widths have too few members to be
    # read as arrays and are left to the scalar.
    r = random.Random(f"chunks-{name}")
    for chunk in _chunks(POOL, r):
        assert many(chunk) == [scalar(t) for t in chunk]


@pytest.mark.parametrize(
    ("name", "cases"),
    [
        ("gb11643", _resident_edge_cases),
        ("gb32100", _uscc_edge_cases),
        ("iso3779", _vin_edge_cases),
        ("luhn", _luhn_edge_cases),
        ("bank_card", _luhn_edge_cases),
        ("unionpay", _luhn_edge_cases),
        ("imei", _luhn_edge_cases),
        ("mac", _mac_edge_cases),
        ("latlng", _latlng_edge_cases),
    ],
)
def test_twin_equals_scalar_on_edge_cases(
    name: str, cases: Callable[[random.Random], list[str]]
) -> None:
    """Each edge case among many plain values of the same width, so that it sits in a row
    the numpy path reads (or is deliberately left to the scalar)."""
    scalar, many = _scalar(name), _many(name)
    r = random.Random(f"edges-{name}")
    edges = cases(r)
    fill: dict[str, Callable[[], str]] = {
        "gb11643": lambda: _resident_id(r),
        "gb32100": lambda: random_uscc(r),
        "iso3779": lambda: _vin(r),
        "luhn": lambda: _luhn_number(r, 16, "62"),
        "bank_card": lambda: _luhn_number(r, 16, "4"),
        "unionpay": lambda: _luhn_number(r, 19, "62"),
        "imei": lambda: _imei(r),
        "mac": lambda: _mac(r),
        "latlng": lambda: _number_pair(r),
    }
    plain = [fill[name]() for _ in range(LONG)]
    texts = plain + edges
    r.shuffle(texts)
    expected = [scalar(t) for t in texts]
    assert many(texts) == expected
    assert [many([*plain, e])[-1] for e in edges] == [scalar(e) for e in edges]
    # Lists of one and no characters (too short for any checksum), and same-width lists for
    # the Luhn family: every width with enough members.
    for tiny in ([r.choice(DIGITS) for _ in range(LONG)], [""] * LONG, ["0"] * LONG):
        assert many(tiny) == [scalar(t) for t in tiny]
    for width in (15, 16, 17, 18, 19):
        same = [_luhn_number(r, width, r.choice(["", "62", "4", "34"])) for _ in range(LONG)]
        same += [_wrong_check(v, width - 1, DIGITS) for v in same[:10]]
        assert many(same) == [scalar(t) for t in same]


def test_resident_id_edge_case_answers() -> None:
    """The edge cases mean what they say (else the comparisons above prove little)."""
    r = random.Random(5)
    many = REGISTRY["gb11643"].many
    today = _today()
    valid = [_resident_id(r) for _ in range(LONG)]
    lower_x = _resident_id_x(r).lower()
    cases = {
        lower_x: True,
        _resident_id(r, born="20000229"): True,
        _resident_id(r, born="19000101"): True,
        _resident_id(r, born="19990229"): False,
        _resident_id(r, born="19000229"): False,
        _resident_id(r, born="19990001"): False,
        _resident_id(r, born="19991301"): False,
        _resident_id(r, born="19990100"): False,
        _resident_id(r, born="19990132"): False,
        _resident_id(r, born="18991231"): False,
        _resident_id(r, born="20991231"): False,
        _resident_id(r, province=NOT_PROVINCES[0]): False,
        _wrong_check(valid[0], 17, "0123456789X"): False,
        _resident_id(r, born=today): True,
        _resident_id(r, born=today + dt.timedelta(days=1)): False,
    }
    got = many(valid + list(cases))
    assert got[:LONG] == [True] * LONG
    assert dict(zip(cases, got[LONG:], strict=True)) == cases


def test_birth_date_today_and_tomorrow() -> None:
    r = random.Random(11)
    today = dt.date.today()
    shortcuts.refresh_today()
    born_today = [_resident_id(r, born=today) for _ in range(20)]
    born_tomorrow = [_resident_id(r, born=today + dt.timedelta(days=1)) for _ in range(20)]
    born_yesterday = [_resident_id(r, born=today - dt.timedelta(days=1)) for _ in range(20)]
    texts = born_today + born_tomorrow + born_yesterday
    r.shuffle(texts)
    got = REGISTRY["gb11643"].many(texts)
    if dt.date.today() != today:  # midnight passed during the test
        pytest.skip("the date changed while the test ran")
    assert got == [shortcuts.gb11643(t) for t in texts]
    assert got == [validators.gb11643(t) for t in texts]
    assert got == [t not in born_tomorrow for t in texts]


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.data())
def test_twins_equal_scalars_on_random_text(data: st.DataObject) -> None:
    alphabet = data.draw(
        st.sampled_from(
            [
                DIGITS,
                DIGITS + "Xx",
                DIGITS + " -",
                HEX + ":-.",
                VIN_CHARS + "IOQ",
                "0123456789Xx -:.ABFaf\t１",
                "0123456789.., -+/，\t",
            ]
        )
    )
    width = data.draw(st.sampled_from([2, 15, 16, 17, 18, 19]))
    same = st.text(alphabet=alphabet, min_size=width, max_size=width)
    anything = st.text(alphabet="0123456789Xx -:.ABFaf\t１", max_size=22)
    item = st.one_of(same, same, same, anything, st.sampled_from(POOL))
    texts = data.draw(st.lists(item, min_size=40, max_size=80))
    for name in TWIN_NAMES:
        assert _many(name)(texts) == [_scalar(name)(t) for t in texts], name


# --- the credit-card shortcut's twin ---------------------------------------------------------
def test_card_shortcut_has_a_batch_twin() -> None:
    scalar = _card_scalar()
    many = scalar.many  # type: ignore[attr-defined]
    r = random.Random(23)
    texts: list[str] = []
    for _ in range(60):
        good = _luhn_number(r, r.choice([13, 14, 15, 16, 19]), r.choice(["4", "5", "62", "3"]))
        texts += [good, _wrong_check(good, len(good) - 1, DIGITS)]
    texts += [_luhn_number(r, 16, "4") for _ in range(LONG)]
    texts += ["", " ", "-", "0", "00", "18", "4111-1111-1111-1111", "4111 1111 1111 1111"]
    texts += [" 4111111111111111", "4111111111111111 ", "１２３４", "٣4", "4-1-1-1"]
    r.shuffle(texts)
    expected = [scalar(t) for t in texts]
    assert any(expected) and not all(expected)
    assert many(texts) == expected


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    st.integers(2, 19).flatmap(
        lambda width: st.lists(
            st.one_of(
                st.text(alphabet=DIGITS, min_size=width, max_size=width),
                st.text(alphabet=DIGITS, min_size=width, max_size=width),
                st.text(alphabet="0123456789 -１٣", max_size=22),
            ),
            min_size=40,
            max_size=80,
        )
    )
)
def test_card_twin_equals_card_shortcut_on_random_text(texts: list[str]) -> None:
    scalar = _card_scalar()
    assert scalar.many(texts) == [scalar(t) for t in texts]  # type: ignore[attr-defined]


# --- the vector path is taken ----------------------------------------------------------------
def _counting(scalar: Callable[[str], Any]) -> tuple[Callable[[str], Any], list[str]]:
    """A wrapper of ``scalar`` that records its arguments (the returned list)."""
    calls: list[str] = []

    def counted(text: str) -> Any:
        calls.append(text)
        return scalar(text)

    return counted, calls


def test_gb11643_vector_path_settles_plain_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    r = random.Random(31)
    plain = [_resident_id(r) for _ in range(100)]
    # Plain in shape, wrong in content: the array path decides these too.
    plain_wrong = [_resident_id(r, born=d) for d in ("19990229", "19991301", "18991231")]
    plain_wrong += [_resident_id(r, province=NOT_PROVINCES[1]), _resident_id_x(r).lower()]
    plain_wrong += [_wrong_check(v, 17, "0123456789X") for v in plain[:5]]
    irregular = [" " + plain[0], _old_resident_id(r), plain[1][:6] + "-" + plain[1][6:]]
    irregular += [plain[2].translate(FULLWIDTH), plain[3][:17] + "Y", "\x1c" + plain[4][:17]]
    expected_plain = [shortcuts.gb11643(t) for t in plain + plain_wrong]
    expected_irregular = [shortcuts.gb11643(t) for t in irregular]
    counted, calls = _counting(shortcuts.gb11643)

    def many(texts: list[str]) -> list[Any]:
        return REGISTRY["gb11643"].many(texts, counted)

    assert many(plain) == [True] * 100
    assert calls == []
    assert many(plain + plain_wrong) == expected_plain
    assert calls == []
    assert many(plain + irregular) == [True] * 100 + expected_irregular
    assert sorted(calls) == sorted(irregular)
    # Below MIN_TEXTS every text is asked of the scalar.
    calls.clear()
    assert many(plain[:10]) == [True] * 10
    assert len(calls) == 10


@pytest.mark.parametrize(
    ("name", "width", "prefix"),
    [("luhn", 16, ""), ("bank_card", 19, "5"), ("unionpay", 16, "62"), ("imei", 15, "86")],
)
def test_luhn_vector_path_settles_plain_digit_runs(
    monkeypatch: pytest.MonkeyPatch, name: str, width: int, prefix: str
) -> None:
    r = random.Random(f"vector-{name}")
    plain = [_luhn_number(r, width, prefix) for _ in range(100)]
    plain += [_wrong_check(v, width - 1, DIGITS) for v in plain[:20]]
    few = [_luhn_number(r, width + 1, prefix) for _ in range(5)]  # a width with few members
    # Spaces and hyphens are removed before the check: such texts join their width's rows.
    separated = [" " + plain[0], _separated(r, plain[1]), "-".join(plain[2]) + " "]
    separated += [_separated(r, v) for v in plain[3:40]]
    irregular = [plain[2].translate(FULLWIDTH), "\t" + plain[3], plain[4] + "\u3000"]
    scalar = _scalar(name)
    expected = [scalar(t) for t in plain + few + separated + irregular]
    assert any(expected) and not all(expected)
    assert [scalar(t) for t in separated] == [scalar(t) for t in plain[:40]]
    counted, calls = _counting(scalar)

    def many(texts: list[str]) -> list[Any]:
        return REGISTRY[name].many(texts, counted)

    assert many(plain) == expected[: len(plain)]
    assert calls == []
    assert many(plain + few + separated + irregular) == expected
    assert sorted(calls) == sorted(few + irregular)
    # A text with a newline: the texts are cleaned one by one, with the same answers.
    calls.clear()
    texts = [*separated, plain[5] + "\n" + plain[6]]
    assert many(texts) == [scalar(t) for t in texts]
    assert calls == [texts[-1]]


def test_card_twin_vector_path(monkeypatch: pytest.MonkeyPatch) -> None:
    r = random.Random(37)
    plain = [_luhn_number(r, 16, "4") for _ in range(50)]
    plain += [_wrong_check(v, 15, DIGITS) for v in plain[:10]]
    card = _card_scalar()
    counted, calls = _counting(card)

    def many(texts: list[str]) -> list[Any]:
        return batch.apply(texts, counted, batch.luhn_rows)

    assert many(plain) == [card(t) for t in plain]
    assert calls == []
    spaced = ["4111 1111 1111 1111", "4111-1111-1111-1111", "4111 1111 1111 1112"]
    assert many([*plain, *spaced]) == [*(card(t) for t in plain), True, True, False]
    assert calls == []  # spaces and hyphens are removed before the check, as card() does
    odd = "\uff14111 1111 1111 1111"  # a full-width digit: the scalar's own answer
    assert many([*plain, odd]) == [*(card(t) for t in plain), card(odd)]
    assert calls == [odd]


@pytest.mark.parametrize(("name", "width"), [("gb32100", 18), ("iso3779", 17)])
def test_weighted_vector_paths_settle_every_ascii_row(
    monkeypatch: pytest.MonkeyPatch, name: str, width: int
) -> None:
    """USCC and VIN: the array path decides every ASCII text of the width, plain or not."""
    r = random.Random(f"weighted-{name}")
    make, edges = (random_uscc, _uscc_edge_cases) if name == "gb32100" else (_vin, _vin_edge_cases)
    texts = [make(r) for _ in range(50)] + edges(r)
    expected = [_scalar(name)(t) for t in texts]
    counted, calls = _counting(_scalar(name))
    assert REGISTRY[name].many(texts, counted) == expected
    left = [t for t in texts if len(t) != width or not t.isascii()]
    assert left and len(left) < len(texts) - 50
    assert sorted(calls) == sorted(left)


def test_mac_vector_path(monkeypatch: pytest.MonkeyPatch) -> None:
    r = random.Random(41)
    macs = [_mac(r) for _ in range(50)] + _mac_edge_cases(r)
    expected = [validators.mac(t) for t in macs]
    counted, calls = _counting(validators.mac)
    assert REGISTRY["mac"].many(macs, counted) == expected
    asked = set(calls)
    assert not asked & set(macs[:50])  # well-formed addresses never reach the scalar
    assert "0000.0000.0000" in asked and ":".join(["00"] * 6) not in asked
    assert ":".join(["FF"] * 6) not in asked


def test_latlng_vector_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """A column of number pairs is read as numbers together; one text that is not a pair
    sends the column to the scalar."""
    r = random.Random(53)
    pairs = [_number_pair(r) for _ in range(LONG)] + [*_LATLNG_PAIRS, _number_pair(r)]
    expected = [validators.latlng(t) for t in pairs]
    assert any(expected) and not all(expected)
    counted, calls = _counting(validators.latlng)
    assert REGISTRY["latlng"].many(pairs, counted) == expected
    assert calls == []
    mixed = [*pairs, "not a pair"]
    assert REGISTRY["latlng"].many(mixed, counted) == [*expected, False]
    assert calls == mixed


def test_without_numpy_every_text_is_asked_of_the_scalar(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = {name: [_scalar(name)(t) for t in POOL] for name in TWIN_NAMES}
    card = _card_scalar()
    card_texts = [t for t in POOL if t.replace("-", "").replace(" ", "").isdigit()]
    card_expected = [card(t) for t in card_texts]
    monkeypatch.setattr(common, "_NUMPY", [None])
    assert common.numpy_or_none() is None
    for name in TWIN_NAMES:
        assert _many(name)(POOL) == expected[name], name
    assert card.many(card_texts) == card_expected  # type: ignore[attr-defined]
    counted, calls = _counting(shortcuts.gb11643)
    r = random.Random(43)
    ids = [_resident_id(r) for _ in range(LONG)]
    assert REGISTRY["gb11643"].many(ids, counted) == [True] * LONG
    assert calls == ids


# --- joinable ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "source",
    [
        r"\b\d{4}\b",
        r"\B\d{4}",
        r"(?<![0-9A-Za-z])[1-8]\d{16}[0-9Xx](?![0-9A-Za-z])",
        r"[A-Z]{2}\d+",
        r"\d{3}|\d{3}-\d{2}",
        r"[\s\d]+",  # consumes newlines: the run's result shows it
        r".+",
        r"(?<=[a-z])\d",
        r"\d(?!\d)",
        r"(\d)\1",
        r"(?i)[a-z]+(?=[0-9])",
        r"(?:ab)*?c",
    ],
)
def test_joinable_accepts(source: str) -> None:
    assert joinable(re.compile(source))
    assert joinable(re.compile(source, re.MULTILINE | re.DOTALL))


@pytest.mark.parametrize(
    "source",
    [
        r"^\d+",
        r"\d+$",
        r"\A\d+",
        r"\d+\Z",
        r"(?m)^\d+",
        r"(?m)\d+$",
        r"(?<=\s)\d",
        r"(?<!\s)\d",
        r"\d(?=\s)",
        r"\d(?!\s)",
        r"(?<![^x])\d",
        r"(?<!.)\d",
        r"(?s)(?<!.)\d",
        r"(?<!\W)\d",
        r"(?<!\D)\d",
        r"\d(?![^0-9])",
        r"(?<=\n)\d",
        r"(?<![\x00-\x20])\d",
        r"(a)?(?(1)b|c)",
        r"(?<=(a))(?<!\1)b",
        r"\d(?:x|^)",
        r"(?:(?<!\s)\d)+",
    ],
)
def test_joinable_refuses(source: str) -> None:
    assert not joinable(re.compile(source))


def test_joinable_refuses_what_is_not_a_stdlib_pattern() -> None:
    regex: Any = importlib.import_module("regex")  # what Presidio compiles with

    assert not joinable(regex.compile(r"\d+"))
    assert not joinable(r"\d+")
    assert not joinable(None)
    assert joinable(re.compile(r"\d+"))


# --- the bulk path equals per-value Presidio (custom recognizers) ---------------------------
def _custom_recognizers() -> list[Any]:
    from presidio_analyzer import Pattern, PatternRecognizer

    from dataflow.detect.recognizers import PatternSpec, RecognizerSpec, recognizer_class

    class EvenSum(PatternRecognizer):
        """Two letters and digits; a match whose digits sum to an odd number is rejected,
        one ending in 0 is left to the pattern's score."""

        def validate_result(self, pattern_text: str) -> bool | None:
            digits = [int(c) for c in pattern_text if c.isdigit()]
            if digits and digits[-1] == 0:
                return None
            return sum(digits) % 2 == 0

    class NoNines(PatternRecognizer):
        def invalidate_result(self, pattern_text: str) -> bool:
            return "99" in pattern_text

    alt = PatternRecognizer(
        supported_entity="ALT",
        patterns=[
            Pattern("short-first", r"\d{3}|\d{3}-\d{2}", 0.5),  # leftmost-first: the shorter
            Pattern("long", r"\d{3}-\d{2}", 0.4),
        ],
    )
    code = EvenSum(
        supported_entity="CODE",
        patterns=[Pattern("code", r"(?<![0-9A-Za-z])[A-Z]{2}\d{3,4}(?![0-9A-Za-z])", 0.5)],
        global_regex_flags=re.DOTALL | re.MULTILINE,
    )
    # Above the pattern's own score: a match the validator leaves undecided does not count.
    code.score_thresholds = {"default": 0.6}
    pair = PatternRecognizer(supported_entity="PAIR", patterns=[Pattern("pair", r"\d\s?\d?", 0.5)])
    word = PatternRecognizer(
        supported_entity="WORD", patterns=[Pattern("word", r"\b[a-z]+\d?\b", 0.4)]
    )
    spacey = NoNines(supported_entity="SPACEY", patterns=[Pattern("spacey", r"[\s\d]+", 0.3)])
    weak = PatternRecognizer(
        supported_entity="WEAK",
        patterns=[Pattern("weak", r"\d{6}", 0.05), Pattern("dash", r"\d+-\d+", 0.3)],
    )
    weak.score_thresholds = {"default": 0.1}
    luhn = recognizer_class()(
        RecognizerSpec(
            name="luhn-run",
            entity="LUHN_RUN",
            patterns=(PatternSpec("run", r"(?<![0-9])\d{2,6}(?![0-9])", 0.5),),
            validator="luhn",
        )
    )
    return [alt, code, pair, word, spacey, weak, luhn]


@pytest.fixture(scope="module")
def custom(tmp_path_factory: pytest.TempPathFactory) -> tuple[FastMatcher, Any]:
    recs = _custom_recognizers()
    mp = pytest.MonkeyPatch()
    mp.setenv("DATAFLOW_CACHE_DIR", str(tmp_path_factory.mktemp("hs-batch-custom")))
    try:
        return FastMatcher(recs), reference_engine(recs)
    finally:
        mp.undo()


def test_custom_patterns_are_joinable(custom: tuple[FastMatcher, Any]) -> None:
    matcher = custom[0]
    assert matcher.uses_prefilter
    assert matcher.fallback_recognizers == ()
    joined = {p.source for p, ok in zip(matcher.patterns, matcher.joinable, strict=True) if ok}
    assert r"\d{3}|\d{3}-\d{2}" in joined
    assert r"(?<![0-9A-Za-z])[A-Z]{2}\d{3,4}(?![0-9A-Za-z])" in joined
    assert r"\b[a-z]+\d?\b" in joined and r"[\s\d]+" in joined and r"\d\s?\d?" in joined


CLASSES = {"d": DIGITS, "L": "ABXY", "l": "abxy", "s": " -", "t": " \t"}
TEMPLATES = [
    "d",
    "ddd",
    "ddd-dd",
    "LLddd",
    "LLdddd",
    "lll",
    "lld",
    " ddd ",
    "dd dd",
    "dd",
    "dddddd",
    "ddd-ddd",
    "l-l",
    "dsd",
    "tddd",
    "Ldddd",
]
NOISE = "0123456789-ABab xy\t"


def _fill(template: str, seed: int) -> str:
    """``template`` with each class letter replaced by a member of its class."""
    r = random.Random(seed)
    return "".join(r.choice(CLASSES[c]) if c in CLASSES else c for c in template)


@st.composite
def _column(draw: st.DrawFn) -> list[str]:
    """1-200 values, nine in ten from one to three shapes (a column), the rest noise."""
    templates = draw(st.lists(st.sampled_from(TEMPLATES), min_size=1, max_size=3))
    shaped = st.builds(_fill, st.sampled_from(templates), st.integers(0, 2**32))
    noise = st.text(alphabet=NOISE, max_size=8)
    item = st.integers(0, 9).flatmap(lambda k: noise if k == 0 else shaped)
    size = draw(st.integers(1, 200))
    return draw(st.lists(item, min_size=size, max_size=size))


@settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(_column())
def test_bulk_path_equals_presidio_on_random_columns(
    custom: tuple[FastMatcher, Any], values: list[str]
) -> None:
    matcher, analyzer = custom
    expected = reference_matches(values, analyzer)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(matcher_module, "BULK_MIN", 4)
        assert matcher.match(values) == expected
    assert matcher.match(values) == expected


@settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.one_of(_column(), st.lists(st.text(alphabet=NOISE, max_size=10), max_size=200)))
def test_exact_by_pattern_equals_presidio_on_every_pattern(
    custom: tuple[FastMatcher, Any], values: list[str]
) -> None:
    """Every pattern over every value (no pre-filter narrowing): what the bulk path leaves
    and what it settles together give Presidio's answer."""
    matcher, analyzer = custom
    values = [v if v.strip() else "" for v in dict.fromkeys(values)]
    expected = reference_matches(values, analyzer)
    everything = {pid: range(len(values)) for pid in range(len(matcher.patterns))}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(matcher_module, "BULK_MIN", 4)
        found = matcher._exact_by_pattern(values, everything)
    assert [matcher._outcome(found.get(i, 0)) for i in range(len(values))] == expected


def _spy_settled(mp: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Record (entity, number of values) for every part the bulk path settles."""
    settled: list[tuple[str, int]] = []
    original = FastMatcher._settle_covered

    def spy(self: FastMatcher, pid: int, part: Any, texts: Any, found: Any) -> None:
        settled.append((self.patterns[pid].entity, len(part)))
        original(self, pid, part, texts, found)

    mp.setattr(FastMatcher, "_settle_covered", spy)
    return settled


@pytest.mark.parametrize("bulk_min", [4, 64])
def test_bulk_path_halves_around_dirty_values(
    custom: tuple[FastMatcher, Any], monkeypatch: pytest.MonkeyPatch, bulk_min: int
) -> None:
    """A column of three-digit numbers with a few values that break the joined run."""
    matcher, analyzer = custom
    r = random.Random(47)
    values = list(dict.fromkeys(f"{r.randint(0, 999):03d}" for _ in range(700)))[:300]
    # In the last fifth: the probe and the first half pass, the rest is halved (or, with
    # parts too small to halve, left to the value-by-value loop).
    for i, dirty in zip(
        r.sample(range(240, 300), 8),
        ["123-45", "12", "1234", "AB123", " 999 ", "99 9", "ab", "12\t3"],
        strict=True,
    ):
        values[i] = dirty
    expected = reference_matches(values, analyzer)
    monkeypatch.setattr(matcher_module, "BULK_MIN", bulk_min)
    settled = _spy_settled(monkeypatch)
    assert matcher.match(values) == expected
    alt = sum(n for entity, n in settled if entity == "ALT")
    # Most of the column was settled over joined text, the dirty values one by one.
    assert len(values) // 2 <= alt < len(values)


def test_bulk_run_that_consumes_newlines_is_not_used(
    custom: tuple[FastMatcher, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``\\d\\s?\\d?`` over "1\\n2\\n345\\n6": "1\\n2" consumes a newline and "345" splits in two,
    so the run has one match per value and nothing but newlines left, yet it is not a run
    of whole values ("345" alone is matched in two parts)."""
    matcher, analyzer = custom
    values = ["1", "2", "345", "6", "7", "890", "12", "3", "4", "567"]
    expected = reference_matches(values, analyzer)
    assert expected[2]["PAIR"] is False and expected[0]["PAIR"] is True
    for bulk_min in (2, 4, 6):
        monkeypatch.setattr(matcher_module, "BULK_MIN", bulk_min)
        assert matcher.match(values) == expected, bulk_min
    pid = next(i for i, p in enumerate(matcher.patterns) if p.entity == "PAIR")
    found: dict[int, int] = {}
    left = matcher._bulk(values, range(len(values)), pid, found)
    assert sorted(left) == list(range(len(values))) and found == {}


def test_bulk_rejections_and_thresholds(
    custom: tuple[FastMatcher, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whole-value matches whose validator rejects them, or whose score is below the
    threshold, settle to nothing for that pattern."""
    matcher, analyzer = custom
    r = random.Random(53)
    codes = list(dict.fromkeys(f"AB{r.randint(0, 9999):04d}" for _ in range(300)))[:150]
    sixes = list(dict.fromkeys(f"{r.randint(0, 999999):06d}" for _ in range(300)))[:150]
    runs = list(dict.fromkeys(str(r.randint(10, 99)) for _ in range(300)))
    for column in (codes, sixes, runs):
        expected = reference_matches(column, analyzer)
        with monkeypatch.context() as mp:
            settled = _spy_settled(mp)
            assert matcher.match(column) == expected
        assert settled, column[:3]
    verdicts = [m.get("CODE") for m in reference_matches(codes, analyzer)]
    assert True in verdicts and None in verdicts  # the validator accepts and rejects
    undecided = [c for c in codes if c.endswith("0")]  # scored 0.5, below the threshold
    assert undecided and all(m.get("CODE") is None for m in reference_matches(undecided, analyzer))


# --- the bulk path with the shipped recognizers -------------------------------------------
@pytest.fixture(scope="module")
def shipped(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[list[Any], FastMatcher, Any, str]:
    from dataflow.detect.recognizers import load_recognizers

    recs = load_recognizers()
    cache = str(tmp_path_factory.mktemp("hs-batch-shipped"))
    mp = pytest.MonkeyPatch()
    mp.setenv("DATAFLOW_CACHE_DIR", cache)
    try:
        return recs, FastMatcher(recs), reference_engine(recs), cache
    finally:
        mp.undo()


def _column_of(make: Callable[[random.Random], str], seed: int, n: int = 220) -> list[str]:
    r = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        value = make(r)
        out.append(_dirty(r, value) if r.random() < 0.1 else value)
    return out


def _imei_written(r: random.Random) -> str:
    imei = _imei(r)
    if r.random() < 0.2:
        return f"{imei[:2]}-{imei[2:8]}-{imei[8:14]}-{imei[14]}"
    return imei if r.random() < 0.9 else _wrong_check(imei, 14, DIGITS)


def _any_mac(r: random.Random) -> str:
    roll = r.random()
    if roll < 0.05:
        return r.choice(["00:00:00:00:00:00", "FF-FF-FF-FF-FF-FF", "ff:ff:ff:ff:ff:ff"])
    if roll < 0.15:
        return _dotted_mac(r)
    return _mac(r)


def _any_resident_id(r: random.Random) -> str:
    roll = r.random()
    if roll < 0.05:
        return _old_resident_id(r)
    if roll < 0.1:
        return _resident_id_x(r).lower()
    if roll < 0.15:
        return _resident_id(
            r, born=f"{r.randint(1890, 2100)}{r.randint(0, 13):02d}{r.randint(0, 32):02d}"
        )
    return _resident_id(r)


SHIPPED_COLUMNS: dict[str, Callable[[random.Random], str]] = {
    "resident_id": _any_resident_id,
    "uscc": random_uscc,
    "vin": _vin,
    "imei": _imei_written,
    "mac": _any_mac,
    "coordinate": _coordinate,
}


@pytest.fixture(scope="module")
def shipped_columns(
    shipped: tuple[list[Any], FastMatcher, Any, str],
) -> dict[str, tuple[list[str], list[dict[str, bool]]]]:
    analyzer = shipped[2]
    out = {}
    for k, (name, make) in enumerate(sorted(SHIPPED_COLUMNS.items())):
        column = _column_of(make, 1000 + k)
        out[name] = (column, reference_matches(column, analyzer))
    return out


@pytest.mark.parametrize("mode", ["default", "bulk_min_4", "no_numpy"])
def test_shipped_recognizers_long_columns_equal_presidio(
    shipped: tuple[list[Any], FastMatcher, Any, str],
    shipped_columns: dict[str, tuple[list[str], list[dict[str, bool]]]],
    monkeypatch: pytest.MonkeyPatch,
    mode: str,
) -> None:
    matcher = shipped[1]
    if mode == "bulk_min_4":
        monkeypatch.setattr(matcher_module, "BULK_MIN", 4)
    elif mode == "no_numpy":
        monkeypatch.setattr(common, "_NUMPY", [None])
    settled = _spy_settled(monkeypatch)
    entities = set()
    for name, (column, expected) in shipped_columns.items():
        assert matcher.match(column) == expected, name
        entities |= {e for m in expected for e, whole in m.items() if whole}
    assert {"CN_RESIDENT_ID", "CN_USCC", "VIN", "IMEI", "MAC_ADDRESS", "GEO_COORDINATE"} <= entities
    if mode == "bulk_min_4":  # small parts: the dirty values do not stop whole columns
        bulked = {e for e, _ in settled}
        assert {"CN_RESIDENT_ID", "CN_USCC", "VIN", "IMEI", "MAC_ADDRESS"} <= bulked


@pytest.mark.parametrize(
    ("make", "entity"),
    [
        (lambda r: _resident_id(r), "CN_RESIDENT_ID"),
        (random_uscc, "CN_USCC"),
        (lambda r: _vin(r), "VIN"),
        (_imei, "IMEI"),
        (lambda r: _mac(r, ":"), "MAC_ADDRESS"),
        (_coordinate, "GEO_COORDINATE"),
    ],
)
def test_clean_columns_take_the_bulk_path(
    shipped: tuple[list[Any], FastMatcher, Any, str],
    monkeypatch: pytest.MonkeyPatch,
    make: Callable[[random.Random], str],
    entity: str,
) -> None:
    """A column of well-formed values is settled over joined text, every value of it, and
    the batch validator (when the entity has one) is asked for all of them at once."""
    recs, _, analyzer, cache = shipped
    r = random.Random(f"clean-{entity}")
    column = list(dict.fromkeys(make(r) for _ in range(200)))
    real_form = matcher_module.batch_form
    asked: list[int] = []

    def spying(hook: Callable[[str], Any] | None) -> Callable[[Sequence[str]], Any] | None:
        many = real_form(hook)
        if many is None or hook is None or getattr(hook, "many", None) is not None:
            return many  # only the registry's forms are watched

        def spy(texts: Sequence[str]) -> list[Any]:
            asked.append(len(texts))
            return many(texts)

        return spy

    monkeypatch.setattr(matcher_module, "batch_form", spying)
    monkeypatch.setenv("DATAFLOW_CACHE_DIR", cache)
    matcher = FastMatcher(recs)
    settled = _spy_settled(monkeypatch)
    got = matcher.match(column)
    assert got == reference_matches(column, analyzer)
    assert sum(n for e, n in settled if e == entity) == len(column)
    assert all(m.get(entity) is True for m in got)
    assert sum(asked) >= len(column)
    assert max(asked) >= batch.MIN_TEXTS
