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
