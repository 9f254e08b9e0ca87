"""The funds on a person's account (a driver's earnings account, a platform's capital account):
the amounts available, frozen, locked or not yet confirmed are deposit information (GB/T
35273-2020 Annex B 存款信息), sensitive; a member's points stay a plain amount."""

from __future__ import annotations

from pathlib import Path

from tests.builders import finding_of, scan_files

DDL = """
CREATE TABLE `driver_info` (
  `id` bigint NOT NULL AUTO_INCREMENT COMMENT '编号',
  `name` varchar(50) COMMENT '姓名',
  `phone` varchar(20) COMMENT '电话',
  PRIMARY KEY (`id`)
) COMMENT='司机信息';
CREATE TABLE `driver_account` (
  `id` bigint NOT NULL AUTO_INCREMENT COMMENT '编号',
  `driver_id` bigint NOT NULL COMMENT '司机id',
  `total_amount` decimal(10,2) COMMENT '账户总金额',
  `lock_amount` decimal(10,2) COMMENT '锁定金额',
  `available_amount` decimal(10,2) COMMENT '可用金额',
  `points` int COMMENT '积分',
  PRIMARY KEY (`id`)
) COMMENT='司机账户';
"""


def test_funds_on_a_persons_account_are_deposits(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"driver.sql": DDL})
    account = found["driver_account"]
    for column in ("total_amount", "lock_amount", "available_amount"):
        f = finding_of(account, column)
        assert f.element == "pi.financial.balance" and f.sensitive, column
    assert finding_of(account, "points").element != "pi.financial.balance"
