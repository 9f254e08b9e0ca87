"""Folder walking (``collect_files``): the files to read under the paths given, with ignore
patterns, link loops and unreadable entries reported.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dataflow.i18n import msg, os_error
from dataflow.model import Problem, Severity
from dataflow.readers.detection import (
    IGNORED,
    NOT_READ,
    PROJECT,
    PROJECT_NOTE,
    UNKNOWN,
    detect_format,
)

# Folders a walk never enters (named explicitly they are still read).
_SKIP_DIRS = {"node_modules", "__pycache__", "venv", "site-packages"}


# --- folder walking ---------------------------------------------------------------------------


def _ignored(rel: str, name: str, patterns: Sequence[str]) -> bool:
    for raw in patterns:
        pattern = raw.strip().rstrip("/")
        if not pattern:
            continue
        bare = pattern[3:] if pattern.startswith("**/") else pattern
        for candidate in (pattern, bare):
            if fnmatch.fnmatch(rel, candidate) or fnmatch.fnmatch(name, candidate):
                return True
            if fnmatch.fnmatch(rel, candidate + "/*"):
                return True
    return False


def collect_files(
    paths: Sequence[Path], ignore: Sequence[str] = ()
) -> tuple[list[Path], list[Problem]]:
    """Files to read under ``paths``: folders walked recursively, sorted, deduplicated.

    Symbolic links are followed once; a link back into a folder already walked is reported
    (warning) and not followed. Patterns in ``ignore`` are glob-style, matched against the
    path relative to the folder given (``build/*``, ``**/fixtures/*``) and against the bare
    name (``*.tmp``). In a walk, files dataflow does not read are skipped with a warning,
    dataflow's own YAML files (manifests, configuration, baseline, hooks) and hidden files
    silently; hidden folders (``.git``…) and ``node_modules``/``__pycache__``/``venv`` are not
    entered.
    Files named explicitly are always returned (``read_path`` reports what it cannot read).
    """
    walk = _Walk(ignore)
    for given in paths:
        path = Path(given)
        if not path.exists():
            walk.problems.append(Problem(str(path), msg("p.no_such_path")))
            continue
        if path.is_dir():
            walk.folder(path, path)
        elif not _ignored(path.as_posix(), path.name, ignore):
            walk.add(path)
    ordered = sorted(walk.files.values(), key=lambda p: p.as_posix())
    walk.problems.sort(key=lambda p: (p.path, p.message))
    return ordered, walk.problems


@dataclass
class _Walk:
    """The files found so far (by real path), the problems, the folders walked."""

    ignore: Sequence[str]
    files: dict[str, Path] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    visited: set[str] = field(default_factory=set)

    def add(self, path: Path, real: str | None = None) -> None:
        """Add ``path`` under its real path (``real`` when known)."""
        if real is None:
            try:
                real = os.path.realpath(path)
            except OSError:
                real = str(path)
        if real not in self.files:
            self.files[real] = path

    def folder(self, folder: Path, root: Path) -> None:
        real = os.path.realpath(folder)
        if real in self.visited:
            self.problems.append(
                Problem(
                    str(folder),
                    msg("p.link_loop"),
                    severity=Severity.WARNING,
                )
            )
            return
        self.visited.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            self.problems.append(Problem(str(folder), msg("p.cannot_list", why=os_error(exc))))
            return
        for entry in entries:
            self.entry(entry, root, real)

    def entry(self, entry: os.DirEntry[str], root: Path, real_folder: str) -> None:
        """One entry of a folder whose real path is ``real_folder``."""
        child = Path(entry.path)
        rel = child.relative_to(root).as_posix()
        if _ignored(rel, entry.name, self.ignore):
            return
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
            is_file = entry.is_file(follow_symlinks=True)
        except OSError:
            is_dir = is_file = False
        if is_dir:
            if entry.name.startswith(".") or entry.name in _SKIP_DIRS:
                return
            self.folder(child, root)
        elif is_file:
            if entry.name.startswith("."):
                return  # hidden files (.DS_Store, .env, dataflow's own dotfiles)
            try:
                fmt = detect_format(child)
            except Exception:  # let read_path report whatever is wrong with it
                fmt = UNKNOWN
            if fmt == IGNORED:
                return
            if fmt is None:
                self.problems.append(Problem(str(child), NOT_READ, severity=Severity.WARNING))
                return
            if fmt == PROJECT:  # listed, with a note: nothing in it is lost
                self.problems.append(Problem(str(child), PROJECT_NOTE, severity=Severity.INFO))
                return
            # a file that is not a link is where its folder really is: no path resolved again
            self.add(child, None if entry.is_symlink() else os.path.join(real_folder, entry.name))
        elif entry.is_symlink():
            self.problems.append(
                Problem(str(child), msg("p.broken_link"), severity=Severity.WARNING)
            )
