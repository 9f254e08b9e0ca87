"""``--format html`` for ``scan`` and ``assess``: one self-contained page, checked in a browser.

Real files in ``tmp_path`` (a DDL whose names and comments carry markup, a sample with raw values,
a manifest whose recipient and purpose carry script), real readers, the real CLI in-process. The
page must parse as HTML5 without a single error (html5lib, strict), contain no raw sampled value,
render the same bytes twice, and - opened from disk by headless Chromium with no network - show
the verdict badges and the data map, run its sorting and filtering, and log nothing to the
console (no script error, no blocked request, and the injected markup stays text).

With ``DATAFLOW_UPDATE_DOCS=1`` the English assess page of the shipped examples is screenshotted
into ``docs/assess-report.png`` (the README shows it).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import html5lib
import pytest
from browser import chromium, dump_dom, png_stats, print_pdf, screenshot
from builders import MEMBERS_RAW_VALUES as RAW_VALUES
from builders import make_project, run
from conftest import EXAMPLES

REPO = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_project(tmp_path, monkeypatch)


def render(project: Path, command: str, lang: str, name: str) -> Path:
    out = project / f"{name}-{lang}.html"
    if command == "scan":
        args = ["scan", "schemas", "--sample", "members=members.csv"]
    else:
        args = ["assess", "transfer.yaml", "--ledger", str(project / "ledger.db")]
    code, _, stderr = run(*args, "--format", "html", "--lang", lang, "--output", str(out))
    assert code in (0, 1), stderr
    return out


def strict_parse(text: str) -> object:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(text)


@pytest.mark.parametrize("command", ["scan", "assess"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_is_valid_escaped_and_leaks_nothing(project: Path, command: str, lang: str) -> None:
    path = render(project, command, lang, command)
    text = path.read_text(encoding="utf-8")
    tree = strict_parse(text)  # raises html5lib.html5parser.ParseError on any error
    for raw in RAW_VALUES:
        assert raw not in text, "a sampled value leaked into the HTML"
    # the injected markup is text: one script (ours), no img, no event handler attribute
    scripts = tree.findall(".//script")  # type: ignore[attr-defined]
    assert len(scripts) == 1 and "console.error" not in (scripts[0].text or "")
    assert tree.findall(".//img") == []  # type: ignore[attr-defined]
    for element in tree.iter():  # type: ignore[attr-defined]
        assert not any(str(a).lower().startswith("on") for a in element.attrib), element.tag
        for attr in ("src", "href", "action", "data"):
            value = element.attrib.get(attr)
            assert value is None or value.startswith("#"), f"{element.tag} loads {value}"
    assert "members.x&quot;&gt;&lt;svg onload=console.error(2)&gt;" in text
    if command == "scan":
        assert "t&lt;img src=x onerror=console.error(3)&gt;" in text
    else:
        assert "Recipient &lt;script&gt;console.error(&quot;xss-script&quot;)" in text
    assert 'http-equiv="Content-Security-Policy"' in text and "default-src 'none'" in text
    assert f'<html lang="{"zh-CN" if lang == "zh" else "en"}">' in text
    # the same input renders the same bytes
    again = render(project, command, lang, command + "-again").read_text(encoding="utf-8")
    assert again == text


def test_assess_page_content(project: Path) -> None:
    text = render(project, "assess", "en", "assess").read_text(encoding="utf-8")
    verdict = text.index('id="verdict"')
    assert verdict < text.index('id="data-map"') < text.index('id="findings"')
    # 150,000 people with sensitive PI: security assessment, shown as a badge
    assert 'class="badge verdict-badge m-security_assessment"' in text
    assert "150,000 people / 150,000 with sensitive PI" in text
    assert 'class="edge m-security_assessment"' in text
    assert "Recipient &lt;script&gt;" in text and "(DE)" in text
    assert 'type="checkbox"' in text and "PIPL Art. 55(4)" in text
    assert 'class="thresholds"' in text and "1,000,000" in text
    assert "Drop" in text and "members.id_card" in text
    # masked examples are there, raw ones are not
    assert re.search(r"1[3-8]\d\*{4}\d{4}", text)


def test_scan_page_content(project: Path) -> None:
    text = render(project, "scan", "zh", "scan").read_text(encoding="utf-8")
    assert 'class="bars"' in text and 'id="findings-table"' in text
    assert 'class="matrix"' in text and '<td class="c s">' in text  # sensitive category marked
    assert "脱敏示例" in text and "筛选发现" in text


needs_browser = pytest.mark.skipif(
    chromium() is None, reason="headless Chromium is not installed (apt-get install chromium)"
)


@needs_browser
@pytest.mark.slow
@pytest.mark.parametrize("command", ["scan", "assess"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_renders_in_chromium_offline(
    project: Path, tmp_path: Path, command: str, lang: str
) -> None:
    path = render(project, command, lang, command)
    page = dump_dom(path)
    assert page.console == (), page.console  # no script error, no blocked load, no injected log
    dom = page.output
    assert 'id="findings-table"' in dom and "<svg" in dom
    if command == "assess":
        assert 'class="badge verdict-badge m-security_assessment"' in dom
        assert '<svg id="data-map"' in dom and 'class="edge m-security_assessment"' in dom
    else:
        assert '<svg class="bars"' in dom
    # the script ran: it made the headings sortable
    assert 'class="sortable"' in dom
    png = tmp_path / f"{command}-{lang}.png"
    shot = screenshot(path, png)
    assert shot.console == ()
    width, height, distinct = png_stats(png)
    assert (width, height) == (1280, 2000)
    assert distinct > 50, "the screenshot looks blank"


@needs_browser
@pytest.mark.slow
def test_filter_and_sort_work_in_chromium(project: Path) -> None:
    """The page's own script, driven by a test script added to a copy (the copy drops the
    Content-Security-Policy so that the test script may run)."""
    text = render(project, "scan", "en", "scan").read_text(encoding="utf-8")
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
    driver = """<script>
