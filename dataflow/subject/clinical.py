"""Clinical event tables: a patient's conditions, medications, observations, procedures.

A table keyed by a patient (or by an encounter that belongs to one) whose own name puts it on a
health family's topic (`medications`, `observations`, `conditions`, `allergies`, `lab_results`)
is that patient's health record: what its columns say of each event — the code and description
of the drug, the diagnosis or the test, its value and unit, when it started and stopped, why it
was given — is the patient's health information (GB/T 35273 Annex A 个人健康生理信息: 病历,
诊疗记录; Annex B sensitive), whatever generic word the column uses. The same words in a code
dictionary (a `medication_codes` table of reference subject) are no one's.

Money on such a record (a cost, a payer's coverage: ``care_record_money_tables``) stays what the
finance families make it, the patient's expenses, as the catalog says of a patient's bills.
"""

from __future__ import annotations

from collections.abc import Sequence

from dataflow.catalog import Catalog
from dataflow.catalog.model import Element
from dataflow.detect.metadata import has_cjk
from dataflow.detect.metadata.words import field_kind, fold
from dataflow.i18n import msg
from dataflow.model import Dataset, Evidence, FieldFinding, Subject, Words
from dataflow.subject.describe import describe
from dataflow.subject.links import _own_key
from dataflow.subject.own import _bare
from dataflow.subject.predicates import _as_element, _because, _from_values, _meta, money_column
from dataflow.subject.rules import (
    SCHEMA_DOCS,
    W_FAMILY,
    SubjectRules,
    _compact,
    _FamilyIndex,
    rules_for,
    split_name,
)
from dataflow.subject.topics import _family_match, _table_topic, name_tokens


def clinical_events(
    findings: Sequence[FieldFinding],
    dataset: Dataset,
    subject: Subject,
    catalog: Catalog,
    rules: SubjectRules,
) -> list[FieldFinding]:
    """``subject-clinical-event``: the attribute columns of a patient's clinical event table as
    the health information of the table's family (module docstring). Keys, flags, bookkeeping,
    money, columns about the record itself and columns naming someone else keep their findings."""
    found = list(findings)
    if (
        subject.kind != "person_linked"
        or subject.role != "patient"
        or dataset.source_format in SCHEMA_DOCS  # a document's own rules read its sections
    ):
        return found  # (through an encounter of the patient's too: `medications.encounter`)
    family = _event_family(dataset, rules)
    element = catalog.elements.get(family.family.element) if family is not None else None
    if family is None or element is None or not element.sensitive:
        return found
    context = describe(subject, dataset.name)
    names = Words(family.family.names.en.lower(), family.family.names.zh)
    own = _own_key(dataset)
    out: list[FieldFinding] = []
    for finding in found:
        if not _event_attribute(finding, dataset, rules, own, family):
            out.append(finding)
            continue
        why = msg("subject.clinical_event", column=finding.field.name, family=names)
        ev = Evidence(
            "context", "subject-clinical-event", _because(context, why), element.id, W_FAMILY
        )
        out.append(_as_element(finding, element, ev))
    return out


def _event_family(dataset: Dataset, rules: SubjectRules) -> _FamilyIndex | None:
    """The first health family (catalog order) whose topic the table's own name or comment is
    on, else None."""
    # called for a patient's table only: its check or report is the patient's examination
    tokens = name_tokens(rules, dataset, frozenset(split_name(_bare(dataset.name))), care=True)
    health = _table_topic(rules, tokens, dataset.comment or "") & rules.health_families
    return rules.families[min(health)] if health else None


def _event_attribute(
    finding: FieldFinding,
    dataset: Dataset,
    rules: SubjectRules,
    own: str | None,
    family: _FamilyIndex,
) -> bool:
    """Whether a column of a clinical event table says something of the event: not yet
    sensitive, not found from values, a column of the row itself with words to read, and not
    a key, flag, bookkeeping (but for the state of the event itself: ``event_states``), money, the record's source or a column naming someone else or an
    organisation (not a word the family reads on its topic: the `units` of a measurement)."""
    fld = finding.field
    if (
        finding.sensitive
        or _from_values(finding)
        or fld.pointer != f"{dataset.name}.{fld.name}"
        or fld.name.lower() == own
        or field_kind(fld.data_type) == "bool"
        or (finding.personal and not _attribute_element(finding, rules))
        or any(ev.rule == "type-gate" for ev in finding.evidence)
    ):
        return False
    cjk = has_cjk(fld.name)
    tokens = () if cjk else rules.spelled(split_name(fld.name))
    comment = fld.comment or ""
    zh_text = fold(f"{fld.name if cjk else ''} {comment if has_cjk(comment) else ''}")
    if not tokens and not zh_text.strip():
        return False
    state = (  # a condition's `status`: active, resolved
        _compact(tokens) in rules.event_states and family.family.id in rules.event_state_families
    )
    if (
        (_meta(rules, tokens, zh_text) and not state)
        or _compact(tokens) in rules.record_columns
        or any(w in zh_text for w in (*rules.code_system_zh, *rules.record_columns_zh))
        or any(rules.role_of(t) for t in tokens)
        or any(t in rules.organisation and t not in family.generic for t in tokens)
        or rules.role_zh(zh_text) is not None
        or rules.organisation_zh_in(zh_text) is not None
        or (len(tokens) == 1 and tokens[0] in rules.housekeeping_flags)  # `active`
    ):
        return False
    return not money_column(rules, tokens, zh_text)


