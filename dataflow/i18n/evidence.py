"""Evidence in words (``report/evidence.py``): what kind of evidence, the Chinese sentence of
each rule that quotes one term, and the sentences of sampled values."""

from __future__ import annotations

from collections.abc import Mapping

from dataflow.model import Text

# What kind of evidence, when no template fits (``source`` → words).
SOURCES: Mapping[str, Text] = {
    "name": Text("name", "字段名"),
    "comment": Text("comment", "注释"),
    "type": Text("type", "类型"),
    "value": Text("values", "取值"),
    "negative": Text("against", "反向依据"),
    "context": Text("context", "上下文"),
    "declared": Text("declared", "声明"),
    "learned": Text("learned scorer", "学习评分"),
}

# Chinese sentences of the rules whose detail quotes one term: ``{term}`` is that term.
ZH_BY_RULE: Mapping[str, str] = {
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
    "name-bound": "'{term}' 是对年龄的限定，不是个人的年龄",
    "name-event-time": "'{term}' 是事件时间，不是该信息本身",
    "name-non-person": "'{term}' 表明属于物而非人",
    "comment-non-person": "注释表明属于 '{term}'，而非人",
    "comment-flag-or-count": "注释表明是标志、计数、状态或类型（'{term}'）",
    "table-key": "与人相关的表 '{term}' 的代理键",
    "table-non-person": "表 '{term}' 描述的是物而非人",
    "dictionary-table": "表 '{term}' 是字典/代码表",
}

# Sampled values: ``{k}`` of ``{n}`` values are (or contain) ``{what}``.
VALUE = Text(
    "{k} of {n} sampled values are {what}",
    "抽样 {n} 个值中 {k} 个为{what}",
)
CONTAINS = Text(
    "{k} of {n} sampled values contain {what}",
    "抽样 {n} 个值中 {k} 个含有{what}",
)
EXAMPLE = Text(", e.g. {example}", "，例如 {example}")
