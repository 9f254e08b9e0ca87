"""Plug-ins of installed packages: Python entry points, loaded with clear errors.

dataflow reads two entry-point groups: ``dataflow.formats`` (output formats,
``report/formats.py``) and ``dataflow.readers`` (input formats, ``readers/registry.py``). Only
installed packages are plug-ins: nothing is imported because a file in a scanned folder or a
configuration file names it, since scanning a repository must never run its code.

A plug-in that cannot be loaded stops the run with exit 2 and a message naming the entry point,
its distribution and, when the import failed inside the plug-in's code, the file and line.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dataflow.errors import ConfigError


class PluginError(ConfigError):
    """An installed plug-in cannot be used: the run stops (exit 2), whatever it was reading."""


def _entry_points(group: str) -> list[Any]:
    from importlib.metadata import entry_points

    found = entry_points(group=group)
    # one entry per name: the first distribution found on sys.path wins, as for imports
    seen: dict[str, Any] = {}
    for ep in found:
        seen.setdefault(ep.name, ep)
    return [seen[name] for name in sorted(seen)]


def _origin(ep: Any, group: str) -> str:
    dist = getattr(ep, "dist", None)
    where = f" (package {dist.name} {dist.version})" if dist is not None else ""
    return f"plug-in {group}:{ep.name} = {ep.value}{where}"


def _position(exc: BaseException) -> str:
    """``file:line`` where loading failed: a syntax error's, else the innermost frame's."""
    if isinstance(exc, SyntaxError) and exc.filename:
        return f"{exc.filename}:{exc.lineno}: "
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        last = frames[-1]
        if "importlib" not in last.filename:
            return f"{last.filename}:{last.lineno}: "
    return ""


def load_entry_points(group: str, what: str) -> Iterator[tuple[str, Any, str]]:
    """``(name, object, origin)`` for each entry point of ``group``, sorted by name.

    ``what`` names the kind of plug-in in messages (``output format``, ``reader``). An entry
    point that fails to import raises ``ConfigError`` (exit 2) naming it and the position.
    """
    for ep in _entry_points(group):
        origin = _origin(ep, group)
        try:
            obj = ep.load()
        except Exception as exc:
            raise PluginError(
                f"{what} {origin} cannot be loaded: {_position(exc)}{type(exc).__name__}: {exc}"
            ) from None
        yield ep.name, obj, origin
