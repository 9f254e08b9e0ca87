"""Who and where treats a patient, on the patient's records: the treating doctor's name and the
hospital on a patient's own row are the patient's medical visits (sensitive); a doctor's own row
keeps the doctor's name as a name."""

from __future__ import annotations

from pathlib import Path

from dataflow.model import DatasetResult
from dataflow.scan import ScanOptions, scan_paths

CLINIC = """
CREATE TABLE Doctor (DoctorID INT PRIMARY KEY, DoctorName VARCHAR(50), Phone VARCHAR(20));
CREATE TABLE Patients (PatientID INT PRIMARY KEY, PatientName VARCHAR(50), Mobile VARCHAR(20),
  DoctorID INT, DoctorName VARCHAR(50), Hospital VARCHAR(100));
CREATE TABLE visit_desk (id INT PRIMARY KEY, name VARCHAR(20) COMMENT '学生姓名',
  registration_time DATETIME COMMENT '挂号时间', doctor VARCHAR(20) COMMENT '医生');
"""


def _results(tmp_path: Path) -> dict[str, DatasetResult]:
    (tmp_path / "clinic.sql").write_text(CLINIC, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: r for r in report.datasets}


def test_the_treating_doctor_and_hospital_on_a_patients_record_are_health_care(
    tmp_path: Path,
) -> None:
    by_name = _results(tmp_path)
    patients = {f.field.name: f for f in by_name["Patients"].findings}
    for care in ("DoctorName", "Hospital"):
        assert patients[care].personal and patients[care].sensitive, care
        assert patients[care].element == "pi.health.medical_visit", care
    desk = {f.field.name: f for f in by_name["visit_desk"].findings}
    assert desk["doctor"].sensitive and desk["doctor"].element == "pi.health.medical_visit"
    # the doctor's own row: their name, not anyone's health information
    doctor = {f.field.name: f for f in by_name["Doctor"].findings}
    assert doctor["DoctorName"].element == "pi.identity.name"
    assert not doctor["DoctorName"].sensitive


VISITS = """
CREATE TABLE patients (id uuid PRIMARY KEY, full_name text, phone text);
CREATE TABLE staff (id uuid PRIMARY KEY, full_name text);
CREATE TABLE bookings (id uuid PRIMARY KEY, patient_id uuid REFERENCES patients(id),
  doctor_id uuid REFERENCES staff(id), start_time timestamp, kind text, deleted_at timestamp);
CREATE TABLE predictions (id uuid PRIMARY KEY, patient_id uuid REFERENCES patients(id),
  destination_hospital_id uuid, model_name text);
"""


def test_a_patients_row_with_their_doctors_key_is_an_act_of_care(tmp_path: Path) -> None:
    (tmp_path / "visits.sql").write_text(VISITS, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    by_name = {r.dataset.name: r for r in report.datasets}
    bookings = {f.field.name: f for f in by_name["bookings"].findings}
    for care in ("start_time", "kind"):
        assert bookings[care].element == "pi.health.medical_visit", care
    assert not bookings["deleted_at"].personal  # bookkeeping
    # a key to a place is not a doctor: the row is not made an act of care by it
    predictions = {f.field.name: f for f in by_name["predictions"].findings}
    assert not predictions["model_name"].sensitive
