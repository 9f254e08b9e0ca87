"""Organisations of a health-care schema without comments: a payer (an insurer) and a facility
`location` with its kind are organisations, so their names, addresses, telephones and positions
are not anyone's personal information; a patient's own address stays theirs."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of, scan_files

CARE = """
CREATE TABLE patients (id VARCHAR(36) PRIMARY KEY, birthdate DATE, first VARCHAR(64),
  last VARCHAR(64), gender CHAR(1), address VARCHAR(256), zip VARCHAR(10));
CREATE TABLE payers (id VARCHAR(36) PRIMARY KEY, name VARCHAR(128), ownership VARCHAR(32),
  address VARCHAR(256), city VARCHAR(64), zip VARCHAR(10), phone VARCHAR(20),
  revenue DECIMAL(12,2));
CREATE TABLE location (location_id VARCHAR(36) PRIMARY KEY, name VARCHAR(128),
  facility_type VARCHAR(32), address VARCHAR(256), zip_code VARCHAR(10), latitude FLOAT,
  longitude FLOAT);
"""


def test_a_payer_and_a_facility_are_organisations(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"care.sql": CARE})
    assert by_name["payers"].subject.kind == "organisation"
    assert by_name["location"].subject.kind == "organisation"
    for table, columns in (
        ("payers", ("name", "address", "zip", "phone")),
        ("location", ("address", "zip_code", "latitude", "longitude")),
    ):
        for column in columns:
            assert not finding_of(by_name[table], column).personal, (table, column)


def test_the_patients_address_stays_theirs(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"care.sql": CARE})
    assert finding_of(by_name["patients"], "address").personal
    assert finding_of(by_name["patients"], "zip").personal


RECORDS = """
CREATE TABLE Patients (PatientID INT PRIMARY KEY, FirstName VARCHAR(50), LastName VARCHAR(50),
  DateOfBirth DATE, CurrentPrimaryHCPId INT);
CREATE TABLE Physician (PhysicianId INT PRIMARY KEY, FirstName VARCHAR(50),
  LastName VARCHAR(50), Specialty VARCHAR(50));
CREATE TABLE Prescriptions (PrescriptionID INT PRIMARY KEY, PatientID INT, PhysicianId INT,
  PharmacyID INT, PrescriptionDate DATE,
  FOREIGN KEY (PatientID) REFERENCES Patients(PatientID),
  FOREIGN KEY (PhysicianId) REFERENCES Physician(PhysicianId));
CREATE TABLE Invoices (InvoiceID INT PRIMARY KEY, CustomerID INT, StoreID INT,
  InvoiceDate DATE);
"""


def test_who_treats_a_patient_is_their_health_record(tmp_path: Path) -> None:
    """The key of the doctor, pharmacy or primary care provider on a patient's record says who
    treats them: their medical visits, sensitive; a shop's key on a customer's invoice is not."""
    by_name = scan_files(tmp_path, {"records.sql": RECORDS})
    for table, column in (
        ("Prescriptions", "PhysicianId"),
        ("Prescriptions", "PharmacyID"),
        ("Patients", "CurrentPrimaryHCPId"),
    ):
        finding = finding_of(by_name[table], column)
        assert finding.sensitive and finding.element == "pi.health.medical_visit", (table, column)
    assert not finding_of(by_name["Invoices"], "StoreID").sensitive
