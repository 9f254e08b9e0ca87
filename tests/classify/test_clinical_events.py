"""Clinical event tables of an EHR export without comments (Synthea-like naming): tables keyed
by a bare `patient` column, or by an `encounter` that belongs to a patient, are that patient's
records, and what their columns say of each event (code, description, dates, value, unit) is
health information; the same words in a code dictionary are no one's, and a cost stays money."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of, scan_files

EXPORT = """
CREATE TABLE patients (id VARCHAR(36) PRIMARY KEY, birthdate DATE, first VARCHAR(64),
  last VARCHAR(64), gender CHAR(1), address VARCHAR(256));
CREATE TABLE encounters (id VARCHAR(36) PRIMARY KEY, start TIMESTAMP, stop TIMESTAMP,
  patient VARCHAR(36), code VARCHAR(20), description VARCHAR(256),
  base_encounter_cost DECIMAL(10,2), payer_coverage DECIMAL(10,2));
CREATE TABLE conditions (start DATE, stop DATE, patient VARCHAR(36), encounter VARCHAR(36),
  code VARCHAR(20), description VARCHAR(256), status VARCHAR(16));
CREATE TABLE medications (start TIMESTAMP, stop TIMESTAMP, patient VARCHAR(36),
  encounter VARCHAR(36), code VARCHAR(20), description VARCHAR(256), base_cost DECIMAL(10,2),
  dispenses INT, totalcost DECIMAL(10,2), reasoncode VARCHAR(20));
CREATE TABLE observations (date TIMESTAMP, patient VARCHAR(36), encounter VARCHAR(36),
  code VARCHAR(20), description VARCHAR(256), value VARCHAR(64), units VARCHAR(20));
CREATE TABLE snomed_codes (code VARCHAR(20) PRIMARY KEY, description VARCHAR(256),
  category VARCHAR(32));
"""

#: Event tables keyed only by an encounter: the encounter is the patient's.
BY_ENCOUNTER = """
CREATE TABLE patients (id VARCHAR(36) PRIMARY KEY, birthdate DATE, gender CHAR(1));
CREATE TABLE encounters (id VARCHAR(36) PRIMARY KEY, start TIMESTAMP, patient VARCHAR(36));
CREATE TABLE medications (id INT PRIMARY KEY, encounter VARCHAR(36), start TIMESTAMP,
  stop TIMESTAMP, code VARCHAR(20), description VARCHAR(256), dispenses INT,
  totalcost DECIMAL(10,2));
CREATE TABLE medication_codes (code VARCHAR(20) PRIMARY KEY, description VARCHAR(256),
  form VARCHAR(32));
