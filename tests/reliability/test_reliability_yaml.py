"""Hostile YAML wherever dataflow reads YAML: catalogs, negative lists, manifests, configuration.

A billion-laughs alias bomb, a ``!!python/object`` tag and a syntax error each give exit 2 and one
error line naming the file; none of them executes anything or exhausts memory.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_corpus import GOOD_DDL, YAML_BOMB, YAML_BROKEN, YAML_CUSTOM_TAG
from typer.testing import CliRunner

from dataflow.cli import app

PWNED = Path("/tmp/dataflow-pwned")


def _args(kind: str, bad: Path, schema: Path) -> list[str]:
    if kind == "catalog":
        return ["scan", str(schema), "--no-content", "--catalog", str(bad)]
    if kind == "config":
        return ["scan", str(schema), "--no-content", "--config", str(bad)]
    if kind == "manifest":
        return ["assess", str(bad)]
    if kind == "negative-list":
        return ["negative-list", "validate", str(bad)]
    if kind == "catalog-validate":
        return ["catalog", "validate", str(bad)]
    raise AssertionError(kind)


KINDS = ("catalog", "config", "manifest", "negative-list", "catalog-validate")
PAYLOADS = {"bomb": YAML_BOMB, "custom_tag": YAML_CUSTOM_TAG, "broken": YAML_BROKEN}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("payload", sorted(PAYLOADS))
def test_hostile_yaml_is_refused_cleanly(tmp_path: Path, kind: str, payload: str) -> None:
    PWNED.unlink(missing_ok=True)
    schema = tmp_path / "t.sql"
    schema.write_text(GOOD_DDL, encoding="utf-8")
    bad = tmp_path / f"hostile {payload}.yaml"
    bad.write_text(PAYLOADS[payload], encoding="utf-8")

    result = CliRunner().invoke(app, _args(kind, bad, schema))

    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.stderr
    assert bad.name in result.stderr, "the error must name the file"
    assert not PWNED.exists(), "a YAML tag was executed"
    if payload == "broken":
        assert ":3" in result.stderr or "line 3" in result.stderr, "position of the syntax error"


@pytest.mark.parametrize("text", ["a: " + "[" * 5000 + "]" * 5000, "- " * 5000 + "x"])
def test_deeply_nested_yaml_is_a_clean_error(tmp_path: Path, text: str) -> None:
    bad = tmp_path / "deep.yaml"
    bad.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["negative-list", "validate", str(bad)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.stderr
    # The wording is the YAML library's or ours, depending on which notices the depth first
    # (PyYAML 6.0.4 stops deep documents itself); the behaviour is what users rely on: one
    # error line naming the file, exit 2, no traceback.
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "deep.yaml" in lines[0]
