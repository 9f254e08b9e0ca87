"""Sentences and labels of the reports people read (Markdown, HTML, PIPIA draft, SARIF messages).

One table per format; HTML and the PIPIA draft add to the Markdown table. JSON keeps ids and the
English sentences, whatever the language.
"""

from __future__ import annotations

from collections.abc import Mapping

from dataflow.model import Text

# Markdown report (``--format markdown``), also the base of the HTML and PIPIA tables.
MARKDOWN: Mapping[str, Text] = {
    "title.scan": Text("dataflow scan", "dataflow 扫描报告"),
    "title.assess": Text("dataflow assess", "dataflow 出境评估报告"),
    "verdict": Text("Verdict", "结论"),
    "scanned": Text("Scanned", "扫描结果"),
    "scan.verdict": Text(
        "{pi} personal-information field(s), {sensitive} of them sensitive, in {with_pi} of "
        "{datasets} dataset(s); highest grade: {grade}.",
        "{datasets} 个数据集中有 {with_pi} 个含个人信息：个人信息字段 {pi} 个，其中敏感个人信息 "
        "{sensitive} 个；最高级别：{grade}。",
    ),
    "scan.verdict.none": Text(
        "No personal information found in {datasets} dataset(s); highest grade: {grade}.",
        "{datasets} 个数据集中未发现个人信息；最高级别：{grade}。",
    ),
    "scan.verdict.empty": Text("No datasets found.", "未发现数据集。"),
    "scan.verdict.unread": Text(
        " {count} dataset(s) could not be read: their fields are unknown (see Skipped files).",
        "另有 {count} 个数据集未能读取，其字段未知（见“跳过的文件”）。",
    ),
    "scan.verdict.unread_all": Text(
        "No dataset could be read: the fields of {count} dataset(s) are unknown.",
        "没有数据集能够读取：{count} 个数据集的字段未知。",
    ),
    "pi.unread": Text("unknown: not read (see {where})", "未知：未能读取（见 {where}）"),
    "verdict.incomplete": Text(
        " {count} file(s) could not be read: the answer is incomplete (see Skipped files).",
        "另有 {count} 个文件无法读取，结论不完整（见“跳过的文件”）。",
    ),
    "assess.verdict.none": Text("No transfers assessed.", "未评估任何出境传输。"),
    "assess.verdict.line": Text(
        "**{id}**: **{mechanism}**, risk **{risk}**.",
        "**{id}**：**{mechanism}**，风险 **{risk}**。",
    ),
    "assess.verdict.why": Text(" Why: {why}", "理由：{why}"),
    "section.datasets": Text("Datasets", "数据集"),
    "section.findings": Text("Findings", "发现"),
    "section.raises": Text("Grade raises", "级别提升"),
    "section.transfer": Text("Transfer {id}", "出境传输 {id}"),
    "section.why": Text("Why", "理由"),
    "section.hits": Text("Negative-list hits", "负面清单命中"),
    "section.obligations": Text("Obligations", "义务"),
    "section.remediation": Text("Remediation", "整改建议"),
    "section.questions": Text("Open questions", "待人工确认的问题"),
    "section.warnings": Text("Warnings", "提示"),
    "section.skipped": Text("Skipped files", "跳过的文件"),
    "section.notices": Text("Notices", "说明"),
    "no.findings": Text("No personal information found.", "未发现个人信息。"),
    "more.findings": Text(
        "… and {count} more finding(s) of the same or lower grade: see `--format json`.",
        "……另有 {count} 项级别相同或更低的发现，详见 `--format json`。",
    ),
    "no.hits": Text("No negative-list entry matched.", "未命中负面清单条目。"),
    "no.obligations": Text("No obligations.", "无义务。"),
    "no.remediation": Text(
        "No change to the datasets gives a lighter mechanism.",
        "调整数据集内容无法降低所需的出境机制。",
    ),
    "col.dataset": Text("Dataset", "数据集"),
    "col.source": Text("Source", "来源"),
    "col.pointer": Text("Pointer", "字段路径"),
    "col.element": Text("Element", "要素"),
    "col.category": Text("Category", "类别"),
    "col.grade": Text("Grade", "级别"),
    "col.confidence": Text("Confidence", "置信度"),
    "col.example": Text("Masked example", "脱敏示例"),
    "col.pi": Text("PI fields", "个人信息字段"),
    "col.sensitive": Text("Sensitive", "敏感"),
    "col.categories": Text("Categories", "类别"),
    "col.subject": Text("Subject", "主体"),
    "col.list": Text("List", "清单"),
    "col.entry": Text("Entry", "条目"),
    "col.requires": Text("Requires", "所需机制"),
    "col.fields": Text("Fields", "字段"),
    "col.conditions": Text("Conditions", "条件"),
    "col.message": Text("Message", "说明"),
    "col.obligation": Text("Obligation", "义务"),
    "col.basis": Text("Articles", "依据条款"),
    "col.deadline": Text("Deadline", "期限"),
    "sensitive": Text("sensitive: {group}", "敏感：{group}"),
    "contains": Text("in free text", "自由文本中"),
    "unverified": Text(" (unverified entry)", "（未核实条目）"),
    "review": Text(
        " (review item: binding once the data is confirmed as important data)",
        "（待复核：数据被确认为重要数据后方具约束力）",
    ),
    "facts": Text(
        "**Mechanism:** {mechanism} · **Risk:** {risk} · **Datasets:** {datasets}",
        "**出境机制：**{mechanism} · **风险：**{risk} · **数据集：**{datasets}",
    ),
    "facts.as_of": Text(" · **Rules as of:** {as_of}", " · **规则日期：**{as_of}"),
    "facts.manifest": Text(" · **Manifest:** {path}", " · **清单文件：**{path}"),
    "facts.counts": Text("**Counted:** {counts}", "**计入人数：**{counts}"),
    "facts.fingerprint": Text("**Fingerprint:** {fingerprint}", "**指纹：**{fingerprint}"),
    "remedy": Text(
        "{action} {fields} → {mechanism} (risk: {risk}). {text}",
        "{action} {fields} → {mechanism}（风险：{risk}）。{text}",
    ),
    "action.drop": Text("Drop", "删除"),
    "action.deidentify": Text("De-identify", "去标识化"),
    "raise": Text(
        "{dataset}: {from_grade} → {to_grade} by rule {rule}: {reason}",
        "{dataset}：因规则 {rule} 由 {from_grade} 提升至 {to_grade}：{reason}",
    ),
    "sep": Text("; ", "；"),
    "list.sep": Text(", ", "、"),
}


