"""The export ledger: people counts of recorded transfers, so thresholds add up across the year.

A SQLite file (stdlib ``sqlite3``), by default ``dataflow-ledger.sqlite`` in the current folder or
the ``ledger`` setting. One row per (exporter, transfer id): recording the same transfer again
updates its row, so re-running a pipeline never counts a transfer twice. Exporter names are
matched case-insensitively with Unicode compatibility forms and runs of white space folded
(``exporter_key``), so "Shop Ltd" and "shop  ltd" are one exporter. Rows hold counts, dates,
mechanism and fingerprint only, never data values.

Corrections never delete: ``void`` marks an entry void with a reason and the UTC time of the void
(the one timestamp the ledger stores), and totals, prior exports and ``ledger status`` leave void
entries out. Every change (record, update, void, upgrade) appends a row to ``history``, which
triggers keep append-only; rows of ``transfers`` cannot be deleted either.

The file is marked as ours with ``PRAGMA application_id`` and ``PRAGMA user_version`` (the schema
version). Another application's SQLite file is refused rather than given our tables; a ledger
written before the marks existed (``meta.schema_version`` 1, no application id) is upgraded in
place on first open.

Concurrency: reading the prior exports of a transfer and recording it happen in one
``BEGIN IMMEDIATE`` transaction (``Ledger.session(write=True)``), so concurrent ``ledger record``
runs queue on the write lock (up to ``LOCK_TIMEOUT_SECONDS``) and each counts the ones committed
before it. Test-only hook: when the environment variable ``DATAFLOW_TEST_LEDGER_PAUSE`` holds a
number of seconds, a writing session sleeps that long after reading the prior exports, so tests
can widen the window between read and record; it has no other use.

Transfers made under an exemption scenario whose volumes are not counted by default
(Provisions Art. 5(1)-(3), ``counted: false`` in the rule pack) are kept apart
(``exempt_scenario``) so ``count_exempt_volumes`` can add them back.
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dataflow.errors import UserError
from dataflow.ledger_session import (
    MAX_COUNT,
    PAUSE_ENV,
    ExporterMatch,
    LedgerEntry,
    LedgerPrior,
    LedgerSession,
    exporter_key,
)
from dataflow.manifest import PriorExports, Transfer
from dataflow.model import TransferAssessment

DEFAULT_LEDGER = "dataflow-ledger.sqlite"
SCHEMA_VERSION = 2
APPLICATION_ID = 0x64664C67  # "dfLg": PRAGMA application_id of a dataflow ledger
LOCK_TIMEOUT_SECONDS = 60.0

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS transfers (
    entry INTEGER PRIMARY KEY,
    exporter TEXT NOT NULL,
    exporter_key TEXT NOT NULL,
    transfer_id TEXT NOT NULL,
    date TEXT NOT NULL,
    year INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    country TEXT NOT NULL,
    scenario TEXT NOT NULL,
    subjects INTEGER NOT NULL,
    sensitive_subjects INTEGER NOT NULL,
    exempt_scenario INTEGER NOT NULL,
    mechanism TEXT NOT NULL,
    rule_pack TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    void_reason TEXT,
    voided_at TEXT
);
CREATE INDEX IF NOT EXISTS transfers_by_exporter ON transfers (exporter_key, transfer_id);
CREATE INDEX IF NOT EXISTS transfers_by_year ON transfers (exporter_key, year);
CREATE TABLE IF NOT EXISTS history (
    seq INTEGER PRIMARY KEY,
    entry INTEGER NOT NULL,
    action TEXT NOT NULL,
    at TEXT,
    detail TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'the ledger history is append-only'); END;
CREATE TRIGGER IF NOT EXISTS history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'the ledger history is append-only'); END;
CREATE TRIGGER IF NOT EXISTS transfers_no_delete BEFORE DELETE ON transfers
BEGIN SELECT RAISE(ABORT, 'ledger entries are voided, never deleted'); END;
"""


def default_path(configured: Path | None = None, cwd: Path | None = None) -> Path:
    """The ledger file: the configured one, else ``dataflow-ledger.sqlite`` in ``cwd``."""
    return configured if configured is not None else (cwd or Path.cwd()) / DEFAULT_LEDGER


