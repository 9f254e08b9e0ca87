"""A hospital files a patient's admission and its records of care under one case (`case_id`)
that no scanned table is keyed by: an eyeglass prescription filed under the case an admission
register of patients carries is that patient's prescription (health information, sensitive),
though its columns are abbreviations that name no one. A table not named for care that carries
the case (a bill) is not made a patient's record by it."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

SQL = """
CREATE TABLE ipd_patient_register (
  id bigint NOT NULL PRIMARY KEY,
  case_id bigint DEFAULT NULL,
  patient_name text,
  patient_age int,
  admission_date date
);
CREATE TABLE glass_prescriptions (
  id bigint NOT NULL PRIMARY KEY,
  case_id bigint DEFAULT NULL,
  r_dv_sph text,
  r_dv_cyl text,
  l_dv_sph text,
  l_dv_cyl text
);
CREATE TABLE stock_moves (
  id bigint NOT NULL PRIMARY KEY,
  case_id bigint DEFAULT NULL,
  qty int,
  unit_price decimal(10,2)
);
"""


def test_a_prescription_filed_under_a_patients_case_is_theirs(tmp_path: Path) -> None:
    (tmp_path / "hospital.sql").write_text(SQL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    found = {d.dataset.name: d for d in result.datasets}
    glasses = found["glass_prescriptions"]
    assert glasses.subject.role == "patient"
    sensitive = {f.field.name for f in glasses.findings if f.sensitive}
    assert {"r_dv_sph", "l_dv_cyl"} <= sensitive
    assert found["stock_moves"].subject.kind == "unknown"
