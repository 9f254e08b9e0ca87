"""Who a record is about, read past the staff who handled it and the copies it is kept in: a list
of customer kinds written as one word (`customertype`) is a code list; the member of staff who
filled in, inspected or handled a record (`filler_user_id`, `handling_user`) does not make it
theirs; a patrol of equipment (巡检记录) holds no one's health; a key named after a table finds
that table's backup copy (`ReportFormID` → `ReportForm_BackUp`), so a lab result line is the
patient's; staff names on a lab report and on a child's file are the staff's (PI, not the
patient's or the child's sensitive PI); a display position (`DISPORDER`) is not a disorder; the
result of a case allocation (案件分配结果) is not a test result, nor is an exam sat (考试) a health
examination."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dataflow.scan import ScanOptions, scan_paths

HOTEL = """
CREATE TABLE `customertype` (
  `pk` decimal(20, 0) NOT NULL,
  `c_type` varchar(50) NOT NULL,
  `dis_attr` varchar(50) NOT NULL,
  `discount` int NOT NULL DEFAULT 10,
  `price` double NOT NULL,
  `dis_price` double NOT NULL DEFAULT 0,
  `remark` varchar(50) NULL DEFAULT NULL
) ENGINE = InnoDB;
"""

PATROL = """
CREATE TABLE inspection_record (
    id BIGINT PRIMARY KEY AUTO_INCREMENT,
    equipment_id BIGINT NOT NULL COMMENT '设备id',
    filler_user_id BIGINT COMMENT '填写人ID',
    inspection_time DATETIME NOT NULL COMMENT '巡检时间',
    abnormal_desc VARCHAR(500) COMMENT '异常描述',
    handling_user VARCHAR(45) COMMENT '处理人',
    remark VARCHAR(500) COMMENT '备注'
) COMMENT '巡检记录表';
CREATE TABLE equipment_check (
    id BIGINT PRIMARY KEY AUTO_INCREMENT,
    user_id BIGINT NOT NULL COMMENT '用户ID',
    check_time DATETIME COMMENT '检查时间',
    abnormal_desc VARCHAR(500) COMMENT '异常描述'
) COMMENT '设备巡检记录表';
"""

LAB_FORM = """
CREATE TABLE [dbo].[ReportForm_BackUp](
	[ReportFormID] [varchar](50) NOT NULL,
	[CNAME] [varchar](50) NULL,
	[PATNO] [varchar](50) NULL,
	[DIAGNOSE] [varchar](200) NULL,
	[COLLECTER] [varchar](50) NULL,
	[TECHNICIAN] [varchar](50) NULL,
	[PRINTTIMES] [int] NULL
)
"""

LAB_ITEM = """
CREATE TABLE [dbo].[ReportItem_BackUp](
	[ReportItemID] [varchar](50) NOT NULL,
	[ReportFormID] [varchar](50) NULL,
	[TESTITEMNAME] [varchar](200) NULL,
	[REPORTVALUE] [varchar](500) NULL,
	[DISPORDER] [varchar](50) NULL
)
"""

KINDERGARTEN = """
CREATE TABLE student_info (
  id int(11) NOT NULL AUTO_INCREMENT,
  name varchar(20) NOT NULL COMMENT '幼儿姓名',
  birthday date COMMENT '幼儿出生日期',
  auditor_id int(11) COMMENT '审核人ID',
  auditor_name varchar(20) COMMENT '审核人姓名',
  PRIMARY KEY (id)
) COMMENT='幼儿信息表';
"""


def _scan(tmp_path: Path, **files: str) -> dict[str, Any]:
    for name, text in files.items():
        (tmp_path / f"{name}.sql").write_text(text, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {d.dataset.name.removeprefix("dbo."): d for d in result.datasets}


def _fields(ds: Any) -> dict[str, Any]:
    return {f.field.name: f for f in ds.findings}


def test_a_kind_of_customer_written_as_one_word_is_a_code_list(tmp_path: Path) -> None:
    kinds = _scan(tmp_path, hotel=HOTEL)["customertype"]
    assert kinds.subject.kind == "reference"
    assert not any(f.personal for f in kinds.findings)


def test_staff_who_filled_in_or_handled_a_record_do_not_make_it_theirs(tmp_path: Path) -> None:
    patrol = _scan(tmp_path, patrol=PATROL)["inspection_record"]
    assert patrol.subject.kind != "person_linked"
    assert not any(f.sensitive for f in patrol.findings)


def test_a_patrol_of_equipment_holds_no_ones_health(tmp_path: Path) -> None:
    check = _scan(tmp_path, patrol=PATROL)["equipment_check"]
    assert check.subject.kind == "person_linked"
    fields = _fields(check)
    assert not (fields["abnormal_desc"].element or "").startswith("pi.health.")
    assert not fields["abnormal_desc"].sensitive


def test_a_key_finds_the_backup_copy_of_its_table(tmp_path: Path) -> None:
    found = _scan(tmp_path, form=LAB_FORM, item=LAB_ITEM)
    item = found["ReportItem_BackUp"]
    assert item.subject.kind == "person_linked"
    assert [lk.target for lk in item.subject.links] == ["ReportForm_BackUp"]
    fields = _fields(item)
    assert fields["REPORTVALUE"].sensitive
    assert (fields["REPORTVALUE"].element or "").startswith("pi.health.")
    assert not (fields["DISPORDER"].element or "").startswith("pi.health.")


def test_staff_on_a_lab_report_are_named_not_tested(tmp_path: Path) -> None:
    form = _fields(_scan(tmp_path, form=LAB_FORM, item=LAB_ITEM)["ReportForm_BackUp"])
    for staff in ("COLLECTER", "TECHNICIAN"):
        assert form[staff].element == "pi.identity.name"
        assert not form[staff].sensitive
    assert not form["PRINTTIMES"].sensitive
    assert form["DIAGNOSE"].sensitive


def test_staff_on_a_childs_file_keep_their_own_pi(tmp_path: Path) -> None:
    child = _scan(tmp_path, kinder=KINDERGARTEN)["student_info"]
    assert child.subject.role == "minor"
    fields = _fields(child)
    assert fields["name"].sensitive
    assert fields["auditor_name"].personal
    assert not fields["auditor_name"].sensitive
    assert not fields["auditor_id"].sensitive


COLLECTION_AND_EXAMS = """
CREATE TABLE `case_distributed_temporary` (
  `id` varchar(64) NOT NULL DEFAULT '' COMMENT '主键ID',
  `case_number` varchar(64) DEFAULT NULL COMMENT '案件编号',
  `personal_name` varchar(200) DEFAULT NULL COMMENT '客户姓名',
  `current_department` varchar(64) DEFAULT NULL COMMENT '案件当前所在部门ID',
  `type` int(4) DEFAULT NULL COMMENT '分案类型',
  `company_code` varchar(64) DEFAULT NULL COMMENT '公司code码',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='案件分配结果临时表';
CREATE TABLE `examination` (
  `id` int UNSIGNED NOT NULL AUTO_INCREMENT,
  `examinationtitle` varchar(255) NULL DEFAULT NULL COMMENT '考试标题',
  `examination` text NULL COMMENT '试卷',
  `source` double NULL DEFAULT NULL COMMENT '分数',
  `userid` int NULL DEFAULT NULL COMMENT '用户Id',
  `username` varchar(255) NULL DEFAULT NULL COMMENT '用户名',
  PRIMARY KEY (`id`) USING BTREE
) ENGINE = InnoDB;
CREATE TABLE `tj_result` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` int NOT NULL COMMENT '用户ID',
  `item_value` varchar(64) COMMENT '项目值',
  PRIMARY KEY (`id`)
) COMMENT='体检结果表';
"""


def test_the_result_of_an_allocation_is_not_a_test_result(tmp_path: Path) -> None:
    found = _scan(tmp_path, cases=COLLECTION_AND_EXAMS)
    case = _fields(found["case_distributed_temporary"])
    for name in ("current_department", "type", "company_code"):
        assert not (case[name].element or "").startswith("pi.health."), name
    checkup = _fields(found["tj_result"])
    assert (checkup["item_value"].element or "").startswith("pi.health.")


def test_an_exam_sat_is_not_a_health_examination(tmp_path: Path) -> None:
    exam = _fields(_scan(tmp_path, cases=COLLECTION_AND_EXAMS)["examination"])
    assert not (exam["source"].element or "").startswith("pi.health.")
    assert not exam["source"].sensitive
