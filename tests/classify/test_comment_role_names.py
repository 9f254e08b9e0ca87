"""A text column whose Chinese comment ends in a person's role (上课老师, 班主任, 项目经理) names
that person, however the column's own name is spelt: full pinyin (`banzhuren`), pinyin initials
(`xmjl`), or full pinyin with the initials of the role (`shangkels`, 上课 + ls 老师). Without a
comment, initials alone make no field personal (they collide), and a role word inside a longer
comment, or a question about a role, names no one (``SubjectRules.comment_role``)."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

from dataflow.catalog import load_catalog
from dataflow.subject.rules import rules_for

#: A language school's class list (it counts the places of a class, so its rows are groups),
#: a timetable line with nothing saying whom it is about, and a contract ledger's project.
SCHOOL = """
CREATE TABLE `stjy_bjxxb` (
  `id` int(11) NOT NULL AUTO_INCREMENT COMMENT 'id',
  `banjimc` varchar(255) DEFAULT NULL COMMENT '班级名称',
  `shangkels` varchar(255) DEFAULT NULL COMMENT '上课老师',
  `banzhuren` varchar(255) DEFAULT NULL COMMENT '班主任',
  `yuzhaors` int(11) DEFAULT NULL COMMENT '预招人数',
  PRIMARY KEY (`id`)
);
CREATE TABLE `stjy_kbmxb` (
  `id` int(11) NOT NULL AUTO_INCREMENT COMMENT 'id',
  `kecheng` varchar(255) DEFAULT NULL COMMENT '课程',
  `waijiaoxs` double(11,2) DEFAULT NULL COMMENT '外教小时',
  `waijiaols` varchar(255) DEFAULT NULL COMMENT '外教老师',
  `jslx` varchar(255) DEFAULT NULL COMMENT '是否外教老师',
  PRIMARY KEY (`id`)
);
CREATE TABLE `xm` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `xmmc` varchar(255) DEFAULT NULL COMMENT '项目名称',
  `xmjl` varchar(255) DEFAULT NULL COMMENT '项目经理',
  `jlyj` varchar(255) DEFAULT NULL COMMENT '经理审批意见',
  PRIMARY KEY (`id`)
);
CREATE TABLE `ht` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `htmc` varchar(255) DEFAULT NULL,
  `xmjl` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`)
);
"""


def test_a_comment_ending_in_a_role_names_that_person(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"school.sql": SCHOOL})
    for table, column in (
        ("stjy_bjxxb", "shangkels"),  # pinyin with the role's initials, on a class (a group)
        ("stjy_bjxxb", "banzhuren"),  # a post in full pinyin
        ("stjy_kbmxb", "waijiaols"),  # nothing else says whom the timetable line is about
        ("xm", "xmjl"),  # pinyin initials, read by the comment
    ):
        finding = _finding(results[table], column)
        assert finding.personal, (table, column)
        assert finding.element == "pi.identity.name", (table, column)
        assert any(ev.rule == "subject-person-column" for ev in finding.evidence), column


def test_initials_a_question_or_a_role_inside_a_comment_name_no_one(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"school.sql": SCHOOL})
    # the same initials with no comment: not enough
    assert not _finding(results["ht"], "xmjl").personal
    # a count of hours of a foreign teacher and a yes/no question are not the teacher
    assert not _finding(results["stjy_kbmxb"], "waijiaoxs").personal
    assert not _finding(results["stjy_kbmxb"], "jslx").personal
    # the manager's opinion is not the manager's name
    assert _finding(results["xm"], "jlyj").element != "pi.identity.name"


def test_comment_role_reads_the_last_word() -> None:
    rules = rules_for(load_catalog())
    assert rules.comment_role("上课老师") == ("老师", "employee")
    assert rules.comment_role("项目经理姓名") == ("经理", "employee")
    assert rules.comment_role("主治医生（1=主任,2=副主任）") is not None
    assert rules.comment_role("是否教师") is None
    assert rules.comment_role("经理审批意见") is None
    assert rules.comment_role("银行账户") is None  # an account, not a person
    assert rules.comment_role("会员卡") is None  # a card
    assert rules.comment_role("teacher") is None
