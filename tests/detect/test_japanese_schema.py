"""One test decides whether a dataset is a Japanese schema, for the rules that read comments
and for the learned scorer alike."""

from __future__ import annotations

from pathlib import Path

from dataflow.detect.learned import field_features
from dataflow.detect.metadata.commented import comment_names
from dataflow.detect.metadata.scripts import has_kana, japanese_schema
from dataflow.scan import ScanOptions, scan_paths

#: a Japanese customer master whose table comment gives the Korean name beside the Japanese
#: one (schemas of products sold in both markets do); its column comments are kanji alone
SCHEMA = """
CREATE TABLE kokyaku (
  kokyaku_id int PRIMARY KEY COMMENT 'ID',
  col_a varchar(50) COMMENT '氏名',
  col_b varchar(20) COMMENT '電話番号'
) COMMENT='顧客マスタ / 고객 마스터';
"""


def _dataset(tmp_path: Path):
    (tmp_path / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False, learned=False))
    (found,) = result.datasets
    return found.dataset


def test_rules_and_scorer_read_a_bilingual_japanese_schema_alike(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path)
    assert japanese_schema([dataset.comment, *(f.comment for f in dataset.fields)])
    # the rules read the kanji comments as Japanese words
    named = {f.name: n for f, n in comment_names(dataset).items()}
    assert named.get("col_a") == "full_name"
    # and the scorer reads them as Japanese too (j-marked characters), not as Chinese
    col_a = next(f for f in dataset.fields if f.name == "col_a")
    feats = field_features(col_a, dataset, None)
    assert any("j1=氏" in f for f in feats), feats
    assert not any(f.endswith("1=氏") and "j1=" not in f for f in feats)


def test_kana_includes_the_small_katakana_extensions() -> None:
    """The phonetic extensions (ㇰ…ㇿ, small katakana) are kana wherever kana is asked for."""
    assert has_kana("ㇷ")
    assert japanese_schema([None, "", "カㇷ゚"])
    assert not japanese_schema([None, "客户", "고객"])
