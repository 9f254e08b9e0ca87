"""Members of associations, clubs and churches in French, German and Portuguese: an
association's adherents (``galette_adherents``, columns abbreviated ``ddn_adh``, ``mdp_adh``)
are members, a club member's direct-debit details (``blz`` beside ``konto``) are a bank account,
and a church member's rites and tithes (baptism, consecration, a tithe's amount) say their
religion (GB/T 35273-2020 Annex B: 宗教信仰, 银行账户)."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

#: After galette's MySQL install script (a French association membership manager), shortened.
GALETTE = """
CREATE TABLE galette_adherents (
  id_adh int(10) unsigned NOT NULL auto_increment,
  nom_adh varchar(255) NOT NULL default '',
  prenom_adh varchar(255) NOT NULL default '',
  pseudo_adh varchar(255) NOT NULL default '',
  ddn_adh date default '1901-01-01',
  gsm_adh varchar(50),
  mdp_adh varchar(60) NOT NULL default '',
  PRIMARY KEY (id_adh)
) ENGINE=InnoDB;
CREATE TABLE galette_cotisations (
  id_cotis int(10) unsigned NOT NULL auto_increment,
  id_adh int(10) unsigned NOT NULL default '0',
  montant_cotis decimal(15,2) unsigned default '0',
  date_debut_cotis date NOT NULL default '1901-01-01',
  PRIMARY KEY (id_cotis),
  FOREIGN KEY (id_adh) REFERENCES galette_adherents (id_adh)
) ENGINE=InnoDB;
"""

#: After jVerein's MySQL create script (a German sports club's administration), shortened.
VEREIN = """
CREATE TABLE mitglied (
  id INTEGER AUTO_INCREMENT,
  name VARCHAR(40) NOT NULL,
  vorname VARCHAR(40) NOT NULL,
  blz VARCHAR(8),
  konto VARCHAR(10),
  geburtsdatum DATE,
  UNIQUE (id)
);
CREATE TABLE konto (
  id INTEGER AUTO_INCREMENT,
  nummer VARCHAR(12) NOT NULL,
  bezeichnung VARCHAR(30) NOT NULL,
  UNIQUE (id)
);
"""

#: After a Brazilian church administration's Flyway migrations, shortened.
IGREJA = """
CREATE TABLE membro (
  codigo BIGINT(20) PRIMARY KEY AUTO_INCREMENT,
  nome VARCHAR(50) NOT NULL,
  data_nascimento DATE,
  cpf VARCHAR(14),
  data_batismo DATE,
  data_consagracao DATE,
  dizimista BOOLEAN
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE dizimo (
  codigo BIGINT(20) PRIMARY KEY AUTO_INCREMENT,
  codigo_membro BIGINT(20) NOT NULL,
  valor DECIMAL(10,2) NOT NULL,
  forma_de_pagamento VARCHAR(20),
  FOREIGN KEY (codigo_membro) REFERENCES membro(codigo)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
"""


def test_an_associations_adherents_are_members(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"mysql.sql": GALETTE})
    adherents = found["galette_adherents"]
    assert adherents.subject.kind == "person"
    assert adherents.subject.role == "member"
    assert _finding(adherents, "ddn_adh").element == "pi.profile.birth_date"
    assert _finding(adherents, "mdp_adh").element == "pi.credential.password"
    assert _finding(adherents, "gsm_adh").category == "pi.contact"
    assert _finding(adherents, "pseudo_adh").personal
    fees = found["galette_cotisations"]
    assert fees.subject.kind == "person_linked"
    assert _finding(fees, "montant_cotis").personal


def test_a_members_bank_code_and_account_are_bank_details(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"mysql-create.sql": VEREIN})
    member = found["mitglied"]
    for column in ("blz", "konto"):
        finding = _finding(member, column)
        assert finding.element == "pi.financial.bank_account", column
        assert finding.sensitive, column
        assert any(ev.rule == "subject-bank-details" for ev in finding.evidence)


def test_a_church_members_rites_and_tithes_are_religious(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"V11__create_table_membro.sql": IGREJA})
    member = found["membro"]
    assert member.subject.kind == "person"
    for column in ("data_batismo", "data_consagracao", "dizimista"):
        finding = _finding(member, column)
        assert finding.element == "pi.religion.belief", column
        assert finding.sensitive, column
    assert not _finding(member, "data_nascimento").sensitive
    tithe = found["dizimo"]
    for column in ("valor", "forma_de_pagamento"):
        assert _finding(tithe, column).element == "pi.religion.belief", column


#: After a Dutch festival-inspection firm's SQL Server tables: a client company's address and
#: registration (naam-adres-woonplaats), with its Chamber of Commerce number and no name column.
KLANT = """
CREATE TABLE [dbo].[NAW_Klant] (
    [ID]               INT          IDENTITY (1, 1) NOT NULL,
    [Postcode]         VARCHAR (6)  NOT NULL,
    [Huisnummer]       VARCHAR (10) NOT NULL,
    [Straatnaam]       VARCHAR (50) NOT NULL,
    [KvkNummer]        VARCHAR (50) NOT NULL,
    [Vestigingsnummer] VARCHAR (12) NOT NULL,
    CONSTRAINT [PK_NAW_Klant] PRIMARY KEY CLUSTERED ([ID] ASC)
);
"""


def test_a_registered_business_is_an_organisation_without_a_name_column(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"NAW_Klant.sql": KLANT}, short=True)
    client = found["NAW_Klant"]
    assert client.subject.kind == "organisation"
    for column in ("Postcode", "Huisnummer", "Straatnaam"):
        assert not _finding(client, column).personal, column


#: After a Polish car dealer's HR tables and an Indonesian savings-and-loan co-operative's loans.
PAY_AND_LOANS = """
CREATE TABLE Wynagrodzenia (
    Wynagrodzenie_Id INT IDENTITY (1, 1) NOT NULL PRIMARY KEY,
    Pracownik_Id INT NOT NULL,
    Kwota DECIMAL (10, 2) NOT NULL
);
CREATE TABLE Wyplaty (
    Wyplata_Id INT IDENTITY (1, 1) NOT NULL PRIMARY KEY,
    Pracownik_Id INT NOT NULL,
    Kwota DECIMAL (10, 2) NOT NULL
);
CREATE TABLE tb_pinjaman (
  id_pinjaman int(11) NOT NULL,
  nik varchar(20) NOT NULL,
  jml_pinjaman int(11) NOT NULL,
  tenor int(3) NOT NULL
);
"""


def test_salaries_wages_and_loans_read_in_polish_and_indonesian(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"hr.sql": PAY_AND_LOANS})
    for table in ("Wynagrodzenia", "Wyplaty"):
        finding = _finding(found[table], "Kwota")
        assert finding.sensitive, table
    loan = _finding(found["tb_pinjaman"], "jml_pinjaman")
    assert loan.element == "pi.financial.credit"
