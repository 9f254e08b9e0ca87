"""On a congregation member's record that states their religious life (baptism, tithing), the
member's standing in the faith community (membership type, how they converted, the ministry
they hold) is religious belief too (GB/T 35273-2020 Annex B); their name and address are not.
Without columns of religious life, or on an employee's record with a religion code (no church
named), the same words stay general attributes."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

MEMBER = """
CREATE TABLE membro (
    codigo BIGINT(20) PRIMARY KEY AUTO_INCREMENT,
    nome VARCHAR(50) NOT NULL,
    data_nascimento DATE,
    email VARCHAR(50),
    telefone VARCHAR(50),
    rua VARCHAR(50),
    estado VARCHAR(15),
    tipo VARCHAR(20),
    data_batismo DATE,
    dizimista BOOLEAN,
    como_se_converteu VARCHAR(100),
    codigo_tipo_adesao BIGINT(20),
    codigo_cargo_ministro BIGINT(20),
    codigo_igreja BIGINT(20)
) ENGINE=InnoDB;
"""

WORKER = """
CREATE TABLE workers (
    associate_oid VARCHAR(40) PRIMARY KEY,
    legal_name VARCHAR(100),
    birth_date DATE,
    religion_code VARCHAR(20),
    religion_name VARCHAR(50),
    worker_status_code VARCHAR(20),
    military_status_code VARCHAR(20)
);
"""

CUSTOMER = """
CREATE TABLE membro (
    codigo BIGINT(20) PRIMARY KEY AUTO_INCREMENT,
    nome VARCHAR(50) NOT NULL,
    data_nascimento DATE,
    email VARCHAR(50),
    telefone VARCHAR(50),
    rua VARCHAR(50),
    tipo VARCHAR(20),
    codigo_tipo_adesao BIGINT(20)
) ENGINE=InnoDB;
"""


def _fields(tmp_path: Path, ddl: str):  # type: ignore[no-untyped-def]
    (tmp_path / "membro.sql").write_text(ddl, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {f.field.name: f for d in result.datasets for f in d.findings}


def test_a_members_standing_on_a_record_of_religious_life_is_religious_belief(
    tmp_path: Path,
) -> None:
    fields = _fields(tmp_path, MEMBER)
    for name in ("tipo", "como_se_converteu", "codigo_tipo_adesao", "codigo_cargo_ministro"):
        assert fields[name].element == "pi.religion.belief", name
        assert fields[name].sensitive, name
        assert any(e.rule == "subject-congregation-standing" for e in fields[name].evidence)
    for name in ("nome", "email", "telefone", "rua", "estado"):
        assert name not in fields or not fields[name].sensitive, name


def test_without_religious_life_the_words_stay_general(tmp_path: Path) -> None:
    fields = _fields(tmp_path, CUSTOMER)
    for name in ("tipo", "codigo_tipo_adesao"):
        assert name not in fields or not fields[name].sensitive, name


def test_an_employees_statuses_beside_a_religion_code_stay_general(tmp_path: Path) -> None:
    fields = _fields(tmp_path, WORKER)
    for name in ("worker_status_code", "military_status_code"):
        assert name not in fields or fields[name].element != "pi.religion.belief", name
