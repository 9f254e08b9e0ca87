"""The sentences of law in ``catalogs/legal_texts.yaml``: every id the code asks for exists with
its law, source and effective date, and a broken file names every problem with its line."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dataflow.errors import ConfigError
from dataflow.legal_texts import legal_text, load_legal_texts
from dataflow.paths import catalogs_dir
from dataflow.yamlio import load_yaml

PACKAGE = Path(__file__).resolve().parent.parent.parent / "dataflow"


def test_every_id_the_code_uses_is_shipped_with_its_source() -> None:
    used = {
        m.group(1)
        for path in PACKAGE.rglob("*.py")
        for m in re.finditer(r'legal_text\("([a-z_]+)"\)', path.read_text(encoding="utf-8"))
    }
    assert used >= {"important_data_candidate", "deidentified_still_personal"}
    for text_id in sorted(used):
        entry = legal_text(text_id)
        assert entry.id == text_id
        assert re.search(r"Art\. \d+", entry.law)
        assert entry.source.startswith("http")
        assert dt.date(2000, 1, 1) < entry.effective < dt.date(2100, 1, 1)
        # the English and Chinese take the same placeholders
        en = set(re.findall(r"\{(\w+)\}", entry.text.en))
        assert en == set(re.findall(r"\{(\w+)\}", entry.text.zh))


def test_the_important_data_rule_allows_only_an_assessment_or_a_ban() -> None:
    rule = legal_text("important_data_mechanisms")
    assert set(rule.mechanisms) == {"security_assessment", "prohibited"}
    assert "NDSMR Art. 37" in rule.text.en
    assert "第三十七条" in rule.text.zh


def test_shipped_file_loads_without_problems() -> None:
    doc = load_yaml(catalogs_dir() / "legal_texts.yaml", error_cls=ConfigError)
    assert len(load_legal_texts(doc)) >= 3


def test_a_broken_file_names_every_problem_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "legal_texts.yaml"
    path.write_text(
        "schema_version: 1\n"
        "texts:\n"
        "  - id: a\n"  # line 3
        "    law: PIPL Art. 73\n"
        "    source: https://example.org\n"
        "    effective: soon\n"  # line 6: not a date
        "    text: {en: only English}\n"  # line 7: no zh
        "  - id: a\n"  # line 8: id used twice
        "    law: PIPL Art. 4\n"
        "    source: https://example.org\n"
        "    effective: 2021-11-01\n"
        "    text: {en: x, zh: y}\n"
        "    colour: red\n",  # line 13: unknown key
        encoding="utf-8",
    )
    doc = load_yaml(path, error_cls=ConfigError)
    with pytest.raises(ConfigError) as caught:
        load_legal_texts(doc)
    lines = caught.value.render().splitlines()
    assert len(lines) == 4  # every problem, one line each: file:line: key path: message
    assert any(line.startswith(f"{path}:6: texts[0].effective: ") for line in lines)
    assert f"{path}:7: texts[0].text: expected a mapping with en and zh" in lines
    assert f"{path}:8: texts[1].id: id 'a' is used twice" in lines
    assert any(line.startswith(f"{path}:13: texts[1].colour: unknown key") for line in lines)
    zh = caught.value.render("zh").splitlines()
    assert f"{path}:8: texts[1].id: id 'a' 重复使用" in zh  # and in Chinese
