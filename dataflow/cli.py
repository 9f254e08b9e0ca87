"""The ``dataflow`` command line. Thin: parse, call the library, render, choose an exit code.

Exit codes (DESIGN §9): 0 nothing blocking; 1 blocking findings; 2 usage, configuration or
input error (one line on stderr, no traceback unless ``--debug``).
"""

from __future__ import annotations

import typer

from dataflow import __version__
from dataflow.commands import register_all
from dataflow.commands._common import set_debug

app = typer.Typer(
    name="dataflow",
    help=(
        "Classify, grade and assess datasets for China's cross-border data rules "
        "(PIPL, 2024 Provisions, GB/T 43697, FTZ negative lists)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dataflow {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    set_debug(debug)


register_all(app)


def main() -> None:
    """Console-script entry point."""
    app()
