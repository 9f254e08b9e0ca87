"""Baselines read before come from the cache folder, and only while they are what was read.

The cache is keyed by the baseline's bytes and the code that reads it; an entry that cannot be
trusted (damaged, of another type, writable by others) is read again from the YAML file.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from dataflow import diskcache
from dataflow.baseline import _READER_SOURCES, Baseline, load_baseline
from dataflow.errors import ConfigError

REPO_ROOT = Path(__file__).resolve().parent.parent.parent

TEXT = """schema_version: 1
accepted:
- file: members.sql
  pointer: members.mobile
  element: pi.contact.mobile
  grade: general-3
  reason: {reason}
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(folder))
    return folder


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("baseline-*.pickle"))


def _reasons(baseline: Baseline) -> list[str]:
    return [e.reason for e in baseline.entries.values()]


def test_a_baseline_read_again_comes_from_the_cache(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(TEXT.format(reason="masked upstream"), encoding="utf-8")
    first = load_baseline(path)
    assert _reasons(first) == ["masked upstream"]
    [entry] = _entries(cache)
    with entry.open("rb") as fh:
        assert pickle.load(fh) == first
    # what the entry holds is what is read: the file is not parsed again
    with entry.open("wb") as fh:
        pickle.dump(Baseline(), fh)
    assert len(load_baseline(path)) == 0


def test_a_changed_baseline_is_read_again(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(TEXT.format(reason="masked upstream"), encoding="utf-8")
    load_baseline(path)
    path.write_text(TEXT.format(reason="hashed upstream"), encoding="utf-8")  # same size
    assert _reasons(load_baseline(path)) == ["hashed upstream"]
    assert len(_entries(cache)) == 2
    path.write_text(TEXT.format(reason="[unclosed"), encoding="utf-8")
    for _ in range(2):  # a broken file is an error every time, never cached
        with pytest.raises(ConfigError):
            load_baseline(path)
    assert len(_entries(cache)) == 2


def test_an_entry_that_cannot_be_trusted_is_read_again(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(TEXT.format(reason="masked upstream"), encoding="utf-8")
    load_baseline(path)
    [entry] = _entries(cache)
    entry.write_bytes(b"not a pickle")
    assert _reasons(load_baseline(path)) == ["masked upstream"]
    with entry.open("wb") as fh:
        pickle.dump({"not": "a baseline"}, fh)
    assert _reasons(load_baseline(path)) == ["masked upstream"]
    if hasattr(os, "getuid"):
        with entry.open("wb") as fh:
            pickle.dump(Baseline(), fh)
        entry.chmod(0o666)  # others could write it
        assert _reasons(load_baseline(path)) == ["masked upstream"]


def test_the_key_follows_the_reading_code(tmp_path: Path, cache: Path) -> None:
    code = tmp_path / "reader.py"
    code.write_text("A = 1\n", encoding="utf-8")
    before = diskcache.entry("baseline", b"same bytes", (str(code),))
    code.write_text("A = 2\n", encoding="utf-8")
    after = diskcache.entry("baseline", b"same bytes", (str(code),))
    assert before is not None and after is not None and before != after
    assert diskcache.entry("baseline", b"same bytes", (str(tmp_path / "gone.py"),)) is None
    assert all(Path(p).is_file() for p in _READER_SOURCES)


def test_a_check_with_a_cached_baseline_imports_no_yaml_parser(tmp_path: Path) -> None:
    ddl = "CREATE TABLE members (\n  id BIGINT PRIMARY KEY,\n  mobile VARCHAR(20)\n);\n"
    (tmp_path / "members.sql").write_text(ddl, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), DATAFLOW_CACHE_DIR=str(tmp_path / "c"))
    update = [sys.executable, "-m", "dataflow", "baseline", "update", "--reason", "r", "."]
    subprocess.run(update, cwd=tmp_path, env=env, check=True, capture_output=True)
    code = (
        "import sys\n"
        "from dataflow.commands.check_core import run_fast\n"
        "status = run_fast(['check', 'members.sql'])  # what the console script runs\n"
        "print('YAML', 'yaml' in sys.modules, 'EXIT', status)\n"
    )
    seen = []
    for _ in range(2):
        proc = subprocess.run(
            [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        seen.append(proc.stdout.strip().splitlines()[-1])
    assert seen == ["YAML True EXIT 0", "YAML False EXIT 0"]
