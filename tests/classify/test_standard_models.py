"""Schemas that follow published data models: FHIR R4 resources flattened to JSON Schema and SQL,
OMOP CDM v5.4 tables, a WS 445 (电子病历基本数据集) admission note and a social-insurance record
with 人社 data elements, and an ISO 20022 payment instruction. Their element names are attributes
of the person the record is about; the code list and the care site of the same model are not."""

from __future__ import annotations

import json
from pathlib import Path

from dataflow.model import DatasetResult, FieldFinding
from dataflow.scan import ScanOptions, scan_paths


def _scan(tmp_path: Path) -> dict[str, DatasetResult]:
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: r for r in report.datasets}


def _fields(result: DatasetResult) -> dict[str, FieldFinding]:
    return {f.field.pointer.split(".", 1)[1]: f for f in result.findings}


# A FHIR R4 Condition / AllergyIntolerance / Encounter profile flattened into one JSON Schema
# document of a health plan's member (no title or description says it is clinical).
FHIR_MEMBER_ENTRY = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "MemberEntry",
    "type": "object",
    "properties": {
        "id": {"type": "string"},
        "memberId": {"type": "string"},
        "clinicalStatus": {"type": "string", "enum": ["active", "inactive", "resolved"]},
        "verificationStatus": {"type": "string"},
        "bodySite": {"type": "string"},
        "abatementDateTime": {"type": "string", "format": "date-time"},
        "criticality": {"type": "string", "enum": ["low", "high", "unable-to-assess"]},
        "manifestation": {"type": "array", "items": {"type": "string"}},
        "episodeOfCare": {"type": "string"},
        "readmission": {"type": "boolean"},
    },
}


def test_fhir_element_names_on_a_members_document_are_health_data(tmp_path: Path) -> None:
    (tmp_path / "member_entry.schema.json").write_text(
        json.dumps(FHIR_MEMBER_ENTRY), encoding="utf-8"
    )
    found = _fields(_scan(tmp_path)["MemberEntry"])
    for name in ("clinicalStatus", "verificationStatus", "bodySite", "abatementDateTime"):
        assert found[name].sensitive and found[name].element == "pi.health.diagnosis", name
    assert found["criticality"].element == "pi.health.diagnosis"
    assert found["manifestation[]"].element == "pi.health.diagnosis"
    assert found["episodeOfCare"].element == "pi.health.medical_record"
    assert found["readmission"].element == "pi.health.medical_visit"


FHIR_SQL = """
CREATE TABLE member_record (id bigint PRIMARY KEY, member_id bigint, clinical_status varchar(20),
  body_site varchar(50), abatement_date date, criticality varchar(20), episode_of_care varchar(64),
  readmission boolean, discharge_disposition varchar(20));
CREATE TABLE fhir_immunization (id varchar(64) PRIMARY KEY, patient_id varchar(64),
  vaccine_code varchar(20), lot_number varchar(30), is_subpotent boolean, dose_quantity decimal(6,2),
  protocol_applied varchar(100));
"""


def test_fhir_columns_of_a_persons_table_are_sensitive(tmp_path: Path) -> None:
    (tmp_path / "fhir.sql").write_text(FHIR_SQL, encoding="utf-8")
    by_name = _scan(tmp_path)
    member = _fields(by_name["member_record"])
    for name in ("clinical_status", "body_site", "abatement_date", "criticality"):
        assert member[name].sensitive and member[name].element == "pi.health.diagnosis", name
    assert member["episode_of_care"].element == "pi.health.medical_record"
    assert member["readmission"].element == "pi.health.medical_visit"
    immunization = _fields(by_name["fhir_immunization"])
    for name in ("is_subpotent", "dose_quantity", "protocol_applied", "vaccine_code"):
        assert immunization[name].element == "pi.health.medication", name


