"""A supplier's row with a natural person's first and last name: the contact person's name and
e-mail are personal; the company's name, address and telephone stay the company's."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

SUPPLIER = """
CREATE TABLE vendor (vendor_id INT PRIMARY KEY, company_name VARCHAR(255), first_name VARCHAR(50),
  last_name VARCHAR(50), address1 VARCHAR(255), email_address VARCHAR(100));
"""


def test_first_and_last_name_on_a_suppliers_row_are_its_contacts(tmp_path: Path) -> None:
    vendor = _scan(tmp_path, {"vendor.sql": SUPPLIER})["vendor"]
    assert vendor.subject.kind == "organisation"
    for column in ("first_name", "last_name", "email_address"):
        assert _finding(vendor, column).personal, column
    assert not _finding(vendor, "company_name").personal
    assert not _finding(vendor, "address1").personal


def test_a_companys_e_mail_without_a_persons_name_stays_the_companys(tmp_path: Path) -> None:
    sql = """CREATE TABLE vendor (vendor_id INT PRIMARY KEY, company_name VARCHAR(255),
      address1 VARCHAR(255), email_address VARCHAR(100));"""
    vendor = _scan(tmp_path, {"vendor.sql": sql})["vendor"]
    assert not _finding(vendor, "email_address").personal
