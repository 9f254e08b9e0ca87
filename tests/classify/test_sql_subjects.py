"""Subjects and families on SQL schemas without comments or with few: a benefit plan's
disability, carrier and cover records, an equipment register, a long record of emergency care,
code tables keyed by their own code, date-typed event columns, a work history keyed to a
résumé, REFID keys."""

from __future__ import annotations

from pathlib import Path

from dataflow.model import DatasetResult, FieldFinding
from dataflow.scan import ScanOptions, scan_paths


def _results(tmp_path: Path, text: str) -> dict[str, DatasetResult]:
    (tmp_path / "schema.sql").write_text(text, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: r for r in report.datasets}


def _finding(result: DatasetResult, name: str) -> FieldFinding:
    return next(f for f in result.findings if f.field.name == name)


PLAN = """
CREATE TABLE PLAN_MEMBER (PM_ID NUMBER PRIMARY KEY, PM_FIRST_NAME VARCHAR2(40),
  PM_LAST_NAME VARCHAR2(40), PM_DOB DATE, PM_EMAIL VARCHAR2(80));
CREATE TABLE MEMBER_DISABILITY (MD_KEY NUMBER PRIMARY KEY,
  MD_MEMBER_ID NUMBER REFERENCES PLAN_MEMBER(PM_ID), MD_TYPE VARCHAR2(10),
  MD_START_DATE DATE, MD_RECOVERY_DATE DATE);
CREATE TABLE INS_CARRIER (IC_ID NUMBER PRIMARY KEY, IC_CLIENT VARCHAR2(10),
  IC_NAME VARCHAR2(60), IC_EFF_DATE DATE, IC_ADDRESS1 VARCHAR2(80), IC_CITY VARCHAR2(40),
  IC_POSTAL_CODE VARCHAR2(10), IC_EMAIL VARCHAR2(80));
"""


def test_a_members_disability_record_is_sensitive(tmp_path: Path) -> None:
    disability = _results(tmp_path, PLAN)["MEMBER_DISABILITY"]
    assert disability.subject is not None and disability.subject.about_person
    for name in ("MD_TYPE", "MD_START_DATE", "MD_RECOVERY_DATE"):
        finding = _finding(disability, name)
        assert finding.personal and finding.sensitive, name
        assert finding.element == "pi.special_identity.disability", name


def test_an_insurance_carrier_is_an_organisation(tmp_path: Path) -> None:
    carrier = _results(tmp_path, PLAN)["INS_CARRIER"]
    assert carrier.subject is not None and carrier.subject.kind == "organisation"
    assert [f.field.name for f in carrier.findings if f.personal] == []


EQUIPMENT = """
CREATE TABLE info_device (
  pk_id INT PRIMARY KEY,
  device_code INT COMMENT '设备号，自行定义',
  device_serial_number VARCHAR(64) COMMENT '设备序列号',
  device_produce_date DATE COMMENT '设备购买时间'
) COMMENT '设备信息表';
CREATE TABLE app_user (user_id INT PRIMARY KEY, phone VARCHAR(20) COMMENT '手机号',
  device_id VARCHAR(64) COMMENT '设备ID') COMMENT '用户表';
"""


def test_serial_numbers_in_an_equipment_register_are_not_personal(tmp_path: Path) -> None:
    by_name = _results(tmp_path, EQUIPMENT)
    assert [f.field.name for f in by_name["info_device"].findings if f.personal] == []
    # the device a user signs in from stays that user's
    assert _finding(by_name["app_user"], "device_id").personal


COVER = """
CREATE TABLE PLAN_MEMBER (PM_ID NUMBER PRIMARY KEY, PM_FIRST_NAME VARCHAR2(40),
  PM_LAST_NAME VARCHAR2(40), PM_DOB DATE);
CREATE TABLE MEMBER_COVER (MC_KEY NUMBER PRIMARY KEY,
  MC_MEMBER_ID NUMBER REFERENCES PLAN_MEMBER(PM_ID), MC_COVERAGE VARCHAR2(10),
  MC_WAIVER_COVERAGE VARCHAR2(10), MC_SUBSIDIZED CHAR(1));
"""


def test_a_members_insurance_cover_is_their_property_information(tmp_path: Path) -> None:
    cover = _results(tmp_path, COVER)["MEMBER_COVER"]
    for name in ("MC_COVERAGE", "MC_WAIVER_COVERAGE", "MC_SUBSIDIZED"):
        finding = _finding(cover, name)
        assert finding.personal and finding.element == "pi.financial.amount", name


RUN = """
CREATE TABLE patient (patient_id INT PRIMARY KEY, name VARCHAR(20), phone VARCHAR(20));
CREATE TABLE run_sheet (
  run_id INT PRIMARY KEY,
  patient_id INT REFERENCES patient(patient_id),
  pickup_address VARCHAR(200),
  dispatch_time DATETIME,
  arrival_time DATETIME,
  chief_complaint VARCHAR(200),
  initial_diagnosis VARCHAR(200),
  severity_level VARCHAR(20) COMMENT '病情分级',
  procedures VARCHAR(200),
  allergy VARCHAR(200),
  blood_pressure VARCHAR(20),
  gcs_score INT,
  outcome VARCHAR(100),
  nurse VARCHAR(20),
  driver VARCHAR(20),
  stretcher_bearer VARCHAR(20),
  paramedic VARCHAR(20),
  recipient VARCHAR(20),
  vehicle_plate VARCHAR(20),
  run_note VARCHAR(200),
  signed_by VARCHAR(20),
  cost DECIMAL(10,2),
  crew_phone VARCHAR(20),
  mileage INT,
  fuel_used DECIMAL(6,2),
  station VARCHAR(50),
  weather VARCHAR(50)
);
"""


