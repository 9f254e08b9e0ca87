"""``dataflow assess MANIFEST...``: decide the mechanism, risk and obligations of planned transfers.

Each manifest's datasets are scanned (schema plus sample), negative lists are matched, cumulative
counts come from the manifest's ``prior_exports`` or else from the ledger, and the decision runs on
the rule pack in force on ``--as-of`` (default: each transfer's date).

Exit codes: 0 nothing blocking; 1 a transfer's risk is at or above ``--fail-on`` (default
``blocked``) or a binding negative-list entry matched; 2 bad input (manifest, list, catalog,
unreadable schema or sample), with one ``error:`` line per problem on stderr.
"""

from __future__ import annotations

from pathlib import Path

import typer

from dataflow.assess import RISKS, blocking_hits, exceeds
from dataflow.assess_run import Run, run_assessments
from dataflow.commands._common import (
    check_format,
    check_lang,
    echo_problems,
    guarded,
    jobs_option,
    parse_as_of,
    refuse_output_over_inputs,
    write_bytes,
    write_output,
)
from dataflow.config import Settings, load_settings, parse_warn_at
from dataflow.errors import ConfigError
from dataflow.i18n import t
from dataflow.model import Severity, in_lang

DEFAULT_FAIL_ON = "blocked"


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
