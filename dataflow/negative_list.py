"""Negative lists: the file format, loading and validation, and matching (DESIGN §6).

A negative list names data that must go through a given mechanism (CAC security assessment,
standard contract or certification) or must not leave at all. National rules, free-trade-zone
lists (Provisions Art. 6) and an organisation's own policy all use the same YAML format::

    schema_version: 1
    list:
      id: acme-export-policy            # permanent, never reused
      title: {zh: ..., en: ...}         # or one string
      jurisdiction: organisation        # national | ftz | organisation
      zone: tianjin                     # ftz only: the exporter's zone the list is for
      version: "2026.1"
      effective_from: 2026-01-01
      effective_to: 2027-12-31          # optional, last day in force
      scope: {sectors: [all], scenarios: [all]}
      sources: ["..."]
      verified: true
      enabled_by_default: true          # false: applies only when selected by id
      complete: true                    # false: the entries are a partial transcription
      excludes_ciio: false              # true: CIIOs may not use the list (default for ftz)
    entries:
      - id: ACME-001
        sector: all                     # labels copied from the published list (for reports)
        scenario: all
        data_category: sensitive personal information
        condition: {sensitive: true}    # closed vocabulary; all keys present must hold
        important_data: false           # false | candidate | true
        required_mechanism: security_assessment
        message: {en: ..., zh: ...}
        source: "..."
        verified: true

Only ``condition`` decides whether an entry matches; ``sector``, ``scenario`` and
``data_category`` are labels. Element and category ids in a condition are dotted prefixes:
``pi.health`` covers ``pi.health`` and ``pi.health.diagnosis`` but not ``pi.healthcare``.

``min_grade: important`` holds only for *confirmed* important data (notified or published;
Provisions Art. 2, NDSMR Art. 37): a dataset the catalog grades ``important`` whose status is
only ``candidate`` counts as ``general-4`` for this condition.

``important_data`` says what the entry means for important data: ``true`` — the list itself
designates the matching data as important data (a published list), so the hit is binding;
``candidate`` — rules describe this kind of data as important data, but it counts as such only
once notified or published, so the hit binds only when the transfer's important-data status is
``confirmed`` and is otherwise a review item (``NegativeListHit.binding`` is false).

Everything here except loading is pure. No scanned value is ever rendered: hits name field
pointers, element ids and counts only.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dataflow import paths, vocab
from dataflow.errors import CatalogError
from dataflow.model import (
    DatasetResult,
    Grade,
    NegativeListHit,
    Problem,
    Severity,
    Text,
)
from dataflow.yamlio import (
    YamlDoc,
    as_date,
    check_keys,
    date_problem,
    join_key,
    load_yaml,
    type_name,
)

SCHEMA_VERSION = 1

JURISDICTIONS = ("national", "ftz", "organisation")
MECHANISMS = vocab.LIST_MECHANISMS
# Strictest first; used to sort hits and to pick the mechanism a set of hits requires.
MECHANISM_RANK = {name: rank for rank, name in enumerate(MECHANISMS)}
IMPORTANT_DATA_STATUSES = ("none", "candidate", "confirmed")
CONDITION_KEYS = (
    "elements_any",
    "elements_all",
    "categories_any",
    "min_grade",
    "sensitive",
    "subjects_gte",
    "sensitive_subjects_gte",
    "sector",
    "scenario",
    "destinations",
)
ALL = "all"
TAGS = ("V", "C", "K")

_LIST_REQUIRED = ("id", "title", "jurisdiction", "version", "effective_from", "sources", "verified")
_LIST_OPTIONAL = (
    "zone",
    "effective_to",
    "scope",
    "enabled_by_default",
    "complete",
    "excludes_ciio",
    "notes",
)
_ENTRY_REQUIRED = ("id", "condition", "required_mechanism", "message")
_ENTRY_OPTIONAL = (
    "sector",
    "scenario",
    "data_category",
    "important_data",
    "source",
    "verified",
    "tag",
    "effective_from",
    "effective_to",
    "notes",
)

_LIST_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")
_ENTRY_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")
_LABEL = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_DOTTED = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


# --- data types ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Condition:
    """An entry's condition. ``None`` means the key is absent; every present key must hold."""

    elements_any: tuple[str, ...] | None = None
    elements_all: tuple[str, ...] | None = None
    categories_any: tuple[str, ...] | None = None
    min_grade: Grade | None = None
    sensitive: bool | None = None
    subjects_gte: int | None = None
    sensitive_subjects_gte: int | None = None
    sector: tuple[str, ...] | None = None
    scenario: tuple[str, ...] | None = None
    destinations: tuple[str, ...] | None = None

    def render(self) -> tuple[str, ...]:
        """Each present key as ``key: value`` (the condition as written, not evaluated)."""
        out: list[str] = []
        for key in CONDITION_KEYS:
            value = getattr(self, key)
            if value is None:
                continue
            out.append(f"{key}: {_render_value(value)}")
        return tuple(out)


