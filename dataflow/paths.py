"""Where the shipped data folders live.

In a source checkout (and an editable install) ``catalogs/`` and ``negative_list/`` sit at the
repository root; a wheel carries them as ``dataflow/_data/...``. This module is the only place
that knows this.
"""

from __future__ import annotations

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
