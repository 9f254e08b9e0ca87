"""The export ledger: people counts of recorded transfers, so thresholds add up across the year.

A SQLite file (stdlib ``sqlite3``), by default ``dataflow-ledger.sqlite`` in the current folder or
the ``ledger`` setting. One row per (exporter, transfer id): recording the same transfer again
replaces its row, so re-running a pipeline never counts a transfer twice. Rows hold counts,
dates, mechanism and fingerprint only, never data values. No timestamps are stored.

Transfers made under an exemption scenario whose volumes are not counted by default
(Provisions Art. 5(1)-(3), ``counted: false`` in the rule pack) are kept apart
(``exempt_scenario``) so ``count_exempt_volumes`` can add them back.
"""

from __future__ import annotations

import builtins
import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from dataflow.errors import UserError
from dataflow.manifest import PriorExports, Transfer
from dataflow.model import TransferAssessment

DEFAULT_LEDGER = "dataflow-ledger.sqlite"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS transfers (
    exporter TEXT NOT NULL,
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
    PRIMARY KEY (exporter, transfer_id)
);
CREATE INDEX IF NOT EXISTS transfers_by_year ON transfers (exporter, year);
"""


@dataclass(frozen=True)
class LedgerEntry:
    """One recorded transfer."""

    exporter: str
    transfer_id: str
    date: dt.date
    recipient: str
    country: str
    scenario: str
    subjects: int
    sensitive_subjects: int
    exempt_scenario: bool
    mechanism: str
    rule_pack: str
    fingerprint: str

    def as_dict(self) -> dict[str, object]:
        """Builtin-typed record for JSON output."""
        return {
            "exporter": self.exporter,
            "transfer_id": self.transfer_id,
            "date": self.date.isoformat(),
            "recipient": self.recipient,
            "country": self.country,
            "scenario": self.scenario,
            "subjects": self.subjects,
            "sensitive_subjects": self.sensitive_subjects,
            "exempt_scenario": self.exempt_scenario,
            "mechanism": self.mechanism,
            "rule_pack": self.rule_pack,
            "fingerprint": self.fingerprint,
        }


def default_path(configured: Path | None = None, cwd: Path | None = None) -> Path:
    """The ledger file: the configured one, else ``dataflow-ledger.sqlite`` in ``cwd``."""
    return configured if configured is not None else (cwd or Path.cwd()) / DEFAULT_LEDGER


class Ledger:
    """A ledger file. Reading a ledger that does not exist gives zero counts and creates nothing."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _connect(self, *, write: bool) -> Iterator[sqlite3.Connection | None]:
        if not write and not self.path.exists():
            yield None
            return
        if self.path.exists() and not self.path.is_file():
            raise UserError("the ledger path is not a file", path=str(self.path))
        try:
            if write:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path))
        except (OSError, sqlite3.Error) as exc:
            raise UserError(
                f"cannot open the ledger ({type(exc).__name__})", path=str(self.path)
            ) from None
        try:
            if write:
                conn.executescript(_SCHEMA)
            self._check(conn)
            yield conn
            if write:
                conn.commit()
        except sqlite3.DatabaseError as exc:
            raise UserError(
                f"not a dataflow ledger or damaged ({type(exc).__name__})", path=str(self.path)
            ) from None
        finally:
            conn.close()

    def _check(self, conn: sqlite3.Connection) -> None:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )
        elif row[0] != str(SCHEMA_VERSION):
            raise UserError(
                f"ledger schema version {row[0]} is not supported (expected {SCHEMA_VERSION})",
                path=str(self.path),
            )

    def record(self, assessment: TransferAssessment, manifest: Transfer) -> LedgerEntry:
        """Record (or replace) a transfer with the counts its assessment used."""
        entry = LedgerEntry(
            exporter=manifest.exporter.name.strip(),
            transfer_id=manifest.id,
            date=manifest.date,
            recipient=manifest.recipient.name,
            country=manifest.recipient.country,
            scenario=manifest.scenario,
            subjects=assessment.counts.get("subjects_this", 0),
            sensitive_subjects=assessment.counts.get("sensitive_subjects_this", 0),
            exempt_scenario=bool(assessment.counts.get("exempt_scenario", 0)),
            mechanism=assessment.mechanism,
            rule_pack=assessment.rule_pack,
            fingerprint=assessment.fingerprint,
        )
        with self._connect(write=True) as conn:
            assert conn is not None
            conn.execute(
                "INSERT OR REPLACE INTO transfers VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    entry.exporter,
                    entry.transfer_id,
                    entry.date.isoformat(),
                    entry.date.year,
                    entry.recipient,
                    entry.country,
                    entry.scenario,
                    entry.subjects,
                    entry.sensitive_subjects,
                    int(entry.exempt_scenario),
                    entry.mechanism,
                    entry.rule_pack,
                    entry.fingerprint,
                ),
            )
        return entry

    def totals(self, year: int, exporter: str, *, include_exempt: bool = False) -> tuple[int, int]:
        """``(subjects, sensitive_subjects)`` recorded for ``exporter`` in calendar ``year``."""
        with self._connect(write=False) as conn:
            if conn is None:
                return (0, 0)
            sql = (
                "SELECT COALESCE(SUM(subjects), 0), COALESCE(SUM(sensitive_subjects), 0) "
                "FROM transfers WHERE exporter = ? AND year = ?"
            )
            if not include_exempt:
                sql += " AND exempt_scenario = 0"
            row = conn.execute(sql, (exporter.strip(), year)).fetchone()
            return int(row[0]), int(row[1])

    def prior(self, transfer: Transfer, window_start: dt.date) -> PriorExports:
        """Counts exported by the transfer's exporter from ``window_start`` up to its date.

        The transfer itself (same exporter and id) is left out: the assessment adds it.
        """
        with self._connect(write=False) as conn:
            if conn is None:
                return PriorExports(source="ledger")
            rows = conn.execute(
                "SELECT exempt_scenario, COALESCE(SUM(subjects), 0), "
                "COALESCE(SUM(sensitive_subjects), 0) FROM transfers "
                "WHERE exporter = ? AND date >= ? AND date <= ? AND transfer_id != ? "
                "GROUP BY exempt_scenario ORDER BY exempt_scenario",
                (
                    transfer.exporter.name.strip(),
                    window_start.isoformat(),
                    transfer.date.isoformat(),
                    transfer.id,
                ),
            ).fetchall()
        sums = {int(r[0]): (int(r[1]), int(r[2])) for r in rows}
        counted, exempt = sums.get(0, (0, 0)), sums.get(1, (0, 0))
        return PriorExports(
            subjects=counted[0],
            sensitive_subjects=counted[1],
            exempt_subjects=exempt[0],
            exempt_sensitive_subjects=exempt[1],
            source="ledger",
        )

    def list(
        self, *, year: int | None = None, exporter: str | None = None
    ) -> builtins.list[LedgerEntry]:
        """Recorded transfers, sorted by exporter, date and id."""
        with self._connect(write=False) as conn:
            if conn is None:
                return []
            sql = (
                "SELECT exporter, transfer_id, date, recipient, country, scenario, subjects, "
                "sensitive_subjects, exempt_scenario, mechanism, rule_pack, fingerprint "
                "FROM transfers WHERE 1 = 1"
            )
            params: builtins.list[object] = []
            if year is not None:
                sql += " AND year = ?"
                params.append(year)
            if exporter is not None:
                sql += " AND exporter = ?"
                params.append(exporter.strip())
            rows = conn.execute(sql + " ORDER BY exporter, date, transfer_id", params).fetchall()
        return [
            LedgerEntry(
                exporter=r[0],
                transfer_id=r[1],
                date=dt.date.fromisoformat(r[2]),
                recipient=r[3],
                country=r[4],
                scenario=r[5],
                subjects=int(r[6]),
                sensitive_subjects=int(r[7]),
                exempt_scenario=bool(r[8]),
                mechanism=r[9],
                rule_pack=r[10],
                fingerprint=r[11],
            )
            for r in rows
        ]
