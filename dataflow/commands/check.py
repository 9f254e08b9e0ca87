"""``dataflow check FILE...``: the pre-commit gate (see ``commands/check_core.py``).

This module only declares the command's options for the full command line; a plain command
line never reaches it (``cli.main`` runs ``check_core.run_fast`` first).
"""

from __future__ import annotations

from pathlib import Path

import typer

from dataflow.commands.check_core import (
    baseline_path,
    parse_plain,
    render_unaccepted,
    run_check,
    run_fast,
    schema_only_scan,
    update_targets,
)

__all__ = [
    "baseline_path",
    "check_command",
    "parse_plain",
    "register",
    "render_unaccepted",
    "run_fast",
    "schema_only_scan",
    "update_targets",
]


def check_command(
    files: list[str] = typer.Argument(..., help="Schema files (as pre-commit passes them)."),
    baseline: Path | None = typer.Option(
        None, "--baseline", help="Accepted findings (default .dataflow-baseline.yaml)."
    ),
    fmt: str = typer.Option("table", "--format", "-f", help="table | json | sarif | markdown"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report here."),
    schema_format: str | None = typer.Option(None, "--schema-format", help="Force a format."),
    catalogs: list[Path] = typer.Option([], "--catalog", help="Extra catalog YAML (repeatable)."),
    lang: str | None = typer.Option(None, "--lang", help="en | zh"),
    config: Path | None = typer.Option(None, "--config", help="Configuration file."),
) -> None:
    """Fail on personal information in schemas that has not been accepted (pre-commit hook)."""
    run_check(files, baseline, fmt, output, schema_format, catalogs, lang, config)


def register(app: typer.Typer) -> None:
    """Add ``dataflow check``."""
    app.command("check")(check_command)
