"""The number of the document a table records: a person's ID card, bank card or passport table
keeps the document's number in a bare `code` or `no` column."""

from __future__ import annotations

from dataflow.catalog import Catalog, Element
from dataflow.detect.metadata import has_cjk
from dataflow.detect.metadata.detector import detector_for
from dataflow.i18n import msg
from dataflow.model import Dataset, Evidence, Field, FieldFinding, Subject, top_level
from dataflow.subject.describe import describe
from dataflow.subject.own import _bare
from dataflow.subject.predicates import _as_element, _because, _from_values
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
        out.append(_claim(finding, element, "subject-document-number", subject, dataset, why))
    return out


#: The element of an identity document's number when the type column says which document.
_ID_DOCUMENT = "pi.identity.document_number"
#: Elements that make a row one person: their name or date of birth on the row itself.
_ROW_PERSON = frozenset({"pi.identity.name", "pi.profile.birth_date"})


def identity_documents(
    findings: list[FieldFinding],
    dataset: Dataset,
    subject: Subject,
    catalog: Catalog,
    rules: SubjectRules,
) -> list[FieldFinding]:
    """``subject-identity-document``: on a row that is one person (their name or date of birth
    is on it), a column naming an identity
    document and a number (`identity_code`, `cert_no`, `zj_hm`: ``identity_document_stems`` and
    ``identity_document_number_tails``) beside a column giving that document's type
    (`identity_type` '证件类型', `cert_type`), or whose words name an identity document by
    themselves (`identity_code`, `identification_no`: ``identity_document_strong``), is the number
    of the person's ID card, passport or other identity document (GB/T 35273 Annex B, 个人身份信息,
    sensitive), when no other rule found what it is."""
    element = catalog.elements.get(_ID_DOCUMENT)
    name = dataset.name
    if element is None or not subject.about_person or subject.indirect:
        return findings
    if not any(
        f.personal and f.element in _ROW_PERSON and top_level(f.field, name) for f in findings
    ):
        return findings  # not a row that is one person (a file's `document_type`, `doc_id`)
    typed = {_document_column(rules, f.field, name, rules.id_document_types) for f in findings}
    out: list[FieldFinding] = []
    for finding in findings:
        stem = _document_column(rules, finding.field, name, rules.id_document_numbers)
        if (
            stem is None
            or not _open(finding)
            or _from_values(finding)
            or not (stem in typed or stem in rules.id_document_strong)
        ):
            out.append(finding)
            continue
        why = msg("subject.identity_document", column=finding.field.name)
        out.append(_claim(finding, element, "subject-identity-document", subject, dataset, why))
    return out


def _claim(
    finding: FieldFinding,
    element: Element,
    rule: str,
    subject: Subject,
    dataset: Dataset,
    why: str,
) -> FieldFinding:
    """``finding`` as ``element``, with the evidence of ``rule``: what the record is about, then
    ``why``."""
    ev = Evidence("context", rule, _because(describe(subject, dataset.name), why), element.id)
    return _as_element(finding, element, ev)


def _document_column(
    rules: SubjectRules, fld: Field, dataset: str, tails: frozenset[str]
) -> str | None:
    """The compact stem of a column of the row itself named as an identity document's stem and
    one of ``tails`` (`identity_type` → `identity`), or None."""
    if not top_level(fld, dataset) or has_cjk(fld.name):
        return None
    tokens = split_name(fld.name)
    if len(tokens) < 2 or _compact(tokens[-1:]) not in tails:
        return None
    stem = _compact(tokens[:-1])
    return stem if stem in rules.id_document_stems else None


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


#: The element of a payment card's number, brand and issuer, and of its verification data.
_CARD = "pi.financial.bank_card"
_CARD_SECURITY = "pi.financial.card_security"
#: How many of a card's own members (``card_numbers``, ``card_brands``, ``card_expiries``) make
#: a table or an object a payment card rather than a card of another kind (a board's, a game's).
_CARD_MEMBERS = 2


