"""``write_output`` writes the same bytes whether or not the text needs escaping: a text with
neither a control character nor an undecodable file-name byte skips the escaping passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from dataflow.commands._common import escape_surrogates, write_output
from dataflow.report.controls import escape_controls

TEXTS = [
    '{\n  "name": "手机号",\n  "comment": "收货地址 — “省市”"\n}\n',  # nothing to escape
    "温度 36.5°C · 10%",  # U+00B0, U+00B7: C2 lead bytes, no control
    "tab\tand newline\nkept",
    "escape \x1b[8m hidden",
    "bell \x07 and DEL \x7f",
    "C1 \x85 next line, \x9b CSI",
    "line\u2028separator and paragraph\u2029separator",
    "file name with an undecodable byte \udcff here",
    "both \udc80 and \x00",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_file_bytes_are_the_escaped_text(tmp_path: Path, text: str) -> None:
    out = tmp_path / "report.json"
    write_output(text, out)
    expected = escape_controls(escape_surrogates(text if text.endswith("\n") else text + "\n"))
    assert out.read_bytes() == expected.encode("utf-8")


@pytest.mark.parametrize("text", TEXTS)
def test_stdout_is_the_escaped_text(capsys: pytest.CaptureFixture[str], text: str) -> None:
    write_output(text, None)
    expected = escape_controls(escape_surrogates(text if text.endswith("\n") else text + "\n"))
    assert capsys.readouterr().out == expected
