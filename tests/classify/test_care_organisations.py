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
