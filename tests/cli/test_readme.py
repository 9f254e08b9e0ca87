"""The README, replayed: every ``dataflow`` command of its shell blocks, top to bottom.

Commands run in a temporary folder holding a copy of ``examples/``, as a newcomer in a fresh
clone would run them (installing aside). Each must end with exit 0 or 1 (findings), never a
usage or input error; the first line of an output block shown after a command must appear in
that command's output. A shell block preceded by ``<!-- not run: reason -->`` is skipped (it
needs something the test machine has no copy of, such as a database server).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO_ROOT

README = REPO_ROOT / "README.md"
_FENCE = re.compile(r"^```(\w*)\s*$")
_NOT_RUN = re.compile(r"^<!--\s*not run:.*-->\s*$")
# What a replay leaves to the reader: installing, the project's own development commands.
_SKIPPED_PREFIXES = (
    "python -m pip",
    "pip ",
    "git ",
    "ruff ",
    "mypy",
    ".ci/run",
    "python -m pytest",
)


@dataclass
class Block:
    lang: str
    lines: list[str]
    line: int
    skipped: bool


def _blocks(text: str) -> list[Block]:
    out: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if match is None:
            i += 1
            continue
        before = next((ln for ln in reversed(lines[:i]) if ln.strip()), "")
        start = i + 1
        i += 1
        while i < len(lines) and lines[i].strip() != "```":
            i += 1
        out.append(Block(match.group(1), lines[start:i], start, bool(_NOT_RUN.match(before))))
        i += 1
    return out


def _commands(block: Block) -> list[str]:
    out = []
    for raw in block.lines:
        line = re.sub(r"\s+#\s.*$", "", raw).strip()
        for part in line.split("&&"):
            part = part.strip()
            if not part or part.startswith(_SKIPPED_PREFIXES):
                continue
            assert part.startswith("dataflow "), (
                f"README line {block.line}: unknown command {part!r}"
            )
            out.append(part)
    return out


def _is_synopsis(block: Block) -> bool:
    return any("..." in ln or "[--" in ln for ln in block.lines)


def _glob(cwd: Path, pattern: str) -> list[str]:
    return [str(p.relative_to(cwd)) for p in cwd.glob(pattern)]


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.slow
def test_readme_replays(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    env = {**os.environ, "DATAFLOW_CACHE_DIR": str(tmp_path / "cache"), "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    dataflow = [sys.executable, "-m", "dataflow"]
    last_output: str | None = None
    ran = 0
    for block in _blocks(README.read_text(encoding="utf-8")):
        if block.lang == "sh" and not block.skipped and not _is_synopsis(block):
            for command in _commands(block):
                # as a shell would: a pattern that matches files becomes their sorted names
                args = [
                    arg
                    for word in shlex.split(command)[1:]
                    for arg in (sorted(_glob(tmp_path, word)) if "*" in word else [word]) or [word]
                ]
                done = subprocess.run(
                    [*dataflow, *args],
                    cwd=tmp_path,
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=300,
                )
                where = f"README line {block.line}: {command}"
                assert done.returncode in (0, 1), f"{where}: exit {done.returncode}\n{done.stderr}"
                assert "Traceback" not in done.stderr, where
                last_output = done.stdout
                ran += 1
        elif block.lang == "" and last_output is not None and block.lines:
            first = _squash(block.lines[0])
            shown = [_squash(ln) for ln in last_output.splitlines()]
            assert any(ln.startswith(first) for ln in shown), (
                f"README line {block.line}: output shown is not what the command printed: {first!r}"
            )
            last_output = None
    assert ran >= 5, "the README's commands were not found"