class Ledger:
    """A ledger file. Reading a ledger that does not exist gives zero counts and creates nothing."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _error(self, message: str) -> UserError:
        return UserError(message, path=str(self.path))

    @contextmanager
    def session(self, *, write: bool) -> Iterator[LedgerSession]:
        """One transaction: ``BEGIN IMMEDIATE`` (the write lock) to write, else a read snapshot.

        Commits when the block ends normally, rolls back on an exception.
        """
        if not write and not self.path.exists():
            yield LedgerSession(None, write=False)
            return
        if self.path.exists() and not self.path.is_file():
            raise self._error("the ledger path is not a file")
        try:
            if write:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                str(self.path), timeout=LOCK_TIMEOUT_SECONDS, isolation_level=None
            )
        except (OSError, sqlite3.Error) as exc:
            raise self._error(f"cannot open the ledger ({type(exc).__name__})") from None
        try:
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            state = self._prepare(conn, write=write)
            if state == "upgrade":
                # a schema 1 ledger: take the write lock, then look again
                conn.execute("ROLLBACK")
                conn.execute("BEGIN IMMEDIATE")
                state = self._prepare(conn, write=True)
            try:
                yield LedgerSession(conn if state == "ready" else None, write=write)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise self._error(
                    f"the ledger is locked by another process (waited {LOCK_TIMEOUT_SECONDS:.0f} s)"
                ) from None
            raise self._error(f"not a dataflow ledger or damaged ({type(exc).__name__})") from None
        except sqlite3.DatabaseError as exc:
            raise self._error(f"not a dataflow ledger or damaged ({type(exc).__name__})") from None
        finally:
            conn.close()

    def _prepare(self, conn: sqlite3.Connection, *, write: bool) -> str:
        """Check the file is a ledger of this version; create or upgrade it when writing.

        ``ready``; or, when reading, ``empty`` (a file with no tables: nothing recorded) or
        ``upgrade`` (a schema 1 ledger that must first be upgraded under the write lock).
        """
        app = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if app == APPLICATION_ID:
            if version != SCHEMA_VERSION:
                raise self._error(
                    f"ledger schema version {version} is not supported (expected "
                    f"{SCHEMA_VERSION}); use the dataflow version that wrote it"
                )
            return "ready"
        if app != 0:
            raise self._error(
                f"not a dataflow ledger: the SQLite file belongs to another application "
                f"(application_id {app:#010x}); give another --ledger file"
            )
        tables = {
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        if not tables:
            if not write:
                return "empty"
            self._create(conn)
            return "ready"
        if tables == {"meta", "transfers"} and self._legacy(conn):
            if not write:
                return "upgrade"
            self._upgrade(conn)
            return "ready"
        raise self._error(
            f"not a dataflow ledger: the SQLite file holds {len(tables)} other table(s) and no "
            "dataflow mark; refusing to add tables to it (give another --ledger file)"
        )

    @staticmethod
    def _legacy(conn: sqlite3.Connection) -> bool:
        """A ledger written before ``application_id`` was set (schema version 1)."""
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError:
            return False
        return row is not None and row[0] == "1"

    @staticmethod
    def _statements(script: str) -> builtins.list[str]:
        """Split the schema script into statements (``executescript`` would commit first)."""
        out, buf = [], ""
        for line in script.strip().splitlines():
            buf += line + "\n"
            if sqlite3.complete_statement(buf):
                out.append(buf.strip())
                buf = ""
        return out

    def _create(self, conn: sqlite3.Connection) -> None:
        for statement in self._statements(_TABLES):
            conn.execute(statement)
        self._mark(conn)

    @staticmethod
    def _mark(conn: sqlite3.Connection) -> None:
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
            (str(SCHEMA_VERSION),),
        )
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _upgrade(self, conn: sqlite3.Connection) -> None:
        """Schema 1 → 2: entry numbers, exporter keys, void columns, history, the file marks."""
        old = conn.execute(
            "SELECT exporter, transfer_id, date, year, recipient, country, scenario, subjects, "
            "sensitive_subjects, exempt_scenario, mechanism, rule_pack, fingerprint "
            "FROM transfers ORDER BY exporter, date, transfer_id"
        ).fetchall()
        conn.execute("ALTER TABLE transfers RENAME TO transfers_v1")
        conn.execute("DROP INDEX IF EXISTS transfers_by_year")
        for statement in self._statements(_TABLES):
            conn.execute(statement)
        for r in old:
            cursor = conn.execute(
                "INSERT INTO transfers (exporter, exporter_key, transfer_id, date, year, "
                "recipient, country, scenario, subjects, sensitive_subjects, exempt_scenario, "
                "mechanism, rule_pack, fingerprint) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (r[0], exporter_key(r[0]), *r[1:]),
            )
            conn.execute(
                "INSERT INTO history (entry, action, at, detail) VALUES (?, 'upgrade', NULL, ?)",
                (cursor.lastrowid, json.dumps({"from_schema_version": 1})),
            )
        conn.execute("DROP TABLE transfers_v1")
        self._mark(conn)

    # --- one-transaction conveniences ------------------------------------------------------

    def record(self, assessment: TransferAssessment, manifest: Transfer) -> LedgerEntry:
        """Record (or update) a transfer with the counts its assessment used."""
        with self.session(write=True) as s:
            return s.record(assessment, manifest)

    def void(self, ref: str, reason: str, at: dt.datetime) -> LedgerEntry:
        """Mark an entry void (see ``LedgerSession.void``)."""
        with self.session(write=True) as s:
            return s.void(ref, reason, at)

    def totals(self, year: int, exporter: str, *, include_exempt: bool = False) -> tuple[int, int]:
        """``(subjects, sensitive_subjects)`` recorded for ``exporter`` in calendar ``year``."""
        entries = self.list(year=year, exporter=exporter, include_void=False)
        counted = [e for e in entries if include_exempt or not e.exempt_scenario]
        return sum(e.subjects for e in counted), sum(e.sensitive_subjects for e in counted)

    def prior(self, transfer: Transfer, window_start: dt.date) -> PriorExports:
        """Prior exports of the transfer's exporter (see ``LedgerSession.prior``)."""
        with self.session(write=False) as s:
            return s.prior(transfer, window_start)

    def match(self, exporter: str) -> ExporterMatch:
        """How ``exporter`` matches the recorded exporter names."""
        with self.session(write=False) as s:
            return s.match(exporter)

    def list(
        self, *, year: int | None = None, exporter: str | None = None, include_void: bool = True
    ) -> builtins.list[LedgerEntry]:
        """Recorded transfers, sorted by exporter, date and id."""
        with self.session(write=False) as s:
            return s.entries(year=year, exporter=exporter, include_void=include_void)

    def history(self) -> builtins.list[tuple[int, int, str, str | None, str]]:
        """The append-only change history."""
        with self.session(write=False) as s:
            return s.history()


# Names other modules and tests import from here.
__all__ = [
    "APPLICATION_ID",
    "DEFAULT_LEDGER",
    "LOCK_TIMEOUT_SECONDS",
    "MAX_COUNT",
    "PAUSE_ENV",
    "SCHEMA_VERSION",
    "ExporterMatch",
    "Ledger",
    "LedgerEntry",
    "LedgerPrior",
    "LedgerSession",
    "default_path",
    "exporter_key",
]
