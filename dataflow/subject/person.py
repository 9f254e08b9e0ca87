"""Fields of a record about a person (``person`` and ``person_linked`` datasets).

``about_person`` gives each field to the first rule that claims it, in order; every rule names
its id in the evidence it adds (``subject-family``, ``subject-person-column``…).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from dataflow.catalog import Catalog, Element
from dataflow.detect.metadata import has_cjk
from dataflow.detect.metadata.words import field_kind, fold
from dataflow.i18n import msg, role_text
from dataflow.model import Dataset, Evidence, FieldFinding, Subject, Words, top_level
from dataflow.subject.describe import describe
from dataflow.subject.links import _own_key
from dataflow.subject.own import _bare, _person_only_columns
from dataflow.subject.predicates import (
    _TEXT_TYPES,
    _all_on_topic,
    _as_element,
    _as_not_personal,
    _because,
    _care_staff_only,
    _described_sensitive,
    _event_time,
    _from_values,
    _key_of_a_thing,
    _link_objects,
    _meta,
    _named_by_role,
    _named_in_comment,
    _names_other,
    _parent_topic,
    _person_column,
    _profile_family,
    _thing_table_guess,
    _topic_flag,
    _weak_name,
    _word_length,
    money_column,
)
from dataflow.subject.rules import (
    _CODE_LIST,
    _PERSON_NAME_ZH,
    _POSSESSIVE_EN,
    CREDIT_RECORD,
    CRIMINAL_RECORD,
    MONEY_FAMILY,
    SCHEMA_DOCS,
    VISIT_FAMILY,
    W_FAMILY,
    SubjectRules,
    _compact,
    _FamilyIndex,
    load_column,
    rules_for,
    split_name,
)
from dataflow.subject.table import caller_self_word, described_fields, described_owner
from dataflow.subject.topics import (
    _family_match,
    _on_topic,
    _table_topic,
    _wearable_word,
    medical_device_word,
    name_tokens,
    personal_record_topic,
)

#: A family word found for a field: (the family, the word).
Match = tuple[_FamilyIndex, str]


@dataclass(frozen=True)
class Record:
    """What the dataset says about its rows, shared by the rules for each of its fields."""

    dataset: Dataset
    subject: Subject
    catalog: Catalog
    rules: SubjectRules
    extra_topic: frozenset[int]
    bare: str
    table_tokens: frozenset[str]
    table_text: str
    context: Words
    table_topic: frozenset[int]
    people: bool  # rows are people: by the subject, or by columns only a person has
    own_key: str | None
    membership: bool  # a membership card's table: its card numbers are not bank cards
    health_document: frozenset[int]  # health topics of a schema document about a patient

    @cached_property
    def containers(self) -> frozenset[str]:
        """The pointers of the fields whose members are fields of their own (an object or a list
        of objects of a document: `payable` of `payable.order.id`)."""
        out: set[str] = set()
        for fld in self.dataset.fields:
            parent = fld.pointer.rpartition(".")[0]
            while parent and parent != self.dataset.name:
                out.add(parent.removesuffix("[]"))
                parent = parent.rpartition(".")[0]
        return frozenset(out)

    @cached_property
    def names_account(self) -> bool:
        """Whether the table, one of its columns or one of its objects names an account
        (`account_id`, 账号, `relationships.account`; ``ledger_accounts``): asked for each amount of a ledger, worked out once."""
        rules = self.rules
        if self.table_tokens & rules.ledger_accounts or any(
            w in self.table_text for w in rules.ledger_accounts_zh
        ):
            return True
        if self._deposits():
            return True  # a recharge record: the entries of the person's stored-value account
        for fld in self.dataset.fields:
            tokens = split_name(fld.name)
            if set(tokens) & rules.ledger_accounts or _compact(tokens) in rules.ledger_accounts:
                return True
            text = f"{fld.name} {fld.comment or ''}"
            if any(w in text for w in rules.ledger_accounts_zh):
                return True
        # an object of the document naming the account the entry is on (`account` of an API's
        # `relationships.account.data.id`)
        for pointer in self.containers:
            tokens = split_name(pointer.rsplit(".", 1)[-1].replace("[]", ""))
            if _compact(tokens) in rules.ledger_accounts:
                return True
        return False

    def _deposits(self) -> bool:
        """Whether the table's name says its rows are recharges or top-ups (`member_recharge`,
        `recharge_record`, 充值记录), not the card or account recharged (`recharge_card`)."""
        rules = self.rules
        words = split_name(_bare(self.dataset.name))
        if words and words[-1] in rules.deposit_holders:
            return False
        text = self.dataset.name if has_cjk(self.dataset.name) else self.dataset.comment or ""
        if text.rstrip("表").endswith(rules.deposit_holders_zh):
            return False
        return bool(self.table_tokens & rules.ledger_deposits) or any(
            w in self.table_text for w in rules.ledger_deposits_zh
        )

    @classmethod
    def of(
        cls,
        dataset: Dataset,
        subject: Subject,
        catalog: Catalog,
        rules: SubjectRules,
        extra_topic: frozenset[int],
    ) -> Record:
        bare = _bare(dataset.name)
        words = frozenset(split_name(bare))
        table_tokens = name_tokens(rules, dataset, words, subject.role == "patient")
        if (words & rules.activity_lookalikes) - table_tokens:
            # a check-in, an attendance check, an exam sat, not about health: the person's
            # record of that act (GB/T 35273 Annex A), not examination results (Annex B)
            extra_topic = extra_topic | rules.activity_topic
        table_text = f"{bare} {dataset.comment or ''}"
        table_topic = _table_topic(rules, table_tokens, dataset.comment or "") | extra_topic
        table_topic |= _parent_topic(rules, dataset, subject)
        table_topic = rules.tax_topic(table_topic)
        if _care_staff_only(dataset, subject, rules):
            # a testing site's slots with the doctor on duty: the care offered, no one's health
            table_topic -= rules.health_families
            extra_topic -= rules.health_families
        return cls(
            dataset,
            subject,
            catalog,
            rules,
            extra_topic,
            bare,
            table_tokens,
            table_text,
            describe(subject, dataset.name),
            table_topic,
            subject.kind == "person" or len(_person_only_columns(dataset, rules)) >= 2,
            _own_key(dataset),
            bool(table_tokens & rules.membership)
            or any(w in table_text for w in rules.membership_zh),
            table_topic & rules.health_families
            if dataset.source_format in SCHEMA_DOCS and subject.kind == "person_linked"
            else frozenset(),
        )


@dataclass(frozen=True)
class Column:
    """One field's words, as the rules read them."""

    finding: FieldFinding
    tokens: tuple[str, ...]
    comment: str  # without its list of coded values
    zh_text: str
    en_words: tuple[str, ...]
    on_topic: frozenset[int]
    meta: bool  # bookkeeping, or the row's own key
    top: bool  # not inside a nested object
    section: frozenset[int]  # health families a schema document's parent object is named after

    @classmethod
    def of(cls, rec: Record, finding: FieldFinding) -> Column:
        fld = finding.field
        dataset, rules = rec.dataset, rec.rules
        rel = (
            fld.pointer[len(dataset.name) + 1 :]
            if fld.pointer.startswith(dataset.name + ".")
            else fld.name
        )
        parents = [p.replace("[]", "") for p in rel.split(".")[:-1]]
        if parents and rules.listing_words & rec.table_tokens:
            # the page of a listing (`PaginatedBenefitList.results[]`): records, no test results
            parents = [p for p in parents if p.lower() not in rules.listing_words]
        on_topic = rec.table_topic
        if parents:
            topic_tokens = rec.table_tokens | frozenset(t for p in parents for t in split_name(p))
            on_topic = rules.tax_topic(
                _on_topic(rules, topic_tokens, rec.table_text) | rec.extra_topic
            )
        comment, tokens, zh_text, en_words, meta = _column_words(rules, fld.name, fld.comment)
        top = top_level(fld, dataset.name)
        # the row's own key is bookkeeping unless its words say what it is (住院号); so is a
        # warehouse's load column of the table (a nested `documents[].filename` is a document's)
        meta = (
            meta
            or fld.name.lower() == rec.own_key
            or (top and load_column(rules, dataset, fld.name))
            or _engine_column(rules, rec.table_tokens, tokens)
        )
        section: frozenset[int] = frozenset()
        if parents and dataset.source_format in SCHEMA_DOCS:
            words = frozenset(t for p in parents for t in split_name(p))
            if not any(rules.role_of(t) for t in words):
                section = _on_topic(rules, words, "") & rules.health_families
        return cls(finding, tokens, comment, zh_text, en_words, on_topic, meta, top, section)


def _engine_column(rules: SubjectRules, table: frozenset[str], tokens: tuple[str, ...]) -> bool:
    """A column of a workflow engine's table (a workflow word in the table's name: `wf_run`,
    `flow_task`) that names the engine's own objects by a workflow word (`run_flow_process`
    'the step the run is at', `process_name`, `wf_mode`, `wf_action`) and no person (not
    `flow_user`, `process_handler_id`): it says where a run of the process is, not anything
    about the person who started or handles it."""
    return (
        bool(table & rules.workflow_words)
        and any(t in rules.workflow_words for t in tokens)
        and not any(rules.role_of(t) or t in rules.handlers for t in tokens)
    )


_HYPHENATED = re.compile(r"\b[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b")


@lru_cache(maxsize=8192)
def _column_words(
    rules: SubjectRules, name: str, comment_text: str | None
) -> tuple[str, tuple[str, ...], str, tuple[str, ...], bool]:
    """A column's comment without its code list, name tokens, Chinese text, English comment
    words and whether its words make it bookkeeping: the same for every table that has it."""
    comment = _CODE_LIST.sub("", comment_text or "")
    cjk = has_cjk(name)
    tokens = () if cjk else rules.spelled(split_name(name))
    zh_text = fold(f"{name if cjk else ''} {comment if has_cjk(comment) else ''}")
    # a hyphenated compound modifies the noun it precedes ('Three-letter ISO currency code': a
    # code, no letter): its words name no family
    # an idiom's words ('in this case') name no family either
    plain = rules.comment_idioms.sub(" ", comment) if rules.comment_idioms else comment
    en_words = (
        tuple(split_name(_HYPHENATED.sub(" ", plain)))
        if comment and not has_cjk(comment) and len(comment) < 60
        else ()
    )
    return comment, tokens, zh_text, en_words, _meta(rules, tokens, zh_text)


