"""The Hyperscan pre-filter: the cached pattern database, its self-test probes, the existence
expressions of long patterns and the grouping of hits by value."""

from __future__ import annotations

import array
import bisect
import contextlib
import hashlib
import itertools
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from dataflow.detect.fast.common import (
    DB_LAYOUT,
    FLAG_DOTALL,
    FLAG_IGNORECASE,
    SUPPORTED_FLAGS,
    ExactPattern,
    numpy_or_none,
)
from dataflow.detect.fast.translate import (
    LEADING_GUARD,
    TRAILING_GUARD,
    atom_end,
    hyperscan_expression,
    parse_tree,
    required_part,
)
from dataflow.errors import DataflowError
from dataflow.paths import cache_dir, private


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


def probe_values(pat: ExactPattern) -> tuple[str, ...]:
    """A few values the pattern matches, built from its own parse tree and checked against
    it: what a pattern database holding the pattern must report (``Prefilter._self_test``)."""
    try:
        tree = parse_tree(pat.vetted.pattern, pat.vetted.flags)
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
            end = atom_end(expr, i)
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
    bare = TRAILING_GUARD.sub("", LEADING_GUARD.sub("", source, count=1), count=1)
    loose = hyperscan_expression(bare)
    if exact is None or loose is None:
        return None
    exact = required_part(exact)
    if not _newline_safe(exact):
        return None
    # A coverable match that runs on into the next value only adds regex work there.
    return exact, "^[\\t ]*(?:" + loose + ")[\\t ]*$"


class Prefilter:
    """A Hyperscan prefilter database over the exact patterns that it can express.

    Pattern ``pid`` reports as ``pid``. For the patterns in ``decided`` (no hooks, fixed
    score, see ``FastMatcher``) two expressions report instead, as ``pid + n`` (a real match
    exists in the value) and ``pid + 2n`` (a match could cover the value): a value that has
    the first and not the second holds the entity, not as its whole value, without any
    regex run. A pattern is decided only when both compile; its own expression is then left
    out (the two report every value it could), which saves a match report per value.
    """

    def __init__(self, patterns: Sequence[ExactPattern], decided: Iterable[int] = ()) -> None:
        import hyperscan

        self._hs = hyperscan
        base = hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP
        base |= hyperscan.HS_FLAG_MULTILINE
        candidates: list[tuple[int, bytes, int]] = []
        always: list[int] = []
        for pid, pat in enumerate(patterns):
            expr = hyperscan_expression(pat.source)
            if expr is None or pat.flags & ~SUPPORTED_FLAGS:
                always.append(pid)
                continue
            expr = required_part(expr)
            candidates.append((pid, expr.encode("utf-8"), self._flags(pat, base)))
        n = len(patterns)
        extra: list[int] = []
        for pid in sorted(set(decided)):
            pat = patterns[pid]
            pair = existence_expressions(pat.source)
            if pair is None or pid in always or pat.flags & ~SUPPORTED_FLAGS:
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

    @property
    def probes(self) -> tuple[tuple[str, ...], ...]:
        """Per pattern id, a few values the pattern matches (``probe_values``)."""
        return tuple(self._probes)

    def _flags(self, pat: ExactPattern, base: int) -> int:
        """``base`` plus the Hyperscan flags for the pattern's own (case, dot-all)."""
        flags = base
        if pat.flags & FLAG_IGNORECASE:
            flags |= self._hs.HS_FLAG_CASELESS
        if pat.flags & FLAG_DOTALL:
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
        digest.update(f"\0layout {DB_LAYOUT}".encode())
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

    def _scan(
        self, values: Sequence[str], buffer: bytes | None = None
    ) -> tuple[bytes, array.array[int]]:
        """Scan the newline-joined values once: (the buffer, match codes end * npat + id).
        ``buffer``: the values joined with newlines and encoded in UTF-8 already, when the
        caller has them."""
        if self._scratch is None or self._scratch_pid != os.getpid():
            self._scratch = self._hs.Scratch(self.db)
            self._scratch_pid = os.getpid()
        if buffer is None:
            buffer = "\n".join(values).encode("utf-8")
        # Match codes go straight into a C array of 64-bit integers, which numpy reads in
        # place (``_lines_and_ids``); a list would be converted element by element.
        hits = array.array("q")
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
        np = numpy_or_none()
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

    def values_by_pattern(
        self, values: Sequence[str], buffer: bytes | None = None
    ) -> dict[int, Sequence[int]]:
        """Reported id -> sorted indexes of the values it was reported for (``buffer``: the
        values joined with newlines in UTF-8, when the caller has them).

        A ``decided`` pattern reports under the ids of its existence expressions only
        (``pid + size``: a match exists, ``pid + 2 * size``: one could cover the value);
        ``candidates`` counts both as the pattern's.
        """
        if self.db is None or not values:
            return {}
        buffer, hits = self._scan(values, buffer)
        if not hits:
            return {}
        np = numpy_or_none()
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

    def _lines_and_ids(self, np: Any, hits: Sequence[int], buffer: bytes) -> tuple[Any, Any]:
        """Match codes (``end * npat + id``) as arrays of (value index, pattern id); a pair
        may repeat."""
        npat = self.npat
        codes = (
            np.frombuffer(hits, dtype=np.int64)
            if isinstance(hits, array.array)
            else np.array(hits, dtype=np.int64)
        )
        # A value ends at its newline (the last one at the end of the buffer); a match
        # belongs to the first value whose end is at or after the match's end.
        newlines = np.flatnonzero(np.frombuffer(buffer, dtype=np.uint8) == 10)
        to = codes // npat
        return np.searchsorted(newlines, to, side="left"), codes - to * npat

    def _group_arrays(self, np: Any, hits: Sequence[int], buffer: bytes) -> dict[int, set[int]]:
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
