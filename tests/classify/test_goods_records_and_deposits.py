"""The words of a business's goods records are the goods'. On a shop's order of clothes, the
`delivery_method` '发货方式' is how the parcel ships, not how a child was born (分娩方式), and the
`abnormal_message` '异常审核描述' an exception in matching the order, not an abnormal test
result; a purchase order's exception log (采购单异常日志) is no record of anyone's care. A
pharmacy's order of drugs stays on its health topic. And a freelancer's or a company's 保证金 is
a security deposit, not bail (取保候审保证金). Excerpts of two public MySQL schemas (a clothing
warehouse, a freelance marketplace)."""

from __future__ import annotations

from pathlib import Path

from builders import scan_tables

WAREHOUSE = """
CREATE TABLE `shop_order` (
  `id` int(9) NOT NULL AUTO_INCREMENT,
  `order_id` varchar(20) DEFAULT NULL COMMENT '订单号',
  `product_code` varchar(20) DEFAULT NULL COMMENT '商品编码',
  `size` varchar(10) DEFAULT NULL COMMENT '尺码',
  `express_id` varchar(20) DEFAULT NULL COMMENT '快递号',
  `address` varchar(200) DEFAULT NULL COMMENT '收货地址',
  `telephone` varchar(30) DEFAULT NULL COMMENT '联系方式',
  `consignee_name` varchar(20) DEFAULT NULL COMMENT '收货人姓名',
  `delivery_method` varchar(20) DEFAULT NULL COMMENT '发货方式',
  `abnormal_message` varchar(200) DEFAULT NULL COMMENT '异常审核描述',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='订单';
CREATE TABLE `purcharse_diff_log` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `purcharse_id` varchar(20) DEFAULT NULL COMMENT '采购单号',
  `product_id` varchar(50) DEFAULT NULL COMMENT '货品唯一标识,产品号+size',
  `product_size` varchar(10) DEFAULT NULL COMMENT '差异数量',
  `operator` varchar(20) DEFAULT NULL COMMENT '操作员',
  `check_date` varchar(20) DEFAULT NULL COMMENT '审核日期',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8 COMMENT='采购单异常日志';
"""

PHARMACY = """
CREATE TABLE `drug_order` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `user_id` int(11) NOT NULL COMMENT '用户ID',
  `product_id` int(11) NOT NULL COMMENT '商品ID',
  `drug_name` varchar(50) DEFAULT NULL COMMENT '药品名称',
  `abnormal_message` varchar(200) DEFAULT NULL COMMENT '异常描述',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='药品订单';
"""

MARKETPLACE = """
CREATE TABLE `freelancer` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(50) NOT NULL COMMENT '姓名',
  `phone` varchar(20) NOT NULL COMMENT '手机号',
  PRIMARY KEY (`id`)
);
CREATE TABLE `project_payment` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_id` bigint NOT NULL COMMENT '项目ID',
  `freelancer_id` bigint NULL DEFAULT NULL COMMENT '接单者ID',
  `freelancer_deposit` decimal(10, 2) NOT NULL DEFAULT 0.00 COMMENT '接单者保证金',
  `paid_amount` decimal(10, 2) NOT NULL DEFAULT 0.00 COMMENT '已支付金额',
  PRIMARY KEY (`id`)
);
"""


def test_a_shop_orders_shipping_words_are_no_health(tmp_path: Path) -> None:
    tables = scan_tables(tmp_path, WAREHOUSE)
    order = tables["shop_order"]
    assert order["address"].personal
    for column in ("delivery_method", "abnormal_message"):
        found = order[column]
        assert not found.sensitive, column
        assert not (found.element or "").startswith("pi.health."), column
    log = tables["purcharse_diff_log"]
    for column in ("product_size", "check_date"):
        found = log[column]
        assert not found.sensitive, column


def test_a_pharmacy_order_stays_on_health(tmp_path: Path) -> None:
    order = scan_tables(tmp_path, PHARMACY)["drug_order"]
    assert order["drug_name"].sensitive


def test_a_freelancers_deposit_is_no_bail(tmp_path: Path) -> None:
    payment = scan_tables(tmp_path, MARKETPLACE)["project_payment"]
    found = payment["freelancer_deposit"]
    assert found.element != "pi.other.criminal_record"
    assert not found.sensitive
