"""``dataflow assess MANIFEST...``: decide the mechanism, risk and obligations of planned transfers.

Each manifest's datasets are scanned (schema plus sample), negative lists are matched, cumulative
counts come from the manifest's ``prior_exports`` or else from the ledger, and the decision runs on
the rule pack in force on ``--as-of`` (default: each transfer's date).

Exit codes: 0 nothing blocking; 1 a transfer's risk is at or above ``--fail-on`` (default
``blocked``) or a binding negative-list entry matched; 2 bad input (manifest, list, catalog,
unreadable schema or sample), with one ``error:`` line per problem on stderr.
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

import typer

from dataflow.assess import RISKS, Policy, assess_transfer, blocking_hits, exceeds, results_for
from dataflow.commands._common import (
    check_format,
    check_lang,
    echo_problems,
    guarded,
    jobs_option,
    refuse_output_over_inputs,
    write_bytes,
    write_output,
)
from dataflow.commands.scan import DEFAULT_SAMPLE_SIZE
from dataflow.config import DEFAULT_WARN_AT, Settings, load_settings, parse_warn_at
from dataflow.errors import ConfigError, ManifestError, UserError
from dataflow.i18n import t
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
    in_lang,
)
from dataflow.rules import load_packs, select_pack
from dataflow.yamlio import as_date

DEFAULT_FAIL_ON = "blocked"


@dataclass(frozen=True)
class Run:
    """Everything one assess run produced."""

    result: AssessResult
    pairs: tuple[tuple[Transfer, TransferAssessment], ...]
    catalog: Any
    recorded: tuple[LedgerEntry, ...] = ()
    packs: tuple[Any, ...] = ()  # the rule packs the run used
    notices: tuple[str, ...] = ()


def parse_as_of(text: str | None) -> dt.date | None:
    """``--as-of 2025-06-30``."""
    if text is None:
        return None
    found = as_date(text)
    if found is None:
        raise ConfigError(f"--as-of must be a date YYYY-MM-DD (got {text!r})")
    return found


def parse_fail_on_risk(flag: str | None, settings: Settings) -> str:
    """The risk level that makes the exit 1. A configured grade (for ``scan``) is ignored here."""
    if flag is not None:
        if flag.strip().lower() not in RISKS:
            raise ConfigError(f"--fail-on must be one of: {', '.join(RISKS)} (got {flag!r})")
        return flag.strip().lower()
    if settings.assess_fail_on is not None:
        if settings.assess_fail_on.strip().lower() not in RISKS:
            raise ConfigError(
                f"assess_fail_on must be one of: {', '.join(RISKS)} "
                f"(got {settings.assess_fail_on!r})",
                path=settings.source,
            )
        return settings.assess_fail_on.strip().lower()
    if settings.fail_on in RISKS:
        return str(settings.fail_on)
    return DEFAULT_FAIL_ON


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
            notes.append(f"{spec.key}: people counted by Spark: {people.query}")
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
    from dataflow.scan import scan_paths
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

    scans: dict[tuple[str, str, str, bool, str, str], ScanResult] = {}
    all_results: dict[tuple[str, str], DatasetResult] = {}
    problems: list[Problem] = []
    pairs: list[tuple[Transfer, TransferAssessment]] = []
    recorded: list[LedgerEntry] = []
    counted_notes: list[str] = []
    for transfer in transfers:
        specs = []
        scanned: list[DatasetResult] = []
        readable = True
        # Sensitivity by the standard in force on the transfer's date (or --as-of).
        catalog = at(base_catalog, as_of or transfer.date, downgrades=downgrades)
        for spec in transfer.datasets:
            if spec.source is not None:
                db_scan, counted, notes = _database_dataset(spec, transfer, settings, catalog)
                problems.extend(db_scan.problems)
                readable &= not any(p.severity is Severity.ERROR for p in db_scan.problems)
                counted_notes.extend(notes)
                specs.append(counted)
                for r in db_scan.datasets:
                    r = _regrade(r, catalog, transfer.sector, counted.subjects)
                    all_results[(r.dataset.source_path, r.dataset.name)] = r
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
            if key not in scans:
                options = _scan_options(
                    settings, spec, engine=spec.engine, spark=settings.spark_options()
                )
                scans[key] = scan_paths([source], options, catalog=catalog, samples=samples)
                problems.extend(scans[key].problems)
            readable &= not any(p.severity is Severity.ERROR for p in scans[key].problems)
            found = results_for(spec, scans[key].datasets)
            _check_found(spec, transfer, source, found, scans[key].problems)
            counted, notes = _count_people(spec, transfer, settings)
            counted_notes.extend(notes)
            specs.append(counted)
            # Sector and volume escalation rules (e.g. automotive PI of > 100,000 people) need
            # the transfer's sector and head count, which a plain scan does not know.
            found = tuple(_regrade(r, catalog, transfer.sector, counted.subjects) for r in found)
            for r in found:
                all_results[(r.dataset.source_path, r.dataset.name)] = r
            scanned.extend(found)
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
        datasets=tuple(all_results[k] for k in sorted(all_results)),
        problems=tuple(sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.message))),
        files_scanned=len({k[0] for k in scans} | {k[1] for k in scans if k[1]}),
        catalog_version=getattr(catalog, "version", None),
        notices=tuple(counted_notes),
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
            *counted_notes,
        ),
    )


def _scan_options(settings: Settings, spec: DatasetSpec, **database: Any) -> Any:
    """How a manifest dataset is scanned: the configured sampling, workers, catalogs and
    recognizers, the dataset's ``full``, and the keywords given: a file's engine, a database
    table's table and timeout."""
    from dataflow.scan import ScanOptions

    return ScanOptions(
        sample_size=settings.sample_size or DEFAULT_SAMPLE_SIZE,
        full=spec.full,
        jobs=settings.jobs,
        catalogs=settings.catalogs,
        recognizers=settings.recognizers,
        **database,
    )


