"""Classification and grading: metadata and content evidence → ``FieldFinding``s → dataset grade.

Per field:

- a **validated value match** (content verdict ``column``) outranks a name guess: the element
  comes from the values, and a disagreeing name is kept as overruled evidence;
- content ``contains`` (free text holding some identifiers) gives a finding of kind
  ``contains`` with its match rate, unless the metadata already names an element at least as
  severe;
- a confident metadata verdict contradicted by a good sample (``min_contradicting_sample``
  values, none matching the element's recognizers) loses confidence and keeps both reasons;
- otherwise the metadata verdict stands.

Every field gets a finding (non-PI fields too, with ``personal: false`` and the reasons that
rejected a guess), so reports can say why a column is *not* PI.

Per dataset (``grade_dataset``): the highest field grade (就高从严), raised by the catalog's
escalation rules (combination, context, volume, precision…), each raise named.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from dataflow.catalog import Catalog, Condition, Element, EscalationRule
from dataflow.detect.metadata import PI_THRESHOLD, MetadataVerdict, detect_dataset, split_name
from dataflow.detect.metadata.prefix import readable_dataset
from dataflow.detect.metadata.traditional import restore_fields
from dataflow.i18n import msg
from dataflow.model import (
    Dataset,
    DatasetResult,
    Evidence,
    FieldFinding,
    Grade,
    GradeRaise,
    Subject,
    Words,
)
from dataflow.yamlio import covers

if TYPE_CHECKING:
    from dataflow.detect.content import ContentVerdict

#: A sample this large with no match at all contradicts a name guess.
MIN_CONTRADICTING_SAMPLE = 20
#: Confidence factor for a name guess contradicted by such a sample.
CONTRADICTION_FACTOR = 0.55


def learned_on(flag: bool | None) -> bool:
    """Whether the learned field scorer runs: as ``flag`` says (the ``learned_scorer`` setting),
    else unless ``DATAFLOW_LEARNED_SCORER`` is ``off``/``0``/``false`` (rules alone, e.g. to
    compare or to test the rules)."""
    if flag is not None:
        return flag
    return os.environ.get("DATAFLOW_LEARNED_SCORER", "").strip().lower() not in _OFF


_OFF = frozenset({"0", "off", "false", "no"})


def classify_dataset(
    dataset: Dataset,
    catalog: Catalog,
    content: Mapping[str, ContentVerdict] | None = None,
    *,
    sector: str | None = None,
    subjects: int | None = None,
    subject: Subject | None = None,
    learned: bool | None = None,
) -> DatasetResult:
    """Classify every field of ``dataset`` and grade it.

    ``content`` maps field pointers to content verdicts (``detect.content.detect_samples``).
    ``sector`` and ``subjects`` feed sector levels and volume rules when known (``assess``).
    ``subject`` (``subject.infer_subjects``) puts each field in the light of what the dataset
    is about: a person's attributes are PI, a code list's words are not. ``learned`` lets the
    learned field scorer (``detect.learned``) change the rules' verdicts where it is confident
    (None: on unless the environment variable ``DATAFLOW_LEARNED_SCORER`` is ``off``).
    """
    # 病歷號碼 read as 病历号码, `FXM` (a marker letter before every column) as `XM`
    original, dataset = dataset, readable_dataset(dataset, catalog)
    verdicts = detect_dataset(dataset, catalog)
    findings: list[FieldFinding] = []
    for fld in dataset.fields:
        cv = content.get(fld.pointer) if content else None
        findings.append(_classify_field(fld, dataset, catalog, verdicts[fld.pointer], cv, sector))
    if subject is not None:
        from dataflow.subject import apply_subject

        findings = apply_subject(findings, dataset, subject, catalog)
    if learned_on(learned):
        from dataflow.detect.learned import adjust_findings

        findings = adjust_findings(findings, dataset, subject, catalog)
        if subject is not None:
            from dataflow.subject import child_findings

            # a field the scorer adds on a child's record is the child's, sensitive
            findings = child_findings(findings, dataset, subject, catalog)
    if subject is not None:
        from dataflow.subject import care_thing_keys, ledger_details

        # a field found personal on a person's account entry is part of their transaction record
        findings = ledger_details(findings, dataset, subject, catalog)
        # a key to a drug or a vaccine on a person's record: which one they took or had
        findings = care_thing_keys(findings, dataset, subject, catalog)
    findings.sort(key=lambda f: (f.field.pointer, f.element or "", f.kind))
    # Graded before context marking, so that the rule which marks (children) is named as a raise.
    grade, raises = grade_dataset(
        findings, catalog, sector=sector, subjects=subjects, dataset=dataset
    )
    marks = _marking_rules(dataset, catalog, findings)
    if marks:
        from dataflow.subject import rules_for

        # the member of staff who handled a child's file (`auditor_name`) is not a child
        staff = rules_for(catalog).names_staff
        findings = [f if staff(f.field.name) else _mark(f, marks) for f in findings]
    if dataset is not original:
        findings = restore_fields(findings, original)
    categories = tuple(sorted({f.category for f in findings if f.category and f.element}))
    sampled = bool(content) and any(f.field.pointer in content for f in findings)  # type: ignore[operator]
    return DatasetResult(
        dataset=original,
        findings=tuple(findings),
        grade=grade,
        categories=categories,
        raises=raises,
        sampled=sampled,
        subject=subject,
    )


# --- one field ------------------------------------------------------------------------------


def _content_element(cv: Any, catalog: Catalog, meta: MetadataVerdict) -> Element | None:
    """The catalog element a content verdict's entity maps to (preferring the name's guess)."""
    entity = getattr(cv, "entity", None)
    if not entity:
        return None
    entities = [entity, *(e for e in getattr(cv, "entities", ()) or () if e != entity)]
    candidates: list[Element] = []
    for ent in entities:
        candidates.extend(catalog.elements_for_entity(ent))
    if not candidates:
        return None
    guessed = {c.element for c in meta.candidates}
    for element in candidates:
        if element.id in guessed:
            return element
    return candidates[0]


def _classify_field(
    fld: Any,
    dataset: Dataset,
    catalog: Catalog,
    meta: MetadataVerdict,
    cv: Any,
    sector: str | None,
) -> FieldFinding:
    """One field: the metadata verdict combined with the content verdict, then graded."""
    cv_kind = getattr(cv, "kind", None) if cv is not None else None
    cv_evidence: tuple[Evidence, ...] = tuple(getattr(cv, "evidence", ()) or ())
    c_element = _content_element(cv, catalog, meta) if cv_kind in ("column", "contains") else None
    deidentified = bool(getattr(cv, "deidentified", False)) and cv_kind in ("column", "contains")
    if deidentified and c_element is None and meta.element is not None:
        c_element = catalog.elements.get(meta.element)  # a hash: the name says of what
    # hashes in a field named for a hash (`sha256`) but for no element: kept as a candidate
    unnamed_hash = deidentified and c_element is None and cv_kind == "column"
    type_note = _type_note(fld, cv, c_element if cv_kind == "column" else None, meta, catalog)
    v = _combine(meta, cv, cv_evidence, c_element, type_note, catalog)
    if type_note is not None:
        v.evidence.append(type_note)
    v.confidence = round(min(max(v.confidence, 0.0), 1.0), 3)
    element = catalog.elements.get(v.element_id) if v.element_id else None
    # a content 'contains' verdict stands on its own confidence
    if element is None or (v.confidence < PI_THRESHOLD and v.kind != "contains"):
        evidence = v.evidence
        if unnamed_hash:
            evidence = [*cv_evidence, _UNNAMED_HASH, *evidence]
        return FieldFinding(
            field=fld,
            dataset=dataset.name,
            personal=False,
            sensitive=False,
            element=None,
            category=None,
            grade=catalog.defaults["unclassified"],
            confidence=round(1.0 - v.confidence, 3) if evidence else 1.0,
            evidence=tuple(evidence),
            kind="column",
            deidentified=unnamed_hash,
        )
    deidentified = deidentified and c_element is not None and element.id == c_element.id
    return _pi_finding(fld, dataset, catalog, element, v, deidentified, sector)


@dataclass
class _Verdict:
    """A field's verdict while the metadata and content verdicts are combined."""

    kind: str
    element_id: str | None
    confidence: float
    evidence: list[Evidence]


