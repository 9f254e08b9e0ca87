"""``bench_targets.py --code DIR`` runs the dataflow in DIR, also when the benchmark is started
from another checkout (whose folder ``python -c`` puts first on the path)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(_ROOT / "bench"))

import bench_targets  # noqa: E402


def test_the_code_named_is_run_whatever_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other_checkout"
    (other / "dataflow").mkdir(parents=True)
    (other / "dataflow" / "__init__.py").write_text("raise SystemExit(42)\n", encoding="utf-8")
    monkeypatch.setenv("DATAFLOW_BENCH_CODE", str(_ROOT))
    env = {**os.environ, "PYTHONPATH": str(_ROOT)}
    cmd = [*bench_targets._dataflow_command(), "--help"]
    proc = subprocess.run(cmd, cwd=other, env=env, capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-300:]
    # without --code the working folder's dataflow is what Python imports first
    monkeypatch.delenv("DATAFLOW_BENCH_CODE")
    cmd = [*bench_targets._dataflow_command(), "--help"]
    assert subprocess.run(cmd, cwd=other, env=env, capture_output=True).returncode == 42
