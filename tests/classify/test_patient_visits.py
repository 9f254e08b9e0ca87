"""A patient's table of visits is a record of visits to care (health information, sensitive) in
every column, while a web user's visits stay that user's activity record."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

VISITS = """
CREATE TABLE PATIENT_DIMENSION (PATIENT_NUM NUMBER(38) PRIMARY KEY, BIRTH_DATE DATE,
  SEX_CD VARCHAR2(50), ZIP_CD VARCHAR2(10));
CREATE TABLE VISIT_DIMENSION (ENCOUNTER_NUM NUMBER(38), PATIENT_NUM NUMBER(38),
  START_DATE DATE, END_DATE DATE, INOUT_CD VARCHAR2(50), LOCATION_CD VARCHAR2(50));
CREATE TABLE site_user (id int PRIMARY KEY, username varchar(50), email varchar(80));
CREATE TABLE user_visits (id int PRIMARY KEY, user_id int, start_date date, location_cd varchar(50));
"""


def test_a_patients_visits_are_visits_to_care(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"schema.sql": VISITS})
    visit = {f.field.name: f for f in by_name["VISIT_DIMENSION"].findings}
    for name in ("START_DATE", "END_DATE", "INOUT_CD", "LOCATION_CD"):
        assert visit[name].sensitive and visit[name].element == "pi.health.medical_visit", name
    web = {f.field.name: f for f in by_name["user_visits"].findings}
    assert not web["start_date"].sensitive
