"""SARIF 2.1.0 output (``--format sarif``) for code-scanning user interfaces.

One ``reportingDescriptor`` (rule) per catalog element that fired, per negative-list entry that
matched and per transfer mechanism that was decided; one ``result`` per field finding, per
negative-list hit and per transfer. Levels come from one grade → level table (field findings)
and one risk → level table (transfers and their hits). Unreadable files become
``toolExecutionNotifications``. Rule ids, fingerprints and structure are language-independent;
messages and descriptions follow ``--lang``.

Nothing here sees a ``SampleSet``: messages are built from field metadata, grades and the
masked examples that evidence carries. Output is sorted and carries no timestamps, so the same
result renders to the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from dataflow import __version__
from dataflow.model import (
    AssessResult,
    Dataset,
    DatasetResult,
    Field,
    FieldFinding,
    NegativeListHit,
    Problem,
    ScanResult,
    Severity,
    TransferAssessment,
)
from dataflow.report.labels import CONTEXT_REASONS as CONTEXT_REASONS
from dataflow.report.labels import Labels as Labels
from dataflow.report.labels import cite_text as cite_text
from dataflow.report.labels import decisive_reason as decisive_reason
from dataflow.report.labels import hit_text as hit_text
from dataflow.report.labels import is_reported as is_reported
from dataflow.report.labels import masked_example as masked_example
from dataflow.report.labels import sentence as sentence
from dataflow.report.sarif_rules import FINGERPRINT_KEY as FINGERPRINT_KEY
from dataflow.report.sarif_rules import GRADE_LEVELS as GRADE_LEVELS
from dataflow.report.sarif_rules import GRADE_SECURITY_SEVERITY as GRADE_SECURITY_SEVERITY
from dataflow.report.sarif_rules import (
    PROBLEM_LEVELS,
    RuleBuilder,
    field_location,
    physical_location,
    risk_rank,
)
from dataflow.report.sarif_rules import RISK_LEVELS as RISK_LEVELS
from dataflow.report.sarif_rules import RISK_SECURITY_SEVERITY as RISK_SECURITY_SEVERITY
from dataflow.report.sarif_rules import SARIF_SCHEMA_URI as SARIF_SCHEMA_URI
from dataflow.report.sarif_rules import SARIF_VERSION as SARIF_VERSION
from dataflow.report.sarif_rules import TOOL_NAME as TOOL_NAME
from dataflow.report.sarif_rules import artifact_path as artifact_path
from dataflow.report.sarif_rules import artifact_uri as artifact_uri
from dataflow.report.sarif_rules import evidence_summary as evidence_summary
from dataflow.report.sarif_rules import fingerprint as fingerprint
from dataflow.report.sarif_rules import logical_kind as logical_kind
from dataflow.report.sarif_rules import msg as msg
from dataflow.vocab import Risk

# --------------------------------------------------------------------------------------------
# Building the log
# --------------------------------------------------------------------------------------------


class _LogBuilder(RuleBuilder):
    """The SARIF log of a run: the rules of ``RuleBuilder`` and one result per finding,
    transfer and negative-list hit."""

    def add_findings(self, datasets: Iterable[DatasetResult]) -> None:
        for result in datasets:
            dataset = result.dataset
            uri = self.uri(dataset.source_path)
            for finding in result.findings:
                if not is_reported(finding):
                    continue
                self._add_finding(dataset, uri, finding)

    def _add_finding(self, dataset: Dataset, uri: str, finding: FieldFinding) -> None:
        lang = self.lang
        names = self.names
        rule_id = self.element_rule(finding)
        text = msg(
            "finding",
            lang,
            pointer=finding.field.pointer,
            element=names.element(finding.element),
            category=names.category(finding.category),
            grade=names.grade(finding.grade),
            confidence=f"{finding.confidence:.2f}",
        )
        if finding.sensitive:
            text += msg("finding.sensitive", lang, group=names.group(finding.sensitive_group))
        if finding.kind == "contains":
            text += msg("finding.contains", lang)
        if finding.evidence:
            text += msg("finding.evidence", lang, evidence=evidence_summary(finding.evidence, lang))
        example = masked_example(finding)
        if example:
            text += msg("finding.example", lang, example=example)
        props: dict[str, Any] = {
            "dataset": dataset.name,
            "pointer": finding.field.pointer,
            "grade": finding.grade.label,
            "confidence": round(finding.confidence, 3),
            "personal": finding.personal,
            "sensitive": finding.sensitive,
            "kind": finding.kind,
            "evidence": [item.as_dict() for item in finding.evidence],
        }
        if finding.category:
            props["category"] = finding.category
        if finding.sensitive_group:
            props["sensitiveGroup"] = finding.sensitive_group
        result = {
            "ruleId": rule_id,
            "level": GRADE_LEVELS[finding.grade],
            "message": {"text": text.strip()},
            "locations": [field_location(dataset, finding.field, uri)],
            "partialFingerprints": {
                FINGERPRINT_KEY: fingerprint(uri, finding.field.pointer, rule_id)
            },
            "properties": props,
        }
        key = (uri, finding.field.pointer, rule_id)
        self._keep(key, (int(finding.grade), finding.confidence), result)

    def add_transfers(self, result: AssessResult) -> None:
        fields: dict[str, tuple[Dataset, Field]] = {}
        for dataset_result in sorted(
            result.scan.datasets, key=lambda d: (d.dataset.source_path, d.dataset.name)
        ):
            for finding in dataset_result.findings:
                fields.setdefault(finding.field.pointer, (dataset_result.dataset, finding.field))
            for field in dataset_result.dataset.fields:
                fields.setdefault(field.pointer, (dataset_result.dataset, field))
        for transfer in result.transfers:
            self._add_transfer(transfer, fields)

    def _transfer_location(self, transfer: TransferAssessment) -> tuple[str, dict[str, Any]]:
        uri = self.uri(transfer.manifest_path) if transfer.manifest_path else ""
        location: dict[str, Any] = {
            "logicalLocations": [
                {"name": transfer.id, "fullyQualifiedName": transfer.id, "kind": "resource"}
            ]
        }
        if uri:
            location["physicalLocation"] = physical_location(uri, None)
        return uri, location

    def _add_transfer(
        self, transfer: TransferAssessment, fields: Mapping[str, tuple[Dataset, Field]]
    ) -> None:
        lang = self.lang
        names = self.names
        uri, location = self._transfer_location(transfer)
        rule_id = self.transfer_rule(transfer)
        text = msg(
            "transfer",
            lang,
            id=transfer.id,
            mechanism=names.mechanism(transfer.mechanism),
            risk=names.risk(transfer.risk),
        )
        reason = decisive_reason(transfer)
        if reason is not None:
            text += msg("transfer.why", lang, why=sentence(reason.text.get(lang), lang))
            cites = cite_text(reason.citations)
            if cites:
                text += msg("transfer.cites", lang, cites=cites)
        text += msg(
            "transfer.more",
            lang,
            obligations=len(transfer.obligations),
            hits=len(transfer.negative_list_hits),
        )
        props: dict[str, Any] = {
            "transfer": transfer.id,
            "mechanism": transfer.mechanism,
            "risk": transfer.risk,
            "datasets": sorted(transfer.datasets),
            "obligations": sorted(o.id for o in transfer.obligations),
        }
        if transfer.fingerprint:
            props["fingerprint"] = transfer.fingerprint
        if transfer.rule_pack:
            props["rulePack"] = transfer.rule_pack
        if transfer.as_of:
            props["asOf"] = transfer.as_of
        if transfer.warnings:
            props["warnings"] = [w.get(lang) for w in transfer.warnings]
        result = {
            "ruleId": rule_id,
            "level": RISK_LEVELS.get(transfer.risk, "warning"),
            "message": {"text": text.strip()},
            "locations": [location],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint(uri, transfer.id, "transfer")},
            "properties": props,
        }
        self._keep((uri, transfer.id, rule_id), (risk_rank(transfer.risk), 0.0), result)
        for hit in transfer.negative_list_hits:
            head = msg(
                "hit",
                lang,
                id=transfer.id,
                entry=hit.entry_id,
                list=hit.list_id,
                mechanism=self.names.mechanism(hit.required_mechanism),
            )
            owner = ("transfer", transfer.id)
            self._add_hit(hit, head, owner, transfer.risk, uri, location, fields)

    def add_dataset_hits(self, datasets: Iterable[DatasetResult]) -> None:
        """The hits of ``scan --negative-list``: one result per dataset and entry, at the
        dataset's table. A binding hit fails the scan (exit 1), so it is reported as an error."""
        for result in sorted(datasets, key=lambda d: (d.dataset.source_path, d.dataset.name)):
            dataset = result.dataset
            uri = self.uri(dataset.source_path)
            location: dict[str, Any] = {
                "physicalLocation": physical_location(uri, dataset.line),
                "logicalLocations": [
                    {"name": dataset.name, "fullyQualifiedName": dataset.name, "kind": "type"}
                ],
            }
            fields = {f.pointer: (dataset, f) for f in dataset.fields}
            for hit in result.negative_list_hits:
                head = msg(
                    "hit.dataset",
                    self.lang,
                    dataset=dataset.name,
                    entry=hit.entry_id,
                    list=hit.list_id,
                    mechanism=self.names.mechanism(hit.required_mechanism),
                )
                risk = Risk.HIGH if hit.binding else Risk.LOW
                owner = ("dataset", dataset.name)
                self._add_hit(hit, head, owner, risk, uri, location, fields)

    def _add_hit(
        self,
        hit: NegativeListHit,
        head: str,
        owner: tuple[str, str],
        risk: str,
        uri: str,
        location: dict[str, Any],
        fields: Mapping[str, tuple[Dataset, Field]],
    ) -> None:
        """One result for a negative-list hit of ``owner`` (``("transfer", id)`` or
        ``("dataset", name)``); ``head`` opens its message."""
        lang = self.lang
        rule_id = self.list_rule(hit, risk)
        text = head
        if not hit.verified:
            text += msg("hit.unverified", lang)
        if not hit.binding:
            text += msg("hit.review", lang)
        if hit.conditions:
            text += msg("hit.conditions", lang, conditions="; ".join(hit.conditions))
        if hit.fields:
            text += msg("hit.fields", lang, fields=", ".join(sorted(hit.fields)))
        related: list[dict[str, Any]] = []
        for pointer in sorted(set(hit.fields)):
            known = fields.get(pointer)
            if known is not None:
                related.append(field_location(known[0], known[1], self.uri(known[0].source_path)))
            else:
                related.append(
                    {"logicalLocations": [{"fullyQualifiedName": pointer, "kind": "member"}]}
                )
        primary = location if uri or not related else related[0]
        kind, name = owner
        result: dict[str, Any] = {
            "ruleId": rule_id,
            "level": RISK_LEVELS.get(risk, "warning") if hit.binding else "note",
            "message": {"text": text.strip()},
            "locations": [primary],
            "partialFingerprints": {
                FINGERPRINT_KEY: fingerprint(uri, name, hit.list_id, hit.entry_id)
            },
            "properties": {
                kind: name,
                "list": hit.list_id,
                "entry": hit.entry_id,
                "requiredMechanism": hit.required_mechanism,
                "fields": sorted(set(hit.fields)),
                "conditions": list(hit.conditions),
                "verified": hit.verified,
                "binding": hit.binding,
                "importantData": hit.important_data,
            },
        }
        if related:
            result["relatedLocations"] = [
                dict(item, id=index) for index, item in enumerate(related, start=1)
            ]
        self._keep((uri, name, rule_id), (risk_rank(risk), 0.0), result)

    # log --------------------------------------------------------------------------------------

    def notifications(self, scan: ScanResult) -> list[dict[str, Any]]:
        notes: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
        for problem in scan.problems:
            notes.append(self._problem(problem))
        for index, notice in enumerate(sorted(set(scan.notices))):
            notes.append(
                (
                    ("~", index),
                    {
                        "level": "note",
                        "message": {"text": notice},
                        "descriptor": {"id": "dataflow/notice"},
                    },
                )
            )
        notes.sort(key=lambda item: item[0])
        return [note for _, note in notes]

    def _problem(self, problem: Problem) -> tuple[tuple[Any, ...], dict[str, Any]]:
        severity = (
            problem.severity.value if isinstance(problem.severity, Severity) else problem.severity
        )
        level = PROBLEM_LEVELS.get(str(severity), "note")
        uri = self.uri(problem.path)
        physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
        if problem.line is not None and problem.line >= 1:
            region: dict[str, Any] = {"startLine": problem.line}
            if problem.column is not None and problem.column >= 1:
                region["startColumn"] = problem.column
            physical["region"] = region
        note = {
            "level": level,
            "message": {"text": problem.message},
            "locations": [{"physicalLocation": physical}],
            "descriptor": {"id": f"dataflow/input-{level}"},
        }
        key = (uri, problem.line or 0, problem.column or 0, problem.message, level)
        return key, note

    def log(self, scan: ScanResult) -> dict[str, Any]:
        rules = sorted(self.rules.values(), key=lambda r: r.id)
        index = {rule.id: i for i, rule in enumerate(rules)}
        results = []
        for key in sorted(self.results):
            result = dict(self.results[key][1], ruleIndex=index[self.results[key][1]["ruleId"]])
            results.append(result)
        notifications = self.notifications(scan)
        invocation: dict[str, Any] = {
            "executionSuccessful": not any(p.severity == Severity.ERROR for p in scan.problems),
        }
        if notifications:
            invocation["toolExecutionNotifications"] = notifications
        run_props: dict[str, Any] = {"filesScanned": scan.files_scanned}
        if scan.catalog_version:
            run_props["catalogVersion"] = scan.catalog_version
        run = {
            "tool": {
                "driver": {
                    "name": TOOL_NAME,
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": [rule.descriptor for rule in rules],
                }
            },
            "invocations": [invocation],
            "language": "zh-CN" if self.lang == "zh" else "en-US",
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": run_props,
        }
        return {"$schema": SARIF_SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


def _dump(log: Mapping[str, Any]) -> str:
    from dataflow.report.jsontext import dumps

    return dumps(log) + "\n"


def build_scan_log(
    result: ScanResult, lang: str = "en", catalog: Any = None, *, cwd: Path | None = None
) -> dict[str, Any]:
    """The SARIF log of a scan as builtin types (``cwd``: base of relative artifact URIs)."""
    builder = _LogBuilder(lang, catalog, cwd)
    builder.add_findings(result.datasets)
    builder.add_dataset_hits(result.datasets)
    return builder.log(result)


def build_assess_log(
    result: AssessResult, lang: str = "en", catalog: Any = None, *, cwd: Path | None = None
) -> dict[str, Any]:
    """The SARIF log of an assessment: the scan's findings plus transfers and list hits."""
    builder = _LogBuilder(lang, catalog, cwd)
    builder.add_findings(result.scan.datasets)
    builder.add_transfers(result)
    return builder.log(result.scan)


def render_scan(result: ScanResult, lang: str = "en", catalog: Any = None) -> str:
    """SARIF 2.1.0 text of a scan (also used by ``dataflow check``)."""
    return _dump(build_scan_log(result, lang, catalog))


def render_assess(result: AssessResult, lang: str = "en", catalog: Any = None) -> str:
    """SARIF 2.1.0 text of ``dataflow assess``."""
    return _dump(build_assess_log(result, lang, catalog))
