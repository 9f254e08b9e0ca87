"""Renderers: one module per output format, all fed by the same result model.

``render`` is the single entry point the commands use. Table and JSON are built here; SARIF and
Markdown live in ``report/sarif.py`` and ``report/markdown.py`` and are imported on demand.
"""

from __future__ import annotations

import importlib
from typing import Any

from dataflow.errors import UserError
from dataflow.model import AssessResult, ScanResult

FORMATS = ("table", "json", "sarif", "markdown")


def render(
    result: ScanResult | AssessResult,
    fmt: str,
    lang: str = "en",
    *,
    catalog: Any | None = None,
) -> str:
    """Render a scan or assess result as ``table``, ``json``, ``sarif`` or ``markdown``."""
    if fmt not in FORMATS:
        raise UserError(f"unknown output format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    if fmt == "json":
        from dataflow.report import json_report

        if isinstance(result, AssessResult):
            return json_report.render_assess(result)
        return json_report.render_scan(result)
    if fmt == "table":
        from dataflow.report import table

        if isinstance(result, AssessResult):
            return table.render_assess(result, lang, catalog)
        return table.render_scan(result, lang, catalog)
    try:
        module = importlib.import_module(f"dataflow.report.{fmt}")
    except ModuleNotFoundError as exc:
        if exc.name == f"dataflow.report.{fmt}":
            raise UserError(f"output format {fmt!r} is not available in this build") from None
        raise
    func = module.render_assess if isinstance(result, AssessResult) else module.render_scan
    text: str = func(result, lang, catalog)
    return text
