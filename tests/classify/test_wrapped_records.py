"""API documents whose one record is wrapped in a request or response object (`Req`, `Resp`), a
person's own account number at an institution as the key of their records, the members of a
name object, a name word that the description spells out in full, the author of a row who is not
the actor of a log, an abbreviated key (`pres_id`) of the table whose name it begins, normal
ranges that define tests, and the treating doctor's key on a patient's record."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

# A provident-fund API: members are pinyin initials that only their descriptions explain.
FUND_API = """\
swagger: "2.0"
info: {title: fund, version: "1"}
paths: {}
definitions:
  ApplyInfo:
    properties:
      Req:
        type: object
        properties:
          acctInfo:
            type: object
            properties:
              GRZH: {type: string, description: 个人账号}
          applyInfo:
            type: object
            properties:
              TQYY: {type: string, description: 提取原因}
              XCTQRQ: {type: string, description: 下次提取日期}
          BLZL: {type: string, description: 办理资料}
  ReApplyInfo:
    properties:
      Req:
        type: object
        properties:
          applyInfo:
            type: object
            properties:
              TQYY: {type: string, description: 提取原因}
              GRCKZHHM: {type: string, description: 个人存款账户号码}
          BLZL: {type: string, description: 办理资料}
  RecordsReturn:
    properties:
      Resp:
        type: object
        properties:
          acctInfo:
            type: object
            properties:
              XingMing: {type: string, description: 姓名}
              ZJHM: {type: string, description: 证件号码}
          JZNY: {type: string, description: 缴至年月}
          pageSize: {type: integer, description: 每页条数}
          currentPage: {type: integer, description: 当前页}
"""


def test_an_account_number_keys_the_persons_wrapped_record(tmp_path: Path) -> None:
    """`GRZH` '个人账号' is the holder's own account: the request is that person's, and the
    sections of the object that wraps it (`Req.applyInfo`) hold their withdrawal's reason and
    next date."""
    doc = _scan(tmp_path, {"fund.yaml": FUND_API})["ApplyInfo"]
    assert doc.subject.kind == "person_linked"
    for column in ("TQYY", "XCTQRQ"):
        assert _finding(doc, column).personal, column


def test_a_personal_deposit_account_keys_the_record_too(tmp_path: Path) -> None:
    """`GRCKZHHM` '个人存款账户号码': the person's own deposit account, so the repeated request
    is theirs and its reason is about them."""
    doc = _scan(tmp_path, {"fund.yaml": FUND_API})["ReApplyInfo"]
    assert doc.subject.kind == "person_linked"
    assert _finding(doc, "TQYY").personal


def test_a_wrapped_persons_record_and_its_pagination(tmp_path: Path) -> None:
    """A response that wraps one person's record (`Resp`, a name and an ID number): its other
    members are about the person (the month paid up to), but not its pagination."""
    doc = _scan(tmp_path, {"fund.yaml": FUND_API})["RecordsReturn"]
    assert doc.subject.kind == "person"
    assert _finding(doc, "JZNY").personal
    for column in ("pageSize", "currentPage"):
        assert not _finding(doc, column).personal, column


FORM = {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "type": "object",
    "definitions": {
        "fullName": {
            "type": "object",
            "properties": {
                "first": {"type": "string"},
                "middle": {"type": "string"},
                "last": {"type": "string"},
            },
        }
    },
    "properties": {
        "veteranInformation": {
            "type": "object",
            "properties": {
                "fullName": {"$ref": "#/definitions/fullName"},
                "ssn": {"type": "string", "description": "Social Security Number (9 digits)"},
                "dateOfBirth": {"type": "string", "format": "date"},
            },
        }
    },
}


def test_the_members_of_a_name_object_are_the_persons_name(tmp_path: Path) -> None:
    """`veteranInformation.fullName.first`, `.middle`, `.last`: the parts of the veteran's name."""
    doc = _scan(tmp_path, {"form-schema.json": json.dumps(FORM)})["form-schema"]
    for column in ("first", "middle", "last"):
        finding = _finding(doc, column)
        assert finding.element == "pi.identity.name", column


def test_a_described_abbreviation_keeps_what_it_abbreviates(tmp_path: Path) -> None:
    """`ssn` described as 'Social Security Number': the identity number (sensitive), not the
    social-security contributions of a person's work that the shorter phrase names."""
    doc = _scan(tmp_path, {"form-schema.json": json.dumps(FORM)})["form-schema"]
    ssn = _finding(doc, "ssn")
    assert ssn.element == "pi.identity.social_security"
    assert ssn.sensitive


CAMPAIGNS = """\
CREATE TABLE campaign_history (
  id BIGINT PRIMARY KEY,
  campaign_name VARCHAR(200),
  campaign_state VARCHAR(20),
  send_size INT,
  created_by_user_id BIGINT,
  updated_by_user_id BIGINT
);
CREATE TABLE login_history (
  id BIGINT PRIMARY KEY,
  user_id BIGINT,
  login_ip VARCHAR(40),
  login_result VARCHAR(20)
);
"""


