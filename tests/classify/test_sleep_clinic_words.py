"""A sleep clinic's patient record: the polysomnography (PSG) dates, CPAP therapy, pathology and
hepatitis flags (transliterated `gepatit`) and the nurse's notes are the patient's health
information, sensitive (PIPL Art. 28); the same words on a store's table are nobody's."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

DDL = """
CREATE TABLE patient (
  id NUMBER(10) NOT NULL,
  first_name VARCHAR2(50),
  last_name VARCHAR2(50),
  birth_date DATE,
  last_psg_date DATE,
  cpap_status NUMBER(2),
  is_gepatit NUMBER(1),
  patalogy_detail VARCHAR2(500),
  nurse_notes VARCHAR2(2000),
  CONSTRAINT patient_pk PRIMARY KEY (id)
);
CREATE TABLE store_item (
  id NUMBER(10) NOT NULL,
  cpap_status NUMBER(2),
  item_name VARCHAR2(100),
  CONSTRAINT store_item_pk PRIMARY KEY (id)
);
"""


def test_sleep_clinic_words_on_a_patients_record(tmp_path: Path) -> None:
    (tmp_path / "PATIENT.sql").write_text(DDL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    found = {d.dataset.name: {f.field.name: f for f in d.findings} for d in result.datasets}
    patient = found["patient"]
    for column in ("last_psg_date", "cpap_status", "is_gepatit", "patalogy_detail", "nurse_notes"):
        assert patient[column].sensitive, column
        assert patient[column].sensitive_group == "health", column
    assert not found["store_item"]["cpap_status"].personal
