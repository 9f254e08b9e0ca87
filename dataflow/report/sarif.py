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

import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from dataflow import __version__
from dataflow.i18n import grade_label, group_label, mechanism_label, risk_label
from dataflow.model import (
    AssessResult,
    Citation,
    Dataset,
    DatasetResult,
    Evidence,
    Field,
    FieldFinding,
    Grade,
    NegativeListHit,
    Problem,
    Reason,
    ScanResult,
    Severity,
    Text,
    TransferAssessment,
)
from dataflow.report.records import RISK_ORDER

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
    "blocked": "error",
    "critical": "error",
    "high": "error",
    "medium": "warning",
    "low": "note",
}
RISK_SECURITY_SEVERITY: Mapping[str, str] = {
    "blocked": "10.0",
    "critical": "9.5",
    "high": "8.0",
    "medium": "5.0",
    "low": "2.0",
}
_PROBLEM_LEVELS: Mapping[str, str] = {"error": "error", "warning": "warning"}

# Formats whose fields are members of nested records rather than table columns.
_MEMBER_FORMATS = frozenset(
    {"json_schema", "jsonschema", "json-schema", "json", "jsonl", "avro", "protobuf", "openapi"}
)


# --------------------------------------------------------------------------------------------
# Human-readable names. Grades, mechanisms, risks and Art. 28 groups come from ``dataflow.i18n``;
# element and category names from the catalog when one is given, with built-in fallbacks for the
# shared vocabulary of docs/ARCHITECTURE.md so a catalog-less render still reads well.
# --------------------------------------------------------------------------------------------

_FALLBACK_ELEMENTS: Mapping[str, Text] = {
    "pi.identity.name": Text("person name", "姓名"),
    "pi.identity.resident_id": Text("resident identity card number", "居民身份证号码"),
    "pi.identity.passport": Text("passport number", "护照号码"),
    "pi.identity.travel_permit": Text("travel permit number", "往来通行证号码"),
    "pi.contact.mobile": Text("mobile phone number", "手机号码"),
    "pi.contact.landline": Text("landline phone number", "固定电话号码"),
    "pi.contact.email": Text("e-mail address", "电子邮件地址"),
    "pi.contact.address": Text("postal address", "通信地址"),
    "pi.financial.bank_card": Text("bank card number", "银行卡号"),
    "pi.location.precise": Text("precise location", "精准定位信息"),
    "pi.device.imei": Text("IMEI", "IMEI 设备识别码"),
    "pi.device.mac": Text("MAC address", "MAC 地址"),
    "pi.device.ip": Text("IP address", "IP 地址"),
    "pi.vehicle.plate": Text("licence plate number", "车牌号码"),
    "pi.vehicle.vin": Text("vehicle identification number", "车辆识别代号"),
    "org.registration.uscc": Text("unified social credit code", "统一社会信用代码"),
}
_FALLBACK_CATEGORIES: Mapping[str, Text] = {
    "pi.identity": Text("personal identity information", "个人身份信息"),
    "pi.contact": Text("contact information", "个人联系信息"),
    "pi.financial": Text("personal property and financial information", "个人财产信息"),
    "pi.location": Text("personal location information", "个人位置信息"),
    "pi.device": Text("personal device information", "个人常用设备信息"),
    "pi.vehicle": Text("vehicle information", "车辆信息"),
    "pi.health": Text("personal health information", "个人健康生理信息"),
    "pi.biometric": Text("biometric information", "个人生物识别信息"),
    "pi.religion": Text("religious belief", "宗教信仰"),
    "pi.minor": Text("information on minors under 14", "不满十四周岁未成年人信息"),
    "org.registration": Text("organisation registration", "组织登记信息"),
}


def _text_value(value: object, lang: str) -> str | None:
    """A str, a ``Text`` or anything with ``get(lang)`` returning str, else ``None``."""
    if isinstance(value, str):
        return value or None
    if isinstance(value, Text):
        return value.get(lang)
    getter = getattr(value, "get", None)
    if callable(getter):
        try:
            found = getter(lang)
        except (TypeError, KeyError):
            return None
        return found if isinstance(found, str) and found else None
    return None


