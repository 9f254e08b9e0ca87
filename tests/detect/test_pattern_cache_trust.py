"""The cached Hyperscan database of ``--full`` is trusted only when it is private to this user,
carries the digest of what it holds and passes a self-test on probe values of each pattern: a
replaced, shared or foreign cache file cannot change what a full scan finds."""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

hyperscan = pytest.importorskip("hyperscan")


def _mobiles(n: int) -> list[str]:
    rng = random.Random(5)
    return [
        f"{rng.choice(['138', '186', '150'])}{rng.randint(0, 99_999_999):08d}" for _ in range(n)
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    """A cache folder holding the database of the shipped patterns, and the report of a full
    scan with it (built once: compiling takes seconds)."""
    base = tmp_path_factory.mktemp("pattern-cache")
    with pytest.MonkeyPatch.context() as mp:
        _project(base, mp)
        expected = _full_scan(mp)
    return base / "cache", expected


@pytest.fixture
def project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: tuple[Path, dict[str, object]]
) -> Path:
    """This test's cache folder, a private copy of the built one."""
    cache = _project(tmp_path, monkeypatch)
    cache.mkdir(mode=0o700)
    for item in built[0].glob("hs-*"):
        shutil.copy2(item, cache / item.name)
    return cache


@pytest.fixture
def expected(built: tuple[Path, dict[str, object]]) -> dict[str, object]:
    return built[1]


def _project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(cache))
    # the module-scoped fixture runs outside conftest's per-test setting: these tests are about
    # the pattern cache, so the rules' verdicts alone, as in every other test
    monkeypatch.setenv("DATAFLOW_LEARNED_SCORER", "off")
    work = tmp_path / "work"
    work.mkdir()
    (work / ".git").mkdir()  # no configuration above this folder
    lines = ["phone,status"] + [f"{p},paid" for p in _mobiles(400)]
    (work / "customers.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(work)
    return cache


def _full_scan(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """``scan --full`` in a process that has not built its matcher yet (it reads the cache)."""
    from dataflow.cli import app
    from dataflow.detect import full

    monkeypatch.setattr(full, "_SHIPPED_MATCHER", [])
    result = CliRunner().invoke(app, ["scan", "customers.csv", "--full", "--format", "json"])
    assert result.exit_code in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["personal_fields"] == 1  # the phone column, found
    return report


def _cached(cache: Path) -> Path:
    (path,) = cache.glob("hs-*.db")
    return path


def _dummy_database() -> bytes:
    db = hyperscan.Database()
    db.compile(expressions=[b"zq-dummy-pattern-qz"], ids=[0], flags=[0])
    return bytes(hyperscan.dumpb(db))


def test_a_replaced_database_does_not_change_the_findings(
    project: Path, monkeypatch: pytest.MonkeyPatch, expected: dict[str, object]
) -> None:
    path = _cached(project)
    real = path.read_bytes()
    path.write_bytes(_dummy_database())  # a bare database, in place of the cached one
    assert _full_scan(monkeypatch) == expected
    assert path.read_bytes() == real  # rebuilt and cached again


def test_a_well_formed_entry_of_other_patterns_fails_the_self_test(
    project: Path, monkeypatch: pytest.MonkeyPatch, expected: dict[str, object]
) -> None:
    from dataflow.detect.fast import read_cached_database, write_cached_database

    path = _cached(project)
    key = path.stem.removeprefix("hs-")
    dummy = _dummy_database()
    write_cached_database(path, key, dummy, [])  # the right key and digest, other patterns
    assert read_cached_database(path, key) == (dummy, [])
    assert _full_scan(monkeypatch) == expected
    cached = read_cached_database(path, key)
    assert cached is not None and cached[0] != dummy


def test_a_damaged_entry_is_rebuilt(
    project: Path, monkeypatch: pytest.MonkeyPatch, expected: dict[str, object]
) -> None:
    from dataflow.detect.fast import read_cached_database

    path = _cached(project)
    key = path.stem.removeprefix("hs-")
    data = bytearray(path.read_bytes())
    data[-100] ^= 0xFF  # one flipped byte in the database: the digest no longer matches
    path.write_bytes(bytes(data))
    assert read_cached_database(path, key) is None
    assert _full_scan(monkeypatch) == expected
    assert read_cached_database(path, key) is not None


@pytest.mark.parametrize("mode", [0o620, 0o602])
def test_a_cache_file_others_can_write_is_not_used(
    project: Path, monkeypatch: pytest.MonkeyPatch, expected: dict[str, object], mode: int
) -> None:
    path = _cached(project)
    path.chmod(mode)
    before = path.stat().st_ino
    assert _full_scan(monkeypatch) == expected
    after = path.stat()
    assert after.st_ino != before  # not read: rebuilt and written anew, private
    assert after.st_mode & 0o777 == 0o600


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs chown")
def test_a_cache_file_of_another_user_is_not_used(
    project: Path, monkeypatch: pytest.MonkeyPatch, expected: dict[str, object]
) -> None:
    path = _cached(project)
    os.chown(path, 65534, 65534)
    before = path.stat().st_ino
    assert _full_scan(monkeypatch) == expected
    after = path.stat()
    assert after.st_ino != before and after.st_uid == os.getuid()


def test_a_cache_folder_others_can_write_is_neither_read_nor_written(
    project: Path, monkeypatch: pytest.MonkeyPatch, expected: dict[str, object]
) -> None:
    path = _cached(project)
    path.write_bytes(_dummy_database())
    project.chmod(0o777)
    try:
        assert _full_scan(monkeypatch) == expected
        assert path.read_bytes() == _dummy_database()  # left alone
    finally:
        project.chmod(0o700)


def test_a_database_that_fails_its_self_test_after_a_rebuild_stops_the_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Probe values no pattern matches stand for a database that reports nothing right: the
    freshly built one fails too, and the scan stops with exit 2 rather than find less."""
    from dataflow.cli import app
    from dataflow.detect import fast, full
    from dataflow.detect.fast import prefilter
    from dataflow.detect.recognizers import load_recognizers

    _project(tmp_path, monkeypatch)
    real = fast.probe_values
    monkeypatch.setattr(prefilter, "probe_values", lambda pat: ("zq", *real(pat)))
    with pytest.raises(fast.PatternDatabaseError):
        fast.FastMatcher(list(load_recognizers()))
    monkeypatch.setattr(full, "_SHIPPED_MATCHER", [])
    result = CliRunner().invoke(app, ["scan", "customers.csv", "--full", "--format", "json"])
    assert result.exit_code == 2
    assert "PatternDatabaseError" in result.stderr
    assert not list((tmp_path / "cache").glob("hs-*.db"))  # nothing cached


def test_every_shipped_entity_has_probe_values() -> None:
    from dataflow.detect.fast import FastMatcher, probe_values
    from dataflow.detect.recognizers import load_recognizers

    matcher = FastMatcher(list(load_recognizers()), prefilter=False)
    probed = {p.entity for p in matcher.patterns if probe_values(p)}
    assert probed == {p.entity for p in matcher.patterns}
    for pat in matcher.patterns:
        assert all(pat.vetted.search(v) for v in probe_values(pat))
