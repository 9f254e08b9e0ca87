"""Markdown output: verdict first, well-formed tables, escaping, sections, determinism.

Documents are parsed back with markdown-it-py (CommonMark plus GFM tables; it comes with rich)
so the tests check what a ticket system would render, not just substrings.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest
from builders import RAW_VALUES, build_assess, build_scan, build_transfer, mask
from markdown_it import MarkdownIt
from markdown_it.token import Token

from dataflow.catalog import load_catalog
from dataflow.model import (
    AssessResult,
    Citation,
    Dataset,
    DatasetResult,
    Evidence,
    Field,
    FieldFinding,
    Grade,
    Reason,
    ScanResult,
    Text,
)
from dataflow.report import markdown, sarif


def parse(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(text)


def html(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(text)


def tables(text: str) -> list[list[list[str]]]:
    """Every table as rows of cell texts (header row first), as the parser sees them."""
    out: list[list[list[str]]] = []
    rows: list[list[str]] = []
    row: list[str] | None = None
    cell: list[str] | None = None
    for token in parse(text):
        if token.type == "table_open":
            rows = []
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            cell = []
        elif token.type == "inline" and cell is not None:
            cell.append("".join(child.content for child in token.children or []))
        elif token.type in ("th_close", "td_close") and row is not None and cell is not None:
            row.append("".join(cell))
            cell = None
        elif token.type == "tr_close" and row is not None:
            rows.append(row)
            row = None
        elif token.type == "table_close":
            out.append(rows)
    return out


def headings(text: str) -> list[str]:
    tokens = parse(text)
    return [
        tokens[i + 1].content
        for i, token in enumerate(tokens)
        if token.type == "heading_open" and i + 1 < len(tokens)
    ]


def first_paragraph(text: str) -> str:
    tokens = parse(text)
    for i, token in enumerate(tokens):
        if token.type == "paragraph_open":
            return tokens[i + 1].content
    raise AssertionError("no paragraph")


# ---------------------------------------------------------------------------------------------


def test_scan_verdict_comes_first() -> None:
    text = markdown.render_scan(build_scan())
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[0] == "## dataflow scan"
    verdict = lines[1]
    assert verdict.startswith("**Verdict:**")
    assert "5 personal-information field(s), 1 of them sensitive" in verdict
    assert "in 2 of 2 dataset(s)" in verdict
    assert "highest grade: important data" in verdict
    assert "1 file(s) could not be read" in verdict
    assert headings(text) == [
        "dataflow scan",
        "Findings",
        "Datasets",
        "Grade raises",
        "Skipped files",
        "Notices",
    ]


def test_scan_without_pi_says_so() -> None:
    plain = Field("order_count", "orders.order_count", "int", None, line=2)
    dataset = Dataset("orders", "schemas/orders.sql", "sql", (plain,), line=1)
    result = ScanResult(
        datasets=(
            DatasetResult(
                dataset,
                (FieldFinding(plain, "orders", False, False, None, None, Grade.GENERAL_2, 0.1),),
                Grade.GENERAL_2,
            ),
        ),
        files_scanned=1,
    )
    text = markdown.render_scan(result)
    assert first_paragraph(text).startswith("**Verdict:** No personal information found in 1")
    assert "No personal information found." in text
    assert "Skipped files" not in text


def test_findings_table_columns_and_order() -> None:
    text = markdown.render_scan(build_scan())
    findings = tables(text)[0]
    assert findings[0] == [
        "Dataset",
        "Pointer",
        "Element",
        "Category",
        "Grade",
        "Confidence",
        "Masked example",
    ]
    body = findings[1:]
    assert len(body) == 5
    assert all(len(row) == 7 for row in body)
    # highest grade first
    assert body[0][1] == "customers.sfzh"
    assert body[0][6] == mask("110105198703142536")
    # named by the shipped catalog (the renderer was given none)
    assert load_catalog().element_name("pi.identity.resident_id", "en") in body[0][2]
    assert "sensitive: specific identity" in body[0][3]
    pointers = [row[1] for row in body]
    assert "customers.note|x" in pointers, "an escaped pipe must stay inside its cell"
    assert "customers.order_count" not in pointers


def test_assess_verdict_first_then_sections_in_order() -> None:
    text = markdown.render_assess(build_assess())
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[0] == "## dataflow assess"
    assert lines[1] == "**Verdict:**"
    # the riskiest transfer comes first, with mechanism, risk, why and the articles
    assert lines[2].startswith("- **TX-2026-0042**: **CAC security assessment**, risk **high**.")
    assert "Sensitive PI of 12,000 people since 1 January" in lines[2]
    assert "Provisions Art. 7(2); PIPL Art. 38" in lines[2]
    assert lines[3].startswith("- **TX-2026-0001**: **exempt")
    order = [
        "**Verdict:**",
        "### Findings",
        "### Transfer TX-2026-0042",
        "#### Negative-list hits",
        "#### Obligations",
        "#### Remediation",
        "#### Open questions",
        "### Skipped files",
    ]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)


def test_assess_transfer_details() -> None:
    text = markdown.render_assess(build_assess())
    all_tables = tables(text)
    hits = next(t for t in all_tables if t[0][0] == "List")
    assert hits[1][0] == "acme-export-policy"
    assert hits[1][1].startswith("ACME-001") and "unverified" in hits[1][1]
    assert hits[1][3] == "customers.sfzh"
    obligations = next(t for t in all_tables if t[0][0] == "Obligation")
    assert [row[1] for row in obligations[1:]] == ["PIPL Art. 39", "PIPL Art. 55"]
    assert obligations[1][0] == "Obtain separate consent | per person"
    assert "- Drop `customers.sfzh` → standard contract filing" in text
    assert "- Is the recipient a CIIO?" in text
    assert "No negative-list entry matched." in text  # the exempt transfer


def test_non_binding_hit_is_marked_for_review() -> None:
    transfer = build_transfer()
    hit = dataclasses.replace(transfer.negative_list_hits[0], binding=False)
    result = AssessResult(
        scan=build_scan(), transfers=(dataclasses.replace(transfer, negative_list_hits=(hit,)),)
    )
    text = markdown.render_assess(result)
    assert "review item" in text


def raw_cell_counts(text: str) -> list[list[int]]:
    """Per table, the number of cells of each source line (pipes not escaped by a backslash).

    A parser drops surplus cells silently, so the source lines are counted as well.
    """
    out: list[list[int]] = []
    current: list[int] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            pipes = len(re.findall(r"(?<!\\)(?:\\\\)*\|", line))
            current.append(pipes - 1)
        elif current:
            out.append(current)
            current = []
    return out


def test_every_table_row_has_the_header_width() -> None:
    text = markdown.render_assess(build_assess())
    found = tables(text)
    assert len(found) >= 4
    for table in found:
        assert all(len(row) == len(table[0]) for row in table)
    counts = raw_cell_counts(text)
    assert len(counts) == len(found)
    for table_counts in counts:
        assert len(set(table_counts)) == 1, table_counts


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a|b", "a\\|b"),
        ("line1\nline2", "line1<br>line2"),
        ("line1\r\nline2", "line1<br>line2"),
        ("<script>", "&lt;script&gt;"),
        ("*bold* _x_", "\\*bold\\* \\_x\\_"),
        ("", "-"),
    ],
)
def test_escape(raw: str, expected: str) -> None:
    assert markdown.escape(raw) == expected


def test_code_spans_survive_backticks_pipes_and_newlines() -> None:
    assert markdown.code("a`b") == "``a`b``"
    assert markdown.code("`x`") == "`` `x` ``"
    assert markdown.code("a|b") == "`a\\|b`"
    assert markdown.code("a\nb") == "`a b`"
    rendered = tables("| h |\n|---|\n| " + markdown.code("p|q`r") + " |\n")
    assert rendered[0][1] == ["p|q`r"]


def test_hostile_names_cannot_inject_markup_or_break_tables() -> None:
    evil = "<img src=x onerror=alert(1)>|\n# heading"
    field = Field(evil, f"t.{evil}", "text", evil, line=1)
    dataset = Dataset(evil, "schemas/evil.sql", "sql", (field,), line=1)
    finding = FieldFinding(
        field,
        evil,
        True,
        False,
        "pi.contact.email",
        "pi.contact",
        Grade.GENERAL_3,
        0.5,
        (Evidence("name", "en.email", "name", "pi.contact.email", 0.5, example="a***@x`|.org"),),
    )
    result = ScanResult(datasets=(DatasetResult(dataset, (finding,), Grade.GENERAL_3),))
    text = markdown.render_scan(result)
    rendered = html(text)
    assert "<img" not in rendered
    assert headings(text) == ["dataflow scan", "Findings", "Datasets"]
    for table in tables(text):
        assert all(len(row) == len(table[0]) for row in table)
    assert tables(text)[0][1][6] == "a***@x`|.org"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_render_is_deterministic(lang: str) -> None:
    assert markdown.render_assess(build_assess(), lang) == markdown.render_assess(
        build_assess(), lang
    )
    scan = build_scan()
    shuffled: Any = dataclasses.replace(
        scan,
        datasets=tuple(reversed(scan.datasets)),
        problems=tuple(reversed(scan.problems)),
    )
    assert markdown.render_scan(shuffled, lang) == markdown.render_scan(scan, lang)


def test_skipped_files_are_listed_with_position() -> None:
    text = markdown.render_scan(build_scan())
    assert "- `schemas/broken.sql:3:5` (error): unexpected end of statement" in text
    assert "- `samples/odd.csv` (warning): 2 rows had too many columns" in text


def test_no_raw_values() -> None:
    for lang in ("en", "zh"):
        text = markdown.render_assess(build_assess(), lang)
        assert mask(RAW_VALUES[0]) in text
        for raw in RAW_VALUES:
            assert raw not in text


def test_verdict_why_is_the_deciding_step_not_context() -> None:
    reasons = (
        Reason("counts_summed", Text("Counts of 2 datasets summed", "合计 2 个数据集")),
        Reason(
            "volume_contract",
            Text("Sensitive PI of 1 to 9,999 people", "敏感个人信息 1 至 9,999 人"),
            (Citation("Provisions", "Art. 8"),),
        ),
        Reason("consent_basis", Text("Lawful basis is a contract", "合法性基础为合同")),
    )
    transfer = build_transfer(
        mechanism="standard_contract_or_certification", risk="medium", reasons=reasons
    )
    text = markdown.render_assess(AssessResult(scan=build_scan(), transfers=(transfer,)))
    verdict = next(line for line in text.splitlines() if line.startswith("- **TX-"))
    assert "Why: Sensitive PI of 1 to 9,999 people (Provisions Art. 8)" in verdict
    assert "Counts of 2 datasets" not in verdict
    # all steps are still listed under Why, in order
    assert text.index("1. Counts of 2 datasets summed") < text.index("3. Lawful basis")


def test_long_findings_tables_are_cut_with_a_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markdown, "MAX_FINDING_ROWS", 2)
    text = markdown.render_scan(build_scan())
    findings = tables(text)[0]
    assert len(findings) == 1 + 2
    assert findings[1][1] == "customers.sfzh"  # the highest grade is kept
    assert "… and 3 more finding(s)" in text


def test_a_dataset_read_twice_is_reported_once() -> None:
    """The same file named twice (or one schema in two manifests) gives one row per finding."""
    scan = build_scan()
    twice = dataclasses.replace(scan, datasets=scan.datasets + scan.datasets)
    assert markdown.render_scan(twice) == markdown.render_scan(scan)
    assert sarif.render_scan(twice) == sarif.render_scan(scan)


def test_citations_are_listed_once_and_manifest_is_named() -> None:
    reason = Reason(
        "out_of_scope",
        Text("No personal information", "不含个人信息"),
        (Citation("Provisions", "Art. 3"), Citation("Provisions", "Art. 3")),
    )
    transfer = build_transfer(reasons=(reason,))
    text = markdown.render_assess(AssessResult(scan=build_scan(), transfers=(transfer,)))
    assert "(Provisions Art. 3)" in text
    assert "Provisions Art. 3; Provisions Art. 3" not in text
    assert "**Manifest:** `transfers/tx-0042.yaml`" in text
