"""Field and table names in Turkish, Vietnamese, Polish, Czech, Slovak, Romanian, Hungarian,
Korean romanization, transliterated Russian and Greek, the Nordic languages, Finnish and Malay
are read as their English equivalents (``catalogs/data/foreign_words.yaml``), written with their
own letters or in ASCII: a Turkish hospital's `hastalar.TcNo`, a Vietnamese `benhnhan.HoTen`, a
Polish `Pracownicy.pensja`, a Czech `Uzivatel.Prijmeni`."""

from __future__ import annotations

import glob
from pathlib import Path
from typing import Any

import yaml
from builders import REPO_ROOT
from builders import finding_of as _finding
from builders import scan_files as _scan

from dataflow.detect.metadata.words import ascii_latin, bare_latin, split_name

#: The languages of the file's last additions, whose single words are checked for collisions.
NEW_LANGUAGES = (
    "tr",
    "vi",
    "pl",
    "cs",
    "ro",
    "hu",
    "ko",
    "ko_std",
    "ru",
    "sv",
    "fi",
    "el",
    "ms",
    "fa",
)

#: Single words of these languages that the catalogs also list, with the same meaning, and that
#: the file already read as English for German before.
SAME_MEANING = frozenset({"telefon"})


def test_letters_without_a_decomposition_are_spelt_in_ascii() -> None:
    """Turkish dotless ı, Polish ł, Vietnamese đ and its tone letters (ố, ạ), Norwegian ø."""
    assert ascii_latin("HastaAdı") == "HastaAdi"
    assert ascii_latin("số_điện_thoại") == "so_dien_thoai"
    assert ascii_latin("płeć") == "plec"
    assert ascii_latin("fødselsdato") == "fodselsdato"
    assert ascii_latin("Kundennummer_für") == "Kundennummer_fuer"  # German spelling kept
    assert bare_latin("güvenlik") == "guvenlik"


def test_names_in_their_own_letters_and_in_ascii_read_the_same() -> None:
    assert split_name("HastaAdı") == split_name("hasta_adi") == ("patient", "name")
    assert split_name("GüvenlikCevabı") == ("security", "answer")
    assert split_name("guvenlik_cevap") == ("security", "answer")
    assert split_name("SoDienThoai") == split_name("số_điện_thoại") == ("phone", "number")
    assert split_name("ngaysinh") == ("birth", "date")
    assert split_name("płeć") == ("sex",)
    assert split_name("Příjmení") == split_name("Prijmeni") == ("surname",)
    assert split_name("jelszó") == split_name("jelszo") == ("password",)
    assert split_name("syntymäaika") == ("birth", "date")
    assert split_name("fødselsdato") == ("birth", "date")


def test_word_order_and_phrases_of_the_languages() -> None:
    """A key before its word is read after it (`numer_konta`: the account number); a Turkish
    identity number after the person it belongs to (`ogrenci_TC`); Vietnamese quantity
    (`so luong`) is not salary (`luong`)."""
    assert split_name("numer_konta") == ("account", "number")
    assert split_name("ogrenci_TC") == ("student", "national", "id")
    assert split_name("SoLuongTon")[0] == "quantity"
    assert split_name("MaBenhNhan") == ("patient", "id")


def _catalog_keywords() -> set[str]:
    """Every token of the English, abbreviation and weak keywords of the shipped catalogs."""
    out: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("en", "abbreviations", "weak") and isinstance(value, list):
                    out.update(t for w in value if isinstance(w, str) for t in split_plain(w))
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    catalogs = REPO_ROOT / "catalogs"
    files = [catalogs / "pi.yaml", catalogs / "subjects.yaml"]
    files += [Path(p) for p in glob.glob(str(catalogs / "sectors" / "*.yaml"))]
    for path in files:
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return out


def split_plain(text: str) -> list[str]:
    return [
        t for t in "".join(c if c.isalnum() else " " for c in ascii_latin(text)).lower().split()
    ]


