"""The fast value matcher: the same per-value findings as Presidio, without its per-call cost.

``FastMatcher(recognizers).match(values)`` returns, for every value, what
``detect.engine.value_matches`` returns for it with the same recognizers: the entities Presidio
reports with a score above zero (context enhancement off), each mapped to whether one of its
spans covers the whole stripped value. The equivalence is the contract (ARCHITECTURE, "Content
detection"); tests compare the two on generated and random values.

How it stays equal while being fast:

* Exact stage. For each ``PatternRecognizer`` whose matching logic is Presidio's own (its class
  does not override ``analyze``, the pattern loop or ``enhance_using_context``) every pattern is
  compiled with the ``regex`` module and the recognizer's ``global_regex_flags``, as Presidio
  does. A match is handled as Presidio handles it: empty matches are skipped, the pattern score
  is replaced by 1.0 / 0 when ``validate_result`` says yes / no, ``invalidate_result`` sets it to
  0, and only scores above zero that also reach the engine's score threshold count. Deny lists
  are ordinary patterns in a ``PatternRecognizer``, so they take the same path. Validator results
  are cached per recognizer and matched text, and a validator is only asked when its answer can
  change the value's outcome. Presidio's card, IP and e-mail validators and dataflow's Luhn
  family, GB 11643, GB 32100 and ISO 3779 checks have equivalent shortcuts
  (``shortcut_hooks``; tests compare them with the originals). A pattern is first tried with
  ``search`` (the first match ``finditer`` would give); the full loop over every match runs
  only when later matches could still change the outcome. Pre-filtered values are confirmed
  pattern by pattern (``_exact_by_pattern``), and on vetted text a pattern runs on the stdlib
  ``re`` engine when that engine reads it as ``regex`` does (``stdlib_twin``: two to three
  times faster on short values).
* Joined-text confirmation. A pattern whose look-arounds cannot match a newline and that has
  no anchor but word boundaries (``joinable``) is run once with ``subn`` over a column's
  candidates joined by newlines (``_bulk``). When each value is consumed by exactly one match
  and no newline is consumed, each value's first match is the whole value, as on the value
  alone; the validators of those values then run together (``detect.batch``: numpy checks for
  the common fixed-width shapes, the scalar shortcut for everything else). Runs that fail are
  halved while mostly matched; what is left goes value by value.
* Existence expressions. For long patterns without hooks (the URL pattern's list of top-level
  domains makes each regex attempt slow), the Hyperscan database also holds the pattern
  exactly (no prefilter relaxation) and the whole value anchored (as a prefilter): a value with
  a real match that no match could cover holds the entity, not as its whole value, without a
  regex run (``_Prefilter``, ``_decide``).
* Pre-filter. When the ``hyperscan`` package is installed, all exact patterns are compiled into
  one Hyperscan database in prefilter mode (a match superset: assertions Hyperscan cannot
  evaluate are relaxed). The distinct values of a call are joined with newlines and scanned
  once; only (value, pattern) pairs Hyperscan reports go to the exact stage. A value holding a
  character outside a vetted set (ASCII printable, tab, CJK ideographs and common CJK/fullwidth
  punctuation, on which Hyperscan's Unicode classes agree with ``regex``'s; a test checks that)
  skips the pre-filter and runs every exact pattern. Because only vetted text is pre-filtered,
  ``\\w``, ``\\d`` and ``\\s`` are narrowed to their vetted members, and long bounded repeats are
  loosened (``{1,253}`` to ``{1,}``): both keep the superset and make compiling fast.
  Single-class look-arounds at a pattern's edges, which prefilter mode would drop, become
  consuming alternatives (``(?<![0-9])`` to ``(?:^|[^0-9\\n])``), so a 15-digit pattern is not
  reported inside every longer run of digits. Optional elements that end a pattern (a URL's path) are
  dropped (``required_part``): the same values match, with a few reported ends instead of one
  per character. Hits are grouped by value with numpy when it
  can be imported. Patterns Hyperscan cannot compile, or that use string anchors (``\\A``,
  ``\\Z``) which a joined buffer would change, always run. The compiled database is cached on
  disk (``DATAFLOW_CACHE_DIR``, else ``~/.cache/dataflow``); the first build takes a few
  seconds. Without Hyperscan every exact pattern runs on every distinct value: slower, same
  answers.
* Fallback. Recognizers whose behaviour is not the plain pattern loop (NLP-based ones, custom
  ``analyze``) are run through a Presidio ``AnalyzerEngine`` on every distinct value.

Known, documented difference: Presidio skips a pattern whose match exceeds its regex timeout
(``REGEX_TIMEOUT_SECONDS``, 60 s by default); this matcher has no timeout.

Values are de-duplicated inside a call; ``match_columns`` spreads columns over processes.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as _dt
import functools
import hashlib
import importlib
import itertools
import json
import os
import re
import tempfile
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from dataflow.detect import validators
from dataflow.errors import DataflowError
from dataflow.paths import cache_dir, private

# Characters on which Hyperscan (UTF-8 + UCP) and the ``regex`` module classify alike for
# \w, \d, \s, \b and case folding (checked by tests/test_fast_prefilter.py). Anything else
# makes a value skip the pre-filter.
VETTED_CHARS = (
    "\t\x20-\x7e"  # tab and printable ASCII
    "\u4e00-\u9fcc"  # CJK unified ideographs (later additions are not words to Hyperscan)
    "\u3001-\u3003\u3008-\u3011\u3014-\u301b"  # CJK punctuation and brackets
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff3e\uff40\uff5b-\uff5e"  # fullwidth punctuation
    "\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"  # quotes, dash, ellipsis, middle dot
)
_UNVETTED = re.compile(f"[^{VETTED_CHARS}]")
_UNVETTED_OR_NEWLINE = re.compile(f"[^{VETTED_CHARS}\n]")
_NO_MATCH: dict[str, bool] = {}  # shared result of values without matches; never mutated
# Fewest values a pattern confirms over joined text (FastMatcher._bulk); fewer go one by one.
_BULK_MIN = 64
# Patterns at least this long get Hyperscan existence expressions (FastMatcher._decidable).
_DECIDE_MIN_CHARS = 1000
# What the cached Hyperscan databases hold besides their expressions; a change of layout
# (such as leaving out the expressions of decided patterns) makes a new cache entry.
_DB_LAYOUT = 2

# Flags Hyperscan can express (the regex module adds UNICODE to every str pattern).
_IGNORECASE, _MULTILINE, _DOTALL, _UNICODE = 2, 8, 16, 32
_SUPPORTED_FLAGS = _IGNORECASE | _MULTILINE | _DOTALL | _UNICODE
_STRING_ANCHORS = frozenset("AZzG")

Matches = dict[str, bool]


@dataclass(frozen=True)
class _ExactPattern:
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


def _overrides(obj: object, name: str, base: type) -> bool:
    return getattr(type(obj), name, None) is not getattr(base, name, None)


def _plain_pattern_recognizer(recognizer: object) -> bool:
    """True when Presidio would run this recognizer's patterns with the standard loop."""
    from presidio_analyzer import EntityRecognizer, PatternRecognizer

    if not isinstance(recognizer, PatternRecognizer):
        return False
    return not (
        _overrides(recognizer, "analyze", PatternRecognizer)
        or _overrides(recognizer, "_PatternRecognizer__analyze_patterns", PatternRecognizer)
        or _overrides(recognizer, "enhance_using_context", EntityRecognizer)
    )


def _threshold(recognizer: Any, entity: str, default: float) -> float:
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


# The classes restricted to vetted characters (tests/test_fast_prefilter.py checks them). On
# vetted text they are exact, and Hyperscan compiles them much faster than Unicode classes.
_VETTED_CLASS = {
    "w": "0-9A-Z_a-z\\x{4e00}-\\x{9fcc}",
    "d": "0-9",
    "s": "\\t ",
}


_BOUNDED = re.compile(r"\{(\d+)(?:,(\d+))?\}")
_LONG_REPEAT = 32


# A negative look-behind / look-ahead on one character class at the very start / end of a
# pattern: ``(?<![0-9A-Za-z])`` and ``(?![0-9A-Za-z])`` delimit most identifier patterns.
_LEADING_GUARD = re.compile(r"\(\?<!\[((?:\\.|[^\]\\^])(?:\\.|[^\]\\])*)\]\)")
_TRAILING_GUARD = re.compile(r"\(\?!\[((?:\\.|[^\]\\^])(?:\\.|[^\]\\])*)\]\)$")


def _guards_as_consumers(source: str) -> str:
    """Rewrite edge look-arounds that Hyperscan's prefilter mode would drop.

    ``(?<![C])X`` becomes ``(?:^|[^C\\n])X`` and ``X(?![C])`` becomes ``X(?:[^C\\n]|$)``. In a
    buffer of newline-joined values (multi-line ``^`` and ``$``) every value where the original
    matches still matches, and the reported match end stays inside that value (at most one
    character later, never past its newline). Without the rewrite the prefilter also reports
    a 15-digit IMEI inside every longer run of digits.
    """
    lead = _LEADING_GUARD.match(source)
    if lead is not None:
        source = "(?:^|[^" + lead.group(1) + "\\n])" + source[lead.end() :]
    trail = _TRAILING_GUARD.search(source)
    if trail is not None and not source.endswith("\\" + trail.group(0)):
        source = source[: trail.start()] + "(?:[^" + trail.group(1) + "\\n]|$)"
    return source


