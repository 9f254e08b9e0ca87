"""Catalog sections about elements: the elements themselves and the escalation rules over them."""

from __future__ import annotations

import re
from typing import Any

from dataflow.catalog.crossref import CatalogState
from dataflow.catalog.model import ART28_GROUPS, TYPE_CLASSES, EscalationRule
from dataflow.i18n import msg
from dataflow.yamlio import YamlDoc, join_key, type_name

_ENTITY_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
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


class ElementSections(CatalogState):
    """Loading ``elements:`` and ``escalations:`` entries, merged over earlier files."""

    def _load_element(self, doc: YamlDoc, item: dict[str, Any], key: str, seen: set[str]) -> None:
        self._unknown(doc, item, key, _ELEMENT_KEYS)
        eid = self._new_id(doc, item, key, seen, "c.duplicate_element")
        if eid is None:
            return
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
        rid = self._new_id(doc, item, key, seen, "c.duplicate_rule")
        if rid is None:
            return
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
