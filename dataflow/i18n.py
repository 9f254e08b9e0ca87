"""Chinese and English labels for the words dataflow prints: grades, mechanisms, risks, UI text.

Every human-readable string a renderer or command shows goes through this module, so
``--lang zh`` and ``--lang en`` cover the same ground. Machine-readable outputs (JSON, SARIF)
keep the stable ids (``general-3``, ``security_assessment``) and never depend on the language.
"""

from __future__ import annotations

import errno
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
    "source.sample": Text(" + sample {sample}", " + 样本 {sample}"),
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
    "assess.cli_summary": Text(
        "{transfers} transfer(s) assessed; {verdicts}; {blocking} blocking (fail-on {threshold})",
        "共评估 {transfers} 次出境传输；{verdicts}；{blocking} 项阻断（fail-on {threshold}）",
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
        "{new}: {pointer}: accepted under {old} ({how}); run `dataflow baseline update` to "
        "record the new path (the reason is kept)",
        "{new}：{pointer}：已在 {old} 下接受（{how}）；请运行 `dataflow baseline update` "
        "记录新路径（原因保留）",
    ),
    "git-renamed": Text("renamed from it, as git reports", "据 git，由该文件重命名而来"),
    "git-copied": Text("copied from it, as git reports", "据 git，由该文件复制而来"),
    "same-content": Text(
        "the same content as that file had when accepted",
        "内容与该文件被接受时相同",
    ),
    "vanished": Text("that file is gone: renamed or moved", "该文件已不存在：已重命名或移动"),
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
    "baseline.carried": Text(
        "{new}: {pointer}: the reason accepted under {old} is kept ({how})",
        "{new}：{pointer}：保留在 {old} 下接受时的原因（{how}）",
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
    "subject.person_file": Text(
        "name '{name}': '{word}' of {roles} is a person's file",
        "名称 '{name}'：{roles}的 '{word}' 是个人档案",
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

# Database sources: why a schema or table could not be read (the driver's own text never shows).
DATABASE: Mapping[str, Text] = {
    "db.auth": Text(
        "authentication failed (check the user and password)", "认证失败（请检查用户名和密码）"
    ),
    "db.permission": Text("permission denied", "权限不足"),
    "db.timeout": Text("statement timeout", "语句超时"),
    "db.read_only": Text("refused: the session is read-only", "被拒绝：会话为只读"),
    "db.host": Text("host not found", "找不到主机"),
    "db.refused": Text(
        "connection refused (is the server running and the host/port right?)",
        "连接被拒绝（服务器是否在运行，主机和端口是否正确？）",
    ),
    "db.not_found": Text("not found", "不存在"),
    "db.list_schema": Text("cannot list schema {schema}: {why}", "无法列出模式 {schema}：{why}"),
    "db.read": Text("cannot read {kind} {name}: {why}", "无法读取{kind} {name}：{why}"),
    "spark.read": Text("cannot read {source}: {why}", "无法读取 {source}：{why}"),
    "spark.scan": Text("cannot scan {source}: {why}", "无法扫描 {source}：{why}"),
    "spark.executor": Text(
        "cannot scan {source}: {error} on an executor", "无法扫描 {source}：执行器上发生 {error}"
    ),
    "db.table": Text("table", "表"),
    "db.view": Text("view", "视图"),
}

# Problems with input files (readers): ``{placeholders}`` hold positions, counts and names.
PROBLEMS: Mapping[str, Text] = {
    "p.too_large": Text(
        "file is too large to read as {what} ({size} bytes; the limit is {limit})",
        "文件过大，无法作为{what}读取（{size} 字节，上限 {limit}）",
    ),
    "p.cannot_read": Text("cannot read file: {why}", "无法读取文件：{why}"),
    "p.renamed_columns": Text(
        "header has empty or repeated column names; they were renamed",
        "表头有空的或重复的列名，已重命名",
    ),
    "p.more": Text("{kind}: {extra} more not listed", "{kind}：另有 {extra} 处未列出"),
    "p.empty_no": Text("file is empty: no {what}", "文件为空：没有{what}"),
    "p.invalid_json_in": Text("invalid JSON in {what}: {why}", "{what}中的 JSON 无效：{why}"),
    "p.json_deep": Text("invalid JSON: nested too deeply", "JSON 无效：嵌套过深"),
    "p.no_file": Text("no such file", "文件不存在"),
    "p.is_folder": Text("is a folder, not a file", "是文件夹，不是文件"),
    "p.not_regular": Text(
        "not a regular file (device, pipe or socket); not read",
        "不是普通文件（设备、管道或套接字），未读取",
    ),
    "p.permission": Text("cannot read file: permission denied", "无法读取文件：权限不足"),
    "p.unknown_format": Text(
        "unknown schema format (expected one of: {formats})",
        "未知的表结构格式（应为以下之一：{formats}）",
    ),
    "p.not_read": Text(
        "not a format dataflow reads; skipped (use --schema-format to force one)",
        "不是 dataflow 可读取的格式，已跳过（可用 --schema-format 指定格式）",
    ),
    "p.spark_recognizers": Text(
        "recognizers not used: --engine spark matches values with the shipped recognizers only "
        "(scan without --engine spark to use this file)",
        "未使用该识别器文件：--engine spark 只用内置识别器匹配值（不加 --engine spark 扫描才会使用此文件）",
    ),
    "p.internal": Text(
        "internal error while reading the file ({error}); please report it (see README, Security)",
        "读取文件时发生内部错误（{error}），请报告此问题（见 README 的 Security 一节）",
    ),
    "p.empty": Text("file is empty", "文件为空"),
    "p.binary": Text("binary content: not a {fmt} text file", "二进制内容：不是 {fmt} 文本文件"),
    "p.some_undecodable": Text(
        "some lines are neither UTF-8 nor {legacy}; undecodable bytes were replaced",
        "部分行既不是 UTF-8 也不是 {legacy} 编码，无法解码的字节已替换",
    ),
    "what.jsonschema": Text("JSON Schema", "JSON Schema 文件"),
    "what.avro": Text("Avro schema", "Avro 模式文件"),
    "p.link_loop": Text(
        "symbolic link loop (or a second link to a folder already scanned); not followed",
        "符号链接循环（或指向已扫描文件夹的第二个链接），未跟随",
    ),
    "p.cannot_list": Text("cannot list folder: {why}", "无法列出文件夹内容：{why}"),
    "p.broken_link": Text("broken symbolic link; skipped", "符号链接已失效，已跳过"),
    "p.no_such_path": Text("no such file or folder", "文件或文件夹不存在"),
    "p.avro_undefined": Text(
        "Avro field's type is a name that neither this file nor the other Avro schemas of the scan define; the field is kept without a type",
        "Avro 字段的类型名称在本文件和本次扫描的其他 Avro 模式中均未定义；该字段保留但没有类型",
    ),
    "p.avro_no_fields": Text("Avro record has no list of fields", "Avro 记录没有字段列表"),
    "p.avro_field_not_object": Text("Avro record field is not an object", "Avro 记录字段不是对象"),
    "p.avro_field_no_name": Text("Avro record field has no name", "Avro 记录字段没有名称"),
    "p.avro_field_no_type": Text("Avro record field has no type", "Avro 记录字段没有类型"),
    "p.avro_recursive": Text(
        "recursive Avro record: not expanded again", "递归的 Avro 记录：不再展开"
    ),
    "p.avro_bad_type": Text(
        "Avro field type is not a name, an object or a union",
        "Avro 字段类型不是名称、对象或联合类型",
    ),
    "p.avro_no_name": Text("Avro record has no name", "Avro 记录没有名称"),
    "p.avro_enum": Text("Avro enum has no list of symbols", "Avro 枚举没有符号列表"),
    "p.avro_array": Text("Avro array has no items type", "Avro 数组没有元素类型"),
    "p.avro_map": Text("Avro map has no values type", "Avro 映射没有值类型"),
    "p.avro_fixed": Text("Avro fixed type has no valid size", "Avro fixed 类型没有有效的长度"),
    "p.avro_type_object": Text("Avro type object has no valid type", "Avro 类型对象没有有效的类型"),
    "p.avro_not_record": Text("not an Avro record schema", "不是 Avro 记录模式"),
    "p.avro_deep": Text(
        "Avro schema nested deeper than {depth} levels; cut", "Avro 模式嵌套超过 {depth} 层，已截断"
    ),
    "p.js_deep": Text(
        "schema nested deeper than {depth} levels; cut", "模式嵌套超过 {depth} 层，已截断"
    ),
    "p.js_ref_not_string": Text("$ref is not a string; ignored", "$ref 不是字符串，已忽略"),
    "p.js_cycle": Text(
        "$ref cycle: the recursive member is not expanded again", "$ref 循环：递归成员不再展开"
    ),
    "p.js_remote": Text(
        "remote or external $ref not followed (dataflow never fetches schemas); the member is kept without its sub-fields",
        "未跟随远程或外部 $ref（dataflow 从不下载模式）；该成员保留但没有子字段",
    ),
    "p.js_unresolved": Text("$ref points to nothing in this document", "$ref 在本文档中找不到目标"),
    "p.js_not_object": Text(
        "not a JSON Schema: the document is not an object", "不是 JSON Schema：文档不是对象"
    ),
    "p.too_many_fields": Text(
        "more than {max} fields; the rest are ignored", "字段超过 {max} 个，其余已忽略"
    ),
    "p.js_no_properties": Text(
        "JSON Schema describes no properties: no fields read",
        "JSON Schema 没有描述任何属性：未读取到字段",
    ),
    "p.dbt_deep": Text(
        "cannot read dbt schema file: YAML nested too deeply",
        "无法读取 dbt 模式文件：YAML 嵌套过深",
    ),
    "p.dbt_yaml": Text("cannot read dbt schema file: {why}", "无法读取 dbt 模式文件：{why}"),
    "yaml.0": Text("duplicate key", "键重复"),
    "yaml.1": Text(
        "YAML tags are not allowed (only plain YAML data)",
        "不允许使用 YAML 标签（只允许普通 YAML 数据）",
    ),
    "yaml.2": Text("YAML alias/anchor expansion too large", "YAML 别名/锚点展开过大"),
    "yaml.3": Text("recursive YAML alias", "YAML 别名递归"),
    "yaml.4": Text("expected one YAML document, found several", "应为一个 YAML 文档，却发现多个"),
    "yaml.5": Text("not valid UTF-8", "不是有效的 UTF-8"),
    "yaml.6": Text("mapping keys must be plain scalars", "映射的键必须是普通标量"),
    "yaml.invalid": Text("invalid YAML", "YAML 无效"),
    "p.dbt_not": Text(
        "not a dbt schema file: no models, seeds, snapshots or sources list",
        "不是 dbt 模式文件：没有 models、seeds、snapshots 或 sources 列表",
    ),
    "p.dbt_section_list": Text("dbt {section} must be a list", "dbt 的 {section} 必须是列表"),
    "p.dbt_source_name": Text("dbt source has no name", "dbt source 没有名称"),
    "p.dbt_tables_list": Text(
        "dbt source tables must be a list", "dbt source 的 tables 必须是列表"
    ),
    "p.dbt_entry_mapping": Text("dbt entry is not a mapping", "dbt 条目不是映射"),
    "p.dbt_entry_name": Text("dbt entry has no name", "dbt 条目没有名称"),
    "p.dbt_columns_list": Text("dbt columns must be a list", "dbt 的 columns 必须是列表"),
    "p.dbt_column_name": Text("dbt column has no name", "dbt 列没有名称"),
    "p.empty_header": Text("file is empty: no header row", "文件为空：没有表头行"),
    "p.binary_delimited": Text(
        "binary content: not a {fmt} text file (no text encoding fits its bytes)",
        "二进制内容：不是 {fmt} 文本文件（没有适合其字节的文本编码）",
    ),
    "p.bad_header": Text("malformed {fmt} header row", "{fmt} 表头行格式错误"),
    "p.no_header": Text(
        "file has no header row (the first line is empty)", "文件没有表头行（第一行为空）"
    ),
    "p.header_is_data": Text(
        "the first row looks like data, not column names (it holds values such as identifiers, numbers or dates); columns are named column_1 to column_{n} and the row is read as data",
        "第一行看起来是数据而不是列名（含有标识号、数字或日期等值）；各列命名为 column_1 至 column_{n}，该行按数据读取",
    ),
    "p.unterminated": Text(
        "unterminated quoted field: the quote opened in the row that starts on this line is never closed, so the rest of the file was read as one value",
        "引号未闭合：从此行开始的那一行中打开的引号始终没有闭合，文件其余部分被读作一个值",
    ),
    "p.values_undecodable": Text(
        "{n} values could not be decoded as UTF-8 or {legacy}; undecodable bytes were replaced",
        "{n} 个值无法按 UTF-8 或 {legacy} 解码，无法解码的字节已替换",
    ),
    "p.bad_row": Text(
        "malformed {fmt} row (unbalanced quotes or a NUL byte); row skipped",
        "{fmt} 行格式错误（引号不配对或含 NUL 字节），已跳过该行",
    ),
    "kind.bad_rows": Text("malformed {fmt} rows", "格式错误的 {fmt} 行"),
    "p.long_rows": Text(
        "{n} rows have more fields than the header; extra fields ignored",
        "{n} 行的字段多于表头，多出的字段已忽略",
    ),
    "p.short_rows": Text(
        "{n} rows have fewer fields than the header; missing ones read as empty",
        "{n} 行的字段少于表头，缺少的按空值读取",
    ),
    "p.long_lines": Text(
        "{n} lines are longer than {max} bytes; only the first part of each was read",
        "{n} 行超过 {max} 字节，每行只读取了前一部分",
    ),
    "p.lines_undecodable": Text(
        "{n} lines could not be decoded as UTF-8 or {legacy}; undecodable bytes were replaced",
        "{n} 行无法按 UTF-8 或 {legacy} 解码，无法解码的字节已替换",
    ),
    "p.empty_jsonl": Text("file is empty: no JSON records", "文件为空：没有 JSON 记录"),
    "p.binary_jsonl": Text(
        "binary content: not a JSON Lines text file", "二进制内容：不是 JSON Lines 文本文件"
    ),
    "p.binary_json": Text("binary content: not a JSON text file", "二进制内容：不是 JSON 文本文件"),
    "p.empty_json": Text("file is empty: no JSON document", "文件为空：没有 JSON 文档"),
    "p.invalid_json": Text("invalid JSON: {why}", "JSON 无效：{why}"),
    "p.json_array_or_object": Text(
        "JSON data must be an array of objects (or one object)",
        "JSON 数据必须是对象数组（或单个对象）",
    ),
    "p.json_no_objects": Text(
        "JSON array does not hold objects: no columns to read",
        "JSON 数组中没有对象：没有可读取的列",
    ),
    "p.json_large": Text(
        "a JSON data file this large must be an array of objects",
        "这么大的 JSON 数据文件必须是对象数组",
    ),
    "p.json_array": Text("JSON data must be an array of objects", "JSON 数据必须是对象数组"),
    "p.json_comma": Text(
        "invalid JSON: expected ',' or ']' after an item", "JSON 无效：元素之后应为 ',' 或 ']'"
    ),
    "p.jsonl_bad_line": Text("line is not valid JSON: {why}", "该行不是有效的 JSON：{why}"),
    "kind.bad_lines": Text("lines that are not valid JSON", "不是有效 JSON 的行"),
    "p.jsonl_deep": Text("line is nested too deeply", "该行嵌套过深"),
    "p.jsonl_cut": Text(
        "{n} lines are longer than {max} bytes and were cut (they are reported as invalid JSON)",
        "{n} 行超过 {max} 字节，已截断（按无效 JSON 报告）",
    ),
    "p.jsonl_not_objects": Text(
        "{n} lines are JSON but not objects; skipped", "{n} 行是 JSON 但不是对象，已跳过"
    ),
    "p.jsonl_undecodable": Text(
        "{n} lines could not be decoded; undecodable bytes were replaced",
        "{n} 行无法解码，无法解码的字节已替换",
    ),
    "p.json_map": Text(
        "the keys of {shown} vary from record to record, as a map's do: read as a map, its keys in {keys} and its values in {values}",
        "{shown} 的键在各条记录间变化，如同映射：按映射读取，键在 {keys}，值在 {values}",
    ),
    "p.json_top": Text("the top-level object", "顶层对象"),
    "p.too_many_keys": Text(
        "more than {max} distinct keys; the rest are ignored", "不同的键超过 {max} 个，其余已忽略"
    ),
    "p.parquet_empty": Text("file is empty: not a Parquet file", "文件为空：不是 Parquet 文件"),
    "p.parquet_footer": Text(
        "not a readable Parquet file: the footer is missing or corrupt (the file may be truncated)",
        "不是可读取的 Parquet 文件：文件尾缺失或损坏（文件可能被截断）",
    ),
    "p.parquet_wide": Text(
        "more than {max} leaf columns; the rest are ignored", "叶子列超过 {max} 个，其余已忽略"
    ),
    "p.parquet_pages": Text(
        "Parquet data pages could not be read (corrupt or truncated); rows after that point were not sampled",
        "Parquet 数据页无法读取（损坏或被截断），其后的行未抽样",
    ),
    "p.sql_create_other": Text(
        "CREATE statement could not be parsed (neither CREATE TABLE nor another known object)",
        "CREATE 语句无法解析（既不是 CREATE TABLE，也不是其他已知对象）",
    ),
    "p.sql_embedded": Text(
        "statement could not be parsed; CREATE TABLE {table} inside it at line {line} was not read (missing ';' before it?)",
        "语句无法解析；其中第 {line} 行的 CREATE TABLE {table} 未读取（之前缺少 ';'？）",
    ),
    "p.sql_not_sql": Text(
        "statement could not be parsed (not recognised as SQL)", "语句无法解析（无法识别为 SQL）"
    ),
    "p.sql_long": Text(
        "CREATE TABLE statement is longer than {max} characters; table {table} is not read",
        "CREATE TABLE 语句超过 {max} 个字符，表 {table} 未读取",
    ),
    "p.sql_lenient": Text(
        "CREATE TABLE {table} read without the table options after its column list (the SQL parser does not understand them){lost}",
        "CREATE TABLE {table} 已读取，但忽略了列定义之后的表选项（SQL 解析器无法识别）{lost}",
    ),
    "p.sql_create": Text(
        "CREATE TABLE statement could not be parsed; table {table} is not read{lost}",
        "CREATE TABLE 语句无法解析，表 {table} 未读取{lost}",
    ),
    "p.sql_create_at": Text(
        "CREATE TABLE statement could not be parsed (syntax error near line {line}, column {column}); table {table} is not read{lost}",
        "CREATE TABLE 语句无法解析（语法错误，靠近第 {line} 行第 {column} 列），表 {table} 未读取{lost}",
    ),
    "p.sql_also_lost": Text(
        "; CREATE TABLE {tables} in it is not read either",
        "；其中的 CREATE TABLE {tables} 也未读取",
    ),
    "p.sql_lost_table": Text("{table} (line {line})", "{table}（第 {line} 行）"),
    "p.sql_name_unreadable": Text("(name unreadable)", "（表名无法读取）"),
    "p.sql_key_elsewhere": Text(
        "ALTER TABLE adds a foreign key to table {table}, which this file does not create; the key is not used",
        "ALTER TABLE 为表 {table} 添加了外键，但本文件没有创建该表；该外键未使用",
    ),
    "p.key_table_twice": Text(
        "ALTER TABLE adds a foreign key to table {table}, but two or more tables have that name; the key is not used",
        "ALTER TABLE 为表 {table} 添加了外键，但有两个或更多表同名；该外键未使用",
    ),
    "p.key_table_nowhere": Text(
        "ALTER TABLE adds a foreign key to table {table}, but no scanned file creates it; the key is not used",
        "ALTER TABLE 为表 {table} 添加了外键，但扫描的文件都没有创建该表；该外键未使用",
    ),
    "p.sql_no_name": Text("CREATE TABLE statement has no table name", "CREATE TABLE 语句没有表名"),
    "p.sql_allow": Text(
        'inline allow comment ignored: write -- dataflow: allow <element-id> "reason"',
        '已忽略行内 allow 注释：应写为 -- dataflow: allow <要素 id> "原因"',
    ),
    "p.sample_unknown": Text(
        "sample given for dataset {name}, which no scanned schema defines (datasets: {known})",
        "为数据集 {name} 提供了样本，但扫描的表结构中没有该数据集（数据集：{known}）",
    ),
    "p.sample_extra_columns": Text(
        "attached to table {table} as its sample, but has columns the table lacks ({columns}): "
        "reported as a dataset of its own as well",
        "已作为表 {table} 的样本，但含有该表没有的列（{columns}）：也作为独立数据集报告",
    ),
    "p.no_sample_rows": Text("no sample rows found", "未找到样本行"),
}


def t(key: str, lang: str = "en", **values: object) -> str:
    """The UI string ``key`` in ``lang`` with ``{placeholders}`` filled."""
    return MESSAGES[key].fill(lang, **values)


# Messages of Python's json module (``JSONDecodeError.msg``), which carry no input text.
JSON_ERRORS: Mapping[str, str] = {
    "Expecting value": "此处应为一个值",
    "Expecting ',' delimiter": "此处应为 ',' 分隔符",
    "Expecting ':' delimiter": "此处应为 ':' 分隔符",
    "Expecting property name enclosed in double quotes": "此处应为双引号括起的属性名",
    "Unterminated string starting at": "字符串未结束",
    "Invalid control character at": "含有无效的控制字符",
    "Invalid \\escape": "无效的转义序列",
    "Invalid \\uXXXX escape": "无效的 \\uXXXX 转义序列",
    "Extra data": "多余的数据",
    "Illegal trailing comma before end of object": "对象结尾前有多余的逗号",
    "Illegal trailing comma before end of array": "数组结尾前有多余的逗号",
}

# Operating-system errors by errno (``OSError.strerror`` is English).
OS_ERRORS: Mapping[int, Text] = {
    errno.EACCES: Text("Permission denied", "权限不足"),
    errno.ENOENT: Text("No such file or directory", "文件或目录不存在"),
    errno.EISDIR: Text("Is a directory", "是目录"),
    errno.ENOTDIR: Text("Not a directory", "不是目录"),
    errno.EIO: Text("Input/output error", "输入输出错误"),
    errno.ELOOP: Text("Too many levels of symbolic links", "符号链接层级过多"),
    errno.ENAMETOOLONG: Text("File name too long", "文件名过长"),
}


def json_error(message: str) -> Words:
    """A ``JSONDecodeError.msg`` in both languages (as is where the table has none)."""
    zh = JSON_ERRORS.get(message)
    return Words(message, zh if zh is not None else message)


def os_error(exc: OSError) -> Words:
    """Why an operating-system call failed, in both languages (never a path or input text)."""
    en = exc.strerror or type(exc).__name__
    known = OS_ERRORS.get(exc.errno) if exc.errno is not None else None
    return Words(en, known.zh if known is not None else en)


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
    template = MESSAGES.get(key) or SUBJECTS.get(key) or DATABASE.get(key) or PROBLEMS[key]
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
