"""A table that no column links to a person but whose own columns are mostly health information
(a case's chief complaint, present illness and past history) is a record of someone's care,
also when its name is on another topic (`case`): its physical examination and advice are that
health record too. A table named on a health topic (articles on mental health) is not."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

CASES = """
CREATE TABLE `case` (
  `id` int NOT NULL AUTO_INCREMENT,
  `zhushu` varchar(255) COMMENT '主诉',
  `xianbingshi` varchar(255) COMMENT '现病史',
  `jiwangshi` varchar(255) COMMENT '既往史',
  `guominshi` varchar(255) COMMENT '过敏史',
  `tigejiancha` varchar(255) COMMENT '体格检查',
  `jianchajianyi` varchar(255) COMMENT '检查建议',
  `register_id` int COMMENT '挂号id',
  PRIMARY KEY (`id`));
CREATE TABLE `xinlijiankang` (
  `id` int NOT NULL AUTO_INCREMENT,
  `title` varchar(255) COMMENT '标题',
  `xinlijiankang_types` int COMMENT '心理健康类型',
  `content` text COMMENT '内容',
  `zan_number` int COMMENT '赞',
  PRIMARY KEY (`id`)) COMMENT='心理健康';
"""


def test_a_case_of_health_columns_is_a_health_record(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"schema.sql": CASES})
    case = {f.field.name: f for f in by_name["case"].findings}
    for name in ("tigejiancha", "jianchajianyi"):
        assert case[name].personal and case[name].sensitive, name
        assert (case[name].element or "").startswith("pi.health."), name
    articles = {f.field.name: f for f in by_name["xinlijiankang"].findings}
    assert not articles["zan_number"].personal
    assert not articles["content"].sensitive
