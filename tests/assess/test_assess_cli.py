"""``dataflow assess`` and ``dataflow ledger`` end to end: real manifests, real schema and sample,
real scan, real SQLite ledger, every output format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from builders import SAMPLE, SCHEMA, manifest, run
from conftest import EXAMPLES


@pytest.fixture(scope="module")
def example_json(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    tmp = tmp_path_factory.mktemp("assess")
    code, out, err = run(
        "assess",
        str(EXAMPLES / "transfer.yaml"),
        "--format",
        "json",
        "--ledger",
        str(tmp / "none.sqlite"),
    )
    assert code == 0, err
    assert not (tmp / "none.sqlite").exists(), "assess must not create the ledger"
    data: dict[str, object] = json.loads(out)
    return data


def test_worked_example_verdict(example_json: dict[str, object]) -> None:
    (transfer,) = example_json["transfers"]  # type: ignore[misc]
    assert transfer["id"] == "TX-2026-0042"
    assert (transfer["mechanism"], transfer["risk"]) == ("security_assessment", "critical")
    assert transfer["rule_pack"] == "cn-provisions-2024"
    assert transfer["counts"]["subjects_total"] == 290000
    assert transfer["counts"]["sensitive_subjects_total"] == 250000
    fix = transfer["remediation"][0]
    assert fix["fields"] == ["customers.sfzh", "customers.yhkh"]
    assert fix["resulting_mechanism"] == "standard_contract_or_certification"
    assert {o["id"] for o in transfer["obligations"]} >= {"notice", "pipia", "self_assessment"}
    assert transfer["fingerprint"].startswith("sha256:")


@pytest.mark.parametrize("fmt", ["json", "table", "markdown", "sarif"])
def test_no_sampled_value_in_any_format(tmp_path: Path, fmt: str) -> None:
    raw_values = [line.split(",") for line in SAMPLE.read_text(encoding="utf-8").splitlines()[1:6]]
    code, out, err = run(
        "assess",
        str(EXAMPLES / "transfer.yaml"),
        "--format",
        fmt,
        "--lang",
        "zh",
        "--ledger",
        str(tmp_path / "l.sqlite"),
    )
    assert code == 0, err
    assert out.strip()
    for row in raw_values:
        for value in row:
            assert value not in out and value not in err


def test_fail_on_and_exit_codes(tmp_path: Path) -> None:
    args = ["assess", str(EXAMPLES / "transfer.yaml"), "--ledger", str(tmp_path / "l.sqlite")]
    assert run(*args, "--fail-on", "critical")[0] == 1
    assert run(*args, "--fail-on", "blocked")[0] == 0
    code, _, err = run(*args, "--fail-on", "dire")
    assert code == 2 and "--fail-on must be one of" in err
    code, _, err = run(*args, "--as-of", "yesterday")
    assert code == 2 and "--as-of" in err


def test_as_of_selects_the_rule_pack(tmp_path: Path) -> None:
    code, out, err = run(
        "assess",
        str(EXAMPLES / "transfers" / "order-delivery.yaml"),
        "--format",
        "json",
        "--as-of",
        "2023-06-30",
        "--ledger",
        str(tmp_path / "l.sqlite"),
    )
    assert code == 0, err
    (transfer,) = json.loads(out)["transfers"]
    assert transfer["rule_pack"] == "cn-measures-2022"
    assert transfer["as_of"] == "2023-06-30"
    # no Art. 5(1) exemption before the Provisions: 120,000 people ≥ 100,000 → assessment
    assert transfer["mechanism"] == "security_assessment"


def test_bad_manifest_is_exit_2_naming_file_key_and_line(tmp_path: Path) -> None:
    path = manifest(
        tmp_path,
        "bad plan.yaml",
        tid="TX-1",
        date="2026-03-01",
        subjects=10,
        extra="  destination: moon\n",
    )
    code, _, err = run("assess", str(path))
    assert code == 2
    assert f"{path}:14: transfer.destination: unknown key 'destination'" in err
    assert "Traceback" not in err


def test_missing_schema_and_table_are_input_errors(tmp_path: Path) -> None:
    path = manifest(tmp_path, "t.yaml", tid="TX-1", date="2026-03-01", subjects=10)
    path.write_text(path.read_text("utf-8").replace(str(SCHEMA), "nowhere.sql"), "utf-8")
    code, _, err = run("assess", str(path), "--ledger", str(tmp_path / "l.sqlite"))
    assert code == 2 and "transfer.datasets[0].schema: schema file not found" in err
    path = manifest(
        tmp_path, "t2.yaml", tid="TX-1", date="2026-03-01", subjects=10, table="invoices"
    )
    code, _, err = run("assess", str(path), "--ledger", str(tmp_path / "l.sqlite"))
    assert code == 2 and "table(s) not found in shop_mysql.sql: invoices" in err


def test_count_distinct_counts_people_in_the_sample(tmp_path: Path) -> None:
    path = manifest(
        tmp_path,
        "t.yaml",
        tid="TX-1",
        date="2026-03-01",
        subjects=1,
        table="customers",
        sample=True,
    )
    path.write_text(path.read_text("utf-8").replace("subjects: 1", "count_distinct: sfzh"), "utf-8")
    code, out, err = run(
        "assess", str(path), "--format", "json", "--ledger", str(tmp_path / "l.sqlite")
    )
    assert code == 0, err
    (transfer,) = json.loads(out)["transfers"]
    assert transfer["counts"]["subjects_this"] == 40  # 40 distinct ID numbers in the sample


def test_ledger_commands_accumulate_across_the_year(tmp_path: Path) -> None:
    ledger = str(tmp_path / "exports.sqlite")
    plans = [("2026-01-10", 30000), ("2026-04-10", 30000), ("2026-07-10", 30000)]
    paths = [
        str(manifest(tmp_path, f"t{i}.yaml", tid=f"TX-{i}", date=date, subjects=n))
        for i, (date, n) in enumerate(plans, start=1)
    ]
    fourth = manifest(tmp_path, "t4.yaml", tid="TX-4", date="2026-10-01", subjects=10000)
    assess_alone = run("assess", str(fourth), "--format", "json", "--ledger", ledger)
    assert json.loads(assess_alone[1])["transfers"][0]["mechanism"] == "exempt"

    # one call records in order, so each transfer counts the ones before it
    code, out, err = run("ledger", "record", *paths, str(fourth), "--ledger", ledger)
    assert code == 0, err
    assert [line.split()[1] for line in out.splitlines()] == ["TX-1", "TX-2", "TX-3", "TX-4"]
    code, out, _ = run("ledger", "list", "--ledger", ledger, "--format", "json", "--year", "2026")
    mechanisms = {t["transfer_id"]: t["mechanism"] for t in json.loads(out)["transfers"]}
    assert mechanisms == {
        "TX-1": "exempt",
        "TX-2": "exempt",
        "TX-3": "exempt",
        "TX-4": "standard_contract_or_certification",
    }
    code, out, _ = run(
        "ledger",
        "totals",
        "--year",
        "2026",
        "--exporter",
        "Shop Ltd",
        "--ledger",
        ledger,
        "--format",
        "json",
    )
    assert code == 0 and json.loads(out)["subjects"] == 100000

    # re-assessing a recorded transfer does not count it twice
    code, out, err = run("assess", str(fourth), "--format", "json", "--ledger", ledger)
    assert code == 0, err
    (transfer,) = json.loads(out)["transfers"]
    assert transfer["mechanism"] == "standard_contract_or_certification"
    assert transfer["counts"]["subjects_prior"] == 90000

    # a new year starts from zero
    next_year = manifest(tmp_path, "t5.yaml", tid="TX-5", date="2027-01-05", subjects=10000)
    code, out, _ = run("assess", str(next_year), "--format", "json", "--ledger", ledger)
    assert json.loads(out)["transfers"][0]["mechanism"] == "exempt"


def test_binding_negative_list_hit_exits_1_after_writing_the_report(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "schema_version: 1\n"
        "list:\n  id: shop-policy\n  title: Shop policy\n  jurisdiction: organisation\n"
        "  version: '1'\n  effective_from: 2024-01-01\n  sources: [policy v1]\n  verified: true\n"
        "entries:\n  - id: SHOP-001\n    condition: {elements_any: [pi.contact.mobile]}\n"
        "    required_mechanism: security_assessment\n"
        "    message: Mobile numbers need an assessment under our policy.\n",
        encoding="utf-8",
    )
    path = manifest(tmp_path, "t.yaml", tid="TX-1", date="2026-03-01", subjects=500)
    report = tmp_path / "out" / "report.json"
    code, _, err = run(
        "assess",
        str(path),
        "--negative-list",
        str(policy),
        "--format",
        "json",
        "--output",
        str(report),
        "--ledger",
        str(tmp_path / "l.sqlite"),
    )
    assert code == 1, err
    (transfer,) = json.loads(report.read_text("utf-8"))["transfers"]
    assert transfer["mechanism"] == "security_assessment"  # 500 people alone would be exempt
    assert [h["entry"] for h in transfer["negative_list_hits"]] == ["SHOP-001"]
    assert transfer["remediation"][0]["fields"] == ["orders.receiver_mobile"]
    assert transfer["remediation"][0]["resulting_mechanism"] == "exempt"


def test_assess_command_imports_no_heavy_library_until_run() -> None:
    import subprocess
    import sys

    code = (
        "import sys, dataflow.cli, dataflow.commands.assess, dataflow.commands.ledger\n"
        "print([m for m in ('presidio_analyzer', 'spacy', 'pyarrow') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("sector", "subjects", "raised"),
    [
        ("automotive", 150_000, True),
        ("automotive", 100_000, False),  # "more than 100,000"
        ("retail", 150_000, False),
    ],
)
def test_assess_regrades_with_the_transfers_sector_and_volume(
    tmp_path: Path, sector: str, subjects: int, raised: bool
) -> None:
    path = manifest(tmp_path, "t.yaml", tid="TX-CAR", date="2026-05-01", subjects=subjects)
    path.write_text(
        path.read_text(encoding="utf-8").replace("sector: retail", f"sector: {sector}"),
        encoding="utf-8",
    )
    code, stdout, stderr = run(
        "assess", str(path), "--format", "json", "--ledger", str(tmp_path / "l.db")
    )
    assert code in (0, 1), stderr
    report = json.loads(stdout)
    (orders,) = [d for d in report["datasets"] if d["name"] == "orders"]
    assert (orders["grade"] == "important") is raised
    (transfer,) = report["transfers"]
    questions = json.dumps(transfer.get("open_questions", []), ensure_ascii=False)
    assert ("important" in questions.lower()) is raised
