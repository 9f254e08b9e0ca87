"""A person's bank account number is sensitive financial information also where the schema keeps
it in a number column (Oracle NUMBER(n)), and the bare `account` of a person's table named after a
bank account is that account's number, not a login account."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

ORACLE = """
CREATE TABLE CUSTOMER (CUSTOMER_ID NUMBER(10) PRIMARY KEY, FIRST_NAME VARCHAR2(50),
  LAST_NAME VARCHAR2(50), EMAIL VARCHAR2(80));
CREATE TABLE ACCOUNT (ACCOUNT_ID NUMBER(10) PRIMARY KEY, CUSTOMER_ID NUMBER(10)
  REFERENCES CUSTOMER(CUSTOMER_ID), ACCOUNT_NUMBER NUMBER(35), BALANCE NUMBER(12,2));
"""

TABLES = """
CREATE TABLE users (id int PRIMARY KEY, name varchar(50), email varchar(80), account varchar(50));
CREATE TABLE bank_accounts (id int PRIMARY KEY, user_id int, bank_name varchar(50),
  account varchar(30));
"""


def test_an_account_number_in_a_number_column(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"schema.sql": ORACLE})
    account = {f.field.name: f for f in by_name["ACCOUNT"].findings}
    assert account["ACCOUNT_NUMBER"].element == "pi.financial.bank_account"
    assert account["ACCOUNT_NUMBER"].sensitive


def test_the_account_of_a_bank_account_table(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"schema.sql": TABLES})
    bank = {f.field.name: f for f in by_name["bank_accounts"].findings}
    assert bank["account"].element == "pi.financial.bank_account"
    assert bank["account"].sensitive
    users = {f.field.name: f for f in by_name["users"].findings}
    assert users["account"].element == "pi.online_identity.account"
    assert not users["account"].sensitive
