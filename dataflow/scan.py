"""Scan orchestration: paths → readers → detection → classification → ``ScanResult``.

``scan_paths`` walks the paths, reads every file (a reader never raises for bad input; it
returns problems, which are kept), attaches samples (data files carry their own, ``samples``
attaches a sample file to a dataset by name), runs content detection when asked, classifies each
dataset against the catalog and sorts everything so that reports are deterministic.

The schema-only path (``ScanOptions(content=False)``, used by ``dataflow check``) never imports
the content-detection modules, and with them Presidio and spaCy.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataflow.i18n import msg
from dataflow.model import (
    AddedKey,
    AlteredColumn,
    CommentOn,
    Dataset,
    DatasetResult,
    Problem,
    ReadResult,
    SampleSet,
    ScanResult,
    Severity,
    Words,
)
from dataflow.report.records import dataset_sort_key, problem_sort_key
from dataflow.scan_workers import fewer_collections, in_order, map_in_order, processes_for

Progress = Callable[[int, int, str], None]
_NO_SAMPLES: Mapping[str, Path] = {}


DEFAULT_SAMPLE_ROWS = 100_000
DEFAULT_SAMPLE_SIZE = 200  # distinct values sampled per column
DEFAULT_DB_TIMEOUT = 30.0  # seconds, per database statement


@dataclass(frozen=True)
class ScanOptions:
    """How to scan: schema format override, sampling, content detection, catalogs, ignores."""

    schema_format: str | None = None
    sample_size: int = 200
    # Rows of a data file read for a sampled scan (0: the whole file). Samples come from the
    # first rows: enough for a column verdict, and a 1 GB file is sampled in seconds. --full
    # reads every row.
    sample_rows: int = DEFAULT_SAMPLE_ROWS
    seed: int = 0
    full: bool = False
    # Worker processes of a full scan (None: 2 when the machine has them and the file is
    # larger than detect.full.PARALLEL_MIN_BYTES, else 1).
    jobs: int | None = None
    content: bool = True
    catalogs: tuple[Path, ...] = ()
    ignore: tuple[str, ...] = ()
    # Recognizer YAML files added to the shipped ones (``--recognizers``, ``recognizers:``).
    recognizers: tuple[Path, ...] = ()
    # Database sources (``scan postgresql://…``): schemas and table globs to read, and the
    # statement timeout in seconds.
    db_schemas: tuple[str, ...] = ()
    db_tables: tuple[str, ...] = ()
    db_timeout: float = 30.0
    # ``spark``: every path (and ``spark:db.table``) is read through Spark and every row is
    # matched on its executors (``readers.spark``); ``spark`` holds its ``SparkOptions``.
    engine: str = "local"
    spark: Any = None
    # The learned field scorer (``detect.learned``) may change the rules' verdicts; the
    # ``learned_scorer`` setting turns it on or off (None: ``classify.learned_on``).
    learned: bool | None = None


ENGINES = ("local", "spark")


def _sample_options(options: ScanOptions) -> Any:
    """The readers' ``SampleOptions`` for this scan."""
    from dataflow.readers import SampleOptions

    # Schema-only scans read headers and footers, never the rows of a data file.
    size = options.sample_size if options.content else 0
    max_rows = options.sample_rows if options.sample_rows > 0 and not options.full else None
    return SampleOptions(size=size, seed=options.seed, max_rows=max_rows)


def _sample_matcher(recognizer_files: tuple[str, ...] = ()) -> Any:
    """The value matcher for sampled scans: the fast matcher over the offline recognizers.

    It gives exactly what Presidio's ``analyze`` gives value by value (the equivalence is
    tested), about three times faster on a few thousand sampled values, without building a
    Hyperscan database (that pays off only on full scans).
    """
    from dataflow.detect.fast import FastMatcher
    from dataflow.detect.recognizers import load_recognizers

    key = tuple(recognizer_files)
    matcher = _MATCHERS.get(key)
    if matcher is None:
        matcher = FastMatcher(load_recognizers(recognizer_files), prefilter=False).match
        _MATCHERS[key] = matcher
    return matcher


