"""The core of ``dataflow check``, with no command-line framework: the pre-commit hook starts
here (``cli.main`` hands it a plain command line before anything else is imported), and
``commands/check.py`` registers the same function as the ``check`` command of the full CLI, so
both give the same output and exit code.

Schema only, never imports Presidio. It fails (exit 1) only on personal-information findings
that neither the baseline (``.dataflow-baseline.yaml``) nor an inline allow comment accepts, and
says how to accept them. Unreadable files give exit 2, as in ``dataflow scan``.
"""

from __future__ import annotations

import gc
import os
import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dataflow.baseline import Unaccepted, load_baseline, renamed, unaccepted
from dataflow.commands._common import (
    Outcome,
    check_format,
    check_lang,
    echo,
    finish,
    guarded,
    input_paths,
    load_catalog_for,
    refuse_output_over_inputs,
    set_debug,
    unreadable_files,
    write_output,
)
from dataflow.config import DEFAULT_BASELINE, Settings, load_settings
from dataflow.i18n import msg, t
from dataflow.model import ScanResult
from dataflow.scan import Progress, ScanOptions, has_errors, scan_paths


def baseline_path(option: Path | None, configured: Path | None) -> Path:
    """``--baseline``, else the configured baseline, else ``.dataflow-baseline.yaml`` here."""
    return option or configured or Path(DEFAULT_BASELINE)


def render_unaccepted(
    items: list[Unaccepted], paths: list[Path], baseline: Path, files: int, lang: str
) -> str:
    """The human report of ``dataflow check``: one line per refused finding, then what to do."""
    if not items:
        return t("check.ok", lang, files=files)
    lines = []
    for item in items:
        finding = item.finding
        where = item.key[0]
        if finding.field.line is not None:
            where += f":{finding.field.line}"
        if item.previous is None:
            lines.append(
                t(
                    "check.new",
                    lang,
                    where=where,
                    pointer=finding.field.pointer,
                    element=item.key[2],
                    grade=finding.grade.label,
                )
            )
        else:
            old = item.previous.grade or "?"
            new = finding.grade.label
            if item.previous.element_version and item.current_version:
                old += f" v{item.previous.element_version}"
                new += f" v{item.current_version}"
            lines.append(
                t(
                    "check.changed",
                    lang,
                    where=where,
                    pointer=finding.field.pointer,
                    element=item.key[2],
                    old=old,
                    new=new,
                )
            )
    targets = update_targets(items, baseline)
    shown = " ".join(shlex.quote(p) for p in targets)
    if any(p.startswith("-") for p in targets):  # a file name that looks like an option
        shown = "-- " + shown
    lines.append("")
    lines.append(t("check.failed", lang, count=len(items)))
    lines.append(t("check.howto", lang, paths=shown, baseline=str(baseline)))
    return "\n".join(lines) + "\n"


# Most files named one by one in the suggested ``baseline update`` command; past that, their
# common folder is named instead.
MAX_SUGGESTED_FILES = 10


def update_targets(items: Sequence[Unaccepted], baseline: Path) -> list[str]:
    """What the suggested ``baseline update`` should scan: the files of the refused findings
    (as seen from the working directory), or their common folder when there are many."""
    base = baseline.parent
    files = sorted({os.path.normpath(base / item.key[0]) for item in items})
    if len(files) <= MAX_SUGGESTED_FILES:
        return files
    return [os.path.commonpath([os.path.dirname(f) or "." for f in files]) or "."]


def schema_only_scan(
    paths: Sequence[Path],
    settings: Settings,
    schema_format: str | None,
    catalog: Any,
    progress: Progress | None = None,
) -> ScanResult:
    """What ``check`` and ``baseline update`` look at: the schemas alone, no sampled values."""
    options = ScanOptions(
        schema_format=schema_format,
        content=False,
        catalogs=settings.catalogs,
        ignore=settings.ignore_paths,
        learned=settings.learned_scorer,
    )
    return scan_paths(paths, options, catalog=catalog, progress=progress)


