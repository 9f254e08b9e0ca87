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

from dataflow.model import Text
from dataflow.yamlio import YamlDoc, as_date, date_problem, join_key, type_name

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


def _text(add: Add, doc: YamlDoc, value: Any, key: str) -> Text | None:
    if isinstance(value, str) and value.strip():
        return Text(value.strip(), value.strip())
    if isinstance(value, Mapping) and set(value) <= {"en", "zh"} and value:
        en, zh = value.get("en"), value.get("zh")
        if all(v is None or (isinstance(v, str) and v.strip()) for v in (en, zh)):
            return Text(str(en or zh).strip(), str(zh or en).strip())
    add(doc, key, f"expected a string or a mapping with 'en' and 'zh', got {type_name(value)}")
    return None


def _date(add: Add, doc: YamlDoc, value: Any, key: str) -> _dt.date | None:
    date = as_date(value)
    if date is None:
        add(doc, key, date_problem(value))
    return date


def _unknown(
    add: Add, doc: YamlDoc, item: Mapping[str, Any], key: str, allowed: tuple[str, ...]
) -> None:
    for k in item:
        if k not in allowed:
            add(doc, join_key(key, k), f"unknown key {k!r} (allowed: {', '.join(allowed)})")


def parse_standard(add: Add, doc: YamlDoc, item: Mapping[str, Any], key: str) -> Standard | None:
    """One entry of ``standards``; ``None`` (problems reported through ``add``) when invalid."""
    _unknown(add, doc, item, key, _STANDARD_KEYS)
    missing = [
        k for k in ("id", "title", "kind", "effective_from", "sources", "tag") if k not in item
    ]
    for k in missing:
        add(doc, key, f"missing required key {k!r}")
    sid = item.get("id")
    if "id" in item and not (isinstance(sid, str) and sid and sid == sid.lower().strip()):
        add(doc, join_key(key, "id"), "expected a lower-case id such as gb-t-45574-2025")
        sid = None
    title = _text(add, doc, item["title"], join_key(key, "title")) if "title" in item else None
    kind = item.get("kind")
    if "kind" in item and kind not in KINDS:
        add(doc, join_key(key, "kind"), f"expected one of: {', '.join(KINDS)}")
    start = (
        _date(add, doc, item["effective_from"], join_key(key, "effective_from"))
        if "effective_from" in item
        else None
    )
    end = (
        _date(add, doc, item["effective_to"], join_key(key, "effective_to"))
        if item.get("effective_to") is not None
        else None
    )
    if start and end and end < start:
        add(doc, join_key(key, "effective_to"), "is before effective_from")
    sources = item.get("sources")
    if "sources" in item and not (
        isinstance(sources, list) and sources and all(isinstance(s, str) and s for s in sources)
    ):
        add(doc, join_key(key, "sources"), "expected a non-empty list of strings")
        sources = None
    tag = item.get("tag")
    if "tag" in item and tag not in TAGS:
        add(doc, join_key(key, "tag"), "expected V (verified), C (corroborated) or K (recalled)")
    select = item.get("select", True)
    if not isinstance(select, bool):
        add(doc, join_key(key, "select"), f"expected true or false, got {type_name(select)}")
    notes = _text(add, doc, item["notes"], join_key(key, "notes")) if "notes" in item else None
    if missing or None in (sid, title, start, sources) or kind not in KINDS or tag not in TAGS:
        return None
    if not isinstance(select, bool) or (end is None and item.get("effective_to") is not None):
        return None
    assert isinstance(sid, str) and title and start and isinstance(kind, str)
    assert isinstance(tag, str) and isinstance(sources, list)
    return Standard(
        id=sid,
        title=title,
        kind=kind,
        effective_from=start,
        effective_to=end,
        select=select,
        sources=tuple(s.strip() for s in sources),
        tag=tag,
        notes=notes,
    )


def parse_rulings(
    add: Add, doc: YamlDoc, item: Mapping[str, Any], key: str, groups: tuple[str, ...]
) -> tuple[str, tuple[Ruling, ...]] | None:
    """One entry of ``sensitivity``: ``(element id, rulings)``; standards are checked later."""
    _unknown(add, doc, item, key, ("element", "standards"))
    element = item.get("element")
    if not isinstance(element, str) or not element:
        add(doc, join_key(key, "element"), "expected an element id")
        return None
    by_standard = item.get("standards")
    skey = join_key(key, "standards")
    if not isinstance(by_standard, Mapping) or not by_standard:
        add(doc, skey, f"expected a mapping of standard id to ruling, got {type_name(by_standard)}")
        return None
    rulings: list[Ruling] = []
    for sid, raw in by_standard.items():
        rkey = join_key(skey, str(sid))
        if not isinstance(raw, Mapping):
            add(doc, rkey, f"expected a mapping, got {type_name(raw)}")
            continue
        _unknown(add, doc, raw, rkey, _RULING_KEYS)
        sensitive = raw.get("sensitive")
        group = raw.get("group")
        tag = raw.get("tag")
        ok = True
        if not isinstance(sensitive, bool):
            add(doc, join_key(rkey, "sensitive"), "expected true or false")
            ok = False
        if tag not in TAGS:
            add(
                doc,
                join_key(rkey, "tag"),
                "expected V (verified), C (corroborated) or K (recalled)",
            )
            ok = False
        if sensitive is True and group not in groups:
            add(doc, join_key(rkey, "group"), f"expected a PIPL Art. 28 group: {', '.join(groups)}")
            ok = False
        if sensitive is False and group is not None:
            add(doc, join_key(rkey, "group"), "a ruling that is not sensitive has no group")
            ok = False
        source = raw.get("source")
        if source is not None and not (isinstance(source, str) and source.strip()):
            add(doc, join_key(rkey, "source"), "expected a non-empty string")
            ok = False
        note = _text(add, doc, raw["note"], join_key(rkey, "note")) if "note" in raw else None
        if not ok:
            continue
        rulings.append(
            Ruling(
                standard=str(sid),
                sensitive=bool(sensitive),
                tag=str(tag),
                group=group if sensitive else None,
                source=source.strip() if isinstance(source, str) else None,
                note=note,
            )
        )
    return element, tuple(rulings)


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
