"""Per-column tallies of sampled or streamed values, and the column verdict they give.

:class:`ColumnTally` counts, per entity, the values a column holds wholly or inside text and
keeps a couple of masked examples; ``ColumnTally.verdict`` turns the counts into a
:class:`ContentVerdict` under :class:`ContentOptions`. ``detect.content`` explains the
thresholds; the sampled scan and the full scan (``detect.full``) share these classes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dataflow.detect.masking import mask
from dataflow.detect.normalise import PLACEHOLDER_VALUES as _PLACEHOLDERS
from dataflow.detect.normalise import mask_shape
from dataflow.model import Evidence

# Specific identifiers first; generic or weak ones last. Unknown entities come after these.
ENTITY_PRIORITY: tuple[str, ...] = (
    "MASKED_CN_RESIDENT_ID",
    "MASKED_CN_BANK_CARD",
    "MASKED_CN_MOBILE",
    "MASKED_EMAIL_ADDRESS",
    "MASKED_CN_PERSON_NAME",
    "HASHED_IDENTIFIER",
    "CN_SOCIAL_SECURITY_CARD",
    "CN_HMT_RESIDENCE_PERMIT",
    "CN_FOREIGN_PR_ID",
    "CN_RESIDENT_ID",
    "CN_USCC",
    "VIN",
    "CN_BANK_CARD",
    "IMEI",
    "CN_MOBILE",
    "CN_LANDLINE",
    "CN_PASSPORT",
    "CN_HK_MACAU_PERMIT",
    "CN_TAIWAN_PERMIT",
    "CN_TAIWAN_COMPATRIOT_PERMIT",
    "CN_IM_ACCOUNT",
    "CN_LICENSE_PLATE",
    "MAC_ADDRESS",
    "GEO_COORDINATE",
    "EMAIL_ADDRESS",
    "IP_ADDRESS",
    "CN_ADDRESS",
    "CN_PERSON_NAME",
    "LATIN_PERSON_NAME",
    "CREDIT_CARD",
    "URL",
)

KINDS = ("column", "contains", "none")
# ``deidentifies: NAMED``: a hash, of whatever the field name names.
_NAMED = "NAMED"


@dataclass(frozen=True, slots=True)
class ContentOptions:
    """Thresholds of the column verdict; see the module docstring for the reasons."""

    min_sample: int = 10
    column_threshold: float = 0.8
    context_column_threshold: float = 0.5
    candidate_threshold: float = 0.6
    candidate_factor: float = 0.9
    contains_threshold: float = 0.05
    contains_min_values: int = 3
    max_value_chars: int = 4096
    use_context: bool = True
    max_examples: int = 2
    # user recognizer files (``load_recognizers(extra_paths)``), for evidence and the matcher
    recognizer_files: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ContentVerdict:
    """What a column's sampled values say. ``entity`` is ``None`` when ``kind`` is ``none``.

    ``match_rate`` is the share of the ``sample_size`` distinct values that matched (wholly for
    ``column``, inside text for ``contains``). ``entities`` lists every entity counted towards
    a ``column`` verdict (more than one for a mixed column).
    """

    pointer: str
    entity: str | None
    match_rate: float
    sample_size: int
    kind: str
    confidence: float
    evidence: tuple[Evidence, ...] = ()
    entities: tuple[str, ...] = ()
    # the values are masked or hashed forms of ``entity`` (PIPL Art. 73(3): still PI)
    deidentified: bool = False


def _rank(entity: str) -> tuple[int, str]:
    try:
        return ENTITY_PRIORITY.index(entity), entity
    except ValueError:
        return len(ENTITY_PRIORITY), entity


_Info = Mapping[str, tuple[str, str | None, tuple[str, ...]]]


@lru_cache(maxsize=8)
def _entity_info(files: tuple[str, ...] = ()) -> dict[str, tuple[str, str | None, tuple[str, ...]]]:
    from dataflow.detect.recognizers import entity_info

    return {e: (i.recognizer, i.validator, i.context) for e, i in entity_info(files).items()}


@lru_cache(maxsize=8)
def _special(files: tuple[str, ...] = ()) -> dict[str, str]:
    """Masked entity -> the entity it de-identifies (``NAMED`` for a hash)."""
    from dataflow.detect.recognizers import entity_info

    return {e: i.deidentifies for e, i in entity_info(files).items() if i.deidentifies}


_ASCII_WORD = re.compile(r"[a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def context_supports(entity: str, context: str | None, files: Sequence[str] = ()) -> bool:
    """Whether a field name/comment contains one of ``entity``'s context words.

    English words must match whole words of the name (``tel`` is in ``contact_tel``, not in
    ``hotel``); Chinese words and pinyin initials match as substrings of the lower-cased text.
    """
    if not context:
        return False
    words = _entity_info(tuple(files)).get(entity, ("", None, ()))[2]
    split = _CAMEL.sub(" ", context).lower()
    tokens = " ".join(_ASCII_WORD.findall(split))
    padded = f" {tokens} "
    for word in words:
        w = word.lower()
        if w.isascii():
            if f" {' '.join(_ASCII_WORD.findall(w))} " in padded:
                return True
        elif w in split:
            return True
    return False


class ColumnTally:
    """Counts of one column's matches, plus a few masked examples; no raw value is kept."""

    def __init__(
        self,
        pointer: str,
        *,
        max_examples: int = 2,
        recognizer_files: Sequence[str] = (),
        context: str | None = None,
    ) -> None:
        self.pointer = pointer
        self.max_examples = max_examples
        self.total = 0
        self.whole_any = 0
        self.whole: Counter[str] = Counter()
        self.partial: Counter[str] = Counter()
        # whole matches found only once the value was normalised, per entity; and the steps
        self.normalised: Counter[str] = Counter()
        self.steps: Counter[str] = Counter()
        self.placeholders = 0
        self._whole_examples: dict[str, list[str]] = {}
        self._partial_examples: dict[str, list[str]] = {}
        files = tuple(recognizer_files)
        self._masks = _special(files)
        # a value that is wholly a mask is not also a clear value of what it masks
        self._shadows = tuple((m, b) for m, b in sorted(self._masks.items()) if b != _NAMED)
        # Recognizers that count only in a field named for them (a QQ number), when this is one.
        self._checks: dict[str, tuple[Any, ...]] = {}
        if context:
            from dataflow.detect.recognizers import context_checks

            self._checks = {
                e: patterns
                for e, patterns in context_checks(files).items()
                if context_supports(e, context, files)
            }

    def __repr__(self) -> str:
        return (
            f"ColumnTally(pointer={self.pointer!r}, total={self.total}, "
            f"whole={dict(sorted(self.whole.items()))}, "
            f"partial={dict(sorted(self.partial.items()))})"
        )

    def add(
        self,
        value: str,
        matches: Mapping[str, bool],
        *,
        steps: Sequence[str] = (),
        canonical: str | None = None,
        times: int = 1,
    ) -> None:
        """Count one distinct value and its matches (``{entity: whole}``); blanks are skipped,
        placeholders counted apart. ``canonical`` and ``steps``: the matches are those of the
        value's normalised form (``detect.normalise``), reached by those steps. ``times``: how
        often the value occurs (a full scan counts every occurrence; a sample, each distinct
        value once).
        """
        if not value.strip():
            return
        if value in _PLACEHOLDERS:
            self.placeholders += times
            return
        self.total += times
        if self._checks:
            matches = self._checked(canonical if canonical is not None else value, matches)
        matches = self._unshadowed(matches)
        if canonical is not None and matches:
            for step in steps:
                self.steps[step] += times
            self.normalised.update({e: times for e, whole in matches.items() if whole})
        if matches:
            self._count(canonical if canonical is not None else value, matches, times)

    def add_distinct(self, values: Sequence[str], found: Sequence[Mapping[str, bool]]) -> None:
        """``add`` for many values at once: ``values`` are distinct, stripped and non-empty
        (as ``detect.full.clean_value`` leaves them), ``found[i]`` the matches of ``values[i]``.
        """
        table = {id(matches): matches for matches in found}
        self.add_coded(values, [id(matches) for matches in found], table.__getitem__)

    def add_coded(
        self,
        values: Sequence[str],
        keys: Sequence[Hashable],
        outcome: Callable[[Any], Mapping[str, bool]],
        times: Sequence[int] | None = None,
    ) -> None:
        """``add_distinct`` with the matches given as a key per value (``outcome(key)``: the
        matches; equal keys, equal matches), as ``FastMatcher.match_coded`` hands them out.
        ``times[i]``: how often ``values[i]`` occurs (``None``: once each).

        Counts are taken per distinct key (a column has few), and values are only visited
        again while an example slot they could fill is still open.
        """
        if self._checks:
            for i, (value, key) in enumerate(zip(values, keys, strict=True)):
                self.add(value, outcome(key), times=times[i] if times is not None else 1)
            return
        if self._shadows:
            given = outcome

            def outcome(key: Any) -> Mapping[str, bool]:
                return self._unshadowed(given(key))

        if not _PLACEHOLDERS.isdisjoint(values):
            keep = [i for i, v in enumerate(values) if v not in _PLACEHOLDERS]
            dropped = sum(
                times[i] if times is not None else 1
                for i, v in enumerate(values)
                if v in _PLACEHOLDERS
            )
            self.placeholders += dropped
            values = [values[i] for i in keep]
            keys = [keys[i] for i in keep]
            times = [times[i] for i in keep] if times is not None else None
        # Count the keys, then their matches (different keys may stand for equal matches).
        per_key: Counter[Hashable] = Counter(keys)
        if times is not None and times.count(1) != len(times):  # some values occur more often
            for i in [i for i, n in enumerate(times) if n != 1]:
                per_key[keys[i]] += times[i] - 1
        self.total += sum(per_key.values())
        outcomes: Counter[tuple[tuple[str, bool], ...]] = Counter()
        for key, n in per_key.items():
            outcomes[tuple(outcome(key).items())] += n
        open_slots: set[tuple[str, bool]] = set()
        for pairs, n in outcomes.items():
            any_whole = False
            for entity, whole in pairs:
                (self.whole if whole else self.partial)[entity] += n
                any_whole = any_whole or whole
                if self._room(entity, whole) is not None:
                    open_slots.add((entity, whole))
            if any_whole:
                self.whole_any += n
        if not open_slots:
            return
        for value, key in zip(values, keys, strict=True):
            matches = outcome(key)
            if not matches:
                continue
            for entity, whole in matches.items():
                if (entity, whole) not in open_slots:
                    continue
                examples = self._room(entity, whole)
                assert examples is not None  # open slots have room
                masked = self._masked(value, entity, whole)
                if masked not in examples:
                    examples.append(masked)
                if len(examples) >= self.max_examples:
                    open_slots.discard((entity, whole))
            if not open_slots:
                return

    def merge(self, later: ColumnTally) -> None:
        """Add the tally of a later part of the column (the next batch, counted elsewhere).

        Merging the parts of a column in order gives what adding their values in order gives
        when each part keeps as many examples as this tally: with ``k`` kept here, at most
        ``k`` of the part's are repeats, so the part holds the ``max_examples - k`` new ones
        that adding its values would have kept.
        """
        self.total += later.total
        self.whole_any += later.whole_any
        self.normalised.update(later.normalised)
        self.steps.update(later.steps)
        self.placeholders += later.placeholders
        self.whole.update(later.whole)
        self.partial.update(later.partial)
        for whole, theirs in ((True, later._whole_examples), (False, later._partial_examples)):
            for entity, examples in theirs.items():
                for masked in examples:
                    kept = self._room(entity, whole)
                    if kept is None:
                        break
                    if masked not in kept:
                        kept.append(masked)

    def _room(self, entity: str, whole: bool) -> list[str] | None:
        """The examples kept for (entity, whole) when another fits, else None."""
        store = self._whole_examples if whole else self._partial_examples
        kept = store.get(entity)
        if kept is None:
            if self.max_examples <= 0:
                return None
            kept = store[entity] = []
        return kept if len(kept) < self.max_examples else None

    def _masked(self, value: str, entity: str, whole: bool) -> str:
        """A value's example: masked, or the shape of a value that is itself a mask."""
        if not whole:
            return mask(value)
        if entity in self._masks:
            shape = mask_shape(value)
            return shape if shape != value else mask(value)
        return mask(value, entity)

    def _unshadowed(self, matches: Mapping[str, bool]) -> Mapping[str, bool]:
        """``matches`` without the clear entity of a mask the value wholly is: ``z***@qq.com``
        also fits the plain e-mail pattern, but it is a masked e-mail, whatever the counts."""
        drop = [b for m, b in self._shadows if matches.get(m) and b in matches]
        if not drop:
            return matches
        return {e: w for e, w in matches.items() if e not in drop}

    def _checked(self, value: str, matches: Mapping[str, bool]) -> Mapping[str, bool]:
        """``matches`` plus the context-only entities the whole value is."""
        extra = {
            e: True
            for e, patterns in self._checks.items()
            if any(p.fullmatch(value) for p in patterns)
        }
        return {**matches, **extra} if extra else matches

    def _count(self, value: str, matches: Mapping[str, bool], times: int = 1) -> None:
        any_whole = False
        for entity, whole in matches.items():
            (self.whole if whole else self.partial)[entity] += times
            any_whole = any_whole or whole
            examples = self._room(entity, whole)
            if examples is None:
                continue  # full: masking this value would change nothing
            masked = self._masked(value, entity, whole)
            if masked not in examples:
                examples.append(masked)
        if any_whole:
            self.whole_any += times

    def example(self, entity: str, *, whole: bool = True) -> str | None:
        """The first masked example kept for ``entity``."""
        examples = (self._whole_examples if whole else self._partial_examples).get(entity)
        return examples[0] if examples else None

    def verdict(
        self, options: ContentOptions | None = None, *, context: str | None = None
    ) -> ContentVerdict:
        """The column verdict; ``context`` (field name and comment) may lower the threshold."""
        options = options or ContentOptions()
        n = self.total
        if n == 0:
            return ContentVerdict(self.pointer, None, 0.0, 0, "none", 0.0)
        info = _entity_info(options.recognizer_files)
        return (
            self._column_verdict(options, context, info)
            or self._contains_verdict(options, info)
            or ContentVerdict(
                self.pointer,
                None,
                round(max(self.whole.values(), default=0) / n, 4),
                n,
                "none",
                0.0,
            )
        )

    def _support(self, options: ContentOptions) -> float:
        """How much the sample's size lets a rate count (1 from ``min_sample`` values)."""
        return 0.6 + 0.4 * min(1.0, self.total / max(options.min_sample, 1))

    def _column_verdict(
        self, options: ContentOptions, context: str | None, info: _Info
    ) -> ContentVerdict | None:
        """``column`` when enough values are wholly the leading entity (or, in a mixed column,
        wholly one of the entities), or a candidate near the threshold; else None."""
        n, whole, whole_any = self.total, self.whole, self.whole_any
        if not whole:
            return None
        small = n < options.min_sample
        best = min(whole, key=lambda e: (-whole[e], _rank(e)))
        supported = options.use_context and context_supports(
            best, context, options.recognizer_files
        )
        base = options.column_threshold
        limit = min(base, options.context_column_threshold) if supported else base
        count = whole[best]
        mixed = False
        if count / n < limit and whole_any / n >= limit:
            mixed, count = True, whole_any
        candidate = count / n < limit and count / n >= options.candidate_threshold and not small
        if candidate and whole_any > count:
            mixed, count = True, whole_any
        if not ((count / n >= limit and (not small or count == n)) or candidate):
            return None
        rate = count / n
        entities: tuple[str, ...] = (best,)
        if mixed:  # the others that make up a real share, not single stray matches
            floor = max(options.contains_min_values, options.contains_threshold * n)
            others = [e for e in whole if e != best and whole[e] >= floor]
            entities += tuple(sorted(others, key=_rank))
        confidence = self._strength(best, info) * rate * self._support(options)
        confidence += 0.04 if supported else 0.0
        if candidate:
            confidence *= options.candidate_factor
        evidence = tuple(
            self._evidence(
                e,
                "column",
                whole[e],
                n,
                info=info,
                small=small,
                agrees=supported and e == best,
                candidate=limit if candidate and e == best else None,
            )
            for e in entities
        )
        return self._result(entities, "column", rate, confidence, evidence)

    def _contains_verdict(self, options: ContentOptions, info: _Info) -> ContentVerdict | None:
        """``contains`` when values hold an identifier inside free text at a real share; so do
        whole values of a checksum-validated identifier in a mixed column (a pattern-only
        match, such as a name, is too weak). Else None."""
        n = self.total
        held = dict(self.partial)
        for entity, count in self.whole.items():
            known = info.get(entity)
            if known is not None and known[1] is not None:
                held[entity] = held.get(entity, 0) + count
        # Every entity held at a real share is named (free text with a name, a phone number
        # and an ID number holds all three); the most frequent leads.
        found = sorted(
            (
                e
                for e, count in held.items()
                if count >= options.contains_min_values and count / n >= options.contains_threshold
            ),
            key=lambda e: (-held[e], _rank(e)),
        )
        if not found:
            return None
        small = n < options.min_sample
        rate = held[found[0]] / n
        strength = self._strength(found[0], info)
        confidence = strength * (0.4 + 0.4 * min(1.0, rate / 0.25)) * self._support(options)
        evidence = tuple(
            self._evidence(e, "contains", held[e], n, info=info, small=small, agrees=False)
            for e in found
        )
        return self._result(found, "contains", rate, confidence, evidence)

    def _result(
        self,
        entities: Sequence[str],
        kind: str,
        rate: float,
        confidence: float,
        evidence: tuple[Evidence, ...],
    ) -> ContentVerdict:
        named, deidentified = self._named(entities)
        return ContentVerdict(
            self.pointer,
            named[0],
            round(rate, 4),
            self.total,
            kind,
            round(min(confidence, 0.99), 3),
            evidence,
            named,
            deidentified,
        )

    def _named(self, entities: Sequence[str]) -> tuple[tuple[str, ...], bool]:
        """Entities as verdicts name them: a masked entity becomes the one it de-identifies
        (a hash, whose element only the field name tells, keeps its own); and whether the
        column is de-identified (its leading entity is masked, no clear value of it follows).
        """
        out: list[str] = []
        for entity in entities:
            base = self._masks.get(entity)
            named = base if base is not None and base != _NAMED else entity
            if named not in out:
                out.append(named)
        lead = entities[0]
        deidentified = lead in self._masks and self._masks[lead] not in entities[1:]
        return tuple(out), deidentified

    @staticmethod
    def _strength(entity: str, info: _Info) -> float:
        """How much one validated or pattern-only match is worth."""
        known = info.get(entity)
        return 0.95 if known is not None and known[1] is not None else 0.8

    def _evidence(
        self,
        entity: str,
        kind: str,
        count: int,
        n: int,
        *,
        info: _Info,
        small: bool,
        agrees: bool,
        candidate: float | None = None,
    ) -> Evidence:
        recognizer, validator, _ = info.get(entity, (entity, None, ()))
        verb = "are" if kind == "column" else "contain"
        base = self._masks.get(entity)
        what = entity
        if base is not None:
            what = "hashes of an identifier" if base == _NAMED else f"masked {base}"
        detail = (
            f"{count} of {n} sampled values {verb} {what} "
            f"(recognizer {recognizer}, validator {validator or 'none'})"
        )
        if candidate is not None:
            detail += (
                f"; {count / n:.0%} is under the column threshold {candidate:.0%}: "
                "a candidate, at lower confidence"
            )
        if base is not None:
            shape = self.example(entity)
            detail += (
                f"; de-identified (mask shape {shape}), still personal information"
                if base != _NAMED
                else "; de-identified (hashed), still personal information"
            )
        normalised = self.normalised.get(entity, 0)
        if normalised:
            steps = ", ".join(f"{step} {k}" for step, k in sorted(self.steps.items()))
            detail += f"; {normalised} of them only once normalised ({steps})"
        if self.placeholders:
            detail += f"; {self.placeholders} placeholder values (无, N/A, -) not counted"
        if small:
            detail += "; small sample"
        if agrees:
            detail += "; the field name or comment agrees"
        return Evidence(
            source="value",
            rule=recognizer,
            detail=detail,
            weight=round(self._strength(entity, info) * count / n, 3),
            example=self.example(entity, whole=kind == "column")
            or self.example(entity, whole=kind != "column"),
            match_rate=round(count / n, 4),
            sample_size=n,
        )
