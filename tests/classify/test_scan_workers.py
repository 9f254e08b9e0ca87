"""Large schema-only scans classify in forked workers: same report, byte for byte, as one process;
small scans (the pre-commit hook's) never start a worker."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES

from dataflow import gcwork, scan_workers
from dataflow.report import render
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
    assert pids[: scan_workers.CHUNK] == [os.getpid()] * scan_workers.CHUNK  # warms the caches
    assert os.getpid() not in pids[scan_workers.CHUNK :]


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
    assert seen[: scan_workers.CHUNK] == [parent] * scan_workers.CHUNK
    workers = seen[scan_workers.CHUNK :]
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
