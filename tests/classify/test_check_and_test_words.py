"""`check`, `test`, `exam`, `result` and `report` name a health check in a clinical schema and a
check, a test or a report of anything elsewhere. A database table named with them alone is on the
topic of examination results (sensitive health information) only where it speaks of health or
care itself (a patient's key, a column naming health information, a Chinese comment); an office
system's attendance check-ins (`t_check`, from an open-source OA schema) are the employee's
record of clocking in: PI, not test results."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

USERS = "CREATE TABLE t_user (user_id INT PRIMARY KEY, user_name VARCHAR(255));\n"

ATTENDANCE = """
CREATE TABLE `t_check`  (
  `check_id` int NOT NULL AUTO_INCREMENT,
  `user_id` int NOT NULL,
  `user_name` varchar(255) NOT NULL,
  `this_date` datetime NULL DEFAULT NULL,
  `check_start_time` datetime NULL DEFAULT NULL,
  `check_end_time` datetime NULL DEFAULT NULL,
  `late_time` varchar(255) NULL DEFAULT NULL,
  `leave_status` int NULL DEFAULT NULL,
  PRIMARY KEY (`check_id`) USING BTREE
) ENGINE = InnoDB;
"""

CLINIC = """
CREATE TABLE patient (patient_id INT PRIMARY KEY, name VARCHAR(64));
CREATE TABLE `t_check`  (
  `check_id` int NOT NULL AUTO_INCREMENT,
  `patient_id` int NOT NULL,
  `this_date` datetime NULL DEFAULT NULL,
  `check_start_time` datetime NULL DEFAULT NULL,
  `blood_pressure` varchar(32) NULL DEFAULT NULL,
  PRIMARY KEY (`check_id`) USING BTREE
) ENGINE = InnoDB;
"""


def _check(tmp_path: Path, ddl: str):  # type: ignore[no-untyped-def]
    (tmp_path / "schema.sql").write_text(ddl, encoding="utf-8")
    found = scan_paths([tmp_path], ScanOptions(content=False))
    table = next(d for d in found.datasets if d.dataset.name == "t_check")
    return {f.field.name: f for f in table.findings}


def test_an_attendance_check_is_the_persons_record_not_a_test_result(tmp_path: Path) -> None:
    by_name = _check(tmp_path, USERS + ATTENDANCE)
    for column in ("check_start_time", "check_end_time", "this_date"):
        finding = by_name[column]
        assert finding.personal, column
        assert finding.element != "pi.health.test_result", column
        assert not finding.sensitive, column


def test_a_patients_check_stays_an_examination(tmp_path: Path) -> None:
    by_name = _check(tmp_path, CLINIC)
    assert by_name["this_date"].element == "pi.health.test_result"
    assert by_name["this_date"].sensitive


CLINIC_REPORTS = """
CREATE TABLE patients(
pid int unique,
name text,
age int,
sex text,
diagnosis text
);
CREATE TABLE reports(
pid int,
time int,
sample text,
form text,
data text
);
"""


def test_a_patients_reports_stay_examination_results(tmp_path: Path) -> None:
    # a clinic's `reports` keyed by the patient's `pid` (a public clinic schema): no column
    # names health information, but the rows are a patient's, so the report is their results
    (tmp_path / "schema.sql").write_text(CLINIC_REPORTS, encoding="utf-8")
    found = scan_paths([tmp_path], ScanOptions(content=False))
    table = next(d for d in found.datasets if d.dataset.name == "reports")
    assert table.subject is not None and table.subject.role == "patient"
    data = next(f for f in table.findings if f.field.name == "data")
    assert data.element == "pi.health.test_result"
    assert data.sensitive


EXAMS = """
CREATE TABLE E_ExamUserRecord(
    ID varchar(50) NOT NULL COMMENT '记录ID',
    OrgName varchar(50) NULL COMMENT '供电所名称',
    OrgCode varchar(50) NULL COMMENT '供电所代码',
    Name varchar(500) NULL COMMENT '姓名',
    Post varchar(100) NULL COMMENT '职务',
    CreateMan varchar(50) NULL COMMENT '创建人',
    CreateDate datetime NULL COMMENT '创建日期',
    ExamRecord text NULL COMMENT '考试记录'
);
"""


def test_an_employees_exam_record_is_their_activity_not_a_test_result(tmp_path: Path) -> None:
    # a power company's staff exams (a public SQL Server schema, its column descriptions as
    # comments): the exams a user sat, their activity record
    (tmp_path / "schema.sql").write_text(EXAMS, encoding="utf-8")
    found = scan_paths([tmp_path], ScanOptions(content=False))
    table = next(d for d in found.datasets if d.dataset.name == "E_ExamUserRecord")
    record = next(f for f in table.findings if f.field.name == "ExamRecord")
    assert record.personal
    assert record.element == "pi.online_activity.usage_record"
    assert not record.sensitive
