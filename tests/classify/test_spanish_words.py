"""Spanish column and table names of a clinical schema without comments (Oracle style): a patient's
name, age, bed, room and medication, a user's login name, password and e-mail."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

WARD = """
CREATE TABLE Enfermo_Cuenta (
  ID_Cuenta VARCHAR2(36) PRIMARY KEY,
  NombreUsuario VARCHAR2(50),
  ContrasenaUsuario VARCHAR2(100),
  CorreoUsuario VARCHAR2(100)
);
CREATE TABLE Pacientes (
  ID_Paciente VARCHAR2(36) PRIMARY KEY,
  Nombre VARCHAR2(50),
  Apellidos VARCHAR2(50),
  Edad NUMBER(3),
  NumeroCama NUMBER(4),
  FechaIngreso DATE,
  MedicamentoDiario VARCHAR2(100)
);
"""


def test_spanish_names_of_a_patient_and_a_users_login(tmp_path: Path) -> None:
    (tmp_path / "ward.sql").write_text(WARD, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    by_name = {r.dataset.name: r for r in report.datasets}
    patient = {f.field.name: f for f in by_name["Pacientes"].findings}
    assert by_name["Pacientes"].subject is not None
    assert by_name["Pacientes"].subject.role == "patient"
    assert patient["Nombre"].element == "pi.identity.name"
    assert patient["Apellidos"].element == "pi.identity.name"
    assert patient["Edad"].element == "pi.profile.age"
    for care in ("NumeroCama", "FechaIngreso", "MedicamentoDiario"):
        assert patient[care].personal and patient[care].sensitive, care
    account = {f.field.name: f for f in by_name["Enfermo_Cuenta"].findings}
    assert account["NombreUsuario"].element == "pi.online_identity.account"
    assert account["ContrasenaUsuario"].element == "pi.credential.password"
    assert account["CorreoUsuario"].element == "pi.contact.email"


CLINIC = """
CREATE TABLE Clientes (
  ID_Cliente NUMBER PRIMARY KEY,
  Telefono VARCHAR2(20),
  Direccion VARCHAR2(200),
  Sexo CHAR(1),
  FechaNacimiento DATE,
  Diagnostico VARCHAR2(200),
  Alergias VARCHAR2(200),
  Salario NUMBER(10,2)
);
"""


def test_spanish_contact_profile_health_and_pay_words(tmp_path: Path) -> None:
    (tmp_path / "clinic.sql").write_text(CLINIC, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    found = {f.field.name: f.element for f in report.datasets[0].findings}
    assert found["Telefono"] == "pi.contact.mobile"
    assert found["Direccion"] == "pi.contact.address"
    assert found["Sexo"] == "pi.profile.gender"
    assert found["FechaNacimiento"] == "pi.profile.birth_date"
    assert found["Diagnostico"] == "pi.health.diagnosis"
    assert found["Alergias"] == "pi.health.allergy"
    assert found["Salario"] == "pi.education_work.salary"
