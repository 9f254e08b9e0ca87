"""The ledger under concurrent ``dataflow ledger record`` processes (real processes, one real
SQLite file) and on files that are not ours."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from builders import manifest as cli_manifest

from dataflow.errors import UserError
from dataflow.ledger import APPLICATION_ID, PAUSE_ENV, SCHEMA_VERSION, Ledger

DATAFLOW = (sys.executable, "-m", "dataflow")


def manifest(folder: Path, tid: str, subjects: int, *, date: str = "2026-03-01") -> Path:
    """A transfer of the customers table (ID and bank-card numbers: sensitive PI)."""
    return cli_manifest(
        folder, f"{tid}.yaml", tid=tid, date=date, subjects=subjects, table="customers"
    )


def start_record(manifest_path: Path, ledger: Path, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*DATAFLOW, "ledger", "record", str(manifest_path), "--ledger", str(ledger)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )


def finish(proc: subprocess.Popen[str]) -> str:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return out


def ledger_json(ledger: Path) -> list[dict[str, object]]:
    out = subprocess.run(
        [*DATAFLOW, "ledger", "list", "--ledger", str(ledger), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    transfers: list[dict[str, object]] = json.loads(out)["transfers"]
    return transfers


def test_two_concurrent_records_cannot_both_miss_each_other(tmp_path: Path) -> None:
    # 6,000 people with sensitive PI each: alone a standard contract, together 12,000 >= 10,000
    # needs a security assessment. The test-only pause holds each run between reading the prior
    # exports and recording, so without one transaction both read 0.
    ledger = tmp_path / "ledger.sqlite"
    procs = [
        start_record(manifest(tmp_path, tid, 6000), ledger, **{PAUSE_ENV: "3"})
        for tid in ("TX-A", "TX-B")
    ]
    for proc in procs:
        finish(proc)
    entries = ledger_json(ledger)
    assert sorted(e["mechanism"] for e in entries) == [
        "security_assessment",
        "standard_contract_or_certification",
    ]
    assert sum(int(str(e["sensitive_subjects"])) for e in entries) == 12000


def test_twenty_concurrent_records_leave_twenty_entries(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.sqlite"
    paths = [manifest(tmp_path, f"TX-{i:02d}", 100 + i) for i in range(20)]
    procs = [start_record(path, ledger) for path in paths]
    for proc in procs:
        finish(proc)
    entries = ledger_json(ledger)
    assert sorted(str(e["transfer_id"]) for e in entries) == [f"TX-{i:02d}" for i in range(20)]
    assert sorted(int(str(e["entry"])) for e in entries) == list(range(1, 21))
    assert Ledger(ledger).totals(2026, "Shop Ltd") == (sum(100 + i for i in range(20)),) * 2
    history = Ledger(ledger).history()
    assert [h[2] for h in history] == ["record"] * 20
    # each run saw exactly the ones committed before it: prior counts are all different
    with sqlite3.connect(ledger) as conn:
        assert conn.execute("SELECT COUNT(*) FROM transfers").fetchone()[0] == 20


def test_another_applications_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "app.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO users (name) VALUES ('x')")
    before = other.read_bytes()
    path = manifest(tmp_path, "TX-1", 10)
    proc = start_record(path, other)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 2
    assert "not a dataflow ledger" in err and str(other) in err
    assert other.read_bytes() == before
    for reader in (lambda: Ledger(other).list(), lambda: Ledger(other).totals(2026, "x")):
        with pytest.raises(UserError, match="not a dataflow ledger"):
            reader()
    assert other.read_bytes() == before

    # a file marked by another application is refused too, even with our table names
    marked = tmp_path / "marked.sqlite"
    with sqlite3.connect(marked) as conn:
        conn.execute("PRAGMA application_id = 1234")
    with pytest.raises(UserError, match="another application"):
        Ledger(marked).list()


def test_a_new_ledger_carries_the_marks(tmp_path: Path) -> None:
    ledger = tmp_path / "l.sqlite"
    finish(start_record(manifest(tmp_path, "TX-1", 10), ledger))
    with sqlite3.connect(ledger) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


V1_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE transfers (
    exporter TEXT NOT NULL, transfer_id TEXT NOT NULL, date TEXT NOT NULL, year INTEGER NOT NULL,
    recipient TEXT NOT NULL, country TEXT NOT NULL, scenario TEXT NOT NULL,
    subjects INTEGER NOT NULL, sensitive_subjects INTEGER NOT NULL,
    exempt_scenario INTEGER NOT NULL, mechanism TEXT NOT NULL, rule_pack TEXT NOT NULL,
    fingerprint TEXT NOT NULL, PRIMARY KEY (exporter, transfer_id)
);
CREATE INDEX transfers_by_year ON transfers (exporter, year);
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO transfers VALUES ('Shop Ltd', 'TX-OLD', '2026-02-01', 2026, 'Shop GmbH', 'DE',
    'none', 5000, 5000, 0, 'standard_contract_or_certification', 'cn-provisions-2024', 'sha256:0');
"""


def test_a_ledger_written_before_the_marks_is_upgraded_and_still_counts(tmp_path: Path) -> None:
    ledger = tmp_path / "old.sqlite"
    with sqlite3.connect(ledger) as conn:
        conn.executescript(V1_SCHEMA)
    # reading upgrades it in place
    assert Ledger(ledger).totals(2026, "Shop Ltd") == (5000, 5000)
    with sqlite3.connect(ledger) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    # and its entries count for the next transfer: 5,000 + 6,000 >= 10,000 sensitive
    finish(start_record(manifest(tmp_path, "TX-NEW", 6000), ledger))
    mechanisms = {e["transfer_id"]: e["mechanism"] for e in ledger_json(ledger)}
    assert mechanisms == {
        "TX-OLD": "standard_contract_or_certification",
        "TX-NEW": "security_assessment",
    }
    assert [h[2] for h in Ledger(ledger).history()] == ["upgrade", "record"]


def test_a_held_write_lock_makes_writers_wait_then_fail_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = tmp_path / "l.sqlite"
    finish(start_record(manifest(tmp_path, "TX-1", 10), ledger))
    monkeypatch.setattr("dataflow.ledger.LOCK_TIMEOUT_SECONDS", 0.2)
    holder = sqlite3.connect(ledger, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        assert [e.transfer_id for e in Ledger(ledger).list()] == ["TX-1"]  # readers go on
        with pytest.raises(UserError, match="locked by another process"):
            Ledger(ledger).void("TX-1", "test", dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not Ledger(ledger).list()[0].void
