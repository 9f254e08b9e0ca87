"""UI strings of the renderers and commands, filled by ``t(key, lang, ...)``."""

from __future__ import annotations

from collections.abc import Mapping

from dataflow.model import Text

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
    "scan.unread": Text(
        "fields unknown: the dataset could not be read (see the {severity} at {where})",
        "字段未知：该数据集未能读取（见 {where} 处的{severity}）",
    ),
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