# HTML report (``--format html``): what it adds to the Markdown table.
HTML: Mapping[str, Text] = {
    "title.scan": Text("dataflow scan report", "dataflow 扫描报告"),
    "title.assess": Text("dataflow outbound transfer assessment", "dataflow 数据出境评估报告"),
    "meta": Text(
        "Catalog {catalog} · dataflow {version}", "目录版本 {catalog} · dataflow {version}"
    ),
    "section.verdict": Text("Verdict", "结论"),
    "section.map": Text("Data map", "数据流向图"),
    "section.thresholds": Text("Thresholds and the exporter's totals", "数量门槛与累计出境人数"),
    "section.obligations": Text("Obligations", "义务清单"),
    "section.grades": Text("Datasets by grade", "各级别数据集数量"),
    "section.matrix": Text("Categories per dataset", "各数据集的个人信息类别"),
    "transfer": Text("Transfer {id}", "出境传输 {id}"),
    "people": Text(
        "{people} people / {sensitive} with sensitive PI", "{people} 人 / 敏感 {sensitive} 人"
    ),
    "to": Text("{recipient} ({country})", "{recipient}（{country}）"),
    "no.facts": Text("The recipient is not known to this report.", "本报告不掌握境外接收方信息。"),
    "no.transfers": Text("No transfers assessed.", "未评估任何出境传输。"),
    "no.datasets": Text("No datasets found.", "未发现数据集。"),
    "no.categories": Text("No personal-information category found.", "未发现个人信息类别。"),
    "more.findings": Text(
        "… and {count} more finding(s) of the same or lower grade: see --format json.",
        "……另有 {count} 项级别相同或更低的发现，详见 --format json。",
    ),
    "filter": Text("Filter findings", "筛选发现"),
    "filter.hint": Text("type to filter", "输入文字筛选"),
    "sort.hint": Text("Click a column heading to sort.", "点击列标题排序。"),
    "col.evidence": Text("Evidence", "依据"),
    "col.subject": Text("Subject", "主体"),
    "col.links": Text("Links", "关联"),
    "col.count": Text("Count", "数量"),
    "mechanism": Text("Mechanism", "出境机制"),
    "risk": Text("Risk", "风险"),
    "exporter": Text("Exporter", "数据处理者"),
    "recipient": Text("Recipient", "境外接收方"),
    "purpose": Text("Purpose", "目的"),
    "rules": Text("Rule pack", "规则包"),
    "fingerprint": Text("Fingerprint", "指纹"),
    "as_of": Text("Rules as of", "规则日期"),
    "bar.subjects": Text("People (since {start})", "个人信息人数（自 {start} 起）"),
    "bar.sensitive": Text(
        "People with sensitive PI (since {start})", "敏感个人信息人数（自 {start} 起）"
    ),
    "bar.total": Text("{total} (this transfer {this})", "{total}（本次 {this}）"),
    "bar.threshold": Text("{mechanism} at {value}", "{mechanism}：{value}"),
    "deadline": Text("Deadline: {deadline}", "期限：{deadline}"),
    "sensitive.mark": Text("sensitive", "敏感"),
    "unverified": Text("unverified entry", "未核实条目"),
    "review": Text(
        "review item: binding once the data is confirmed as important data",
        "待复核：数据被确认为重要数据后方具约束力",
    ),
    "remedy.result": Text("→ {mechanism} (risk: {risk})", "→ {mechanism}（风险：{risk}）"),
    "legend.sensitive": Text("■ sensitive category", "■ 敏感个人信息类别"),
    "legend.plain": Text("● personal-information category", "● 个人信息类别"),
}


