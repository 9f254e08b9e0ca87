"""CPU time of a sampled ``dataflow scan`` of ``examples/``, for one or more checkouts.

    python bench/bench_startup.py [--repeat N] [CHECKOUT ...]

Each checkout (default: this one) runs ``python -m dataflow scan examples/ --format json``
with ``PYTHONPATH`` set to it, in turn, ``--repeat`` rounds back to back so that the load of a
shared machine falls on all of them alike. Prints the median user + system CPU seconds of each
and whether every checkout wrote the same report bytes. Every child shares a bytecode cache and a
dataflow cache folder (``bench/out``), warmed by one untimed run each.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def run_once(code: Path, output: Path) -> float:
    """CPU seconds (user + system) of one sampled scan of ``code``'s examples."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        PYTHONPATH=str(code),
        PYTHONPYCACHEPREFIX=str(OUT / "pycache"),
        DATAFLOW_CACHE_DIR=str(OUT / "cache"),
    )
    args = [sys.executable, "-m", "dataflow", "scan", "examples/", "--format", "json"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([*args, "-o", str(output)], cwd=code, env=env, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs="*", type=Path, default=[HERE.parent])
    parser.add_argument("--repeat", type=int, default=5)
    opts = parser.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    codes = [c.resolve() for c in opts.checkouts]
    outputs = [OUT / f"startup-{i}.json" for i in range(len(codes))]
    times: list[list[float]] = [[] for _ in codes]
    for code, output in zip(codes, outputs, strict=True):
        run_once(code, output)  # warm the caches
    for _ in range(opts.repeat):
        for i, (code, output) in enumerate(zip(codes, outputs, strict=True)):
            times[i].append(run_once(code, output))
    for code, series in zip(codes, times, strict=True):
        print(f"{statistics.median(series):6.2f} s CPU (median of {len(series)})  {code}")
    reports = {o.read_bytes() for o in outputs}
    print("same report bytes" if len(reports) == 1 else "reports differ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