def test_no_single_word_of_the_languages_is_an_english_or_pinyin_word() -> None:
    """The file header's rule: a word that is also an English keyword of the catalogs or a
    pinyin syllable, with another meaning, is listed only inside a fixed phrase."""
    data = REPO_ROOT / "catalogs" / "data"
    words = yaml.safe_load((data / "foreign_words.yaml").read_text(encoding="utf-8"))
    pinyin = yaml.safe_load((data / "pinyin_words.yaml").read_text(encoding="utf-8"))
    syllables = set(pinyin["dictionaries"]["pinyin_syllables"])
    english = _catalog_keywords()
    clashes = set()
    for language in NEW_LANGUAGES:
        for phrase in words["phrases"][language]:
            for spelling in {ascii_latin(phrase), bare_latin(phrase)}:
                tokens = split_plain(spelling)
                if len(tokens) == 1 and (tokens[0] in english or tokens[0] in syllables):
                    clashes.add(tokens[0])
    assert clashes <= SAME_MEANING, sorted(clashes - SAME_MEANING)
    # Words kept out on purpose (English, pinyin or another listed language's words).
    for word in ("ad", "not", "din", "ten", "so", "the", "hasta", "lon", "nem", "tc", "nip"):
        assert split_name(word) == (word,), word


def test_spanish_until_is_not_a_turkish_patient() -> None:
    """Spanish `hasta` (until) in a tariff's validity; Turkish `hasta` is read only in its
    phrases (hasta_adi, HastaTcNo)."""
    assert split_name("fecha_hasta") == ("date", "hasta")
    assert split_name("HastaTcNo")[:3] == ("patient", "national", "id")


HOSPITAL_TR = """
CREATE TABLE `hastalar` (
  `HastaID` int NOT NULL AUTO_INCREMENT,
  `TcNo` varchar(11) NOT NULL,
  `Ad` varchar(50) DEFAULT NULL,
  `Soyad` varchar(50) DEFAULT NULL,
  `DogumTarihi` date DEFAULT NULL,
  `Cinsiyet` varchar(10) DEFAULT NULL,
  `Şifre` varchar(50) DEFAULT NULL,
  `GüvenlikSorusu` varchar(100) DEFAULT NULL,
  `GüvenlikCevabı` varchar(100) DEFAULT NULL,
  PRIMARY KEY (`HastaID`)
);
CREATE TABLE `recete` (
  `ReceteID` int NOT NULL AUTO_INCREMENT,
  `HastaTc` varchar(11) DEFAULT NULL,
  `HastaAdı` varchar(50) DEFAULT NULL,
  `İlaçlar` text,
  `ReceteTarihi` date DEFAULT NULL,
  PRIMARY KEY (`ReceteID`)
);
"""


def test_turkish_hospital_patients_and_prescriptions(tmp_path: Path) -> None:
    """The T.C. identity number, password and security answer of a patient (sensitive); the
    patient's prescribed medicines (health information)."""
    results = _scan(tmp_path, {"hastane.sql": HOSPITAL_TR})
    patients = results["hastalar"]
    assert _finding(patients, "TcNo").element == "pi.identity.resident_id"
    assert _finding(patients, "Soyad").element == "pi.identity.name"
    assert _finding(patients, "DogumTarihi").element == "pi.profile.birth_date"
    assert _finding(patients, "Cinsiyet").personal
    for column in ("Şifre", "GüvenlikCevabı"):
        assert _finding(patients, column).sensitive, column
    prescriptions = results["recete"]
    assert _finding(prescriptions, "HastaTc").sensitive
    assert _finding(prescriptions, "HastaAdı").element == "pi.identity.name"
    assert _finding(prescriptions, "İlaçlar").sensitive


INPATIENT_VI = """
CREATE TABLE nguoidung (
    MaNguoiDung INT AUTO_INCREMENT PRIMARY KEY,
    TenDangNhap VARCHAR(50) NOT NULL,
    MatKhau VARCHAR(255) NOT NULL,
    HoTen NVARCHAR(100) NOT NULL,
    SoDienThoai VARCHAR(15)
);
CREATE TABLE benh_nhan (
    ma_benh_nhan INT AUTO_INCREMENT PRIMARY KEY,
    ho_ten NVARCHAR(100) NOT NULL,
    ngay_sinh DATE,
    gioi_tinh NVARCHAR(10),
    cccd VARCHAR(12),
    bhyt VARCHAR(15),
    dia_chi NVARCHAR(255)
);
CREATE TABLE thuoc (
    MaThuoc INT AUTO_INCREMENT PRIMARY KEY,
    TenThuoc NVARCHAR(200) NOT NULL,
    SoLuongTon INT NOT NULL DEFAULT 0
);
"""


