"""Shared CLI plumbing: error handling, output writing, the debug switch."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import typer

from dataflow.errors import ConfigError, UserError

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
            _traceback()
            error(str(exc))
            raise typer.Exit(2) from None
        except KeyboardInterrupt as exc:
            error("interrupted")
            # 128 + the signal: 130 for SIGINT (Ctrl-C), 143 for SIGTERM (full scans).
            raise typer.Exit(128 + getattr(exc, "signum", 2)) from None
        except Exception as exc:
            _traceback()
            # The exception text may quote scanned input, so only its type is shown.
            error(
                f"internal error ({type(exc).__name__}); rerun with --debug for a traceback "
                "and report it (see README, Security)"
            )
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def _traceback() -> None:
    """With ``--debug``, the traceback of the exception being handled, on stderr.

    ``--debug`` adds the traceback and changes nothing else: the ``error:`` line and the exit
    code are the same as without it.
    """
    if debug_enabled():
        import traceback

        traceback.print_exc(file=sys.stderr)


_SURROGATE = re.compile("[\udc80-\udcff]")


def escape_surrogates(text: str) -> str:
    """``text`` with each undecodable file-name byte written as ``\\udcXX``.

    Python reads a file name that is not valid UTF-8 with one character U+DC80..U+DCFF per
    undecodable byte (``surrogateescape``); such a character cannot be written as UTF-8. Every
    output writes it as the six characters ``\\udcXX`` (``XX`` the byte in hex): in JSON and
    SARIF that is the JSON escape of the same character, so ``os.fsencode(json.loads(...))``
    gives back the original bytes; in the table and Markdown it is the same text.
    """
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def write_output(text: str, output: Path | None) -> None:
    """Write rendered output to ``output`` (UTF-8) or stdout.

    A file is written whole or not at all: the text goes to a temporary file in the same
    folder, which then replaces ``output`` (a kill, a full disk or an encoding error leaves the
    previous report as it was).
    """
    if not text.endswith("\n"):
        text += "\n"
    text = escape_surrogates(text)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    _write_atomic(text.encode("utf-8"), output)


def _write_atomic(data: bytes, output: Path) -> None:
    """``data`` to a temporary file beside ``output``, then renamed over it."""
    import tempfile

    tmp: str | None = None
    if output.is_symlink():  # replace the file the link points to, not the link
        output = Path(os.path.realpath(output))
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, _mode_for(output))
        os.replace(tmp, output)
        tmp = None
    except OSError as exc:
        raise UserError(
            f"cannot write output: {exc.strerror or type(exc).__name__}", path=str(output)
        ) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _mode_for(output: Path) -> int:
    """The permissions the report gets: those of the file it replaces, else the umask's."""
    try:
        return output.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def refuse_output_over_inputs(output: Path | None, inputs: Sequence[Path | None]) -> None:
    """Refuse ``--output`` when it is one of the files read (it would be replaced by the
    report before, or while, being read)."""
    if output is None or not output.exists():
        return
    for given in inputs:
        if given is None:
            continue
        try:
            same = given.is_file() and os.path.samefile(given, output)
        except OSError:
            same = False
        if same:
            raise ConfigError(
                "--output names a file that is read as input; choose another output file",
                path=str(output),
            )


def input_paths(raw: Sequence[str]) -> list[Path]:
    """The paths to scan as typed: an empty one is refused (``Path("")`` would be the current
    folder). Their readability is not checked here: an unreadable file is a problem of the
    scan like any other, reported while everything else is still scanned.
    """
    if any(not str(item).strip() for item in raw):
        raise ConfigError("an empty path was given; name a file or folder (use . for this folder)")
    return [Path(item) for item in raw]


def write_bytes(data: bytes, output: Path) -> None:
    """Write a binary report (``.docx``) to ``output``, whole or not at all."""
    _write_atomic(data, output)


def jobs_option(what: str) -> Any:
    """The ``--jobs N`` / ``-j N`` option: worker processes of the full scans of ``what``."""
    return typer.Option(
        None,
        "--jobs",
        "-j",
        min=1,
        help=f"Worker processes for {what} (default: 2 on files over 8 MB when there are 2 CPUs).",
    )
