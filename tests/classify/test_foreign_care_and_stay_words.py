"""Clinical, hotel-stay and organisation words of Spanish, Portuguese, German and Italian schemas
are read as their English equivalents (``catalogs/data/foreign_words.yaml``): a patient's vital
signs (`frecuencia_cardiaca`), a doctor's report (`Diagnose`, `Einweisung`), a hotel guest's
room and stay dates (`numero_quarto`, `data_checkin`) are sensitive personal information (GB/T
35273 Annex B: 健康生理信息, 住宿信息); a pharmacy's branches (`SediFarmacie`) and a country's
provinces are no one's."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

CLINIC = """
CREATE TABLE paciente (id_paciente INT PRIMARY KEY, nombre VARCHAR(50), apellido VARCHAR(50));
CREATE TABLE signos_vitales (
  id_signos_vitales INT PRIMARY KEY,
  frecuencia_cardiaca INT,
  presion_arterial VARCHAR(10),
  glucosa INT
);
"""

HOSPITAL = """
CREATE TABLE Arztbericht (
  Fallnummer INT AUTO_INCREMENT,
  Aktenzeichen VARCHAR(255),
  Einweisung DATE,
  Diagnose VARCHAR(255),
  PRIMARY KEY (Fallnummer)
);
CREATE TABLE Pfleger (
  PersonalSSN INT AUTO_INCREMENT,
  Examiniert BOOLEAN,
  PRIMARY KEY (PersonalSSN)
);
"""

HOTEL = """
CREATE TABLE hospede (cpf VARCHAR(14) PRIMARY KEY, nome VARCHAR(100), telefone VARCHAR(20));
CREATE TABLE quarto (numero_quarto NUMERIC(4,0) PRIMARY KEY, tipo VARCHAR(20));
CREATE TABLE reserva (
  id_reserva NUMERIC(6,0) PRIMARY KEY,
  cpf VARCHAR(14) NOT NULL REFERENCES hospede(cpf),
  numero_quarto NUMERIC(4,0) NOT NULL REFERENCES quarto(numero_quarto),
  data_checkin DATE NOT NULL,
  data_checkout DATE NOT NULL
);
"""

BRANCHES = """
CREATE TABLE SediFarmacie (
  Id INT PRIMARY KEY,
  Nome VARCHAR(100),
  Indirizzo VARCHAR(200),
  Telefono VARCHAR(20),
  Email VARCHAR(100)
);
CREATE TABLE provincias (id INT PRIMARY KEY, nombre VARCHAR(50), geom GEOMETRY);
"""


def test_spanish_vital_signs_are_health_information(tmp_path: Path) -> None:
    table = _scan(tmp_path, {"clinica.sql": CLINIC})["signos_vitales"]
    for column in ("frecuencia_cardiaca", "presion_arterial", "glucosa"):
        finding = _finding(table, column)
        assert finding.sensitive and finding.element == "pi.health.test_result", column


def test_german_doctors_report_and_nurses(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"krankenhaus.sql": HOSPITAL})
    report = results["Arztbericht"]
    assert _finding(report, "Diagnose").element == "pi.health.diagnosis"
    assert _finding(report, "Einweisung").element == "pi.health.medical_visit"
    nurses = results["Pfleger"].subject
    assert nurses is not None and (nurses.kind, nurses.role) == ("person", "employee")


def test_portuguese_hotel_stay_of_a_guest(tmp_path: Path) -> None:
    reserva = _scan(tmp_path, {"hotel.sql": HOTEL})["reserva"]
    for column in ("numero_quarto", "data_checkin", "data_checkout"):
        finding = _finding(reserva, column)
        assert finding.sensitive and finding.element == "pi.location.accommodation", column


def test_pharmacy_branches_and_provinces_are_no_ones(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"sedi.sql": BRANCHES})
    for column in ("Nome", "Indirizzo", "Telefono", "Email"):
        assert not _finding(results["SediFarmacie"], column).personal, column
    assert not _finding(results["provincias"], "geom").personal


CODING = """
CREATE TABLE DiagnoseCoding (
  ID NVARCHAR(30) NOT NULL PRIMARY KEY,
  DiagnoseName NVARCHAR(100) NOT NULL,
  ServiceType INT
);
"""


def test_a_coding_table_of_german_spelt_diagnoses_is_a_code_list(tmp_path: Path) -> None:
    """`Diagnose` reads as diagnosis; a table named for a coding holds the codes, no one's."""
    table = _scan(tmp_path, {"coding.sql": CODING})["DiagnoseCoding"]
    assert table.subject is not None and table.subject.kind == "reference"
    assert not _finding(table, "DiagnoseName").personal
