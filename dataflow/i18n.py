"""Chinese and English labels for the words dataflow prints: grades, mechanisms, risks, UI text.

Every human-readable string a renderer or command shows goes through this module, so
``--lang zh`` and ``--lang en`` cover the same ground. Machine-readable outputs (JSON, SARIF)
keep the stable ids (``general-3``, ``security_assessment``) and never depend on the language.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from dataflow.model import Grade, Text

LANGS = ("en", "zh")


def default_lang() -> str:
    """The output language when neither ``--lang`` nor the configuration sets one: Chinese when
    the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, first one set) is Chinese, else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


GRADES: Mapping[str, Text] = {
    "general-1": Text("general-1 (public)", "一般数据 1 级（公开）"),
    "general-2": Text("general-2 (internal)", "一般数据 2 级（内部）"),
    "general-3": Text("general-3 (personal information)", "一般数据 3 级（个人信息）"),
    "general-4": Text(
        "general-4 (sensitive personal information)", "一般数据 4 级（敏感个人信息）"
    ),
    "important": Text("important data", "重要数据"),
    "core": Text("core data", "核心数据"),
}

MECHANISMS: Mapping[str, Text] = {
    "blocked": Text("blocked: the transfer must not take place", "禁止出境"),
    "prohibited": Text("prohibited", "禁止出境"),
    "security_assessment": Text("CAC security assessment", "数据出境安全评估"),
    "standard_contract_or_certification": Text(
        "standard contract filing or PI protection certification",
        "个人信息出境标准合同备案或个人信息保护认证",
    ),
    "exempt": Text("exempt: no mechanism required", "免予申报（无需出境机制）"),
    "not_applicable": Text("not applicable: outside the cross-border rules", "不适用出境规则"),
    "covered": Text("covered by an existing approval", "已有有效批准覆盖"),
}

RISKS: Mapping[str, Text] = {
    "blocked": Text("blocked", "阻断"),
    "critical": Text("critical", "严重"),
    "high": Text("high", "高"),
    "medium": Text("medium", "中"),
    "low": Text("low", "低"),
}

RISK_ORDER: tuple[str, ...] = ("low", "medium", "high", "critical", "blocked")

SENSITIVE_GROUPS: Mapping[str, Text] = {
    "biometrics": Text("biometrics", "生物识别"),
    "religion": Text("religious belief", "宗教信仰"),
    "specific_identity": Text("specific identity", "特定身份"),
    "health": Text("medical and health", "医疗健康"),
    "financial_account": Text("financial account", "金融账户"),
    "whereabouts": Text("whereabouts", "行踪轨迹"),
    "minors_under_14": Text("minors under 14", "不满十四周岁未成年人"),
    "other": Text("other sensitive", "其他敏感"),
}

SEVERITIES: Mapping[str, Text] = {
    "error": Text("error", "错误"),
    "warning": Text("warning", "警告"),
}

