"""Loading catalog files: every section checked, every problem collected, files merged."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from dataflow.catalog.elements import ElementSections
from dataflow.catalog.model import (
    ART28_GROUPS,
    SCHEMA_VERSION,
    Catalog,
    CatalogProblem,
    CatalogValidationError,
    Category,
    DeidentifiedRule,
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
_SHIPPED_FILES = (
    "pi.yaml",
    "grades.yaml",
    "sensitivity.yaml",
    "subjects.yaml",
    "data/pinyin_words.yaml",
)
_SHIPPED_DIRS = ("sectors", "dictionaries")

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
    "pinyin_spellings",
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
        CatalogBuilder().build(list(all_paths))
    except CatalogValidationError as exc:
        return list(exc.problems)
    return []


class CatalogBuilder(ElementSections, WordSections):
    """Loads files in order, merging sections and collecting problems (elements and
    escalation rules: ``ElementSections``; words, sectors and dictionaries: ``WordSections``)."""

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
        if "pinyin_spellings" in data:
            self._load_spellings(doc, data["pinyin_spellings"])

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