@dataclass(frozen=True)
class Entry:
    """One negative-list entry."""

    id: str
    condition: Condition
    required_mechanism: str
    message: Text
    sector: str | None = None
    scenario: str | None = None
    data_category: Text | None = None
    important_data: str = "none"  # none | candidate | confirmed (the list designates it)
    source: str | None = None
    verified: bool = True
    tag: str | None = None  # regulations.md confidence tag V / C / K
    effective_from: _dt.date | None = None
    effective_to: _dt.date | None = None
    notes: Text | None = None
    line: int | None = None


@dataclass(frozen=True)
class NegativeList:
    """A loaded, validated negative list."""

    id: str
    title: Text
    jurisdiction: str
    version: str
    effective_from: _dt.date
    sources: tuple[str, ...]
    verified: bool
    entries: tuple[Entry, ...]
    zone: str | None = None
    effective_to: _dt.date | None = None
    sectors: tuple[str, ...] = (ALL,)
    scenarios: tuple[str, ...] = (ALL,)
    enabled_by_default: bool = True
    complete: bool = True
    excludes_ciio: bool = False
    notes: Text | None = None
    path: str = ""
    shipped: bool = False
    warnings: tuple[Problem, ...] = ()

    def entry(self, entry_id: str) -> Entry | None:
        """The entry with this id, if any."""
        for item in self.entries:
            if item.id == entry_id:
                return item
        return None

    @property
    def unverified_entries(self) -> tuple[str, ...]:
        """Ids of entries not checked against the published text."""
        return tuple(e.id for e in self.entries if not e.verified)


@dataclass(frozen=True)
class MatchContext:
    """What an entry's condition can look at, for one transfer (or one dataset).

    ``elements`` and ``categories`` map an id present in the data to the pointers of the fields
    carrying it. ``subjects`` / ``sensitive_subjects`` are the people counts the caller wants
    thresholds compared with (cumulative since 1 January under the Provisions). ``important_data``
    is ``none`` / ``candidate`` / ``confirmed``. ``ftz`` is the exporter's zone id. ``as_of`` is the
    date whose rules apply; ``None`` ignores effective dates.
    """

    elements: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    categories: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    grade: Grade | None = None
    sensitive: bool = False
    sensitive_fields: tuple[str, ...] = ()
    subjects: int = 0
    sensitive_subjects: int = 0
    sector: str | None = None
    scenario: str | None = None
    destination: str | None = None
    important_data: str = "none"
    ftz: str | None = None
    ciio: bool = False
    as_of: _dt.date | None = None

    def all_categories(self) -> dict[str, tuple[str, ...]]:
        """Categories given plus those implied by the elements (an element id minus its last part)."""
        out: dict[str, set[str]] = {k: set(v) for k, v in self.categories.items()}
        for element, pointers in self.elements.items():
            if "." in element:
                out.setdefault(element.rsplit(".", 1)[0], set()).update(pointers)
        return {k: tuple(sorted(v)) for k, v in out.items()}


@dataclass(frozen=True)
class FtzOutcome:
    """What the exporter's FTZ negative lists say about a transfer (Provisions Art. 6).

    ``status``:
    - ``not_ftz`` — the exporter is not in a free-trade zone;
    - ``ciio`` — the exporter is a CIIO and the zone's lists exclude CIIOs;
    - ``no_list`` — no loaded list for the zone is in force on ``as_of``;
    - ``out_of_scope`` — the zone's lists do not cover the transfer's sector/scenario
      (national rules apply);
    - ``exempt`` — in scope and no binding entry matched (exempt under Art. 6);
    - ``listed`` — a binding entry matched: ``mechanism`` is the strictest such entry's.
    ``caveats`` say when the verdict rests on unverified or partial lists.
    """

    status: str
    zone: str | None = None
    lists: tuple[str, ...] = ()
    hits: tuple[NegativeListHit, ...] = ()
    mechanism: str | None = None
    caveats: tuple[Text, ...] = ()