@dataclass(frozen=True)
class Labels:
    """Names of catalog ids and decision ids in one output language.

    ``catalog`` is a ``dataflow.catalog.Catalog``: ``element_name``, ``category_name``,
    ``grade_name`` and ``group_name`` (each ``(id, lang)``) and ``elements`` are read from it.
    It is typed loosely so that rendering works with any object offering those methods, and
    without a catalog at all (built-in names, then the id).
    """

    lang: str = "en"
    catalog: Any = None

    def _ask(self, method: str, key: Any, fallback_id: str) -> str | None:
        """``catalog.<method>(key, lang)`` unless missing or only echoing the id back."""
        func = getattr(self.catalog, method, None)
        if not callable(func):
            return None
        try:
            name = _text_value(func(key, self.lang), self.lang)
        except (KeyError, LookupError, ValueError, TypeError):
            return None
        return name if name and name != fallback_id else None

    def catalog_element(self, element_id: str) -> Any:
        """The catalog's element object for ``element_id``, or ``None``."""
        elements = getattr(self.catalog, "elements", None)
        return elements.get(element_id) if isinstance(elements, Mapping) else None

    def element(self, element_id: str | None) -> str:
        """Element name, e.g. ``mobile phone number`` / ``手机号码``."""
        if element_id is None:
            return "-"
        name = self._ask("element_name", element_id, element_id)
        if name is None:
            element = self.catalog_element(element_id)
            name = _text_value(getattr(element, "names", None), self.lang)
        if name:
            return name
        fallback = _FALLBACK_ELEMENTS.get(element_id)
        return fallback.get(self.lang) if fallback is not None else element_id

    def element_details(self, element_id: str) -> tuple[str | None, tuple[str, ...]]:
        """The catalog's description of an element in this language, and its references."""
        element = self.catalog_element(element_id)
        if element is None:
            return None, ()
        description = _text_value(getattr(element, "description", None), self.lang)
        references = getattr(element, "references", ())
        refs = tuple(str(r) for r in references) if isinstance(references, (tuple, list)) else ()
        return description, refs

    def category(self, category_id: str | None) -> str:
        """Category name, e.g. ``contact information`` / ``个人联系信息``."""
        if category_id is None:
            return "-"
        name = self._ask("category_name", category_id, category_id)
        if name:
            return name
        fallback = _FALLBACK_CATEGORIES.get(category_id)
        return fallback.get(self.lang) if fallback is not None else category_id

    def grade(self, grade: Grade) -> str:
        """Grade name from the catalog's grade ladder, else from ``dataflow.i18n``."""
        return self._ask("grade_name", grade, grade.label) or grade_label(grade, self.lang)

    def mechanism(self, mechanism: str) -> str:
        """Mechanism name (``dataflow.i18n``)."""
        return mechanism_label(mechanism, self.lang)

    def risk(self, risk: str) -> str:
        """Risk level name (``dataflow.i18n``)."""
        return risk_label(risk, self.lang)

    def group(self, group: str | None) -> str:
        """PIPL Art. 28 group name (catalog, else ``dataflow.i18n``)."""
        if group is None:
            return "-"
        return self._ask("group_name", group, group) or group_label(group, self.lang)


