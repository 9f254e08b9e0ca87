"""Pupils known from school-level evidence without any parent column: a K-12 roster whose pupils
have special-education programmes (`iep_*`, Section 504, gifted and talented), a Spanish roster
placing each pupil in a grado and a sección, and words of primary education in other languages,
all read as children under 14 unless the scan names higher education. Also: health words of
Portuguese and Spanish clinical records, and the fact tables of a clinical reporting warehouse."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

K12 = """
create table student (
  id numeric(24) primary key,
  first_name varchar(255),
  last_name varchar(255),
  birthdate date,
  iep_reading boolean,
  gifted_talented boolean
);
create table enrollment (
  id int primary key,
  student_id numeric(24) references student (id),
  grade char(2),
  section varchar(16)
);
"""

COLLEGE_ROSTER = """
create table student (
  id int primary key,
  first_name varchar(255),
  birthdate date,
  major varchar(64)
);
create table enrollment (
  id int primary key,
  student_id int references student (id),
  grade char(2),
  section varchar(16)
);
"""

MATRICULA = """
CREATE TABLE tb_inscripcion (
  id_inscripcion INT IDENTITY(1,1) NOT NULL,
  nombre VARCHAR(50) NOT NULL,
  apellido VARCHAR(50) NOT NULL,
  grado CHAR(1) NOT NULL,
  seccion CHAR(1) NOT NULL,
  telefono VARCHAR(20) NOT NULL,
  PRIMARY KEY (id_inscripcion)
);
"""

UNIVERSIDAD = (
    MATRICULA
    + """
CREATE TABLE facultad (id INT PRIMARY KEY, nombre VARCHAR(50));
"""
)

PRONTUARIO = """
CREATE TABLE paciente (id INTEGER PRIMARY KEY, nome TEXT);
CREATE TABLE prontuario (
  id INTEGER PRIMARY KEY,
  id_paciente INTEGER REFERENCES paciente(id),
  anamnese TEXT,
  evolucao_clinica TEXT,
  receituario TEXT,
  queixa_principal TEXT
);
"""

WAREHOUSE = """
CREATE TABLE patient (id serial PRIMARY KEY, firstName varchar(160), lastName varchar(160));
CREATE TABLE disease (id serial PRIMARY KEY, name varchar(160));
CREATE TABLE dateDimension (id serial PRIMARY KEY, day int, month int, year int);
CREATE TABLE location (id serial PRIMARY KEY, name varchar(160));
CREATE TABLE encounter (
  id serial PRIMARY KEY,
  diseaseId int references disease(id),
  encounterDateId int references dateDimension(id)
);
CREATE TABLE observation (
  id serial PRIMARY KEY,
  name varchar(160),
  value varchar(160),
  locationId int references location(id),
  observationDateId int references dateDimension(id)
);
"""

LAB_CATALOGUE = """
CREATE TABLE patient (id serial PRIMARY KEY, firstName varchar(160));
CREATE TABLE observation (id serial PRIMARY KEY, name varchar(160), unit varchar(32));
"""


def _scan(tmp_path: Path, files: dict[str, str]):  # type: ignore[no-untyped-def]
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {d.dataset.name.split(".")[-1]: d for d in result.datasets}


def test_a_k12_roster_with_special_education_programmes_is_of_children(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"tables.sql": K12})
    assert found["student"].subject.role == "minor"
    by_name = {f.field.name: f for f in found["student"].findings}
    assert by_name["first_name"].sensitive_group == "minors_under_14"
    assert by_name["birthdate"].sensitive
    assert found["enrollment"].subject.role == "minor"


def test_a_college_roster_stays_adults(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"tables.sql": COLLEGE_ROSTER})
    assert found["student"].subject.role == "student"


def test_a_spanish_roster_in_grados_and_secciones_is_of_pupils(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    found = _scan(tmp_path / "a", {"tables.sql": MATRICULA})["tb_inscripcion"]
    assert found.subject.role == "minor"
    assert {f.field.name: f for f in found.findings}["nombre"].sensitive
    college = _scan(tmp_path / "b", {"tables.sql": UNIVERSIDAD})["tb_inscripcion"]
    assert college.subject.role != "minor"


def test_portuguese_clinical_record_columns_are_health(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"hospital.sql": PRONTUARIO})["prontuario"]
    by_name = {f.field.name: f for f in found.findings}
    for column in ("anamnese", "evolucao_clinica", "receituario", "queixa_principal"):
        assert by_name[column].sensitive, column
        assert by_name[column].sensitive_group == "health", column


def test_fact_tables_of_a_clinical_warehouse_are_patients_care(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    found = _scan(tmp_path / "a", {"measures.sql": WAREHOUSE})
    for table in ("encounter", "observation"):
        assert found[table].subject.kind == "person_linked", table
        assert found[table].subject.role == "patient", table
    assert found["disease"].subject.kind != "person_linked"
    by_name = {f.field.name: f for f in found["observation"].findings}
    assert by_name["value"].sensitive
    catalogue = _scan(tmp_path / "b", {"lab.sql": LAB_CATALOGUE})
    assert catalogue["observation"].subject.kind != "person_linked"


ALUMNOS = """
CREATE TABLE alumno (
  id INT PRIMARY KEY,
  nombre VARCHAR(50),
  fecha_nacimiento DATE,
  nombre_padre VARCHAR(80),
  telefono_madre VARCHAR(20)
);
"""

ALUNOS = """
CREATE TABLE aluno (
  id INTEGER PRIMARY KEY,
  nome TEXT,
  data_nascimento TEXT,
  serie TEXT,
  turma TEXT
);
"""


def test_parents_named_in_spanish_order_make_pupils(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"alumnos.sql": ALUMNOS})["alumno"]
    assert found.subject.role == "minor"


def test_a_portuguese_roster_in_series_and_turmas_is_of_pupils(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"escola.sql": ALUNOS})["aluno"]
    assert found.subject.role == "minor"