def about_person(
    findings: Sequence[FieldFinding],
    dataset: Dataset,
    subject: Subject,
    catalog: Catalog,
    rules: SubjectRules,
    extra_topic: frozenset[int] = frozenset(),
) -> list[FieldFinding]:
    """The findings of a record about a person, each given to the first rule that claims it."""
    rec = Record.of(dataset, subject, catalog, rules, extra_topic)
    envelope = response_envelope(rules, dataset)
    found = [
        f
        if f.field.name.lower() in envelope
        else _personal(rec, f)
        if f.personal
        else _unlabelled(rec, f)
        for f in findings
    ]
    if (
        subject.kind == "person"
        and dataset.source_format in SCHEMA_DOCS
        and _one_persons_document(rules, dataset, subject.role)
    ):
        found = _document_parts(rec, found)
    elif subject.kind == "person_linked" and _wearable_word(rules, dataset) is not None:
        found = _device_measures(rec, found)
    elif subject.kind == "person_linked" and medical_device_word(rules, dataset) is not None:
        found = _device_measures(rec, found, medical=True)
    elif (
        subject.kind == "person_linked"
        and dataset.source_format in SCHEMA_DOCS
        and not subject.indirect
        and (
            described_owner(rules, dataset.comment) is not None
            or described_fields(rules, dataset) is not None
        )
    ):
        found = _document_parts(rec, found)
    found = _attributes(rec, found, envelope)
    if dataset.source_format in SCHEMA_DOCS:
        found = [_constant(rec, f) for f in found]
        found = _code_entries(rec, found)
        found = _change_envelope(rec, found)
        found = _document_envelope(rec, found)
    return found


def change_images(rules: SubjectRules, dataset: Dataset) -> frozenset[str]:
    """The top-level members of a change-data-capture event that hold the row's images
    (``change_images``: `before` and `after`, `old` and `data`), or none when the document is
    no such event: two images of which one is not a weak word (`data`), or one such image beside
    an operation member (`op`)."""
    top: dict[str, str] = {}
    for fld in dataset.fields:
        rel = fld.pointer[len(dataset.name) + 1 :] if fld.pointer.startswith(dataset.name) else ""
        first = rel.split(".", 1)[0].replace("[]", "")
        if first:
            top[_compact(split_name(first))] = first
    images = {k for k in top if k in rules.change_images}
    strong = images - rules.change_weak_images
    if not strong or (len(images) < 2 and not set(top) & rules.change_operations):
        return frozenset()
    return frozenset(top[k] for k in images)


def _change_envelope(rec: Record, findings: list[FieldFinding]) -> list[FieldFinding]:
    """``subject-change-envelope``: in a change-data-capture event about a person's row, the
    members outside the row's images (the operation, the capture time, the connector's
    `source` block) describe the capture, not the person: a verdict the person's record gave
    them (or a generic word such as `name`) is taken back."""
    images = change_images(rec.rules, rec.dataset)
    if not images:
        return findings
    name = rec.dataset.name
    out: list[FieldFinding] = []
    for f in findings:
        rel = f.field.pointer[len(name) + 1 :] if f.field.pointer.startswith(name + ".") else ""
        named = [ev.rule for ev in f.evidence if ev.source == "name"]
        if (
            not f.personal
            or _from_values(f)
            or rel.split(".", 1)[0].replace("[]", "") in images
            or not all(rule.startswith("name-weak") for rule in named)
        ):
            out.append(f)
            continue
        why = msg("subject.change_envelope", column=rel or f.field.name)
        ev = Evidence("context", "subject-change-envelope", _because(rec.context, why), None)
        out.append(_as_not_personal(f, ev, rec.catalog.defaults["unclassified"]))
    return out


#: How many registered claims of a token, or of a client application's metadata, make an object
#: the element of what a person holds on an account (``_ledger_details``).
BALANCE_ELEMENT = "pi.financial.balance"
#: a token's envelope or a client's registration (``_document_envelope``).
_ENVELOPE_MEMBERS = 3


def _document_envelope(rec: Record, findings: list[FieldFinding]) -> list[FieldFinding]:
    """``subject-document-envelope``: in a person's schema document, every member of the record's
    own metadata object (``document_envelope_objects``: FHIR's `meta`, its version, profile,
    security labels and tags) and, in a clinical document, a clinical section of one or any
    HL7 FHIR resource (a top-level `resourceType`: a Patient's demographics too), a
    nested member that says how a value is coded (``document_envelope_members``: a code's
    `system` and `version`, an identifier's `use`; a reference's `type` beside its `reference`,
    the kind of resource pointed at; an extension's `url`, the definition it follows) describe
    how the record is written, not its person; so do the page links of a paged listing
    (``link_objects``, ``link_relations``: `links.self`, `Links.next`), the registered claims of
    a signed token (``token_claims``: `iss`, `aud`, `exp`, three of them in one object) and every
    member of an object that is a registered client application's metadata
    (``client_metadata``: `client_uri`, `jwks_uri`, `redirect_uris`, three of them). A verdict
    the record's topic or words gave them is taken back. Values still count."""
    rules, name = rec.rules, rec.dataset.name
    members: dict[str, set[str]] = {}
    for f in findings:
        members.setdefault(_parent(f, name), set()).add(_compact(split_name(f.field.name)))
    claims = {p for p, m in members.items() if len(m & rules.token_claims) >= _ENVELOPE_MEMBERS}
    clients = {p for p, m in members.items() if len(m & rules.client_metadata) >= _ENVELOPE_MEMBERS}
    # a FHIR resource (a top-level `resourceType`: a Patient, a RelatedPerson, a Bundle) codes
    # its values so whatever it is about, a person's demographics as much as their care
    resource = bool(members.get("", set()) & rules.resource_type_members)
    # a search Bundle: a top-level `resourceType` beside an `entry` array
    bundle = resource and any(
        _compact(split_name(p.split(".", 1)[0].replace("[]", "")))
        in rules.fhir_envelope["bundle_markers"]
        for p in members
        if p
    )
    out: list[FieldFinding] = []
    for f in findings:
        parent = _parent(f, name)
        if _from_values(f):
            out.append(f)
            continue
        objects = {p.replace("[]", "").lower() for p in parent.split(".")} if parent else set()
        key = _compact(split_name(f.field.name))
        holder_word = (
            _compact(split_name(parent.rsplit(".", 1)[-1].replace("[]", ""))) if parent else ""
        )
        # in any FHIR resource: a Coding's or an Identifier's `system` (`valueCoding.system`,
        # `identifier[].system`), the namespace of a code; a ContactPoint's `system` (phone,
        # email) and any `use` (home, work) stay the person's
        namespace = (
            resource
            and key in rules.fhir_namespace_members
            and any(holder_word.endswith(w) for w in rules.fhir_coded_objects)
        )
        typed = bool(parent) and (
            # the kind of resource a reference points at (`subject.type` beside `reference`)
            (
                key in rules.reference_envelope_members
                and bool(members.get(parent, set()) & rules.reference_markers)
            )
            # the definition an extension follows (`extension[].url`)
            or (key in rules.extension_envelope_members and holder_word in rules.extension_objects)
        )
        coded = typed or (
            bool(parent)
            and _compact(rules.spelled(split_name(f.field.name))) in rules.envelope_members
        )
        # the page links of a listing (`links.self`, `Links.next`)
        holder = parent.rsplit(".", 1)[-1].replace("[]", "") if parent else rec.bare
        paging = holder.lower() in rules.link_objects and key in rules.link_relations
        if not (
            paging
            or objects & rules.envelope_objects
            or _fhir_envelope(rules, key, holder_word, not parent, bundle)
            or namespace
            or (typed and resource)
            or (coded and (rec.health_document or Column.of(rec, f).section))
            or (parent in claims and key in rules.token_claims)
            or parent in clients
        ):
            out.append(f)
            continue
        rel = f.field.pointer[len(name) + 1 :] if f.field.pointer.startswith(name + ".") else ""
        why = msg("subject.document_envelope", column=rel or f.field.name)
        ev = Evidence("context", "subject-document-envelope", _because(rec.context, why), None)
        out.append(_as_not_personal(f, ev, rec.catalog.defaults["unclassified"]))
    return out


def _fhir_envelope(rules: SubjectRules, key: str, holder: str, top: bool, bundle: bool) -> bool:
    """A member of a FHIR resource's or search Bundle's envelope (``resource_type_members``…):
    a `resourceType` anywhere, and in a Bundle its top-level (``top``) `type`, a link's
    `relation` and an entry's search `mode` (``bundle_object_members``: the ``holder`` object's
    compacted name and the member). A reference's `type` and an extension's `url` are the
    envelope by ``reference_envelope_members`` and ``extension_envelope_members``."""
    return (
        key in rules.resource_type_members
        or (bundle and top and key in rules.fhir_envelope["bundle_members"])
        or (bundle and (holder, key) in rules.bundle_object_members)
    )


def _code_entries(rec: Record, findings: list[FieldFinding]) -> list[FieldFinding]:
    """``subject-code-entry``: an object nested in a person's record that is an entry of a code
    list (two or more of its members are the entry's own settings: `active`, `mandatory`,
    `position`, `systemDefined`: ``code_entry_members``), such as the gender or client type of a
    customer given as the code list's entry: its code and label are the person's value, its
    settings and description define the entry, not the person."""
    rules, name = rec.rules, rec.dataset.name
    members: dict[str, set[str]] = {}
    for f in findings:
        parent = _parent(f, name)
        if parent:
            members.setdefault(parent, set()).add(_compact(split_name(f.field.name)))
    entries = {p for p, m in members.items() if len(m & rules.code_entry_flags) >= _ENTRY_FLAGS}
    if not entries:
        return findings
    out: list[FieldFinding] = []
    for f in findings:
        key = _compact(split_name(f.field.name))
        if (
            not f.personal
            or _from_values(f)
            or _parent(f, name) not in entries
            or key not in (rules.code_entry_flags | rules.code_entry_members)
        ):
            out.append(f)
            continue
        why = msg("subject.code_entry", column=f.field.name, parent=_parent(f, name))
        ev = Evidence("context", "subject-code-entry", _because(rec.context, why), None)
        out.append(_as_not_personal(f, ev, rec.catalog.defaults["unclassified"]))
    return out


#: Settings of a code list's entry among an object's members that make it such an entry.
_ENTRY_FLAGS = 2


def _constant(rec: Record, finding: FieldFinding) -> FieldFinding:
    """``subject-constant``: a field of a schema document that allows one value only (JSON Schema
    `const`, a one-symbol enum: `"_type": {"const": "moodLog"}`) holds the same value in every
    record: it tags the kind of document and says nothing of its person, whatever the document is
    about. Only a verdict that the subject made is taken back, not one of the field's own words."""
    if (
        not finding.personal
        or len(finding.field.enum_values) != 1
        or any(ev.source != "context" for ev in finding.evidence if ev.element is not None)
    ):
        return finding
    why = msg("subject.constant", column=finding.field.name)
    ev = Evidence("context", "subject-constant", _because(rec.context, why), None)
    return _as_not_personal(finding, ev, rec.catalog.defaults["unclassified"])


