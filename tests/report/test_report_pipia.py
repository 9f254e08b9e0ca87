"""``assess --format pipia``: the self-assessment drafts, as Markdown and as Word.

Real manifests, schemas and samples in ``tmp_path``, the real CLI in-process, the real outline
(``catalogs/templates/pipia.yaml``) and python-docx to read the Word file back. Every section of
every outline that applies must be there, facts filled in, the sections only people can write
marked, the provenance (rule pack, catalog version, fingerprint) stated, the same bytes twice,
and no sampled value, masked or not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import MEMBERS_RAW_VALUES as RAW_VALUES
from builders import make_project, run
from markdown_it import MarkdownIt

from dataflow.errors import CatalogError
from dataflow.report.pipia import load_template, section_number

docx = pytest.importorskip("docx", reason="python-docx (the report extra) is not installed")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_project(tmp_path, monkeypatch)


def assess(*args: str) -> tuple[int, str, str]:
    return run("assess", "transfer.yaml", "--ledger", "ledger.db", "--format", "pipia", *args)


def section_titles(lang: str, mechanism: str) -> list[str]:
    """Every section title a transfer with ``mechanism`` gets, numbered as the draft numbers it."""
    out = []
    for d in load_template().documents:
        if d.applies_to not in ("all", mechanism):
            continue
        sections = [s for s in d.sections if s.applies_to in ("all", mechanism)]
        numbered = [s for s in sections if s.numbered]
        for s in sections:
            number = section_number(numbered.index(s) + 1, lang) if s.numbered else ""
            out.append(number + s.title.get(lang))
    return out


def test_section_numbers() -> None:
    assert [section_number(n, "zh") for n in (1, 7, 10, 11, 20, 23)] == [
        "一、",
        "七、",
        "十、",
        "十一、",
        "二十、",
        "二十三、",
    ]
    assert section_number(8, "en") == "8. "


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_draft_has_every_section_and_the_facts(project: Path, lang: str) -> None:
    code, text, stderr = assess("--lang", lang)
    assert code in (0, 1), stderr
    plain = text.replace("\\", "")  # Markdown escapes removed
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings = [
        "".join(c.content for c in tokens[i + 1].children or [])
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open"
    ]
    assert sum(1 for tok in tokens if tok.type == "table_open") >= 8
    # 150,000 people with sensitive PI → security assessment: both outlines apply
    for title in section_titles(lang, "security_assessment"):
        assert title in headings, title
    template = load_template()
    marker = template.human_marker.get(lang)
    humans = [
        s
        for d in template.documents
        for s in d.sections
        if s.human is not None and s.applies_to in ("all", "security_assessment")
    ]
    quotes = [i for i, tok in enumerate(tokens) if tok.type == "blockquote_open"]
    marked = [
        i for i in quotes if tokens[i + 2].content.replace("\\", "").startswith(f"**{marker}")
    ]
    assert len(marked) == len(quotes) == len(humans)
    # facts dataflow knows
    for fact in ("TX-HTML-1", "DE", "members.id_card", "150,000", "cn-provisions-2024"):
        assert fact in plain, fact
    assert "sha256:" in plain and "cn-national-pi@" in plain  # fingerprint, catalog version
    for raw in RAW_VALUES:
        assert raw not in text
    # no example at all, not even masked
    assert "****" not in text
    again = assess("--lang", lang)[1]
    assert again == text


def test_exempt_transfer_gets_the_pipia_only(project: Path) -> None:
    manifest = (project / "transfer.yaml").read_text(encoding="utf-8")
    (project / "transfer.yaml").write_text(
        manifest.replace("subjects: 150000", "subjects: 5000").replace(
            "scenario: none", "scenario: contract_necessity\n  lawful_basis: contract"
        ),
        encoding="utf-8",
    )
    code, text, stderr = assess("--lang", "en")
    assert code in (0, 1), stderr
    template = load_template()
    sa = next(d for d in template.documents if d.id == "self_assessment")
    pipia = next(d for d in template.documents if d.id == "pipia")
    assert pipia.title.en.format(id="TX-HTML-1").split(":")[0] in text
    assert sa.title.en.split(":")[0] not in text


def test_standard_contract_transfer_gets_its_section(project: Path) -> None:
    manifest = (project / "transfer.yaml").read_text(encoding="utf-8")
    # 5,000 people, sensitive PI among them: standard contract, no security assessment
    (project / "transfer.yaml").write_text(
        manifest.replace("subjects: 150000", "subjects: 5000"), encoding="utf-8"
    )
    code, text, stderr = assess("--lang", "en")
    assert code in (0, 1), stderr
    plain = text.replace("\\", "")
    for title in section_titles("en", "standard_contract_or_certification"):
        assert f"### {title}" in plain, title
    assert "6. Matters for the standard contract or certification" in plain
    assert "7. Open questions" in plain and "8. Conclusion and sign-off" in plain
    assert "SCC Measures Art. 5" in plain
    assert "Data-export risk self-assessment report" not in plain


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_docx_opens_and_has_every_section(project: Path, lang: str) -> None:
    out = project / f"draft-{lang}.docx"
    code, _, stderr = assess("--lang", lang, "--output", str(out))
    assert code in (0, 1), stderr
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for title in section_titles(lang, "security_assessment"):
        assert title in headings, title
    body = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert load_template().human_marker.get(lang) in body
    assert "cn-provisions-2024" in cells and "sha256:" in cells and "TX-HTML-1" in cells
    for raw in RAW_VALUES:
        assert raw not in body and raw not in cells
        assert raw.encode() not in out.read_bytes()
    first = out.read_bytes()
    assess("--lang", lang, "--output", str(out))
    assert out.read_bytes() == first, "the .docx must be the same bytes for the same input"


def test_scan_has_no_pipia_format(project: Path) -> None:
    code, _, stderr = run("scan", "schemas", "--format", "pipia")
    assert code == 2 and "--format must be one of" in stderr


def test_a_broken_outline_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "outline.yaml"
    bad.write_text(
        "schema_version: 1\nhuman_marker: {en: x, zh: y}\ndocuments:\n"
        "  - id: d\n    title: {en: t, zh: t}\n    sections:\n"
        "      - {id: s, title: {en: a, zh: b}, facts: [volumes, horoscope]}\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogError) as info:
        load_template(bad)
    assert "horoscope" in info.value.message and str(bad) in str(info.value.path)
