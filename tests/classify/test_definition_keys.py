"""The key of a part of a form or schema (`fieldId` of an insurance claim's custom data: which of
the insurer's custom fields a value fills) is not a thing the claimant chose nor the claimant's
information, though the keys of a claim's things count."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

CLAIMS = """
CREATE TABLE customer (customer_id int PRIMARY KEY, name varchar(60), phone varchar(20));
CREATE TABLE claims (claim_id int PRIMARY KEY,
  customer_id int REFERENCES customer (customer_id), product_id int, field_id int,
  field_value varchar(200), claim_date date);
"""


def test_the_key_of_a_custom_field_is_no_ones(tmp_path: Path) -> None:
    findings = scan_files(tmp_path, {"claims.sql": CLAIMS})["claims"].findings
    by_name = {f.field.name: f for f in findings}
    assert not by_name["field_id"].personal
    assert by_name["product_id"].personal  # the key of what the claim is about still counts
