"""The validator registry (``detect.fast.registry``): one entry per validator, every form equal.

For each entry the fast scalar form (when there is one) answers as the reference, and the
batch form answers as the scalar form, on values near the validators' edges, on random text,
in lists long enough for the numpy kernels and without numpy. The checksums, which exist once
in ``validators``, are compared with the textbook rules written out here.
"""

from __future__ import annotations

import random

import pytest
from fast_support import random_uscc
from hypothesis import given, settings
from hypothesis import strategies as st

from dataflow.detect import validators
from dataflow.detect.fast import REGISTRY, common, shortcut_hooks
from dataflow.detect.fast.batch import MIN_TEXTS
from dataflow.detect.recognizers import load_recognizers

NAMES = sorted(REGISTRY)
WITH_FAST = sorted(name for name, entry in REGISTRY.items() if entry.fast is not None)
WITH_KERNEL = sorted(name for name, entry in REGISTRY.items() if entry.kernel is not None)
# The checksum validators (mac and latlng check structure only).
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


def test_every_validator_is_one_entry() -> None:
    assert sorted(validators.VALIDATORS) == NAMES
    for name, entry in REGISTRY.items():
        assert entry.name == name
        assert entry.reference is validators.VALIDATORS[name]
    assert set(CHECKSUMS) <= set(NAMES)
    assert WITH_FAST and WITH_KERNEL


def test_catalog_recognizers_use_the_scalar_forms() -> None:
    used = {
        rec.validator_name: shortcut_hooks(rec)[0]
        for rec in load_recognizers()
        if getattr(rec, "validator_name", None) in NAMES
    }
    assert used
    for name, hook in used.items():
        assert hook is REGISTRY[name].scalar, name


def _values(name: str, count: int) -> list[str]:
    r = random.Random(f"registry-{name}")
    return [_shaped(r) for _ in range(count)]


@pytest.mark.parametrize("name", CHECKSUMS)
def test_the_forms_agree_on_shaped_values(name: str) -> None:
    entry = REGISTRY[name]
    values = _values(name, 4000)
    verdicts = [entry.reference(v) for v in values]
    assert any(verdicts) and not all(verdicts)  # the sample exercises both answers
    assert [entry.scalar(v) for v in values] == verdicts
    assert entry.many(values) == verdicts
    # Lists of one width, where the kernels read rows as arrays.
    by_width: dict[int, list[str]] = {}
    for v in values:
        by_width.setdefault(len(v), []).append(v)
    for same in by_width.values():
        if len(same) >= MIN_TEXTS:
            assert entry.many(same) == [entry.reference(v) for v in same]


@pytest.mark.parametrize("name", NAMES)
def test_the_batch_form_without_numpy(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = REGISTRY[name]
    values = _values(name, 300)
    expected = [entry.reference(v) for v in values]
    monkeypatch.setattr(common, "_NUMPY", [None])
    assert common.numpy_or_none() is None
    assert entry.many(values) == expected


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789XxAHIOQZ -\t１٣", max_size=22))
def test_the_forms_agree_on_any_text(text: str) -> None:
    for name in NAMES:
        entry = REGISTRY[name]
        expected = entry.reference(text)
        assert entry.scalar(text) == expected, name
        assert entry.many([text] * (MIN_TEXTS + 1)) == [expected] * (MIN_TEXTS + 1), name


# --- the checksums against the textbook rules --------------------------------------------------
def _textbook_luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789", max_size=25))
def test_luhn_equals_the_textbook_rule(digits: str) -> None:
    assert validators.luhn_ok(digits) == _textbook_luhn(digits)
    if digits:
        completed = digits + validators.luhn_check_digit(digits)
        assert _textbook_luhn(completed)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_gb11643_check_character_equals_the_textbook_rule(body: str) -> None:
    # ISO 7064 MOD 11-2: weights 2 ** (17 - i) mod 11; the sum mod 11 indexes "10X98765432".
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(body))
    assert validators.gb11643_check_char(body) == "10X98765432"[total % 11]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=validators.USCC_CHARSET, min_size=17, max_size=17))
def test_gb32100_check_character_equals_the_textbook_rule(body: str) -> None:
    # GB 32100: weights 3 ** i mod 31; the check value is 31 - sum mod 31 (31 becomes 0).
    total = sum(validators.USCC_CHARSET.index(c) * pow(3, i, 31) for i, c in enumerate(body))
    assert validators.gb32100_check_char(body) == validators.USCC_CHARSET[(31 - total % 31) % 31]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ABCDEFGHJKLMNPRSTUVWXYZ0123456789", min_size=17, max_size=17))
def test_iso3779_check_character_equals_the_textbook_rule(vin: str) -> None:
    # ISO 3779 / 49 CFR 565: letters transliterated, weights 8 7 6 5 4 3 2 10 0 9 ... 2.
    values = {**{d: int(d) for d in "0123456789"}}
    for letters, start in (("ABCDEFGH", 1), ("JKLMN", 1), ("P", 7), ("R", 9), ("STUVWXYZ", 2)):
        values.update({c: start + k for k, c in enumerate(letters)})
    weights = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
    rest = sum(values[c] * w for c, w in zip(vin, weights, strict=True)) % 11
    assert validators.iso3779_check_char(vin) == ("X" if rest == 10 else str(rest))