_MATCHERS: dict[tuple[str, ...], Any] = {}


def _read(
    path: Path,
    options: ScanOptions,
    sample_options: Any,
    avro_types: Mapping[str, Any] | None = None,
    json_schemas: Any | None = None,
    proto_types: Any | None = None,
) -> ReadResult:
    from dataflow import readers

    result: ReadResult = readers.read_path(
        path,
        schema_format=options.schema_format,
        sample_options=sample_options,
        avro_types=avro_types,
        json_schemas=json_schemas,
        proto_types=proto_types,
    )
    return result


def configured(settings: Any, **given: Any) -> ScanOptions:
    """Scan options from the configuration (``config.Settings``): sampling, workers, extra
    catalogs and recognizers; ``given`` adds to them or overrides them."""
    base: dict[str, Any] = {
        "sample_size": settings.sample_size or DEFAULT_SAMPLE_SIZE,
        "jobs": settings.jobs,
        "catalogs": settings.catalogs,
        "recognizers": settings.recognizers,
        "learned": getattr(settings, "learned_scorer", None),
    }
    return ScanOptions(**{**base, **given})


def scan_paths(
    paths: Sequence[Path | str],
    options: ScanOptions | None = None,
    *,
    catalog: Any | None = None,
    samples: Mapping[str, Path] = _NO_SAMPLES,
    progress: Progress | None = None,
    prepare: Callable[[DatasetResult], Any] | None = None,
) -> ScanResult:
    """Scan files and directories; return every dataset's classification and every problem.

    ``samples`` maps a dataset name to a sample file (``--sample``, manifest ``sample:``).
    ``progress(done, total, path)`` is called after each file when given. When datasets are
    classified in worker processes, ``prepare(result)`` is called there on each one as well (a
    report's part of it, ``json_report.dataset_part``) and kept in ``ScanResult.prepared``.
    """
    from dataflow import readers
    from dataflow.classify import classify_dataset

    options = options or ScanOptions()
    catalog = _catalog_and_recognizers(options, catalog)
    urls = [p for p in paths if isinstance(p, str) and _is_db_url(p)]
    others = [p for p in paths if not (isinstance(p, str) and _is_db_url(p))]
    files, problems, sources = _gather(others, options)
    sample_options = _sample_options(options)
    # Avro schemas of one scan may name each other's types: collect them all first.
    avro_types = readers.avro_named_types(files)
    json_schemas = readers.json_schema_index(files)  # and JSON Schemas each other's ids
    proto_types = readers.proto_index(files)  # and .proto files each other's messages

    datasets: list[Dataset] = []
    sample_sets: dict[tuple[str, str], SampleSet] = {}
    verdicts: dict[tuple[str, str], tuple[dict[str, Any], int]] = {}
    sources.extend(_scan_database(url, options, sample_options) for url in urls)
    notices = _take_sources(sources, datasets, sample_sets, verdicts, problems)
    added_keys: list[tuple[str, AddedKey]] = []  # ALTER TABLE keys of other files' tables
    altered: list[tuple[str, AlteredColumn]] = []  # and ALTER TABLE columns
    comments: list[CommentOn] = []  # and COMMENT ON texts

    from dataflow.detect.metadata.prefix import readable_dataset, remember, remembered

    def read_at(i: int) -> tuple[ReadResult, list[Dataset]]:
        read = _read(files[i], options, sample_options, avro_types, json_schemas, proto_types)
        if readers_forked:  # the readable copies too, while the parent waits for the reads
            return read, [readable_dataset(d, catalog) for d in read.datasets]
        return read, []

    # A large scan keeps most of what it reads: its collections would mostly walk that. Each
    # dataset is read as the metadata rules read it once, for its subject and its classification.
    with fewer_collections(len(files)), remembered():
        local = options.engine == "local"
        reading = processes_for(len(files), options.jobs) if local else 1
        readers_forked = reading > 1
        reads = in_order(read_at, len(files), reading)
        for done, (path, (read, copies)) in enumerate(zip(files, reads, strict=True), start=1):
            for dataset, copy in zip(read.datasets, copies, strict=False):
                remember(dataset, catalog, copy)
            problems.extend(read.problems)
            added_keys.extend((read.path, key) for key in read.added_keys)
            altered.extend((read.path, change) for change in read.altered_columns)
            comments.extend(read.comments)
            for dataset in read.datasets:
                datasets.append(dataset)
                own = read.samples.get(dataset.name)
                if own is not None and options.content:
                    sample_sets[(dataset.source_path, dataset.name)] = own
            if progress is not None:
                progress(done, len(files), str(path))

        if altered:
            problems.extend(readers.attach_altered_columns(datasets, altered))
        if added_keys:
            problems.extend(readers.attach_added_keys(datasets, added_keys))
        if comments:
            readers.attach_comments(datasets, comments)
        attached: dict[tuple[str, str], str] = {}
        if samples:
            problems.extend(
                _attach_samples(datasets, samples, options, sample_options, sample_sets, attached)
            )
            datasets = _merge_samples(datasets, attached, problems)

        from dataflow.subject import infer_subjects

        subjects = infer_subjects(datasets, catalog)

        def classify_at(i: int) -> DatasetResult:
            dataset = datasets[i]
            key = (dataset.source_path, dataset.name)
            return _classify_one(
                dataset,
                catalog,
                options,
                sample_sets,
                classify_dataset,
                verdicts.get(key),
                subjects[i],
            )

        schema_only = not sample_sets and not verdicts and local
        processes = processes_for(len(datasets), options.jobs) if schema_only else 1
        prepared: list[tuple[DatasetResult, Any]] = []
        if prepare is not None and processes > 1:

            def classify_and_prepare(i: int) -> tuple[DatasetResult, Any]:
                result = classify_at(i)
                return result, prepare(result)

            prepared = map_in_order(classify_and_prepare, len(datasets), processes)
            results = [result for result, _ in prepared]
        else:
            results = map_in_order(classify_at, len(datasets), processes)
        results.sort(key=dataset_sort_key)
        problems = _unique_sorted(problems)
    return ScanResult(
        datasets=tuple(results),
        problems=tuple(problems),
        files_scanned=len(files) + sum(getattr(db, "sources_read", 0) for db in sources),
        catalog_version=_catalog_version(catalog),
        notices=tuple(notices),
        prepared=tuple(prepared),
    )


