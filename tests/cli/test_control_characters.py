"""Control characters in a scanned schema never reach the reviewer's terminal raw.

A hostile DDL names a column with a terminal escape (``\\x1b[8m`` hides the text that follows)
and comments it with an OSC title sequence, a bare carriage return and a Unicode line separator.
Every text report and the problem lines on stderr write them as ``\\uXXXX``; JSON and SARIF stay
valid and give back the original name.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_outputs_and_options import dataflow

NAME = "phone\x1b[8mhidden\x85x"
DDL = (
    "CREATE TABLE members (\n"
    f"  `{NAME}` VARCHAR(20) COMMENT '手机号码\x1b]0;owned\x07\r\u2028',\n"
    "  id_card VARCHAR(18)\n"
    ");\n"
    "CREATE TABLE broken (\n  `a\x1b[2Jb` INT,\n  ) garbage (;\n"
)
RAW = ("\x1b", "\x07", "\x85", "\u2028", "\r")


@pytest.mark.parametrize("fmt", ["table", "markdown", "html", "json", "sarif"])
def test_no_raw_control_character_in_any_report(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "members.sql"
    path.write_text(DDL, encoding="utf-8", newline="")
    run = dataflow("scan", str(path), "--format", fmt, cwd=tmp_path)
    assert run.returncode in (0, 1, 2), run.stderr
    for ch in RAW:
        assert ch not in run.stdout, (fmt, repr(ch))
        assert ch not in run.stderr, (fmt, repr(ch))
    if fmt in ("table", "markdown"):
        assert "phone\\u001b[8mhidden\\u0085x" in run.stdout
    if fmt == "json":
        import json

        names = [
            f["field"]["name"] if isinstance(f.get("field"), dict) else f.get("name")
            for ds in json.loads(run.stdout)["datasets"]
            for f in ds.get("fields", [])
        ]
        assert NAME in names
    if fmt == "sarif":
        import json

        json.loads(run.stdout)
