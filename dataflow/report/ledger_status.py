"""Render ``dataflow ledger status``: table, JSON, Markdown, in English or Chinese."""

from __future__ import annotations

import json

from tabulate import tabulate

from dataflow.i18n import mechanism_label, monitor_text
from dataflow.monitor import LIGHT_LABELS, MEASURE_LABELS, METHOD, Line, Status, percent_text
from dataflow.report import table as _table  # noqa: F401  (Chinese measured by display width)


def _t(key: str, lang: str, **values: object) -> str:
    return monitor_text(f"status.{key}", lang, **values)


def _crossing(line: Line, lang: str) -> str:
    if line.crossed_on is not None:
        return _t("crossed", lang, day=line.crossed_on.isoformat())
    if line.projected is not None:
        return _t("projected", lang, day=line.projected.isoformat())
    return "-"


def _rows(status: Status, lang: str) -> tuple[list[str], list[list[str]]]:
    headers = [
        _t(f"col.{c}", lang)
        for c in (
            "exporter",
            "measure",
            "count",
            "threshold",
            "mechanism",
            "percent",
            "light",
            "headroom",
            "crossing",
        )
    ]
    rows = [
        [
            e.exporter,
            MEASURE_LABELS[ln.measure].get(lang),
            f"{ln.count:,}",
            f"{ln.threshold:,}",
            mechanism_label(ln.mechanism, lang),
            percent_text(ln.percent),
            LIGHT_LABELS[ln.light].get(lang),
            f"{ln.headroom:,}",
            _crossing(ln, lang),
        ]
        for e in status.exporters
        for ln in e.lines
    ]
    return headers, rows


def _head(status: Status, lang: str) -> list[str]:
    return [
        _t(
            "title",
            lang,
            as_of=status.as_of.isoformat(),
            pack=status.rule_pack,
            start=status.window_start.isoformat(),
            warn=f"{status.warn_at * 100:g} %",
            exempt=_t("exempt", lang) if status.count_exempt_volumes else "",
            apart="" if status.sensitive_subjects_count_toward_all else monitor_text("apart", lang),
        ),
        _t("projection", lang, method=METHOD.get(lang)),
    ]


def _summaries(status: Status, lang: str) -> list[str]:
    return [
        _t(
            "next",
            lang,
            exporter=e.exporter,
            transfers=e.transfers,
            void=e.void_left_out,
            light=LIGHT_LABELS[e.light].get(lang),
            mechanism=mechanism_label(e.next_mechanism, lang),
        )
        for e in status.exporters
    ]


def render_status(status: Status, fmt: str, lang: str) -> str:
    """The status report in ``fmt`` (table | json | markdown | html)."""
    if fmt == "json":
        return json.dumps(status.as_dict(), ensure_ascii=False, indent=2, sort_keys=True)
    notices = [_t("notice", lang, text=n.get(lang)) for n in status.notices]
    if fmt == "html":
        from dataflow.report.html import render_ledger_status

        headers, rows = _rows(status, lang)
        bars = [
            (f"{r[0]} · {r[1]} ≥ {r[3]} ({r[4]})", ln.percent, ln.light)
            for r, ln in zip(rows, [ln for e in status.exporters for ln in e.lines], strict=True)
        ]
        summaries = _summaries(status, lang) or [_t("none", lang)]
        return render_ledger_status(
            _head(status, lang), headers, rows, bars, summaries, notices, lang
        )
    if fmt == "markdown":
        from dataflow.report.markdown import escape

        lines = ["# " + escape(_head(status, lang)[0]), "", escape(_head(status, lang)[1]), ""]
        if status.exporters:
            headers, rows = _rows(status, lang)
            lines.append("| " + " | ".join(escape(h) for h in headers) + " |")
            lines.append("|" + "---|" * len(headers))
            lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows]
            lines.append("")
            lines += [f"- {escape(s)}" for s in _summaries(status, lang)]
        else:
            lines.append(escape(_t("none", lang)))
        if notices:
            lines += ["", *(f"> {escape(n)}" for n in notices)]
        return "\n".join(lines) + "\n"
    lines = [*_head(status, lang), ""]
    if status.exporters:
        headers, rows = _rows(status, lang)
        lines += [tabulate(rows, headers=headers, disable_numparse=True), ""]
        lines += _summaries(status, lang)
    else:
        lines.append(_t("none", lang))
    lines += notices
    return "\n".join(lines) + "\n"
