"""An elderly home-care system (居家养老) whose people are called 服务对象 (the persons served) and
whose columns are whole pinyin words the comments explain."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

# Shortened from a public home-care system's schema (MySQL).
CARE = """
CREATE TABLE `server_object_details` (
  `id` int(11) unsigned NOT NULL AUTO_INCREMENT COMMENT '主键id',
  `oid` int(11) NOT NULL,
  `minzu` varchar(31) NOT NULL DEFAULT '' COMMENT '民族',
  `zongjia` varchar(31) NOT NULL DEFAULT '' COMMENT '宗教',
  `xuexing` varchar(31) NOT NULL DEFAULT '' COMMENT '血型',
  `zhuangkuang` varchar(31) NOT NULL DEFAULT '' COMMENT '身体状况',
  `jingji` varchar(31) NOT NULL DEFAULT '' COMMENT '经济来源',
  PRIMARY KEY (`id`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8 COMMENT='服务对象信息详情';
CREATE TABLE `server_object_group` (
  `id` int(11) unsigned NOT NULL AUTO_INCREMENT COMMENT '主键ID',
  `name` varchar(31) NOT NULL COMMENT '名称',
  `details` varchar(100) NOT NULL DEFAULT '' COMMENT '描述',
  PRIMARY KEY (`id`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8 COMMENT='服务对象分组';
"""


def test_the_details_of_a_person_served_are_theirs(tmp_path: Path) -> None:
    """服务对象信息详情: the details of the person the service is for; their religion and blood
    type are sensitive (GB/T 35273 Annex B), their ethnicity personal."""
    table = scan_files(tmp_path, {"care.sql": CARE})["server_object_details"]
    assert table.subject.kind in ("person", "person_linked")
    found = {f.field.name: f for f in table.findings}
    for column in ("zongjia", "xuexing"):
        assert found[column].sensitive, column
    assert found["minzu"].personal


def test_groups_of_people_served_are_no_persons_row(tmp_path: Path) -> None:
    """服务对象分组 `server_object_group`: the groups the people are put in (a name, a
    description), not one of them."""
    table = scan_files(tmp_path, {"care.sql": CARE})["server_object_group"]
    assert table.subject.kind not in ("person", "person_linked")
    assert not [f.field.name for f in table.findings if f.personal]
