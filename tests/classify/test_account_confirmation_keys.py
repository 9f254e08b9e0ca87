"""The keys and tokens a site mails a user to activate an account, confirm an address or reset a
password (`activation_key`, `confirmkey`, `reset_key`, `email_token`) let whoever holds them act
as the user: the user's authentication information (GB/T 35273 Annex B 个人身份鉴别信息), sensitive.
A product's licence activation key is no one's."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

SITE = """
CREATE TABLE users (
  id INT PRIMARY KEY,
  login VARCHAR(50),
  email VARCHAR(100),
  activation_key VARCHAR(64),
  reset_key VARCHAR(64),
  email_token VARCHAR(64),
  password_reset_code VARCHAR(8)
);
CREATE TABLE confirm (
  id INT PRIMARY KEY,
  id_usr INT REFERENCES users(id),
  confirmkey VARCHAR(64)
);
CREATE TABLE product_license (
  id INT PRIMARY KEY,
  product_name VARCHAR(50),
  activation_key VARCHAR(64)
);
"""


def test_account_activation_and_reset_keys_are_credentials(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"site.sql": SITE})
    users = results["users"]
    for column in ("activation_key", "reset_key", "email_token"):
        finding = _finding(users, column)
        assert finding.sensitive and finding.element == "pi.credential.secret_key", column
    code = _finding(users, "password_reset_code")
    assert code.sensitive and code.element == "pi.credential.verification_code"
    key = _finding(results["confirm"], "confirmkey")
    assert key.sensitive and key.element == "pi.credential.secret_key"
    assert not _finding(results["product_license"], "activation_key").personal
