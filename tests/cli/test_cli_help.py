"""``--help`` of every command names option values in words (``--output FILE``), not Python
types (``<list[Path]>``, ``<int range>``), and every option has help text."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from dataflow.cli import app

COMMANDS = [
    ["scan"],
    ["assess"],
    ["check"],
    ["init"],
    ["baseline", "update"],
    ["catalog", "list"],
    ["catalog", "show"],
    ["catalog", "validate"],
    ["negative-list", "list"],
    ["negative-list", "validate"],
    ["ledger", "record"],
    ["ledger", "list"],
    ["ledger", "totals"],
    ["ledger", "status"],
    ["ledger", "void"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_names_values_in_words(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    options = [ln.strip() for ln in result.output.splitlines() if ln.strip().startswith("-")]
    assert options, result.output
    for line in options:
        assert "<" not in line.split("  ")[0], f"{' '.join(command)}: {line}"


# A Python type in angle brackets, as typer prints it: <list[str]>, <int range>, <path>, <Path>.
_TYPE = re.compile(r"<[A-Za-z_][A-Za-z_ .,|\[\]]*>")


@pytest.mark.parametrize("command", [[], *COMMANDS], ids=lambda c: " ".join(c) or "dataflow")
def test_help_shows_no_python_types(command: list[str]) -> None:
    """Arguments included: typer 0.29 prints ``FILE <list[str]>`` next to an argument."""
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    found = _TYPE.findall(result.output)
    assert not found, f"{' '.join(command)}: {found}\n{result.output}"
    usage = result.output.splitlines()[0]
    assert "...}" not in usage and "......" not in usage, usage


def test_help_of_an_argument_is_its_name_then_its_text() -> None:
    result = CliRunner().invoke(app, ["scan", "--help"], env={"COLUMNS": "200"})
    lines = result.output.splitlines()
    first = lines[lines.index("Arguments:") + 1].split()
    assert first[:2] == ["PATH_OR_URL...", "Schema"], lines


def test_every_option_and_argument_has_help_text() -> None:
    import inspect

    from typer.models import ArgumentInfo, OptionInfo

    def commands(typer_app):  # type: ignore[no-untyped-def]
        yield from typer_app.registered_commands
        for group in typer_app.registered_groups:
            yield from commands(group.typer_instance)

    missing = []
    for command in commands(app):
        for name, param in inspect.signature(command.callback).parameters.items():
            info = param.default
            if isinstance(info, (OptionInfo, ArgumentInfo)) and not info.help:
                missing.append(f"{command.callback.__name__}({name})")
    assert not missing
