"""The state of a catalog being built and the checks across files (ids that must exist)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from dataflow.catalog.fields import FieldReader
from dataflow.catalog.model import (
    DEFAULT_TYPES,
    Catalog,
    CatalogProblem,
    Category,
    DeidentifiedRule,
    Dictionaries,
    Element,
    EscalationRule,
    Family,
    GradeInfo,
    Keywords,
    Sector,
    Source,
)
from dataflow.i18n import msg
from dataflow.model import Grade
from dataflow.sensitivity import Ruling, Standard
from dataflow.yamlio import YamlDoc, covers, join_key


class CatalogState(FieldReader):
    """What the files loaded so far define; ``_finish`` checks references and builds the ``Catalog``."""

    def __init__(self) -> None:
        self.problems: list[CatalogProblem] = []
        self.elements: dict[str, dict[str, Any]] = {}
        self.element_where: dict[str, tuple[YamlDoc, str]] = {}
        self.categories: dict[str, Category] = {}
        self.category_where: dict[str, tuple[YamlDoc, str]] = {}
        self.grades: dict[Grade, GradeInfo] = {}
        self.escalations: dict[str, EscalationRule] = {}
        self.escalation_where: dict[str, tuple[YamlDoc, str]] = {}
        self.sectors: dict[str, Sector] = {}
        self.sector_where: dict[str, tuple[YamlDoc, str]] = {}
        self.dictionaries: dict[str, list[str]] = {}
        self.sources: dict[str, Source] = {}
        self.defaults: dict[str, Grade] = {
            "sensitive_pi": Grade.GENERAL_4,
            "pi": Grade.GENERAL_3,
            "unclassified": Grade.GENERAL_2,
        }
        self.versions: list[str] = []
        self.files: list[str] = []
        self.standards: dict[str, Standard] = {}
        self.sensitivity: dict[str, tuple[Ruling, ...]] = {}
        self.sensitivity_where: dict[str, tuple[YamlDoc, str]] = {}
        self.subjects: dict[str, list[str]] = {}
        self.families: dict[str, tuple[Family, YamlDoc, str]] = {}
        self.pinyin_spellings: dict[str, tuple[str, ...]] = {}
        self.deidentified: DeidentifiedRule | None = None

    # -- cross-references --
    def _finish(self) -> Catalog | None:
        elements: dict[str, Element] = {}
        for eid, data in sorted(self.elements.items()):
            element = self._element(eid, data)
            if element is not None:
                elements[eid] = element
        self._check_sensitivity(elements)
        self._check_ids(elements)
        self._check_rules(elements)
        self._check_links(elements)
        if self.files and self.elements and len(self.grades) < len(Grade):
            missing = [g.label for g in Grade if g not in self.grades]
            path = self.files[0]
            self.problems.append(
                CatalogProblem(path, None, "grades", msg("c.grade_names", grades=missing))
            )
        if self.problems:
            return None
        families = tuple(f for f, _, _ in self.families.values())
        if self.pinyin_spellings:
            spell = self.pinyin_spellings
            elements = {
                k: replace(e, keywords=_spelt(e.keywords, spell)) for k, e in elements.items()
            }
            families = tuple(replace(f, words=_spelt(f.words, spell)) for f in families)
        return Catalog(
            elements=elements,
            categories=dict(sorted(self.categories.items())),
            grades=dict(sorted(self.grades.items())),
            escalations=tuple(sorted(self.escalations.values(), key=lambda r: r.id)),
            sectors=dict(sorted(self.sectors.items())),
            dictionaries=Dictionaries({k: tuple(v) for k, v in sorted(self.dictionaries.items())}),
            sources=dict(sorted(self.sources.items())),
            defaults=dict(self.defaults),
            version="+".join(self.versions) if self.versions else "unversioned",
            files=tuple(self.files),
            standards=dict(sorted(self.standards.items())),
            sensitivity=dict(sorted(self.sensitivity.items())),
            subjects={k: tuple(v) for k, v in sorted(self.subjects.items())},
            families=families,
            deidentified=self.deidentified,
        )

    def _element(self, eid: str, data: dict[str, Any]) -> Element | None:
        """The element ``eid`` as merged over the files, checked; ``None`` if incomplete."""
        doc, key = self.element_where[eid]
        names = data.get("names")
        pi = data.get("pi")
        category = data["category"]
        if category and category not in self.categories:
            self.add(doc, join_key(key, "id"), msg("c.category_undefined", id=category))
        sensitive = bool(data.get("sensitive", False))
        group = data.get("sensitive_group")
        if sensitive and pi is False:
            self.add(doc, join_key(key, "sensitive"), msg("c.sensitive_not_pi", id=eid))
        if sensitive and group is None:
            self.add(doc, key, msg("c.needs_group", id=eid))
        if not sensitive and group is not None:
            self.add(doc, join_key(key, "sensitive_group"), msg("c.group_not_sensitive", id=eid))
        if names is None or pi is None:
            return None  # already reported
        grade = data.get("grade")
        grade_explicit = grade is not None
        if grade is None:
            if sensitive:
                grade = self.defaults["sensitive_pi"]
            elif pi:
                grade = self.defaults["pi"]
            else:
                grade = self.defaults["unclassified"]
        for src in data.get("sources", ()):
            if src not in self.sources:
                self.add(doc, join_key(key, "sources"), msg("c.source_undefined", id=src))
        return Element(
            id=eid,
            names=names,
            category=category,
            pi=bool(pi),
            sensitive=sensitive,
            grade=grade,
            sensitive_group=group if sensitive else None,
            direct_identifier=bool(data.get("direct_identifier", False)),
            types=tuple(data.get("types", DEFAULT_TYPES)) or DEFAULT_TYPES,
            keywords=data.get("keywords") or Keywords(),
            entities=tuple(data.get("entities", ())),
            references=tuple(data.get("references", ())),
            sources=tuple(data.get("sources", ())),
            detect=bool(data.get("detect", True)),
            deprecated=bool(data.get("deprecated", False)),
            replaced_by=data.get("replaced_by"),
            description=data.get("description"),
            origin=str(data.get("origin", "")),
            grade_explicit=grade_explicit,
        )

    def _check_sensitivity(self, elements: Mapping[str, Element]) -> None:
        for eid, rulings in sorted(self.sensitivity.items()):
            doc, key = self.sensitivity_where[eid]
            if eid not in elements:
                self.add(doc, join_key(key, "element"), msg("c.unknown_element", id=eid))
            for r in rulings:
                if r.standard not in self.standards:
                    self.add(
                        doc,
                        join_key(join_key(key, "standards"), r.standard),
                        msg("c.standard_undefined", id=r.standard),
                    )
                elif r.sensitive and eid in elements and not elements[eid].pi:
                    self.add(doc, key, msg("c.sensitive_not_pi", id=eid))

    def _check_ids(self, elements: Mapping[str, Element]) -> None:
        for eid, element in elements.items():
            if element.replaced_by is not None and element.replaced_by not in elements:
                doc, key = self.element_where[eid]
                self.add(
                    doc, join_key(key, "replaced_by"), msg("c.replaced_by", id=element.replaced_by)
                )
        for cid in sorted(self.categories):
            if "." in cid:
                parent = cid.rsplit(".", 1)[0]
                if parent not in self.categories:
                    doc, key = self.category_where[cid]
                    self.add(
                        doc, join_key(key, "id"), msg("c.parent_undefined", parent=parent, id=cid)
                    )

    def _check_links(self, elements: Mapping[str, Element]) -> None:
        for sid, sector in sorted(self.sectors.items()):
            doc, key = self.sector_where[sid]
            for eid in sorted(sector.element_levels):
                if eid not in elements:
                    self.add(
                        doc,
                        join_key("sector.element_levels", eid),
                        msg("c.unknown_element", id=eid),
                    )
        for family, doc, key in self.families.values():
            if family.element not in elements:
                self.add(
                    doc,
                    join_key(key, "element"),
                    msg("c.family_element", id=family.id, element=family.element),
                )

    def _check_rules(self, elements: Mapping[str, Element]) -> None:
        for rid, rule in sorted(self.escalations.items()):
            doc, key = self.escalation_where[rid]
            wkey = join_key(key, "when")
            for ref in (*rule.when.elements_any, *rule.when.elements_all):
                if not any(covers(ref, e) for e in elements):
                    self.add(doc, wkey, msg("c.rule_element", id=rid, ref=ref))
            for ref in rule.when.categories_any:
                if ref not in self.categories:
                    self.add(doc, wkey, msg("c.rule_category", id=rid, ref=ref))
            for ref in rule.when.sectors:
                if ref not in self.sectors:
                    self.add(doc, wkey, msg("c.rule_sector", id=rid, ref=ref))


def _spelt(kw: Keywords, spellings: Mapping[str, tuple[str, ...]]) -> Keywords:
    """``kw`` with the pinyin spellings of its Chinese words added to its ``pinyin`` words
    (``catalogs/data/pinyin_words.yaml``), none that it lists already in another kind."""
    known = {*kw.en, *kw.pinyin, *kw.abbreviations, *kw.weak}
    added = [s for w in kw.zh for s in spellings.get(w, ()) if s not in known]
    if not added:
        return kw
    return replace(kw, pinyin=(*kw.pinyin, *dict.fromkeys(added)))
