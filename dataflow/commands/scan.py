"""``dataflow scan PATH...``: classify and grade every dataset found, render a report.

Exit codes (DESIGN §9): 0 nothing blocking; 1 a field at or above ``--fail-on`` or a
negative-list hit when lists were given; 2 a usage, configuration or input error. Unreadable
files make the exit 2 *after* the report of the rest is written; each problem is one line on
stderr, followed by one summary line.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from dataflow import gcwork
from dataflow.commands._common import (
    Outcome,
    check_format,
    check_lang,
    finish,
    guarded,
    jobs_option,
    load_catalog_for,
    parse_as_of,
    refuse_output_over_inputs,
    unreadable_files,
    write_output,
)
from dataflow.config import Settings, load_settings
from dataflow.errors import ConfigError, UserError
from dataflow.model import DatasetResult, Grade, ScanResult
from dataflow.scan import (
    DEFAULT_DB_TIMEOUT,
    DEFAULT_SAMPLE_ROWS,
    Progress,
    ScanOptions,
    configured,
    has_errors,
    scan_paths,
)


def check_engine(engine: str | None) -> str | None:
    """Validate ``--engine`` (``None``: the configured engine, else local)."""
    from dataflow.scan import ENGINES

    if engine is None:
        return None
    if engine.strip().lower() not in ENGINES:
        raise ConfigError(f"--engine must be one of: {', '.join(ENGINES)} (got {engine!r})")
    return engine.strip().lower()


def parse_fail_on(text: str | None) -> Grade | None:
    """``--fail-on general-4`` → ``Grade.GENERAL_4``; a bad grade is a usage error."""
    if text is None:
        return None
    try:
        return Grade.parse(text)
    except ValueError as exc:
        raise ConfigError(f"--fail-on: {exc}") from None


def parse_samples(samples: Sequence[str], sample_for: Sequence[str]) -> dict[str, Path]:
    """``--sample TABLE=FILE`` or ``--sample FILE --sample-for TABLE`` (paired in order)."""
    out: dict[str, Path] = {}
    bare: list[Path] = []
    for item in samples:
        name, sep, file = item.partition("=")
        if sep and name and file and not Path(item).exists():
            out[name.strip()] = Path(file)
        else:
            bare.append(Path(item))
    if len(bare) != len(sample_for):
        raise ConfigError(
            "each --sample FILE needs a --sample-for TABLE (or write --sample TABLE=FILE)"
        )
    for path, name in zip(bare, sample_for, strict=True):
        out[name] = path
    for name, path in out.items():
        if not path.is_file():
            raise UserError(f"sample file for {name!r} not found", path=str(path))
    return out


def source_args(args: Sequence[str], settings: Settings) -> list[Path | str]:
    """Command-line sources: database URLs stay text (``db:NAME`` is looked up in the
    configuration's ``databases:``), everything else is a path. An empty argument is refused."""
    from dataflow.readers.database import is_db_url

    out: list[Path | str] = []
    for arg in args:
        if not arg.strip():
            raise ConfigError("an empty path was given; name a file, a folder or a database URL")
        if arg.startswith("spark:") and settings.engine != "spark" and not Path(arg).exists():
            raise ConfigError(f"{arg}: a spark: source needs --engine spark")
        if arg.startswith("db:") and not Path(arg).exists():
            out.append(settings.database_url(arg[3:]))
        elif is_db_url(arg):
            out.append(arg)
        else:
            out.append(Path(arg))
    return out


@contextmanager
def stderr_progress(enabled: bool) -> Iterator[Progress | None]:
    """A rich progress bar on stderr when it is a terminal; nothing otherwise."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("scanning"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("scan", total=None)

        def update(done: int, total: int, path: str) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def blocking_fields(result: ScanResult, fail_on: Grade | None) -> list[str]:
    """Pointers of fields (and datasets) graded at or above ``fail_on``."""
    if fail_on is None:
        return []
    out: list[str] = []
    for dataset in result.datasets:
        fields = [f.field.pointer for f in dataset.findings if f.grade >= fail_on]
        if not fields and dataset.grade >= fail_on:
            fields = [dataset.dataset.name]
        out.extend(fields)
    return out


def match_context(dataset: DatasetResult) -> Any:
    """What a negative-list condition can see of one scanned dataset (no counts, no transfer)."""
    from dataflow.negative_list import MatchContext

    elements: dict[str, list[str]] = {}
    categories: dict[str, list[str]] = {}
    sensitive: list[str] = []
    for finding in dataset.findings:
        if not finding.personal and finding.element is None:
            continue
        pointer = finding.field.pointer
        if finding.element:
            elements.setdefault(finding.element, []).append(pointer)
        if finding.category:
            categories.setdefault(finding.category, []).append(pointer)
        if finding.sensitive:
            sensitive.append(pointer)
    return MatchContext(
        elements={k: tuple(sorted(v)) for k, v in sorted(elements.items())},
        categories={k: tuple(sorted(v)) for k, v in sorted(categories.items())},
        grade=dataset.grade,
        sensitive=bool(sensitive),
        sensitive_fields=tuple(sorted(sensitive)),
    )


def with_negative_list_hits(result: ScanResult, lists: Sequence[Path]) -> ScanResult:
    """``result`` with each dataset's hits on the negative lists the user names
    (``--negative-list`` or configuration), which the reports then show.

    The shipped lists need a transfer (counts, destination) and belong to ``dataflow assess``.
    """
    if not lists:
        return result
    from dataclasses import replace

    from dataflow import negative_list

    loaded = negative_list.load_lists(lists, include_shipped=False)
    datasets = tuple(
        replace(d, negative_list_hits=negative_list.match(loaded, match_context(d)))
        for d in result.datasets
    )
    return replace(result, datasets=datasets)


def negative_list_hits(result: ScanResult) -> list[str]:
    """``list/entry`` ids of the binding negative-list hits of the scanned datasets."""
    return sorted(
        {
            f"{hit.list_id}/{hit.entry_id}"
            for dataset in result.datasets
            for hit in dataset.negative_list_hits
            if hit.binding
        }
    )


# The longer options of ``dataflow scan``.
_PATHS = typer.Argument(
    ...,
    metavar="PATH_OR_URL",
    help="Schema files, sample files, directories, or database URLs "
    "(postgresql://…, mysql://…, mariadb://…, sqlite:///file.db, db:NAME).",
)
_SAMPLE_ROWS = typer.Option(
    DEFAULT_SAMPLE_ROWS,
    "--sample-rows",
    min=0,
    help="Rows of each data file read to draw the sample (0: the whole file).",
)
_ENGINE = typer.Option(
    None,
    "--engine",
    metavar="ENGINE",
    help="local | spark: read every row through Apache Spark (files, folders, "
    "spark:db.table); needs the spark extra.",
)
_SPARK_MASTER = typer.Option(
    None,
    "--spark-master",
    metavar="URL",
    help="Spark master for --engine spark (default: the active session, else local[*]).",
)
_SCHEMA_FORMAT = typer.Option(
    None, "--schema-format", help="Read every file as this format (sql, jsonschema, avro...)."
)
_NEGATIVE_LISTS = typer.Option(
    [], "--negative-list", help="Negative list YAML; a hit makes the exit 1 (repeatable)."
)
_FAIL_ON = typer.Option(
    None, "--fail-on", help="Exit 1 when a field is graded at or above this grade."
)
_DB_SCHEMAS = typer.Option(
    [], "--schema", help="Database schema to read (repeatable; default: the URL's)."
)
_DB_TABLES = typer.Option(
    [], "--tables", help="Database tables or views to read, as globs (repeatable)."
)
_DB_TIMEOUT = typer.Option(
    None, "--db-timeout", min=0.1, help="Statement timeout in seconds (default 30)."
)
_AS_OF = typer.Option(
    None,
    "--as-of",
    help="Judge sensitivity by the standard in force on this date (default: today).",
)


@guarded
def scan_command(
    paths: list[str] = _PATHS,
    fmt: str = typer.Option(
        "table", "--format", "-f", help="table | json | sarif | markdown | html"
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report here."),
    schema_format: str | None = _SCHEMA_FORMAT,
    catalogs: list[Path] = typer.Option([], "--catalog", help="Extra catalog YAML (repeatable)."),
    recognizers: list[Path] = typer.Option(
        [], "--recognizers", metavar="FILE", help="Extra recognizer YAML (repeatable)."
    ),
    negative_lists: list[Path] = _NEGATIVE_LISTS,
    fail_on: str | None = _FAIL_ON,
    sample: list[str] = typer.Option(
        [], "--sample", help="Sample data: TABLE=FILE, or FILE with --sample-for TABLE."
    ),
    sample_for: list[str] = typer.Option([], "--sample-for", help="Dataset of the --sample FILE."),
    sample_size: int | None = typer.Option(
        None, "--sample-size", min=1, help="Distinct values sampled per column (default 200)."
    ),
    sample_rows: int = _SAMPLE_ROWS,
    full: bool = typer.Option(False, "--full", help="Check every row of the samples."),
    jobs: int | None = jobs_option(
        "--full, and for reading and classifying 2,000 files or datasets or more",
        "2 when there are 2 CPUs, on files over 8 MB for --full",
    ),
    engine: str | None = _ENGINE,
    spark_master: str | None = _SPARK_MASTER,
    lang: str | None = typer.Option(None, "--lang", help="en | zh"),
    config: Path | None = typer.Option(None, "--config", help="Configuration file."),
    no_content: bool = typer.Option(
        False, "--no-content", help="Schema only: do not look at sampled values."
    ),
    db_schemas: list[str] = _DB_SCHEMAS,
    db_tables: list[str] = _DB_TABLES,
    db_timeout: float | None = _DB_TIMEOUT,
    as_of: str | None = _AS_OF,
) -> None:
    """Find personal information in schemas and samples, field by field, and grade it."""
    fmt = check_format(fmt)
    when = parse_as_of(as_of)
    settings = load_settings(config).merged(
        catalogs=tuple(catalogs),
        recognizers=tuple(recognizers),
        negative_lists=tuple(negative_lists),
        fail_on=fail_on,
        lang=lang,
        sample_size=sample_size,
        jobs=jobs,
        engine=check_engine(engine),
        spark_master=spark_master,
    )
    lang_ = check_lang(settings.lang)
    threshold = parse_fail_on(settings.fail_on)
    samples = parse_samples(sample, sample_for)
    catalog = load_catalog_for(settings, when)
    options = _scan_options(
        settings,
        schema_format=schema_format,
        sample_rows=sample_rows,
        full=full,
        content=not no_content,
        db_schemas=tuple(db_schemas),
        db_tables=tuple(db_tables),
        db_timeout=db_timeout,
    )
    sources = source_args(paths, settings)
    refuse_output_over_inputs(
        output, [*(p for p in sources if isinstance(p, Path)), *samples.values()]
    )
    # The scan's datasets and the report built from them stay until the report is written:
    # the collector's young generation is collected less often than Python's default.
    with stderr_progress(True) as progress, gcwork.fewer_collections():
        result = scan_paths(
            sources,
            options,
            catalog=catalog,
            samples=samples,
            progress=progress,
            prepare=_report_part(fmt, settings),
        )

        from dataflow.report import render

        result = with_negative_list_hits(result, settings.negative_lists)
        write_output(render(result, fmt, lang_, catalog=catalog), output)
    blocking = blocking_fields(result, threshold)
    blocking += negative_list_hits(result)
    errors = unreadable_files(result) if has_errors(result) else 0
    if options.engine == "local":  # a Spark session is stopped by the interpreter's teardown
        from dataflow.cli import skip_teardown

        skip_teardown()
    finish(result, Outcome(blocking=len(blocking), errors=errors), lang_)


def _report_part(fmt: str, settings: Settings) -> Any:
    """What the scan's workers write of each dataset for the report: its part of the JSON
    report (none when the negative lists will change the datasets after the scan)."""
    if fmt != "json" or settings.negative_lists:
        return None
    from dataflow.report.json_report import dataset_part

    return dataset_part


def _scan_options(settings: Settings, *, db_timeout: float | None, **given: Any) -> ScanOptions:
    """The scan options of the command line (``given``) completed from the configuration."""
    return configured(
        settings,
        ignore=settings.ignore_paths,
        db_timeout=db_timeout or settings.db_timeout or DEFAULT_DB_TIMEOUT,
        engine=settings.engine or "local",
        spark=settings.spark_options(),
        **given,
    )


def register(app: typer.Typer) -> None:
    """Add ``dataflow scan``."""
    app.command("scan")(scan_command)
