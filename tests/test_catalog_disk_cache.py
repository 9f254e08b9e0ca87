"""The built catalog is kept on disk so a new process does not parse and validate YAML again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dataflow import catalog as catalog_module
from dataflow.catalog import Catalog, load_catalog

EXTRA = """schema_version: 1
elements:
  - id: pi.contact.wechat_test
    names: {en: WeChat id, zh: 微信号}
    category: pi.contact
    pi: true
    sensitive: false
    grade: general-3
    types: [text]
    keywords: {en: [wechat id], zh: [微信号]}
"""


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(folder))
    monkeypatch.setattr(catalog_module, "_CACHE", {})
    return folder


def _no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: object, paths: list[Path]) -> Catalog:
        raise AssertionError("catalog built from YAML although a cached copy exists")

    monkeypatch.setattr(catalog_module._Builder, "build", refuse)
    monkeypatch.setattr(catalog_module, "_CACHE", {})


def test_second_load_reads_the_disk_copy(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = load_catalog()
    files = list(cache_dir.glob("catalog-*.pickle"))
    assert len(files) == 1
    assert files[0].stat().st_mode & 0o077 == 0
    _no_build(monkeypatch)
    assert load_catalog() == built


def test_changed_catalog_file_is_built_again(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(EXTRA, encoding="utf-8")
    first = load_catalog([extra])
    assert "pi.contact.wechat_test" in first.elements
    extra.write_text(EXTRA.replace("微信号", "微信账号"), encoding="utf-8")
    monkeypatch.setattr(catalog_module, "_CACHE", {})
    second = load_catalog([extra])
    assert second.elements["pi.contact.wechat_test"].keywords.zh == ("微信账号",)
    assert len(list(cache_dir.glob("catalog-*.pickle"))) == 2


def test_damaged_or_shared_cache_is_not_used(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = load_catalog()
    (entry,) = cache_dir.glob("catalog-*.pickle")
    entry.write_bytes(b"not a pickle")
    monkeypatch.setattr(catalog_module, "_CACHE", {})
    assert load_catalog() == built  # rebuilt and rewritten
    if hasattr(os, "getuid"):
        entry.chmod(0o666)
        _no_build(monkeypatch)
        with pytest.raises(AssertionError, match="built from YAML"):
            load_catalog()


def test_unwritable_cache_folder_still_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(catalog_module, "_CACHE", {})
    assert "pi.contact.mobile" in load_catalog().elements