"""


def test_tables_keyed_by_a_bare_patient_column_are_the_patients(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"export.sql": EXPORT})
    for table in ("encounters", "conditions", "medications", "observations"):
        subject = by_name[table].subject
        assert (subject.kind, subject.role) == ("person_linked", "patient"), table
        assert any(link.column == "patient" for link in subject.links), table
    assert by_name["snomed_codes"].subject.kind == "reference"


def test_what_an_event_table_says_is_health_information(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"export.sql": EXPORT})
    cases = {
        "conditions": ("code", "description", "start", "stop", "status"),
        "medications": ("code", "description", "start", "stop", "dispenses", "reasoncode"),
        "observations": ("code", "description", "value", "units", "date"),
    }
    for table, columns in cases.items():
        for column in columns:
            finding = finding_of(by_name[table], column)
            assert finding.sensitive, (table, column)
            assert (finding.element or "").startswith("pi.health."), (table, column)


def test_the_costs_of_a_patients_care_are_money_not_a_diagnosis(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"export.sql": EXPORT})
    for column in ("base_cost", "totalcost"):
        finding = finding_of(by_name["medications"], column)
        assert not (finding.element or "").startswith("pi.health."), column


def test_a_code_dictionary_beside_the_export_is_no_ones(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"export.sql": EXPORT})
    for column in ("code", "description", "category"):
        assert not finding_of(by_name["snomed_codes"], column).personal, column


def test_an_event_keyed_by_an_encounter_is_the_encounters_patients(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"export.sql": BY_ENCOUNTER})
    medications = by_name["medications"]
    assert (medications.subject.kind, medications.subject.role) == ("person_linked", "patient")
    for column in ("description", "start", "stop", "dispenses"):
        finding = finding_of(medications, column)
        assert finding.sensitive and finding.element == "pi.health.medication", column
        assert any(ev.rule == "subject-clinical-event" for ev in finding.evidence), column
    assert not finding_of(medications, "totalcost").sensitive
    for column in ("code", "description", "form"):
        assert not finding_of(by_name["medication_codes"], column).personal, column


def test_a_one_word_key_ending_in_an_encounter_id_is_a_patients(tmp_path: Path) -> None:
    text = """
    CREATE TABLE vital_sign (VITALSIGNID INT PRIMARY KEY, CLINICALENCOUNTERID INT,
      VALUE VARCHAR(64), DISPLAYUNIT VARCHAR(20));
    """
    subject = scan_files(tmp_path, {"vitals.sql": text})["vital_sign"].subject
    assert (subject.kind, subject.role) == ("person_linked", "patient")


def test_a_short_role_initial_is_no_bare_key(tmp_path: Path) -> None:
    # `xs` is 学时 (class hours) of a course here, not a student (`xs` 学生)
    text = """
    CREATE TABLE xs (xh CHAR(6) PRIMARY KEY, xm CHAR(8), xb CHAR(2), csrq DATE);
    CREATE TABLE kc (kch CHAR(3) PRIMARY KEY, kcm CHAR(16), xs TINYINT, xf TINYINT);
    """
    assert scan_files(tmp_path, {"school.sql": text})["kc"].subject.kind != "person_linked"


def test_a_status_is_bookkeeping_off_a_clinical_event_table(tmp_path: Path) -> None:
    text = """
    CREATE TABLE patients (id INT PRIMARY KEY, name VARCHAR(64), birthdate DATE);
    CREATE TABLE patient_logins (id INT PRIMARY KEY, patient_id INT, login_time TIMESTAMP,
      status VARCHAR(16));
    """
    logins = scan_files(tmp_path, {"logins.sql": text})["patient_logins"]
    assert not finding_of(logins, "status").sensitive


def test_a_prescription_a_patients_card_points_at_is_the_patients(tmp_path: Path) -> None:
    text = """
    CREATE TABLE patients (patient_id INT PRIMARY KEY, name VARCHAR(64), birth_date DATE);
    CREATE TABLE prescriptions (prescription_id INT PRIMARY KEY, prescription_date DATE,
      prescription_date_end DATE);
    CREATE TABLE patient_card (patient_card_id INT PRIMARY KEY,
      patient_id INT REFERENCES patients(patient_id),
      prescription_id INT REFERENCES prescriptions(prescription_id));
    """
    prescriptions = scan_files(tmp_path, {"card.sql": text})["prescriptions"]
    assert (prescriptions.subject.kind, prescriptions.subject.role) == ("person_linked", "patient")
    for column in ("prescription_date", "prescription_date_end"):
        assert finding_of(prescriptions, column).sensitive, column


def test_vital_signs_a_consultation_points_at_are_the_patients(tmp_path: Path) -> None:
    # a consultation of a patient keys the vital signs taken at it (Spanish names): those
    # measurements are the patient's, whatever their own table is keyed by
    text = """
    CREATE TABLE paciente (id_paciente INT PRIMARY KEY, nombre VARCHAR(64), fecha_nacimiento DATE);
    CREATE TABLE signos_vitales (id_signos_vitales INT PRIMARY KEY, temperatura DECIMAL(4,1),
      frecuencia_respiratoria INT, saturacion_oxigeno INT, pulso INT);
    CREATE TABLE consulta (id_consulta INT PRIMARY KEY, diagnostico TEXT,
      fk_id_paciente INT REFERENCES paciente(id_paciente),
      fk_id_signos_vitales INT REFERENCES signos_vitales(id_signos_vitales));
    """
    vitals = scan_files(tmp_path, {"consulta.sql": text})["signos_vitales"]
    assert (vitals.subject.kind, vitals.subject.role) == ("person_linked", "patient")
    for column in ("temperatura", "frecuencia_respiratoria", "saturacion_oxigeno", "pulso"):
        assert finding_of(vitals, column).sensitive, column


def test_a_bare_person_key_shared_with_the_patients_table_is_a_patients(tmp_path: Path) -> None:
    text = """
    CREATE TABLE patients (pid int, name text, age int, sex text, diagnosis text);
    CREATE TABLE nursing (pid int, time int, data text);
    CREATE TABLE requisition (pid int, test text, sample text, time int);
    """
    by_name = scan_files(tmp_path, {"ward.sql": text})
    for table in ("nursing", "requisition"):
        subject = by_name[table].subject
        assert (subject.kind, subject.role) == ("person_linked", "patient"), table
    for column in ("test", "sample"):
        assert finding_of(by_name["requisition"], column).sensitive, column