def hyperscan_expression(source: str, *, loosen: bool = True) -> str | None:
    """The pattern in Hyperscan's syntax for vetted text, or None when it must not be used.

    Translates ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes, narrows ``\\w``, ``\\d``, ``\\s`` (and
    their negations outside classes) to the vetted characters, loosens long bounded repeats
    (``{1,253}`` becomes ``{1,}``: the prefilter may match more, never less) and turns
    single-class look-arounds at the pattern's edges into consuming alternatives
    (:func:`_guards_as_consumers`). Refuses string anchors, whose meaning changes when values
    are joined into one buffer. ``loosen=False`` keeps bounded repeats as written (for the
    exact existence expressions, :class:`_Prefilter`).
    """
    source = _guards_as_consumers(source)
    out: list[str] = []
    i = 0
    n = len(source)
    in_class = False
    while i < n:
        ch = source[i]
        if ch == "[" and not in_class:
            in_class = True
            out.append(ch)
            i += 1
            if i < n and source[i] == "^":
                out.append("^")
                i += 1
            if i < n and source[i] == "]":  # a literal ] first in a class
                out.append("\\]")
                i += 1
            continue
        if ch == "[" and in_class and source.startswith("[:", i):
            close = source.find(":]", i + 2)
            if close < 0:
                return None
            out.append(source[i : close + 2])
            i = close + 2
            continue
        if ch == "]" and in_class:
            in_class = False
            out.append(ch)
            i += 1
            continue
        if ch == "{" and not in_class:
            bound = _BOUNDED.match(source, i)
            if loosen and bound and int(bound.group(2) or bound.group(1)) > _LONG_REPEAT:
                # A superset: long bounded repeats cost Hyperscan seconds to compile.
                out.append("{" + bound.group(1) + ",}")
                i = bound.end()
                continue
        if ch != "\\" or i + 1 >= n:
            out.append(ch)
            i += 1
            continue
        nxt = source[i + 1]
        if nxt in _STRING_ANCHORS:
            return None
        if nxt in "uU":
            width = 4 if nxt == "u" else 8
            digits = source[i + 2 : i + 2 + width]
            if len(digits) != width or not all(c in "0123456789abcdefABCDEF" for c in digits):
                return None
            out.append("\\x{" + digits + "}")
            i += 2 + width
            continue
        lower = nxt.lower()
        if lower in _VETTED_CLASS and not (in_class and nxt.isupper()):
            ranges = _VETTED_CLASS[lower]
            if in_class:
                out.append(ranges)
            else:
                out.append(("[^" if nxt.isupper() else "[") + ranges + "]")
            i += 2
            continue
        out.append(source[i : i + 2])
        i += 2
    if in_class:
        return None
    return "".join(out)


_F = TypeVar("_F", bound=Callable[..., Any])


def _cheap(hook: _F) -> _F:
    """Mark a validator shortcut as cheaper than a cache lookup (its results are not cached)."""
    setattr(hook, "cheap", True)  # noqa: B010
    return hook


_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d+(?:,\d*)?\})[?+]?")


def _atom_end(expr: str, i: int) -> int:
    """The end of the atom (escape, class, group or character) starting at ``expr[i]``."""
    ch = expr[i]
    if ch == "\\":
        if i + 1 >= len(expr) or expr[i + 1] == "Q":
            raise ValueError("unsupported escape")
        if expr[i + 1] in "xpPN" and expr.startswith("{", i + 2):
            close = expr.find("}", i + 3)
            if close < 0:
                raise ValueError("unclosed escape")
            return close + 1
        if expr[i + 1] in "pP":
            return i + 3
        return i + 2
    if ch == "[":
        j = i + 1
        if j < len(expr) and expr[j] == "^":
            j += 1
        if j < len(expr) and expr[j] == "]":
            j += 1
        while j < len(expr):
            if expr[j] == "\\":
                j += 2
                continue
            if expr.startswith("[:", j):
                close = expr.find(":]", j + 2)
                if close < 0:
                    raise ValueError("unclosed POSIX class")
                j = close + 2
                continue
            if expr[j] == "]":
                return j + 1
            j += 1
        raise ValueError("unclosed class")
    if ch == "(":
        depth = 0
        j = i
        while j < len(expr):
            c = expr[j]
            if c == "\\" or c == "[":
                j = _atom_end(expr, j)
                continue
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
        raise ValueError("unclosed group")
    return i + 1


def _top_level(expr: str) -> list[tuple[str, str]] | None:
    """``expr`` as its top-level sequence of (atom, quantifier), or None when it has a
    top-level alternation or cannot be read."""
    out: list[tuple[str, str]] = []
    i = 0
    try:
        while i < len(expr):
            if expr[i] == "|":
                return None
            end = _atom_end(expr, i)
            quant = _QUANTIFIER.match(expr, end)
            stop = quant.end() if quant else end
            out.append((expr[i:end], expr[end:stop]))
            i = stop
    except (ValueError, IndexError):
        return None
    return out


def _optional(quantifier: str) -> bool:
    return quantifier[:1] in ("?", "*") or quantifier.startswith("{0")


_ZERO_WIDTH_GROUP = re.compile(r"\(\?(?:[=!]|<[=!]|[a-zA-Z]+\))")


def required_part(expr: str) -> str:
    """``expr`` without the optional elements that end it, looked into a final group.

    A value has a match of the result exactly when it has a match of ``expr`` (dropping a
    trailing element that may match nothing keeps every match's mandatory part), and each
    such match lies inside the original match. Hyperscan reports every position where a
    match ends; without an optional tail such as a URL's path it reports a few per value
    instead of one per character.
    """
    parts = _top_level(expr)
    if parts is None:
        return expr
    while parts and _optional(parts[-1][1]):
        parts.pop()
    if parts and not parts[-1][1]:
        atom = parts[-1][0]
        if atom.startswith("(") and not _ZERO_WIDTH_GROUP.match(atom):
            head = atom[: 3 if atom.startswith("(?:") else 1]
            if head == "(" and atom.startswith("(?"):
                return "".join(a + q for a, q in parts)  # named or other special group
            inner = required_part(atom[len(head) : -1])
            parts[-1] = (head + inner + ")", "")
    solid = [a for a, _ in parts if not (_ZERO_WIDTH_GROUP.match(a) or a in ("^", "$"))]
    if not solid:
        return expr
    return "".join(a + q for a, q in parts)


_TWIN_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.UNICODE
_PLAIN_REPEAT = re.compile(r"\{\d*(?:,\d*)?\}")
_REGEX_ONLY_ESCAPES = frozenset("pPXmMGKLRhHvVB")  # \B: re never matches it on ""
_REGEX_ONLY_GROUPS = frozenset("|(R&>0123456789+-Vwfber")


def _regex_only_syntax(source: str) -> bool:
    r"""Whether ``source`` uses syntax the ``regex`` module reads differently from ``re``.

    Fuzzy constraints and other braces that are not plain repeats, sets inside sets (POSIX
    classes, set operations), properties, graphemes, word starts and ends, ``\G``, ``\K``,
    named lists, branch resets, conditionals, recursion and the module's own flags.
    """
    i = 0
    n = len(source)
    in_class = False
    while i < n:
        ch = source[i]
        if ch == "\\":
            if i + 1 < n and source[i + 1] in _REGEX_ONLY_ESCAPES:
                return True
            i += 2
            continue
        if in_class:
            if ch == "[":
                return True
            if ch == "]":
                in_class = False
            i += 1
            continue
        if ch == "[":
            in_class = True
            i += 1
            if i < n and source[i] == "^":
                i += 1
            if i < n and source[i] == "]":
                i += 1
            continue
        if ch == "{" and not _PLAIN_REPEAT.match(source, i):
            return True
        if ch == "(" and source.startswith("(?", i):
            nxt = source[i + 2 : i + 3]
            if nxt in _REGEX_ONLY_GROUPS or source.startswith("(?P>", i):
                return True
        i += 1
    return False


def stdlib_twin(source: str, flags: int) -> Any:
    r"""The pattern compiled with the stdlib ``re`` when that engine reads it as ``regex`` does.

    The stdlib engine searches short values two to three times faster. It is used only on
    vetted text (ASCII and CJK ideographs, where both modules agree on ``\w``, ``\d``,
    ``\s``, ``\b`` and case; tests/test_fast_prefilter.py checks every vetted character),
    and only for patterns without syntax the two modules read differently; anything the
    stdlib refuses or warns about keeps the ``regex`` module. None when not usable.
    """
    import warnings

    if flags & ~_TWIN_FLAGS or _regex_only_syntax(source):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            return re.compile(source, flags)
        except (re.error, Warning, ValueError, TypeError, OverflowError, RecursionError):
            return None


# --- joined-text confirmation -----------------------------------------------------------------
# sre's parse tree: the node codes dataflow reads to decide whether a pattern can be run over
# newline-joined values (``joinable``).
try:
    _sre_parse: Any = importlib.import_module("re._parser")  # Python >= 3.11
except ImportError:  # pragma: no cover - Python 3.10
    _sre_parse = importlib.import_module("sre_parse")

