"""What the ledger holds and one session on it: recorded transfers (``LedgerEntry``), the prior
exports of an exporter (``LedgerPrior``), how exporter names are matched, and ``LedgerSession``,
whose reads and write share one transaction.
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
from collections.abc import Sequence
from dataclasses import dataclass

from dataflow.errors import UserError
from dataflow.manifest import PriorExports, Transfer
from dataflow.model import Text, TransferAssessment

PAUSE_ENV = "DATAFLOW_TEST_LEDGER_PAUSE"  # test-only, see the module docstring
# SQLite INTEGER is 64-bit signed; people counts above this cannot be stored.
MAX_COUNT = 2**63 - 1

_COLUMNS = (
    "entry, exporter, transfer_id, date, recipient, country, scenario, subjects, "
    "sensitive_subjects, exempt_scenario, mechanism, rule_pack, fingerprint, void_reason, voided_at"
)


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
