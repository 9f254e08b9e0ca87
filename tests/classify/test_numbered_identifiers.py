"""Identifiers stored as whole numbers, and the short names of a payment app's credentials: a
resident ID declared BIGINT whose comment says so is still the resident ID (a card's INT key is
not), and a customer's `mpin` and `acc_no` are their PIN and bank account number."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of, scan_files

from dataflow.model import FieldFinding
from dataflow.scan import ScanOptions, scan_paths

STAFF = """
create table staff_info (
  staff_id VARCHAR(10) not null,
  staff_name VARCHAR(50),
  id INT8 not null,
  constraint pk_staff primary key (staff_id)
);
comment on column staff_info.staff_id is '员工编号';
comment on column staff_info.id is '身份证号码';
create table fuel_card (fuel_card_id INT PRIMARY KEY, cardid INT, driver_id INT);
"""

WALLET = """
CREATE TABLE CUSTOMER (cust_id VARCHAR(100) PRIMARY KEY, name VARCHAR(100), phone VARCHAR(100),
  mpin VARCHAR(100) NOT NULL, acc_no VARCHAR(100) NOT NULL, balance INT);
"""


def _fields(tmp_path: Path, name: str, text: str) -> dict[str, dict[str, FieldFinding]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: {f.field.name: f for f in r.findings} for r in report.datasets}


def test_a_resident_id_declared_as_a_whole_number_is_read_by_its_comment(tmp_path: Path) -> None:
    by_name = _fields(tmp_path, "staff.sql", STAFF)
    resident = by_name["staff_info"]["id"]
    assert resident.element == "pi.identity.resident_id" and resident.sensitive
    # a name alone does not lift the type gate: an INT `cardid` is a card's key
    assert by_name["fuel_card"]["cardid"].element != "pi.identity.resident_id"


def test_a_payment_apps_pin_and_account_number(tmp_path: Path) -> None:
    customer = _fields(tmp_path, "wallet.sql", WALLET)["CUSTOMER"]
    assert customer["mpin"].element == "pi.credential.pin" and customer["mpin"].sensitive
    assert customer["acc_no"].element == "pi.financial.bank_account"
    assert customer["acc_no"].sensitive


def test_a_comment_ending_in_the_longer_number_word_is_the_identifier(tmp_path: Path) -> None:
    """'病历号码' ends with the term 病历号 written with 号码: the whole-number key of a patient
    table is the medical record number, not a pointer to another record."""
    schema = """
CREATE TABLE patient (
  case_id INT UNSIGNED PRIMARY KEY comment '病历号码',
  patient_name VARCHAR(40) comment '姓名'
) comment '病人';
"""
    ds = scan_files(tmp_path, {"p.sql": schema})["patient"]
    record = finding_of(ds, "case_id")
    assert record.element == "pi.health.medical_record" and record.sensitive
