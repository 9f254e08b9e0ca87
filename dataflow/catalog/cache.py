"""Built catalogs kept in memory and on disk, keyed by the catalog files and the code."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from dataflow.catalog.loader import CatalogBuilder, shipped_files
from dataflow.catalog.model import Catalog
from dataflow.paths import cache_dir, private


def load_catalog(extra: Sequence[Path] = (), *, include_shipped: bool = True) -> Catalog:
    """Load the shipped catalogs then ``extra`` files (later ones extend/override earlier ones).

    Raises ``CatalogValidationError`` (a ``CatalogError``) listing every problem found.
    """
    paths = (*shipped_files(), *extra) if include_shipped else tuple(extra)
    return _key_cached(tuple(str(p) for p in paths))


T = TypeVar("T")


def per_catalog(
    store: dict[int, tuple[Catalog, T]], catalog: Catalog, build: Callable[[Catalog], T]
) -> T:
    """What ``build`` derives from ``catalog``, built once per catalog object and kept in
    ``store`` (at most 9 catalogs; a catalog reached again after a clear is rebuilt)."""
    cached = store.get(id(catalog))
    if cached is not None and cached[0] is catalog:
        return cached[1]
    value = build(catalog)
    if len(store) > 8:
        store.clear()
    store[id(catalog)] = (catalog, value)
    return value


_CACHE: dict[tuple[tuple[str, float, int], ...], Catalog] = {}


def _key_cached(paths: tuple[str, ...]) -> Catalog:
    stamps: list[tuple[str, float, int]] = []
    for p in paths:
        try:
            st = Path(p).stat()
            stamps.append((p, st.st_mtime, st.st_size))
        except OSError:
            stamps.append((p, -1.0, -1))
    key = tuple(stamps)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    disk = _disk_entry(paths)
    catalog = _read_disk(disk) if disk is not None else None
    if catalog is None:
        catalog = CatalogBuilder().build([Path(p) for p in paths])
        if disk is not None:
            _write_disk(disk, catalog)
    if disk is not None:
        _remember_key(catalog, disk.stem.split("-", 1)[1])
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[key] = catalog
    return catalog


# What a catalog's content is known by: the digest of the files it was built from and the code
# that built them (its disk entry's), or for a catalog derived from one (``sensitivity.at``)
# that digest and what was changed. A catalog built otherwise (in memory) has none, and what is
# derived from it is never kept on disk.
_KEYS: dict[int, tuple[Catalog, str]] = {}


def _remember_key(catalog: Catalog, key: str) -> None:
    if len(_KEYS) > 32:
        _KEYS.clear()
    _KEYS[id(catalog)] = (catalog, key)


def content_key(catalog: Catalog) -> str | None:
    """The key of ``catalog``'s content (``None``: not built from files by ``load_catalog``)."""
    known = _KEYS.get(id(catalog))
    return known[1] if known is not None and known[0] is catalog else None


def derived(parent: Catalog, child: Catalog, change: str) -> None:
    """Record that ``child`` is ``parent`` with ``change`` (a text naming the change and its
    arguments): its content key follows from the parent's."""
    key = content_key(parent)
    if key is not None:
        _remember_key(child, hashlib.sha256(f"{key}\0{change}".encode()).hexdigest())


# Built catalogs are also kept on disk (``$DATAFLOW_CACHE_DIR`` or ``~/.cache/dataflow``), keyed
# by a hash of the catalog files (paths and bytes) and of the code that builds them (every
# dataflow module this one imports), so that a new process (``dataflow check`` in a pre-commit
# hook) does not parse and validate the YAML again. The folder is shared by every checkout and
# version of dataflow a user runs, and by their ``--catalog`` files: entries are dropped least
# recently *used* first (a hit refreshes the file's time), so the ones in use stay.
_DISK_FORMAT = b"dataflow-catalog-cache-2"
_DISK_KEEP = 32  # cached catalogs kept (about 140 kB each)
_BUILDER_SOURCES = (
    "catalog/__init__.py",
    "catalog/cache.py",
    "catalog/crossref.py",
    "catalog/elements.py",
    "catalog/fields.py",
    "catalog/loader.py",
    "catalog/model.py",
    "catalog/sections.py",
    "condition.py",
    "model.py",
    "yamlio/__init__.py",
    "yamlio/check.py",
    "yamlio/load.py",
    "errors.py",
    "i18n/__init__.py",
    "i18n/commands.py",
    "i18n/evidence.py",
    "i18n/labels.py",
    "i18n/monitor.py",
    "i18n/problems.py",
    "i18n/reports.py",
    "i18n/subjects.py",
    "i18n/ui.py",
    "vocab.py",
    "yaml_messages.py",
    "sensitivity.py",
    "paths.py",
    "__init__.py",
)