def _combine(
    meta: MetadataVerdict,
    cv: Any,
    cv_evidence: tuple[Evidence, ...],
    c_element: Element | None,
    type_note: Evidence | None,
    catalog: Catalog,
) -> _Verdict:
    """The metadata verdict with the content verdict's: validated values outrank a name guess,
    contained values raise it, a large sample with no match lowers it."""
    v = _Verdict("column", meta.element, meta.confidence, list(meta.evidence))
    cv_kind = getattr(cv, "kind", None) if cv is not None else None
    cv_conf = float(getattr(cv, "confidence", 0.0) or 0.0)
    if cv_kind == "column" and c_element is not None and cv_conf > 0:
        if v.element_id == c_element.id:
            v.confidence = 1.0 - (1.0 - v.confidence) * (1.0 - cv_conf)
            v.evidence = [*cv_evidence, *v.evidence]
        else:
            overruled = []
            if v.element_id is not None:
                overruled.append(
                    Evidence(
                        "value",
                        "value-outranks-name",
                        f"validated values outrank the name guess {v.element_id}",
                        c_element.id,
                    )
                )
            v.element_id, v.confidence = c_element.id, cv_conf
            v.evidence = [*cv_evidence, *overruled, *v.evidence]
    elif cv_kind == "contains" and c_element is not None and cv_conf > 0:
        current = catalog.elements.get(v.element_id) if v.element_id else None
        if current is not None and current.id == c_element.id:
            v.confidence = 1.0 - (1.0 - v.confidence) * (1.0 - cv_conf)
            v.evidence = [*v.evidence, *cv_evidence]
        elif current is not None and current.grade >= c_element.grade:
            v.evidence = [*v.evidence, *cv_evidence]
        else:
            v.kind, v.element_id, v.confidence = "contains", c_element.id, cv_conf
            v.evidence = [*cv_evidence, *v.evidence]
    elif v.element_id is not None and cv is not None:
        _sample_contradiction(v, cv, type_note, catalog)
    elif v.element_id is None and cv_kind == "contains" and c_element is not None:
        v.kind, v.element_id, v.confidence = "contains", c_element.id, cv_conf
        v.evidence = [*cv_evidence, *v.evidence]
    return v


