"""Patterns the ``regex`` engine accepted before: empty marker files under the cache folder, so
that a load does not compile them with ``regex`` again."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from dataflow.paths import cache_dir, private

# A pattern the ``regex`` engine accepted once is not compiled with it again at load time: an
# empty file named by the hash of the engine's version, the flags and the expanded pattern, in
# a folder only this user can write (``$DATAFLOW_CACHE_DIR/regex-checked``), records that it
# compiled and does not match empty text. The ``re`` check still runs on every load; the
# ``regex`` engine then compiles the pattern only when a value needs it.
_CHECKED_FORMAT = "dataflow-regex-checked-1"


def checked_marker(source: str, flags: int) -> Path | None:
    """The marker file of ``source`` compiled with ``flags`` (None without the ``regex`` module)."""
    module = regex_module()
    if module is re:
        return None
    digest = hashlib.sha256(
        f"{_CHECKED_FORMAT}\0{getattr(module, '__version__', '')}\0{flags}\0{source}".encode()
    )
    return cache_dir() / "regex-checked" / digest.hexdigest()


def checked_before(marker: Path) -> bool:
    """Whether the marker exists in a folder only this user can write."""
    try:
        return marker.is_file() and private(marker.parent, marker)
    except OSError:
        return False


def remember_checked(marker: Path) -> None:
    """Write the marker (nothing when the cache folder cannot be made private)."""
    try:
        marker.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if private(marker.parent):
            marker.touch(mode=0o600)
    except OSError:  # a read-only home: check with both engines next time too
        return


def regex_module() -> Any:
    """The ``regex`` module Presidio runs, else ``re``."""
    import importlib

    try:
        return importlib.import_module("regex")
    except ImportError:  # pragma: no cover - regex comes with presidio-analyzer
        return re
