"""Field and table names in Portuguese, Spanish, French, German, Italian, Dutch, Indonesian or
Japanese romaji are read as
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


SAVINGS_BANK = """
CREATE TABLE nasabah (
  id VARCHAR(64) PRIMARY KEY,
  nama_lengkap VARCHAR(100) NOT NULL,
  nomor_identitas VARCHAR(20),
  nomor_npwp VARCHAR(20),
  jenis_kelamin CHAR(1),
  tanggal_lahir DATE,
  agama_id VARCHAR(20),
  alamat_domisili TEXT,
  pekerjaan VARCHAR(50)
);
CREATE TABLE mutasi_rekening (
  id VARCHAR(64) PRIMARY KEY,
  nasabah_id VARCHAR(64) NOT NULL REFERENCES nasabah (id),
  tanggal_transaksi TIMESTAMP NOT NULL,
  debet DECIMAL(15,2),
  kredit DECIMAL(15,2),
  saldo DECIMAL(15,2)
);
"""

CLINIC = """
CREATE TABLE pasien (
  id_pasien INT PRIMARY KEY,
  nama VARCHAR(100),
  umur INT
);
CREATE TABLE rekam_medis (
  id_rekam INT PRIMARY KEY,
  id_pasien INT NOT NULL,
  keluhan TEXT,
  diagnosa TEXT,
  tanggal DATE
);
"""

CALLS = """
CREATE TABLE [dbo].[cdr] (
    [CDR_ID]            INT            NOT NULL PRIMARY KEY,
    [FECHA]             DATETIME       NULL,
    [HORA]              VARCHAR (5)    NULL,
    [MONTO_DEBITADO]    DECIMAL (7, 2) NULL,
    [NUMERO_DESTINO]    INT            NULL,
    [DURACION]          INT            NULL
);
CREATE TABLE [dbo].[ajustes] (
    [id]        INT           NOT NULL PRIMARY KEY,
    [nombre]    VARCHAR (100) NULL,
    [direccion] VARCHAR (200) NULL,
    [telefono]  VARCHAR (20)  NULL,
    [correo]    VARCHAR (100) NULL
);
"""

MEMBERS = """
CREATE TABLE kaiin (
  id INT PRIMARY KEY,
  shimei VARCHAR(50),
  jusho VARCHAR(200),
  denwa_bangou VARCHAR(20),
  seinengappi DATE,
  seibetsu CHAR(1)
);
"""


def test_indonesian_and_japanese_words_are_read_as_english() -> None:
    assert split_name("tanggal_lahir") == ("birth", "date")
    assert split_name("nomor_rekening") == ("account", "number")
    assert split_name("seinengappi") == ("birth", "date")
    assert split_name("NUMERO_DESTINO") == ("destination", "number")


def test_indonesian_bank_customer_and_statement_lines(tmp_path: Path) -> None:
    """A savings bank's customer (identity card and tax numbers, religion) and the lines of
    the customer's account statement (交易流水: sensitive)."""
    results = _scan(tmp_path, {"bank.sql": SAVINGS_BANK})
    customer = results["nasabah"]
    assert _finding(customer, "nama_lengkap").element == "pi.identity.name"
    assert _finding(customer, "tanggal_lahir").element == "pi.profile.birth_date"
    assert _finding(customer, "nomor_identitas").sensitive
    assert _finding(customer, "nomor_npwp").personal
    assert _finding(customer, "agama_id").sensitive
    assert _finding(customer, "alamat_domisili").personal
    lines = results["mutasi_rekening"]
    for column in ("debet", "kredit", "saldo"):
        assert _finding(lines, column).sensitive, column


def test_indonesian_clinic_record_is_health_information(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"clinic.sql": CLINIC})
    patient = results["pasien"]
    assert _finding(patient, "nama").element == "pi.identity.name"
    assert _finding(patient, "umur").personal
    record = results["rekam_medis"]
    for column in ("keluhan", "diagnosa"):
        assert _finding(record, column).sensitive, column


def test_spanish_call_records_and_program_settings(tmp_path: Path) -> None:
    """A carrier's call detail records (通信记录: date, time, charge, number called, duration
    are the subscriber's); the company's own name and address in a program's settings table
    are not personal."""
    results = _scan(tmp_path, {"calls.sql": CALLS})
    calls = results["dbo.cdr"]
    for column in ("FECHA", "HORA", "MONTO_DEBITADO", "NUMERO_DESTINO", "DURACION"):
        finding = _finding(calls, column)
        assert finding.sensitive, column
    settings = results["dbo.ajustes"]
    for column in ("nombre", "direccion", "telefono", "correo"):
        assert not _finding(settings, column).personal, column


def test_japanese_romaji_member_columns(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"members.sql": MEMBERS})
    members = results["kaiin"]
    assert _finding(members, "shimei").element == "pi.identity.name"
    assert _finding(members, "jusho").personal
    assert _finding(members, "denwa_bangou").personal
    assert _finding(members, "seinengappi").element == "pi.profile.birth_date"
    assert _finding(members, "seibetsu").personal


