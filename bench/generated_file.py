"""Writing, or checking, a data file that a build script under bench/ generates."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def write_or_check(out: Path, text: str, check: bool) -> int:
    """Write ``text`` to ``out``; with ``check``, only compare: exit status 1 when they differ."""
    if check:
        same = out.is_file() and out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{out} differs from a rebuild")
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
    return 0


def run(out: Path, build: Callable[[], str], doc: str | None) -> int:
    """The command line of a build script: write ``out``, or with ``--check`` compare it."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    args = parser.parse_args()
    return write_or_check(out, build(), args.check)
