"""Builtin-typed records of scan and assess results, built once for every machine format.

The JSON report is these records serialised; the SARIF renderer reads them too, so both formats
agree on names, pointers and grades. Records hold only builtin types (dict, list, str, int,
float, bool, None), are ordered deterministically and never contain a raw sampled value:
evidence carries masked examples only (``Evidence.as_dict``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from dataflow import __version__
from dataflow.model import (
    AssessResult,
    Citation,
    DatasetResult,
    FieldFinding,
    GradeRaise,
    NegativeListHit,
    Obligation,
    Problem,
    Reason,
    Remediation,
    ScanResult,
    Severity,
    Subject,
    Text,
    TransferAssessment,
    in_lang,
    round3,
)
from dataflow.vocab import RISKS

SCHEMA_VERSION = 1
RISK_ORDER = RISKS

Record = dict[str, Any]


def tool_record(result: ScanResult) -> Record:
    """Name and version of the tool and catalog that produced a report."""
    return {
        "name": "dataflow",
        "version": __version__,
        "catalog_version": result.catalog_version,
    }


def text_record(text: Text) -> Record:
    """Both languages of a ``Text``."""
    return {"en": text.en, "zh": text.zh}


def citation_record(citation: Citation) -> Record:
    """A legal reference with its verification tag."""
    return {
        "instrument": citation.instrument,
        "article": citation.article,
        "text": citation.render(),
        "verified": citation.verified,
    }


def problem_record(problem: Problem) -> Record:
    """A file that could not be read (fully)."""
    return {
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "severity": problem.severity.value,
        "message": problem.message,
    }


def problem_sort_key(problem: Problem) -> tuple[str, int, int, str, str]:
    """Order problems by file, position, severity and message."""
    return (
        problem.path,
        problem.line or 0,
        problem.column or 0,
        problem.severity.value,
        problem.message,
    )


def unread_problem(dataset: DatasetResult, problems: Sequence[Problem]) -> Problem | None:
    """The warning (or error) of the reader that leaves ``dataset`` without fields (an
    OpenAPI body whose schema is in a file not scanned): a problem of its file at its line,
    else its file's first; None when it has fields or its file has no problem. Reports say
    such a dataset could not be read rather than that it holds no personal information."""
    if dataset.dataset.fields or dataset.findings:
        return None
    ds = dataset.dataset
    mine = sorted(
        (p for p in problems if p.path == ds.source_path and p.severity is not Severity.INFO),
        key=problem_sort_key,
    )
    at_line = [p for p in mine if ds.line is not None and p.line == ds.line]
    found = at_line or mine
    return found[0] if found else None


def unread_datasets(datasets: Sequence[DatasetResult], problems: Sequence[Problem]) -> int:
    """How many of ``datasets`` have no fields because of a reader's problem."""
    return sum(1 for d in datasets if unread_problem(d, problems) is not None)


def dataset_sort_key(dataset: DatasetResult) -> tuple[str, str, int]:
    """Order datasets by source file, then name, then position in the file."""
    d = dataset.dataset
    return (d.source_path, d.name, d.line or 0)


def field_record(finding: FieldFinding) -> Record:
    """One field's verdict: what it is, how sensitive, its grade and the evidence."""
    f = finding.field
    return {
        "name": f.name,
        "pointer": f.pointer,
        "line": f.line,
        "data_type": f.data_type,
        "personal": finding.personal,
        "sensitive": finding.sensitive,
        "sensitive_group": finding.sensitive_group,
        "element": finding.element,
        "category": finding.category,
        "kind": finding.kind,
        "deidentified": finding.deidentified,
        "grade": finding.grade.label,
        "confidence": round3(finding.confidence),
        "evidence": [e.as_dict() for e in finding.evidence],
    }


def _unclassified_field_record(dataset: DatasetResult, index: int) -> Record:
    f = dataset.dataset.fields[index]
    return {
        "name": f.name,
        "pointer": f.pointer,
        "line": f.line,
        "data_type": f.data_type,
        "personal": False,
        "sensitive": False,
        "sensitive_group": None,
        "element": None,
        "category": None,
        "kind": "none",
        "grade": None,
        "confidence": 0.0,
        "evidence": [],
    }


def raise_record(raised: GradeRaise) -> Record:
    """An escalation rule that raised a dataset's grade."""
    return {
        "rule": raised.rule,
        "from": raised.from_grade.label,
        "to": raised.to_grade.label,
        "reason": raised.reason,
        "reference": raised.reference,
    }


def dataset_fields(dataset: DatasetResult) -> list[Record]:
    """Every field of a dataset, in schema order, with its finding where classify made one."""
    by_pointer = {f.field.pointer: f for f in dataset.findings}
    out: list[Record] = []
    seen: set[str] = set()
    for index, field in enumerate(dataset.dataset.fields):
        if field.pointer in seen:
            continue
        seen.add(field.pointer)
        finding = by_pointer.get(field.pointer)
        out.append(
            field_record(finding)
            if finding is not None
            else _unclassified_field_record(dataset, index)
        )
    for finding in dataset.findings:
        if finding.field.pointer not in seen:
            seen.add(finding.field.pointer)
            out.append(field_record(finding))
    return out