def _database_dataset(
    spec: DatasetSpec, transfer: Transfer, settings: Settings, catalog: Any
) -> tuple[ScanResult, DatasetSpec, list[str]]:
    """Scan a manifest dataset that is a database table and count its people there.

    ``subjects: {count_distinct: …}`` is counted with ``COUNT(DISTINCT …)`` in the read-only
    session; unless ``sensitive_subjects`` is given, the people with sensitive PI are counted
    the same way over the rows where at least one sensitive field found by the scan holds a
    value. The queries (no values) are returned as notes for the report.
    """
    from dataflow.commands.scan import DEFAULT_DB_TIMEOUT
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
            counted, notes = _count_subjects(spec, count, sensitive, lambda _: f"in {redact(url)}")
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
        recognizers=settings.recognizers,  # not used by Spark: a warning says so
        engine="spark",
        spark=settings.spark_options(),
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
        return "by Spark (exact)"
    return f"by Spark (approximate, relative standard deviation {people.approximate:.1%})"


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
    notes = [f"{spec.key}: people counted {how(people)}: {people.query}"]
    counted = dataclasses.replace(spec, subjects=people.count)
    if spec.sensitive_subjects is None:
        number = 0
        if sensitive:
            with_sensitive = count(any_not_null=sensitive)
            number = with_sensitive.count
            notes.append(
                f"{spec.key}: people with sensitive PI counted {how(with_sensitive)}: "
                f"{with_sensitive.query}"
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


@guarded
def assess_command(
    manifests: list[Path] = typer.Argument(..., help="Transfer manifest YAML files."),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Apply the rules in force on this date (default: the transfer date)."
    ),
    fmt: str = typer.Option(
        "table", "--format", "-f", help="table | json | sarif | markdown | html | pipia"
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the report here (pipia: FILE.docx writes Word)."
    ),
    lang: str | None = typer.Option(None, "--lang", help="en | zh"),
    fail_on: str | None = typer.Option(
        None,
        "--fail-on",
        help="Exit 1 when a transfer's risk is at or above this: low | medium | high | "
        "critical | blocked (default blocked).",
    ),
    negative_lists: list[Path] = typer.Option(
        [], "--negative-list", help="Extra negative list YAML (repeatable)."
    ),
    catalogs: list[Path] = typer.Option([], "--catalog", help="Extra catalog YAML (repeatable)."),
    ledger: Path | None = typer.Option(
        None, "--ledger", help="Ledger SQLite file (default dataflow-ledger.sqlite here)."
    ),
    count_exempt_volumes: bool | None = typer.Option(
        None,
        "--count-exempt-volumes/--no-count-exempt-volumes",
        help="Count volumes exported under exemption scenarios towards the thresholds.",
    ),
    warn_at: str | None = typer.Option(
        None,
        "--warn-at",
        help="Warn when a transfer brings an exporter to this percentage of the next threshold "
        "(default: warn_at of the configuration, else 80).",
    ),
    jobs: int | None = jobs_option("datasets with full: true"),
    config: Path | None = typer.Option(None, "--config", help="Configuration file."),
) -> None:
    """Decide which mechanism each planned transfer needs, how risky it is, and what to do."""
    fmt = check_format(fmt, "assess")
    settings = load_settings(config).merged(
        catalogs=tuple(catalogs),
        negative_lists=tuple(negative_lists),
        lang=lang,
        ledger=ledger,
        count_exempt_volumes=count_exempt_volumes,
        jobs=jobs,
    )
    if warn_at is not None:
        settings = settings.merged(warn_at=parse_warn_at(warn_at, settings))
    lang_ = check_lang(settings.lang)
    threshold = parse_fail_on_risk(fail_on, settings)
    refuse_output_over_inputs(output, manifests)
    run = run_assessments(manifests, settings, as_of=parse_as_of(as_of))
    refuse_output_over_inputs(
        output, [p for t, _ in run.pairs for d in t.datasets for p in (d.schema, d.sample)]
    )

    write_report(run, fmt, lang_, output)
    finish(run, threshold, lang_)


