"""Tables of the Korean public sector's common components (eGovFrame, MySQL): coded names built
of the English abbreviations of the common standard terms (`MBER_NM`, `IHIDNUM`, `MBTLNUM`) and
only a `/* */` comment in Korean before each table.

- the comment says whose rows they are ('일반회원', general member; '업무사용자정보', business
  user information): the table of those people, their resident registration number sensitive;
- a role word read only inside a coded table name (`COMTNAUTHORINFO`: author) gives way to a
  comment read whole that names no one ('권한정보', permission information), and the table's
  primary key named by that word (`AUTHOR_CODE`) is the key of its own rows, not a person's;
- a key of a role held by a company (`ENTRPRS_MBER_ID`, enterprise member id) names no person."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

SCHEMA = """
/* 권한정보 */
CREATE TABLE COMTNAUTHORINFO
(
    AUTHOR_CODE           VARCHAR(30) NOT NULL,
    AUTHOR_NM             VARCHAR(60) NOT NULL,
    AUTHOR_DC             VARCHAR(200) NULL,
    AUTHOR_CREAT_DE       CHAR(20) NOT NULL,
    PRIMARY KEY (AUTHOR_CODE)
)
;

/* 일반회원 */
CREATE TABLE COMTNGNRLMBER
(
    MBER_ID               VARCHAR(20) NOT NULL,
    PASSWORD              VARCHAR(200) NOT NULL,
    IHIDNUM               VARCHAR(200) NULL,
    MBER_NM               VARCHAR(50) NOT NULL,
    ADRES                 VARCHAR(100) NOT NULL,
    MBTLNUM               VARCHAR(20) NOT NULL,
    SEXDSTN_CODE          CHAR(1) NULL,
    PRIMARY KEY (MBER_ID)
)
;

/* 업무사용자정보 */
CREATE TABLE COMTNEMPLYRINFO
(
    EMPLYR_ID             VARCHAR(20) NOT NULL,
    USER_NM               VARCHAR(60) NOT NULL,
    IHIDNUM               VARCHAR(200) NULL,
    BRTHDY                CHAR(20) NULL,
    HOUSE_ADRES           VARCHAR(100) NOT NULL,
    PRIMARY KEY (EMPLYR_ID)
)
;

/* 기업회원 */
CREATE TABLE COMTNENTRPRSMBER
(
    ENTRPRS_MBER_ID       VARCHAR(20) NOT NULL,
    CMPNY_NM              VARCHAR(60) NOT NULL,
    ZIP                   VARCHAR(6) NOT NULL,
    PRIMARY KEY (ENTRPRS_MBER_ID)
)
;
"""


def test_a_korean_comment_naming_a_role_makes_the_table_those_peoples(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"schema.sql": SCHEMA})
    for table, role in (("COMTNGNRLMBER", "member"), ("COMTNEMPLYRINFO", "user")):
        assert found[table].subject.kind == "person", table
        assert found[table].subject.role == role, table
        by_name = {f.field.name: f for f in found[table].findings}
        assert by_name["IHIDNUM"].element == "pi.identity.resident_id", table
        assert by_name["IHIDNUM"].sensitive, table
    members = {f.field.name: f for f in found["COMTNGNRLMBER"].findings}
    assert members["MBTLNUM"].element == "pi.contact.mobile"
    assert members["SEXDSTN_CODE"].personal


def test_permissions_named_by_a_coded_word_are_no_ones(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"schema.sql": SCHEMA})["COMTNAUTHORINFO"]
    assert found.subject.kind not in ("person", "person_linked")
    assert not [f.field.name for f in found.findings if f.personal and f.field.name != "AUTHOR_NM"]


def test_a_companys_membership_key_names_no_person(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"schema.sql": SCHEMA})["COMTNENTRPRSMBER"]
    assert found.subject.kind not in ("person", "person_linked")
