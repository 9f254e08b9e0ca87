"""Self-assessment draft (``assess --format pipia``): the document the mechanism asks people to write.

For every transfer, the skeleton of the PI protection impact assessment (PIPL Art. 55-56) and,
when the transfer needs a CAC security assessment, of the data-export risk self-assessment report
(SA Measures Art. 5). The outlines, section titles and the questions people must answer are data
(``catalogs/templates/pipia.yaml``); this module fills the sections dataflow has facts for
(exporter, recipient, purpose, datasets, categories, grades, volumes, sensitive PI, mechanism,
obligations, negative-list results, open questions) and marks the others as to be written by
people. Each draft names the rule pack, the catalog version and the assessment's fingerprint.

One document model renders to Markdown (default) and to Word (``--output FILE.docx``, with the
optional ``python-docx``). No sampled value appears, not even masked: a draft lists fields and
categories. Sorted, no timestamps: the same result gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dataflow.errors import UserError
from dataflow.i18n import colon, heading, join_list
from dataflow.i18n import reports as i18n_reports
from dataflow.model import AssessResult, DatasetResult, Text, TransferAssessment, in_lang
from dataflow.report.facts import FactsMap, TransferFacts, facts_key
from dataflow.report.html import sorted_transfers
from dataflow.report.labels import Labels, cite_text, hit_text
from dataflow.report.markdown import escape as md_escape
from dataflow.report.markdown import unique_datasets
from dataflow.report.pipia_template import Outline, Section, Template
from dataflow.report.pipia_template import load_template as load_template

# The Markdown report's sentences and headings, with this format's own on top.
_MSG: Mapping[str, Text] = {**i18n_reports.MARKDOWN, **i18n_reports.PIPIA}


def _m(key: str, lang: str, **values: object) -> str:
    return _MSG[key].fill(lang, **values)


# --------------------------------------------------------------------------------------------
# Document model: a list of blocks, rendered to Markdown or Word
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """``heading`` (level, text), ``para``, ``human`` (text to be written by people),
    ``bullets`` (items), ``checklist`` (items) or ``table`` (header, rows)."""

    kind: str
    text: str = ""
    level: int = 0
    items: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


def _kv(rows: Sequence[tuple[str, str]]) -> Block:
    return Block("table", header=("", ""), rows=tuple((k, v) for k, v in rows))


class _Writer:
    """Builds the blocks of one transfer's documents."""

    def __init__(
        self,
        result: AssessResult,
        transfer: TransferAssessment,
        fact: TransferFacts | None,
        names: Labels,
        template: Template,
    ) -> None:
        self.result = result
        self.t = transfer
        self.fact = fact
        self.names = names
        self.lang = names.lang
        self.template = template
        wanted = set(transfer.datasets)
        self.datasets: list[DatasetResult] = [
            d for d in unique_datasets(result.scan) if d.dataset.name in wanted
        ]

    def m(self, key: str, **values: object) -> str:
        return _m(key, self.lang, **values)

    def _unknown(self, value: str | None) -> str:
        return value if value else self.m("unknown")

    def block(self, name: str) -> list[Block]:
        method = getattr(self, f"b_{name}")
        out: list[Block] = method()
        return out

    def b_transfer(self) -> list[Block]:
        f, t, n = self.fact, self.t, self.names
        yes_no = lambda v: self.m("yes") if v else self.m("no")  # noqa: E731
        rows = [(self.m("k.id"), t.id)]
        if f is not None:
            rows += [
                (self.m("k.date"), f.date),
                (self.m("k.exporter"), f.exporter),
                (self.m("k.ciio"), yes_no(f.exporter_ciio)),
                (self.m("k.ftz"), f.exporter_ftz or "-"),
                (self.m("k.recipient"), f.recipient),
                (self.m("k.country"), f.country),
                (self.m("k.purpose"), f.purpose),
                (self.m("k.scenario"), f.scenario),
                (self.m("k.sector"), f.sector),
                (self.m("k.basis"), f.lawful_basis),
            ]
        else:
            rows.append((self.m("k.recipient"), self.m("unknown")))
        rows += [
            (self.m("k.mechanism"), n.mechanism(t.mechanism)),
            (self.m("k.risk"), n.risk(t.risk)),
        ]
        return [_kv(rows)]

    def b_purpose(self) -> list[Block]:
        f = self.fact
        rows = [
            (self.m("k.purpose"), self._unknown(f.purpose if f else None)),
            (self.m("k.basis"), self._unknown(f.lawful_basis if f else None)),
            (self.m("k.scenario"), self._unknown(f.scenario if f else None)),
        ]
        return [_kv(rows)]

    def b_datasets(self) -> list[Block]:
        n = self.names
        declared = {d.name: d for d in self.fact.datasets} if self.fact else {}
        rows = []
        for d in self.datasets:
            personal = [f for f in d.findings if f.personal]
            spec = declared.get(d.dataset.name)
            people = f"{spec.subjects:,}" if spec and spec.subjects is not None else "-"
            rows.append(
                (
                    d.dataset.name,
                    d.dataset.source_path,
                    n.grade(d.grade),
                    str(len(personal)),
                    str(sum(1 for f in personal if f.sensitive)),
                    people,
                )
            )
        header = tuple(
            self.m(k)
            for k in (
                "col.dataset",
                "col.source",
                "col.grade",
                "col.pi",
                "col.sensitive",
                "col.people",
            )
        )
        return [Block("table", header=header, rows=tuple(rows))]

    def b_categories(self) -> list[Block]:
        n = self.names
        rows = []
        for d in self.datasets:
            by_category: dict[str, set[str]] = {}
            for f in d.findings:
                if f.personal and f.category:
                    by_category.setdefault(f.category, set()).add(n.element(f.element))
            for category in sorted(by_category):
                rows.append(
                    (
                        d.dataset.name,
                        n.category(category),
                        join_list(sorted(by_category[category]), n.lang),
                    )
                )
        if not rows:
            return [Block("para", self.m("no.categories"))]
        header = (self.m("col.dataset"), self.m("col.category"), self.m("col.element"))
        return [Block("table", header=header, rows=tuple(rows))]

    def b_sensitive(self) -> list[Block]:
        n = self.names
        rows = sorted(
            (
                f.field.pointer,
                n.element(f.element),
                n.category(f.category),
                n.group(f.sensitive_group),
            )
            for d in self.datasets
            for f in d.findings
            if f.personal and f.sensitive
        )
        if not rows:
            return [Block("para", self.m("no.sensitive"))]
        header = tuple(self.m(k) for k in ("col.field", "col.element", "col.category", "col.group"))
        return [Block("table", header=header, rows=tuple(dict.fromkeys(rows)))]

    def b_volumes(self) -> list[Block]:
        c = self.t.counts
        start = self.fact.window_start if self.fact and self.fact.window_start else "-"

        def num(key: str) -> str:
            return f"{c[key]:,}" if key in c else "-"

        rows = [
            (self.m("row.this"), num("subjects_this"), num("sensitive_subjects_this")),
            (
                self.m("row.prior", start=start),
                num("subjects_prior"),
                num("sensitive_subjects_prior"),
            ),
            (self.m("row.total"), num("subjects_total"), num("sensitive_subjects_total")),
        ]
        for line in self.fact.thresholds if self.fact else ():
            rows.append(
                (
                    self.m("row.threshold", mechanism=self.names.mechanism(line.mechanism))
                    + f" ({cite_text(line.citations)})",
                    f"≥ {line.subjects_gte:,}",
                    f"≥ {line.sensitive_subjects_gte:,}",
                )
            )
        header = ("", self.m("col.people_all"), self.m("col.people_sensitive"))
        return [Block("table", header=header, rows=tuple(rows))]

    def b_mechanism(self) -> list[Block]:
        t, n = self.t, self.names
        out = [
            _kv(
                [
                    (self.m("k.mechanism"), n.mechanism(t.mechanism)),
                    (self.m("k.risk"), n.risk(t.risk)),
                ]
            )
        ]
        items = []
        for reason in t.reasons:
            cites = cite_text(reason.citations)
            items.append(reason.text.get(self.lang) + (f" ({cites})" if cites else ""))
        if items:
            out += [
                Block("para", heading(self.m("why"), self.lang)),
                Block("bullets", items=tuple(items)),
            ]
        return out

    def b_negative_list(self) -> list[Block]:
        hits = sorted(self.t.negative_list_hits, key=lambda h: (h.list_id, h.entry_id))
        if not hits:
            return [Block("para", self.m("no.hits"))]
        rows = tuple(
            (
                h.list_id + (f" ({h.zone})" if h.zone else ""),
                h.entry_id + ("" if h.verified else self.m("unverified")),
                self.names.mechanism(h.required_mechanism),
                hit_text(h, self.lang),
            )
            for h in hits
        )
        header = tuple(self.m(k) for k in ("col.list", "col.entry", "col.requires", "col.message"))
        return [Block("table", header=header, rows=rows)]

    def b_obligations(self) -> list[Block]:
        if not self.t.obligations:
            return [Block("para", self.m("no.obligations"))]
        items = []
        for o in sorted(self.t.obligations, key=lambda o: o.id):
            cites = cite_text(o.citations)
            text = o.text.get(self.lang)
            if cites:
                text += f" ({cites})"
            if o.deadline:
                deadline = in_lang(o.deadline, self.lang)
                text += f" [{self.m('col.deadline')}{colon(self.lang)}{deadline}]"
            items.append(text)
        return [Block("checklist", items=tuple(items))]

    def b_remediation(self) -> list[Block]:
        if not self.t.remediation:
            return [Block("para", self.m("no.remediation"))]
        items = []
        for r in self.t.remediation:
            key = f"action.{r.action}"
            items.append(
                self.m(
                    "remedy",
                    action=self.m(key) if key in _MSG else r.action,
                    fields=", ".join(r.fields) or "-",
                    mechanism=self.names.mechanism(r.resulting_mechanism),
                    risk=self.names.risk(r.resulting_risk),
                    text=r.text.get(self.lang),
                )
            )
        return [Block("bullets", items=tuple(items))]

    def b_open_questions(self) -> list[Block]:
        items = [q.get(self.lang) for q in (*self.t.open_questions, *self.t.warnings)]
        if not items:
            return [Block("para", self.m("no.questions"))]
        return [Block("bullets", items=tuple(items))]

    def b_provenance(self) -> list[Block]:
        from dataflow import __version__

        t = self.t
        pack = t.rule_pack or "-"
        if self.fact and self.fact.rule_pack_title:
            pack += f" ({self.fact.rule_pack_title.get(self.lang)})"
        rows = [
            (self.m("k.rule_pack"), pack),
            (self.m("k.as_of"), t.as_of or "-"),
            (self.m("k.catalog"), self.result.scan.catalog_version or "-"),
            (self.m("k.fingerprint"), t.fingerprint or "-"),
            (self.m("k.manifest"), t.manifest_path or "-"),
            (self.m("k.template"), f"{self.template.id} {self.template.version}"),
            (self.m("k.dataflow"), __version__),
        ]
        return [_kv(rows)]

    def document(self, outline: Outline) -> list[Block]:
        lang = self.lang
        out = [Block("heading", outline.title.get(lang).format(id=self.t.id), level=2)]
        if outline.basis:
            out.append(Block("para", self.m("basis", cites=outline.basis)))
        number = 0
        for section in outline.sections:
            if not applies(section, self.t):
                continue
            title = section.title.get(lang)
            if section.numbered:
                number += 1
                title = section_number(number, lang) + title
            out.append(Block("heading", title, level=3))
            if section.basis:
                out.append(Block("para", self.m("basis", cites=section.basis)))
            for name in section.facts:
                out.extend(self.block(name))
            if section.human is not None:
                marker = self.template.human_marker.get(lang)
                out.append(Block("human", f"{marker} {section.human.get(lang)}"))
        return out


