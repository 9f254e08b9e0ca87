"""Evidence in words, for the reports people read (table, HTML).

JSON and SARIF keep the rule ids (``name:name-initials``, ``value:CnMobileRecognizer``) for
programs; people get a sentence: "40 of 40 sampled values are valid Mobile phone number, e.g.
132****1390", "pinyin initials 'xm'", and in Chinese "抽样 40 个值中 40 个为有效的手机号码". The
English sentence is the evidence's ``detail``; the Chinese one comes from the templates below
for the rules that carry a quoted term, and otherwise names the kind of evidence in Chinese
before the detail. Values never appear: only masked examples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from dataflow.i18n import evidence as i18n_evidence
from dataflow.model import Evidence, Text, Words
from dataflow.report.records import catalog_name

SOURCES = i18n_evidence.SOURCES
_ZH_BY_RULE = i18n_evidence.ZH_BY_RULE
_QUOTED = re.compile(r"'([^']*)'")
_VALUE = i18n_evidence.VALUE
_CONTAINS = i18n_evidence.CONTAINS
_EXAMPLE = i18n_evidence.EXAMPLE


def _catalog_text(catalog: Any | None, item: Evidence) -> str | None:
    """The Chinese text the catalog itself holds for this evidence (escalation reasons, the
    sensitivity ruling of an element), when it does."""
    if catalog is None:
        return None
    try:
        if item.rule == "sensitivity-standard" and item.element:
            text = catalog.element(item.element).sensitivity_evidence
        elif item.rule.startswith("esc."):
            text = catalog.escalation(item.rule).reason
        else:
            return None
    except (AttributeError, KeyError, LookupError):
        return None
    return str(text.zh) if isinstance(text, Text) and text.zh else None


def evidence_words(
    item: Evidence, lang: str, catalog: Any | None = None, element: str | None = None
) -> str:
    """One piece of evidence as a sentence in ``lang``."""
    if item.match_rate is not None and item.sample_size:
        what = catalog_name(catalog, item.element or element, lang) or item.rule
        k = round(item.match_rate * item.sample_size)
        sentence = _CONTAINS if "contain" in item.detail else _VALUE
        text = sentence.fill(lang, k=f"{k:,}", n=f"{item.sample_size:,}", what=what)
        if item.example:
            text += _EXAMPLE.fill(lang, example=item.example)
        return text
    if lang != "zh":
        return item.detail or item.rule
    if isinstance(item.detail, Words):  # built in both languages (dataflow.subject, i18n.msg)
        return item.detail.zh
    own = _catalog_text(catalog, item)
    if own is not None:
        return own
    template = _ZH_BY_RULE.get(item.rule.split(":", 1)[0])
    quoted = _QUOTED.search(item.detail or "")
    if template is not None and quoted is not None:
        return template.format(term=quoted.group(1))
    label = SOURCES.get(item.source)
    return f"{label.zh if label else item.source}：{item.detail or item.rule}"


def evidence_text(
    evidence: Iterable[Evidence],
    lang: str,
    catalog: Any | None = None,
    element: str | None = None,
    limit: int | None = None,
) -> str:
    """The strongest pieces of evidence in words, ``; `` between them (``；`` in Chinese)."""
    ranked = sorted(evidence, key=lambda e: (-e.weight, e.source, e.rule))
    shown = ranked if limit is None else ranked[:limit]
    parts = [evidence_words(e, lang, catalog, element) for e in shown]
    if limit is not None and len(ranked) > limit:
        parts.append(f"+{len(ranked) - limit}")
    return ("；" if lang == "zh" else "; ").join(parts)