# OMOP CDM v5.4 (OHDSI/CommonDataModel inst/ddl/5.4), a subset of the clinical tables, the
# vocabulary's concept table and the care site.
OMOP = """
CREATE TABLE person (person_id integer NOT NULL, gender_concept_id integer NOT NULL,
  year_of_birth integer NOT NULL, birth_datetime timestamp, race_concept_id integer NOT NULL,
  ethnicity_concept_id integer NOT NULL, location_id integer, provider_id integer,
  care_site_id integer, person_source_value varchar(50));
CREATE TABLE condition_occurrence (condition_occurrence_id integer NOT NULL,
  person_id integer NOT NULL, condition_concept_id integer NOT NULL,
  condition_start_date date NOT NULL, condition_end_date date,
  condition_type_concept_id integer NOT NULL, condition_status_concept_id integer,
  stop_reason varchar(20), visit_occurrence_id integer, condition_source_value varchar(50));
CREATE TABLE drug_exposure (drug_exposure_id integer NOT NULL, person_id integer NOT NULL,
  drug_concept_id integer NOT NULL, drug_exposure_start_date date NOT NULL,
  drug_exposure_end_date date NOT NULL, refills integer, quantity numeric, days_supply integer,
  sig text, route_concept_id integer, lot_number varchar(50));
CREATE TABLE specimen (specimen_id integer NOT NULL, person_id integer NOT NULL,
  specimen_concept_id integer NOT NULL, specimen_date date NOT NULL,
  anatomic_site_concept_id integer, disease_status_concept_id integer,
  anatomic_site_source_value varchar(50));
CREATE TABLE death (person_id integer NOT NULL, death_date date NOT NULL,
  cause_concept_id integer, cause_source_value varchar(50));
CREATE TABLE concept (concept_id integer NOT NULL, concept_name varchar(255) NOT NULL,
  domain_id varchar(20) NOT NULL, vocabulary_id varchar(20) NOT NULL,
  concept_class_id varchar(20) NOT NULL, concept_code varchar(50) NOT NULL,
  valid_start_date date NOT NULL, valid_end_date date NOT NULL);
CREATE TABLE care_site (care_site_id integer NOT NULL, care_site_name varchar(255),
  place_of_service_concept_id integer, location_id integer);
"""


def test_omop_cdm_clinical_tables_are_sensitive_and_its_vocabulary_is_not(tmp_path: Path) -> None:
    (tmp_path / "omop.sql").write_text(OMOP, encoding="utf-8")
    by_name = _scan(tmp_path)
    person = _fields(by_name["person"])
    assert person["year_of_birth"].element == "pi.profile.birth_date"
    assert person["gender_concept_id"].element == "pi.profile.gender"
    assert not person["gender_concept_id"].sensitive
    condition = _fields(by_name["condition_occurrence"])
    for name in ("condition_concept_id", "condition_start_date", "condition_status_concept_id"):
        assert condition[name].sensitive and condition[name].element == "pi.health.diagnosis", name
    drug = _fields(by_name["drug_exposure"])
    for name in ("drug_concept_id", "refills", "days_supply", "route_concept_id"):
        assert drug[name].sensitive and drug[name].element == "pi.health.medication", name
    specimen = _fields(by_name["specimen"])
    assert specimen["anatomic_site_concept_id"].sensitive
    assert specimen["disease_status_concept_id"].element == "pi.health.diagnosis"
    death = _fields(by_name["death"])
    for name in ("death_date", "cause_concept_id", "cause_source_value"):
        assert death[name].element == "pi.health.death", name
    assert not [f for f in by_name["concept"].findings if f.personal]
    assert not [f for f in by_name["care_site"].findings if f.personal]


# Data elements of WS 445-2014 (电子病历基本数据集: 入院记录, 住院病案首页) and WS 363-2011, named by
# their pinyin initials as Chinese hospital systems do, with the element's name as the comment.
WS445 = """
CREATE TABLE `emr_admission_note` (
  `id` bigint NOT NULL AUTO_INCREMENT COMMENT '主键',
  `patient_id` bigint NOT NULL COMMENT '患者ID',
  `zs` varchar(200) COMMENT '主诉',
  `xbs` text COMMENT '现病史',
  `gms` varchar(200) COMMENT '过敏史',
  `zyzhdm` varchar(20) COMMENT '中医证候代码',
  `zzzf` varchar(200) COMMENT '治则治法',
  `fbrq` datetime COMMENT '发病日期时间',
  `yszt` varchar(20) COMMENT '意识状态',
  `hys` varchar(200) COMMENT '婚育史',
  `qkyhdj` varchar(5) COMMENT '切口愈合等级',
  `lyfs` char(1) COMMENT '离院方式代码',
  `cyzd` varchar(200) COMMENT '出院诊断-西医诊断名称',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='入院记录';
CREATE TABLE `si_insured` (
  `id` bigint NOT NULL COMMENT '主键',
  `xm` varchar(50) COMMENT '参保人姓名',
  `sfzh` varchar(18) COMMENT '公民身份号码',
  `zzmm` char(2) COMMENT '政治面貌代码',
  `cbrq` date COMMENT '参保日期',
  `jfjs` decimal(12,2) COMMENT '缴费基数',
  `ylj` decimal(12,2) COMMENT '月养老金',
  PRIMARY KEY (`id`)
) COMMENT='参保人员';
"""


