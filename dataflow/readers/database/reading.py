"""Reading a database: the sampling plan, rows and column batches, whole-database reads and full
scans (``scan_database``), and people counted with ``COUNT(DISTINCT …)``.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from dataflow.i18n import msg
from dataflow.model import Dataset, Problem, ReadResult, SampleSet
from dataflow.readers.database.connection import (
    FETCH_ROWS,
    Connection,
    DatabaseError,
    DbOptions,
    DbRead,
    TableInfo,
    describe,
    kind_words,
    problem,
    redact,
    reflect_database,
    sqlalchemy_module,
)
from dataflow.readers.samples import SampleOptions, Sampler, clean

# --- sampling -----------------------------------------------------------------------------------


def _seed_int(seed: int, name: str) -> int:
    digest = hashlib.sha256(f"{seed}:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _estimated_rows(db: Connection, info: TableInfo) -> int | None:
    """The planner's row estimate (no scan); None when unknown."""
    try:
        if db.dialect == "postgresql":
            value = db.conn.exec_driver_sql(
                "SELECT c.reltuples FROM pg_class c WHERE c.oid = to_regclass(%(t)s)",
                {"t": db.qualified(info)},
            ).scalar()
        elif db.dialect in ("mysql", "mariadb"):
            value = db.conn.exec_driver_sql(
                "SELECT TABLE_ROWS FROM information_schema.TABLES "
                "WHERE TABLE_SCHEMA = COALESCE(%(s)s, DATABASE()) AND TABLE_NAME = %(t)s",
                {"s": info.schema, "t": info.table},
            ).scalar()
        else:
            return None
    except Exception:
        db.rollback()
        return None
    return int(value) if value is not None and float(value) >= 0 else None


def sample_plan(db: Connection, info: TableInfo, options: SampleOptions) -> tuple[str, str]:
    """(SQL, how) reading at most ``max_rows`` rows of a table, drawn as the database allows.

    PostgreSQL tables larger than the bound: ``TABLESAMPLE SYSTEM`` (pages) at about twice the
    needed share, ``REPEATABLE`` with the scan's seed, cut at the bound. MySQL/MariaDB tables
    with a single integer primary key: a range of the key from a seeded random start (the index
    is used, the table is not read whole). Otherwise the first rows (``LIMIT``).
    """
    cols = ", ".join(db.quote(c) for c in info.columns) or "*"
    table = db.qualified(info)
    limit = options.max_rows
    if limit is None:
        return f"SELECT {cols} FROM {table}", msg("db.how.every_row")
    estimate = _estimated_rows(db, info) if info.kind == "table" else None
    if estimate is not None and estimate > limit:
        if db.dialect == "postgresql":
            share = min(100.0, 200.0 * limit / estimate)
            seed = options.seed & 0x7FFFFFFF
            return (
                f"SELECT {cols} FROM {table} TABLESAMPLE SYSTEM ({share:.6f}) "
                f"REPEATABLE ({seed}) LIMIT {limit}",
                msg("db.how.tablesample", share=f"{share:.3g}", estimate=f"{estimate:,}"),
            )
        if db.dialect in ("mysql", "mariadb") and len(info.primary_key) == 1:
            key = db.quote(info.primary_key[0])
            try:
                low, high = db.run(f"SELECT MIN({key}), MAX({key}) FROM {table}").one()
            except Exception:
                db.rollback()
                low = high = None
            if isinstance(low, int) and isinstance(high, int) and high > low:
                span = max(high - low - limit, 0)
                start = low + (_seed_int(options.seed, table) % (span + 1))
                return (
                    f"SELECT {cols} FROM {table} WHERE {key} >= {start} "
                    f"ORDER BY {key} LIMIT {limit}",
                    msg("db.how.key_range", estimate=f"{estimate:,}"),
                )
    return f"SELECT {cols} FROM {table} LIMIT {limit}", msg("db.how.first_rows")


def iter_rows(db: Connection, sql: str, fetch: int = FETCH_ROWS) -> Iterator[Sequence[Any]]:
    """Row chunks of ``sql`` from a server-side cursor (bounded memory)."""
    result = db.run(sql, stream_rows=fetch)
    try:
        while True:
            chunk = result.fetchmany(fetch)
            if not chunk:
                return
            yield chunk
    finally:
        result.close()


def _text(value: Any) -> str | None:
    if isinstance(value, (bytes, bytearray, memoryview)):
        raw = bytes(value)
        try:
            return clean(raw.decode("utf-8"))
        except UnicodeDecodeError:
            return clean(raw.hex())
    return clean(value)


def column_batches(
    db: Connection, sql: str, dataset: Dataset, fetch: int = FETCH_ROWS
) -> Iterator[dict[str, list[str | None]]]:
    """The rows of ``sql`` as column batches keyed by the dataset's field pointers."""
    pointers = [f.pointer for f in dataset.fields]
    for chunk in iter_rows(db, sql, fetch):
        batch: dict[str, list[str | None]] = {p: [] for p in pointers}
        for row in chunk:
            for pointer, value in zip(pointers, row, strict=False):
                batch[pointer].append(_text(value))
        yield batch


# --- the source -------------------------------------------------------------------------------


