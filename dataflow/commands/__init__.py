"""CLI commands, one module per command or command group; ``register_all`` wires them up.

Modules import heavy libraries (Presidio, spaCy, pyarrow) lazily inside the command body so
that ``dataflow check`` and ``dataflow --help`` start fast.
"""

from __future__ import annotations

import importlib

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


def register_all(app: typer.Typer) -> None:
    """Register every command module that exists in this build."""
    for name in _MODULES:
        try:
            module = importlib.import_module(f"dataflow.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"dataflow.commands.{name}":
                continue
            raise
        module.register(app)
