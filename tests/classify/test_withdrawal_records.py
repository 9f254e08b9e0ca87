"""Money leaving or entering a person's account as entries of that account.

A table of withdrawals (money taken out of a person's platform account or wallet to their bank
card), or, in Chinese, of withdrawals (提现) and transfers (转账), is a table of entries of the
person's account (GB/T 35273-2020 Annex B, 个人财产信息: 交易和消费记录、流水记录): the amount
of each is a transaction record, sensitive, as a recharge's is, even where no column names the
account. An order's amount stays an ordinary amount."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

SQL = """
CREATE TABLE cust_withdrawals_request (
  id BIGINT PRIMARY KEY,
  order_id VARCHAR(32),
  user_id BIGINT,
  amount DECIMAL(12,2),
  request_time DATETIME
);
CREATE TABLE user_tixian (
  id BIGINT PRIMARY KEY,
  user_id BIGINT,
  money DECIMAL(12,2),
  create_time DATETIME
);
CREATE TABLE member_transfer_log (
  id BIGINT PRIMARY KEY,
  member_id BIGINT COMMENT '会员',
  je DECIMAL(12,2) COMMENT '转账金额',
  create_time DATETIME
) COMMENT='会员转账记录';
CREATE TABLE user_order (
  id BIGINT PRIMARY KEY,
  user_id BIGINT,
  amount DECIMAL(12,2),
  create_time DATETIME
);
"""


def test_withdrawals_and_transfers_are_account_entries(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"p2p.sql": SQL}, short=True)
    for table, column in (
        ("cust_withdrawals_request", "amount"),
        ("user_tixian", "money"),
        ("member_transfer_log", "je"),
    ):
        finding = next(f for f in found[table].findings if f.field.name == column)
        assert finding.sensitive, table
        assert finding.element == "pi.financial.transaction", table
    order = next(f for f in found["user_order"].findings if f.field.name == "amount")
    assert order.personal and not order.sensitive


RED_PACKETS = """
CREATE TABLE `tp_red_master` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT COMMENT '红包主表id',
  `uid` int(10) NOT NULL COMMENT '用户id',
  `money` decimal(10,2) NOT NULL DEFAULT '0.00' COMMENT '红包金额',
  `status` tinyint(4) DEFAULT '0' COMMENT '默认0，禁用1',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB COMMENT='红包主表';
CREATE TABLE `tp_red_detail` (
  `id` int(11) unsigned NOT NULL AUTO_INCREMENT COMMENT '红包从表id',
  `m_id` int(11) NOT NULL COMMENT '红包主表id',
  `get_uid` int(11) NOT NULL COMMENT '获取红包用户uid',
  `money` decimal(10,2) NOT NULL DEFAULT '0.00' COMMENT '红包金额',
  `type` tinyint(4) DEFAULT '0' COMMENT '1领取，2超时退回',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB COMMENT='红包从表';
"""


def test_red_packets_move_money_between_wallets(tmp_path: Path) -> None:
    """A red packet (红包) one user sends and the shares others take: each row moves money out
    of or into a person's wallet, a transaction record (sensitive)."""
    results = scan_files(tmp_path, {"red.sql": RED_PACKETS})
    for table in ("tp_red_master", "tp_red_detail"):
        money = next(f for f in results[table].findings if f.field.name == "money")
        assert money.personal and money.sensitive, table
