"""Terminal tables (``--format table``), in English or Chinese (``--lang``).

Scan: per dataset one summary line (grade, counts, categories, escalations) and one row per
personal-information field. Assess: for each transfer the verdict first (mechanism, risk, why),
then negative-list hits, obligations and remediation, then the scanned datasets.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import tabulate as _tabulate_module
from tabulate import tabulate as _tabulate

from dataflow.i18n import (
    colon,
    grade_label,
    heading,
    join_list,
    mechanism_label,
    paren,
    risk_label,
    severity_label,
    t,
    yes_no,
)
from dataflow.model import (
    AssessResult,
    Citation,
    DatasetResult,
    FieldFinding,
    NegativeListHit,
    Problem,
    ScanResult,
    Text,
    TransferAssessment,
    in_lang,
)
from dataflow.report.controls import escape_controls
from dataflow.report.evidence import evidence_text
from dataflow.report.records import (
    RISK_ORDER,
    catalog_name,
    dataset_sort_key,
    problem_sort_key,
    source_text,
    subject_text,
    unread_problem,
)

TABLE_FORMAT = "simple"
MAX_EVIDENCE = 3


def tabulate(rows: Iterable[Iterable[Any]], **options: Any) -> str:
    """``tabulate`` over cells whose control characters are made visible (``report.controls``):
    a line separator in a scanned name would otherwise split its cell."""
    safe = [[escape_controls(c) if isinstance(c, str) else c for c in row] for row in rows]
    return str(_tabulate(safe, **options))


def _use_display_width() -> None:
    """Make tabulate measure Chinese characters as two columns wide.

    tabulate does so only when the optional ``wcwidth`` package is installed; without it the
    Chinese tables are misaligned. ``rich`` (a dependency) has the same measure, so it stands in.
    """
    if getattr(_tabulate_module, "wcwidth", None) is not None:
        return
    from types import SimpleNamespace

    from rich.cells import cell_len

    _tabulate_module.wcwidth = SimpleNamespace(wcswidth=cell_len)  # type: ignore[attr-defined]
    _tabulate_module.WIDE_CHARS_MODE = True


_use_display_width()


def _named(catalog: Any | None, ident: str | None, lang: str) -> str:
    if not ident:
        return "-"
    name = catalog_name(catalog, ident, lang)
    return ident + paren(name, lang) if name else ident


def _field_rows(
    findings: Iterable[FieldFinding], lang: str, catalog: Any | None = None
) -> list[list[str]]:
    rows = []
    for f in findings:
        if not f.personal:
            continue
        rows.append(
            [
                f.field.pointer,
                str(f.field.line) if f.field.line is not None else "",
                _named(catalog, f.element, lang),
                f.grade.label,
                yes_no(f.sensitive, lang),
                f"{f.confidence:.2f}",
                evidence_text(f.evidence, lang, catalog, f.element, MAX_EVIDENCE),
            ]
        )
    return rows


def render_dataset(
    dataset: DatasetResult,
    lang: str = "en",
    catalog: Any | None = None,
    unread: Problem | None = None,
) -> str:
    """One dataset: its summary line, categories, escalations and its PI fields; ``unread``:
    the reader's problem that left it without fields (``records.unread_problem``)."""
    d = dataset.dataset
    personal = [f for f in dataset.findings if f.personal]
    lines = [
        t(
            "scan.dataset",
            lang,
            name=d.name,
            path=source_text(dataset, lang),
            format=d.source_format,
            grade=grade_label(dataset.grade, lang),
            pi=len(personal),
            sensitive=sum(1 for f in personal if f.sensitive),
        )
    ]
    if dataset.subject is not None and dataset.subject.kind != "unknown":
        lines.append("  " + t("scan.subject", lang, subject=subject_text(dataset.subject, lang)))
    if dataset.categories:
        names = join_list((_named(catalog, c, lang) for c in sorted(set(dataset.categories))), lang)
        lines.append("  " + t("scan.categories", lang, categories=names))
    for raised in dataset.raises:
        lines.append(
            "  "
            + t(
                "scan.raise",
                lang,
                to=grade_label(raised.to_grade, lang),
                rule=raised.rule,
                reason=in_lang(raised.reason, lang),
            )
        )
    rows = _field_rows(dataset.findings, lang, catalog)
    if rows:
        headers = [
            t(k, lang)
            for k in (
                "col.field",
                "col.line",
                "col.element",
                "col.grade",
                "col.sensitive",
                "col.confidence",
                "col.evidence",
            )
        ]
        table = tabulate(rows, headers=headers, tablefmt=TABLE_FORMAT, disable_numparse=True)
        lines.extend("  " + row for row in table.splitlines())
    elif unread is not None:
        where = unread.path + (f":{unread.line}" if unread.line is not None else "")
        severity = severity_label(unread.severity.value, lang)
        lines.append("  " + t("scan.unread", lang, severity=severity, where=where))
    else:
        lines.append("  " + t("scan.no_pi", lang))
    if dataset.negative_list_hits:
        lines.extend("  " + line for line in _hit_lines(dataset.negative_list_hits, lang))
    return "\n".join(lines)


def _problem_lines(result: ScanResult, lang: str) -> list[str]:
    problems = sorted(result.problems, key=problem_sort_key)
    if not problems:
        return []
    lines = [heading(t("scan.problems", lang), lang)]
    for p in problems:
        lines.append(f"  {severity_label(p.severity.value, lang)}{colon(lang)}{p.render(lang)}")
    return lines


