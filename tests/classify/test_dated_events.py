"""On a record of a person's events, a column declared as a date or time is when that event
happened, whatever its name ends with (`date_in`, `date_out` of a guest's reservation)."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

SCHEMA = """
CREATE TABLE guest (id int IDENTITY(1,1) PRIMARY KEY, first_name varchar(80),
  last_name varchar(80));
CREATE TABLE booking (id int IDENTITY(1,1) PRIMARY KEY,
  guest_id int FOREIGN KEY REFERENCES guest(id), date_in date, date_out date);
"""


def test_date_typed_columns_of_a_persons_booking_are_their_activity(tmp_path: Path) -> None:
    (tmp_path / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    booking = next(r for r in report.datasets if r.dataset.name == "booking")
    assert booking.subject is not None and booking.subject.kind == "person_linked"
    by_name = {f.field.name: f for f in booking.findings}
    assert by_name["date_in"].personal and by_name["date_out"].personal
