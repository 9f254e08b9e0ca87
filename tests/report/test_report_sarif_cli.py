"""SARIF and Markdown through the real CLI: ``dataflow scan|check ... --format sarif|markdown``.

Real files (the shipped examples and files written into ``tmp_path``), real readers and
detectors, in-process so the network block of ``conftest.py`` applies. The raw values written
into the sample CSV must not come out; their masked forms should.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from builders import run
from builders import validate_sarif as validate
from conftest import EXAMPLES

pytest.importorskip("dataflow.classify", reason="the scan pipeline (classify) is not built yet")

DDL = """CREATE TABLE members (
  id BIGINT PRIMARY KEY COMMENT '主键',
  mobile VARCHAR(20) COMMENT '手机号码',
  id_card CHAR(18) COMMENT '身份证号',
  login_count INT COMMENT '登录次数'
);
"""
# made-up values with valid shapes (the ID's check digit is right), written only to the CSV
RAW_MOBILES = ("13987650123", "13600001234", "15811112222", "18633334444")
RAW_ID = "110105198703142536"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small project folder as the working directory: a schema and a PI-full sample."""
    work = tmp_path / "proj"
    (work / "schemas").mkdir(parents=True)
    (work / ".git").mkdir()  # stops configuration discovery here
    (work / "schemas" / "members.sql").write_text(DDL, encoding="utf-8")
    rows = ["mobile,id_card"] + [f"{m},{RAW_ID}" for m in RAW_MOBILES * 10]
    (work / "members.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.chdir(work)
    return work


def _log(stdout: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(stdout)
    return data


def test_scan_sarif_is_valid_with_relative_uris_and_lines(project: Path) -> None:
    code, stdout, stderr = run("scan", "schemas", "--format", "sarif")
    assert code == 0, stderr
    log = _log(stdout)
    validate(log)
    results = log["runs"][0]["results"]
    assert results, "the members table has PI columns"
    by_pointer = {
        r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]: r for r in results
    }
    mobile = by_pointer["members.mobile"]["locations"][0]["physicalLocation"]
    assert mobile["artifactLocation"]["uri"] == "schemas/members.sql"
    assert mobile["region"]["startLine"] == 3
    assert "members.login_count" not in by_pointer


def test_scan_with_samples_never_shows_a_raw_value(project: Path) -> None:
    for fmt in ("sarif", "markdown", "html"):
        for lang in ("en", "zh"):
            code, stdout, stderr = run(
                "scan",
                "schemas/members.sql",
                "--sample",
                "members=members.csv",
                "--format",
                fmt,
                "--lang",
                lang,
            )
            assert code in (0, 1), stderr
            for raw in (*RAW_MOBILES, RAW_ID):
                assert raw not in stdout and raw not in stderr
            assert "*" in stdout  # masked examples made it into the report


def test_markdown_zh_through_the_cli(project: Path) -> None:
    code, stdout, stderr = run("scan", "schemas", "--format", "markdown", "--lang", "zh")
    assert code == 0, stderr
    assert stdout.startswith("## dataflow 扫描报告\n\n**结论：**")
    assert "手机" in stdout


def test_examples_render_identically_twice() -> None:
    for fmt in ("sarif", "markdown", "html"):
        first = run("scan", str(EXAMPLES / "schemas"), "--format", fmt)
        second = run("scan", str(EXAMPLES / "schemas"), "--format", fmt)
        assert first[0] in (0, 1), first[2]
        assert first[1] == second[1]
        if fmt == "sarif":
            validate(_log(first[1]))


def test_unreadable_file_is_a_notification(project: Path) -> None:
    # a binary file under a schema suffix: reported as a problem, the rest is still scanned
    (project / "schemas" / "broken.sql").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\xff")
    code, stdout, _ = run("scan", "schemas", "--format", "sarif")
    assert code == 2
    log = _log(stdout)
    validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    uris = [
        n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for n in notes
        if n.get("locations")
    ]
    assert "schemas/broken.sql" in uris
    assert any(r["ruleId"] == "pi.contact.mobile" for r in log["runs"][0]["results"])


def test_assess_examples_sarif_and_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("dataflow.commands.assess", reason="dataflow assess is not built yet")
    monkeypatch.chdir(EXAMPLES.parent)
    manifests = sorted(
        str(p.relative_to(EXAMPLES.parent)) for p in EXAMPLES.glob("transfers/*.yaml")
    )
    assert manifests
    ledger = str(tmp_path / "ledger.db")
    code, stdout, stderr = run("assess", *manifests, "--format", "sarif", "--ledger", ledger)
    assert code in (0, 1), stderr
    log = _log(stdout)
    validate(log)
    transfers = [r for r in log["runs"][0]["results"] if r["ruleId"].startswith("transfer/")]
    assert len(transfers) == len(manifests)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in transfers}
    assert uris == set(manifests)
    assert all(r["level"] in {"error", "warning", "note"} for r in transfers)

    code, stdout, stderr = run(
        "assess", *manifests, "--format", "markdown", "--lang", "zh", "--ledger", ledger
    )
    assert code in (0, 1), stderr
    lines = [line for line in stdout.splitlines() if line.strip()]
    assert lines[:2] == ["## dataflow 出境评估报告", "**结论：**"]
    assert all(line.startswith("- **TX-") for line in lines[2 : 2 + len(manifests)])
    assert "### 发现" in stdout and "#### 义务" in stdout
