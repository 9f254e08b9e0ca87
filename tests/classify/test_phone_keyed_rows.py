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

CREATE TABLE fix_month (
  fix_month_id INT PRIMARY KEY,
  closed_on DATE
);

CREATE TABLE phone_balance (
  phone_balance_id INT PRIMARY KEY,
  phone_number VARCHAR(15),
  balance_value DECIMAL(12, 2),
  balance_date DATE,
  fix_month_id INT
);

CREATE TABLE partner_listing (
  listing_id INT PRIMARY KEY,
  company_name VARCHAR(200),
  phone_number VARCHAR(15),
  listing_text VARCHAR(255)
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


def test_a_phone_number_beside_a_key_of_a_thing(tmp_path: Path) -> None:
    """`phone_balance` also names the accounting month it was fixed in (`fix_month_id`, a thing):
    the telephone number still files the rows under its holder, so the date of the balance is
    the holder's too."""
    balance = _scan(tmp_path, {"usage.sql": SCHEMA})["phone_balance"]
    assert balance.subject.kind == "person_linked"
    assert "phone_number" in [link.column for link in balance.subject.links]
    assert _finding(balance, "balance_date").personal


def test_a_companys_telephone_does_not_make_its_row_a_persons(tmp_path: Path) -> None:
    listing = _scan(tmp_path, {"usage.sql": SCHEMA})["partner_listing"]
    assert listing.subject.kind != "person_linked"
    assert not _finding(listing, "listing_text").personal


def test_a_table_without_a_phone_number_stays_unplaced(tmp_path: Path) -> None:
    rates = _scan(tmp_path, {"usage.sql": SCHEMA})["exchange_rates"]
    assert rates.subject.kind != "person_linked"
    assert not _finding(rates, "rate").personal
