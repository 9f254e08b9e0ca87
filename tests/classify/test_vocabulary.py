"""Vocabulary of the attribute families (catalogs/subjects.yaml, catalogs/pi.yaml) on realistic
schema snippets: clinical and public-health records, work and education, pay and loans, residence,
relatives and identity variants, in English, Chinese comments, full pinyin and pinyin initials.
Each family has a negative case: the same words in a code list, a product or a standard table
stay not personal."""

from __future__ import annotations

import json
from pathlib import Path

from dataflow.model import FieldFinding
from dataflow.scan import ScanOptions, scan_paths

Table = dict[str, FieldFinding]
Verdicts = dict[str, Table]


def _verdicts(tmp_path: Path, files: dict[str, str]) -> Verdicts:
    """dataset → field path (relative to the dataset) → finding, schema only."""
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out: Verdicts = {}
    for result in scan_paths([tmp_path], ScanOptions(content=False)).datasets:
        name = result.dataset.name
        out[name] = {f.field.pointer[len(name) + 1 :]: f for f in result.findings}
    return out


def _sensitive(table: Table, *columns: str, category: str = "pi.health") -> None:
    for column in columns:
        finding = table[column]
        assert finding.personal and finding.sensitive, column
        assert finding.category == category, (column, finding.element)


def _personal(table: Table, *columns: str, category: str | None = None) -> None:
    for column in columns:
        finding = table[column]
        assert finding.personal, column
        if category is not None:
            assert finding.category == category, (column, finding.element)


def _not_personal(table: Table) -> None:
    personal = [c for c, f in table.items() if f.personal]
    assert personal == []


FOLLOW_UP_INITIALS = """
CREATE TABLE sf_jl (id int, hzid int, sfrq date, sffs varchar(10), sfjg varchar(20),
  ssy int, szy int, kfxt decimal(5,2), thxhdb decimal(4,1), xyl int, yjl int, ydpc varchar(20),
  fyycx varchar(20), ymmc varchar(50), zzyy varchar(100), xcsfrq date);
CREATE TABLE mz_cf (cfh varchar(20), zyh varchar(20), ypmc varchar(50), mcyl varchar(20),
  pc varchar(20), yf varchar(20));
"""

DRUG_DICTIONARY = """
CREATE TABLE dict_drug (id int, drug_code varchar(20), drug_name varchar(100),
  dosage_form varchar(20), strength varchar(50), route varchar(20), frequency varchar(20),
  pinyin_code varchar(20)) COMMENT='药品字典';
CREATE TABLE dict_vaccine (id int, ymmc varchar(50) COMMENT '疫苗名称',
  jzbw varchar(20) COMMENT '接种部位', jzzc int COMMENT '针次') COMMENT='疫苗字典';
CREATE TABLE product (id int, name varchar(100), price decimal(10,2), weight decimal(8,2),
  dose varchar(20), frequency varchar(20));
"""


def test_chronic_disease_follow_up_in_pinyin_initials(tmp_path: Path) -> None:
    v = _verdicts(tmp_path, {"his.sql": FOLLOW_UP_INITIALS, "dict.sql": DRUG_DICTIONARY})
    follow_up, prescription = v["sf_jl"], v["mz_cf"]
    # follow-up date, way and result, blood pressure, fasting glucose, HbA1c, smoking and
    # drinking amounts, exercise, adherence, vaccine, referral reason, next follow-up
    _sensitive(follow_up, *(c for c in follow_up if c not in ("id", "hzid")))
    _sensitive(prescription, "ypmc", "mcyl", "pc", "yf")  # a prescription keyed by 住院号
    assert prescription["mcyl"].element == "pi.health.medication"
    assert follow_up["sfjg"].sensitive_group == "health"
    for name in ("dict_drug", "dict_vaccine", "product"):
        _not_personal(v[name])


