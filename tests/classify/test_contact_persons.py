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


B2B_CUSTOMERS = """
CREATE TABLE Customers (CustomerID NCHAR(5) NOT NULL PRIMARY KEY, CompanyName NVARCHAR(40),
  ContactName NVARCHAR(30), ContactTitle NVARCHAR(30), Address NVARCHAR(60), City NVARCHAR(15),
  Region NVARCHAR(15), PostalCode NVARCHAR(10), Country NVARCHAR(15));
"""


def test_a_customers_table_of_companies_with_a_contact_person_is_about_companies(
    tmp_path: Path,
) -> None:
    """`Customers` keyed by its own `CustomerID` with a `CompanyName` and a contact person: the
    address is the company's; the contact's name and post are that person's."""
    customers = _scan(tmp_path, {"nw.sql": B2B_CUSTOMERS})["Customers"]
    assert customers.subject.kind == "organisation"
    for column in ("Address", "City", "PostalCode", "Country", "CompanyName"):
        assert not _finding(customers, column).personal, column
    assert _finding(customers, "ContactName").personal
    assert _finding(customers, "ContactTitle").element == "pi.education_work.occupation"


def test_a_customers_table_with_a_persons_own_name_stays_a_persons(tmp_path: Path) -> None:
    sql = """CREATE TABLE Customers (CustomerID INT PRIMARY KEY, CompanyName VARCHAR(40),
      FirstName VARCHAR(30), LastName VARCHAR(30), Address VARCHAR(60), City VARCHAR(15));"""
    customers = _scan(tmp_path, {"c.sql": sql})["Customers"]
    assert customers.subject.kind != "organisation"
    assert _finding(customers, "Address").personal


def test_shippers_and_warehouses_are_organisations(tmp_path: Path) -> None:
    sql = """CREATE TABLE Shippers (ShipperID INT PRIMARY KEY, CompanyName VARCHAR(40),
      Phone VARCHAR(24));
    CREATE TABLE almacenes (id INT PRIMARY KEY, nombre VARCHAR(100), direccion VARCHAR(200),
      telefono VARCHAR(20), email VARCHAR(100));"""
    found = _scan(tmp_path, {"s.sql": sql})
    assert not _finding(found["Shippers"], "Phone").personal
    for column in ("direccion", "telefono", "email"):
        assert not _finding(found["almacenes"], column).personal, column
