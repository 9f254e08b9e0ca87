"""Validator shortcuts give exactly what Presidio's own validators give."""

from __future__ import annotations

from typing import Any

import pytest
from fast_support import offline_tldextract
from hypothesis import given, settings
from hypothesis import strategies as st

from dataflow.detect.fast import shortcut_hooks
from dataflow.detect.validators import luhn_ok


@pytest.fixture(autouse=True)
def _offline_email(monkeypatch: pytest.MonkeyPatch) -> None:
    offline_tldextract(monkeypatch)


def _recognizer(name: str) -> Any:
    from presidio_analyzer import predefined_recognizers

    return getattr(predefined_recognizers, name)()


CARD = _recognizer("CreditCardRecognizer")
IP = _recognizer("IpRecognizer")
EMAIL = _recognizer("EmailRecognizer")


def test_shortcuts_are_installed_for_the_kept_recognizers() -> None:
    assert shortcut_hooks(CARD)[0] is not None and shortcut_hooks(CARD)[0] != CARD.validate_result
    assert shortcut_hooks(IP)[1] is not None and shortcut_hooks(IP)[1] != IP.invalidate_result
    assert shortcut_hooks(EMAIL)[0] is not None


@settings(max_examples=600, deadline=None)
@given(
    st.text(alphabet="0123456789- ", max_size=24) | st.text(alphabet="0123456789１٣ -", max_size=20)
)
def test_card_shortcut_equals_presidio(text: str) -> None:
    fast = shortcut_hooks(CARD)[0]
    assert fast is not None
    try:
        expected = CARD.validate_result(text)
    except ValueError:  # Presidio's int() on a character it cannot read
        with pytest.raises(ValueError):
            fast(text)
        return
    assert fast(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 9), max_size=20))
def test_luhn_ok_matches_the_textbook_rule(digits: list[int]) -> None:
    total = 0
    for i, d in enumerate(reversed(digits)):
        total += (d * 2 - 9 if d * 2 > 9 else d * 2) if i % 2 else d
    assert luhn_ok("".join(map(str, digits))) == (total % 10 == 0)


_octet = st.one_of(
    st.integers(0, 300).map(str),
    st.sampled_from(["00", "01", "010", "255", "256", "0", "1a", ""]),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_octet, min_size=1, max_size=5), st.sampled_from(["", "/24", "/33", "/0", ":80"]))
def test_ip_shortcut_equals_presidio(octets: list[str], suffix: str) -> None:
    text = ".".join(octets) + suffix
    fast = shortcut_hooks(IP)[1]
    assert fast is not None
    assert fast(text) == IP.invalidate_result(text)


_local = st.text(alphabet="abcXYZ09._-+/?#'", min_size=1, max_size=8)
_host = st.sampled_from(
    ["example.com", "qq.com", "mail.163.com", "localhost", "x.invalidtld", "a.b.c.cn", "例子.中国"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_local, _host), min_size=1, max_size=6))
def test_email_shortcut_equals_presidio(pairs: list[tuple[str, str]]) -> None:
    fast = shortcut_hooks(EMAIL)[0]  # one cache across the whole list, as in a scan
    assert fast is not None
    for local, host in pairs:
        text = f"{local}@{host}"
        assert fast(text) == EMAIL.validate_result(text)