CHRONIC_CARE_ZH = """
CREATE TABLE phis_resident (id bigint PRIMARY KEY, xm varchar(20) COMMENT '姓名',
  sfzh varchar(18) COMMENT '身份证号', jws varchar(200) COMMENT '既往史',
  jzs varchar(200) COMMENT '家族史', gms varchar(200) COMMENT '过敏史') COMMENT='居民健康档案';
CREATE TABLE phis_followup (id bigint PRIMARY KEY, resident_id bigint COMMENT '居民档案ID',
  zzjgks varchar(100) COMMENT '转诊机构及科别', ydsc int COMMENT '每次运动时长',
  mcjl varchar(20) COMMENT '每次剂量', xcsfrq date COMMENT '下次随访日期',
  create_time datetime COMMENT '创建时间') COMMENT='高血压患者随访记录';
CREATE TABLE phis_maternal (id bigint, resident_id bigint COMMENT '居民档案ID',
  mcyj date COMMENT '末次月经', ycq date COMMENT '预产期', gwys varchar(100) COMMENT '高危因素')
  COMMENT='孕产妇保健';
CREATE TABLE phis_child (id bigint, child_id bigint COMMENT '儿童ID', tw decimal(4,1) COMMENT '头围',
  wyfs varchar(10) COMMENT '喂养方式') COMMENT='儿童健康检查记录';
"""


def test_public_health_records_with_chinese_comments(tmp_path: Path) -> None:
    v = _verdicts(tmp_path, {"phis.sql": CHRONIC_CARE_ZH})
    _sensitive(v["phis_resident"], "jws", "jzs", "gms")
    _sensitive(v["phis_followup"], "zzjgks", "ydsc", "mcjl", "xcsfrq")
    assert v["phis_followup"]["zzjgks"].element == "pi.health.medical_visit"
    assert not v["phis_followup"]["create_time"].personal
    _sensitive(v["phis_maternal"], "mcyj", "ycq", "gwys")
    assert v["phis_maternal"]["ycq"].element == "pi.health.fertility"
    _sensitive(v["phis_child"], "tw", "wyfs")


CLINICAL_EN = """
CREATE TABLE patient (patient_id int PRIMARY KEY, first_name varchar(50), birth_date date);
CREATE TABLE patient_medication (id int, patient_id int REFERENCES patient (patient_id),
  drug_name varchar(100), dose decimal(8,2), dose_unit varchar(10), frequency varchar(20),
  route varchar(20), prescriber varchar(50), indication varchar(100), refills int);
CREATE TABLE patient_history (id int, patient_id int REFERENCES patient (patient_id),
  chief_complaint text, past_medical_history text, smoking_status varchar(20),
  alcohol_use varchar(20), primary_diagnosis varchar(100), diagnosis_code varchar(10),
  blood_glucose decimal(5,2), systolic_bp int, diastolic_bp int, referral_reason text);
CREATE TABLE immunization (id int, patient_id int REFERENCES patient (patient_id),
  vaccine_code varchar(10), lot_number varchar(20), dose_number int, injection_site varchar(20));
CREATE TABLE prenatal_visit (id int, patient_id int REFERENCES patient (patient_id), lmp date,
  edd date, gravida int, para int);
"""


def test_english_clinical_schema_without_comments(tmp_path: Path) -> None:
    v = _verdicts(tmp_path, {"emr.sql": CLINICAL_EN, "dict.sql": DRUG_DICTIONARY})
    _sensitive(
        v["patient_medication"],
        *("drug_name", "dose", "dose_unit", "frequency", "route", "prescriber", "indication"),
    )
    _sensitive(
        v["patient_history"], *(c for c in v["patient_history"] if c != "id" and c != "patient_id")
    )
    _sensitive(v["immunization"], "vaccine_code", "lot_number", "dose_number", "injection_site")
    _sensitive(v["prenatal_visit"], "lmp", "edd", "gravida", "para")
    assert v["prenatal_visit"]["edd"].element == "pi.health.fertility"
    _not_personal(v["dict_drug"])


HR_INITIALS = """
CREATE TABLE ry_jbxx (rybh varchar(20), xm varchar(20), xb char(1), csrq date, sfzh varchar(18),
  xl varchar(10), byyx varchar(50), gzdw varchar(100), zw varchar(50), rzrq date, cjgzrq date,
  htlx varchar(10), htqsrq date, htzzrq date, jjlxr varchar(20), jjlxrdh varchar(20));
CREATE TABLE ry_gzjl (id int, rybh varchar(20), qsrq date, zzrq date, gzdw varchar(100),
  zw varchar(50), zmr varchar(20));
CREATE TABLE ry_jyjl (id int, rybh varchar(20), rxrq date, byrq date, xxmc varchar(100),
  zy varchar(50), xl varchar(10));
"""

