"""Chinese output reads as Chinese: punctuation after Chinese text and the notices of database
reads and people counts.

Under ``--lang zh`` a colon or comma that follows Chinese text is the full-width one (``：``,
``，``/``、``); the table, Markdown and HTML reports of the shipped examples are checked for an
ASCII ``:`` or ``,`` directly after a Chinese character or full-width punctuation. The sampling
notice of a database scan and the people-count notes of ``assess`` come from the message
catalog: Chinese in the reports people read, English in JSON whatever the language.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from builders import database_manifest
from typer.testing import CliRunner

from dataflow.cli import app

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLES = ROOT / "examples"

# A CJK ideograph or full-width punctuation, then an ASCII colon, comma or semicolon.
_ASCII_AFTER_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef][:,;]")


def _ascii_after_cjk(text: str) -> list[str]:
    return [text[max(0, m.start() - 20) : m.end()] for m in _ASCII_AFTER_CJK.finditer(text)]


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_zh_scan_of_the_examples_uses_chinese_punctuation(fmt: str) -> None:
    text = _run("scan", str(EXAMPLES), "--format", fmt, "--lang", "zh")
    assert "类别" in text or "个人信息" in text  # it is the Chinese report
    assert _ascii_after_cjk(text) == []


@pytest.mark.parametrize("fmt", ["table", "markdown", "html", "pipia"])
def test_zh_assess_of_the_examples_uses_chinese_punctuation(fmt: str) -> None:
    manifests = [EXAMPLES / "transfer.yaml", *sorted((EXAMPLES / "transfers").glob("*.yaml"))]
    text = _run("assess", *map(str, manifests), "--format", fmt, "--lang", "zh")
    assert "出境" in text
    assert _ascii_after_cjk(text) == []


def test_the_checker_finds_ascii_punctuation_after_chinese() -> None:
    assert _ascii_after_cjk("理由:\n数据集: customers") == ["理由:", "理由:\n数据集:"]
    assert _ascii_after_cjk("理由：\nwhy: x, y") == []


def test_zh_category_line_names_categories_the_chinese_way() -> None:
    text = _run("scan", str(EXAMPLES / "schemas" / "shop_mysql.sql"), "--lang", "zh")
    line = next(x for x in text.splitlines() if x.strip().startswith("类别："))
    assert "pi.contact（" in line and "）、pi." in line
    english = _run("scan", str(EXAMPLES / "schemas" / "shop_mysql.sql"), "--lang", "en")
    line = next(x for x in english.splitlines() if x.strip().startswith("categories: "))
    assert "pi.contact (" in line and "), pi." in line


@pytest.fixture()
def shop_db(tmp_path: Path) -> Path:
    path = tmp_path / "shop.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE members (id INTEGER PRIMARY KEY, mobile TEXT, nickname TEXT)")
        conn.executemany(
            "INSERT INTO members (id, mobile, nickname) VALUES (?, ?, ?)",
            [(i, f"1380013{i:04d}", f"n{i}") for i in range(1, 41)],
        )
    return path


def test_database_sampling_notice_in_both_languages(shop_db: Path) -> None:
    url = f"sqlite:///{shop_db}"
    zh = {fmt: _run("scan", url, "--format", fmt, "--lang", "zh") for fmt in ("table", "markdown")}
    html = _run("scan", url, "--format", "html", "--lang", "zh")
    for text in (*zh.values(), html):
        assert "members：抽样 40 行，方式：前若干行（LIMIT）（sqlite:///" in text
        assert "sampled" not in text
    en = _run("scan", url, "--lang", "en")
    assert "members: sampled 40 row(s) by" in en
    report = json.loads(_run("scan", url, "--format", "json", "--lang", "zh"))
    assert any(n.startswith("members: sampled 40 row(s) by") for n in report["notices"])
    for text in (*zh.values(), html, en, json.dumps(report)):
        assert "13800130001" not in text  # the values stay in the database


def test_people_count_notes_in_both_languages(shop_db: Path, tmp_path: Path) -> None:
    manifest = database_manifest(
        tmp_path,
        f"{{source: 'sqlite:///{shop_db}', table: members, subjects: {{count_distinct: id}}}}",
    )
    zh = CliRunner().invoke(app, ["assess", str(manifest), "--lang", "zh"])
    assert zh.exit_code == 0, zh.stderr
    assert "transfer.datasets[0]：在 sqlite:///" in zh.stderr
    assert "中统计人数：SELECT COUNT(*) FROM (SELECT DISTINCT id FROM members" in zh.stderr
    assert "people counted" not in zh.stderr
    en = CliRunner().invoke(app, ["assess", str(manifest), "--lang", "en"])
    assert "transfer.datasets[0]: people counted in sqlite:///" in en.stderr
    report = json.loads(
        CliRunner()
        .invoke(app, ["assess", str(manifest), "--format", "json", "--lang", "zh"])
        .stdout
    )
    notes = " ".join(report["notices"])
    assert "people counted in sqlite:///" in notes