# Report-specific sentences (zh/en). Candidates for ``dataflow.i18n.MESSAGES``.
_MSG: Mapping[str, Text] = {
    "finding": Text(
        "{pointer}: {element} ({category}), {grade}, confidence {confidence}.",
        "{pointer}：{element}（{category}），{grade}，置信度 {confidence}。",
    ),
    "finding.sensitive": Text(
        " Sensitive personal information (PIPL Art. 28: {group}).",
        "敏感个人信息（《个人信息保护法》第二十八条：{group}）。",
    ),
    "finding.contains": Text(
        " Free text that contains this element.", "自由文本字段，其中包含该要素。"
    ),
    "finding.evidence": Text(" Evidence: {evidence}.", "依据：{evidence}。"),
    "finding.example": Text(" Masked example: {example}.", "脱敏示例：{example}。"),
    "evidence.name": Text("field name", "字段名"),
    "evidence.comment": Text("comment", "注释"),
    "evidence.type": Text("data type", "数据类型"),
    "evidence.value": Text("sampled values", "抽样内容"),
    "evidence.negative": Text("negative evidence", "反向证据"),
    "evidence.context": Text("dataset context", "数据集上下文"),
    "evidence.declared": Text("declaration", "声明"),
    "evidence.rate": Text("{rate}% of {size} sampled", "抽样 {size} 个中 {rate}% 匹配"),
    "rule.element.full": Text(
        "{name} ({id}), category {category}. Highest grade found in this run: {grade}.",
        "{name}（{id}），类别：{category}。本次运行中的最高级别：{grade}。",
    ),
    "rule.element.sensitive": Text(
        " Sensitive personal information under PIPL Art. 28 ({group}).",
        "属于《个人信息保护法》第二十八条规定的敏感个人信息（{group}）。",
    ),
    "rule.element.pi": Text(" Personal information.", "属于个人信息。"),
    "rule.element.refs": Text(" References: {refs}.", "参考：{refs}。"),
    "rule.element.help": Text(
        "A field was classified as {name}. Check the finding: if it is right, record it (accept "
        "it in the baseline with a reason) and make sure any export of this dataset is assessed "
        "(`dataflow assess`); otherwise drop or de-identify the field before the data leaves, or "
        "correct the classification with a catalog or an inline allow comment.",
        "某字段被识别为{name}。请核对该结论：如属实，请记录（在基线中注明理由予以接受），并确保"
        "该数据集的任何出境都经过评估（`dataflow assess`）；否则请在出境前删除或去标识化该字段，"
        "或通过自定义目录或行内 allow 注释更正分类。",
    ),
    "rule.list.short": Text(
        "Negative-list entry {entry} ({list})", "负面清单条目 {entry}（{list}）"
    ),
    "rule.list.full": Text(
        "Entry {entry} of negative list {list} ({jurisdiction}{zone}): requires {mechanism}."
        "{unverified}",
        "负面清单 {list}（{jurisdiction}{zone}）的条目 {entry}：要求{mechanism}。{unverified}",
    ),
    "rule.list.unverified": Text(
        " This entry could not be verified against a public source.",
        "该条目未能与公开来源核实。",
    ),
    "rule.list.help": Text(
        "A planned transfer matched this negative-list entry. Follow the required mechanism, or "
        "change the transfer (drop or de-identify the listed fields) and assess it again.",
        "计划中的出境传输命中了该负面清单条目。请履行所要求的出境机制，或调整传输内容（删除或"
        "去标识化所列字段）后重新评估。",
    ),
    "rule.transfer.short": Text("Transfer requires: {mechanism}", "出境传输所需机制：{mechanism}"),
    "rule.transfer.full": Text(
        "dataflow assess decided that a planned outbound transfer requires: {mechanism}.",
        "dataflow assess 判定计划中的出境传输需要：{mechanism}。",
    ),
    "rule.transfer.help": Text(
        "Read the transfer's reasons, obligations and remediation in the JSON or Markdown "
        "report; each obligation names its article.",
        "请在 JSON 或 Markdown 报告中查看该传输的理由、义务及整改建议；每项义务均注明条款。",
    ),
    "transfer": Text(
        "Transfer {id}: {mechanism} (risk: {risk}).", "出境传输 {id}：{mechanism}（风险：{risk}）。"
    ),
    "transfer.why": Text(" Why: {why}", "理由：{why}"),
    "transfer.cites": Text(" Basis: {cites}.", "依据：{cites}。"),
    "transfer.more": Text(
        " {obligations} obligation(s), {hits} negative-list hit(s).",
        "义务 {obligations} 项，负面清单命中 {hits} 项。",
    ),
    "hit": Text(
        "Transfer {id} matches negative-list entry {entry} ({list}): requires {mechanism}.",
        "出境传输 {id} 命中负面清单条目 {entry}（{list}）：要求{mechanism}。",
    ),
    "hit.dataset": Text(
        "{dataset} matches negative-list entry {entry} ({list}): requires {mechanism}.",
        "数据集 {dataset} 命中负面清单条目 {entry}（{list}）：要求{mechanism}。",
    ),
    "hit.conditions": Text(" Conditions that held: {conditions}.", "成立的条件：{conditions}。"),
    "hit.fields": Text(" Fields: {fields}.", "涉及字段：{fields}。"),
    "hit.unverified": Text(" (unverified entry)", "（未核实条目）"),
    "hit.review": Text(
        " Review item: binding only once the data is confirmed as important data.",
        "待复核：仅在该数据被确认为重要数据后才具有约束力。",
    ),
    "jurisdiction.national": Text("national", "国家"),
    "jurisdiction.ftz": Text("free-trade zone", "自由贸易试验区"),
    "jurisdiction.organisation": Text("organisation", "组织"),
    "sep": Text("; ", "；"),
}