_ZH_DIGITS = "零一二三四五六七八九"


def section_number(n: int, lang: str) -> str:
    """``3. `` in English, ``三、`` in Chinese (up to 99)."""
    if lang != "zh":
        return f"{n}. "
    tens, ones = divmod(n, 10)
    text = (_ZH_DIGITS[tens] if tens > 1 else "") + ("十" if tens else "")
    text += _ZH_DIGITS[ones] if ones or not tens else ""
    return text + "、"


def applies(part: Outline | Section, transfer: TransferAssessment) -> bool:
    """Whether a transfer needs this document or section."""
    return part.applies_to == "all" or part.applies_to == transfer.mechanism


def build(
    result: AssessResult,
    lang: str = "en",
    catalog: Any = None,
    facts: FactsMap | None = None,
    template: Template | None = None,
) -> list[Block]:
    """The blocks of every draft, riskiest transfer first."""
    template = template or load_template()
    names = Labels(lang, catalog)
    facts = facts or {}
    blocks = [Block("heading", _m("title", lang), level=1), Block("para", _m("intro", lang))]
    transfers = sorted_transfers(result)
    if not transfers:
        blocks.append(Block("para", _m("none.transfers", lang)))
    for t in transfers:
        writer = _Writer(result, t, facts.get(facts_key(t.id, t.manifest_path)), names, template)
        for outline in template.documents:
            if applies(outline, t):
                blocks.extend(writer.document(outline))
    return blocks


