"""A loan app's collection record (催收记录表) keyed by the borrower and the loan order: every
detail of the borrower there (when it was handled, its state, the collector's description) is
part of the borrower's credit record (GB/T 35273 Annex B 信贷记录: sensitive), not only the
columns that name money owed. A column nothing makes personal (a soft-delete flag, the row's
update time) stays no one's."""

from __future__ import annotations

from pathlib import Path

from tests.builders import scan_files

DDL = """
CREATE TABLE `app_order` (
  `APP_ORDER_ID` bigint(20) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `APP_USER_ID` bigint(20) DEFAULT NULL COMMENT '用户id',
  `APPLY_MONEY` decimal(10,2) DEFAULT '1500.00' COMMENT '申请金额',
  `INTEREST_RATE` decimal(4,2) DEFAULT '0.30' COMMENT '借款利率',
  PRIMARY KEY (`APP_ORDER_ID`)
) ENGINE=InnoDB COMMENT='订单';
CREATE TABLE `app_order_collection_record` (
  `APP_COLLECTION_ID` bigint(20) NOT NULL AUTO_INCREMENT COMMENT '催收记录id',
  `APP_ORDER_ID` bigint(20) DEFAULT NULL COMMENT '订单id',
  `LOAN_MONEY` varchar(200) DEFAULT NULL COMMENT '借款申请金额',
  `OVERDUE_DAYS` int(11) DEFAULT NULL COMMENT '逾期天数',
  `CREATE_TIME` datetime DEFAULT NULL COMMENT '创建时间',
  `UPDATE_TIME` datetime DEFAULT NULL COMMENT '修改时间',
  `STATE` int(11) DEFAULT NULL COMMENT '状态',
  `DELETED` int(11) DEFAULT NULL COMMENT '是否删除',
  `DESCRIPTION` varchar(500) DEFAULT NULL COMMENT '描述',
  `HAND_TIME` datetime DEFAULT NULL COMMENT '处理时间',
  `USER_ID` bigint(20) DEFAULT NULL COMMENT '用户id',
  PRIMARY KEY (`APP_COLLECTION_ID`)
) ENGINE=InnoDB COMMENT='催收记录表';
"""


def test_a_collection_records_details_are_the_borrowers_credit_record(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"zx.sql": DDL})
    record = found["app_order_collection_record"]
    assert record.subject.kind == "person_linked"
    fields = {f.field.name: f for f in record.findings}
    for column in ("DESCRIPTION", "HAND_TIME", "CREATE_TIME", "OVERDUE_DAYS"):
        assert fields[column].sensitive, column
        assert fields[column].element == "pi.financial.credit", column
    assert any(ev.rule == "subject-sensitive-topic" for ev in fields["DESCRIPTION"].evidence)
    for column in ("DELETED", "UPDATE_TIME"):
        assert not fields[column].personal, column
