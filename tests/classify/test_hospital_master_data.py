"""A hospital system's master data beside its patients' records: a price list of the items it
charges for (物价信息表 with 价格) is no patient's care even though its words are care words, and
the operator who last saved a department's row (`oper_code` 操作员) is the row's audit trail."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

HIS = """
CREATE TABLE `hosp_patient_info` (
  `patient_id` varchar(20) NOT NULL COMMENT '患者编号',
  `name` varchar(20) COMMENT '姓名',
  `sex_code` varchar(2) COMMENT '性别',
  `birth_date` date COMMENT '出生日期',
  PRIMARY KEY (`patient_id`)
) COMMENT = '患者档案表';
CREATE TABLE `hosp_item_fee` (
  `item_fee_id` bigint NOT NULL COMMENT '主键',
  `campus_id` varchar(20) COMMENT '院区编码',
  `item_code` varchar(20) COMMENT '收费项目编码',
  `drug_class_code` varchar(20) COMMENT '药品类别编码',
  `insurance_code` varchar(20) COMMENT '医保编码',
  `spec` varchar(20) COMMENT '规格',
  `price` decimal(8,2) COMMENT '价格',
  `price_unit` varchar(10) COMMENT '价格单位',
  `maker` varchar(60) COMMENT '生产厂家',
  `insurance_type` varchar(20) COMMENT '医保类别：甲类、乙类',
  `oper_code` varchar(8) COMMENT '操作员',
  PRIMARY KEY (`item_fee_id`)
) COMMENT = '物价（非药品）信息表';
CREATE TABLE `hosp_ward` (
  `ward_id` bigint NOT NULL COMMENT '主键',
  `ward_name` varchar(40) COMMENT '病区名称',
  `oper_code` varchar(8) COMMENT '操作员',
  PRIMARY KEY (`ward_id`)
) COMMENT = '病区信息表';
"""


def _scan(tmp_path: Path) -> dict[str, object]:
    (tmp_path / "his.sql").write_text(HIS, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: r for r in report.datasets}


def test_a_priced_list_of_care_items_is_no_patients_care(tmp_path: Path) -> None:
    items = _scan(tmp_path)["hosp_item_fee"]
    assert items.subject.kind != "person_linked"  # type: ignore[attr-defined]
    assert not any(f.sensitive for f in items.findings)  # type: ignore[attr-defined]


def test_the_operator_of_a_wards_row_is_its_audit_trail(tmp_path: Path) -> None:
    ward = _scan(tmp_path)["hosp_ward"]
    assert not any(f.personal for f in ward.findings)  # type: ignore[attr-defined]
