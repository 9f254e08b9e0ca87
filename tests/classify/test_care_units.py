"""A hospital's ward or nursing unit (病区, 护理单元, `ward`) is a unit of the organisation: its
name, telephone, fax, e-mail and number of beds are the unit's, not a person's, even with the
name of the head nurse in charge of it on the row; that name stays a person's name (staff)."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

WARDS = """
CREATE TABLE ward (
  ward_id char(1) NOT NULL PRIMARY KEY,
  ward_name varchar(50) NOT NULL,
  ward_tele varchar(50),
  ward_fax varchar(50),
  ward_email varchar(50),
  beds int NOT NULL,
  head_nurse_name varchar(50)
);
"""


def test_a_ward_is_a_unit_of_the_hospital_and_its_head_nurse_a_person(tmp_path: Path) -> None:
    ward = scan_files(tmp_path, {"wards.sql": WARDS})["ward"]
    assert ward.subject.kind == "organisation"
    by_name = {f.field.name: f for f in ward.findings}
    for column in ("ward_name", "ward_fax", "ward_email", "beds"):
        assert not by_name[column].personal, column
    assert by_name["head_nurse_name"].element == "pi.identity.name"
