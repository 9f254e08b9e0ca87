"""A full scan's workers never outlive their parent: SIGTERM stops them (exit 143), and a
SIGKILLed parent takes them along. Real processes, watched through /proc."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="watches processes through /proc"
)

# A scan that never ends on its own: batches of mobile numbers, forever, over two workers.
_ENDLESS_SCAN = """
import itertools, sys
from dataflow.detect.fast import FastMatcher
from dataflow.detect.full import scan_batches
from dataflow.detect.recognizers import load_recognizers

matcher = FastMatcher(list(load_recognizers()))

def batches():
    for i in itertools.count():
        yield {"/phone": [f"138{(i * 2000 + j) % 10**8:08d}" for j in range(2000)]}

try:
    scan_batches(batches(), matcher=matcher, processes=2)
except KeyboardInterrupt as exc:  # full.Interrupted
    sys.exit(128 + getattr(exc, "signum", 2))
"""


def _alive_children(parent: int) -> set[int]:
    """Processes whose parent is ``parent`` and that are not zombies."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == parent and state != "Z":
            found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _wait_for(predicate: object, limit: float) -> bool:
    """Poll ``predicate`` until it holds or ``limit`` seconds have passed."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return bool(predicate())  # type: ignore[operator]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_no_worker_outlives_a_signalled_parent(sig: signal.Signals) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", _ENDLESS_SCAN],
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    workers: set[int] = set()
    try:
        assert _wait_for(
            lambda: proc.poll() is not None or len(_alive_children(proc.pid)) >= 2, 300
        ), "the workers never started"
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        workers = _alive_children(proc.pid)
        time.sleep(0.5)  # let them take tasks
        os.kill(proc.pid, sig)
        code = proc.wait(timeout=120)
        assert _wait_for(lambda: not any(_alive(w) for w in workers), 60), "workers left"
        assert code == (128 + signal.SIGTERM if sig == signal.SIGTERM else -signal.SIGKILL)
    finally:
        for pid in [proc.pid, *workers]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        proc.wait()


def test_the_cli_exits_with_128_plus_the_signal() -> None:
    from dataflow.commands._common import guarded
    from dataflow.detect.pool import Interrupted

    def scan(signum: int) -> None:
        raise Interrupted(signum)

    for signum, code in ((signal.SIGTERM, 143), (signal.SIGINT, 130)):
        with pytest.raises(SystemExit) as caught:
            guarded(scan)(int(signum))
        assert caught.value.code == code
