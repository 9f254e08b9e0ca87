"""The ``dataflow`` command line. Thin: parse, call the library, render, choose an exit code.

Exit codes (DESIGN §9): 0 nothing blocking; 1 blocking findings; 2 usage, configuration or
input error (one line on stderr, no traceback unless ``--debug``).

Start-up time matters (``dataflow check`` runs in pre-commit hooks), so ``main`` registers only
the command the command line names, and ``dataflow check`` with plain arguments runs without
importing the command-line framework at all (``commands.check_core.run_fast``). ``app`` (every
command) is built on first access.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from dataflow import codecache as _codecache

# The command line's own process only (a program importing dataflow as a library keeps its
# dataclasses as they are): before any command module defines a dataclass, their compiled
# methods come from the cache folder.
_codecache.install()

from dataflow import __version__  # noqa: E402
from dataflow.commands import register_all, register_for  # noqa: E402
from dataflow.commands._common import set_debug  # noqa: E402

if TYPE_CHECKING:
    import typer

HELP = (
    "Classify, grade and assess datasets for China's cross-border data rules "
    "(PIPL, 2024 Provisions, GB/T 43697, FTZ negative lists)."
)


def _version(value: bool) -> None:
    import typer

    if value:
        typer.echo(f"dataflow {__version__}")
        raise typer.Exit(0)


def _new_app() -> typer.Typer:
    import typer

    def _root(
        debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors."),
        version: bool = typer.Option(
            False,
            "--version",
            callback=_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ) -> None:
        set_debug(debug)

    app = typer.Typer(
        name="dataflow",
        help=HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    app.callback()(_root)
    return app


def build_app(argv: Sequence[str] | None = None) -> typer.Typer:
    """The CLI with every command, or (``argv`` given) only the command ``argv`` names."""
    app = _new_app()
    if argv is None:
        register_all(app)
    else:
        register_for(app, argv)
    return app


_APP: list[typer.Typer] = []


def __getattr__(name: str) -> Any:
    """``dataflow.cli.app``: the CLI with every command, built once on first use."""
    if name == "app":
        if not _APP:
            _APP.append(build_app())
        return _APP[0]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(*, fast_exit: bool = False) -> None:
    """Run the command line in ``sys.argv``; ends with ``SystemExit``.

    ``fast_exit`` (the console script, ``python -m dataflow``): a plain ``dataflow check`` ends
    the process at once instead (see ``_exit_now``), and so does a ``dataflow scan`` that
    asked for it (``skip_teardown``) once its exit handlers have run.
    """
    argv = sys.argv[1:]
    if "check" in argv:
        from dataflow.commands.check_core import run_fast

        code = run_fast(argv)
        if code is not None:
            if fast_exit:
                _exit_now(code)
            sys.exit(code)
    try:
        build_app(argv)()
    except SystemExit as done:
        status = done.code if done.code is not None else 0
        if fast_exit and _TEARDOWN_SKIPPED and isinstance(status, int):
            import atexit

            atexit._run_exitfuncs()  # what exit handlers would have done (caches, open files)
            _exit_now(status)
        raise


#: Set by a command whose process holds nothing the interpreter's teardown needs to free.
_TEARDOWN_SKIPPED: list[bool] = []


def skip_teardown() -> None:
    """Let the console script end this process without the interpreter's teardown once the
    command is done (its exit handlers still run): after a scan of thousands of tables,
    freeing its datasets and results one by one takes a noticeable part of a second, and
    nothing needs it."""
    _TEARDOWN_SKIPPED[:] = [True]


def run() -> None:
    """Console-script entry point."""
    main(fast_exit=True)


def _exit_now(code: int) -> NoReturn:
    """End the process with ``code`` once the output is flushed, skipping the interpreter's
    teardown: freeing every module (the SQL parser's thousand classes) takes about a sixth of a
    pre-commit ``dataflow check``. Nothing of ``check`` is left to run at exit (reports are
    written, flushed and renamed before). If flushing fails (a closed pipe), the ordinary exit
    reports it as usual."""
    from dataflow import codecache

    codecache.save()  # what exit handlers would have written
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        sys.exit(code)
    os._exit(code)