class NegativeListError(CatalogError):
    """One or more negative lists failed validation; ``problems`` has every one of them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0]
        super().__init__(first.message, path=first.path, line=first.line, column=first.column)

    def render(self) -> str:
        """Every problem on its own line: ``path:line: key: message``."""
        return "\n".join(p.render() for p in getattr(self, "problems", ()))


# --- rendering helpers ----------------------------------------------------------------------


def _render_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Grade):
        return value.label
    if isinstance(value, tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def covers(prefix: str, ident: str) -> bool:
    """Whether the dotted ``prefix`` covers ``ident`` (equal, or ``ident`` lies below it)."""
    return ident == prefix or ident.startswith(prefix + ".")


# --- loading and validation ------------------------------------------------------------------


class _Collector:
    """Collects every problem of one file instead of stopping at the first."""

    def __init__(self, doc: YamlDoc) -> None:
        self.doc = doc
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def error(self, key: str, message: str) -> None:
        self.errors.append(self._problem(key, message, Severity.ERROR))

    def warn(self, key: str, message: str) -> None:
        self.warnings.append(self._problem(key, message, Severity.WARNING))

    def _problem(self, key: str, message: str, severity: Severity) -> Problem:
        text = f"{key}: {message}" if key else message
        return Problem(path=self.doc.path, message=text, line=self.doc.line(key), severity=severity)


def _text(c: _Collector, value: Any, key: str) -> Text | None:
    """A string (both languages) or a mapping ``{en, zh}`` (one may be missing)."""
    if isinstance(value, str):
        if not value.strip():
            c.error(key, "must not be empty")
            return None
        return Text(en=value.strip(), zh=value.strip())
    if isinstance(value, Mapping):
        for problem in check_keys(c.doc, value, key, optional=("en", "zh")):
            c.error(*problem)
        en, zh = value.get("en"), value.get("zh")
        for lang, text in (("en", en), ("zh", zh)):
            if text is not None and (not isinstance(text, str) or not text.strip()):
                c.error(join_key(key, lang), "expected a non-empty string")
                return None
        if en is None and zh is None:
            c.error(key, "expected 'en' and/or 'zh'")
            return None
        en_text = str(en if en is not None else zh).strip()
        zh_text = str(zh if zh is not None else en).strip()
        return Text(en=en_text, zh=zh_text)
    c.error(key, f"expected a string or a mapping with 'en' and 'zh', got {type_name(value)}")
    return None


def _date(c: _Collector, value: Any, key: str) -> _dt.date | None:
    found = as_date(value)
    if found is None:
        c.error(key, date_problem(value))
    return found


def _bool(c: _Collector, value: Any, key: str) -> bool | None:
    if isinstance(value, bool):
        return value
    c.error(key, f"expected true or false, got {type_name(value)}")
    return None


def _string_list(
    c: _Collector, value: Any, key: str, pattern: re.Pattern[str], what: str
) -> tuple[str, ...] | None:
    """A non-empty list of strings matching ``pattern`` (a single string is a list of one)."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        c.error(key, f"expected a non-empty list of {what}, got {type_name(value)}")
        return None
    out: list[str] = []
    ok = True
    for i, item in enumerate(items):
        item_key = join_key(key, i) if not isinstance(value, str) else key
        if not isinstance(item, str) or not pattern.match(item):
            shown = repr(item) if isinstance(item, str) and len(item) <= 80 else type_name(item)
            c.error(item_key, f"expected {what}, got {shown}")
            ok = False
            continue
        out.append(item)
    if len(set(out)) != len(out):
        c.error(key, "contains duplicates")
        ok = False
    return tuple(out) if ok else None


def _count(c: _Collector, value: Any, key: str) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    c.error(key, f"expected a whole number ≥ 0, got {type_name(value)}")
    return None


