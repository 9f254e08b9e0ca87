"""On a believer's record, the church the person belongs to or asks (`id_eglise` of a French
schema, `church_id`) says their faith: religious belief, sensitive (PIPL Art. 28; GB/T
35273-2020 Annex B). The church's own table, naming the church, is no one's."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

DDL = """
CREATE TABLE Croyant(
   id INT IDENTITY,
   nom VARCHAR(100)  NOT NULL,
   prenom VARCHAR(100)  NOT NULL,
   date_naissance DATE NOT NULL,
   PRIMARY KEY(id)
);
CREATE TABLE Eglise(
   id INT IDENTITY,
   nom VARCHAR(100)  NOT NULL,
   PRIMARY KEY(id)
);
CREATE TABLE Demande(
   id INT IDENTITY PRIMARY KEY,
   annee INT NOT NULL,
   id_eglise INT,
   id_croyant INT,
   FOREIGN KEY(id_eglise) REFERENCES Eglise(id),
   FOREIGN KEY(id_croyant) REFERENCES Croyant(id)
);
"""


def _scan(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "base.sql").write_text(DDL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {d.dataset.name: d for d in result.datasets}


def test_the_church_of_a_believers_request_is_religious_belief(tmp_path: Path) -> None:
    request = {f.field.name: f for f in _scan(tmp_path)["Demande"].findings}
    assert request["id_eglise"].element == "pi.religion.belief"
    assert request["id_eglise"].sensitive


def test_a_churchs_own_table_is_not_religious_belief(tmp_path: Path) -> None:
    church = _scan(tmp_path)["Eglise"]
    assert not any(f.sensitive for f in church.findings)
