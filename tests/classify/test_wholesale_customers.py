"""An inventory and sales system (进销存) of a wholesaler: its customers are businesses with a
contact person, and its orders, receipts and expenses are the business's, not a person's."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

# Shortened from a public inventory system's schema (MySQL, Chinese comments).
JXC = """
CREATE TABLE `t_store` (`id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(128) DEFAULT NULL COMMENT '名称',
  `address` varchar(256) DEFAULT NULL COMMENT '地址',
  PRIMARY KEY (`id`)) ENGINE=MyISAM COMMENT='门店表';
CREATE TABLE `t_customer` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `store_id` int(11) DEFAULT NULL COMMENT '分公司',
  `serail_number` varchar(16) DEFAULT NULL COMMENT '编号',
  `name` varchar(128) DEFAULT NULL COMMENT '名称',
  `office_phone` varchar(128) DEFAULT NULL COMMENT '单位电话',
  `contact` varchar(128) DEFAULT NULL COMMENT '联系人',
  `contact_phone` varchar(128) DEFAULT NULL COMMENT '联系电话',
  `fax` varchar(128) DEFAULT NULL COMMENT '传真',
  `address` varchar(256) DEFAULT NULL COMMENT '地址',
  `init_debt` int(11) DEFAULT '0' COMMENT '初始欠款',
  PRIMARY KEY (`id`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4 COMMENT='客户表，关联门店表；为门店专有客户';
CREATE TABLE `t_employee` (`id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(128) DEFAULT NULL COMMENT '姓名',
  `mobile` varchar(20) DEFAULT NULL COMMENT '手机',
  PRIMARY KEY (`id`)) ENGINE=MyISAM COMMENT='员工表';
CREATE TABLE `t_order` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `serial_number` varchar(16) DEFAULT NULL COMMENT '订单编号，特定前缀',
  `store_id` int(11) DEFAULT NULL COMMENT '门店',
  `handler` int(11) DEFAULT NULL COMMENT '经手人，销售',
  `handler_name` varchar(128) DEFAULT NULL COMMENT '经手人名称',
  `total_amount` int(11) DEFAULT '0' COMMENT '合计金额，分为单位',
  `discount_rate` int(11) DEFAULT '100' COMMENT '折扣率,',
  `remark` varchar(512) DEFAULT NULL COMMENT '备注',
  PRIMARY KEY (`id`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4 COMMENT='订单表，关联门店，商品，员工';
"""


def test_a_customer_with_a_contact_person_is_a_business(tmp_path: Path) -> None:
    """A customer row whose `name` is a thing's name (名称, not 姓名) and that has a contact
    person (联系人) of its own is a company, even when a branch's key (`store_id` '分公司')
    says which branch serves it: its fax, address and debt are the company's; its contact's
    phone is the contact's PI."""
    results = scan_files(tmp_path, {"jxc.sql": JXC})
    customer = results["t_customer"]
    assert customer.subject.kind == "organisation"
    personal = {f.field.name for f in customer.findings if f.personal}
    assert "contact_phone" in personal
    assert not personal & {"fax", "address", "init_debt", "name"}


def test_a_comment_listing_linked_tables_names_no_owner(tmp_path: Path) -> None:
    """'订单表，关联门店，商品，员工' lists the tables an order links to: the employee is the clerk
    who handled it, not the person the order is about; its amounts and remark are no one's."""
    results = scan_files(tmp_path, {"jxc.sql": JXC})
    order = results["t_order"]
    assert order.subject.role != "employee"
    personal = {f.field.name for f in order.findings if f.personal}
    assert not personal & {"total_amount", "discount_rate", "remark", "serial_number"}
