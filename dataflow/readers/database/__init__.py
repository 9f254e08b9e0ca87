"""Live databases as a source: PostgreSQL, MySQL/MariaDB and SQLite, read-only.

``dataflow scan postgresql://user@host/db`` reads the tables and views of a database as datasets
(columns, types, column and table comments, primary and foreign keys) and samples them in the
database itself, bounded by ``--sample-rows``; ``--full`` streams every row through a server-side
cursor into the same column tallies as files. ``count_people`` counts distinct people for
``assess`` with ``COUNT(DISTINCT …)``.

Every session is read-only (PostgreSQL ``default_transaction_read_only``, MySQL/MariaDB
``SET SESSION TRANSACTION READ ONLY``, SQLite ``mode=ro``), has a statement timeout, names itself
``dataflow`` to the server, uses one connection and creates nothing. A URL is shown only with its
password replaced by ``***``; driver messages are never shown as they are (they may quote the URL
or a value): a problem names the table and the kind of failure.

The drivers come with the ``db`` extra (``pip install "dataflow[db]"``: SQLAlchemy 2, psycopg 3,
PyMySQL). SQLAlchemy's inspector gives one reflection API over the three dialects.

``connection`` holds URLs, the session and reflection; ``reading`` sampling, full scans and
people counts.
"""

from __future__ import annotations

from dataflow.readers.database.connection import (
    DEFAULT_TIMEOUT_S,
    FETCH_ROWS,
    SCHEMES,
    Connection,
    DatabaseError,
    DbOptions,
    DbRead,
    ForeignKey,
    TableInfo,
    describe,
    is_db_url,
    problem,
    redact,
)
from dataflow.readers.database.reading import (
    DbScan,
    PeopleCount,
    column_batches,
    count_people,
    full_batches,
    iter_rows,
    read_database,
    sample_plan,
    scan_database,
)

# Names other modules and tests import from here.
__all__ = [
    "DEFAULT_TIMEOUT_S",
    "FETCH_ROWS",
    "SCHEMES",
    "Connection",
    "DatabaseError",
    "DbOptions",
    "DbRead",
    "DbScan",
    "ForeignKey",
    "PeopleCount",
    "TableInfo",
    "column_batches",
    "count_people",
    "describe",
    "full_batches",
    "is_db_url",
    "iter_rows",
    "problem",
    "read_database",
    "redact",
    "sample_plan",
    "scan_database",
]
