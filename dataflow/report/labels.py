"""Names and sentences every report people read shares: catalog ids and decision ids in one
output language (``Labels``), citations, negative-list hit texts, the decisive reason of a
transfer, the masked example of a finding."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dataflow.i18n import grade_label, group_label, mechanism_label, risk_label
from dataflow.i18n import reports as i18n_reports
from dataflow.model import (
    Citation,
    FieldFinding,
    Grade,
    NegativeListHit,
    Reason,
    Text,
    TransferAssessment,
)

# --------------------------------------------------------------------------------------------
# Human-readable names. Grades, mechanisms, risks and Art. 28 groups come from ``dataflow.i18n``;
# element and category names from the catalog given, else from the shipped catalog.
# --------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def shipped_catalog() -> Any:
    """The shipped catalog, read once: element and category names of a render given none."""
    from dataflow.catalog import load_catalog

    return load_catalog()


def _text_value(value: object, lang: str) -> str | None:
    """A str, a ``Text`` or anything with ``get(lang)`` returning str, else ``None``."""
    if isinstance(value, str):
        return value or None
    if isinstance(value, Text):
        return value.get(lang)
    getter = getattr(value, "get", None)
    if callable(getter):
        try:
            found = getter(lang)
        except (TypeError, KeyError):
            return None
        return found if isinstance(found, str) and found else None
    return None


@dataclass(frozen=True)
class Labels:
    """Names of catalog ids and decision ids in one output language.

    ``catalog`` is a ``dataflow.catalog.Catalog``: ``element_name``, ``category_name``,
    ``grade_name`` and ``group_name`` (each ``(id, lang)``) and ``elements`` are read from it.
    It is typed loosely so that rendering works with any object offering those methods, and
    without a catalog at all (built-in names, then the id).
    """

    lang: str = "en"
    catalog: Any = None

    def _ask(self, method: str, key: Any, fallback_id: str) -> str | None:
        """``catalog.<method>(key, lang)`` unless missing or only echoing the id back."""
        func = getattr(self.catalog, method, None)
        if not callable(func):
            return None
        try:
            name = _text_value(func(key, self.lang), self.lang)
        except (KeyError, LookupError, ValueError, TypeError):
            return None
        return name if name and name != fallback_id else None

    def catalog_element(self, element_id: str) -> Any:
        """The catalog's element object for ``element_id``, or ``None``."""
        elements = getattr(self.catalog, "elements", None)
        return elements.get(element_id) if isinstance(elements, Mapping) else None

    def element(self, element_id: str | None) -> str:
        """Element name, e.g. ``Mobile phone number`` / ``手机号码``."""
        if element_id is None:
            return "-"
        name = self._ask("element_name", element_id, element_id)
        if name is None:
            element = self.catalog_element(element_id)
            name = _text_value(getattr(element, "names", None), self.lang)
        if name:
            return name
        shipped = shipped_catalog()
        if self.catalog is not shipped:  # none given, or one that does not name it
            return Labels(self.lang, shipped).element(element_id)
        return element_id

    def element_details(self, element_id: str) -> tuple[str | None, tuple[str, ...]]:
        """The catalog's description of an element in this language, and its references."""
        element = self.catalog_element(element_id)
        if element is None:
            return None, ()
        description = _text_value(getattr(element, "description", None), self.lang)
        references = getattr(element, "references", ())
        refs = tuple(str(r) for r in references) if isinstance(references, (tuple, list)) else ()
        return description, refs

    def category(self, category_id: str | None) -> str:
        """Category name, e.g. ``Contact details`` / ``个人联系方式``."""
        if category_id is None:
            return "-"
        name = self._ask("category_name", category_id, category_id)
        if name:
            return name
        shipped = shipped_catalog()
        if self.catalog is not shipped:  # none given, or one that does not name it
            return Labels(self.lang, shipped).category(category_id)
        return category_id

    def grade(self, grade: Grade) -> str:
        """Grade name from the catalog's grade ladder, else from ``dataflow.i18n``."""
        return self._ask("grade_name", grade, grade.label) or grade_label(grade, self.lang)

    def mechanism(self, mechanism: str) -> str:
        """Mechanism name (``dataflow.i18n``)."""
        return mechanism_label(mechanism, self.lang)

    def risk(self, risk: str) -> str:
        """Risk level name (``dataflow.i18n``)."""
        return risk_label(risk, self.lang)

    def group(self, group: str | None) -> str:
        """PIPL Art. 28 group name (catalog, else ``dataflow.i18n``)."""
        if group is None:
            return "-"
        return self._ask("group_name", group, group) or group_label(group, self.lang)


def sentence(text: str, lang: str) -> str:
    """``text`` ending with a full stop of its language (unless it already ends a sentence)."""
    text = text.strip()
    if not text or text[-1] in ".!?。！？":
        return text
    return text + ("。" if lang == "zh" else ".")


def cite_text(citations: Iterable[Citation]) -> str:
    """``PIPL Art. 38; Provisions Art. 7(2)``: each citation once, in the given order."""
    return "; ".join(dict.fromkeys(c.render() for c in citations))


def hit_text(hit: NegativeListHit, lang: str) -> str:
    """The entry's message in ``lang`` (lists may give both languages; ``message`` is English)."""
    if hit.text is not None:
        return hit.text.get(lang)
    return hit.message


# Reason codes that give context (counting, lawful basis, rules that did not apply) rather than
# the decision itself; the one-line "why" skips them.
CONTEXT_REASONS = frozenset(
    {
        "counts_summed",
        "counts_derived",
        "counts_exempt_excluded",
        "consent_basis",
        "important_candidate",
        "ftz_not_in_scope",
        "scenario_not_applicable",
        "approval_expired",
        "approval_out_of_scope",
    }
)


def decisive_reason(transfer: TransferAssessment) -> Reason | None:
    """The reason that settled the mechanism: the last step that is not context."""
    for reason in reversed(transfer.reasons):
        if reason.code not in CONTEXT_REASONS:
            return reason
    return transfer.reasons[0] if transfer.reasons else None


def masked_example(finding: FieldFinding) -> str | None:
    """The first masked example the finding's evidence carries (examples are masked upstream)."""
    for item in finding.evidence:
        if item.example:
            return item.example
    return None


def is_reported(finding: FieldFinding) -> bool:
    """Findings every format lists: a field that is PI or was mapped to a catalog element."""
    return finding.element is not None or finding.personal


def finding_notes(finding: FieldFinding, names: Labels) -> str:
    """What the category cell adds about a finding: its Art. 28 group when sensitive, and that
    it is in free text (``sensitive: health; in free text``); empty when neither."""
    lang = names.lang
    notes = []
    if finding.sensitive:
        group = names.group(finding.sensitive_group)
        notes.append(i18n_reports.MARKDOWN["sensitive"].fill(lang, group=group))
    if finding.kind == "contains":
        notes.append(i18n_reports.MARKDOWN["contains"].get(lang))
    return i18n_reports.MARKDOWN["sep"].get(lang).join(notes)
