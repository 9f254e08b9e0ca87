"""Reading negative-list files: every key checked, every problem collected."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from dataflow import paths, vocab
from dataflow.condition import SPELLINGS, attribute
from dataflow.errors import CatalogError
from dataflow.i18n import msg
from dataflow.legal_texts import legal_text
from dataflow.model import (
    Grade,
    Problem,
    Text,
)
from dataflow.negative_list.model import (
    ALL,
    CONDITION_KEYS,
    JURISDICTIONS,
    MECHANISMS,
    SCHEMA_VERSION,
    TAGS,
    Condition,
    Entry,
    NegativeList,
    NegativeListError,
    covers,
)
from dataflow.yamlio import Checker, YamlDoc, YamlProblem, join_key, load_yaml, type_name

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


# --- loading and validation ------------------------------------------------------------------


def _string_list(
    c: Checker, value: Any, key: str, pattern: re.Pattern[str], what: Text
) -> tuple[str, ...] | None:
    """A non-empty list of strings matching ``pattern`` (a single string is a list of one)."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        c.fail(key, msg("y.expected_list_of", what=what, got=type_name(value)))
        return None
    out: list[str] = []
    ok = True
    for i, item in enumerate(items):
        item_key = join_key(key, i) if not isinstance(value, str) else key
        if not isinstance(item, str) or not pattern.match(item):
            shown = repr(item) if isinstance(item, str) and len(item) <= 80 else type_name(item)
            c.fail(item_key, msg("y.expected_item", what=what, got=shown))
            ok = False
            continue
        out.append(item)
    if len(set(out)) != len(out):
        c.fail(key, msg("y.duplicates"))
        ok = False
    return tuple(out) if ok else None


def _count(c: Checker, value: Any, key: str) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    c.fail(key, msg("y.count", got=type_name(value)))
    return None


_WHAT_DOTTED = Text("dotted ids", "点分 id")
_WHAT_LABELS = Text("lower-case ids", "小写 id")
_WHAT_COUNTRIES = Text("ISO 3166 two-letter country codes", "ISO 3166 两字母国家代码")


def _condition(c: Checker, value: Any, key: str) -> Condition | None:
    if not isinstance(value, Mapping):
        c.fail(key, msg("y.expected_mapping", got=type_name(value)))
        return None
    before = len(c.errors)
    for k in value:
        if k not in CONDITION_KEYS and k not in SPELLINGS.values():
            c.fail(
                join_key(key, k),
                msg("r.unknown_condition", condition=repr(k), allowed=CONDITION_KEYS),
            )
    if "sector" in value and "sectors" in value:
        c.fail(join_key(key, "sectors"), msg("n.both_spellings", one="sector", other="sectors"))
    if not value:
        c.fail(key, msg("n.empty_condition"))
    kwargs: dict[str, Any] = {}
    for k in ("elements_any", "elements_all", "categories_any"):
        if k in value:
            kwargs[k] = _string_list(c, value[k], join_key(key, k), _DOTTED, _WHAT_DOTTED)
    if "min_grade" in value:
        kwargs["min_grade"] = _min_grade(c, value["min_grade"], join_key(key, "min_grade"))
    if "sensitive" in value:
        kwargs["sensitive"] = c.bool_(value["sensitive"], join_key(key, "sensitive"))
    for k in ("subjects_gte", "sensitive_subjects_gte"):
        if k in value:
            kwargs[k] = _count(c, value[k], join_key(key, k))
    for k in ("sector", "sectors", "scenario"):
        if k in value:
            kwargs[attribute(k)] = _string_list(c, value[k], join_key(key, k), _LABEL, _WHAT_LABELS)
    if "destinations" in value:
        raw = value["destinations"]
        upper = (
            [v.upper() if isinstance(v, str) else v for v in raw] if isinstance(raw, list) else raw
        )
        if isinstance(upper, str):
            upper = upper.upper()
        kwargs["destinations"] = _string_list(
            c, upper, join_key(key, "destinations"), _COUNTRY, _WHAT_COUNTRIES
        )
    if len(c.errors) > before:
        return None
    return Condition(**kwargs)


def _min_grade(c: Checker, raw: Any, key: str) -> Grade | None:
    try:
        grade = Grade.parse(raw) if isinstance(raw, str) else None
    except ValueError:
        grade = None
    if grade is None:
        c.fail(key, msg("n.min_grade"))
    return grade


def _known(prefix: str, known: Collection[str]) -> bool:
    return any(covers(prefix, ident) for ident in known)


