"""On a record of a patient's care, a column another rule gave a general element (when it
happened, a free-text note) is the care the patient received: health information, sensitive.
The same columns on a shop customer's record, and a patient's bill, stay what they were."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

CARE = """
CREATE TABLE patient (id int PRIMARY KEY, name varchar(50) COMMENT '姓名',
  id_card varchar(18) COMMENT '身份证号', phone varchar(20) COMMENT '手机号');
CREATE TABLE appointment (id int PRIMARY KEY, patientid int COMMENT '患者id',
  time datetime COMMENT '预约时间', note varchar(200) COMMENT '备注');
CREATE TABLE patient_bills (id int PRIMARY KEY, patientid int COMMENT '患者id',
  time datetime COMMENT '预约时间', note varchar(200) COMMENT '备注');
CREATE TABLE customer (id int PRIMARY KEY, name varchar(50) COMMENT '姓名',
  phone varchar(20) COMMENT '手机号');
CREATE TABLE booking (id int PRIMARY KEY, customerid int COMMENT '客户id',
  time datetime COMMENT '预约时间', note varchar(200) COMMENT '备注');
"""


def test_a_patients_appointment_time_is_health_information(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"schema.sql": CARE})
    care = {f.field.name: f for f in by_name["appointment"].findings}
    assert care["time"].personal and care["time"].sensitive
    assert care["time"].element == "pi.health.medical_visit"
    assert any(ev.rule == "subject-care-record" for ev in care["time"].evidence)
    shop = {f.field.name: f for f in by_name["booking"].findings}
    assert shop["time"].personal and not shop["time"].sensitive
    bill = {f.field.name: f for f in by_name["patient_bills"].findings}
    assert not any(ev.rule == "subject-care-record" for ev in bill["time"].evidence)


CLAIMS = """
CREATE TABLE patients (id VARCHAR(36) PRIMARY KEY, birthdate DATE, first VARCHAR(64),
  last VARCHAR(64), gender CHAR(1));
CREATE TABLE claims (id VARCHAR(36) PRIMARY KEY, patientid VARCHAR(36),
  diagnosis1 VARCHAR(20), currentillnessdate DATETIME, servicedate DATETIME,
  lastbilleddate1 DATETIME, outstanding1 DECIMAL(10,2));
CREATE TABLE claims_transactions (id VARCHAR(36) PRIMARY KEY, claimid VARCHAR(36),
  patientid VARCHAR(36), amount DECIMAL(10,2), fromdate DATETIME, todate DATETIME,
  procedurecode VARCHAR(20));
"""


def test_the_dates_of_care_on_a_patients_claim_are_health_information(tmp_path: Path) -> None:
    """On a claim the dates of the care billed are the visit's, the billing dates stay the bill's."""
    by_name = scan_files(tmp_path, {"claims.sql": CLAIMS})
    claim = {f.field.name: f for f in by_name["claims"].findings}
    for column in ("currentillnessdate", "servicedate"):
        assert claim[column].sensitive, column
        assert any(ev.rule == "subject-care-record" for ev in claim[column].evidence), column
    assert not claim["lastbilleddate1"].sensitive
    lines = {f.field.name: f for f in by_name["claims_transactions"].findings}
    for column in ("fromdate", "todate"):
        assert lines[column].sensitive, column
