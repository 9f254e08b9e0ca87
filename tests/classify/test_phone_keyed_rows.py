"""A table filed under a telephone number (a subscriber's monthly usage, a balance per phone) that
nothing else places: its rows belong to the person who holds the number."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

SCHEMA = """
CREATE TABLE line_usage (
  msisdn VARCHAR(15) NOT NULL,
  usage_month CHAR(6) NOT NULL,
  voice_minutes INT,
  data_megabytes INT,
  PRIMARY KEY (msisdn, usage_month)
);

CREATE TABLE exchange_rates (
  currency CHAR(3) PRIMARY KEY,
  rate DECIMAL(10, 4),
  quoted_on DATE
);
"""


def test_rows_filed_under_a_phone_number_are_the_holders(tmp_path: Path) -> None:
    """`line_usage` keyed by `msisdn`: person-linked through the number; its minutes and
    megabytes are information about the subscriber (PIPL Art. 4)."""
    result = _scan(tmp_path, {"usage.sql": SCHEMA})
    usage = result["line_usage"]
    assert usage.subject.kind == "person_linked"
    assert [link.column for link in usage.subject.links] == ["msisdn"]
    assert _finding(usage, "voice_minutes").personal
    assert _finding(usage, "data_megabytes").personal


def test_a_table_without_a_phone_number_stays_unplaced(tmp_path: Path) -> None:
    rates = _scan(tmp_path, {"usage.sql": SCHEMA})["exchange_rates"]
    assert rates.subject.kind != "person_linked"
    assert not _finding(rates, "rate").personal
