"""Schemas written in their own script: quoted Greek, Korean, Japanese, Arabic, Persian, Hebrew,
Thai and Hindi names, and English names commented in Greek, Korean or Arabic, are read by the
words of ``catalogs/data/native_words.yaml`` (Greek by ELOT 743 and the romanised Greek words of
``catalogs/data/foreign_words.yaml``)."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

from dataflow.detect.metadata.scripts import greek_latin, kanji_reading, native_reading
from dataflow.detect.metadata.words import split_name

#: A patient's record and an employee's in each script: name, birth date, sex, phone, address,
#: national identity number, diagnosis; full name, salary, bank account number.
PATIENTS = {
    "el.sql": """
CREATE TABLE "ασθενείς" (
  "κωδικός" INT PRIMARY KEY,
  "όνομα" VARCHAR(50),
  "επώνυμο" VARCHAR(50),
  "ημερομηνία_γέννησης" DATE,
  "φύλο" CHAR(1),
  "τηλέφωνο" VARCHAR(20),
  "διεύθυνση" VARCHAR(200),
  "ΑΜΚΑ" VARCHAR(11),
  "διάγνωση" TEXT
);
""",
    "ko.sql": """
CREATE TABLE "환자" (
  "환자번호" INT PRIMARY KEY,
  "이름" VARCHAR(50),
  "생년월일" DATE,
  "성별" CHAR(1),
  "전화번호" VARCHAR(20),
  "주소" VARCHAR(200),
  "주민등록번호" VARCHAR(14),
  "진단" TEXT
);
""",
    "ja.sql": """
CREATE TABLE "患者" (
  "患者番号" INT PRIMARY KEY,
  "氏名" VARCHAR(50),
  "フリガナ" VARCHAR(50),
  "生年月日" DATE,
  "性別" CHAR(1),
  "電話番号" VARCHAR(20),
  "住所" VARCHAR(200),
  "マイナンバー" VARCHAR(12),
  "診断" TEXT
);
""",
    "ar.sql": """
CREATE TABLE "المرضى" (
  "رقم_المريض" INT PRIMARY KEY,
  "الاسم" VARCHAR(50),
  "تاريخ_الميلاد" DATE,
  "الجنس" CHAR(1),
  "رقم_الهاتف" VARCHAR(20),
  "العنوان" VARCHAR(200),
  "رقم_الهوية" VARCHAR(20),
  "التشخيص" TEXT
);
""",
    "fa.sql": """
CREATE TABLE "بیماران" (
  "شناسه" INT PRIMARY KEY,
  "نام" VARCHAR(50),
  "نام‌خانوادگی" VARCHAR(50),
  "تاریخ_تولد" DATE,
  "جنسیت" CHAR(1),
  "شماره_تلفن" VARCHAR(20),
  "نشانی" VARCHAR(200),
  "کد_ملی" VARCHAR(10),
  "تشخیص" TEXT
);
""",
    "he.sql": """
CREATE TABLE "מטופלים" (
  "מזהה" INT PRIMARY KEY,
  "שם_פרטי" VARCHAR(50),
  "שם_משפחה" VARCHAR(50),
  "תאריך_לידה" DATE,
  "טלפון" VARCHAR(20),
  "כתובת" VARCHAR(200),
  "תעודת_זהות" VARCHAR(9),
  "אבחנה" TEXT
);
""",
    "th.sql": """
CREATE TABLE "ผู้ป่วย" (
  "รหัสผู้ป่วย" INT PRIMARY KEY,
  "ชื่อ" VARCHAR(50),
  "นามสกุล" VARCHAR(50),
  "วันเกิด" DATE,
  "เพศ" CHAR(1),
  "เบอร์โทรศัพท์" VARCHAR(20),
  "ที่อยู่" VARCHAR(200),
  "เลขบัตรประชาชน" VARCHAR(13),
  "การวินิจฉัย" TEXT
);
""",
    "hi.sql": """
