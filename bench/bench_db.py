"""Database sources side by side with the CSV path, in one run, on a private PostgreSQL.

Usage::

    python bench/bench_db.py [--big-rows 10000000] [--full-rows 1000000]

Starts a throw-away PostgreSQL server (``tests/db_servers.py``: ``initdb``/``pg_ctl``, as the
``postgres`` user when run as root), fills a table of ``--big-rows`` rows (id, customer id, a
mobile number, a kind) with ``generate_series``, and measures:

- the sampled scan of that table (``scan_paths`` on the URL; at most 100,000 rows are read);
- ``--full`` of the first ``--full-rows`` rows (a second table), in values/s;
- ``--full`` of the same rows written as CSV, in values/s (the file path, for comparison).

Timings are wall-clock on a shared machine: compare the figures of one run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big-rows", type=int, default=10_000_000)
    parser.add_argument("--full-rows", type=int, default=1_000_000)
    args = parser.parse_args(argv)

    import sqlalchemy
    from db_servers import postgres

    from dataflow.scan import ScanOptions, scan_paths

    fill = (
        "INSERT INTO {t} SELECT i, mod(i, 1000) + 1, "
        "'138' || lpad(mod(i::bigint * 7919, 100000000)::text, 8, '0'), 'click' "
        "FROM generate_series(1, {n}) AS i"
    )
    with postgres() as server, tempfile.TemporaryDirectory() as tmp:
        url = server.url("postgres")
        engine = sqlalchemy.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
        started = time.perf_counter()
        with engine.begin() as conn:
            for table, rows in (("big", args.big_rows), ("part", args.full_rows)):
                conn.exec_driver_sql(
                    f"CREATE TABLE {table} (id bigint PRIMARY KEY, customer_id bigint, "
                    "phone varchar(20), kind varchar(16))"
                )
                conn.exec_driver_sql(fill.format(t=table, n=rows))
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
        csv = Path(tmp) / "part.csv"
        with engine.connect() as conn, csv.open("w", encoding="utf-8") as out:
            out.write("id,customer_id,phone,kind\n")
            result = conn.execution_options(stream_results=True).exec_driver_sql(
                "SELECT * FROM part ORDER BY id"
            )
            for chunk in result.partitions(50_000):
                out.writelines(f"{a},{b},{c},{d}\n" for a, b, c, d in chunk)
        engine.dispose()
        print(
            f"setup (fill {args.big_rows:,} + {args.full_rows:,} rows, CSV): "
            f"{time.perf_counter() - started:.1f} s"
        )

        started = time.perf_counter()
        sampled = scan_paths([url], ScanOptions(db_tables=("big",)))
        elapsed = time.perf_counter() - started
        (big,) = sampled.datasets
        print(
            f"sampled scan of {args.big_rows:,} rows: {elapsed:.2f} s, "
            f"{big.rows_scanned:,} rows read; {'; '.join(sampled.notices)}"
        )

        values = args.full_rows * 4
        for label, source in (("database --full", url), ("CSV --full", csv)):
            options = ScanOptions(full=True, db_tables=("part",), jobs=2)
            started = time.perf_counter()
            result = scan_paths([source], options)
            elapsed = time.perf_counter() - started
            rows = result.datasets[0].rows_scanned
            print(f"{label}: {rows:,} rows, {elapsed:.2f} s, {values / elapsed:,.0f} values/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