def card_parts(
    findings: list[FieldFinding],
    dataset: Dataset,
    subject: Subject,
    catalog: Catalog,
    rules: SubjectRules,
) -> list[FieldFinding]:
    """``subject-card-part``: on a person's record, a table or object that is a payment card
    (its name: `card`, `paymentMethod`, ``payment_cards``; with two or more of a card's own
    members) holds the cardholder's card data: its masked number or last digits, brand, network,
    issuer and funding type are the card's (bank card information), its expiry the card's
    verification data (JR/T 0171-2020 C3), sensitive financial account information whatever the
    person's other columns made of them. Values that say otherwise still count."""
    card = catalog.elements.get(_CARD)
    security = catalog.elements.get(_CARD_SECURITY)
    if card is None or security is None:
        return findings
    by_card: dict[str, list[FieldFinding]] = {}
    for f in findings:
        owner = _card_owner(rules, dataset, f.field.pointer)
        if owner is not None and _card_member(rules, f.field) is not None:
            by_card.setdefault(owner, []).append(f)
    cards = {owner for owner, members in by_card.items() if len(members) >= _CARD_MEMBERS}
    if not cards:
        return findings
    context = describe(subject, dataset.name)
    out: list[FieldFinding] = []
    for f in findings:
        owner = _card_owner(rules, dataset, f.field.pointer)
        kind = _card_member(rules, f.field) if owner in cards else None
        if owner is None or kind is None or _from_values(f) or (f.sensitive and f.personal):
            out.append(f)
            continue
        element = security if kind == "expiry" else card
        why = msg("subject.card_part", column=f.field.name, card=owner.rsplit(".", 1)[-1])
        ev = Evidence("context", "subject-card-part", _because(context, why), element.id)
        out.append(_as_element(f, element, ev))
    return out


def _card_owner(rules: SubjectRules, dataset: Dataset, pointer: str) -> str | None:
    """The table or object a field is a member of, when its name is a payment card's."""
    parent = pointer.rpartition(".")[0]
    if not parent:
        return None
    last = parent.rsplit(".", 1)[-1].removesuffix("[]")
    return parent if _compact(split_name(last)) in rules.payment_cards else None


def _card_member(rules: SubjectRules, fld: Field) -> str | None:
    """Which of a card's own members a field is: ``number``, ``brand`` or ``expiry``."""
    compact = _compact(split_name(fld.name))
    if compact in rules.card_numbers:
        return "number"
    if compact in rules.card_brands:
        return "brand"
    if compact in rules.card_expiries:
        return "expiry"
    return None


#: The element of a subscriber's call, message and network records.
_CALL_RECORD = "pi.communication.call_record"


def network_cells(
    findings: list[FieldFinding],
    dataset: Dataset,
    subject: Subject,
    catalog: Catalog,
    rules: SubjectRules,
) -> list[FieldFinding]:
    """``subject-network-cell``: on a person's row holding a location area (``network_area_columns``:
    `lac`), the `cell` beside it (``network_cell_columns``) is the cell of the mobile network that
    served the phone, a point of the subscriber's network record (GB/T 35273-2020 Annex B
    通信记录), not a mobile phone number. Values that say otherwise still count."""
    element = catalog.elements.get(_CALL_RECORD)
    names = {_compact(split_name(f.field.name)) for f in findings}
    if element is None or not names & rules.network_area_columns:
        return findings
    context = describe(subject, dataset.name)
    out: list[FieldFinding] = []
    for f in findings:
        if (
            _compact(split_name(f.field.name)) not in rules.network_cell_columns
            or _from_values(f)
            or f.element == element.id
        ):
            out.append(f)
            continue
        why = msg("subject.network_cell", column=f.field.name)
        ev = Evidence("context", "subject-network-cell", _because(context, why), element.id)
        out.append(_as_element(f, element, ev))
    return out
