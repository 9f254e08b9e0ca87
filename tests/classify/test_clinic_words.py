"""Clinic vocabulary: Spanish identity numbers of a patient and the images of a dental record."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of
from builders import scan_files as _scan

PATIENT_SQL = """
CREATE TABLE paciente (
  id_paciente INT NOT NULL,
  nombre VARCHAR(40) NOT NULL,
  surname1 VARCHAR(40) NOT NULL,
  nif VARCHAR(20) NULL,
  dni VARCHAR(20) NULL,
  nss VARCHAR(30) NULL,
  decease_date DATE NULL,
  PRIMARY KEY (id_paciente)
);
"""

DENTAL_SQL = """
CREATE TABLE `dental_record` (
  `id` int NOT NULL AUTO_INCREMENT,
  `patient_id` int NOT NULL,
  `patient_name` varchar(40) NOT NULL,
  `intraoral_front` varchar(100) NULL,
  `lower_dentition` varchar(100) NULL,
  `qhqmdcp` varchar(100) NULL COMMENT '全颌曲面断层片',
  `qlcwdwp` varchar(100) NULL COMMENT '全颅侧位定位片',
  `created_at` datetime NULL,
  PRIMARY KEY (`id`)
);
"""


def test_spanish_identity_numbers_and_decease_date_of_a_patient(tmp_path: Path) -> None:
    """``nif``/``dni`` (Spanish identity numbers), ``nss`` (social security number) and
    ``decease_date`` are sensitive; the patient's key is not personal information."""
    found = _scan(tmp_path, {"paciente.sql": PATIENT_SQL})["paciente"]
    assert finding_of(found, "nif").element == "pi.identity.document_number"
    assert finding_of(found, "dni").element == "pi.identity.document_number"
    assert finding_of(found, "nss").element == "pi.identity.social_security"
    assert finding_of(found, "decease_date").element == "pi.health.death"
    for column in ("nif", "dni", "nss", "decease_date"):
        assert finding_of(found, column).sensitive, column


def test_intraoral_photos_dentition_and_radiographs_are_examination_results(
    tmp_path: Path,
) -> None:
    """Intraoral photos, dentition images and the panoramic and cephalometric films named by
    their Chinese comments (pinyin-initial column names) are a patient's examination results."""
    found = _scan(tmp_path, {"dental.sql": DENTAL_SQL})["dental_record"]
    for column in ("intraoral_front", "lower_dentition", "qhqmdcp", "qlcwdwp"):
        f = finding_of(found, column)
        assert f.sensitive, column
        assert f.element == "pi.health.test_result", column
    assert not finding_of(found, "created_at").sensitive
