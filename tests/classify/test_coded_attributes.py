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


EXTRA = """
version: 2
models:
  - name: patient_extra_data
    description: Further details of a patient.
    columns:
      - name: patient_id
      - name: religion_id
        description: Reference to the patient's religion in the reference data
      - name: ethnicity_id
      - name: facility_id
"""


def test_a_coded_attribute_on_a_persons_record_is_theirs(tmp_path: Path) -> None:
    """A record of one patient's further details (person-linked by its key) holding their
    religion and ethnicity as keys into reference data: the patient's religion (sensitive) and
    ethnicity, while the key of a facility stays a link."""
    extra = _scan(tmp_path, {"models.yml": EXTRA})["patient_extra_data"]
    assert extra.subject is not None and extra.subject.kind == "person_linked"
    religion = _finding(extra, "religion_id")
    assert religion.element == "pi.religion.belief" and religion.sensitive
    assert _finding(extra, "ethnicity_id").element == "pi.profile.ethnicity"
    assert not _finding(extra, "facility_id").personal
