"""``dataflow ledger record|list|totals``: the cumulative export counts behind the thresholds.

``record`` assesses each manifest exactly as ``dataflow assess`` does and stores the people counts
of each transfer (replacing an earlier record of the same exporter and transfer id). ``list`` and
``totals`` read the file; reading never creates it.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from tabulate import tabulate

from dataflow.commands._common import guarded, write_output
from dataflow.config import load_settings
from dataflow.errors import ConfigError
from dataflow.ledger import Ledger, default_path

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
    from dataflow.commands.assess import echo_problems, parse_as_of, run_assessments

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
                e.date.isoformat(),
                e.exporter,
                e.transfer_id,
                e.recipient,
                e.scenario,
                e.subjects,
                e.sensitive_subjects,
                "yes" if e.exempt_scenario else "no",
                e.mechanism,
            ]
            for e in entries
        ]
        headers = [
            "date",
            "exporter",
            "transfer",
            "recipient",
            "scenario",
            "subjects",
            "sensitive",
            "exempt",
            "mechanism",
        ]
        text = tabulate(rows, headers=headers)
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
    subjects, sensitive = _ledger(ledger, config).totals(
        year, exporter, include_exempt=include_exempt
    )
    if fmt == "json":
        text = _dump(
            {
                "schema_version": 1,
                "year": year,
                "exporter": exporter,
                "include_exempt": include_exempt,
                "subjects": subjects,
                "sensitive_subjects": sensitive,
            }
        )
    else:
        text = f"{exporter}, {year}: {subjects} subjects, {sensitive} sensitive subjects"
    write_output(text, None)


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
    app.add_typer(group, name="ledger")
