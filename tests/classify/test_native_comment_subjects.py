"""Coded column names explained by comments in Korean, Japanese kana, Arabic, Thai or Vietnamese are read by
their comments (``detect.metadata.commented``), so that the subject step sees whose record it is;
and a record reached only through a staff member's key, with its own key and an organisation's,
is the organisation's record (``subject.infer._staff_handled``)."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

from dataflow.detect.metadata.commented import comment_name
from dataflow.model import Field

#: An Oracle discharge record of a Korean hospital: column codes, the meaning in comments.
KOREAN_DISCHARGE = """
/* 퇴원기록지 */
create table JAIN_OCS.OCMRTN32 (
    OCM32IDNOA   CHAR (8 Byte)   NOT NULL, /* 환자번호 */
    OCM32HPDAT   CHAR (8 Byte)           , /* 입원일 */
    OCM32RTDAT   CHAR (8 Byte)           , /* 퇴원일 */
    OCM32SCNDDX  VARCHAR2 (3000 Byte)    , /* 부진단명 */
    OCM32PROBLEM CLOB                    , /* 중요검사소견 */
    CONSTRAINT OCMRTN32_PK PRIMARY KEY (OCM32IDNOA, OCM32HPDAT)
);
"""

#: The same kind of record with Japanese (kanji, read by the Chinese comment rules already),
#: Arabic, Vietnamese and Thai comments.
OTHER_SCRIPTS = {
    "ja.sql": """
CREATE TABLE T_NYUIN (
    KNJ_NO   CHAR(8),    -- 患者番号
    NYU_YMD  CHAR(8),    -- 入院日
    TAI_YMD  CHAR(8),    -- 退院日
    SHO_TXT  VARCHAR(400) -- 検査結果
);
""",
    "ar.sql": """
CREATE TABLE T_QBL (
    MRD_NO   CHAR(8),     -- رقم المريض
    DKH_DT   CHAR(8),     -- تاريخ الدخول
    KHR_DT   CHAR(8),     -- تاريخ الخروج
    TSH_TXT  VARCHAR(400) -- التشخيص
);
""",
    "vi.sql": """
CREATE TABLE T_NV (
    MBN_NO   CHAR(8),     -- Mã bệnh nhân
    NV_DT    CHAR(8),     -- Ngày nhập viện
    RV_DT    CHAR(8),     -- Ngày ra viện
    CD_TXT   VARCHAR(400) -- Chẩn đoán
);
""",
    "th.sql": """
CREATE TABLE T_ADM (
    PT_NO    CHAR(8),     -- รหัสผู้ป่วย
    ADM_DT   CHAR(8),     -- วันที่รับเข้า
    DX_TXT   VARCHAR(400) -- การวินิจฉัย
);
""",
}


def test_a_coded_column_takes_its_korean_comments_reading() -> None:
    assert comment_name(Field("OCM32IDNOA", "t.OCM32IDNOA", comment="환자번호")) == (
        "patient_number"
    )
    # 등록 of a column is the row's entry, not a person's sign-up or a hospital registration
    assert comment_name(Field("OCM06SYSDAT", "t.OCM06SYSDAT", comment="등록일자")) == (
        "created_date"
    )
    # the name says it already: no copy under another name
    assert comment_name(Field("EMP_NAME", "t.EMP_NAME", comment="이름")) is None
    # a word of the comment is not listed: the comment is not read whole
    assert comment_name(Field("OCM32IDNOB", "t.OCM32IDNOB", comment="타급종구분")) is None
    # Vietnamese: a Latin comment with diacritics whose words are read as English
    assert comment_name(Field("MBN_NO", "t.MBN_NO", comment="Mã bệnh nhân")) == "patient_id"
    # Chinese comments are read by the Chinese rules
    assert comment_name(Field("BRH", "t.BRH", comment="病人号")) is None


def test_a_korean_hospitals_coded_discharge_record_is_the_patients(tmp_path: Path) -> None:
    result = _scan(tmp_path, {"discharge.sql": KOREAN_DISCHARGE})["JAIN_OCS.OCMRTN32"]
    assert result.subject is not None
    assert result.subject.kind in ("person", "person_linked")
    assert result.subject.role == "patient"
    for column in ("OCM32HPDAT", "OCM32RTDAT", "OCM32SCNDDX", "OCM32PROBLEM"):
        finding = _finding(result, column)
        assert finding.element is not None and finding.element.startswith("pi.health."), column
        assert finding.sensitive, column
    # the report names the schema's own columns
    assert {f.field.name for f in result.findings} >= {"OCM32IDNOA", "OCM32SCNDDX"}


def test_coded_records_commented_in_japanese_arabic_and_thai(tmp_path: Path) -> None:
    results = _scan(tmp_path, OTHER_SCRIPTS)
    assert set(results) == {"T_NYUIN", "T_QBL", "T_NV", "T_ADM"}
    for name, result in results.items():
        assert result.subject is not None and result.subject.role == "patient", name
        sensitive = [f.field.name for f in result.findings if f.element and f.sensitive]
        assert len(sensitive) >= 2, (name, sensitive)


RENTALS = {
    "company_member.sql": """
