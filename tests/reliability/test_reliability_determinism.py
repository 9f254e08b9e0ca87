"""Same input, byte-identical output: across runs and across ``PYTHONHASHSEED`` values.

Each run is a fresh interpreter (``python -m dataflow``) so that set and dict iteration orders
that depend on string hashing get a real chance to differ.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO_ROOT

SEEDS = ("0", "1", "4242")


def _run(args: list[str], seed: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONHASHSEED=seed, NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "dataflow", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=600,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "sarif", "markdown"])
def test_scan_output_identical_across_hash_seeds(fmt: str) -> None:
    outputs = []
    for seed in SEEDS:
        proc = _run(["scan", "examples", "--format", fmt], seed, REPO_ROOT)
        assert proc.returncode in (0, 1), proc.stderr.decode("utf-8", "replace")
        outputs.append(proc.stdout)
    assert outputs[0], "empty report"
    assert all(o == outputs[0] for o in outputs[1:])


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "sarif", "markdown"])
def test_assess_output_identical_across_hash_seeds(fmt: str, tmp_path: Path) -> None:
    manifests = sorted((EXAMPLES / "transfers").glob("*.yaml"))
    assert manifests, "examples/transfers has no manifest"
    outputs = []
    for seed in SEEDS:
        proc = _run(
            ["assess", *map(str, manifests), "--format", fmt, "--ledger", str(tmp_path / "l.db")],
            seed,
            REPO_ROOT,
        )
        assert proc.returncode in (0, 1), proc.stderr.decode("utf-8", "replace")
        outputs.append(proc.stdout)
    assert outputs[0]
    assert all(o == outputs[0] for o in outputs[1:])


# A person's JSON Schema whose members `form4` and `relative.form` both name the nested schema
# `Form4` (by its name, and by its name without the number): the link it shows is one of them,
# the same whatever the string hashing.
_DONOR = """{
  "title": "Donor", "type": "object",
  "properties": {
    "firstName": {"type": "string"}, "lastName": {"type": "string"},
    "dateOfBirth": {"type": "string", "format": "date"}, "mobile": {"type": "string"},
    "form4": {"type": "string", "format": "file"},
    "relative": {"type": "object", "properties": {
      "relation": {"type": "string"}, "form": {"type": "string", "format": "file"}}}
  },
  "definitions": {
    "Form4": {"type": "object", "properties": {"file": {"type": "string", "format": "file"}}}
  }
}
"""


def test_a_nested_schema_linked_by_two_member_names_shows_the_same_one(tmp_path: Path) -> None:
    (tmp_path / "Donor.json").write_text(_DONOR, encoding="utf-8")
    links = set()
    for seed in ("1", "7", "8"):  # 1 gave `form`, 7 and 8 `form4` when the names were a set
        proc = _run(["scan", "Donor.json", "--no-content", "--format", "json"], seed, tmp_path)
        assert proc.returncode in (0, 1), proc.stderr.decode("utf-8", "replace")
        text = proc.stdout.decode("utf-8")
        assert "→ Donor (nesting)" in text
        links.add(text)
    assert len(links) == 1
    assert '"Form4.form → Donor (nesting)"' in links.pop()