# PIPIA draft (``assess --format pipia``): what it adds to the Markdown table.
PIPIA: Mapping[str, Text] = {
    "title": Text("Self-assessment drafts", "自评估报告草稿"),
    "intro": Text(
        "Drafted by dataflow from the manifest and the scan. Sections marked as to be written "
        "by people need their answers before the document is complete.",
        "由 dataflow 根据出境清单和扫描结果起草。标注为待人工填写的部分须补充后文档方为完整。",
    ),
    "basis": Text("Basis: {cites}", "依据：{cites}"),
    "none.transfers": Text("No transfers assessed.", "未评估任何出境传输。"),
    "k.id": Text("Transfer", "出境传输"),
    "k.date": Text("Date", "日期"),
    "k.exporter": Text("Exporter (personal information processor)", "数据处理者"),
    "k.ciio": Text("Critical information infrastructure operator", "关键信息基础设施运营者"),
    "k.ftz": Text("Free trade zone", "自由贸易试验区"),
    "k.recipient": Text("Overseas recipient", "境外接收方"),
    "k.country": Text("Recipient's country or region", "接收方所在国家（地区）"),
    "k.purpose": Text("Purpose", "目的"),
    "k.scenario": Text("Declared scenario", "申报场景"),
    "k.sector": Text("Sector", "行业"),
    "k.basis": Text("Lawful basis", "合法性基础"),
    "k.mechanism": Text("Mechanism", "出境机制"),
    "k.risk": Text("Risk", "风险"),
    "k.rule_pack": Text("Rule pack", "规则包"),
    "k.catalog": Text("Catalog version", "目录版本"),
    "k.fingerprint": Text("Fingerprint of the assessment", "评估指纹"),
    "k.as_of": Text("Rules as of", "规则日期"),
    "k.manifest": Text("Manifest", "出境清单文件"),
    "k.template": Text("Outline", "提纲"),
    "k.dataflow": Text("dataflow version", "dataflow 版本"),
    "yes": Text("yes", "是"),
    "no": Text("no", "否"),
    "unknown": Text("not known to dataflow", "dataflow 未掌握"),
    "col.sensitive": Text("Sensitive PI fields", "敏感个人信息字段"),
    "col.people": Text("People declared", "申报人数"),
    "col.field": Text("Field", "字段"),
    "col.group": Text("Sensitive group (PIPL Art. 28)", "敏感类型（个保法第二十八条）"),
    "col.count": Text("Count", "人数"),
    "col.people_all": Text("People", "个人信息人数"),
    "col.people_sensitive": Text("People with sensitive PI", "敏感个人信息人数"),
    "col.articles": Text("Articles", "依据条款"),
    "row.this": Text("This transfer", "本次出境"),
    "row.prior": Text("Already exported since {start}", "自 {start} 起已出境"),
    "row.total": Text("Total", "合计"),
    "row.threshold": Text("Threshold: {mechanism}", "门槛：{mechanism}"),
    "no.sensitive": Text("No sensitive personal information found.", "未发现敏感个人信息。"),
    "no.categories": Text("No personal-information category found.", "未发现个人信息类别。"),
    "no.hits": Text(
        "No entry of the negative lists in use matched.", "未命中所适用负面清单的任何条目。"
    ),
    "no.questions": Text("None raised by dataflow.", "dataflow 未提出待确认事项。"),
    "why": Text("Why", "理由"),
}


