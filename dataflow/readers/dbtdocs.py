"""dbt docs blocks: a description written as ``{{ doc('name') }}`` gets the block's text.

dbt projects keep long descriptions in Markdown files as ``{% docs name %} … {% enddocs %}``
blocks, and a property file refers to one with ``{{ doc('name') }}`` (or
``{{ doc('package', 'name') }}``). Many projects describe every column this way, so without the
blocks a reader sees no description at all. The blocks are looked up in the ``.md`` files of the
property file's project: the nearest folder above it that holds ``dbt_project.yml``, else the
property file's own folder, searched recursively except for hidden folders, dbt's ``target``,
``logs``, ``dbt_packages`` and ``dbt_modules``, and folders of another project (their own
``dbt_project.yml``). A reference no block answers is left as written.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

# ``{{ doc('name') }}``, ``{{ doc("package", "name") }}``, with Jinja's whitespace control.
_REFERENCE = re.compile(
    r"\{\{-?\s*doc\(\s*(['\"])([^'\"]{1,200})\1\s*(?:,\s*(['\"])([^'\"]{1,200})\3\s*)?\)\s*-?\}\}"
)
_BLOCK = re.compile(
    r"\{%-?\s*docs\s+([A-Za-z_][\w.-]{0,199})\s*-?%\}(.*?)\{%-?\s*enddocs\s*-?%\}", re.DOTALL
)
# The opening of a docs block, in a file's first bytes (``readers.detection``).
_OPENING = re.compile(rb"\{%-?\s*docs\s")
_SKIPPED_FOLDERS = frozenset({"target", "logs", "dbt_packages", "dbt_modules", "node_modules"})
_MAX_DEPTH_UP = 12  # folders climbed looking for dbt_project.yml
_MAX_FILES = 2_000  # Markdown files read for one project
_MAX_BYTES = 2 * 1024 * 1024  # larger Markdown files are skipped

_cache: dict[tuple[str, tuple[tuple[str, int, int], ...]], dict[str, str]] = {}


def holds_blocks(head: bytes) -> bool:
    """Whether the first bytes of a Markdown file open a docs block: the dbt reader reads the
    file for its blocks, so a scan does not report it as unread."""
    return _OPENING.search(head) is not None


def has_reference(text: str) -> bool:
    """Whether a description refers to a docs block."""
    return "doc(" in text and _REFERENCE.search(text) is not None


def project_root(path: Path) -> Path:
    """The folder holding the nearest ``dbt_project.yml`` above ``path``, else its folder."""
    folder = path.parent
    for candidate in (folder, *list(folder.parents)[:_MAX_DEPTH_UP]):
        if (candidate / "dbt_project.yml").is_file():
            return candidate
    return folder


def _markdown_files(root: Path) -> list[tuple[str, int, int]]:
    """``(path, mtime_ns, size)`` of the project's Markdown files, in a stable order."""
    found: list[tuple[str, int, int]] = []
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(".")
            and name not in _SKIPPED_FOLDERS
            and not (here / name / "dbt_project.yml").is_file()
        )
        for name in sorted(files):
            if not name.lower().endswith(".md"):
                continue
            try:
                stat = (here / name).stat()
            except OSError:
                continue
            if stat.st_size <= _MAX_BYTES:
                found.append((str(here / name), stat.st_mtime_ns, stat.st_size))
            if len(found) >= _MAX_FILES:
                return found
    return found


def docs_blocks(path: Path) -> Mapping[str, str]:
    """The docs blocks of the project ``path`` belongs to, by name (the first one of a name)."""
    root = project_root(path)
    files = tuple(_markdown_files(root))
    key = (str(root), files)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    blocks: dict[str, str] = {}
    for name, _mtime, _size in files:
        try:
            text = Path(name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for match in _BLOCK.finditer(text):
            body = match.group(2).strip()
            if body:
                blocks.setdefault(match.group(1), body)
    if len(_cache) > 32:
        _cache.clear()
    _cache[key] = blocks
    return blocks


def resolve(text: str, blocks: Mapping[str, str]) -> str:
    """``text`` with each docs reference a block answers replaced by the block's text."""

    def block(match: re.Match[str]) -> str:
        name = match.group(4) or match.group(2)
        return blocks.get(name, match.group(0))

    return _REFERENCE.sub(block, text).strip()
