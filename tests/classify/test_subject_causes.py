"""Whom rows are about, where a single word of a name or a description used to decide it wrongly.

- A schema document named with a word a clinical database names its tables with (`services`,
  `transfers`, `notes`) but an API names anything with is not a patient's record.
- A table named like configuration (`app_*`, where `app` is the applicant of a petition system)
  that holds three different ways to reach one person (mobile, telephone, e-mail) is a person's.
- A booking keyed by the member it serves (`memberid`) stays that member's, however many people
  it counts (`insurednum` '被保人数量').
- A list or group of people (`contact_list`, 'each record represents a contact list') is no
  person, and its key is no person's key.
- Rows a description calls people ('each record represents a website visitor') are those people's
  own records even where they point at another person's record.
- Norwegian: `identitetsnummer` is a national identity number; `bruker` is a user.
- On a pay slip, the five social insurances and the fees taken off the pay are pay items.
"""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

ACQUIRING = {
    "type": "record",
    "name": "AcquiringServices",
    "namespace": "br.example.openbanking",
    "doc": "Tariffs charged by a bank for card acquiring services",
    "fields": [
        {"name": "feeName", "type": "string"},
        {"name": "code", "type": "string"},
        {"name": "minimum", "type": "double"},
        {"name": "maximum", "type": "double"},
        {"name": "chargingTriggerInfo", "type": "string"},
    ],
}


def test_a_document_named_services_is_no_patient_record(tmp_path: Path) -> None:
    doc = _scan(tmp_path, {"acquiring.avsc": json.dumps(ACQUIRING)})["AcquiringServices"]
    assert doc.subject is None or doc.subject.role != "patient"
    for name in ("feeName", "code", "minimum", "maximum", "chargingTriggerInfo"):
        finding = _finding(doc, name)
        assert not finding.sensitive, name
        assert not (finding.element or "").startswith("pi.health"), name


PETITIONS = """
CREATE TABLE app_petition_app (
  id bigint PRIMARY KEY,
  petition_id varchar(50),
  app_name varchar(100),
  app_id varchar(100),
  mobile varchar(20),
  telephone varchar(20),
  email varchar(100),
  address varchar(200),
  postcode varchar(10)
);
CREATE TABLE app_config (
  id bigint PRIMARY KEY,
  config_key varchar(64),
  config_value varchar(255),
  email varchar(100)
);
"""


def test_a_configuration_word_gives_way_to_three_ways_to_reach_a_person(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"petition.sql": PETITIONS})
    applicants = found["app_petition_app"]
    assert applicants.subject is not None and applicants.subject.kind == "person"
    for name in ("mobile", "telephone", "email", "address"):
        assert _finding(applicants, name).personal, name
    config = found["app_config"]  # one e-mail column: still configuration
    assert config.subject is not None and config.subject.kind == "system"


BOOKINGS = """
CREATE TABLE tour_member (
  id bigint PRIMARY KEY,
  nickname varchar(50) COMMENT '昵称',
  mobile varchar(20) COMMENT '手机号',
  email varchar(100) COMMENT '邮箱'
) COMMENT='会员表';
CREATE TABLE tour_insurance_booking (
  id bigint PRIMARY KEY,
  memberid bigint COMMENT '会员ID',
  insurednum int COMMENT '被保人数量',
  price float COMMENT '总价',
  begindate date COMMENT '投保开始时间',
  enddate date COMMENT '投保结束时间',
  policyno varchar(255) COMMENT '保险公司保单号'
) COMMENT='保险预订表';
CREATE TABLE school_outbreak (
  id bigint PRIMARY KEY,
  school_name varchar(100) COMMENT '学校名称',
  ill_count int COMMENT '发病人数',
  report_date date COMMENT '报告日期'
) COMMENT='疫情报告';
"""


def test_a_booking_keyed_by_its_member_is_no_headcount(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"tour.sql": BOOKINGS})
    booking = found["tour_insurance_booking"]
    assert booking.subject is not None and booking.subject.kind == "person_linked"
    assert _finding(booking, "begindate").personal
    assert _finding(booking, "policyno").personal
    outbreak = found["school_outbreak"]  # a headcount with no person's key: a group's report
    assert outbreak.subject is not None and outbreak.subject.kind == "organisation"


CRM = """
version: 2
models:
  - name: crm__contact
    description: Each record represents a contact in the CRM.
    columns:
      - name: contact_id
      - name: email
      - name: first_name
      - name: last_name
  - name: crm__contact_list
    description: Each record represents a contact list in the CRM.
    columns:
      - name: contact_list_id
      - name: contact_list_name
      - name: processing_status
      - name: list_size
      - name: created_timestamp
  - name: crm__contact_list_member
    description: Each record represents a 'link' between a contact and a contact list.
    columns:
      - name: contact_id
      - name: contact_list_id
      - name: added_timestamp
  - name: crm__prospect
    description: Each record in the table represents a prospect in the CRM.
    columns:
      - name: prospect_id
      - name: user_id
      - name: score
      - name: grade
  - name: crm__visitor
    description: Each record represents a website visitor.
    columns:
      - name: id
      - name: prospect_id
      - name: hostname
      - name: campaign_parameter
      - name: page_view_count
"""


