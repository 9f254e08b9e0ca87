"""``dataflow ledger status`` and ``ledger void`` on real SQLite ledgers, with ``--as-of``; the
early warnings and the unknown-prior notice of ``dataflow assess`` in every format."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import jsonschema
import pytest
from builders import SAMPLE, manifest, run

from dataflow.ledger import Ledger
from dataflow.paths import schemas_dir
from dataflow.rules import load_packs, select_pack

MONTHS = [f"2026-{m:02d}-10" for m in range(1, 9)]  # one transfer on the 10th, January to August


def year_of_transfers(tmp_path: Path, people: int = 15000) -> str:
    """A ledger with one transfer of ``people`` (no sensitive PI) per month, January-August."""
    ledger = str(tmp_path / "exports.sqlite")
    paths = [
        str(manifest(tmp_path, f"m{i}.yaml", tid=f"TX-{i}", date=day, subjects=people))
        for i, day in enumerate(MONTHS, start=1)
    ]
    code, _, err = run("ledger", "record", *paths, "--ledger", ledger)
    assert code == 0, err
    return ledger


def status(ledger: str, *args: str) -> dict[str, object]:
    code, out, err = run("ledger", "status", "--ledger", ledger, "--format", "json", *args)
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    schema = json.loads((schemas_dir() / "ledger-status.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    return data


def lines(data: dict[str, object]) -> dict[tuple[str, int], dict[str, object]]:
    (exporter,) = data["exporters"]  # type: ignore[misc]
    return {(ln["measure"], ln["threshold"]): ln for ln in exporter["lines"]}


def test_status_lights_headroom_and_projection_through_the_year(tmp_path: Path) -> None:
    ledger = year_of_transfers(tmp_path)
    pack = select_pack(load_packs(), dt.date(2026, 6, 30))
    # the thresholds come from the rule pack in force: 100,000 / 1,000,000 people, 1 / 10,000
    # people with sensitive PI under the 2024 Provisions
    assert (pack.contract.subjects_gte, pack.assessment.subjects_gte) == (100000, 1000000)
    assert pack.assessment.sensitive_subjects_gte == 10000

    march = status(ledger, "--as-of", "2026-03-31")
    assert march["rule_pack"] == "cn-provisions-2024" and march["window_start"] == "2026-01-01"
    people = lines(march)[("subjects", 100000)]
    # 45,000 in 90 days: 500 a day reaches 100,000 on day 200, 19 July
    assert (people["count"], people["light"], people["headroom"]) == (45000, "green", 55000)
    assert people["projected_crossing"] == "2026-07-19" and people["crossed_on"] is None
    assert set(lines(march)) == {
        ("subjects", 100000),
        ("subjects", 1000000),
        ("sensitive_subjects", 1),
        ("sensitive_subjects", 10000),
    }
    assert lines(march)[("sensitive_subjects", 10000)]["projected_crossing"] is None  # no trend

    june = status(ledger, "--as-of", "2026-06-30")  # the July and August transfers not yet
    people = lines(june)[("subjects", 100000)]
    # 90,000 in 181 days reaches 100,000 on day 202 (ceiling of 100,000 x 181 / 90,000): 21 July
    assert (people["count"], people["light"], people["headroom"]) == (90000, "yellow", 10000)
    assert people["percent"] == 90.0 and people["projected_crossing"] == "2026-07-21"
    (shop,) = june["exporters"]  # type: ignore[misc]
    assert shop["light"] == "yellow" and shop["next_mechanism"] == "exempt"
    assert shop["transfers"] == 6

    august = status(ledger, "--as-of", "2026-08-31")
    people = lines(august)[("subjects", 100000)]
    assert (people["count"], people["light"], people["headroom"]) == (120000, "red", 0)
    assert people["crossed_on"] == "2026-07-10" and people["projected_crossing"] is None
    (shop,) = august["exporters"]  # type: ignore[misc]
    assert shop["next_mechanism"] == "standard_contract_or_certification"

    # --warn-at moves the yellow line; --year without --as-of is the end of that year
    assert (
        lines(status(ledger, "--as-of", "2026-06-30", "--warn-at", "95%"))[("subjects", 100000)][
            "light"
        ]
        == "green"
    )
    assert status(ledger, "--year", "2026")["as_of"] == "2026-12-31"
    # a new year starts from zero
    january = status(ledger, "--as-of", "2027-01-31")
    assert lines(january)[("subjects", 100000)]["count"] == 0


def test_fail_on_gives_exit_1_for_scheduled_jobs(tmp_path: Path) -> None:
    ledger = year_of_transfers(tmp_path)
    base = ("ledger", "status", "--ledger", ledger, "--as-of", "2026-06-30")
    assert run(*base)[0] == 0
    code, _, err = run(*base, "--fail-on", "yellow")
    assert code == 1 and "yellow" in err
    assert run(*base, "--fail-on", "red")[0] == 0
    assert (
        run("ledger", "status", "--ledger", ledger, "--as-of", "2026-08-31", "--fail-on", "red")[0]
        == 1
    )
    for bad in (("--fail-on", "amber"), ("--warn-at", "0"), ("--warn-at", "x"), ("-f", "sarif")):
        code, _, err = run(*base, *bad)
        assert code == 2 and "error:" in err
    code, _, err = run(*base, "--year", "2025")
    assert code == 2 and "--year" in err


def test_status_under_the_2022_measures_for_earlier_dates(tmp_path: Path) -> None:
    ledger = str(tmp_path / "old.sqlite")
    path = manifest(tmp_path, "old.yaml", tid="TX-2023", date="2023-05-10", subjects=9000)
    path.write_text(path.read_text("utf-8").replace("[orders]", "[customers]"), "utf-8")
    assert run("ledger", "record", str(path), "--ledger", ledger)[0] == 0
    data = status(ledger, "--as-of", "2023-12-31")
    old = select_pack(load_packs(), dt.date(2023, 12, 31))
    assert data["rule_pack"] == old.id == "cn-measures-2022"
    assert data["window_start"] == "2022-01-01"  # the 2022 regime counts from 1 January last year
    got = lines(data)
    assert set(got) == {
        ("subjects", old.contract.subjects_gte),
        ("sensitive_subjects", old.contract.sensitive_subjects_gte),
        ("subjects", old.assessment.subjects_gte),
        ("sensitive_subjects", old.assessment.sensitive_subjects_gte),
    }
    assert got[("sensitive_subjects", 10000)]["light"] == "yellow"
    assert got[("sensitive_subjects", 10000)]["headroom"] == 1000


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_status_text_formats_in_both_languages_are_deterministic(tmp_path: Path, fmt: str) -> None:
    ledger = year_of_transfers(tmp_path)
    args = ("ledger", "status", "--ledger", ledger, "--as-of", "2026-06-30", "-f", fmt)
    en = run(*args, "--lang", "en")[1]
    zh = run(*args, "--lang", "zh")[1]
    assert en == run(*args, "--lang", "en")[1]
    assert "yellow" in en and "10,000" in en and "projected 2026-07-21" in en
    assert "linear" in en and "cn-provisions-2024" in en
    assert "黄" in zh and "预计2026-07-21" in zh and "线性" in zh


def test_void_keeps_the_row_and_leaves_every_count(tmp_path: Path) -> None:
    ledger = year_of_transfers(tmp_path)
    before = lines(status(ledger, "--as-of", "2026-06-30"))[("subjects", 100000)]["count"]
    code, out, err = run("ledger", "void", "TX-2", "--reason", "cancelled", "--ledger", ledger)
    assert code == 0, err
    assert "void entry 2" in out and "cancelled" in out
    after = status(ledger, "--as-of", "2026-06-30")
    (shop,) = after["exporters"]  # type: ignore[misc]
    assert lines(after)[("subjects", 100000)]["count"] == int(str(before)) - 15000
    assert shop["void_transfers_left_out"] == 1
    assert Ledger(Path(ledger)).totals(2026, "Shop Ltd") == (105000, 0)
    # the row is still there, marked, with reason and time
    code, out, _ = run("ledger", "list", "--ledger", ledger, "--format", "json")
    entries = {t["transfer_id"]: t for t in json.loads(out)["transfers"]}
    assert len(entries) == 8
    assert entries["TX-2"]["void"] is True and entries["TX-2"]["void_reason"] == "cancelled"
    assert str(entries["TX-2"]["voided_at"]).endswith("Z")
    assert entries["TX-3"]["void"] is False
    # a later assessment does not count it either: 7 x 15,000 = 105,000 before a new transfer
    later = manifest(tmp_path, "late.yaml", tid="TX-9", date="2026-09-01", subjects=1)
    code, out, _ = run("assess", str(later), "--format", "json", "--ledger", ledger)
    assert json.loads(out)["transfers"][0]["counts"]["subjects_prior"] == 105000
    # status stays the same bytes for the same ledger
    args = ("ledger", "status", "--ledger", ledger, "--as-of", "2026-06-30", "-f", "json")
    assert run(*args)[1] == run(*args)[1]

    # errors: already void, unknown entry, no reason; nothing changes
    for bad in (("2", "--reason", "again"), ("99", "--reason", "x"), ("3", "--reason", " ")):
        code, _, err = run("ledger", "void", *bad, "--ledger", ledger)
        assert code == 2 and "error:" in err
    history = Ledger(Path(ledger)).history()
    assert [h[2] for h in history] == ["record"] * 8 + ["void"]
    assert history[-1][1] == 2 and history[-1][3] == entries["TX-2"]["voided_at"]
    assert all(h[3] is None for h in history[:-1])  # the void time is the only timestamp

    # the history is append-only and entries cannot be deleted, even with plain SQL
    with sqlite3.connect(ledger) as conn:
        for sql in (
            "UPDATE history SET action = 'x'",
            "DELETE FROM history",
            "DELETE FROM transfers WHERE entry = 1",
        ):
            with pytest.raises(sqlite3.IntegrityError):
                conn.execute(sql)


def test_recording_a_void_transfer_again_counts_it_again_with_history(tmp_path: Path) -> None:
    ledger = str(tmp_path / "l.sqlite")
    path = manifest(tmp_path, "a.yaml", tid="TX-A", date="2026-02-01", subjects=500)
    assert run("ledger", "record", str(path), "--ledger", ledger)[0] == 0
    assert run("ledger", "void", "1", "--reason", "typo", "--ledger", ledger)[0] == 0
    assert Ledger(Path(ledger)).totals(2026, "Shop Ltd") == (0, 0)
    assert run("ledger", "record", str(path), "--ledger", ledger)[0] == 0
    assert Ledger(Path(ledger)).totals(2026, "Shop Ltd") == (500, 0)
    assert [h[2] for h in Ledger(Path(ledger)).history()] == ["record", "void", "update"]


def test_totals_match_exporters_case_and_space_insensitively(tmp_path: Path) -> None:
    ledger = year_of_transfers(tmp_path)
    base = ("ledger", "totals", "--year", "2026", "--ledger", ledger, "-f", "json")
    code, out, err = run(*base, "--exporter", "  shop   LTD ")
    assert code == 0 and json.loads(out)["subjects"] == 120000
    assert "matched as recorded: 'Shop Ltd'" in err
    code, out, err = run(*base, "--exporter", "Shop Ldt")
    data = json.loads(out)
    assert data["subjects"] == 0 and data["exporters_matched"] == []
    assert "did you mean 'Shop Ltd'" in err and "did you mean" in data["notices"][0]
    code, out, err = run(*base, "--exporter", "Completely Different")
    assert "no exporter" in err and "did you mean" not in err
    # status too
    data = status(ledger, "--as-of", "2026-06-30", "--exporter", "SHOP LTD")
    assert lines(data)[("subjects", 100000)]["count"] == 90000


FORMATS = ("table", "json", "markdown", "sarif", "html", "pipia")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_assess_says_when_prior_exports_are_unknown_in_every_format(
    tmp_path: Path, lang: str
) -> None:
    path = manifest(tmp_path, "t.yaml", tid="TX-1", date="2026-05-01", subjects=5000)
    phrase = {"en": "No prior exports known: counted as 0", "zh": "未知此前出境情况：按 0 人计"}[
        lang
    ]
    missing = str(tmp_path / "missing.sqlite")
    for fmt in FORMATS:
        code, out, err = run("assess", str(path), "-f", fmt, "--lang", lang, "--ledger", missing)
        assert code == 0, err
        assert phrase in out, fmt
    # known: prior_exports in the manifest, or a ledger with entries
    given = manifest(
        tmp_path,
        "g.yaml",
        tid="TX-2",
        date="2026-05-01",
        subjects=5000,
        extra="  prior_exports: {subjects: 0}\n",
    )
    out = run("assess", str(given), "--lang", lang, "--ledger", missing)[1]
    assert phrase not in out
    ledger = str(tmp_path / "l.sqlite")
    assert run("ledger", "record", str(path), "--ledger", ledger)[0] == 0
    later = manifest(tmp_path, "later.yaml", tid="TX-3", date="2026-06-01", subjects=10)
    assert phrase not in run("assess", str(later), "--lang", lang, "--ledger", ledger)[1]
    assert not Path(missing).exists()
    # a ledger without this exporter knows nothing either, and names a likely misspelling
    later.write_text(later.read_text("utf-8").replace("Shop Ltd", "Shop Ldt"), "utf-8")
    out = run("assess", str(later), "--lang", lang, "--ledger", ledger)[1]
    assert phrase in out and "'Shop Ltd'" in out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_assess_warns_before_the_next_threshold_in_every_format(tmp_path: Path, lang: str) -> None:
    ledger = str(tmp_path / "l.sqlite")
    first = manifest(tmp_path, "a.yaml", tid="TX-A", date="2026-02-01", subjects=38000)
    assert run("ledger", "record", str(first), "--ledger", ledger)[0] == 0
    # 38,000 so far: a transfer of 1,000 stays below 80 % of 100,000 ...
    small = manifest(tmp_path, "s.yaml", tid="TX-S", date="2026-03-01", subjects=1000)
    phrase = {"en": "people left before", "zh": "尚余"}[lang]
    assert phrase not in run("assess", str(small), "--lang", lang, "--ledger", ledger)[1]
    # ... one of 42,000 more takes the exporter to 80,000: warn, naming headroom and mechanism
    big = manifest(tmp_path, "b.yaml", tid="TX-B", date="2026-03-01", subjects=42000)
    expected = {
        "en": "20,000 people left before standard contract filing or PI protection "
        "certification is needed",
        "zh": "距须个人信息出境标准合同备案或个人信息保护认证尚余 20,000 人",
    }[lang]
    for fmt in FORMATS:
        code, out, err = run("assess", str(big), "-f", fmt, "--lang", lang, "--ledger", ledger)
        assert code == 0, err
        assert expected in out, fmt


def test_ledger_outputs_hold_no_sampled_value(tmp_path: Path) -> None:
    ledger = str(tmp_path / "l.sqlite")
    path = manifest(
        tmp_path,
        "s.yaml",
        tid="TX-S",
        date="2026-03-01",
        subjects=9000,
        table="customers",
        sample=True,
    )
    assert run("ledger", "record", str(path), "--ledger", ledger)[0] == 0
    values = SAMPLE.read_text("utf-8").splitlines()[1].split(",")
    outputs = [
        run("ledger", "status", "--ledger", ledger, "--as-of", "2026-06-30", "-f", fmt)[1]
        for fmt in ("table", "json", "markdown", "html")
    ]
    outputs.append(run("ledger", "list", "--ledger", ledger, "-f", "json")[1])
    assert "yellow" in outputs[0]  # 9,000 of 10,000 people with sensitive PI
    raw = Path(ledger).read_bytes()
    for value in values:
        assert all(value not in out for out in outputs)
        assert value.encode("utf-8") not in raw


def test_a_count_sqlite_cannot_hold_is_refused_naming_the_manifest(tmp_path: Path) -> None:
    ledger = tmp_path / "l.sqlite"
    path = manifest(tmp_path, "huge.yaml", tid="TX-H", date="2026-03-01", subjects=10**28)
    code, _, err = run("ledger", "record", str(path), "--ledger", str(ledger))
    # the manifest's own bound (10^12 people) refuses it first; the ledger's guard stays
    assert code == 2 and str(path) in err
    assert "more than the ledger can store" in err or "must be at most 1,000,000,000,000" in err
    assert Ledger(ledger).list() == []  # nothing half-written


def test_a_missing_ledger_file_is_said_not_silently_zero(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.sqlite")
    code, out, err = run("ledger", "status", "--ledger", missing, "--as-of", "2026-06-30")
    assert code == 0 and "no ledger file at" in out and missing in out
    code, out, err = run(
        "ledger", "status", "--ledger", missing, "--as-of", "2026-06-30", "-f", "json"
    )
    assert "no ledger file at" in json.loads(out)["notices"][0]["en"] and "no ledger file" in err
    code, out, err = run(
        "ledger", "totals", "--year", "2026", "--exporter", "X", "--ledger", missing
    )
    assert code == 0 and "no ledger file at" in err
    assert not Path(missing).exists()


def test_early_warnings_only_for_a_heavier_mechanism_still_ahead() -> None:
    from dataflow.monitor import early_warnings

    pack = select_pack(load_packs(), dt.date(2026, 6, 30))
    start = dt.date(2026, 1, 1)
    # 850,000 people, none sensitive: a standard contract already; the assessment is 150,000 away
    (warning,) = early_warnings(pack, 850000, 0, start)
    assert "150,000 people left before CAC security assessment" in warning.en
    # with 12,000 people with sensitive PI the assessment is already needed: nothing ahead
    assert early_warnings(pack, 850000, 12000, start) == []
    # 8,500 people with sensitive PI: 1,500 left before the assessment
    (warning,) = early_warnings(pack, 5000, 8500, start)
    assert "1,500 people with sensitive PI left" in warning.en and "1,500" in warning.zh
    assert early_warnings(pack, 5000, 8500, start, warn_at=0.9) == []
