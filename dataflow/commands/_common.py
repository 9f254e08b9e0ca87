"""Shared CLI plumbing: error handling, output writing, the debug switch."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import typer

from dataflow.errors import UserError

_STATE = {"debug": bool(os.environ.get("DATAFLOW_DEBUG"))}

F = TypeVar("F", bound=Callable[..., Any])


def set_debug(value: bool) -> None:
    """Turn tracebacks on (``--debug``)."""
    _STATE["debug"] = value or bool(os.environ.get("DATAFLOW_DEBUG"))


def debug_enabled() -> bool:
    """Whether ``--debug`` is on."""
    return _STATE["debug"]


def error(message: str) -> None:
    """Print ``error: <message>`` on stderr."""
    typer.echo(f"error: {message}", err=True)


def guarded(func: F) -> F:
    """Turn ``UserError`` into one stderr line and exit 2; hide tracebacks unless --debug."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except UserError as exc:
            if debug_enabled():
                raise
            error(str(exc))
            raise typer.Exit(2) from None
        except KeyboardInterrupt as exc:
            error("interrupted")
            # 128 + the signal: 130 for SIGINT (Ctrl-C), 143 for SIGTERM (full scans).
            raise typer.Exit(128 + getattr(exc, "signum", 2)) from None
        except Exception as exc:
            if debug_enabled():
                raise
            # The exception text may quote scanned input, so only its type is shown.
            error(
                f"internal error ({type(exc).__name__}); rerun with --debug for a traceback "
                "and report it (see README, Security)"
            )
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def write_output(text: str, output: Path | None) -> None:
    """Write rendered output to ``output`` (UTF-8) or stdout."""
    if not text.endswith("\n"):
        text += "\n"
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot write output: {exc.strerror}", path=str(output)) from None


def write_bytes(data: bytes, output: Path) -> None:
    """Write a binary report (``.docx``) to ``output``."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
    except OSError as exc:
        raise UserError(f"cannot write output: {exc.strerror}", path=str(output)) from None


def jobs_option(what: str) -> Any:
    """The ``--jobs N`` / ``-j N`` option: worker processes of the full scans of ``what``."""
    return typer.Option(
        None,
        "--jobs",
        "-j",
        min=1,
        help=f"Worker processes for {what} (default: 2 on files over 8 MB when there are 2 CPUs).",
    )
