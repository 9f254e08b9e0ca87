"""A total whose comment says it is money (`need_total` '应还总额', the total due on a loan
instalment) is an amount of the person's loan, not a count left out as bookkeeping."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

REPAY = """
create table if not exists `tb_repay_plan` (
  `id` int(10) primary key auto_increment,
  `user_id` int(10) not null,
  `apply_id` int(10) not null,
  `need_principal` int(10) not null comment '应还本金',
  `act_principal` int(10) not null comment '实还本金',
  `need_interest` int(10) not null comment '应还利息',
  `need_total` int(10) not null comment '应还总额',
  `act_total` int(10) not null comment '实还总额',
  `page_total` int(10) not null comment '总页数'
) engine=innodb default charset=utf8;
"""


def test_a_total_due_is_the_loans_amount(tmp_path: Path) -> None:
    plan = _scan(tmp_path, {"db.sql": REPAY})["tb_repay_plan"]
    for column in ("need_total", "act_total"):
        finding = _finding(plan, column)
        assert finding.personal and finding.sensitive, column
    assert not _finding(plan, "page_total").personal
