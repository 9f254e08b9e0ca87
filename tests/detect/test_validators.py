"""Checksum validators: known-good and known-bad identifiers, and property tests.

Properties: a generated body completed with its computed check character validates, and any
single-character substitution of a valid identifier is rejected (Luhn, ISO 7064 MOD 11-2 and
GB 32100 MOD 31 catch every one; for VINs, every substitution that changes the character's
transliterated value).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dataflow.detect import validators as v
from dataflow.detect.validators import VALIDATORS, gb11643_check_char, get_validator

PROPS = settings(max_examples=100, deadline=None, derandomize=True)


def _id18(body17: str) -> str:
    return body17 + v.gb11643_check_char(body17)


def _luhn(body: str) -> str:
    return body + v.luhn_check_digit(body)


def _uscc(body17: str) -> str:
    return body17 + v.gb32100_check_char(body17)


def _vin(first8: str, last8: str) -> str:
    probe = first8 + "0" + last8
    return first8 + v.iso3779_check_char(probe) + last8


# --- known values -----------------------------------------------------------------------------

GOOD = [
    ("foreign_pr_id", "91123419850704123" + gb11643_check_char("91123419850704123")),
    ("gb11643", _id18("11010519491231002")),
    ("gb11643", _id18("44030420000229123")),  # 29 Feb 2000 (a leap year)
    ("gb11643", "11010519870314253" + v.gb11643_check_char("11010519870314253").lower()),
    ("gb11643", "110105491231002"),  # first generation, 15 digits
    ("gb11643", _id18("81000019900101123")),  # Hong Kong residents' residence permit
    ("luhn", "79927398713"),
    ("luhn", "4111 1111 1111 1111"),
    ("bank_card", "6222021234567890128"),
    ("bank_card", "4111111111111111"),
    ("unionpay", _luhn("621226120200000000")),
    ("imei", "490154203237518"),
    ("imei", "49-015420-323751-8"),
    ("gb32100", "91350100M000100Y43"),
    ("gb32100", "91110000600037341L"),
    ("iso3779", "1M8GDM9AXKP042788"),
    ("iso3779", "LSVAM4187C2184847"),
    ("mac", "00:1A:2B:3C:4D:5E"),
    ("mac", "00-1a-2b-3c-4d-5e"),
    ("mac", "001a.2b3c.4d5e"),
    ("latlng", "39.916527,116.397128"),
    ("latlng", "116.397128, 39.916527"),
    ("latlng", "-33.8688 151.2093"),
]

BAD = [
    ("foreign_pr_id", "110105198507041234"),  # a resident id, not a 9-prefixed one
    ("gb11643", "44030420010229123" + v.gb11643_check_char("44030420010229123")),  # no 29 Feb
    ("gb11643", "11010519491231002" + "Y"),
    ("gb11643", _id18("99010519491231002")),  # no province 99
    ("gb11643", _id18("11010518991231002")),  # born before 1900
    ("gb11643", _id18(f"110105{dt.date.today().year + 1}0101002")),  # born in the future
    ("gb11643", "110105491331002"),  # month 13
    ("gb11643", "１１０１０５１９４９１２３１００２Ｘ"),  # full-width digits are not ASCII
    ("gb11643", ""),
    ("luhn", "79927398710"),
    ("luhn", "7"),
    ("luhn", "٣٣"),
    ("bank_card", "1234567812345670"),  # first digit 1
    ("bank_card", "411111111111111"),  # 15 digits
    ("unionpay", "4111111111111111"),
    ("unionpay", "6212261202000000002"),
    ("imei", "490154203237517"),
    ("imei", "371449635398431"),  # an Amex number, not an IMEI
    ("gb32100", "91350100M000100Y44"),
    ("gb32100", "91350100M000100I43"),  # I is not in the character set
    ("gb32100", "91350100m000100y43"),
    ("iso3779", "1M8GDM9A1KP042788"),
    ("iso3779", "1M8GDM9AXKP04278O"),  # O is not allowed
    ("iso3779", "12345678912345678"),  # digits only
    ("mac", "00:00:00:00:00:00"),
    ("mac", "FF:FF:FF:FF:FF:FF"),
    ("mac", "00:1A-2B:3C:4D:5E"),  # mixed separators
    ("latlng", "39.9,116.4"),  # too few decimals
    ("latlng", "95.123,95.456"),  # neither value is a latitude
    ("latlng", "0.000,0.000"),
    ("latlng", "12.500"),
]


@pytest.mark.parametrize(("name", "value"), GOOD)
def test_known_good(name: str, value: str) -> None:
    assert VALIDATORS[name](value) is True


@pytest.mark.parametrize(("name", "value"), BAD)
def test_known_bad(name: str, value: str) -> None:
    assert VALIDATORS[name](value) is False


def test_every_validator_has_a_known_good_and_bad_case() -> None:
    assert {n for n, _ in GOOD} == set(VALIDATORS)
    assert {n for n, _ in BAD} == set(VALIDATORS)


def test_unknown_validator_name_is_a_key_error_naming_the_known_ones() -> None:
    with pytest.raises(KeyError, match="gb11643"):
        get_validator("nope")
    assert get_validator("luhn") is v.luhn


def test_province_codes_come_from_the_shipped_data() -> None:
    codes = v.province_codes()
    assert {"11", "31", "44", "65", "81", "82", "83"} <= codes
    assert "99" not in codes and "10" not in codes


# --- properties -------------------------------------------------------------------------------

digits = st.text(alphabet="0123456789", min_size=1, max_size=1)


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    province = draw(st.sampled_from(sorted(v.province_codes())))
    area = draw(st.text(alphabet="0123456789", min_size=4, max_size=4))
    born = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date.today()))
    seq = draw(st.text(alphabet="0123456789", min_size=3, max_size=3))
    return _id18(f"{province}{area}{born:%Y%m%d}{seq}")


def _substitutions(value: str, alphabet: str) -> list[str]:
    out = []
    for i, ch in enumerate(value):
        for other in alphabet:
            if other != ch:
                out.append(value[:i] + other + value[i + 1 :])
    return out


@PROPS
@given(resident_ids())
def test_gb11643_body_plus_check_validates_and_substitutions_fail(value: str) -> None:
    assert v.gb11643(value)
    for changed in _substitutions(value, "0123456789X"):
        assert not v.gb11643(changed)


@PROPS
@given(st.text(alphabet="0123456789", min_size=1, max_size=24))
def test_luhn_completion_validates_and_single_digit_changes_fail(body: str) -> None:
    number = _luhn(body)
    assert v.luhn(number)
    for changed in _substitutions(number, "0123456789"):
        assert not v.luhn(changed)


@PROPS
@given(st.text(alphabet="0123456789", min_size=13, max_size=16))
def test_unionpay_and_bank_card_accept_completed_62_numbers(rest: str) -> None:
    number = _luhn("62" + rest)
    assert v.unionpay(number) and v.bank_card(number)
    for changed in _substitutions(number[2:], "0123456789"):
        assert not v.unionpay("62" + changed)


@PROPS
@given(
    st.sampled_from(["35", "86", "01", "99", "49"]),
    st.text(alphabet="0123456789", min_size=12, max_size=12),
)
def test_imei_completion_validates(prefix: str, body: str) -> None:
    number = _luhn(prefix + body)
    assert v.imei(number)
    for changed in _substitutions(number, "0123456789"):
        assert not v.imei(changed)


@st.composite
def usccs(draw: st.DrawFn) -> str:
    charset = v.USCC_CHARSET
    head = draw(st.text(alphabet=charset, min_size=2, max_size=2))
    region = draw(st.text(alphabet="0123456789", min_size=6, max_size=6))
    org = draw(st.text(alphabet=charset, min_size=9, max_size=9))
    return _uscc(head + region + org)


@PROPS
@given(usccs())
def test_gb32100_completion_validates_and_substitutions_fail(value: str) -> None:
    assert v.gb32100(value)
    for changed in _substitutions(value, v.USCC_CHARSET):
        assert not v.gb32100(changed)


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


@st.composite
def vins(draw: st.DrawFn) -> str:
    first = draw(st.sampled_from("LJWSZ")) + draw(
        st.text(alphabet=VIN_CHARS, min_size=7, max_size=7)
    )
    last = draw(st.text(alphabet=VIN_CHARS, min_size=8, max_size=8))
    return _vin(first, last)


@PROPS
@given(vins())
def test_iso3779_completion_validates_and_value_changing_substitutions_fail(value: str) -> None:
    assert v.iso3779(value)
    for i, ch in enumerate(value):
        for other in VIN_CHARS + ("X" if i == 8 else ""):
            if other == ch:
                continue
            changed = value[:i] + other + value[i + 1 :]
            if i != 8 and v.VIN_TRANSLITERATION[other] == v.VIN_TRANSLITERATION[ch]:
                continue  # same transliterated value: the check digit cannot see it
            if changed.isdigit():
                continue
            assert not v.iso3779(changed), (i, other)


@PROPS
@given(st.text(max_size=40))
def test_validators_never_raise(text: str) -> None:
    for check in VALIDATORS.values():
        assert check(text) in (True, False)