def _condition(c: _Collector, value: Any, key: str) -> Condition | None:
    if not isinstance(value, Mapping):
        c.error(key, f"expected a mapping, got {type_name(value)}")
        return None
    before = len(c.errors)
    for k in value:
        if k not in CONDITION_KEYS:
            c.error(
                join_key(key, k),
                f"unknown condition {k!r} (allowed: {', '.join(CONDITION_KEYS)})",
            )
    if not value:
        c.error(key, "must have at least one condition (an empty condition would match anything)")
    kwargs: dict[str, Any] = {}
    for k in ("elements_any", "elements_all", "categories_any"):
        if k in value:
            kwargs[k] = _string_list(c, value[k], join_key(key, k), _DOTTED, "dotted ids")
    if "min_grade" in value:
        raw = value["min_grade"]
        try:
            kwargs["min_grade"] = Grade.parse(raw) if isinstance(raw, str) else None
        except ValueError:
            kwargs["min_grade"] = None
        if kwargs["min_grade"] is None:
            c.error(
                join_key(key, "min_grade"),
                "expected one of: general-1 … general-4, important, core",
            )
    if "sensitive" in value:
        kwargs["sensitive"] = _bool(c, value["sensitive"], join_key(key, "sensitive"))
    for k in ("subjects_gte", "sensitive_subjects_gte"):
        if k in value:
            kwargs[k] = _count(c, value[k], join_key(key, k))
    for k in ("sector", "scenario"):
        if k in value:
            kwargs[k] = _string_list(c, value[k], join_key(key, k), _LABEL, "lower-case ids")
    if "destinations" in value:
        raw = value["destinations"]
        upper = (
            [v.upper() if isinstance(v, str) else v for v in raw] if isinstance(raw, list) else raw
        )
        if isinstance(upper, str):
            upper = upper.upper()
        kwargs["destinations"] = _string_list(
            c, upper, join_key(key, "destinations"), _COUNTRY, "ISO 3166 two-letter country codes"
        )
    if len(c.errors) > before:
        return None
    return Condition(**kwargs)


def _known(prefix: str, known: Collection[str]) -> bool:
    return any(covers(prefix, ident) for ident in known)


def _entry(
    c: _Collector,
    raw: Any,
    key: str,
    list_verified: bool | None,
    known_elements: Collection[str] | None,
) -> Entry | None:
    if not isinstance(raw, Mapping):
        c.error(key, f"expected a mapping, got {type_name(raw)}")
        return None
    before = len(c.errors)
    for problem in check_keys(c.doc, raw, key, required=_ENTRY_REQUIRED, optional=_ENTRY_OPTIONAL):
        c.error(*problem)
    entry_id = raw.get("id")
    if "id" in raw and (not isinstance(entry_id, str) or not _ENTRY_ID.match(entry_id)):
        c.error(join_key(key, "id"), "expected an id of letters, digits, '.', '_' or '-'")
    condition = (
        _condition(c, raw["condition"], join_key(key, "condition")) if "condition" in raw else None
    )
    mechanism = raw.get("required_mechanism")
    if "required_mechanism" in raw and mechanism not in MECHANISMS:
        c.error(
            join_key(key, "required_mechanism"),
            f"expected one of: {', '.join(MECHANISMS)}",
        )
    message = _text(c, raw["message"], join_key(key, "message")) if "message" in raw else None
    labels: dict[str, str | None] = {}
    for k in ("sector", "scenario"):
        v = raw.get(k)
        if v is not None and (not isinstance(v, str) or not v.strip()):
            c.error(join_key(key, k), f"expected a string, got {type_name(v)}")
        labels[k] = v.strip() if isinstance(v, str) and v.strip() else None
    data_category = (
        _text(c, raw["data_category"], join_key(key, "data_category"))
        if "data_category" in raw
        else None
    )
    important = raw.get("important_data", False)
    important_status = "none"
    if important is True:
        important_status = "confirmed"
    elif important == "candidate":
        important_status = "candidate"
    elif important is not False:
        c.error(join_key(key, "important_data"), "expected false, true or candidate")
    if important_status != "none" and mechanism == "standard_contract_or_certification":
        c.error(
            join_key(key, "required_mechanism"),
            "important data needs a security assessment (NDSMR Art. 37); "
            "use security_assessment or prohibited",
        )
    source = raw.get("source")
    if source is not None and (not isinstance(source, str) or not source.strip()):
        c.error(join_key(key, "source"), f"expected a non-empty string, got {type_name(source)}")
    verified: bool | None = list_verified if list_verified is not None else False
    if "verified" in raw:
        verified = _bool(c, raw["verified"], join_key(key, "verified"))
    tag = raw.get("tag")
    if tag is not None and tag not in TAGS:
        c.error(join_key(key, "tag"), "expected V (verified), C (corroborated) or K (recalled)")
    if tag in ("C", "K") and verified is True:
        c.error(
            join_key(key, "verified"),
            f"an entry tagged {tag} was not checked against the published text; "
            "set verified: false",
        )
    eff_from = (
        _date(c, raw["effective_from"], join_key(key, "effective_from"))
        if "effective_from" in raw
        else None
    )
    eff_to = (
        _date(c, raw["effective_to"], join_key(key, "effective_to"))
        if "effective_to" in raw
        else None
    )
    if eff_from and eff_to and eff_to < eff_from:
        c.error(join_key(key, "effective_to"), "is before effective_from")
    notes = _text(c, raw["notes"], join_key(key, "notes")) if "notes" in raw else None
    if condition is not None and known_elements is not None:
        for k in ("elements_any", "elements_all", "categories_any"):
            for i, ident in enumerate(getattr(condition, k) or ()):
                if not _known(ident, known_elements):
                    c.warn(
                        join_key(join_key(join_key(key, "condition"), k), i),
                        f"{ident!r} covers no element of the catalog; the condition can only "
                        "hold for elements that a user catalog adds",
                    )
    if condition is not None and labels["sector"] not in (None, ALL) and condition.sector is None:
        c.warn(
            join_key(key, "sector"),
            "the entry is labelled with a sector but its condition does not restrict the sector "
            "(labels do not take part in matching)",
        )
    if len(c.errors) > before or condition is None or message is None or verified is None:
        return None
    assert isinstance(entry_id, str) and isinstance(mechanism, str)
    return Entry(
        id=entry_id,
        condition=condition,
        required_mechanism=mechanism,
        message=message,
        sector=labels["sector"],
        scenario=labels["scenario"],
        data_category=data_category,
        important_data=important_status,
        source=source.strip() if isinstance(source, str) else None,
        verified=verified,
        tag=tag,
        effective_from=eff_from,
        effective_to=eff_to,
        notes=notes,
        line=c.doc.line(key),
    )


