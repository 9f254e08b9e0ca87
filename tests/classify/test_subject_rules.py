"""Subject rules for kinds of columns that unseen schemas share: staff names on a person's
record, misspelt family words, comments saying a column is about no one person."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from builders import finding_of, scan_files

from dataflow.catalog import load_catalog
from dataflow.subject import rules_for


def _scan(tmp_path: Path, text: str, name: str = "schema.sql") -> dict[str, Any]:
    return scan_files(tmp_path, {name: text})


HR_FILE = """
CREATE TABLE employee_file (
  file_id int PRIMARY KEY,
  employee_name varchar(60),
  register varchar(60),
  checker varchar(60),
  checker_id int,
  demand_salaray_sum decimal(10,2),
  bouns_amount decimal(10,2),
  weight int COMMENT '权重',
  staff_amount smallint COMMENT '部门总人数'
);
CREATE TABLE salary_standard (
  id int PRIMARY KEY,
  standard_name varchar(60),
  register varchar(60),
  checker varchar(60)
);
"""


def test_staff_named_on_a_persons_record_are_names(tmp_path: Path) -> None:
    results = _scan(tmp_path, HR_FILE)
    record = results["employee_file"]
    for column in ("register", "checker"):
        found = finding_of(record, column)
        assert found.personal and found.element == "pi.identity.name", column
        assert found.evidence[-1].rule == "subject-person-column"
    # a staff member's key is not a name, and on a record about no person nothing is
    assert finding_of(record, "checker_id").element != "pi.identity.name"
    standard = results["salary_standard"]
    assert not finding_of(standard, "register").personal
    assert not finding_of(standard, "checker").personal


def test_misspelt_family_words_are_read_as_meant(tmp_path: Path) -> None:
    record = _scan(tmp_path, HR_FILE)["employee_file"]
    salary = finding_of(record, "demand_salaray_sum")
    assert salary.personal and salary.category == "pi.financial"
    assert "salary" in salary.evidence[-1].detail
    bonus = finding_of(record, "bouns_amount")
    assert bonus.personal


def test_spelling_is_put_right_only_for_unknown_words() -> None:
    rules = rules_for(load_catalog())
    assert rules.spelled(("bouns", "sum")) == ("bonus", "sum")
    assert rules.spelled(("demand", "salaray")) == ("demand", "salary")
    # real words one letter from a family word stay as they are
    assert rules.spelled(("assert", "code")) == ("assert", "code")
    assert rules.spelled(("contract", "no")) == ("contract", "no")
    # short words are too easily another word
    assert rules.spelled(("fee",)) == ("fee",)


def test_a_comment_saying_weighting_or_headcount_is_about_no_one(tmp_path: Path) -> None:
    record = _scan(tmp_path, HR_FILE)["employee_file"]
    assert not finding_of(record, "weight").personal
    assert not finding_of(record, "staff_amount").personal


def test_a_weight_without_such_a_comment_is_the_persons(tmp_path: Path) -> None:
    text = "CREATE TABLE patient (id int PRIMARY KEY, name varchar(20), weight int);"
    found = finding_of(_scan(tmp_path, text)["patient"], "weight")
    assert found.personal and found.sensitive


MATERNAL = """
CREATE TABLE HealthFileMaternal (ID int PRIMARY KEY, Name varchar(20), IdCard varchar(18));
CREATE TABLE Hospitalization (ID int PRIMARY KEY, MedicalExamID int, BeginDate date,
  Reason varchar(200), Hospital varchar(100));
CREATE TABLE VaccinateHistory (ID int PRIMARY KEY, MedicalExamID int, BacterinName varchar(50),
  Hostpital varchar(100));