def _catalog_and_recognizers(options: ScanOptions, catalog: Any | None) -> Any:
    """The catalog given, else the one of ``options``; extra recognizer files are checked now,
    so a broken one stops the scan before anything is read (file, line, key)."""
    if catalog is None:
        from dataflow.catalog import load_catalog

        catalog = load_catalog(options.catalogs)
    if options.recognizers and options.content:
        from dataflow.detect.recognizers import load_specs

        load_specs(options.recognizers)
    return catalog


def _gather(
    others: Sequence[Path | str], options: ScanOptions
) -> tuple[list[Path], list[Problem], list[Any]]:
    """The files to read and their problems, or with ``engine="spark"`` the Spark source that
    reads them."""
    from dataflow import readers

    if options.engine != "spark":
        files, found = readers.collect_files([Path(p) for p in others], options.ignore)
        return files, list(found), []
    from dataflow.readers.spark import scan_sources

    source = scan_sources(
        [str(p) for p in others],
        options.spark,
        content=options.content,
        recognizer_files=_recognizer_files(options),
    )
    return [], [], [source]


def _take_sources(
    sources: Sequence[Any],
    datasets: list[Dataset],
    sample_sets: dict[tuple[str, str], SampleSet],
    verdicts: dict[tuple[str, str], tuple[dict[str, Any], int]],
    problems: list[Problem],
) -> list[str]:
    """The datasets, samples and verdicts of databases and Spark sources, their names and
    comments scrubbed (they are data too); returns their notices, scrubbed as well."""
    from dataflow import readers

    notices: list[str] = []
    for db in sources:
        problems.extend(dataclasses.replace(p, message=_scrubbed(p.message)) for p in db.problems)
        notices.extend(_scrubbed(notice) for notice in db.notices)  # they name tables
        for raw in db.datasets:
            dataset, renamed = readers.scrub_dataset(raw)  # names and comments are data too
            datasets.append(dataset)
            key = (dataset.source_path, dataset.name)
            if raw.name in db.samples:
                sample_sets[key] = _rekeyed_samples(db.samples[raw.name], renamed)
            if raw.name in db.verdicts:
                verdicts[key] = _rekeyed_verdicts(db.verdicts[raw.name], renamed)
    return notices


