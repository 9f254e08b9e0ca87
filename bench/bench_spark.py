"""``--engine spark`` next to the local ``--full`` scan, on the same table, in one run.

Usage::

    python bench/bench_spark.py [--rows 100000]

The table is ``bench_content.py``'s generated CSV (30 columns of Chinese and English PI and
non-PI data; 100,000 rows are 3 million values), written once to ``bench/out/``. Measured:

- local ``--full`` (``detect.full.scan_full``) with 1 and 2 worker processes, the matcher built
  before the clock starts;
- Spark in ``local[1]`` and ``local[2]`` (``readers.spark.scan_frame``): the session start, the
  first job (it starts the Python workers, which build the matcher), a second job over the
  same file (the steady state, in values/s), and the per-job overhead: a job over a one-row
  copy of the table with warm workers.

The verdicts of every run are compared with those of the local scan (exit code 1 if one
differs). Timings are wall-clock on a shared machine: compare the figures of one run.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _summary(verdicts: dict[str, Any]) -> dict[str, Any]:
    return {p: (v.kind, v.entity, v.sample_size, v.match_rate) for p, v in verdicts.items()}


def _rate(values: int, seconds: float) -> str:
    return f"{values / seconds:>12,.0f} values/s ({seconds:6.2f} s)"


def _local(path: Path, values: int) -> dict[str, Any]:
    from dataflow.detect.full import FullScanOptions, scan_full, shipped_matcher

    shipped_matcher(None)  # the matcher (and its cached Hyperscan database) before the clock
    expected: dict[str, Any] = {}
    for processes in (1, 2):
        started = time.perf_counter()
        verdicts, _ = scan_full(path, None, FullScanOptions(processes=processes))
        seconds = time.perf_counter() - started
        print(f"local --full, {processes} process(es): {_rate(values, seconds)}")
        expected = _summary(verdicts)
    return expected


def _spark(path: Path, one_row: Path, values: int, master: str, expected: dict[str, Any]) -> bool:
    from pyspark.sql import SparkSession

    from dataflow.readers import spark

    started = time.perf_counter()
    session = spark.session(spark.SparkOptions(master=master))
    print(f"spark {master}: session start {time.perf_counter() - started:.2f} s")
    same = True
    try:
        source = spark.parse_source(str(path))
        df = spark.frame(session, source)
        dataset = spark.dataset_of(session, source, df)
        for label in ("first job", "second job"):
            started = time.perf_counter()
            verdicts, _ = spark.scan_frame(df, dataset)
            seconds = time.perf_counter() - started
            print(f"spark {master}: {label}: {_rate(values, seconds)}")
            same &= _summary(verdicts) == expected
        small = spark.parse_source(str(one_row))
        frame = spark.frame(session, small)
        tiny = spark.dataset_of(session, small, frame)
        spark.scan_frame(frame, tiny)
        started = time.perf_counter()
        spark.scan_frame(frame, tiny)
        print(f"spark {master}: per-job overhead {time.perf_counter() - started:.2f} s")
    finally:
        session.stop()
        SparkSession._instantiatedSession = None
    return same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args(argv)

    from bench_content import COLUMNS, table_path, write_table

    path = write_table(table_path(args.rows), args.rows)
    one_row = path.with_name(f"one_row_{path.stem}.csv")
    with path.open(encoding="utf-8", newline="") as fh, one_row.open("w", encoding="utf-8") as out:
        reader, writer = csv.reader(fh), csv.writer(out)
        writer.writerow(next(reader))
        writer.writerow(next(reader))
    values = args.rows * len(COLUMNS)
    print(f"table: {path} ({args.rows:,} rows x {len(COLUMNS)} columns = {values:,} values)")
    # The local scan names the dataset after the file, as Spark does: the same pointers.
    expected = _local(path, values)
    ok = True
    for master in ("local[1]", "local[2]"):
        ok &= _spark(path, one_row, values, master, expected)
    print("verdicts: " + ("the same on every engine" if ok else "DIFFERENT from the local scan"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