def test_vietnamese_patients_and_users(tmp_path: Path) -> None:
    """A patient's citizen identity card (CCCD) and health-insurance card (BHYT) numbers are
    sensitive, the user's password too; a medicine's stock quantity is no one's salary."""
    results = _scan(tmp_path, {"benhvien.sql": INPATIENT_VI})
    patients = results["benh_nhan"]
    assert _finding(patients, "ho_ten").element == "pi.identity.name"
    assert _finding(patients, "ngay_sinh").element == "pi.profile.birth_date"
    assert _finding(patients, "gioi_tinh").personal
    assert _finding(patients, "dia_chi").personal
    for column in ("cccd", "bhyt"):
        assert _finding(patients, column).sensitive, column
    users = results["nguoidung"]
    assert _finding(users, "MatKhau").element == "pi.credential.password"
    assert _finding(users, "HoTen").element == "pi.identity.name"
    assert _finding(users, "SoDienThoai").element in ("pi.contact.mobile", "pi.contact.landline")
    assert _finding(users, "TenDangNhap").personal
    assert not _finding(results["thuoc"], "SoLuongTon").personal


PEOPLE_PL_CS = """
CREATE TABLE Pracownicy (
    id_pracownika INT PRIMARY KEY,
    imie VARCHAR(30),
    nazwisko VARCHAR(50),
    pesel CHAR(11),
    pensja MONEY,
    premia MONEY
);
CREATE TABLE Uzivatel (
    Id BIGINT PRIMARY KEY,
    Jmeno NVARCHAR(50),
    Prijmeni NVARCHAR(50),
    Ulice NVARCHAR(100),
    PSC NVARCHAR(6),
    Mesto NVARCHAR(50),
    Heslo NVARCHAR(100)
);
"""


def test_polish_employees_and_czech_users(tmp_path: Path) -> None:
    """A Polish employee's PESEL and pay (salary and bonus: sensitive); a Czech user's name,
    address parts and password."""
    results = _scan(tmp_path, {"people.sql": PEOPLE_PL_CS})
    staff = results["Pracownicy"]
    assert _finding(staff, "imie").element == "pi.identity.name"
    assert _finding(staff, "nazwisko").element == "pi.identity.name"
    assert _finding(staff, "pesel").element == "pi.identity.resident_id"
    for column in ("pensja", "premia"):
        assert _finding(staff, column).element == "pi.education_work.salary", column
    users = results["Uzivatel"]
    assert _finding(users, "Prijmeni").element == "pi.identity.name"
    for column in ("Jmeno", "Ulice", "PSC", "Mesto"):
        assert _finding(users, column).personal, column
    assert _finding(users, "Heslo").element == "pi.credential.password"


def test_cyrillic_names_are_read_in_transliteration() -> None:
    """Russian and Ukrainian names in Latin letters (the Ukrainian apostrophe dropped), read by
    the words of the transliterated languages."""
    assert split_name("Дата_рождения") == ("birth", "date")
    assert split_name("Прізвище") == ("surname",)
    assert split_name("Ім'я") == ("first", "name")
    assert split_name("НомерСчета") == ("account", "number")


UKRAINIAN_CLIENTS = """
CREATE TABLE клиенты (
    id INT PRIMARY KEY,
    Прізвище VARCHAR(50),
    Дата_народження DATE,
    Місто VARCHAR(50),
    Номер_счета VARCHAR(34),
    Зарплата DECIMAL(10, 2),
    Фамилия VARCHAR(50)
);
"""


def test_cyrillic_columns_no_russian_stem_finds(tmp_path: Path) -> None:
    """Columns the catalogs' Russian stems do not find (Ukrainian words, an account number in
    the genitive) are read in transliteration; those the stems find keep their reading."""
    clients = _scan(tmp_path, {"clients.sql": UKRAINIAN_CLIENTS})["клиенты"]
    assert _finding(clients, "Прізвище").element == "pi.identity.name"
    assert _finding(clients, "Дата_народження").element == "pi.profile.birth_date"
    assert _finding(clients, "Місто").personal
    assert _finding(clients, "Номер_счета").element == "pi.financial.bank_account"
    assert _finding(clients, "Зарплата").sensitive
    assert _finding(clients, "Фамилия").element == "pi.identity.name"