def test_a_list_of_contacts_is_no_person(tmp_path: Path) -> None:
    lists = _scan(tmp_path, {"crm.yml": CRM})["crm__contact_list"]
    assert lists.subject is None or lists.subject.kind not in ("person", "person_linked")
    for name in ("processing_status", "list_size", "created_timestamp"):
        assert not _finding(lists, name).personal, name
    # a row placing one contact on a list is the contact's, however its statement ends
    member = _scan(tmp_path, {"crm.yml": CRM})["crm__contact_list_member"]
    assert member.subject is not None and member.subject.kind in ("person", "person_linked")


def test_rows_a_description_calls_visitors_are_the_visitors_own(tmp_path: Path) -> None:
    visitor = _scan(tmp_path, {"crm.yml": CRM})["crm__visitor"]
    assert visitor.subject is not None and visitor.subject.kind == "person_linked"
    assert not visitor.subject.indirect
    assert _finding(visitor, "hostname").personal
    assert _finding(visitor, "campaign_parameter").personal


PERIOD = {
    "type": "record",
    "name": "Periode",
    "namespace": "no.example.arbeidssoekerregisteret",
    "fields": [
        {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
        {"name": "identitetsnummer", "type": "string"},
        {"name": "tidspunkt", "type": {"type": "long", "logicalType": "timestamp-millis"}},
    ],
}
USER = {
    "type": "record",
    "name": "Bruker",
    "namespace": "no.example.arbeidssoekerregisteret",
    "fields": [
        {"name": "id", "type": "string"},
        {"name": "navn", "type": "string"},
    ],
}


def test_norwegian_identity_number_and_user(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"periode.avsc": json.dumps(PERIOD), "bruker.avsc": json.dumps(USER)})
    period = found["Periode"]
    number = _finding(period, "identitetsnummer")
    assert number.element == "pi.identity.resident_id" and number.sensitive
    assert period.subject is not None and period.subject.kind == "person_linked"
    user = found["Bruker"]
    assert user.subject is not None and user.subject.kind == "person"
    assert user.subject.role == "user"


PAYSLIP = """
CREATE TABLE payroll (
  upid int PRIMARY KEY COMMENT '工资单识别符',
  name varchar(9) COMMENT '姓名',
  job_number varchar(6) COMMENT '工号',
  actual_salary bigint COMMENT '实发工资',
  pension bigint COMMENT '养老保险',
  injury_insurance bigint COMMENT '工伤保险',
  utilities bigint COMMENT '水电费',
  pension_adjustment_difference bigint COMMENT '养老保险调差额'
) COMMENT='工资单';
"""


def test_social_insurance_and_fees_on_a_payslip_are_pay(tmp_path: Path) -> None:
    payroll = _scan(tmp_path, {"payroll.sql": PAYSLIP})["payroll"]
    for name in ("pension", "utilities", "pension_adjustment_difference"):
        finding = _finding(payroll, name)
        assert finding.element == "pi.education_work.salary" and finding.sensitive, name


PARTNER_INCOME = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "properties": {
        "partnershipName": {"type": "string", "description": "The name of the partnership."},
        "startDate": {"type": "string", "description": "The date the individual joined."},
        "shareOfProfitOrLoss": {
            "type": "number",
            "description": "The individual's share of the partnership's profit or loss.",
        },
        "adjustedProfit": {
            "type": "number",
            "description": "The individual's share of the partnership's adjusted profit.",
        },
        "carryForwardLosses": {
            "type": "number",
            "description": "The individual's losses to carry forward to the next tax year.",
        },
        "shareOfDividendIncome": {
            "type": "number",
            "description": "The individual's share of dividend income.",
        },
    },
}
ARTICLE = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "properties": {
        "title": {"type": "string", "description": "The article's title."},
        "body": {"type": "string", "description": "The author's text of the article."},
        "views": {"type": "integer", "description": "How many times it was read."},
    },
}


def test_field_descriptions_naming_the_individual_make_a_tax_record(tmp_path: Path) -> None:
    """Three field descriptions opening with 'The individual's': the document is that person's
    (their share of a partnership's profits and losses, sensitive income); one possessive of a
    role (an article's author) is not enough."""
    found = _scan(
        tmp_path,
        {
            "retrieve_partner_income_response.json": json.dumps(PARTNER_INCOME),
            "article.json": json.dumps(ARTICLE),
        },
    )
    income = found["retrieve_partner_income_response"]
    assert income.subject is not None and income.subject.kind == "person_linked"
    for name in ("shareOfProfitOrLoss", "adjustedProfit", "carryForwardLosses"):
        finding = _finding(income, name)
        assert finding.personal and finding.sensitive, name
    assert _finding(income, "startDate").personal
    article = found["article"]
    assert article.subject is None or article.subject.kind != "person_linked"
    assert not _finding(article, "views").personal


