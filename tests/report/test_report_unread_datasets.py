"""A dataset left without fields by a reader's warning (an OpenAPI body whose schema is in a
file that was not scanned) is reported as not read, its fields unknown, pointing to the
warning; it is never reported as holding no personal information."""

from __future__ import annotations

from pathlib import Path

import pytest

from dataflow.i18n import t
from dataflow.i18n.reports import MARKDOWN
from dataflow.model import ScanResult
from dataflow.report.markdown import render_scan as markdown_scan
from dataflow.report.table import render_dataset
from dataflow.report.table import render_scan as table_scan
from dataflow.scan import ScanOptions, scan_paths

API = Path(__file__).parent.parent / "data" / "report" / "unread_body" / "shop.openapi.yaml"


def _scan() -> ScanResult:
    return scan_paths([API], ScanOptions(content=False))


def _block(text: str, name: str) -> str:
    blocks = [
        b for b in text.split("\n\n") if b.startswith(name + " (") or b.startswith(name + "（")
    ]
    assert len(blocks) == 1, text
    return blocks[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_table_says_the_body_was_not_read(lang: str) -> None:
    result = _scan()
    text = table_scan(result, lang)
    body = _block(text, "create-customer request")
    assert t("scan.no_pi", lang) not in body
    where = f"{result.problems[0].path}:12"
    assert where in body.splitlines()[-1]
    assert t("scan.unread", lang, severity="x", where=where).split("x")[0].strip() in body
    # a dataset that was read and holds PI is unchanged
    assert "customer_id" in _block(text, "create-customer response 201")


def test_a_dataset_without_fields_and_without_a_problem_still_has_no_pi() -> None:
    result = _scan()
    (request,) = [d for d in result.datasets if d.dataset.name == "create-customer request"]
    assert t("scan.no_pi", "en") in render_dataset(request, "en")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_verdict_and_datasets_table_say_not_read(lang: str) -> None:
    text = markdown_scan(_scan(), lang)
    verdict = text.splitlines()[2]
    assert MARKDOWN["scan.verdict.unread"].fill(lang, count=1) in verdict
    row = [r for r in text.splitlines() if r.startswith("| create-customer request |")]
    assert len(row) == 1
    cells = [c.strip() for c in row[0].strip("|").split("|")]
    assert cells[3].startswith(MARKDOWN["pi.unread"].fill(lang, where="@").split("@")[0])
    assert "shop.openapi.yaml:12" in cells[3] and cells[4] == "-"


def test_markdown_verdict_when_no_dataset_could_be_read(tmp_path: Path) -> None:
    text = API.read_text(encoding="utf-8").split("      responses:")[0]
    text += '      responses:\n        "204":\n          description: done\n'
    path = tmp_path / "only_request.openapi.yaml"
    path.write_text(text, encoding="utf-8")
    result = scan_paths([path], ScanOptions(content=False))
    assert [d.dataset.name for d in result.datasets] == ["create-customer request"]
    verdict = markdown_scan(result, "en").splitlines()[2]
    assert MARKDOWN["scan.verdict.unread_all"].fill("en", count=1) in verdict
    assert "No personal information" not in verdict