def read_database(db: Connection, options: DbOptions) -> DbRead:
    """Datasets of the database and, when ``options.sample.size`` > 0, their samples."""
    problems: list[Problem] = []
    db.tables = {}
    datasets = reflect_database(db, options, problems)
    out = DbRead(ReadResult(db.shown, db.dialect), tables=db.tables)
    samples: dict[str, SampleSet] = {}
    if options.sample.size > 0:
        for dataset in datasets:
            info = out.tables[dataset.name]
            sql, how = sample_plan(db, info, options.sample)
            sampler = Sampler(options.sample)
            try:
                for batch in column_batches(db, sql, dataset):
                    rows = len(next(iter(batch.values()), []))
                    sampler.add_batch(batch, rows)
                    if sampler.full:
                        break
            except Exception as exc:
                db.rollback()
                problems.append(
                    Problem(
                        db.shown,
                        msg(
                            "db.read",
                            kind=kind_words(info.kind),
                            name=dataset.name,
                            why=describe(exc),
                        ),
                    )
                )
                continue
            samples[dataset.name] = sampler.result(db.shown, [f.pointer for f in dataset.fields])
            out.notices.append(
                msg(
                    "db.sampled",
                    dataset=dataset.name,
                    rows=f"{sampler.rows_read:,}",
                    how=how,
                    source=redact(db.url),
                )
            )
    out.result = ReadResult(
        db.shown,
        db.dialect,
        datasets=tuple(datasets),
        samples=samples,
        problems=tuple(problems),
    )
    return out


def full_batches(db: Connection, dataset: Dataset, info: TableInfo) -> Iterator[Any]:
    """Every row of one table, as column batches (``--full``)."""
    sql, _ = sample_plan(db, info, SampleOptions(size=0, max_rows=None))
    yield from column_batches(db, sql, dataset)


# --- people counts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeopleCount:
    """A distinct count made by the database, with the query that made it (no values)."""

    count: int
    query: str


def count_people(
    db: Connection,
    table: str,
    *,
    columns: Sequence[str] = (),
    expression: str | None = None,
    where: str | None = None,
    any_not_null: Sequence[str] = (),
) -> PeopleCount:
    """``COUNT(DISTINCT person key)`` over the rows of ``table`` (``schema.table`` or ``table``).

    The key is ``columns`` (rows where any of them is null are not counted) or an SQL
    ``expression`` given as data; ``where`` filters the exported rows; ``any_not_null`` keeps
    only rows where at least one of those columns holds a value (the people with sensitive PI).
    """
    schema, _, name = table.rpartition(".")
    sa = sqlalchemy_module()
    inspector = sa.inspect(db.conn)
    try:
        known = {c["name"] for c in inspector.get_columns(name, schema=schema or None)}
    except Exception as exc:
        db.rollback()
        raise DatabaseError(f"cannot read table {table}: {describe(exc)}") from None
    for column in (*columns, *any_not_null):
        if column not in known:
            raise DatabaseError(f"table {table} has no column {column!r}")
    quoted = f"{db.quote(schema)}.{db.quote(name)}" if schema else db.quote(name)
    conditions = [f"({where})"] if where else []
    if expression:
        key = expression
        conditions.append(f"({expression}) IS NOT NULL")
    else:
        key = ", ".join(db.quote(c) for c in columns)
        conditions += [f"{db.quote(c)} IS NOT NULL" for c in columns]
    if any_not_null:
        conditions.append(
            "(" + " OR ".join(f"{db.quote(c)} IS NOT NULL" for c in any_not_null) + ")"
        )
    where_sql = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    query = f"SELECT COUNT(*) FROM (SELECT DISTINCT {key} FROM {quoted}{where_sql}) people"
    try:
        value = db.run(query).scalar()
    except Exception as exc:
        db.rollback()
        raise DatabaseError(f"cannot count people in {table}: {describe(exc)}") from None
    return PeopleCount(int(value or 0), query)


# --- a scan of one database ---------------------------------------------------------------------


@dataclass
class DbScan:
    """What one database gave a scan: datasets, samples or full-scan verdicts, notes, problems."""

    datasets: list[Dataset] = field(default_factory=list)
    samples: dict[str, SampleSet] = field(default_factory=dict)
    # Dataset name → (content verdict per pointer, rows read), for ``--full``.
    verdicts: dict[str, tuple[dict[str, Any], int]] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def scan_database(
    url: str,
    options: DbOptions,
    *,
    content: bool = True,
    full: bool = False,
    processes: int | None = None,
    recognizer_files: Sequence[str] = (),
) -> DbScan:
    """Read one database: reflect it, then sample each table (or stream it with ``full``,
    matching with the shipped recognizers and ``recognizer_files``, as a file's full scan).

    A database that cannot be reached is one problem; a table that cannot be read is one
    problem naming it, and the other tables are still read.
    """
    out = DbScan()
    sample = options.sample if content and not full else SampleOptions(size=0)
    try:
        with Connection(url, options.timeout_s) as db:
            read = read_database(db, dataclasses.replace(options, sample=sample))
            out.datasets = list(read.result.datasets)
            out.samples = dict(read.result.samples)
            out.problems = list(read.result.problems)
            out.notices = list(read.notices)
            if content and full:
                _full_scan(db, read, out, processes, tuple(recognizer_files))
    except DatabaseError as exc:
        out.problems.append(problem(url, exc.message if exc.path else exc.render()))
    return out


def _full_scan(
    db: Connection, read: DbRead, out: DbScan, processes: int | None, files: tuple[str, ...]
) -> None:
    from dataflow.detect.content import ContentOptions
    from dataflow.detect.full import scan_stream

    content = ContentOptions(recognizer_files=files)
    for dataset in read.result.datasets:
        info = read.tables[dataset.name]
        try:
            verdicts, rows = scan_stream(
                full_batches(db, dataset, info),
                dataset,
                processes=processes or 1,
                content=content,
            )
        except Exception as exc:
            db.rollback()
            out.problems.append(
                Problem(
                    db.shown,
                    msg(
                        "db.read", kind=kind_words(info.kind), name=dataset.name, why=describe(exc)
                    ),
                )
            )
            continue
        out.verdicts[dataset.name] = (verdicts, rows)
        out.notices.append(
            msg("db.every_row_read", dataset=dataset.name, rows=f"{rows:,}", source=db.shown)
        )
