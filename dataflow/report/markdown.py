"""Markdown output (``--format markdown``): the body of a ticket or pull-request comment.

The verdict comes first: for ``assess`` one line per transfer (mechanism, risk, the reason and
its articles); for ``scan`` how many personal and sensitive fields there are and the highest
grade. Then the findings table, and for each transfer its negative-list hits, obligations with
their articles, remediation and open questions; skipped files close the report.

Every piece of text follows ``--lang`` (``zh`` or ``en``). Values written into the document are
escaped so that a field name or a message cannot break a table or inject markup. Only masked
examples appear, never sampled values (renderers never see a ``SampleSet``). Output is sorted
and has no timestamps: the same result renders to the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from dataflow.i18n import paren, severity_label
from dataflow.i18n import reports as i18n_reports
from dataflow.model import (
    AssessResult,
    Citation,
    DatasetResult,
    FieldFinding,
    NegativeListHit,
    ScanResult,
    Text,
    TransferAssessment,
    in_lang,
)
from dataflow.report.controls import escape_controls
from dataflow.report.labels import (
    Labels,
    cite_text,
    decisive_reason,
    finding_notes,
    hit_text,
    is_reported,
    masked_example,
)
from dataflow.report.records import (
    RISK_ORDER,
    dataset_sort_key,
    problem_sort_key,
    source_text,
    subject_text,
    unread_datasets,
    unread_problem,
)

# A ticket or pull-request comment has a size limit (65,536 characters on GitHub): the findings
# table lists the highest-graded rows and says how many more the JSON report has.
MAX_FINDING_ROWS = 200

_MSG: Mapping[str, Text] = i18n_reports.MARKDOWN


def _m(key: str, lang: str, **values: object) -> str:
    return _MSG[key].fill(lang, **values)


# --------------------------------------------------------------------------------------------
# Escaping
# --------------------------------------------------------------------------------------------

_MARKUP = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "#": "\\#",
        "|": "\\|",
        "<": "&lt;",
        ">": "&gt;",
    }
)


def _one_line(text: str) -> str:
    return " ".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def escape(text: str | None) -> str:
    """Inline Markdown text for ``text``: markup characters escaped, ``|`` escaped (safe in
    table cells), line breaks turned into ``<br>``."""
    if text is None or text == "":
        return "-"
    lines = escape_controls(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    return "<br>".join(line.translate(_MARKUP) for line in lines)


def code(text: str | None) -> str:
    """A code span for ``text`` (pointers, ids, masked examples), safe in a table cell."""
    if text is None or text == "":
        return "-"
    body = escape_controls(_one_line(text))
    longest = run = 0
    for ch in body:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    if body.startswith("`") or body.endswith("`") or (body.startswith(" ") and body.endswith(" ")):
        body = f" {body} "
    # GFM splits table cells on every unescaped pipe, code spans included.
    body = body.replace("|", "\\|")
    return f"{fence}{body}{fence}"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A GFM table; cells must already be escaped."""
    out = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    out.extend("| " + " | ".join(row) + " |" for row in rows)
    return out


def _cites(citations: Iterable[Citation]) -> str:
    return cite_text(citations)


# --------------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------------


def _finding_sort_key(item: tuple[DatasetResult, FieldFinding]) -> tuple[Any, ...]:
    dataset, finding = item
    return (
        -int(finding.grade),
        dataset.dataset.name,
        dataset.dataset.source_path,
        finding.field.pointer,
        finding.element or "",
        -finding.confidence,
        masked_example(finding) or "",
    )


def reported_findings(
    datasets: Sequence[DatasetResult],
) -> list[tuple[DatasetResult, FieldFinding]]:
    """Reported findings, highest grade first; one row per (file, pointer, element)."""
    items = sorted(
        ((d, f) for d in datasets for f in d.findings if is_reported(f)), key=_finding_sort_key
    )
    seen: set[tuple[str, str, str]] = set()
    out = []
    for dataset, finding in items:
        identity = (dataset.dataset.source_path, finding.field.pointer, finding.element or "")
        if identity not in seen:
            seen.add(identity)
            out.append((dataset, finding))
    return out


def unique_datasets(scan: ScanResult) -> list[DatasetResult]:
    """Datasets in report order, each (file, name, line) once (the highest grade kept)."""
    ordered = sorted(scan.datasets, key=lambda d: (*dataset_sort_key(d), -int(d.grade)))
    seen: set[tuple[str, str, int]] = set()
    out = []
    for result in ordered:
        identity = dataset_sort_key(result)
        if identity not in seen:
            seen.add(identity)
            out.append(result)
    return out


