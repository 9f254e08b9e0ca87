"""A clinic's records of a patient written in full pinyin (`huanzhe_bianhao` 患者编号 keys the
row to the patient as `patient_no` would), a hospital's visit records (a comment naming the
hospital, '医院就诊记录表', over rows keyed to patients), and the sessions of a patient's course
of physiotherapy (理疗) are that patient's health records: sensitive."""

from __future__ import annotations

from pathlib import Path

from tests.builders import finding_of, scan_files

CLINIC = """
CREATE TABLE `huanzhe` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `bianhao` varchar(32) NOT NULL COMMENT '患者编号',
  `xingming` varchar(50) COMMENT '姓名',
  `dianhua` varchar(20) COMMENT '联系电话',
  PRIMARY KEY (`id`)
) COMMENT='患者主档';

CREATE TABLE `liliao_xiaoci` (
  `id` bigint NOT NULL AUTO_INCREMENT COMMENT '消次ID',
  `huanzhe_bianhao` varchar(32) NOT NULL COMMENT '患者编号',
  `xiaoci_shijian` datetime COMMENT '消次时间',
  `beizhu` varchar(200) COMMENT '备注',
  PRIMARY KEY (`id`)
) COMMENT='理疗消次记录';
"""

HOSPITAL = """
create table hospital_patient (
  patient_id bigint(20) not null auto_increment comment '患者ID',
  patient_name varchar(50) comment '患者姓名',
  phone varchar(20) comment '联系电话',
  primary key (patient_id)
) comment = '患者信息表';

create table hospital_visit_record (
  visit_id bigint(20) not null auto_increment comment '就诊记录ID',
  patient_id bigint(20) not null comment '患者ID',
  doctor_id bigint(20) comment '医生ID',
  department_id bigint(20) comment '科室ID',
  visit_time datetime not null comment '就诊时间',
  chief_complaint varchar(500) comment '主诉',
  treatment_advice varchar(1000) comment '处理意见',
  primary key (visit_id)
) comment = '医院就诊记录表';

create table hospital_doctor (
  doctor_id bigint(20) not null auto_increment comment '医生ID',
  doctor_name varchar(50) comment '医生姓名',
  department_id bigint(20) comment '所属科室ID',
  primary key (doctor_id)
) comment = '医生信息表';

create table hospital_info (
  hospital_id bigint(20) not null auto_increment comment '医院ID',
  hospital_name varchar(100) comment '医院名称',
  address varchar(200) comment '地址',
  primary key (hospital_id)
) comment = '医院信息表';
"""


def test_a_full_pinyin_patient_number_keys_the_patients_sessions(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"his.sql": CLINIC})
    sessions = found["liliao_xiaoci"]
    assert sessions.subject.kind == "person_linked"
    assert sessions.subject.role == "patient"
    assert [link.target for link in sessions.subject.links] == ["huanzhe"]
    for column in ("xiaoci_shijian", "beizhu"):
        f = finding_of(sessions, column)
        assert f.sensitive and f.element == "pi.health.procedure", column


def test_a_hospitals_visit_records_of_patients_are_theirs(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"hospital.sql": HOSPITAL})
    visits = found["hospital_visit_record"]
    assert visits.subject.kind == "person_linked"
    assert visits.subject.role == "patient"
    for column in ("visit_time", "chief_complaint"):
        assert finding_of(visits, column).sensitive, column
    # the hospital's own record stays the organisation's
    hospital = found["hospital_info"]
    assert hospital.subject.kind == "organisation"
    assert not finding_of(hospital, "address").personal


def test_the_department_a_patient_visits_is_part_of_the_visit(tmp_path: Path) -> None:
    """Which clinic sees a patient says what they are treated for; the department a doctor
    works in is the doctor's work."""
    found = scan_files(tmp_path, {"hospital.sql": HOSPITAL})
    visit_department = finding_of(found["hospital_visit_record"], "department_id")
    assert visit_department.sensitive
    assert visit_department.element == "pi.health.medical_visit"
    assert not finding_of(found["hospital_doctor"], "department_id").sensitive
