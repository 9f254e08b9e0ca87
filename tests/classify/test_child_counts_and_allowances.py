"""Columns that mention children without being a child's record: a headcount of children on an
order (`childnum` '儿童数量', `existing_children` '现有子女（人）') is a number, not the key of a
child, and an employee's child allowances ('独生子女奖励', '婴幼儿补贴') are the employee's pay.
Neither makes the row a minor's record, whose every field is sensitive (PIPL Art. 28)."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of
from builders import scan_files as _scan

TRAVEL = """\
CREATE TABLE `sline_member` (
  `mid` int(11) unsigned NOT NULL AUTO_INCREMENT,
  `nickname` varchar(255) DEFAULT NULL COMMENT '昵称',
  `mobile` varchar(255) DEFAULT NULL COMMENT '手机号',
  PRIMARY KEY (`mid`)
);
CREATE TABLE `sline_member_order` (
  `id` int(11) unsigned NOT NULL AUTO_INCREMENT,
  `ordersn` varchar(255) DEFAULT NULL COMMENT '订单号',
  `memberid` int(11) unsigned DEFAULT NULL COMMENT '会员id',
  `productname` varchar(255) DEFAULT NULL COMMENT '产品名称',
  `usedate` varchar(255) DEFAULT NULL COMMENT '使用日期',
  `dingnum` int(3) unsigned DEFAULT NULL COMMENT '数量',
  `childnum` int(11) unsigned DEFAULT '0' COMMENT '儿童数量',
  `linkman` varchar(255) DEFAULT NULL COMMENT '订单联系人',
  `linktel` varchar(255) DEFAULT NULL COMMENT '订单联系电话',
  PRIMARY KEY (`id`)
);
"""

INTERVIEW = """\
CREATE TABLE `t_interview` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `person_id` bigint NULL DEFAULT NULL COMMENT '人员id',
  `work_year` int NULL DEFAULT NULL COMMENT '工龄（年）',
  `existing_children` int NULL DEFAULT NULL COMMENT '现有子女（人）',
  PRIMARY KEY (`id`)
);
"""

PAY = """\
create table gross_pay
(
    id                         bigint auto_increment
        primary key,
    staffCode                  varchar(256)                       null comment '唯一标识',
    companyName                varchar(256)                       null comment '单位名称',
    staffName                  varchar(256)                       null comment '姓名',
    position                   varchar(256)                       null comment '职务（职级技术等级）',
    onlyChildSubsidy           varchar(256)                       null comment '独生子女奖励',
    babySubsidy                varchar(256)                       null comment '婴幼儿补贴',
    totalNetPay                varchar(256)                       null comment '实发合计'
);
"""


def test_a_headcount_of_children_on_an_order_is_not_a_childs_key(tmp_path: Path) -> None:
    order = _scan(tmp_path, {"travel.sql": TRAVEL})["sline_member_order"]
    assert order.subject.kind == "person_linked"
    assert order.subject.role != "minor"
    assert not [link for link in order.subject.links if link.column == "childnum"]
    assert not finding_of(order, "linkman").sensitive


def test_a_number_of_children_with_its_unit_is_not_a_childs_key(tmp_path: Path) -> None:
    interview = _scan(tmp_path, {"interview.sql": INTERVIEW})["t_interview"]
    assert interview.subject.role != "minor"
    assert not [link for link in interview.subject.links if link.column == "existing_children"]


def test_child_allowances_on_an_employees_pay_do_not_make_it_a_childs_record(
    tmp_path: Path,
) -> None:
    pay = _scan(tmp_path, {"salary.sql": PAY})["gross_pay"]
    assert pay.subject.kind == "person_linked"
    assert pay.subject.role == "employee"
    assert not finding_of(pay, "staffName").sensitive
    assert not finding_of(pay, "companyName").sensitive