# --------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------


def to_markdown(blocks: Sequence[Block]) -> str:
    """The blocks as Markdown; every value is escaped."""
    parts: list[str] = []
    for b in blocks:
        if b.kind == "heading":
            parts.append("#" * b.level + " " + md_escape(b.text))
        elif b.kind == "para":
            parts.append(md_escape(b.text))
        elif b.kind == "human":
            parts.append("> **" + md_escape(b.text) + "**")
        elif b.kind == "bullets":
            parts.append("\n".join(f"- {md_escape(i)}" for i in b.items))
        elif b.kind == "checklist":
            parts.append("\n".join(f"- [ ] {md_escape(i)}" for i in b.items))
        elif b.kind == "table":
            header = [md_escape(h) if h else " " for h in b.header]
            lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
            lines += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in b.rows]
            parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def render_assess(
    result: AssessResult,
    lang: str = "en",
    catalog: Any = None,
    *,
    facts: FactsMap | None = None,
) -> str:
    """The drafts as Markdown."""
    return to_markdown(build(result, lang, catalog, facts))


# --------------------------------------------------------------------------------------------
# Word
# --------------------------------------------------------------------------------------------

# A fixed time for the package's parts and properties: a timestamp would make every run differ.
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def render_docx(
    result: AssessResult,
    lang: str = "en",
    catalog: Any = None,
    *,
    facts: FactsMap | None = None,
) -> bytes:
    """The drafts as a Word document (needs ``pip install 'dataflow[report]'``)."""
    try:
        import docx
    except ImportError:
        raise UserError(
            "writing .docx needs python-docx: pip install 'dataflow[report]' "
            "(or write Markdown with an --output not ending in .docx)"
        ) from None
    import datetime as dt

    blocks = build(result, lang, catalog, facts)
    document = docx.Document()
    props = document.core_properties
    props.author = "dataflow"
    props.title = _m("title", lang)
    props.created = props.modified = dt.datetime(2000, 1, 1)
    props.last_modified_by = "dataflow"
    props.revision = 1
    for b in blocks:
        if b.kind == "heading":
            document.add_heading(b.text, level=b.level)
        elif b.kind == "para":
            document.add_paragraph(b.text)
        elif b.kind == "human":
            paragraph = document.add_paragraph(style="Intense Quote")
            paragraph.add_run(b.text).bold = True
        elif b.kind in ("bullets", "checklist"):
            for item in b.items:
                text = ("☐ " + item) if b.kind == "checklist" else item
                document.add_paragraph(text, style="List Bullet")
        elif b.kind == "table":
            table = document.add_table(rows=1 + len(b.rows), cols=len(b.header))
            table.style = "Table Grid"
            for i, h in enumerate(b.header):
                table.rows[0].cells[i].text = h
            for r, row in enumerate(b.rows, start=1):
                for i, cell in enumerate(row):
                    table.rows[r].cells[i].text = cell
    raw = io.BytesIO()
    document.save(raw)
    return _stable_zip(raw.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """The same package with every member's time fixed and members in a stable order."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        names = src.namelist()
        # [Content_Types].xml must stay first; the rest keep python-docx's order.
        for name in names:
            info = zipfile.ZipInfo(name, date_time=_FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()
