"""The time of a person's care on a record of that care (a prescription's 开方时间) is health
information; the time of another event of the person (an order paid) stays an activity record."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

RECORDS = """
CREATE TABLE huanzhe (id int, huanzhe_name varchar(20) COMMENT '患者姓名') COMMENT='患者';
CREATE TABLE chufang (id int, huanzhe_id int COMMENT '患者', zhenduan_content text COMMENT '处方内容',
  kaifang_time timestamp COMMENT '开方时间') COMMENT='处方';
CREATE TABLE dingdan (id int, huanzhe_id int COMMENT '患者', pay_time timestamp COMMENT '支付时间',
  total decimal(10,2) COMMENT '金额') COMMENT='订单';
"""


def test_the_time_of_care_is_health_information(tmp_path: Path) -> None:
    (tmp_path / "his.sql").write_text(RECORDS, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    found = {(r.dataset.name, f.field.name): f for r in report.datasets for f in r.findings}
    care = found[("chufang", "kaifang_time")]
    assert care.personal and care.sensitive and care.category == "pi.health", care.element
    paid = found[("dingdan", "pay_time")]
    assert paid.personal and not paid.sensitive, paid.element
