"""Every performance target of dataflow, measured as a ratio in one run.

    python bench/bench_targets.py [--repeat N] [--rows N] [--big-mb MB] [--big-repeat N]
                                  [--repos 1000,5000,10000] [--skip-content] [--skip-big]
                                  [--skip-repos] [--code DIR]

Prints the machine (CPU, cores, memory, load), the versions of Python and of the libraries, then:

1. ``dataflow check`` on one DDL file against ``python -c pass`` (the pre-commit hook's start),
   alternated back to back, medians of wall and CPU time (target: at most 15x), and where its
   CPU time goes (sqlglot with the importlib.metadata it imports, PyYAML, dataflow's modules,
   the check itself);
2. the hook's command on a commit of 20 DDL files (target: under 1 s);
3. ``scan --full`` of bench_content.py's table against reading the same file with the reader
   the scan uses (target: within 8x) and with Python's csv module, and against per-value
   Presidio (target: at least 500x), with the per-column counts compared;
4. the peak PSS of the full scan's parent and workers together on a large CSV (target: under
   300 MB; the size is ``--big-mb``, 1 GB in the issue, smaller by default to fit a short run;
   ``--big-repeat N`` scans it N times and takes the median peak);
5. ``dataflow scan`` of generated schema repositories (``--repos``, default 1k/5k/10k tables):
   seconds, milliseconds per table, and how far from linear (target: 10k under 10 s).

Timings on a shared machine are noisy: every figure is the median of ``--repeat`` runs made
back to back with what it is compared with, and CPU time is shown beside wall time. Children run
with a bytecode cache in ``bench/out/pycache`` (an installed package has its ``.pyc`` files; a
checkout run with ``PYTHONDONTWRITEBYTECODE`` would compile every module at every start) and a
catalog cache of their own in ``bench/out/cache``, warmed before timing. ``--code DIR`` measures
the dataflow checkout in DIR with the same benchmark (the "before" column of the README).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
TARGETS: list[tuple[str, str, str, bool | None]] = []  # (what, measured, target, met)


def _environment(code: Path | None) -> None:
    """What every child process inherits: bytecode and catalog caches, the code measured."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")
    os.environ["DATAFLOW_CACHE_DIR"] = str(OUT / "cache")
    if code is not None:
        os.environ["DATAFLOW_BENCH_CODE"] = str(code)
        os.environ["PYTHONPATH"] = str(code)


def _dataflow_command() -> list[str]:
    """What the console script runs (``dataflow.cli.run``, ``main`` in older versions), in
    the code measured (``--code``) or the installed one. ``python -c`` puts the working folder
    first on its path: run from a checkout, it would import that checkout's dataflow instead of
    the one ``--code`` names, so the code measured goes in front of it."""
    entry = "import sys, dataflow.cli as c; sys.exit(getattr(c, 'run', c.main)())"
    code = os.environ.get("DATAFLOW_BENCH_CODE")
    if code:
        entry = f"import sys; sys.path.insert(0, {code!r}); {entry}"
    return [sys.executable, "-c", entry]


