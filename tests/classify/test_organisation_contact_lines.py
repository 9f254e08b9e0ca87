"""An organisation's contact line (`contact_number`, `contact_phone`) on a row that names no
contact person is the organisation's own telephone; beside a contact person's name it may be that
person's mobile."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

HOTEL = """
CREATE TABLE Hotel (
  id_hotel SERIAL PRIMARY KEY,
  hotel_name Varchar(50),
  address Varchar(250),
  contact_number Varchar(50),
  no_of_rooms INT
);
"""


def _contact_number(tmp_path: Path, ddl: str) -> bool:
    (tmp_path / "tables.sql").write_text(ddl, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    (rows,) = report.datasets
    assert rows.subject is not None and rows.subject.kind == "organisation"
    return next(f.personal for f in rows.findings if f.field.name == "contact_number")


def test_a_hotels_contact_number_is_the_hotels_own(tmp_path: Path) -> None:
    assert not _contact_number(tmp_path, HOTEL)


def test_a_contact_number_beside_a_contact_persons_name_is_that_persons(tmp_path: Path) -> None:
    named = HOTEL.replace("  contact_number", "  contact_name Varchar(50),\n  contact_number")
    assert _contact_number(tmp_path, named)