def response_envelope(rules: SubjectRules, dataset: Dataset) -> frozenset[str]:
    """The envelope fields of an API response document (``Account.post.response``: its
    ``message``, ``success``, ``status``): the API's answer about the call, not the person's."""
    if dataset.source_format not in SCHEMA_DOCS:
        return frozenset()
    segments = dataset.name.lower().split(".")
    # `Account.post.response`, or a response component named so (`DetailsResponse404`)
    # and the words of every segment (`loginCode.redeem response 400`)
    words = {
        *segments[1:],
        *split_name(dataset.name.split(".")[0]),
        *(t for seg in segments[1:] for t in split_name(seg)),
    }
    envelope = rules.response_envelope if rules.response_segments & words else frozenset()
    # a listing's page (`PaginatedEmploymentList`: `next`, `previous`, `count` beside the
    # `results[]` array): its own scalar fields page through the records, they hold none
    listed = [f for f in dataset.fields if "[]" in f.pointer[len(dataset.name) :]]
    # one array of the records listed: a record with several lists of its own (a loan's
    # `CollectionData` with its pause periods and its instalments' buckets) is no page
    arrays = {f.pointer[len(dataset.name) :].split("[]", 1)[0] for f in listed}
    if len(arrays) == 1 and rules.listing_words & set(split_name(dataset.name)):
        top = {
            f.name.lower()
            for f in dataset.fields
            if top_level(f, dataset.name) and field_kind(f.data_type) != "container"
        }
        envelope = envelope | top
    return envelope


def _device_measures(
    rec: Record, findings: list[FieldFinding], medical: bool = False
) -> list[FieldFinding]:
    """``subject-wearable-measure``: in a record of a wearable or fitness device, every field
    that is not a key, bookkeeping or the connector's own (`timeReceived`, `unitName`:
    ``device_record_columns``) is what the device measured or logged of its wearer (heart-rate
    zones, sleep stages, steps, the food they logged): the wearer's body and activity records,
    outside medical care, also where a family's word alone had called it health information
    (`heartRate`, `highFrequency` of heart-rate variability). A connector's field that only the
    subject had made PI is taken back.

    ``medical``: the record of a patient's medical device (a glucose monitor, an insulin pump):
    what it measured or reported of them (glucose readings and their trend, the insulin left and
    being delivered, the sensor's session) is their physiological health information
    (GB/T 35273 Annex B, sensitive) — ``subject-medical-device-measure``."""
    element = rec.catalog.elements.get(_PHYSIOLOGICAL if medical else _ACTIVITY_ELEMENT)
    rule = "subject-medical-device-measure" if medical else "subject-wearable-measure"
    measure = "subject.medical_device_measure" if medical else "subject.wearable_measure"
    if element is None:
        return findings
    rules = rec.rules
    out: list[FieldFinding] = []
    for f in findings:
        col = Column.of(rec, f)
        tokens = col.tokens
        by_context = f.personal and all(
            ev.source == "context" for ev in f.evidence if ev.element is not None
        )
        connector = bool(tokens) and (
            _compact(tokens) in rules.device_columns
            or _compact(tokens[-2:]) in rules.device_columns
            or tokens[-1] in rules.device_columns
        )
        if by_context and connector:
            why = msg("subject.wearable_connector", column=f.field.name)
            ev = Evidence("context", rule, _because(rec.context, why), None)
            out.append(_as_not_personal(f, ev, rec.catalog.defaults["unclassified"]))
            continue
        if (
            (f.personal and not by_context)
            or f.element == element.id
            or _from_values(f)
            or not tokens
            or (col.meta and _compact(tokens) not in rules.event_columns)
            or tokens[-1] in rules.reference_tails
            or connector
        ):
            out.append(f)
            continue
        why = msg(measure, column=f.field.name)
        ev = Evidence("context", rule, _because(rec.context, why), element.id, W_FAMILY)
        out.append(_as_element(f, element, ev))
    return out


#: What a wearable device records of its wearer (GB/T 43697 Annex B 个人运动信息).
_ACTIVITY_ELEMENT = "pi.motion.activity"
#: What a patient's medical device measures of them (GB/T 35273 Annex B 个人健康生理信息).
_PHYSIOLOGICAL = "pi.health.physiological"


def _one_persons_document(rules: SubjectRules, dataset: Dataset, role: str | None) -> bool:
    """A schema document about one person: its name says a CV or a profile (`Schema Resume
    v1.2.0`), or names the person by the role the document is about (`Employee`, `Employee
    Record`, `PatientRecord`), or its top-level sections are a CV's (`basics`, `education`,
    `skills`: ``cv_sections``)."""
    words = split_name(dataset.name)
    if not rules.documents.isdisjoint(words):
        return True
    if role is not None and any(rules.role_of(t) == role for t in words):
        return True
    return len(_top_sections(dataset) & rules.cv_sections) >= _CV_SECTIONS


def _top_sections(dataset: Dataset) -> set[str]:
    """The objects and lists at the top of a schema document (`education` of `education[].area`)."""
    out: set[str] = set()
    for fld in dataset.fields:
        rel = (
            fld.pointer[len(dataset.name) + 1 :]
            if fld.pointer.startswith(dataset.name + ".")
            else ""
        )
        head, dot, _rest = rel.partition(".")
        if dot:
            out.add(_compact(split_name(head.removesuffix("[]"))))
    return out


#: CV sections at the top of a document that make it a CV (``cv_sections``).
_CV_SECTIONS = 3


def _document_parts(rec: Record, findings: list[FieldFinding]) -> list[FieldFinding]:
    """``subject-document-part``: in a schema document about one person (its name says a CV, a
    profile: `person_documents`), every field of an object or list nested in it
    (`writing[].title`, `disposition.travel`) describes that person: the information its sibling
    fields already are, else the person's other attributes. Keys, flags and bookkeeping stay as
    they are."""
    name = rec.dataset.name
    by_parent: dict[str, dict[str, int]] = {}
    for f in findings:
        parent = _parent(f, name)
        if f.personal and f.element is not None and parent:
            counts = by_parent.setdefault(parent, {})
            counts[f.element] = counts.get(f.element, 0) + 1
    profile = _profile_family(rec.rules)
    out: list[FieldFinding] = []
    for f in findings:
        parent = _parent(f, name)
        if (
            f.personal
            or not parent
            or _from_values(f)
            or f.field.name in _SCHEMA_KEYWORDS
            or f.field.name.startswith(("@", "$"))  # JSON-LD and JSON Schema keywords
        ):
            out.append(f)
            continue
        col = Column.of(rec, f)
        if (
            not col.tokens
            or (col.meta and _compact(col.tokens) not in rec.rules.event_columns)
            or rec.rules.value_reading(col.tokens, parent)
        ):
            # keys and bookkeeping stay; the state of a part (`employment.status`) describes it;
            # the unit of a measured value (`heart_rate.unit`) says how to read the value
            out.append(f)
            continue
        siblings = by_parent.get(parent, {})
        element_id = max(siblings, key=lambda e: (siblings[e], e)) if siblings else None
        if element_id is None:
            # the value of a measurement object named for what it measures (`heart_rate.value`)
            element_id = _named_parent(rec, parent)
        if element_id is None and profile is not None:
            element_id = profile[0].family.element
        element = rec.catalog.elements.get(element_id) if element_id else None
        if element is None:
            out.append(f)
            continue
        why = msg("subject.document_part", column=f.field.name, parent=parent)
        ev = Evidence(
            "context", "subject-document-part", _because(rec.context, why), element.id, W_FAMILY
        )
        out.append(_as_element(f, element, ev))
    return out


def _parent(finding: FieldFinding, dataset: str) -> str:
    """The object or list a field is nested in (``employment.history[]``), or "" at the top."""
    pointer = finding.field.pointer
    rel = pointer[len(dataset) + 1 :] if pointer.startswith(dataset + ".") else ""
    return rel.rsplit(".", 1)[0] if "." in rel else ""


def _named_parent(rec: Record, parent: str) -> str | None:
    """The element of the family the name of the object a field is nested in belongs to
    (`heart_rate` of `heart_rate.value`: physiological information), or None."""
    leaf = parent.rsplit(".", 1)[-1].replace("[]", "")
    tokens = rec.rules.spelled(split_name(leaf)) if leaf else ()
    if not tokens:
        return None
    match = _family_match(rec.rules, tokens, "", (), rec.table_topic, rec.subject.kind == "person")
    return match[0].family.element if match is not None else None


def _personal(rec: Record, finding: FieldFinding) -> FieldFinding:
    """A field already found to be PI: a member card is not a bank card (rule
    ``subject-membership-card``); a comment may name a sensitive family (``subject-family``)."""
    finding = _membership_card(rec, finding) or finding
    named = _section_entry_name(rec, finding)
    if named is not None:
        return named
    described = _described_sensitive(rec.rules, finding, rec.table_topic, rec.catalog)
    if described is None:
        return finding
    element, word = described
    category = _category(rec.catalog, element)
    why = msg("subject.comment_says", word=word, category=category)
    ev = Evidence("context", "subject-family", _because(rec.context, why), element.id)
    return _as_element(finding, element, ev)


def _in_family(
    rec: Record, finding: FieldFinding, fam: _FamilyIndex, word: str
) -> FieldFinding | None:
    """``subject-family``: ``finding`` as the information of family ``fam`` that ``word`` names
    (None when the catalog lacks the family's element)."""
    element = rec.catalog.elements.get(fam.family.element)
    if element is None:
        return None
    category = _category(rec.catalog, element)
    family = Words(fam.family.names.en.lower(), fam.family.names.zh)
    why = msg("subject.family", word=word, category=category, family=family)
    ev = Evidence("context", "subject-family", _because(rec.context, why), element.id, W_FAMILY)
    return _as_element(finding, element, ev)


def _section_entry_name(rec: Record, finding: FieldFinding) -> FieldFinding | None:
    """``subject-family``: a generic name word (`name`, `genericName`) inside a clinical section of
    a person's schema document (`medications[]`, `conditions[]`) names that entry, a drug or a
    disease, not a person: the section's health information."""
    if rec.dataset.source_format not in SCHEMA_DOCS:
        return None  # only a schema document's nested objects are sections (``Column.section``)
    if _from_values(finding) or _weak_name(finding, rec.catalog, rec.rules) is None:
        return None
    if any(ev.source != "name" or not ev.rule.startswith("name-weak") for ev in finding.evidence):
        return None
    col = Column.of(rec, finding)
    if not col.section:
        return None
    return _in_family(rec, finding, rec.rules.families[min(col.section)], finding.field.name)


def _membership_card(rec: Record, finding: FieldFinding) -> FieldFinding | None:
    fld, catalog = finding.field, rec.catalog
    if not (
        finding.element == "pi.financial.bank_card"
        and rec.membership
        and not _from_values(finding)
        and "pi.identity.membership_card" in catalog.elements
        and not any(
            w in f"{fld.name} {fld.comment or ''}".lower()
            for w in ("bank", "银行", "credit", "信用")
        )
    ):
        return None
    card = catalog.elements["pi.identity.membership_card"]
    ev = Evidence(
        "context",
        "subject-membership-card",
        _because(rec.context, msg("subject.membership_card")),
        card.id,
    )
    return dataclasses.replace(
        finding,
        element=card.id,
        category=card.category,
        sensitive=card.sensitive,
        sensitive_group=card.sensitive_group if card.sensitive else None,
        grade=card.grade,
        evidence=(*finding.evidence, ev),
    )


def _unlabelled(rec: Record, finding: FieldFinding) -> FieldFinding:
    """A field not (yet) found to be PI, read in the light of the person the record is about."""
    name = finding.field.name
    if name.startswith(("@", "$")) or name in _SCHEMA_KEYWORDS:
        return finding  # a JSON-LD or JSON Schema keyword (`@type`, `additionalProperties`)
    col = Column.of(rec, finding)
    for rule in _COLUMN_RULES:
        found = rule(rec, col)
        if found is not None:
            return found
    return finding


