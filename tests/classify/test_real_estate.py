"""A person's real estate (GB/T 35273 Annex B, 个人财产信息: 房产信息, sensitive): on a record of
the house or flat a client owns or insures, its kind, area, value, description and where it
stands say what the person owns. An insurer's own row (a Brazilian `seguradora`) is an
organisation's, not a person's; a settings table named `properties` is no real estate."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

INSURANCE = """
CREATE TABLE pessoa (id_pessoa int PRIMARY KEY, nome varchar(100), cpf varchar(11),
  telefone varchar(20), email varchar(100));
CREATE TABLE cliente (id_cliente int PRIMARY KEY,
  id_pessoa int REFERENCES pessoa (id_pessoa));
CREATE TABLE seguradora (id_seguradora int PRIMARY KEY, nome varchar(100), cnpj varchar(14),
  telefone varchar(20), email varchar(100), cidade varchar(50));
CREATE TABLE imovel (id_imovel int PRIMARY KEY,
  id_cliente int REFERENCES cliente (id_cliente),
  id_seguradora int REFERENCES seguradora (id_seguradora),
  tipo varchar(30), area decimal(10,2), valor decimal(12,2), descricao text,
  bairro varchar(50), cidade varchar(50));
CREATE TABLE user_properties (id int PRIMARY KEY,
  user_id int REFERENCES pessoa (id_pessoa), type varchar(30), value varchar(200));
"""


def test_a_clients_insured_house_is_real_estate(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"seguro.sql": INSURANCE})
    house = {f.field.name: f for f in found["imovel"].findings}
    for column in ("tipo", "area", "valor", "descricao", "bairro", "cidade"):
        assert house[column].element == "pi.financial.real_estate", column
        assert house[column].sensitive, column
    settings = {f.field.name: f for f in found["user_properties"].findings}
    assert all(f.element != "pi.financial.real_estate" for f in settings.values())


def test_an_insurers_own_row_is_an_organisations(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"seguro.sql": INSURANCE})
    assert found["seguradora"].subject.kind == "organisation"
    assert not any(f.personal for f in found["seguradora"].findings)
