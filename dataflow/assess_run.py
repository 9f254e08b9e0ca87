"""Assess the transfers of manifests: load them, scan their datasets, count their people and run
the decision procedure on each (``dataflow assess`` and ``dataflow ledger record``).

Each manifest's datasets are scanned (schema plus sample), negative lists are matched, cumulative
counts come from the manifest's ``prior_exports`` or else from the ledger, and the decision runs on
the rule pack in force on ``as_of`` (default: each transfer's date).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataflow.assess import Policy, assess_transfer, results_for
from dataflow.config import DEFAULT_WARN_AT, Settings
from dataflow.errors import ManifestError, UserError
from dataflow.i18n import msg
from dataflow.ledger import Ledger, LedgerEntry, default_path
from dataflow.manifest import DatasetSpec, Transfer, load_manifest
from dataflow.model import (
    AssessResult,
    DatasetResult,
    Problem,
    ScanResult,
    Severity,
    TransferAssessment,
    Words,
)
from dataflow.rules import load_packs, select_pack
from dataflow.scan import DEFAULT_DB_TIMEOUT, configured


@dataclass(frozen=True)
class Run:
    """Everything one assess run produced."""

    result: AssessResult
    pairs: tuple[tuple[Transfer, TransferAssessment], ...]
    catalog: Any
    recorded: tuple[LedgerEntry, ...] = ()
    packs: tuple[Any, ...] = ()  # the rule packs the run used
    notices: tuple[str, ...] = ()


def _sample_target(spec: DatasetSpec, transfer: Transfer) -> str:
    assert spec.sample is not None
    if len(spec.tables) == 1:
        return spec.tables[0]
    if not spec.tables or spec.sample.stem in spec.tables:
        return spec.sample.stem
    raise ManifestError(
        "a sample with several tables: list only the table the sample belongs to, or name the "
        "sample file after it",
        path=transfer.path,
        key=f"{spec.key}.sample",
    )


def _check_files(spec: DatasetSpec, transfer: Transfer) -> None:
    for name, path in (("schema", spec.schema), ("sample", spec.sample)):
        if path is not None and path.is_dir():
            raise ManifestError(
                f"{name} is a folder, not a file: {path} (a dataset names one {name} file; "
                "use dataflow scan for folders)",
                path=transfer.path,
                key=f"{spec.key}.{name}",
            )
        if path is not None and not path.is_file():
            raise ManifestError(
                f"{name} file not found: {path}", path=transfer.path, key=f"{spec.key}.{name}"
            )


def _check_found(
    spec: DatasetSpec,
    transfer: Transfer,
    source: Path,
    found: Sequence[DatasetResult],
    problems: Sequence[Problem],
) -> None:
    """Stop when a dataset of the transfer is missing: a verdict without it would be
    the verdict on other data (often "not applicable"), so none is given."""
    missing = sorted(set(spec.tables) - {r.dataset.name for r in found})
    if not missing and found:
        return
    errors = [p for p in problems if p.severity is Severity.ERROR]
    why = f" ({errors[0].render()})" if errors else ""
    if missing:
        message = f"table(s) not found in {source.name}: {', '.join(missing)}{why}"
        key = f"{spec.key}.tables"
    else:
        message = f"no dataset could be read from {source.name}{why}"
        key = f"{spec.key}.schema" if spec.schema is not None else f"{spec.key}.sample"
    raise ManifestError(message + "; the transfer cannot be assessed", path=transfer.path, key=key)


def _count_people(
    spec: DatasetSpec, transfer: Transfer, settings: Settings
) -> tuple[DatasetSpec, list[str]]:
    if spec.count_distinct is None or spec.sample is None:
        return spec, []
    from dataflow import readers

    notes: list[str] = []
    try:
        if spec.engine == "spark":
            from dataflow.readers import spark

            people = spark.count_people(
                spark.session(settings.spark_options()),
                str(spec.sample),
                columns=(spec.count_distinct,),
            )
            count = people.count
            notes.append(msg("count.spark", dataset=spec.key, query=people.query))
        else:
            count = readers.count_distinct(spec.sample, spec.count_distinct)
    except UserError as exc:
        raise ManifestError(
            f"count_distinct: {exc.message}", path=transfer.path, key=f"{spec.key}.count_distinct"
        ) from None
    return dataclasses.replace(spec, subjects=count), notes


def run_assessments(
    manifests: Sequence[Path],
    settings: Settings,
    *,
    as_of: dt.date | None = None,
    record: bool = False,
) -> Run:
    """Load, scan and assess every transfer of every manifest (shared by ``ledger record``).

    With ``record``, each transfer whose inputs were all readable is recorded in the ledger right
    after its assessment, so the next transfer of the same run counts it.
    """
    from dataflow import negative_list
    from dataflow.catalog import load_catalog
    from dataflow.sensitivity import at

    transfers = [t for path in manifests for t in load_manifest(path)]
    packs = load_packs(settings.rule_packs)
    policy = Policy(
        packs=packs,
        as_of=as_of,
        warn_at=DEFAULT_WARN_AT if settings.warn_at is None else settings.warn_at,
        **settings.open_question_values(),
    )
    base_catalog = load_catalog(settings.catalogs)
    downgrades = bool(settings.sensitivity_downgrades)
    catalog = at(base_catalog, as_of or dt.date.today(), downgrades=downgrades)
    lists = negative_list.load_lists(
        settings.negative_lists, shipped_ids=settings.shipped_negative_lists
    )
    ledger = Ledger(default_path(settings.ledger))

    state = _Scanned()
    pairs: list[tuple[Transfer, TransferAssessment]] = []
    recorded: list[LedgerEntry] = []
    for transfer in transfers:
        # Sensitivity by the standard in force on the transfer's date (or --as-of).
        catalog = at(base_catalog, as_of or transfer.date, downgrades=downgrades)
        specs, scanned, readable = _scan_transfer(transfer, settings, catalog, state)
        transfer = dataclasses.replace(transfer, datasets=tuple(specs))
        # Reading the prior exports and recording the transfer share one write transaction,
        # so concurrent runs cannot both count without the other.
        with ledger.session(write=record) as session:
            prior = None
            if transfer.prior_exports is None:
                pack = select_pack(packs, as_of or transfer.date)
                prior = session.prior(transfer, pack.window_start(transfer.date))
            assessment = assess_transfer(transfer, scanned, lists, policy, prior=prior)
            if record and readable:
                recorded.append(session.record(assessment, transfer))
        pairs.append((transfer, assessment))

    scan = ScanResult(
        datasets=tuple(state.results[k] for k in sorted(state.results)),
        problems=tuple(sorted(set(state.problems), key=lambda p: (p.path, p.line or 0, p.message))),
        files_scanned=len({k[0] for k in state.scans} | {k[1] for k in state.scans if k[1]}),
        catalog_version=getattr(catalog, "version", None),
        notices=tuple(state.notes),
    )
    result = AssessResult(scan=scan, transfers=tuple(a for _, a in pairs))
    return Run(
        result=result,
        pairs=tuple(pairs),
        catalog=catalog,
        recorded=tuple(recorded),
        packs=packs,
        notices=(
            *(
                Words(n.en, n.zh)
                for n in negative_list.unverified_notices(_in_use(lists, transfers))
            ),
            *state.notes,
        ),
    )


@dataclass
class _Scanned:
    """What the transfers of one run have scanned so far: each file scanned once (by source,
    sample, tables, full, sensitivity standard and engine), every dataset result, problem and
    note on how people were counted."""

    scans: dict[tuple[str, str, str, bool, str, str], ScanResult] = dataclasses.field(
        default_factory=dict
    )
    results: dict[tuple[str, str], DatasetResult] = dataclasses.field(default_factory=dict)
    problems: list[Problem] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)


def _scan_transfer(
    transfer: Transfer, settings: Settings, catalog: Any, state: _Scanned
) -> tuple[list[DatasetSpec], list[DatasetResult], bool]:
    """Scan the datasets of one transfer and count their people: the datasets with their
    counts, their results, and whether every input was readable."""
    from dataflow.scan import scan_paths

    specs = []
    scanned: list[DatasetResult] = []
    readable = True
    for spec in transfer.datasets:
        if spec.source is not None:
            db_scan, counted, notes = _database_dataset(spec, transfer, settings, catalog)
            state.problems.extend(db_scan.problems)
            readable &= not any(p.severity is Severity.ERROR for p in db_scan.problems)
            state.notes.extend(notes)
            specs.append(counted)
            for r in db_scan.datasets:
                r = _regrade(r, catalog, transfer.sector, counted.subjects)
                state.results[(r.dataset.source_path, r.dataset.name)] = r
                scanned.append(r)
            continue
        _check_files(spec, transfer)
        source = spec.schema or spec.sample
        assert source is not None
        samples: dict[str, Path] = {}
        if spec.schema is not None and spec.sample is not None:
            samples[_sample_target(spec, transfer)] = spec.sample
        key = (
            str(source),
            str(spec.sample or ""),
            ",".join(spec.tables),
            spec.full,
            catalog.sensitivity_standard or "",
            spec.engine,
        )
        if key not in state.scans:
            options = _scan_options(
                settings, spec, engine=spec.engine, spark=settings.spark_options()
            )
            state.scans[key] = scan_paths([source], options, catalog=catalog, samples=samples)
            state.problems.extend(state.scans[key].problems)
        readable &= not any(p.severity is Severity.ERROR for p in state.scans[key].problems)
        found = results_for(spec, state.scans[key].datasets)
        _check_found(spec, transfer, source, found, state.scans[key].problems)
        counted, notes = _count_people(spec, transfer, settings)
        state.notes.extend(notes)
        specs.append(counted)
        # Sector and volume escalation rules (e.g. automotive PI of > 100,000 people) need
        # the transfer's sector and head count, which a plain scan does not know.
        found = tuple(_regrade(r, catalog, transfer.sector, counted.subjects) for r in found)
        for r in found:
            state.results[(r.dataset.source_path, r.dataset.name)] = r
        scanned.extend(found)
    return specs, scanned, readable


def _scan_options(settings: Settings, spec: DatasetSpec, **database: Any) -> Any:
    """How a manifest dataset is scanned: the configured sampling, workers, catalogs and
    recognizers, the dataset's ``full``, and the keywords given: a file's engine, a database
    table's table and timeout."""
    return configured(settings, full=spec.full, **database)