def test_a_long_run_sheet_with_many_health_columns_is_a_health_record(tmp_path: Path) -> None:
    run = _results(tmp_path, RUN)["run_sheet"]
    by_name = {f.field.name: f for f in run.findings}
    for name in ("gcs_score", "dispatch_time", "arrival_time"):
        assert by_name[name].personal and by_name[name].sensitive, name


CODES = """
CREATE TABLE SCHOOL.GENDER_CODE (GENDER_CODE VARCHAR2(10) NOT NULL, LABEL VARCHAR2(30),
  DESCRIPTION VARCHAR2(255), EFFECTIVE_DATE DATE, EXPIRY_DATE DATE, CREATE_USER VARCHAR2(32),
  CONSTRAINT GENDER_CODE_PK PRIMARY KEY (GENDER_CODE));
CREATE TABLE SCHOOL.LOGIN_CHANNEL_CODE (LOGIN_CHANNEL_CODE VARCHAR2(10) NOT NULL,
  LABEL VARCHAR2(30), DESCRIPTION VARCHAR2(255), EFFECTIVE_DATE DATE, EXPIRY_DATE DATE,
  CREATE_USER VARCHAR2(32), CONSTRAINT LOGIN_CHANNEL_CODE_PK PRIMARY KEY (LOGIN_CHANNEL_CODE));
CREATE TABLE SCHOOL.PUPIL (PUPIL_ID NUMBER NOT NULL, LEGAL_FIRST_NAME VARCHAR2(40),
  DOB DATE, GENDER_CODE VARCHAR2(10), EMAIL VARCHAR2(80),
  CONSTRAINT PUPIL_PK PRIMARY KEY (PUPIL_ID));
"""


def test_a_table_keyed_by_its_own_code_is_a_code_list(tmp_path: Path) -> None:
    by_name = _results(tmp_path, CODES)
    for name in ("SCHOOL.GENDER_CODE", "SCHOOL.LOGIN_CHANNEL_CODE"):
        result = by_name[name]
        assert result.subject is not None and result.subject.kind == "reference", name
        assert [f.field.name for f in result.findings if f.personal] == [], name
    # the pupil's own gender code stays the pupil's
    pupil = by_name["SCHOOL.PUPIL"]
    assert _finding(pupil, "GENDER_CODE").personal


BOOKING = """
CREATE TABLE guest (id int IDENTITY(1,1) PRIMARY KEY, first_name varchar(80),
  last_name varchar(80));
CREATE TABLE booking (id int IDENTITY(1,1) PRIMARY KEY,
  guest_id int FOREIGN KEY REFERENCES guest(id), date_in date, date_out date);
"""


def test_date_typed_columns_of_a_persons_booking_are_their_activity(tmp_path: Path) -> None:
    booking = _results(tmp_path, BOOKING)["booking"]
    assert booking.subject is not None and booking.subject.kind == "person_linked"
    by_name = {f.field.name: f for f in booking.findings}
    assert by_name["date_in"].personal and by_name["date_out"].personal


WORK_HISTORY = """
CREATE TABLE cv_resume (id bigint PRIMARY KEY COMMENT '编号', real_name varchar(20) COMMENT '姓名',
  phone varchar(20) COMMENT '手机号') COMMENT '简历';
CREATE TABLE cv_job_history (id bigint PRIMARY KEY COMMENT '编号',
  resume_id bigint COMMENT '简历编号', position varchar(50) COMMENT '职位',
  start_date datetime COMMENT '开始时间', subordinate_num int COMMENT '下属人数',
  work_duty varchar(500) COMMENT '工作职责', orgnazation varchar(100) COMMENT '工作单位'
) COMMENT '工作经历';
"""


def test_a_work_history_keyed_to_a_resume_is_the_persons(tmp_path: Path) -> None:
    history = _results(tmp_path, WORK_HISTORY)["cv_job_history"]
    assert history.subject is not None and history.subject.kind == "person_linked"
    by_name = {f.field.name: f for f in history.findings}
    for name in ("position", "start_date", "work_duty", "orgnazation"):
        assert by_name[name].personal, name


WARD_NOTES = """
CREATE TABLE PATIENT (REFID varchar(36) PRIMARY KEY, PATIENT_NAME varchar(40),
  MOBILE varchar(20));
CREATE TABLE WARD_NOTE (REFID varchar(36) PRIMARY KEY, PATIENT_REFID varchar(36),
  DEPT_REFID varchar(36) COMMENT '科室', NOTE_TEXT varchar(500), NOTE_TIME datetime);
"""


def test_refid_columns_are_keys(tmp_path: Path) -> None:
    note = _results(tmp_path, WARD_NOTES)["WARD_NOTE"]
    assert note.subject is not None and note.subject.kind == "person_linked"
    assert [link.column for link in note.subject.links] == ["PATIENT_REFID"]
    by_name = {f.field.name: f for f in note.findings}
    assert not by_name["DEPT_REFID"].personal
    assert by_name["NOTE_TEXT"].sensitive
