"""Person records in German, Spanish, Portuguese, Italian, Dutch, Indonesian, Turkish and
Polish: the identity, family, health, school and work columns of each are read under their
GB/T 35273 Annex A/B category (a blood group and a pregnancy are health information, an ID
card or citizen service number identity, a password a credential), also abbreviated
(`fec_nac`, `dt_nasc`) or run together (`datanascita`, `ausweisnummer`). A legal person
(`PessoaJuridica`, a company) is not a person's record, and a charge's payer (`pagador`) is."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

#: Staff, pupils and patients in the schemas' own languages (columns as public schemas of HR,
#: school and clinic systems name them).
STAFF = """
CREATE TABLE mitarbeiter (
  id INT PRIMARY KEY,
  nachname VARCHAR(80),
  ausweisnummer VARCHAR(20),
  blutgruppe VARCHAR(3),
  schwangerschaft BOOLEAN,
  kinder INT,
  arbeitgeber VARCHAR(100)
);
CREATE TABLE karyawan (
  id INT PRIMARY KEY,
  nama VARCHAR(80),
  no_kk VARCHAR(16),
  no_bpjs VARCHAR(13),
  kata_sandi VARCHAR(64),
  jabatan VARCHAR(50),
  status_kawin VARCHAR(10)
);
CREATE TABLE dipendente (
  id INT PRIMARY KEY,
  cognome VARCHAR(80),
  datanascita DATE,
  gruppo_sanguigno VARCHAR(3),
  gravidanza BOOLEAN,
  titolo_studio VARCHAR(50),
  datore_lavoro VARCHAR(100)
);
CREATE TABLE werknemer (
  id INT PRIMARY KEY,
  achternaam VARCHAR(80),
  bsn CHAR(9),
  bloedgroep VARCHAR(3),
  opleiding VARCHAR(50),
  inkomen DECIMAL(10,2)
);
"""

PATIENTS = """
CREATE TABLE paciente (
  id INT PRIMARY KEY,
  nombre VARCHAR(80),
  fec_nac DATE,
  num_documento VARCHAR(20),
  tipo_sangre VARCHAR(3),
  embarazo BOOLEAN,
  antecedentes_penales TEXT
);
CREATE TABLE aluno (
  id INT PRIMARY KEY,
  nome VARCHAR(80),
  dt_nasc DATE,
  deficiencia VARCHAR(50),
  nome_mae VARCHAR(80)
);
CREATE TABLE calisan (
  id INT PRIMARY KEY,
  ad_soyad VARCHAR(80),
  engel_durumu VARCHAR(20),
  cocuk_sayisi INT,
  gelir DECIMAL(10,2)
);
CREATE TABLE pracownik (
  id INT PRIMARY KEY,
  nazwisko VARCHAR(80),
  pracodawca VARCHAR(100),
  stanowisko VARCHAR(50),
  niepelnosprawnosc BOOLEAN
);
"""

#: From the Brazilian central bank's Pix charge API (OpenAPI 3), shortened.
PIX = """
openapi: 3.0.0
info: {title: Pix cobranca, version: '1'}
paths: {}
components:
  schemas:
    PessoaFisica:
      type: object
      properties:
        cpf: {type: string}
        nome: {type: string}
    PessoaJuridica:
      type: object
      properties:
        cnpj: {type: string}
        nome: {type: string}
    Cobranca:
      type: object
      properties:
        txid: {type: string}
        pagador:
          type: object
          properties:
            cpf: {type: string}
            nome: {type: string}
        valor: {type: string}