def _database_dataset(
    spec: DatasetSpec, transfer: Transfer, settings: Settings, catalog: Any
) -> tuple[ScanResult, DatasetSpec, list[str]]:
    """Scan a manifest dataset that is a database table and count its people there.

    ``subjects: {count_distinct: …}`` is counted with ``COUNT(DISTINCT …)`` in the read-only
    session; unless ``sensitive_subjects`` is given, the people with sensitive PI are counted
    the same way over the rows where at least one sensitive field found by the scan holds a
    value. The queries (no values) are returned as notes for the report.
    """
    from dataflow.readers.database import Connection, DatabaseError, count_people, redact
    from dataflow.scan import scan_paths

    assert spec.source is not None
    if spec.engine == "spark":
        return _spark_dataset(spec, transfer, settings, catalog)
    url = settings.database_url(spec.source[3:]) if spec.source.startswith("db:") else spec.source
    table = spec.tables[0]
    timeout = settings.db_timeout or DEFAULT_DB_TIMEOUT
    options = _scan_options(settings, spec, db_tables=(table,), db_timeout=timeout)
    scanned = scan_paths([url], options, catalog=catalog)
    found = tuple(r for r in scanned.datasets if r.dataset.name == table)
    if not found and not any(p.severity is Severity.ERROR for p in scanned.problems):
        raise ManifestError(
            f"table not found in {redact(url)}: {table}",
            path=transfer.path,
            key=f"{spec.key}.table",
        )
    scanned = dataclasses.replace(scanned, datasets=found)
    if spec.people is None or not found:
        return scanned, spec, []
    sensitive = sorted({f.field.name for r in found for f in r.findings if f.sensitive})
    try:
        with Connection(url, timeout) as db:
            count = functools.partial(
                count_people,
                db,
                table,
                columns=spec.people.columns,
                expression=spec.people.expression,
                where=spec.people.where,
            )
            counted, notes = _count_subjects(
                spec, count, sensitive, lambda _: msg("count.how.database", source=redact(url))
            )
    except DatabaseError as exc:
        raise ManifestError(
            f"{exc.path}: {exc.message}" if exc.path else exc.message,
            path=transfer.path,
            key=f"{spec.key}.subjects",
        ) from None
    return scanned, counted, notes