def _bold_label(key: str, lang: str) -> str:
    return f"**{_m(key, lang)}：**" if lang == "zh" else f"**{_m(key, lang)}:** "


def _scan_verdict(scan: ScanResult, names: Labels, label: str = "verdict") -> str:
    lang = names.lang
    datasets = unique_datasets(scan)
    personal = [f for _, f in reported_findings(datasets) if f.personal]
    unread = unread_datasets(datasets, scan.problems)
    if not datasets:
        text = _m("scan.verdict.empty", lang)
    elif unread == len(datasets):
        text = _m("scan.verdict.unread_all", lang, count=unread)
    else:
        highest = max(d.grade for d in datasets)
        grade = escape(names.grade(highest))
        if personal:
            text = _m(
                "scan.verdict",
                lang,
                pi=len(personal),
                sensitive=sum(1 for f in personal if f.sensitive),
                with_pi=sum(1 for d in datasets if any(f.personal for f in d.findings)),
                datasets=len(datasets) - unread,
                grade=grade,
            )
        else:
            text = _m("scan.verdict.none", lang, datasets=len(datasets) - unread, grade=grade)
        if unread:
            text += _m("scan.verdict.unread", lang, count=unread)
    errors = {p.path for p in scan.problems if p.severity.value == "error"}
    if errors:
        text += _m("verdict.incomplete", lang, count=len(errors))
    return _bold_label(label, lang) + text


def _datasets_section(scan: ScanResult, names: Labels, level: str) -> list[str]:
    lang = names.lang
    datasets = unique_datasets(scan)
    if not datasets:
        return []
    rows = []
    for result in datasets:
        d = result.dataset
        personal = [f for f in result.findings if f.personal]
        source = source_text(result, lang, line=True)
        unread = unread_problem(result, scan.problems)
        pi_cell, sensitive_cell = str(len(personal)), str(sum(1 for f in personal if f.sensitive))
        if unread is not None:
            where = unread.path + (f":{unread.line}" if unread.line is not None else "")
            pi_cell, sensitive_cell = _m("pi.unread", lang, where=code(where)), "-"
        categories = _m("list.sep", lang).join(
            names.category(c) for c in sorted(set(result.categories))
        )
        rows.append(
            [
                escape(d.name),
                code(source),
                escape(names.grade(result.grade)),
                pi_cell,
                sensitive_cell,
                escape(categories),
                escape(subject_text(result.subject, lang)),
            ]
        )
    header = [
        _m(k, lang)
        for k in (
            "col.dataset",
            "col.source",
            "col.grade",
            "col.pi",
            "col.sensitive",
            "col.categories",
            "col.subject",
        )
    ]
    lines = [f"{level} {_m('section.datasets', lang)}", "", *table(header, rows)]
    raises = []
    for result in datasets:
        for raised in result.raises:
            reason = in_lang(raised.reason, lang) + (
                paren(raised.reference, lang) if raised.reference else ""
            )
            raises.append(
                "- "
                + _m(
                    "raise",
                    lang,
                    dataset=f"{escape(result.dataset.name)} {code(source_text(result, lang))}",
                    from_grade=escape(names.grade(raised.from_grade)),
                    to_grade=escape(names.grade(raised.to_grade)),
                    rule=code(raised.rule),
                    reason=escape(reason),
                )
            )
    if raises:
        lines += ["", f"{level} {_m('section.raises', lang)}", "", *raises]
    return lines


def _findings_section(datasets: Sequence[DatasetResult], names: Labels, level: str) -> list[str]:
    lang = names.lang
    lines = [f"{level} {_m('section.findings', lang)}", ""]
    items = reported_findings(datasets)
    if not items:
        return [*lines, _m("no.findings", lang)]
    shown, hidden = items[:MAX_FINDING_ROWS], len(items) - MAX_FINDING_ROWS
    rows = []
    for dataset, finding in shown:
        element = names.element(finding.element)
        element_cell = escape(element)
        if finding.element and element != finding.element:
            element_cell += f" {code(finding.element)}"
        category = escape(names.category(finding.category))
        notes = finding_notes(finding, names)
        if notes:
            category += paren(escape(notes), lang)
        rows.append(
            [
                f"{escape(dataset.dataset.name)} {code(source_text(dataset, lang, short=True))}",
                code(finding.field.pointer),
                element_cell,
                category,
                escape(names.grade(finding.grade)),
                f"{finding.confidence:.2f}",
                code(masked_example(finding)),
            ]
        )
    header = [
        _m(k, lang)
        for k in (
            "col.dataset",
            "col.pointer",
            "col.element",
            "col.category",
            "col.grade",
            "col.confidence",
            "col.example",
        )
    ]
    out = [*lines, *table(header, rows)]
    if hidden > 0:
        out += ["", _m("more.findings", lang, count=hidden)]
    return out