"""


def test_staff_records_read_in_four_languages(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"staff.sql": STAFF})
    expected = {
        "mitarbeiter": {
            "ausweisnummer": "pi.identity.resident_id",
            "blutgruppe": "pi.health.physiological",
            "schwangerschaft": "pi.health.fertility",
        },
        "karyawan": {
            "no_bpjs": "pi.identity.social_security",
            "kata_sandi": "pi.credential.password",
        },
        "dipendente": {
            "gruppo_sanguigno": "pi.health.physiological",
            "gravidanza": "pi.health.fertility",
        },
        "werknemer": {
            "bsn": "pi.identity.resident_id",
            "bloedgroep": "pi.health.physiological",
        },
    }
    for table, columns in expected.items():
        for column, element in columns.items():
            finding = _finding(found[table], column)
            assert finding.element == element, (table, column, finding.element)
            assert finding.sensitive, (table, column)
    assert _finding(found["dipendente"], "datanascita").element == "pi.profile.birth_date"
    assert found["werknemer"].subject.role == "employee"
    for table, column in (("dipendente", "datore_lavoro"), ("werknemer", "opleiding")):
        assert _finding(found[table], column).element.startswith("pi.education_work"), column


def test_patients_pupils_and_workers_read_in_four_languages(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"people.sql": PATIENTS})
    paciente = found["paciente"]
    assert _finding(paciente, "fec_nac").element == "pi.profile.birth_date"
    assert _finding(paciente, "tipo_sangre").element == "pi.health.physiological"
    assert _finding(paciente, "embarazo").element == "pi.health.fertility"
    assert _finding(paciente, "num_documento").sensitive
    aluno = found["aluno"]
    assert _finding(aluno, "dt_nasc").element == "pi.profile.birth_date"
    assert _finding(aluno, "deficiencia").element == "pi.special_identity.disability"
    calisan = found["calisan"]
    assert _finding(calisan, "engel_durumu").element == "pi.special_identity.disability"
    assert _finding(calisan, "cocuk_sayisi").sensitive
    pracownik = found["pracownik"]
    assert _finding(pracownik, "niepelnosprawnosc").element == "pi.special_identity.disability"
    assert _finding(pracownik, "pracodawca").element.startswith("pi.education_work")


def test_a_legal_person_is_a_company_and_a_payer_a_customer(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"openapi.yaml": PIX})
    assert found["PessoaJuridica"].subject.kind == "organisation"
    assert not _finding(found["PessoaJuridica"], "nome").personal
    assert found["PessoaFisica"].subject.kind in ("person", "person_linked")
    assert _finding(found["PessoaFisica"], "nome").element == "pi.identity.name"


#: An Indonesian member table whose coded columns say what they hold in their comments only,
#: without diacritics (as Indonesian and Malay are written), and a Portuguese one.
COMMENTED = """
CREATE TABLE tb_anggota (
  id INT PRIMARY KEY,
  kol_a VARCHAR(30) COMMENT 'Tanggal lahir',
  kol_b VARCHAR(30) COMMENT 'Golongan darah',
  kol_c VARCHAR(30) COMMENT 'Nomor KTP',
  kol_d VARCHAR(64) COMMENT 'Kata sandi'
);
CREATE TABLE tb_socio (
  id INT PRIMARY KEY,
  col_a DATE COMMENT 'Data de nascimento',
  col_b VARCHAR(3) COMMENT 'Grupo sanguíneo'
);
"""


def test_comments_in_other_latin_languages_are_read(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"members.sql": COMMENTED})
    anggota = found["tb_anggota"]
    assert _finding(anggota, "kol_a").element == "pi.profile.birth_date"
    assert _finding(anggota, "kol_b").element == "pi.health.physiological"
    assert _finding(anggota, "kol_c").element == "pi.identity.resident_id"
    assert _finding(anggota, "kol_d").element == "pi.credential.password"
    socio = found["tb_socio"]
    assert _finding(socio, "col_a").element == "pi.profile.birth_date"
    assert _finding(socio, "col_b").element == "pi.health.physiological"


#: From a Brazilian hospital's dbt staging models (descriptions in Portuguese).
PAYABLES = """
version: 2
models:
  - name: stg_con_pag
    description: "Staging da previsão de contas a pagar"
    columns:
      - name: cd_con_pag
        description: "Código da conta a pagar"
      - name: cd_fornecedor
        description: "Código do fornecedor"
"""


def test_an_organisations_bills_are_no_persons_account(tmp_path: Path) -> None:
    """'Conta a pagar' (an account payable: a bill the organisation owes) read in English words
    is a payable, not a person's account."""
    found = _scan(tmp_path, {"models/schema.yml": PAYABLES})
    assert not _finding(found["stg_con_pag"], "cd_con_pag").personal