COURSE_CATALOG = """
CREATE TABLE course (id int, course_name varchar(100), credit decimal(3,1),
  department varchar(50), teacher_title varchar(20)) COMMENT='课程目录';
CREATE TABLE kc (kch varchar(10) COMMENT '课程号', kcm varchar(50) COMMENT '课程名',
  xs int COMMENT '学时', xf int COMMENT '学分') COMMENT='课程表';
CREATE TABLE sys_dept (dept_id bigint, dept_name varchar(30), leader_post varchar(30)) COMMENT='部门表';
"""


def test_personnel_records_in_pinyin_initials(tmp_path: Path) -> None:
    v = _verdicts(tmp_path, {"hr.sql": HR_INITIALS, "course.sql": COURSE_CATALOG})
    person, work, school = v["ry_jbxx"], v["ry_gzjl"], v["ry_jyjl"]
    _personal(person, "rybh", "rzrq", "cjgzrq", "htlx", "htqsrq", "htzzrq", "jjlxrdh")
    assert person["htzzrq"].category == "pi.education_work"
    assert person["jjlxrdh"].element == "pi.contacts.emergency_contact"
    # a work-history row keyed by the personnel number: its start and end dates and witness
    _personal(work, "qsrq", "zzrq", "gzdw", "zw", "zmr", category="pi.education_work")
    _personal(school, "rxrq", "byrq", "xxmc", "zy", "xl", category="pi.education_work")
    assert school["xxmc"].element == "pi.education_work.education"
    for name in ("course", "kc", "sys_dept"):
        _not_personal(v[name])


HR_EN = """
CREATE TABLE employee (employee_id int PRIMARY KEY, first_name varchar(50), email varchar(100));
CREATE TABLE employee_skill (id int, employee_id int REFERENCES employee (employee_id),
  skill_name varchar(50), proficiency varchar(20), certification_name varchar(100),
  training_course varchar(100), training_hours int, language varchar(20), fluency varchar(20));
CREATE TABLE employee_education (id int, employee_id int REFERENCES employee (employee_id),
  degree varchar(50), school_name varchar(100), major varchar(100), gpa decimal(3,2),
  graduation_year int, thesis_title varchar(200));
"""


def test_english_skills_and_education_of_an_employee(tmp_path: Path) -> None:
    v = _verdicts(tmp_path, {"hr.sql": HR_EN})
    skills = v["employee_skill"]
    _personal(
        skills, *(c for c in skills if c not in ("id", "employee_id")), category="pi.education_work"
    )
    assert skills["training_hours"].element == "pi.education_work.training"
    education = v["employee_education"]
    _personal(
        education,
        *(c for c in education if c not in ("id", "employee_id")),
        category="pi.education_work",
    )


CV = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "Candidate CV",
    "type": "object",
    "properties": {
        "basics": {
            "type": "object",
            "properties": {k: {"type": "string"} for k in ("name", "email", "phone", "summary")},
        },
        **{
            section: {
                "type": "array",
                "items": {"type": "object", "properties": {k: {"type": "string"} for k in keys}},
            }
            for section, keys in {
                "work": ("name", "position", "startDate", "endDate", "summary"),
                "volunteer": ("organization", "position", "startDate"),
                "education": ("institution", "area", "studyType", "score"),
                "awards": ("title", "date", "awarder"),
                "certificates": ("name", "issuer", "date"),
                "publications": ("name", "publisher", "releaseDate"),
                "skills": ("name", "level"),
                "languages": ("language", "fluency"),
                "interests": ("name",),
                "references": ("name", "reference"),
                "projects": ("name", "description", "entity", "startDate"),
            }.items()
        },
    },
}


def test_json_schema_cv_sections_are_the_candidates(tmp_path: Path) -> None:
    v = _verdicts(tmp_path, {"cv.json": json.dumps(CV)})
    cv = v["Candidate CV"]
    assert len(cv) == 36
    _personal(cv, *cv)
    for path in ("work[].startDate", "projects[].entity", "volunteer[].organization"):
        assert cv[path].element == "pi.education_work.work_history", path
    for path in ("awards[].awarder", "certificates[].issuer", "languages[].fluency"):
        assert cv[path].element == "pi.education_work.training", path
    assert cv["education[].studyType"].element == "pi.education_work.education"


PAYROLL_INITIALS = """
CREATE TABLE gz_mx (id int, ygbh varchar(20), ygxm varchar(20), ffyf char(7), jbgz decimal(10,2),
  gwgz decimal(10,2), jxgz decimal(10,2), jj decimal(10,2), jt decimal(10,2), bt decimal(10,2),
  kk decimal(10,2), sbkk decimal(10,2), gjjkk decimal(10,2), gs decimal(10,2), yfgz decimal(10,2),
  sfgz decimal(10,2));
"""

