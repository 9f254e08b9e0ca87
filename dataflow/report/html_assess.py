"""The assess parts of the HTML report (``report/html.py``): verdicts, the data map, thresholds,
transfer details, and the ``ledger status`` page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dataflow.i18n import colon, paren
from dataflow.model import (
    AssessResult,
    NegativeListHit,
    TransferAssessment,
    in_lang,
)
from dataflow.report.facts import FactsMap, TransferFacts, facts_key
from dataflow.report.html_page import (
    MSG,
    e,
    num_text,
    page_html,
    say,
    section_html,
    table_html,
)
from dataflow.report.labels import (
    Labels,
    cite_text,
    decisive_reason,
    hit_text,
)
from dataflow.report.records import RISK_ORDER
from dataflow.vocab import Mechanism

# --------------------------------------------------------------------------------------------
# Assess parts
# --------------------------------------------------------------------------------------------

_MECH_COLOURS: Mapping[str, str] = {
    Mechanism.BLOCKED: "#7a0d0d",
    Mechanism.PROHIBITED: "#7a0d0d",
    Mechanism.SECURITY_ASSESSMENT: "#c0392b",
    Mechanism.STANDARD_CONTRACT: "#d68910",
    Mechanism.EXEMPT: "#1e8449",
    Mechanism.NOT_APPLICABLE: "#5d6d7e",
    Mechanism.COVERED: "#2471a3",
}


def _badges(mechanism: str, risk: str, names: Labels) -> str:
    lang = names.lang
    return (
        f'<span class="badge verdict-badge m-{e(mechanism)}" title="{e(say("mechanism", lang))}">'
        f"{e(names.mechanism(mechanism))}</span>"
        f'<span class="badge r-{e(risk)}" title="{e(say("risk", lang))}">'
        f"{e(say('risk', lang))}{colon(lang)}{e(names.risk(risk))}</span>"
    )


def _people(transfer: TransferAssessment, lang: str) -> str:
    return say(
        "people",
        lang,
        people=num_text(transfer.counts.get("subjects_this")),
        sensitive=num_text(transfer.counts.get("sensitive_subjects_this")),
    )


def verdict_section(transfers: Sequence[TransferAssessment], facts: FactsMap, names: Labels) -> str:
    lang = names.lang
    if not transfers:
        return section_html(
            "verdict", say("section.verdict", lang), f"<p>{say('no.transfers', lang)}</p>"
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
                (say("exporter", lang), e(fact.exporter)),
                (
                    say("recipient", lang),
                    e(say("to", lang, recipient=fact.recipient, country=fact.country)),
                ),
                (say("purpose", lang), e(fact.purpose)),
            ]
        rows += [
            (say("section.datasets", lang), e(", ".join(sorted(set(t.datasets))) or "-")),
            (say("col.count", lang), e(_people(t, lang))),
            (say("rules", lang), f"<code>{e(t.rule_pack or '-')}</code>"),
            (say("as_of", lang), e(t.as_of or "-")),
            (say("fingerprint", lang), f"<code>{e(t.fingerprint or '-')}</code>"),
        ]
        dl = "".join(f"<dt>{e(k)}</dt><dd>{v}</dd>" for k, v in rows)
        cards.append(
            f'<div class="card transfer" id="verdict-{e(t.id)}"><h3>'
            f"{e(say('transfer', lang, id=t.id))}</h3>"
            f'<p>{_badges(t.mechanism, t.risk, names)}</p>{why}<dl class="facts">{dl}</dl></div>'
        )
    return section_html("verdict", say("section.verdict", lang), "".join(cards))


def _clip(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _recipients(
    transfers: Sequence[TransferAssessment], facts: FactsMap, lang: str
) -> tuple[dict[str, str], list[str]]:
    """The data map's right-hand boxes (key → label: a recipient and its country, or a transfer
    without facts) and, per transfer, the key of its box."""
    labels: dict[str, str] = {}
    targets: list[str] = []
    for t in transfers:
        fact = facts.get(facts_key(t.id, t.manifest_path))
        if fact is not None:
            key = f"{fact.recipient}\x00{fact.country}"
            label = say("to", lang, recipient=fact.recipient, country=fact.country)
        else:
            key, label = f"?\x00{t.id}", say("no.facts", lang)
        labels.setdefault(key, label)
        targets.append(key)
    return labels, targets


def _map_legend(transfers: Sequence[TransferAssessment], names: Labels, height: int) -> list[str]:
    """The data map's legend: the mechanisms drawn, in a fixed order."""
    drawn = [m for m in _MECH_COLOURS if any(t.mechanism == m for t in transfers)]
    out = []
    x = 10.0
    for m in drawn:
        label = names.mechanism(m)
        out.append(
            f'<rect x="{x:.0f}" y="{height - 24}" width="14" height="14" fill="{_MECH_COLOURS[m]}">'
            f'</rect><text x="{x + 20:.0f}" y="{height - 12}" font-size="12">{e(label)}</text>'
        )
        x += 36 + 7 * len(label) * (1.9 if names.lang == "zh" else 1)
    return out