def _coded_attribute_rule(rec: Record, col: Column) -> FieldFinding | None:
    """``subject-coded-attribute``: on a row that is one person or one of a person's records
    (`patient_additional_data` keyed by its patient), a key whose other words name a coded
    attribute of people (an element that may be held as a code: `GenderID`, `StateID`,
    `nation_code`, `religion_id`) points into the list of those codes, so it holds the person's
    attribute (GB/T 35273 Annex A), not a link to another record."""
    tokens, finding = col.tokens, col.finding
    if (
        not rec.subject.about_person
        or rec.subject.indirect
        or not col.top
        or len(tokens) < 2
        or tokens[-1] not in rec.rules.key_suffixes
        or not any(ev.rule == "name-reference" for ev in finding.evidence)
    ):
        return None
    for ev in finding.evidence:
        element = rec.catalog.elements.get(ev.element or "")
        if (
            element is not None
            and element.pi
            and "code" in element.types
            and element.id != "pi.other.person_attribute"
            and ev.rule.startswith("name-")
            and ev.source == "name"
        ):
            word = ev.detail.split("'")[1] if ev.detail.count("'") >= 2 else element.id
            why = msg("subject.coded_attribute", column=finding.field.name, word=word)
            found = Evidence(
                "context", "subject-coded-attribute", _because(rec.context, why), element.id
            )
            return _as_element(finding, element, found)
    return None


def _weak_name_rule(rec: Record, col: Column) -> FieldFinding | None:
    """``subject-person-record``: a generic name word (``name``, ``nation``) on a person's row;
    never a bookkeeping column's (``file_name``: the file the row was loaded from)."""
    if not rec.people or not col.top or col.meta:
        return None
    weak = _weak_name(col.finding, rec.catalog, rec.rules)
    if weak is None:
        return None
    element, word = weak
    why = msg("subject.person_record", word=word)
    ev = Evidence("context", "subject-person-record", _because(rec.context, why), element.id)
    return _as_element(col.finding, element, ev)


def _staff_name_rule(rec: Record, col: Column) -> FieldFinding | None:
    """``subject-person-column``: a text column named after a staff role (``doctor``)."""
    fld = col.finding.field
    staff = _named_by_role(rec.rules, col.tokens, fld.data_type)
    if staff is None or "pi.identity.name" not in rec.catalog.elements:
        return None
    element = rec.catalog.elements["pi.identity.name"]
    why = msg("subject.staff_name", column=fld.name, staff=Words(staff, role_text(staff).zh))
    ev = Evidence("context", "subject-person-column", _because(rec.context, why), element.id)
    return _as_element(col.finding, element, ev)


def _comment_role_rule(rec: Record, col: Column) -> FieldFinding | None:
    """``subject-person-column``: a text column whose Chinese comment ends in a person's role
    (上课老师 of `shangkels`, 项目经理 of `xmjl`), when no other rule read it: that person's
    name, however the column is spelt."""
    fld = col.finding.field
    named = _named_in_comment(rec.rules, fld.comment, fld.data_type)
    if named is None or "pi.identity.name" not in rec.catalog.elements:
        return None
    element = rec.catalog.elements["pi.identity.name"]
    word, role = named
    why = msg("subject.comment_role_name", word=word, staff=Words(role, role_text(role).zh))
    ev = Evidence("context", "subject-person-column", _because(rec.context, why), element.id)
    return _as_element(col.finding, element, ev)


def _person_name_rule(rec: Record, col: Column) -> FieldFinding | None:
    """``subject-person-column``: a comment naming a person's name (投保人名称, 行驶证车主)."""
    zh = col.zh_text.strip()
    name_of = _PERSON_NAME_ZH.match(zh) if zh else None
    if (
        name_of is None
        or not (name_of.group(2) or len(name_of.group(1)) > 1)
        or "pi.identity.name" not in rec.catalog.elements
    ):
        return None
    element = rec.catalog.elements["pi.identity.name"]
    why = msg("subject.person_name", word=name_of.group(0))
    ev = Evidence("context", "subject-person-column", _because(rec.context, why), element.id)
    return _as_element(col.finding, element, ev)


def _name_member_rule(rec: Record, col: Column) -> FieldFinding | None:
    """``subject-person-column``: a member of an object that is a person's name (`fullName.first`,
    `name.last`): the part of the name it says (a first name, a last name)."""
    fld = col.finding.field
    parent = _parent(col.finding, rec.dataset.name).rsplit(".", 1)[-1].replace("[]", "")
    if (
        not parent
        or not col.tokens
        or _compact(split_name(parent)) not in rec.rules.person_names
        or not {_compact(col.tokens), _compact((*col.tokens, "name"))} & rec.rules.name_parts
        or "pi.identity.name" not in rec.catalog.elements
    ):
        return None
    element = rec.catalog.elements["pi.identity.name"]
    why = msg("subject.person_name", word=f"{parent}.{fld.name}")
    ev = Evidence("context", "subject-person-column", _because(rec.context, why), element.id)
    return _as_element(col.finding, element, ev)


def _family_rule(rec: Record, col: Column) -> FieldFinding | None:
    """``subject-family``: a word of an attribute family, or a column on a topic whose every
    column counts; ``subject-person-record``: a thing's word on a table whose rows are people;
    ``subject-person-column``: a comment naming a person."""
    if col.finding.field.pointer.removesuffix("[]") in rec.containers:
        return None  # an object whose members are read one by one: they carry the verdicts
    match = _family_word(rec, col)
    fld, finding = col.finding.field, col.finding
    guess = _thing_table_guess(finding, rec.catalog)
    if (
        guess is not None
        and not any(w in col.zh_text for w in rec.rules.code_system_zh)
        and not _names_other(rec.rules, col.tokens, col.zh_text)
        and (
            (match is None and rec.people)
            # a longer word than the family's says more (工资卡号: a card, not pay)
            or (match is not None and _word_length(guess[1]) > _word_length(match[1]))
        )
    ):
        guessed = guess[0]
        why = msg("subject.rows_are_people", column=fld.name)
        ev = Evidence("context", "subject-person-record", _because(rec.context, why), guessed.id)
        return _as_element(finding, guessed, ev)
    if match is None:
        person_ref = _person_column(col.zh_text, rec.catalog, rec.rules)
        if person_ref is None:
            return None
        element, reason = person_ref
        ev = Evidence("context", "subject-person-column", _because(rec.context, reason), element.id)
        return _as_element(finding, element, ev)
    fam, word = match
    return _in_family(rec, finding, fam, word)


def _family_word(rec: Record, col: Column) -> Match | None:
    """The family a field belongs to by its words, or by the topic of its table."""
    rules, tokens, zh_text, meta = rec.rules, col.tokens, col.zh_text, col.meta
    if _compact(tokens) in rules.record_columns:
        return None  # where the record came from (`source_relation`), not the person's family
    if rules.value_reading(tokens, _parent(col.finding, rec.dataset.name)):
        return None  # the unit of the value it is nested in (`heart_rate.unit`), a statistic
    person = rec.subject.kind == "person"
    stay = _stay_period(rec, col)
    if stay is not None:
        return stay
    first = _topic_first(rules, col)
    if first is not None:
        return first
    match = _family_match(rules, tokens, zh_text, col.en_words, col.on_topic, person)
    if match is not None and any(w in zh_text for w in rules.code_system_zh):
        match = None  # the name of a coding system (症状代码编码系统名称), not a symptom
    if match is not None and _comment_denies(rules, zh_text):
        match = None  # `weight` '权重': the comment says it is a weighting, not a body weight
    if match is not None and _collection_case(rec, match):
        match = None  # `org_casNo` 机构案件号 of a debtor's account: the collection case, no crime
    if match is not None and _inspects_things(rec) and _health_family(rules, match):
        match = None  # `abnormal_desc` of a patrol of equipment (巡检记录): no one's health
    if match is not None and _records_goods(rec) and _health_family(rules, match):
        match = None  # `delivery_method` '发货方式' of a shop's order: shipping, not childbirth
    if match is not None and _record_by_topic(rec):
        topic = {id(rules.families[k]) for k in rec.table_topic}
        if id(match[0]) not in topic:
            match = None  # `class` of an SMS gateway's `inbox`: no education of anyone's
    if (
        match is not None
        and meta
        and match[1] != _compact(tokens)
        and not (match[0].family.keys_named and _key_of_a_thing(rules, tokens, rec.bare))
    ):
        match = None  # a key or bookkeeping column: only a family word naming it whole counts
    if match is None:
        match = _topic_match(rec, col)
    if match is None and not meta:
        match = _member_of_named_object(rec, col)
    if match is not None:
        match = _patients_money(rec, col, match)
    if match is not None and _event_time(rules, tokens, zh_text, match, rec.catalog):
        # `pay_time` of an order: not an amount, but the time of the person's action
        name = col.finding.field.name
        match = _all_on_topic(rules, col.on_topic, name) if tokens and not meta else None
        if match is not None and _event_time(rules, tokens, zh_text, match, rec.catalog):
            match = None
    # an entry of an account's ledger: what moved, or (a bookkeeping name) when it moved
    entry = _ledger_time(rec, col) if meta else _ledger_entry(rec, col, match)
    match = entry or match
    if match is None and not meta and person and col.comment:
        owner = _POSSESSIVE_EN.search(col.comment)
        word = (owner.group(1) or owner.group(2) or "").lower() if owner is not None else ""
        if word and rules.role_of(word) is not None:
            match = _profile_family(rules)
    if (
        match is not None
        and _health_family(rules, match)
        and _care_staff_only(rec.dataset, rec.subject, rules)
    ):
        match = None  # `jianceyuwei` '检测余位' of a testing site's slots: no one's health
    return match


#: The family of a hotel guest's stay (``stay_periods``).
LODGING_FAMILY = "lodging"


def _stay_period(rec: Record, col: Column) -> Match | None:
    """The start or end of a period (``stay_periods``: `start_time`, 结束时间) at the top of a
    person's row that also holds a room by a word of the lodging family (`room_number`, 房间号:
    a hotel guest's check-in or history of stays): when the stay began and ended, the guest's
    lodging. None elsewhere; on a table that is itself about rooms or homes (`dorm_room`,
    `ps_park_shared`: ``dwellings``); and on a row naming a residential estate (小区, `building`:
    ``estate_words``), where the room is the person's home and the period a lease or a share;
    and on a record of another sensitive kind (手术记录: the operating room and the surgery's
    start are the patient's health)."""
    rules = rec.rules
    fam = rules.family(LODGING_FAMILY)
    zh = col.zh_text
    if (
        fam is None
        or not rec.subject.about_person
        or not col.top
        or not (
            _compact(col.tokens) in rules.stay_periods
            or (bool(zh) and any(zh.strip() == w for w in rules.stay_periods_zh))
        )
        or not rules.dwellings.isdisjoint(split_name(rec.bare))
    ):
        return None
    for k in rec.table_topic:
        other = rules.families[k]
        element = rec.catalog.elements.get(other.family.element)
        if other is not fam and element is not None and element.sensitive:
            return None  # an operating room's start (手术记录): the record's own sensitive kind
    room = False
    for fld in rec.dataset.fields:
        tokens = () if has_cjk(fld.name) else split_name(fld.name)
        comment = fld.comment or ""
        if any(t in rules.estate_words for t in tokens) or any(
            w in comment for w in rules.estate_words_zh
        ):
            return None
        if (tokens and _compact(tokens) in fam.words) or any(w in comment for w in fam.zh):
            room = True
    return (fam, col.finding.field.name) if room else None


