"""Care and clinic vocabulary without comments: a caregiver's tasks, a patient's type, onset date,
medical alerts and cédula, a body-composition scale's readings, an account's token code."""

from __future__ import annotations

from pathlib import Path

from dataflow.model import DatasetResult
from dataflow.scan import ScanOptions, scan_paths

CARE = """
CREATE TABLE caregiver_duties (id int PRIMARY KEY, caregiver_id varchar(30), caregiver_name varchar(50),
  duty varchar(255), duty_day varchar(50));
CREATE TABLE patient (patient_id int PRIMARY KEY, full_name varchar(50), mobile varchar(20),
  cedula varchar(20), patient_type varchar(20), onset_date date, medical_alerts text);
CREATE TABLE scale_reading (id int PRIMARY KEY, person_id int, weight decimal(5,2), bmi decimal(4,1),
  body_moisture decimal(4,1), skeletal_muscle_rate decimal(4,1), subcutaneous_fat decimal(4,1),
  bone_mass decimal(4,1));
CREATE TABLE app_user (id int PRIMARY KEY, username varchar(50), email varchar(80),
  tokencode varchar(64));
"""


def _findings(tmp_path: Path) -> dict[str, DatasetResult]:
    (tmp_path / "care.sql").write_text(CARE, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: r for r in report.datasets}


def test_care_words_of_patients_caregivers_and_body_readings(tmp_path: Path) -> None:
    by_name = _findings(tmp_path)
    duties = {f.field.name: f for f in by_name["caregiver_duties"].findings}
    assert by_name["caregiver_duties"].subject is not None
    assert by_name["caregiver_duties"].subject.role == "employee"
    assert duties["caregiver_name"].element == "pi.identity.name"
    patient = {f.field.name: f for f in by_name["patient"].findings}
    for care in ("patient_type", "onset_date", "medical_alerts"):
        assert patient[care].personal and patient[care].sensitive, care
    assert patient["cedula"].element == "pi.identity.document_number"
    scale = {f.field.name: f for f in by_name["scale_reading"].findings}
    for reading in ("body_moisture", "skeletal_muscle_rate", "subcutaneous_fat", "bone_mass"):
        assert scale[reading].personal, reading
    user = {f.field.name: f for f in by_name["app_user"].findings}
    assert user["tokencode"].element == "pi.credential.secret_key"


DUTIES = """
CREATE TABLE nurse (nurse_id int PRIMARY KEY, full_name varchar(50), mobile varchar(20));
CREATE TABLE nurse_tasks (id int PRIMARY KEY, nurse_id int REFERENCES nurse(nurse_id),
  task varchar(255), task_date varchar(50), task_status varchar(10));
"""


def test_the_tasks_given_to_a_member_of_staff_are_their_work_record(tmp_path: Path) -> None:
    (tmp_path / "duties.sql").write_text(DUTIES, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    tasks = next(r for r in report.datasets if r.dataset.name == "nurse_tasks")
    found = {f.field.name: f for f in tasks.findings}
    for column in ("task", "task_date", "task_status"):
        assert found[column].element == "pi.education_work.work_history", column
