"""`identity_no` and `identification_number` name an identity document's number (sensitive);
the kind of document (`identity_type`) does not."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

CUSTOMERS = """
CREATE TABLE t_customer (id int PRIMARY KEY, name varchar(50), phone varchar(20),
  identity_no varchar(30), identification_number varchar(30), identity_type int);
"""


def test_identity_number_words(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"schema.sql": CUSTOMERS})
    found = {f.field.name: f for f in by_name["t_customer"].findings}
    for name in ("identity_no", "identification_number"):
        assert found[name].element == "pi.identity.document_number", name
        assert found[name].sensitive, name
    assert not found["identity_type"].sensitive


RESIDENTS = """
CREATE TABLE resident (id int PRIMARY KEY, full_name varchar(50), mobile varchar(20),
  aadhaar_no varchar(12), emirates_id varchar(18), nric varchar(9), iqama_number varchar(10),
  hkid varchar(10), mykad varchar(12));
"""


def test_national_identity_card_names(tmp_path: Path) -> None:
    """The names of national identity cards (India's Aadhaar, the UAE's Emirates ID,
    Singapore's NRIC, Saudi Arabia's Iqama, Hong Kong's HKID, Malaysia's MyKad) name a resident
    identity card number: sensitive specific identity (GB/T 35273-2020 Annex B)."""
    by_name = scan_files(tmp_path, {"schema.sql": RESIDENTS})
    found = {f.field.name: f for f in by_name["resident"].findings}
    for name in ("aadhaar_no", "emirates_id", "nric", "iqama_number", "hkid", "mykad"):
        assert found[name].element == "pi.identity.resident_id", name
        assert found[name].sensitive, name