CREATE TABLE Organization (ID int PRIMARY KEY, Name varchar(100), Hospital varchar(100));
"""


def test_a_key_to_a_medical_exam_links_the_rows_to_a_person(tmp_path: Path) -> None:
    results = _scan(tmp_path, MATERNAL)
    stay = results["Hospitalization"]
    assert stay.subject.kind == "person_linked"
    assert [lk.column for lk in stay.subject.links] == ["MedicalExamID"]
    for column in ("BeginDate", "Reason"):
        found = finding_of(stay, column)
        assert found.sensitive and found.category == "pi.health", column


def test_the_hospital_of_a_persons_care_is_health_information(tmp_path: Path) -> None:
    results = _scan(tmp_path, MATERNAL)
    hospital = finding_of(results["Hospitalization"], "Hospital")
    assert hospital.sensitive and hospital.category == "pi.health"
    # misspelt, on a vaccination record
    vaccine_place = finding_of(results["VaccinateHistory"], "Hostpital")
    assert vaccine_place.sensitive and vaccine_place.element == "pi.health.medication"
    # an organisation's hospital is no one's health information
    assert not finding_of(results["Organization"], "Hospital").personal


def test_a_total_of_money_is_an_amount_not_a_count(tmp_path: Path) -> None:
    text = """
CREATE TABLE customer (id int PRIMARY KEY, name varchar(50), phone varchar(20));
CREATE TABLE payment (id int PRIMARY KEY, customer_id int REFERENCES customer(id),
  amount_total decimal(10,2), item_total int);
"""
    payment = _scan(tmp_path, text)["payment"]
    amount = finding_of(payment, "amount_total")
    assert amount.personal and amount.element == "pi.financial.amount"
    # a count of items is not an amount; on a person's payment it is what they bought
    assert finding_of(payment, "item_total").element == "pi.online_activity.usage_record"


def test_people_in_a_hospital_are_not_the_hospital(tmp_path: Path) -> None:
    text = """
CREATE TABLE pats_in_hospital (id int PRIMARY KEY, patient_id varchar(10), ward_code varchar(8),
  diagnosis varchar(100), bed_no varchar(8));
CREATE TABLE hospital (id int PRIMARY KEY, name varchar(100), address varchar(200),
  phone varchar(20));
CREATE TABLE ward (id int PRIMARY KEY, name varchar(50)) ;
"""
    results = _scan(tmp_path, text)
    stay = results["pats_in_hospital"]
    assert stay.subject.kind != "organisation"
    assert finding_of(stay, "diagnosis").sensitive
    assert results["hospital"].subject.kind == "organisation"
    assert not finding_of(results["hospital"], "address").personal


def test_a_list_of_people_called_a_dictionary_is_about_people(tmp_path: Path) -> None:
    text = """
CREATE TABLE persion_info (id varchar(20), name varchar(20), sex varchar(4),
  card_no varchar(18), phone_num varchar(20));
COMMENT ON TABLE persion_info IS '人员字典表';
COMMENT ON COLUMN persion_info.name IS '姓名';
COMMENT ON COLUMN persion_info.card_no IS '身份证号';
CREATE TABLE dept_dict (id varchar(20), name varchar(20), phone_num varchar(20));
COMMENT ON TABLE dept_dict IS '科室字典表';
"""
    results = _scan(tmp_path, text)
    people = results["persion_info"]
    assert people.subject.kind == "person"  # `persion`: a person, misspelt
    assert finding_of(people, "name").element == "pi.identity.name"
    assert finding_of(people, "card_no").sensitive
    assert not finding_of(results["dept_dict"], "phone_num").personal


ALLERGY = """{
  "$schema": "http://json-schema.org/draft-04/schema",
  "title": "allergy",
  "type": "object",
  "properties": {
    "date_time": {"type": "string"},
    "observation": {"type": "object", "properties": {
      "status": {"type": "string"},
      "severity": {"type": "string"}
    }}
  }
}"""

PRODUCT = """{
  "$schema": "http://json-schema.org/draft-04/schema",
  "title": "product",
  "type": "object",
  "properties": {"date_time": {"type": "string"}, "status": {"type": "string"}}
}"""


def test_a_schema_document_on_a_health_topic_is_a_patients_record(tmp_path: Path) -> None:
    (tmp_path / "product.json").write_text(PRODUCT, encoding="utf-8")
    results = _scan(tmp_path, ALLERGY, "allergy.json")
    allergy = results["allergy"]
    assert allergy.subject.kind == "person_linked" and allergy.subject.role == "patient"
    assert "section of a patient's record" in allergy.subject.evidence[-1]
    severity = finding_of(allergy, "severity")
    assert severity.sensitive and severity.category == "pi.health"
    assert results["product"].subject.kind != "person_linked"
    assert not finding_of(results["product"], "status").personal


def test_dates_and_years_of_employment_are_work_information(tmp_path: Path) -> None:
    text = """
