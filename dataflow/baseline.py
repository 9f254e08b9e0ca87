"""Accepted findings: the ``.dataflow-baseline.yaml`` file behind ``dataflow check``.

An entry accepts one personal-information finding, keyed by (file, pointer, element), with the
reason it was accepted and the grade (and catalog element version, where the catalog has one)
it had then. The file is written deterministically: entries sorted by key, no line numbers, no
timestamps, so it only changes when the accepted findings change and merges cleanly.

A finding is *accepted* when an entry with its key exists and its grade and element version are
unchanged; a finding whose element was re-graded in the catalog is reported again, so a human
looks at it once more. Inline allow comments (``-- dataflow: allow pi.contact.mobile "reason"``)
accept a finding at its column without a baseline entry.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from dataflow.errors import ConfigError
from dataflow.model import FieldFinding, ScanResult, Severity
from dataflow.yamlio import check_keys, expect_list, expect_mapping, load_yaml

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


_ENTRY_KEYS = ("file", "pointer", "element", "grade", "reason", "element_version")


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; a missing file is an empty baseline. Bad content raises ConfigError."""
    if not path.exists():
        return Baseline()
    doc = load_yaml(path, error_cls=ConfigError)
    if doc.data is None:
        return Baseline()
    top = expect_mapping(doc, doc.data, "", ConfigError)
    for key, message in check_keys(
        doc, top, "", required=("schema_version",), optional=("accepted",)
    ):
        raise doc.error(key, message, ConfigError)
    if top["schema_version"] != SCHEMA_VERSION:
        raise doc.error(
            "schema_version", f"unsupported schema_version (expected {SCHEMA_VERSION})", ConfigError
        )
    entries: dict[Key, BaselineEntry] = {}
    items = expect_list(doc, top.get("accepted") or [], "accepted", ConfigError)
    for i, raw in enumerate(items):
        where = f"accepted[{i}]"
        item = expect_mapping(doc, raw, where, ConfigError)
        for key, message in check_keys(
            doc,
            item,
            where,
            required=("file", "pointer", "element", "reason"),
            optional=("grade", "element_version"),
        ):
            raise doc.error(key, message, ConfigError)
        values: dict[str, Any] = {}
        for name in _ENTRY_KEYS:
            value = item.get(name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                raise doc.error(f"{where}.{name}", "expected a string", ConfigError)
            values[name] = str(value)
        entry = BaselineEntry(
            file=values["file"],
            pointer=values["pointer"],
            element=values["element"],
            grade=values.get("grade", ""),
            reason=values["reason"],
            element_version=values.get("element_version"),
        )
        if entry.key in entries:
            raise doc.error(
                where, "duplicate entry for this file, pointer and element", ConfigError
            )
        entries[entry.key] = entry
    return Baseline(entries)


def dumps_baseline(baseline: Baseline) -> str:
    """The baseline file's text: sorted entries, no line numbers, no timestamps."""
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
        raise ConfigError(f"cannot write baseline: {exc.strerror}", path=str(path)) from None


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
        if allowed in ("*", element) or element.startswith(allowed + "."):
            return True
    return False


def personal_findings(result: ScanResult) -> Iterable[tuple[str, FieldFinding]]:
    """Every PI finding with its dataset's source path, in report order."""
    for dataset in result.datasets:
        for finding in dataset.findings:
            if finding.personal:
                yield dataset.dataset.source_path, finding


def renamed_from(baseline: Baseline, key: Key, base: Path) -> BaselineEntry | None:
    """The entry of a file that was renamed: same pointer and element, the old file gone.

    A schema file moved or renamed in a commit keeps its accepted findings (and their reasons)
    when exactly one vanished file had an entry for the same (pointer, element).
    """
    if baseline.get(key) is not None:
        return None
    candidates = [
        e
        for e in baseline.entries.values()
        if e.pointer == key[1]
        and e.element == key[2]
        and e.file != key[0]
        and not (base / e.file).exists()
    ]
    return candidates[0] if len(candidates) == 1 else None


def renamed(result: ScanResult, baseline: Baseline, base: Path) -> list[tuple[Key, BaselineEntry]]:
    """Findings accepted through a renamed file's entry: (new key, old entry), in report order."""
    out = []
    for source_path, finding in personal_findings(result):
        key = finding_key(finding, source_path, base)
        old = renamed_from(baseline, key, base)
        if old is not None and not inline_allowed(finding):
            out.append((key, old))
    return out


def unaccepted(
    result: ScanResult, baseline: Baseline, base: Path, catalog: Any | None = None
) -> list[Unaccepted]:
    """PI findings that neither the baseline nor an inline allow comment accepts."""
    out: list[Unaccepted] = []
    for source_path, finding in personal_findings(result):
        if inline_allowed(finding):
            continue
        key = finding_key(finding, source_path, base)
        version = element_version(catalog, key[2])
        entry = baseline.get(key) or renamed_from(baseline, key, base)
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
    for source_path, finding in personal_findings(result):
        if inline_allowed(finding):
            continue
        key = finding_key(finding, source_path, base)
        previous = baseline.get(key) or renamed_from(baseline, key, base)
        entry = BaselineEntry(
            file=key[0],
            pointer=key[1],
            element=key[2],
            grade=finding.grade.label,
            reason=previous.reason if previous is not None else (reason or DEFAULT_REASON),
            element_version=element_version(catalog, key[2]),
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
