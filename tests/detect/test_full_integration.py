"""``scan_full`` end to end: the project's readers, recognizers and column tallies."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from dataflow.detect.full import FullScanOptions, scan_full
from dataflow.model import Dataset, Field


def _mobiles(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        f"{rng.choice(['138', '139', '186', '150'])}{rng.randint(0, 99_999_999):08d}"
        for _ in range(n)
    ]


def _noise(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.choice(['已支付', '退款', 'paid'])}-{rng.randint(1, 30)}" for _ in range(n)]


@pytest.fixture(scope="module")
def recognizers() -> list[object]:
    from dataflow.detect.recognizers import load_recognizers

    return list(load_recognizers())


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "hs-cache"))


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_scan_full_finds_the_mobile_column(
    tmp_path: Path, recognizers: list[object], fmt: str
) -> None:
    rows = 1_500
    phones, noise = _mobiles(rows, 1), _noise(rows, 2)
    path = tmp_path / f"customers.{fmt}"
    if fmt == "csv":
        lines = ["phone,status"] + [f"{p},{s}" for p, s in zip(phones, noise, strict=True)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        path.write_text(
            "".join(
                json.dumps({"phone": p, "status": s}, ensure_ascii=False) + "\n"
                for p, s in zip(phones, noise, strict=True)
            ),
            encoding="utf-8",
        )
    dataset = Dataset(
        name="shop.customers",
        source_path="schema.sql",
        source_format="sql",
        fields=(
            Field(name="phone", pointer="shop.customers.phone"),
            Field(name="status", pointer="shop.customers.status"),
        ),
    )
    options = FullScanOptions(processes=1, batch_rows=400, recognizers=recognizers)
    verdicts, read = scan_full(path, dataset, options)
    assert read == rows
    assert set(verdicts) == {"shop.customers.phone", "shop.customers.status"}
    phone = verdicts["shop.customers.phone"]
    assert (phone.kind, phone.entity) == ("column", "CN_MOBILE")
    assert phone.match_rate == 1.0
    assert verdicts["shop.customers.status"].kind == "none"
    text = repr(verdicts)
    assert not any(p in text for p in phones)  # masked examples only


def test_scan_full_in_two_processes_equals_one(tmp_path: Path, recognizers: list[object]) -> None:
    rows = 1_200
    path = tmp_path / "t.csv"
    phones, noise = _mobiles(rows, 3), _noise(rows, 4)
    mixed = [p if i % 3 else f"备注 {p}" for i, p in enumerate(_mobiles(rows, 5))]
    lines = ["a,b,c"] + [f"{x},{y},{z}" for x, y, z in zip(phones, noise, mixed, strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = scan_full(
        path, None, FullScanOptions(processes=1, batch_rows=250, recognizers=recognizers)
    )
    two = scan_full(
        path, None, FullScanOptions(processes=2, batch_rows=250, recognizers=recognizers)
    )
    assert one == two
    assert one[1] == rows


def test_jobs_option_sets_the_full_scan_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``scan --full --jobs N`` (or ``jobs:`` in the configuration) runs N workers, with the
    report of one; 0 is refused with exit 2."""
    from typer.testing import CliRunner

    from dataflow.cli import app
    from dataflow.detect import full

    rows = 900
    path = tmp_path / "t.csv"
    lines = ["phone,status"] + [
        f"{p},{s}" for p, s in zip(_mobiles(rows, 7), _noise(rows, 8), strict=True)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()  # no configuration above this folder
    monkeypatch.chdir(tmp_path)
    used: list[int] = []
    real = full.scan_batches

    def spy(*args: object, processes: int = 1, **kwargs: object) -> object:
        used.append(processes)
        return real(*args, processes=processes, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(full, "scan_batches", spy)
    reports = {}
    for extra in ([], ["--jobs", "2"], ["-j", "3"]):
        result = CliRunner().invoke(app, ["scan", "t.csv", "--full", "--format", "json", *extra])
        assert result.exit_code == 0, result.stderr
        reports[tuple(extra)] = result.stdout
    assert used == [1, 2, 3]  # a small file: one process unless told otherwise
    assert len(set(reports.values())) == 1
    (tmp_path / "dataflow.yaml").write_text("jobs: 2\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["scan", "t.csv", "--full", "--format", "json"])
    assert result.exit_code == 0 and used[-1] == 2 and result.stdout == reports[()]
    result = CliRunner().invoke(app, ["scan", "t.csv", "--full", "--jobs", "0"])
    assert result.exit_code == 2 and "--jobs" in result.stderr
    (tmp_path / "dataflow.yaml").write_text("jobs: 0\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["scan", "t.csv", "--full"])
    assert result.exit_code == 2 and "jobs" in result.stderr


def test_worker_tasks_carry_the_values_read_unchanged(tmp_path: Path) -> None:
    """A column batch reaches a worker as the reader gave it: plain text columns travel as
    one joined text (with the positions of their nulls), columns holding a line break as a
    list; either way the worker gets equal values, nulls and order."""
    import pickle

    from dataflow.detect.pool import pack_task, unpack_task
    from dataflow.readers import iter_batches

    rng = random.Random(11)
    path = tmp_path / "t.csv"
    rows = []
    for i in range(300):
        phone = _mobiles(1, i)[0]
        note = f'"第{i}行\n{phone}"' if i % 50 == 7 else f"备注 {i}"
        blank = "" if i % 9 == 0 else f"  {rng.choice(['x', 'ä', '张三'])}{i} "
        rows.append(f"{phone},{note},{blank}")
    path.write_text("id,note,maybe\n" + "\n".join(rows) + "\n", encoding="utf-8")
    seen = {"joined": 0, "list": 0}
    for batch in iter_batches(path, batch_rows=64):
        for pointer, values in batch.items():
            payload = pack_task(3, pointer, values)
            assert unpack_task(payload) == (3, pointer, list(values))
            form = "joined" if len(pickle.loads(payload)) == 4 else "list"
            seen[form] += 1
            assert (form == "list") == any(v is not None and "\n" in v for v in values)
    assert seen["joined"] and seen["list"]
    assert unpack_task(pack_task(0, "p", [])) == (0, "p", [])
    assert unpack_task(pack_task(1, "p", [None, None])) == (1, "p", [None, None])
    assert unpack_task(pack_task(2, "p", ["", None, ""])) == (2, "p", ["", None, ""])


def test_two_processes_equal_one_on_nulls_and_line_breaks(
    tmp_path: Path, recognizers: list[object]
) -> None:
    """Columns with nulls and values spanning lines (sent to the workers in both forms) give
    the verdicts of one process."""
    rows = 900
    path = tmp_path / "t.csv"
    phones, others = _mobiles(rows, 13), _mobiles(rows, 14)
    lines = ["a,b,c"]
    for i, (p, q) in enumerate(zip(phones, others, strict=True)):
        b = f'"电话\n{q}"' if i % 40 == 1 else ("" if i % 6 == 0 else q)
        lines.append(f"{'' if i % 11 == 0 else p},{b},{_noise(1, i)[0]}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = scan_full(
        path, None, FullScanOptions(processes=1, batch_rows=200, recognizers=recognizers)
    )
    two = scan_full(
        path, None, FullScanOptions(processes=2, batch_rows=200, recognizers=recognizers)
    )
    assert one == two
    assert one[1] == rows
    assert one[0]["t.a"].entity == "CN_MOBILE"