def _sample_contradiction(
    v: _Verdict, cv: Any, type_note: Evidence | None, catalog: Catalog
) -> None:
    """Rule ``sample-contradicts-name``: a large sample none of whose values is the named
    element lowers the name's guess (unless the column type already rules it out)."""
    element = catalog.elements.get(v.element_id) if v.element_id else None
    size = int(getattr(cv, "sample_size", 0) or 0)
    rate = float(getattr(cv, "match_rate", 0.0) or 0.0)
    if (
        element is not None
        and element.entities
        and getattr(cv, "kind", None) == "none"
        and size >= MIN_CONTRADICTING_SAMPLE
        and rate == 0.0
        and type_note is None  # the column type, not the values, rules the element out
    ):
        v.confidence *= CONTRADICTION_FACTOR
        v.evidence.append(
            Evidence(
                "negative",
                "sample-contradicts-name",
                f"none of {size} sampled values is {'/'.join(element.entities)}",
                element.id,
                CONTRADICTION_FACTOR,
                sample_size=size,
                match_rate=0.0,
            )
        )


def _pi_finding(
    fld: Any,
    dataset: Dataset,
    catalog: Catalog,
    element: Element,
    v: _Verdict,
    deidentified: bool,
    sector: str | None,
) -> FieldFinding:
    """The finding of a field that is ``element``: its grade (de-identified, sector level) and
    the standard that makes it sensitive."""
    grade = element.grade
    evidence = v.evidence
    if deidentified and catalog.deidentified is not None:
        grade, note = _deidentified_grade(grade, catalog)
        evidence.append(note)
    if sector is not None:
        level = catalog.sector_level(sector, element.id)
        if level is not None and level.grade > grade:
            grade = level.grade
            evidence.append(
                Evidence(
                    "context",
                    "sector-level",
                    f"{sector}: {level.names.en} ({level.id})",
                    element.id,
                )
            )
    if element.sensitivity_evidence is not None:
        evidence.append(
            Evidence("context", "sensitivity-standard", element.sensitivity_evidence.en, element.id)
        )
    return FieldFinding(
        field=fld,
        dataset=dataset.name,
        personal=element.pi,
        sensitive=element.sensitive,
        element=element.id,
        category=element.category,
        grade=grade,
        confidence=v.confidence,
        evidence=tuple(evidence),
        kind=v.kind,
        sensitive_group=element.sensitive_group if element.sensitive else None,
        deidentified=deidentified,
    )