_BOUNDARIES = frozenset({"AT_BOUNDARY", "AT_NON_BOUNDARY"})
_NEWLINE_CATEGORIES = frozenset(
    {"CATEGORY_SPACE", "CATEGORY_NOT_DIGIT", "CATEGORY_NOT_WORD", "CATEGORY_LINEBREAK"}
)


def _class_has_newline(items: Sequence[tuple[Any, Any]]) -> bool:
    """Whether a parsed character class (``IN`` items) matches a newline."""
    negate = False
    found = False
    for op, arg in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            found = found or arg == 10
        elif name == "RANGE":
            found = found or arg[0] <= 10 <= arg[1]
        elif name == "CATEGORY":
            found = found or str(arg) in _NEWLINE_CATEGORIES
        else:
            return True  # unknown item: assume it may
    return found != negate


def _joinable_tree(tree: Iterable[tuple[Any, Any]], inside: bool = False) -> bool:
    """Whether a parsed (sub-)pattern keeps ``joinable``'s conditions; ``inside``: within a
    look-around, where nothing may match a newline."""
    for op, arg in tree:
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT"):
            ok = _joinable_tree(arg[1], True)
        elif name == "AT":
            ok = str(arg) in _BOUNDARIES
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            ok = _joinable_tree(arg[2], inside)
        elif name == "SUBPATTERN":
            ok = _joinable_tree(arg[-1], inside)
        elif name == "ATOMIC_GROUP":
            ok = _joinable_tree(arg, inside)
        elif name == "BRANCH":
            ok = all(_joinable_tree(branch, inside) for branch in arg[1])
        elif name == "GROUPREF_EXISTS":
            ok = False
        elif not inside:
            ok = True  # what a match consumes is checked on the joined run's result
        elif name == "LITERAL":
            ok = arg != 10
        elif name == "IN":
            ok = not _class_has_newline(arg)
        else:  # NOT_LITERAL, ANY, back references inside a look-around
            ok = False
        if not ok:
            return False
    return True


def joinable(pattern: Any) -> bool:
    r"""Whether a stdlib pattern, run over values joined with newlines, decides each value as
    it does alone whenever the run ends with every value wholly matched (``FastMatcher._bulk``).

    Matching consumes characters and tests the text around them. Where a value ends, alone
    there is nothing; joined there is a newline. A match that consumes a newline shows in the
    run's result, which is then not used. What must not differ are the tests: so anchors other
    than ```` / ``\B`` (which treat a newline as they treat the end of the text) are refused,
    and every look-around must be unable to match a newline: then it fails on the newline
    exactly where it fails on nothing. With that, the engine takes the same steps at the start
    of a value inside the joined text as at the start of the value alone.
    """
    if not isinstance(pattern, re.Pattern):
        return False
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:
        return False
    return _joinable_tree(tree)


# --- validator shortcuts ----------------------------------------------------------------------
# Presidio's own validators for the kept recognizers cost tens of microseconds a call. For the
# shapes that dominate real data these give the same answer without the work; anything else
# goes to the original. tests/test_fast_shortcuts.py compares them with the originals.

_PLAIN_IPV4 = re.compile(
    r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}",
    re.ASCII,
)
_DEFAULT_CARD_PAIRS = [("-", ""), (" ", "")]


_DOUBLED_DIGIT = str.maketrans("0123456789", "0246813579")  # 2*d with its digits summed


# Luhn results by digits: card, UnionPay, IMEI and credit-card patterns check the same
# number in turn, a batch apart. Bounded; cleared when full.
_LUHN_MEMO: dict[str, bool] = {}
_LUHN_MEMO_SIZE = 65_536


def luhn_ok(digits: str) -> bool:
    """Luhn checksum of ASCII digits (an empty string passes, as in Presidio)."""
    known = _LUHN_MEMO.get(digits)
    if known is not None:
        return known
    # Sum the code points of the kept and of the doubled digits, then remove 48 per digit.
    kept = digits[-1::-2].encode("ascii")
    doubled = digits[-2::-2].translate(_DOUBLED_DIGIT).encode("ascii")
    ok = (sum(kept) + sum(doubled) - 48 * len(digits)) % 10 == 0
    if len(_LUHN_MEMO) >= _LUHN_MEMO_SIZE:
        _LUHN_MEMO.clear()
    _LUHN_MEMO[digits] = ok
    return ok


def _separated_digits(value: str) -> str | None:
    """``validators._only_digits``: spaces and hyphens removed, ASCII digits only, else None."""
    text = value.strip().replace(" ", "").replace("-", "")
    return text if text.isascii() and text.isdigit() else None


@_cheap
def _fast_luhn(value: str) -> bool:
    digits = _separated_digits(value)
    return digits is not None and len(digits) >= 2 and luhn_ok(digits)


@_cheap
def _fast_bank_card(value: str) -> bool:
    digits = _separated_digits(value)
    return (
        digits is not None and 16 <= len(digits) <= 19 and digits[0] in "3456" and luhn_ok(digits)
    )


@_cheap
def _fast_unionpay(value: str) -> bool:
    digits = _separated_digits(value)
    return (
        digits is not None
        and 16 <= len(digits) <= 19
        and digits.startswith("62")
        and luhn_ok(digits)
    )


@_cheap
def _fast_imei(value: str) -> bool:
    digits = _separated_digits(value)
    return (
        digits is not None
        and len(digits) == 15
        and digits[:2] not in ("34", "37")
        and luhn_ok(digits)
    )


def _ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


# Dates of birth already judged: "YYYYMMDD" -> the date's ordinal, or 0 when it is no date
# or before 1900. Bounded by the number of distinct 8-digit strings met; cleared when full.
_BIRTH_ORDINALS: dict[str, int] = {}
_BIRTH_CACHE_SIZE = 65_536
_TODAY: list[int] = []  # today's ordinal, refreshed by refresh_today()


def refresh_today() -> None:
    """Re-read the date that bounds dates of birth (the matcher calls it once per call)."""
    today = _dt.date.today().toordinal()
    if _TODAY:
        _TODAY[0] = today
    else:
        _TODAY.append(today)


def _birth_ordinal(yyyymmdd: str) -> int:
    known = _BIRTH_ORDINALS.get(yyyymmdd)
    if known is not None:
        return known
    try:
        born = _dt.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        ordinal = 0
    else:
        ordinal = born.toordinal() if born >= _dt.date(1900, 1, 1) else 0
    if len(_BIRTH_ORDINALS) >= _BIRTH_CACHE_SIZE:
        _BIRTH_ORDINALS.clear()
    _BIRTH_ORDINALS[yyyymmdd] = ordinal
    return ordinal


@_cheap
def _fast_gb11643(value: str) -> bool:
    """``validators.gb11643`` for the 18-character form, without a call per digit.

    The GB 11643 weights are 2**(17 - i) mod 11, and 13 = 2 (mod 11), so the weighted sum of
    the 17 body digits is 2 * int(body, 13) (mod 11): one C-level conversion.
    """
    text = value.strip().upper()
    if len(text) != 18 or not _ascii_digits(text[:17]) or text[17] not in "0123456789X":
        return validators.gb11643(value)  # the 15-digit form and every rejection path
    if text[:2] not in validators.province_codes():
        return False
    return _born_and_checked(text)


def _born_and_checked(text: str) -> bool:
    """Characters 7-14 of an 18-digit ID a past date, the last its MOD 11-2 check character."""
    if not _TODAY:
        refresh_today()
    ordinal = _birth_ordinal(text[6:14])
    if not 0 < ordinal <= _TODAY[0]:
        return False
    return "10X98765432"[2 * int(text[:17], 13) % 11] == text[17]


@_cheap
def _fast_foreign_pr_id(value: str) -> bool:
    """``validators.foreign_pr_id``: the GB 11643 shortcut with the ``9`` prefix and the
    province code in characters 2-3."""
    text = value.strip().upper()
    if (
        len(text) != 18
        or text[0] != "9"
        or not _ascii_digits(text[:17])
        or text[17] not in "0123456789X"
    ):
        return validators.foreign_pr_id(value)  # every rejection path
    if text[1:3] not in validators.province_codes():
        return False
    return _born_and_checked(text)


# USCC characters to base-36 digits of their GB 32100 values ("A" is worth 10, "Y" 30).
_USCC_DIGITS = str.maketrans(
    {c: "0123456789abcdefghijklmnopqrstu"[v] for c, v in validators._USCC_VALUE.items()}
)
_VIN_CODES = str.maketrans({c: chr(v) for c, v in validators.VIN_TRANSLITERATION.items()})


@_cheap
def _fast_gb32100(value: str) -> bool:
    """``validators.gb32100``: the weights are 3**i mod 31 and 34 = 3 (mod 31), so the
    weighted sum is the reversed body read in base 34 (mod 31)."""
    text = value.strip()
    if not validators._USCC.fullmatch(text):
        return False
    total = int(text[:17].translate(_USCC_DIGITS)[::-1], 34)
    return validators.USCC_CHARSET[(31 - total % 31) % 31] == text[17]


@_cheap
def _fast_iso3779(value: str) -> bool:
    text = value.strip()
    if not validators._VIN.fullmatch(text) or text.isdigit():
        return False
    codes = text[:17].translate(_VIN_CODES).encode("latin-1")
    rest = sum(map(int.__mul__, codes, validators._VIN_WEIGHTS)) % 11
    return ("X" if rest == 10 else str(rest)) == text[8]