def _disk_entry(paths: Sequence[str]) -> Path | None:
    """Where the built catalog of ``paths`` is cached (``None``: a file is unreadable)."""
    digest = hashlib.sha256(_DISK_FORMAT)
    digest.update(sys.version.encode())
    package = Path(__file__).resolve().parent.parent
    try:
        for name in _BUILDER_SOURCES:
            digest.update((package / name).read_bytes())
        for p in paths:
            data = Path(p).read_bytes()
            digest.update(f"\0{p}\0{len(data)}\0".encode())
            digest.update(data)
        return cache_dir() / f"catalog-{digest.hexdigest()}.pickle"
    except (OSError, RuntimeError):
        return None


def _read_disk(path: Path) -> Catalog | None:
    catalog = _read_pickle(path)
    return catalog if isinstance(catalog, Catalog) else None


def _read_pickle(path: Path) -> object:
    """The object pickled at ``path`` by ``_write_disk`` (``None``: absent, not this user's
    own or unreadable)."""
    try:
        if not path.is_file() or not private(path.parent, path):
            return None
        with path.open("rb") as fh:
            value = pickle.load(fh)  # our own file, in a folder only this user can write
    except Exception:  # a stale or damaged cache is rebuilt
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: the last to be dropped
    return value


def _write_disk(path: Path, value: object) -> None:
    """Pickle ``value`` to ``path``, dropping the least recently used files of its kind (the
    part of the name before the first ``-``) beyond ``_DISK_KEEP``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not private(path.parent):
            return
        kind = path.name.split("-", 1)[0]
        old = sorted(path.parent.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime)
        for stale in old[: max(0, len(old) - _DISK_KEEP + 1)]:
            with contextlib.suppress(OSError):
                stale.unlink()
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=".catalog-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except Exception:  # a read-only or full disk only costs the next process the rebuild
        return


_DERIVED_FORMAT = b"dataflow-derived-cache-1"


def disk_cached(
    kind: str,
    sources: Sequence[Path],
    build: Callable[[], T],
    cls: type[T],
    *,
    catalog: Catalog | None = None,
) -> T:
    """``build()``, kept on disk between processes (in the catalogs' cache folder) and keyed by
    ``kind``, the Python version and the bytes of ``sources`` (the data files it reads and the
    modules whose code builds it), and by the content of ``catalog`` when it is built from one:
    a change to any of them builds it again, and so does a catalog whose content has no key
    (``content_key``). What ``build`` raises is raised and nothing is kept; a result that is not
    a ``cls`` is never read back."""
    from dataflow import __version__

    digest = hashlib.sha256(_DERIVED_FORMAT)
    digest.update(f"\0{kind}\0{sys.version}\0{__version__}".encode())
    if catalog is not None:
        key = content_key(catalog)
        if key is None:
            return build()
        digest.update(f"\0catalog\0{key}".encode())
    try:
        for p in sources:
            data = p.read_bytes()
            digest.update(f"\0{p.name}\0{len(data)}\0".encode())
            digest.update(data)
        path: Path | None = cache_dir() / f"derived-{digest.hexdigest()}.pickle"
    except (OSError, RuntimeError):
        path = None
    if path is not None:
        cached = _read_pickle(path)
        if isinstance(cached, cls):
            return cached
    value = build()
    if path is not None:
        _write_disk(path, value)
    return value