def data_map(transfers: Sequence[TransferAssessment], facts: FactsMap, names: Labels) -> str:
    """Datasets on the left, transfers in the middle, recipients (with their country) on the
    right. Each transfer is one edge to its recipient, coloured by mechanism and labelled with
    its people / people with sensitive PI; thin edges tie it to its datasets."""
    lang = names.lang
    left: list[str] = sorted({d for t in transfers for d in t.datasets})
    right_labels, targets = _recipients(transfers, facts, lang)
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
        f"<title>{e(say('section.map', lang))}</title>",
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
    out.extend(_map_legend(transfers, names, height))
    out.append("</svg>")
    return section_html("map", say("section.map", lang), "".join(out))


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
            f"{e(say(key, lang, start=fact.window_start or '-'))}</text>"
            f'<rect x="{label_w}" y="{y}" width="{span}" height="{bar_h}" fill="#f0f3f6"></rect>'
            f'<rect class="total" x="{label_w}" y="{y}" width="{x_of(total) - label_w:.1f}" '
            f'height="{bar_h}" fill="#0b5cad"></rect>'
            f'<text x="{label_w + 6}" y="{y + bar_h + 14}" font-size="12">'
            f"{e(say('bar.total', lang, total=num_text(total), this=num_text(this)))}</text>"
        )
        for i, (mechanism, value) in enumerate(limits):
            colour = _MECH_COLOURS.get(mechanism, "#5d6d7e")
            lx = x_of(value)
            body.append(
                f'<line x1="{lx:.1f}" y1="{y - 4}" x2="{lx:.1f}" y2="{y + bar_h + 4}" '
                f'stroke="{colour}" stroke-width="3"><title>'
                f"{e(say('bar.threshold', lang, mechanism=names.mechanism(mechanism), value=num_text(value)))}"
                f"</title></line>"
                f'<text x="{lx - 4:.1f}" y="{y + bar_h + 14 + 13 * (i + 1)}" text-anchor="end" '
                f'font-size="11" fill="{colour}">{e(num_text(value))}</text>'
            )
        y += bar_h + 14 + 13 * len(limits) + 18
    parts.append(
        f'<svg class="thresholds" role="img" viewBox="0 0 {width} {y}" width="{width}" '
        f'height="{y}" xmlns="http://www.w3.org/2000/svg">' + "".join(body) + "</svg>"
    )
    legend = "<br>".join(
        f'<span class="badge m-{e(line.mechanism)}">'
        f"{e(say('bar.threshold', lang, mechanism=names.mechanism(line.mechanism), value=num_text(line.subjects_gte) + ' / ' + num_text(line.sensitive_subjects_gte)))}"
        f'</span> <span class="cite">{e(cite_text(line.citations))}</span>'
        for line in fact.thresholds
    )
    return "".join(parts) + f"<p>{legend}</p>"