@_cheap
def _fast_mac(value: str) -> bool:
    """``validators.mac`` itself: cheaper to ask again than to look up in a cache."""
    return validators.mac(value)


@_cheap
def _fast_latlng(value: str) -> bool:
    """``validators.latlng`` itself: cheaper to ask again than to look up in a cache."""
    return validators.latlng(value)


def _catalog_shortcuts() -> dict[Callable[[str], bool], Callable[[str], bool]]:
    return {
        validators.mac: _fast_mac,
        validators.latlng: _fast_latlng,
        validators.gb32100: _fast_gb32100,
        validators.iso3779: _fast_iso3779,
        validators.luhn: _fast_luhn,
        validators.bank_card: _fast_bank_card,
        validators.unionpay: _fast_unionpay,
        validators.imei: _fast_imei,
        validators.gb11643: _fast_gb11643,
        validators.foreign_pr_id: _fast_foreign_pr_id,
    }


def _card_shortcut(original: Callable[[str], Any]) -> Callable[[str], Any]:
    @_cheap
    def validate(text: str) -> Any:
        digits = text.replace("-", "").replace(" ", "")
        if digits.isascii() and digits.isdigit():
            return luhn_ok(digits)
        return original(text)

    from dataflow.detect.batch import card_many

    validate.many = card_many(validate)  # type: ignore[attr-defined]
    return validate


def _ip_shortcut(original: Callable[[str], Any]) -> Callable[[str], Any]:
    @_cheap
    def invalidate(text: str) -> Any:
        if _PLAIN_IPV4.fullmatch(text):
            return None  # ipaddress accepts a plain dotted quad without leading zeros
        return original(text)

    return invalidate


def _email_shortcut(original: Callable[[str], Any], size: int) -> Callable[[str], Any]:
    """Cache the e-mail validator by host: tldextract only looks at the text after the last
    ``@`` when the text has no ``/``, ``?`` or ``#`` (which would end the authority early)."""
    cache: dict[str, Any] = {}

    @_cheap
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


def _own_hooks(
    recognizer: Any,
) -> tuple[Callable[[str], Any] | None, Callable[[str], Any] | None]:
    from presidio_analyzer import PatternRecognizer

    validate = (
        recognizer.validate_result
        if _overrides(recognizer, "validate_result", PatternRecognizer)
        else None
    )
    invalidate = (
        recognizer.invalidate_result
        if _overrides(recognizer, "invalidate_result", PatternRecognizer)
        else None
    )
    return validate, invalidate


def shortcut_hooks(
    recognizer: Any,
) -> tuple[Callable[[str], Any] | None, Callable[[str], Any] | None]:
    """(validate, invalidate) for a recognizer: its own methods, or an equivalent shortcut.

    ``None`` means the recognizer keeps PatternRecognizer's default (which returns None).
    """
    from presidio_analyzer import PatternRecognizer
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        EmailRecognizer,
        IpRecognizer,
    )

    from dataflow.detect.recognizers import _recognizer_class

    cls = type(recognizer)
    validate: Callable[[str], Any] | None = None
    invalidate: Callable[[str], Any] | None = None
    if _overrides(recognizer, "validate_result", PatternRecognizer):
        validate = recognizer.validate_result
        own = getattr(recognizer, "_validator", None)
        if cls.validate_result is _recognizer_class().validate_result and own is None:
            validate = None  # a catalog recognizer without a validator: always None
        elif cls.validate_result is _recognizer_class().validate_result and own in (
            table := _catalog_shortcuts()
        ):
            validate = table[own]
        elif cls.validate_result is CreditCardRecognizer.validate_result and (
            getattr(recognizer, "replacement_pairs", None) == _DEFAULT_CARD_PAIRS
        ):
            validate = _card_shortcut(recognizer.validate_result)
        elif cls.validate_result is EmailRecognizer.validate_result:
            validate = _email_shortcut(recognizer.validate_result, 4096)
    if _overrides(recognizer, "invalidate_result", PatternRecognizer):
        invalidate = recognizer.invalidate_result
        if cls.invalidate_result is IpRecognizer.invalidate_result:
            invalidate = _ip_shortcut(recognizer.invalidate_result)
    return validate, invalidate


def _batch_twins() -> dict[Any, Any]:
    from dataflow.detect.batch import batch_twins

    return batch_twins()


def _twin(hook: Callable[[str], Any] | None, twins: Mapping[Any, Any]) -> Any:
    """The batch form of a hook (``detect.batch``), or None to map the hook itself."""
    if hook is None:
        return None
    own = getattr(hook, "many", None)
    return own if own is not None else twins.get(hook)


class PatternDatabaseError(DataflowError):
    """A freshly compiled Hyperscan database fails its self-test: scanning with it could miss
    personal data, so the scan stops."""


# A cached database is one file: this line, a JSON line with the cache key, the SHA-256 of the
# serialized database and the ids Hyperscan refused, then the serialized database.
_ENVELOPE = b"dataflow-hyperscan-cache-1\n"


