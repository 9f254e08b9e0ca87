"""Indented JSON text, byte for byte what ``json.dumps(obj, sort_keys=True, ensure_ascii=False,
indent=2)`` writes, several times faster.

The standard library writes indented JSON with its pure-Python encoder (its C encoder serves only
the one-line form), one generator step per token; the JSON report of a schema repository with
thousands of tables spent about a third of the scan there. This writer walks the document once,
appending to a list, and leaves strings to the library's C escaping (``encode_basestring``). The
rules are the library's: ``str`` before ``None``/``True``/``False``, ``int`` (so ``IntEnum``
members are their numbers) before ``float``; lists and tuples are arrays; dict keys sorted, then
converted as the library does; anything else is a ``TypeError``. Tests compare both on generated
documents and on real reports.
"""

from __future__ import annotations

import math
from json.encoder import encode_basestring
from typing import Any

_int = int.__repr__
_float = float.__repr__
_finite = math.isfinite


def dumps(obj: Any, *, indent: int = 2, allow_nan: bool = True) -> str:
    """``json.dumps(obj, sort_keys=True, ensure_ascii=False, indent=indent, allow_nan=...)``."""
    parts: list[str] = []
    _value(obj, parts, "\n", " " * indent, allow_nan)
    return "".join(parts)


def _float_text(value: float, allow_nan: bool) -> str:
    if math.isfinite(value):
        return _float(value)
    text = "NaN" if value != value else "Infinity" if value > 0 else "-Infinity"
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant: " + repr(value))
    return text


def _scalar(value: Any, allow_nan: bool) -> str | None:
    """The text of a scalar, ``None`` for a container or an unknown type."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return _int(value)
    if isinstance(value, float):
        return _float_text(value, allow_nan)
    return None


def _key(key: Any, allow_nan: bool) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _float_text(key, allow_nan)
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return _int(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def _value(value: Any, parts: list[str], newline: str, step: str, allow_nan: bool) -> None:
    text = _scalar(value, allow_nan)
    if text is not None:
        parts.append(text)
        return
    if isinstance(value, (list, tuple)):
        if not value:
            parts.append("[]")
            return
        inner = newline + step
        separator = "[" + inner
        for item in value:
            parts.append(separator)
            separator = "," + inner
            if type(item) is str:  # the common case first, exactly (no subclass)
                parts.append(encode_basestring(item))
            else:
                _value(item, parts, inner, step, allow_nan)
        parts.append(newline + "]")
        return
    if isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + step
        separator = "{" + inner
        for key, item in sorted(value.items()):
            parts.append(separator)
            separator = "," + inner
            parts.append(encode_basestring(key if type(key) is str else _key(key, allow_nan)))
            parts.append(": ")
            kind = type(item)  # the items of a report inline, without a call
            if kind is str:
                parts.append(encode_basestring(item))
            elif item is None:
                parts.append("null")
            elif kind is bool:
                parts.append("true" if item else "false")
            elif kind is float and _finite(item):
                parts.append(_float(item))
            elif kind is int:
                parts.append(_int(item))
            else:
                _value(item, parts, inner, step, allow_nan)
        parts.append(newline + "}")
        return
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")
