"""``dataflow baseline update [PATHS]``: accept the current PI findings after review.

Writes ``.dataflow-baseline.yaml`` (or ``--baseline``/the configured path) deterministically:
sorted entries keyed by (file, pointer, element), a reason each, existing reasons kept.
"""

from __future__ import annotations

from pathlib import Path

import typer

from dataflow.baseline import load_baseline, renamed, updated, write_baseline
from dataflow.commands._common import (
    check_lang,
    echo_problems,
    guarded,
    input_paths,
    load_catalog_for,
    unreadable_files,
)
from dataflow.commands.check_core import baseline_path, schema_only_scan
from dataflow.config import load_settings
from dataflow.i18n import msg, t
from dataflow.scan import has_errors

baseline_app = typer.Typer(
    name="baseline",
    help="Manage accepted findings (.dataflow-baseline.yaml).",
    no_args_is_help=True,
    add_completion=False,
)


@baseline_app.command("update")
@guarded
def update_command(
    paths: list[str] = typer.Argument(
        None, help="Schema files or directories (default: the current directory)."
    ),
    reason: str | None = typer.Option(
        None, "--reason", help="Why the new findings are acceptable (kept for existing ones)."
    ),
    baseline: Path | None = typer.Option(None, "--baseline", help="Baseline file to write."),
    schema_format: str | None = typer.Option(None, "--schema-format", help="Force a format."),
    catalogs: list[Path] = typer.Option([], "--catalog", help="Extra catalog YAML (repeatable)."),
    lang: str | None = typer.Option(None, "--lang", help="en | zh"),
    config: Path | None = typer.Option(None, "--config", help="Configuration file."),
) -> None:
    """Accept every current personal-information finding into the baseline."""
    settings = load_settings(config).merged(catalogs=tuple(catalogs), lang=lang)
    lang_ = check_lang(settings.lang)
    path = baseline_path(baseline, settings.baseline)
    existing = load_baseline(path)
    catalog = load_catalog_for(settings)
    targets = input_paths(paths) if paths else [Path(".")]
    result = schema_only_scan(targets, settings, schema_format, catalog)
    scanned = [str(p) for p in targets if p.is_file()]
    carried = renamed(result, existing, path.parent)
    new, added, removed = updated(
        existing, result, path.parent, reason=reason, catalog=catalog, scanned=scanned
    )
    write_baseline(path, new)
    echo_problems(result, lang_)
    for key, entry, how in carried:
        typer.echo(
            t(
                "baseline.carried",
                lang_,
                new=key[0],
                pointer=key[1],
                old=entry.file,
                how=msg(how).get(lang_),
            ),
            err=True,
        )
    typer.echo(
        t("baseline.written", lang_, count=len(new), path=str(path), added=added, removed=removed),
        err=True,
    )
    if has_errors(result) and unreadable_files(result):
        raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    """Add ``dataflow baseline``."""
    app.add_typer(baseline_app, name="baseline")
