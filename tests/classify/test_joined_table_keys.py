"""A clinic's prescriptions (MySQL, lower-case names run together): a drug line keyed by
`prescriptionid` points at `t_prescription`, as `prescription_id` would, so its quantity and
frequency are part of the patient's prescription (the frequency is health information,
sensitive). A table not named after the one the word names (`discount.routeid`) is not its
detail."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dataflow.scan import ScanOptions, scan_paths

SCHEMA = """
CREATE TABLE `t_prescription` (
  `id` int(11) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `patientname` varchar(255) NULL DEFAULT NULL COMMENT '患者姓名',
  `patientphone` varchar(11) NULL DEFAULT NULL COMMENT '患者电话',
  `diagnosis` varchar(255) NULL DEFAULT NULL COMMENT '诊断',
  PRIMARY KEY (`id`)
);
CREATE TABLE `t_prescriptiondrugs` (
  `id` bigint(11) NOT NULL AUTO_INCREMENT COMMENT '药品编号',
  `prescriptionid` bigint(11) NULL DEFAULT NULL,
  `drugname` varchar(255) NULL DEFAULT NULL COMMENT '药品名称',
  `unit` varchar(30) NULL DEFAULT NULL COMMENT '单位',
  `number` int(11) NULL DEFAULT NULL COMMENT '数量',
  `frequency` varchar(100) NULL DEFAULT NULL COMMENT '医嘱频次',
  PRIMARY KEY (`id`)
);
CREATE TABLE `t_route` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(60) NULL DEFAULT NULL COMMENT '线路名称',
  PRIMARY KEY (`id`)
);
CREATE TABLE `t_discount` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `routeid` int(11) NULL DEFAULT NULL,
  `value` int(11) NULL DEFAULT NULL COMMENT '优惠金额',
  PRIMARY KEY (`id`)
);
"""


def _scan(tmp_path: Path) -> dict[str, object]:
    (tmp_path / "kph.sql").write_text(SCHEMA, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: r for r in report.datasets}


def test_a_key_run_together_with_a_tables_name_links_to_it(tmp_path: Path) -> None:
    drugs: Any = _scan(tmp_path)["t_prescriptiondrugs"]
    assert drugs.subject.kind == "person_linked"
    assert any(link.target == "t_prescription" for link in drugs.subject.links)
    fields = {f.field.name: f for f in drugs.findings}
    assert fields["unit"].personal
    assert fields["frequency"].sensitive


def test_a_table_not_named_after_it_is_not_its_detail(tmp_path: Path) -> None:
    discount: Any = _scan(tmp_path)["t_discount"]
    assert not any(link.target == "t_route" for link in discount.subject.links)