def _type_note(
    fld: Any, cv: Any, found: Element | None, meta: MetadataVerdict, catalog: Catalog
) -> Evidence | None:
    """What the column's physical type says (``detect.storage.storage_evidence``): about the
    entity the values are, else about the long identifiers the name suggests."""
    from dataflow.detect.storage import storage_evidence

    data_type = getattr(fld, "data_type", None)
    if not data_type:
        return None
    if found is not None:
        return storage_evidence(data_type, cv.entity, found=True, element=found.id)
    if cv is not None and getattr(cv, "kind", None) != "none":
        return None
    for candidate in meta.candidates:
        element = catalog.elements.get(candidate.element)
        if element is None:
            continue
        for entity in element.entities:
            note = storage_evidence(data_type, entity, found=False, element=element.id)
            if note is not None:
                return note
    return None


_UNNAMED_HASH = Evidence(
    "negative",
    "hash-element-unnamed",
    "the field name says the values are hashes but not of what: a de-identified candidate "
    "for review, not counted as personal information until its element is known (name the "
    "field for it, as mobile_md5, or declare it)",
)


def _deidentified_grade(grade: Grade, catalog: Catalog) -> tuple[Grade, Evidence]:
    """The grade of a de-identified field under the catalog's rule, and the evidence naming it."""
    rule = catalog.deidentified
    assert rule is not None
    lowered = Grade(max(int(Grade.GENERAL_1), int(grade) - rule.steps_down))
    steps = f"{rule.steps_down} grade(s) lower" if rule.steps_down else "the element's grade"
    return lowered, Evidence(
        "context", rule.id, f"{rule.reason.en} Setting steps_down={rule.steps_down}: {steps}."
    )


def _marking_rules(
    dataset: Dataset, catalog: Catalog, findings: Sequence[FieldFinding]
) -> list[EscalationRule]:
    facts = _Facts.of(findings)
    text = _dataset_text(dataset)
    return [
        r
        for r in catalog.escalations
        if r.mark_sensitive and _holds(r.when, facts, None, None, text)
    ]


def _mark(finding: FieldFinding, rules: Sequence[EscalationRule]) -> FieldFinding:
    if not finding.personal or finding.sensitive:
        return finding
    rule = rules[0]
    group = rule.mark_sensitive
    assert group is not None
    grade = max(finding.grade, rule.to)
    ev = Evidence("context", rule.id, rule.reason.en, finding.element)
    return FieldFinding(
        field=finding.field,
        dataset=finding.dataset,
        personal=True,
        sensitive=True,
        element=finding.element,
        category=finding.category,
        grade=grade,
        confidence=finding.confidence,
        evidence=(*finding.evidence, ev),
        kind=finding.kind,
        sensitive_group=group,
    )


# --- grading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Facts:
    elements: frozenset[str]
    categories: frozenset[str]
    groups: frozenset[str]
    personal: bool
    sensitive: bool
    direct_identifier: bool
    direct: frozenset[str]

    @classmethod
    def of(cls, findings: Iterable[FieldFinding], catalog: Catalog | None = None) -> _Facts:
        present = [f for f in findings if f.element is not None]
        elements = frozenset(f.element for f in present if f.element)
        direct = frozenset(
            e
            for e in elements
            if catalog is not None
            and e in catalog.elements
            and catalog.elements[e].direct_identifier
        )
        return cls(
            elements=elements,
            categories=frozenset(f.category for f in present if f.category),
            groups=frozenset(f.sensitive_group for f in present if f.sensitive_group),
            personal=any(f.personal for f in present),
            sensitive=any(f.sensitive for f in present),
            direct_identifier=bool(direct),
            direct=direct,
        )