def _spark_dataset(
    spec: DatasetSpec, transfer: Transfer, settings: Settings, catalog: Any
) -> tuple[ScanResult, DatasetSpec, list[str]]:
    """A manifest dataset read through Spark (``source: spark:db.table`` or ``spark:PATH``):
    every row scanned on the executors, people counted by Spark as a database counts them
    (exactly, or with ``approximate:`` by ``approx_count_distinct``; the notes say which)."""
    from dataflow.readers import spark
    from dataflow.scan import ScanOptions, scan_paths

    assert spec.source is not None
    options = ScanOptions(
        catalogs=settings.catalogs,
        recognizers=settings.recognizers,
        engine="spark",
        spark=settings.spark_options(),
        learned=settings.learned_scorer,
    )
    scanned = scan_paths([spec.source], options, catalog=catalog)
    if spec.people is None or not scanned.datasets:
        return scanned, spec, []
    # The top-level columns holding sensitive PI (a struct column for a member of it).
    sensitive = sorted(
        {
            re.split(r"[.\[]", f.field.pointer[len(r.dataset.name) + 1 :], maxsplit=1)[0]
            for r in scanned.datasets
            for f in r.findings
            if f.sensitive
        }
    )
    people = spec.people
    try:
        session = spark.session(settings.spark_options())
        count = functools.partial(
            spark.count_people,
            session,
            spec.source,
            columns=people.columns,
            expression=people.expression,
            where=people.where,
            approximate=people.approximate,
        )
        counted, notes = _count_subjects(spec, count, sensitive, _by_spark)
    except UserError as exc:
        raise ManifestError(exc.message, path=transfer.path, key=f"{spec.key}.subjects") from None
    return scanned, counted, notes


