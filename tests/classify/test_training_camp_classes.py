"""A sports training camp's schema (MySQL, English names, Chinese comments): the camp is an
organisation, not the member who set it up; its classes and lessons are things it offers, linked
to staff, so their weekday, place and plan are no one's. The name of a coach or teacher copied
onto such a row beside the key to that person is still that person's name."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

SCHEMA = """
CREATE TABLE `member`(
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `member` varchar(60) NOT NULL COMMENT '用户名',
  `telephone` varchar(20) NOT NULL COMMENT '电话',
  `realname` varchar(60) NOT NULL COMMENT '真实姓名',
  PRIMARY KEY (`id`));
CREATE TABLE `coach`(
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `member_id` int(10) NOT NULL COMMENT 'member表id',
  `coach_level` int(10) NOT NULL COMMENT '教练等级',
  PRIMARY KEY (`id`));
CREATE TABLE `camp`(
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `camp_name` varchar(60) NOT NULL,
  `member_id` int(10) NOT NULL COMMENT 'member表id',
  `max_member` int(10) NOT NULL DEFAULT 0 COMMENT '最大会员上限,0不限',
  PRIMARY KEY (`id`));
CREATE TABLE `grade`(
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `grade` varchar(60) NOT NULL COMMENT '班级名称',
  `camp_id` int(10) NOT NULL COMMENT '训练营id',
  `camp` varchar(60) NOT NULL COMMENT '所属训练营',
  `teacher` varchar(60) NOT NULL COMMENT '班主任',
  `teacher_id` int(10) NOT NULL COMMENT '对应member表id',
  `coach` varchar(255) NOT NULL COMMENT '主教练',
  `coach_id` int(10) NOT NULL COMMENT 'id',
  `week` varchar(60) NOT NULL COMMENT '周一/周六',
  `city` varchar(60) NOT NULL COMMENT '默认为课程地址',
  `plan` varchar(255) NOT NULL COMMENT '教案',
  PRIMARY KEY (`id`));
"""


def _scan(tmp_path: Path) -> dict[str, object]:
    (tmp_path / "camp.sql").write_text(SCHEMA, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: r for r in report.datasets}


def test_a_training_camp_is_an_organisation(tmp_path: Path) -> None:
    camp = _scan(tmp_path)["camp"]
    assert camp.subject.kind == "organisation"  # type: ignore[attr-defined]
    fields = {f.field.name: f for f in camp.findings}  # type: ignore[attr-defined]
    assert not fields["camp_name"].personal
    assert not fields["max_member"].personal


def test_a_class_of_a_camp_is_no_ones_but_its_coachs_name_is_personal(tmp_path: Path) -> None:
    grade = _scan(tmp_path)["grade"]
    assert grade.subject.kind == "reference"  # type: ignore[attr-defined]
    fields = {f.field.name: f for f in grade.findings}  # type: ignore[attr-defined]
    for column in ("grade", "camp", "week", "city", "plan"):
        assert not fields[column].personal, column
    for column in ("teacher", "coach"):
        assert fields[column].element == "pi.identity.name", column
