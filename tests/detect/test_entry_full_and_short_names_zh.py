"""The full or short name of an entry (全称, 简称) is a thing's: a code list of marital statuses
or a table of districts, each with `abbr_name` '简称' and `full_name` '全称', holds no one's name
and is no table of people. Chinese calls a person's name 姓名, so '客户姓名全称' stays a person's
name. Excerpt of a public MySQL schema of a mortgage micro-loan intake system."""

from __future__ import annotations

from pathlib import Path

from builders import scan_tables

SCHEMA = """
CREATE TABLE `bms_marital_status` (
  `id` int(12) NOT NULL AUTO_INCREMENT comment'数据主键',
  `code` varchar(2) NOT NULL unique comment'编号',
  `abbr_name` varchar(20) NOT NULL comment'简称',
  `full_name` varchar(20) NOT NULL comment'全称',
  PRIMARY KEY (`id`),
  INDEX (`code`)
)ENGINE=InnoDB  DEFAULT CHARSET=utf8;
CREATE TABLE `bms_district` (
  `id` int(12) NOT NULL AUTO_INCREMENT comment'数据主键',
  `code` varchar(8) NOT NULL unique comment'编号',
  `city_code` varchar(8) NOT NULL  comment'城市编号',
  `abbr_name` varchar(20) NOT NULL comment'简称',
  `full_name` varchar(20) NOT NULL comment'全称',
  `order_by_no` int(10) comment'排序号',
  PRIMARY KEY (`id`)
)ENGINE=InnoDB  DEFAULT CHARSET=utf8;
CREATE TABLE `bms_loan_customer` (
  `id` int(12) NOT NULL AUTO_INCREMENT comment'数据主键',
  `full_name` varchar(20) NOT NULL comment'客户姓名全称',
  `mobile` varchar(11) NOT NULL comment'手机号',
  PRIMARY KEY (`id`)
)ENGINE=InnoDB  DEFAULT CHARSET=utf8;
"""


def test_full_and_short_names_of_entries_are_no_ones(tmp_path: Path) -> None:
    tables = scan_tables(tmp_path, SCHEMA)
    for table in ("bms_marital_status", "bms_district"):
        for column in ("abbr_name", "full_name"):
            assert not tables[table][column].personal, (table, column)
        assert tables[table]["subject"].kind != "person", table


def test_a_persons_full_name_stays_a_name(tmp_path: Path) -> None:
    customer = scan_tables(tmp_path, SCHEMA)["bms_loan_customer"]
    assert customer["full_name"].element == "pi.identity.name"
