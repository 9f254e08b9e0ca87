"""Sensitivity of catalog elements per standard, picked by date (``catalogs/sensitivity.yaml``).

Which personal information counts as *sensitive* is drawn by national standards that change over
time: GB/T 35273-2020 Annex B, the TC260-PG-20244A guide (2024) and GB/T 45574-2025 (in force
from 2025-11-01). A catalog file may carry two sections for this::

    standards:
      - id: gb-t-45574-2025            # permanent, never reused
        title: {en: ..., zh: ...}
        kind: national_standard        # national_standard | practice_guide
        effective_from: 2025-11-01
        effective_to: 2026-12-31       # optional, last day
        select: true                   # picked by date (false: shown, never applied)
        sources: ["..."]
        tag: C                         # V verified / C corroborated / K recalled
    sensitivity:
      - element: pi.identity.resident_id
        standards:
          gb-t-45574-2025: {sensitive: false, tag: C, source: "...", note: {en: ..., zh: ...}}
          gb-t-35273-2020: {sensitive: true, group: specific_identity, tag: K}

On a date, the standard in force is the selectable standard with the latest ``effective_from``
not after that date (and not past its ``effective_to``). An element with a ruling under that
standard takes the ruling's sensitivity and group (and the default grade for it, unless the
catalog gives the element a grade of its own); an element without one keeps the catalog's own
values. :func:`at` gives that dated view of a catalog; the catalog itself is never changed.
The sections are parsed here and collected by ``catalog._Builder``; selection is pure.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from dataflow.i18n import msg
from dataflow.model import Text
from dataflow.yamlio import Checker, YamlDoc, join_key, type_name

if TYPE_CHECKING:
    from dataflow.catalog import Catalog, Element

KINDS = ("national_standard", "practice_guide")
TAGS = ("V", "C", "K")
TAG_NAMES = {"V": "verified", "C": "corroborated", "K": "recalled"}

_STANDARD_KEYS = (
    "id",
    "title",
    "kind",
    "effective_from",
    "effective_to",
    "select",
    "sources",
    "tag",
    "notes",
)
_RULING_KEYS = ("sensitive", "group", "tag", "source", "note")

Add = Callable[[YamlDoc, str, str], None]


@dataclass(frozen=True)
class Standard:
    """A standard (or guide) that draws the line of sensitive personal information."""

    id: str
    title: Text
    kind: str
    effective_from: _dt.date
    sources: tuple[str, ...]
    tag: str
    effective_to: _dt.date | None = None
    select: bool = True
    notes: Text | None = None

    def in_force(self, on: _dt.date) -> bool:
        """Whether the standard applies on ``on``."""
        if on < self.effective_from:
            return False
        return self.effective_to is None or on <= self.effective_to


@dataclass(frozen=True)
class Ruling:
    """What one standard says about one element, with the confidence tag of that fact."""

    standard: str
    sensitive: bool
    tag: str
    group: str | None = None
    source: str | None = None
    note: Text | None = None


# --- parsing (called by catalog._Builder, which collects the problems) ----------------------


def _report(add: Add, doc: YamlDoc, c: Checker) -> None:
    """Pass the checker's problems on to the catalog builder's ``add``."""
    for problem in c.errors:
        add(doc, problem.key or "", problem.message)


def parse_standard(add: Add, doc: YamlDoc, item: Mapping[str, Any], key: str) -> Standard | None:
    """One entry of ``standards``; ``None`` (problems reported through ``add``) when invalid."""
    c = Checker(doc)
    required = ("id", "title", "kind", "effective_from", "sources", "tag")
    c.keys(item, key, required, tuple(k for k in _STANDARD_KEYS if k not in required))
    sid = item.get("id")
    if "id" in item and not (isinstance(sid, str) and sid and sid == sid.lower().strip()):
        c.fail(join_key(key, "id"), msg("s.id"))
    title = c.text(item["title"], join_key(key, "title")) if "title" in item else None
    kind = item.get("kind")
    if "kind" in item:
        c.choice(kind, join_key(key, "kind"), KINDS)
    start, end = c.period(item, key)
    sources = item.get("sources")
    if "sources" in item and not (
        isinstance(sources, list) and sources and all(isinstance(s, str) and s for s in sources)
    ):
        c.fail(join_key(key, "sources"), msg("s.sources"))
    if "tag" in item and item.get("tag") not in TAGS:
        c.fail(join_key(key, "tag"), msg("n.tag"))
    select = c.bool_(item.get("select", True), join_key(key, "select"))
    notes = c.text(item["notes"], join_key(key, "notes")) if "notes" in item else None
    _report(add, doc, c)
    if c.errors:
        return None
    assert isinstance(sid, str) and title and start and isinstance(kind, str)
    assert isinstance(sources, list)
    return Standard(
        id=sid,
        title=title,
        kind=kind,
        effective_from=start,
        effective_to=end,
        select=select,
        sources=tuple(s.strip() for s in sources),
        tag=str(item["tag"]),
        notes=notes,
    )


def parse_rulings(
    add: Add, doc: YamlDoc, item: Mapping[str, Any], key: str, groups: tuple[str, ...]
) -> tuple[str, tuple[Ruling, ...]] | None:
    """One entry of ``sensitivity``: ``(element id, rulings)``; standards are checked later."""
    c = Checker(doc)
    c.keys(item, key, (), ("element", "standards"))
    element = item.get("element")
    by_standard = item.get("standards")
    skey = join_key(key, "standards")
    rulings: list[Ruling] = []
    if not isinstance(element, str) or not element:
        c.fail(join_key(key, "element"), msg("c.element_id"))
    elif not isinstance(by_standard, Mapping) or not by_standard:
        c.fail(skey, msg("s.rulings", got=type_name(by_standard)))
    else:
        rulings = [
            ruling
            for sid, raw in by_standard.items()
            if (ruling := _ruling(c, str(sid), raw, join_key(skey, str(sid)), groups))
        ]
    _report(add, doc, c)
    if not isinstance(element, str) or not element or not isinstance(by_standard, Mapping):
        return None
    return (element, tuple(rulings)) if by_standard else None


def _ruling(c: Checker, sid: str, raw: Any, rkey: str, groups: tuple[str, ...]) -> Ruling | None:
    before = len(c.errors)
    if c.keys(raw, rkey, (), _RULING_KEYS) is None:
        return None
    sensitive, group, tag = raw.get("sensitive"), raw.get("group"), raw.get("tag")
    c.bool_(sensitive, join_key(rkey, "sensitive"))
    if tag not in TAGS:
        c.fail(join_key(rkey, "tag"), msg("n.tag"))
    if sensitive is True and group not in groups:
        c.fail(join_key(rkey, "group"), msg("s.group", groups=groups))
    if sensitive is False and group is not None:
        c.fail(join_key(rkey, "group"), msg("s.no_group"))
    source = c.str_(raw.get("source"), join_key(rkey, "source"), optional=True)
    note = c.text(raw["note"], join_key(rkey, "note")) if "note" in raw else None
    if len(c.errors) > before:
        return None
    return Ruling(
        standard=sid,
        sensitive=bool(sensitive),
        tag=str(tag),
        group=group if sensitive else None,
        source=source.strip() if isinstance(source, str) else None,
        note=note,
    )


# --- selection -------------------------------------------------------------------------------


def standard_in_force(catalog: Catalog, on: _dt.date) -> Standard | None:
    """The selectable standard in force on ``on`` (the latest to take effect), if any."""
    live = [s for s in catalog.standards.values() if s.select and s.in_force(on)]
    return max(live, key=lambda s: (s.effective_from, s.id)) if live else None


def ruling(catalog: Catalog, element_id: str, standard_id: str) -> Ruling | None:
    """What ``standard_id`` says about ``element_id`` (``None``: the catalog's own values)."""
    for item in catalog.sensitivity.get(element_id, ()):
        if item.standard == standard_id:
            return item
    return None


def evidence_text(standard: Standard, item: Ruling | None, element: Element) -> Text:
    """One line naming the standard behind an element's sensitivity (for a field's evidence)."""
    if item is None:
        return Text(
            f"sensitivity by {standard.id} (in force from {standard.effective_from}): "
            "no ruling recorded; the catalog's own value applies",
            f"敏感性依据 {standard.id}（{standard.effective_from} 起施行）：未记录该标准的判定，"
            "沿用目录自身的值",
        )
    verdict_en = f"sensitive ({item.group})" if item.sensitive else "not sensitive"
    verdict_zh = f"敏感（{item.group}）" if item.sensitive else "非敏感"
    return Text(
        f"sensitivity by {standard.id} (in force from {standard.effective_from}): {verdict_en} "
        f"[{item.tag}: {TAG_NAMES[item.tag]}]",
        f"敏感性依据 {standard.id}（{standard.effective_from} 起施行）：{verdict_zh}［{item.tag}］",
    )


_AT_CACHE: dict[tuple[int, str], tuple[Catalog, Catalog]] = {}


def at(catalog: Catalog, on: _dt.date, *, downgrades: bool = False) -> Catalog:
    """The catalog as of ``on``: each element's sensitivity under the standard then in force.

    The returned catalog names the standard (``sensitivity_standard``) and each element with a
    ruling carries the evidence line (``Element.sensitivity_evidence``).

    ``downgrades`` is the setting ``sensitivity_downgrades``. Whether an element that the
    catalog (and GB/T 35273-2020) treat as sensitive stops being sensitive because a newer
    recommended standard no longer lists it is unsettled: PIPL Art. 28's general test (harm to
    dignity, person or property when leaked) still applies. By default (``False``) such an
    element stays sensitive and its evidence says which setting kept it so; with ``True`` the
    standard in force applies as written.
    """
    standard = standard_in_force(catalog, on)
    sid = standard.id if standard else None
    key = (id(catalog), f"{sid}:{downgrades}")
    cached = _AT_CACHE.get(key)
    if cached is not None and cached[0] is catalog:
        return cached[1]
    if standard is None:
        out = replace(catalog, sensitivity_standard=None)
    else:
        elements = dict(catalog.elements)
        for eid, element in catalog.elements.items():
            item = ruling(catalog, eid, standard.id)
            if item is None:
                continue
            text = evidence_text(standard, item, element)
            if element.sensitive and not item.sensitive and not downgrades:
                text = Text(
                    f"{text.en}; kept sensitive as in the catalog because the setting "
                    "sensitivity_downgrades is false (PIPL Art. 28 may still apply)",
                    f"{text.zh}；因设置 sensitivity_downgrades 为 false，仍按目录视为敏感"
                    "（个人信息保护法第二十八条仍可能适用）",
                )
                elements[eid] = replace(element, sensitivity_evidence=text)
                continue
            if element.sensitive and not item.sensitive:
                text = Text(
                    f"{text.en}; applied because the setting sensitivity_downgrades is true",
                    f"{text.zh}；因设置 sensitivity_downgrades 为 true 而适用",
                )
            elements[eid] = _apply(catalog, element, item, text)
        out = replace(catalog, elements=elements, sensitivity_standard=standard.id)
    from dataflow.catalog.cache import derived

    derived(catalog, out, f"sensitivity.at\0{sid}\0{downgrades}")
    if len(_AT_CACHE) > 16:
        _AT_CACHE.clear()
    _AT_CACHE[key] = (catalog, out)
    return out


def _apply(catalog: Catalog, element: Element, item: Ruling, evidence: Text) -> Element:
    grade = element.grade
    if not element.grade_explicit and element.pi:
        grade = catalog.defaults["sensitive_pi" if item.sensitive else "pi"]
    return replace(
        element,
        sensitive=item.sensitive,
        sensitive_group=item.group if item.sensitive else None,
        grade=grade,
        sensitivity_evidence=evidence,
    )


def changes(catalog: Catalog) -> list[tuple[str, list[tuple[Standard, bool, str | None, str]]]]:
    """Every element whose sensitivity or group differs between standards.

    Per element: ``(standard, sensitive, group, tag)`` for every standard, in effective order;
    a standard without a ruling contributes the catalog's own values tagged ``-``.
    """
    standards = sorted(catalog.standards.values(), key=lambda s: (s.effective_from, s.id))
    out = []
    for eid in sorted(catalog.sensitivity):
        element = catalog.elements.get(eid)
        if element is None:
            continue
        row: list[tuple[Standard, bool, str | None, str]] = []
        for standard in standards:
            item = ruling(catalog, eid, standard.id)
            if item is None:
                row.append((standard, element.sensitive, element.sensitive_group, "-"))
            else:
                row.append((standard, item.sensitive, item.group, item.tag))
        if len({(s, g) for _, s, g, _ in row}) > 1:
            out.append((eid, row))
    return out
