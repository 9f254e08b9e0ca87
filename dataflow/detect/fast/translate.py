"""Regular expressions translated for Hyperscan and the stdlib ``re`` engine: the vetted classes,
the edge guards, the required part of a pattern, the stdlib twin and whether a pattern can run
over newline-joined text."""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

# String anchors (\A, \Z, \z, \G), which a buffer of joined values would change.
STRING_ANCHORS = frozenset("AZzG")

# The classes restricted to vetted characters (tests/detect/test_fast_prefilter.py checks them). On
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
LEADING_GUARD = re.compile(r"\(\?<!\[((?:\\.|[^\]\\^])(?:\\.|[^\]\\])*)\]\)")
TRAILING_GUARD = re.compile(r"\(\?!\[((?:\\.|[^\]\\^])(?:\\.|[^\]\\])*)\]\)$")


def _guards_as_consumers(source: str) -> str:
    """Rewrite edge look-arounds that Hyperscan's prefilter mode would drop.

    ``(?<![C])X`` becomes ``(?:^|[^C\\n])X`` and ``X(?![C])`` becomes ``X(?:[^C\\n]|$)``. In a
    buffer of newline-joined values (multi-line ``^`` and ``$``) every value where the original
    matches still matches, and the reported match end stays inside that value (at most one
    character later, never past its newline). Without the rewrite the prefilter also reports
    a 15-digit IMEI inside every longer run of digits.
    """
    lead = LEADING_GUARD.match(source)
    if lead is not None:
        source = "(?:^|[^" + lead.group(1) + "\\n])" + source[lead.end() :]
    trail = TRAILING_GUARD.search(source)
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
    exact existence expressions, :class:`Prefilter`).
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
        if nxt in STRING_ANCHORS:
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


_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d+(?:,\d*)?\})[?+]?")


def atom_end(expr: str, i: int) -> int:
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
                j = atom_end(expr, j)
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
            end = atom_end(expr, i)
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
    ``\s``, ``\b`` and case; tests/detect/test_fast_prefilter.py checks every vetted character),
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
    sre_parse: Any = importlib.import_module("re._parser")  # Python >= 3.11
except ImportError:  # pragma: no cover - Python 3.10
    sre_parse = importlib.import_module("sre_parse")


@functools.lru_cache(maxsize=256)
def parse_tree(source: str, flags: int) -> Any:
    """sre's parse tree of a pattern, parsed once per process (read-only to its users)."""
    return sre_parse.parse(source, flags)


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
        tree = parse_tree(pattern.pattern, pattern.flags)
    except Exception:
        return False
    return _joinable_tree(tree)


_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


def _needed(tree: Iterable[tuple[Any, Any]], caseless: bool) -> set[str]:
    """Characters every match of the parsed sequence ``tree`` contains (a subset of them)."""
    out: set[str] = set()
    for op, av in tree:
        name = str(op)
        if name == "LITERAL":
            ch = chr(av)
            # Under IGNORECASE a letter also matches its case variants (some outside ASCII);
            # digits and ASCII punctuation have none.
            if not caseless or (ch.isascii() and not ch.isalpha()):
                out.add(ch)
        elif name == "SUBPATTERN" and not av[1] and not av[2]:  # no inline flags
            out |= _needed(av[3], caseless)
        elif name == "ATOMIC_GROUP":
            out |= _needed(av, caseless)
        elif name in _REPEATS and av[0] >= 1:
            out |= _needed(av[2], caseless)
        elif name == "BRANCH":
            sets = [_needed(alt, caseless) for alt in av[1]]
            out |= set.intersection(*sets) if sets else set()
    return out


def needed_chars(pattern: Any) -> frozenset[str]:
    """Characters every match of a stdlib ``re`` pattern contains: a value missing one has no
    match, so the pattern need not run (nor be compiled) on it. Empty when unknown.

    Only for patterns ``stdlib_twin`` accepted (``re`` reads them as ``regex`` does), so the
    characters hold for the ``regex`` engine too.
    """
    if not isinstance(pattern, re.Pattern):
        return frozenset()
    try:
        tree = parse_tree(pattern.pattern, pattern.flags)
    except Exception:
        return frozenset()
    return frozenset(_needed(tree, bool(pattern.flags & re.IGNORECASE)))
