"""The console script ends a local ``dataflow scan`` without the interpreter's teardown, once its
exit handlers have run: same report, same exit code, same output as a full exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES, REPO_ROOT

SCRIPT = """
import atexit, sys

class Loud:
    def __del__(self):
        sys.stderr.write("freed at teardown\\n")

kept = Loud()
atexit.register(lambda: sys.stderr.write("exit handler ran\\n"))
from dataflow import cli
sys.argv = ["dataflow", *sys.argv[1:]]
cli.{entry}()
"""


def _scan(entry: str, out: Path) -> subprocess.CompletedProcess[str]:
    args = ["scan", str(EXAMPLES / "schemas"), "--format", "json", "--output", str(out)]
    return subprocess.run(
        [sys.executable, "-c", SCRIPT.format(entry=entry), *args],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT), LANG="C.UTF-8"),
        check=False,
        timeout=300,
    )


def test_the_console_script_ends_a_scan_without_teardown_after_its_exit_handlers(
    tmp_path: Path,
) -> None:
    fast = _scan("run", tmp_path / "fast.json")  # the console script
    full = _scan("main", tmp_path / "full.json")  # a caller that keeps the process going
    assert fast.returncode == full.returncode
    assert fast.returncode in (0, 1), fast.stderr
    assert (tmp_path / "fast.json").read_bytes() == (tmp_path / "full.json").read_bytes()
    assert "exit handler ran" in fast.stderr and "exit handler ran" in full.stderr
    assert "freed at teardown" in full.stderr
    assert "freed at teardown" not in fast.stderr  # no teardown
    summary = [line for line in full.stderr.splitlines() if line.startswith("dataflow:")]
    assert summary and summary == [
        ln for ln in fast.stderr.splitlines() if ln.startswith("dataflow:")
    ]