def _collection_case(rec: Record, match: Match) -> bool:
    """A case word (``collection_case_words``: 案件) of the criminal-record family on a record
    of a person's loans (a debtor's account at a collection agency): the debt's collection
    case, not a criminal one."""
    rules = rec.rules
    if match[0].family.element != CRIMINAL_RECORD or match[1] not in rules.collection_case_words:
        return False
    return any(
        rules.families[k].family.element == CREDIT_RECORD for k in rec.table_topic | rec.extra_topic
    )


def _inspects_things(rec: Record) -> bool:
    """A table whose comment calls it the inspection or check of things (``topic_lookalikes_zh``:
    巡检记录表, 设备检查, 质检): its findings are the things', whoever inspected them."""
    comment = rec.dataset.comment or ""
    return any(w in comment for w in rec.rules.topic_lookalikes_zh)


def _records_goods(rec: Record) -> bool:
    """A table whose comment calls it a record of goods (``goods_records_zh``: 订单, 采购单, 库存)
    and that is on no health topic (a pharmacy's 药品订单 is): its words are the goods' and the
    shipment's, whoever ordered them."""
    comment = rec.dataset.comment or ""
    rules = rec.rules
    if not any(w in comment for w in rules.goods_records_zh) or (
        rec.table_topic & rules.health_families
    ):
        return False
    return any(
        any(t in rules.goods_columns for t in split_name(f.name))
        or any(w in (f.comment or "") for w in rules.goods_columns_zh)
        for f in rec.dataset.fields
    )


def _health_family(rules: SubjectRules, match: Match) -> bool:
    """Whether a family match is of health and physiological information."""
    return any(match[0] is rules.families[k] for k in rules.health_families)


def _record_by_topic(rec: Record) -> bool:
    """A person-linked table that no column links to its person and that is someone's record
    by its topic alone (``personal_record_families``: an SMS gateway's `outbox`, a call log, an
    address book naming no one): what it says of that person is what its topic's words name
    (the text, the numbers, the times); its other columns are the system's own."""
    return (
        rec.subject.kind == "person_linked"
        and not rec.subject.links
        and personal_record_topic(rec.rules, rec.dataset) is not None
    )


def _ledger_entry(rec: Record, col: Column, match: Match | None) -> Match | None:
    """An amount, balance or kind of operation (``ledger_entries``, or a column the amounts family
    ``MONEY_FAMILY`` claimed) on a table of the transactions of an account (on the topic of
    family ``LEDGER_FAMILY`` with a column or name naming an account: `account_id`, 账号): the
    person's transaction records, not an order's amount. None when it is not one."""
    rules = rec.rules
    on_ledger = rules.ledger & col.on_topic
    if not on_ledger:
        return None
    # what moved: a column the amounts family claimed by its name (`total_amount`, `paid`), not
    # every word of the families of the same element (a merchant, a posting date), nor a column
    # whose description alone mentions the transaction (`location`, `tags`), nor the entry's
    # reference (`transaction_number`, `transfer_id`: the amounts family's word names the entry)
    money = (
        match is not None
        and match[0].family.id == MONEY_FAMILY
        and _money_by_name(rec, col)
        and not _entry_reference(rules, col.tokens)
    )
    entry = _ledger_entry_word(rec, col)
    if not (money or entry) or not rec.names_account:
        return None
    return rules.families[min(on_ledger)], col.finding.field.name


def _ledger_time(rec: Record, col: Column) -> Match | None:
    """The time an entry of an account's ledger was written (``ledger_entry_times``: `created_at`
    of `ledger_transfers`), at the top of the entry: when the money moved, the person's
    transaction record like the entry's amount. None elsewhere."""
    rules = rec.rules
    on_ledger = rules.ledger & col.on_topic
    if (
        not on_ledger
        or not rec.names_account
        or _compact(col.tokens) not in rules.ledger_entry_times
        or _parent(col.finding, rec.dataset.name)
    ):
        return None
    return rules.families[min(on_ledger)], col.finding.field.name


def _member_of_named_object(rec: Record, col: Column) -> Match | None:
    """A member of an object, read with the object's name (`caller.number`, `callee.number` of
    a call: the caller's number): the family whose word the two make together, the object's
    name first, when that word is the whole of them. The member's own word alone (`number`)
    says nothing, nor does the object's alone."""
    parent = _parent(col.finding, rec.dataset.name).replace("[]", "").rsplit(".", 1)[-1]
    words = rec.rules.spelled(split_name(parent)) if parent else ()
    if not words or not col.tokens:
        return None
    tokens = (*words, *col.tokens)
    match = _family_match(rec.rules, tokens, "", (), col.on_topic, rec.subject.kind == "person")
    if match is None or match[1] != _compact(tokens):
        return None
    return match


def _money_by_name(rec: Record, col: Column) -> bool:
    """Whether the column's own name or Chinese words (not its description) are an amount's."""
    found = _family_match(
        rec.rules, col.tokens, col.zh_text, (), col.on_topic, rec.subject.kind == "person"
    )
    return found is not None and found[0].family.id == MONEY_FAMILY


def _entry_reference(rules: SubjectRules, tokens: tuple[str, ...]) -> bool:
    """A column naming the entry by its number or key (`transaction_number`, `transfer_ref`: a
    ledger topic word, then a reference word): the entry's reference, not what moved."""
    topic = rules.families[min(rules.ledger)].topic
    return (
        len(tokens) >= 2
        and (tokens[-1] in rules.reference_tails or tokens[-1] in rules.ledger_references)
        and bool(set(tokens[:-1]) & topic)
    )


def _ledger_entry_word(rec: Record, col: Column) -> bool:
    """A column named by a ledger entry word (``ledger_entries``: `amount`, `balance`, `type`) at
    the top of the entry or inside an object of the entry itself (`transactionType.code`), not
    the kind of another thing it holds (`location.type`, `merchant.type`); or a member of the
    object giving the entry's kind of operation (``ledger_kinds``: `transactionType.deposit`,
    `transactionType.withdrawal`), which says what the entry did; or a member of the entry's
    money object (`amount.value`, `amount.currencyCode`)."""
    rules = rec.rules
    parent = _parent(col.finding, rec.dataset.name).replace("[]", "").rsplit(".", 1)[-1]
    if parent.lower() in rules.resource_attribute_objects:
        parent = ""  # JSON:API's `attributes`: the entry's own members, as at its top
    words = split_name(parent) if parent else ()
    if (
        words
        and words[-1] in rules.ledger_kinds
        and _compact(words) in rules.ledger_entries
        and col.tokens
    ):
        return True
    if (
        words
        and words[-1] not in rules.ledger_kinds
        and _compact(words) in rules.ledger_entries
        and col.tokens
    ):
        # a member of the entry's money object (`amount.value`, `amount.currencyCode`,
        # `balance.valueInBaseUnits`): how much moved and in which currency, the amount itself
        return True
    # a numbered second line of the same entry word (`zweck2`, `purpose_2`) is that word too
    tokens = col.tokens[:-1] if len(col.tokens) > 1 and col.tokens[-1].isdigit() else col.tokens
    if not (
        _compact(tokens) in rules.ledger_entries
        or any(w in col.zh_text for w in rules.ledger_entries_zh)
    ):
        return False
    if not parent:
        return True
    topic = rules.families[min(rules.ledger)].topic
    return _compact(words) in rules.ledger_entries or bool(set(words) & topic)


def _patients_money(rec: Record, col: Column, match: Match) -> Match:
    """A money column of a patient's record (``money_column``: `base_encounter_cost`,
    `totalcost`) that a health family claimed by a word of its own (`encounter`) or by the
    table's topic: the patient's expenses (family ``MONEY_FAMILY``), not their care."""
    if (
        rec.subject.role != "patient"
        or not match[0].family.element.startswith("pi.health.")
        or not money_column(rec.rules, col.tokens, col.zh_text)
    ):
        return match
    money = rec.rules.family(MONEY_FAMILY)
    return (money, col.finding.field.name) if money is not None else match


def _topic_first(rules: SubjectRules, col: Column) -> Match | None:
    """A column (not a key or bookkeeping) of a table on the topic of a family that claims its
    topic's every column first: a credit report's part (its place, employer and dates)."""
    if col.meta or not col.tokens or _comment_denies(rules, col.zh_text):
        return None
    name = col.finding.field.name
    return next(
        (
            (rules.families[k], name)
            for k in sorted(col.on_topic)
            if rules.families[k].family.topic_first
        ),
        None,
    )


def _care_place(rules: SubjectRules, col: Column, patient: bool) -> Match | None:
    """A hospital or clinic (`Hospital`, 接种单位) named on a record of a person's care: part of
    that health record (the first health family the record is on); on a patient's own row, where
    the patient is treated (their medical visits)."""
    health = col.on_topic & rules.health_families
    visit = rules.family(VISIT_FAMILY)
    if col.meta or not (health or (patient and visit is not None)):
        return None
    named = any(t in rules.care_places for t in col.tokens) or any(
        w in col.zh_text for w in rules.care_places_zh
    )
    if not named:
        return None
    fam = rules.families[min(health)] if health else visit
    return (fam, col.finding.field.name) if fam is not None else None


def names_impersonal_document(rules: SubjectRules, zh_text: str) -> bool:
    """A Chinese comment naming a permit or an acceptance check of a building or a business
    (``impersonal_documents``: 预售许可证号, 竣工验收备案编号): the project's, no one person's."""
    return any(w in zh_text for w in rules.impersonal_documents_zh)


def _comment_denies(rules: SubjectRules, zh_text: str) -> bool:
    """A Chinese comment whose first clause says the column is about no one person (a weighting,
    a priority, a headcount: `weight` '权重', 部门总人数), whatever word the family matched."""
    text = zh_text.strip()
    if not text:
        return False
    head = re.split(r"[,，;；:：(（]", text, maxsplit=1)[0]
    return any(w in head for w in rules.impersonal_zh) or names_impersonal_document(rules, text)


