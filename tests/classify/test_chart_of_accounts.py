"""A business's books: an `account` table whose descriptions class its accounts as assets,
liabilities, equity, revenue or expenses (or a table named as a chart of accounts) holds the
ledger accounts of the organisation, and the journal lines posted to them are its bookkeeping:
no one's user account, name or money. A customer's account with a balance stays theirs."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of, scan_files

BOOKS = """
version: 2
sources:
  - name: books
    tables:
      - name: account
        description: Each record represents an account of the general ledger.
        columns:
          - name: account_id
            description: Identifier of the account.
          - name: name
            description: The name of the account.
          - name: account_class
            description: The class of the account, one of ASSET, LIABILITY, EQUITY, REVENUE or EXPENSE.
      - name: journal_entry_line
        description: Each record represents a line of a journal entry.
        columns:
          - name: journal_entry_line_id
          - name: account_id
            description: The account the line posts to.
          - name: account_name
          - name: net_amount
          - name: tax_amount
"""

SQL = """
CREATE TABLE gl_accounts (id INT PRIMARY KEY, account_number VARCHAR(20), account_name VARCHAR(80),
  account_type VARCHAR(20));
CREATE TABLE customer_account (id INT PRIMARY KEY, account_number VARCHAR(20), holder_name VARCHAR(80),
  balance DECIMAL(12,2), email VARCHAR(80));
"""


def test_chart_of_accounts_and_its_journal_lines_are_the_business_books(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"models/src_books.yml": BOOKS}, short=True)
    account = by_name["account"]
    assert account.subject.kind == "organisation"
    for column in ("account_id", "name", "account_class"):
        assert not finding_of(account, column).personal, column
    lines = by_name["journal_entry_line"]
    assert lines.subject.kind == "organisation"
    for column in ("journal_entry_line_id", "account_id", "account_name", "net_amount"):
        assert not finding_of(lines, column).personal, column


def test_chart_named_table_and_a_customer_account(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"bank.sql": SQL})
    chart = by_name["gl_accounts"]
    assert chart.subject.kind == "organisation"
    assert not finding_of(chart, "account_name").personal
    customer = by_name["customer_account"]
    assert customer.subject.kind != "organisation"
    assert finding_of(customer, "account_number").personal
    assert finding_of(customer, "holder_name").personal