CREATE TABLE "मरीज़" (
  "आईडी" INT PRIMARY KEY,
  "नाम" VARCHAR(50),
  "जन्म_तिथि" DATE,
  "लिंग" CHAR(1),
  "फ़ोन_नंबर" VARCHAR(20),
  "पता" VARCHAR(200),
  "आधार_संख्या" VARCHAR(12),
  "निदान" TEXT
);
""",
}

#: Per file: the table, then its columns of name, birth date, phone, address, national id and
#: diagnosis.
COLUMNS = {
    "el.sql": (
        "ασθενείς",
        "επώνυμο",
        "ημερομηνία_γέννησης",
        "τηλέφωνο",
        "διεύθυνση",
        "ΑΜΚΑ",
        "διάγνωση",
    ),
    "ko.sql": ("환자", "이름", "생년월일", "전화번호", "주소", "주민등록번호", "진단"),
    "ja.sql": ("患者", "氏名", "生年月日", "電話番号", "住所", "マイナンバー", "診断"),
    "ar.sql": (
        "المرضى",
        "الاسم",
        "تاريخ_الميلاد",
        "رقم_الهاتف",
        "العنوان",
        "رقم_الهوية",
        "التشخيص",
    ),
    "fa.sql": ("بیماران", "نام‌خانوادگی", "تاریخ_تولد", "شماره_تلفن", "نشانی", "کد_ملی", "تشخیص"),
    "he.sql": ("מטופלים", "שם_פרטי", "תאריך_לידה", "טלפון", "כתובת", "תעודת_זהות", "אבחנה"),
    "th.sql": ("ผู้ป่วย", "นามสกุล", "วันเกิด", "เบอร์โทรศัพท์", "ที่อยู่", "เลขบัตรประชาชน", "การวินิจฉัย"),
    "hi.sql": ("मरीज़", "नाम", "जन्म_तिथि", "फ़ोन_नंबर", "पता", "आधार_संख्या", "निदान"),
}


def test_a_patients_record_in_each_script(tmp_path: Path) -> None:
    """Each script's patient table is about patients; its name, birth date, phone and address
    are PI, its identity number and diagnosis sensitive PI."""
    results = _scan(tmp_path, PATIENTS)
    for file, (table, name, birth, phone, address, national, diagnosis) in COLUMNS.items():
        result = results[table]
        assert result.subject is not None and result.subject.kind == "person", file
        assert _finding(result, name).element == "pi.identity.name", file
        assert _finding(result, birth).element == "pi.profile.birth_date", file
        assert _finding(result, phone).element == "pi.contact.mobile", file
        assert _finding(result, address).element == "pi.contact.address", file
        assert _finding(result, national).sensitive, file
        assert _finding(result, diagnosis).element == "pi.health.diagnosis", file


EMPLOYEES = """
CREATE TABLE "직원" ("직원번호" INT PRIMARY KEY, "성명" VARCHAR(50), "급여" NUMERIC(10,2),
  "계좌번호" VARCHAR(30));
CREATE TABLE "社員" ("社員番号" INT PRIMARY KEY, "氏名" VARCHAR(50), "給与" NUMERIC(10,2),
  "メールアドレス" VARCHAR(100), "口座番号" VARCHAR(30));
CREATE TABLE "الموظفين" ("رقم_الموظف" INT PRIMARY KEY, "الاسم_الكامل" VARCHAR(100),
  "الراتب" NUMERIC(10,2), "البريد_الإلكتروني" VARCHAR(100));
CREATE TABLE "עובדים" ("מזהה" INT PRIMARY KEY, "שם_מלא" VARCHAR(100), "משכורת" NUMERIC(10,2),
  "מספר_חשבון" VARCHAR(30));
CREATE TABLE "พนักงาน" ("รหัสพนักงาน" INT PRIMARY KEY, "ชื่อนามสกุล" VARCHAR(100),
  "เงินเดือน" NUMERIC(10,2), "เลขที่บัญชี" VARCHAR(30));
