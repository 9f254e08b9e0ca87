"""The number of the document a table records: a person's ID card, bank card or passport table
keeps the document's number in a bare `code` or `no` column."""

from __future__ import annotations

from dataflow.catalog import Catalog, Element
from dataflow.detect.metadata import has_cjk
from dataflow.detect.metadata.detector import detector_for
from dataflow.i18n import msg
from dataflow.model import Dataset, Evidence, Field, FieldFinding, Subject
from dataflow.subject.describe import describe
from dataflow.subject.own import _bare
from dataflow.subject.predicates import _as_element, _because
from dataflow.subject.rules import SubjectRules, _compact, split_name


def document_numbers(
    findings: list[FieldFinding],
    dataset: Dataset,
    subject: Subject,
    catalog: Catalog,
    rules: SubjectRules,
) -> list[FieldFinding]:
    """``subject-document-number``: on a person's record whose name or comment is itself an
    identity document or a card (`idcard_2` '身份证2代', `bank_card` '银行卡'), a column that is
    only a number (`code`, `no`, 号码) not otherwise found personal (or only by the default for a
    person's unknown columns) is that document's number."""
    if not any(_bare_number(rules, f.field) for f in findings if _open(f)):
        return findings
    document = _document(dataset, catalog, rules)
    if document is None:
        return findings
    element, word = document
    out: list[FieldFinding] = []
    for finding in findings:
        if not _open(finding) or not _bare_number(rules, finding.field):
            out.append(finding)
            continue
        why = msg("subject.document_number", column=finding.field.name, document=word)
        ev = Evidence(
            "context",
            "subject-document-number",
            _because(describe(subject, dataset.name), why),
            element.id,
        )
        out.append(_as_element(finding, element, ev))
    return out


def _open(finding: FieldFinding) -> bool:
    """Not found personal, or only as other information about the person (the default of
    ``subject-person-attribute``): a more specific element may still name it."""
    return not finding.personal or finding.element == "pi.other.person_attribute"


def _bare_number(rules: SubjectRules, fld: Field) -> bool:
    """A column named only as a number (`code`, `card_no`, 号码), whatever it numbers."""
    if has_cjk(fld.name):
        return fld.name in rules.document_numbers_zh
    return _compact(split_name(fld.name)) in rules.document_numbers


def _document(
    dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> tuple[Element, str] | None:
    """The element of the document the table's name or comment names, when it is one whose
    number a bare column holds (``numbered_documents``), with the words that named it."""
    detector = detector_for(catalog)
    bare = _bare(dataset.name)
    readings = [(bare, None), (bare, dataset.comment)] if dataset.comment else [(bare, None)]
    for name, comment in readings:
        verdict = detector.detect_field(Field(name=name, pointer=name, comment=comment))
        element = catalog.elements.get(verdict.element) if verdict.element else None
        if element is not None and any(
            element.id == d or element.id.startswith(d + ".") for d in rules.numbered_documents
        ):
            return element, comment or name
    return None
