"""The date of something of a person's own, on the row that is that person (when their passport
was issued): the name says it is the time of an event, not the passport, yet it is still
information about the person."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

SCHEMA = """
CREATE TABLE subscribers (
  subscriber_id INT PRIMARY KEY,
  surname VARCHAR(80),
  birth_date DATE,
  passport_no VARCHAR(12),
  passport_date DATE
);

CREATE TABLE shipments (
  shipment_id INT PRIMARY KEY,
  carrier VARCHAR(40),
  dispatch_date DATE
);
"""


def test_the_issue_date_of_a_persons_passport_is_about_them(tmp_path: Path) -> None:
    ds = _scan(tmp_path, {"s.sql": SCHEMA})["subscribers"]
    assert ds.subject.kind == "person"
    assert _finding(ds, "passport_date").personal
    assert not _finding(ds, "passport_date").sensitive  # a date, not the passport's number


def test_a_date_on_a_row_of_things_is_not(tmp_path: Path) -> None:
    ds = _scan(tmp_path, {"s.sql": SCHEMA})["shipments"]
    assert not _finding(ds, "dispatch_date").personal
