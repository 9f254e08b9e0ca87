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

from dataflow.model import Evidence, Text, Words
from dataflow.report.records import catalog_name

# What kind of evidence, when no template fits (``source`` → words).
SOURCES = {
    "name": Text("name", "字段名"),
    "comment": Text("comment", "注释"),
    "type": Text("type", "类型"),
    "value": Text("values", "取值"),
    "negative": Text("against", "反向依据"),
    "context": Text("context", "上下文"),
    "declared": Text("declared", "声明"),
}

# Chinese sentences of the rules whose detail quotes one term: ``{term}`` is that term.
_ZH_BY_RULE = {
    "name-en": "字段名含英文词 '{term}'",
    "name-pinyin": "字段名为拼音 '{term}'",
    "name-initials": "字段名为拼音首字母 '{term}'",
    "name-abbreviations": "字段名为缩写 '{term}'",
    "name-zh": "字段名含中文词 '{term}'",
    "name-weak": "字段名含泛指词 '{term}'（所在表或对象与人相关）",
    "name-person-key": "字段是人的标识 '{term}'",
    "comment-zh": "注释为 '{term}'",
    "comment-en": "说明提到 '{term}'",
    "comment-zh-modifier": "'{term}' 修饰另一个词",
    "name-reference": "'{term}' 指向另一条记录",
    "name-count-or-status": "'{term}' 是计数、状态或类型，不是该信息本身",
    "name-flag-prefix": "'{term}' 是标志位，不是该信息本身",
    "name-event-time": "'{term}' 是事件时间，不是该信息本身",
    "name-non-person": "'{term}' 表明属于物而非人",
    "comment-non-person": "注释表明属于 '{term}'，而非人",
    "comment-flag-or-count": "注释表明是标志、计数、状态或类型（'{term}'）",
    "table-key": "与人相关的表 '{term}' 的代理键",
    "table-non-person": "表 '{term}' 描述的是物而非人",
    "dictionary-table": "表 '{term}' 是字典/代码表",
}
_QUOTED = re.compile(r"'([^']*)'")
_VALUE = Text(
    "{k} of {n} sampled values are {what}",
    "抽样 {n} 个值中 {k} 个为{what}",
)
_CONTAINS = Text(
    "{k} of {n} sampled values contain {what}",
    "抽样 {n} 个值中 {k} 个含有{what}",
)
_EXAMPLE = Text(", e.g. {example}", "，例如 {example}")


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
    if isinstance(item.detail, Words):  # built in both languages (subject.py, i18n.msg)
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