def _problems_section(scan: ScanResult, names: Labels, level: str) -> list[str]:
    lang = names.lang
    lines: list[str] = []
    if scan.problems:
        lines += [f"{level} {_m('section.skipped', lang)}", ""]
        for problem in sorted(scan.problems, key=problem_sort_key):
            where = problem.path
            if problem.line is not None:
                where += f":{problem.line}"
                if problem.column is not None:
                    where += f":{problem.column}"
            severity = paren(escape(severity_label(problem.severity.value, lang)), lang)
            colon = "：" if lang == "zh" else ": "
            lines.append(
                f"- {code(where)}{severity}{colon}{escape(in_lang(problem.message, lang))}"
            )
    if scan.notices:
        if lines:
            lines.append("")
        lines += [f"{level} {_m('section.notices', lang)}", ""]
        lines += [f"- {escape(in_lang(n, lang))}" for n in sorted(set(scan.notices))]
    return lines


def _why(transfer: TransferAssessment, lang: str) -> str:
    reason = decisive_reason(transfer)
    if reason is None:
        return ""
    cites = _cites(reason.citations)
    why = escape(reason.text.get(lang)) + (paren(escape(cites), lang) if cites else "")
    return _m("assess.verdict.why", lang, why=why)


def _transfer_verdicts(transfers: Sequence[TransferAssessment], names: Labels) -> list[str]:
    lang = names.lang
    head = _bold_label("verdict", lang)
    if not transfers:
        return [head + _m("assess.verdict.none", lang)]
    lines = [head.rstrip(), ""]
    for transfer in transfers:
        line = _m(
            "assess.verdict.line",
            lang,
            id=escape(transfer.id),
            mechanism=escape(names.mechanism(transfer.mechanism)),
            risk=escape(names.risk(transfer.risk)),
        )
        lines.append(f"- {line}{_why(transfer, lang)}")
    return lines


def _hits_table(hits: Sequence[NegativeListHit], names: Labels) -> list[str]:
    lang = names.lang
    if not hits:
        return [_m("no.hits", lang)]
    rows = []
    ordered = sorted(hits, key=lambda h: (h.list_id, h.entry_id))
    for hit in ordered:
        entry = code(hit.entry_id) + ("" if hit.verified else escape(_m("unverified", lang)))
        list_cell = code(hit.list_id) + (paren(escape(hit.zone), lang) if hit.zone else "")
        message = hit_text(hit, lang) + (f" ({hit.source})" if hit.source else "")
        if not hit.binding:
            entry += escape(_m("review", lang))
        rows.append(
            [
                list_cell,
                entry,
                escape(names.mechanism(hit.required_mechanism)),
                ", ".join(code(p) for p in sorted(set(hit.fields))) or "-",
                escape("; ".join(hit.conditions)),
                escape(message),
            ]
        )
    header = [
        _m(k, lang)
        for k in (
            "col.list",
            "col.entry",
            "col.requires",
            "col.fields",
            "col.conditions",
            "col.message",
        )
    ]
    return table(header, rows)


def _dataset_hits_section(scan: ScanResult, names: Labels, level: str) -> list[str]:
    """The hits of ``scan --negative-list``, dataset by dataset (nothing when there are none)."""
    with_hits = [d for d in unique_datasets(scan) if d.negative_list_hits]
    if not with_hits:
        return []
    lines = [f"{level} {_m('section.hits', names.lang)}"]
    for result in with_hits:
        d = result.dataset
        lines += ["", f"**{escape(d.name)}** ({code(d.source_path)})", ""]
        lines += _hits_table(result.negative_list_hits, names)
    return lines


