"""Renderers: one module per output format, all fed by the same result model.

``render`` is the single entry point the commands use; the formats themselves, shipped and
added by plug-ins, are listed in ``report/formats.py`` with one signature,
``render(result, lang, catalog)``. That module is imported on first use of ``render`` or
``FORMATS``, so a command that renders nothing here (``check``'s table) does not load it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FORMATS", "render"]


def __getattr__(name: str) -> Any:
    """``render`` and ``FORMATS`` (the shipped output formats; ``formats.names()`` adds those
    of installed plug-ins), from ``report/formats.py``."""
    if name == "render":
        from dataflow.report.formats import render

        return render
    if name == "FORMATS":
        from dataflow.report.formats import SHIPPED

        return tuple(SHIPPED)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
