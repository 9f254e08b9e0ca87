"""Accepted findings: the ``.dataflow-baseline.yaml`` file behind ``dataflow check``.

An entry accepts one personal-information finding, keyed by (file, pointer, element), with the
reason it was accepted and the grade (and catalog element version, where the catalog has one)
it had then. The file is written deterministically: entries sorted by key, no line numbers, no
timestamps, so it only changes when the accepted findings change and merges cleanly.

An entry also records ``file_hash``, the first 16 hex digits of the SHA-256 of the file's bytes
when it was accepted. A finding whose file has no entry of its own is accepted through the
entry of another file, with the same pointer and element, that the file continues: the file
git reports it was renamed or copied from (``git diff -M -C HEAD``, when the baseline lies in a
git work tree), else a file whose recorded hash is the new file's (a copy, or a rename whose old
path exists again), else a file that no longer exists (a rename outside git). ``check`` says
which, and ``baseline update`` records the new path with the old reason.

A finding is *accepted* when an entry with its key exists and its grade and element version are
unchanged; a finding whose element was re-graded in the catalog is reported again, so a human
looks at it once more. Inline allow comments (``-- dataflow: allow pi.contact.mobile "reason"``)
accept a finding at its column without a baseline entry.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dataflow.errors import ConfigError
from dataflow.i18n import msg
from dataflow.model import FieldFinding, ScanResult, Severity
from dataflow.yamlio import Checker, YamlDoc, covers, load_yaml, type_name

SCHEMA_VERSION = 1
DEFAULT_REASON = "accepted with `dataflow baseline update`; no reason given"
HEADER = (
    "# dataflow baseline: personal-information findings accepted after review.\n"
    "# `dataflow check` fails only on findings that are not listed here (or allowed inline).\n"
    "# Written by `dataflow baseline update`; edit the reasons freely, keep the keys.\n"
)

Key = tuple[str, str, str]  # (file, pointer, element)


@dataclass(frozen=True, order=True)
class BaselineEntry:
    """One accepted finding."""

    file: str
    pointer: str
    element: str
    grade: str
    reason: str
    element_version: str | None = None
    file_hash: str | None = None  # SHA-256 of the file when accepted (16 hex digits)

    @property
    def key(self) -> Key:
        """(file, pointer, element)."""
        return (self.file, self.pointer, self.element)

    def as_dict(self) -> dict[str, str]:
        """Builtin record for the YAML file."""
        out = {
            "file": self.file,
            "pointer": self.pointer,
            "element": self.element,
            "grade": self.grade,
            "reason": self.reason,
        }
        if self.element_version is not None:
            out["element_version"] = self.element_version
        if self.file_hash is not None:
            out["file_hash"] = self.file_hash
        return out


@dataclass(frozen=True)
class Baseline:
    """The accepted findings, by key."""

    entries: Mapping[Key, BaselineEntry] = field(default_factory=dict)

    def get(self, key: Key) -> BaselineEntry | None:
        """The entry accepting ``key``, if any."""
        return self.entries.get(key)

    def __len__(self) -> int:
        return len(self.entries)


@dataclass(frozen=True)
class Unaccepted:
    """A PI finding that ``dataflow check`` refuses: new, or changed since it was accepted."""

    finding: FieldFinding
    key: Key
    previous: BaselineEntry | None = None  # set when the entry exists but the grade changed
    current_version: str | None = None


_ENTRY_KEYS = ("file", "pointer", "element", "grade", "reason", "element_version", "file_hash")


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; a missing file is an empty baseline. Bad content raises ConfigError.

    A file as ``baseline update`` writes it is read line by line (``plain_document``), without
    importing the YAML parser (a pre-commit ``dataflow check`` pays for that import); anything
    else, and any problem, is read and reported through the YAML parser.
    """
    if not path.exists():
        return Baseline()
    plain = plain_document(path)
    if plain is not None:
        with contextlib.suppress(ConfigError):
            return _baseline_of(plain)
    return _baseline_of(load_yaml(path, error_cls=ConfigError))


def _baseline_of(doc: YamlDoc) -> Baseline:
    if doc.data is None:
        return Baseline()
    c = Checker(doc, ConfigError)
    top = c.keys(doc.data, "", ("schema_version",), ("accepted",))
    if top is None:
        c.raise_all()
        raise AssertionError("unreachable")
    if "schema_version" in top and top["schema_version"] != SCHEMA_VERSION:
        c.fail("schema_version", msg("y.schema_version", version=SCHEMA_VERSION))
    entries: dict[Key, BaselineEntry] = {}
    for i, raw in enumerate(c.list_(top.get("accepted") or [], "accepted")):
        entry = _read_entry(c, raw, f"accepted[{i}]")
        if entry is None:
            continue
        if entry.key in entries:
            c.fail(f"accepted[{i}]", msg("b.duplicate"))
        entries[entry.key] = entry
    c.raise_all()
    return Baseline(entries)


