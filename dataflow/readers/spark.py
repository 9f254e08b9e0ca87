"""Apache Spark as a source and an engine (``dataflow scan --engine spark``).

Data lakes are read through a ``SparkSession``: Parquet, ORC, CSV and JSON Lines files or
directories (partitioned ones too) and catalog tables (``spark:db.table``, Hive tables with
their ``COMMENT``s). The session is the active one when dataflow runs inside a Spark job or a
notebook, otherwise one is started with ``--spark-master`` (default ``local[*]``) and the
configured ``spark.*`` settings.

Work is split as on one machine:

- the driver turns the Spark schema into a ``Dataset`` (the same field paths and Arrow type
  names as the local Parquet reader: structs ``a.b``, lists and maps ``a[]``; a CSV's columns
  are text, as locally) for the metadata detection and the classification;
- every row is matched on the executors: each partition's Arrow batches become text columns
  exactly as the local Parquet reader makes them (``readers.parquet``) and go through the
  full scan's ``ColumnWork`` (the same ``FastMatcher``, built once per Python worker, and the
  same ``ColumnTally``). User recognizer files (``--recognizers``, ``recognizers:``) are read
  on the driver and their recognizers travel with the task, so executors need neither the
  files nor a shared file system. Only the tallies (counts and masked examples) come back, and the
  driver merges them in partition order into the verdicts of ``detect.full``. Counts do not
  depend on how the rows are cut into partitions (``detect.full`` counts every occurrence), so
  the verdicts are those of ``dataflow scan --full`` on the same file.

People counts for ``assess`` are ``COUNT(DISTINCT key)`` made by Spark, or, when asked,
``approx_count_distinct`` with a stated relative standard deviation.

pyspark is an optional extra (``pip install "dataflow[spark]"``), imported here only. Spark's
messages can quote row values (a failed cast names the value): errors are reported by their
error class or exception type, never their text, and a session started here logs nothing.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataflow.errors import UserError
from dataflow.i18n import msg
from dataflow.model import Dataset, Field, Problem, Severity
from dataflow.readers.database import DbScan

PREFIX = "spark:"
EXTRA = 'the Spark engine needs pyspark: pip install "dataflow[spark]"'
DEFAULT_MASTER = "local[*]"
# Spark's reader names by file extension; Parquet when a directory shows none.
_FORMATS = {
    ".parquet": "parquet",
    ".orc": "orc",
    ".csv": "csv",
    ".tsv": "csv",
    ".jsonl": "json",
    ".ndjson": "json",
    ".json": "json",
}
# The format dataflow reports (the local readers' names).
_SHOWN = {"json": "jsonl"}
# Settings of a session started here, unless configured otherwise: no web UI, no progress bar,
# no log lines (Spark logs failed tasks with their messages, which can quote values).
_SESSION_DEFAULTS = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.log.level": "OFF",
}


class SparkError(UserError):
    """Spark could not read a source or count in it (the message never quotes a value)."""


@dataclass(frozen=True)
class SparkOptions:
    """How to reach Spark: ``master`` (``None``: the active session, else ``local[*]``) and
    ``conf``, extra ``spark.*`` settings of a session started here."""

    master: str | None = None
    conf: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SparkSource:
    """What one ``--engine spark`` argument names: a catalog table or a file or folder."""

    shown: str
    table: str | None = None
    path: str | None = None
    fmt: str | None = None

    @property
    def name(self) -> str:
        """The dataset name: the table as written, or the file or folder name without its
        extension (as the local readers name a data file)."""
        if self.table is not None:
            return self.table
        assert self.path is not None
        last = self.path.rstrip("/").rsplit("/", 1)[-1]
        stem = Path(last).stem if Path(last).suffix.lower() in _FORMATS else last
        return stem or last


def require_pyspark() -> Any:
    """``pyspark.sql``, or a ``UserError`` naming the extra to install."""
    try:
        import pyspark.sql
    except ImportError:
        raise UserError(EXTRA) from None
    return pyspark.sql


def describe(exc: BaseException) -> str:
    """A Spark failure in words that quote no data: its error class, else its type."""
    condition = None
    for getter in ("getCondition", "getErrorClass"):
        method = getattr(exc, getter, None)
        if callable(method):
            try:
                condition = method()
            except Exception:
                condition = None
            if condition:
                break
    name = type(exc).__name__
    return f"{name} [{condition}]" if condition else name


def session(options: SparkOptions | None = None) -> Any:
    """The active ``SparkSession`` (a job or notebook running dataflow as a library), or one
    started with ``options``."""
    sql = require_pyspark()
    options = options or SparkOptions()
    active = sql.SparkSession.getActiveSession()
    if active is not None and options.master is None:
        return active
    master = options.master or DEFAULT_MASTER
    settings = dict(_SESSION_DEFAULTS)
    if master.startswith("local") and "PYSPARK_PYTHON" not in os.environ:
        # Local Python workers run this interpreter, which has dataflow installed. pyspark 4.3
        # starts them with $PYSPARK_PYTHON (else `python3` on the PATH) whatever the
        # configuration says, so both are set.
        os.environ["PYSPARK_PYTHON"] = sys.executable
        settings["spark.pyspark.python"] = sys.executable
    settings.update(dict(options.conf))
    builder = sql.SparkSession.builder.master(master).appName("dataflow")
    for key, value in sorted(settings.items()):
        builder = builder.config(key, value)
    try:
        return builder.getOrCreate()
    except Exception as exc:
        raise SparkError(f"cannot start Spark ({master}): {describe(exc)}") from None


def parse_source(arg: str) -> SparkSource:
    """``spark:db.table`` → a catalog table; ``spark:PATH`` or ``PATH`` → files (the format
    from the extension of the path or of the files in a local folder)."""
    text = arg[len(PREFIX) :] if arg.startswith(PREFIX) else arg
    if arg.startswith(PREFIX) and "/" not in text and not Path(text).exists():
        return SparkSource(shown=arg, table=text)
    return SparkSource(shown=text, path=text, fmt=_format_of(text))


def _format_of(path: str) -> str:
    suffix = Path(path.rstrip("/")).suffix.lower()
    if suffix in _FORMATS:
        return _FORMATS[suffix]
    if Path(path).is_dir():  # the first data file, walking in name order (stops there)
        for _folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith(("_", ".")))
            for name in sorted(files):
                ext = Path(name).suffix.lower()
                if not name.startswith(("_", ".")) and ext in _FORMATS:
                    return _FORMATS[ext]
    return "parquet"


def frame(spark: Any, source: SparkSource) -> Any:
    """The ``DataFrame`` of a source (every column of a CSV as text, as locally)."""
    try:
        if source.table is not None:
            return spark.table(source.table)
        assert source.path is not None and source.fmt is not None
        reader = spark.read.format(source.fmt)
        if source.fmt == "csv":
            reader = reader.option("header", "true").option("inferSchema", "false")
            if source.path.rstrip("/").lower().endswith(".tsv"):
                reader = reader.option("sep", "\t")
        df = reader.load(source.path)
        if source.fmt == "csv" and df.columns and df.columns[0].startswith("\ufeff"):
            df = df.withColumnRenamed(df.columns[0], df.columns[0][1:])  # a UTF-8 BOM
        return df
    except Exception as exc:
        raise SparkError(msg("spark.read", source=source.shown, why=describe(exc))) from None


# --- schema: Spark → Dataset ------------------------------------------------------------------


def dataset_of(spark: Any, source: SparkSource, df: Any) -> Dataset:
    """The ``Dataset`` of a source: field paths and Arrow type names as the local Parquet
    reader gives them (text for CSV), with column and table comments of catalog tables."""
    from pyspark.sql.pandas.types import to_arrow_schema
    from pyspark.sql.types import StructType

    from dataflow.readers._common import MAX_FIELDS
    from dataflow.readers.parquet import arrow_leaves

    name = source.name
    fields: list[Field] = []
    for struct_field in df.schema.fields:
        comment = struct_field.metadata.get("comment") if struct_field.metadata else None
        if source.fmt == "csv":
            fields.append(
                Field(
                    name=struct_field.name,
                    pointer=f"{name}.{struct_field.name}",
                    data_type="string",
                    line=1,
                    nullable=struct_field.nullable,
                )
            )
            continue
        try:
            arrow = to_arrow_schema(StructType([struct_field]))[0]
            leaves: list[tuple[str, Any, bool]] = []
            arrow_leaves(arrow.type, arrow.name, arrow.nullable, leaves)
            typed = [(path, str(kind), nullable) for path, kind, nullable in leaves]
        except Exception:  # a type Arrow has no form for: the column as Spark names it
            typed = [(struct_field.name, struct_field.dataType.simpleString(), True)]
        for path, kind, nullable in typed:
            last = path.rsplit(".", 1)[-1].replace("[]", "") or path
            fields.append(
                Field(
                    name=last,
                    pointer=f"{name}.{path}",
                    data_type=kind,
                    nullable=nullable,
                    comment=comment if path == struct_field.name else None,
                )
            )
    table_comment = None
    if source.table is not None:
        try:
            table_comment = spark.catalog.getTable(source.table).description or None
        except Exception:
            table_comment = None
    return Dataset(
        name=name,
        source_path=source.shown,
        source_format=_shown_format(source),
        fields=tuple(fields[:MAX_FIELDS]),
        comment=table_comment,
        line=1 if source.fmt == "csv" else None,
    )


def _shown_format(source: SparkSource) -> str:
    """The format a report names: the local readers' names (``tsv``, ``jsonl``), or ``spark``
    for a catalog table."""
    if source.table is not None or source.fmt is None:
        return "spark"
    if source.fmt == "csv" and (source.path or "").rstrip("/").lower().endswith(".tsv"):
        return "tsv"
    return _SHOWN.get(source.fmt, source.fmt)


# --- every row, on the executors --------------------------------------------------------------

_PART_SCHEMA = "part long, rows long, tallies binary, error string"


def _tally_partition(
    prefix: str, contexts: Mapping[str, str], content: Any, recognizers: Any = ()
) -> Any:
    """The function each partition runs (``mapInArrow``): its rows' tallies, pickled.

    ``recognizers`` are the user's recognizer files as the driver read them
    (``detect.recognizers.read_files``): they travel with the function, and the executor
    builds its matcher and tallies from them without opening the files.
    """

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa
        from pyspark import TaskContext

        context = TaskContext.get()
        part = context.partitionId() if context is not None else 0
        try:
            from dataflow.detect.full import (
                ColumnWork,
                batch_rows,
                files_matcher,
                make_tally_factory,
            )
            from dataflow.detect.recognizers import use_files
            from dataflow.readers.parquet import as_text, leaf_arrays

            matcher = files_matcher(use_files(recognizers))
            work = ColumnWork(matcher, make_tally_factory(content, contexts))
            rows = 0
            for record_batch in batches:
                arrays: dict[str, Any] = {}
                for i, arrow_field in enumerate(record_batch.schema):
                    leaf_arrays(record_batch.column(i), arrow_field.type, arrow_field.name, arrays)
                batch = {f"{prefix}.{path}": as_text(array) for path, array in arrays.items()}
                rows += batch_rows(batch)
                for pointer, values in batch.items():
                    work.add(pointer, values)
            out = {
                "part": [part],
                "rows": [rows],
                "tallies": [pickle.dumps(work.tallies)],
                "error": [None],
            }
        except Exception as exc:  # the type only: the message may quote a value
            out = {"part": [part], "rows": [0], "tallies": [b""], "error": [type(exc).__name__]}
        yield pa.RecordBatch.from_pydict(
            out,
            schema=pa.schema(
                [
                    ("part", pa.int64()),
                    ("rows", pa.int64()),
                    ("tallies", pa.binary()),
                    ("error", pa.string()),
                ]
            ),
        )

    return run


def scan_frame(
    df: Any, dataset: Dataset, content: Any = None, recognizers: Any = ()
) -> tuple[dict[str, Any], int]:
    """Every row of ``df`` matched on the executors: (verdict per field pointer, rows).

    ``recognizers``: the user's recognizer files as read on the driver
    (``detect.recognizers.read_files``), whose paths are ``content.recognizer_files``.
    """
    from dataflow.detect.content import ContentOptions
    from dataflow.detect.full import column_verdicts, make_tally_factory

    content = content or ContentOptions()
    contexts = {
        f.pointer: " ".join(part for part in (f.name, f.comment) if part) for f in dataset.fields
    }
    run = _tally_partition(dataset.name, contexts, content, recognizers)
    job = df.mapInArrow(run, _PART_SCHEMA)
    try:
        parts = job.collect()
    except Exception as exc:
        raise SparkError(msg("spark.scan", source=dataset.source_path, why=describe(exc))) from None
    factory = make_tally_factory(content, contexts)
    tallies: dict[str, Any] = {}
    rows = 0
    for part in sorted(parts, key=lambda p: p["part"]):
        if part["error"]:
            failed = msg("spark.executor", source=dataset.source_path, error=part["error"])
            raise SparkError(failed)
        rows += part["rows"]
        for pointer, piece in pickle.loads(part["tallies"]).items():
            tally = tallies.get(pointer)
            if tally is None:
                tally = tallies[pointer] = factory(pointer)
            tally.merge(piece)
    return column_verdicts(tallies, content, contexts), rows


# --- a scan through Spark ---------------------------------------------------------------------


@dataclass
class SparkScan(DbScan):
    """What Spark gave a scan: datasets, full-scan verdicts, notes, problems (as a database's)."""

    sources_read: int = 0  # files, folders and tables read (a report's "files scanned")


def scan_sources(
    args: Sequence[str],
    options: SparkOptions | None = None,
    *,
    content: bool = True,
    recognizer_files: Sequence[str] = (),
) -> SparkScan:
    """Read each source's schema on the driver and, with ``content``, match every row on the
    executors, with the shipped recognizers and those of ``recognizer_files`` (read here and
    sent to the executors). A source that cannot be read is one problem; the others are still
    scanned."""
    from dataflow.detect.content import ContentOptions
    from dataflow.detect.recognizers import read_files

    out = SparkScan()
    spark = session(options)
    files = tuple(str(p) for p in recognizer_files)
    recognizers = read_files(files) if content else ()
    content_options = ContentOptions(recognizer_files=files)
    for arg in args:
        source = parse_source(arg)
        if source.path is not None and "://" not in source.path and not Path(source.path).exists():
            out.problems.append(Problem(source.shown, msg("db.not_found"), severity=Severity.ERROR))
            continue
        try:
            df = frame(spark, source)
            dataset = dataset_of(spark, source, df)
            out.datasets.append(dataset)
            out.sources_read += 1
            if content:
                verdicts, rows = scan_frame(df, dataset, content_options, recognizers)
                out.verdicts[dataset.name] = (verdicts, rows)
                out.notices.append(
                    msg(
                        "spark.every_row_read",
                        dataset=dataset.name,
                        rows=f"{rows:,}",
                        source=source.shown,
                    )
                )
        except SparkError as exc:
            out.problems.append(Problem(source.shown, exc.message, severity=Severity.ERROR))
    return out


# --- people counts ----------------------------------------------------------------------------

MIN_RSD, MAX_RSD = 0.001, 0.39  # the relative standard deviations Spark's HyperLogLog++ takes


@dataclass(frozen=True)
class PeopleCount:
    """A distinct count made by Spark, with how it was made (no values)."""

    count: int
    query: str
    approximate: float | None = None


def count_people(
    spark: Any,
    source: str,
    *,
    columns: Sequence[str] = (),
    expression: str | None = None,
    where: str | None = None,
    any_not_null: Sequence[str] = (),
    approximate: float | None = None,
) -> PeopleCount:
    """``COUNT(DISTINCT person key)`` over a Spark source, as ``database.count_people`` does
    over a table: rows with a null key part are not counted; ``where`` (Spark SQL) filters the
    exported rows; ``any_not_null`` keeps the rows where one of those columns holds a value.
    ``approximate``: ``approx_count_distinct`` with that relative standard deviation.
    """
    from pyspark.sql import functions as F

    parsed = parse_source(source)
    df = frame(spark, parsed)
    known = set(df.columns)
    for column in (*columns, *any_not_null):
        if column not in known:
            raise SparkError(f"{parsed.shown} has no column {column!r}")
    conditions: list[str] = [f"({where})"] if where else []
    if expression:
        keys = [F.expr(expression)]
        key_sql = expression
        conditions.append(f"({expression}) IS NOT NULL")
    else:
        keys = [F.col(f"`{c}`") for c in columns]
        key_sql = ", ".join(f"`{c}`" for c in columns)
        conditions += [f"`{c}` IS NOT NULL" for c in columns]
    if any_not_null:
        conditions.append("(" + " OR ".join(f"`{c}` IS NOT NULL" for c in any_not_null) + ")")
    where_sql = " AND ".join(conditions)
    if approximate is not None:
        key = keys[0] if len(keys) == 1 else F.struct(*keys)
        measure = F.approx_count_distinct(key, approximate)
        shown = f"approx_count_distinct({key_sql}, rsd={approximate:g})"
    else:
        measure = F.countDistinct(*keys)
        shown = f"COUNT(DISTINCT {key_sql})"
    query = f"SELECT {shown} FROM {parsed.shown}" + (f" WHERE {where_sql}" if where_sql else "")
    try:
        selected = df.where(F.expr(where_sql)) if where_sql else df
        value = selected.agg(measure.alias("people")).collect()[0]["people"]
    except Exception as exc:
        raise SparkError(f"cannot count people in {parsed.shown}: {describe(exc)}") from None
    return PeopleCount(int(value or 0), query, approximate)
