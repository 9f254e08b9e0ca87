"""Tables that only INSERT statements name: their columns are reported, never dropped, and the
values the statements carry appear nowhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from dataflow.model import Severity
from dataflow.readers import read_path
from dataflow.scan import ScanOptions, scan_paths

DATA = Path(__file__).parent.parent / "data" / "readers" / "insert_only"
# Values written in the test files' INSERT statements.
VALUES = (
    "Wei Zhangfoo",
    "110101199003077131",
    "13800138765",
    "wzhangfoo@example.com",
    "10.1.2.3",
    "Li Naqux",
    "Wang Fangqux",
    "Qzorbic",
    "Vexmal",
    "2031-07-19",
)


def test_a_table_only_inserted_into_is_a_dataset_of_the_listed_columns() -> None:
    result = scan_paths([DATA / "seeded"], ScanOptions(content=False))
    by_name = {r.dataset.name: r.dataset for r in result.datasets}
    assert sorted(by_name) == ["member_card", "orders"]
    card = by_name["member_card"]
    assert card.source_path.endswith("seed_data.sql")
    assert [(f.name, f.data_type, f.line) for f in card.fields] == [
        ("id", None, 3),
        ("real_name", None, 3),
        ("id_card_no", None, 3),
        ("mobile", None, 3),
        ("email", None, 5),
    ]
    # the created table keeps its own definition: the INSERT adds nothing to it
    assert [(f.name, f.data_type) for f in by_name["orders"].fields] == [
        ("id", "INT"),
        ("total", "DECIMAL(10, 2)"),
    ]
    notes = [(p.line, p.message) for p in result.problems if p.severity == Severity.WARNING]
    assert (3, notes[0][1]) in notes and "taken from INSERT statements" in notes[0][1]
    # an INSERT without a column list: a warning naming the table and line, no dataset
    assert any(line == 6 and "audit_log" in m and "list no columns" in m for line, m in notes)
    assert "audit_log" not in by_name


def test_a_file_read_on_its_own_leaves_its_insert_only_tables_to_the_scan() -> None:
    result = read_path(DATA / "alone" / "patients_seed.sql")
    assert result.datasets == ()
    assert {c.table for c in result.altered_columns} == {"public.patient", "visit", "patient"}


def test_one_file_reports_its_insert_only_tables_its_insert_only_tables() -> None:
    result = scan_paths([DATA / "alone"], ScanOptions(content=False))
    assert [r.dataset.name for r in result.datasets] == ["public.patient"]
    patient = result.datasets[0].dataset
    assert [f.name for f in patient.fields] == ["patient_id", "full_name", "diagnosis"]
    assert all(f.data_type is None for f in patient.fields)
    lines = {p.line: p.message for p in result.problems}
    assert "INSERT statements" in lines[1]
    assert "visit" in lines[3]
    assert 4 not in lines  # ``INSERT INTO patient SELECT …``: the same table, its columns known
    assert not any(p.severity == Severity.ERROR for p in result.problems)


def test_insert_only_columns_are_classified_and_the_values_appear_nowhere(tmp_path: Path) -> None:
    env = {**os.environ, "DATAFLOW_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": os.getcwd()}
    outputs = []
    for fmt in ("json", "table"):
        done = subprocess.run(
            [sys.executable, "-m", "dataflow", "scan", str(DATA), "--format", fmt],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=300,
        )
        assert done.returncode in (0, 1), done.stderr
        outputs.append(done.stdout)
        outputs.append(done.stderr)
    report = json.loads(outputs[0])
    text = json.dumps(report)
    assert "member_card.id_card_no" in text and "pi.identity.resident_id" in text
    assert "public.patient.diagnosis" in text
    kept = [p.read_bytes().decode("utf-8", "replace") for p in tmp_path.rglob("*") if p.is_file()]
    for value in VALUES:
        for out in (*outputs, *kept):
            assert value not in out