def _scrubbed(message: str) -> str:
    """A database problem or notice with identifiers in its table names masked, in both
    languages."""
    from dataflow.detect.names import scrub

    if isinstance(message, Words):
        return Words(scrub(message.en), scrub(message.zh))
    return scrub(message)


def _rekeyed_samples(samples: SampleSet, renamed: Mapping[str, str]) -> SampleSet:
    if not renamed:
        return samples
    return dataclasses.replace(
        samples,
        columns={renamed.get(k, k): v for k, v in samples.columns.items()},
        distinct={renamed.get(k, k): v for k, v in samples.distinct.items()},
    )


def _rekeyed_verdicts(
    found: tuple[dict[str, Any], int], renamed: Mapping[str, str]
) -> tuple[dict[str, Any], int]:
    verdicts, rows = found
    if not renamed:
        return found
    out = {}
    for pointer, verdict in verdicts.items():
        new = renamed.get(pointer, pointer)
        out[new] = dataclasses.replace(verdict, pointer=new) if new != pointer else verdict
    return out, rows


def _is_db_url(text: str) -> bool:
    from dataflow.readers.database import is_db_url

    return is_db_url(text)


def _scan_database(url: str, options: ScanOptions, sample_options: Any) -> Any:
    """A database source: its datasets with samples (or full-scan verdicts), notes, problems."""
    from dataflow.readers.database import DbOptions, scan_database

    return scan_database(
        url,
        DbOptions(
            schemas=options.db_schemas,
            tables=options.db_tables,
            timeout_s=options.db_timeout,
            sample=sample_options,
        ),
        content=options.content,
        full=options.full,
        processes=options.jobs,
        recognizer_files=_recognizer_files(options),
    )


def _attach_samples(
    datasets: Sequence[Dataset],
    samples: Mapping[str, Path],
    options: ScanOptions,
    sample_options: Any,
    sample_sets: dict[tuple[str, str], SampleSet],
    attached: dict[tuple[str, str], str],
) -> list[Problem]:
    """Read each ``samples`` file for the datasets it names; ``attached`` gets (schema file,
    dataset) → sample file, for the reports and ``_merge_samples``."""
    problems: list[Problem] = []
    for name in sorted(samples):
        sample_path = Path(samples[name])
        targets = [d for d in datasets if d.name == name or _bare_name(d.name) == name]
        if not targets:
            known = ", ".join(sorted({d.name for d in datasets})) or "none"
            problems.append(
                Problem(
                    path=str(sample_path),
                    message=msg("p.sample_unknown", name=repr(name), known=known),
                )
            )
            continue
        for dataset in targets:
            if not _same_file(dataset.source_path, str(sample_path)):
                attached[(dataset.source_path, dataset.name)] = str(sample_path)
        if not options.content:
            continue
        read = _read(sample_path, options, sample_options)
        problems.extend(read.problems)
        found = read.samples.get(name) or next(iter(read.samples.values()), None)
        if found is None:
            if not read.problems:
                problems.append(Problem(path=str(sample_path), message=msg("p.no_sample_rows")))
            continue
        for dataset in targets:
            sample_sets[(dataset.source_path, dataset.name)] = found
    return problems


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except (OSError, RuntimeError):
        return a == b


