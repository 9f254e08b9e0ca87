"""Masked examples: the display rules per entity, and that no input comes back whole."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dataflow.detect.masking import mask

PROPS = settings(max_examples=300, deadline=None, derandomize=True)

ENTITIES = [
    None,
    "CN_MOBILE",
    "CN_RESIDENT_ID",
    "CN_BANK_CARD",
    "CREDIT_CARD",
    "EMAIL_ADDRESS",
    "CN_PERSON_NAME",
    "CN_ADDRESS",
    "IP_ADDRESS",
    "VIN",
]


@pytest.mark.parametrize(
    ("value", "entity", "expected"),
    [
        ("13812345678", "CN_MOBILE", "138****5678"),
        ("+86 138-1234-5678", "CN_MOBILE", "138****5678"),
        ("110105198703142539", "CN_RESIDENT_ID", "110105********2539"),
        ("11010519870314123x", "CN_RESIDENT_ID", "110105********123X"),
        ("110105491231002", "CN_RESIDENT_ID", "110105*****1002"),
        ("6222021234567890128", "CN_BANK_CARD", "6222 *********** 0128"),
        ("张三", "CN_PERSON_NAME", "张*"),
        ("欧阳锋华", "CN_PERSON_NAME", "欧***"),
        ("zhang.san@example.com", "EMAIL_ADDRESS", "z***@example.com"),
        ("192.168.1.20", "IP_ADDRESS", "192.168.*.*"),
        ("北京市朝阳区建国路88号", "CN_ADDRESS", "北京市朝阳区****"),
        ("LSVAM4187C2184847", "VIN", "LS***********4847"),
        ("ab", None, "a*"),
        ("abcdef", None, "ab**ef"),
        ("x", None, "*"),
        ("  13812345678 ", "CN_MOBILE", "138****5678"),
    ],
)
def test_display_rules(value: str, entity: str | None, expected: str) -> None:
    assert mask(value, entity) == expected


def test_an_entity_rule_that_does_not_fit_falls_back_to_the_generic_rule() -> None:
    assert mask("1381234", "CN_MOBILE") == "13***34"
    assert mask("not-an-ip", "IP_ADDRESS") == mask("not-an-ip")


def test_long_free_text_gets_a_fixed_size_form() -> None:
    text = "客户备注：" + "很长的说明" * 40
    masked = mask(text)
    assert len(masked) == 16
    assert masked.count("*") == 10


def test_a_value_that_would_survive_masking_is_hashed() -> None:
    assert mask("**") != "**"
    assert mask("**").startswith("#")


@PROPS
@given(value=st.text(min_size=2, max_size=80), entity=st.sampled_from(ENTITIES))
def test_never_returns_the_value(value: str, entity: str | None) -> None:
    masked = mask(value, entity)
    stripped = value.strip()
    assert masked != value
    if len(stripped) >= 2:
        assert stripped not in masked
        assert "*" in masked or masked.startswith("#")


@PROPS
@given(
    value=st.text(
        alphabet=st.characters(blacklist_characters="*", blacklist_categories=["Zs", "Cc"]),
        min_size=2,
        max_size=32,
    )
)
def test_generic_mask_keeps_the_length(value: str) -> None:
    masked = mask(value)
    assert len(masked) == len(value)
    assert masked[0] == value[0]


@PROPS
@given(
    st.text(alphabet="0123456789", min_size=8, max_size=8),
    st.sampled_from(["138", "159", "186", "199"]),
)
def test_mobile_mask_shape(tail: str, head: str) -> None:
    masked = mask(head + tail, "CN_MOBILE")
    assert masked == f"{head}****{tail[-4:]}"