# SARIF messages, rule descriptions and help.
SARIF: Mapping[str, Text] = {
    "finding": Text(
        "{pointer}: {element} ({category}), {grade}, confidence {confidence}.",
        "{pointer}：{element}（{category}），{grade}，置信度 {confidence}。",
    ),
    "finding.sensitive": Text(
        " Sensitive personal information (PIPL Art. 28: {group}).",
        "敏感个人信息（《个人信息保护法》第二十八条：{group}）。",
    ),
    "finding.contains": Text(
        " Free text that contains this element.", "自由文本字段，其中包含该要素。"
    ),
    "finding.evidence": Text(" Evidence: {evidence}.", "依据：{evidence}。"),
    "finding.example": Text(" Masked example: {example}.", "脱敏示例：{example}。"),
    "evidence.name": Text("field name", "字段名"),
    "evidence.comment": Text("comment", "注释"),
    "evidence.type": Text("data type", "数据类型"),
    "evidence.value": Text("sampled values", "抽样内容"),
    "evidence.negative": Text("negative evidence", "反向证据"),
    "evidence.context": Text("dataset context", "数据集上下文"),
    "evidence.declared": Text("declaration", "声明"),
    "evidence.rate": Text("{rate}% of {size} sampled", "抽样 {size} 个中 {rate}% 匹配"),
    "rule.element.full": Text(
        "{name} ({id}), category {category}. Highest grade found in this run: {grade}.",
        "{name}（{id}），类别：{category}。本次运行中的最高级别：{grade}。",
    ),
    "rule.element.sensitive": Text(
        " Sensitive personal information under PIPL Art. 28 ({group}).",
        "属于《个人信息保护法》第二十八条规定的敏感个人信息（{group}）。",
    ),
    "rule.element.pi": Text(" Personal information.", "属于个人信息。"),
    "rule.element.refs": Text(" References: {refs}.", "参考：{refs}。"),
    "rule.element.help": Text(
        "A field was classified as {name}. Check the finding: if it is right, record it (accept "
        "it in the baseline with a reason) and make sure any export of this dataset is assessed "
        "(`dataflow assess`); otherwise drop or de-identify the field before the data leaves, or "
        "correct the classification with a catalog or an inline allow comment.",
        "某字段被识别为{name}。请核对该结论：如属实，请记录（在基线中注明理由予以接受），并确保"
        "该数据集的任何出境都经过评估（`dataflow assess`）；否则请在出境前删除或去标识化该字段，"
        "或通过自定义目录或行内 allow 注释更正分类。",
    ),
    "rule.list.short": Text(
        "Negative-list entry {entry} ({list})", "负面清单条目 {entry}（{list}）"
    ),
    "rule.list.full": Text(
        "Entry {entry} of negative list {list} ({jurisdiction}{zone}): requires {mechanism}."
        "{unverified}",
        "负面清单 {list}（{jurisdiction}{zone}）的条目 {entry}：要求{mechanism}。{unverified}",
    ),
    "rule.list.unverified": Text(
        " This entry could not be verified against a public source.",
        "该条目未能与公开来源核实。",
    ),
    "rule.list.help": Text(
        "A planned transfer matched this negative-list entry. Follow the required mechanism, or "
        "change the transfer (drop or de-identify the listed fields) and assess it again.",
        "计划中的出境传输命中了该负面清单条目。请履行所要求的出境机制，或调整传输内容（删除或"
        "去标识化所列字段）后重新评估。",
    ),
    "rule.transfer.short": Text("Transfer requires: {mechanism}", "出境传输所需机制：{mechanism}"),
    "rule.transfer.full": Text(
        "dataflow assess decided that a planned outbound transfer requires: {mechanism}.",
        "dataflow assess 判定计划中的出境传输需要：{mechanism}。",
    ),
    "rule.transfer.help": Text(
        "Read the transfer's reasons, obligations and remediation in the JSON or Markdown "
        "report; each obligation names its article.",
        "请在 JSON 或 Markdown 报告中查看该传输的理由、义务及整改建议；每项义务均注明条款。",
    ),
    "transfer": Text(
        "Transfer {id}: {mechanism} (risk: {risk}).", "出境传输 {id}：{mechanism}（风险：{risk}）。"
    ),
    "transfer.why": Text(" Why: {why}", "理由：{why}"),
    "transfer.cites": Text(" Basis: {cites}.", "依据：{cites}。"),
    "transfer.more": Text(
        " {obligations} obligation(s), {hits} negative-list hit(s).",
        "义务 {obligations} 项，负面清单命中 {hits} 项。",
    ),
    "hit": Text(
        "Transfer {id} matches negative-list entry {entry} ({list}): requires {mechanism}.",
        "出境传输 {id} 命中负面清单条目 {entry}（{list}）：要求{mechanism}。",
    ),
    "hit.dataset": Text(
        "{dataset} matches negative-list entry {entry} ({list}): requires {mechanism}.",
        "数据集 {dataset} 命中负面清单条目 {entry}（{list}）：要求{mechanism}。",
    ),
    "hit.conditions": Text(" Conditions that held: {conditions}.", "成立的条件：{conditions}。"),
    "hit.fields": Text(" Fields: {fields}.", "涉及字段：{fields}。"),
    "hit.unverified": Text(" (unverified entry)", "（未核实条目）"),
    "hit.review": Text(
        " Review item: binding only once the data is confirmed as important data.",
        "待复核：仅在该数据被确认为重要数据后才具有约束力。",
    ),
    "jurisdiction.national": Text("national", "国家"),
    "jurisdiction.ftz": Text("free-trade zone", "自由贸易试验区"),
    "jurisdiction.organisation": Text("organisation", "组织"),
    "sep": Text("; ", "；"),
}
