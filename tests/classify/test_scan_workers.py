"""Large schema-only scans classify in forked workers: same report, byte for byte, as one process;
small scans (the pre-commit hook's) never start a worker."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES

from dataflow import gcwork, scan_workers
from dataflow.catalog import Catalog
from dataflow.model import Dataset, ScanResult
from dataflow.report import render
from dataflow.report.json_report import dataset_part
from dataflow.scan import ScanOptions, scan_paths

needs_fork = pytest.mark.skipif(not scan_workers._can_fork(), reason="no fork on this platform")

TABLES = """CREATE TABLE member_{n} (
  member_id BIGINT PRIMARY KEY COMMENT '会员编号',
  real_name VARCHAR(32) COMMENT '姓名',
  mobile VARCHAR(20),
  id_card CHAR(18) COMMENT '身份证号'
);
CREATE TABLE visit_{n} (
  visit_id BIGINT PRIMARY KEY,
  member_id BIGINT COMMENT '会员',
  diagnosis VARCHAR(200) COMMENT '诊断结果',
  doctor VARCHAR(32),
  FOREIGN KEY (member_id) REFERENCES member_{n} (member_id)
);
CREATE TABLE shop_{n} (
  shop_id INT PRIMARY KEY,
  shop_phone VARCHAR(20) COMMENT '门店电话',
  address VARCHAR(200)
);
"""


def _repository(root: Path) -> Path:
    for n in range(12):
        (root / f"db{n % 3}").mkdir(exist_ok=True)
        (root / f"db{n % 3}" / f"tables_{n}.sql").write_text(TABLES.format(n=n), encoding="utf-8")
    shutil.copytree(EXAMPLES / "schemas", root / "examples")
    return root


@needs_fork
def test_workers_write_the_same_report_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repository(tmp_path)
    monkeypatch.setattr(scan_workers, "PARALLEL_MIN_DATASETS", 10)
    monkeypatch.setattr(scan_workers, "CHUNK", 4)
    monkeypatch.setattr(scan_workers, "WARM", 2)
    alone = scan_paths([repo], ScanOptions(content=False, jobs=1))
    shared = scan_paths([repo], ScanOptions(content=False, jobs=2))
    assert len(alone.datasets) > 3 * scan_workers.CHUNK
    assert any(f.personal for d in alone.datasets for f in d.findings)
    for fmt in ("json", "sarif", "markdown"):
        assert render(shared, fmt, "en") == render(alone, fmt, "en")


@needs_fork
def test_tasks_run_in_other_processes_and_come_back_in_order() -> None:
    count = 5 * scan_workers.CHUNK + 3
    assert scan_workers.map_in_order(lambda i: i * i, count, 2) == [i * i for i in range(count)]
    pids = scan_workers.map_in_order(lambda _i: os.getpid(), count, 2)
    warm = scan_workers.WARM
    assert pids[:warm] == [os.getpid()] * warm  # warms the caches
    assert os.getpid() not in pids[warm:]


def test_the_workers_tasks_cover_every_dataset_once_in_order_with_a_finer_tail() -> None:
    chunk = scan_workers.CHUNK
    for start, count, processes in [(25, 10_000, 2), (25, 600, 2), (3, 2 * chunk, 3), (25, 30, 2)]:
        bounds = scan_workers.chunk_bounds(start, count, processes)
        covered = [i for low, high in bounds for i in range(low, high)]
        assert covered == list(range(start, count))
        assert all(high > low for low, high in bounds)
        assert max(high - low for low, high in bounds) <= chunk
    bounds = scan_workers.chunk_bounds(25, 10_000, 2)
    tail = [high - low for low, high in bounds if low >= 10_000 - 2 * chunk]
    assert len(tail) == 2 * scan_workers.TAIL_SPLIT
    assert max(tail) < chunk  # no worker is left alone with a whole chunk at the end


@needs_fork
def test_the_parent_collects_nothing_while_results_arrive_and_restores_the_collector() -> None:
    import gc

    assert gc.isenabled()
    count = 3 * scan_workers.CHUNK
    states = []
    for _ in scan_workers.in_order(lambda i: i, count, 2):
        states.append(gc.isenabled())
    assert gc.isenabled()
    warm = scan_workers.WARM
    assert states[:warm] == [True] * warm
    assert not any(states[warm:])  # the consumer runs while the results arrive
    workers = scan_workers.map_in_order(lambda _i: gc.isenabled(), count, 2)
    assert all(workers)  # the workers collect as usual


def test_small_scans_and_one_job_stay_in_one_process() -> None:
    least = scan_workers.PARALLEL_MIN_DATASETS
    assert scan_workers.processes_for(least - 1, None) == 1
    assert scan_workers.processes_for(least - 1, 4) == 1
    assert scan_workers.processes_for(least, 1) == 1
    if scan_workers._can_fork():
        assert scan_workers.processes_for(least, 3) == 3


@needs_fork
def test_workers_collect_young_objects_less_often_and_set_chunks_apart() -> None:
    import gc

    count = 3 * scan_workers.CHUNK
    seen = scan_workers.map_in_order(
        lambda _i: (gc.get_threshold()[0], gc.get_freeze_count()), count, 2
    )
    parent = (gc.get_threshold()[0], gc.get_freeze_count())
    assert seen[: scan_workers.WARM] == [parent] * scan_workers.WARM
    workers = seen[scan_workers.WARM :]
    assert {threshold for threshold, _ in workers} == {gcwork.WORK_THRESHOLDS[0]}
    assert all(frozen > 0 for _, frozen in workers)


def test_a_large_scan_raises_the_thresholds_and_restores_them() -> None:
    import gc

    before = gc.get_threshold()
    with scan_workers.fewer_collections(scan_workers.PARALLEL_MIN_DATASETS - 1):
        assert gc.get_threshold() == before
    with scan_workers.fewer_collections(scan_workers.PARALLEL_MIN_DATASETS):
        assert gc.get_threshold() == gcwork.WORK_THRESHOLDS
    assert gc.get_threshold() == before


@needs_fork
def test_workers_write_each_datasets_part_of_the_json_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repository(tmp_path)
    monkeypatch.setattr(scan_workers, "PARALLEL_MIN_DATASETS", 10)
    monkeypatch.setattr(scan_workers, "CHUNK", 4)
    monkeypatch.setattr(scan_workers, "WARM", 2)
    alone = scan_paths([repo], ScanOptions(content=False, jobs=1), prepare=dataset_part)
    shared = scan_paths([repo], ScanOptions(content=False, jobs=2), prepare=dataset_part)
    assert alone.prepared == ()  # one process writes the report from the results
    assert {id(d) for d, _part in shared.prepared} == {id(d) for d in shared.datasets}
    assert render(shared, "json", "en") == render(alone, "json", "en")
    # the parts only serve the JSON report; the other formats read the results
    assert render(shared, "markdown", "en") == render(alone, "markdown", "en")


@needs_fork
def test_a_dataset_replaced_after_the_scan_is_written_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repository(tmp_path)
    monkeypatch.setattr(scan_workers, "PARALLEL_MIN_DATASETS", 10)
    monkeypatch.setattr(scan_workers, "CHUNK", 4)
    monkeypatch.setattr(scan_workers, "WARM", 2)
    alone = scan_paths([repo], ScanOptions(content=False, jobs=1))
    shared = scan_paths([repo], ScanOptions(content=False, jobs=2), prepare=dataset_part)

    def changed(result: ScanResult) -> ScanResult:
        datasets = [*result.datasets]
        datasets[-1] = dataclasses.replace(datasets[-1], sampled=True, rows_scanned=7)
        return dataclasses.replace(result, datasets=tuple(datasets))

    text = render(changed(shared), "json", "en")
    assert text == render(changed(alone), "json", "en")
    assert text != render(alone, "json", "en")
    assert '"rows_scanned": 7' in text


@needs_fork
def test_the_command_writes_the_same_json_with_workers_and_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from dataflow.cli import app
    from dataflow.commands import scan as command

    (tmp_path / "repo").mkdir()
    repo = _repository(tmp_path / "repo")
    monkeypatch.setattr(scan_workers, "PARALLEL_MIN_DATASETS", 10)
    monkeypatch.setattr(scan_workers, "CHUNK", 4)
    monkeypatch.setattr(scan_workers, "WARM", 2)
    scanned: list[ScanResult] = []

    def scan_and_keep(*args: object, **kwargs: object) -> ScanResult:
        scanned.append(scan_paths(*args, **kwargs))  # type: ignore[arg-type]
        return scanned[-1]

    monkeypatch.setattr(command, "scan_paths", scan_and_keep)
    reports = []
    for jobs in ("1", "2"):
        out = tmp_path / f"report_{jobs}.json"
        args = ["scan", str(repo), "--format", "json", "--output", str(out), "--jobs", jobs]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        reports.append(out.read_bytes())
    assert reports[0] == reports[1]
    assert b'"personal": true' in reports[0]
    assert not scanned[0].prepared and scanned[1].prepared  # the workers wrote the parts


def test_only_the_json_report_without_negative_lists_has_parts_written_ahead() -> None:
    from dataflow.commands.scan import _report_part
    from dataflow.config import Settings

    settings = Settings()
    assert _report_part("json", settings) is dataset_part
    assert _report_part("sarif", settings) is None
    listed = dataclasses.replace(settings, negative_lists=(Path("list.yaml"),))
    assert _report_part("json", listed) is None


# Columns behind a one-letter marker: the table is read in a copy without it.
ROSTER = """CREATE TABLE ry_mas ( FZGH char(20), FXM char(20), Fxb char(2), Fsfzh char(18),
  Fcsrq datetime, Fxl char(20), FYDDH char(20) );