def dataset_record(dataset: DatasetResult) -> Record:
    """A dataset with its grade, categories, escalations and fields."""
    d = dataset.dataset
    return {
        "name": d.name,
        "source": {
            "path": d.source_path,
            "format": d.source_format,
            "line": d.line,
            **({"sample": dataset.sample_path} if dataset.sample_path else {}),
        },
        "comment": d.comment,
        "grade": dataset.grade.label,
        "categories": sorted(set(dataset.categories)),
        "raises": [raise_record(r) for r in dataset.raises],
        "sampled": dataset.sampled,
        "rows_scanned": dataset.rows_scanned,
        "fields": dataset_fields(dataset),
        "subject": subject_record(dataset),
    }


def source_text(
    dataset: DatasetResult, lang: str = "en", *, line: bool = False, short: bool = False
) -> str:
    """Where a dataset comes from: its file (``:line`` with ``line``; the file name alone with
    ``short``, for rows that repeat it), and the sample file attached to it
    (``shop.sql + sample customers.csv``), so that two datasets of one name (a DDL table and a
    CSV) are told apart in every report."""
    from dataflow.i18n import t

    d = dataset.dataset

    def shown(path: str) -> str:
        return path.replace("\\", "/").rsplit("/", 1)[-1] if short else path

    text = shown(d.source_path) + (f":{d.line}" if line and d.line else "")
    if dataset.sample_path:
        text += t("source.sample", lang, sample=shown(dataset.sample_path))
    return text


def subject_text(subject: Subject | None, lang: str = "en") -> str:
    """``person_linked (patient): visits.patient_id → patients`` — kind, role, first reason
    (``与个人关联（患者）：…`` in Chinese)."""
    from dataflow.i18n import KINDS, ROLES

    if subject is None:
        return KINDS["unknown"].get(lang) if lang == "zh" else "unknown"
    if lang == "zh":
        kind = KINDS[subject.kind].get(lang) if subject.kind in KINDS else subject.kind
        role = subject.role
        if role is not None and role in ROLES:
            role = ROLES[role].get(lang)
        text = kind + (f"（{role}）" if role else "")
        return text + (f"：{in_lang(subject.evidence[0], lang)}" if subject.evidence else "")
    text = subject.kind + (f" ({subject.role})" if subject.role else "")
    return text + (f": {subject.evidence[0]}" if subject.evidence else "")


def subject_record(dataset: DatasetResult) -> Record:
    """What the dataset's rows are about: ``{kind, role, evidence, links}``."""
    subject = dataset.subject
    if subject is None:
        return {"kind": "unknown", "role": None, "evidence": [], "links": []}
    return {
        "kind": subject.kind,
        "role": subject.role,
        "evidence": list(subject.evidence),
        "links": [
            {"column": link.column, "target": link.target, "via": link.via}
            for link in subject.links
        ],
    }


def scan_summary(result: ScanResult) -> Record:
    """Counts over the whole scan."""
    findings = [f for d in result.datasets for f in d.findings]
    personal = [f for f in findings if f.personal]
    grades = Counter(d.grade.label for d in result.datasets)
    elements = Counter(f.element for f in personal if f.element)
    severities = Counter(p.severity.value for p in result.problems)
    highest = max((d.grade for d in result.datasets), default=None)
    return {
        "files_scanned": result.files_scanned,
        "datasets": len(result.datasets),
        "fields": sum(len(d.dataset.fields) for d in result.datasets),
        "personal_fields": len(personal),
        "sensitive_fields": sum(1 for f in personal if f.sensitive),
        "highest_grade": highest.label if highest is not None else None,
        "datasets_by_grade": dict(sorted(grades.items())),
        "fields_by_element": dict(sorted(elements.items())),
        "problems": {"error": severities.get("error", 0), "warning": severities.get("warning", 0)},
        "negative_list_hits": sum(len(d.negative_list_hits) for d in result.datasets),
    }


def dataset_hit_records(result: ScanResult) -> list[Record]:
    """Each dataset's negative-list hits (``scan --negative-list``), naming the dataset."""
    out = []
    for dataset in sorted(result.datasets, key=dataset_sort_key):
        d = dataset.dataset
        for hit in dataset.negative_list_hits:
            out.append({"dataset": d.name, "path": d.source_path, **hit_record(hit)})
    return out


