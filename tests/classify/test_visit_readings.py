"""Vital signs a visit points at: a consultation of a patient that keys its readings in a table of
their own (`consulta.fk_id_signos_vitales` → `signos_vitales`) makes that table the patient's
record: the weight, temperature, pulse and oxygen saturation taken at the visit are health data
(GB/T 35273 Annex B: 健康生理信息, sensitive), though the table names no patient itself."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

CLINIC = """
create table paciente (id_paciente int not null auto_increment primary key,
  nombre varchar(60), apellido_paterno varchar(60), fecha_nacimiento date);
create table signos_vitales (
  id_signos_vitales int not null auto_increment primary key,
  peso double, temperatura double, frecuencia_respiratoria double,
  saturacion_oxigeno double, pulso double
);
create table consulta (
  id_consulta int not null auto_increment primary key,
  diagnostico text,
  fecha_de_consulta date,
  fk_id_signos_vitales int not null,
  fk_id_paciente int not null,
  foreign key (fk_id_paciente) references paciente (id_paciente),
  foreign key (fk_id_signos_vitales) references signos_vitales (id_signos_vitales)
);
"""


def test_vital_signs_a_patients_consultation_points_at_are_the_patients(tmp_path: Path) -> None:
    vitals = scan_files(tmp_path, {"clinic.sql": CLINIC})["signos_vitales"]
    assert vitals.subject.kind == "person_linked"
    assert vitals.subject.role == "patient"
    by_name = {f.field.name: f for f in vitals.findings}
    for column in ("peso", "temperatura", "pulso", "saturacion_oxigeno"):
        assert by_name[column].personal and by_name[column].sensitive, column
