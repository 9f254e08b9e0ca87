"""``MetadataDetector``: one verdict per field, cached per catalog, and the module-level entry points."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from dataflow.catalog import Catalog, per_catalog
from dataflow.detect.metadata.context import dataset_context, health_table_value, parent_context
from dataflow.detect.metadata.index import MetadataIndex
from dataflow.detect.metadata.matching import match_en_comment, match_name, match_zh
from dataflow.detect.metadata.negatives import apply_negatives
from dataflow.detect.metadata.scripts import kanji_reading
from dataflow.detect.metadata.verdict import (
    MAX_CACHED,
    TABLE,
    Candidate,
    DatasetContext,
    Hit,
    MetadataVerdict,
    Scored,
)
from dataflow.detect.metadata.words import (
    COMMENT_CLAUSE,
    ENUM_COMMENT,
    PI_THRESHOLD,
    W_CARRIED_CREDENTIAL,
    W_CONTEXT_ID,
    W_TABLE_KEY,
    field_kind,
    has_cjk,
    has_han,
    spells_otherwise,
    split_name,
)
from dataflow.model import Dataset, Evidence, Field

#: Where an API request carries what authenticates its caller: an HTTP header (an OpenAPI
#: ``apiKey`` scheme ``in: header``) or a cookie (RFC 6265: the session cookie); a parameter
#: there whose name ends in one of these words is that credential. ``Authorization`` is left to
#: the subject rules, which know whether a person or a program calls the API.
_CARRIERS = frozenset({"header", "cookie"})
_SESSION_WORDS = frozenset({"token", "session", "sessionid", "sid", "jwt"})
#: Pairs of words that end the name of an API key (``api_key``, ``X-API-Key``, ``access_key``).
_KEY_PAIRS = frozenset({("api", "key"), ("access", "key"), ("secret", "key")})

#: Numbers standing for table contexts in the keys of verdicts (``MetadataDetector._neutral_of``).
_NEUTRAL_NUMBERS = itertools.count()


class MetadataDetector(MetadataIndex):
    """Keyword index over a catalog. Build once per catalog (``detector_for``), reuse per field."""

    # -- public -------------------------------------------------------------------------------
    def detect_dataset(self, dataset: Dataset) -> dict[str, MetadataVerdict]:
        """Verdicts for every field of ``dataset``, keyed by pointer."""
        ctx = dataset_context(self, dataset)
        verdicts = {f.pointer: self.detect_field(f, dataset, _ctx=ctx) for f in dataset.fields}
        if ctx.health_topic is None:
            if (
                not ctx.person
                and not ctx.non_person
                and any(
                    v.element is not None
                    and v.element.startswith("pi.health.")
                    and v.confidence >= 0.85
                    for v in verdicts.values()
                )
            ):
                # a table that surely holds health data is about patients: generic words count
                patients = replace(ctx, person=True)
                return {
                    f.pointer: self.detect_field(f, dataset, _ctx=patients) for f in dataset.fields
                }
            return verdicts
        # A table of health events (its name says so) that is keyed by a person or already holds
        # health data is about patients: read it again with that context.
        keyed = any(
            v.element is not None
            and (v.element.startswith("pi.health.") or v.element == "pi.online_identity.user_id")
            for v in verdicts.values()
        ) or any(
            {"subject", "patient", "person", "member", "user"} & set(split_name(f.name))
            and split_name(f.name)[-1] == "id"
            for f in dataset.fields
        )
        if not keyed:
            return verdicts
        patient = replace(ctx, person=True, non_person=False, patients=True)
        return {f.pointer: self.detect_field(f, dataset, _ctx=patient) for f in dataset.fields}

    def detect_field(
        self, fld: Field, dataset: Dataset | None = None, *, _ctx: DatasetContext | None = None
    ) -> MetadataVerdict:
        """The verdict on one field (``dataset`` gives the table context).

        The verdict depends on the field's name, comment and type, its parent objects and the
        table context; the table's name only appears in evidence text. Verdicts are computed
        once per such key with a placeholder table name, then given the field's pointer and
        the table's name.
        """
        ctx = _ctx or (dataset_context(self, dataset) if dataset else DatasetContext())
        parent = parent_context(self, fld, dataset)
        if TABLE in f"{fld.name}{fld.comment or ''}{fld.data_type or ''}{ctx.name}":
            return self._detect_field(fld, ctx, parent)
        last = self._last_neutral
        if last is not None and last[0] is ctx:
            neutral, number = last[1], last[2]
        else:
            neutral, number = self._neutral_of(ctx)
            self._last_neutral = (ctx, neutral, number)
        key = (fld.name, fld.comment, fld.data_type, parent, number, fld.location)
        cached = self._verdicts.get(key)
        if cached is None:
            if len(self._verdicts) >= MAX_CACHED:
                self._verdicts.clear()
            found = self._detect_field(fld, neutral, parent, "")
            cached = self._verdicts[key] = (found, _names_table(found))
        verdict, named = cached
        if named:
            return _named(verdict, fld.pointer, ctx.name)
        return MetadataVerdict(
            fld.pointer, verdict.element, verdict.confidence, verdict.evidence, verdict.candidates
        )

    def _neutral_of(self, ctx: DatasetContext) -> tuple[DatasetContext, int]:
        """``ctx`` without its table's name, and the number that stands for it in the keys of
        the verdicts (equal contexts without a name share one; a number is never given to
        another context, even after the memory is cleared)."""
        found = self._neutral.get(ctx)
        if found is None:
            if len(self._neutral) >= MAX_CACHED:
                self._neutral.clear()
            neutral = replace(ctx, name=TABLE) if ctx.name else ctx
            number = self._neutral_ids.get(neutral)
            if number is None:
                if len(self._neutral_ids) >= MAX_CACHED:
                    self._neutral_ids.clear()
                number = self._neutral_ids[neutral] = next(_NEUTRAL_NUMBERS)
            found = self._neutral[ctx] = (neutral, number)
        return found

    def _detect_field(
        self, fld: Field, ctx: DatasetContext, parent: str | None, pointer: str | None = None
    ) -> MetadataVerdict:
        """The verdict on ``fld`` in ``ctx``, with ``pointer`` (default the field's own)."""
        pointer = fld.pointer if pointer is None else pointer
        scored: dict[str, Scored] = {}
        tokens = split_name(fld.name) if not has_cjk(fld.name) else ()
        if has_cjk(fld.name):
            match_zh(self, fld.name, "name", scored, field_name=True)
            if not scored and not has_han(fld.name):
                # a Russian or Ukrainian name no catalog stem finds (Прізвище, Номер_счета):
                # its transliteration, read by the words of other languages
                tokens = split_name(fld.name)
                match_name(self, tokens, scored, ctx, parent)
            elif not scored:
                # a Japanese name in kanji no Chinese catalog word finds (氏名, 生年月日): its
                # Japanese words (catalogs/data/native_words.yaml, ja_kanji)
                tokens = split_name(kanji_reading(fld.name))
                match_name(self, tokens, scored, ctx, parent)
        else:
            match_name(self, tokens, scored, ctx, parent)
        comment = (fld.comment or "").strip()
        comment_negative: Evidence | None = None
        comment_event = False
        if comment:
            if has_cjk(comment):
                before = _comment_hits(scored)
                match_zh(self, comment, "comment", scored, field_name=False)
                if (
                    _comment_hits(scored) == before
                    and has_han(comment)
                    and not _LATIN_LETTER.search(comment)
                ):
                    # a Japanese comment in kanji no Chinese catalog word finds (口座名義人氏名,
                    # 口座番号): its Japanese words (native_words.yaml, ja_kanji), in English;
                    # not a Chinese comment with English words in it (目标类型: elderly, doctor),
                    # whose English would be read out of the Chinese sentence
                    reading = kanji_reading(comment)
                    if reading and reading.isascii():
                        match_en_comment(self, reading, scored)
                # the comment's first clause says what the column is; later ones describe its
                # values (出生日期,格式YYYY-MM-DD is a birth date, not a format)
                head = COMMENT_CLAUSE.split(comment, maxsplit=1)[0] or comment
                neg = next((w for w in self.neg_zh if w in head), None)
                if neg is not None:
                    comment_negative = Evidence(
                        "negative",
                        "comment-flag-or-count",
                        f"comment says it is a flag, count, status or type ('{neg}')",
                    )
                comment_event = any(w in comment for w in self.event_zh)
                _drop_unborne_initials(scored, comment, "".join(tokens))
            else:
                comment_negative = match_en_comment(self, comment, scored)
        if tokens == ("id",) and (ctx.person_key or parent == "person") and not ctx.dictionary:
            sc = self.scored_for(scored, "pi.online_identity.user_id")
            if sc is not None:
                if parent == "person":  # `customer.id` inside an order: whose order it is
                    weight, why = W_CONTEXT_ID, "key of the person this object belongs to"
                else:  # the table's own surrogate key: recorded, not reported as PI by itself
                    weight, why = W_TABLE_KEY, f"surrogate key of table '{ctx.name}' about people"
                sc.hits.append(Hit(sc.element.id, weight, "context", "table-key", why))
                sc.covered.add(0)
        carried = _carried_credential(tokens) if fld.location in _CARRIERS else None
        if carried is not None:
            sc = self.scored_for(scored, carried)
            if sc is not None:  # a session cookie or an API key header authenticates a person
                why = f"{fld.location} parameter of an API request named as a credential"
                sc.hits.append(
                    Hit(sc.element.id, W_CARRIED_CREDENTIAL, "context", "api-credential", why)
                )
                sc.covered.update(range(len(tokens)))
        if ctx.patients and ctx.health_topic is not None and tokens:
            health_table_value(self, tokens, scored, ctx)
        if comment and ENUM_COMMENT.search(comment) and comment_negative is None:
            comment_negative = Evidence(
                "negative", "comment-enumeration", "comment lists coded values"
            )
            comment_enum = True
        else:
            comment_enum = False
        if not scored:
            return MetadataVerdict(pointer, None, 0.0)
        kind = field_kind(fld.data_type)
        for sc in scored.values():
            negative = comment_negative
            if comment_enum and "code" in sc.element.types:
                negative = None  # a coded element (gender 0/1/2) may well be enumerated
            apply_negatives(
                self, sc, fld, tokens, kind, ctx, comment, negative, comment_event, parent
            )
        ranked = sorted(
            (self._finish(sc) for sc in scored.values()),
            key=lambda c: (-c.score, c.element),
        )
        best = ranked[0]
        if best.score >= PI_THRESHOLD:
            return MetadataVerdict(pointer, best.element, best.score, best.evidence, tuple(ranked))
        return MetadataVerdict(pointer, None, best.score, best.evidence, tuple(ranked))

    def _finish(self, sc: Scored) -> Candidate:
        remaining = 1.0
        evidence: list[Evidence] = []
        seen: set[tuple[str, str]] = set()
        for hit in sorted(sc.hits, key=lambda h: (-h.weight, h.rule, h.detail)):
            key = (hit.source, hit.detail.split("'")[1] if "'" in hit.detail else hit.detail)
            if key in seen:
                continue  # the same word found through two dictionaries counts once
            seen.add(key)
            remaining *= 1.0 - hit.weight
            evidence.append(Evidence(hit.source, hit.rule, hit.detail, hit.element, hit.weight))
        score = 1.0 - remaining
        for factor, ev in sc.factors:
            score *= factor
            evidence.append(ev)
        if sc.veto is not None:
            score = 0.0
            evidence.append(sc.veto)
        return Candidate(sc.element.id, round(score, 3), tuple(evidence))


def _carried_credential(tokens: tuple[str, ...]) -> str | None:
    """The credential a header's or cookie's name ends in: an API key (``X-API-Key``,
    ``apikey``) is a key, a session or token (``session``, ``X-Auth-Token``, ``session_id``)
    a session; None for other names (``x-fapi-auth-date`` is a date)."""
    if not tokens:
        return None
    if tokens[-1] == "apikey" or tuple(tokens[-2:]) in _KEY_PAIRS:
        return "pi.credential.secret_key"
    if tokens[-1] in _SESSION_WORDS or tuple(tokens[-2:]) in (("session", "id"), ("sid", "id")):
        return "pi.credential.session"
    return None


def _names_table(verdict: MetadataVerdict) -> bool:
    """Whether the evidence of ``verdict`` or of its candidates names the table (``TABLE``)."""
    return any(TABLE in ev.detail for ev in verdict.evidence) or any(
        TABLE in ev.detail for c in verdict.candidates for ev in c.evidence
    )


def _named(verdict: MetadataVerdict, pointer: str, table: str) -> MetadataVerdict:
    """A cached verdict with the field's pointer and the table name in its evidence."""

    def fix(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        if not any(TABLE in ev.detail for ev in evidence):
            return evidence
        return tuple(
            replace(ev, detail=ev.detail.replace(TABLE, table)) if TABLE in ev.detail else ev
            for ev in evidence
        )

    candidates = verdict.candidates
    if any(TABLE in ev.detail for c in candidates for ev in c.evidence):
        candidates = tuple(replace(c, evidence=fix(c.evidence)) for c in candidates)
    return MetadataVerdict(
        pointer, verdict.element, verdict.confidence, fix(verdict.evidence), candidates
    )


_DETECTORS: dict[int, tuple[Catalog, MetadataDetector]] = {}


def detector_for(catalog: Catalog) -> MetadataDetector:
    """The (cached) detector of a catalog."""
    return per_catalog(_DETECTORS, catalog, _kept_detector)


def _kept_detector(catalog: Catalog) -> MetadataDetector:
    """The detector of ``catalog``, its keyword index kept on disk between processes
    (``disk_cached``, keyed by the catalog's content and the code that builds the index)."""
    from pathlib import Path

    from dataflow.catalog.cache import disk_cached
    from dataflow.detect.metadata.scripts import native_words_path
    from dataflow.detect.metadata.words import foreign_words_path

    here = Path(__file__).parent
    sources = (
        *(
            here / name
            for name in ("index.py", "detector.py", "words.py", "verdict.py", "scripts.py")
        ),
        foreign_words_path(),
        native_words_path(),
    )
    detector = disk_cached(
        "metadata_index",
        sources,
        lambda: MetadataDetector(catalog),
        MetadataDetector,
        catalog=catalog,
    )
    detector.catalog = catalog  # not kept on disk
    return detector


def detect_dataset(dataset: Dataset, catalog: Catalog) -> dict[str, MetadataVerdict]:
    """Metadata verdicts for every field of ``dataset``, keyed by pointer."""
    return detector_for(catalog).detect_dataset(dataset)


def detect_fields(
    fields: Iterable[Field], catalog: Catalog, dataset: Dataset | None = None
) -> Mapping[str, MetadataVerdict]:
    """Metadata verdicts for some fields (``dataset`` supplies the table context)."""
    detector = detector_for(catalog)
    return {f.pointer: detector.detect_field(f, dataset) for f in fields}


def _drop_unborne_initials(scored: dict[str, Scored], comment: str, compact: str) -> None:
    """Drop the pinyin-initials matches (``hylb``, ``mz``) that the field's Chinese comment
    spells otherwise (行业类别, 面值: ``spells_otherwise``); an element left with no other hit
    is no candidate. A comment that names the element (婚姻状况) keeps its match."""
    head = COMMENT_CLAUSE.split(comment, maxsplit=1)[0] or comment
    for element_id, sc in list(scored.items()):
        if not any(h.rule == "name-initials" for h in sc.hits):
            continue
        if any(h.source == "comment" for h in sc.hits):
            continue
        kw = sc.element.keywords
        letters = max((len(k) for k in kw.initials if k and k in compact), default=0)
        if not spells_otherwise(head, letters, (*kw.zh, sc.element.names.zh)):
            continue
        sc.hits = [h for h in sc.hits if h.rule != "name-initials"]
        if not sc.hits:
            del scored[element_id]


#: A Latin letter, in a comment that is then not read as Japanese (see ``_detect_field``).
_LATIN_LETTER = re.compile("[A-Za-z]")


def _comment_hits(scored: dict[str, Scored]) -> int:
    """How many hits of ``scored`` a comment gave."""
    return sum(1 for sc in scored.values() for hit in sc.hits if hit.source == "comment")