RECORDS = """
CREATE TABLE hastalar (
    HastaID INT PRIMARY KEY,
    Ad VARCHAR(50),
    Soyad VARCHAR(50)
);
CREATE TABLE randevular (
    RandevuID INT PRIMARY KEY,
    HastaTcNo VARCHAR(11),
    HastaAd VARCHAR(50),
    Tarih DATE,
    Saat VARCHAR(5)
);
CREATE TABLE Uzivatel (
    Id BIGINT PRIMARY KEY,
    Jmeno NVARCHAR(50),
    Prijmeni NVARCHAR(50)
);
CREATE TABLE Prihoz (
    Id BIGINT PRIMARY KEY,
    IdUzivatel BIGINT NOT NULL REFERENCES Uzivatel (Id),
    DatumPrihozu DATE NOT NULL,
    CastkaPrihozu DECIMAL(18, 2) NOT NULL
);
CREATE TABLE Klient (
    id_klient INT PRIMARY KEY,
    imie VARCHAR(30),
    nazwisko VARCHAR(50)
);
CREATE TABLE Zamowienia (
    id_zamowienia INT PRIMARY KEY,
    id_klienta INT REFERENCES Klient (id_klient),
    data_zamowienia DATE,
    czas_dostawy INT
);
"""


def test_record_kinds_of_the_languages_are_the_persons(tmp_path: Path) -> None:
    """A Turkish patient's appointment (named by the patient's identity number and name), a
    Czech user's bid at an auction and a Polish customer's order are records about those
    people: their date, time and amount are personal."""
    results = _scan(tmp_path, {"records.sql": RECORDS})
    visits = results["randevular"]
    assert visits.subject.kind == "person_linked" and visits.subject.role == "patient"
    for column in ("Tarih", "Saat"):
        assert _finding(visits, column).personal, column
    bids = results["Prihoz"]
    assert bids.subject.kind == "person_linked"
    for column in ("DatumPrihozu", "CastkaPrihozu"):
        assert _finding(bids, column).personal, column
    orders = results["Zamowienia"]
    assert orders.subject.kind == "person_linked" and orders.subject.role == "customer"
    assert _finding(orders, "data_zamowienia").personal


SPORTS_CLUB_GREEKLISH = """
CREATE TABLE IF NOT EXISTS `PROPONHTHS` (
  `kwdikos_proponhth` VARCHAR(7) NOT NULL,
  `onomateponymo` VARCHAR(40) NOT NULL,
  `etiypiresias` int(2) NOT NULL,
  `amivi` float NOT NULL,
  PRIMARY KEY (`kwdikos_proponhth`)
);
CREATE TABLE IF NOT EXISTS `A8LITIS` (
  `aem_athliti` INT(6) NOT NULL,
  `onomateponymo` VARCHAR(40) NOT NULL,
  `hmerominia_eggrafis` DATE NOT NULL,
  `hmerominia_gennhshs` DATE NOT NULL,
  `kwdikos_proponhth` VARCHAR(7) NOT NULL,
  FOREIGN KEY (`kwdikos_proponhth`) REFERENCES `PROPONHTHS`(`kwdikos_proponhth`),
  PRIMARY KEY (`aem_athliti`)
);
CREATE TABLE IF NOT EXISTS `TRAUMATISMOS` (
  `aem_athliti` INT(6) NOT NULL,
  `hmeromhnia` DATETIME NOT NULL,
  `typos_traumatismou` VARCHAR(30) NOT NULL,
  `sovarotita` VARCHAR(20) NOT NULL,
  FOREIGN KEY (`aem_athliti`) REFERENCES `A8LITIS`(`aem_athliti`) ON DELETE CASCADE
);
"""


def test_greeklish_athletes_coaches_and_injuries(tmp_path: Path) -> None:
    """Greeklish writes η as h, ω as w and θ as 8 (`A8LITIS`, the athletes): an athlete's full
    name and birth date, a coach's pay, and an athlete's injury record (health: its date, kind
    and severity are sensitive)."""
    assert split_name("onomateponymo") == ("full", "name")
    results = _scan(tmp_path, {"club.sql": SPORTS_CLUB_GREEKLISH})
    athletes = results["A8LITIS"]
    assert athletes.subject.kind == "person"
    assert _finding(athletes, "onomateponymo").element == "pi.identity.name"
    assert _finding(athletes, "hmerominia_gennhshs").element == "pi.profile.birth_date"
    assert _finding(athletes, "hmerominia_eggrafis").personal
    coaches = results["PROPONHTHS"]
    assert coaches.subject.kind == "person"
    assert _finding(coaches, "amivi").sensitive
    assert _finding(coaches, "etiypiresias").personal
    injuries = results["TRAUMATISMOS"]
    for column in ("hmeromhnia", "typos_traumatismou", "sovarotita"):
        assert _finding(injuries, column).sensitive, column


