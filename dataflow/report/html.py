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

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from dataflow.i18n import SUBJECTS, colon, paren, severity_label
from dataflow.model import (
    AssessResult,
    DatasetResult,
    FieldFinding,
    Grade,
    ScanResult,
    in_lang,
)
from dataflow.report.evidence import evidence_text
from dataflow.report.facts import FactsMap, facts_key
from dataflow.report.html_assess import data_map, hits_table, transfer_details, verdict_section
from dataflow.report.html_assess import render_ledger_status as render_ledger_status
from dataflow.report.html_assess import sorted_transfers as sorted_transfers
from dataflow.report.html_page import (
    e,
    header_html,
    page_html,
    say,
    section_html,
    table_html,
    tag_html,
)
from dataflow.report.labels import (
    Labels,
    finding_notes,
    masked_example,
)
from dataflow.report.markdown import reported_findings, unique_datasets
from dataflow.report.records import problem_sort_key, source_text, subject_text

# Beyond this many rows the findings table says how many more the JSON report has.
MAX_FINDING_ROWS = 5000

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
        return section_html(
            "grades", say("section.grades", lang), f"<p>{say('no.datasets', lang)}</p>"
        )
    counts = Counter(d.grade for d in datasets)
    rows = [(names.grade(g), counts.get(g, 0), _GRADE_COLOURS[g]) for g in Grade]
    return section_html("grades", say("section.grades", lang), _bar_chart(rows))


def _matrix_section(datasets: Sequence[DatasetResult], names: Labels) -> str:
    lang = names.lang
    cells: dict[tuple[int, str], bool] = {}
    for i, result in enumerate(datasets):
        for f in result.findings:
            if f.personal and f.category:
                cells[(i, f.category)] = cells.get((i, f.category), False) or f.sensitive
    categories = sorted({c for _, c in cells})
    if not categories:
        return section_html(
            "matrix", say("section.matrix", lang), f"<p>{say('no.categories', lang)}</p>"
        )
    header = [e(say("col.dataset", lang))] + [
        tag_html("span", e(names.category(c)), title=c) for c in categories
    ]
    rows = []
    for i, result in enumerate(datasets):
        row = [f'{e(result.dataset.name)} <span class="cite">{e(source_text(result, lang))}</span>']
        for c in categories:
            if (i, c) not in cells:
                row.append("")
            elif cells[(i, c)]:
                row.append(f'<span title="{e(say("sensitive.mark", lang))}">■</span>')
            else:
                row.append("●")
        rows.append(row)
    table = table_html(header, rows, "matrix")
    # Cell classes: the generic table helper knows no per-cell classes; mark them here.
    table = table.replace('<td><span title="', '<td class="c s"><span title="').replace(
        "<td>●</td>", '<td class="c p">●</td>'
    )
    table = table.replace("<th><span", '<th class="v"><span')
    legend = (
        f'<p class="note">{e(say("legend.sensitive", lang))} · {e(say("legend.plain", lang))}</p>'
    )
    return section_html("matrix", say("section.matrix", lang), table + legend)


def _finding_row(dataset: DatasetResult, finding: FieldFinding, names: Labels) -> str:
    lang = names.lang
    element = names.element(finding.element)
    element_cell = e(element)
    if finding.element and element != finding.element:
        element_cell += f" <code>{e(finding.element)}</code>"
    category = e(names.category(finding.category))
    notes = finding_notes(finding, names)
    if notes:
        category += e(paren(notes, lang))
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
    items = reported_findings(datasets)
    if not items:
        return section_html(
            "findings", say("section.findings", lang), f"<p>{say('no.findings', lang)}</p>"
        )
    header = "".join(
        f"<th>{e(say(k, lang))}</th>"
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
        f'<div class="controls"><label for="findings-filter">{e(say("filter", lang))}</label> '
        f'<input id="findings-filter" type="search" placeholder="{e(say("filter.hint", lang))}">'
        f' <span class="note sort-hint">{e(say("sort.hint", lang))}</span></div>'
    )
    body = (
        controls
        + f'<table id="findings-table"><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>'
    )
    hidden = len(items) - MAX_FINDING_ROWS
    if hidden > 0:
        body += f'<p class="note">{e(say("more.findings", lang, count=hidden))}</p>'
    return section_html("findings", say("section.findings", lang), body)


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
    table = table_html([e(say(k, lang)) for k in keys], rows)
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
    return section_html("datasets", say("section.datasets", lang), table)


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
                f"<li><code>{e(where)}</code> {e(severity)}{colon(lang)}{e(in_lang(problem.message, lang))}</li>"
            )
        out.append(
            section_html("skipped", say("section.skipped", lang), f"<ul>{''.join(items)}</ul>")
        )
    if scan.notices:
        items = [f"<li>{e(in_lang(n, lang))}</li>" for n in sorted(set(scan.notices))]
        out.append(
            section_html("notices", say("section.notices", lang), f"<ul>{''.join(items)}</ul>")
        )
    return "\n".join(out)


def _dataset_hits_section(datasets: Sequence[DatasetResult], names: Labels) -> str:
    """The hits of ``scan --negative-list``, dataset by dataset (nothing when there are none)."""
    parts = [
        f"<h3>{e(d.dataset.name)} <code>{e(d.dataset.source_path)}</code></h3>"
        + hits_table(d.negative_list_hits, names)
        for d in datasets
        if d.negative_list_hits
    ]
    if not parts:
        return ""
    return section_html("hits", say("section.hits", names.lang), "".join(parts))


def _scan_body(scan: ScanResult, names: Labels) -> list[str]:
    datasets = unique_datasets(scan)
    return [
        _grades_section(datasets, names),
        _matrix_section(datasets, names),
        _findings_section(datasets, names),
        _dataset_hits_section(datasets, names),
        _datasets_section(datasets, names),
        _problems_section(scan, names.lang),
    ]


# --------------------------------------------------------------------------------------------
# Entry points (called by ``dataflow.report.render``)
# --------------------------------------------------------------------------------------------


def render_scan(result: ScanResult, lang: str = "en", catalog: Any = None) -> str:
    """The scan page: grades, category matrix, findings, datasets, skipped files."""
    names = Labels(lang, catalog)
    title = say("title.scan", lang)
    return page_html(title, lang, [header_html(title, result, lang), *_scan_body(result, names)])


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
    title = say("title.assess", lang)
    body = [
        header_html(title, result.scan, lang),
        verdict_section(transfers, facts, names),
        data_map(transfers, facts, names),
        *(
            transfer_details(t, facts.get(facts_key(t.id, t.manifest_path)), names)
            for t in transfers
        ),
        *_scan_body(result.scan, names),
    ]
    return page_html(title, lang, body)
