"""A person's attribute kept as a key into a list of codes (`GenderID` → a gender table): on
the person's own row it is their gender, not a link to another record."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

SCHEMA = """
CREATE TABLE Gender (GenderID INT PRIMARY KEY, GenderName VARCHAR(20));
CREATE TABLE Clinic (ClinicID INT PRIMARY KEY, ClinicName VARCHAR(100));
CREATE TABLE Patient (
  PatientID INT PRIMARY KEY,
  LastName VARCHAR(100),
  FirstName VARCHAR(100),
  DateOfBirth DATE,
  GenderID INT REFERENCES Gender (GenderID),
  ClinicID INT REFERENCES Clinic (ClinicID)
);
CREATE TABLE Product (
  ProductID INT PRIMARY KEY,
  Title VARCHAR(100),
  GenderID INT REFERENCES Gender (GenderID)
);
"""


def test_a_coded_attribute_on_a_persons_row_is_theirs(tmp_path: Path) -> None:
    patient = _scan(tmp_path, {"p.sql": SCHEMA})["Patient"]
    gender = _finding(patient, "GenderID")
    assert gender.element == "pi.profile.gender"
    assert any(ev.rule == "subject-coded-attribute" for ev in gender.evidence)
    assert not _finding(patient, "ClinicID").personal  # a key of an organisation


def test_the_same_key_on_a_row_of_things_is_not(tmp_path: Path) -> None:
    product = _scan(tmp_path, {"p.sql": SCHEMA})["Product"]
    assert not _finding(product, "GenderID").personal