SALARY_STANDARDS = """
CREATE TABLE bd_salary_item (id int, item_code varchar(20), item_name varchar(50) COMMENT '工资项目名称',
  jbgz_rate decimal(5,2) COMMENT '基本工资比例') COMMENT='工资项目字典';
CREATE TABLE salary_standard (id int, grade_code varchar(10), base_salary decimal(10,2),
  post_allowance decimal(10,2), housing_fund_rate decimal(5,2)) COMMENT='薪酬标准';
CREATE TABLE loan_product (id int, product_name varchar(50), max_loan_amount decimal(12,2),
  interest_rate decimal(5,4), term_months int, repayment_method varchar(20));
"""


def test_pay_slip_in_pinyin_initials(tmp_path: Path) -> None:
    v = _verdicts(tmp_path, {"gz.sql": PAYROLL_INITIALS, "std.sql": SALARY_STANDARDS})
    slip = v["gz_mx"]
    assert slip["ygxm"].element == "pi.identity.name"
    parts = [c for c in slip if c not in ("id", "ygbh", "ygxm")]
    _personal(slip, *parts)
    for column in (c for c in parts if c != "ffyf"):
        assert slip[column].element == "pi.education_work.salary", column
    for name in ("bd_salary_item", "salary_standard", "loan_product"):
        _not_personal(v[name])


PAY_AND_CREDIT_EN = """
CREATE TABLE payroll (id int, employee_id int, base_salary decimal(10,2), performance_pay decimal(10,2),
  housing_fund decimal(10,2), medical_insurance decimal(10,2), income_tax decimal(10,2),
  net_pay decimal(10,2), pay_period varchar(7));
CREATE TABLE member_account (id int, member_id int, card_no varchar(20), balance decimal(10,2),
  total_recharge decimal(10,2), credit_limit decimal(10,2), loan_amount decimal(10,2),
  outstanding_principal decimal(10,2), overdue_days int, repayment_date date);
"""


def test_english_pay_balances_and_loans_of_a_person(tmp_path: Path) -> None:
    v = _verdicts(tmp_path, {"pay.sql": PAY_AND_CREDIT_EN, "std.sql": SALARY_STANDARDS})
    payroll, account = v["payroll"], v["member_account"]
    _personal(
        payroll, "base_salary", "performance_pay", "housing_fund", "medical_insurance", "net_pay"
    )
    assert payroll["pay_period"].element == "pi.education_work.salary"
    _personal(account, "balance", "total_recharge", category="pi.financial")
    for column in ("credit_limit", "outstanding_principal", "overdue_days", "repayment_date"):
        finding = account[column]
        assert finding.element == "pi.financial.credit" and finding.sensitive, column
    assert account["card_no"].element == "pi.identity.membership_card"
    _not_personal(v["loan_product"])


AVRO_EMPLOYEE = {
    "type": "record",
    "name": "EmployeeRecord",
    "namespace": "com.example.hr",
    "fields": [
        {"name": "employeeId", "type": "string"},
        {"name": "fullName", "type": "string"},
        {"name": "hireDate", "type": {"type": "int", "logicalType": "date"}},
        {"name": "baseSalary", "type": "double"},
        {"name": "deductions", "type": "double"},
        {"name": "netPay", "type": "double"},
        {
            "name": "medications",
            "type": {
                "type": "array",
                "items": {
                    "type": "record",
                    "name": "Medication",
                    "fields": [
                        {"name": n, "type": "string"} for n in ("drugName", "dosage", "frequency")
                    ],
                },
            },
        },
        {
            "name": "emergencyContact",
            "type": {
                "type": "record",
                "name": "Contact",
                "fields": [
                    {"name": n, "type": "string"} for n in ("name", "relationship", "phone")
                ],
            },
        },
    ],
}


def test_avro_record_of_an_employee(tmp_path: Path) -> None:
    v = _verdicts(tmp_path, {"employee.avsc": json.dumps(AVRO_EMPLOYEE)})
    record = v["EmployeeRecord"]
    _personal(record, "hireDate", "baseSalary", "deductions", "netPay")
    assert record["netPay"].element == "pi.education_work.salary"
    _sensitive(record, "medications[].drugName", "medications[].dosage", "medications[].frequency")
    assert record["emergencyContact.relationship"].element == "pi.profile.family"