CREATE TABLE company_member (
    company_id varchar(40) Not Null,
    staff_id varchar(20) Not Null,
    staff_name varchar(40),
    phone_number varchar(20),
    email varchar(100),
    PRIMARY KEY (company_id, staff_id)
);
""",
    "rental.sql": """
CREATE TABLE rental (
    rental_id varchar(40) Not Null,
    creation_time timestamp,
    company_id varchar(40) Not Null,
    staff_id varchar(20) Not Null,
    building_name varchar(40) Not Null,
    rent decimal(15,0) Not Null,
    security_deposit varchar(10),
    address varchar(40) Not Null,
    walking_distance1 smallint Not Null,
    PRIMARY KEY (rental_id)
);
""",
    "rental_image.sql": """
CREATE TABLE rental_image (
    image_id varchar(40) Not Null,
    rental_id varchar(40) Not Null,
    image_url varchar(200)
);
""",
    "staff_attendance.sql": """
CREATE TABLE staff_attendance (
    attendance_id varchar(40) Not Null,
    company_id varchar(40) Not Null,
    staff_id varchar(20) Not Null,
    clock_in timestamp,
    clock_out timestamp,
    PRIMARY KEY (attendance_id)
);
""",
}


def test_a_listing_handled_by_an_agent_is_not_about_the_agent(tmp_path: Path) -> None:
    results = _scan(tmp_path, RENTALS)
    rental = results["rental"]
    assert rental.subject is not None and rental.subject.kind == "organisation"
    for column in ("rent", "security_deposit", "address", "building_name"):
        assert _finding(rental, column).element is None, column
    image = results["rental_image"]
    assert image.subject is not None and image.subject.kind == "organisation"
    # the staff member's own record stays theirs
    member = results["company_member"]
    assert member.subject is not None and member.subject.kind == "person"
    assert _finding(member, "staff_name").element == "pi.identity.name"
    # a record about staff (their attendance) is still theirs
    attendance = results["staff_attendance"]
    assert attendance.subject is not None
    assert attendance.subject.kind in ("person", "person_linked")


#: An insurer's insured-person table: romaji abbreviations, Japanese comments in kanji and kana.
JAPANESE_INSURED = """
CREATE TABLE IT_HhknSya_Z (
     syono       VARCHAR (11) NOT NULL, /* 証券番号 */
     kokno       VARCHAR (10),          /* 顧客番号 */
     hhknnmkn    VARCHAR (38),          /* 被保険者名（カナ） */
     hhknseiymd  VARCHAR (8),           /* 被保険者生年月日 */
     hhknyno     VARCHAR (7)            /* 被保険者郵便番号 */
);
"""


def test_kanji_comments_of_a_japanese_schema_name_its_coded_columns(tmp_path: Path) -> None:
    from dataflow.detect.metadata.commented import comment_names
    from dataflow.readers._common import Problems
    from dataflow.readers.sql import read_sql

    (ds,) = read_sql(JAPANESE_INSURED, "insured.sql", Problems("insured.sql"))
    names = {f.name: name for f, name in comment_names(ds).items()}
    # kanji alone, read as Japanese because the schema's comments have kana
    assert names["syono"] == "policy_number"
    assert names["kokno"] == "customer_number"
    result = _scan(tmp_path, {"insured.sql": JAPANESE_INSURED})["IT_HhknSya_Z"]
    assert result.subject is not None and result.subject.about_person
    assert _finding(result, "hhknnmkn").element == "pi.identity.name"
    # a Chinese schema's comment in the same characters is left to the Chinese rules
    assert comment_name(Field("kokno", "t.kokno", comment="顾客番号")) is None