# A line of a baseline file as ``baseline update`` writes it: ``key: value`` at the top,
# ``- key: value`` opening an entry, ``  key: value`` inside one; a value is a single-quoted
# string on one line, or a plain one that YAML reads as a string (a letter first, no character
# YAML gives a meaning to; or a 16-digit hexadecimal file hash with a letter in it).
_PLAIN_LINE = re.compile(r"(- |  )?([a-z_]+):(?: (.*))?")
_PLAIN_TEXT = re.compile(r"[^\W\d_][\w .,/()+-]*(?<! )")
_PLAIN_HASH = re.compile(r"(?=[0-9]*[a-f])(?!0b)[0-9a-f]{16}")
_QUOTED = re.compile(r"'((?:[^']|'')*)'")
_NOT_TEXT = frozenset({"yes", "no", "true", "false", "on", "off", "null", "y", "n"})
_EMPTY_LIST = re.compile(r"^accepted: \[\]$", re.MULTILINE)
_MAX_PLAIN_BYTES = 4 * 1024 * 1024


def plain_document(path: Path) -> YamlDoc | None:
    """The baseline file at ``path`` read without the YAML parser, when every line is one
    ``dumps_baseline`` writes (comments and blank lines aside); ``None`` otherwise. It gives
    the data the YAML parser gives (without line numbers: problems are found and reported by
    reading the file again through the parser)."""
    try:
        raw = path.read_bytes() if path.stat().st_size <= _MAX_PLAIN_BYTES else b""
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    lines = text.split("\n")
    if not text or not all(line.isprintable() for line in lines):
        return None  # also a byte-order mark, tabs, other line breaks: the parser reads them
    top: dict[str, Any] = {}
    entries: list[dict[str, Any]] | None = None  # the entries of ``accepted:`` while open
    for line in lines:
        if not line or line.startswith("#"):
            continue
        m = _PLAIN_LINE.fullmatch(line)
        if m is None:
            return None
        lead, key, value = m.groups()
        if lead is None:  # a top-level key closes the list above
            entries = None
            if key in top:
                return None
            if key == "schema_version" and value is not None and value.isdigit():
                if value != str(int(value)):
                    return None
                top[key] = int(value)
            elif key == "accepted" and value == "[]":
                top[key] = []
            elif key == "accepted" and value is None:
                entries = top[key] = []
            else:
                return None
            continue
        scalar = _plain_scalar(value)
        if scalar is None or entries is None or (lead == "  " and not entries):
            return None
        if lead == "- ":
            entries.append({})
        if key in entries[-1]:
            return None
        entries[-1][key] = scalar
    if top.get("accepted") == [] and "accepted" in top:
        # ``accepted:`` with nothing under it is null; ``accepted: []`` an empty list
        top["accepted"] = [] if _EMPTY_LIST.search(text) else None
    if not top:
        return None
    return YamlDoc(path=str(path), data=top)


def _plain_scalar(value: str | None) -> str | None:
    if value is None:
        return None
    quoted = _QUOTED.fullmatch(value)
    if quoted is not None:
        return quoted.group(1).replace("''", "'")
    if _PLAIN_HASH.fullmatch(value) or (
        _PLAIN_TEXT.fullmatch(value) and value.lower() not in _NOT_TEXT
    ):
        return value
    return None


def _read_entry(c: Checker, raw: Any, where: str) -> BaselineEntry | None:
    """One accepted finding; ``None`` (problems recorded) when it is not well-formed."""
    before = len(c.errors)
    item = c.keys(
        raw,
        where,
        ("file", "pointer", "element", "reason"),
        ("grade", "element_version", "file_hash"),
    )
    if item is None:
        return None
    values: dict[str, Any] = {}
    for name in _ENTRY_KEYS:
        value = item.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            c.fail(f"{where}.{name}", msg("y.expected_string", got=type_name(value)))
            continue
        values[name] = str(value)
    if len(c.errors) > before:
        return None
    return BaselineEntry(
        file=values["file"],
        pointer=values["pointer"],
        element=values["element"],
        grade=values.get("grade", ""),
        reason=values["reason"],
        element_version=values.get("element_version"),
        file_hash=values.get("file_hash"),
    )