"""


@needs_fork
def test_reading_workers_work_out_the_readable_copies_the_parent_uses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataflow.detect.metadata import prefix

    repo = _repository(tmp_path)
    (repo / "hr.sql").write_text(ROSTER, encoding="utf-8")
    monkeypatch.setattr(scan_workers, "PARALLEL_MIN_DATASETS", 10)
    monkeypatch.setattr(scan_workers, "CHUNK", 4)
    monkeypatch.setattr(scan_workers, "WARM", 2)
    alone = scan_paths([repo], ScanOptions(content=False, jobs=1))
    parent, worked, work = os.getpid(), [], prefix._readable

    def counted(ds: Dataset, catalog: Catalog) -> Dataset:
        if os.getpid() == parent:
            worked.append(ds.name)
        return work(ds, catalog)

    monkeypatch.setattr(prefix, "_readable", counted)
    shared = scan_paths([repo], ScanOptions(content=False, jobs=2))
    assert render(shared, "json", "en") == render(alone, "json", "en")
    roster = next(d for d in shared.datasets if d.dataset.name == "ry_mas")
    assert any(f.field.name == "Fsfzh" and f.sensitive for f in roster.findings)
    # the parent worked out only the copies of the files it read before forking
    assert 0 < len(worked) < len(alone.datasets) / 4
    assert not prefix._REMEMBERED  # nothing is kept after the scan
