"""Baseline files read line by line give what the YAML parser gives, or go to the parser.

``baseline.plain_document`` reads files as ``baseline update`` writes them without importing
PyYAML (``dataflow check`` in a pre-commit hook); every other file, and every problem, goes
through the parser. These tests compare both readings on written and hand-edited files.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from dataflow.baseline import (
    Baseline,
    BaselineEntry,
    _baseline_of,
    dumps_baseline,
    load_baseline,
    plain_document,
)
from dataflow.errors import ConfigError
from dataflow.yamlio import load_yaml

REPO_ROOT = Path(__file__).resolve().parent.parent.parent

REASONS = [
    "masked upstream",
    "reviewed by the DPO, see ticket 42",
    "hashed (SHA-256) before export",
    "脱敏后使用",
    "客户 同意 书 2024",
    "it's fine",
    "yes",
    "No",
    "null",
    "~",
    "1",
    "2024-01-01",
    "0x1F",
    "1:30",
    ".inf",
    "a: b",
    "see #12",
    "- dash first",
    "trailing space ",
    " leading space",
    "two  spaces",
    'say "hi"',
    "back\\slash",
    "tab\there",
    "line\nbreak",
    "x" * 120,
    "word " * 30,
    "@at",
    "%percent",
    "&anchor",
    "*alias",
    "!tag",
    "{flow}",
    "[list]",
    "under_score-and.dot/slash+plus",
    "",
]


def _hash(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.1:
        return "".join(rng.choice("0123456789") for _ in range(16))
    if kind < 0.2:
        return "0b" + "".join(rng.choice("01") for _ in range(14))
    if kind < 0.25:
        return "0" + "".join(rng.choice("01234567") for _ in range(15))
    return "".join(rng.choice("0123456789abcdef") for _ in range(16))


def _baseline(rng: random.Random) -> Baseline:
    entries = {}
    for n in range(rng.randint(0, 4)):
        entry = BaselineEntry(
            file=rng.choice(["members.sql", "db/客户.sql", "a b.sql", "x:y.sql", "1.sql"]),
            pointer=rng.choice(["members.mobile", "客户.手机号", "t.a[].b", "t.yes"]) + str(n),
            element=rng.choice(["pi.contact.mobile", "pi.identity.name"]),
            grade=rng.choice(["general-3", "general-4", "sensitive", ""]),
            reason=rng.choice(REASONS),
            element_version=rng.choice([None, "1", "2.0", "v3"]),
            file_hash=rng.choice([None, _hash(rng)]),
        )
        entries[entry.key] = entry
    return Baseline(entries)


def _same(path: Path) -> bool:
    """Whether ``path`` is read plain; when it is, the data equal the parser's."""
    plain = plain_document(path)
    if plain is None:
        return False
    assert plain.data == load_yaml(path).data, path.read_text(encoding="utf-8")
    return True


def test_written_baselines_read_plain_as_the_parser_reads_them(tmp_path: Path) -> None:
    rng = random.Random(21)
    path = tmp_path / "b.yaml"
    plain = 0
    for _ in range(300):
        path.write_text(dumps_baseline(_baseline(rng)), encoding="utf-8")
        plain += _same(path)
    assert plain >= 60


EDITED = [
    "accepted:\n- element: pi.contact.mobile\n  file: m.sql\n  grade: general-3\n"
    "  pointer: m.mobile\n  reason: ok\nschema_version: 1\n",
    "# a note\n\nschema_version: 1\naccepted:\n\n- file: m.sql\n  pointer: m.mobile\n"
    "  element: pi.contact.mobile\n  reason: 'it''s: fine # really'\n",
    "schema_version: 1\naccepted: []\n",
    "schema_version: 1\naccepted:\n",
    "accepted:\nschema_version: 1\n",
    "schema_version: 2\naccepted: []\n",
    "schema_version: 01\naccepted: []\n",
    "schema_version: 1\nschema_version: 1\n",
    "accepted:\n- file: a\n  file: b\n",
    "accepted:\n- file: a\nschema_version: 1\n- file: b\n",
    "accepted:\n  file: a\n",
    "accepted:\n- file: a # comment\n",
    "accepted:\n- file: a  \n",
    "accepted:\n- file: a\r\n",
    "\ufeffaccepted: []\n",
    "accepted:\n- file: 'a'\n  reason: ''\n",
    "accepted:\n- file: \n",
    "accepted:\n- file: True\n  reason: yes\n",
    *(f"accepted:\n- file: a\n  reason: {word}\n" for word in ("yes", "No", "null", "on", "OFF")),
    *(
        f"accepted:\n- file: a\n  file_hash: {value}\n"
        for value in (
            "0b01010101010101",
            "1234567890123456",
            "0123456701234567",
            "12345678901234e5",
            "0x1234567890abcd",
            "a8adba0ea1222179",
            "1_000_000_000_00",
        )
    ),
    "accepted:\n- file: a\n  reason: long\n    continued\n",
    "accepted:\n  - file: a\n",
    "other: 1\n",
    "",
    "# only a comment\n",
]


@pytest.mark.parametrize("text", EDITED)
def test_edited_baselines_read_plain_as_the_parser_reads_them(tmp_path: Path, text: str) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(text, encoding="utf-8", newline="")
    try:
        _same(path)
    except ConfigError:  # the parser refuses it: the plain reading must have left it
        assert plain_document(path) is None
    # and the baseline, or the error, is the parser's
    try:
        expected: object = _baseline_of(load_yaml(path, error_cls=ConfigError))
    except ConfigError as exc:
        expected = str(exc)
    try:
        got: object = load_baseline(path)
    except ConfigError as exc:
        got = str(exc)
    assert got == expected


def test_a_few_files_are_read_plain(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    for text in (EDITED[0], EDITED[1], EDITED[2], EDITED[3]):
        path.write_text(text, encoding="utf-8")
        assert _same(path), text


def test_a_check_with_a_written_baseline_imports_no_yaml_parser(tmp_path: Path) -> None:
    ddl = "CREATE TABLE members (\n  id BIGINT PRIMARY KEY,\n  mobile VARCHAR(20)\n);\n"
    (tmp_path / "members.sql").write_text(ddl, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    update = [sys.executable, "-m", "dataflow", "baseline", "update", "--reason", "masked", "."]
    subprocess.run(update, cwd=tmp_path, env=env, check=True, capture_output=True)
    code = (
        "import sys\n"
        "from dataflow.commands.check_core import run_fast\n"
        "status = run_fast(['check', 'members.sql'])  # what the console script runs\n"
        "print('YAML', 'yaml' in sys.modules, 'EXIT', status)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert proc.stdout.strip().splitlines()[-1] == "YAML False EXIT 0", proc.stderr