@guarded
def run_check(
    files: Sequence[str],
    baseline: Path | None = None,
    fmt: str = "table",
    output: Path | None = None,
    schema_format: str | None = None,
    catalogs: Sequence[Path] = (),
    lang: str | None = None,
    config: Path | None = None,
    *,
    progress: Progress | None = None,
) -> None:
    """``dataflow check``: exits (``SystemExit``) with 1 on refused findings, 2 on errors.

    ``progress`` is called after each file read (``scan_paths``)."""
    fmt = check_format(fmt)
    targets = input_paths(files)
    refuse_output_over_inputs(output, targets)
    settings = load_settings(config).merged(catalogs=tuple(catalogs), lang=lang)
    lang_ = check_lang(settings.lang)
    path = baseline_path(baseline, settings.baseline)
    accepted = load_baseline(path)
    catalog = load_catalog_for(settings)
    result = schema_only_scan(targets, settings, schema_format, catalog, progress)
    refused = unaccepted(result, accepted, path.parent, catalog)
    for key, entry, how in renamed(result, accepted, path.parent):
        how_ = msg(how).get(lang_)
        echo(
            t("check.renamed", lang_, pointer=key[1], old=entry.file, new=key[0], how=how_),
            err=True,
        )
    if fmt == "table":
        text = render_unaccepted(refused, targets, path, result.files_scanned, lang_)
    else:
        from dataflow.report import render

        text = render(result, fmt, lang_, catalog=catalog)
    write_output(text, output)
    errors = unreadable_files(result) if has_errors(result) else 0
    finish(result, Outcome(blocking=len(refused), errors=errors), lang_)


# ``check`` options that take a value, by spelling, and the parameter each sets.
_VALUE_OPTIONS = {
    "--baseline": "baseline",
    "--format": "fmt",
    "-f": "fmt",
    "--output": "output",
    "-o": "output",
    "--schema-format": "schema_format",
    "--catalog": "catalogs",
    "--lang": "lang",
    "--config": "config",
}
_PATH_PARAMS = frozenset({"baseline", "output", "config"})


def parse_plain(argv: Sequence[str]) -> tuple[bool, dict[str, Any]] | None:
    """``(debug, parameters)`` of a plain ``[--debug] check [OPTIONS] FILE...`` command line.

    ``None`` for anything else (help, unknown or malformed options, no files): the full
    command-line parser then handles it, with its own messages.
    """
    args = list(argv)
    debug = False
    while args and args[0] == "--debug":
        debug = True
        args.pop(0)
    if not args or args.pop(0) != "check":
        return None
    params: dict[str, Any] = {
        "files": [],
        "baseline": None,
        "fmt": "table",
        "output": None,
        "schema_format": None,
        "catalogs": [],
        "lang": None,
        "config": None,
    }
    only_files = False
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if only_files or not arg.startswith("-"):
            params["files"].append(arg)
            continue
        if arg == "--":
            only_files = True
            continue
        option, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        name = _VALUE_OPTIONS.get(option)
        if name is None:
            return None
        if not eq:
            if i >= len(args) or args[i].startswith("-"):
                return None
            value = args[i]
            i += 1
        if name == "catalogs":
            params["catalogs"].append(Path(value))
        else:
            params[name] = Path(value) if name in _PATH_PARAMS else value
    if not params["files"]:
        return None
    return debug, params


def run_fast(argv: Sequence[str]) -> int | None:
    """Run a plain ``dataflow check`` command line without the command-line framework.

    Returns the exit code, or ``None`` when the command line needs the full parser (help,
    anything ``parse_plain`` does not read).
    """
    parsed = parse_plain(argv)
    if parsed is None:
        return None
    debug, params = parsed
    set_debug(debug)
    # The cyclic garbage collector is paused until the first file is read: the modules loaded
    # on the way (the SQL parser's above all) allocate many objects that live as long as the
    # process, and each collection in between would walk them all again (about a fourteenth
    # of a one-file check). Then they are set apart (``gc.freeze``) and collection resumes.
    gc.disable()
    try:
        run_check(**params, progress=_resume_gc)
    except SystemExit as exc:
        return int(exc.code or 0)
    finally:
        gc.enable()
    return 0


def _resume_gc(done: int, total: int, path: str) -> None:
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
