"""Chinese comments naming the name of a thing: '类别名称' is 类别 + 名称 (a category's name), not
别名 (a person's alias) read across the two words, and '角色名字', '触发器的名字', '菜单名字' name a
role, a trigger and a menu, not a person, while '检验医生名字', '领工资的人的名字' and '真实名字'
stay a person's name. Excerpts of public MySQL schemas (a hospital information system, an
office system, a Quartz scheduler's tables)."""

from __future__ import annotations

from pathlib import Path

from builders import scan_tables

SCHEMA = """
CREATE TABLE `constanttype` (
  `id` int(11) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `ConstantTypeCode` varchar(64) NOT NULL COMMENT '常数类别编码',
  `ConstantTypeName` varchar(64) NOT NULL COMMENT '常数类别名称',
  `DelMark` int(11) NOT NULL DEFAULT '1' COMMENT '删除标记',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='常数类别';
CREATE TABLE `t_role` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `role_name` varchar(255) DEFAULT NULL COMMENT '角色名字',
  `remark` varchar(255) DEFAULT NULL COMMENT '备注',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE `qrtz_triggers` (
  `sched_name` varchar(120) NOT NULL COMMENT '调度名称',
  `trigger_name` varchar(200) NOT NULL COMMENT '触发器的名字',
  `trigger_group` varchar(200) NOT NULL COMMENT '触发器所属组的名字',
  PRIMARY KEY (`sched_name`,`trigger_name`,`trigger_group`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE `lp_menu` (
  `lp_menu_id` int(11) NOT NULL AUTO_INCREMENT,
  `lp_menu_name` varchar(255) DEFAULT NULL COMMENT '菜单名字',
  PRIMARY KEY (`lp_menu_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE `lis_report` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `check_doctor` varchar(20) DEFAULT NULL COMMENT '检验医生名字',
  `real_name` varchar(20) DEFAULT NULL COMMENT '真实名字',
  `payee` varchar(20) DEFAULT NULL COMMENT '领工资的人的名字',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
"""


def test_a_category_name_is_not_an_alias(tmp_path: Path) -> None:
    tables = scan_tables(tmp_path, SCHEMA)
    assert not tables["constanttype"]["ConstantTypeName"].personal


def test_the_name_of_a_thing_is_no_ones_name(tmp_path: Path) -> None:
    tables = scan_tables(tmp_path, SCHEMA)
    assert not tables["t_role"]["role_name"].personal
    assert not tables["qrtz_triggers"]["trigger_name"].personal
    assert not tables["qrtz_triggers"]["trigger_group"].personal
    assert not tables["lp_menu"]["lp_menu_name"].personal


def test_a_persons_name_stays_a_name(tmp_path: Path) -> None:
    tables = scan_tables(tmp_path, SCHEMA)
    for column in ("check_doctor", "real_name", "payee"):
        assert tables["lis_report"][column].element == "pi.identity.name", column
