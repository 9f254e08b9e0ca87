"""A CSV stream given up before its end lets the interpreter exit cleanly.

pyarrow reads the file on threads of its own, and those threads call back into dataflow's
file object (which holds them a couple of blocks ahead of the batches taken). Each case below
runs in a fresh interpreter over a real 20 MB file, gives the stream up one way or another,
exits, and must end with return code 0 and nothing on stderr (no crash report, no value).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO_ROOT

ROWS = 340_000  # over 20 MB: many pyarrow blocks
SECRET = "13912345678"  # a value of every row's mobile column: must never reach stderr


def _write(path: Path, rows: int, ragged_at: int = -1) -> Path:
    """People with a mobile and an e-mail; row ``ragged_at`` has two cells too many."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id,name,mobile,email,note\n")
        for i in range(rows):
            extra = ",cell,cell" if i == ragged_at else ""
            handle.write(f'{i},张{i % 97},{SECRET},u{i}@example.com,"free text, {i}"{extra}\n')
    return path


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = _write(tmp_path_factory.mktemp("abandon") / "people.csv", ROWS)
    assert path.stat().st_size > 20_000_000
    return path


def _run(code: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


# Each body starts with ``it`` a stream over the file, one batch taken, and pyarrow's reading
# thread given time to run up to its limit and wait there.
_PRELUDE = """\
import gc, os, signal, sys, time
from pathlib import Path
from dataflow.readers import iter_batches
it = iter_batches(Path(sys.argv[1]), batch_rows=1000)
first = next(it)
time.sleep(0.5)
"""

ABANDONED = {
    # kept until the interpreter exits
    "after one batch": "",
    "closed explicitly": "it.close()\n",
    "garbage-collected": "del it, first\ngc.collect()\n",
    "garbage-collected in a cycle": "box = [it]\nbox.append(box)\ndel it, box\ngc.collect()\n",
    "left in a cycle until exit": "box = [it]\nbox.append(box)\ndel it, box\n",
    "KeyboardInterrupt inside the loop": (
        # Python's own SIGINT handler, also where the test runs in a background job, which
        # starts its children with SIGINT ignored
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "try:\n"
        "    for batch in it:\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "        time.sleep(5)\n"
        "except KeyboardInterrupt:\n"
        "    pass\n"
    ),
    "exception in the consumer": (
        "try:\n"
        "    for batch in it:\n"
        "        raise ValueError('the consumer failed')\n"
        "except ValueError:\n"
        "    pass\n"
    ),
    "exception in a function that holds the stream": (
        "def consume(stream):\n"
        "    for batch in stream:\n"
        "        raise ValueError('the consumer failed')\n"
        "try:\n"
        "    consume(it)\n"
        "except ValueError as exc:\n"
        "    kept = exc  # its traceback holds the function's frame until exit\n"
    ),
}


@pytest.mark.parametrize("how", list(ABANDONED))
def test_an_abandoned_stream_lets_the_interpreter_exit(big_csv: Path, how: str) -> None:
    proc = _run(_PRELUDE + ABANDONED[how], str(big_csv))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stderr == ""


def test_an_exception_leaving_the_program_exits_with_1_and_no_value(big_csv: Path) -> None:
    proc = _run(
        _PRELUDE + "for batch in it:\n    raise ValueError('the consumer failed')\n", str(big_csv)
    )
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert proc.stderr.rstrip().endswith("ValueError: the consumer failed")
    assert SECRET not in proc.stderr


def test_reading_to_the_end_still_gives_every_row(big_csv: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from dataflow.readers import iter_batches\n"
        "print(sum(len(b['people.id']) for b in iter_batches(Path(sys.argv[1]))))\n"
    )
    proc = _run(code, str(big_csv))
    assert (proc.returncode, proc.stderr, proc.stdout.strip()) == (0, "", str(ROWS))


# --- the scans that stop reading a file early -------------------------------------------------


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return _run("from dataflow.cli import run\nrun()\n", *args, cwd=cwd)


def test_a_sampled_scan_that_stops_early_exits_cleanly(big_csv: Path, tmp_path: Path) -> None:
    proc = _cli("scan", str(big_csv), "--sample-rows", "5000", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stderr.startswith("dataflow: 1 file(s)"), proc.stderr[-2000:]
    assert SECRET not in proc.stderr + proc.stdout


def test_a_full_scan_of_a_file_ragged_midway_exits_cleanly(tmp_path: Path) -> None:
    """pyarrow gives up at a ragged row in the middle; the slow path reads the rest."""
    path = _write(tmp_path / "ragged.csv", 120_000, ragged_at=60_000)
    proc = _cli("scan", str(path), "--full", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    warning, summary = proc.stderr.splitlines()
    assert warning.endswith(
        "ragged.csv:60002: 1 rows have more fields than the header; extra fields ignored"
    )
    assert summary.startswith("dataflow: 1 file(s)")
    assert SECRET not in proc.stderr + proc.stdout
