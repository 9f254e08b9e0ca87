"""The time an entry of a person's account ledger was written is when the money moved: part of
the person's transaction record (sensitive), like the entry's amount. A person row's own
`created_at` stays bookkeeping."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of, scan_files

SQL = """
CREATE TABLE users (
    id UUID PRIMARY KEY,
    full_name TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE TABLE wallet_transfers (
    transfer_id TEXT PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users(id),
    debit_account_id TEXT NOT NULL,
    credit_account_id TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    operation_type TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
"""


def test_the_time_of_a_ledger_entry_is_the_transaction_record(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"ledger.sql": SQL})
    transfers = found["wallet_transfers"]
    assert finding_of(transfers, "amount_minor").sensitive
    written = finding_of(transfers, "created_at")
    assert written.personal and written.sensitive


def test_a_person_rows_creation_time_is_not_a_transaction(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"ledger.sql": SQL})
    assert not finding_of(found["users"], "created_at").sensitive