def test_ws445_data_elements_of_an_admission_note(tmp_path: Path) -> None:
    (tmp_path / "emr.sql").write_text(WS445, encoding="utf-8")
    by_name = _scan(tmp_path)
    note = _fields(by_name["emr_admission_note"])
    for name in ("zs", "xbs", "zyzhdm", "fbrq", "yszt", "cyzd"):
        assert note[name].sensitive and note[name].element == "pi.health.diagnosis", name
    assert note["gms"].element == "pi.health.allergy"
    assert note["zzzf"].element == "pi.health.medical_record"
    assert note["hys"].element == "pi.health.fertility"
    assert note["qkyhdj"].element == "pi.health.procedure"
    assert note["lyfs"].element == "pi.health.medical_visit"


def test_social_insurance_data_elements_of_an_insured_person(tmp_path: Path) -> None:
    (tmp_path / "si.sql").write_text(WS445, encoding="utf-8")
    insured = _scan(tmp_path)["si_insured"]
    assert insured.subject is not None and insured.subject.kind == "person"
    found = _fields(insured)
    assert found["sfzh"].element == "pi.identity.resident_id"
    assert found["cbrq"].personal
    for name in ("jfjs", "ylj"):
        assert found[name].sensitive and found[name].element == "pi.education_work.salary", name


# An ISO 20022 credit transfer (pain.001) flattened into a customer's payment table.
PAYMENT = """
CREATE TABLE payment_instruction (id bigint PRIMARY KEY, customer_id bigint,
  end_to_end_id varchar(35), instructed_amount decimal(18,2), debtor_name varchar(140),
  debtor_account varchar(34), creditor_name varchar(140), creditor_account varchar(34),
  remittance_information varchar(140));
"""


def test_iso20022_accounts_of_a_customers_payment(tmp_path: Path) -> None:
    (tmp_path / "payment.sql").write_text(PAYMENT, encoding="utf-8")
    found = _fields(_scan(tmp_path)["payment_instruction"])
    for name in ("debtor_account", "creditor_account"):
        assert found[name].sensitive and found[name].element == "pi.financial.bank_account", name
    for name in ("creditor_name", "remittance_information", "instructed_amount"):
        assert found[name].personal and found[name].element == "pi.financial.amount", name


# FHIR R4 Practitioner and PractitionerRole flattened to tables: a practitioner is a member of
# staff, and the roles they hold at an organisation are their work record.
PRACTITIONER = """
CREATE TABLE practitioner (id varchar(64) PRIMARY KEY, active boolean, family_name varchar(50),
  given_name varchar(50), gender varchar(10), birth_date date, qualification_code varchar(20));
CREATE TABLE practitioner_role (id varchar(64) PRIMARY KEY, practitioner_id varchar(64),
  organization_id varchar(64), specialty varchar(50), period_start date, period_end date);
"""


def test_fhir_practitioners_are_members_of_staff(tmp_path: Path) -> None:
    (tmp_path / "practitioner.sql").write_text(PRACTITIONER, encoding="utf-8")
    by_name = _scan(tmp_path)
    practitioner = by_name["practitioner"]
    assert practitioner.subject is not None and practitioner.subject.role == "employee"
    role = by_name["practitioner_role"]
    assert role.subject is not None and role.subject.kind == "person_linked"
    assert _fields(role)["specialty"].personal