RIDER_LOGS = """
CREATE TABLE Clienter (Id int PRIMARY KEY, TrueName nvarchar(50), PhoneNo nvarchar(20));
CREATE TABLE ClienterOptionLog (
  Id int PRIMARY KEY,
  ClienterId int,
  OptName nvarchar(50),
  Remark nvarchar(500),
  InsertTime datetime
);
CREATE TABLE OrderOption (Id int PRIMARY KEY, OptionName nvarchar(50), SortNo int);
"""


def test_a_log_of_a_persons_options_is_no_code_list(tmp_path: Path) -> None:
    """`ClienterOptionLog` (a delivery rider's operations): a log word after a role and a
    code-list word is a log of what that person did; `OrderOption` stays a code list."""
    found = _scan(tmp_path, {"rider.sql": RIDER_LOGS})
    log = found["ClienterOptionLog"]
    assert log.subject is not None and log.subject.kind == "person_linked"
    assert _finding(log, "InsertTime").personal
    options = found["OrderOption"]
    assert options.subject is not None and options.subject.kind == "reference"


CLINIC = """
CREATE TABLE patient (
  patient_no NUMBER(4) NOT NULL,
  patient_fname VARCHAR2(30),
  patient_lname VARCHAR2(30),
  CONSTRAINT patient_pk PRIMARY KEY (patient_no)
);
COMMENT ON COLUMN patient.patient_no IS 'Patient number (unique for each patient)';
CREATE TABLE appointment (
  appt_no NUMBER(7) NOT NULL,
  appt_datetime DATE,
  patient_no NUMBER(4) NOT NULL,
  CONSTRAINT appointment_pk PRIMARY KEY (appt_no),
  CONSTRAINT appt_patient_fk FOREIGN KEY (patient_no) REFERENCES patient (patient_no)
);
"""


def test_a_patient_number_declared_number_is_the_patients_key(tmp_path: Path) -> None:
    """Oracle declares whole numbers NUMBER(p): a patient's number so declared is their key."""
    patient = _scan(tmp_path, {"clinic.sql": CLINIC})["patient"]
    assert _finding(patient, "patient_no").personal


UNITS = """
CREATE TABLE za_resident (
  id varchar(30) PRIMARY KEY,
  xm varchar(60) COMMENT '姓名',
  sfzh varchar(18) COMMENT '身份证号',
  hylb varchar(30) COMMENT '行业类别'
);
"""


def test_hylb_is_no_friend_list(tmp_path: Path) -> None:
    """`hylb` abbreviates 行业类别 (an industry category) as often as 好友列表: by itself it is no
    friend list (sensitive)."""
    rows = _scan(tmp_path, {"units.sql": UNITS})["za_resident"]
    assert _finding(rows, "hylb").element != "pi.contacts.friends"
    assert not _finding(rows, "hylb").sensitive


SERVICE_REQUESTS = """
openapi: 3.0.3
info: {title: Orders, version: 1.0.0}
paths: {}
components:
  schemas:
    FHIRServiceRequest:
      type: object
      description: A request for a test kit
      properties:
        resourceType: {type: string, enum: [ServiceRequest]}
        status: {type: string}
        subject:
          type: object
          properties:
            reference: {type: string}
            display: {type: string}
        code:
          type: object
          properties:
            text: {type: string}
    ServiceRequest:
      type: object
      description: A request raised with the IT help desk
      properties:
        requesterEmail: {type: string}
        status: {type: string}
        category: {type: string}
        summary: {type: string}
"""


def test_a_fhir_service_request_is_a_patients_order_not_a_help_desks(tmp_path: Path) -> None:
    """An HL7 FHIR resource (its `resourceType` member) named ServiceRequest orders a test for a
    patient: a section of the patient's record, whose requested test (`code.text`) is health
    information. A help desk's `ServiceRequest` without that member is no patient's record."""
    found = _scan(tmp_path, {"orders.yaml": SERVICE_REQUESTS})
    fhir = found["FHIRServiceRequest"]
    assert fhir.subject.role == "patient"
    by_pointer = {f.field.pointer.split(".", 1)[1]: f for f in fhir.findings}
    assert by_pointer["code.text"].sensitive
    assert by_pointer["subject.display"].personal
    desk = found["ServiceRequest"]
    assert desk.subject is None or desk.subject.role != "patient"
    assert not any((f.element or "").startswith("pi.health") for f in desk.findings)
