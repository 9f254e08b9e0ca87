"""Renderers: one module per output format, all fed by the same result model.

``render`` is the single entry point the commands use; the formats themselves, shipped and
added by plug-ins, are listed in ``report/formats.py`` with one signature,
``render(result, lang, catalog)``.
"""

from __future__ import annotations

from dataflow.report.formats import SHIPPED, render

__all__ = ["FORMATS", "render"]

# The shipped output formats (``formats.names()`` adds those of installed plug-ins).
FORMATS = tuple(SHIPPED)