RESIDENCE_ZH = """
CREATE TABLE rk_person (id bigint PRIMARY KEY, xm varchar(20) COMMENT '姓名',
  sfzh varchar(18) COMMENT '公民身份号码', hklx varchar(10) COMMENT '户口类型',
  qrrq date COMMENT '迁入日期', ld varchar(10) COMMENT '楼栋', dy varchar(10) COMMENT '单元',
  fh varchar(10) COMMENT '房号', cwh varchar(10) COMMENT '车位号') COMMENT='实有人口';
CREATE TABLE rk_family (id bigint, person_id bigint COMMENT '人员ID', cyxm varchar(20) COMMENT '成员姓名',
  gx varchar(10) COMMENT '与本人关系', cysfzh varchar(18) COMMENT '成员身份证号') COMMENT='家庭成员';
CREATE TABLE yz_xx (id int, yzxm varchar(20), lxdh varchar(20), ldh varchar(10), dyh varchar(10),
  fh varchar(10), cwbh varchar(10));
CREATE TABLE owner_house (id int, owner_id int, building_no varchar(10), unit_no varchar(10),
  room_no varchar(10), parking_space varchar(10), move_in_date date);
"""

BUILDINGS = """
CREATE TABLE parking_lot (id int, cwh varchar(10) COMMENT '车位号', area decimal(6,2) COMMENT '面积',
  price decimal(10,2) COMMENT '售价') COMMENT='车位信息';
CREATE TABLE car_park (id int, owner_name varchar(32) COMMENT '业主名', phone varchar(32) COMMENT '业主联系电话',
  park_state varchar(32) COMMENT '车位状态', car_park_type varchar(64) COMMENT '车位类型') COMMENT='停车场表';
"""


def test_residence_household_and_property_units(tmp_path: Path) -> None:
    v = _verdicts(tmp_path, {"rk.sql": RESIDENCE_ZH, "park.sql": BUILDINGS})
    _personal(v["rk_person"], "hklx", "qrrq", "ld", "dy", "fh", "cwh", category="pi.location")
    family = v["rk_family"]
    _personal(family, "cyxm", "gx")
    assert family["cysfzh"].sensitive
    owner = v["yz_xx"]
    assert owner["yzxm"].element == "pi.identity.name"
    _personal(owner, "ldh", "dyh", "fh", "cwbh", category="pi.location")
    _personal(v["owner_house"], "parking_space", "move_in_date", category="pi.location")
    _not_personal(v["parking_lot"])
    park = v["car_park"]
    _personal(park, "owner_name", "phone")
    assert not park["park_state"].personal  # bookkeeping
    assert park["car_park_type"].element == "pi.other.person_attribute"  # the owner's space


IDENTITY_VARIANTS = """
CREATE TABLE t_user (id int, adress varchar(200), moblie varchar(20), emial varchar(50),
  brithday date, passwrod varchar(64), gmsfzh varchar(18), lxsj varchar(20), jtdz varchar(200),
  qqh varchar(20), yhzh varchar(30), next_of_kin varchar(20), spouse_name varchar(20));
"""


def test_identity_and_contact_variants_and_misspellings(tmp_path: Path) -> None:
    user = _verdicts(tmp_path, {"u.sql": IDENTITY_VARIANTS})["t_user"]
    expected = {
        "adress": "pi.contact.address",
        "moblie": "pi.contact.mobile",
        "emial": "pi.contact.email",
        "brithday": "pi.profile.birth_date",
        "passwrod": "pi.credential.password",
        "gmsfzh": "pi.identity.resident_id",
        "lxsj": "pi.contact.mobile",
        "jtdz": "pi.contact.address",
        "qqh": "pi.contact.im_account",
        "yhzh": "pi.financial.bank_account",
        "next_of_kin": "pi.contacts.emergency_contact",
        "spouse_name": "pi.profile.family",
    }
    assert {c: f.element for c, f in user.items() if c != "id"} == expected
    assert user["passwrod"].sensitive and user["gmsfzh"].sensitive


SCHOOL_STANDARD_CODES = """
CREATE TABLE EDU_JZG_JBXX (JZGH varchar(20), XM varchar(36), XBM char(1), CSRQ date, MZM char(2),
  ZZMMM char(2), HYZKM char(1), JKZKM char(1), XYZJM char(2), HKSZD varchar(100), HKXZM char(1),
  CJGZNY char(6), LXNY char(6), BZLBM char(2), JZGLBM char(2), ZGXLM char(2), SFDSZN char(1));
CREATE TABLE tj_jl (id int, tjbh varchar(20), xm varchar(20), xb char(1), nl int, jzh varchar(20));
"""