@lru_cache(maxsize=4096)
def _covers(wanted: str, present: frozenset[str]) -> bool:
    """Whether an id of ``present`` lies under ``wanted`` (kept per pair: the tables of a
    repository hold the same few sets of elements and categories)."""
    return any(covers(wanted, p) for p in present)


def _dataset_text(dataset: Dataset | None) -> tuple[frozenset[str], str]:
    if dataset is None:
        return frozenset(), ""
    tokens = set(split_name(dataset.name))
    text = f"{dataset.name} {dataset.comment or ''}".lower()
    return frozenset(tokens), text


def _holds(
    when: Condition,
    facts: _Facts,
    sector: str | None,
    subjects: int | None,
    text: tuple[frozenset[str], str],
) -> bool:
    if when.elements_any and not any(_covers(e, facts.elements) for e in when.elements_any):
        return False
    if when.elements_all and not all(_covers(e, facts.elements) for e in when.elements_all):
        return False
    if when.categories_any and not any(_covers(c, facts.categories) for c in when.categories_any):
        return False
    if when.sensitive is not None and facts.sensitive != when.sensitive:
        return False
    if when.sensitive_groups_any and not facts.groups & set(when.sensitive_groups_any):
        return False
    if when.direct_identifier is not None and facts.direct_identifier != when.direct_identifier:
        return False
    if when.personal is not None and facts.personal != when.personal:
        return False
    if when.sectors and sector not in when.sectors:
        return False
    if when.subjects_gt is not None and (subjects is None or subjects <= when.subjects_gt):
        return False
    if when.subjects_gte is not None and (subjects is None or subjects < when.subjects_gte):
        return False
    if when.dataset_terms_any:
        tokens, raw = text
        if not any(
            (t in tokens) if t.isascii() and " " not in t else (t in raw)
            for t in when.dataset_terms_any
        ):
            return False
    return True


def grade_dataset(
    findings: Sequence[FieldFinding],
    catalog: Catalog,
    *,
    sector: str | None = None,
    subjects: int | None = None,
    dataset: Dataset | None = None,
) -> tuple[Grade, tuple[GradeRaise, ...]]:
    """A dataset's grade: the highest field grade (就高从严), raised by escalation rules.

    ``sector`` (``automotive``, ``finance``…) and ``subjects`` (people concerned) enable sector
    and volume rules; ``assess`` re-grades with them. ``dataset`` gives context rules its name
    and comment. Returns the grade and every raise, in the order applied.
    """
    grade = max((f.grade for f in findings), default=catalog.defaults["unclassified"])
    facts = _Facts.of(findings, catalog)
    text = _dataset_text(dataset)
    if dataset is None and findings:
        text = (frozenset(split_name(findings[0].dataset)), findings[0].dataset.lower())
    raises: list[GradeRaise] = []
    for rule in sorted(catalog.escalations, key=lambda r: (r.to, r.id)):
        if rule.to <= grade:
            continue
        if not _holds(rule.when, facts, sector, subjects, text):
            continue
        reason: str = Words(rule.reason.en, rule.reason.zh or rule.reason.en)
        if rule.important_data == "candidate":
            reason = msg("raise.candidate", reason=reason)
        raises.append(GradeRaise(rule.id, grade, rule.to, reason, rule.reference))
        grade = rule.to
    return grade, tuple(raises)


def explain_raise(raised: GradeRaise, catalog: Catalog, lang: str = "en") -> str:
    """The reason of a raise in ``lang`` (from the catalog rule; falls back to the stored text)."""
    try:
        return catalog.escalation(raised.rule).reason.get(lang)
    except KeyError:
        return raised.reason
