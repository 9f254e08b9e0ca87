"""Grid management (网格化管理): a community's register of residents with the flags of people
under or after a sentence, and the grid workers who keep it."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

# The shape of a grid-management system's population register and its workers (pinyin
# initials with comments, as such systems write them).
GRID = """
CREATE TABLE `t_syrk` (
  `id` bigint NOT NULL AUTO_INCREMENT COMMENT '主键',
  `wgbh` varchar(32) COMMENT '网格编号',
  `xm` varchar(32) COMMENT '姓名',
  `sfzh` varchar(18) COMMENT '身份证号',
  `sqjz` tinyint COMMENT '是否社区矫正人员',
  `xmsf` tinyint COMMENT '是否刑满释放人员',
  `ldh` varchar(16) COMMENT '楼栋号',
  PRIMARY KEY (`id`)
) COMMENT='网格实有人口信息';
CREATE TABLE `t_wgy` (
  `id` bigint NOT NULL AUTO_INCREMENT COMMENT '主键',
  `xm` varchar(32) COMMENT '姓名',
  `lxdh` varchar(11) COMMENT '手机号',
  `wgbh` varchar(32) COMMENT '负责网格',
  PRIMARY KEY (`id`)
) COMMENT='网格员信息';
"""


def test_a_sentence_served_in_the_community_is_a_criminal_record(tmp_path: Path) -> None:
    """社区矫正 (a sentence served in the community) and 刑满释放 (released from prison) flags of
    a resident are criminal records (GB/T 35273 Annex B 违法犯罪记录): sensitive, not a
    community (社区) or another attribute."""
    register = _scan(tmp_path, {"grid.sql": GRID})["t_syrk"]
    for column in ("sqjz", "xmsf"):
        finding = _finding(register, column)
        assert finding.sensitive, column
        assert finding.element == "pi.other.criminal_record", column
    assert not _finding(register, "ldh").sensitive


def test_grid_workers_are_staff(tmp_path: Path) -> None:
    """网格员 (a grid worker) names the community's staff: their table is about people."""
    workers = _scan(tmp_path, {"grid.sql": GRID})["t_wgy"]
    assert workers.subject.kind == "person"
    assert workers.subject.role == "employee"
