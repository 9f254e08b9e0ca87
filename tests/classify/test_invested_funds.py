"""The funds a person invests (a P2P lender's bid, an investor's amount) are their property."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

P2P = """
CREATE TABLE `b_user` (`user_id` int(11) NOT NULL COMMENT '用户ID',
  `user_name` varchar(50) COMMENT '用户名', `mobile` varchar(20) COMMENT '手机号',
  `id_card` varchar(20) COMMENT '身份证号', PRIMARY KEY (`user_id`)) COMMENT='用户表';
CREATE TABLE `b_bid_info` (`id` int(11) NOT NULL COMMENT '主键',
  `user_id` int(11) COMMENT '投资人', `loan_id` int(11) COMMENT '产品ID',
  `bid_money` decimal(12,2) COMMENT '投标金额', `bid_time` datetime COMMENT '投标时间',
  PRIMARY KEY (`id`)) COMMENT='投资记录表';
CREATE TABLE `sys_visit` (`id` int(11) NOT NULL, `user_id` int(11),
  `invest_amount` decimal(12,2), `visit_time` datetime, PRIMARY KEY (`id`));
"""


def test_a_lenders_bid_and_an_investors_amount_are_their_funds(tmp_path: Path) -> None:
    """GB/T 35273-2020 Annex B counts the amount of a person's funds as property information:
    a P2P lender's bid (投标金额) and an investor's `invest_amount` are sensitive."""
    found = _scan(tmp_path, {"db.sql": P2P})
    for table, column in (("b_bid_info", "bid_money"), ("sys_visit", "invest_amount")):
        finding = _finding(found[table], column)
        assert finding.sensitive and finding.element == "pi.financial.balance", column