MARKET_DARI = """
CREATE TABLE `sabt_karmandan` (
  `id` int(11) NOT NULL,
  `user_id` int(10) NOT NULL,
  `name` varchar(255) NOT NULL,
  `father_name` varchar(255) NOT NULL,
  `tazkira` varchar(255) NOT NULL,
  `salary` int(11) NOT NULL,
  `date_sh` varchar(255) NOT NULL
);
CREATE TABLE `pardakht_mash` (
  `id` int(11) NOT NULL,
  `user_id` int(10) NOT NULL,
  `name` varchar(255) NOT NULL,
  `father_name` varchar(255) NOT NULL,
  `salary` int(11) NOT NULL,
  `bardasht` int(11) NOT NULL,
  `total` int(11) NOT NULL,
  `paid` varchar(100) NOT NULL,
  `date_sh` varchar(255) NOT NULL
);
CREATE TABLE `loan_qist` (
  `id` int(11) NOT NULL,
  `user_id` int(10) NOT NULL,
  `name` varchar(255) NOT NULL,
  `amount` int(11) NOT NULL,
  `qist` int(11) NOT NULL,
  `pardakhty` int(11) NOT NULL
);
CREATE TABLE `qarza` (
  `q_id` int(11) NOT NULL,
  `user_id` int(10) NOT NULL,
  `name` varchar(255) NOT NULL,
  `job` varchar(255) NOT NULL,
  `qarza_type` varchar(255) NOT NULL,
  `amount` int(11) NOT NULL,
  `qist` int(11) NOT NULL,
  `monthly_payment` int(11) NOT NULL
);
"""


def test_dari_employees_salary_payments_and_loans(tmp_path: Path) -> None:
    """Transliterated Dari of an Afghan market's records: an employee's tazkira (the national
    identity document), a salary payment to a named person (its deduction, total and the sum
    paid are the person's pay) and a person's loan (qarza: its kind, amount and installment are a credit
    record, sensitive)."""
    results = _scan(tmp_path, {"market.sql": MARKET_DARI})
    employees = results["sabt_karmandan"]
    assert _finding(employees, "tazkira").sensitive
    pay = results["pardakht_mash"]
    for column in ("salary", "bardasht", "total", "paid"):
        assert _finding(pay, column).sensitive, column
    # what was paid of a loan's installment (pardakhty, paid) is a repayment
    assert _finding(results["loan_qist"], "pardakhty").sensitive
    loans = results["qarza"]
    for column in ("qarza_type", "amount", "qist", "monthly_payment"):
        assert _finding(loans, column).sensitive, column


STAFF_TR = """
CREATE TABLE [dbo].[Tbl_Doktorlar](
	[Doktorid] [int] IDENTITY(1,1) NOT NULL,
	[DoktorAd] [varchar](10) NULL,
	[DoktorTC] [char](11) NULL
) ON [PRIMARY]
GO
CREATE TABLE [dbo].[Tbl_Sekreter](
	[Sekreterid] [int] IDENTITY(1,1) NOT NULL,
	[SekreterAdSoyad] [varchar](30) NULL,
	[SekreterTC] [char](11) NULL
) ON [PRIMARY]
GO
"""


def test_turkish_staff_identity_numbers(tmp_path: Path) -> None:
    """`TC` after a person's role is that person's T.C. Kimlik No (national identity number)."""
    results = _scan(tmp_path, {"staff.sql": STAFF_TR})
    assert _finding(results["dbo.Tbl_Doktorlar"], "DoktorTC").sensitive
    assert _finding(results["dbo.Tbl_Sekreter"], "SekreterTC").sensitive


HOSPITAL_VI = """
CREATE TABLE [dbo].[BenhNhan](
    [MaBenhNhan] [char](10) NOT NULL,
    [HoTen] [nvarchar](50) NOT NULL,
    [MaKhoa] [char](5) NULL,
    [MaBaoHiemYTe] [char](15) NULL,
    [HoSoBenhAn] [nvarchar](200) NULL,
 CONSTRAINT [PK_BenhNhan] PRIMARY KEY CLUSTERED ([MaBenhNhan] ASC)
)
GO
CREATE TABLE [dbo].[SanPhamChiTiet](
    [id] [int] IDENTITY(1,1) NOT NULL,
    [khoiLuong] [int] NULL,
    [donViTinhKhoiLuong] [nvarchar](10) NULL
)
GO
"""


