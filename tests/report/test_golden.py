"""Golden files: the reports of the shipped examples, compared byte for byte.

``dataflow scan examples`` and ``dataflow assess examples/transfer.yaml`` are rendered in every
text format and both languages and compared with ``tests/golden/``. A change of output, wanted
or not, fails here with the first differing line; when it is wanted, rewrite the files with
``python -m pytest tests/report/test_golden.py --update-golden`` (or ``DATAFLOW_UPDATE_GOLDEN=1``)
and review the diff like any other change.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import GOLDEN, REPO_ROOT
from typer.testing import CliRunner

from dataflow.cli import app

# The date fixes the sensitivity standard in force, so the files do not age with the calendar.
AS_OF = "2026-11-30"

SCAN = ("scan", "examples", "--as-of", AS_OF)
ASSESS = ("assess", "examples/transfer.yaml")

# (golden file, command): JSON has no language; every other format is written in both.
CASES = [
    *(
        (f"{name}.{lang}.{ext}", (*args, "--format", fmt, "--lang", lang))
        for name, args in (("scan", SCAN), ("assess", ASSESS))
        for fmt, ext in (("table", "txt"), ("markdown", "md"), ("sarif", "sarif"))
        for lang in ("en", "zh")
    ),
    ("scan.json", (*SCAN, "--format", "json")),
    ("assess.json", (*ASSESS, "--format", "json")),
]


def _render(args: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    monkeypatch.chdir(REPO_ROOT)  # paths in the reports are as given: examples/...
    argv = list(args)
    if args[0] == "assess":
        argv += ["--ledger", str(tmp_path / "ledger.sqlite")]  # never one of the machine's
    result = CliRunner().invoke(app, argv)
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout_bytes


@pytest.mark.parametrize(("name", "args"), CASES, ids=[c[0] for c in CASES])
def test_output_matches_golden_file(
    name: str,
    args: tuple[str, ...],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    update_golden: bool,
) -> None:
    got = _render(args, tmp_path, monkeypatch)
    golden = GOLDEN / name
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(got)
    assert golden.is_file(), f"{golden} is missing: run pytest with --update-golden"
    want = golden.read_bytes()
    if got != want:
        diff = difflib.unified_diff(
            want.decode("utf-8").splitlines(),
            got.decode("utf-8").splitlines(),
            f"golden/{name}",
            "now",
            lineterm="",
            n=1,
        )
        pytest.fail(
            "output differs from the golden file (rerun with --update-golden if wanted):\n"
            + "\n".join(list(diff)[:40])
        )


def test_every_golden_file_is_checked() -> None:
    """A golden file no case writes is stale (a renamed case, a dropped format)."""
    expected = {name for name, _ in CASES}
    assert {p.name for p in GOLDEN.iterdir()} == expected