def _important_status(c: Checker, raw: Mapping[str, Any], key: str) -> str:
    """``none``, ``candidate`` or ``confirmed`` from an entry's ``important_data``."""
    important = raw.get("important_data", False)
    if important is True:
        status = "confirmed"
    elif important == "candidate":
        status = "candidate"
    else:
        status = "none"
        if important is not False:
            c.fail(join_key(key, "important_data"), msg("n.important_data"))
    # Important data leaves only after a security assessment (NDSMR Art. 37; legal_texts.yaml).
    mechanism = raw.get("required_mechanism")
    if (
        status != "none"
        and mechanism in vocab.MECHANISMS
        and mechanism not in legal_text("important_data_mechanisms").mechanisms
    ):
        c.fail(join_key(key, "required_mechanism"), msg("n.important_needs_assessment"))
    return status


def _entry_verified(
    c: Checker, raw: Mapping[str, Any], key: str, list_verified: bool | None
) -> bool:
    verified = list_verified if list_verified is not None else False
    if "verified" in raw:
        verified = c.bool_(raw["verified"], join_key(key, "verified"))
    tag = raw.get("tag")
    if tag is not None and tag not in TAGS:
        c.fail(join_key(key, "tag"), msg("n.tag"))
    if tag in ("C", "K") and verified is True:
        c.fail(join_key(key, "verified"), msg("n.tag_not_verified", tag=tag))
    return verified


def _entry_warnings(
    c: Checker,
    key: str,
    condition: Condition | None,
    sector: str | None,
    known_elements: Collection[str] | None,
) -> None:
    if condition is not None and known_elements is not None:
        for k in ("elements_any", "elements_all", "categories_any"):
            for i, ident in enumerate(getattr(condition, k) or ()):
                if not _known(ident, known_elements):
                    c.warn(
                        join_key(join_key(join_key(key, "condition"), k), i),
                        msg("n.covers_nothing", id=ident),
                    )
    if condition is not None and sector not in (None, ALL) and not condition.sectors:
        c.warn(join_key(key, "sector"), msg("n.sector_label"))


def _optional_text(c: Checker, raw: Mapping[str, Any], name: str, key: str) -> Text | None:
    return c.text(raw[name], join_key(key, name)) if name in raw else None


def _entry(
    c: Checker,
    raw: Any,
    key: str,
    list_verified: bool | None,
    known_elements: Collection[str] | None,
) -> Entry | None:
    entry = c.keys(raw, key, _ENTRY_REQUIRED, _ENTRY_OPTIONAL)
    if entry is None:
        return None
    before = len(c.errors)
    entry_id = entry.get("id")
    if "id" in entry and (not isinstance(entry_id, str) or not _ENTRY_ID.match(entry_id)):
        c.fail(join_key(key, "id"), msg("n.entry_id"))
    condition = (
        _condition(c, entry["condition"], join_key(key, "condition"))
        if "condition" in entry
        else None
    )
    mechanism = entry.get("required_mechanism")
    if "required_mechanism" in entry:
        c.choice(mechanism, join_key(key, "required_mechanism"), MECHANISMS)
    message = _optional_text(c, entry, "message", key)
    labels: dict[str, str | None] = {}
    for k in ("sector", "scenario"):
        v = entry.get(k)
        if v is not None and (not isinstance(v, str) or not v.strip()):
            c.fail(join_key(key, k), msg("y.expected_string", got=type_name(v)))
        labels[k] = v.strip() if isinstance(v, str) and v.strip() else None
    data_category = _optional_text(c, entry, "data_category", key)
    important_status = _important_status(c, entry, key)
    source = c.str_(entry.get("source"), join_key(key, "source"), optional=True)
    verified = _entry_verified(c, entry, key, list_verified)
    eff_from, eff_to = c.period(entry, key)
    notes = _optional_text(c, entry, "notes", key)
    _entry_warnings(c, key, condition, labels["sector"], known_elements)
    if len(c.errors) > before or condition is None or message is None:
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
        tag=entry.get("tag"),
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
    c = Checker(doc)
    data = doc.data
    if not isinstance(data, Mapping):
        c.fail("", msg("n.not_mapping", got=type_name(data)))
        return None, _problems(c.errors), _problems(c.warnings)
    c.keys(data, "", ("schema_version", "list", "entries"))
    if "schema_version" in data and (
        data["schema_version"] != SCHEMA_VERSION or isinstance(data["schema_version"], bool)
    ):
        c.fail("schema_version", msg("y.schema_version", version=SCHEMA_VERSION))
    values: dict[str, Any] = {}
    list_verified: bool | None = None
    if "list" in data and (meta := c.keys(data["list"], "list", _LIST_REQUIRED, _LIST_OPTIONAL)):
        values, list_verified = _list_meta(c, meta)
    entries: list[Entry] = []
    if "entries" in data:
        entries = _entries(c, data["entries"], list_verified, known_elements)
    if values.get("id") is not None and values["id"] in {e.id for e in entries}:
        c.fail("list.id", msg("n.list_id_reused"))
    if c.errors:
        return None, _problems(c.errors), _problems(c.warnings)
    warnings = _problems(c.warnings)
    lst = NegativeList(
        entries=tuple(entries), path=doc.path, shipped=shipped, warnings=tuple(warnings), **values
    )
    return lst, [], warnings