# UI strings: ``{name}`` placeholders are filled by ``t(key, lang, name=...)``.
MESSAGES: Mapping[str, Text] = {
    # table headers
    "col.field": Text("field", "字段"),
    "col.element": Text("element", "要素"),
    "col.category": Text("category", "类别"),
    "col.grade": Text("grade", "级别"),
    "col.sensitive": Text("sensitive", "敏感"),
    "col.confidence": Text("confidence", "置信度"),
    "col.evidence": Text("evidence", "依据"),
    "col.line": Text("line", "行"),
    "col.list": Text("list", "清单"),
    "col.entry": Text("entry", "条目"),
    "col.mechanism": Text("requires", "所需机制"),
    "col.fields": Text("fields", "字段"),
    "col.obligation": Text("obligation", "义务"),
    "col.basis": Text("basis", "依据条款"),
    "col.deadline": Text("deadline", "期限"),
    "col.action": Text("action", "措施"),
    "col.result": Text("result", "结果"),
    "yes": Text("yes", "是"),
    "no": Text("no", "否"),
    # scan table
    "scan.dataset": Text(
        "{name} ({path}, {format}): grade {grade}, {pi} personal field(s), {sensitive} sensitive",
        "{name}（{path}，{format}）：级别 {grade}，个人信息字段 {pi} 个，其中敏感 {sensitive} 个",
    ),
    "scan.categories": Text("categories: {categories}", "类别：{categories}"),
    "scan.subject": Text("subject: {subject}", "主体：{subject}"),
    "scan.raise": Text("raised to {to} by {rule}: {reason}", "因规则 {rule} 升至 {to}：{reason}"),
    "scan.no_pi": Text("no personal information found", "未发现个人信息"),
    "scan.no_datasets": Text("no datasets found", "未发现数据集"),
    "scan.problems": Text("problems", "问题"),
    "scan.summary": Text(
        "{files} file(s), {datasets} dataset(s), {pi} personal field(s) "
        "({sensitive} sensitive), highest grade {grade}, {errors} unreadable",
        "共 {files} 个文件、{datasets} 个数据集、{pi} 个个人信息字段（敏感 {sensitive} 个），"
        "最高级别 {grade}，{errors} 个文件无法读取",
    ),
    # assess table
    "assess.verdict": Text("{id}: {mechanism} (risk: {risk})", "{id}：{mechanism}（风险：{risk}）"),
    "assess.why": Text("why", "理由"),
    "assess.hits": Text("negative-list hits", "负面清单命中"),
    "assess.no_hits": Text("no negative-list entry matched", "未命中负面清单条目"),
    "assess.obligations": Text("obligations", "义务"),
    "assess.remediation": Text("to lighten the mechanism", "降低出境要求的整改建议"),
    "assess.open_questions": Text("open questions", "待人工确认的问题"),
    "assess.warnings": Text("warnings", "提示"),
    "assess.datasets": Text("datasets", "数据集"),
    "assess.counts": Text("subjects counted", "计入人数"),
    "assess.summary": Text(
        "{transfers} transfer(s); highest risk {risk}", "共 {transfers} 次出境传输；最高风险 {risk}"
    ),
    # command messages
    "cli.summary": Text(
        "dataflow: {files} file(s), {datasets} dataset(s), {pi} personal field(s), "
        "{blocking} blocking, {errors} unreadable",
        "dataflow：{files} 个文件，{datasets} 个数据集，{pi} 个个人信息字段，"
        "{blocking} 项阻断，{errors} 个无法读取",
    ),
    "check.new": Text(
        "{where}: {pointer}: {element} ({grade}) is not accepted",
        "{where}：{pointer}：{element}（{grade}）尚未被接受",
    ),
    "check.changed": Text(
        "{where}: {pointer}: {element} changed since it was accepted ({old} -> {new})",
        "{where}：{pointer}：{element} 自接受以来已变化（{old} -> {new}）",
    ),
    "check.ok": Text(
        "dataflow check: {files} file(s), no new personal information",
        "dataflow check：{files} 个文件，无新增个人信息",
    ),
    "check.failed": Text(
        "dataflow check: {count} personal-information finding(s) not accepted",
        "dataflow check：{count} 项个人信息发现尚未被接受",
    ),
    "check.renamed": Text(
        "{pointer}: accepted under {old}, which was renamed to {new}; run `dataflow baseline "
        "update` to record the new path (the reason is kept)",
        "{pointer}：已在 {old} 下接受，该文件已重命名为 {new}；请运行 `dataflow baseline update` "
        "记录新路径（原因保留）",
    ),
    "check.howto": Text(
        "To accept them after review, run `dataflow baseline update --reason "
        '"why this is fine" {paths}` and commit {baseline}, or add an inline comment on the column: '
        '-- dataflow: allow <element> "reason". To remove them, drop the column.',
        "审核后如需接受，请运行 `dataflow baseline update --reason "
        '"原因" {paths}` 并提交 {baseline}，或在该列上加注释：-- dataflow: allow <要素> "原因"。'
        "否则请删除该列。",
    ),
    "baseline.written": Text(
        "dataflow baseline: {count} accepted finding(s) in {path} ({added} added, {removed} removed)",
        "dataflow baseline：{path} 中共 {count} 项已接受发现（新增 {added} 项，移除 {removed} 项）",
    ),
    "init.written": Text("wrote {path}", "已写入 {path}"),
    "init.exists": Text(
        "{files}: already there ({n} file(s)); nothing was written. Use --force to replace "
        "them, or run dataflow init in another folder.",
        "{files} 已存在（{n} 个文件），未写入任何文件。使用 --force 覆盖，或在其他目录运行 dataflow init。",
    ),
    "init.next": Text(
        "next: run `dataflow assess {manifest}` to see a first verdict; then replace {schema} "
        "with your schema, and edit the transfer (exporter, recipient, purpose, subjects) in "
        "{manifest}",
        "下一步：运行 `dataflow assess {manifest}` 查看初步结论；然后用您的表结构替换 {schema}，"
        "并在 {manifest} 中填写传输信息（数据处理者、接收方、目的、人数）",
    ),
}


def t(key: str, lang: str = "en", **values: object) -> str:
    """The UI string ``key`` in ``lang`` with ``{placeholders}`` filled."""
    return MESSAGES[key].fill(lang, **values)


def _label(table: Mapping[str, Text], key: str | None, lang: str) -> str:
    if key is None:
        return "-"
    found = table.get(key)
    return found.get(lang) if found is not None else key


def grade_label(grade: Grade | str | None, lang: str = "en") -> str:
    """``general-3 (personal information)`` / ``一般数据 3 级（个人信息）``."""
    key = grade.label if isinstance(grade, Grade) else grade
    return _label(GRADES, key, lang)


def mechanism_label(mechanism: str | None, lang: str = "en") -> str:
    """Human name of a mechanism id (``security_assessment`` → ``CAC security assessment``)."""
    return _label(MECHANISMS, mechanism, lang)


def risk_label(risk: str | None, lang: str = "en") -> str:
    """Human name of a risk level id."""
    return _label(RISKS, risk, lang)


def group_label(group: str | None, lang: str = "en") -> str:
    """Human name of a PIPL Art. 28 sensitive group id."""
    return _label(SENSITIVE_GROUPS, group, lang)


def severity_label(severity: str, lang: str = "en") -> str:
    """Human name of a problem severity."""
    return _label(SEVERITIES, severity, lang)


def yes_no(value: bool, lang: str = "en") -> str:
    """``yes``/``no`` or ``是``/``否``."""
    return t("yes" if value else "no", lang)