def read_cached_database(path: Path, key: str) -> tuple[bytes, list[int]] | None:
    """The serialized database and refused ids cached at ``path`` for ``key``; ``None`` when
    absent, not private to this user (``paths.private``), not for ``key`` or not matching its
    digest."""
    try:
        if not path.is_file() or not private(path.parent, path):
            return None
        data = path.read_bytes()
        if not data.startswith(_ENVELOPE):
            return None
        head, _, blob = data[len(_ENVELOPE) :].partition(b"\n")
        meta = json.loads(head)
        rejected = [int(x) for x in meta["rejected"]]
        if meta["key"] != key or meta["sha256"] != hashlib.sha256(blob).hexdigest():
            return None
        return blob, rejected
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_cached_database(path: Path, key: str, blob: bytes, rejected: Sequence[int]) -> None:
    """Cache a serialized database for ``key`` at ``path`` (a file only this user can write,
    replaced whole); a folder others can write, or a read-only one, is left alone."""
    meta = {"key": key, "rejected": sorted(rejected), "sha256": hashlib.sha256(blob).hexdigest()}
    data = _ENVELOPE + json.dumps(meta, sort_keys=True).encode("ascii") + b"\n" + blob
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not private(path.parent):
            return
        fd, tmp = tempfile.mkstemp(prefix=".hs-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        return  # a read-only home: compile again next time


_PROBE_VARIANTS = 3
_PROBE_POOL = "0123456789aAbBxXzZ-_.@:/ \u5f20\u5e02"
_CATEGORY_TESTS: dict[str, Callable[[str], bool]] = {
    "CATEGORY_DIGIT": str.isdigit,
    "CATEGORY_NOT_DIGIT": lambda c: not c.isdigit(),
    "CATEGORY_SPACE": str.isspace,
    "CATEGORY_NOT_SPACE": lambda c: not c.isspace(),
    "CATEGORY_WORD": lambda c: c.isalnum() or c == "_",
    "CATEGORY_NOT_WORD": lambda c: not (c.isalnum() or c == "_"),
}


def _class_member(items: Sequence[tuple[Any, Any]], variant: int) -> str | None:
    """A character of a parsed class (``IN`` items), a different one per variant."""
    negate = False
    literals: set[int] = set()
    ranges: list[tuple[int, int]] = []
    tests: list[Callable[[str], bool]] = []
    for op, arg in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            literals.add(arg)
        elif name == "RANGE":
            ranges.append(arg)
        elif name == "CATEGORY" and str(arg) in _CATEGORY_TESTS:
            tests.append(_CATEGORY_TESTS[str(arg)])

    def member(ch: str) -> bool:
        code = ord(ch)
        inside = (
            code in literals
            or any(low <= code <= high for low, high in ranges)
            or any(test(ch) for test in tests)
        )
        return inside != negate

    own = [] if negate else [chr(c) for c in sorted(literals)[:_PROBE_VARIANTS]]
    own += [
        chr(low + (high - low) * k // 2) for low, high in ranges[:_PROBE_VARIANTS] for k in (0, 1)
    ]
    found = [ch for ch in dict.fromkeys([*_PROBE_POOL, *own]) if member(ch)]
    return found[variant % len(found)] if found else None


def _probe_text(tree: Iterable[tuple[Any, Any]], variant: int, groups: dict[int, str]) -> str:
    """A string the parsed pattern may match (look-arounds and anchors ignored: the caller
    checks the result against the regex)."""
    out: list[str] = []
    for op, arg in tree:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(arg))
        elif name == "NOT_LITERAL":
            out.append("a" if arg != ord("a") else "b")
        elif name == "ANY":
            out.append("a")
        elif name == "IN":
            ch = _class_member(arg, variant)
            if ch is None:
                raise ValueError("empty class")
            out.append(ch)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, sub = arg
            count = min(high, low + (variant and 1))
            out.extend(_probe_text(sub, variant + k, groups) for k in range(count))
        elif name == "BRANCH":
            out.append(_probe_text(arg[1][variant % len(arg[1])], variant, groups))
        elif name == "SUBPATTERN":
            text = _probe_text(arg[-1], variant, groups)
            if arg[0] is not None:
                groups[arg[0]] = text
            out.append(text)
        elif name == "ATOMIC_GROUP":
            out.append(_probe_text(arg, variant, groups))
        elif name == "GROUPREF":
            out.append(groups.get(arg, ""))
        elif name not in ("AT", "ASSERT", "ASSERT_NOT"):
            raise ValueError(name)
    return "".join(out)


def probe_values(pat: _ExactPattern) -> tuple[str, ...]:
    """A few values the pattern matches, built from its own parse tree and checked against
    it: what a pattern database holding the pattern must report (``_Prefilter._self_test``)."""
    try:
        tree = _sre_parse.parse(pat.vetted.pattern, pat.vetted.flags)
    except Exception:
        return ()
    found: list[str] = []
    for variant in range(_PROBE_VARIANTS):
        try:
            text = _probe_text(tree, variant, {})
        except (ValueError, RecursionError, OverflowError):
            continue
        if text and "\n" not in text and text not in found and pat.vetted.search(text):
            found.append(text)
    return tuple(found)


def _newline_safe(expr: str) -> bool:
    """Whether no negated class of a Hyperscan expression can match a newline (so that no
    match runs from one joined value into the next)."""
    i = expr.find("[^")
    while i >= 0:
        if i > 0 and expr[i - 1] == "\\":
            i = expr.find("[^", i + 1)
            continue
        try:
            end = _atom_end(expr, i)
        except ValueError:
            return False
        if "\\n" not in expr[i:end]:
            return False
        i = expr.find("[^", end)
    return True


def existence_expressions(source: str) -> tuple[str, str] | None:
    """(exact, coverable) Hyperscan expressions for a pattern, or None when not available.

    ``exact`` matches in a value exactly when the pattern does (no prefilter relaxation: the
    bounded repeats are kept, edge guards become consumers, optional tails are dropped,
    which keeps existence); it must compile without ``HS_FLAG_PREFILTER``. ``coverable``
    (compiled as a prefilter) matches every value that one match of the pattern could
    cover, surrounding tabs and spaces allowed: a superset.
    """
    exact = hyperscan_expression(source, loosen=False)
    # Look-arounds at the edges dropped: a superset, and no ^ inside the anchored form.
    bare = _TRAILING_GUARD.sub("", _LEADING_GUARD.sub("", source, count=1), count=1)
    loose = hyperscan_expression(bare)
    if exact is None or loose is None:
        return None
    exact = required_part(exact)
    if not _newline_safe(exact):
        return None
    # A coverable match that runs on into the next value only adds regex work there.
    return exact, "^[\\t ]*(?:" + loose + ")[\\t ]*$"


class _Prefilter:
    """A Hyperscan prefilter database over the exact patterns that it can express.

    Pattern ``pid`` reports as ``pid``. For the patterns in ``decided`` (no hooks, fixed
    score, see ``FastMatcher``) two expressions report instead, as ``pid + n`` (a real match
    exists in the value) and ``pid + 2n`` (a match could cover the value): a value that has
    the first and not the second holds the entity, not as its whole value, without any
    regex run. A pattern is decided only when both compile; its own expression is then left
    out (the two report every value it could), which saves a match report per value.
    """

    def __init__(self, patterns: Sequence[_ExactPattern], decided: Iterable[int] = ()) -> None:
        import hyperscan

        self._hs = hyperscan
        base = hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP
        base |= hyperscan.HS_FLAG_MULTILINE
        candidates: list[tuple[int, bytes, int]] = []
        always: list[int] = []
        for pid, pat in enumerate(patterns):
            expr = hyperscan_expression(pat.source)
            if expr is None or pat.flags & ~_SUPPORTED_FLAGS:
                always.append(pid)
                continue
            expr = required_part(expr)
            candidates.append((pid, expr.encode("utf-8"), self._flags(pat, base)))
        n = len(patterns)
        extra: list[int] = []
        for pid in sorted(set(decided)):
            pat = patterns[pid]
            pair = existence_expressions(pat.source)
            if pair is None or pid in always or pat.flags & ~_SUPPORTED_FLAGS:
                continue
            flags = self._flags(pat, base & ~hyperscan.HS_FLAG_PREFILTER)
            candidates.append((pid + n, pair[0].encode("utf-8"), flags))
            candidates.append((pid + 2 * n, pair[1].encode("utf-8"), flags | base))
            extra.append(pid)
        self.size = n  # ids below: the patterns; from n: the existence expressions
        self.npat = 3 * n
        self.db: Any = None
        self._scratch: Any = None
        self._scratch_pid = -1
        self._patterns = patterns
        self._probes = [probe_values(pat) for pat in patterns]
        self.db, rejected = self._load_or_compile(candidates, first=n)
        self.always = tuple(sorted(pid for pid in always + rejected if pid < n))
        self.decided = frozenset(
            pid for pid in extra if pid + n not in rejected and pid + 2 * n not in rejected
        )

    def _flags(self, pat: _ExactPattern, base: int) -> int:
        """``base`` plus the Hyperscan flags for the pattern's own (case, dot-all)."""
        flags = base
        if pat.flags & _IGNORECASE:
            flags |= self._hs.HS_FLAG_CASELESS
        if pat.flags & _DOTALL:
            flags |= self._hs.HS_FLAG_DOTALL
        return flags

    def _compile(self, items: Sequence[tuple[int, bytes, int]]) -> Any:
        db: Any = self._hs.Database()
        db.compile(
            expressions=[e for _, e, _ in items],
            ids=[pid for pid, _, _ in items],
            flags=[f for _, _, f in items],
        )
        return db

    def _refused(self, items: Sequence[tuple[int, bytes, int]]) -> list[int]:
        """The ids of the items Hyperscan refuses to compile, each tried alone."""
        refused = []
        for item in items:
            try:
                self._compile([item])
            except self._hs.error:
                refused.append(item[0])
        return refused

    def _load_or_compile(
        self, items: list[tuple[int, bytes, int]], first: int | None = None
    ) -> tuple[Any, list[int]]:
        """The database (from the disk cache when it is there and trusted) and the ids
        Hyperscan refused.

        Items with ids from ``first`` on are tried one by one before the others are
        compiled together: they are the ones Hyperscan may find too large. A cached
        database is used only when it passes ``_trusted``; a built one that fails its
        self-test raises ``PatternDatabaseError``.
        """
        digest = hashlib.sha256()
        digest.update(str(getattr(self._hs, "__version__", "")).encode())
        digest.update(f"\0layout {_DB_LAYOUT}".encode())
        for pid, expr, flags in items:
            digest.update(f"\0{pid}\0{flags}\0".encode() + expr)
        key = digest.hexdigest()[:32]
        path = cache_dir() / f"hs-{key}.db"
        cached = read_cached_database(path, key)
        if cached is not None:
            with contextlib.suppress(self._hs.error):
                db = self._hs.loadb(cached[0], self._hs.HS_MODE_BLOCK)
                if self._self_test(db, items, cached[1]):
                    return db, cached[1]
        db, rejected = self._build(items, first)
        if db is not None:
            if not self._self_test(db, items, rejected):
                raise PatternDatabaseError(
                    "the compiled pattern database fails its self-test on known probe values"
                )
            write_cached_database(path, key, self._hs.dumpb(db), rejected)
        return db, rejected

    def _build(
        self, items: list[tuple[int, bytes, int]], first: int | None
    ) -> tuple[Any, list[int]]:
        rejected: list[int] = []
        if first is not None:
            rejected = self._refused([item for item in items if item[0] >= first])
        kept = [item for item in items if item[0] not in rejected]
        db: Any
        try:
            db = self._compile(_without_replaced(kept, first)) if kept else None
        except self._hs.error:
            # Find the expressions Hyperscan refuses one by one; they always run exactly.
            rejected += self._refused(kept)
            kept = [item for item in kept if item[0] not in rejected]
            db = self._compile(_without_replaced(kept, first)) if kept else None
        return db, rejected

    def _self_test(self, db: Any, items: Sequence[tuple[int, bytes, int]], rejected: Any) -> bool:
        """Whether ``db`` reports each pattern it holds on that pattern's probe values (values
        built from the pattern and checked against the regex itself): a database built from
        other expressions, or damaged, does not."""
        n = len(self._patterns)
        held = {item[0] % n for item in items if item[0] not in rejected}
        values: list[str] = []
        expected: list[int] = []
        for pid in sorted(held):
            for value in self._probes[pid]:
                values.append(value)
                expected.append(pid)
        if not values:
            return True
        saved = self.db
        self.db, self._scratch = db, None
        try:
            found = self.candidates(values)
        except Exception:
            return False
        finally:
            self.db, self._scratch = saved, None
        return all(pid in found.get(i, ()) for i, pid in enumerate(expected))

    def _scan(self, values: Sequence[str]) -> tuple[bytes, list[int]]:
        """Scan the newline-joined values once: (the buffer, match codes end * npat + id)."""
        if self._scratch is None or self._scratch_pid != os.getpid():
            self._scratch = self._hs.Scratch(self.db)
            self._scratch_pid = os.getpid()
        buffer = "\n".join(values).encode("utf-8")
        hits: list[int] = []
        npat = self.npat
        append = hits.append

        def on_match(pid: int, _from: int, to: int, _flags: int, _ctx: object) -> None:
            append(to * npat + pid)

        self.db.scan(buffer, match_event_handler=on_match, scratch=self._scratch)
        return buffer, hits

    def candidates(self, values: Sequence[str]) -> dict[int, set[int]]:
        """For values (all vetted, no newline): index -> ids of patterns that may match it.

        Values no pattern may match are absent.
        """
        out: dict[int, set[int]] = {}
        if self.db is None or not values:
            return out
        buffer, hits = self._scan(values)
        if not hits:
            return out
        np = _numpy()
        if np is not None:
            return self._group_arrays(np, hits, buffer)
        for idx, reported in self._hit_pairs(values, buffer, hits):
            # An existence expression stands for its pattern.
            out.setdefault(idx, set()).add(reported % self.size)
        return out

    def _hit_pairs(
        self, values: Sequence[str], buffer: bytes, hits: Iterable[int]
    ) -> list[tuple[int, int]]:
        """Match codes as sorted, distinct (value index, reported id) pairs, without numpy
        (``_lines_and_ids`` does it with arrays)."""
        if buffer.isascii():  # byte offsets are character offsets
            lengths: Iterable[int] = map(len, values)
        else:
            lengths = (len(v.encode("utf-8")) for v in values)
        # A value ends at its newline (the last one at the end of the buffer); a match
        # belongs to the first value whose end is at or after the match's end.
        ends = [end - 1 for end in itertools.accumulate(length + 1 for length in lengths)]
        pairs = set()
        for code in set(hits):
            to, reported = divmod(code, self.npat)
            idx = bisect.bisect_left(ends, to)
            if idx < len(values):
                pairs.add((idx, reported))
        return sorted(pairs)

    def values_by_pattern(self, values: Sequence[str]) -> dict[int, Sequence[int]]:
        """Reported id -> sorted indexes of the values it was reported for.

        A ``decided`` pattern reports under the ids of its existence expressions only
        (``pid + size``: a match exists, ``pid + 2 * size``: one could cover the value);
        ``candidates`` counts both as the pattern's.
        """
        if self.db is None or not values:
            return {}
        buffer, hits = self._scan(values)
        if not hits:
            return {}
        np = _numpy()
        if np is None:
            out: dict[int, list[int]] = {}
            for idx, reported in self._hit_pairs(values, buffer, hits):
                out.setdefault(reported, []).append(idx)  # indexes come in ascending order
            return {reported: idx for reported, idx in out.items()}
        line, pid = self._lines_and_ids(np, hits, buffer)
        keys = _sorted_unique(np, pid * len(values) + line)  # by pattern, then value
        pids = keys // len(values)
        lines = keys - pids * len(values)
        cuts = np.flatnonzero(np.diff(pids)) + 1
        starts = [0, *cuts.tolist()]
        stops = [*cuts.tolist(), len(keys)]
        return {int(pids[a]): lines[a:b].tolist() for a, b in zip(starts, stops, strict=True)}

    def _lines_and_ids(self, np: Any, hits: list[int], buffer: bytes) -> tuple[Any, Any]:
        """Match codes (``end * npat + id``) as arrays of (value index, pattern id); a pair
        may repeat."""
        npat = self.npat
        codes = np.array(hits, dtype=np.int64)
        # A value ends at its newline (the last one at the end of the buffer); a match
        # belongs to the first value whose end is at or after the match's end.
        newlines = np.flatnonzero(np.frombuffer(buffer, dtype=np.uint8) == 10)
        to = codes // npat
        return np.searchsorted(newlines, to, side="left"), codes - to * npat

    def _group_arrays(self, np: Any, hits: list[int], buffer: bytes) -> dict[int, set[int]]:
        """``candidates``' grouping of match codes by value, with array operations."""
        npat = self.npat
        line, pid = self._lines_and_ids(np, hits, buffer)
        pid %= self.size  # an existence expression stands for its pattern
        pairs = _sorted_unique(np, line * npat + pid)  # sorted by value, then pattern
        out: dict[int, set[int]] = {}
        current = -1
        found: set[int] = set()
        for idx, pid in zip((pairs // npat).tolist(), (pairs % npat).tolist(), strict=True):
            if idx != current:
                current = idx
                found = out[idx] = {pid}
            else:
                found.add(pid)
        return out


def _without_replaced(
    items: Sequence[tuple[int, bytes, int]], n: int | None
) -> list[tuple[int, bytes, int]]:
    """``items`` without the expression of each pattern whose two existence expressions
    (ids ``pid + n`` and ``pid + 2n``) are among them (``n`` None: there are none)."""
    if n is None:
        return list(items)
    ids = {item[0] for item in items}
    return [
        item
        for item in items
        if not (item[0] < n and item[0] + n in ids and item[0] + 2 * n in ids)
    ]


def _sorted_unique(np: Any, keys: Any) -> Any:
    """The distinct values of an int array, sorted (``np.unique`` without its overhead,
    which dominates on the arrays of one column)."""
    keys = np.sort(keys)
    if not len(keys):
        return keys
    keep = np.empty(len(keys), dtype=bool)
    keep[0] = True
    np.not_equal(keys[1:], keys[:-1], out=keep[1:])
    return keys[keep]


_NUMPY: list[Any] = []


def _numpy() -> Any:
    """numpy when it can be imported (Presidio's spaCy brings it), else None."""
    if not _NUMPY:
        try:
            _NUMPY.append(importlib.import_module("numpy"))
        except ImportError:
            _NUMPY.append(None)
    return _NUMPY[0]


class FastMatcher:
    """Per-value entity matches, equal to ``value_matches`` with the same recognizers."""

    #: Validator results kept per (recognizer, matched text); cleared when full.
    score_cache_size = 65_536

    def __init__(
        self,
        recognizers: Sequence[Any],
        *,
        language: str = "en",
        score_threshold: float = 0.0,
        analyzer: Any | None = None,
        prefilter: bool = True,
        shortcuts: bool = True,
    ) -> None:
        regex: Any = importlib.import_module("regex")  # what Presidio compiles patterns with

        self.language = language
        self._recognizers = [
            r for r in recognizers if getattr(r, "supported_language", language) == language
        ]
        self._analyzer = analyzer
        self._fallback: list[Any] = []
        patterns: list[_ExactPattern] = []
        for index, rec in enumerate(self._recognizers):
            if not _plain_pattern_recognizer(rec):
                self._fallback.append(rec)
                continue
            entity = rec.supported_entities[0]
            flags = rec.global_regex_flags or 0
            threshold = _threshold(rec, entity, score_threshold)
            for pat in rec.patterns:
                prebuilt = getattr(pat, "compiled_regex", None)
                if getattr(pat, "compiled_with_flags", None) != flags:
                    prebuilt = None
                patterns.append(
                    _ExactPattern(
                        recognizer=index,
                        entity=entity,
                        source=pat.regex,
                        flags=int(flags),
                        score=float(pat.score),
                        threshold=threshold,
                        vetted=stdlib_twin(pat.regex, int(flags))
                        or prebuilt
                        or regex.compile(pat.regex, flags=flags),
                        presidio=prebuilt,
                    )
                )
        self._patterns = tuple(patterns)
        # Outcome codes: the k-th entity (in name order) sets bit 2k when found and bits 2k
        # and 2k + 1 when a match covers the value. OR-ing codes keeps the better outcome per
        # entity (absent < found < covering), as merging Presidio's results does.
        names = sorted({p.entity for p in self._patterns})
        self._code_entities = tuple(names)
        shift = {entity: 2 * k for k, entity in enumerate(names)}
        self._bits = tuple((1 << shift[p.entity], 3 << shift[p.entity]) for p in self._patterns)
        self._outcomes: dict[int, Matches] = {0: _NO_MATCH}
        self._validators: list[Callable[[str], Any] | None] = []
        self._invalidators: list[Callable[[str], Any] | None] = []
        for rec in self._recognizers:
            validate = invalidate = None
            if _plain_pattern_recognizer(rec):
                validate, invalidate = shortcut_hooks(rec) if shortcuts else _own_hooks(rec)
            self._validators.append(validate)
            self._invalidators.append(invalidate)
        self._score_cache: dict[tuple[int, str], float] = {}
        # Cheap hooks (the shortcuts) are asked again rather than cached: on columns of
        # distinct identifiers a cache only costs time.
        self._cache_scores = tuple(
            any(h is not None and not getattr(h, "cheap", False) for h in hooks)
            for hooks in zip(self._validators, self._invalidators, strict=True)
        )
        # Patterns whose recognizer has no validate/invalidate hook keep their own score.
        self._hooked = tuple(
            self._validators[p.recognizer] is not None
            or self._invalidators[p.recognizer] is not None
            for p in self._patterns
        )
        # Batch twins of the hooks (detect.batch), for the joined-text confirmation.
        twins = _batch_twins()
        self._validators_many = [_twin(h, twins) for h in self._validators]
        self._invalidators_many = [_twin(h, twins) for h in self._invalidators]
        self._joinable = tuple(joinable(p.vetted) for p in self._patterns)
        self._fallback_entities = sorted(
            {e for rec in self._fallback for e in rec.supported_entities}
        )
        self._prefilter: _Prefilter | None = None
        if prefilter and self._patterns:
            try:
                self._prefilter = _Prefilter(self._patterns, self._decidable())
            except ImportError:
                self._prefilter = None
        self._all_pids = tuple(range(len(self._patterns)))

    def _decidable(self) -> list[int]:
        """Patterns whose outcome on a value follows from whether it has a match at all and
        whether one could cover it: no hooks, a score that counts, joinable (no anchors), no
        empty match, and long (a long alternation, such as the URL patterns' list of
        top-level domains, is what makes a regex search slow)."""
        out = []
        for pid, pat in enumerate(self._patterns):
            if self._hooked[pid] or not (pat.score > 0 and pat.score >= pat.threshold):
                continue
            if len(pat.source) < _DECIDE_MIN_CHARS or not self._joinable[pid]:
                continue
            try:
                if _sre_parse.parse(pat.vetted.pattern, pat.vetted.flags).getwidth()[0] == 0:
                    continue
            except Exception:
                continue
            out.append(pid)
        return out

    # -- introspection -------------------------------------------------------------------
    @property
    def uses_prefilter(self) -> bool:
        """Whether the Hyperscan pre-filter is active."""
        return self._prefilter is not None and self._prefilter.db is not None

    @property
    def fallback_recognizers(self) -> tuple[str, ...]:
        """Names of recognizers that run through Presidio itself (sorted)."""
        return tuple(sorted(str(getattr(r, "name", type(r).__name__)) for r in self._fallback))

    @property
    def entities(self) -> tuple[str, ...]:
        """Every entity this matcher can report (sorted)."""
        names = {p.entity for p in self._patterns} | set(self._fallback_entities)
        return tuple(sorted(names))

    @property
    def patterns(self) -> tuple[_ExactPattern, ...]:
        """The exact patterns, indexed by pattern id (as the pre-filter reports them)."""
        return self._patterns

    @property
    def joinable(self) -> tuple[bool, ...]:
        """Per pattern id: whether it is confirmed over a column's values joined in one call."""
        return self._joinable

    # -- matching ------------------------------------------------------------------------
    def _score(self, pat: _ExactPattern, text: str) -> float:
        rec = pat.recognizer
        if not self._cache_scores[rec]:
            verdict = self._verdict(rec, text)
            return verdict if verdict >= 0 else pat.score
        key = (rec, text)
        cached = self._score_cache.get(key)
        if cached is not None:
            return cached if cached >= 0 else pat.score
        verdict = self._verdict(rec, text)
        if len(self._score_cache) >= self.score_cache_size:
            self._score_cache.clear()
        self._score_cache[key] = verdict
        return verdict if verdict >= 0 else pat.score

    def _verdict(self, rec: int, text: str) -> float:
        """1.0 / 0.0 when the hooks decide the score of a match, -1.0 when they do not."""
        verdict = -1.0
        validate = self._validators[rec]
        if validate is not None:
            result = validate(text)
            if result is not None:
                verdict = 1.0 if result else 0.0
        invalidate = self._invalidators[rec]
        if invalidate is not None and invalidate(text):
            verdict = 0.0
        return verdict

    def _exact(self, value: str, pids: Iterable[int], code: int = 0) -> int:
        """Presidio's pattern loop for the patterns ``pids`` on one value: the outcome code
        (``code`` OR what the patterns find; ``_outcome`` turns it into matches).

        A validator is only consulted when its answer can change the outcome: a match that
        does not cover the value is irrelevant once the entity is already found, and nothing
        is left to learn once it is found covering the whole value (validators are pure).

        Most values settle on a pattern's first match (``search`` is the first match
        ``finditer`` yields): every later match starts at or after its end, so once that end
        is past the leading whitespace no later match can cover the value. Only when later
        matches could still change the outcome does the full loop (``_exact_loop``) run.
        """
        patterns = self._patterns
        hooked = self._hooked
        bits = self._bits
        score_of = self._score
        begin = len(value) - len(value.lstrip())
        stop = len(value.rstrip())
        for pid in pids:
            pat = patterns[pid]
            found_bit, whole_bits = bits[pid]
            if code & whole_bits == whole_bits:
                continue
            m = pat.compiled.search(value)
            if m is None:
                continue
            start, end = m.span()
            if start == end or end <= begin:
                code = self._exact_loop(value, pid, code, begin, stop)
                continue
            covering = start <= begin and end >= stop
            if not covering and code & found_bit:
                continue  # found already, and no later match can cover the value
            score = score_of(pat, value[start:end]) if hooked[pid] else pat.score
            if score <= 0 or score < pat.threshold:
                # A later match may still count (not covering); none exists after a match
                # that ends the value (a later one starts at or after this one's end).
                if not code & found_bit and end < len(value):
                    code = self._exact_loop(value, pid, code, begin, stop)
                continue
            code |= whole_bits if covering else found_bit
        return code

    def _outcome(self, code: int) -> Matches:
        """The matches an outcome code stands for, entities in name order (one shared,
        read-only dict per code)."""
        out = self._outcomes.get(code)
        if out is None:
            out = {
                entity: bool(code >> (2 * k + 1) & 1)
                for k, entity in enumerate(self._code_entities)
                if code >> (2 * k) & 1
            }
            if len(self._outcomes) < 4096:  # a column has few outcomes; stay bounded anyway
                self._outcomes[code] = out
        return out

    def _verdicts_many(self, rec: int, texts: Sequence[str]) -> list[float]:
        """``[self._verdict(rec, t) for t in texts]``, with the hooks' batch twins."""
        verdicts = [-1.0] * len(texts)
        validate = self._validators[rec]
        if validate is not None:
            many = self._validators_many[rec]
            results = many(texts) if many is not None else list(map(validate, texts))
            verdicts = [-1.0 if r is None else (1.0 if r else 0.0) for r in results]
        invalidate = self._invalidators[rec]
        if invalidate is not None:
            many = self._invalidators_many[rec]
            results = many(texts) if many is not None else list(map(invalidate, texts))
            verdicts = [0.0 if r else v for v, r in zip(verdicts, results, strict=True)]
        return verdicts

    def _bulk(
        self, values: Sequence[str], idx: Sequence[int], pid: int, found_of: dict[int, int]
    ) -> list[int]:
        """Confirm pattern ``pid`` over the values ``idx`` joined with newlines, in one call.

        The joined text is run through ``subn``: when every value is wholly consumed by
        exactly one match and no newline is consumed (``n`` matches, ``n - 1`` newlines
        left), each value's first match is the whole value, as ``search`` on the value alone
        would find it (``joinable``). Those values are settled here, their texts validated
        together (``detect.batch``). A run that fails is halved while few characters were
        left unmatched; the values of the smallest failing parts are returned for the
        value-by-value loop.
        """
        subn = self._patterns[pid].vetted.subn
        left = [i for i in idx if not values[i]]  # an empty value is never joined
        todo = [i for i in idx if values[i]] if left else list(idx)
        # A probe first: a pattern that does not cover most of a column's values (a URL
        # pattern over e-mail addresses) would only be run twice.
        pending = [todo[_BULK_MIN:], todo[:_BULK_MIN]]
        probe = True
        while pending:
            part = pending.pop()
            if not part:
                continue
            texts = [values[i] for i in part]
            joined = "\n".join(texts)
            rest, count = subn("", joined)
            n = len(part)
            if count == n and len(rest) == n - 1 and rest.count("\n") == n - 1:
                self._settle_covered(pid, part, texts, found_of)
                probe = False
                continue
            # Mostly matched: halve to isolate the values that are not; else one by one.
            mostly = (len(rest) - rest.count("\n")) * 4 <= len(joined) - (n - 1)
            if probe and not mostly:
                left.extend(part)
                for rest_part in pending:
                    left.extend(rest_part)
                return left
            probe = False
            if n >= 2 * _BULK_MIN and mostly:
                half = n // 2
                pending.append(part[half:])
                pending.append(part[:half])
            else:
                left.extend(part)
        return left

    def _settle_covered(
        self, pid: int, part: Sequence[int], texts: Sequence[str], found: dict[int, int]
    ) -> None:
        """Record pattern ``pid``'s entity as covering each value of ``part`` whose score
        counts (``texts``: those values, each its own whole match; ``found``: outcome codes)."""
        pat = self._patterns[pid]
        threshold = pat.threshold
        if self._hooked[pid]:
            scores = self._scores_many(pat, texts)
            counted = [i for i, sc in zip(part, scores, strict=True) if sc > 0 and sc >= threshold]
        elif pat.score > 0 and pat.score >= threshold:
            counted = list(part)
        else:
            return
        whole_bits = self._bits[pid][1]
        get = found.get
        found.update(zip(counted, [get(i, 0) | whole_bits for i in counted], strict=True))

    def _scores_many(self, pat: _ExactPattern, texts: Sequence[str]) -> list[float]:
        """``[self._score(pat, t) for t in texts]``."""
        rec = pat.recognizer
        if self._cache_scores[rec]:
            return [self._score(pat, t) for t in texts]
        base = pat.score
        return [v if v >= 0 else base for v in self._verdicts_many(rec, texts)]

    @staticmethod
    def _decide(
        todo: Sequence[int],
        found_bit: int,
        exists: Collection[int],
        coverable: Collection[int],
        found_of: dict[int, int],
    ) -> list[int]:
        """Settle the values no match can cover: the entity found, not whole, when a match
        exists (``found_bit``: the entity's bit in the outcome codes ``found_of``).

        Returns the values left for the regex (those a match could cover).
        """
        left = []
        get = found_of.get
        for i in todo:
            if i in coverable:
                left.append(i)
            elif i in exists:
                found_of[i] = get(i, 0) | found_bit
        return left

    def _exact_by_pattern(
        self,
        values: Sequence[str],
        by_pattern: Mapping[int, Sequence[int]],
        decided: Mapping[int, tuple[Collection[int], Collection[int]]] | None = None,
    ) -> dict[int, int]:
        """``_exact`` turned inside out: each pattern over the values that may match it.

        ``by_pattern`` maps a pattern to indexes into ``values``; the result maps an index to
        its outcome code (values without any match are absent; ``_outcome`` gives the
        matches). A value's outcome per entity does not depend on the order in which its
        patterns are tried (absent < found < covering), so running pattern by pattern gives
        what ``_exact`` gives value by value, with the per-pattern work (lookups, hooks,
        thresholds) done once per pattern instead of once per value. ``decided`` maps a
        pattern to the values where it has a match and where one could cover the value
        (``_Prefilter``'s existence expressions).
        """
        found_of: dict[int, int] = {}
        get = found_of.get
        seen: set[str] = set()
        for pid in sorted(by_pattern):
            pat = self._patterns[pid]
            entity = pat.entity
            fresh = entity not in seen  # the entity's first pattern: no value has it yet
            seen.add(entity)
            found_bit, whole_bits = self._bits[pid]
            search = pat.vetted.search
            base_score = pat.score
            threshold = pat.threshold
            rec = pat.recognizer
            hooked = self._hooked[pid]
            cached = self._cache_scores[rec]
            todo: Sequence[int] = by_pattern[pid]
            if not fresh:
                todo = [i for i in todo if get(i, 0) & whole_bits != whole_bits]
            if decided and pid in decided:
                todo = self._decide(todo, found_bit, *decided[pid], found_of)
            if self._joinable[pid] and len(todo) >= _BULK_MIN:
                todo = self._bulk(values, todo, pid, found_of)
            for i in todo:
                value = values[i]
                code = 0 if fresh else get(i, 0)
                if code & whole_bits == whole_bits:
                    continue
                m = search(value)
                if m is None:
                    continue
                start, end = m.span()
                size = len(value)
                if start == 0 and end == size:
                    begin, stop = 0, size  # covers the value, whitespace or not
                else:
                    begin = size - len(value.lstrip())
                    stop = len(value.rstrip())
                if start == end or end <= begin:
                    found_of[i] = self._exact_loop(value, pid, get(i, 0), begin, stop)
                    continue
                covering = start <= begin and end >= stop
                if not covering and code & found_bit:
                    continue  # found already, and no later match can cover the value
                score = base_score
                if hooked:
                    text = value[start:end]
                    if cached:
                        score = self._score(pat, text)
                    else:
                        verdict = self._verdict(rec, text)
                        if verdict >= 0:
                            score = verdict
                if score <= 0 or score < threshold:
                    # A later match may still count (not covering); none exists after a
                    # match that ends the value.
                    if not code & found_bit and end < size:
                        found_of[i] = self._exact_loop(value, pid, get(i, 0), begin, stop)
                    continue
                found_of[i] = get(i, 0) | (whole_bits if covering else found_bit)
        return {i: code for i, code in found_of.items() if code}

    def _exact_loop(self, value: str, pid: int, code: int, begin: int, stop: int) -> int:
        """Presidio's pattern loop for one pattern over every match (the reference path):
        ``code`` with what the pattern finds in ``value`` added."""
        pat = self._patterns[pid]
        found_bit, whole_bits = self._bits[pid]
        if code & whole_bits == whole_bits:
            return code
        hooked = self._hooked[pid]
        for m in pat.compiled.finditer(value):
            start, end = m.span()
            if start == end:
                continue
            covering = start <= begin and end >= stop
            if not covering and code & found_bit:
                if start > begin:
                    break  # later matches start later still: none can cover the value
                continue
            score = self._score(pat, value[start:end]) if hooked else pat.score
            if score <= 0 or score < pat.threshold:
                continue
            if covering:
                return code | whole_bits
            code |= found_bit
        return code

    def _fallback_matches(self, value: str, out: Matches) -> None:
        if self._analyzer is None:
            engine: Any = importlib.import_module("dataflow.detect.engine")
            self._analyzer = engine.build_analyzer(self._fallback)
        results = self._analyzer.analyze(
            text=value, language=self.language, entities=self._fallback_entities
        )
        for res in results:
            if res.score <= 0:
                continue
            covered = covers_whole(value, res.start, res.end)
            out[res.entity_type] = out.get(res.entity_type, False) or covered

    def _pattern_codes(self, values: Sequence[str]) -> list[int]:
        """The outcome code of each value over the exact patterns (values not blank, or
        ``""``)."""
        codes = [0] * len(values)
        if not self._patterns:
            return codes
        pre = self._prefilter
        if pre is None or pre.db is None:
            return [self._exact(value, self._all_pids) for value in values]
        joined = "\n".join(values)
        if _UNVETTED_OR_NEWLINE.search(joined) is None and joined.count("\n") == len(values) - 1:
            vetted_idx = list(range(len(values)))  # the common case: one search
        else:
            vetted_idx = []
            for i, value in enumerate(values):
                if _UNVETTED.search(value) is None:
                    vetted_idx.append(i)
                else:
                    codes[i] = self._exact(value, self._all_pids)
        every = len(vetted_idx) == len(values)
        vetted = values if every else [values[i] for i in vetted_idx]
        hits = pre.values_by_pattern(vetted)
        size = pre.size
        by_pattern = {pid: idx for pid, idx in hits.items() if pid < size}
        # A decided pattern's values: those its existence expressions report.
        decided = {}
        for pid in pre.decided:
            exists = set(hits.get(pid + size, ()))
            coverable = set(hits.get(pid + 2 * size, ()))
            if exists or coverable:
                by_pattern[pid] = sorted(exists | coverable)
                decided[pid] = (exists, coverable)
        for pid in pre.always:
            by_pattern[pid] = range(len(vetted))
        exact = self._exact_by_pattern(vetted, by_pattern, decided)
        if every:
            return list(map(exact.get, range(len(values)), itertools.repeat(0)))
        for k, code in exact.items():
            codes[vetted_idx[k]] = code
        return codes

    def _prepared(self, values: Sequence[str], clean: bool) -> Sequence[str]:
        refresh_today()
        if clean:
            return values
        # value_matches gives {} for a blank value without asking Presidio.
        return [v if v.strip() else "" for v in values]

    def match_distinct(self, values: Sequence[str], *, clean: bool = False) -> list[Matches]:
        """Matches for values that are already distinct (no de-duplication).

        ``clean``: the caller guarantees that no value is blank (as the full scan's cleaned
        values are), which saves a pass over them. Values with the same matches may share
        one dict: treat the results as read-only (``match`` returns independent copies).
        """
        values = self._prepared(values, clean)
        results = list(map(self._outcome, self._pattern_codes(values)))
        if not self._fallback:
            return results
        for i, value in enumerate(values):
            if value:
                found = dict(results[i])
                self._fallback_matches(value, found)
                if found:
                    results[i] = dict(sorted(found.items()))
        return results

    def match_coded(
        self, values: Sequence[str], *, clean: bool = False
    ) -> tuple[Sequence[Hashable], Callable[[Any], Matches]]:
        """``match_distinct`` as (a key per value, key -> matches): values with the same
        matches have the same key, so a caller can count outcomes without looking at them."""
        if self._fallback:
            found = self.match_distinct(values, clean=clean)
            table = {id(f): f for f in found}
            return [id(f) for f in found], table.__getitem__
        return self._pattern_codes(self._prepared(values, clean)), self._outcome

    def match(self, values: Sequence[str]) -> list[Matches]:
        """For each value, ``{entity: covers_whole_value}`` as ``value_matches`` gives it."""
        index: dict[str, int] = {}
        order: list[int] = []
        distinct: list[str] = []
        for value in values:
            slot = index.get(value)
            if slot is None:
                slot = index[value] = len(distinct)
                distinct.append(value)
            order.append(slot)
        found = self.match_distinct(distinct)
        return [dict(found[slot]) for slot in order]

    def match_columns(
        self, columns: Mapping[str, Sequence[str]], *, processes: int = 1
    ) -> dict[str, list[Matches]]:
        """``match`` for several columns, on ``processes`` worker processes when > 1."""
        names = sorted(columns)
        if processes <= 1 or len(names) < 2 or not _fork_available():
            return {name: self.match(columns[name]) for name in names}
        import multiprocessing

        global _WORKER_MATCHER
        _WORKER_MATCHER = self
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(processes) as pool:
            found = pool.map(_match_in_worker, [columns[name] for name in names], chunksize=1)
        _WORKER_MATCHER = None
        return dict(zip(names, found, strict=True))


_WORKER_MATCHER: FastMatcher | None = None


def _fork_available() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _match_in_worker(values: Sequence[str]) -> list[Matches]:
    assert _WORKER_MATCHER is not None
    return _WORKER_MATCHER.match(values)
