"""Words of the catalog and negative-list commands (``catalog list|show|check``,
``negative-list list|show|check``): column headings and labels, in both languages."""

from __future__ import annotations

from collections.abc import Mapping

from dataflow.model import Text

# ``dataflow catalog``
CATALOG: Mapping[str, Text] = {
    "id": Text("id", "编号"),
    "name": Text("name", "名称"),
    "category": Text("category", "类别"),
    "sensitive": Text("sensitive (PIPL Art. 28)", "敏感（个人信息保护法第二十八条）"),
    "grade": Text("grade", "级别"),
    "entities": Text("recognizer entities", "识别器实体"),
    "keywords": Text("keywords", "关键词"),
    "references": Text("references", "依据"),
    "pi": Text("personal information", "个人信息"),
    "yes": Text("yes", "是"),
    "no": Text("no", "否"),
    "types": Text("column types", "字段类型"),
    "direct": Text("direct identifier", "直接标识符"),
    "file": Text("defined in", "定义文件"),
    "rule": Text("escalation rule", "升级规则"),
    "when": Text("when", "条件"),
    "to": Text("raises to", "升至"),
    "reason": Text("reason", "理由"),
    "source": Text("source", "来源"),
    "important": Text("important data", "重要数据"),
    "elements": Text("elements", "数据项"),
    "sector": Text("sector", "行业"),
    "levels": Text("levels", "级别"),
    "deprecated": Text("deprecated, replaced by", "已废弃，替代为"),
    "version": Text("catalog version", "目录版本"),
    "rules": Text("escalation rules", "升级规则"),
    "by_standard": Text("sensitivity by standard", "各标准下的敏感性"),
    "from": Text("from", "自"),
    "not_applied": Text("guide, not applied by date", "指南，不按日期适用"),
    "as_catalog": Text("no ruling recorded (the catalog's value)", "未记录判定（沿用目录值）"),
    "catalog_value": Text("no ruling: catalog value", "无判定：目录值"),
    "no_changes": Text(
        "no element changes sensitivity between standards", "各标准间无敏感性变化的数据项"
    ),
}

# ``dataflow negative-list``
NEGATIVE_LIST: Mapping[str, Text] = {
    "id": Text("id", "编号"),
    "jurisdiction": Text("jurisdiction", "管辖"),
    "zone": Text("zone", "区域"),
    "version": Text("version", "版本"),
    "from": Text("in force from", "施行日期"),
    "to": Text("in force until", "截止日期"),
    "entries": Text("entries", "条目数"),
    "unverified": Text("unverified", "未核实"),
    "in_use": Text("in use", "默认启用"),
    "title": Text("title", "名称"),
    "yes": Text("yes", "是"),
    "no": Text("no", "否"),
    "scope": Text("scope", "适用范围"),
    "sectors": Text("sectors", "行业"),
    "scenarios": Text("scenarios", "场景"),
    "sources": Text("sources", "来源"),
    "verified": Text("verified", "已核实"),
    "complete": Text("complete transcription", "完整转录"),
    "excludes_ciio": Text("CIIOs excluded", "关键信息基础设施运营者不适用"),
    "file": Text("file", "文件"),
    "notes": Text("notes", "说明"),
    "list": Text("list", "清单"),
    "entry": Text("entry", "条目"),
    "sector": Text("sector", "行业"),
    "scenario": Text("scenario", "场景"),
    "data_category": Text("data category", "数据类别"),
    "condition": Text("condition", "条件"),
    "important_data": Text("important data", "重要数据"),
    "mechanism": Text("required mechanism", "要求的出境机制"),
    "message": Text("message", "说明"),
    "source": Text("source", "依据"),
    "unverified_note": Text(
        "entries marked (?) are not verified against the published text",
        "标有 (?) 的条目未经与正式文本核对",
    ),
    "ok": Text("ok", "通过"),
}

# Whether a negative list designates important data (``negative-list show``).
IMPORTANT_DATA: Mapping[str, Text] = {
    "none": Text("no", "否"),
    "candidate": Text(
        "candidate (binding once notified or published)", "候选（经告知或公开发布后适用）"
    ),
    "confirmed": Text("yes, designated by the list", "是，由清单认定"),
}
