"""A `pincode` among the parts of an address is India's postal index number, the address's postal
code (not sensitive), not a card's PIN (sensitive): in an object that is an address, or beside
the address's city and state. A PIN code of a card stays a PIN, and so does a column whose
Chinese comment says what it is."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of
from builders import scan_files as _scan

STUDENT = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "Student",
    "type": "object",
    "properties": {
        "fullName": {"type": "string"},
        "contactDetails": {
            "type": "object",
            "properties": {
                "email": {"type": "string"},
                "mobile": {"type": "string"},
                "address": {
                    "type": "object",
                    "properties": {
                        "plot": {"type": "string"},
                        "street": {"type": "string"},
                        "landmark": {"type": "string"},
                        "locality": {"type": "string"},
                        "district": {"type": "string"},
                        "pincode": {"type": "string"},
                    },
                },
            },
        },
    },
}

SHOP = """\
CREATE TABLE customer_address (
  id int PRIMARY KEY,
  customer_id int,
  house_no varchar(40),
  city varchar(40),
  state varchar(40),
  pincode varchar(6)
);
CREATE TABLE gift_card (
  id int PRIMARY KEY,
  customer_id int,
  card_no varchar(20),
  pin_code varchar(8)
);
"""


def test_a_pincode_in_an_address_object_is_its_postal_code(tmp_path: Path) -> None:
    student = _scan(tmp_path, {"Student.json": json.dumps(STUDENT)})["Student"]
    found = next(f for f in student.findings if f.field.name == "pincode")
    assert found.element == "pi.contact.postal_code"
    assert found.personal and not found.sensitive


def test_a_pincode_beside_a_city_and_state_is_a_postal_code_and_a_cards_pin_is_a_pin(
    tmp_path: Path,
) -> None:
    results = _scan(tmp_path, {"shop.sql": SHOP})
    found = finding_of(results["customer_address"], "pincode")
    assert found.element == "pi.contact.postal_code"
    assert not found.sensitive
    pin = finding_of(results["gift_card"], "pin_code")
    assert pin.element == "pi.credential.pin"
    assert pin.sensitive
