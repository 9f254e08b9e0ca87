"""Pinyin spellings of the catalogs' Chinese field words (catalogs/data/pinyin_words.yaml, built
by bench/build_pinyin_words.py) and long all-pinyin column names read at syllable boundaries: a
schema in full pinyin without comments (a diabetes clinic's record) is read as the same words in
Chinese would be."""

from __future__ import annotations

from pathlib import Path

from builders import assert_generated_up_to_date

from dataflow.catalog import load_catalog
from dataflow.detect.metadata.words import pinyin_parts
from dataflow.model import FieldFinding
from dataflow.scan import ScanOptions, scan_paths
from dataflow.subject.rules import rules_for

ROOT = Path(__file__).resolve().parents[2]

Verdicts = dict[str, dict[str, FieldFinding]]


def _scan(tmp_path: Path, text: str) -> tuple[Verdicts, dict[str, str]]:
    (tmp_path / "schema.sql").write_text(text, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    verdicts: Verdicts = {}
    kinds: dict[str, str] = {}
    for result in report.datasets:
        name = result.dataset.name
        verdicts[name] = {f.field.name: f for f in result.findings}
        assert result.subject is not None
        kinds[name] = result.subject.kind
    return verdicts, kinds


def test_generated_spellings_are_keywords_of_the_words_elements() -> None:
    catalog = load_catalog()
    families = {f.id: f for f in catalog.families}
    # 空腹血糖 (health.examination) and 教育经历 (education) are spelt only by the generator
    assert "kongfuxuetang" in families["health.examination"].words.pinyin
    assert "kongfuxuetang" not in families["health.examination"].words.en
    assert "jiaoyujingli" in catalog.elements["pi.education_work.education"].keywords.pinyin
    # a homophone of words of two elements (任职 work, 认知 mental state) is spelt for neither
    assert not any("renzhi" in f.words.pinyin for f in catalog.families)
    assert not any("renzhi" in e.keywords.pinyin for e in catalog.elements.values())


def test_generated_file_is_up_to_date() -> None:
    assert_generated_up_to_date("build_pinyin_words.py", "pypinyin")


def test_parts_of_an_all_pinyin_token_at_syllable_boundaries() -> None:
    syllables = rules_for(load_catalog()).syllables
    parts = pinyin_parts("tangniaobingbingshi", syllables)
    assert "tangniaobing" in parts and "bingshi" in parts
    assert "tangniaobingbingshi" not in parts  # the whole token is matched as it is
    assert "gniaob" not in parts  # not across a syllable
    assert pinyin_parts("birthday", syllables) == ()  # not pinyin from end to end
    assert pinyin_parts("xueya", syllables) == ()  # nothing shorter than five letters inside


DIABETES_RECORD = """
CREATE TABLE patient (user_id int, user_name varchar(20), user_phone varchar(20));
CREATE TABLE chapter2 (id int, tangniaobingbingshi varchar(100), hebingqitajibing varchar(100),
  guominshi varchar(100), jiazushi varchar(100), kongfu_xuetang decimal(5,2));
CREATE TABLE chapter3 (id int, kaishixiyannianling int, xiyanliang int, yinjiuliang int,
  zhouyundongliangzuijin int);
CREATE TABLE jilu (id int, kongfuXuetang decimal(5,2), zuigaoxueli varchar(20));
"""


def test_full_pinyin_record_without_comments(tmp_path: Path) -> None:
    verdicts, kinds = _scan(tmp_path, DIABETES_RECORD)
    # tables named for nothing whose columns are several health words: a person's health record
    assert kinds["chapter2"] == "person_linked"
    assert kinds["chapter3"] == "person_linked"
    for table, columns in (
        ("chapter2", ("tangniaobingbingshi", "hebingqitajibing", "kongfu_xuetang")),
        ("chapter3", ("kaishixiyannianling", "xiyanliang", "zhouyundongliangzuijin")),
    ):
        for column in columns:
            finding = verdicts[table][column]
            assert finding.personal and finding.sensitive, (table, column, finding.element)
            assert finding.category == "pi.health", (table, column, finding.element)


DRUG_LISTS = """
CREATE TABLE medications (medication_id int, medication_name varchar(50), dosage varchar(20),
  frequency varchar(20), duration varchar(20));
CREATE TABLE xiangmu (id int, name varchar(50), price decimal(8,2), discount decimal(8,2),
  shop varchar(50), office varchar(50), remark varchar(200), kongfuxuetang varchar(20),
  tangniaobing varchar(20), xueya varchar(20), url varchar(200), sort int, status int,
  create_time datetime, update_time datetime, creator varchar(20), updater varchar(20));
"""


def test_health_words_on_a_named_list_or_among_many_columns_are_no_record(tmp_path: Path) -> None:
    _verdicts, kinds = _scan(tmp_path, DRUG_LISTS)
    assert kinds["medications"] != "person_linked"  # its name says what its rows are: drugs
    assert kinds["xiangmu"] != "person_linked"  # three health words among seventeen columns
