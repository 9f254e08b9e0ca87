"""Same input, byte-identical output: across runs and across ``PYTHONHASHSEED`` values.

Each run is a fresh interpreter (``python -m dataflow``) so that set and dict iteration orders
that depend on string hashing get a real chance to differ.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO_ROOT

SEEDS = ("0", "1", "4242")


def _run(args: list[str], seed: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONHASHSEED=seed, NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "dataflow", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=600,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "sarif", "markdown"])
def test_scan_output_identical_across_hash_seeds(fmt: str) -> None:
    outputs = []
    for seed in SEEDS:
        proc = _run(["scan", "examples", "--format", fmt], seed, REPO_ROOT)
        assert proc.returncode in (0, 1), proc.stderr.decode("utf-8", "replace")
        outputs.append(proc.stdout)
    assert outputs[0], "empty report"
    assert all(o == outputs[0] for o in outputs[1:])


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "sarif", "markdown"])
def test_assess_output_identical_across_hash_seeds(fmt: str, tmp_path: Path) -> None:
    manifests = sorted((EXAMPLES / "transfers").glob("*.yaml"))
    assert manifests, "examples/transfers has no manifest"
    outputs = []
    for seed in SEEDS:
        proc = _run(
            ["assess", *map(str, manifests), "--format", fmt, "--ledger", str(tmp_path / "l.db")],
            seed,
            REPO_ROOT,
        )
        assert proc.returncode in (0, 1), proc.stderr.decode("utf-8", "replace")
        outputs.append(proc.stdout)
    assert outputs[0]
    assert all(o == outputs[0] for o in outputs[1:])