def _by_spark(people: Any) -> str:
    """How Spark counted: exactly or approximately, in words."""
    if people.approximate is None:
        return msg("count.how.spark_exact")
    return msg("count.how.spark_approximate", rsd=f"{people.approximate:.1%}")


def _count_subjects(
    spec: DatasetSpec,
    count: Callable[..., Any],
    sensitive: Sequence[str],
    how: Callable[[Any], str],
) -> tuple[DatasetSpec, list[str]]:
    """``spec`` with its people counted by ``count`` (a database's or Spark's count_people)
    and, unless given, its people with sensitive PI: those of the rows where one of the
    ``sensitive`` columns holds a value. The notes give each query and ``how`` it was counted."""
    people = count()
    notes: list[str] = [msg("count.people", dataset=spec.key, how=how(people), query=people.query)]
    counted = dataclasses.replace(spec, subjects=people.count)
    if spec.sensitive_subjects is None:
        number = 0
        if sensitive:
            with_sensitive = count(any_not_null=sensitive)
            number = with_sensitive.count
            notes.append(
                msg(
                    "count.sensitive",
                    dataset=spec.key,
                    how=how(with_sensitive),
                    query=with_sensitive.query,
                )
            )
        counted = dataclasses.replace(counted, sensitive_subjects=number)
    return counted, notes


def _regrade(
    result: DatasetResult, catalog: Any, sector: str | None, subjects: int | None
) -> DatasetResult:
    """The dataset re-graded with the transfer's sector and the number of people concerned."""
    from dataflow.classify import grade_dataset

    grade, raises = grade_dataset(
        result.findings, catalog, sector=sector, subjects=subjects, dataset=result.dataset
    )
    if grade == result.grade and raises == result.raises:
        return result
    return dataclasses.replace(result, grade=grade, raises=raises)


def _in_use(lists: Sequence[Any], transfers: Sequence[Transfer]) -> list[Any]:
    """Lists that can apply to these transfers: national and organisation lists, and FTZ lists
    of an exporter's zone."""
    zones = {t.exporter.ftz for t in transfers if t.exporter.ftz}
    return [lst for lst in lists if lst.jurisdiction != "ftz" or lst.zone in zones]
