"""``--lang zh|en`` in the SARIF and Markdown reports.

Every human-readable piece follows the language: grade, mechanism, risk and Art. 28 group
labels (``dataflow.i18n``), element and category names (the catalog), ``model.Text`` fields.
Machine-readable parts (rule ids, levels, fingerprints, pointers) do not change with it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from builders import build_assess, build_scan

from dataflow import i18n
from dataflow.model import Grade, Text
from dataflow.report import markdown, sarif

CJK = re.compile(r"[\u4e00-\u9fff]")


class StubCatalog:
    """The ``dataflow.catalog.Catalog`` interface the renderers read (names fall back to ids)."""

    class _Element:
        def __init__(self, names: Text) -> None:
            self.names = names
            self.description = Text("Catalog description.", "目录说明。")
            self.references = ("GB/T 35273 Annex B",)

    def __init__(self) -> None:
        self.elements = {
            "pi.contact.mobile": self._Element(Text("Mobile number (catalog)", "手机号（目录）")),
        }

    def element_name(self, element_id: str, lang: str = "en") -> str:
        element = self.elements.get(element_id)
        return element.names.get(lang) if element else element_id

    def category_name(self, category_id: str, lang: str = "en") -> str:
        names = {"pi.contact": Text("Contacts (catalog)", "联系方式（目录）")}
        return names[category_id].get(lang) if category_id in names else category_id

    def grade_name(self, grade: Grade, lang: str) -> str:
        return Text(f"level {grade.label} (catalog)", f"{grade.label} 级（目录）").get(lang)


def _sarif(lang: str, catalog: Any = None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(sarif.render_assess(build_assess(), lang, catalog))
    return data


def test_sarif_zh_uses_chinese_labels() -> None:
    log = _sarif("zh")
    run = log["runs"][0]
    assert run["language"] == "zh-CN"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["pi.contact.mobile"]["shortDescription"]["text"] == "手机号码"
    assert "个人联系方式" in rules["pi.contact.mobile"]["fullDescription"]["text"]  # the catalog's
    assert "敏感个人信息" in rules["pi.identity.resident_id"]["fullDescription"]["text"]
    assert CJK.search(rules["pi.contact.mobile"]["help"]["text"])
    assert (
        i18n.mechanism_label("security_assessment", "zh")
        in (rules["transfer/security_assessment"]["shortDescription"]["text"])
    )
    messages = " ".join(r["message"]["text"] for r in run["results"])
    assert i18n.grade_label(Grade.GENERAL_4, "zh") in messages
    assert i18n.group_label("specific_identity", "zh") in messages
    assert i18n.risk_label("high", "zh") in messages
    assert "自 1 月 1 日起累计出境敏感个人信息" in messages  # Reason.text.zh


def test_sarif_en_has_no_chinese_labels() -> None:
    run = _sarif("en")["runs"][0]
    assert run["language"] == "en-US"
    texts = [r["shortDescription"]["text"] for r in run["tool"]["driver"]["rules"]]
    texts += [r["fullDescription"]["text"] for r in run["tool"]["driver"]["rules"]]
    for text in texts:
        assert not CJK.search(text), text
    messages = " ".join(r["message"]["text"] for r in run["results"])
    assert "CAC security assessment" in messages
    assert "数据出境安全评估" not in messages


def test_sarif_machine_parts_do_not_depend_on_language() -> None:
    def skeleton(log: dict[str, Any]) -> list[tuple[Any, ...]]:
        return [
            (
                r["ruleId"],
                r["level"],
                json.dumps(r["partialFingerprints"]),
                json.dumps(r["locations"], sort_keys=True),
            )
            for r in log["runs"][0]["results"]
        ]

    en, zh = _sarif("en"), _sarif("zh")
    assert skeleton(en) == skeleton(zh)
    assert [r["id"] for r in en["runs"][0]["tool"]["driver"]["rules"]] == [
        r["id"] for r in zh["runs"][0]["tool"]["driver"]["rules"]
    ]


def test_markdown_zh_uses_chinese_labels_throughout() -> None:
    text = markdown.render_assess(build_assess(), "zh")
    assert text.startswith("## dataflow 出境评估报告")
    assert "**结论：**" in text
    for heading in ("### 发现", "#### 负面清单命中", "#### 义务", "#### 整改建议"):
        assert heading in text
    assert "#### 待人工确认的问题" in text
    assert "### 跳过的文件" in text
    assert i18n.mechanism_label("security_assessment", "zh") in text
    assert i18n.mechanism_label("standard_contract_or_certification", "zh") in text
    assert i18n.grade_label(Grade.GENERAL_4, "zh") in text
    assert "个人联系方式" in text and "居民身份证号码" in text
    # model.Text fields in Chinese
    for zh in (
        "开展个人信息保护影响评估",
        "接收方是否为关键信息基础设施运营者？",
        "去掉身份证号后可签标准合同",
    ):
        assert zh in text
    assert "CAC security assessment" not in text
    assert "Open questions" not in text


def test_markdown_en_uses_english_labels_throughout() -> None:
    text = markdown.render_assess(build_assess(), "en")
    assert "Carry out a PI protection impact assessment" in text
    assert "开展个人信息保护影响评估" not in text
    assert "数据出境安全评估" not in text
    # the only Chinese left is data from the fixture's masked name example
    assert set(CJK.findall(text)) <= {"林"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_catalog_names_win_over_the_built_in_ones(lang: str) -> None:
    catalog = StubCatalog()
    md = markdown.render_scan(build_scan(), lang, catalog)
    expected_element = Text("Mobile number (catalog)", "手机号（目录）").get(lang)
    expected_category = Text("Contacts (catalog)", "联系方式（目录）").get(lang)
    expected_grade = Text("level general-3 (catalog)", "general-3 级（目录）").get(lang)
    assert expected_element in md and expected_category in md and expected_grade in md
    log = json.loads(sarif.render_scan(build_scan(), lang, catalog))
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["pi.contact.mobile"]["shortDescription"]["text"] == expected_element
    full = rules["pi.contact.mobile"]["fullDescription"]["text"]
    assert Text("Catalog description.", "目录说明。").get(lang) in full
    assert "GB/T 35273 Annex B" in full
    # a category the catalog does not know takes its name from the shipped catalog
    assert Text("Identity information", "个人身份信息").get(lang) in md


def test_labels_fall_back_to_the_id_for_unknown_ids() -> None:
    labels = sarif.Labels("zh")
    assert labels.element("acme.custom.loyalty_id") == "acme.custom.loyalty_id"
    assert labels.category("acme.custom") == "acme.custom"
    assert labels.element(None) == "-"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_shipped_catalog_names_reach_both_formats(lang: str) -> None:
    catalog_module = pytest.importorskip("dataflow.catalog")
    catalog = catalog_module.load_catalog()
    md = markdown.render_scan(build_scan(), lang, catalog)
    log = json.loads(sarif.render_scan(build_scan(), lang, catalog))
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    for element_id in ("pi.contact.mobile", "pi.identity.resident_id"):
        name = catalog.element_name(element_id, lang)
        assert name != element_id
        assert rules[element_id]["shortDescription"]["text"] == name
        assert name in md
    assert catalog.category_name("pi.contact", lang) in md
    assert catalog.grade_name(Grade.GENERAL_4, lang) in md
    if lang == "zh":
        assert CJK.search(rules["pi.contact.mobile"]["shortDescription"]["text"])


@pytest.mark.parametrize(("locale", "expected"), [("zh_CN.UTF-8", "zh"), ("en_US.UTF-8", "en")])
def test_language_defaults_to_the_locale(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, locale: str, expected: str
) -> None:
    from typer.testing import CliRunner

    from dataflow.cli import app

    schema = tmp_path / "t.sql"
    schema.write_text("CREATE TABLE t (sjhm VARCHAR(20) COMMENT '手机号码');\n", encoding="utf-8")
    monkeypatch.setenv("LANG", locale)
    result = CliRunner().invoke(app, ["scan", str(schema), "--no-content"])
    assert result.exit_code == 0, result.output
    assert ("手机号码" in result.stdout and "敏感" in result.stdout) is (expected == "zh")
    # an explicit --lang wins over the locale
    result = CliRunner().invoke(app, ["scan", str(schema), "--no-content", "--lang", "en"])
    assert "敏感" not in result.stdout
