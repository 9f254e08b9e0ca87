"""A person's own book of what they spent and received (a family or personal bookkeeping app,
记账: 支出 expenditure, 收支 income and expenditure) is a record of the person's payments
(GB/T 35273-2020 Annex B, 个人财产信息: 交易和消费记录): on such a table that names the account
paid from, the money and the kind of each entry are transaction records, sensitive, as a bank
statement's lines are. The list of expenditure kinds beside it is a code list, not anyone's."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

# The shape of a family bookkeeping app's MySQL script (camelCase names, Chinese comments).
SQL = """
CREATE TABLE IF NOT EXISTS `t_userInfo` (
  `user_name` varchar(30) NOT NULL COMMENT 'user_name',
  `name` varchar(20) NOT NULL COMMENT '姓名',
  `telephone` varchar(20) NULL COMMENT '联系电话',
  PRIMARY KEY (`user_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE IF NOT EXISTS `t_expendType` (
  `expendTypeId` int(11) NOT NULL AUTO_INCREMENT COMMENT '支出类型id',
  `expendTypeName` varchar(20) NOT NULL COMMENT '支出类型名称',
  PRIMARY KEY (`expendTypeId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE IF NOT EXISTS `t_expend` (
  `expendId` int(11) NOT NULL AUTO_INCREMENT COMMENT '支出id',
  `exprendTypeObj` int(11) NOT NULL COMMENT '支出类型',
  `payAccount` varchar(20) NOT NULL COMMENT '支付账号',
  `expendMoney` float NOT NULL COMMENT '支付金额',
  `userObj` varchar(30) NOT NULL COMMENT '支出用户',
  PRIMARY KEY (`expendId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE `jz_record` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL COMMENT '用户ID',
  `account_no` varchar(32) COMMENT '账户',
  `je` decimal(12,2) COMMENT '金额',
  `lx` tinyint COMMENT '1收入 2支出',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB COMMENT='个人收支记录';
"""


def test_a_persons_expenditure_book_is_their_transaction_record(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"familycash.sql": SQL}, short=True)
    for table, column in (("t_expend", "expendMoney"), ("jz_record", "je")):
        finding = next(f for f in found[table].findings if f.field.name == column)
        assert finding.personal and finding.sensitive, table
        assert finding.element == "pi.financial.transaction", table
    kinds = next(f for f in found["t_expendType"].findings if f.field.name == "expendTypeName")
    assert not kinds.personal