def _topic_match(rec: Record, col: Column) -> Match | None:
    """No family word: a column on a topic whose every column counts (flags, keys, events and
    counts of what the topic is about)."""
    rules, tokens, name, on_topic = rec.rules, col.tokens, col.finding.field.name, col.on_topic
    if not tokens or _service_part(rec, col):
        return None
    health = rec.health_document or col.section
    if health and tokens[-1] not in rules.reference_tails:
        # every field of a clinical document, or of a clinical section of a person's document
        # (an allergy, a problem, a medication: `medications[].isActive`), is part of it
        return rec.rules.families[min(health)], name
    care = _care_place(rules, col, rec.subject.role == "patient")
    if care is not None:
        return care
    if (not col.meta or _topic_flag(rules, tokens)) and not _names_other(
        rules, tokens, col.zh_text
    ):
        # on a topic whose every column counts, whether something held counts too
        return _all_on_topic(rules, on_topic, name)
    if _key_of_a_thing(rules, tokens, rec.bare) and not _parents_own_key(rec, col):
        return _all_on_topic(rules, on_topic, name, keys=True)
    if _compact(tokens) in rules.creation_columns:
        # an order's or a favourite's own creation time: when the person ordered or saved it
        return _record_created(rec, name)
    if _compact(tokens) in rules.event_columns:
        # an order's status and creation time: when the person acted and where it stands; in a
        # schema document of a person's care, the status of that care (an appointment scheduled,
        # a condition resolved) is part of it (a table's status column stays bookkeeping)
        found = _all_on_topic(rules, on_topic, name, keys=True)
        if found is None and rec.dataset.source_format in SCHEMA_DOCS:
            found = _all_on_topic(rules, on_topic & rules.health_families, name)
        return found
    if tokens[-1] in rules.counts and len(tokens) <= 3:
        # how much of a drug or procedure a patient had is health information too, and so is
        # how many of a thing a person bought (an order line's `quantity`, its `lineTotal`)
        found = _all_on_topic(rules, on_topic, name)
        element = rec.catalog.elements.get(found[0].family.element) if found else None
        if found is None or element is None:
            return None
        return found if element.sensitive or found[0].family.keys_on_topic else None
    return None


def _service_part(rec: Record, col: Column) -> bool:
    """A column naming the part of the service that recorded the row (``service_parts``:
    `app_id`, `server_name`) or a warehouse's load column (`_fivetran_id`): where the row was
    logged or loaded, not part of what the person did."""
    compact = _compact(col.tokens)
    return compact in rec.rules.service_parts or (
        col.top and load_column(rec.rules, rec.dataset, col.finding.field.name)
    )


def _parents_own_key(rec: Record, col: Column) -> bool:
    """``provider.providerId``: the key of the object it is nested in (the provider of a booking),
    not a thing the person chose."""
    parent = _parent(col.finding, rec.dataset.name).replace("[]", "").rsplit(".", 1)[-1]
    return bool(parent) and _compact(col.tokens[:-1]) == _compact(split_name(parent))


def _record_created(rec: Record, name: str) -> Match | None:
    """The family of a table that is itself one of a person's records on a family's topic whose
    keys count (`orders`, `tb_order`, `user_collection`: its last name word is the topic word), not
    its lines or a cart (`orderitem`, `shopping`)."""
    rules = rec.rules
    tokens = [t for t in split_name(rec.bare) if t not in rules.table_tails and not t.isdigit()]
    if not tokens:
        return None
    for k in sorted(rec.table_topic):
        family = rules.families[k]
        if family.family.keys_on_topic and tokens[-1] in family.topic:
            return family, name
    return None


def _employer_rule(rec: Record, col: Column) -> FieldFinding | None:
    """``subject-family``: on a record of employees, a column naming an organisation (所属医院,
    `company`) is where the person works: their employer, not the organisation's own data."""
    rules, fld = rec.rules, col.finding.field
    kind = (fld.data_type or "").lower()
    if (
        rec.subject.role != "employee"
        or col.meta
        or not col.top
        or not any(t in kind for t in _TEXT_TYPES)  # a name, not a count or a key
        or _comment_denies(rules, col.zh_text)
    ):
        return None
    named = next((t for t in col.tokens if t in rules.organisation), None) or next(
        (w for w in rules.organisation_zh if w in col.zh_text), None
    )
    element = rec.catalog.elements.get("pi.education_work.employer")
    if named is None or element is None:
        return None
    why = msg("subject.employer", column=fld.name, word=named)
    ev = Evidence("context", "subject-family", _because(rec.context, why), element.id, W_FAMILY)
    return _as_element(col.finding, element, ev)


def _post_key_rule(rec: Record, col: Column) -> FieldFinding | None:
    """``subject-post-key``: on a person's record, the key of a post (`job_id`, `position_id`)
    says which job the person holds or applies for: their occupation (GB/T 35273 Annex A
    个人教育工作信息), although the value is a number."""
    tokens = col.tokens
    if (
        not rec.subject.about_person
        or rec.subject.indirect
        or not col.top
        or len(tokens) != 2
        or tokens[0] not in rec.rules.posts
        or tokens[1] not in rec.rules.reference_tails
        or _compact(tokens) == rec.own_key
    ):
        return None
    why = msg("subject.post_key", column=col.finding.field.name)
    return _claimed(rec, col, "pi.education_work.occupation", "subject-post-key", why)


def _claimed(rec: Record, col: Column, element_id: str, rule: str, why: str) -> FieldFinding | None:
    """``col`` as the catalog's element ``element_id``, by ``rule`` for the reason ``why`` (None
    when the catalog has no such element)."""
    element = rec.catalog.elements.get(element_id)
    if element is None:
        return None
    ev = Evidence("context", rule, _because(rec.context, why), element.id, W_FAMILY)
    return _as_element(col.finding, element, ev)


def _contribution_rule(rec: Record, col: Column) -> FieldFinding | None:
    """``subject-family``: on a person's row, a pinyin compound of a social insurance or fund and
    the party paying into it (`yanglaoyg`, `zhufangqy`) is a contribution to that person's
    insurance: part of their pay (family ``finance.salary``)."""
    if not rec.people and rec.subject.role != "employee":
        return None
    if len(col.tokens) != 1 or not col.top:
        return None
    word = rec.rules.contribution(col.tokens[0])
    fam = rec.rules.family("finance.salary")
    if word is None or fam is None:
        return None
    return _in_family(rec, col.finding, fam, word)


def _event_time_rule(rec: Record, col: Column) -> FieldFinding | None:
    """``subject-event-time``: on a record of a person's events (a fee paid for their house, a
    repair they asked for, a daily report), a date or time column (by its last word or its
    declared type: `date_in`, `check_out` DATE) other than bookkeeping is when
    that event of the person happened (the person's activity record); on a record of the
    person's care (a prescription 处方, an admission), the time of that care, health information."""
    rules, tokens = rec.rules, col.tokens
    if (
        rec.subject.kind != "person_linked"
        or col.meta
        or not col.top
        or len(tokens) < 2
        or not (tokens[-1] in rules.event_suffixes or _dated(col))
        or any(t in rules.bookkeeping or t in rules.handlers for t in tokens[:-1])
        or any(rules.role_of(t) for t in tokens[:-1])  # someone else's date (`doctor_date`)
        or any(t in rules.not_events for t in tokens[:-1])  # a duration, a statistics run
        or any(w in col.zh_text for w in rules.not_events_zh)
    ):
        return None
    health = rec.table_topic & rules.health_families
    care = rules.families[min(health)].family.element if health else None
    record = _sensitive_record(rec) if care is None else None
    element = rec.catalog.elements.get(care or "pi.online_activity.usage_record")
    if record is not None:
        # when a repayment fell or falls due, when a guest checked out: a detail of the
        # person's loan or stay
        element = record[0]
    if element is None:
        return None
    why = msg("subject.event_time", column=col.finding.field.name)
    ev = Evidence("context", "subject-event-time", _because(rec.context, why), element.id, W_FAMILY)
    return _as_element(col.finding, element, ev)


def _message_party_rule(rec: Record, col: Column) -> FieldFinding | None:
    """``subject-message-party``: on a record of messages between persons (the message family
    on the table's topic: `im_message_send`, `chat_log`), the sender's and the recipient's keys
    (`from_id`, `to_uid`, `sender_id`: ``message_store_senders``/``_recipients`` before a key
    suffix) and the time the message was written (``message_times``: `created`, `send_time`)
    are the communication record itself (GB/T 35273-2020 Annex B: 通信记录), whoever they name."""
    rules, tokens = rec.rules, col.tokens
    message = rec.table_topic & rules.message_family
    if not message or not rules.message_store or not tokens:
        return None
    _bodies, senders, recipients = rules.message_store
    if not col.top:
        # a member nested inside the sender or a recipient of a message (`sender.client`,
        # `recipients[].user.uuid` of a protobuf message): who sent it and to whom
        if _party_member(rec, col) not in senders | recipients:
            return None
        party = True
    else:
        party = (
            len(tokens) >= 2
            and tokens[-1] in rules.reference_tails
            and _compact(tokens[:-1]) in senders | recipients
        )
    compact = _compact(tokens)
    if not party and compact not in rules.message_times:
        return None
    element = rec.catalog.elements.get(rules.families[min(message)].family.element)
    if element is None:
        return None
    why = msg("subject.message_party", column=col.finding.field.name)
    ev = Evidence(
        "context", "subject-message-party", _because(rec.context, why), element.id, W_FAMILY
    )
    return _as_element(col.finding, element, ev)


def _party_member(rec: Record, col: Column) -> str:
    """The top-level member of a schema document a nested member sits in (`sender` of
    `NewOtrMessage.sender.client`), as a compact name; empty for a column."""
    prefix = f"{rec.dataset.name}."
    pointer = col.finding.field.pointer
    rest = pointer[len(prefix) :] if pointer.startswith(prefix) else ""
    head, dot, _ = rest.partition(".")
    return _compact(split_name(head.removesuffix("[]"))) if dot and head else ""


def _dated(col: Column) -> bool:
    """A column declared as a date or time (`date_in`, `check_out` DATE): a moment, whatever
    its name ends with."""
    return field_kind(col.finding.field.data_type) == "date"


def _log_entry_rule(rec: Record, col: Column) -> FieldFinding | None:
    """``subject-log-entry``: on a log of a person's actions (an audit, a login or an activity
    log whose rows point at who acted), the action taken, the data it changed and the time it
    was logged (`action`, `old_data`, `created_at`) are that person's activity record."""
    rules = rec.rules
    if (
        rec.subject.kind != "person_linked"
        or not col.top
        or _compact(col.tokens) not in rules.log_entries
        or not (
            any(t in rules.activity for t in rec.table_tokens)
            or any(w in (rec.dataset.comment or "") for w in rules.activity_zh)
        )
    ):
        return None
    why = msg("subject.log_entry", column=col.finding.field.name)
    return _claimed(rec, col, "pi.online_activity.usage_record", "subject-log-entry", why)


#: Elements that show a row is one identifiable person: their name, identifiers, birth date,
#: sex, mobile and e-mail.
_ANCHORS = (
    "pi.identity.",
    "pi.profile.birth_date",
    "pi.profile.gender",
    "pi.contact.mobile",
    "pi.contact.email",
)


def _anchor(finding: FieldFinding) -> bool:
    """Whether ``finding`` is one of the person's identity columns by a word of its own (a
    generic word such as ``name`` that only the table's subject made PI does not count)."""
    return (
        finding.personal
        and (finding.element or "").startswith(_ANCHORS)
        and any(
            ev.rule.startswith(("name-", "comment-")) and not ev.rule.startswith("name-weak")
            for ev in finding.evidence
        )
    )