def scan_record(
    result: ScanResult, dataset: Callable[[DatasetResult], Any] = dataset_record
) -> Record:
    """The whole ``dataflow scan`` report (DESIGN §8); ``dataset`` gives each dataset's
    record (a writer may give one it wrote ahead)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": tool_record(result),
        "datasets": [dataset(d) for d in sorted(result.datasets, key=dataset_sort_key)],
        "problems": [problem_record(p) for p in sorted(result.problems, key=problem_sort_key)],
        "notices": list(result.notices),
        "negative_list_hits": dataset_hit_records(result),
        "summary": scan_summary(result),
    }


def obligation_record(obligation: Obligation) -> Record:
    """An obligation with its legal basis."""
    return {
        "id": obligation.id,
        "text": text_record(obligation.text),
        "citations": [citation_record(c) for c in obligation.citations],
        "deadline": obligation.deadline,
    }


def hit_record(hit: NegativeListHit) -> Record:
    """A negative-list entry that matched, with the fields and conditions that made it match."""
    return {
        "list": hit.list_id,
        "entry": hit.entry_id,
        "required_mechanism": hit.required_mechanism,
        "message": hit.message,
        "fields": list(hit.fields),
        "conditions": list(hit.conditions),
        "source": hit.source,
        "verified": hit.verified,
        "jurisdiction": hit.jurisdiction,
        "zone": hit.zone,
        "important_data": hit.important_data,
        "binding": hit.binding,
        "text": text_record(hit.text) if hit.text is not None else None,
        "list_version": hit.list_version,
    }


def reason_record(reason: Reason) -> Record:
    """One step of the decision."""
    return {
        "code": reason.code,
        "text": text_record(reason.text),
        "citations": [citation_record(c) for c in reason.citations],
    }


def remediation_record(remediation: Remediation) -> Record:
    """A change that would lighten the mechanism."""
    return {
        "action": remediation.action,
        "fields": list(remediation.fields),
        "resulting_mechanism": remediation.resulting_mechanism,
        "resulting_risk": remediation.resulting_risk,
        "text": text_record(remediation.text),
    }


def transfer_record(transfer: TransferAssessment) -> Record:
    """The verdict on one planned transfer (one ticket)."""
    return {
        "id": transfer.id,
        "mechanism": transfer.mechanism,
        "risk": transfer.risk,
        "datasets": list(transfer.datasets),
        "obligations": [obligation_record(o) for o in transfer.obligations],
        "negative_list_hits": [hit_record(h) for h in transfer.negative_list_hits],
        "reasons": [reason_record(r) for r in transfer.reasons],
        "open_questions": [text_record(q) for q in transfer.open_questions],
        "remediation": [remediation_record(r) for r in transfer.remediation],
        "warnings": [text_record(w) for w in transfer.warnings],
        "fingerprint": transfer.fingerprint,
        "rule_pack": transfer.rule_pack,
        "as_of": transfer.as_of,
        "counts": _int_mapping(transfer.counts),
        "manifest_path": transfer.manifest_path,
        "settings": [
            {
                "setting": e.setting,
                "value": e.value,
                "alternative": e.alternative,
                "mechanism_with_alternative": e.mechanism_with_alternative,
            }
            for e in transfer.settings
        ],
    }


def _int_mapping(values: Mapping[str, int]) -> dict[str, int]:
    return {str(k): int(v) for k, v in sorted(values.items())}


def assess_summary(result: AssessResult) -> Record:
    """Scan counts plus transfers by mechanism and the highest risk."""
    summary = scan_summary(result.scan)
    mechanisms = Counter(t.mechanism for t in result.transfers)
    risks = [t.risk for t in result.transfers]
    known = [r for r in risks if r in RISK_ORDER]
    summary["transfers"] = len(result.transfers)
    summary["transfers_by_mechanism"] = dict(sorted(mechanisms.items()))
    summary["highest_risk"] = max(known, key=RISK_ORDER.index) if known else None
    summary["negative_list_hits"] = sum(len(t.negative_list_hits) for t in result.transfers)
    return summary


def assess_record(
    result: AssessResult, dataset: Callable[[DatasetResult], Any] = dataset_record
) -> Record:
    """The whole ``dataflow assess`` report: the scan plus one record per transfer."""
    record = scan_record(result.scan, dataset)
    del record["negative_list_hits"]  # an assessment reports its hits per transfer
    transfers = sorted(result.transfers, key=lambda t: (t.id, t.manifest_path or ""))
    record["transfers"] = [transfer_record(t) for t in transfers]
    record["summary"] = assess_summary(result)
    return record


def catalog_name(catalog: Any | None, ident: str | None, lang: str) -> str | None:
    """The catalog's name of a category or element id in ``lang`` (``None`` when unknown)."""
    if catalog is None or not ident:
        return None
    if ident in getattr(catalog, "categories", {}):
        name = catalog.category_name(ident, lang)
    elif ident in getattr(catalog, "elements", {}):
        name = catalog.element_name(ident, lang)
    else:
        return None
    return str(name) if name and name != ident else None
