"""A benefit plan's records: a member's disability is sensitive, an insurance carrier is an
organisation; a hospital's equipment register holds the machines' serial numbers, not anyone's
device."""

from __future__ import annotations

from pathlib import Path

from dataflow.model import DatasetResult
from dataflow.scan import ScanOptions, scan_paths


def _results(tmp_path: Path, text: str) -> dict[str, DatasetResult]:
    (tmp_path / "schema.sql").write_text(text, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: r for r in report.datasets}


def _finding(result: DatasetResult, name: str):  # type: ignore[no-untyped-def]
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
