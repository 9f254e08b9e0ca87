"""Records that point at a staff member and at a person whom staff serve: the record is the served
person's (a prescription keyed by its doctor first and its patient second is the patient's care),
and so are the records that point at it in turn."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

PRACTICE = """
CREATE TABLE Doctor (Id INT PRIMARY KEY, Name VARCHAR(50));
CREATE TABLE Patient (Id INT PRIMARY KEY, Name VARCHAR(50), Birthday DATE);
CREATE TABLE Script (Id INT PRIMARY KEY, DoctorId INT REFERENCES Doctor(Id),
  PatientId INT REFERENCES Patient(Id), Issued DATE, Until DATE);
CREATE TABLE Approval (Id INT PRIMARY KEY, ScriptId INT REFERENCES Script(Id), Granted DATE);
CREATE TABLE Shift (Id INT PRIMARY KEY, DoctorId INT REFERENCES Doctor(Id), Starts DATE);
"""


def test_a_record_of_a_doctor_and_a_patient_is_the_patients(tmp_path: Path) -> None:
    (tmp_path / "practice.sql").write_text(PRACTICE, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    by_name = {r.dataset.name: r for r in report.datasets}
    script = by_name["Script"]
    assert script.subject is not None and script.subject.role == "patient"
    assert any("PatientId" in e for e in script.subject.evidence)
    fields = {f.field.name: f for f in script.findings}
    for care in ("Issued", "Until"):
        assert fields[care].sensitive and fields[care].element == "pi.health.medical_visit", care
    approval = by_name["Approval"].subject
    assert approval is not None and approval.role == "patient"
    # a record of the doctor alone stays the doctor's
    shift = by_name["Shift"].subject
    assert shift is not None and shift.role == "employee"
