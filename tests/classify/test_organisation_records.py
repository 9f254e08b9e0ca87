"""A table keyed only to an organisation's table is that organisation's record. In a church's
offerings database (a public T-SQL schema, French names), `Eglise` names churches, an
organisation; its balance history (`Historique_solde`, keyed by `id_eglise` alone) is the church's
money, not a person's balance, while a believer's request (`Demande`, keyed by `id_croyant` too)
stays the believer's, and its key to the church says the believer's faith community (religious
belief, sensitive)."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

DDL = """
CREATE TABLE Croyant(
   id INT IDENTITY,
   nom VARCHAR(100)  NOT NULL,
   prenom VARCHAR(100)  NOT NULL,
   date_naissance DATE NOT NULL,
   email VARCHAR(50)  NOT NULL,
   PRIMARY KEY(id)
);
CREATE TABLE Eglise(
   id INT IDENTITY,
   nom VARCHAR(100)  NOT NULL,
   PRIMARY KEY(id),
   UNIQUE(nom)
);
CREATE TABLE Historique_solde(
   id INT IDENTITY,
   solde DECIMAL(18,2)   NOT NULL,
   date_historique DATE NOT NULL,
   id_eglise INT,
   type_solde INT DEFAULT 0,
   PRIMARY KEY(id),
   FOREIGN KEY(id_eglise) REFERENCES Eglise(id)
);
CREATE TABLE Demande(
   id INT IDENTITY PRIMARY KEY,
   montant DECIMAL(18,2)   NOT NULL,
   id_eglise INT,
   id_croyant INT,
   date_pret DATETIME DEFAULT SYSDATETIME(),
   FOREIGN KEY(id_eglise) REFERENCES Eglise(id),
   FOREIGN KEY(id_croyant) REFERENCES Croyant(id)
);
"""


def test_a_churchs_balance_history_is_the_churchs(tmp_path: Path) -> None:
    (tmp_path / "base.sql").write_text(DDL, encoding="utf-8")
    found = {d.dataset.name: d for d in scan_paths([tmp_path], ScanOptions(content=False)).datasets}
    assert found["Eglise"].subject is not None
    assert found["Eglise"].subject.kind == "organisation"
    history = found["Historique_solde"]
    assert history.subject is not None and history.subject.kind == "organisation"
    assert not any(f.personal for f in history.findings)
    request = found["Demande"]
    assert request.subject is not None and request.subject.kind == "person_linked"
    by_name = {f.field.name: f for f in request.findings}
    assert by_name["montant"].personal
    # the believer's key to their church: which faith community they belong to
    assert by_name["id_eglise"].element == "pi.religion.belief"
    assert by_name["id_eglise"].sensitive
