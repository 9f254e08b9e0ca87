"""A word that only marks a name as a table's (`tb_`, `dr_tb_`) says nothing of its topic."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

REQUESTS = """
CREATE TABLE `dr_tb_requirement` (
  `id` int(11) NOT NULL,
  `submit_user` int(11) NOT NULL COMMENT '提交人',
  `title` varchar(250) NOT NULL COMMENT '需求标题',
  `type` varchar(1) NOT NULL COMMENT '需求类型',
  `attachment_1` varchar(250) NOT NULL COMMENT '附件1',
  `handling_type` varchar(1) NOT NULL COMMENT '处理类型',
  `handling_user` varchar(45) NOT NULL COMMENT '处理人',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='需求申请';
"""


def test_a_tb_prefix_is_not_tuberculosis(tmp_path: Path) -> None:
    """`tb` in `dr_tb_requirement` marks a table, not an illness: a request a user files is not
    their record of care, so its title, type and attachments are not health information."""
    table = _scan(tmp_path, {"req.sql": REQUESTS})["dr_tb_requirement"]
    for column in ("title", "type", "attachment_1", "handling_type", "submit_user"):
        assert not _finding(table, column).sensitive, column
