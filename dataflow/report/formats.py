"""Output formats: one registry, one signature.

Every ``--format`` of ``scan``, ``check`` and ``assess`` is an :class:`OutputFormat`: a name and
a function ``render(result, lang, catalog) -> str`` taking a ``ScanResult`` or an
``AssessResult``, the output language (``en`` or ``zh``) and the catalog the result was
classified with (element and category names). A format that also wants each transfer's facts
(exporter, recipient, thresholds: ``report.facts.transfer_facts``) says ``facts=True`` and gets
them as the keyword ``facts``. ``scan`` and ``assess`` say which results it renders.

The shipped formats import their module only when used. An installed package adds a format
with an entry point in the group ``dataflow.formats`` (see README, "Extending dataflow"): the
entry point's name is the format's name and its object either an ``OutputFormat`` or a
``render`` function (rendering both kinds of result). Entry points are read only when a name is
not a shipped format, or when the list of formats is shown, so a run with a shipped format
pays nothing for them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dataflow.errors import UserError
from dataflow.model import AssessResult, ScanResult
from dataflow.plugins import PluginError
from dataflow.vocab import Format

ENTRY_POINT_GROUP = "dataflow.formats"

Render = Callable[..., str]


@dataclass(frozen=True)
class OutputFormat:
    """One output format: ``render(result, lang, catalog)`` (plus ``facts=`` when ``facts``)."""

    name: str
    render: Render
    scan: bool = True  # renders a ScanResult (scan, check)
    assess: bool = True  # renders an AssessResult
    facts: bool = False  # an assess render also gets ``facts=`` (exporter, recipient...)
    origin: str = "dataflow"  # where it comes from, for messages

    def renders(self, result: ScanResult | AssessResult) -> bool:
        """Whether this format renders ``result``'s kind."""
        return self.assess if isinstance(result, AssessResult) else self.scan


def _module_render(module_name: str) -> Render:
    """The render of a shipped module with ``render_scan``/``render_assess(result, lang,
    catalog[, facts=])``, importing the module on first use."""

    def render(result: ScanResult | AssessResult, lang: str, catalog: Any, **facts: Any) -> str:
        module = importlib.import_module(module_name)
        if isinstance(result, AssessResult):
            text: str = module.render_assess(result, lang, catalog, **facts)
        else:
            text = module.render_scan(result, lang, catalog)
        return text

    return render


def _render_json(result: ScanResult | AssessResult, lang: str, catalog: Any) -> str:
    """JSON has no language and needs no catalog: records carry ids and names already."""
    from dataflow.report import json_report

    if isinstance(result, AssessResult):
        return json_report.render_assess(result)
    return json_report.render_scan(result)


SHIPPED: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat(Format.TABLE, _module_render("dataflow.report.table")),
        OutputFormat(Format.JSON, _render_json),
        OutputFormat(Format.SARIF, _module_render("dataflow.report.sarif")),
        OutputFormat(Format.MARKDOWN, _module_render("dataflow.report.markdown")),
        OutputFormat(Format.HTML, _module_render("dataflow.report.html"), facts=True),
        # the PIPIA draft (assess only): Markdown here, Word with ``pipia.render_docx``
        OutputFormat(Format.PIPIA, _module_render("dataflow.report.pipia"), scan=False, facts=True),
    )
}

_ADDED: dict[str, OutputFormat] = {}  # register(), then the entry points once read
_LOADED: list[bool] = []


def register(fmt: OutputFormat) -> None:
    """Add ``fmt`` for this process (a library user's format; plug-ins use entry points)."""
    _check_name(fmt.name, fmt.origin)
    _ADDED[fmt.name] = fmt


def _check_name(name: str, origin: str) -> None:
    if name in SHIPPED:
        raise PluginError(f"output format {name!r} of {origin} has the name of a shipped format")
    if not name or not name.replace("-", "").replace("_", "").isalnum() or name != name.lower():
        raise PluginError(
            f"output format {name!r} of {origin}: a name is lower-case letters, digits, - and _"
        )


def _plugins() -> dict[str, OutputFormat]:
    """The formats of installed packages (entry points ``dataflow.formats``), read once."""
    if not _LOADED:
        from dataflow.plugins import load_entry_points

        for name, obj, origin in load_entry_points(ENTRY_POINT_GROUP, "output format"):
            if isinstance(obj, OutputFormat):
                fmt = OutputFormat(name, obj.render, obj.scan, obj.assess, obj.facts, origin=origin)
            elif callable(obj):
                fmt = OutputFormat(name, obj, origin=origin)
            else:
                raise PluginError(
                    f"output format {name!r} of {origin} is neither an OutputFormat nor a "
                    "render function"
                )
            register(fmt)
        _LOADED.append(True)
    return _ADDED


def names(command: str | None = None) -> tuple[str, ...]:
    """The formats ``command`` (``scan`` or ``assess``; every one when ``None``) offers:
    shipped first, then added ones by name."""
    every = [*SHIPPED.values(), *(_plugins()[k] for k in sorted(_plugins()))]
    if command is not None:
        every = [f for f in every if (f.assess if command == "assess" else f.scan)]
    return tuple(f.name for f in every)


def get(name: str) -> OutputFormat:
    """The format called ``name``; ``UserError`` when there is none."""
    found = SHIPPED.get(name) or _ADDED.get(name) or _plugins().get(name)
    if found is None:
        raise UserError(f"unknown output format {name!r}; expected one of: {', '.join(names())}")
    return found


def render(
    result: ScanResult | AssessResult,
    name: str,
    lang: str = "en",
    *,
    catalog: Any | None = None,
    facts: Any | None = None,
) -> str:
    """``result`` in the format ``name``."""
    fmt = get(name)
    if not fmt.renders(result):
        kind = "dataflow scan" if fmt.scan else "dataflow assess"
        raise UserError(f"output format {name!r} is for {kind} only")
    if fmt.facts and isinstance(result, AssessResult):
        return fmt.render(result, lang, catalog, facts=facts)
    return fmt.render(result, lang, catalog)