def test_who_wrote_a_row_is_not_who_acted_in_a_log(tmp_path: Path) -> None:
    """`campaign_history.created_by_user_id`: the campaign's author, so the history of campaigns
    is not a log of that user's actions and the campaign's name is not theirs; a login history
    keyed by `user_id` stays a log of the user's actions."""
    results = _scan(tmp_path, {"marketing.sql": CAMPAIGNS})
    campaigns = results["campaign_history"]
    assert campaigns.subject.kind != "person_linked"
    for column in ("campaign_name", "campaign_state", "send_size"):
        assert not _finding(campaigns, column).personal, column
    logins = results["login_history"]
    assert logins.subject.kind == "person_linked"
    assert _finding(logins, "login_result").personal


CLINIC = """\
CREATE TABLE patient (
  patient_id BIGINT PRIMARY KEY,
  name VARCHAR(50) COMMENT '姓名',
  id_card VARCHAR(18) COMMENT '身份证号',
  phone VARCHAR(20) COMMENT '手机号'
);
CREATE TABLE prescription (
  pres_id BIGINT PRIMARY KEY,
  patient_id BIGINT NOT NULL,
  total_amount DECIMAL(10, 2) COMMENT '总金额'
);
CREATE TABLE prescription_item (
  item_id BIGINT PRIMARY KEY,
  pres_id BIGINT NOT NULL,
  quantity INT COMMENT '开药数量',
  usage_info VARCHAR(100) COMMENT '用法用量'
);
"""


def test_an_abbreviated_key_finds_the_table_filed_under_it(tmp_path: Path) -> None:
    """`prescription_item.pres_id`: no table is named `pres`, but `pres_id` is the key of
    `prescription`, whose name it begins: the items belong to the patient's prescription, and
    their dose and usage are the patient's health information."""
    items = _scan(tmp_path, {"clinic.sql": CLINIC})["prescription_item"]
    assert items.subject.kind == "person_linked"
    for column in ("quantity", "usage_info"):
        finding = _finding(items, column)
        assert finding.personal and finding.sensitive, column


CHECK_ITEMS = """\
CREATE TABLE checkitemdetailed (
  cdId INT PRIMARY KEY COMMENT '检查项明细编号',
  name VARCHAR(40) COMMENT '检查项明细名称',
  unit VARCHAR(20) COMMENT '检查项明细单位',
  minrange DOUBLE COMMENT '检查项明细正常值范围中的最小值',
  maxrange DOUBLE COMMENT '检查项明细正常值范围中的最大值',
  normalValue VARCHAR(20) COMMENT '检查项明细正常值（非数字型）',
  type INT COMMENT '检查项明细类型（1：数值范围验证型；2：数值相等验证型；3：无需验证型；4：描述型）',
  remarks VARCHAR(100) COMMENT '备注'
);
CREATE TABLE checkresult (
  crId INT PRIMARY KEY COMMENT '检查结果编号',
  name VARCHAR(40) COMMENT '检查项明细名称',
  unit VARCHAR(20) COMMENT '检查项明细单位',
  minrange DOUBLE COMMENT '检查项明细正常值范围中的最小值',
  value VARCHAR(20) COMMENT '检查结果值',
  isError INT COMMENT '是否异常'
);
"""


def test_a_table_of_normal_ranges_defines_tests(tmp_path: Path) -> None:
    """A health-check item's details with their normal range and no measured value define the
    test: not anyone's results. The same columns with a result value stay a record of results."""
    results = _scan(tmp_path, {"checkup.sql": CHECK_ITEMS})
    items = results["checkitemdetailed"]
    assert items.subject.kind != "person_linked"
    for column in ("name", "unit", "minrange"):
        assert not _finding(items, column).personal, column
    assert results["checkresult"].subject.kind == "person_linked"


REGISTRATIONS = """\
CREATE TABLE patient (
  patient_id BIGINT PRIMARY KEY,
  name VARCHAR(50) COMMENT '姓名',
  id_card VARCHAR(18) COMMENT '身份证号'
);
CREATE TABLE registration (
  reg_id BIGINT PRIMARY KEY,
  patient_id BIGINT NOT NULL,
  doctor_id BIGINT COMMENT '医生ID',
  reg_date DATE COMMENT '挂号日期'
);
"""


def test_the_treating_doctors_key_on_a_patients_record_is_care(tmp_path: Path) -> None:
    """`registration.doctor_id` on a patient's registration: who treats the patient, part of
    their medical visits (sensitive), as the treating doctor's name already is."""
    reg = _scan(tmp_path, {"clinic.sql": REGISTRATIONS})["registration"]
    doctor = _finding(reg, "doctor_id")
    assert doctor.personal and doctor.sensitive