def _attribute_element(finding: FieldFinding, rules: SubjectRules) -> bool:
    """Whether a personal finding holds a general or attribute element (a free-text note, a
    usage record, another attribute of the person, a health element): not an identifier, a
    name or a contact."""
    element = finding.element or ""
    general = (*rules.attribute_categories, *rules.care_general, "pi.other.person_attribute")
    return any(element == c or element.startswith(c + ".") for c in general)


def care_thing_keys(
    findings: Sequence[FieldFinding], dataset: Dataset, subject: Subject, catalog: Catalog
) -> list[FieldFinding]:
    """``subject-care-thing-key``: on a person's own record (a booking of a vaccination, a
    pickup of medicines, an order of a vaccine), a key to a health thing (``health_things``: a
    drug, a vaccine, a disease, an allergen; by its name, `yaopin_id`, `vaccine_id`, or by its
    Chinese comment, `mediId` '药品id') says which medicine the person took, which vaccine they
    had, which disease they have: their health information (GB/T 35273 Annex B 个人健康生理信息),
    sensitive, not merely a key or other information about them. Not so on a member of staff's
    record (the vaccines a doctor gives), for the own key of a table or object of the things
    (`drug.drug_id`, `medications[].medicationId`), or on a table defining records
    (``record_definitions``, a prescription template 成药模板明细表). Run after every other
    step, the learned scorer's included."""
    if not subject.about_person or subject.indirect or subject.role == "employee":
        return list(findings)
    rules = rules_for(catalog)
    own = split_name(_bare(dataset.name))
    comment = dataset.comment or ""
    if set(own) & rules.record_definitions or any(
        w in comment for w in rules.record_definitions_zh
    ):
        return list(findings)  # a template of such records (成药模板明细表), no one's record
    out: list[FieldFinding] = []
    for finding in findings:
        element = _care_thing_element(finding, own, catalog, rules)
        if element is None:
            out.append(finding)
            continue
        why = msg("subject.care_thing_key", column=finding.field.name)
        ev = Evidence("context", "subject-care-thing-key", why, element.id, W_FAMILY)
        out.append(_as_element(finding, element, ev))
    return out


def _care_thing_element(
    finding: FieldFinding, own: tuple[str, ...], catalog: Catalog, rules: SubjectRules
) -> Element | None:
    """The health element of a key naming a health thing (see ``care_thing_keys``)."""
    fld = finding.field
    if finding.sensitive or _from_values(finding):
        return None
    tokens = () if has_cjk(fld.name) else split_name(fld.name)
    if len(tokens) < 2 or tokens[-1] not in rules.reference_tails:
        return None
    heads = tokens[:-1]
    comment = fld.comment or ""
    named = next((t for t in heads if t in rules.health_things), None)
    zh = (
        next((w for w in rules.health_things_zh if w in comment), None)
        if has_cjk(comment)
        else None
    )
    # the own key of the table, or of the nested object, that holds the things themselves
    holder = fld.pointer.rpartition(".")[0].rpartition(".")[2].replace("[]", "")
    owners = {_singular(own), _singular(split_name(holder))} if holder else {_singular(own)}
    if (named is None and zh is None) or _singular(heads) in owners:
        return None  # no health thing, or `drug.drug_id`, `medications[].medicationId`
    match = _family_match(rules, heads if named else (), zh or "", (), frozenset())
    if match is None or not match[0].family.element.startswith("pi.health."):
        return None
    return catalog.elements.get(match[0].family.element)


def _singular(tokens: Sequence[str]) -> tuple[str, ...]:
    """Words without a plural `s` (`medications` and `medication` name one thing)."""
    return tuple(t.removesuffix("s") for t in tokens)