CREATE TABLE hr_content (id int, name varchar(20), user_id varchar(20), gender varchar(5),
  minzu varchar(10), marry varchar(10), indate varchar(20), companyage int, sign_start date);
"""
    record = _scan(tmp_path, text)["hr_content"]
    for column in ("indate", "companyage", "sign_start"):
        found = finding_of(record, column)
        assert found.personal and found.element == "pi.education_work.work_history", column


def test_abbreviated_customer_keys_phones_and_appraisals(tmp_path: Path) -> None:
    text = """
CREATE TABLE users (cus_id int PRIMARY KEY, name varchar(20), pho_num varchar(20));
CREATE TABLE policy_claim (policy_id int PRIMARY KEY, cus_id int, claim_comment varchar(200));
CREATE TABLE 绩效考核结果 (标识 int, 员工编号 varchar(20), 个人绩效实得 decimal(10,2));
"""
    results = _scan(tmp_path, text)
    assert finding_of(results["users"], "pho_num").element == "pi.contact.mobile"
    claim = results["policy_claim"]
    assert claim.subject.kind == "person_linked" and claim.subject.role == "customer"
    appraisal = finding_of(results["绩效考核结果"], "个人绩效实得")
    assert appraisal.personal and appraisal.category == "pi.education_work"


def test_every_field_of_a_clinical_document_is_part_of_it(tmp_path: Path) -> None:
    doc = ALLERGY.replace(
        '"severity": {"type": "string"}',
        '"severity": {"type": "string"}, "additionalProperties": {"type": "boolean"}',
    )
    allergy = _scan(tmp_path, doc, "allergy.json")["allergy"]
    for column in ("date_time", "status"):
        found = finding_of(allergy, column)
        assert found.sensitive and found.category == "pi.health", column
    assert not finding_of(allergy, "additionalProperties").personal


def test_generic_words_with_the_persons_own_modifiers(tmp_path: Path) -> None:
    text = """
CREATE TABLE pat_master_index (patient_id varchar(10), name varchar(20), sex varchar(4),
  date_of_birth date, nation varchar(10), e_name varchar(100), foreign_language varchar(16),
  dept_name varchar(50), insurance_no varchar(18), event_name varchar(100) COMMENT '事件名称');
"""
    record = _scan(tmp_path, text)["pat_master_index"]
    assert finding_of(record, "e_name").element == "pi.identity.name"
    assert finding_of(record, "foreign_language").personal
    assert finding_of(record, "insurance_no").personal
    assert finding_of(record, "dept_name").element != "pi.identity.name"
    assert finding_of(record, "event_name").element != "pi.identity.name"


def test_the_staff_member_in_charge_of_a_thing_does_not_make_it_theirs(tmp_path: Path) -> None:
    text = """
CREATE TABLE class_info (class_id varchar(100), class_name varchar(255) COMMENT '班级名称',
  main_teacher_id varchar(255) COMMENT '班主任老师', description varchar(255) COMMENT '班级简介');
CREATE TABLE leave_apply (id int, teacher_id varchar(20) COMMENT '申请老师',
  reason varchar(255) COMMENT '请假原因');