CREATE TABLE "ΥΠΑΛΛΗΛΟΙ" ("ΚΩΔΙΚΟΣ" INT PRIMARY KEY, "ΟΝΟΜΑΤΕΠΩΝΥΜΟ" VARCHAR(100),
  "ΜΙΣΘΟΣ" NUMERIC(10,2));
"""


def test_an_employees_salary_and_bank_account_in_each_script(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"staff.sql": EMPLOYEES})
    for table, full_name, salary, account in (
        ("직원", "성명", "급여", "계좌번호"),
        ("社員", "氏名", "給与", "口座番号"),
        ("الموظفين", "الاسم_الكامل", "الراتب", None),
        ("עובדים", "שם_מלא", "משכורת", "מספר_חשבון"),
        ("พนักงาน", "ชื่อนามสกุล", "เงินเดือน", "เลขที่บัญชี"),
        ("ΥΠΑΛΛΗΛΟΙ", "ΟΝΟΜΑΤΕΠΩΝΥΜΟ", "ΜΙΣΘΟΣ", None),
    ):
        result = results[table]
        assert _finding(result, full_name).element == "pi.identity.name", table
        assert _finding(result, salary).element == "pi.education_work.salary", table
        if account is not None:
            assert _finding(result, account).element == "pi.financial.bank_account", table


COMMENTED = """
CREATE TABLE customer (
  id INT PRIMARY KEY,
  c1 VARCHAR(50) COMMENT 'Όνομα πελάτη',
  c2 DATE COMMENT 'Ημερομηνία γέννησης',
  c3 VARCHAR(20) COMMENT '전화번호',
  c4 VARCHAR(200) COMMENT 'عنوان السكن',
  c5 VARCHAR(30) COMMENT 'เลขที่บัญชี'
);
"""


def test_english_names_commented_in_other_scripts(tmp_path: Path) -> None:
    """The comment says what an opaque column is, in Greek, Korean, Arabic or Thai."""
    customer = _scan(tmp_path, {"customer.sql": COMMENTED})["customer"]
    assert _finding(customer, "c1").element == "pi.identity.name"
    assert _finding(customer, "c2").element == "pi.profile.birth_date"
    assert _finding(customer, "c3").element == "pi.contact.mobile"
    assert _finding(customer, "c4").element == "pi.contact.address"
    assert _finding(customer, "c5").element == "pi.financial.bank_account"


# A Japanese insurer's bank-account table in DB2: romanised abbreviations, kanji comments.
KOUZA = """
CREATE TABLE HT_KouzaJyouhou_Z (
     mosno        VARCHAR (20) NOT NULL,  /* 申込番号 */
     kzmeiginmkn  VARCHAR (62)         ,  /* 口座名義人氏名（カナ） */
     kouzano      VARCHAR (12)         ,  /* 口座番号 */
     bankcd       VARCHAR (4)             /* 銀行コード */
);
"""

# Chinese comments the Chinese words do not find stay unread (口座 is no Chinese word).
CHINESE_UNREAD = """
CREATE TABLE t_cfg (id INT, pzx VARCHAR(20) COMMENT '配置项', bz VARCHAR(200) COMMENT '备注');
CREATE TABLE `operation_log` (
  `id` BIGINT NOT NULL AUTO_INCREMENT COMMENT '日志ID',
  `user_id` BIGINT NOT NULL COMMENT '操作用户ID',
  `username` VARCHAR(50) DEFAULT NULL COMMENT '用户名',
  `operation_type` VARCHAR(50) DEFAULT NULL COMMENT '操作类型: view-查看, add-新增, login-登录',
  `target_type` VARCHAR(50) DEFAULT NULL COMMENT '目标类型: elderly, doctor, health_record等',
  `target_id` BIGINT DEFAULT NULL COMMENT '目标ID',
  `ip_address` VARCHAR(50) DEFAULT NULL COMMENT 'IP地址',
  `operation_time` DATETIME DEFAULT CURRENT_TIMESTAMP COMMENT '操作时间'
);
"""


def test_japanese_comments_in_kanji_read_by_their_japanese_words(tmp_path: Path) -> None:
    """A comment in kanji that no Chinese word finds is read by the Japanese words
    (口座名義人氏名: the account holder's name; 口座番号: a bank account number)."""
    results = _scan(tmp_path, {"kouza.sql": KOUZA, "cfg.sql": CHINESE_UNREAD})
    kouza = results["HT_KouzaJyouhou_Z"]
    assert _finding(kouza, "kzmeiginmkn").element == "pi.identity.name"
    assert _finding(kouza, "kouzano").element == "pi.financial.bank_account"
    assert not _finding(results["t_cfg"], "pzx").personal
    assert not _finding(results["t_cfg"], "bz").personal
    # a Chinese comment with English words in it is not read as Japanese: the user's log
    # keeps what it records about their act
    log = results["operation_log"]
    assert _finding(log, "target_type").personal


PRODUCTS = """
CREATE TABLE "สินค้า" ("รหัส" INT PRIMARY KEY, "ชื่อสินค้า" VARCHAR(100), "ราคา" NUMERIC(10,2));
CREATE TABLE "商品" ("商品番号" INT PRIMARY KEY, "商品名" VARCHAR(100), "価格" INT);
CREATE TABLE "المنتجات" ("رقم" INT PRIMARY KEY, "اسم_المنتج" VARCHAR(100), "السعر" INT);
"""


def test_a_products_name_is_no_persons_name(tmp_path: Path) -> None:
    """Thai ชื่อสินค้า and Arabic اسم_المنتج are the name of a product (read as product name,
    not name)."""
    results = _scan(tmp_path, {"shop.sql": PRODUCTS})
    assert not _finding(results["المنتجات"], "اسم_المنتج").personal
    assert not _finding(results["สินค้า"], "ชื่อสินค้า").personal
    assert not _finding(results["商品"], "商品名").personal


def test_words_are_read_in_english_order() -> None:
    """Arabic, Persian, Hebrew and Thai put the qualifier after the word (رقم الهاتف, number of
    the phone); Korean, Japanese and Hindi before it, as English does. Particles and articles
    joined to a word, the Persian zero-width non-joiner and Arabic short vowels do not hide it."""
    assert split_name("رقم_الهاتف") == ("phone", "number")
    assert split_name("رَقْم_الهَاتِف") == ("phone", "number")
    assert split_name("شماره‌حساب") == ("account", "number")
    assert split_name("מספר_חשבון") == ("account", "number")
    assert split_name("เลขที่บัญชี") == ("account", "number")
    assert split_name("ชื่อสินค้า") == ("product", "name")
    assert split_name("환자번호") == ("patient", "number")
    assert split_name("फ़ोन_नंबर") == ("phone", "number")
    assert split_name("ｶﾅ氏名") == ("name", "reading")  # half-width katakana


def test_greek_is_spelt_by_elot_743() -> None:
    """With or without accents, in capitals or not; αυ/ευ as av/ev or af/ef."""
    assert greek_latin("Ημερομηνία_γέννησης") == "imerominia_gennisis"
    assert greek_latin("ΗΜΕΡΟΜΗΝΙΑ_ΓΕΝΝΗΣΗΣ") == "imerominia_gennisis"
    assert greek_latin("διεύθυνση") == "diefthynsi"
    assert greek_latin("Ευάγγελος") == "evangelos"
    assert split_name("ΟΝΟΜΑΤΕΠΩΝΥΜΟ") == ("full", "name")


def test_chinese_names_are_not_read_as_japanese() -> None:
    """A name in Chinese characters alone is read by the Chinese catalog words; the Japanese
    words Chinese writes too (患者, 電話) are read only beside kana, and the Japanese-only ones
    (氏名, 住所) only when no Chinese word is found (the detector's ``kanji_reading``)."""
    assert native_reading("患者电话") == "患者电话"
    assert split_name("患者姓名") == ()
    assert native_reading("氏名") == "氏名"
    assert kanji_reading("氏名") == "full_name"
    assert kanji_reading("电话号码") == ""
    assert native_reading("顧客メール") == "customer_email"
