"""Renderers: one module per output format, all fed by the same result model.

``render`` is the single entry point the commands use. Table and JSON are built here; SARIF and
Markdown live in ``report/sarif.py`` and ``report/markdown.py`` and are imported on demand.
"""

from __future__ import annotations

import importlib
from typing import Any

from dataflow.errors import UserError
from dataflow.model import AssessResult, ScanResult

FORMATS = ("table", "json", "sarif", "markdown", "html", "pipia")

# Formats that take the transfers' facts (exporter, recipient, thresholds) for ``assess``.
FACT_FORMATS = ("html", "pipia")


def render(
    result: ScanResult | AssessResult,
    fmt: str,
    lang: str = "en",
    *,
    catalog: Any | None = None,
    facts: Any | None = None,
) -> str:
    """Render a scan or assess result as ``table``, ``json``, ``sarif``, ``markdown``, ``html``
    or ``pipia`` (assess only). ``facts`` (``report.facts.transfer_facts``) gives the HTML page
    and the PIPIA draft the exporter, recipient and thresholds of each transfer."""
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
    if isinstance(result, AssessResult):
        if fmt in FACT_FORMATS:
            text: str = module.render_assess(result, lang, catalog, facts=facts)
            return text
        text = module.render_assess(result, lang, catalog)
        return text
    if not hasattr(module, "render_scan"):
        raise UserError(f"output format {fmt!r} is for dataflow assess only")
    text = module.render_scan(result, lang, catalog)
    return text
