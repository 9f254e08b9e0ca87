"""Field and table names in Portuguese, Spanish, French, German, Italian or Dutch are read as
their English equivalents (``catalogs/data/foreign_words.yaml``): a Brazilian bank's
`contas.cliente_nome`, a Dutch `klanten.geboortedatum`, a Spanish `fecha_de_nacimiento`."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

from dataflow.detect.metadata.words import english_words, own_spelling, split_name

BANK = """
CREATE TABLE `agencias` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `nome` varchar(100) NOT NULL,
  `end_logradouro` varchar(100) DEFAULT NULL,
  `end_cidade` varchar(50) DEFAULT NULL,
  PRIMARY KEY (`id`)
);
CREATE TABLE `contas` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `id_agencia` int(11) NOT NULL,
  `cliente_nome` varchar(100) NOT NULL,
  `cliente_end_logradouro` varchar(100) DEFAULT NULL,
  `cliente_end_cidade` varchar(30) DEFAULT NULL,
  `cliente_end_cep` varchar(8) DEFAULT NULL,
  `saldo` decimal(19,2) DEFAULT 0.00,
  PRIMARY KEY (`id`)
);
"""

CUSTOMERS = """
CREATE TABLE klanten (
  id INT PRIMARY KEY,
  voornaam VARCHAR(50),
  achternaam VARCHAR(50),
  geboortedatum DATE,
  rekeningnummer VARCHAR(34),
  woonplaats VARCHAR(60)
);
CREATE TABLE pacientes (
  id INT PRIMARY KEY,
  nombre_completo VARCHAR(100),
  fecha_de_nacimiento DATE,
  estado_civil VARCHAR(20),
  telefono_movil VARCHAR(20)
);
"""


def test_phrases_are_read_as_english_words() -> None:
    """One word, a run of words (the longest listed run first) and words of no language listed
    (kept as they are)."""
    assert split_name("cliente_nome") == ("customer", "name")
    assert split_name("data_de_nascimento") == ("birth", "date")
    assert split_name("numeroConta") == ("account", "number")
    assert split_name("end_date") == ("end", "date")  # `end` alone is English
    assert english_words(("order", "status")) == ("order", "status")


def test_romance_word_order_is_read_in_english_order() -> None:
    """A key or name written before the foreign word it belongs to comes after it; English
    names keep their order."""
    assert split_name("id_conta") == ("account", "id")
    assert split_name("nome_cliente") == ("customer", "name")
    assert split_name("tipo_cuenta") == ("account", "type")
    assert split_name("id_user") == ("id", "user")


def test_a_word_read_as_english_keeps_its_own_spelling() -> None:
    """What a longer name token may still contain (`ClienterMessage`)."""
    assert own_spelling("cliente") == "cliente"
    assert own_spelling("customer") is None


def test_portuguese_bank_customer_columns(tmp_path: Path) -> None:
    """The customer's name, address and balance on a bank account; the branch's own address
    is an organisation's, not personal."""
    results = _scan(tmp_path, {"banco.sql": BANK})
    contas = results["contas"]
    assert _finding(contas, "cliente_nome").element == "pi.identity.name"
    for column in ("cliente_end_logradouro", "cliente_end_cidade", "cliente_end_cep"):
        assert _finding(contas, column).personal, column
    balance = _finding(contas, "saldo")
    assert balance.element == "pi.financial.balance" and balance.sensitive
    agencias = results["agencias"]
    for column in ("nome", "end_logradouro", "end_cidade"):
        assert not _finding(agencias, column).personal, column


def test_dutch_and_spanish_person_columns(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"people.sql": CUSTOMERS})
    klanten = results["klanten"]
    assert _finding(klanten, "voornaam").element == "pi.identity.name"
    assert _finding(klanten, "achternaam").element == "pi.identity.name"
    assert _finding(klanten, "geboortedatum").element == "pi.profile.birth_date"
    assert _finding(klanten, "rekeningnummer").element == "pi.financial.bank_account"
    pacientes = results["pacientes"]
    assert _finding(pacientes, "nombre_completo").element == "pi.identity.name"
    assert _finding(pacientes, "fecha_de_nacimiento").element == "pi.profile.birth_date"
    assert _finding(pacientes, "estado_civil").personal
    assert _finding(pacientes, "telefono_movil").element == "pi.contact.mobile"