RIDES = """
CREATE TABLE `pengguna` (
  `id` int(5) NOT NULL PRIMARY KEY,
  `nama` varchar(200) NOT NULL
);
CREATE TABLE `order_jemput` (
  `id` int(5) NOT NULL,
  `id_pengguna` int(5) NOT NULL,
  `waktu` timestamp NOT NULL,
  `x_kordinat` int(50) NOT NULL,
  `y_kordinat` int(50) NOT NULL
);
"""


def test_ride_pickup_points_of_a_user_are_where_the_user_was(tmp_path: Path) -> None:
    """A ride-hailing app's pickup orders keyed by the rider (`id_pengguna`: the user's id):
    the x and y coordinates (Indonesian `kordinat`) are a point where that person was
    (行踪轨迹, sensitive)."""
    results = _scan(tmp_path, {"ojek.sql": RIDES})
    pickups = results["order_jemput"]
    assert pickups.subject.kind == "person_linked"
    for column in ("x_kordinat", "y_kordinat"):
        assert _finding(pickups, column).sensitive, column
    assert _finding(pickups, "waktu").personal


STAFF_AND_MESSAGES = """
CREATE TABLE [dbo].[empleados] (
    [LEGAJO]      INT          NOT NULL PRIMARY KEY,
    [NOMBRES]     VARCHAR (60) NULL,
    [CUIL]        VARCHAR (13) NULL,
    [NUMERO_DOC]  VARCHAR (10) NULL
);
CREATE TABLE messaggi (
    id INT PRIMARY KEY,
    mittente INT NOT NULL,
    destinatario INT NOT NULL,
    testo TEXT
);
CREATE TABLE pasien (
    id_pasien INT PRIMARY KEY,
    nama VARCHAR(100)
);
CREATE TABLE resep (
    id_resep INT PRIMARY KEY,
    id_pasien INT NOT NULL REFERENCES pasien (id_pasien),
    nama VARCHAR(150),
    catatan TEXT
);
"""


def test_argentine_worker_numbers_message_recipients_and_prescriptions(tmp_path: Path) -> None:
    """A worker's CUIL (Argentina's social-security number) and identity document number; the
    recipient of a message (Italian `destinatario`); the notes on a patient's prescription
    (Indonesian `resep`): all sensitive."""
    results = _scan(tmp_path, {"staff.sql": STAFF_AND_MESSAGES})
    staff = results["dbo.empleados"]
    assert _finding(staff, "CUIL").element == "pi.identity.social_security"
    assert _finding(staff, "NUMERO_DOC").sensitive
    messages = results["messaggi"]
    for column in ("destinatario", "testo"):
        assert _finding(messages, column).sensitive, column
    prescriptions = results["resep"]
    assert _finding(prescriptions, "catatan").sensitive


TRANSFERS = """
CREATE TABLE client (id INT PRIMARY KEY, name VARCHAR(50));
CREATE TABLE transfer (
  id INT PRIMARY KEY,
  client_id INT REFERENCES client (id),
  fromCard VARCHAR(16),
  toCard VARCHAR(16),
  amount DECIMAL(10, 2)
);
"""


def test_a_transfer_between_two_cards_is_an_entry_of_the_clients_account(tmp_path: Path) -> None:
    """A client's transfer from one card to another: the amount moved is an entry of the
    client's account (交易流水, sensitive), not a plain amount."""
    transfers = _scan(tmp_path, {"bank.sql": TRANSFERS})["transfer"]
    amount = _finding(transfers, "amount")
    assert amount.element == "pi.financial.transaction" and amount.sensitive


SHOP_VI = """
CREATE TABLE KhachHang (maKhachHang INT PRIMARY KEY, hoTen NVARCHAR(50), dienThoai VARCHAR(20));
CREATE TABLE SanPham (maSanPham INT PRIMARY KEY, tenSanPham NVARCHAR(100), donGia FLOAT);
CREATE TABLE DonHang (
  maDonHang INT PRIMARY KEY,
  maKhachHang INT REFERENCES KhachHang (maKhachHang),
  tongTien FLOAT
);
CREATE TABLE DonHangChiTiet (
  maDonHangChiTiet INT PRIMARY KEY,
  maDonHang INT NOT NULL REFERENCES DonHang (maDonHang),
  maSanPham INT NOT NULL REFERENCES SanPham (maSanPham),
  soLuong INT NOT NULL,
  donGia FLOAT NOT NULL,
  tongGia FLOAT NOT NULL
);
"""


def test_vietnamese_order_lines_of_a_customer(tmp_path: Path) -> None:
    """A Vietnamese shop's order lines (đơn hàng chi tiết) are the customer's purchase: their
    quantities and prices are personal; the price list of the products is nobody's."""
    results = _scan(tmp_path, {"shop.sql": SHOP_VI}, short=True)
    lines = results["DonHangChiTiet"]
    for column in ("soLuong", "donGia", "tongGia"):
        assert _finding(lines, column).personal, column
    assert not _finding(results["SanPham"], "donGia").personal
