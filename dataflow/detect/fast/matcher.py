"""``FastMatcher``: Presidio's pattern loop over a column's distinct values, confirmed pattern by
pattern after the pre-filter."""

from __future__ import annotations

import importlib
import itertools
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from typing import Any

from dataflow.detect.fast.common import (
    BULK_MIN,
    DECIDE_MIN_CHARS,
    NO_MATCH,
    UNVETTED,
    ExactPattern,
    Matches,
    covers_whole,
    plain_pattern_recognizer,
    vetted_buffer,
)
from dataflow.detect.fast.hooks import batch_form, own_hooks, shortcut_hooks
from dataflow.detect.fast.patterns import exact_patterns
from dataflow.detect.fast.prefilter import Prefilter
from dataflow.detect.fast.shortcuts import refresh_today
from dataflow.detect.fast.translate import joinable, parse_tree


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
        self.language = language
        self._recognizers = [
            r for r in recognizers if getattr(r, "supported_language", language) == language
        ]
        self._analyzer = analyzer
        self._fallback = [r for r in self._recognizers if not plain_pattern_recognizer(r)]
        self._patterns = exact_patterns(self._recognizers, score_threshold)
        # Outcome codes: the k-th entity (in name order) sets bit 2k when found and bits 2k
        # and 2k + 1 when a match covers the value. OR-ing codes keeps the better outcome per
        # entity (absent < found < covering), as merging Presidio's results does.
        names = sorted({p.entity for p in self._patterns})
        self._code_entities = tuple(names)
        shift = {entity: 2 * k for k, entity in enumerate(names)}
        self._bits = tuple((1 << shift[p.entity], 3 << shift[p.entity]) for p in self._patterns)
        self._outcomes: dict[int, Matches] = {0: NO_MATCH}
        self._set_hooks(shortcuts)
        self._joinable = tuple(joinable(p.vetted) for p in self._patterns)
        self._fallback_entities = sorted(
            {e for rec in self._fallback for e in rec.supported_entities}
        )
        self._prefilter: Prefilter | None = None
        if prefilter and self._patterns:
            try:
                self._prefilter = Prefilter(self._patterns, self._decidable())
            except ImportError:
                self._prefilter = None
        self._all_pids = tuple(range(len(self._patterns)))

    def _set_hooks(self, shortcuts: bool) -> None:
        """Each recognizer's validate and invalidate hooks (the shortcuts when ``shortcuts``),
        their batch forms, and which patterns and recognizers need them."""
        self._validators: list[Callable[[str], Any] | None] = []
        self._invalidators: list[Callable[[str], Any] | None] = []
        for rec in self._recognizers:
            validate = invalidate = None
            if plain_pattern_recognizer(rec):
                validate, invalidate = shortcut_hooks(rec) if shortcuts else own_hooks(rec)
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
        # Batch twins of the hooks (detect.fast.batch), for the joined-text confirmation.
        self._validators_many = [batch_form(h) for h in self._validators]
        self._invalidators_many = [batch_form(h) for h in self._invalidators]

    def _decidable(self) -> list[int]:
        """Patterns whose outcome on a value follows from whether it has a match at all and
        whether one could cover it: no hooks, a score that counts, joinable (no anchors), no
        empty match, and long (a long alternation, such as the URL patterns' list of
        top-level domains, is what makes a regex search slow)."""
        out = []
        for pid, pat in enumerate(self._patterns):
            if self._hooked[pid] or not (pat.score > 0 and pat.score >= pat.threshold):
                continue
            if len(pat.source) < DECIDE_MIN_CHARS or not self._joinable[pid]:
                continue
            try:
                if parse_tree(pat.vetted.pattern, pat.vetted.flags).getwidth()[0] == 0:
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
    def prefilter(self) -> Prefilter | None:
        """The Hyperscan pre-filter (``None`` when the matcher was built without one)."""
        return self._prefilter

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
    def patterns(self) -> tuple[ExactPattern, ...]:
        """The exact patterns, indexed by pattern id (as the pre-filter reports them)."""
        return self._patterns

    @property
    def joinable(self) -> tuple[bool, ...]:
        """Per pattern id: whether it is confirmed over a column's values joined in one call."""
        return self._joinable

    # -- matching ------------------------------------------------------------------------
    def warm_up(self) -> None:
        """Build now what matching builds on first use: the regular expressions compiled when
        first needed, the validators' tables, the e-mail validator's public-suffix list (about
        0.1 s of CPU). The full scan calls this before it forks its workers, which then inherit
        it instead of each building it again.

        It matches one value per pattern that the pattern itself matches (the pre-filter's
        self-test probes); the caches it fills hold pure results, so later answers are the same.
        """
        pre = self._prefilter
        probes = pre.probes if pre is not None else ()
        values = list(dict.fromkeys(v for found in probes for v in found[:1]))
        if values:
            self.match_distinct(values)

    def _score(self, pat: ExactPattern, text: str) -> float:
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
            needs = pat.needs
            if needs and not all(ch in value for ch in needs):
                continue  # no match can exist
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

    def _bulk(
        self,
        values: Sequence[str],
        idx: Sequence[int],
        pid: int,
        found_of: dict[int, int],
        blank: bool = True,
    ) -> list[int]:
        """Confirm pattern ``pid`` over the values ``idx`` joined with newlines, in one call.

        The joined text is run through ``subn``: when every value is wholly consumed by
        exactly one match and no newline is consumed (``n`` matches, ``n - 1`` newlines
        left), each value's first match is the whole value, as ``search`` on the value alone
        would find it (``joinable``). Those values are settled here, their texts validated
        together (``detect.fast.batch``). A run that fails is halved while few characters were
        left unmatched; the values of the smallest failing parts are returned for the
        value-by-value loop. ``blank``: whether ``values`` may hold an empty string
        (``False`` saves a pass over ``idx``).
        """
        subn = self._patterns[pid].vetted.subn
        # An empty value is never joined.
        left = [i for i in idx if not values[i]] if blank else []
        todo = [i for i in idx if values[i]] if left else list(idx)
        # A probe first: a pattern that does not cover most of a column's values (a URL
        # pattern over e-mail addresses) would only be run twice.
        pending = [todo[BULK_MIN:], todo[:BULK_MIN]]
        probe = True
        while pending:
            part = pending.pop()
            if not part:
                continue
            texts = _picked(values, part)
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
            if n >= 2 * BULK_MIN and mostly:
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
        if self._hooked[pid]:
            counted = list(itertools.compress(part, self._counted_many(pat, texts)))
        elif pat.score > 0 and pat.score >= pat.threshold:
            counted = list(part)
        else:
            return
        whole_bits = self._bits[pid][1]
        if found.keys().isdisjoint(counted):  # the values' first entity: nothing to OR with
            found.update(dict.fromkeys(counted, whole_bits))
            return
        get = found.get
        found.update(zip(counted, [get(i, 0) | whole_bits for i in counted], strict=True))

    def _counted_many(self, pat: ExactPattern, texts: Sequence[str]) -> list[Any]:
        """For each text, whether ``self._score(pat, text)`` counts (above 0 and at least the
        threshold), with the hooks' batch twins: a validator's True scores 1.0, its False
        (or an invalidator's True) 0.0, its None the pattern's own score."""
        rec = pat.recognizer
        threshold = pat.threshold
        if self._cache_scores[rec]:
            scores = [self._score(pat, t) for t in texts]
            return [s > 0 and s >= threshold for s in scores]
        own = pat.score > 0 and pat.score >= threshold
        ok: list[Any] = [own] * len(texts)
        validate = self._validators[rec]
        if validate is not None:
            many = self._validators_many[rec]
            results = many(texts) if many is not None else list(map(validate, texts))
            ok = _counted(results, threshold <= 1.0, own)
        invalidate = self._invalidators[rec]
        if invalidate is not None:
            many = self._invalidators_many[rec]
            results = many(texts) if many is not None else list(map(invalidate, texts))
            if any(results):
                ok = [k and not r for k, r in zip(ok, results, strict=True)]
        return ok

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
        its outcome code (values without any match are absent or 0; ``_outcome`` gives the
        matches). A value's outcome per entity does not depend on the order in which its
        patterns are tried (absent < found < covering), so running pattern by pattern gives
        what ``_exact`` gives value by value, with the per-pattern work (lookups, hooks,
        thresholds) done once per pattern instead of once per value. ``decided`` maps a
        pattern to the values where it has a match and where one could cover the value
        (``Prefilter``'s existence expressions).
        """
        found_of: dict[int, int] = {}
        get = found_of.get
        seen: set[str] = set()
        blank: bool | None = None  # whether some value is empty, found out when first needed
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
            if self._joinable[pid] and len(todo) >= BULK_MIN:
                if blank is None:
                    blank = "" in values
                todo = self._bulk(values, todo, pid, found_of, blank)
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
        return found_of

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
        # The buffer Hyperscan scans, made once: None unless every value is vetted.
        buffer = vetted_buffer(joined)
        if buffer is not None and joined.count("\n") == len(values) - 1:
            vetted_idx = list(range(len(values)))  # the common case: one search
        else:
            buffer = None
            vetted_idx = []
            for i, value in enumerate(values):
                if UNVETTED.search(value) is None:
                    vetted_idx.append(i)
                else:
                    codes[i] = self._exact(value, self._all_pids)
        every = len(vetted_idx) == len(values)
        vetted = values if every else [values[i] for i in vetted_idx]
        if every and buffer is None:
            buffer = joined.encode("utf-8")
        hits = pre.values_by_pattern(vetted, buffer)
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


def _picked(values: Sequence[str], idx: Sequence[int]) -> Sequence[str]:
    """``[values[i] for i in idx]`` for sorted, distinct indexes; a slice when they run
    without a gap (as they do where a pattern is a candidate for every value of a column)."""
    if idx and idx[-1] - idx[0] == len(idx) - 1:
        return values[idx[0] : idx[-1] + 1]
    return [values[i] for i in idx]


def _counted(results: Sequence[Any], validated: bool, own: bool) -> list[Any]:
    """Whether each validator answer lets a match count: a true answer when ``validated``
    (a score of 1.0 counts), a false one never, ``None`` when ``own`` (the pattern's score
    counts)."""
    table = {True: validated, False: False, None: own}
    try:
        ok = list(map(table.get, results))
    except TypeError:  # an unhashable answer: judge every one by its truth
        ok = [None] * len(results)
    if None in ok:
        ok = [own if r is None else (validated if r else False) for r in results]
    return ok