def dumps_baseline(baseline: Baseline) -> str:
    """The baseline file's text: sorted entries, no line numbers, no timestamps."""
    import yaml

    entries = [baseline.entries[k].as_dict() for k in sorted(baseline.entries)]
    body = yaml.safe_dump(
        {"schema_version": SCHEMA_VERSION, "accepted": entries},
        sort_keys=True,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    return HEADER + body


def write_baseline(path: Path, baseline: Baseline) -> None:
    """Write the baseline file (UTF-8, atomically replaced)."""
    text = dumps_baseline(baseline)
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise ConfigError(msg("b.cannot_write", why=exc.strerror), path=str(path)) from None


def relative_file(source_path: str, base: Path) -> str:
    """A file's key: its path relative to the baseline's folder, with ``/`` separators."""
    path = Path(source_path)
    try:
        rel = path.resolve().relative_to(base.resolve())
    except (ValueError, OSError):
        return path.as_posix()
    return rel.as_posix()


def finding_element(finding: FieldFinding) -> str:
    """The element id a finding is accepted under (its category, or ``pi``, when unknown)."""
    return finding.element or finding.category or "pi"


def finding_key(finding: FieldFinding, source_path: str, base: Path) -> Key:
    """(file, pointer, element) of a finding."""
    return (relative_file(source_path, base), finding.field.pointer, finding_element(finding))


def element_version(catalog: Any | None, element: str) -> str | None:
    """The catalog's version of an element, where the catalog records one."""
    if catalog is None:
        return None
    func = getattr(catalog, "element_version", None)
    if callable(func):
        try:
            value = func(element)
        except (KeyError, LookupError):
            return None
        return str(value) if value is not None else None
    elements = getattr(catalog, "elements", None)
    if isinstance(elements, Mapping) and element in elements:
        value = getattr(elements[element], "version", None)
        return str(value) if value is not None else None
    return None


def inline_allowed(finding: FieldFinding) -> bool:
    """Whether the field carries an inline allow comment covering the finding's element.

    ``allow pi.contact`` covers every element below ``pi.contact``; ``allow pi`` covers all PI.
    """
    element = finding_element(finding)
    for pair in getattr(finding.field, "allow", ()) or ():
        allowed = pair[0] if isinstance(pair, (tuple, list)) and pair else pair
        if not isinstance(allowed, str):
            continue
        allowed = allowed.strip()
        if allowed == "*" or covers(allowed, element):
            return True
    return False


def personal_findings(result: ScanResult) -> Iterable[tuple[str, FieldFinding]]:
    """Every PI finding with its dataset's source path, in report order."""
    for dataset in result.datasets:
        for finding in dataset.findings:
            if finding.personal:
                yield dataset.dataset.source_path, finding


def file_hash(path: Path) -> str | None:
    """The first 16 hex digits of the SHA-256 of a file's bytes (``None`` if unreadable)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()[:16]


# How a file continues an accepted one (``Origins.of``): git's rename or copy detection, the
# same bytes as the accepted file had, or the accepted file being gone.
GIT_RENAMED, GIT_COPIED, SAME_CONTENT, VANISHED = (
    "git-renamed",
    "git-copied",
    "same-content",
    "vanished",
)


def git_changes(base: Path) -> dict[str, tuple[str, str]]:
    """Renames and copies of the git work tree holding ``base`` since its last commit (staged or
    not): new path → (old path, ``git-renamed`` | ``git-copied``), relative to ``base``. Empty
    outside a work tree, without git, or before the first commit."""
    import subprocess

    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(
                ["git", "-C", str(base), *args],
                capture_output=True,
                timeout=30,
                env=env,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.decode("utf-8", "surrogateescape") if done.returncode == 0 else None

    top = git("rev-parse", "--show-toplevel")
    if not top:
        return {}
    diff = git("diff", "--name-status", "-z", "-M", "-C", "HEAD")
    if not diff:
        return {}
    root = Path(top.strip())
    parts = diff.split("\0")
    out: dict[str, tuple[str, str]] = {}
    i = 0
    while i < len(parts) and parts[i]:
        status = parts[i]
        if status[:1] in ("R", "C") and i + 2 < len(parts):
            old, new = (relative_file(str(root / parts[i + k]), base) for k in (1, 2))
            out[new] = (old, GIT_RENAMED if status[0] == "R" else GIT_COPIED)
            i += 3
        else:
            i += 2
    return out


class Origins:
    """Which accepted file a file without entries of its own continues (see the module
    docstring). Git and file hashes are looked at only when a finding needs them."""

    def __init__(self, baseline: Baseline, base: Path) -> None:
        self.baseline = baseline
        self.base = base
        self._git: dict[str, tuple[str, str]] | None = None
        self._hashes: dict[str, str | None] = {}

    def hash_of(self, file: str) -> str | None:
        """The file's hash now (``file_hash``), computed once per file."""
        if file not in self._hashes:
            self._hashes[file] = file_hash(self.base / file)
        return self._hashes[file]

    def of(self, key: Key) -> tuple[BaselineEntry, str] | None:
        """The entry accepting ``key`` through another file, and how that file is continued."""
        if self.baseline.get(key) is not None:
            return None
        candidates = [
            e
            for e in self.baseline.entries.values()
            if e.pointer == key[1] and e.element == key[2] and e.file != key[0]
        ]
        if not candidates:
            return None
        if self._git is None:
            self._git = git_changes(self.base)
        origin = self._git.get(key[0])
        if origin is not None:
            found = [e for e in candidates if e.file == origin[0]]
            if found:
                return found[0], origin[1]
        current = self.hash_of(key[0])
        same = [e for e in candidates if e.file_hash is not None and e.file_hash == current]
        if len({e.file for e in same}) == 1:
            return same[0], SAME_CONTENT
        gone = [e for e in candidates if not (self.base / e.file).exists()]
        if len(gone) == 1:
            return gone[0], VANISHED
        return None


def _entry(found: tuple[BaselineEntry, str] | None) -> BaselineEntry | None:
    return found[0] if found is not None else None


def renamed_from(baseline: Baseline, key: Key, base: Path) -> BaselineEntry | None:
    """The entry of the file that ``key``'s file continues (renamed, copied, or moved away)."""
    return _entry(Origins(baseline, base).of(key))


def renamed(
    result: ScanResult, baseline: Baseline, base: Path
) -> list[tuple[Key, BaselineEntry, str]]:
    """Findings accepted through another file's entry: (new key, old entry, how), in report
    order; ``how`` is ``git-renamed``, ``git-copied``, ``same-content`` or ``vanished``."""
    origins = Origins(baseline, base)
    out = []
    for source_path, finding in personal_findings(result):
        key = finding_key(finding, source_path, base)
        found = origins.of(key)
        if found is not None and not inline_allowed(finding):
            out.append((key, found[0], found[1]))
    return out


def unaccepted(
    result: ScanResult, baseline: Baseline, base: Path, catalog: Any | None = None
) -> list[Unaccepted]:
    """PI findings that neither the baseline nor an inline allow comment accepts."""
    out: list[Unaccepted] = []
    origins = Origins(baseline, base)
    for source_path, finding in personal_findings(result):
        if inline_allowed(finding):
            continue
        key = finding_key(finding, source_path, base)
        version = element_version(catalog, key[2])
        entry = baseline.get(key) or _entry(origins.of(key))
        if entry is None:
            out.append(Unaccepted(finding, key, None, version))
            continue
        if entry.grade and entry.grade != finding.grade.label:
            out.append(Unaccepted(finding, key, entry, version))
            continue
        if (
            entry.element_version is not None
            and version is not None
            and entry.element_version != version
        ):
            out.append(Unaccepted(finding, key, entry, version))
    return out


def _readable_files(result: ScanResult, base: Path) -> set[str]:
    broken = {p.path for p in result.problems if p.severity is Severity.ERROR}
    return {
        relative_file(d.dataset.source_path, base)
        for d in result.datasets
        if d.dataset.source_path not in broken
    }


def updated(
    baseline: Baseline,
    result: ScanResult,
    base: Path,
    *,
    reason: str | None = None,
    catalog: Any | None = None,
    scanned: Sequence[str] = (),
) -> tuple[Baseline, int, int]:
    """The baseline after accepting every PI finding of ``result``; also (added, removed).

    Existing reasons are kept. Entries of files that were read cleanly in this scan but no longer
    have the finding, and entries of files that no longer exist, are removed; entries of other
    files are kept. Findings allowed inline are not added. A re-graded finding keeps its reason
    and gets its new grade and element version.
    """
    current: dict[Key, BaselineEntry] = {}
    origins = Origins(baseline, base)
    for source_path, finding in personal_findings(result):
        if inline_allowed(finding):
            continue
        key = finding_key(finding, source_path, base)
        previous = baseline.get(key) or _entry(origins.of(key))
        entry = BaselineEntry(
            file=key[0],
            pointer=key[1],
            element=key[2],
            grade=finding.grade.label,
            reason=previous.reason if previous is not None else (reason or DEFAULT_REASON),
            element_version=element_version(catalog, key[2]),
            file_hash=origins.hash_of(key[0]),
        )
        current[key] = entry
    cleanly_read = _readable_files(result, base) | {relative_file(s, base) for s in scanned}
    broken = {relative_file(p.path, base) for p in result.problems if p.severity is Severity.ERROR}
    merged: dict[Key, BaselineEntry] = {}
    removed = 0
    for key, entry in baseline.entries.items():
        if key in current:
            continue
        gone = not (base / key[0]).exists()
        if (key[0] in cleanly_read and key[0] not in broken) or gone:
            removed += 1
            continue
        merged[key] = entry
    added = sum(1 for key in current if key not in baseline.entries)
    merged.update(current)
    return Baseline(dict(sorted(merged.items()))), added, removed


def with_reason(entry: BaselineEntry, reason: str) -> BaselineEntry:
    """A copy of ``entry`` with another reason."""
    return replace(entry, reason=reason)
