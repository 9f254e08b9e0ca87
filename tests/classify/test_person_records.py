"""Records of a person found by what their keys and columns say: a health-management number as the
person's key, staff numbers and employers on an employee's record, authentication keys."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

DIABETES = """
CREATE TABLE `user_info` (`health_id` int COMMENT '健康管理号', `name` varchar(20) COMMENT '姓名',
  `tel` varchar(20) COMMENT '手机号');
CREATE TABLE `dm_record` (`id` int NOT NULL AUTO_INCREMENT,
  `health_id` int unsigned DEFAULT '0' COMMENT '健康管理号',
  `is_diabetes` smallint COMMENT '是否诊断为糖尿病',
  `fasting_blood_glucose` float COMMENT '空腹血糖',
  `postprandial_blood_glucose` float COMMENT '餐后血糖',
  `is_ketoacidosis` smallint COMMENT '是否酮症酸中毒病发症',
  `diet` float COMMENT '主食', `milk` float COMMENT '牛奶', `salt` float COMMENT '盐',
  `create_time` timestamp, PRIMARY KEY (`id`));
CREATE TABLE `check_record` (`health_id` int COMMENT '健康管理好', `height` float COMMENT '身高',
  `weight` float COMMENT '体重', `hip` float COMMENT '臀围', `diet` int COMMENT '饮食');
"""


def test_health_management_number_is_the_persons_key(tmp_path: Path) -> None:
    """`health_id` '健康管理号' numbers a person's health file: a table keyed by it alone is that
    person's record, and its health columns (a diet of a diabetic) are sensitive; the number
    itself is personal. A misspelt comment leaves the name to say it."""
    results = _scan(tmp_path, {"health.sql": DIABETES})
    record, check = results["dm_record"], results["check_record"]
    assert record.subject.kind == "person_linked"
    assert [lk.column for lk in record.subject.links] == ["health_id"]
    assert check.subject.kind == "person_linked"
    for column in ("is_diabetes", "is_ketoacidosis", "diet", "milk", "salt"):
        found = _finding(record, column)
        assert found.personal and found.sensitive, column
    for column in ("hip", "diet"):
        assert _finding(check, column).sensitive, column
    assert _finding(record, "health_id").personal
    assert not _finding(record, "create_time").personal


def test_a_table_of_foods_without_a_persons_key_is_not_health_data(tmp_path: Path) -> None:
    sql = """CREATE TABLE food (id int, diet float COMMENT '主食', milk float COMMENT '牛奶',
      salt float COMMENT '盐', food_code varchar(10));"""
    results = _scan(tmp_path, {"food.sql": sql})
    assert results["food"].subject.kind != "person_linked"
    assert not any(f.sensitive for f in results["food"].findings)


def test_staff_number_employer_and_auth_key_on_a_persons_row(tmp_path: Path) -> None:
    """A doctor's own key commented 医生编号 is a staff number; the hospital the doctor belongs to
    (所属医院) is their employer; a user's `authKey` is authentication data (sensitive). A
    department's number and a patient's hospital are neither."""
    sql = """
    CREATE TABLE doctor (id int PRIMARY KEY COMMENT '医生编号', name varchar(20) COMMENT '医生姓名',
      hospital varchar(32) COMMENT '所属医院', dept_id int COMMENT '部门编号');
    CREATE TABLE user (id int PRIMARY KEY, username varchar(20) COMMENT '用户名',
      authKey varchar(100), password varchar(64) COMMENT '密码');
    CREATE TABLE patient_visit (id int, patient_id int COMMENT '患者ID',
      hospital varchar(32) COMMENT '就诊医院');
    """
    results = _scan(tmp_path, {"staff.sql": sql})
    doctor = results["doctor"]
    assert _finding(doctor, "id").personal
    employer = _finding(doctor, "hospital")
    assert employer.personal and employer.element == "pi.education_work.employer"
    assert "employer" in employer.evidence[-1].detail
    assert not _finding(doctor, "dept_id").personal
    auth = _finding(results["user"], "authKey")
    assert auth.personal and auth.sensitive and auth.element == "pi.credential.secret_key"
    visit_hospital = _finding(results["patient_visit"], "hospital")
    assert visit_hospital.element != "pi.education_work.employer"
