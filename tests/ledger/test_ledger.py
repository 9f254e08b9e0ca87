"""The export ledger against a real SQLite file: counts add up across a year and reset on 1 January."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from builders import FIELDS, PACKS, make

from dataflow.assess import Policy, assess_transfer
from dataflow.errors import UserError
from dataflow.ledger import Ledger
from dataflow.manifest import Transfer
from dataflow.model import DatasetResult, TransferAssessment
from dataflow.rules import select_pack


def plan(
    tmp_path: Path, tid: str, date: dt.date, subjects: int, **changes: object
) -> tuple[Transfer, list[DatasetResult]]:
    datasets = [{"schema": "shop.sql", "tables": ["customers"], "subjects": subjects}]
    return make(tmp_path, fields=FIELDS[:2], id=tid, date=date, datasets=datasets, **changes)


def assess_with_ledger(
    ledger: Ledger, transfer: Transfer, results: list[DatasetResult]
) -> TransferAssessment:
    pack = select_pack(PACKS, transfer.date)
    prior = ledger.prior(transfer, pack.window_start(transfer.date))
    return assess_transfer(transfer, results, (), Policy(PACKS), prior=prior)


def test_three_recorded_transfers_move_a_fourth_over_the_threshold(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ledger.sqlite")
    for tid, date in (
        ("TX-1", dt.date(2026, 1, 15)),
        ("TX-2", dt.date(2026, 4, 2)),
        ("TX-3", dt.date(2026, 7, 9)),
    ):
        transfer, results = plan(tmp_path, tid, date, 30000)
        result = assess_with_ledger(ledger, transfer, results)
        ledger.record(result, transfer)
    assert ledger.totals(2026, "Shop Ltd") == (90000, 0)

    fourth, results = plan(tmp_path, "TX-4", dt.date(2026, 10, 1), 10000)
    alone = assess_transfer(fourth, results, (), Policy(PACKS))
    assert alone.mechanism == "exempt"
    result = assess_with_ledger(ledger, fourth, results)
    assert result.mechanism == "standard_contract_or_certification"
    assert result.counts["subjects_total"] == 100000

    # a new year resets the window
    january, results = plan(tmp_path, "TX-5", dt.date(2027, 1, 3), 10000)
    fresh = assess_with_ledger(ledger, january, results)
    assert fresh.mechanism == "exempt"
    assert fresh.counts["subjects_prior"] == 0

    # the file is a real SQLite database other tools can read
    with sqlite3.connect(tmp_path / "ledger.sqlite") as conn:
        assert conn.execute("SELECT COUNT(*) FROM transfers").fetchone()[0] == 3


def test_recording_twice_replaces_and_a_transfer_never_counts_itself(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.sqlite")
    transfer, results = plan(tmp_path, "TX-1", dt.date(2026, 3, 1), 60000)
    first = assess_with_ledger(ledger, transfer, results)
    ledger.record(first, transfer)
    ledger.record(first, transfer)
    assert ledger.totals(2026, "Shop Ltd") == (60000, 0)
    again = assess_with_ledger(ledger, transfer, results)
    assert again.counts["subjects_total"] == 60000
    assert [e.transfer_id for e in ledger.list()] == ["TX-1"]


def test_later_and_other_exporters_transfers_do_not_count(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.sqlite")
    late, results = plan(tmp_path, "TX-LATE", dt.date(2026, 12, 1), 80000)
    ledger.record(assess_with_ledger(ledger, late, results), late)
    other, results = plan(
        tmp_path,
        "TX-OTHER",
        dt.date(2026, 2, 1),
        80000,
        exporter={"name": "Other Co", "ciio": False, "state_organ": False},
    )
    ledger.record(assess_with_ledger(ledger, other, results), other)
    now, results = plan(tmp_path, "TX-NOW", dt.date(2026, 6, 1), 30000)
    assert assess_with_ledger(ledger, now, results).counts["subjects_prior"] == 0
    assert ledger.totals(2026, "Other Co") == (80000, 0)
    assert [e.exporter for e in ledger.list(year=2026)] == ["Other Co", "Shop Ltd"]


def test_exempt_scenario_volumes_are_kept_apart(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.sqlite")
    booking, results = plan(
        tmp_path, "TX-B", dt.date(2026, 2, 1), 500000, scenario="contract_necessity"
    )
    result = assess_with_ledger(ledger, booking, results)
    assert result.mechanism == "exempt"
    ledger.record(result, booking)
    assert ledger.totals(2026, "Shop Ltd") == (0, 0)
    assert ledger.totals(2026, "Shop Ltd", include_exempt=True) == (500000, 0)
    other, results = plan(tmp_path, "TX-O", dt.date(2026, 3, 1), 80000)
    assert assess_with_ledger(ledger, other, results).mechanism == "exempt"
    pack = select_pack(PACKS, other.date)
    prior = ledger.prior(other, pack.window_start(other.date))
    counted = assess_transfer(
        other, results, (), Policy(PACKS, count_exempt_volumes=True), prior=prior
    )
    assert counted.mechanism == "standard_contract_or_certification"


def test_reading_a_missing_ledger_creates_nothing(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "none.sqlite")
    assert ledger.totals(2026, "x") == (0, 0)
    assert ledger.list() == []
    assert not (tmp_path / "none.sqlite").exists()


def test_a_file_that_is_not_a_ledger_is_a_user_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("not sqlite at all, just text\n" * 100, encoding="utf-8")
    with pytest.raises(UserError, match="not a dataflow ledger") as info:
        Ledger(bogus).totals(2026, "x")
    assert info.value.path == str(bogus)
