"""``dataflow ledger record|list|totals|status|void``: the cumulative export counts behind the
thresholds.

``record`` assesses each manifest exactly as ``dataflow assess`` does and stores the people counts
of each transfer (updating an earlier record of the same exporter and transfer id). ``list``,
``totals`` and ``status`` read the file; reading never creates it. ``void`` marks an entry void
(kept, counted nowhere). ``status`` exits 1 when ``--fail-on`` is reached, for scheduled jobs.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import typer
from tabulate import tabulate

from dataflow.commands._common import guarded, write_output
from dataflow.config import load_settings, parse_warn_at
from dataflow.errors import ConfigError
from dataflow.i18n import monitor_message
from dataflow.ledger import Ledger, LedgerSession, default_path
from dataflow.model import Text
from dataflow.monitor import (
    LIGHTS,
    Movement,
    Status,
    counted_subjects,
    exporter_status,
)

_FORMATS = ("table", "json")


def _format(fmt: str) -> str:
    if fmt not in _FORMATS:
        raise ConfigError(f"--format must be one of: {', '.join(_FORMATS)} (got {fmt!r})")
    return fmt


def _ledger(ledger: Path | None, config: Path | None) -> Ledger:
    settings = load_settings(config).merged(ledger=ledger)
    return Ledger(default_path(settings.ledger))


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)


@guarded
def record_command(
    manifests: list[Path] = typer.Argument(..., help="Transfer manifests that were carried out."),
    ledger: Path | None = typer.Option(None, "--ledger", help="Ledger SQLite file."),
    as_of: str | None = typer.Option(None, "--as-of", help="Rules in force on this date."),
    negative_lists: list[Path] = typer.Option([], "--negative-list", help="Extra negative list."),
    catalogs: list[Path] = typer.Option([], "--catalog", help="Extra catalog YAML."),
    config: Path | None = typer.Option(None, "--config", help="Configuration file."),
) -> None:
    """Assess the transfers and record their people counts in the ledger."""
    from dataflow.assess_run import run_assessments
    from dataflow.commands._common import echo_problems, parse_as_of

    settings = load_settings(config).merged(
        ledger=ledger, catalogs=tuple(catalogs), negative_lists=tuple(negative_lists)
    )
    run = run_assessments(manifests, settings, as_of=parse_as_of(as_of), record=True)
    echo_problems(run.result.scan)
    for entry in run.recorded:
        typer.echo(
            f"recorded {entry.transfer_id} ({entry.exporter}, {entry.date.isoformat()}): "
            f"{entry.subjects} subjects, {entry.sensitive_subjects} sensitive"
            + (" (exempt scenario, not counted by default)" if entry.exempt_scenario else "")
            + f" in {default_path(settings.ledger)}"
        )
    if len(run.recorded) < len(run.pairs):
        typer.echo(
            f"error: {len(run.pairs) - len(run.recorded)} transfer(s) not recorded: "
            "some input could not be read",
            err=True,
        )
        raise typer.Exit(2)


@guarded
def list_command(
    ledger: Path | None = typer.Option(None, "--ledger", help="Ledger SQLite file."),
    year: int | None = typer.Option(None, "--year", help="Only this calendar year."),
    exporter: str | None = typer.Option(None, "--exporter", help="Only this exporter."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | json"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here."),
    config: Path | None = typer.Option(None, "--config", help="Configuration file."),
) -> None:
    """List the recorded transfers."""
    fmt = _format(fmt)
    entries = _ledger(ledger, config).list(year=year, exporter=exporter)
    if fmt == "json":
        text = _dump({"schema_version": 1, "transfers": [e.as_dict() for e in entries]})
    elif not entries:
        text = "no transfers recorded"
    else:
        rows = [
            [
                e.entry,
                e.date.isoformat(),
                e.exporter,
                e.transfer_id,
                e.recipient,
                e.scenario,
                e.subjects,
                e.sensitive_subjects,
                "yes" if e.exempt_scenario else "no",
                e.mechanism,
                f"void: {e.void_reason} ({e.voided_at})" if e.void else "",
            ]
            for e in entries
        ]
        headers = [
            "entry",
            "date",
            "exporter",
            "transfer",
            "recipient",
            "scenario",
            "subjects",
            "sensitive",
            "exempt",
            "mechanism",
            "void",
        ]
        text = tabulate(rows, headers=headers, disable_numparse=True)
    write_output(text, output)


@guarded
def totals_command(
    year: int = typer.Option(..., "--year", help="Calendar year."),
    exporter: str = typer.Option(..., "--exporter", help="Exporter name as in the manifests."),
    include_exempt: bool = typer.Option(
        False, "--include-exempt", help="Add volumes exported under exemption scenarios."
    ),
    ledger: Path | None = typer.Option(None, "--ledger", help="Ledger SQLite file."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | json"),
    config: Path | None = typer.Option(None, "--config", help="Configuration file."),
) -> None:
    """People whose PI (and sensitive PI) an exporter exported in a year."""
    fmt = _format(fmt)
    book = _ledger(ledger, config)
    match = book.match(exporter)
    subjects, sensitive = book.totals(year, exporter, include_exempt=include_exempt)
    notices = [n.en for n in [*_missing(book), *match.notices()]]
    if fmt == "json":
        text = _dump(
            {
                "schema_version": 1,
                "year": year,
                "exporter": exporter,
                "exporters_matched": list(match.names),
                "include_exempt": include_exempt,
                "subjects": subjects,
                "sensitive_subjects": sensitive,
                "notices": notices,
            }
        )
    else:
        text = f"{exporter}, {year}: {subjects} subjects, {sensitive} sensitive subjects"
    write_output(text, None)
    for notice in notices:
        typer.echo(f"note: {notice}", err=True)


@guarded
def void_command(
    entry: str = typer.Argument(..., help="Entry number (see 'ledger list') or transfer id."),
    reason: str = typer.Option(..., "--reason", help="Why the entry is void (kept in the ledger)."),
    ledger: Path | None = typer.Option(None, "--ledger", help="Ledger SQLite file."),
    config: Path | None = typer.Option(None, "--config", help="Configuration file."),
) -> None:
    """Mark a recorded transfer void: kept with the reason and time, left out of every count."""
    book = _ledger(ledger, config)
    if not book.path.is_file():
        raise ConfigError(f"no ledger at {book.path}")
    done = book.void(entry, reason, dt.datetime.now(dt.timezone.utc))
    typer.echo(
        f"void entry {done.entry} ({done.transfer_id}, {done.exporter}, "
        f"{done.date.isoformat()}) at {done.voided_at}: {done.void_reason}"
    )


def _status_date(year: int | None, as_of: str | None) -> dt.date:
    from dataflow.commands._common import parse_as_of

    day = parse_as_of(as_of)
    if day is None:
        return dt.date(year, 12, 31) if year is not None else dt.date.today()
    if year is not None and day.year != year:
        raise ConfigError(f"--as-of {day.isoformat()} is not in --year {year}")
    return day


def _missing(book: Ledger) -> list[Text]:
    """A notice when the ledger file does not exist (everything then reads as 0)."""
    if book.path.exists():
        return []
    return [monitor_message("status.no_ledger", path=book.path)]


def build_status(
    book: Ledger,
    session: LedgerSession,
    *,
    as_of: dt.date,
    exporter: str | None,
    warn_at: float,
    count_exempt: bool,
    sensitive_toward_all: bool = True,
    rule_packs: Sequence[Path] = (),
) -> Status:
    """Every exporter (or the one asked for) against the thresholds in force on ``as_of``."""
    from dataflow.rules import load_packs, select_pack

    pack = select_pack(load_packs(rule_packs), as_of)
    start = pack.window_start(as_of)
    notices = list(_missing(book))
    if exporter is not None:
        match = session.match(exporter)
        notices += match.notices()
        groups = {exporter.strip(): list(match.names)}
    else:
        groups = {}
        for name in session.exporters():
            groups[name] = list(session.match(name).names)
    exporters = []
    for shown, names in groups.items():
        entries = session.entries(exporter=names[0], start=start, end=as_of) if names else []
        counted = [e for e in entries if not e.void and (count_exempt or not e.exempt_scenario)]
        movements = [
            Movement(
                e.date,
                counted_subjects(e.subjects, e.sensitive_subjects, sensitive_toward_all),
                e.sensitive_subjects,
            )
            for e in counted
        ]
        void = sum(1 for e in entries if e.void)
        exporters.append(
            exporter_status(pack, shown, names, movements, void, start, as_of, warn_at)
        )
    return Status(
        as_of=as_of,
        rule_pack=pack.id,
        window_start=start,
        warn_at=warn_at,
        count_exempt_volumes=count_exempt,
        sensitive_subjects_count_toward_all=sensitive_toward_all,
        exporters=tuple(exporters),
        notices=tuple(notices),
    )


@guarded
def status_command(
    exporter: str | None = typer.Option(None, "--exporter", help="Only this exporter."),
    year: int | None = typer.Option(
        None, "--year", help="Status at the end of this year (unless --as-of)."
    ),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Status on this date, with the rules then in force (default today)."
    ),
    warn_at: str | None = typer.Option(
        None,
        "--warn-at",
        help="Yellow at this percentage of a threshold (default: warn_at of the configuration, "
        "else 80).",
    ),
    fail_on: str | None = typer.Option(
        None, "--fail-on", help="Exit 1 when a line is at this light or worse: yellow | red."
    ),
    fmt: str = typer.Option("table", "--format", "-f", help="table | json | markdown | html"),
    lang: str | None = typer.Option(None, "--lang", help="en | zh"),
    ledger: Path | None = typer.Option(None, "--ledger", help="Ledger SQLite file."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here."),
    config: Path | None = typer.Option(None, "--config", help="Configuration file."),
) -> None:
    """Where each exporter stands against every volume threshold: light, headroom, trend."""
    from dataflow.commands._common import check_lang
    from dataflow.report.ledger_status import render_status

    if fmt not in ("table", "json", "markdown", "html"):
        raise ConfigError(f"--format must be one of: table, json, markdown, html (got {fmt!r})")
    if fail_on is not None and fail_on not in LIGHTS[1:]:
        raise ConfigError(f"--fail-on must be one of: yellow, red (got {fail_on!r})")
    day = _status_date(year, as_of)
    settings = load_settings(config).merged(ledger=ledger, lang=lang)
    share = parse_warn_at(warn_at, settings)
    questions = settings.open_question_values()
    lang_ = check_lang(settings.lang)
    book = Ledger(default_path(settings.ledger))
    with book.session(write=False) as session:
        status = build_status(
            book,
            session,
            as_of=day,
            exporter=exporter,
            warn_at=share,
            count_exempt=bool(questions["count_exempt_volumes"]),
            sensitive_toward_all=bool(questions["sensitive_subjects_count_toward_all"]),
            rule_packs=settings.rule_packs,
        )
    write_output(render_status(status, fmt, lang_), output)
    if fmt != "table":
        for notice in status.notices:
            typer.echo(f"note: {notice.en}", err=True)
    if fail_on is not None and LIGHTS.index(status.light) >= LIGHTS.index(fail_on):
        typer.echo(f"status {status.light}: at or above --fail-on {fail_on}", err=True)
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the ``ledger`` command group."""
    group = typer.Typer(
        name="ledger",
        help="Record transfers and read cumulative export counts (SQLite ledger).",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    group.command("record")(record_command)
    group.command("list")(list_command)
    group.command("totals")(totals_command)
    group.command("status")(status_command)
    group.command("void")(void_command)
    app.add_typer(group, name="ledger")