def scan_summary_line(result: ScanResult, lang: str = "en") -> str:
    """One line of counts over the whole scan."""
    personal = [f for d in result.datasets for f in d.findings if f.personal]
    highest = max((d.grade for d in result.datasets), default=None)
    unreadable = len({p.path for p in result.problems if p.severity.value == "error"})
    return t(
        "scan.summary",
        lang,
        files=result.files_scanned,
        datasets=len(result.datasets),
        pi=len(personal),
        sensitive=sum(1 for f in personal if f.sensitive),
        grade=grade_label(highest, lang) if highest is not None else "-",
        errors=unreadable,
    )


def render_scan(result: ScanResult, lang: str = "en", catalog: Any | None = None) -> str:
    """The ``dataflow scan`` table."""
    blocks: list[str] = []
    datasets = sorted(result.datasets, key=dataset_sort_key)
    if not datasets:
        blocks.append(t("scan.no_datasets", lang))
    blocks.extend(
        render_dataset(d, lang, catalog, unread_problem(d, result.problems)) for d in datasets
    )
    problems = _problem_lines(result, lang)
    if problems:
        blocks.append("\n".join(problems))
    blocks.extend(in_lang(n, lang) for n in result.notices)
    blocks.append(scan_summary_line(result, lang))
    return "\n\n".join(blocks) + "\n"


def _wrapped(rows: list[list[str]], headers: list[str], widths: list[int]) -> str:
    """A table whose long text cells wrap at the given column widths."""
    return tabulate(
        rows, headers=headers, tablefmt=TABLE_FORMAT, disable_numparse=True, maxcolwidths=widths
    )


def _cites(citations: Iterable[Citation]) -> str:
    return "; ".join(c.render() for c in citations)


def _bullets(items: Iterable[Text], lang: str) -> list[str]:
    return [f"  - {item.get(lang)}" for item in items]


def _hit_lines(hits: Iterable[NegativeListHit], lang: str) -> list[str]:
    """A heading line and an indented table of negative-list hits."""
    rows = [
        [
            h.list_id,
            h.entry_id + ("" if h.verified else " (?)"),
            mechanism_label(h.required_mechanism, lang),
            ", ".join(h.fields) or "-",
            h.text.get(lang) if h.text is not None else h.message,
        ]
        for h in hits
    ]
    headers = [t(k, lang) for k in ("col.list", "col.entry", "col.mechanism", "col.fields")] + [""]
    table = tabulate(rows, headers=headers, tablefmt=TABLE_FORMAT, disable_numparse=True)
    return [heading(t("assess.hits", lang), lang), *("  " + row for row in table.splitlines())]


def render_transfer(transfer: TransferAssessment, lang: str = "en") -> str:
    """One transfer, verdict first."""
    lines = [
        t(
            "assess.verdict",
            lang,
            id=transfer.id,
            mechanism=mechanism_label(transfer.mechanism, lang),
            risk=risk_label(transfer.risk, lang),
        )
    ]
    if transfer.reasons:
        lines.append(heading(t("assess.why", lang), lang))
        for reason in transfer.reasons:
            cites = _cites(reason.citations)
            lines.append(f"  - {reason.text.get(lang)}" + (f" [{cites}]" if cites else ""))
    if transfer.negative_list_hits:
        lines.extend(_hit_lines(transfer.negative_list_hits, lang))
    else:
        lines.append(t("assess.no_hits", lang))
    if transfer.obligations:
        lines.append(heading(t("assess.obligations", lang), lang))
        rows = [
            [o.text.get(lang), _cites(o.citations) or "-", in_lang(o.deadline, lang) or "-"]
            for o in transfer.obligations
        ]
        headers = [t(k, lang) for k in ("col.obligation", "col.basis", "col.deadline")]
        table = _wrapped(rows, headers, [72, 30, 24])
        lines.extend("  " + row for row in table.splitlines())
    if transfer.remediation:
        lines.append(heading(t("assess.remediation", lang), lang))
        rows = [
            [
                r.text.get(lang),
                ", ".join(r.fields),
                f"{mechanism_label(r.resulting_mechanism, lang)} / "
                f"{risk_label(r.resulting_risk, lang)}",
            ]
            for r in transfer.remediation
        ]
        headers = [t(k, lang) for k in ("col.action", "col.fields", "col.result")]
        table = _wrapped(rows, headers, [72, 30, 40])
        lines.extend("  " + row for row in table.splitlines())
    if transfer.open_questions:
        lines.append(heading(t("assess.open_questions", lang), lang))
        lines.extend(_bullets(transfer.open_questions, lang))
    if transfer.warnings:
        lines.append(heading(t("assess.warnings", lang), lang))
        lines.extend(_bullets(transfer.warnings, lang))
    details = [t("assess.datasets", lang) + colon(lang) + (", ".join(transfer.datasets) or "-")]
    if transfer.counts:
        counts = ", ".join(f"{k}={v}" for k, v in sorted(transfer.counts.items()))
        details.append(t("assess.counts", lang) + colon(lang) + counts)
    lines.extend(details)
    return "\n".join(lines)


def render_assess(result: AssessResult, lang: str = "en", catalog: Any | None = None) -> str:
    """The ``dataflow assess`` table: every transfer's verdict, then the scanned datasets."""
    transfers = sorted(result.transfers, key=lambda x: (x.id, x.manifest_path or ""))
    blocks = [render_transfer(x, lang) for x in transfers]
    risks = [x.risk for x in transfers if x.risk in RISK_ORDER]
    highest = max(risks, key=RISK_ORDER.index) if risks else None
    blocks.append(render_scan(result.scan, lang, catalog).rstrip("\n"))
    blocks.append(
        t("assess.summary", lang, transfers=len(transfers), risk=risk_label(highest, lang))
    )
    return "\n\n".join(blocks) + "\n"
