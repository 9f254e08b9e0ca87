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
import difflib
import json
import os
import sqlite3
import time
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from dataflow.errors import UserError
from dataflow.manifest import PriorExports, Transfer
from dataflow.model import Text, TransferAssessment

DEFAULT_LEDGER = "dataflow-ledger.sqlite"
SCHEMA_VERSION = 2
APPLICATION_ID = 0x64664C67  # "dfLg": PRAGMA application_id of a dataflow ledger
LOCK_TIMEOUT_SECONDS = 60.0
PAUSE_ENV = "DATAFLOW_TEST_LEDGER_PAUSE"  # test-only, see the module docstring
# SQLite INTEGER is 64-bit signed; people counts above this cannot be stored.
MAX_COUNT = 2**63 - 1

_COLUMNS = (
    "entry, exporter, transfer_id, date, recipient, country, scenario, subjects, "
    "sensitive_subjects, exempt_scenario, mechanism, rule_pack, fingerprint, void_reason, voided_at"
)

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


def exporter_key(name: str) -> str:
    """The form exporter names are compared in: NFKC, case-folded, white space collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


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
    entry: int = 0
    void_reason: str | None = None
    voided_at: str | None = None

    @property
    def void(self) -> bool:
        """Whether the entry was voided (kept, but counted nowhere)."""
        return self.voided_at is not None

    def as_dict(self) -> dict[str, object]:
        """Builtin-typed record for JSON output."""
        return {
            "entry": self.entry,
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
            "void": self.void,
            "void_reason": self.void_reason,
            "voided_at": self.voided_at,
        }


@dataclass(frozen=True)
class LedgerPrior(PriorExports):
    """Prior exports read from the ledger; with source ``none``, ``near`` names recorded
    exporters with a similar name (a likely misspelling in the manifest)."""

    near: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExporterMatch:
    """How an exporter name given on the command line matched the recorded ones."""

    asked: str
    names: tuple[str, ...]  # recorded spellings of the same exporter (``exporter_key`` equal)
    near: tuple[str, ...]  # recorded exporters with a similar name, when ``names`` is empty

    def notices(self) -> list[Text]:
        """What a user should be told: spellings merged, or near misses."""
        asked = self.asked
        if not self.names:
            if self.near:
                shown = ", ".join(repr(n) for n in self.near)
                return [
                    Text(
                        f"no exporter {asked!r} in the ledger; did you mean {shown}?",
                        f"台账中没有处理者 {asked!r}；是否指 {shown}？",
                    )
                ]
            return [Text(f"no exporter {asked!r} in the ledger", f"台账中没有处理者 {asked!r}")]
        if self.names != (asked.strip(),):
            shown = ", ".join(repr(n) for n in self.names)
            return [
                Text(
                    f"exporter {asked!r} matched as recorded: {shown} (case and spaces ignored)",
                    f"处理者 {asked!r} 按台账中的 {shown} 匹配（不区分大小写和空格）",
                )
            ]
        return []


def default_path(configured: Path | None = None, cwd: Path | None = None) -> Path:
    """The ledger file: the configured one, else ``dataflow-ledger.sqlite`` in ``cwd``."""
    return configured if configured is not None else (cwd or Path.cwd()) / DEFAULT_LEDGER


def _row_entry(r: Sequence[object]) -> LedgerEntry:
    return LedgerEntry(
        entry=int(r[0]),  # type: ignore[call-overload]
        exporter=str(r[1]),
        transfer_id=str(r[2]),
        date=dt.date.fromisoformat(str(r[3])),
        recipient=str(r[4]),
        country=str(r[5]),
        scenario=str(r[6]),
        subjects=int(r[7]),  # type: ignore[call-overload]
        sensitive_subjects=int(r[8]),  # type: ignore[call-overload]
        exempt_scenario=bool(r[9]),
        mechanism=str(r[10]),
        rule_pack=str(r[11]),
        fingerprint=str(r[12]),
        void_reason=None if r[13] is None else str(r[13]),
        voided_at=None if r[14] is None else str(r[14]),
    )


class LedgerSession:
    """One open transaction on a ledger (see ``Ledger.session``)."""

    def __init__(self, conn: sqlite3.Connection | None, *, write: bool) -> None:
        self._conn = conn
        self._write = write

    def _keys(self) -> dict[str, builtins.list[str]]:
        if self._conn is None:
            return {}
        rows = self._conn.execute("SELECT DISTINCT exporter FROM transfers ORDER BY exporter")
        keys: dict[str, builtins.list[str]] = {}
        for (name,) in rows:
            keys.setdefault(exporter_key(name), []).append(name)
        return keys

    def match(self, exporter: str) -> ExporterMatch:
        """The recorded spellings of ``exporter``, or similar names when there is none."""
        keys = self._keys()
        key = exporter_key(exporter)
        if key in keys:
            return ExporterMatch(exporter, tuple(keys[key]), ())
        near = difflib.get_close_matches(key, sorted(keys), n=3, cutoff=0.75)
        return ExporterMatch(exporter, (), tuple(keys[k][0] for k in near))

    def exporters(self) -> builtins.list[str]:
        """One display name per recorded exporter (the first spelling in sort order)."""
        return sorted(names[0] for names in self._keys().values())

    def prior(self, transfer: Transfer, window_start: dt.date) -> PriorExports:
        """Counts exported by the transfer's exporter from ``window_start`` up to its date.

        The transfer itself (same exporter and id) and void entries are left out. With no ledger
        file, or no entry of this exporter on any date, the source is ``none``: nothing is known
        (``near`` names recorded exporters with a similar name, a likely misspelling).
        """
        match = self.match(transfer.exporter.name)
        if not match.names:
            result: PriorExports = LedgerPrior(source="none", near=match.near)
        else:
            assert self._conn is not None
            rows = self._conn.execute(
                "SELECT exempt_scenario, COALESCE(SUM(subjects), 0), "
                "COALESCE(SUM(sensitive_subjects), 0) FROM transfers "
                "WHERE exporter_key = ? AND date >= ? AND date <= ? AND transfer_id != ? "
                "AND voided_at IS NULL GROUP BY exempt_scenario ORDER BY exempt_scenario",
                (
                    exporter_key(transfer.exporter.name),
                    window_start.isoformat(),
                    transfer.date.isoformat(),
                    transfer.id,
                ),
            ).fetchall()
            sums = {int(r[0]): (int(r[1]), int(r[2])) for r in rows}
            counted, exempt = sums.get(0, (0, 0)), sums.get(1, (0, 0))
            result = LedgerPrior(
                subjects=counted[0],
                sensitive_subjects=counted[1],
                exempt_subjects=exempt[0],
                exempt_sensitive_subjects=exempt[1],
                source="ledger",
            )
        pause = os.environ.get(PAUSE_ENV)
        if self._write and pause:
            time.sleep(float(pause))  # test-only: widen the read-to-record window
        return result

    def record(self, assessment: TransferAssessment, manifest: Transfer) -> LedgerEntry:
        """Record (or update) a transfer with the counts its assessment used."""
        assert self._conn is not None and self._write
        conn = self._conn
        subjects = assessment.counts.get("subjects_this", 0)
        sensitive = assessment.counts.get("sensitive_subjects_this", 0)
        if max(subjects, sensitive) > MAX_COUNT:
            raise UserError(
                f"{max(subjects, sensitive)} people is more than the ledger can store "
                f"(at most {MAX_COUNT})",
                path=manifest.path or None,
            )
        values = {
            "exporter": manifest.exporter.name.strip(),
            "exporter_key": exporter_key(manifest.exporter.name),
            "transfer_id": manifest.id,
            "date": manifest.date.isoformat(),
            "year": manifest.date.year,
            "recipient": manifest.recipient.name,
            "country": manifest.recipient.country,
            "scenario": manifest.scenario,
            "subjects": subjects,
            "sensitive_subjects": sensitive,
            "exempt_scenario": int(bool(assessment.counts.get("exempt_scenario", 0))),
            "mechanism": assessment.mechanism,
            "rule_pack": assessment.rule_pack,
            "fingerprint": assessment.fingerprint,
        }
        old = conn.execute(
            f"SELECT {_COLUMNS} FROM transfers WHERE exporter_key = ? AND transfer_id = ? "
            "ORDER BY entry LIMIT 1",
            (values["exporter_key"], values["transfer_id"]),
        ).fetchone()
        names = list(values)
        if old is None:
            cursor = conn.execute(
                f"INSERT INTO transfers ({', '.join(names)}) "
                f"VALUES ({', '.join('?' for _ in names)})",
                [values[n] for n in names],
            )
            entry, action, detail = int(cursor.lastrowid or 0), "record", values
        else:
            entry = int(old[0])
            conn.execute(
                f"UPDATE transfers SET {', '.join(f'{n} = ?' for n in names)}, "
                "void_reason = NULL, voided_at = NULL WHERE entry = ?",
                [*(values[n] for n in names), entry],
            )
            action, detail = "update", {"before": _row_entry(old).as_dict(), "after": values}
        self._history(entry, action, detail)
        return self.get(entry)

    def get(self, entry: int) -> LedgerEntry:
        """The entry numbered ``entry``."""
        assert self._conn is not None
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM transfers WHERE entry = ?", (entry,)
        ).fetchone()
        if row is None:
            raise UserError(f"no ledger entry {entry}")
        return _row_entry(row)

    def _history(self, entry: int, action: str, detail: object, at: str | None = None) -> None:
        assert self._conn is not None
        self._conn.execute(
            "INSERT INTO history (entry, action, at, detail) VALUES (?, ?, ?, ?)",
            (entry, action, at, json.dumps(detail, ensure_ascii=False, sort_keys=True)),
        )

    def void(self, ref: str, reason: str, at: dt.datetime) -> LedgerEntry:
        """Mark an entry void. ``ref`` is an entry number, or a transfer id held by one entry."""
        assert self._conn is not None and self._write
        if not reason.strip():
            raise UserError("--reason must say why the entry is void")
        ref = ref.strip()
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM transfers WHERE transfer_id = ? ORDER BY entry", (ref,)
        ).fetchall()
        if not rows and ref.isdigit():
            rows = self._conn.execute(
                f"SELECT {_COLUMNS} FROM transfers WHERE entry = ?", (int(ref),)
            ).fetchall()
        if not rows:
            raise UserError(f"no ledger entry or transfer id {ref!r}")
        if len(rows) > 1:
            numbers = ", ".join(str(r[0]) for r in rows)
            raise UserError(
                f"transfer id {ref!r} is recorded for several exporters (entries {numbers}); "
                "give the entry number"
            )
        current = _row_entry(rows[0])
        if current.void:
            raise UserError(f"ledger entry {current.entry} is already void ({current.voided_at})")
        stamp = at.astimezone(dt.timezone.utc).replace(microsecond=0).isoformat()
        stamp = stamp.replace("+00:00", "Z")
        self._conn.execute(
            "UPDATE transfers SET void_reason = ?, voided_at = ? WHERE entry = ?",
            (reason.strip(), stamp, current.entry),
        )
        self._history(current.entry, "void", {"reason": reason.strip()}, at=stamp)
        return self.get(current.entry)

    def entries(
        self,
        *,
        year: int | None = None,
        exporter: str | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        include_void: bool = True,
    ) -> builtins.list[LedgerEntry]:
        """Recorded transfers, sorted by exporter, date and id."""
        if self._conn is None:
            return []
        sql = f"SELECT {_COLUMNS} FROM transfers WHERE 1 = 1"
        params: builtins.list[object] = []
        if year is not None:
            sql += " AND year = ?"
            params.append(year)
        if exporter is not None:
            sql += " AND exporter_key = ?"
            params.append(exporter_key(exporter))
        if start is not None:
            sql += " AND date >= ?"
            params.append(start.isoformat())
        if end is not None:
            sql += " AND date <= ?"
            params.append(end.isoformat())
        if not include_void:
            sql += " AND voided_at IS NULL"
        rows = self._conn.execute(sql + " ORDER BY exporter, date, transfer_id, entry", params)
        return [_row_entry(r) for r in rows.fetchall()]

    def history(self) -> builtins.list[tuple[int, int, str, str | None, str]]:
        """The change history: ``(seq, entry, action, at, detail JSON)`` in order."""
        if self._conn is None:
            return []
        rows = self._conn.execute("SELECT seq, entry, action, at, detail FROM history ORDER BY seq")
        return [(int(r[0]), int(r[1]), str(r[2]), r[3], str(r[4])) for r in rows.fetchall()]


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