def _run(cmd: Sequence[str], cwd: Path | None = None) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system of the child and its children), exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(list(cmd), cwd=cwd, capture_output=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        tail = (proc.stderr.decode(errors="replace").strip().splitlines() or ["?"])[-1]
        raise RuntimeError(f"{' '.join(cmd[-3:])}: exit {proc.returncode}: {tail}")
    return wall, cpu, proc.returncode


def _median(values: Sequence[float]) -> float:
    return statistics.median(values)


def _target(what: str, measured: str, target: str, met: bool | None) -> None:
    TARGETS.append((what, measured, target, met))


# --- machine ---------------------------------------------------------------------------------


def machine() -> None:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(
            int(line.split()[1]) // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        mem = 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"machine: {cpu}, {os.cpu_count()} CPUs ({usable} usable), {mem:,} MB memory")
    print(f"system: {platform.system()} {platform.release()}; load average {_load()}")
    print(f"python: {sys.version.split()[0]} ({sys.executable})")
    from importlib.metadata import PackageNotFoundError, version

    names = ("sqlglot", "pyarrow", "numpy", "hyperscan", "presidio-analyzer", "typer", "PyYAML")
    found = []
    for name in names:
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} -")
    print("libraries: " + ", ".join(found))
    code = os.environ.get("DATAFLOW_BENCH_CODE") or str(HERE.parent)
    head = subprocess.run(
        ["git", "-C", code, "log", "-1", "--format=%h %s"], capture_output=True, text=True
    ).stdout.strip()
    print(f"dataflow code measured: {code} ({head[:72]})")


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


# --- 1 and 2: the pre-commit hook ------------------------------------------------------------


def hook(repeat: int) -> None:
    import bench_content

    folder = OUT / "hook"
    if folder.exists():
        shutil.rmtree(folder)
    one = folder / "one"
    many = folder / "twenty"
    one.mkdir(parents=True)
    many.mkdir(parents=True)
    (one / "customer.sql").write_text(bench_content.DDL.format(n=1), encoding="utf-8")
    for n in range(20):
        (many / f"table_{n:02d}.sql").write_text(bench_content.DDL.format(n=n), encoding="utf-8")
    files = sorted(p.name for p in many.glob("*.sql"))
    dataflow = _dataflow_command()
    # The hook's steady state for one file: its findings accepted in the baseline (exit 0).
    _run([*dataflow, "baseline", "update", "--reason", "bench"], cwd=one)
    check_one = [*dataflow, "check", "--", "customer.sql"]
    check_many = [*dataflow, "check", "--", *files]  # 20 new tables: every finding refused
    passed = [sys.executable, "-c", "pass"]
    for cmd, cwd in ((check_one, one), (check_many, many), (passed, None)):
        _run(cmd, cwd)  # warm: bytecode and catalog caches, disk cache of the files
    base: list[tuple[float, float]] = []
    first: list[tuple[float, float]] = []
    twenty: list[tuple[float, float]] = []
    codes = set()
    for _ in range(repeat):
        wall, cpu, _code = _run(passed)
        base.append((wall, cpu))
        wall, cpu, code = _run(check_one, one)
        first.append((wall, cpu))
        codes.add(("one", code))
        wall, cpu, code = _run(check_many, many)
        twenty.append((wall, cpu))
        codes.add(("twenty", code))
    pw, pc = _median([w for w, _ in base]), _median([c for _, c in base])
    cw, cc = _median([w for w, _ in first]), _median([c for _, c in first])
    tw, tc = _median([w for w, _ in twenty]), _median([c for _, c in twenty])
    print(f"\n[1] cold start, median of {repeat} alternated runs (the console script's entry)")
    print(f"    python -c pass:                  wall {pw * 1000:6.0f} ms, CPU {pc * 1000:6.0f} ms")
    print(
        f"    dataflow check (1 DDL, baseline): wall {cw * 1000:6.0f} ms, CPU {cc * 1000:6.0f} ms"
        f"  -> {cw / pw:.1f}x wall, {cc / pc:.1f}x CPU"
    )
    _breakdown(one, check_one, repeat)
    print(
        f"[2] hook on a commit of 20 DDL files (every finding new, exit {dict(codes)['twenty']}): "
        f"wall {tw:.2f} s, CPU {tc:.2f} s"
    )
    _target(
        "check cold start / python -c pass",
        f"{cw / pw:.1f}x wall, {cc / pc:.1f}x CPU",
        "<= 15x",
        cw / pw <= 15,
    )
    _target("hook, commit of 20 DDL files", f"{tw:.2f} s", "< 1 s", tw < 1)


# Run in a fresh interpreter: the CPU time of each part of a plain ``dataflow check``, imported
# in this order so that a module shared by two parts counts for the first.
_PARTS = """
import contextlib, gc, io, json, sys, time
gc.disable()  # as check_core.run_fast does while the modules load
modules = json.loads(sys.argv[1])
parts = {}
def part(name, names):
    started = time.process_time()
    for module in names:
        __import__(module)
    parts[name] = time.process_time() - started
part("importlib.metadata (imported by sqlglot)", [m for m in modules if m == "importlib.metadata"])
part("sqlglot", [m for m in modules if m.split(".")[0] == "sqlglot"])
part("PyYAML", [m for m in modules if m.split(".")[0] == "yaml"])
part("dataflow's modules (and the standard modules they use)", modules)
from dataflow.commands.check_core import run_fast
started = time.process_time()
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    run_fast(sys.argv[2:])
parts["the check itself (catalog, reading, keyword index, subject rules, baseline)"] = (
    time.process_time() - started
)
print(json.dumps(parts))
"""

_LIST_MODULES = """
import contextlib, io, json, sys
from dataflow.commands.check_core import run_fast
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    run_fast(sys.argv[1:])
print(json.dumps(sorted(sys.modules)))
"""


def _breakdown(cwd: Path, check: Sequence[str], repeat: int) -> None:
    """Where the CPU time of ``dataflow check`` on one file goes, medians of ``repeat`` runs."""
    import json

    argv = list(check[check.index("check") :])
    try:
        listed = subprocess.run(
            [sys.executable, "-c", _LIST_MODULES, *argv], cwd=cwd, capture_output=True, text=True
        )
        loaded = json.loads(listed.stdout.strip().splitlines()[-1])
        modules = [
            m
            for m in loaded
            if m.split(".")[0] in ("dataflow", "sqlglot", "yaml") or m == "importlib.metadata"
        ]
        runs = []
        for _ in range(repeat):
            out = subprocess.run(
                [sys.executable, "-c", _PARTS, json.dumps(modules), *argv],
                cwd=cwd,
                capture_output=True,
                text=True,
            )
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    except (ValueError, IndexError) as exc:
        print(f"    where the CPU time goes: skipped ({type(exc).__name__})")
        return
    print(f"    where its CPU time goes (median of {repeat}; interpreter start not included):")
    for name in runs[0]:
        print(f"      {_median([r[name] for r in runs]) * 1000:6.1f} ms  {name}")


# --- 3 and 4: full scans ---------------------------------------------------------------------


def content(rows: int, naive_rows: int, repeat: int) -> None:
    import bench_content as bc

    path = bc.write_table(bc.table_path(rows), rows)
    size_mb = path.stat().st_size / 1e6
    cells = rows * len(bc.COLUMNS)
    print(f"\n[3] table {path.name}: {rows:,} rows x {len(bc.COLUMNS)} columns, {size_mb:.1f} MB")
    compiled = bc.run_child(["--_child", "compile"])
    if "error" in compiled:
        print(f"    skipped: the matcher could not be built ({compiled['error']})")
        return
    full: list[dict[str, Any]] = []
    read: list[float] = []
    csvm: list[float] = []
    naive: list[float] = []
    subset = bc.read_columns(path, naive_rows)
    counts: dict[str, Counter[str]] = {}
    for _ in range(repeat):
        r = bc.run_child(["--_child", "read", str(path)])
        f = bc.run_child(["--_child", "full", str(path), "--processes", "0"])
        c = bc.run_child(["--_child", "csv", str(path)])
        for result in (r, f, c):
            if "error" in result:
                print(f"    skipped: {result['error']}")
                return
        read.append(r["seconds"])
        full.append(f)
        csvm.append(c["seconds"])
        seconds, values, counts = bc.naive(subset)
        naive.append(seconds / values)
    b = _median([f["seconds"] for f in full])
    start = _median([f["start_seconds"] for f in full])
    a_rate = 1 / _median(naive)
    b_rate = cells / b
    pss = max(f.get("pss_peak_mb", 0) for f in full)
    print(f"    median of {repeat}, alternated: read, full scan, csv module, Presidio")
    print(f"    (a) Presidio, one analyze per value ({naive_rows:,} rows): {a_rate:,.0f} values/s")
    print(
        f"    (b) dataflow --full (read + match + tally): {b:.2f} s = {b_rate:,.0f} values/s, "
        f"peak PSS parent + workers {pss:.0f} MB; start before the clock {start:.2f} s"
    )
    print(f"    (c) the reader the scan uses, no detection: {_median(read):.2f} s")
    print(f"    (d) Python's csv module, no detection: {_median(csvm):.2f} s")
    print(
        f"    b/c = {b / _median(read):.1f}x, b/d = {b / _median(csvm):.1f}x, "
        f"b vs a = {b_rate / a_rate:,.0f}x ({cells / (b + start) / a_rate:,.0f}x with the start)"
    )
    fast = bc.fast_counts(subset)
    wrong = [
        (col, ent)
        for col in bc.COLUMNS
        for ent in set(counts[col]) | set(fast[col])
        if counts[col][ent] != fast[col][ent]
    ]
    flagged = sum(sum(c.values()) for c in counts.values())
    same = "equal" if not wrong else f"DIFFERENT on {len(wrong)} (column, entity) pairs"
    print(f"    per-column entity counts vs Presidio on the subset: {same} ({flagged:,} matches)")
    _target(
        "scan --full / reader alone", f"{b / _median(read):.1f}x", "<= 8x", b / _median(read) <= 8
    )
    _target(
        "scan --full vs per-value Presidio",
        f"{b_rate / a_rate:,.0f}x",
        ">= 500x",
        b_rate / a_rate >= 500,
    )
    _target("same counts as Presidio", same, "equal", not wrong)


def big(megabytes: int, repeat: int = 1) -> None:
    import bench_content as bc

    path = bc.write_big_csv(megabytes)
    size = path.stat().st_size / 1e6
    peaks: list[float] = []
    for run in range(repeat):
        full = bc.run_child(["--_child", "full", str(path), "--processes", "0"])
        if "error" in full:
            print(f"\n[4] full scan of {size:.0f} MB CSV: skipped ({full['error']})")
            return
        series = full.get("pss_series_mb") or [0.0]
        quarters = [max(q) for q in bc.quarters(series)]
        pss = full.get("pss_peak_mb", 0.0)
        peaks.append(pss)
        print(
            f"\n[4] full scan of a {size:,.0f} MB CSV ({full['rows']:,} rows), run {run + 1} of "
            f"{repeat} (load {_load()}): {full['seconds']:.1f} s, {size / full['seconds']:.1f} MB/s; "
            f"peak PSS parent + workers {pss:.0f} MB (by quarter of the run: "
            f"{', '.join(f'{q:.0f}' for q in quarters)} MB)"
        )
    pss = _median(peaks)
    _target(
        f"--full peak PSS, {size:,.0f} MB CSV" + (f", median of {repeat}" if repeat > 1 else ""),
        f"{pss:.0f} MB",
        f"< {bc.BIG_PSS_TARGET_MB} MB",
        pss < bc.BIG_PSS_TARGET_MB,
    )


# --- 5: schema repositories ------------------------------------------------------------------


def repos(sizes: Sequence[int], repeat: int) -> None:
    import bench_content as bc

    dataflow = _dataflow_command()
    print(f"\n[5] dataflow scan of schema repositories (median of {repeat}, JSON report)")
    results = {}
    for tables in sizes:
        repo = OUT / f"schema_repo_{tables}"
        if not repo.exists() or len(list(repo.rglob("*.sql"))) != tables:
            for n in range(tables):
                sub = repo / f"db{n % 20:02d}"
                sub.mkdir(parents=True, exist_ok=True)
                (sub / f"customer_{n}.sql").write_text(bc.DDL.format(n=n), encoding="utf-8")
        report = OUT / f"schema_repo_{tables}.json"
        cmd = [*dataflow, "scan", str(repo), "--format", "json", "--output", str(report)]
        runs = [_run(cmd) for _ in range(repeat)]
        wall, cpu = _median([r[0] for r in runs]), _median([r[1] for r in runs])
        results[tables] = wall
        print(
            f"    {tables:>6,} tables: wall {wall:6.2f} s, CPU {cpu:6.2f} s, "
            f"{wall / tables * 1000:.2f} ms per table"
        )
    small, large = min(results), max(results)
    if large != small:
        linear = (results[large] / large) / (results[small] / small)
        print(
            f"    per-table time at {large:,} / at {small:,} tables: {linear:.2f} (1.00 = linear)"
        )
    if 10_000 in results:
        _target(
            "schema-only scan, 10k tables",
            f"{results[10_000]:.1f} s",
            "< 10 s",
            results[10_000] < 10,
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--check-repeat", type=int, default=11, help="runs of the hook figures")
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the content table")
    parser.add_argument("--naive-rows", type=int, default=500, help="rows timed with Presidio")
    parser.add_argument("--big-mb", type=int, default=300, help="size of the large CSV in MB")
    parser.add_argument("--big-repeat", type=int, default=1, help="full scans of the large CSV")
    parser.add_argument("--repos", default="1000,5000,10000", help="schema repository sizes")
    parser.add_argument("--skip-content", action="store_true")
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument("--skip-repos", action="store_true")
    parser.add_argument("--code", type=Path, help="measure the dataflow checkout in this folder")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    _environment(args.code.resolve() if args.code else None)
    sys.path.insert(0, str(HERE))
    machine()
    hook(args.check_repeat)
    if not args.skip_content:
        content(args.rows, min(args.naive_rows, args.rows), max(1, args.repeat // 2))
    if not args.skip_big:
        big(args.big_mb, max(1, args.big_repeat))
    if not args.skip_repos:
        repos([int(x) for x in args.repos.split(",") if x], max(1, args.repeat // 2))
    print(f"\ntargets (load average at the end: {_load()})")
    for what, measured, target, met in TARGETS:
        mark = "met" if met else "NOT met" if met is False else ""
        print(f"  {what:<40} {measured:>26}  target {target:<9} {mark}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
