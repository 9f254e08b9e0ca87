"""Where the shipped data folders live.

In a source checkout (and an editable install) ``catalogs/`` and ``negative_list/`` sit at the
repository root; a wheel carries them as ``dataflow/_data/...``. This module is the only place
that knows this.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    bundled = _PACKAGE_DIR / "_data" / name
    if bundled.is_dir():
        return bundled
    checkout = _PACKAGE_DIR.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"shipped data folder {name!r} not found next to the dataflow package")


def catalogs_dir() -> Path:
    """The shipped ``catalogs/`` folder."""
    return _data_dir("catalogs")


def negative_lists_dir() -> Path:
    """The shipped ``negative_list/`` folder."""
    return _data_dir("negative_list")


def schemas_dir() -> Path:
    """JSON Schemas of dataflow's own outputs (shipped inside the package)."""
    return _PACKAGE_DIR / "schemas"


def cache_dir() -> Path:
    """Where built catalogs and pattern databases are cached (``$DATAFLOW_CACHE_DIR``, else
    ``~/.cache/dataflow``)."""
    env = os.environ.get("DATAFLOW_CACHE_DIR")
    if env:
        return Path(env)
    return Path.home() / ".cache" / "dataflow"


def private(*paths: Path) -> bool:
    """Whether the paths belong to this user and only this user can write them (a cache file
    is trusted only then: anyone else who can write it could change what a scan finds)."""
    if not hasattr(os, "getuid"):
        return False
    for item in paths:
        st = item.stat()
        if st.st_uid != os.getuid() or st.st_mode & 0o022:
            return False
    return True