"""
    results = _scan(tmp_path, text)
    assert results["class_info"].subject.kind != "person_linked"
    assert not finding_of(results["class_info"], "class_name").personal
    assert not finding_of(results["class_info"], "description").personal
    leave = results["leave_apply"]
    assert leave.subject.kind == "person_linked" and leave.subject.role == "employee"


HOSPITAL_STATISTICS = """{"type": "record", "name": "InpatientCharges", "fields": [
  {"name": "drg_definition", "type": "string"},
  {"name": "provider_id", "type": "string"},
  {"name": "provider_address", "type": "string"},
  {"name": "provider_zipcode", "type": "string"},
  {"name": "hospital_referral_region", "type": "string"},
  {"name": "total_discharges", "type": "int"},
  {"name": "average_covered_charges", "type": "double"},
  {"name": "average_total_payments", "type": "double"}
]}"""

PATIENT_CHARGES = """{"type": "record", "name": "InpatientCharges", "fields": [
  {"name": "patient_name", "type": "string"},
  {"name": "birth_date", "type": "string"},
  {"name": "drg_definition", "type": "string"},
  {"name": "average_covered_charges", "type": "double"},
  {"name": "average_total_payments", "type": "double"}
]}"""


def test_statistics_per_organisation_are_about_no_person(tmp_path: Path) -> None:
    # averages and totals per hospital: the rows are not a person's record
    stats = _scan(tmp_path / "stats", HOSPITAL_STATISTICS, "charges.avsc")["InpatientCharges"]
    for column in ("drg_definition", "provider_address", "provider_zipcode", "total_discharges"):
        assert not finding_of(stats, column).personal, column
    assert not finding_of(stats, "average_total_payments").personal
    # the same averages next to a patient's birth date stay on a patient's record
    record = _scan(tmp_path / "record", PATIENT_CHARGES, "charges.avsc")["InpatientCharges"]
    assert finding_of(record, "drg_definition").sensitive
    assert finding_of(record, "birth_date").personal


SCHOOL_PLATFORM = """
CREATE TABLE new_student (
  id int PRIMARY KEY COMMENT '主键',
  school_id int COMMENT '学校',
  name varchar(50) COMMENT '姓名',
  sex char(2) COMMENT '性别',
  birth_date datetime COMMENT '出生日期',
  address varchar(100) COMMENT '现住地址'
);
CREATE TABLE student_score (
  id int PRIMARY KEY,
  student_id int COMMENT '学生',
  score varchar(6) COMMENT '成绩',
  team_id int COMMENT '班级',
  grade_id int COMMENT '年级'
);
CREATE TABLE dormitory_person (
  id int PRIMARY KEY,
  dormitory_code varchar(20) COMMENT '宿舍编号',
  student_id int COMMENT '学生ID',
  student_name varchar(50) COMMENT '学生姓名'
);
"""


def test_pupils_in_school_grades_and_classes_are_children(tmp_path: Path) -> None:
    results = _scan(tmp_path / "school", SCHOOL_PLATFORM)
    pupil = results["new_student"]
    for column in ("name", "sex", "birth_date", "address"):
        assert finding_of(pupil, column).sensitive, column
    assert finding_of(results["student_score"], "score").sensitive
    # the residents of a dormitory named as students are the same pupils
    assert finding_of(results["dormitory_person"], "student_name").sensitive
    # a university's classes and grades: its students are adults
    college = SCHOOL_PLATFORM.replace("'学校'", "'学院'")
    adult = _scan(tmp_path / "college", college)["new_student"]
    assert finding_of(adult, "name").personal and not finding_of(adult, "name").sensitive


STAFF_LOGIN = """
CREATE TABLE all_user (
  id int(11) NOT NULL,
  pwd int(11) NOT NULL,
  mobile int(11) NOT NULL,
  tel bigint(20) DEFAULT NULL,
  pwd_set smallint DEFAULT 0
);
CREATE TABLE user_flags (
  user_id int(11) NOT NULL,
  mobile tinyint(1) DEFAULT 0,
  pwd smallint DEFAULT 0
);
"""


def test_numbers_declared_int_can_be_passwords_and_mobiles(tmp_path: Path) -> None:
    results = _scan(tmp_path, STAFF_LOGIN)
    users = results["all_user"]
    pwd = finding_of(users, "pwd")
    assert pwd.element == "pi.credential.password" and pwd.sensitive
    assert finding_of(users, "mobile").element == "pi.contact.mobile"
    # a tiny int is a flag, whatever its name says
    flags = results["user_flags"]
    for flag in ("mobile", "pwd"):
        assert not finding_of(flags, flag).personal, flag
        assert finding_of(flags, flag).evidence[-1].rule == "type-gate", flag
    assert finding_of(users, "pwd_set").element != "pi.credential.password"


OUTBREAK_REPORT = """
CREATE TABLE health_disease_report (
  id int PRIMARY KEY COMMENT '主键ID',
  school_id int NOT NULL COMMENT '所在学校',
  report_date datetime NOT NULL COMMENT '报告时间',
  report_person varchar(50) DEFAULT NULL COMMENT '接报人',
  disease varchar(50) NOT NULL COMMENT '病名',
  attack_number int(5) DEFAULT NULL COMMENT '发病人数',
  symptom varchar(50) DEFAULT NULL COMMENT '主要症状'
);
CREATE TABLE household_member (
  id int PRIMARY KEY,
  id_card varchar(18) COMMENT '身份证号',
  family_size int COMMENT '家庭人数',
  disease varchar(50) COMMENT '病名'
);
"""


def test_a_report_counting_people_is_about_a_group(tmp_path: Path) -> None:
    results = _scan(tmp_path, OUTBREAK_REPORT)
    report = results["health_disease_report"]
    for column in ("disease", "symptom", "report_date", "attack_number"):
        assert not finding_of(report, column).personal, column
    # a headcount on a record with a person's own columns stays that person's
    member = results["household_member"]
    assert finding_of(member, "disease").sensitive


PATIENT_SCHEMA = """{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "patient",
  "type": "object",
  "properties": {
    "name": {"type": "string"},
    "birth_date": {"type": "string", "format": "date"},
    "email": {"type": "string"},
    "address": {"type": "string"},
    "managing_organization": {
      "type": "object",
      "properties": {
        "name": {"type": "string"},
        "address": {"type": "string"},
        "email": {"type": "string"}
      }
    }
  }
}"""


def test_an_organisation_nested_in_a_persons_document_keeps_its_own_contacts(
    tmp_path: Path,
) -> None:
    patient = _scan(tmp_path, PATIENT_SCHEMA, "patient.schema.json")["patient"]
    assert finding_of(patient, "email").personal
    assert finding_of(patient, "address").personal
    nested = {f.field.pointer: f for f in patient.findings}
    for column in ("managing_organization.address", "managing_organization.email"):
        found = nested[f"patient.{column}"]
        assert not found.personal, column
        assert found.evidence[-1].rule == "subject-not-person", column


COMPANIES = """
CREATE TABLE customer (
  id int PRIMARY KEY,
  company varchar(50) NOT NULL COMMENT '公司名称',
  address varchar(50),
  email varchar(50)
);
CREATE TABLE supplyer (
  id int PRIMARY KEY,
  company varchar(20) NOT NULL,
  address varchar(50),
  phone varchar(20)
);
CREATE TABLE t_group_unit (
  id int PRIMARY KEY,
  name varchar(100) COMMENT '单位名称',
  link_man varchar(25) COMMENT '检测联系人',
  link_phone varchar(15) COMMENT '检测联系电话'
) COMMENT '团检单位';
CREATE TABLE client (
  id int PRIMARY KEY,
  company varchar(50),
  name varchar(50),
  address varchar(50)
);
CREATE TABLE employee (
  id int PRIMARY KEY,
  name varchar(50),
  mobile varchar(20)
);
CREATE TABLE work_experience (
  id int PRIMARY KEY,
  employee_id int,
  company_name varchar(50),
  address varchar(50)
);
"""


def test_customers_and_suppliers_that_are_companies_are_organisations(tmp_path: Path) -> None:
    results = _scan(tmp_path, COMPANIES)
    for table in ("customer", "supplyer"):
        assert not finding_of(results[table], "address").personal, table
    assert not finding_of(results["customer"], "email").personal
    # a company's own telephone; with a contact person on the row it may be theirs
    assert not finding_of(results["supplyer"], "phone").personal
    assert finding_of(results["t_group_unit"], "link_phone").personal
    # a customer with a person's name column, a company on a person's work record: personal
    assert finding_of(results["client"], "address").personal
    assert finding_of(results["work_experience"], "company_name").personal


AUTHORITY_SCHEMA = """{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "Planning Authority",
  "type": "object",
  "properties": {
    "authorityName": {"type": "string"},
    "organisationType": {"type": "string"},
    "address1": {"type": "string"},
    "postcode": {"type": "string"},
    "emailAddress": {"type": "string"}
  }
}"""


def test_a_schema_with_an_organisation_type_lists_organisations(tmp_path: Path) -> None:
    results = _scan(tmp_path, AUTHORITY_SCHEMA, "authority.schema.json")
    (authority,) = results.values()
    for field in ("address1", "postcode", "emailAddress"):
        assert not finding_of(authority, field).personal, field


BODY_RECORD = """
CREATE TABLE body_girth_record (
  id varchar(32) PRIMARY KEY,
  creator varchar(32) COMMENT '创建人',
  record_date varchar(10) COMMENT '记录日期',
  waist decimal(5,2) COMMENT '腰围（CM）',
  hips decimal(5,2) COMMENT '臀围（CM）',
  bust decimal(5,2) COMMENT '胸围（CM）'
);
CREATE TABLE parcel (
  id int PRIMARY KEY,
  weight decimal(5,2),
  height decimal(5,2),
  width decimal(5,2)
);
"""


def test_three_body_measurements_make_a_persons_body_record(tmp_path: Path) -> None:
    results = _scan(tmp_path, BODY_RECORD)
    girth = results["body_girth_record"]
    for column in ("waist", "hips", "bust"):
        assert finding_of(girth, column).sensitive, column
    # a parcel's weight and height are two measurements of a thing, not a body
    assert not finding_of(results["parcel"], "width").personal


CODE_LIST_NAMES = """
CREATE TABLE expense_type (
  id int PRIMARY KEY,
  type_name varchar(20) NOT NULL COMMENT '类别名称',
  sort int
);
CREATE TABLE contact_type (
  id int PRIMARY KEY,
  contact_name varchar(60)
);
"""


def test_the_name_of_a_code_list_entry_is_no_persons_name(tmp_path: Path) -> None:
    results = _scan(tmp_path, CODE_LIST_NAMES)
    assert not finding_of(results["expense_type"], "type_name").personal
    # a column that says it names a contact person stays a name
    assert finding_of(results["contact_type"], "contact_name").personal


OFFERINGS = """
CREATE TABLE coach (
  id int PRIMARY KEY,
  name varchar(50),
  phone varchar(20),
  gender varchar(4)
);
CREATE TABLE course (
  id int PRIMARY KEY,
  name varchar(50),
  coach_id int,
  duration int,
  difficulty varchar(20),
  start_time datetime
);
CREATE TABLE member (
  id int PRIMARY KEY,
  name varchar(50),
  phone varchar(20)
);
CREATE TABLE lesson (
  id int PRIMARY KEY,
  member_id int,
  start_time datetime,
  difficulty varchar(20)
);
"""


def test_a_course_linked_to_its_coach_is_a_catalogue(tmp_path: Path) -> None:
    results = _scan(tmp_path, OFFERINGS)
    course = results["course"]
    for column in ("name", "difficulty", "start_time"):
        assert not finding_of(course, column).personal, column
    assert course.subject.kind == "reference"
    # a lesson keyed by a member is about the member
    assert results["lesson"].subject.kind == "person_linked"