def _state_flag(rules: SubjectRules, col: Column) -> bool:
    """A yes/no column (or an untyped one) named by one word of how the application treats the
    record (`archived`, `anonymized`, `public`: ``record_state_flags``)."""
    fld = col.finding.field
    return (
        len(col.tokens) == 1
        and col.tokens[0] in rules.record_state_flags
        and (not fld.data_type or field_kind(fld.data_type) == "bool")  # dbt: often untyped
    )


def _about_the_person(rules: SubjectRules, col: Column) -> bool:
    """Whether a column may be about the row's person: not a key, flag or bookkeeping, not about
    the record itself (its source, the coding system of its codes), and with words to read."""
    zh = col.zh_text.strip()
    return not (
        col.meta
        or not (col.tokens or zh)
        or _state_flag(rules, col)
        or zh.startswith(rules.meta_zh)
        or names_impersonal_document(rules, zh)  # a building's permit (预售许可证号)
        or _compact(col.tokens) in rules.record_columns
        or _compact(col.tokens) in rules.value_statistics
        or any(w in zh for w in (*rules.code_system_zh, *rules.record_columns_zh))
    )


def _attributes(
    rec: Record, findings: list[FieldFinding], envelope: frozenset[str]
) -> list[FieldFinding]:
    """``subject-person-attribute``: on a row that is one person (subject ``person``) and that
    identifies them (two or more columns are their name, identifiers, birth date, sex, mobile
    or e-mail, or it is the signed-in caller's own account, `GET /api/v1/me`; and some are the
    row's own, not all nested objects), a column no
    other rule claims and that is not a key, a flag, bookkeeping or a thing's (negative
    evidence) is still information relating to that person (PIPL Art. 4): other information
    about the person. Person-linked rows (events, belongings) are left to the other rules."""
    element = rec.catalog.elements.get("pi.other.person_attribute")
    top = f"{rec.dataset.name}."
    anchors = sum(1 for f in findings if _anchor(f))
    wrapper = _wrapper(rec, findings)
    own = any("." not in f.field.pointer.removeprefix(wrapper or top) for f in findings)
    linked = (
        rec.subject.kind == "person_linked"
        and not rec.subject.indirect
        and _wearable_word(rec.rules, rec.dataset) is None  # (``subject-wearable-measure``)
        and medical_device_word(rec.rules, rec.dataset) is None
    )
    # the caller's own account (`GET /api/v1/me`) is one person's record whatever it shows
    caller = rec.subject.kind == "person" and caller_self_word(rec.dataset, rec.rules) is not None
    identified = rec.subject.kind == "person" and (caller or anchors >= 2)
    if element is None or not (linked or (identified and own)):
        return findings  # (a document of objects only is a library of types, not a row)
    if linked and _record_by_topic(rec):
        return findings  # its other columns are the system's own (``_record_by_topic``)
    if linked and _care_staff_only(rec.dataset, rec.subject, rec.rules):
        return findings  # the care the staff on duty give, not their attributes
    hyperlinks = _link_objects(findings, rec.rules)
    series = _numbered_series(findings)
    care = _care_record(rec, linked)
    record = _sensitive_record(rec) if linked and care is None else None
    out: list[FieldFinding] = []
    for finding in findings:
        name = finding.field.name
        given = _care_key(finding, rec.catalog) if care is not None else None
        if given is not None and not finding.personal and not _row_key(rec, name):
            why = msg("subject.patient_record", column=name)
            ev = Evidence(
                "context", "subject-care-key", _because(rec.context, why), given.id, W_FAMILY
            )
            out.append(_as_element(finding, given, ev))
            continue
        held = None if finding.personal else _held_key(rec, finding)
        if (
            finding.personal
            or (linked and _ruled_out(finding))
            or name.startswith(("@", "$"))
            or name in _SCHEMA_KEYWORDS
            or name.lower() in envelope
            or name.lower() in rec.rules.link_containers
            or _from_values(finding)
            or any(
                ev.source == "negative"
                and not _own_date(rec, ev)
                and not (held is not None and ev.rule == "name-reference")
                for ev in finding.evidence
            )
            or _in_hyperlink(finding, hyperlinks)
            or name in series
        ):
            out.append(finding)
            continue
        col = Column.of(rec, finding)
        if held is None and (
            not _about_the_person(rec.rules, col)
            or (linked and not _of_linked_row(rec, col, wrapper))
        ):
            out.append(finding)
            continue
        chosen, why = element, msg(held or "subject.person_attribute", column=name)
        guess = _thing_table_guess(finding, rec.catalog) if linked else None
        if guess is not None and guess[0].id.startswith(_ANCHORS):
            # a person's identifier left out only for the table's name (`nino` of a
            # `POST…PeriodRequest`): on the person's record it is what its words say, also
            # on a record of their care
            chosen = guess[0]
        elif care is not None:
            chosen, why = care, msg("subject.patient_record", column=name)
        elif record is not None:
            chosen, why = record[0], msg("subject.sensitive_record", column=name, kind=record[1])
        ev = Evidence(
            "context", "subject-person-attribute", _because(rec.context, why), chosen.id, W_FAMILY
        )
        out.append(_as_element(finding, chosen, ev))
    return out


def ledger_details(
    findings: Sequence[FieldFinding], dataset: Dataset, subject: Subject, catalog: Catalog
) -> list[FieldFinding]:
    """The findings of ``dataset`` with the details of a person's account entries made
    sensitive (``_ledger_details``), run after every other step has found what is personal."""
    if subject.kind != "person_linked":
        return list(findings)
    rec = Record.of(dataset, subject, catalog, rules_for(catalog), frozenset())
    return _ledger_details(rec, list(findings))


def _ledger_details(rec: Record, findings: list[FieldFinding]) -> list[FieldFinding]:
    """``subject-ledger-record``: on a record of a person's account (one that names the
    account: a bank statement line, a wallet's movement, the account itself), a member of one of
    its money objects (an object holding a currency beside its value: `foreignAmount.value`,
    `roundUp.boostPortion.currencyCode`, `balance.valueInBaseUnits`) that no rule found
    personal, or only as a general element (``ledger_detail_elements``), is, on an entry (the topic
    of family ``LEDGER_FAMILY``), an amount of the person's transaction record, and anywhere
    on the account, when the object is named a balance (``money_balances``), what the person
    holds there (GB/T 35273-2020 Annex B, property information: 交易记录, 流水记录, 存款信息):
    sensitive as the entry's own amount is. Money of another party or resource
    (``ledger_detail_outside``: a merchant's, a linked resource's) and a request's parameters
    are not the account's."""
    rules = rec.rules
    if rec.subject.kind != "person_linked" or not rec.names_account:
        return findings
    if set(split_name(rec.dataset.name)[-1:]) & rules.ledger_detail_outside:
        return findings  # a request's parameters (`filter[since]`): what is asked, not an entry
    money = _money_objects(rec)
    if not money:
        return findings
    kinds = rules.ledger & rec.table_topic
    entry = rec.catalog.elements.get(rules.families[min(kinds)].family.element) if kinds else None
    held = rec.catalog.elements.get(BALANCE_ELEMENT)
    out: list[FieldFinding] = []
    for finding in findings:
        fld = finding.field
        parent = fld.pointer.rpartition(".")[0].removesuffix("[]")
        rel = fld.pointer.removeprefix(f"{rec.dataset.name}.")
        steps = {s.replace("[]", "").lower() for s in rel.split(".")[:-1]}
        named = _compact(split_name(parent.rpartition(".")[2]))
        element = held if named in rules.money_balances else entry
        if (
            element is None
            or not element.sensitive
            or parent not in money
            or finding.sensitive
            or (finding.personal and finding.element not in rules.ledger_detail_elements)
            or steps & (rules.link_containers | rules.ledger_detail_outside)
        ):
            out.append(finding)
            continue
        kind = Words(element.names.en, element.names.zh)
        why = msg("subject.sensitive_record", column=fld.name, kind=kind)
        ev = Evidence(
            "context", "subject-ledger-record", _because(rec.context, why), element.id, W_FAMILY
        )
        out.append(_as_element(finding, element, ev))
    return out


def _money_objects(rec: Record) -> frozenset[str]:
    """The pointers of the objects of a document that are sums of money: a currency member
    (``money_currencies``: `currency`, `currencyCode`) beside at least one other member."""
    members: dict[str, set[str]] = {}
    for fld in rec.dataset.fields:
        parent = fld.pointer.rpartition(".")[0].removesuffix("[]")
        if parent and parent != rec.dataset.name:
            members.setdefault(parent, set()).add(_compact(split_name(fld.name)))
    return frozenset(
        p for p, m in members.items() if m & rec.rules.money_currencies and len(m) >= 2
    )


def _held_key(rec: Record, finding: FieldFinding) -> str | None:
    """A key column that says what a person holds rather than keying the row, with the message
    that says so: the key of a role, group or permission (`role_id`, `RoleId`, `permission_id`)
    on a person's row or on a row assigning one to a person (`sys_user_role`): the roles and
    permissions they hold; and on the row of a person of a known role (an employee, a customer,
    a patient) a key of another record (`jobLevelId`, `posId`, `card_id`, `papersID`): their
    job level, post, card or document. (A schema document's keys, `messageId`, are the
    message's.)"""
    fld, rules = finding.field, rec.rules
    tokens = rules.spelled(split_name(fld.name))
    if (
        len(tokens) < 2
        or tokens[-1] not in rules.reference_tails
        or fld.pointer != f"{rec.dataset.name}.{fld.name}"
        or _row_key(rec, fld.name)
    ):
        return None
    if all(t in rules.authority_words for t in tokens[:-1]):
        return "subject.authority_key"
    if (
        rec.subject.kind == "person"
        and rec.subject.role is not None
        and rec.dataset.source_format not in SCHEMA_DOCS  # a table's row, not a message
        and not any(t in rules.organisation for t in tokens)  # `ClinicID`: where, not what
    ):
        return "subject.held_key"
    return None


def care_general(
    findings: list[FieldFinding], rec: Record | None, rules: SubjectRules
) -> list[FieldFinding]:
    """``subject-care-record``: on a record of a patient's care (keyed by a patient: their
    appointment, prescription, family history), a column another rule gave a general element
    (subjects ``care_record_general_elements``: when it happened — a column that is a moment,
    ``care_record_times`` —, a free-text note) is the care the patient received, the element of
    their medical visits: health information (`appointment.time` 预约时间, a prescription's
    `date_written`, a family history's `note`); not on a patient's bill, payment or insurance
    claim (``care_record_money_tables``). Applied after the table's topic is settled, so
    these columns do not make the whole row a record of care. ``rec`` is None where the
    dataset is not a patient's record (``patient_record``)."""
    care = _care_record(rec, True) if rec is not None else None
    if rec is None or care is None or not care.sensitive:
        return findings
    if any(t in rules.care_money for t in rec.table_tokens) or any(
        w in (rec.dataset.comment or "") for w in rules.care_money_zh
    ):
        # a bill or claim: only the dates of the care it bills (``care_record_service_dates``)
        return [_as_care(rec, care, f) if _service_date(rules, f) else f for f in findings]
    return [
        _as_care(rec, care, f) if _general(rules, f) and not _money(rules, f) else f
        for f in findings
    ]