def _merge_samples(
    datasets: list[Dataset], attached: Mapping[tuple[str, str], str], problems: list[Problem]
) -> list[Dataset]:
    """A sample file attached to a schema's table (``--sample customers=customers.csv``) that
    the scan also read as a dataset of its own is one dataset with that table: the schema's
    fields and types, the file's values. The file's own dataset is dropped, unless it has
    columns the table lacks (then both stay, with a warning naming those columns, so that
    nothing is silently dropped)."""
    drop: set[int] = set()
    for (schema_path, name), sample_path in sorted(attached.items()):
        table = next(d for d in datasets if (d.source_path, d.name) == (schema_path, name))
        known = {f.name.lower() for f in table.fields}
        for i, own in enumerate(datasets):
            if own is table or not _same_file(own.source_path, sample_path):
                continue
            extra = sorted(f.name for f in own.fields if f.name.lower() not in known)
            if extra:
                problems.append(
                    Problem(
                        path=own.source_path,
                        message=msg(
                            "p.sample_extra_columns", table=name, columns=", ".join(extra[:10])
                        ),
                        severity=Severity.WARNING,
                    )
                )
            else:
                drop.add(i)
    return [d for i, d in enumerate(datasets) if i not in drop]


def _bare_name(name: str) -> str:
    """``shop.customers`` → ``customers`` (a sample may name the table without its schema)."""
    return name.rsplit(".", 1)[-1]


def _classify_one(
    dataset: Dataset,
    catalog: Any,
    options: ScanOptions,
    sample_sets: Mapping[tuple[str, str], SampleSet],
    classify: Callable[..., DatasetResult],
    verdicts: tuple[dict[str, Any], int] | None = None,
    subject: Any = None,
) -> DatasetResult:
    sample = sample_sets.get((dataset.source_path, dataset.name))
    content = None
    rows: int | None = None
    if verdicts is not None:  # a database table read whole while its connection was open
        content, rows = verdicts
    elif options.content and sample is not None:
        if options.full:
            from dataflow.detect.full import FullScanOptions, scan_full

            own = sample.source_path == dataset.source_path
            full_options = FullScanOptions(
                schema_format=options.schema_format if own else None,
                processes=options.jobs,
                **_user_recognizers(options),
            )
            content, rows = scan_full(Path(sample.source_path), dataset, full_options)
        else:
            from dataflow.detect.content import ContentOptions, detect_samples

            files = _recognizer_files(options)
            content = detect_samples(
                dataset,
                sample,
                ContentOptions(recognizer_files=files),
                matcher=_sample_matcher(files),
            )
            rows = sample.rows_read
    result = classify(dataset, catalog, content, subject=subject, learned=options.learned)
    if sample is not None and not _same_file(sample.source_path, dataset.source_path):
        result = dataclasses.replace(result, sample_path=sample.source_path)
    if content is not None and (not result.sampled or result.rows_scanned is None):
        result = dataclasses.replace(
            result,
            sampled=True,
            rows_scanned=result.rows_scanned if result.rows_scanned is not None else rows,
        )
    findings = tuple(sorted(result.findings, key=_finding_key))
    if findings != result.findings:
        result = dataclasses.replace(result, findings=findings)
    categories = tuple(sorted(set(result.categories)))
    if categories != result.categories:
        result = dataclasses.replace(result, categories=categories)
    return result


def _user_recognizers(options: ScanOptions) -> dict[str, Any]:
    """``FullScanOptions`` keywords for the user's recognizer files (none: the defaults; the
    full scan's matcher follows the content options' files)."""
    if not options.recognizers:
        return {}
    from dataflow.detect.content import ContentOptions

    return {"content": ContentOptions(recognizer_files=_recognizer_files(options))}


def _recognizer_files(options: ScanOptions) -> tuple[str, ...]:
    """The user's recognizer files (``--recognizers``, ``recognizers:``), for content scans."""
    return tuple(str(p) for p in options.recognizers) if options.content else ()


def _finding_key(finding: Any) -> tuple[int, str]:
    line = finding.field.line
    return (line if line is not None else 1 << 30, finding.field.pointer)


def _unique_sorted(problems: Sequence[Problem]) -> list[Problem]:
    return sorted(set(problems), key=problem_sort_key)


def _catalog_version(catalog: Any) -> str | None:
    version = getattr(catalog, "version", None)
    return str(version) if version is not None else None


def has_errors(result: ScanResult) -> bool:
    """Whether any file could not be read (fully): the CLI then exits 2."""
    return any(p.severity is Severity.ERROR for p in result.problems)
