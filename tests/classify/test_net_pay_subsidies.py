"""A pay table named for net or gross pay (`net_pay`) is a payroll: the subsidies and allowances
on each employee's row (`housingSubsidyBefore` '变动前住房补贴') are parts of that employee's
pay, sensitive like the rest of it, not a plain amount."""

from __future__ import annotations

from pathlib import Path

from tests.builders import finding_of, scan_files

PAY = """
CREATE TABLE `staff` (
  `id` int NOT NULL AUTO_INCREMENT,
  `staffCode` varchar(32) COMMENT '唯一标识',
  `staffName` varchar(32) COMMENT '姓名',
  PRIMARY KEY (`id`)
);
CREATE TABLE `net_pay` (
  `id` int NOT NULL AUTO_INCREMENT,
  `staffCode` varchar(32) COMMENT '唯一标识',
  `staffName` varchar(32) COMMENT '姓名',
  `housingSubsidyBefore` decimal(10,2) COMMENT '变动前住房补贴',
  `busSubsidyAfter` decimal(10,2) COMMENT '变动后公车补贴',
  `netPay` decimal(10,2) COMMENT '实发工资',
  PRIMARY KEY (`id`)
);
CREATE TABLE `bus_route` (
  `id` int NOT NULL AUTO_INCREMENT,
  `routeName` varchar(32) COMMENT '线路名称',
  `busSubsidy` decimal(10,2) COMMENT '公车补贴标准',
  PRIMARY KEY (`id`)
);
"""


def test_subsidies_on_a_net_pay_row_are_pay(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"pay.sql": PAY})
    pay = found["net_pay"]
    for column in ("housingSubsidyBefore", "busSubsidyAfter", "netPay"):
        f = finding_of(pay, column)
        assert f.element == "pi.education_work.salary" and f.sensitive, column
    assert not finding_of(found["bus_route"], "busSubsidy").sensitive