def test_school_staff_codes_and_care_record_numbers_in_pinyin_initials(tmp_path: Path) -> None:
    v = _verdicts(tmp_path, {"edu.sql": SCHOOL_STANDARD_CODES})
    staff = v["EDU_JZG_JBXX"]
    expected = {
        "XBM": "pi.profile.gender",
        "MZM": "pi.profile.ethnicity",
        "ZZMMM": "pi.special_identity.political_status",
        "HYZKM": "pi.other.marital",
        "JKZKM": "pi.health.diagnosis",
        "XYZJM": "pi.religion.belief",
        "HKXZM": "pi.location.region",
        "CJGZNY": "pi.education_work.work_history",
        "LXNY": "pi.education_work.work_history",
        "BZLBM": "pi.education_work.work_history",
        "JZGLBM": "pi.education_work.work_history",
        "ZGXLM": "pi.education_work.education",
        "SFDSZN": "pi.profile.family",
    }
    assert {c: staff[c].element for c in expected} == expected
    assert staff["XYZJM"].sensitive and staff["JKZKM"].sensitive
    exam = v["tj_jl"]
    for column in ("tjbh", "jzh"):
        assert exam[column].element == "pi.health.medical_record" and exam[column].sensitive


def _objects(**sections: tuple[str, ...]) -> dict[str, object]:
    return {
        name: {
            "type": "array",
            "items": {"type": "object", "properties": {k: {"type": "string"} for k in keys}},
        }
        for name, keys in sections.items()
    }


LEARNER_PROFILE = {
    "title": "Learner profile",
    "type": "object",
    "properties": {
        "personalInformation": {
            "type": "object",
            "properties": {k: {"type": "string"} for k in ("givenName", "motherTongue")},
        },
        **_objects(
            workExperience=("employer", "occupation", "from", "to", "mainActivities", "sector"),
            educationAndTraining=("organisationName", "qualificationAwarded", "finalGrade"),
            foreignLanguages=("language", "listening", "reading", "spokenInteraction", "writing"),
            positions=("companyName", "title", "startedOn", "finishedOn"),
            honorsAndAwards=("title", "issuer", "issuedOn"),
            recommendations=("recommender",),
        ),
    },
}


def test_json_schema_learner_profile_in_another_cv_style(tmp_path: Path) -> None:
    profile = _verdicts(tmp_path, {"profile.json": json.dumps(LEARNER_PROFILE)})["Learner profile"]
    _personal(profile, *profile)
    for path in (
        "workExperience[].from",
        "workExperience[].mainActivities",
        "positions[].startedOn",
    ):
        assert profile[path].element == "pi.education_work.work_history", path
    for path in ("foreignLanguages[].listening", "honorsAndAwards[].issuedOn"):
        assert profile[path].element == "pi.education_work.training", path
    assert profile["recommendations[].recommender"].element == "pi.other.free_text"


EMPLOYMENT_EN = """
CREATE TABLE employee (employee_id int PRIMARY KEY, first_name varchar(50), email varchar(100));
CREATE TABLE employee_job (id int, employee_id int REFERENCES employee (employee_id),
  employer_name varchar(100), job_title varchar(100), job_grade varchar(10), hire_dt date,
  termination_date date, termination_reason varchar(100), employment_type varchar(20),
  work_location varchar(100));
CREATE TABLE hr_contract (id int, employee_id int, wage decimal(12,2), date_start date,
  date_end date, trial_date_end date, notice_period int);
CREATE TABLE job_posting (id int, job_title varchar(100), job_grade varchar(10),
  work_location varchar(100), employment_type varchar(20)) COMMENT='招聘岗位';
"""


def test_a_persons_job_and_contract_records_in_english(tmp_path: Path) -> None:
    v = _verdicts(tmp_path, {"hr.sql": EMPLOYMENT_EN})
    job, contract = v["employee_job"], v["hr_contract"]
    _personal(
        job, *(c for c in job if c not in ("id", "employee_id")), category="pi.education_work"
    )
    _personal(contract, "wage", "date_start", "date_end", "trial_date_end", "notice_period")
    assert contract["date_end"].element == "pi.education_work.work_history"
    _not_personal(v["job_posting"])
