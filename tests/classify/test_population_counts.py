"""A table of population figures (`base_people_num` '基础人口基数信息': people, patients of a
disease and elderly residents counted per region and year) reports on groups: its counts are
no one's key and its columns no one's attributes."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

FIGURES = """
CREATE TABLE `base_people_num` (
  `id` varchar(50) NOT NULL DEFAULT '' COMMENT '主键',
  `city_code` varchar(50) DEFAULT NULL COMMENT '所属市代码',
  `name` varchar(200) DEFAULT NULL COMMENT '所属具体名称',
  `num` int(10) DEFAULT NULL COMMENT '人口数',
  `year` int(10) DEFAULT NULL COMMENT '年份',
  `tnb_num` int(10) DEFAULT '0' COMMENT '糖尿病发病数',
  `old_task_num` int(10) DEFAULT '0' COMMENT '65岁以上老年人口任务数',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB COMMENT='基础人口基数信息';
CREATE TABLE `base_patient` (
  `id` varchar(50) NOT NULL COMMENT '主键',
  `name` varchar(50) DEFAULT NULL COMMENT '姓名',
  `idcard` varchar(20) DEFAULT NULL COMMENT '身份证号',
  `disease` varchar(50) DEFAULT NULL COMMENT '慢病类型',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB COMMENT='居民信息';
"""


def test_population_figures_are_no_ones_record(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"init.sql": FIGURES})
    figures = results["base_people_num"]
    assert figures.subject.kind not in ("person", "person_linked")
    for column in ("city_code", "name", "num", "year", "tnb_num", "old_task_num"):
        assert not _finding(figures, column).personal, column
    patient = results["base_patient"]
    for column in ("name", "idcard", "disease"):
        assert _finding(patient, column).personal, column


HOUSEHOLDS = """
create table ym_family
(
    id int auto_increment primary key comment '主键',
    jtbh varchar(20) comment '家庭编号',
    hzxm varchar(20) comment '户主姓名',
    sfzh varchar(20) comment '身份证号'
);
create table ym_income_sum
(
    id int auto_increment primary key comment '主键',
    jtbh varchar(20) comment '家庭编号，对应家庭表',
    rks varchar(5) comment '人口数',
    sum_salary varchar(20) comment '工资收入综合'
);
"""


def test_a_households_size_keeps_its_income_the_households(tmp_path: Path) -> None:
    """The size of one household (人口数 beside its key) is no population figure."""
    results = _scan(tmp_path, {"db.sql": HOUSEHOLDS})
    income = results["ym_income_sum"]
    assert income.subject.kind == "person_linked"
    assert _finding(income, "sum_salary").personal


def test_a_persons_number_is_no_count_of_people(tmp_path: Path) -> None:
    """`applicants_id_number` holds one applicant's ID number; `patients_count` counts patients."""
    ddl = """
    CREATE TABLE applicants_id_number (id int, applicant_id int, value varchar(40));
    CREATE TABLE patients_count (id int, ward varchar(20), total int, year int);
    """
    results = _scan(tmp_path, {"kyc.sql": ddl})
    assert results["applicants_id_number"].subject.kind != "organisation"
    assert results["patients_count"].subject.kind == "organisation"