def hits_table(hits: Sequence[NegativeListHit], names: Labels) -> str:
    lang = names.lang
    if not hits:
        return f"<p>{e(say('no.hits', lang))}</p>"
    rows = []
    for hit in sorted(hits, key=lambda h: (h.list_id, h.entry_id)):
        entry = f"<code>{e(hit.entry_id)}</code>"
        if not hit.verified:
            entry += e(paren(say("unverified", lang), lang))
        if not hit.binding:
            entry += e(paren(say("review", lang), lang))
        message = hit_text(hit, lang) + (f" ({hit.source})" if hit.source else "")
        rows.append(
            [
                f"<code>{e(hit.list_id)}</code>" + (e(paren(hit.zone, lang)) if hit.zone else ""),
                entry,
                _badges_mech(hit.required_mechanism, names),
                ", ".join(f"<code>{e(p)}</code>" for p in sorted(set(hit.fields))) or "-",
                e(message),
            ]
        )
    header = [
        e(say(k, lang))
        for k in ("col.list", "col.entry", "col.requires", "col.fields", "col.message")
    ]
    return table_html(header, rows)


def _badges_mech(mechanism: str, names: Labels) -> str:
    return f'<span class="badge m-{e(mechanism)}">{e(names.mechanism(mechanism))}</span>'


def transfer_details(t: TransferAssessment, fact: TransferFacts | None, names: Labels) -> str:
    lang = names.lang
    parts = [f"<h3>{e(say('transfer', lang, id=t.id))}</h3>"]
    if fact is not None and fact.thresholds:
        parts.append(f"<h4>{e(say('section.thresholds', lang))}</h4>")
        parts.append(_threshold_bars(t, fact, names))
    parts.append(f"<h4>{e(say('section.obligations', lang))}</h4>")
    if t.obligations:
        items = []
        for o in sorted(t.obligations, key=lambda o: o.id):
            cites = cite_text(o.citations)
            deadline = (
                f' <span class="note">{e(say("deadline", lang, deadline=in_lang(o.deadline, lang)))}</span>'
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
        parts.append(f"<p>{e(say('no.obligations', lang))}</p>")
    parts.append(f"<h4>{e(say('section.remediation', lang))}</h4>")
    if t.remediation:
        items = []
        for r in t.remediation:
            key = f"action.{r.action}"
            action = say(key, lang) if key in MSG else r.action
            fields = ", ".join(f"<code>{e(p)}</code>" for p in r.fields) or "-"
            result = say(
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
        parts.append(f"<p>{e(say('no.remediation', lang))}</p>")
    parts.append(f"<h4>{e(say('section.hits', lang))}</h4>")
    parts.append(hits_table(t.negative_list_hits, names))
    if t.reasons:
        items = []
        for reason in t.reasons:
            cites = cite_text(reason.citations)
            items.append(
                f"<li>{e(reason.text.get(lang))}"
                + (f' <span class="cite">{e(cites)}</span>' if cites else "")
                + "</li>"
            )
        parts.append(f"<h4>{e(say('section.why', lang))}</h4><ol>{''.join(items)}</ol>")
    for key, texts in (("section.questions", t.open_questions), ("section.warnings", t.warnings)):
        if texts:
            items = [f"<li>{e(x.get(lang))}</li>" for x in texts]
            parts.append(f"<h4>{e(say(key, lang))}</h4><ul>{''.join(items)}</ul>")
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
        body.append(table_html([e(h) for h in headers], [[e(c) for c in row] for row in rows]))
    body.append("<ul>" + "".join(f"<li>{e(s)}</li>" for s in summaries) + "</ul>")
    if notices:
        body.append('<ul class="note">' + "".join(f"<li>{e(n)}</li>" for n in notices) + "</ul>")
    return page_html(head[0], lang, body)


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