def sentence(text: str, lang: str) -> str:
    """``text`` ending with a full stop of its language (unless it already ends a sentence)."""
    text = text.strip()
    if not text or text[-1] in ".!?。！？":
        return text
    return text + ("。" if lang == "zh" else ".")


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


def cite_text(citations: Iterable[Citation]) -> str:
    """``PIPL Art. 38; Provisions Art. 7(2)``: each citation once, in the given order."""
    return "; ".join(dict.fromkeys(c.render() for c in citations))


def hit_text(hit: NegativeListHit, lang: str) -> str:
    """The entry's message in ``lang`` (lists may give both languages; ``message`` is English)."""
    if hit.text is not None:
        return hit.text.get(lang)
    return hit.message


# Reason codes that give context (counting, lawful basis, rules that did not apply) rather than
# the decision itself; the one-line "why" skips them.
CONTEXT_REASONS = frozenset(
    {
        "counts_summed",
        "counts_derived",
        "counts_exempt_excluded",
        "consent_basis",
        "important_candidate",
        "ftz_not_in_scope",
        "scenario_not_applicable",
        "approval_expired",
        "approval_out_of_scope",
    }
)


def decisive_reason(transfer: TransferAssessment) -> Reason | None:
    """The reason that settled the mechanism: the last step that is not context."""
    for reason in reversed(transfer.reasons):
        if reason.code not in CONTEXT_REASONS:
            return reason
    return transfer.reasons[0] if transfer.reasons else None


def masked_example(finding: FieldFinding) -> str | None:
    """The first masked example the finding's evidence carries (examples are masked upstream)."""
    for item in finding.evidence:
        if item.example:
            return item.example
    return None


def is_reported(finding: FieldFinding) -> bool:
    """Findings every format lists: a field that is PI or was mapped to a catalog element."""
    return finding.element is not None or finding.personal


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


def _physical(uri: str, line: int | None) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    if line is not None and line >= 1:
        location["region"] = {"startLine": line}
    return location


def _field_location(dataset: Dataset, field: Field, uri: str) -> dict[str, Any]:
    line = field.line if field.line is not None else dataset.line
    return {
        "physicalLocation": _physical(uri, line),
        "logicalLocations": [
            {
                "name": field.name,
                "fullyQualifiedName": field.pointer,
                "kind": logical_kind(dataset, field),
            }
        ],
    }


# --------------------------------------------------------------------------------------------
# Building the log
# --------------------------------------------------------------------------------------------


@dataclass
class _Rule:
    id: str
    descriptor: dict[str, Any]
    severity_rank: int  # higher wins when the same rule fires at several grades / risks


class _LogBuilder:
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

        self._add_rule(rule_id, _risk_rank(risk), make)
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

        self._add_rule(rule_id, _risk_rank(risk), make)
        return rule_id

    # results --------------------------------------------------------------------------------

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
            "locations": [_field_location(dataset, finding.field, uri)],
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
            location["physicalLocation"] = _physical(uri, None)
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
        self._keep((uri, transfer.id, rule_id), (_risk_rank(transfer.risk), 0.0), result)
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
                "physicalLocation": _physical(uri, dataset.line),
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
                risk = "high" if hit.binding else "low"
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
                related.append(_field_location(known[0], known[1], self.uri(known[0].source_path)))
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
        self._keep((uri, name, rule_id), (_risk_rank(risk), 0.0), result)

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
        level = _PROBLEM_LEVELS.get(str(severity), "note")
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


def _risk_rank(risk: str) -> int:
    return RISK_ORDER.index(risk) if risk in RISK_ORDER else 0


def _camel(identifier: str) -> str:
    """``pi.contact.mobile`` → ``PiContactMobile`` (SARIF rule names are identifiers)."""
    words = [w for part in identifier.replace("/", ".").split(".") for w in part.split("_")]
    out = "".join(w[:1].upper() + w[1:] for w in words if w)
    return "".join(ch for ch in out if ch.isalnum()) or "Rule"


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