def _problems(found: Sequence[YamlProblem]) -> list[Problem]:
    return [p.problem() for p in found]


def _entries(
    c: Checker, raw_entries: Any, list_verified: bool | None, known: Collection[str] | None
) -> list[Entry]:
    if not isinstance(raw_entries, list):
        c.fail("entries", msg("y.expected_list", got=type_name(raw_entries)))
        return []
    if not raw_entries:
        c.warn("entries", msg("n.no_entries"))
    entries: list[Entry] = []
    seen: dict[str, int | None] = {}
    for i, raw in enumerate(raw_entries):
        key = join_key("entries", i)
        entry = _entry(c, raw, key, list_verified, known)
        if isinstance(raw, Mapping) and isinstance(raw.get("id"), str):
            if raw["id"] in seen:
                c.fail(
                    join_key(key, "id"),
                    msg("n.duplicate_entry", id=raw["id"], line=seen[raw["id"]]),
                )
            seen.setdefault(raw["id"], c.doc.line(key))
        if entry is not None:
            entries.append(entry)
    return entries


def _list_meta(c: Checker, meta: Mapping[str, Any]) -> tuple[dict[str, Any], bool | None]:
    values: dict[str, Any] = {}
    list_id = meta.get("id")
    if "id" in meta:
        if isinstance(list_id, str) and _LIST_ID.match(list_id):
            values["id"] = list_id
        else:
            c.fail("list.id", msg("n.list_id"))
    if "title" in meta:
        values["title"] = c.text(meta["title"], "list.title")
    jurisdiction = meta.get("jurisdiction")
    if "jurisdiction" in meta:
        values["jurisdiction"] = c.choice(jurisdiction, "list.jurisdiction", JURISDICTIONS)
    _list_zone(c, meta, values)
    version = meta.get("version")
    if "version" in meta:
        if isinstance(version, str) and version.strip():
            values["version"] = version.strip()
        elif isinstance(version, int) and not isinstance(version, bool):
            values["version"] = str(version)
        else:
            c.fail("list.version", msg("n.version", got=type_name(version)))
    start, end = c.period(meta, "list")
    if "effective_from" in meta:
        values["effective_from"] = start
    if "effective_to" in meta:
        values["effective_to"] = end
    if "scope" in meta and (
        scope := c.keys(meta["scope"], "list.scope", (), ("sectors", "scenarios"))
    ):
        for k in ("sectors", "scenarios"):
            if k in scope:
                got = _string_list(c, scope[k], f"list.scope.{k}", _LABEL, _WHAT_LABELS)
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
            c.fail("list.sources", msg("n.sources"))
    list_verified = None
    if "verified" in meta:
        list_verified = c.bool_(meta["verified"], "list.verified")
        values["verified"] = list_verified
    for k in ("enabled_by_default", "complete", "excludes_ciio"):
        if k in meta:
            values[k] = c.bool_(meta[k], f"list.{k}")
    if "excludes_ciio" not in meta:
        values["excludes_ciio"] = jurisdiction == "ftz"
    if "notes" in meta:
        values["notes"] = c.text(meta["notes"], "list.notes")
    return values, list_verified


def _list_zone(c: Checker, meta: Mapping[str, Any], values: dict[str, Any]) -> None:
    jurisdiction, zone = meta.get("jurisdiction"), meta.get("zone")
    if jurisdiction == "ftz":
        if zone is None:
            c.fail("list", msg("n.zone_missing"))
        elif not isinstance(zone, str) or not _LABEL.match(zone):
            c.fail("list.zone", msg("n.zone"))
        else:
            values["zone"] = zone
    elif zone is not None and jurisdiction in JURISDICTIONS:
        c.fail("list.zone", msg("n.zone_not_ftz"))


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
            (lst.id, None, msg("n.what_list")),
            *[(e.id, e.line, msg("n.what_entry")) for e in lst.entries],
        ]:
            where = f"{lst.path}" + (f":{line}" if line else "")
            if ident in owners:
                problems.append(
                    Problem(
                        path=lst.path,
                        line=line,
                        message=msg("n.id_taken", what=what, id=ident, owner=owners[ident]),
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
                            message=msg("n.no_shipped", id=ident, shipped=sorted(by_id)),
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
