"""Values built from files, pickled in the cache folder (``paths.cache_dir``) so that the next
process skips building them: the catalog (``catalog/cache.py``) and baselines (``baseline.py``).

An entry is named by a hash of what it was built from (the files' bytes and the code that builds
it), so a changed file or a new version of dataflow makes a new entry instead of reading a stale
one. Entries are trusted only in a folder and file that only this user can write, and only when
they hold a value of the expected type; anything else is rebuilt. The least recently used
entries of a kind are dropped past ``KEEP``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from dataflow.paths import cache_dir, private

KEEP = 32  # entries kept of each kind
T = TypeVar("T")


def entry(kind: str, data: bytes, code: Iterable[str]) -> Path | None:
    """Where the value of ``kind`` built from ``data`` by the modules ``code`` (file paths) is
    cached; ``None`` when a module cannot be read."""
    digest = hashlib.sha256(f"dataflow-{kind}-1\0{sys.version}\0".encode())
    try:
        for name in code:
            digest.update(Path(name).read_bytes())
    except OSError:
        return None
    digest.update(data)
    return cache_dir() / f"{kind}-{digest.hexdigest()}.pickle"


def read(path: Path, cls: type[T]) -> T | None:
    """The ``cls`` value cached at ``path``; ``None`` when there is none to trust."""
    try:
        if not path.is_file() or not private(path.parent, path):
            return None
        with path.open("rb") as fh:
            value = pickle.load(fh)  # our own file, in a folder only this user can write
    except Exception:  # a stale or damaged cache is rebuilt
        return None
    if not isinstance(value, cls):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: the last to be dropped
    return value


def write(path: Path, value: object, keep: int | None = None) -> None:
    """Cache ``value`` at ``path`` (a name from ``entry``); a read-only or full disk only costs
    the next process the rebuild."""
    kind = path.name.split("-", 1)[0]
    keep = KEEP if keep is None else keep
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not private(path.parent):
            return
        old = sorted(path.parent.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime)
        for stale in old[: max(0, len(old) - keep + 1)]:
            with contextlib.suppress(OSError):
                stale.unlink()
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=f".{kind}-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except Exception:
        return
