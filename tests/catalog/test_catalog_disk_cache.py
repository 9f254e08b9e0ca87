"""The built catalog is kept on disk so a new process does not parse and validate YAML again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dataflow.catalog import Catalog, load_catalog
from dataflow.catalog import cache as catalog_module

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

    monkeypatch.setattr(catalog_module.CatalogBuilder, "build", refuse)
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


def test_the_key_covers_every_dataflow_module_the_builder_imports() -> None:
    """A change to any code that shapes a built catalog must give a new cache entry."""
    import ast

    package = Path(catalog_module.__file__).parent.parent
    seen: set[str] = set()
    todo = ["catalog/__init__"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if (package / name).is_dir():
            name = f"{name}/__init__"
            seen.add(name)
        tree = ast.parse((package / f"{name}.py").read_text(encoding="utf-8"))
        for node in tree.body:  # module-level imports: what building a catalog runs
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dataflow."):
                todo.append(node.module.split(".", 1)[1].replace(".", "/"))
    modules = {f"{name}.py" for name in seen if not (package / name).is_dir()}
    assert modules <= set(catalog_module._BUILDER_SOURCES)


def _written(path: Path) -> tuple[float, str]:
    return (path.stat().st_mtime, path.name)


def test_entries_in_use_outlive_newer_unused_ones(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalog_module, "_DISK_KEEP", 3)
    shipped = load_catalog()
    (kept,) = cache_dir.glob("catalog-*.pickle")
    extras = []
    for n in range(4):
        extra = tmp_path / f"extra{n}.yaml"
        extra.write_text(EXTRA.replace("wechat_test", f"wechat_test{n}"), encoding="utf-8")
        extras.append(extra)
    for n, extra in enumerate(extras):
        # every entry so far written long ago, the shipped one first; then the shipped one is used
        for age, entry in enumerate(sorted(cache_dir.glob("catalog-*.pickle"), key=_written)):
            os.utime(entry, (1_000_000 + n * 10 + age, 1_000_000 + n * 10 + age))
        monkeypatch.setattr(catalog_module, "_CACHE", {})
        assert load_catalog() == shipped
        monkeypatch.setattr(catalog_module, "_CACHE", {})
        load_catalog([extra])
        assert kept.exists()  # the oldest written, but the last used: not the one dropped
    assert len(list(cache_dir.glob("catalog-*.pickle"))) == 3
    _no_build(monkeypatch)
    assert load_catalog() == shipped


def test_derived_data_is_built_once_and_again_when_a_source_changes(
    cache_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "table.yaml"
    source.write_text("a: b\n", encoding="utf-8")
    builds: list[int] = []

    def build() -> dict[int, str]:
        builds.append(1)
        return {len(builds): source.read_text(encoding="utf-8")}

    first = catalog_module.disk_cached("test_table", (source,), build, dict)
    assert catalog_module.disk_cached("test_table", (source,), build, dict) == first
    assert len(builds) == 1
    assert len(list(cache_dir.glob("derived-*.pickle"))) == 1
    source.write_text("a: c\n", encoding="utf-8")
    assert catalog_module.disk_cached("test_table", (source,), build, dict) == {2: "a: c\n"}
    # another kind over the same files is another entry
    assert catalog_module.disk_cached("other", (source,), build, dict) == {3: "a: c\n"}


def test_derived_data_that_fails_to_build_is_not_kept(cache_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "table.yaml"
    source.write_text("bad\n", encoding="utf-8")

    def broken() -> dict[int, str]:
        raise ValueError("bad table")

    with pytest.raises(ValueError, match="bad table"):
        catalog_module.disk_cached("test_table", (source,), broken, dict)
    assert not list(cache_dir.glob("derived-*.pickle"))
    assert catalog_module.disk_cached("test_table", (source,), lambda: {1: "ok"}, dict) == {1: "ok"}