def test_vietnamese_patient_insurance_record_and_a_products_mass(tmp_path: Path) -> None:
    """A Vietnamese patient's health-insurance number (mã bảo hiểm y tế) and medical record (bệnh
    án) are health information; a product's mass (khối lượng) and a
    drug's dosage (liều lượng) are not anyone's pay (lương)."""
    assert split_name("LieuLuong") == ("dosage",)
    results = _scan(tmp_path, {"hospital.sql": HOSPITAL_VI})
    patients = results["dbo.BenhNhan"]
    for column in ("MaBaoHiemYTe", "HoSoBenhAn"):
        assert _finding(patients, column).sensitive, column
    product = results["dbo.SanPhamChiTiet"]
    for column in ("khoiLuong", "donViTinhKhoiLuong"):
        assert not _finding(product, column).personal, column


RUN_TOGETHER = """
CREATE TABLE tbl_hastalar (
    hastaid INT PRIMARY KEY,
    hasta_isim VARCHAR(50),
    hasta_medenihali VARCHAR(20),
    hasta_kangrubu VARCHAR(5)
);
CREATE TABLE [dbo].[Pracownicy] (
    [IdPracownika] INT NOT NULL PRIMARY KEY,
    [Imie] NVARCHAR (50) NOT NULL,
    [Nazwisko] NVARCHAR (50) NOT NULL,
    [NrBankowy] NVARCHAR (50) NOT NULL
);
"""


def test_turkish_words_run_together_and_a_polish_bank_account(tmp_path: Path) -> None:
    """Turkish `medenihali` (marital status) and `kangrubu` (blood group) written as one word,
    and a Polish employee's `NrBankowy` (bank account number)."""
    results = _scan(tmp_path, {"people.sql": RUN_TOGETHER})
    patients = results["tbl_hastalar"]
    for column in ("hasta_medenihali", "hasta_kangrubu"):
        assert _finding(patients, column).sensitive, column
    staff = results["dbo.Pracownicy"]
    assert _finding(staff, "NrBankowy").element == "pi.financial.bank_account"


BUSINESS_PARTIES = """
CREATE TABLE Tedarikci (
    tedarikci_id INT,
    tedarikci_adi VARCHAR(50),
    telefon VARCHAR(20),
    tedarikci_sehir VARCHAR(20),
    PRIMARY KEY(tedarikci_id)
);
CREATE TABLE [dbo].[Foretag](
    [OrgNr] [nchar](10) NOT NULL,
    [ForetagsNamn] [nvarchar](50) NOT NULL,
    [Adress] [nvarchar](50) NOT NULL
) ON [PRIMARY]
GO
CREATE TABLE [dbo].[Anstalld](
    [AnstallningsId] [int] NOT NULL,
    [Fornamn] [nvarchar](50) NOT NULL,
    [Efternamn] [nvarchar](50) NOT NULL
) ON [PRIMARY]
GO
CREATE TABLE adresy (
    id_adresu SERIAL PRIMARY KEY,
    id_uzytkownika INT NOT NULL,
    ulica VARCHAR(100),
    nr_domu VARCHAR(10),
    nr_lokalu VARCHAR(10)
);
"""


def test_suppliers_and_companies_are_not_people_and_employee_and_house_numbers(
    tmp_path: Path,
) -> None:
    """A Turkish supplier (tedarikçi) and a Swedish company (företag) are organisations: their
    name, phone and address are not a person's; a Swedish employee's number (anställnings-id)
    and a Polish user's house and flat numbers (nr domu, nr lokalu) are."""
    results = _scan(tmp_path, {"parties.sql": BUSINESS_PARTIES})
    for column in ("tedarikci_adi", "telefon", "tedarikci_sehir"):
        assert not _finding(results["Tedarikci"], column).personal, column
    assert not _finding(results["dbo.Foretag"], "Adress").personal
    assert _finding(results["dbo.Anstalld"], "AnstallningsId").personal
    for column in ("nr_domu", "nr_lokalu"):
        assert _finding(results["adresy"], column).personal, column
