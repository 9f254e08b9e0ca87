"""A person's key into an address or region table says where the person lives; the applicant
named on an organisation's row is a natural person."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

SCHEMA = """
CREATE TABLE address_details (id bigint PRIMARY KEY, province varchar(50), city varchar(50),
  street varchar(200));
CREATE TABLE user_info (id bigint PRIMARY KEY, first_name varchar(50), birthday date,
  phone varchar(20), address_details_id bigint, city_id bigint);
CREATE TABLE company (id int PRIMARY KEY, name varchar(100), applicant_name varchar(20),
  organization_size varchar(20));
"""


def test_an_address_key_and_an_applicant_name(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"schema.sql": SCHEMA})
    person = {f.field.name: f for f in by_name["user_info"].findings}
    for name in ("address_details_id", "city_id"):
        assert person[name].personal and person[name].element == "pi.location.region", name
    company = {f.field.name: f for f in by_name["company"].findings}
    assert company["applicant_name"].personal
    assert not company["organization_size"].personal
