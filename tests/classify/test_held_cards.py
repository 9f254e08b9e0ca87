"""A card its holder unlocks with a secret (a VoIP billing system's calling card with its PIN, a
prepaid card with a password) is the cardholder's account: its rows are the holder's, and so are
the rows of tables keyed by the card, also where the key is written before the card table's name
(`id_cc_card`, as `cc_card_id` would be). A card with no secret (a course card with its
prices) stays a thing."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

BILLING = """
CREATE TABLE cc_card (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  id_subscription_fee INT DEFAULT 0,
  block TINYINT NOT NULL DEFAULT '0',
  lock_pin VARCHAR(15) NULL,
  lock_date TIMESTAMP NULL
);
CREATE TABLE cc_did_use (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  id_cc_card BIGINT,
  id_did BIGINT NOT NULL,
  reservationdate TIMESTAMP NOT NULL,
  releasedate TIMESTAMP,
  month_payed INT DEFAULT 0
);
CREATE TABLE cc_did (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  did CHAR(50) NOT NULL,
  fixrate FLOAT NOT NULL DEFAULT 0
);
CREATE TABLE course_card (
  card_id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title VARCHAR(128),
  card_type VARCHAR(5),
  price DECIMAL(18, 2),
  card_day INT
);
"""


def test_a_card_with_its_holders_pin_is_the_holders_and_so_are_its_uses(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"a2billing.sql": BILLING})
    card = found["cc_card"]
    assert card.subject.kind == "person"
    assert {f.field.name: f for f in card.findings}["lock_pin"].sensitive
    use = found["cc_did_use"]
    assert use.subject.kind == "person_linked"
    assert [link.target for link in use.subject.links] == ["cc_card"]
    by_name = {f.field.name: f for f in use.findings}
    assert by_name["id_cc_card"].personal
    assert found["course_card"].subject.kind != "person"
    assert not any(f.personal for f in found["course_card"].findings)
