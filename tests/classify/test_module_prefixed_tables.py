"""Tables of one module whose names begin with a staff role (`doctor_dept`, `doctor_exam_cost`
of a clinic's doctors' module) and whose columns begin with a word of the table's own name
(`charge_register_id`): the module word does not make a department or a price list a doctor's
record, and the key after the column's prefix still links a payment to its registration."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

CLINIC = """
CREATE TABLE `doctor_patient` (
  `patient_id` int NOT NULL COMMENT '患者ID',
  `patient_name` varchar(20) COMMENT '患者姓名',
  `patient_phone` varchar(11) COMMENT '手机号码',
  `patient_birthday` date COMMENT '出生日期',
  PRIMARY KEY (`patient_id`)
) COMMENT = '患者表';
CREATE TABLE `doctor_dept` (
  `dept_id` int NOT NULL COMMENT '科室ID',
  `dept_name` varchar(50) COMMENT '科室名称',
  `dept_code` varchar(64) COMMENT '科室编码',
  `dept_num` bigint COMMENT '当前挂号量',
  `remark` varchar(500) COMMENT '备注',
  PRIMARY KEY (`dept_id`)
) COMMENT = '科室表';
CREATE TABLE `doctor_exam_cost` (
  `exam_id` int NOT NULL COMMENT '项目费用ID',
  `exam_name` varchar(255) COMMENT '项目名称',
  `exam_one_price` double(10, 2) COMMENT '项目单价',
  `exam_unit` varchar(255) COMMENT '单位',
  `exam_type` int COMMENT '类别',
  `remark` varchar(255) COMMENT '备注',
  PRIMARY KEY (`exam_id`) USING BTREE
) ENGINE = InnoDB ROW_FORMAT = DYNAMIC;
CREATE TABLE `doctor_register` (
  `register_id` int NOT NULL COMMENT '挂号id',
  `register_number` varchar(255) COMMENT '挂号编号',
  `register_patient_id` int COMMENT '患者id（外键）',
  `register_date` datetime COMMENT '就诊日期',
  UNIQUE KEY `register_number` (`register_number`),
  PRIMARY KEY (`register_id`) USING BTREE
) ENGINE = InnoDB AUTO_INCREMENT = 22 CHARACTER SET = utf8mb4;
CREATE TABLE `charge_charge` (
  `charge_id` int NOT NULL COMMENT '收费的id',
  `charge_number` varchar(255) COMMENT '收费编号',
  `charge_register_id` int COMMENT '挂号id（外键）',
  `charge_sum` int COMMENT '收费总额',
  `charge_status` char(1) NULL DEFAULT NULL COMMENT '订单状态（0未支付,1已支付）',
  `charge_type` varchar(255) COMMENT '支付类型',
  PRIMARY KEY (`charge_id`)
);
"""


def _scan(tmp_path: Path) -> dict[str, object]:
    (tmp_path / "his.sql").write_text(CLINIC, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: r for r in report.datasets}


def test_a_department_table_of_a_doctors_module_is_an_organisations(tmp_path: Path) -> None:
    dept = _scan(tmp_path)["doctor_dept"]
    assert dept.subject.kind == "organisation"  # type: ignore[attr-defined]
    assert not any(f.personal for f in dept.findings)  # type: ignore[attr-defined]


def test_a_price_list_of_a_doctors_module_is_no_ones_record(tmp_path: Path) -> None:
    costs = _scan(tmp_path)["doctor_exam_cost"]
    assert costs.subject.kind == "reference"  # type: ignore[attr-defined]
    assert not any(f.personal for f in costs.findings)  # type: ignore[attr-defined]


def test_a_key_after_the_tables_own_word_links_a_charge_to_its_registration(
    tmp_path: Path,
) -> None:
    charge = _scan(tmp_path)["charge_charge"]
    subject = charge.subject  # type: ignore[attr-defined]
    assert subject.kind == "person_linked"
    assert any(link.target == "doctor_register" for link in subject.links)
    fields = {f.field.name: f for f in charge.findings}  # type: ignore[attr-defined]
    assert fields["charge_sum"].personal


LENDING_APP = """
CREATE TABLE `app_loan_order` (
  `order_id` bigint NOT NULL COMMENT '主键',
  `user_id` bigint COMMENT '用户id',
  `apply_amount` decimal(10,2) COMMENT '申请金额',
  `rate` decimal(4,2) COMMENT '借款利率',
  `loan_days` int COMMENT '借款天数',
  PRIMARY KEY (`order_id`)
) COMMENT='订单';
CREATE TABLE `app_dunning_record` (
  `dunning_id` bigint NOT NULL COMMENT '记录id',
  `order_id` bigint COMMENT '订单id',
  `user_id` bigint COMMENT '用户id',
  `overdue_days` int COMMENT '逾期天数',
  `overdue_amount` int COMMENT '逾期金额',
  PRIMARY KEY (`dunning_id`)
) COMMENT='催收记录表';
CREATE TABLE `app_version` (
  `id` int NOT NULL,
  `version_code` varchar(20),
  `download_url` varchar(200),
  PRIMARY KEY (`id`)
);
"""


def test_a_leading_app_names_the_module_not_configuration(tmp_path: Path) -> None:
    """`app_` before a lending app's tables: the rows are still a borrower's loans and arrears."""
    (tmp_path / "loan.sql").write_text(LENDING_APP, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    by_name = {r.dataset.name: r for r in report.datasets}
    for table, column in (("app_loan_order", "loan_days"), ("app_dunning_record", "overdue_days")):
        assert by_name[table].subject.kind != "system", table
        finding = next(f for f in by_name[table].findings if f.field.name == column)
        assert finding.element == "pi.financial.credit", column
        assert finding.sensitive, column
    # an app's own last word still marks its configuration
    assert by_name["app_version"].subject.kind == "system"
