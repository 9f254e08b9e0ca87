"""Chinese and English labels for the words dataflow prints: grades, mechanisms, risks, UI text.

Every human-readable string a renderer or command shows goes through this module, so
``--lang zh`` and ``--lang en`` cover the same ground. Machine-readable outputs (JSON, SARIF)
keep the stable ids (``general-3``, ``security_assessment``) and never depend on the language.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from dataflow import vocab
from dataflow.model import Grade, Text, Words
from dataflow.vocab import LANGS as LANGS


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

RISK_ORDER: tuple[str, ...] = vocab.RISKS

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
    "raise.candidate": Text(
        "{reason} (important-data candidate: confirmation by the authority is needed)",
        "{reason}（重要数据候选：需主管部门确认）",
    ),
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


# Export monitoring (``ledger status``, the early warnings and the unknown-prior notice of
# ``assess``): a table of its own. ``{placeholders}`` are filled by ``monitor_text``; a value
# given as a ``Text`` is taken in the language being filled.
MONITOR: Mapping[str, Text] = {
    "method": Text(
        "linear: the cumulative count since the window start divided by the days elapsed, "
        "extended at that daily rate until the threshold; none without a count",
        "线性：以计数窗口起始日至今的累计人数除以已过天数作为日均速率，按此速率推算达到阈值的日期；"
        "无累计人数时不推算",
    ),
    "people.subjects": Text("people", "人"),
    "people.sensitive_subjects": Text("people with sensitive PI", "人（敏感个人信息）"),
    "measure.subjects": Text("people", "个人信息人数"),
    "measure.sensitive_subjects": Text("people with sensitive PI", "敏感个人信息人数"),
    "light.green": Text("green", "绿"),
    "light.yellow": Text("yellow", "黄"),
    "light.red": Text("red", "红"),
    "early_warning": Text(
        "Early warning: {left} {people} left before {mechanism} is needed ({count} of {gte} "
        "since {start}, this transfer included: {pct}; warning level {warn}){apart}.",
        "出境预警：距须{mechanism}尚余 {left} {people}（自{start}起含本次累计 {count} 人，"
        "阈值 {gte} 人，已达 {pct}；预警线 {warn}）{apart}。",
    ),
    "apart": Text(
        "; people with sensitive PI are left out of this total "
        "(sensitive_subjects_count_toward_all: false)",
        "；出境敏感个人信息的个人未计入该总数（sensitive_subjects_count_toward_all: false）",
    ),
    "no_prior": Text(
        "No prior exports known: counted as 0; give prior_exports in the manifest or a ledger "
        "(--ledger) with this exporter's earlier transfers.",
        "未知此前出境情况：按 0 人计；请在清单中填写 prior_exports，或提供记录该处理者此前出境的"
        "台账（--ledger）。",
    ),
    "no_prior.near": Text(
        "{notice} The ledger has no entry of this exporter; similar names in it: {names}.",
        "{notice}台账中没有该处理者的记录；名称相近的有：{names}。",
    ),
    "status.title": Text(
        "Ledger status on {as_of}: rule pack {pack}, counted since {start}, warning at {warn} "
        "of a threshold{exempt}{apart}",
        "出境台账状态（{as_of}）：规则包 {pack}，自{start}起累计，达到阈值的 {warn} 即预警{exempt}"
        "{apart}",
    ),
    "status.exempt": Text("; volumes of exempt scenarios counted", "；豁免情形下的出境人数计入"),
    "status.projection": Text("Projection: {method}", "推算方法：{method}"),
    "status.none": Text("no exporter in the ledger", "台账中没有出境记录"),
    "status.next": Text(
        "{exporter}: {transfers} transfer(s), {void} void left out; light {light}; by volume so "
        "far the next transfer needs {mechanism}",
        "{exporter}：{transfers} 笔出境，另有作废 {void} 笔不计；状态 {light}；按目前累计人数，"
        "下一次出境须{mechanism}",
    ),
    "status.crossed": Text("crossed {day}", "已于{day}达到"),
    "status.projected": Text("projected {day}", "预计{day}"),
    "status.col.exporter": Text("exporter", "处理者"),
    "status.col.measure": Text("count of", "计数"),
    "status.col.count": Text("count", "人数"),
    "status.col.threshold": Text("threshold", "阈值"),
    "status.col.mechanism": Text("mechanism at threshold", "达到阈值须"),
    "status.col.percent": Text("used", "已用"),
    "status.col.light": Text("light", "状态"),
    "status.col.headroom": Text("headroom", "余量"),
    "status.col.crossing": Text("crossing", "越线日期"),
    "status.notice": Text("note: {text}", "提示：{text}"),
    "status.no_ledger": Text(
        "no ledger file at {path}: nothing recorded, every count is 0 (give --ledger "
        "or 'ledger:' in the configuration)",
        "{path} 处没有台账文件：无任何记录，各项人数均为 0（请用 --ledger 或配置项 ledger: 指定）",
    ),
}


def monitor_text(key: str, lang: str = "en", **values: object) -> str:
    """The monitoring message ``key`` in ``lang``; a ``Text`` value is taken in ``lang``."""
    filled = {k: v.get(lang) if isinstance(v, Text) else v for k, v in values.items()}
    return MONITOR[key].fill(lang, **filled)


def monitor_message(key: str, **values: object) -> Text:
    """The monitoring message ``key`` filled in both languages."""
    return Text(en=monitor_text(key, "en", **values), zh=monitor_text(key, "zh", **values))


# The people a dataset is about (catalogs/subjects.yaml ``roles``), in the plural.
ROLES: Mapping[str, Text] = {
    "person": Text("people", "自然人"),
    "patient": Text("patients", "患者"),
    "customer": Text("customers", "客户"),
    "employee": Text("employees", "员工"),
    "staff": Text("staff", "员工"),
    "student": Text("students", "学生"),
    "member": Text("members", "会员"),
    "minor": Text("minors", "未成年人"),
    "user": Text("users", "用户"),
}


# What a dataset is about (``Subject.kind``).
KINDS: Mapping[str, Text] = {
    "person": Text("person", "个人"),
    "person_linked": Text("person_linked", "与个人关联"),
    "organisation": Text("organisation", "机构"),
    "reference": Text("reference", "参考表"),
    "system": Text("system", "系统数据"),
    "unknown": Text("unknown", "未知"),
}


def role_text(role: str) -> Text:
    """``patients`` / ``患者``; a role the table does not know is named by its id."""
    return ROLES.get(role) or Text(role + "s", role)


# Why a dataset has its subject, and what the subject changes in a field's verdict
# (``dataflow/subject.py``). JSON keeps the English sentence; the reports show it in ``--lang``.
SUBJECTS: Mapping[str, Text] = {
    "subject.link": Text(
        "{dataset}.{column} → {target} ({via})", "{dataset}.{column} → {target}（{via}）"
    ),
    "subject.a_person": Text("a person", "某个人"),
    "via.foreign_key": Text("foreign_key", "外键"),
    "via.naming": Text("naming", "命名"),
    "via.comment": Text("comment", "注释"),
    "via.nesting": Text("nesting", "嵌套"),
    "subject.child_column": Text("column '{column}' names a child", "字段 '{column}' 指向儿童"),
    "subject.children_context": Text(
        "'{word}' says its people are children", "'{word}' 表明其人员为儿童"
    ),
    "subject.child_columns": Text("columns {columns} describe a child", "字段 {columns} 描述儿童"),
    "subject.reference_name": Text(
        "name '{name}': '{word}' marks a code list or dictionary",
        "名称 '{name}'：'{word}' 表明是代码表或字典",
    ),
    "subject.reference_zh": Text(
        "'{word}' marks a code list or dictionary", "'{word}' 表明是代码表或字典"
    ),
    "subject.system_name": Text(
        "name '{name}': '{word}' marks configuration or system data",
        "名称 '{name}'：'{word}' 表明是配置或系统数据",
    ),
    "subject.system_comment": Text(
        "comment says '{word}' (system data)", "注释为 '{word}'（系统数据）"
    ),
    "subject.role_name": Text("name '{name}' names {roles}", "名称 '{name}' 指{roles}"),
    "subject.document": Text(
        "name '{name}': '{word}' is a document about one person",
        "名称 '{name}'：'{word}' 是关于某个人的档案",
    ),
    "subject.org_but_person": Text(
        "name '{name}' names organisations, but columns {columns} describe a person",
        "名称 '{name}' 指机构，但字段 {columns} 描述的是个人",
    ),
    "subject.org_name": Text(
        "name '{name}': '{word}' names organisations", "名称 '{name}'：'{word}' 指机构"
    ),
    "subject.rows_of_role": Text(
        "name '{name}' says its rows belong to {roles}", "名称 '{name}' 表明每行属于{roles}"
    ),
    "subject.actor": Text(
        "a log of actions: column '{column}' says who acted",
        "操作日志：字段 '{column}' 记录操作人",
    ),
    "subject.comment_role": Text("table comment names {roles}", "表注释指{roles}"),
    "subject.comment_rows": Text(
        "table comment says its rows belong to {roles}", "表注释表明每行属于{roles}"
    ),
    "subject.org_comment": Text("comment says '{word}' (organisations)", "注释为 '{word}'（机构）"),
    "subject.identity_columns": Text("identity columns: {columns}", "身份字段：{columns}"),
    "subject.input_code": Text(
        "column '{column}' is an input code of a code list", "字段 '{column}' 是代码表的输入码"
    ),
    "subject.nested": Text(
        "nested in {name}, a document about a person", "嵌套在关于个人的文档 {name} 中"
    ),
    "subject.column_role": Text("column '{column}' names {roles}", "字段 '{column}' 指{roles}"),
    # describe(): what the table is, then why
    "subject.table": Text("table {name} is {what}", "表 {name} {what}"),
    "subject.table_why": Text("table {name} is {what} ({why})", "表 {name} {what}（{why}）"),
    "kind.person": Text("about people", "是关于个人的"),
    "kind.person_role": Text("about {roles}", "是关于{roles}的"),
    "kind.person_linked": Text("person-linked", "与个人关联"),
    "kind.organisation": Text("about organisations", "是关于机构的"),
    "kind.reference": Text(
        "a reference table (code list or dictionary)", "是参考表（代码表或字典）"
    ),
    "kind.system": Text(
        "system data (configuration, jobs, metadata)", "是系统数据（配置、任务、元数据）"
    ),
    # field verdicts in the light of the subject: "{context}; {why}"
    "subject.because": Text("{context}; {why}", "{context}；{why}"),
    "subject.record_id": Text(
        "nothing says table {name} is about people; '{column}' is the unique id of a record",
        "没有依据表明表 {name} 是关于个人的；'{column}' 是记录的唯一标识",
    ),
    "subject.not_person": Text(
        "its words name kinds of things, not a person's data",
        "其用词指的是事物的种类，而非个人的信息",
    ),
    "subject.membership_card": Text(
        "a card number of a membership or all-in-one card table is not a bank card unless "
        "its values validate as one",
        "会员卡或一卡通表中的卡号不是银行卡号，除非其取值校验为银行卡号",
    ),
    "subject.person_record": Text(
        "'{word}' in a record of one person is that person's",
        "单个人的记录中的 '{word}' 属于该人",
    ),
    "subject.person_name": Text("'{word}' is the name of a person", "'{word}' 是人的姓名"),
    "subject.person_number": Text("'…{word}' is a person's number", "'…{word}' 是人的编号"),
    "subject.names_person": Text("'{word}' names a person", "'{word}' 指某个人"),
    "subject.family": Text(
        "'{word}' is {category} ({family})", "'{word}' 属于{category}（{family}）"
    ),
    "subject.comment_says": Text(
        "its comment says '{word}', {category}", "其注释为 '{word}'，属于{category}"
    ),
    "subject.staff_name": Text(
        "a text column '{column}' names the {staff} on the record",
        "文本字段 '{column}' 记录该记录上的{staff}",
    ),
    "subject.rows_are_people": Text(
        "the table's name or comment suggested things, but its columns show its rows are "
        "people: '{column}' is that person's",
        "表名或注释看似指物，但其字段表明每行是个人：'{column}' 属于该人",
    ),
    "subject.the_persons": Text("the person's", "该人的"),
    "subject.topic": Text(
        "a record of {family}: its attributes are that information",
        "{family}记录：其属性即为该类信息",
    ),
    "subject.minor": Text(
        "all personal information of a child under 14 is sensitive (PIPL Art. 28)",
        "不满十四周岁未成年人的个人信息均为敏感个人信息（《个人信息保护法》第二十八条）",
    ),
}

# Problems with input files (readers): ``{placeholders}`` hold positions, counts and names.
PROBLEMS: Mapping[str, Text] = {}


def t(key: str, lang: str = "en", **values: object) -> str:
    """The UI string ``key`` in ``lang`` with ``{placeholders}`` filled."""
    return MESSAGES[key].fill(lang, **values)


def _value(value: object, lang: str) -> object:
    if isinstance(value, (Words, Text)):
        return value.get(lang)
    if isinstance(value, (list, tuple)):
        return ("、" if lang == "zh" else ", ").join(str(_value(v, lang)) for v in value)
    return value


def msg(key: str, **values: object) -> Words:
    """The sentence ``key`` (``MESSAGES``, ``SUBJECTS`` or ``PROBLEMS``) in both languages, its
    ``{placeholders}`` filled: a value that is itself ``Words`` or ``Text`` goes in each
    language, a list or tuple is joined (``, `` / ``、``). The result is the English ``str``
    that JSON and SARIF keep, carrying the Chinese for the reports people read."""
    template = MESSAGES.get(key) or SUBJECTS.get(key) or PROBLEMS[key]
    en = template.en.format(**{k: _value(v, "en") for k, v in values.items()})
    zh = template.zh.format(**{k: _value(v, "zh") for k, v in values.items()})
    return Words(en, zh)


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