def parse_list(
    doc: YamlDoc,
    *,
    known_elements: Collection[str] | None = None,
    shipped: bool = False,
) -> tuple[NegativeList | None, list[Problem], list[Problem]]:
    """Validate a loaded document: ``(list or None, errors, warnings)``; collects every problem."""
    c = _Collector(doc)
    data = doc.data
    if not isinstance(data, Mapping):
        c.error("", f"a negative list must be a mapping, got {type_name(data)}")
        return None, c.errors, c.warnings
    for problem in check_keys(doc, data, "", required=("schema_version", "list", "entries")):
        c.error(*problem)
    if "schema_version" in data and (
        data["schema_version"] != SCHEMA_VERSION or isinstance(data["schema_version"], bool)
    ):
        c.error(
            "schema_version", f"unsupported schema_version; this dataflow reads {SCHEMA_VERSION}"
        )
    meta = data.get("list")
    values: dict[str, Any] = {}
    list_verified: bool | None = None
    if "list" in data and not isinstance(meta, Mapping):
        c.error("list", f"expected a mapping, got {type_name(meta)}")
    elif isinstance(meta, Mapping):
        values, list_verified = _list_meta(c, meta)
    raw_entries = data.get("entries")
    entries: list[Entry] = []
    if "entries" in data:
        if not isinstance(raw_entries, list):
            c.error("entries", f"expected a list, got {type_name(raw_entries)}")
        else:
            if not raw_entries:
                c.warn("entries", "the list has no entries")
            seen: dict[str, str] = {}
            for i, raw in enumerate(raw_entries):
                key = join_key("entries", i)
                entry = _entry(c, raw, key, list_verified, known_elements)
                if isinstance(raw, Mapping) and isinstance(raw.get("id"), str):
                    if raw["id"] in seen:
                        c.error(
                            join_key(key, "id"),
                            f"duplicate entry id {raw['id']!r} (first at {seen[raw['id']]})",
                        )
                    seen.setdefault(raw["id"], f"line {doc.line(key)}")
                if entry is not None:
                    entries.append(entry)
    if values.get("id") is not None and values["id"] in {e.id for e in entries}:
        c.error("list.id", "an entry uses the list's own id; ids must be unique")
    if c.errors:
        return None, c.errors, c.warnings
    lst = NegativeList(
        entries=tuple(entries),
        path=doc.path,
        shipped=shipped,
        warnings=tuple(c.warnings),
        **values,
    )
    return lst, c.errors, c.warnings


