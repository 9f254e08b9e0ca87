"""The fast matcher's shortcuts for dataflow's own validators answer as the validators do."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from fast_support import random_uscc
from hypothesis import given, settings
from hypothesis import strategies as st

from dataflow.detect import validators
from dataflow.detect.fast import _catalog_shortcuts, luhn_ok, shortcut_hooks
from dataflow.detect.recognizers import load_recognizers

SHORTCUTS = _catalog_shortcuts()
NAMES = sorted(name for name, fn in validators.VALIDATORS.items() if fn in SHORTCUTS)
# The checksum validators, whose shortcuts compute differently (mac and latlng pass through).
CHECKSUMS = [
    "bank_card",
    "foreign_pr_id",
    "gb11643",
    "gb32100",
    "imei",
    "iso3779",
    "luhn",
    "unionpay",
]


def _luhn_complete(body: str) -> str:
    return body + validators.luhn_check_digit(body)


def _resident_id(r: random.Random) -> str:
    province = r.choice(sorted(validators.province_codes()))
    body = (
        f"{province}{r.randint(0, 9999):04d}{r.randint(1890, 2030)}"
        f"{r.randint(0, 13):02d}{r.randint(0, 32):02d}{r.randint(0, 999):03d}"
    )
    return body + validators.gb11643_check_char(body)


def _vin(r: random.Random) -> str:
    chars = list("".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17)))
    chars[8] = "0"
    chars[8] = validators.iso3779_check_char("".join(chars))
    return "".join(chars)


def _shaped(r: random.Random) -> str:
    """Values near the validators' edges: valid ones, off-by-one digits, separators, case."""
    kind = r.randrange(9)
    if kind == 8:  # a foreigner's permanent residence ID: the resident ID rules behind a 9
        rid = _resident_id(r)
        body = "9" + rid[:2] + rid[3:17]
        value = body + validators.gb11643_check_char(body)
    elif kind == 6:
        value = random_uscc(r)
    elif kind == 7:
        value = _vin(r)
    elif kind == 0:
        value = _resident_id(r)
    elif kind == 1:
        value = _luhn_complete(
            r.choice(["62", "4", "5", "3", "35", "86"])
            + "".join(r.choice("0123456789") for _ in range(r.randint(10, 18)))
        )
    elif kind == 2:
        value = "".join(r.choice("0123456789") for _ in range(r.choice([14, 15, 16, 17, 18, 19])))
    else:
        value = (
            _resident_id(r)
            if kind == 3
            else _luhn_complete("".join(r.choice("0123456789") for _ in range(r.randint(1, 19))))
        )
    chars = list(value)
    if r.random() < 0.3 and chars:  # change one character
        chars[r.randrange(len(chars))] = r.choice("0123456789XxAIOQ -")
    if r.random() < 0.2:  # separators
        for _ in range(r.randint(1, 3)):
            chars.insert(r.randrange(len(chars) + 1), r.choice(" -"))
    if r.random() < 0.1:
        chars.append(r.choice(["x", "X", "\t", " ", "１"]))
    return "".join(chars)


def test_every_validator_has_a_shortcut() -> None:
    assert sorted(validators.VALIDATORS) == NAMES
    assert set(CHECKSUMS) <= set(NAMES)


def test_catalog_recognizers_use_the_shortcuts() -> None:
    used = {
        rec.validator_name: shortcut_hooks(rec)[0]
        for rec in load_recognizers()
        if getattr(rec, "validator_name", None) in NAMES
    }
    assert used
    for name, hook in used.items():
        assert hook is SHORTCUTS[validators.VALIDATORS[name]], name


@pytest.mark.parametrize("name", CHECKSUMS)
def test_shortcut_equals_validator_on_shaped_values(name: str) -> None:
    original: Callable[[str], bool] = validators.VALIDATORS[name]
    fast = SHORTCUTS[original]
    r = random.Random(f"shortcut-{name}")
    values = [_shaped(r) for _ in range(4000)]
    verdicts = [original(v) for v in values]
    assert any(verdicts) and not all(verdicts)  # the sample exercises both answers
    assert [fast(v) for v in values] == verdicts


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789XxAHIOQZ -\t１٣", max_size=22))
def test_shortcuts_equal_validators_on_any_text(text: str) -> None:
    for name in NAMES:
        original = validators.VALIDATORS[name]
        assert SHORTCUTS[original](text) == original(text), name


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789", max_size=25))
def test_luhn_equals_the_check_digit_rule(digits: str) -> None:
    expected = not digits or validators.luhn_check_digit(digits[:-1]) == digits[-1]
    assert luhn_ok(digits) == expected
