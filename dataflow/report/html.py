"""HTML output (``--format html``): one self-contained page for the people who sign off an export.

The file needs nothing else: styles and a few lines of script are inline, charts are inline SVG,
and a Content-Security-Policy (hashes of the inline style and script, nothing else allowed) keeps
the browser from loading anything at all. ``assess`` opens with the verdict per transfer
(mechanism and risk as coloured badges), then the data map (datasets → recipients, one edge per
transfer and dataset, coloured by mechanism), the thresholds against the exporter's totals, the
obligations as a checklist, remediation and negative-list hits. ``scan`` shows datasets per
grade, the dataset × category matrix and a sortable, filterable findings table.

Every value from the input (names, comments, pointers, messages) is escaped; only masked
examples appear. Ordering is stable and there is no timestamp: the same result gives the same
bytes.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from dataflow.i18n import SUBJECTS, severity_label
from dataflow.model import (
    AssessResult,
    DatasetResult,
    FieldFinding,
    Grade,
    NegativeListHit,
    ScanResult,
    Text,
    TransferAssessment,
    in_lang,
)
from dataflow.report.evidence import evidence_text
from dataflow.report.facts import FactsMap, TransferFacts, facts_key
from dataflow.report.markdown import _MSG as _MARKDOWN_MSG
from dataflow.report.markdown import _findings, _unique_datasets
from dataflow.report.records import RISK_ORDER, problem_sort_key, source_text, subject_text
from dataflow.report.sarif import (
    Labels,
    cite_text,
    decisive_reason,
    hit_text,
    masked_example,
)

# Beyond this many rows the findings table says how many more the JSON report has.
MAX_FINDING_ROWS = 5000

_OWN: Mapping[str, Text] = {
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

# The Markdown report's sentences and headings, with this format's own on top.
_MSG: Mapping[str, Text] = {**_MARKDOWN_MSG, **_OWN}


def _m(key: str, lang: str, **values: object) -> str:
    return _MSG[key].fill(lang, **values)


def e(text: object) -> str:
    """``text`` escaped for HTML text and attribute values (quotes included)."""
    return html.escape("" if text is None else str(text), quote=True)


def _tag(name: str, body: str, cls: str | None = None, **attrs: str) -> str:
    parts = [name]
    if cls:
        parts.append(f'class="{e(cls)}"')
    parts.extend(f'{k.rstrip("_").replace("_", "-")}="{e(v)}"' for k, v in attrs.items())
    return f"<{' '.join(parts)}>{body}</{name}>"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], cls: str = "") -> str:
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    cls_attr = f' class="{cls}"' if cls else ""
    return f"<table{cls_attr}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _section(sid: str, title: str, body: str) -> str:
    return f'<section id="{sid}"><h2>{e(title)}</h2>{body}</section>'


def _paren(text: str, lang: str) -> str:
    return f"（{text}）" if lang == "zh" else f" ({text})"


def _num(value: int | None) -> str:
    return "-" if value is None else f"{value:,}"


# --------------------------------------------------------------------------------------------
# Page
# --------------------------------------------------------------------------------------------

_CSS = """
:root{--ink:#1d2329;--mute:#5b6670;--line:#d5dbe1;--bg:#f6f8fa;--accent:#0b5cad}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC",
"Microsoft YaHei",sans-serif;color:var(--ink);margin:0 auto;max-width:1180px;padding:24px}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;border-bottom:2px solid var(--line);
padding-bottom:4px;margin:28px 0 12px}h3{font-size:1.05em;margin:16px 0 8px}
.meta{color:var(--mute);font-size:.9em;margin:0 0 8px}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:8px 0}
th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
thead th{background:var(--bg)}th.sortable{cursor:pointer}th.sortable::after{content:" \\21C5";
color:var(--mute)}code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
background:var(--bg);padding:0 3px;border-radius:3px;overflow-wrap:anywhere}
.card{border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:10px 0;
break-inside:avoid}.card h3{margin-top:0}
.badge{display:inline-block;border-radius:12px;padding:2px 10px;font-weight:600;
font-size:.9em;color:#fff;margin-right:6px}
.m-blocked,.m-prohibited{background:#7a0d0d}.m-security_assessment{background:#c0392b}
.m-standard_contract_or_certification{background:#d68910}.m-exempt{background:#1e8449}
.m-not_applicable{background:#5d6d7e}.m-covered{background:#2471a3}
.r-blocked{background:#4a0000}.r-critical{background:#a93226}.r-high{background:#ca6f1e}
.r-medium{background:#b7950b}.r-low{background:#229954}
.facts{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:2px 12px;
margin:8px 0;font-size:.9em}@media (max-width:700px){.facts{grid-template-columns:max-content 1fr}}
.facts dt{color:var(--mute)}.facts dd{margin:0}
ul.check{list-style:none;padding-left:0}ul.check li{margin:4px 0}
.cite{color:var(--mute);font-size:.85em}.note{color:var(--mute);font-size:.9em}
.matrix td.c{text-align:center}.matrix td.s{background:#fdecea;color:#a93226;font-weight:700}
.matrix td.p{background:#eaf2fb;color:var(--accent)}
.matrix th.v{writing-mode:vertical-rl;white-space:nowrap;font-weight:500}
svg{max-width:100%;height:auto}svg text{font-family:inherit}
.controls{margin:8px 0}.controls input{font:inherit;padding:4px 8px;width:min(420px,100%)}
tr.hide{display:none}
@media print{body{max-width:none;padding:0;font-size:11px}.controls,.sort-hint{display:none}
th.sortable::after{content:""}section,table,.card{break-inside:auto}tr,.card,svg{
break-inside:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit}}
"""

_JS = """
(function(){
var t=document.getElementById("findings-table");if(!t)return;
var b=t.tBodies[0],q=document.getElementById("findings-filter");
q.addEventListener("input",function(){var v=q.value.toLowerCase();
Array.prototype.forEach.call(b.rows,function(r){
r.classList.toggle("hide",v!==""&&r.textContent.toLowerCase().indexOf(v)<0);});});
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(h,i){
h.classList.add("sortable");h.addEventListener("click",function(){
var d=h.getAttribute("data-dir")==="asc"?-1:1;h.setAttribute("data-dir",d>0?"asc":"desc");
var rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){
var a=x.cells[i].getAttribute("data-k")||x.cells[i].textContent,
c=y.cells[i].getAttribute("data-k")||y.cells[i].textContent,n=parseFloat(a)-parseFloat(c);
return d*(isNaN(n)?a.localeCompare(c):n);});
rows.forEach(function(r){b.appendChild(r);});});});
})();
"""


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


_CSP = (
    f"default-src 'none'; style-src {_csp_hash(_CSS)}; script-src {_csp_hash(_JS)}; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def _page(title: str, lang: str, body: Sequence[str]) -> str:
    html_lang = "zh-CN" if lang == "zh" else "en"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="dataflow">\n<title>{e(title)}</title>\n'
        f"<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(part for part in body if part)
        + f"\n<script>{_JS}</script>\n</body>\n</html>\n"
    )


def _header(title: str, scan: ScanResult, lang: str) -> str:
    from dataflow import __version__

    meta = _m("meta", lang, catalog=scan.catalog_version or "-", version=__version__)
    return f'<header><h1>{e(title)}</h1><p class="meta">{e(meta)}</p></header>'


# --------------------------------------------------------------------------------------------
# Scan parts
# --------------------------------------------------------------------------------------------


def _bar_chart(rows: Sequence[tuple[str, int, str]], label_width: int = 300) -> str:
    """Horizontal bars: (label, value, css colour) per row, values written at the bar's end."""
    top = max((v for _, v, _ in rows), default=0) or 1
    width, bar_h, gap = 760, 22, 8
    height = len(rows) * (bar_h + gap) + gap
    span = width - label_width - 60
    out = [
        f'<svg class="bars" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (label, value, colour) in enumerate(rows):
        y = gap + i * (bar_h + gap)
        w = round(span * value / top)
        out.append(
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end" font-size="13">'
            f"{e(label)}</text>"
            f'<rect x="{label_width}" y="{y}" width="{max(w, 1)}" height="{bar_h}" '
            f'fill="{colour}" rx="3"></rect>'
            f'<text x="{label_width + w + 6}" y="{y + 16}" font-size="13">{value:,}</text>'
        )
    out.append("</svg>")
    return "".join(out)


_GRADE_COLOURS = {
    Grade.GENERAL_1: "#7fb3d5",
    Grade.GENERAL_2: "#5499c7",
    Grade.GENERAL_3: "#d68910",
    Grade.GENERAL_4: "#c0392b",
    Grade.IMPORTANT: "#7d3c98",
    Grade.CORE: "#4a0000",
}


def _grades_section(datasets: Sequence[DatasetResult], names: Labels) -> str:
    lang = names.lang
    if not datasets:
        return _section("grades", _m("section.grades", lang), f"<p>{_m('no.datasets', lang)}</p>")
    counts = Counter(d.grade for d in datasets)
    rows = [(names.grade(g), counts.get(g, 0), _GRADE_COLOURS[g]) for g in Grade]
    return _section("grades", _m("section.grades", lang), _bar_chart(rows))


def _matrix_section(datasets: Sequence[DatasetResult], names: Labels) -> str:
    lang = names.lang
    cells: dict[tuple[int, str], bool] = {}
    for i, result in enumerate(datasets):
        for f in result.findings:
            if f.personal and f.category:
                cells[(i, f.category)] = cells.get((i, f.category), False) or f.sensitive
    categories = sorted({c for _, c in cells})
    if not categories:
        return _section("matrix", _m("section.matrix", lang), f"<p>{_m('no.categories', lang)}</p>")
    header = [e(_m("col.dataset", lang))] + [
        _tag("span", e(names.category(c)), title=c) for c in categories
    ]
    rows = []
    for i, result in enumerate(datasets):
        row = [f'{e(result.dataset.name)} <span class="cite">{e(source_text(result, lang))}</span>']
        for c in categories:
            if (i, c) not in cells:
                row.append("")
            elif cells[(i, c)]:
                row.append(f'<span title="{e(_m("sensitive.mark", lang))}">■</span>')
            else:
                row.append("●")
        rows.append(row)
    table = _table(header, rows, "matrix")
    # Cell classes: the generic table helper knows no per-cell classes; mark them here.
    table = table.replace('<td><span title="', '<td class="c s"><span title="').replace(
        "<td>●</td>", '<td class="c p">●</td>'
    )
    table = table.replace("<th><span", '<th class="v"><span')
    legend = (
        f'<p class="note">{e(_m("legend.sensitive", lang))} · {e(_m("legend.plain", lang))}</p>'
    )
    return _section("matrix", _m("section.matrix", lang), table + legend)


def _finding_row(dataset: DatasetResult, finding: FieldFinding, names: Labels) -> str:
    lang = names.lang
    element = names.element(finding.element)
    element_cell = e(element)
    if finding.element and element != finding.element:
        element_cell += f" <code>{e(finding.element)}</code>"
    category = e(names.category(finding.category))
    notes = []
    if finding.sensitive:
        notes.append(f"{_m('sensitive.mark', lang)}: {names.group(finding.sensitive_group)}")
    if finding.kind == "contains":
        notes.append(_m("contains", lang))
    if notes:
        category += e(_paren(_m("sep", lang).join(notes), lang))
    example = masked_example(finding)
    cells = [
        (
            "",
            f'{e(dataset.dataset.name)} <span class="cite">{e(source_text(dataset, lang, short=True))}'
            "</span>",
        ),
        ("", f"<code>{e(finding.field.pointer)}</code>"),
        ("", element_cell),
        ("", category),
        (str(int(finding.grade)), e(names.grade(finding.grade))),
        ("", f"{finding.confidence:.2f}"),
        ("", f"<code>{e(example)}</code>" if example else "-"),
        ("", e(evidence_text(finding.evidence, lang, names.catalog, finding.element))),
    ]
    tds = "".join(f'<td data-k="{k}">{v}</td>' if k else f"<td>{v}</td>" for k, v in cells)
    cls = ' class="sensitive"' if finding.sensitive else ""
    return f"<tr{cls}>{tds}</tr>"


def _findings_section(datasets: Sequence[DatasetResult], names: Labels) -> str:
    lang = names.lang
    items = _findings(datasets)
    if not items:
        return _section(
            "findings", _m("section.findings", lang), f"<p>{_m('no.findings', lang)}</p>"
        )
    header = "".join(
        f"<th>{e(_m(k, lang))}</th>"
        for k in (
            "col.dataset",
            "col.pointer",
            "col.element",
            "col.category",
            "col.grade",
            "col.confidence",
            "col.example",
            "col.evidence",
        )
    )
    rows = "".join(_finding_row(d, f, names) for d, f in items[:MAX_FINDING_ROWS])
    controls = (
        f'<div class="controls"><label for="findings-filter">{e(_m("filter", lang))}</label> '
        f'<input id="findings-filter" type="search" placeholder="{e(_m("filter.hint", lang))}">'
        f' <span class="note sort-hint">{e(_m("sort.hint", lang))}</span></div>'
    )
    body = (
        controls
        + f'<table id="findings-table"><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>'
    )
    hidden = len(items) - MAX_FINDING_ROWS
    if hidden > 0:
        body += f'<p class="note">{e(_m("more.findings", lang, count=hidden))}</p>'
    return _section("findings", _m("section.findings", lang), body)


def _subject_cells(result: DatasetResult, lang: str = "en") -> tuple[str, str]:
    """The dataset's subject (kind, role) and its links, when the result carries them."""
    subject = getattr(result, "subject", None)
    if subject is None:
        return "-", "-"
    text = subject_text(replace(subject, evidence=()), lang)
    links = []
    for link in getattr(subject, "links", ()) or ():
        column = getattr(link, "column", "")
        target = getattr(link, "target", None) or "?"
        via = getattr(link, "via", "")
        via = SUBJECTS[f"via.{via}"].get(lang) if f"via.{via}" in SUBJECTS else via
        links.append(f'<code>{e(column)}</code> → {e(target)} <span class="cite">{e(via)}</span>')
    return e(text), "<br>".join(links) or "-"


def _datasets_section(datasets: Sequence[DatasetResult], names: Labels) -> str:
    lang = names.lang
    if not datasets:
        return ""
    with_subject = any(getattr(d, "subject", None) is not None for d in datasets)
    keys = ["col.dataset", "col.source", "col.grade", "col.pi", "col.sensitive"]
    if with_subject:
        keys += ["col.subject", "col.links"]
    rows = []
    for result in datasets:
        d = result.dataset
        personal = [f for f in result.findings if f.personal]
        source = source_text(result, lang, line=True)
        row = [
            e(d.name),
            f"<code>{e(source)}</code>",
            e(names.grade(result.grade)),
            str(len(personal)),
            str(sum(1 for f in personal if f.sensitive)),
        ]
        if with_subject:
            row.extend(_subject_cells(result, lang))
        rows.append(row)
    table = _table([e(_m(k, lang)) for k in keys], rows)
    raises = [
        f'<li>{e(result.dataset.name)} <span class="cite">{e(source_text(result, lang))}</span>: '
        f"{e(names.grade(r.from_grade))} → "
        f"{e(names.grade(r.to_grade))} <code>{e(r.rule)}</code> {e(in_lang(r.reason, lang))}"
        + (f' <span class="cite">{e(r.reference)}</span>' if r.reference else "")
        + "</li>"
        for result in datasets
        for r in result.raises
    ]
    if raises:
        table += f"<ul>{''.join(raises)}</ul>"
    return _section("datasets", _m("section.datasets", lang), table)


def _problems_section(scan: ScanResult, lang: str) -> str:
    out = []
    if scan.problems:
        items = []
        for problem in sorted(scan.problems, key=problem_sort_key):
            where = problem.path
            if problem.line is not None:
                where += f":{problem.line}"
                if problem.column is not None:
                    where += f":{problem.column}"
            severity = severity_label(problem.severity.value, lang)
            items.append(
                f"<li><code>{e(where)}</code> {e(severity)}: {e(in_lang(problem.message, lang))}</li>"
            )
        out.append(_section("skipped", _m("section.skipped", lang), f"<ul>{''.join(items)}</ul>"))
    if scan.notices:
        items = [f"<li>{e(n)}</li>" for n in sorted(set(scan.notices))]
        out.append(_section("notices", _m("section.notices", lang), f"<ul>{''.join(items)}</ul>"))
    return "\n".join(out)


def _dataset_hits_section(datasets: Sequence[DatasetResult], names: Labels) -> str:
    """The hits of ``scan --negative-list``, dataset by dataset (nothing when there are none)."""
    parts = [
        f"<h3>{e(d.dataset.name)} <code>{e(d.dataset.source_path)}</code></h3>"
        + _hits_table(d.negative_list_hits, names)
        for d in datasets
        if d.negative_list_hits
    ]
    if not parts:
        return ""
    return _section("hits", _m("section.hits", names.lang), "".join(parts))


def _scan_body(scan: ScanResult, names: Labels) -> list[str]:
    datasets = _unique_datasets(scan)
    return [
        _grades_section(datasets, names),
        _matrix_section(datasets, names),
        _findings_section(datasets, names),
        _dataset_hits_section(datasets, names),
        _datasets_section(datasets, names),
        _problems_section(scan, names.lang),
    ]


# --------------------------------------------------------------------------------------------
# Assess parts
# --------------------------------------------------------------------------------------------

_MECH_COLOURS = {
    "blocked": "#7a0d0d",
    "prohibited": "#7a0d0d",
    "security_assessment": "#c0392b",
    "standard_contract_or_certification": "#d68910",
    "exempt": "#1e8449",
    "not_applicable": "#5d6d7e",
    "covered": "#2471a3",
}


def _badges(mechanism: str, risk: str, names: Labels) -> str:
    lang = names.lang
    return (
        f'<span class="badge verdict-badge m-{e(mechanism)}" title="{e(_m("mechanism", lang))}">'
        f"{e(names.mechanism(mechanism))}</span>"
        f'<span class="badge r-{e(risk)}" title="{e(_m("risk", lang))}">'
        f"{e(_m('risk', lang))}: {e(names.risk(risk))}</span>"
    )


def _people(transfer: TransferAssessment, lang: str) -> str:
    return _m(
        "people",
        lang,
        people=_num(transfer.counts.get("subjects_this")),
        sensitive=_num(transfer.counts.get("sensitive_subjects_this")),
    )


def _verdict_section(
    transfers: Sequence[TransferAssessment], facts: FactsMap, names: Labels
) -> str:
    lang = names.lang
    if not transfers:
        return _section(
            "verdict", _m("section.verdict", lang), f"<p>{_m('no.transfers', lang)}</p>"
        )
    cards = []
    for t in transfers:
        fact = facts.get(facts_key(t.id, t.manifest_path))
        reason = decisive_reason(t)
        why = ""
        if reason is not None:
            cites = cite_text(reason.citations)
            why = (
                f"<p>{e(reason.text.get(lang))}"
                + (f' <span class="cite">{e(cites)}</span>' if cites else "")
                + "</p>"
            )
        rows = []
        if fact is not None:
            rows += [
                (_m("exporter", lang), e(fact.exporter)),
                (
                    _m("recipient", lang),
                    e(_m("to", lang, recipient=fact.recipient, country=fact.country)),
                ),
                (_m("purpose", lang), e(fact.purpose)),
            ]
        rows += [
            (_m("section.datasets", lang), e(", ".join(sorted(set(t.datasets))) or "-")),
            (_m("col.count", lang), e(_people(t, lang))),
            (_m("rules", lang), f"<code>{e(t.rule_pack or '-')}</code>"),
            (_m("as_of", lang), e(t.as_of or "-")),
            (_m("fingerprint", lang), f"<code>{e(t.fingerprint or '-')}</code>"),
        ]
        dl = "".join(f"<dt>{e(k)}</dt><dd>{v}</dd>" for k, v in rows)
        cards.append(
            f'<div class="card transfer" id="verdict-{e(t.id)}"><h3>'
            f"{e(_m('transfer', lang, id=t.id))}</h3>"
            f'<p>{_badges(t.mechanism, t.risk, names)}</p>{why}<dl class="facts">{dl}</dl></div>'
        )
    return _section("verdict", _m("section.verdict", lang), "".join(cards))


def _clip(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _data_map(transfers: Sequence[TransferAssessment], facts: FactsMap, names: Labels) -> str:
    """Datasets on the left, transfers in the middle, recipients (with their country) on the
    right. Each transfer is one edge to its recipient, coloured by mechanism and labelled with
    its people / people with sensitive PI; thin edges tie it to its datasets."""
    lang = names.lang
    left: list[str] = sorted({d for t in transfers for d in t.datasets})
    right_labels: dict[str, str] = {}
    targets: list[str] = []
    for t in transfers:
        fact = facts.get(facts_key(t.id, t.manifest_path))
        if fact is not None:
            key = f"{fact.recipient}\x00{fact.country}"
            label = _m("to", lang, recipient=fact.recipient, country=fact.country)
        else:
            key, label = f"?\x00{t.id}", _m("no.facts", lang)
        right_labels.setdefault(key, label)
        targets.append(key)
    right = sorted(right_labels)
    if not transfers:
        return ""
    width, side_w, mid_w, box_h, gap = 1000, 230, 280, 46, 22
    rows = max(len(left), len(right), len(transfers))
    height = rows * (box_h + gap) + gap + 34
    lx, mx, rx = 10, (width - mid_w) / 2, width - side_w - 10

    def cy(i: int, n: int) -> float:
        offset = (rows - n) * (box_h + gap) / 2
        return gap + offset + i * (box_h + gap) + box_h / 2

    def curve(x1: float, y1: float, x2: float, y2: float) -> str:
        mid = (x1 + x2) / 2
        return f"M{x1:.1f} {y1:.1f} C{mid:.1f} {y1:.1f} {mid:.1f} {y2:.1f} {x2:.1f} {y2:.1f}"

    def box(x: float, y: float, w: float, lines: Sequence[str], fill: str, stroke: str) -> str:
        top = y - box_h / 2
        bold = ' font-weight="600"'
        texts = "".join(
            f'<text x="{x + w / 2:.1f}" y="{top + (box_h / (len(lines) + 1)) * (k + 1) + 4:.1f}" '
            f'text-anchor="middle" font-size="{13 if k == 0 else 11}"'
            f"{bold if k == 0 and len(lines) > 1 else ''}>{e(_clip(line, 38 if k == 0 else 48))}</text>"
            for k, line in enumerate(lines)
        )
        return (
            f'<g class="node"><title>{e(" / ".join(lines))}</title>'
            f'<rect x="{x:.1f}" y="{top:.1f}" width="{w}" height="{box_h}" rx="6" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="2"></rect>{texts}</g>'
        )

    out = [
        f'<svg id="data-map" class="data-map" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{e(_m('section.map', lang))}</title>",
    ]
    nodes = []
    for i, t in enumerate(transfers):
        colour = _MECH_COLOURS.get(t.mechanism, "#5d6d7e")
        y = cy(i, len(transfers))
        for d in sorted(set(t.datasets)):
            y0 = cy(left.index(d), len(left))
            out.append(
                f'<path class="link" d="{curve(lx + side_w, y0, mx, y)}" stroke="#9aa5b1" '
                f'stroke-width="1.5" fill="none"></path>'
            )
        y2 = cy(right.index(targets[i]), len(right))
        out.append(
            f'<path class="edge m-{e(t.mechanism)}" d="{curve(mx + mid_w, y, rx, y2)}" '
            f'stroke="{colour}" stroke-width="4" fill="none"><title>{e(t.id)}: '
            f"{e(names.mechanism(t.mechanism))}</title></path>"
        )
        nodes.append(box(mx, y, mid_w, [t.id, _people(t, lang)], "#ffffff", colour))
    for i, d in enumerate(left):
        nodes.append(box(lx, cy(i, len(left)), side_w, [d], "#eaf2fb", "#5b6670"))
    for i, key in enumerate(right):
        nodes.append(box(rx, cy(i, len(right)), side_w, [right_labels[key]], "#fdf2e9", "#5b6670"))
    out.extend(nodes)
    # Legend: the mechanisms drawn, in a fixed order.
    drawn = [m for m in _MECH_COLOURS if any(t.mechanism == m for t in transfers)]
    x = 10.0
    for m in drawn:
        label = names.mechanism(m)
        out.append(
            f'<rect x="{x:.0f}" y="{height - 24}" width="14" height="14" fill="{_MECH_COLOURS[m]}">'
            f'</rect><text x="{x + 20:.0f}" y="{height - 12}" font-size="12">{e(label)}</text>'
        )
        x += 36 + 7 * len(label) * (1.9 if lang == "zh" else 1)
    out.append("</svg>")
    return _section("map", _m("section.map", lang), "".join(out))


def _threshold_bars(t: TransferAssessment, fact: TransferFacts, names: Labels) -> str:
    lang = names.lang
    width, label_w, bar_h = 900, 300, 24
    parts = []
    y = 10
    body = []
    for key, count_key, attr in (
        ("bar.subjects", "subjects", "subjects_gte"),
        ("bar.sensitive", "sensitive_subjects", "sensitive_subjects_gte"),
    ):
        total = t.counts.get(f"{count_key}_total", 0)
        this = t.counts.get(f"{count_key}_this", 0)
        limits = [(line.mechanism, int(getattr(line, attr))) for line in fact.thresholds]
        top = max([total, *(v for _, v in limits)]) * 1.08 or 1
        span = width - label_w - 20

        def x_of(value: float, span: float = span, top: float = top) -> float:
            return label_w + span * value / top

        body.append(
            f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end" font-size="13">'
            f"{e(_m(key, lang, start=fact.window_start or '-'))}</text>"
            f'<rect x="{label_w}" y="{y}" width="{span}" height="{bar_h}" fill="#f0f3f6"></rect>'
            f'<rect class="total" x="{label_w}" y="{y}" width="{x_of(total) - label_w:.1f}" '
            f'height="{bar_h}" fill="#0b5cad"></rect>'
            f'<text x="{label_w + 6}" y="{y + bar_h + 14}" font-size="12">'
            f"{e(_m('bar.total', lang, total=_num(total), this=_num(this)))}</text>"
        )
        for i, (mechanism, value) in enumerate(limits):
            colour = _MECH_COLOURS.get(mechanism, "#5d6d7e")
            lx = x_of(value)
            body.append(
                f'<line x1="{lx:.1f}" y1="{y - 4}" x2="{lx:.1f}" y2="{y + bar_h + 4}" '
                f'stroke="{colour}" stroke-width="3"><title>'
                f"{e(_m('bar.threshold', lang, mechanism=names.mechanism(mechanism), value=_num(value)))}"
                f"</title></line>"
                f'<text x="{lx - 4:.1f}" y="{y + bar_h + 14 + 13 * (i + 1)}" text-anchor="end" '
                f'font-size="11" fill="{colour}">{e(_num(value))}</text>'
            )
        y += bar_h + 14 + 13 * len(limits) + 18
    parts.append(
        f'<svg class="thresholds" role="img" viewBox="0 0 {width} {y}" width="{width}" '
        f'height="{y}" xmlns="http://www.w3.org/2000/svg">' + "".join(body) + "</svg>"
    )
    legend = "<br>".join(
        f'<span class="badge m-{e(line.mechanism)}">'
        f"{e(_m('bar.threshold', lang, mechanism=names.mechanism(line.mechanism), value=_num(line.subjects_gte) + ' / ' + _num(line.sensitive_subjects_gte)))}"
        f'</span> <span class="cite">{e(cite_text(line.citations))}</span>'
        for line in fact.thresholds
    )
    return "".join(parts) + f"<p>{legend}</p>"


def _hits_table(hits: Sequence[NegativeListHit], names: Labels) -> str:
    lang = names.lang
    if not hits:
        return f"<p>{e(_m('no.hits', lang))}</p>"
    rows = []
    for hit in sorted(hits, key=lambda h: (h.list_id, h.entry_id)):
        entry = f"<code>{e(hit.entry_id)}</code>"
        if not hit.verified:
            entry += e(_paren(_m("unverified", lang), lang))
        if not hit.binding:
            entry += e(_paren(_m("review", lang), lang))
        message = hit_text(hit, lang) + (f" ({hit.source})" if hit.source else "")
        rows.append(
            [
                f"<code>{e(hit.list_id)}</code>" + (e(_paren(hit.zone, lang)) if hit.zone else ""),
                entry,
                _badges_mech(hit.required_mechanism, names),
                ", ".join(f"<code>{e(p)}</code>" for p in sorted(set(hit.fields))) or "-",
                e(message),
            ]
        )
    header = [
        e(_m(k, lang))
        for k in ("col.list", "col.entry", "col.requires", "col.fields", "col.message")
    ]
    return _table(header, rows)


def _badges_mech(mechanism: str, names: Labels) -> str:
    return f'<span class="badge m-{e(mechanism)}">{e(names.mechanism(mechanism))}</span>'


def _transfer_details(t: TransferAssessment, fact: TransferFacts | None, names: Labels) -> str:
    lang = names.lang
    parts = [f"<h3>{e(_m('transfer', lang, id=t.id))}</h3>"]
    if fact is not None and fact.thresholds:
        parts.append(f"<h4>{e(_m('section.thresholds', lang))}</h4>")
        parts.append(_threshold_bars(t, fact, names))
    parts.append(f"<h4>{e(_m('section.obligations', lang))}</h4>")
    if t.obligations:
        items = []
        for o in sorted(t.obligations, key=lambda o: o.id):
            cites = cite_text(o.citations)
            deadline = (
                f' <span class="note">{e(_m("deadline", lang, deadline=in_lang(o.deadline, lang)))}</span>'
                if o.deadline
                else ""
            )
            box_id = f"ob-{t.id}-{o.id}"
            items.append(
                f'<li><input type="checkbox" id="{e(box_id)}"> '
                f'<label for="{e(box_id)}">{e(o.text.get(lang))}</label>'
                + (f' <span class="cite">{e(cites)}</span>' if cites else "")
                + deadline
                + "</li>"
            )
        parts.append(f'<ul class="check">{"".join(items)}</ul>')
    else:
        parts.append(f"<p>{e(_m('no.obligations', lang))}</p>")
    parts.append(f"<h4>{e(_m('section.remediation', lang))}</h4>")
    if t.remediation:
        items = []
        for r in t.remediation:
            key = f"action.{r.action}"
            action = _m(key, lang) if key in _MSG else r.action
            fields = ", ".join(f"<code>{e(p)}</code>" for p in r.fields) or "-"
            result = _m(
                "remedy.result",
                lang,
                mechanism=names.mechanism(r.resulting_mechanism),
                risk=names.risk(r.resulting_risk),
            )
            items.append(
                f"<li><strong>{e(action)}</strong> {fields} "
                f"<strong>{e(result)}</strong><br>{e(r.text.get(lang))}</li>"
            )
        parts.append(f"<ul>{''.join(items)}</ul>")
    else:
        parts.append(f"<p>{e(_m('no.remediation', lang))}</p>")
    parts.append(f"<h4>{e(_m('section.hits', lang))}</h4>")
    parts.append(_hits_table(t.negative_list_hits, names))
    if t.reasons:
        items = []
        for reason in t.reasons:
            cites = cite_text(reason.citations)
            items.append(
                f"<li>{e(reason.text.get(lang))}"
                + (f' <span class="cite">{e(cites)}</span>' if cites else "")
                + "</li>"
            )
        parts.append(f"<h4>{e(_m('section.why', lang))}</h4><ol>{''.join(items)}</ol>")
    for key, texts in (("section.questions", t.open_questions), ("section.warnings", t.warnings)):
        if texts:
            items = [f"<li>{e(x.get(lang))}</li>" for x in texts]
            parts.append(f"<h4>{e(_m(key, lang))}</h4><ul>{''.join(items)}</ul>")
    return f'<section class="transfer-details" id="transfer-{e(t.id)}">{"".join(parts)}</section>'


_LIGHT_COLOURS = {"green": "#229954", "yellow": "#d4ac0d", "red": "#c0392b"}


def render_ledger_status(
    head: Sequence[str],
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    bars: Sequence[tuple[str, float, str]],
    summaries: Sequence[str],
    notices: Sequence[str],
    lang: str,
) -> str:
    """The ``ledger status`` page: the heading lines, one bar per threshold line (share used,
    coloured by its light, capped at 100 %), the table and the per-exporter summaries."""
    from dataflow.monitor import percent_text

    width, label_w, bar_h, gap = 900, 420, 20, 8
    height = len(bars) * (bar_h + gap) + gap
    span = width - label_w - 70
    svg = [
        f'<svg class="bars status" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (label, percent, light) in enumerate(bars):
        y = gap + i * (bar_h + gap)
        w = span * min(max(percent, 0.0), 100.0) / 100
        svg.append(
            f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" font-size="12">'
            f"{e(_clip(label, 70))}</text>"
            f'<rect x="{label_w}" y="{y}" width="{span}" height="{bar_h}" fill="#f0f3f6"></rect>'
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" '
            f'fill="{_LIGHT_COLOURS.get(light, "#5d6d7e")}"></rect>'
            f'<text x="{label_w + span + 6}" y="{y + 15}" font-size="12">{percent_text(percent)}</text>'
        )
    svg.append("</svg>")
    body = [
        f"<header><h1>{e(head[0])}</h1>"
        + "".join(f'<p class="meta">{e(line)}</p>' for line in head[1:])
        + "</header>"
    ]
    if bars:
        body.append("".join(svg))
    if rows:
        body.append(_table([e(h) for h in headers], [[e(c) for c in row] for row in rows]))
    body.append("<ul>" + "".join(f"<li>{e(s)}</li>" for s in summaries) + "</ul>")
    if notices:
        body.append('<ul class="note">' + "".join(f"<li>{e(n)}</li>" for n in notices) + "</ul>")
    return _page(head[0], lang, body)


def sorted_transfers(result: AssessResult) -> list[TransferAssessment]:
    """Transfers, riskiest first (the order of every assess report)."""
    return sorted(
        result.transfers,
        key=lambda t: (
            -(RISK_ORDER.index(t.risk) if t.risk in RISK_ORDER else -1),
            t.id,
            t.manifest_path or "",
        ),
    )


# --------------------------------------------------------------------------------------------
# Entry points (called by ``dataflow.report.render``)
# --------------------------------------------------------------------------------------------


def render_scan(result: ScanResult, lang: str = "en", catalog: Any = None) -> str:
    """The scan page: grades, category matrix, findings, datasets, skipped files."""
    names = Labels(lang, catalog)
    title = _m("title.scan", lang)
    return _page(title, lang, [_header(title, result, lang), *_scan_body(result, names)])


def render_assess(
    result: AssessResult,
    lang: str = "en",
    catalog: Any = None,
    *,
    facts: FactsMap | None = None,
) -> str:
    """The assess page: verdicts, data map, then per transfer thresholds, obligations,
    remediation and negative-list hits; the scan's parts close it."""
    names = Labels(lang, catalog)
    facts = facts or {}
    transfers = sorted_transfers(result)
    title = _m("title.assess", lang)
    body = [
        _header(title, result.scan, lang),
        _verdict_section(transfers, facts, names),
        _data_map(transfers, facts, names),
        *(
            _transfer_details(t, facts.get(facts_key(t.id, t.manifest_path)), names)
            for t in transfers
        ),
        *_scan_body(result.scan, names),
    ]
    return _page(title, lang, body)
