"""An online shop's orders (MySQL, Chinese comments): a payment order keyed by the paying person
(`payer_no` '付款人') is that buyer's purchase record, and so are the sub-orders and order items
filed under it; its totals and freight are the buyer's."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

SCHEMA = """
create table pay_order
(
  pay_order_id BIGINT primary key not null auto_increment comment '支付单主键',
  pay_order_no VARCHAR(18) not null unique comment '支付单订单号',
  carriage_amt DECIMAL(20) comment '运费',
  payer_no     VARCHAR(24) comment '付款人',
  total_amt    DECIMAL(22) comment '订单总额（含运费）'
) comment='支付单表';
create table order_item
(
  item_id BIGINT primary key not null auto_increment comment '订单项主键',
  pay_order_id BIGINT comment '支付单号',
  product_code CHAR(10)  not null comment '商品编号',
  product_num   DECIMAL(10) not null comment '商品数量'
) comment='订单项';
"""


def _scan(tmp_path: Path) -> dict[str, object]:
    (tmp_path / "orders.sql").write_text(SCHEMA, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: r for r in report.datasets}


def test_a_payment_order_is_its_payers(tmp_path: Path) -> None:
    orders = _scan(tmp_path)
    pay = orders["pay_order"]
    assert pay.subject.kind == "person_linked"  # type: ignore[attr-defined]
    assert pay.subject.role == "customer"  # type: ignore[attr-defined]
    fields = {f.field.name: f for f in pay.findings}  # type: ignore[attr-defined]
    for column in ("carriage_amt", "total_amt", "payer_no"):
        assert fields[column].personal, column
    item = orders["order_item"]
    assert item.subject.kind == "person_linked"  # type: ignore[attr-defined]
    assert {f.field.name for f in item.findings if f.personal} >= {  # type: ignore[attr-defined]
        "product_code",
        "product_num",
    }