#: Letters a word of care must have to be found run together with others (`currentillness`).
_RUN_TOGETHER = 5


def _service_date(rules: SubjectRules, finding: FieldFinding) -> bool:
    """Whether a column of a patient's bill or claim is the date of the care billed
    (`servicedate`, `fromdate`, `DateFrom`): a general time (``care_record_times``) whose name
    holds a word of care (``care_record_service_dates``), also run together
    (`currentillnessdate`)."""
    if not (finding.personal and finding.element in rules.care_times and _a_time(rules, finding)):
        return False
    tokens = split_name(finding.field.name)
    if any(t in rules.care_service_dates for t in tokens[:-1]):
        return True
    if len(tokens) > 1 and tokens[0] in rules.event_suffixes:
        # the time word first (`DateFrom`, `date_of_service`): the words after it say of what
        return any(t in rules.care_service_dates for t in tokens[1:])
    head = "".join(tokens)
    while True:  # `fromdatedatetime` → `from`, `currentillnessdate` → `currentillness`
        cut = next((s for s in rules.event_suffixes if head.endswith(s) and head != s), None)
        if cut is None:
            break
        head = head[: -len(cut)]
    return head != "".join(tokens) and any(
        head == w or (len(w) >= _RUN_TOGETHER and (head.endswith(w) or head.startswith(w)))
        for w in rules.care_service_dates
    )


def _money(rules: SubjectRules, finding: FieldFinding) -> bool:
    """Whether a column's own name or comment says money (`pay_time` 支付时间)."""
    fld = finding.field
    return any(t in rules.care_money for t in split_name(fld.name)) or any(
        w in (fld.comment or "") for w in rules.care_money_zh
    )


def patient_record(
    dataset: Dataset, subject: Subject, catalog: Catalog, rules: SubjectRules
) -> Record | None:
    """What a person-linked dataset of a patient says about its rows (None for any other)."""
    if subject.kind != "person_linked" or subject.indirect or subject.role != "patient":
        return None
    return Record.of(dataset, subject, catalog, rules, frozenset())


def _general(rules: SubjectRules, finding: FieldFinding) -> bool:
    """Whether a finding holds a general element of a record of care (``care_general``)."""
    return (
        finding.personal
        and finding.element in rules.care_general
        and (finding.element not in rules.care_times or _a_time(rules, finding))
    )


def _as_care(rec: Record, care: Element, finding: FieldFinding) -> FieldFinding:
    why = msg("subject.patient_record", column=finding.field.name)
    ev = Evidence("context", "subject-care-record", _because(rec.context, why), care.id, W_FAMILY)
    return _as_element(finding, care, ev)


def _a_time(rules: SubjectRules, finding: FieldFinding) -> bool:
    """Whether a column is a moment: declared as a date or time, or named by a word of one
    (`visit_date`, `StartTime`, `time` 预约时间)."""
    tokens = split_name(finding.field.name)
    return field_kind(finding.field.data_type) == "date" or (
        bool(tokens) and tokens[-1] in rules.event_suffixes
    )


def _row_key(rec: Record, name: str) -> bool:
    """The row's own key: its primary key, or named after the table (`drug_exposure_id`)."""
    return name.lower() == rec.own_key or _compact(split_name(name)) == _compact(
        (*split_name(rec.bare), "id")
    )


def _care_key(finding: FieldFinding, catalog: Catalog) -> Element | None:
    """The health element a key column of a patient's record of care names (`med_id` of the
    medicines given at a visit, `allergy_med_id` '过敏药物'), left out only because it is a key
    (``name-reference``) or a whole number (``type-gate``): the key of the drug given or the
    allergen is that health information of the patient."""
    ruled = {ev.rule for ev in finding.evidence if ev.source in ("negative", "type")}
    if not ruled or not ruled <= {"name-reference", "type-gate"}:
        return None
    for ev in finding.evidence:
        if ev.source not in ("negative", "type", "context") and (ev.element or "").startswith(
            "pi.health."
        ):
            return catalog.elements.get(ev.element or "")
    return None


def _own_date(rec: Record, ev: Evidence) -> bool:
    """Negative evidence that only says a date is the time of something (`PASSPORT_DATE`: when
    the passport was issued, not its number), on a row that is one person: the date of a thing
    of theirs is still about them."""
    return rec.subject.kind == "person" and ev.rule == "name-event-time"


def _care_record(rec: Record, linked: bool) -> Element | None:
    """On a record keyed by a patient (their appointment, prescription, allergy, registration),
    or a person's record named after their health (`customer_health`, 健康档案: a resident's
    illness history and self-care ability), the element a column no other rule claims belongs
    to: the person's medical visits and care, health information (GB/T 35273 Annex B), rather
    than other information about them. (Money columns — a fee, a total — are claimed first by
    the finance families.)"""
    if not linked:
        return None
    if rec.subject.role != "patient" and not _named_for_health(rec):
        return None
    visit = rec.rules.family(VISIT_FAMILY)
    return rec.catalog.elements.get(visit.family.element) if visit is not None else None


def _sensitive_record(rec: Record) -> tuple[Element, Words] | None:
    """On a row keyed by a person and on the topic of a kind of record whose every detail is
    sensitive (``sensitive_record_families``: a borrower's loan, a part of their credit report,
    the property they own or register, a hotel guest's stay), the element of that record and
    the record's name: a column no family word claims (a loan's remittance receipt, a
    repayment's `no`, the days a guest booked) is a detail of that record (GB/T 35273 Annex B:
    个人财产信息, 住宿信息), not merely other information about the person. None on any other
    row."""
    rules = rec.rules
    kinds = rec.table_topic & rules.sensitive_records
    if not kinds:
        return None
    family = rules.families[min(kinds)].family
    element = rec.catalog.elements.get(family.element)
    if element is None or not element.sensitive:
        return None
    return element, Words(family.names.en, family.names.zh)


def _named_for_health(rec: Record) -> bool:
    """Whether the table's name or Chinese comment is a word of health information
    (`customer_health`, 健康档案)."""
    comment = rec.dataset.comment or ""
    if any(w in comment for w in rec.rules.goods_records_zh):
        for word in rec.rules.goods_health_lookalikes_zh:  # 采购单异常日志: an order's exceptions
            comment = comment.replace(word, " ")
    # a word marking the name as a table's, before the words that say what it holds
    # (`tb_requirement`, `dr_tb_requirement`), names no illness (`tb`: not tuberculosis)
    words = split_name(rec.bare)
    tokens = tuple(t for t in words[:-1] if t not in rec.rules.table_name_prefixes) + words[-1:]
    for words in rec.rules.topic_lookalikes:  # `billing_cycle`: a bill's, not a menstrual cycle
        if words and set(words) <= set(tokens):
            tokens = tuple(t for t in tokens if t not in words)
    match = _family_match(
        rec.rules,
        tokens,
        comment if has_cjk(comment) else "",
        (),
        frozenset(),
        False,
    )
    return match is not None and rec.rules.position(match[0]) in rec.rules.health_families


def _wrapper(rec: Record, findings: list[FieldFinding]) -> str:
    """The prefix of the one object every field of a schema document sits in (`Req`, `Resp`,
    `data`: an API's request or response wrapped around one record), or "" when there is none.
    Inside it, the fields and the objects that are not lists (`withdrawlsInfo`, `indiAcctInfo`)
    are sections of that one record."""
    top = f"{rec.dataset.name}."
    if rec.dataset.source_format not in SCHEMA_DOCS or not findings:
        return ""
    rels = [f.field.pointer.removeprefix(top) for f in findings]
    heads = {rel.split(".", 1)[0] for rel in rels}
    if len(heads) != 1 or not all("." in rel for rel in rels):
        return ""
    head = heads.pop()
    return "" if head.endswith("[]") else f"{top}{head}."


def _of_linked_row(rec: Record, col: Column, wrapper: str = "") -> bool:
    """Whether a column of a record that points at its person (an event, a belonging) may be
    about that person: a field of the record itself, not of an object nested in a document
    (unless a section of the object that wraps the record, ``_wrapper``, and not in a list); not
    a yes/no flag (``TINYINT(1)``, boolean); not a column naming someone else (a ``doctor`` of a
    patient's visit, an organisation)."""
    rules = rec.rules
    pointer = col.finding.field.pointer
    section = bool(wrapper) and pointer.startswith(wrapper) and "[]" not in pointer
    if not (col.top or section) or field_kind(col.finding.field.data_type) == "bool":
        return False
    if _names_other(rules, col.tokens, col.zh_text):
        return False
    roles = {rules.role_of(t) for t in col.tokens} - {None}
    return not roles or roles <= {rec.subject.role}


def _numbered_series(findings: list[FieldFinding]) -> frozenset[str]:
    """Columns of a dated series (`total201906`, `total201907`, `total201908`: one column a
    month or a year): a table pivoted into figures per period, not attributes of a person.
    Three or more columns sharing a stem make a series; short numbers (`answer1`) do not."""
    stems: dict[str, list[str]] = {}
    for f in findings:
        match = _NUMBERED.fullmatch(f.field.name)
        if match is not None:
            stems.setdefault(match.group(1).lower(), []).append(f.field.name)
    return frozenset(n for names in stems.values() if len(names) >= 3 for n in names)


#: A name ending in a year or a year and month (`total2019`, `profit_201906`).
_NUMBERED = re.compile(r"(.*?[A-Za-z])_?((?:19|20)\d{2}(?:0[1-9]|1[0-2])?)")


def _ruled_out(finding: FieldFinding) -> bool:
    """A rule has already said that the field is not personal: its declared type cannot hold
    what its name says (``type-gate``: a ``TINYINT(1)`` named `mobile`)."""
    return any(ev.rule == "type-gate" for ev in finding.evidence)


def _in_hyperlink(finding: FieldFinding, hyperlinks: dict[str, str]) -> bool:
    """A member of a hyperlink object (``_link_objects``), or an object holding hyperlinks."""
    pointer = finding.field.pointer
    return pointer.rpartition(".")[0] in hyperlinks or any(
        h == pointer or h.startswith(pointer + ".") for h in hyperlinks
    )


#: JSON Schema keywords that a schema may list among its properties: structure, not data.
_SCHEMA_KEYWORDS = frozenset(
    {"additionalProperties", "patternProperties", "properties", "items", "required", "definitions"}
)

#: The rules for a field not yet found to be PI, in the order they are tried.
_COLUMN_RULES: tuple[Callable[[Record, Column], FieldFinding | None], ...] = (
    _coded_attribute_rule,
    _weak_name_rule,
    _staff_name_rule,
    _person_name_rule,
    _name_member_rule,
    _family_rule,
    _employer_rule,
    _post_key_rule,
    _contribution_rule,
    _message_party_rule,
    _event_time_rule,
    _log_entry_rule,
    _comment_role_rule,
)


def _category(catalog: Catalog, element: Element) -> Words:
    """An element's category name, in both languages (lower-case in English)."""
    return Words(
        catalog.category_name(element.category).lower(),
        catalog.category_name(element.category, "zh"),
    )
