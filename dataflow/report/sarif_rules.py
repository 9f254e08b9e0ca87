"""Parts of the SARIF log (``report/sarif.py``): levels, the report sentences, locations and
fingerprints, and the rules (``reportingDescriptor``) of elements, negative-list entries and
transfer mechanisms."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from dataflow.i18n import reports as i18n_reports
from dataflow.model import (
    Dataset,
    Evidence,
    Field,
    FieldFinding,
    Grade,
    NegativeListHit,
    Text,
    TransferAssessment,
)
from dataflow.report.labels import Labels, hit_text
from dataflow.report.records import RISK_ORDER
from dataflow.vocab import Risk

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_NAME = "dataflow"
# Where users read about the tool: the package page of the distribution this is built from.
FINGERPRINT_KEY = "dataflowFinding/v1"

# The one grade → SARIF level table. Sensitive PI (general-4) and above block a review.
GRADE_LEVELS: Mapping[Grade, str] = {
    Grade.CORE: "error",
    Grade.IMPORTANT: "error",
    Grade.GENERAL_4: "error",
    Grade.GENERAL_3: "warning",
    Grade.GENERAL_2: "note",
    Grade.GENERAL_1: "note",
}
# GitHub code scanning reads ``security-severity`` (on rules tagged ``security``) as a CVSS-like
# score:
# ≥ 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low.
GRADE_SECURITY_SEVERITY: Mapping[Grade, str] = {
    Grade.CORE: "10.0",
    Grade.IMPORTANT: "9.0",
    Grade.GENERAL_4: "8.0",
    Grade.GENERAL_3: "5.0",
    Grade.GENERAL_2: "2.0",
    Grade.GENERAL_1: "1.0",
}
# The one risk → SARIF level table, for transfers and the negative-list hits inside them.
RISK_LEVELS: Mapping[str, str] = {
    Risk.BLOCKED: "error",
    Risk.CRITICAL: "error",
    Risk.HIGH: "error",
    Risk.MEDIUM: "warning",
    Risk.LOW: "note",
}
RISK_SECURITY_SEVERITY: Mapping[str, str] = {
    Risk.BLOCKED: "10.0",
    Risk.CRITICAL: "9.5",
    Risk.HIGH: "8.0",
    Risk.MEDIUM: "5.0",
    Risk.LOW: "2.0",
}
PROBLEM_LEVELS: Mapping[str, str] = {"error": "error", "warning": "warning", "info": "note"}

# Formats whose fields are members of nested records rather than table columns.
_MEMBER_FORMATS = frozenset(
    {"json_schema", "jsonschema", "json-schema", "json", "jsonl", "avro", "protobuf", "openapi"}
)


_MSG: Mapping[str, Text] = i18n_reports.SARIF


def msg(key: str, lang: str, **values: object) -> str:
    """A report sentence in ``lang`` with placeholders filled."""
    return _MSG[key].fill(lang, **values)


def evidence_summary(evidence: Sequence[Evidence], lang: str) -> str:
    """Evidence sources in order, e.g. ``field name; comment; sampled values (95% of 200)``.

    Built from the structured parts (source, match rate, sample size); free-text ``detail`` is
    left to the JSON report.
    """
    parts: list[str] = []
    seen: set[str] = set()
    for item in evidence:
        key = f"evidence.{item.source}"
        label = msg(key, lang) if key in _MSG else item.source
        if item.match_rate is not None and item.sample_size:
            rate = f"{item.match_rate * 100:.0f}"
            rate_text = msg("evidence.rate", lang, rate=rate, size=item.sample_size)
            label += f"（{rate_text}）" if lang == "zh" else f" ({rate_text})"
        label += f" [{item.rule}]" if item.rule else ""
        if label not in seen:
            seen.add(label)
            parts.append(label)
    return msg("sep", lang).join(parts)


# --------------------------------------------------------------------------------------------
# Locations and fingerprints
# --------------------------------------------------------------------------------------------


def artifact_path(path: str, cwd: Path | None = None) -> str:
    """``path`` as a POSIX path relative to ``cwd`` (the working directory) when below it."""
    if not path:
        return path
    base = cwd if cwd is not None else Path.cwd()
    raw = Path(path)
    if raw.is_absolute():
        for root in (base, base.resolve()):
            try:
                rel = os.path.relpath(os.path.normpath(raw), os.path.normpath(root))
            except ValueError:  # another drive on Windows
                continue
            if not rel.startswith(".."):
                return PurePosixPath(Path(rel)).as_posix()
        return raw.as_posix()
    posix = PurePosixPath(Path(os.path.normpath(raw))).as_posix()
    return posix


def artifact_uri(path: str, cwd: Path | None = None) -> str:
    """A URI reference for ``path``: relative to the working directory, else ``file:`` URI."""
    rel = artifact_path(path, cwd)
    if Path(rel).is_absolute():
        return Path(rel).as_uri() if os.name != "nt" else "file:///" + quote(rel)
    return quote(rel, safe="/", errors="surrogateescape")  # a non-UTF-8 byte as %XX


def fingerprint(*parts: str) -> str:
    """Stable identity of a result: hash of file, pointer and rule, never of line numbers."""
    digest = hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()
    return digest[:32]


def logical_kind(dataset: Dataset, field: Field) -> str:
    """``column`` for table columns, ``member`` for members of nested records."""
    path = field.pointer[len(dataset.name) + 1 :] if field.pointer.startswith(dataset.name) else ""
    if dataset.source_format.lower() in _MEMBER_FORMATS or "." in path or "[]" in path:
        return "member"
    return "column"


def physical_location(uri: str, line: int | None) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    if line is not None and line >= 1:
        location["region"] = {"startLine": line}
    return location


def field_location(dataset: Dataset, field: Field, uri: str) -> dict[str, Any]:
    line = field.line if field.line is not None else dataset.line
    return {
        "physicalLocation": physical_location(uri, line),
        "logicalLocations": [
            {
                "name": field.name,
                "fullyQualifiedName": field.pointer,
                "kind": logical_kind(dataset, field),
            }
        ],
    }


@dataclass
class _Rule:
    id: str
    descriptor: dict[str, Any]
    severity_rank: int  # higher wins when the same rule fires at several grades / risks


class RuleBuilder:
    def __init__(self, lang: str, catalog: Any, cwd: Path | None) -> None:
        self.lang = lang
        self.names = Labels(lang, catalog)
        self.cwd = cwd
        self.rules: dict[str, _Rule] = {}
        # one result per identity (file, pointer or transfer, rule); the same finding read
        # twice (a file named twice, one schema in two manifests) is reported once
        self.results: dict[tuple[str, ...], tuple[tuple[Any, ...], dict[str, Any]]] = {}
        self._uris: dict[str, str] = {}

    def uri(self, path: str) -> str:
        """``artifact_uri`` of ``path``, computed once per file."""
        found = self._uris.get(path)
        if found is None:
            found = self._uris[path] = artifact_uri(path, self.cwd)
        return found

    def _keep(self, key: tuple[str, ...], rank: tuple[Any, ...], result: dict[str, Any]) -> None:
        """Record ``result`` unless a stronger one (then the larger text) has the same key."""
        ranked = (*rank, json.dumps(result, sort_keys=True, ensure_ascii=False))
        current = self.results.get(key)
        if current is None or ranked > current[0]:
            self.results[key] = (ranked, result)

    # rules ----------------------------------------------------------------------------------

    def _add_rule(self, rule_id: str, rank: int, make: Any) -> None:
        current = self.rules.get(rule_id)
        if current is None or rank > current.severity_rank:
            self.rules[rule_id] = _Rule(rule_id, make(), rank)

    def element_rule(self, finding: FieldFinding) -> str:
        element = finding.element or f"unclassified.{finding.category or 'pi'}"
        lang = self.lang
        names = self.names

        def make() -> dict[str, Any]:
            name = names.element(finding.element)
            full = msg(
                "rule.element.full",
                lang,
                name=name,
                id=element,
                category=names.category(finding.category),
                grade=names.grade(finding.grade),
            )
            if finding.sensitive:
                full += msg(
                    "rule.element.sensitive", lang, group=names.group(finding.sensitive_group)
                )
            elif finding.personal:
                full += msg("rule.element.pi", lang)
            description, references = names.element_details(element)
            if description:
                full += " " + description
            if references:
                full += msg("rule.element.refs", lang, refs="; ".join(references))
            tags = ["security", "privacy"]
            if finding.personal:
                tags.append("personal-information")
            if finding.sensitive:
                tags.append("sensitive-personal-information")
                if finding.sensitive_group:
                    tags.append(f"pipl-art28/{finding.sensitive_group}")
            if finding.category:
                tags.append(finding.category)
            help_text = msg("rule.element.help", lang, name=name)
            return {
                "id": element,
                "name": _camel(element),
                "shortDescription": {"text": name},
                "fullDescription": {"text": full},
                "help": {"text": help_text, "markdown": help_text},
                "defaultConfiguration": {"level": GRADE_LEVELS[finding.grade]},
                "properties": {
                    "tags": tags,
                    "security-severity": GRADE_SECURITY_SEVERITY[finding.grade],
                    "grade": finding.grade.label,
                    "category": finding.category,
                    "personal": finding.personal,
                    "sensitive": finding.sensitive,
                    "sensitiveGroup": finding.sensitive_group,
                },
            }

        self._add_rule(element, int(finding.grade), make)
        return element

    def list_rule(self, hit: NegativeListHit, risk: str) -> str:
        rule_id = f"negative-list/{hit.list_id}/{hit.entry_id}"
        lang = self.lang
        names = self.names

        def make() -> dict[str, Any]:
            short = msg("rule.list.short", lang, entry=hit.entry_id, list=hit.list_id)
            full = msg(
                "rule.list.full",
                lang,
                entry=hit.entry_id,
                list=hit.list_id,
                jurisdiction=msg(f"jurisdiction.{hit.jurisdiction}", lang)
                if f"jurisdiction.{hit.jurisdiction}" in _MSG
                else hit.jurisdiction,
                zone=f"/{hit.zone}" if hit.zone else "",
                mechanism=names.mechanism(hit.required_mechanism),
                unverified="" if hit.verified else msg("rule.list.unverified", lang),
            )
            entry_text = hit_text(hit, lang)
            if entry_text:
                full += " " + entry_text
            help_text = msg("rule.list.help", lang)
            props: dict[str, Any] = {
                "tags": ["security", "negative-list", hit.jurisdiction, hit.required_mechanism],
                "security-severity": RISK_SECURITY_SEVERITY.get(risk, "5.0"),
                "requiredMechanism": hit.required_mechanism,
                "verified": hit.verified,
                "jurisdiction": hit.jurisdiction,
            }
            if hit.zone:
                props["zone"] = hit.zone
            if hit.source:
                props["source"] = hit.source
            if hit.list_version:
                props["listVersion"] = hit.list_version
            return {
                "id": rule_id,
                "name": _camel(f"{hit.list_id}.{hit.entry_id}"),
                "shortDescription": {"text": short},
                "fullDescription": {"text": full},
                "help": {"text": help_text, "markdown": help_text},
                "defaultConfiguration": {"level": RISK_LEVELS.get(risk, "warning")},
                "properties": props,
            }

        self._add_rule(rule_id, risk_rank(risk), make)
        return rule_id

    def transfer_rule(self, transfer: TransferAssessment) -> str:
        rule_id = f"transfer/{transfer.mechanism}"
        lang = self.lang
        names = self.names
        risk = transfer.risk

        def make() -> dict[str, Any]:
            mechanism = names.mechanism(transfer.mechanism)
            help_text = msg("rule.transfer.help", lang)
            return {
                "id": rule_id,
                "name": _camel(f"transfer.{transfer.mechanism}"),
                "shortDescription": {"text": msg("rule.transfer.short", lang, mechanism=mechanism)},
                "fullDescription": {"text": msg("rule.transfer.full", lang, mechanism=mechanism)},
                "help": {"text": help_text, "markdown": help_text},
                "defaultConfiguration": {"level": RISK_LEVELS.get(risk, "warning")},
                "properties": {
                    "tags": ["security", "transfer", transfer.mechanism],
                    "security-severity": RISK_SECURITY_SEVERITY.get(risk, "5.0"),
                    "mechanism": transfer.mechanism,
                },
            }

        self._add_rule(rule_id, risk_rank(risk), make)
        return rule_id

    # results --------------------------------------------------------------------------------


def risk_rank(risk: str) -> int:
    return RISK_ORDER.index(risk) if risk in RISK_ORDER else 0


def _camel(identifier: str) -> str:
    """``pi.contact.mobile`` → ``PiContactMobile`` (SARIF rule names are identifiers)."""
    words = [w for part in identifier.replace("/", ".").split(".") for w in part.split("_")]
    out = "".join(w[:1].upper() + w[1:] for w in words if w)
    return "".join(ch for ch in out if ch.isalnum()) or "Rule"