def _list_meta(c: _Collector, meta: Mapping[str, Any]) -> tuple[dict[str, Any], bool | None]:
    values: dict[str, Any] = {}
    for problem in check_keys(
        c.doc, meta, "list", required=_LIST_REQUIRED, optional=_LIST_OPTIONAL
    ):
        c.error(*problem)
    list_id = meta.get("id")
    if "id" in meta:
        if isinstance(list_id, str) and _LIST_ID.match(list_id):
            values["id"] = list_id
        else:
            c.error("list.id", "expected a lower-case id of letters, digits, '.', '_' or '-'")
    if "title" in meta:
        values["title"] = _text(c, meta["title"], "list.title")
    jurisdiction = meta.get("jurisdiction")
    if "jurisdiction" in meta:
        if jurisdiction in JURISDICTIONS:
            values["jurisdiction"] = jurisdiction
        else:
            c.error("list.jurisdiction", f"expected one of: {', '.join(JURISDICTIONS)}")
    zone = meta.get("zone")
    if jurisdiction == "ftz":
        if zone is None:
            c.error(
                "list", "an ftz list needs 'zone' (e.g. tianjin, beijing, shanghai_lingang, hainan)"
            )
        elif not isinstance(zone, str) or not _LABEL.match(zone):
            c.error("list.zone", "expected a lower-case zone id such as tianjin")
        else:
            values["zone"] = zone
    elif zone is not None and jurisdiction in JURISDICTIONS:
        c.error("list.zone", "only an ftz list has a zone")
    version = meta.get("version")
    if "version" in meta:
        if isinstance(version, str) and version.strip():
            values["version"] = version.strip()
        elif isinstance(version, int) and not isinstance(version, bool):
            values["version"] = str(version)
        else:
            c.error(
                "list.version",
                f'expected a string (quote it, e.g. "2026.1"), got {type_name(version)}',
            )
    if "effective_from" in meta:
        values["effective_from"] = _date(c, meta["effective_from"], "list.effective_from")
    if "effective_to" in meta:
        values["effective_to"] = _date(c, meta["effective_to"], "list.effective_to")
        if (
            values.get("effective_from")
            and values["effective_to"]
            and values["effective_to"] < values["effective_from"]
        ):
            c.error("list.effective_to", "is before effective_from")
    if "scope" in meta:
        scope = meta["scope"]
        if not isinstance(scope, Mapping):
            c.error("list.scope", f"expected a mapping, got {type_name(scope)}")
        else:
            for problem in check_keys(
                c.doc, scope, "list.scope", optional=("sectors", "scenarios")
            ):
                c.error(*problem)
            for k in ("sectors", "scenarios"):
                if k in scope:
                    got = _string_list(c, scope[k], f"list.scope.{k}", _LABEL, "lower-case ids")
                    if got is not None:
                        values[k] = got
    if "sources" in meta:
        sources = meta["sources"]
        if (
            isinstance(sources, list)
            and sources
            and all(isinstance(s, str) and s.strip() for s in sources)
        ):
            values["sources"] = tuple(s.strip() for s in sources)
        else:
            c.error("list.sources", "expected a non-empty list of strings (titles, articles, URLs)")
    list_verified = None
    if "verified" in meta:
        list_verified = _bool(c, meta["verified"], "list.verified")
        values["verified"] = list_verified
    for k in ("enabled_by_default", "complete", "excludes_ciio"):
        if k in meta:
            values[k] = _bool(c, meta[k], f"list.{k}")
    if "excludes_ciio" not in meta:
        values["excludes_ciio"] = jurisdiction == "ftz"
    if "notes" in meta:
        values["notes"] = _text(c, meta["notes"], "list.notes")
    return values, list_verified


def load_list_file(
    path: str | Path, *, known_elements: Collection[str] | None = None, shipped: bool = False
) -> tuple[NegativeList | None, list[Problem], list[Problem]]:
    """Load and validate one file: ``(list or None, errors, warnings)``; never raises for bad input."""
    try:
        doc = load_yaml(path, error_cls=CatalogError)
    except CatalogError as exc:
        return (
            None,
            [Problem(path=str(path), message=exc.message, line=exc.line, column=exc.column)],
            [],
        )
    return parse_list(doc, known_elements=known_elements, shipped=shipped)


