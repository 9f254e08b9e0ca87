"""Loading catalog files: every section checked, every problem collected, files merged."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from dataflow.catalog.model import (
    ART28_GROUPS,
    SCHEMA_VERSION,
    TYPE_CLASSES,
    Catalog,
    CatalogProblem,
    CatalogValidationError,
    Category,
    DeidentifiedRule,
    EscalationRule,
    GradeInfo,
    Source,
)
from dataflow.catalog.sections import WordSections
from dataflow.errors import CatalogError, UserError
from dataflow.i18n import msg
from dataflow.model import Text
from dataflow.paths import catalogs_dir
from dataflow.sensitivity import parse_rulings, parse_standard
from dataflow.yamlio import YamlDoc, join_key, load_yaml, type_name

# Shipped files this module reads, relative to catalogs/ (other files there are not ours).
_SHIPPED_FILES = ("pi.yaml", "grades.yaml", "sensitivity.yaml", "subjects.yaml")
_SHIPPED_DIRS = ("sectors", "dictionaries")

_ENTITY_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_TOP_KEYS = (
    "schema_version",
    "catalog",
    "sources",
    "categories",
    "elements",
    "grades",
    "defaults",
    "escalations",
    "deidentified",
    "sector",
    "dictionaries",
    "standards",
    "sensitivity",
    "subjects",
    "families",
)
# Word lists of ``subjects:`` (catalogs/subjects.yaml); ``roles`` maps a role to its words.
_ELEMENT_KEYS = (
    "id",
    "names",
    "category",
    "pi",
    "sensitive",
    "sensitive_group",
    "grade",
    "direct_identifier",
    "types",
    "keywords",
    "entities",
    "references",
    "sources",
    "detect",
    "deprecated",
    "replaced_by",
    "description",
)


def shipped_files() -> tuple[Path, ...]:
    """The shipped catalog files this module reads, in load order."""
    root = catalogs_dir()
    files = [root / name for name in _SHIPPED_FILES if (root / name).is_file()]
    for folder in _SHIPPED_DIRS:
        sub = root / folder
        if sub.is_dir():
            files.extend(sorted(p for p in sub.glob("*.yaml") if p.is_file()))
    return tuple(files)


def validate_files(paths: Sequence[Path], *, include_shipped: bool = True) -> list[CatalogProblem]:
    """Every problem in ``paths`` loaded on top of the shipped catalogs (empty list: valid)."""
    all_paths = (*shipped_files(), *paths) if include_shipped else tuple(paths)
    try:
        _Builder().build(list(all_paths))
    except CatalogValidationError as exc:
        return list(exc.problems)
    return []


class _Builder(WordSections):
    """Loads files in order, merging sections and collecting problems."""

    def build(self, paths: Sequence[Path]) -> Catalog:
        for path in paths:
            try:
                doc = load_yaml(path, error_cls=CatalogError)
            except UserError as exc:
                self.problems.append(
                    CatalogProblem(exc.path or str(path), exc.line, exc.key, exc.message)
                )
                continue
            self.files.append(doc.path)
            self._load_doc(doc)
        catalog = self._finish()
        if self.problems:
            raise CatalogValidationError(self.problems)
        assert catalog is not None
        return catalog

    # -- per file --
    def _load_doc(self, doc: YamlDoc) -> None:
        data = doc.data
        if data is None:
            self.add(doc, "", msg("c.empty_file"))
            return
        if not isinstance(data, Mapping):
            self.add(doc, "", msg("c.not_mapping", got=type_name(data)))
            return
        for key in data:
            if key not in _TOP_KEYS:
                self.add(
                    doc,
                    str(key),
                    msg("c.top_key", name=key, allowed=_TOP_KEYS),
                )
        version = data.get("schema_version")
        if version is None:
            self.add(doc, "", msg("y.missing_key", name="schema_version"))
        elif version != SCHEMA_VERSION or isinstance(version, bool):
            self.add(
                doc,
                "schema_version",
                msg("c.schema_version", version=repr(version)),
            )
            return
        if "catalog" in data:
            self._load_meta(doc, data["catalog"])
        if "sources" in data:
            for i, item in self._items(doc, data["sources"], "sources"):
                self._load_source(doc, item, join_key("sources", i))
        if "categories" in data:
            for i, item in self._items(doc, data["categories"], "categories"):
                self._load_category(doc, item, join_key("categories", i))
        if "grades" in data:
            for i, item in self._items(doc, data["grades"], "grades"):
                self._load_grade(doc, item, join_key("grades", i))
        if "defaults" in data:
            self._load_defaults(doc, data["defaults"])
        if "elements" in data:
            seen: set[str] = set()
            for i, item in self._items(doc, data["elements"], "elements"):
                self._load_element(doc, item, join_key("elements", i), seen)
        if "escalations" in data:
            seen_rules: set[str] = set()
            for i, item in self._items(doc, data["escalations"], "escalations"):
                self._load_escalation(doc, item, join_key("escalations", i), seen_rules)
        if "deidentified" in data:
            self._load_deidentified(doc, data["deidentified"])
        if "sector" in data:
            self._load_sector(doc, data["sector"])
        if "dictionaries" in data:
            self._load_dictionaries(doc, data["dictionaries"])
        if "standards" in data:
            for i, item in self._items(doc, data["standards"], "standards"):
                standard = parse_standard(self.add, doc, item, join_key("standards", i))
                if standard is not None:
                    self.standards[standard.id] = standard
        if "sensitivity" in data:
            for i, item in self._items(doc, data["sensitivity"], "sensitivity"):
                key = join_key("sensitivity", i)
                parsed = parse_rulings(self.add, doc, item, key, ART28_GROUPS)
                if parsed is not None:
                    eid, rulings = parsed
                    merged = {r.standard: r for r in self.sensitivity.get(eid, ())}
                    merged.update({r.standard: r for r in rulings})
                    self.sensitivity[eid] = tuple(merged.values())
                    self.sensitivity_where[eid] = (doc, key)
        if "subjects" in data:
            self._load_subjects(doc, data["subjects"])
        if "families" in data:
            for i, item in self._items(doc, data["families"], "families"):
                self._load_family(doc, item, join_key("families", i))

    # -- sections --
    def _load_meta(self, doc: YamlDoc, value: Any) -> None:
        if not isinstance(value, Mapping):
            self.add(doc, "catalog", msg("y.expected_mapping", got=type_name(value)))
            return
        self._unknown(doc, value, "catalog", ("id", "version", "title", "description"))
        version = value.get("version")
        if version is not None:
            if not isinstance(version, (str, int, float)) or isinstance(version, bool):
                self.add(doc, "catalog.version", msg("c.version", got=type_name(version)))
            else:
                cid = value.get("id")
                label = f"{cid}@{version}" if isinstance(cid, str) else str(version)
                self.versions.append(label)
        if "title" in value:
            self._text(doc, value["title"], "catalog.title")

    def _load_source(self, doc: YamlDoc, item: dict[str, Any], key: str) -> None:
        self._unknown(doc, item, key, ("id", "title", "url"))
        sid = item.get("id")
        if not isinstance(sid, str) or not sid:
            self.add(doc, key, msg("c.source_id"))
            return
        title = item.get("title")
        if not isinstance(title, str) or not title:
            self.add(doc, join_key(key, "title"), msg("c.source_title"))
            return
        url = item.get("url")
        if url is not None and not isinstance(url, str):
            self.add(doc, join_key(key, "url"), msg("y.expected_string", got=type_name(url)))
            url = None
        self.sources[sid] = Source(sid, title, url)

    def _load_category(self, doc: YamlDoc, item: dict[str, Any], key: str) -> None:
        self._unknown(doc, item, key, ("id", "names", "references", "description"))
        cid = self._id(doc, item, key)
        if cid is None:
            return
        existing = self.categories.get(cid)
        names: Text | None = existing.names if existing else None
        if "names" in item:
            names = self._text(doc, item["names"], join_key(key, "names"))
        elif existing is None:
            self.add(doc, key, msg("c.category_names", id=cid))
        refs = existing.references if existing else ()
        if "references" in item:
            refs = self._strings(doc, item["references"], join_key(key, "references"))
        if names is not None:
            self.categories[cid] = Category(cid, names, refs, doc.path)
            self.category_where[cid] = (doc, key)

    def _load_grade(self, doc: YamlDoc, item: dict[str, Any], key: str) -> None:
        self._unknown(doc, item, key, ("grade", "names", "description", "reference"))
        grade = self._grade(doc, item.get("grade"), join_key(key, "grade"))
        names = self._text(doc, item.get("names"), join_key(key, "names"))
        description = None
        if "description" in item:
            description = self._text(doc, item["description"], join_key(key, "description"))
        reference = item.get("reference")
        if reference is not None and not isinstance(reference, str):
            self.add(
                doc, join_key(key, "reference"), msg("y.expected_string", got=type_name(reference))
            )
            reference = None
        if grade is not None and names is not None:
            self.grades[grade] = GradeInfo(grade, names, description, reference)

    def _load_deidentified(self, doc: YamlDoc, value: Any) -> None:
        key = "deidentified"
        if not isinstance(value, Mapping):
            self.add(doc, key, msg("y.expected_mapping", got=type_name(value)))
            return
        fields = ("id", "steps_down", "reason", "reference")
        self._unknown(doc, value, key, fields)
        missing = [k for k in fields if k not in value]
        if missing:
            self.add(doc, key, msg("c.missing", keys=missing))
            return
        steps = value["steps_down"]
        if not isinstance(steps, int) or isinstance(steps, bool) or not 0 <= steps <= 2:
            self.add(doc, join_key(key, "steps_down"), msg("c.steps_down"))
            return
        reason = self._text(doc, value["reason"], join_key(key, "reason"))
        if reason is None:
            return
        self.deidentified = DeidentifiedRule(
            str(value["id"]), steps, reason, str(value["reference"])
        )

    def _load_defaults(self, doc: YamlDoc, value: Any) -> None:
        if not isinstance(value, Mapping):
            self.add(doc, "defaults", msg("y.expected_mapping", got=type_name(value)))
            return
        self._unknown(doc, value, "defaults", ("sensitive_pi", "pi", "unclassified"))
        for k in ("sensitive_pi", "pi", "unclassified"):
            if k in value:
                grade = self._grade(doc, value[k], join_key("defaults", k))
                if grade is not None:
                    self.defaults[k] = grade

    def _load_element(self, doc: YamlDoc, item: dict[str, Any], key: str, seen: set[str]) -> None:
        self._unknown(doc, item, key, _ELEMENT_KEYS)
        eid = self._id(doc, item, key)
        if eid is None:
            return
        if eid in seen:
            self.add(doc, join_key(key, "id"), msg("c.duplicate_element", id=eid))
            return
        seen.add(eid)
        base = dict(self.elements.get(eid, {}))
        if not base:
            for required in ("names", "pi"):
                if required not in item:
                    self.add(doc, key, msg("c.element_missing", id=eid, name=required))
        merged = dict(base)
        if "names" in item:
            merged["names"] = self._text(doc, item["names"], join_key(key, "names"))
        if "description" in item:
            merged["description"] = self._text(
                doc, item["description"], join_key(key, "description")
            )
        category = eid.rsplit(".", 1)[0] if "." in eid else ""
        if "." not in eid:
            self.add(
                doc,
                join_key(key, "id"),
                msg("c.needs_category", id=eid),
            )
        if "category" in item and item["category"] != category:
            self.add(
                doc,
                join_key(key, "category"),
                msg("c.category_mismatch", got=repr(item["category"]), parent=category),
            )
        merged["category"] = category
        self._element_values(doc, item, key, merged)
        merged["origin"] = doc.path
        self.elements[eid] = merged
        self.element_where[eid] = (doc, key)

    def _element_values(
        self, doc: YamlDoc, item: dict[str, Any], key: str, merged: dict[str, Any]
    ) -> None:
        """The element's own values (flags, group, grade, types, words, entities, lists) into
        ``merged``, each checked."""
        for flag in ("pi", "sensitive", "direct_identifier", "detect", "deprecated"):
            if flag in item:
                value = self._bool(doc, item[flag], join_key(key, flag))
                if value is not None:
                    merged[flag] = value
        if "sensitive_group" in item:
            group = item["sensitive_group"]
            if group is not None and group not in ART28_GROUPS:
                self.add(
                    doc,
                    join_key(key, "sensitive_group"),
                    msg("c.group_allowed", group=repr(group), allowed=ART28_GROUPS),
                )
            else:
                merged["sensitive_group"] = group
        if "grade" in item:
            grade = self._grade(doc, item["grade"], join_key(key, "grade"))
            if grade is not None:
                merged["grade"] = grade
        if "types" in item:
            types = self._strings(doc, item["types"], join_key(key, "types"))
            for i, t in enumerate(types):
                if t not in TYPE_CLASSES:
                    self.add(
                        doc,
                        join_key(join_key(key, "types"), i),
                        msg("c.type_class", got=repr(t), allowed=TYPE_CLASSES),
                    )
            merged["types"] = tuple(t for t in types if t in TYPE_CLASSES)
        if "keywords" in item:
            merged["keywords"] = self._keywords(doc, item["keywords"], join_key(key, "keywords"))
        if "entities" in item:
            entities = self._strings(doc, item["entities"], join_key(key, "entities"))
            for i, ent in enumerate(entities):
                if not _ENTITY_RE.match(ent):
                    self.add(
                        doc,
                        join_key(join_key(key, "entities"), i),
                        msg("c.entity", got=repr(ent)),
                    )
            merged["entities"] = entities
        for listkey in ("references", "sources"):
            if listkey in item:
                merged[listkey] = self._strings(doc, item[listkey], join_key(key, listkey))
        if "replaced_by" in item:
            rb = item["replaced_by"]
            if rb is not None and not isinstance(rb, str):
                self.add(
                    doc,
                    join_key(key, "replaced_by"),
                    msg("c.element_id_got", got=type_name(rb)),
                )
            else:
                merged["replaced_by"] = rb

    def _load_escalation(
        self, doc: YamlDoc, item: dict[str, Any], key: str, seen: set[str]
    ) -> None:
        allowed = (
            "id",
            "kind",
            "to",
            "when",
            "reason",
            "reference",
            "source",
            "important_data",
            "mark_sensitive",
        )
        self._unknown(doc, item, key, allowed)
        rid = self._id(doc, item, key)
        if rid is None:
            return
        if rid in seen:
            self.add(doc, join_key(key, "id"), msg("c.duplicate_rule", id=rid))
            return
        seen.add(rid)
        existing = self.escalations.get(rid)
        missing = [k for k in ("to", "when", "reason", "reference") if k not in item]
        if existing is None and missing:
            for k in missing:
                self.add(doc, key, msg("c.rule_missing", id=rid, name=k))
            return
        kind = item.get("kind", existing.kind if existing else "combination")
        if kind not in ("combination", "volume", "precision", "context", "sector"):
            self.add(
                doc,
                join_key(key, "kind"),
                msg("c.rule_kind", kind=repr(kind)),
            )
        to = (
            self._grade(doc, item["to"], join_key(key, "to"))
            if "to" in item
            else (existing.to if existing else None)
        )
        when = (
            self._condition(doc, item["when"], join_key(key, "when"))
            if "when" in item
            else (existing.when if existing else None)
        )
        reason = (
            self._text(doc, item["reason"], join_key(key, "reason"))
            if "reason" in item
            else (existing.reason if existing else None)
        )
        reference = item.get("reference", existing.reference if existing else None)
        if not isinstance(reference, str) or not reference.strip():
            self.add(
                doc,
                join_key(key, "reference"),
                msg("c.rule_reference"),
            )
            reference = None
        source = item.get("source", existing.source if existing else None)
        if source is not None and not isinstance(source, str):
            self.add(doc, join_key(key, "source"), msg("y.expected_string", got=type_name(source)))
            source = None
        important = item.get("important_data", existing.important_data if existing else None)
        if important not in (None, "candidate", "confirmed"):
            self.add(doc, join_key(key, "important_data"), msg("c.important"))
            important = None
        mark = item.get("mark_sensitive", existing.mark_sensitive if existing else None)
        if mark is not None and mark not in ART28_GROUPS:
            self.add(doc, join_key(key, "mark_sensitive"), msg("c.group", group=repr(mark)))
            mark = None
        if to is None or when is None or reason is None or reference is None:
            return
        self.escalations[rid] = EscalationRule(
            rid, str(kind), to, when, reason, reference, source, important, mark, doc.path
        )
        self.escalation_where[rid] = (doc, key)
