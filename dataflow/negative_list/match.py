"""Matching negative lists against what a transfer carries (pure)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from dataflow.condition import render_value
from dataflow.model import (
    DatasetResult,
    Grade,
    NegativeListHit,
    Text,
)
from dataflow.negative_list.model import (
    ALL,
    IMPORTANT_DATA_STATUSES,
    MECHANISM_RANK,
    MECHANISMS,
    Condition,
    Entry,
    FtzOutcome,
    MatchContext,
    NegativeList,
    covers,
)

# --- matching --------------------------------------------------------------------------------


def _effective(start: _dt.date | None, end: _dt.date | None, on: _dt.date | None) -> bool:
    if on is None:
        return True
    if start is not None and on < start:
        return False
    return not (end is not None and on > end)


def _label_in(value: str | None, allowed: Sequence[str]) -> bool:
    if ALL in allowed:
        return True
    return value is not None and value.strip().lower() in allowed


def in_scope(lst: NegativeList, ctx: MatchContext) -> bool:
    """Whether the list covers the transfer's sector and scenario (``all`` covers everything).

    An unknown sector or scenario is not covered unless the list covers ``all``: a list cannot
    exempt a transfer it may not be about.
    """
    return _label_in(ctx.sector, lst.sectors) and _label_in(ctx.scenario, lst.scenarios)


def list_applies(lst: NegativeList, ctx: MatchContext) -> bool:
    """In force on ``as_of``; an ftz list only for an exporter in its zone (and not a CIIO when the
    list excludes CIIOs); and in scope for the sector and scenario."""
    if not _effective(lst.effective_from, lst.effective_to, ctx.as_of):
        return False
    if lst.jurisdiction == "ftz":
        if ctx.ftz is None or ctx.ftz != lst.zone:
            return False
        if lst.excludes_ciio and ctx.ciio:
            return False
    return in_scope(lst, ctx)


def _effective_grade(ctx: MatchContext) -> Grade | None:
    grade = ctx.grade
    if ctx.important_data == "confirmed":
        return max(grade, Grade.IMPORTANT) if grade is not None else Grade.IMPORTANT
    if grade == Grade.IMPORTANT:
        return Grade.GENERAL_4  # a candidate is not important data until notified or published
    return grade


def _ids_covered(
    prefixes: Sequence[str], present: Mapping[str, tuple[str, ...]]
) -> dict[str, list[str]]:
    """For each prefix, the present ids it covers (sorted)."""
    return {p: sorted(i for i in present if covers(p, i)) for p in prefixes}


def evaluate(cond: Condition, ctx: MatchContext) -> tuple[bool, tuple[str, ...], tuple[str, ...]]:
    """``(holds, fields, rendered conditions that held)`` for one condition. Pure."""
    held: list[str] = []
    fields: set[str] = set()
    if cond.elements_any:
        covered = _ids_covered(cond.elements_any, ctx.elements)
        hit = sorted({i for ids in covered.values() for i in ids})
        if not hit:
            return False, (), ()
        for i in hit:
            fields.update(ctx.elements[i])
        held.append(f"elements_any: {', '.join(hit)}")
    if cond.elements_all:
        covered = _ids_covered(cond.elements_all, ctx.elements)
        if not all(covered.values()):
            return False, (), ()
        parts = []
        for prefix in cond.elements_all:
            for i in covered[prefix]:
                fields.update(ctx.elements[i])
            parts.append(f"{prefix} ({', '.join(covered[prefix])})")
        held.append(f"elements_all: {'; '.join(parts)}")
    if cond.categories_any:
        cats = ctx.all_categories()
        covered = _ids_covered(cond.categories_any, cats)
        hit = sorted({i for ids in covered.values() for i in ids})
        if not hit:
            return False, (), ()
        for i in hit:
            fields.update(cats[i])
        held.append(f"categories_any: {', '.join(hit)}")
    if cond.min_grade is not None:
        grade = _effective_grade(ctx)
        if grade is None or grade < cond.min_grade:
            return False, (), ()
        note = (
            ", confirmed" if grade >= Grade.IMPORTANT and ctx.important_data == "confirmed" else ""
        )
        held.append(f"min_grade: {cond.min_grade.label} (grade {grade.label}{note})")
    if cond.sensitive is not None:
        if ctx.sensitive != cond.sensitive:
            return False, (), ()
        if cond.sensitive:
            fields.update(ctx.sensitive_fields)
        held.append(f"sensitive: {render_value(cond.sensitive)}")
    if cond.subjects_gte is not None:
        if ctx.subjects < cond.subjects_gte:
            return False, (), ()
        held.append(f"subjects_gte: {cond.subjects_gte} (subjects {ctx.subjects})")
    if cond.sensitive_subjects_gte is not None:
        if ctx.sensitive_subjects < cond.sensitive_subjects_gte:
            return False, (), ()
        held.append(
            f"sensitive_subjects_gte: {cond.sensitive_subjects_gte} "
            f"(sensitive subjects {ctx.sensitive_subjects})"
        )
    if cond.sectors:
        if not _label_in(ctx.sector, cond.sectors):
            return False, (), ()
        held.append(f"sector: {ctx.sector.strip().lower() if ctx.sector else ALL}")
    if cond.scenario:
        if not _label_in(ctx.scenario, cond.scenario):
            return False, (), ()
        held.append(f"scenario: {ctx.scenario.strip().lower() if ctx.scenario else ALL}")
    if cond.destinations:
        dest = ctx.destination.upper() if ctx.destination else None
        if dest is None or dest not in cond.destinations:
            return False, (), ()
        held.append(f"destinations: {dest}")
    return True, tuple(sorted(fields)), tuple(held)


def _hit(
    lst: NegativeList,
    entry: Entry,
    ctx: MatchContext,
    fields: tuple[str, ...],
    held: tuple[str, ...],
) -> NegativeListHit:
    binding = entry.important_data != "candidate" or ctx.important_data == "confirmed"
    return NegativeListHit(
        list_id=lst.id,
        entry_id=entry.id,
        required_mechanism=entry.required_mechanism,
        message=entry.message.en,
        fields=fields,
        conditions=held,
        source=entry.source or "; ".join(lst.sources),
        verified=entry.verified,
        jurisdiction=lst.jurisdiction,
        zone=lst.zone,
        important_data=entry.important_data,
        binding=binding,
        text=entry.message,
        list_version=lst.version,
    )


def hit_sort_key(hit: NegativeListHit) -> tuple[int, int, str, str]:
    """Binding before review items, strictest mechanism first, then list id and entry id."""
    return (
        0 if hit.binding else 1,
        MECHANISM_RANK.get(hit.required_mechanism, len(MECHANISMS)),
        hit.list_id,
        hit.entry_id,
    )


def match(lists: Sequence[NegativeList], ctx: MatchContext) -> tuple[NegativeListHit, ...]:
    """Every entry of every applicable list whose condition holds, sorted by :func:`hit_sort_key`.

    Pure: no I/O, same answer for the same input. A list that does not apply (see
    :func:`list_applies`) contributes nothing; an entry outside its own effective dates neither.
    """
    hits: list[NegativeListHit] = []
    for lst in lists:
        if not list_applies(lst, ctx):
            continue
        for entry in lst.entries:
            if not _effective(entry.effective_from, entry.effective_to, ctx.as_of):
                continue
            holds, fields, held = evaluate(entry.condition, ctx)
            if holds:
                hits.append(_hit(lst, entry, ctx, fields, held))
    return tuple(sorted(hits, key=hit_sort_key))


def strictest(hits: Iterable[NegativeListHit]) -> str | None:
    """The strictest mechanism among the binding hits, or ``None``."""
    mechanisms = [h.required_mechanism for h in hits if h.binding]
    if not mechanisms:
        return None
    return min(mechanisms, key=lambda m: MECHANISM_RANK.get(m, len(MECHANISMS)))


def ftz_outcome(
    lists: Sequence[NegativeList], ctx: MatchContext, hits: Sequence[NegativeListHit] | None = None
) -> FtzOutcome:
    """Provisions Art. 6 for the exporter's zone: exempt, listed, or national rules (see FtzOutcome).

    ``hits`` are the result of :func:`match` for the same context (computed when omitted).
    """
    zone = ctx.ftz
    if zone is None:
        return FtzOutcome(status="not_ftz")
    zone_lists = [
        lst
        for lst in lists
        if lst.jurisdiction == "ftz"
        and lst.zone == zone
        and _effective(lst.effective_from, lst.effective_to, ctx.as_of)
    ]
    if not zone_lists:
        return FtzOutcome(status="no_list", zone=zone)
    if ctx.ciio and all(lst.excludes_ciio for lst in zone_lists):
        return FtzOutcome(status="ciio", zone=zone, lists=tuple(lst.id for lst in zone_lists))
    applying = [lst for lst in zone_lists if list_applies(lst, ctx)]
    if not applying:
        return FtzOutcome(
            status="out_of_scope", zone=zone, lists=tuple(lst.id for lst in zone_lists)
        )
    ids = tuple(lst.id for lst in applying)
    all_hits = match(lists, ctx) if hits is None else tuple(hits)
    zone_hits = tuple(h for h in all_hits if h.list_id in ids)
    mechanism = strictest(zone_hits)
    caveats = tuple(_caveats(applying, zone_hits))
    return FtzOutcome(
        status="listed" if mechanism else "exempt",
        zone=zone,
        lists=ids,
        hits=zone_hits,
        mechanism=mechanism,
        caveats=caveats,
    )


def _caveats(lists: Sequence[NegativeList], hits: Sequence[NegativeListHit]) -> Iterable[Text]:
    for lst in lists:
        if not lst.complete:
            yield Text(
                en=f"The shipped copy of negative list {lst.id} (version {lst.version}) is a partial "
                "transcription: data not matched here may still be on the published list; check it "
                f"({'; '.join(lst.sources)}).",
                zh=f"负面清单 {lst.id}（{lst.version} 版）的内置副本仅为部分转录：此处未命中的数据仍可能在"
                f"正式发布的清单中，请核对原文（{'; '.join(lst.sources)}）。",
            )
    for hit in hits:
        if not hit.verified:
            yield Text(
                en=f"Entry {hit.entry_id} of {hit.list_id} is not verified against the published text.",
                zh=f"{hit.list_id} 的条目 {hit.entry_id} 未经与正式文本核对。",
            )


def unverified_in_use(lists: Sequence[NegativeList], ctx: MatchContext | None = None) -> list[str]:
    """One notice per list in use that has unverified entries or is a partial transcription.

    With ``ctx``, only the lists that apply to that transfer (:func:`list_applies`) count.
    English; :func:`unverified_notices` gives both languages.
    """
    return [text.en for text in unverified_notices(lists, ctx)]


def unverified_notices(
    lists: Sequence[NegativeList], ctx: MatchContext | None = None
) -> list[Text]:
    """:func:`unverified_in_use` in both languages (``model.Text``), sorted by list id."""
    notices: list[Text] = []
    used = [lst for lst in lists if ctx is None or list_applies(lst, ctx)]
    for lst in sorted(used, key=lambda x: x.id):
        ids = lst.unverified_entries
        en: list[str] = []
        zh: list[str] = []
        if ids:
            en.append(
                f"{len(ids)} of {len(lst.entries)} entries are not verified against the "
                f"published text ({', '.join(ids)})"
            )
            zh.append(
                f"{len(lst.entries)} 个条目中有 {len(ids)} 个未经与正式文本核对（{', '.join(ids)}）"
            )
        if not lst.complete:
            en.append("the entries are a partial transcription of the published list")
            zh.append("条目仅为正式清单的部分转录")
        if not lst.verified and not ids:
            en.append("the list as a whole is not verified")
            zh.append("清单整体未经核实")
        if en:
            notices.append(
                Text(
                    en=f"negative list {lst.id} (version {lst.version}): " + "; ".join(en),
                    zh=f"负面清单 {lst.id}（{lst.version} 版）：" + "；".join(zh),
                )
            )
    return notices


# --- building a context from scan results ----------------------------------------------------


def context_from_results(results: Iterable[DatasetResult], **kwargs: Any) -> MatchContext:
    """A :class:`MatchContext` whose data part (elements, categories, grade, sensitive) comes from
    classified datasets; ``kwargs`` sets the transfer part (subjects, sector, destination, ftz…)."""
    elements: dict[str, set[str]] = {}
    categories: dict[str, set[str]] = {}
    sensitive_fields: set[str] = set()
    grade: Grade | None = None
    for result in results:
        grade = result.grade if grade is None else max(grade, result.grade)
        for finding in result.findings:
            pointer = finding.field.pointer
            if finding.element:
                elements.setdefault(finding.element, set()).add(pointer)
            if finding.category:
                categories.setdefault(finding.category, set()).add(pointer)
            if finding.sensitive:
                sensitive_fields.add(pointer)
    values: dict[str, Any] = {
        "elements": {k: tuple(sorted(v)) for k, v in sorted(elements.items())},
        "categories": {k: tuple(sorted(v)) for k, v in sorted(categories.items())},
        "grade": grade,
        "sensitive": bool(sensitive_fields),
        "sensitive_fields": tuple(sorted(sensitive_fields)),
    }
    values.update(kwargs)
    if values.get("important_data", "none") not in IMPORTANT_DATA_STATUSES:
        raise ValueError(f"important_data must be one of {', '.join(IMPORTANT_DATA_STATUSES)}")
    return MatchContext(**values)


def find(lists: Sequence[NegativeList], ident: str) -> tuple[NegativeList, Entry | None] | None:
    """The list with id ``ident``, or the list and entry whose entry id is ``ident``."""
    for lst in lists:
        if lst.id == ident:
            return lst, None
    for lst in lists:
        entry = lst.entry(ident)
        if entry is not None:
            return lst, entry
    return None
