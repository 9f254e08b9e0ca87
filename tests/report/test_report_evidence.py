"""Evidence in words in the table (and HTML) reports, in both languages; rule ids stay in JSON."""

from __future__ import annotations

import json

from conftest import EXAMPLES
from typer.testing import CliRunner

from dataflow.cli import app
from dataflow.model import Evidence
from dataflow.report.evidence import evidence_text, evidence_words

SAMPLE = str(EXAMPLES / "samples" / "customers.csv")


def _scan(*args: str) -> str:
    result = CliRunner().invoke(app, ["scan", SAMPLE, *args])
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


def test_table_evidence_reads_as_sentences_in_english_and_chinese() -> None:
    en = _scan("--lang", "en")
    assert "40 of 40 sampled values are Mobile phone number, e.g. 132****1390" in en
    assert "pinyin initials 'sjhm'" in en
    assert "value:Cn" not in en and "name:name-" not in en
    zh = _scan("--lang", "zh")
    assert "抽样 40 个值中 40 个为手机号码，例如 132****1390" in zh
    assert "字段名为拼音首字母 'sjhm'" in zh
    assert "pinyin initials" not in zh and "sampled values" not in zh


def test_json_keeps_rule_ids() -> None:
    report = json.loads(_scan("--format", "json"))
    rules = {e["rule"] for d in report["datasets"] for f in d["fields"] for e in f["evidence"]}
    assert {"CnMobileRecognizer", "name-initials"} <= rules


def test_unknown_rules_fall_back_to_their_kind_and_detail() -> None:
    item = Evidence("context", "some-new-rule", "table t is about pets", None)
    assert evidence_words(item, "en") == "table t is about pets"
    assert evidence_words(item, "zh") == "上下文：table t is about pets"
    many = [Evidence("name", f"name-en:{i}", f"English term 'w{i}'", None, 0.1) for i in range(5)]
    assert evidence_text(many, "en", limit=3).endswith("; +2")
    assert evidence_text(many, "zh", limit=3).count("字段名含英文词") == 3
