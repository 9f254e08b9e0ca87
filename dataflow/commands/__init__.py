"""CLI commands, one module per command or command group; ``register_all`` wires them up.

Modules import heavy libraries (Presidio, spaCy, pyarrow) lazily inside the command body so
that ``dataflow check`` and ``dataflow --help`` start fast. ``register_for`` registers only the
command a command line names (all of them for ``--help`` or an unknown name), so one command
does not pay for importing the others.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

# Each module defines ``register(app: typer.Typer) -> None``.
_MODULES = (
    "scan",
    "assess",
    "check",
    "catalog",
    "negative_list",
    "ledger",
    "baseline",
    "init",
)

# The command name each module registers, as typed on the command line.
COMMANDS: dict[str, str] = {
    "scan": "scan",
    "assess": "assess",
    "check": "check",
    "catalog": "catalog",
    "negative-list": "negative_list",
    "ledger": "ledger",
    "baseline": "baseline",
    "init": "init",
}

# Options of the root command that take no value (anything else ends the search).
_ROOT_FLAGS = frozenset({"--debug"})


def command_name(argv: Sequence[str]) -> str | None:
    """The command an argument list runs (``None`` for ``--help``, ``--version``, unknown)."""
    for arg in argv:
        if arg in _ROOT_FLAGS:
            continue
        if arg.startswith("-"):
            return None
        return arg if arg in COMMANDS else None
    return None


def _register(app: typer.Typer, name: str) -> None:
    try:
        module = importlib.import_module(f"dataflow.commands.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"dataflow.commands.{name}":
            return
        raise
    module.register(app)
    name_values(app)


# Help text: what an option's value is, by option name (``--output FILE``), where the
# command does not say. Without it the help shows Python types (``<list[Path]>``).
METAVARS = {
    "--output": "FILE",
    "--config": "FILE",
    "--catalog": "FILE",
    "--negative-list": "FILE",
    "--baseline": "FILE",
    "--ledger": "FILE",
    "--sample": "TABLE=FILE",
    "--sample-for": "TABLE",
    "--format": "FORMAT",
    "--schema-format": "FORMAT",
    "--lang": "LANG",
    "--as-of": "DATE",
    "--sample-size": "N",
    "--sample-rows": "N",
    "--jobs": "N",
    "--year": "YEAR",
    "--exporter": "NAME",
    "--reason": "TEXT",
    "--schema": "NAME",
    "--tables": "GLOB",
    "--db-timeout": "SECONDS",
    "--warn-at": "PERCENT",
    "--fail-on": "LEVEL",
}


def name_values(app: typer.Typer) -> None:
    """Give every option of every command a metavar (``METAVARS``, else its name in capitals)
    and every argument one (its name in capitals, singular) unless the command set one."""
    import inspect

    from typer.models import ArgumentInfo, OptionInfo

    for command in app.registered_commands:
        if command.callback is None:
            continue
        if command.cls is None or command.cls.__name__ == "TyperCommand":
            command.cls = _command_class()
        for param in inspect.signature(command.callback).parameters.values():
            info = param.default
            if isinstance(info, ArgumentInfo) and info.metavar is None:
                name = param.name.upper()
                info.metavar = name[:-1] if name.endswith("S") else name
                continue
            if not isinstance(info, OptionInfo) or info.metavar is not None:
                continue
            decls = tuple(info.param_decls or ())
            names = [d for d in (info.default, *decls) if isinstance(d, str)]
            long = next((n for n in names if n.startswith("--")), None)
            if long is None or param.annotation in (bool, "bool"):
                continue
            info.metavar = METAVARS.get(long, long.lstrip("-").upper())
    for group in app.registered_groups:
        if group.typer_instance is not None:
            name_values(group.typer_instance)


@cache
def _command_class() -> type:
    """A typer command whose help names each argument by its metavar alone: typer 0.29 adds
    the Python type (``FILE <list[str]>``), which says nothing to a user."""
    from typer.core import TyperCommand

    class Command(TyperCommand):
        def format_options(self, ctx: Any, formatter: Any) -> None:
            args: list[tuple[str, str]] = []
            opts: list[tuple[str, str]] = []
            for param in self.get_params(ctx):
                record = param.get_help_record(ctx)
                if record is None:
                    continue
                if param.param_type_name == "argument":
                    name = (param.metavar or param.name or "").upper()
                    args.append((name + ("..." if param.nargs != 1 else ""), record[1]))
                else:
                    opts.append(record)
            for title, rows in (("Arguments", args), ("Options", opts)):
                if rows:
                    with formatter.section(title):
                        formatter.write_dl(rows)

    return Command


def register_all(app: typer.Typer) -> None:
    """Register every command module that exists in this build."""
    for name in _MODULES:
        _register(app, name)


def register_for(app: typer.Typer, argv: Sequence[str]) -> None:
    """Register the one command ``argv`` names, or every command when it names none."""
    command = command_name(argv)
    if command is None:
        register_all(app)
    else:
        _register(app, COMMANDS[command])
