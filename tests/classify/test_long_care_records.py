"""A long record of a person's care that also names its crew and its times (an ambulance run):
with many columns already health information, the rest of what it records about the patient
(scores, times, outcome) is health information too."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

RUN = """
CREATE TABLE patient (patient_id INT PRIMARY KEY, name VARCHAR(20), phone VARCHAR(20));
CREATE TABLE run_sheet (
  run_id INT PRIMARY KEY,
  patient_id INT REFERENCES patient(patient_id),
  pickup_address VARCHAR(200),
  dispatch_time DATETIME,
  arrival_time DATETIME,
  chief_complaint VARCHAR(200),
  initial_diagnosis VARCHAR(200),
  severity_level VARCHAR(20) COMMENT '病情分级',
  procedures VARCHAR(200),
  allergy VARCHAR(200),
  blood_pressure VARCHAR(20),
  gcs_score INT,
  outcome VARCHAR(100),
  nurse VARCHAR(20),
  driver VARCHAR(20),
  stretcher_bearer VARCHAR(20),
  paramedic VARCHAR(20),
  recipient VARCHAR(20),
  vehicle_plate VARCHAR(20),
  run_note VARCHAR(200),
  signed_by VARCHAR(20),
  cost DECIMAL(10,2),
  crew_phone VARCHAR(20),
  mileage INT,
  fuel_used DECIMAL(6,2),
  station VARCHAR(50),
  weather VARCHAR(50)
);
"""


def test_a_long_run_sheet_with_many_health_columns_is_a_health_record(tmp_path: Path) -> None:
    (tmp_path / "schema.sql").write_text(RUN, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    run = next(r for r in report.datasets if r.dataset.name == "run_sheet")
    by_name = {f.field.name: f for f in run.findings}
    for name in ("gcs_score", "dispatch_time", "arrival_time"):
        assert by_name[name].personal and by_name[name].sensitive, name
