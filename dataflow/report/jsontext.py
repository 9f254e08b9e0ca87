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


def dumps(obj: Any, *, indent: int = 2, allow_nan: bool = True, end: str = "") -> str:
    """``json.dumps(obj, sort_keys=True, ensure_ascii=False, indent=indent, allow_nan=...)``,
    followed by ``end`` (joined with the rest: a report of tens of megabytes is not copied again
    to add its last line break)."""
    parts: list[str] = []
    _value(obj, parts, "\n", " " * indent, allow_nan, {})
    parts.append(end)
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


Layouts = dict[tuple[str, tuple[Any, ...]], tuple[tuple[Any, str], ...]]


class Fragment:
    """A value of a document written ahead, at the place it will take: ``dumps`` copies its
    text where it meets it, when the line's indentation there is the one it was written at (a
    large report's parts can be written in worker processes and only joined)."""

    __slots__ = ("newline", "step", "text")

    def __init__(self, text: str, newline: str, step: str) -> None:
        self.text = text
        self.newline = newline  # the line break and indentation of the place it takes
        self.step = step  # and the indentation of one level

    def __reduce__(self) -> tuple[Any, ...]:
        return (Fragment, (self.text, self.newline, self.step))


#: Layouts of the fragments one process writes (only string keys are kept: they do not depend
#: on the document).
_FRAGMENT_LAYOUTS: Layouts = {}


def fragment(obj: Any, depth: int, *, indent: int = 2, allow_nan: bool = True) -> Fragment:
    """``obj`` written as ``dumps`` writes it ``depth`` levels deep (an item of a list that is
    the value of a key of the document has depth 2)."""
    parts: list[str] = []
    newline, step = "\n" + " " * (indent * depth), " " * indent
    _value(obj, parts, newline, step, allow_nan, _FRAGMENT_LAYOUTS)
    return Fragment("".join(parts), newline, step)


def _layout(value: dict[Any, Any], inner: str, allow_nan: bool) -> tuple[tuple[Any, str], ...]:
    """The keys of ``value`` in order, each with the text written before its value: the
    separator, the line's indentation, the quoted key and ``": "``."""
    layout = []
    separator = "{" + inner
    for key in sorted(value):
        layout.append((key, separator + encode_basestring(_key(key, allow_nan)) + ": "))
        separator = "," + inner
    return tuple(layout)


def _value(
    value: Any, parts: list[str], newline: str, step: str, allow_nan: bool, layouts: Layouts
) -> None:
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
                _value(item, parts, inner, step, allow_nan, layouts)
        parts.append(newline + "]")
        return
    if isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + step
        # The objects of a report share a few sets of keys (every field's, every evidence's):
        # the order of a set and the text before each key are worked out once per indentation.
        # Only string keys (1, 1.0 and True are one key of a dict but three texts).
        keys = tuple(value)
        layout = layouts.get((inner, keys))
        if layout is None:
            layout = _layout(value, inner, allow_nan)
            if all(type(key) is str for key in keys):
                layouts[(inner, keys)] = layout
        append = parts.append
        for key, head in layout:
            append(head)
            item = value[key]
            kind = type(item)  # the items of a report inline, without a call
            if kind is str:
                append(encode_basestring(item))
            elif item is None:
                append("null")
            elif kind is bool:
                append("true" if item else "false")
            elif kind is float and _finite(item):
                append(_float(item))
            elif kind is int:
                append(_int(item))
            else:
                _value(item, parts, inner, step, allow_nan, layouts)
        parts.append(newline + "}")
        return
    if type(value) is Fragment:
        if value.newline != newline or value.step != step:
            raise ValueError("a fragment written at another place or indentation")
        parts.append(value.text)
        return
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")
