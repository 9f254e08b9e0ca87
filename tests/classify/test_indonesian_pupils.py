"""An Indonesian school's pupil register (`siswa`, from a public phpMyAdmin dump) names each
pupil's father (`ayah`) and mother (`ibu`) apart: a school pupil's admission record, so a
child's (PIPL Art. 28, 31; GB/T 35273-2020 Annex B), and every column of it is sensitive. A
university's students (`mahasiswa`) are adults: their register stays ordinary PI."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

PUPILS = """
CREATE TABLE `{table}` (
  `nis` varchar(255) NOT NULL,
  `nama` varchar(255) DEFAULT NULL,
  `tgl_masuk` varchar(255) DEFAULT NULL,
  `jenis_kelamin` enum('L','P') DEFAULT NULL,
  `tgl_lahir` date DEFAULT NULL,
  `alamat` varchar(255) DEFAULT NULL,
  `nama_ayah` varchar(255) DEFAULT NULL,
  `pekerjaan_ayah` varchar(255) DEFAULT NULL,
  `nama_ibu` varchar(255) DEFAULT NULL,
  `pekerjaan_ibu` varchar(255) DEFAULT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
"""


def _register(tmp_path: Path, table: str):  # type: ignore[no-untyped-def]
    (tmp_path / "dbrumahku.sql").write_text(PUPILS.format(table=table), encoding="utf-8")
    found = scan_paths([tmp_path], ScanOptions(content=False))
    result = next(d for d in found.datasets if d.dataset.name == table)
    return result.subject, {f.field.name: f for f in result.findings}


def test_a_pupil_register_naming_father_and_mother_is_a_childs(tmp_path: Path) -> None:
    subject, by_name = _register(tmp_path, "siswa")
    assert subject is not None and subject.role == "minor"
    for column in ("nama", "tgl_lahir", "alamat", "jenis_kelamin"):
        assert by_name[column].sensitive, column


def test_university_students_are_adults(tmp_path: Path) -> None:
    subject, by_name = _register(tmp_path, "mahasiswa")
    assert subject is not None and subject.role == "student"
    assert by_name["alamat"].personal
    assert not by_name["alamat"].sensitive