var q=document.getElementById("findings-filter"),t=document.getElementById("findings-table");
q.value="id_card";q.dispatchEvent(new Event("input"));
var shown=Array.prototype.filter.call(t.tBodies[0].rows,function(r){
return !r.classList.contains("hide");}).length;
q.value="";q.dispatchEvent(new Event("input"));
t.tHead.rows[0].cells[1].click();t.tHead.rows[0].cells[1].click();
var first=t.tBodies[0].rows[0].cells[1].textContent;
document.body.setAttribute("data-result",shown+"|"+t.tBodies[0].rows.length+"|"+first);
</script></body>"""
    copy = project / "driven.html"
    copy.write_text(text.replace("</body>", driver), encoding="utf-8")
    page = dump_dom(copy)
    assert page.console == (), page.console
    found = re.search(r'data-result="(\d+)\|(\d+)\|([^"]*)"', page.output)
    assert found, "the driver script did not run"
    shown, total, first = int(found[1]), int(found[2]), found[3]
    assert shown == 1 and total > 1
    # sorted twice on the pointer column: descending, so the last pointer comes first
    assert first == "members.mobile" or first > "members.id_card"


@needs_browser
@pytest.mark.slow
def test_examples_assess_screenshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's screenshot: the English assess page of the shipped example transfers."""
    monkeypatch.chdir(EXAMPLES.parent)
    manifests = sorted(
        str(p.relative_to(EXAMPLES.parent)) for p in EXAMPLES.glob("transfers/*.yaml")
    )
    out = tmp_path / "assess.html"
    code, _, stderr = run(
        "assess",
        *manifests,
        "--format",
        "html",
        "--lang",
        "en",
        "--ledger",
        str(tmp_path / "ledger.db"),
        "--output",
        str(out),
    )
    assert code in (0, 1), stderr
    strict_parse(out.read_text(encoding="utf-8"))
    png = tmp_path / "assess-report.png"
    page = screenshot(out, png, window="1100,1700")
    assert page.console == ()
    assert png_stats(png)[2] > 50
    # printable: the print style sheet gives a PDF of several pages
    pdf = tmp_path / "assess-report.pdf"
    assert print_pdf(out, pdf).console == ()
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", data)) >= 2
    if os.environ.get("DATAFLOW_UPDATE_DOCS") == "1":
        shutil.copyfile(png, REPO / "docs" / "assess-report.png")


# --- the renderer on built results (no manifest facts, subjects, scan-time list hits) ---------


def test_assess_page_without_facts_still_renders() -> None:
    from builders import RAW_VALUES as MODEL_RAW
    from builders import build_assess

    from dataflow.report import render

    text = render(build_assess(), "html", "zh", facts=None)
    strict_parse(text)
    for raw in MODEL_RAW:
        assert raw not in text
    assert "本报告不掌握境外接收方信息。" in text  # the map says the recipient is unknown
    assert '<svg id="data-map"' in text and "ACME-001" in text and "（未核实条目）" in text
    assert "接收方是否为关键信息基础设施运营者？" in text
    assert text == render(build_assess(), "html", "zh", facts=None)


def test_scan_page_shows_subjects_and_list_hits_when_present() -> None:
    import dataclasses

    from builders import build_scan, build_transfer

    from dataflow.model import Subject, SubjectLink
    from dataflow.report.html import render_scan

    scan = build_scan()
    hit = build_transfer().negative_list_hits[0]
    link = SubjectLink(column="member_id<b>", target="members", via="foreign_key")
    subject = Subject(kind="person_linked", role="customer", links=(link,))
    first = dataclasses.replace(scan.datasets[0], subject=subject, negative_list_hits=(hit,))
    datasets = (first, *scan.datasets[1:])
    text = render_scan(dataclasses.replace(scan, datasets=datasets), "en")
    strict_parse(text)
    assert "person_linked (customer)" in text
    assert "<code>member_id&lt;b&gt;</code> → members" in text
    assert 'id="hits"' in text and "ACME-001" in text
    # without subjects the columns are not there
    plain = render_scan(scan, "en")
    assert "Subject" not in plain and 'id="hits"' not in plain


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ledger_status_page(project: Path, lang: str) -> None:
    ledger = str(project / "ledger.db")
    code, _, stderr = run("ledger", "record", "transfer.yaml", "--ledger", ledger)
    assert code == 0, stderr
    out = project / f"status-{lang}.html"
    args = ("ledger", "status", "--ledger", ledger, "--as-of", "2026-06-30", "-f", "html")
    code, _, stderr = run(*args, "--lang", lang, "--output", str(out))
    assert code == 0, stderr
    text = out.read_text(encoding="utf-8")
    strict_parse(text)
    assert '<svg class="bars status"' in text and "cn-provisions-2024" in text
    # the exporter's name is escaped, 150,000 people against the 100,000 threshold: red, 150 %
    assert "Exporter &lt;script&gt;" in text and "150 %" in text and 'fill="#c0392b"' in text
    for raw in RAW_VALUES:
        assert raw not in text
    if chromium() is not None:
        page = dump_dom(out)
        assert page.console == (), page.console
        assert '<svg class="bars status"' in page.output
