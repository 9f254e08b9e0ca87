"""What is indexed from a catalog (the subject rules, the metadata detector's keyword index) is
kept on disk, keyed by the catalog's content and the code that indexes it, so that a new
``dataflow check`` need not index the word lists again."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from dataflow.catalog import cache as catalog_module
from dataflow.catalog import load_catalog
from dataflow.detect.metadata import detector as detector_module
from dataflow.detect.metadata import traditional
from dataflow.detect.metadata.detector import MetadataDetector, detector_for
from dataflow.detect.metadata.words import foreign_words
from dataflow.model import Dataset, Field
from dataflow.sensitivity import at
from dataflow.subject import rules as rules_module
from dataflow.subject.rules import SubjectRules, rules_for

REPO = Path(__file__).resolve().parents[2]
EXTRA = """schema_version: 1
elements:
  - id: pi.contact.wechat_test
    names: {en: WeChat id, zh: 微信号}
    category: pi.contact
    pi: true
    sensitive: false
    grade: general-3
    types: [text]
    keywords: {en: [wechat handle], zh: [微信账号]}
"""


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(folder))
    _forget(monkeypatch)
    return folder


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new process, as far as the caches in memory go."""
    monkeypatch.setattr(catalog_module, "_CACHE", {})
    monkeypatch.setattr(rules_module, "_RULES", {})
    monkeypatch.setattr(detector_module, "_DETECTORS", {})


def _refuse_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: object, catalog: object) -> None:
        raise AssertionError("indexed again although a kept copy exists")

    monkeypatch.setattr(SubjectRules, "__init__", refuse)
    monkeypatch.setattr(MetadataDetector, "__init__", refuse)


def _state(obj: Any) -> dict[str, Any]:
    """What an index holds, comparable across processes and copies."""
    state = obj.__getstate__()
    if "families" in state:
        state["families"] = [
            (f.family.id, *(getattr(f, n) for n in ("words", "zh", "topic", "generic")))
            for f in state["families"]
        ]
    return state


def _derived(cache: Path) -> set[Path]:
    return set(cache.glob("derived-*.pickle"))


def _word_tables() -> None:
    """Build the word tables every index reads (each kept in memory for the process)."""
    traditional._table()
    foreign_words()


def test_a_new_process_reads_the_kept_indexes(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the word tables the indexes read are kept on disk too, once per process: built here first,
    # so that only the two indexes this test is about are new whether or not an earlier test of
    # the same run built the tables already
    _word_tables()
    before = _derived(cache_dir)
    catalog = at(load_catalog(), dt.date(2026, 1, 1))
    rules, detector = rules_for(catalog), detector_for(catalog)
    assert len(_derived(cache_dir) - before) == 2
    built = _state(rules), _state(detector)

    _forget(monkeypatch)
    _refuse_building(monkeypatch)
    again = at(load_catalog(), dt.date(2026, 1, 1))
    assert again is not catalog
    kept_rules, kept_detector = rules_for(again), detector_for(again)
    assert (_state(kept_rules), _state(kept_detector)) == built
    # the new catalog's own objects, not the copies read from disk
    assert kept_rules.catalog is again and kept_detector.catalog is again
    for index, family in zip(kept_rules.families, again.families, strict=True):
        assert index.family is family
    # and they classify as the built ones do
    table = Dataset(
        "member",
        "m.sql",
        "sql",
        (
            Field("mobile", "member.mobile", "varchar", comment="手机号"),
            Field("wechat_handle", "member.wechat_handle", "varchar"),
        ),
    )
    assert kept_detector.detect_dataset(table) == detector.detect_dataset(table)
    assert kept_rules.role_zh("会员手机号") == rules.role_zh("会员手机号")


def test_the_key_follows_the_catalog_content(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(EXTRA, encoding="utf-8")
    rules_for(at(load_catalog(), dt.date(2026, 1, 1)))
    one = _derived(cache_dir)
    _forget(monkeypatch)
    detector = detector_for(at(load_catalog([extra]), dt.date(2026, 1, 1)))
    assert ("wechathandle" in detector.compact) and len(_derived(cache_dir) - one) == 1
    # the same files under another standard in force, or with downgrades: other keys
    before = _derived(cache_dir)
    rules_for(at(load_catalog(), dt.date(2026, 1, 1), downgrades=True))
    assert len(_derived(cache_dir) - before) == 1
    # the catalog file changed: indexed again
    _forget(monkeypatch)
    extra.write_text(EXTRA.replace("wechat handle", "wechat name"), encoding="utf-8")
    detector = detector_for(at(load_catalog([extra]), dt.date(2026, 1, 1)))
    assert "wechatname" in detector.compact and "wechathandle" not in detector.compact


def test_a_catalog_not_built_from_files_is_never_kept(cache_dir: Path) -> None:
    changed = replace(load_catalog(), version="in memory")
    assert catalog_module.content_key(changed) is None
    before = _derived(cache_dir)
    rules_for(changed)
    detector_for(changed)
    assert _derived(cache_dir) == before


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_copy_is_indexed_again(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    catalog = at(load_catalog(), dt.date(2026, 1, 1))
    built = _state(rules_for(catalog)), _state(detector_for(catalog))
    for entry in _derived(cache_dir):
        entry.write_bytes(damage)
    _forget(monkeypatch)
    catalog = at(load_catalog(), dt.date(2026, 1, 1))
    assert (_state(rules_for(catalog)), _state(detector_for(catalog))) == built
    _forget(monkeypatch)
    _refuse_building(monkeypatch)  # written again, whole
    catalog = at(load_catalog(), dt.date(2026, 1, 1))
    assert (_state(rules_for(catalog)), _state(detector_for(catalog))) == built


def test_check_output_is_the_same_with_kept_indexes(tmp_path: Path) -> None:
    table = tmp_path / "t.sql"
    table.write_text(
        "CREATE TABLE patient (id INT, name VARCHAR(20) COMMENT '姓名', "
        "diagnosis VARCHAR(200) COMMENT '诊断结果', mobile VARCHAR(20));\n",
        encoding="utf-8",
    )
    env = {**os.environ, "DATAFLOW_CACHE_DIR": str(tmp_path / "c"), "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "dataflow", "check", "--format", "json", "--", "t.sql"]
    runs = [
        subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert len(_derived(tmp_path / "c")) >= 2
    assert runs[0].stdout and "diagnosis" in runs[0].stdout
    assert (runs[0].returncode, runs[0].stdout, runs[0].stderr) == (
        runs[1].returncode,
        runs[1].stdout,
        runs[1].stderr,
    )
