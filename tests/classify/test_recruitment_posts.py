"""A headhunting system's `profession` table (职位: a company's opening, its salary range,
required education and experience) is the organisation's posts, not a person's work history;
the table matching a talent to a post (`talent_profession.talent_id`) stays the talent's."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

RECRUITING = """
CREATE TABLE `talent` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT COMMENT 'ID',
  `name` varchar(50) COMMENT '姓名',
  `phone` varchar(20) COMMENT '手机号',
  `education` varchar(20) COMMENT '学历',
  PRIMARY KEY (`id`)
) COMMENT='人才';
CREATE TABLE `profession` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT COMMENT '自增长ID',
  `company_id` bigint(20) NOT NULL COMMENT '公司ID',
  `company_name` varchar(100) NOT NULL COMMENT '公司名称',
  `name` varchar(100) NOT NULL COMMENT '职位名称',
  `education` varchar(100) NOT NULL COMMENT '学历要求',
  `experience` varchar(100) NOT NULL COMMENT '工作经验',
  `compensation` varchar(100) NOT NULL COMMENT '薪资',
  PRIMARY KEY (`id`)
) COMMENT='职位';
CREATE TABLE `talent_profession` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT COMMENT '自增ID',
  `talent_id` bigint(20) COMMENT '人才ID',
  `profession_id` bigint(20) COMMENT '职位ID',
  PRIMARY KEY (`id`)
);
"""


def test_an_opening_is_the_organisations_post(tmp_path: Path) -> None:
    posts = _scan(tmp_path, {"all.sql": RECRUITING})["profession"]
    assert posts.subject.kind == "organisation"
    for column in ("name", "education", "experience", "compensation"):
        assert not _finding(posts, column).personal, column


def test_a_talent_matched_to_a_post_stays_the_talents(tmp_path: Path) -> None:
    matched = _scan(tmp_path, {"all.sql": RECRUITING})["talent_profession"]
    assert matched.subject.kind == "person_linked"
