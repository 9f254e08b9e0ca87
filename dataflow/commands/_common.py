"""Shared CLI plumbing: error handling, output writing, the debug switch, the end of a run.

Nothing here imports the command-line framework: ``dataflow check`` runs through this module
without it (see ``commands/check_core.py``). An exit code is raised as ``SystemExit``, which
the framework lets through unchanged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from dataflow.config import LANGS, Settings
from dataflow.errors import ConfigError, UserError
from dataflow.i18n import t
from dataflow.model import ScanResult, Severity
from dataflow.vocab import ASSESS_FORMATS, SCAN_FORMATS

_STATE = {"debug": bool(os.environ.get("DATAFLOW_DEBUG"))}

F = TypeVar("F", bound=Callable[..., Any])


def set_debug(value: bool) -> None:
    """Turn tracebacks on (``--debug``)."""
    _STATE["debug"] = value or bool(os.environ.get("DATAFLOW_DEBUG"))


def debug_enabled() -> bool:
    """Whether ``--debug`` is on."""
    return _STATE["debug"]


def echo(message: str, *, err: bool = False) -> None:
    """Print a line on stdout (stderr with ``err``), flushed; control characters (a scanned
    name's terminal escapes) written as ``\\uXXXX`` (``report.controls``)."""
    from dataflow.report.controls import escape_controls

    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    stream.write(escape_controls(message) + "\n")
    stream.flush()


def error(message: str) -> None:
    """Print ``error: <message>`` on stderr."""
    echo(f"error: {message}", err=True)


def _framework_exit(exc: BaseException) -> bool:
    """Whether ``exc`` is the command-line framework's own exit (a command's chosen code)."""
    typer = sys.modules.get("typer")
    return typer is not None and isinstance(exc, typer.Exit)


def guarded(func: F) -> F:
    """Turn ``UserError`` into one stderr line and exit 2; hide tracebacks unless --debug."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _LANG.clear()
        try:
            return func(*args, **kwargs)
        except UserError as exc:
            _traceback()
            error(exc.render(_error_lang(kwargs.get("lang"))))
            raise SystemExit(2) from None
        except KeyboardInterrupt as exc:
            error("interrupted")
            # 128 + the signal: 130 for SIGINT (Ctrl-C), 143 for SIGTERM (full scans).
            raise SystemExit(128 + getattr(exc, "signum", 2)) from None
        except Exception as exc:
            if _framework_exit(exc):
                raise
            _traceback()
            # The exception text may quote scanned input, so only its type is shown.
            error(
                f"internal error ({type(exc).__name__}); rerun with --debug for a traceback "
                "and report it (see README, Security)"
            )
            raise SystemExit(2) from None

    return wrapper  # type: ignore[return-value]


# The output language once the command has settled it (``check_lang``: ``--lang``, else the
# configuration, else the locale); a problem found before that is shown in the ``--lang`` given
# on the command line, else in the locale's language.
_LANG: list[str] = []


def _error_lang(flag: object) -> str:
    """The language of an error message (JSON and SARIF outputs are not affected)."""
    if _LANG:
        return _LANG[0]
    if isinstance(flag, str) and flag.strip().lower() in LANGS:
        return flag.strip().lower()
    from dataflow.i18n import default_lang

    return default_lang()


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
    data = _plain_utf8(text)
    if data is None:
        from dataflow.report.controls import escape_controls

        text = escape_controls(escape_surrogates(text))
        data = text.encode("utf-8")
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    _write_atomic(data, output)


#: Control characters as UTF-8 (``report.controls``): C0 but tab and newline, and DEL, alone;
#: C1 (U+0080..U+009F) after the lead byte C2; U+2028 and U+2029 as E2 80 A8 and E2 80 A9.
_C0_BYTES = bytes([*range(0x09), *range(0x0B, 0x20), 0x7F])
_OTHER_CONTROLS = (b"\xc2", b"\xe2\x80\xa8", b"\xe2\x80\xa9")


def _plain_utf8(text: str) -> bytes | None:
    """``text`` as UTF-8 when it holds neither an undecodable file-name byte nor a control
    character, so that escaping would leave it as it is; else None. A report of thousands of
    tables is tens of megabytes: these byte scans take a third of the two escaping passes."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a surrogate
        return None
    if len(data.translate(None, _C0_BYTES)) != len(data):
        return None
    if any(lead in data for lead in _OTHER_CONTROLS):
        return None  # C2 also leads U+00A0..U+00BF (`°`, `·`): the escaping pass decides
    return data


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


def jobs_option(what: str, default: str = "2 on files over 8 MB when there are 2 CPUs") -> Any:
    """The ``--jobs N`` / ``-j N`` option: worker processes of the full scans of ``what``."""
    import typer

    return typer.Option(
        None,
        "--jobs",
        "-j",
        min=1,
        help=f"Worker processes for {what} (default: {default}).",
    )


# --- the start and end of a scan-like command (scan, check, baseline update, assess) ---

# The shipped output formats of each command, by name only: a shipped name is accepted without
# importing any renderer (``report/formats.py`` holds the formats themselves, and the formats
# installed packages add).
SHIPPED_FORMATS = {
    "scan": SCAN_FORMATS,
    # ``pipia``: the self-assessment drafts (Markdown, or Word with ``--output FILE.docx``).
    "assess": ASSESS_FORMATS,
}


def check_format(fmt: str, command: str = "scan") -> str:
    """Validate ``--format`` against the formats ``command`` (``scan`` or ``assess``; ``check``
    offers those of ``scan``) offers, shipped or added by plug-ins; case and spaces ignored."""
    name = fmt.strip().lower()
    if name in SHIPPED_FORMATS["assess" if command == "assess" else "scan"]:
        return name
    from dataflow.report import formats

    offered = formats.names(command)
    if name not in offered:
        raise ConfigError(f"--format must be one of: {', '.join(offered)} (got {fmt!r})")
    return name


def check_lang(lang: str | None) -> str:
    """Validate ``--lang``; unset, the locale decides (``zh_CN.UTF-8`` gives Chinese)."""
    from dataflow.i18n import default_lang

    lang = (lang or default_lang()).strip().lower()
    if lang not in LANGS:
        raise ConfigError(f"--lang must be one of: {', '.join(LANGS)} (got {lang!r})")
    _LANG[:] = [lang]
    return lang


def load_catalog_for(settings: Settings, as_of: dt.date | None = None) -> Any:
    """The shipped catalogs plus the configured ones, with each element's sensitivity under the
    standard in force on ``as_of`` (today when omitted; see ``dataflow/sensitivity.py``)."""
    from dataflow.catalog import load_catalog
    from dataflow.sensitivity import at

    return at(
        load_catalog(settings.catalogs),
        as_of or dt.date.today(),
        downgrades=bool(settings.sensitivity_downgrades),
    )


def echo_problems(result: ScanResult, lang: str = "en") -> None:
    """One ``error: path:line:col: message`` (or ``warning: ...``) line per problem, on stderr;
    the message in ``lang`` (the ``error:``/``warning:`` word stays, for scripts and editors)."""
    for problem in result.problems:
        echo(f"{problem.severity.value}: {problem.render(lang)}", err=True)


def unreadable_files(result: ScanResult) -> int:
    """How many files had an error."""
    return len({p.path for p in result.problems if p.severity is Severity.ERROR})


@dataclass(frozen=True)
class Outcome:
    """What a scan-like command decided, for the summary line and the exit code."""

    blocking: int
    errors: int


def finish(result: ScanResult, outcome: Outcome, lang: str) -> None:
    """Print the problems and the summary line on stderr and exit with the right code."""
    echo_problems(result, lang)
    personal = sum(1 for d in result.datasets for f in d.findings if f.personal)
    echo(
        t(
            "cli.summary",
            lang,
            files=result.files_scanned,
            datasets=len(result.datasets),
            pi=personal,
            blocking=outcome.blocking,
            errors=outcome.errors,
        ),
        err=True,
    )
    if outcome.errors:
        raise SystemExit(2)
    if outcome.blocking:
        raise SystemExit(1)


def parse_as_of(text: str | None) -> dt.date | None:
    """``--as-of 2025-06-30``."""
    if text is None:
        return None
    from dataflow.yamlio import as_date

    found = as_date(text)
    if found is None:
        raise ConfigError(f"--as-of must be a date YYYY-MM-DD (got {text!r})")
    return found


def check_lang_en_zh(lang: str) -> None:
    """``--lang`` of the catalog and negative-list commands: en or zh."""
    if lang not in LANGS:
        raise UserError("--lang must be en or zh")


def add_show_and_validate(
    group: Any,
    *,
    show: tuple[str, str],
    extra: tuple[str, str],
    validate: tuple[str, str],
    render: Callable[[str, list[Path], Path | None, str], str],
    check: Callable[[list[Path]], int],
) -> None:
    """Add ``show ID`` and ``validate FILE...`` to a command group (``catalog``,
    ``negative-list``). ``show`` and ``validate`` are (summary, help of the argument),
    ``extra`` is (flag, help) of the repeatable option naming more files; ``render(ident,
    files, config, lang)`` gives the text shown, ``check(files)`` the exit code."""
    import typer

    def show_cmd(
        ident: str = typer.Argument(..., metavar="ID", help=show[1]),
        lang: str = typer.Option("en", "--lang", help="Output language: en or zh."),
        files: list[Path] = typer.Option([], extra[0], help=extra[1]),
        config: Path | None = typer.Option(None, "--config", help="Configuration file."),
    ) -> None:
        check_lang_en_zh(lang)
        write_output(render(ident, files, config, lang), None)

    def validate_cmd(
        files: list[Path] = typer.Argument(..., metavar="FILE", help=validate[1]),
    ) -> None:
        raise typer.Exit(check(files))

    show_cmd.__doc__, validate_cmd.__doc__ = show[0], validate[0]
    group.command("show")(guarded(show_cmd))
    group.command("validate")(guarded(validate_cmd))
