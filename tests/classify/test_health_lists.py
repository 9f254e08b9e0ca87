"""Lists of health things in a clinic's schema without comments: a `medications` drug list, a
`diseases` dictionary, an ICD code table or a `procedure_code` list that no column links to a
person is no one's health information, while a patient's prescriptions and diagnoses stay
sensitive, also where the patient's key goes unseen."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of, scan_files

CLINIC = """
CREATE TABLE patients (patient_id INT PRIMARY KEY, first_name VARCHAR(50),
  last_name VARCHAR(50), birth_date DATE, gender CHAR(1));
CREATE TABLE medications (medication_id INT PRIMARY KEY, medication_name VARCHAR(50) NOT NULL,
  dosage VARCHAR(25) NOT NULL, frequency VARCHAR(25));
CREATE TABLE diseases (disease_id INT PRIMARY KEY, disease_name TEXT NOT NULL,
  disease_description TEXT);
CREATE TABLE patient_disease (patient_id INT, disease_id INT,
  PRIMARY KEY (patient_id, disease_id),
  FOREIGN KEY (patient_id) REFERENCES patients(patient_id),
  FOREIGN KEY (disease_id) REFERENCES diseases(disease_id));
CREATE TABLE medicamentos (id INT PRIMARY KEY, nombre VARCHAR(80), dosis VARCHAR(40));
CREATE TABLE icd10_code_all (icd_code_id INT PRIMARY KEY, diagnosis_code VARCHAR(10),
  diagnosis_code_description VARCHAR(255));
CREATE TABLE procedure_code (id INT PRIMARY KEY, procedure_code VARCHAR(10),
  procedure_code_description VARCHAR(255));
CREATE TABLE prescriptions (id INT PRIMARY KEY, rx_no VARCHAR(20), drug_name VARCHAR(80),
  dosage VARCHAR(25), written_date DATE);
CREATE TABLE diagnosis (id INT PRIMARY KEY, case_no VARCHAR(20), diagnosis_code VARCHAR(10),
  diagnosis_name VARCHAR(80));
"""


def test_lists_of_health_things_are_no_ones(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"clinic.sql": CLINIC})
    cases = {
        "medications": ("medication_name", "dosage"),
        "diseases": ("disease_name", "disease_description"),
        "medicamentos": ("dosis",),
        "icd10_code_all": ("diagnosis_code",),
        "procedure_code": ("procedure_code",),
    }
    for table, columns in cases.items():
        for column in columns:
            finding = finding_of(by_name[table], column)
            assert not finding.personal, (table, column)
            if table != "medicamentos":  # `dosis`: no word of a dose in the first place
                assert any(ev.rule == "subject-health-list" for ev in finding.evidence), (
                    table,
                    column,
                )


def test_a_list_keyed_by_its_plural_name_links_to_no_one(tmp_path: Path) -> None:
    """`diseases.disease_id` is the list's own key, not a link to `patient_disease`."""
    by_name = scan_files(tmp_path, {"clinic.sql": CLINIC})
    assert by_name["diseases"].subject.kind != "person_linked"
    assert by_name["patient_disease"].subject.role == "patient"


def test_records_of_care_stay_sensitive(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"clinic.sql": CLINIC})
    for table, column in (
        ("prescriptions", "drug_name"),
        ("prescriptions", "dosage"),
        ("diagnosis", "diagnosis_code"),
        ("diagnosis", "diagnosis_name"),
    ):
        assert finding_of(by_name[table], column).sensitive, (table, column)