def shipped_list_paths() -> list[Path]:
    """The shipped list files, sorted by name."""
    return sorted(paths.negative_lists_dir().glob("*.yaml"))


def _expand(user_paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for p in user_paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted([*p.glob("*.yaml"), *p.glob("*.yml")]))
        else:
            out.append(p)
    return out


def check_unique(lists: Sequence[NegativeList]) -> list[Problem]:
    """Problems for list and entry ids used twice across ``lists`` (ids are global)."""
    problems: list[Problem] = []
    owners: dict[str, str] = {}
    for lst in lists:
        for ident, line, what in [
            (lst.id, None, "list id"),
            *[(e.id, e.line, "entry id") for e in lst.entries],
        ]:
            where = f"{lst.path}" + (f":{line}" if line else "")
            if ident in owners:
                problems.append(
                    Problem(
                        path=lst.path,
                        line=line,
                        message=f"{what} {ident!r} is already used by {owners[ident]}; "
                        "list and entry ids must be unique across the lists in use",
                    )
                )
            else:
                owners[ident] = where
    return problems


def load_lists(
    paths: Sequence[Path] = (),
    *,
    include_shipped: bool = True,
    shipped_ids: Sequence[str] | None = None,
    known_elements: Collection[str] | None = None,
) -> tuple[NegativeList, ...]:
    """Load the negative lists a run uses.

    Shipped lists: with ``shipped_ids=None`` every shipped list with ``enabled_by_default: true``
    (the example organisation list is not); otherwise exactly the shipped lists named. User
    lists (``paths``: files or folders of ``*.yaml``) always apply. Every problem in every file is
    reported at once as a :class:`NegativeListError` (a ``CatalogError``). ``known_elements``
    (catalog element ids) turns unknown element ids in conditions into warnings on
    ``NegativeList.warnings``.
    """
    errors: list[Problem] = []
    chosen: list[NegativeList] = []
    if include_shipped:
        shipped: list[NegativeList] = []
        for p in shipped_list_paths():
            lst, errs, _ = load_list_file(p, known_elements=known_elements, shipped=True)
            errors.extend(errs)
            if lst is not None:
                shipped.append(lst)
        by_id = {lst.id: lst for lst in shipped}
        if shipped_ids is None:
            chosen.extend(sorted((x for x in shipped if x.enabled_by_default), key=lambda x: x.id))
        else:
            for ident in shipped_ids:
                if ident in by_id:
                    if by_id[ident] not in chosen:
                        chosen.append(by_id[ident])
                else:
                    errors.append(
                        Problem(
                            path="shipped_negative_lists",
                            message=f"no shipped negative list {ident!r} "
                            f"(shipped: {', '.join(sorted(by_id))})",
                        )
                    )
    for p in _expand(paths):
        lst, errs, _ = load_list_file(p, known_elements=known_elements)
        errors.extend(errs)
        if lst is not None:
            chosen.append(lst)
    if not errors:
        errors.extend(check_unique(chosen))
    if errors:
        raise NegativeListError(errors)
    return tuple(chosen)


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
    if cond.elements_any is not None:
        covered = _ids_covered(cond.elements_any, ctx.elements)
        hit = sorted({i for ids in covered.values() for i in ids})
        if not hit:
            return False, (), ()
        for i in hit:
            fields.update(ctx.elements[i])
        held.append(f"elements_any: {', '.join(hit)}")
    if cond.elements_all is not None:
        covered = _ids_covered(cond.elements_all, ctx.elements)
        if not all(covered.values()):
            return False, (), ()
        parts = []
        for prefix in cond.elements_all:
            for i in covered[prefix]:
                fields.update(ctx.elements[i])
            parts.append(f"{prefix} ({', '.join(covered[prefix])})")
        held.append(f"elements_all: {'; '.join(parts)}")
    if cond.categories_any is not None:
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
        held.append(f"sensitive: {_render_value(cond.sensitive)}")
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
    if cond.sector is not None:
        if not _label_in(ctx.sector, cond.sector):
            return False, (), ()
        held.append(f"sector: {ctx.sector.strip().lower() if ctx.sector else ALL}")
    if cond.scenario is not None:
        if not _label_in(ctx.scenario, cond.scenario):
            return False, (), ()
        held.append(f"scenario: {ctx.scenario.strip().lower() if ctx.scenario else ALL}")
    if cond.destinations is not None:
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