def _transfer_section(transfer: TransferAssessment, names: Labels) -> list[str]:
    lang = names.lang
    facts = _m(
        "facts",
        lang,
        mechanism=escape(names.mechanism(transfer.mechanism)),
        risk=escape(names.risk(transfer.risk)),
        datasets=", ".join(code(d) for d in sorted(set(transfer.datasets))) or "-",
    )
    if transfer.as_of:
        facts += _m("facts.as_of", lang, as_of=escape(transfer.as_of))
    if transfer.manifest_path:
        facts += _m("facts.manifest", lang, path=code(transfer.manifest_path))
    lines = [f"### {_m('section.transfer', lang, id=escape(transfer.id))}", "", facts]
    if transfer.counts:
        counts = ", ".join(f"{code(k)} = {v}" for k, v in sorted(transfer.counts.items()))
        lines += ["", _m("facts.counts", lang, counts=counts)]
    if transfer.fingerprint:
        lines += ["", _m("facts.fingerprint", lang, fingerprint=code(transfer.fingerprint))]

    if transfer.reasons:
        lines += ["", f"#### {_m('section.why', lang)}", ""]
        for number, reason in enumerate(transfer.reasons, start=1):
            cites = _cites(reason.citations)
            text = escape(reason.text.get(lang)) + (paren(escape(cites), lang) if cites else "")
            lines.append(f"{number}. {text}")

    lines += ["", f"#### {_m('section.hits', lang)}", ""]
    lines += _hits_table(transfer.negative_list_hits, names)

    lines += ["", f"#### {_m('section.obligations', lang)}", ""]
    if transfer.obligations:
        rows = [
            [
                escape(o.text.get(lang)),
                escape(_cites(o.citations)),
                escape(in_lang(o.deadline, lang)),
            ]
            for o in sorted(transfer.obligations, key=lambda o: o.id)
        ]
        header = [_m(k, lang) for k in ("col.obligation", "col.basis", "col.deadline")]
        lines += table(header, rows)
    else:
        lines.append(_m("no.obligations", lang))

    lines += ["", f"#### {_m('section.remediation', lang)}", ""]
    if transfer.remediation:
        for remedy in transfer.remediation:
            action_key = f"action.{remedy.action}"
            action = _m(action_key, lang) if action_key in _MSG else escape(remedy.action)
            text = _m(
                "remedy",
                lang,
                action=action,
                fields=", ".join(code(p) for p in remedy.fields) or "-",
                mechanism=escape(names.mechanism(remedy.resulting_mechanism)),
                risk=escape(names.risk(remedy.resulting_risk)),
                text=escape(remedy.text.get(lang)),
            )
            lines.append(f"- {text}")
    else:
        lines.append(_m("no.remediation", lang))

    if transfer.open_questions:
        lines += ["", f"#### {_m('section.questions', lang)}", ""]
        lines += [f"- {escape(q.get(lang))}" for q in transfer.open_questions]
    if transfer.warnings:
        lines += ["", f"#### {_m('section.warnings', lang)}", ""]
        lines += [f"- {escape(w.get(lang))}" for w in transfer.warnings]
    return lines


def _join(blocks: Iterable[list[str]]) -> str:
    parts = ["\n".join(block).rstrip("\n") for block in blocks if block]
    return "\n\n".join(parts) + "\n"


# --------------------------------------------------------------------------------------------
# Entry points (called by ``dataflow.report.render``)
# --------------------------------------------------------------------------------------------


def render_scan(result: ScanResult, lang: str = "en", catalog: Any = None) -> str:
    """Markdown body for a scan: verdict, datasets, findings, skipped files."""
    names = Labels(lang, catalog)
    return _join(
        [
            [f"## {_m('title.scan', lang)}"],
            [_scan_verdict(result, names)],
            _findings_section(unique_datasets(result), names, "###"),
            _dataset_hits_section(result, names, "###"),
            _datasets_section(result, names, "###"),
            _problems_section(result, names, "###"),
        ]
    )


def render_assess(result: AssessResult, lang: str = "en", catalog: Any = None) -> str:
    """Markdown body for an assessment: one verdict line per transfer, then the details."""
    names = Labels(lang, catalog)
    transfers = sorted(
        result.transfers,
        key=lambda t: (
            -(RISK_ORDER.index(t.risk) if t.risk in RISK_ORDER else -1),
            t.id,
            t.manifest_path or "",
        ),
    )
    blocks: list[list[str]] = [
        [f"## {_m('title.assess', lang)}"],
        _transfer_verdicts(transfers, names),
        [_scan_verdict(result.scan, names, "scanned")],
        _findings_section(unique_datasets(result.scan), names, "###"),
    ]
    blocks.extend(_transfer_section(t, names) for t in transfers)
    blocks.append(_datasets_section(result.scan, names, "###"))
    blocks.append(_problems_section(result.scan, names, "###"))
    return _join(blocks)