def write_report(run: Run, fmt: str, lang: str, output: Path | None) -> None:
    """Render ``run`` in ``fmt``; the HTML page and the drafts also get each transfer's facts."""
    from dataflow.report import formats, render
    from dataflow.report.facts import transfer_facts

    facts = transfer_facts(run.pairs, run.packs) if formats.get(fmt).facts else None
    # ``pipia``: the self-assessment drafts (Markdown, or Word with ``--output FILE.docx``).
    if fmt == "pipia" and output is not None and output.suffix.lower() == ".docx":
        from dataflow.report.pipia import render_docx

        write_bytes(render_docx(run.result, lang, run.catalog, facts=facts), output)
        return
    write_output(render(run.result, fmt, lang, catalog=run.catalog, facts=facts), output)


def finish(run: Run, threshold: str, lang: str = "en") -> None:
    """Problems and a summary on stderr; exit 2 on unreadable input, 1 when blocking."""
    echo_problems(run.result.scan, lang)
    for notice in run.notices:
        typer.echo(f"note: {in_lang(notice, lang)}", err=True)
    blocking = [
        a.id for a in run.result.transfers if exceeds(a.risk, threshold) or blocking_hits(a)
    ]
    verdicts = ", ".join(f"{a.id}: {a.mechanism} ({a.risk})" for a in run.result.transfers)
    typer.echo(
        t(
            "assess.cli_summary",
            lang,
            transfers=len(run.result.transfers),
            verdicts=verdicts,
            blocking=len(blocking),
            threshold=threshold,
        ),
        err=True,
    )
    if any(p.severity is Severity.ERROR for p in run.result.scan.problems):
        raise typer.Exit(2)
    if blocking:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``dataflow assess``."""
    app.command("assess")(assess_command)
