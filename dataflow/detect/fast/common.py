"""Shared pieces of the fast matcher: the vetted characters, flag bits, the exact pattern record,
the recognizer checks and numpy when it can be imported."""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Characters on which Hyperscan (UTF-8 + UCP) and the ``regex`` module classify alike for
# \w, \d, \s, \b and case folding (checked by tests/detect/test_fast_prefilter.py). Anything else
# makes a value skip the pre-filter.
VETTED_CHARS = (
    "\t\x20-\x7e"  # tab and printable ASCII
    "\u4e00-\u9fcc"  # CJK unified ideographs (later additions are not words to Hyperscan)
    "\u3001-\u3003\u3008-\u3011\u3014-\u301b"  # CJK punctuation and brackets
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff3e\uff40\uff5b-\uff5e"  # fullwidth punctuation
    "\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"  # quotes, dash, ellipsis, middle dot
)
UNVETTED = re.compile(f"[^{VETTED_CHARS}]")
UNVETTED_OR_NEWLINE = re.compile(f"[^{VETTED_CHARS}\n]")
# The vetted ASCII characters and the newline, as bytes (``vetted_buffer``).
_VETTED_ASCII_OR_NEWLINE = b"\t\n" + bytes(range(0x20, 0x7F))


def vetted_buffer(joined: str) -> bytes | None:
    """``joined`` in UTF-8 when it holds only vetted characters and newlines, else ``None``
    (``UNVETTED_OR_NEWLINE`` finds nothing in it).

    An ASCII text is checked on its bytes: deleting the vetted ones leaves nothing (a C
    loop, about ten times faster than the regular expression's search)."""
    if joined.isascii():
        data = joined.encode("ascii")
        return None if data.translate(None, _VETTED_ASCII_OR_NEWLINE) else data
    return None if UNVETTED_OR_NEWLINE.search(joined) else joined.encode("utf-8")


NO_MATCH: dict[str, bool] = {}  # shared result of values without matches; never mutated
# Fewest values a pattern confirms over joined text (FastMatcher._bulk); fewer go one by one.
BULK_MIN = 64
# Patterns at least this long get Hyperscan existence expressions (FastMatcher._decidable).
DECIDE_MIN_CHARS = 1000
# What the cached Hyperscan databases hold besides their expressions; a change of layout
# (such as leaving out the expressions of decided patterns) makes a new cache entry.
DB_LAYOUT = 2

# Flags Hyperscan can express (the regex module adds UNICODE to every str pattern).
FLAG_IGNORECASE, FLAG_MULTILINE, FLAG_DOTALL, FLAG_UNICODE = 2, 8, 16, 32
SUPPORTED_FLAGS = FLAG_IGNORECASE | FLAG_MULTILINE | FLAG_DOTALL | FLAG_UNICODE

Matches = dict[str, bool]


@dataclass(frozen=True)
class ExactPattern:
    """One Presidio pattern, compiled as Presidio compiles it, with its recognizer's hooks."""

    recognizer: int  # index into FastMatcher._recognizers
    entity: str
    source: str
    flags: int
    score: float
    threshold: float
    vetted: Any  # the pattern for vetted text: stdlib ``re`` when it reads it alike, else compiled
    presidio: Any = field(default=None, compare=False)  # Presidio's own compiled object, if any

    @functools.cached_property
    def compiled(self) -> Any:
        """The pattern on the ``regex`` engine, as Presidio runs it: the object the Presidio
        pattern already holds for the same flags, else compiled when first needed (only
        text outside the vetted characters and the reference loop use it)."""
        if self.presidio is not None:
            return self.presidio
        return importlib.import_module("regex").compile(self.source, flags=self.flags)

    @functools.cached_property
    def needs(self) -> frozenset[str]:
        """Characters every match contains (``translate.needed_chars``); a value without one
        of them is not searched, so a pattern is compiled for the ``regex`` engine only when
        a value could match it."""
        from dataflow.detect.fast.translate import needed_chars

        return needed_chars(self.vetted)


def overrides(obj: object, name: str, base: type) -> bool:
    return getattr(type(obj), name, None) is not getattr(base, name, None)


def plain_pattern_recognizer(recognizer: object) -> bool:
    """True when Presidio would run this recognizer's patterns with the standard loop (a
    ``detect.fast.plain`` recognizer stands for one that would)."""
    if getattr(recognizer, "presidio_free", False):
        return True
    from presidio_analyzer import EntityRecognizer, PatternRecognizer

    if not isinstance(recognizer, PatternRecognizer):
        return False
    return not (
        overrides(recognizer, "analyze", PatternRecognizer)
        or overrides(recognizer, "_PatternRecognizer__analyze_patterns", PatternRecognizer)
        or overrides(recognizer, "enhance_using_context", EntityRecognizer)
    )


def threshold_for(recognizer: Any, entity: str, default: float) -> float:
    """The score threshold the engine applies to this recognizer's results for ``entity``."""
    thresholds: Mapping[str, float] = getattr(recognizer, "score_thresholds", None) or {}
    if entity in thresholds:
        return float(thresholds[entity])
    if "default" in thresholds:
        return float(thresholds["default"])
    return default


def covers_whole(value: str, start: int, end: int) -> bool:
    """Whether the span ``[start, end)`` covers the value without its surrounding whitespace.

    The rule of ``detect.engine.value_matches``; a blank value is never covered.
    """
    begin = len(value) - len(value.lstrip())
    stop = len(value.rstrip())
    return stop > begin and start <= begin and end >= stop


_NUMPY: list[Any] = []


def numpy_or_none() -> Any:
    """numpy when it can be imported (Presidio's spaCy brings it), else None."""
    if not _NUMPY:
        try:
            _NUMPY.append(importlib.import_module("numpy"))
        except ImportError:
            _NUMPY.append(None)
    return _NUMPY[0]
