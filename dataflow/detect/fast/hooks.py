"""A recognizer's validate and invalidate hooks as the fast matcher calls them.

Presidio's own validators for the kept recognizers cost tens of microseconds a call. For the
shapes that dominate real data the shortcuts below give the same answer without the work;
anything else goes to the original (tests/detect/test_fast_shortcuts.py compares them). Catalog
recognizers get their validator's scalar form from ``detect.fast.registry``; a hook with a
batch form carries it as ``hook.many`` (``batch_form``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from dataflow.detect import validators
from dataflow.detect.fast import batch
from dataflow.detect.fast.common import overrides
from dataflow.detect.fast.registry import by_reference
from dataflow.detect.fast.shortcuts import cheap

Hook = Callable[[str], Any]

_PLAIN_IPV4 = re.compile(
    r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}",
    re.ASCII,
)
DEFAULT_CARD_PAIRS = [("-", ""), (" ", "")]


def card_shortcut(original: Hook) -> Hook:
    """Presidio's credit-card check: the Luhn check on a run of digits (spaces and hyphens
    removed), the original for anything else; with its batch form."""

    @cheap
    def validate(text: str) -> Any:
        digits = text.replace("-", "").replace(" ", "")
        if digits.isascii() and digits.isdigit():
            return validators.luhn_ok(digits)
        return original(text)

    validate.many = lambda texts: batch.apply(texts, validate, batch.luhn_rows)  # type: ignore[attr-defined]
    return validate


def ip_shortcut(original: Hook) -> Hook:
    """Presidio's IP check: a plain dotted quad passes without ``ipaddress``."""

    @cheap
    def invalidate(text: str) -> Any:
        if _PLAIN_IPV4.fullmatch(text):
            return None  # ipaddress accepts a plain dotted quad without leading zeros
        return original(text)

    return invalidate


def email_shortcut(original: Hook, size: int) -> Hook:
    """Cache the e-mail validator by host: tldextract only looks at the text after the last
    ``@`` when the text has no ``/``, ``?`` or ``#`` (which would end the authority early)."""
    cache: dict[str, Any] = {}

    @cheap
    def validate(text: str) -> Any:
        if "/" in text or "?" in text or "#" in text or "@" not in text:
            return original(text)
        host = text.rpartition("@")[2]
        if host in cache:
            return cache[host]
        result = original(text)
        if len(cache) >= size:
            cache.clear()
        cache[host] = result
        return result

    return validate


def own_hooks(recognizer: Any) -> tuple[Hook | None, Hook | None]:
    """(validate, invalidate): the recognizer's own methods where it overrides them."""
    if getattr(recognizer, "presidio_free", False):  # detect.fast.plain
        hooks: tuple[Hook | None, Hook | None] = recognizer.own_hooks()
        return hooks
    from presidio_analyzer import PatternRecognizer

    validate = (
        recognizer.validate_result
        if overrides(recognizer, "validate_result", PatternRecognizer)
        else None
    )
    invalidate = (
        recognizer.invalidate_result
        if overrides(recognizer, "invalidate_result", PatternRecognizer)
        else None
    )
    return validate, invalidate


def shortcut_hooks(recognizer: Any) -> tuple[Hook | None, Hook | None]:
    """(validate, invalidate) for a recognizer: its own methods, or an equivalent shortcut.

    ``None`` means the recognizer keeps PatternRecognizer's default (which returns None).
    """
    if getattr(recognizer, "presidio_free", False):  # detect.fast.plain
        found: tuple[Hook | None, Hook | None] = recognizer.shortcut_hooks()
        return found
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        EmailRecognizer,
        IpRecognizer,
    )

    from dataflow.detect.recognizers import recognizer_class

    cls = type(recognizer)
    validate, invalidate = own_hooks(recognizer)
    if validate is not None:
        own = getattr(recognizer, "_validator", None)
        if cls.validate_result is recognizer_class().validate_result and own is None:
            validate = None  # a catalog recognizer without a validator: always None
        elif cls.validate_result is recognizer_class().validate_result and own in (
            table := by_reference()
        ):
            validate = table[own].scalar
        elif cls.validate_result is CreditCardRecognizer.validate_result and (
            getattr(recognizer, "replacement_pairs", None) == DEFAULT_CARD_PAIRS
        ):
            validate = card_shortcut(recognizer.validate_result)
        elif cls.validate_result is EmailRecognizer.validate_result:
            validate = email_shortcut(recognizer.validate_result, 4096)
    if invalidate is not None and cls.invalidate_result is IpRecognizer.invalidate_result:
        invalidate = ip_shortcut(recognizer.invalidate_result)
    return validate, invalidate


def batch_form(hook: Hook | None) -> Callable[[Any], list[Any]] | None:
    """The batch form of a hook, or None to map the hook itself over the texts."""
    if hook is None:
        return None
    own = getattr(hook, "many", None)
    if own is not None:
        return own
    for entry in by_reference().values():
        if entry.scalar is hook and entry.kernel is not None:
            return entry.many
    return None
