"""A table of facilities (a health system's clinics and hospitals) is a list of organisations:
its name, e-mail and street address are the facility's, and its `contact_number` is a
telephone number, not the key of a contact person."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

FACILITIES = """
CREATE TABLE facilities (
  id varchar(36) PRIMARY KEY,
  code varchar(20),
  name varchar(100),
  email varchar(100),
  contact_number varchar(30),
  street_address varchar(200)
);
"""


def test_a_table_of_facilities_is_a_list_of_organisations(tmp_path: Path) -> None:
    doc = _scan(tmp_path, {"facilities.sql": FACILITIES})["facilities"]
    assert doc.subject.kind == "organisation"
    for column in ("name", "email", "street_address"):
        assert not _finding(doc, column).personal, column


def test_contact_number_is_no_contact_persons_key(tmp_path: Path) -> None:
    """On a table of things `contact_number` links the row to no one."""
    sql = "CREATE TABLE kiosk (id int PRIMARY KEY, label varchar(50), contact_number varchar(30));"
    doc = _scan(tmp_path, {"kiosk.sql": sql})["kiosk"]
    assert doc.subject.kind != "person_linked"
