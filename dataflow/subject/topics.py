"""Attribute families: the topics a table is on and the family a field's words belong to (memoised)."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re

from dataflow.detect.metadata import has_cjk
from dataflow.detect.metadata.words import fold, pinyin_parts, spells_otherwise
from dataflow.model import Dataset, Field, Subject, Words, top_level
from dataflow.subject.own import _bare
from dataflow.subject.rules import (
    SCHEMA_DOCS,
    VISIT_FAMILY,
    SubjectRules,
    _compact,
    _FamilyIndex,
    split_name,
)


def without_lookalikes(rules: SubjectRules, tokens: frozenset[str]) -> frozenset[str]:
    """The words of a name less those of a phrase that only looks like a topic
    (``topic_lookalikes``: `credit note`, `audit trail`)."""
    for words in rules.topic_lookalikes:
        if words and set(words) <= tokens:
            tokens = tokens - set(words)
    return tokens


#: The shortest topic word read inside a glued name word (`requestloan`: loan).
_SHORTEST_GLUED_TOPIC = 4


def _glued_topics(rules: SubjectRules, tokens: frozenset[str]) -> frozenset[str]:
    """The words of a name with each word that glues a head (``glued_name_heads``: request,
    approve, user…) to a topic word of at least four letters also read as that topic word
    (`requestloan`, `loanrequest`: loan). A word that is itself a topic word stays whole."""
    index = _topic_index(rules)
    found: set[str] = set()
    for token in tokens:
        if token in index or not token.isalpha():
            continue
        for head in rules.glued_name_heads:
            rest = ""
            if token.startswith(head):
                rest = token[len(head) :]
            elif token.endswith(head):
                rest = token[: -len(head)]
            if len(rest) >= _SHORTEST_GLUED_TOPIC and rest in index:
                found.add(rest)
                break
    return tokens | found if found else tokens


@functools.lru_cache(maxsize=1 << 14)
def _table_topic(rules: SubjectRules, tokens: frozenset[str], comment: str) -> frozenset[int]:
    """The families a table is on, by its name and its comment. Where a Chinese comment names a
    topic and an English name word another (`tp_check_project` '考核项目': an appraisal, not a
    health check), the comment, the more precise of the two, wins. A name that only looks like a
    topic (`audit_trail`: ``topic_lookalikes``) does not put the table on it, nor does a health
    word of a name whose Chinese comment names the inspection of things (``topic_lookalikes_zh``:
    `inspection_record` '巡检记录表')."""
    tokens = without_lookalikes(rules, _glued_topics(rules, tokens))
    by_name = _on_topic(rules, tokens, "")
    if comment and not has_cjk(comment):
        # an English description saying what each row is ('Table capturing all recorded
        # pageviews'): on the topic of the kind of record it names, with the name's topics
        return by_name | described_kinds(rules, comment)[0]
    by_comment = _on_topic(rules, frozenset(), fold(comment)) if has_cjk(comment) else frozenset()
    if by_comment & rules.health_families and not _health_beyond_loose(rules, comment):
        # '案件分配结果临时表', '审核结果表': the result of an allocation or a review, not a test
        by_comment = frozenset(k for k in by_comment if k not in rules.health_families)
    if by_comment & rules.health_families and not _health_beyond_goods(rules, comment):
        # '采购单异常日志': the exceptions of a purchase order, not a test's abnormal results
        by_comment = frozenset(k for k in by_comment if k not in rules.health_families)
    if by_name and any(w in comment for w in rules.topic_lookalikes_zh):
        # `inspection_record` '巡检记录表': a patrol of equipment, not a health examination
        by_name = frozenset(k for k in by_name if k not in rules.health_families)
    if not by_comment or by_name <= by_comment:
        return by_name | by_comment
    return by_comment | frozenset(k for k in by_name if not rules.families[k].family.all_on_topic)


def _health_beyond_goods(rules: SubjectRules, comment: str) -> bool:
    """Whether a Chinese table comment naming a goods record (``goods_records_zh``: 订单, 采购单)
    is on a health topic by more than the words of that record's exceptions and checks
    (``goods_health_lookalikes_zh``: 异常, 检验); True for any other comment. 药品订单 is."""
    if not any(w in comment for w in rules.goods_records_zh):
        return True
    text = fold(comment)
    for word in rules.goods_health_lookalikes_zh:
        text = text.replace(word, " ")
    return bool(_on_topic(rules, frozenset(), text) & rules.health_families)


def _health_beyond_loose(rules: SubjectRules, comment: str) -> bool:
    """Whether a Chinese table comment is on a health topic by more than a word naming a result
    or a report of anything (``health_topic_lookalikes_zh``: 结果, 报告): 体检结果 and 检验报告
    are, 审核结果 and 分配结果 are not."""
    text = fold(comment)
    for word in rules.health_topic_lookalikes_zh:
        text = text.replace(word, " ")
    return bool(_on_topic(rules, frozenset(), text) & rules.health_families)


#: Where an English description says what its rows are: 'Each record represents an individual
#: outbound or inbound message', 'Table capturing all recorded pageviews', 'FHIR Bundle
#: containing … a list of matching immunisations'; the words after it (up to five) name the
#: record.
_DESCRIBED_ROWS = re.compile(
    r"\b(?:each (?:record|row|entry)(?: in (?:this|the) (?:table|model|dataset|view))?"
    r" (?:represents|is|describes|reflects|records|holds|contains)"
    r"|(?:table|model|dataset|view|list|log|history|collection)"
    r" (?:of|capturing|containing|storing|holding|recording|listing|tracking|logging)"
    r"|(?:one|a) (?:row|record) (?:per|for each))"
    r"\s+(?:(?:a|an|one|the|all|every|each|single|individual|unique|distinct)\s+)*"
    r"((?:[a-z][a-z-]*\s+){0,4}[a-z][a-z-]*)",
    re.IGNORECASE,
)
#: Where the noun phrase of such a statement ends and what qualifies it begins ('a message
#: between two users', 'a page view by a visitor'); 'and' and 'or' join two records of a kind
#: ('outbound or inbound message', 'immunisations and associated patients').
_DESCRIBED_END = re.compile(
    r"\s(?:in|of|from|for|with|at|on|by|to|between|among|per|as|that|which|who|whose|"
    r"matching|where|when)\s",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1 << 12)
def described_kinds(rules: SubjectRules, comment: str) -> tuple[frozenset[int], str]:
    """The kinds of sensitive record (``record_kinds``: a message, a page view, a call, an
    immunisation) that an English description says its rows are, with the phrase saying it;
    nothing for a description of something else, or of what such records are made of (a message
    template, a drug: ``record_definitions``, ``health_things``)."""
    if not rules.record_kinds:
        return frozenset(), ""
    match = _DESCRIBED_ROWS.search(comment)
    if match is None:
        return frozenset(), ""
    phrase = _DESCRIBED_END.split(f"{match.group(1)} ", 1)[0].strip()
    tokens = frozenset(split_name(phrase))
    if not tokens or tokens & (rules.record_definitions | rules.health_things):
        return frozenset(), ""
    return _on_topic(rules, tokens, "") & rules.record_kinds, phrase


def name_tokens(
    rules: SubjectRules, dataset: Dataset, tokens: frozenset[str], care: bool = False
) -> frozenset[str]:
    """The words of a dataset's name that may put it on a topic: in a schema document, not the
    words a clinical database names its tables with but an API names anything with
    (``document_topic_lookalikes``: `AcquiringServices`, `MoneyTransfers`). In an HL7 FHIR
    resource (a ``resource_type_members`` member at its top) such a word still counts inside a
    two-word topic it makes with another word of the name (`ServiceRequest`, an order for a
    patient's test), kept as that phrase. In a table's name, a word that names a health check
    only in a clinical schema (``health_topic_lookalikes``: `check`, `test`, `report`) counts
    only where the table speaks of health (``_speaks_of_health``) or its rows are a patient's
    (``care``: a clinic's `reports` keyed by the patient's `pid`)."""
    if dataset.source_format not in SCHEMA_DOCS:
        loose = tokens & rules.health_topic_lookalikes
        if loose and not care and not _speaks_of_health(rules, dataset):
            return tokens - loose
        return tokens
    lookalikes = tokens & rules.document_topic_lookalikes
    if not lookalikes:
        return tokens
    if not _fhir_resource(rules, dataset):
        return tokens - lookalikes
    index = _topic_index(rules)
    phrases = {
        phrase
        for a in lookalikes
        for b in tokens
        if a != b
        for phrase in (a + b, b + a)
        if phrase in index
    }
    return (tokens - lookalikes) | phrases


@functools.lru_cache(maxsize=1 << 12)
def _speaks_of_health(rules: SubjectRules, dataset: Dataset) -> bool:
    """Whether a table says it is about health or care by more than a word that names a check,
    a test or a report of anything (``health_topic_lookalikes``): a Chinese comment (it names
    the topic itself: 体检 or 考勤), a column keying a patient or their
    stay (``patient_keys``, a role word of patients), or a column whose name or comment is a
    word of a health family (`blood_pressure`, `specimen`, '血压'), not counting those loose
    words."""
    if has_cjk(dataset.comment or ""):
        return True
    loose = rules.health_topic_lookalikes
    for fld in dataset.fields:
        cols = split_name(fld.name)
        if _compact(cols) in rules.patient_keys or any(rules.role_of(t) == "patient" for t in cols):
            return True
        comment = fld.comment or ""
        zh = fold(f"{fld.name} {comment}") if has_cjk(f"{fld.name}{comment}") else ""
        words = tuple(t for t in cols if t not in loose)
        en = () if zh or len(comment) >= _SHORT_COMMENT else split_name(comment)
        en = tuple(t for t in en if t not in loose)
        match = _family_match(rules, words, zh, en, frozenset(), True)
        if match is not None and match[0].family.element.startswith("pi.health."):
            return True
    return False


#: An English column comment this long is prose, read for what it says elsewhere; a shorter one
#: is a label whose words may name a health family.
_SHORT_COMMENT = 60


def _fhir_resource(rules: SubjectRules, dataset: Dataset) -> bool:
    """Whether a schema document is an HL7 FHIR resource: a top-level member names its kind
    (``resource_type_members``: `resourceType`)."""
    return any(
        top_level(fld, dataset.name)
        and _compact(split_name(fld.name)) in rules.resource_type_members
        for fld in dataset.fields
    )


def _document_topic(rules: SubjectRules, dataset: Dataset) -> frozenset[int]:
    """A schema document (JSON Schema, Avro) whose title or description says it records a
    person's health care ('Medical appointment scheduling', 'Healthcare patient record'): on the
    topic of clinical records, whatever its fields are named; one that says it records a person's
    tax affairs ('Retrieve History of a Self Assessment Charge', '… for a tax year'): on the
    topic of a person's tax record. Tables are left to their names and
    Chinese comments (``_table_topic``)."""
    if dataset.source_format not in SCHEMA_DOCS:
        return frozenset()
    kinds = _kinds_topic(rules, dataset)
    if kinds:
        return kinds
    if device_location(rules, dataset) is not None:
        tokens = split_name(_bare(dataset.name))
        # the location of a device, or the answer about it, is where its user was; a request
        # for it only names the device
        return frozenset() if tokens[-1] in rules.request_words else rules.whereabouts_topic
    text = f"{dataset.name} {dataset.comment or ''}"
    tokens = split_name(text)
    words = {*tokens, *(a + b for a, b in itertools.pairwise(tokens))}
    if not rules.health_documents.isdisjoint(words) or any(
        w in text for w in rules.health_documents_zh
    ):
        return rules.health_record
    if not rules.tax_documents.isdisjoint(words) or any(w in text for w in rules.tax_documents_zh):
        # an individual's tax return, self-assessment account or penalties: what it states in
        # money is the person's income, payments and debts to the tax authority
        return rules.tax_record
    return frozenset()


def _care_record_topic(rules: SubjectRules, dataset: Dataset, role: str | None) -> frozenset[int]:
    """A patient's row that also points at the doctor who treats them (`patient_id` and
    `doctor_id` on an appointment, a prescription, a form): an act of that patient's care, on
    the topic of medical visits, whatever the table is called. A key to a place
    (`destination_hospital_id`) is not a doctor. A patient's table named for visits or stays
    (`VISIT_DIMENSION`, ``patient_visits``) is on that topic too."""
    if role != "patient":
        return frozenset()
    visit = frozenset(k for k, fam in enumerate(rules.families) if fam.family.id == VISIT_FAMILY)
    if any(t in rules.patient_visits for t in split_name(_bare(dataset.name))):
        return visit
    return visit if care_party_key(rules, dataset, by_comment=False) is not None else frozenset()


def as_care_client(rules: SubjectRules, dataset: Dataset, subject: Subject) -> Subject:
    """A served person's row (a user's, a member's) that also points at the doctor or counsellor
    who treats them (a booking with a counsellor, a question put to a doctor) is a record of that
    person's care: there the person is a patient (GB/T 35273 Annex B: 医疗健康信息). A row of the
    doctor's own (their schedule, their price list) serves no one and stays theirs, and a
    bookmark or review of a doctor (``care_party_asides``) is no act of care."""
    if (
        subject.kind != "person_linked"
        or subject.indirect
        or subject.role not in (*rules.served_roles, "user")
        or subject.role == "patient"
        or _aside_of_care(rules, dataset)
    ):
        return subject
    key = care_party_key(rules, dataset)
    # the person served is another than the doctor (`yonghu_id` beside `xinlilaoshi_id`): a
    # doctor's own schedule keyed by their user id ('医生id') serves no one
    served = [
        link.column
        for link in subject.links
        if link.column != key and any(rules.role_of(t) for t in split_name(link.column)[:-1])
    ]
    if key is None or not served:
        return subject
    return dataclasses.replace(subject, role="patient")


def _aside_of_care(rules: SubjectRules, dataset: Dataset) -> bool:
    """Whether the table holds what a person saved, followed or rated (``care_party_asides``)."""
    words = split_name(_bare(dataset.name))
    if words and words[-1] in rules.care_party_asides:
        return True
    comment = dataset.comment or ""
    return any(w in comment for w in rules.care_party_asides_zh)


def care_party_key(rules: SubjectRules, dataset: Dataset, by_comment: bool = True) -> str | None:
    """The column keying a row to the doctor or counsellor who treats the person (`doctor_id`,
    `xinlilaoshi_id` '心理老师'), or None: a key named after a care party that is a role, or
    (``by_comment``) a key whose comment names one."""
    for fld in dataset.fields:
        tokens = split_name(fld.name)
        if len(tokens) < 2 or tokens[-1] not in rules.reference_tails:
            continue
        if any(t in rules.care_parties and rules.role_of(t) for t in tokens[:-1]):
            return fld.name
        comment = fld.comment or "" if by_comment else ""
        if any(w in comment and rules.role_zh(w) for w in rules.care_parties_zh):
            return fld.name
    return None


def device_location(rules: SubjectRules, dataset: Dataset) -> str | None:
    """The member naming the device of a schema document about a device's location (a name with
    one of ``device_location_words``, a top-level member of ``located_devices``: CAMARA's
    `Location.device`, `VerifyLocationResponse.device`), if it is one."""
    if dataset.source_format not in SCHEMA_DOCS:
        return None
    if rules.device_location_words.isdisjoint(split_name(_bare(dataset.name))):
        return None
    return next(
        (
            fld.name
            for fld in dataset.fields
            if top_level(fld, dataset.name)
            and _compact(split_name(fld.name)) in rules.located_devices
        ),
        None,
    )


def _kinds_topic(rules: SubjectRules, dataset: Dataset) -> frozenset[int]:
    """The health families named by the enumerated kinds of a schema document's own kind: the
    values of a key named after the document (`assessmentId` of `IAssessment`: gad-7, mood,
    phq-9) say which things the document records, here a person's questionnaires on their mental
    health."""
    own = set(split_name(_bare(dataset.name)))
    words: set[str] = set()
    for fld in dataset.fields:
        tokens = split_name(fld.name)
        if (
            len(tokens) < 2
            or tokens[-1] not in rules.reference_tails
            or not set(tokens[:-1]) <= own
            or fld.pointer != f"{dataset.name}.{fld.name}"
        ):
            continue
        for value in fld.enum_values:
            parts = split_name(value)
            words.update(parts)
            words.add("".join(parts))
    if not words:
        return frozenset()
    return _on_topic(rules, frozenset(words), "") & rules.health_families


def _wearable_word(rules: SubjectRules, dataset: Dataset) -> str | None:
    """The word of a schema document's name or description saying a wearable or fitness device
    recorded it (`FitbitIntradaySteps`, 'data from a smartwatch'), if any."""
    if dataset.source_format not in SCHEMA_DOCS:
        return None
    text = f"{_bare(dataset.name)} {dataset.comment or ''}"
    tokens = split_name(text)
    words = {*tokens, *(a + b for a, b in itertools.pairwise(tokens))}
    hit = next((w for w in sorted(words & rules.wearables)), None)
    if hit is not None:
        return hit
    return next((w for w in rules.wearables_zh if w in text), None)


@functools.lru_cache(maxsize=1 << 12)
def medical_device_word(rules: SubjectRules, dataset: Dataset) -> str | None:
    """The medical device a schema document says recorded it (``medical_device_documents``: a
    continuous glucose monitor, an insulin pump), named by the document's name, description,
    members or their descriptions, every word of the device's name somewhere in them; or None."""
    if dataset.source_format not in SCHEMA_DOCS:
        return None
    texts = [_bare(dataset.name), dataset.comment or ""]
    for fld in dataset.fields:
        texts.append(fld.name)
        texts.append(fld.comment or "")
    words: set[str] = set()
    for text in texts:
        words.update(split_name(text))
    hit = next((p for p in rules.medical_devices if words.issuperset(p)), None)
    if hit is not None:
        return " ".join(hit)
    joined = " ".join(texts)
    return next((w for w in rules.medical_devices_zh if w in joined), None)


def _on_topic(rules: SubjectRules, topic_tokens: frozenset[str], topic_text: str) -> frozenset[int]:
    """Indices of the families whose topic the dataset (or the field's parent object) is on."""
    zh = has_cjk(topic_text)
    if 1 < len(topic_tokens) <= _MAX_PAIRED_TOKENS:
        # two-word topics (`baby visit`, `follow up`) in either order of the name's words
        topic_tokens = topic_tokens | frozenset(
            a + b for a in topic_tokens for b in topic_tokens if a != b
        )
    index = _topic_index(rules)
    on = {k for t in topic_tokens for k in index.get(t, ())}
    if zh:
        on.update(
            k
            for k, fam in enumerate(rules.families)
            if k not in on and any(w in topic_text for w in fam.topic_zh)
        )
    return frozenset(sorted(on))  # in the families' order, as they were always added


@functools.lru_cache(maxsize=4)
def _topic_index(rules: SubjectRules) -> dict[str, tuple[int, ...]]:
    """Each topic word of the families, with the indices of the families it is a topic of."""
    index: dict[str, list[int]] = {}
    for k, fam in enumerate(rules.families):
        for word in fam.topic:
            index.setdefault(word, []).append(k)
    return {word: tuple(ks) for word, ks in index.items()}


#: Names with more words than this are not searched for two-word topics.
_MAX_PAIRED_TOKENS = 6


#: The shortest family pinyin word looked for inside a longer token (``xiyan``, ``tiwen``).
_SHORTEST_PINYIN_PART = 5

_MATCHES: dict[tuple[object, ...], tuple[int, str] | None] = {}
_MAX_MATCHES = 200_000


def _family_match(
    rules: SubjectRules,
    tokens: tuple[str, ...],
    zh_text: str,
    en_words: tuple[str, ...],
    on_topic: frozenset[int],
    person: bool = True,
) -> tuple[_FamilyIndex, str] | None:
    """The family a field's words belong to: the longest word wins; ties go to a family whose
    topic the dataset is on, then to catalog order (health first). Cached per words."""
    key = (id(rules), tokens, zh_text, en_words, on_topic, person)
    found = _MATCHES.get(key, False)
    if found is False:
        if len(_MATCHES) >= _MAX_MATCHES:
            _MATCHES.clear()
        found = _MATCHES[key] = _family_match_uncached(
            rules, tokens, zh_text, en_words, on_topic, person
        )
    if found is None:
        return None
    assert isinstance(found, tuple)
    return rules.families[found[0]], found[1]


def _family_match_uncached(
    rules: SubjectRules,
    tokens: tuple[str, ...],
    zh_text: str,
    en_words: tuple[str, ...],
    on_topic: frozenset[int],
    person: bool,
) -> tuple[int, str] | None:
    best: tuple[int, int, int, str] | None = None
    spans: list[tuple[str, bool]] = []
    # a phrase that only looks like a family's word (`billing_cycle_anchor`: a bill's cycle,
    # not a menstrual one; `credit_note_amount`: a seller's document, not a loan)
    kept = without_lookalikes(rules, frozenset(tokens))
    tokens = tuple(t for t in tokens if t in kept)
    n = len(tokens)
    for i in range(n):
        for j in range(i + 1, min(n, i + 5) + 1):
            spans.append(("".join(tokens[i:j]), i == 0 and j == n))
    for token in tokens:
        # a long all-pinyin compound (`tangniaobingbingshi`): its family pinyin words
        if len(token) > _SHORTEST_PINYIN_PART:
            parts = pinyin_parts(token, rules.syllables, _SHORTEST_PINYIN_PART)
            spans.extend((p, False) for p in parts if p in rules.family_pinyin)
    m = len(en_words)
    for i in range(m):
        for j in range(i + 1, min(m, i + 4) + 1):
            spans.append(("".join(en_words[i:j]), False))
    zh = zh_text.strip()
    for order, fam in enumerate(rules.families):
        if fam.family.person_only and not person:
            continue
        topical = order in on_topic
        for word, whole in spans:
            hit = word in fam.words or (
                whole
                and word in fam.initials
                # a comment saying what else the letters abbreviate (xl: 线路, not 学历)
                and not spells_otherwise(zh, len(word), fam.zh)
            )
            if not hit and topical:
                hit = word in fam.generic
            if hit:
                cand = (len(word), int(topical), -order, word)
                if best is None or cand[:3] > best[:3]:
                    best = cand
        if not zh:
            continue
        for word in (*fam.zh, *(fam.generic_zh if topical else ())):
            if word in zh:
                cand = (len(word) * 3, int(topical), -order, word)
                if best is None or cand[:3] > best[:3]:
                    best = cand
                break
    return (-best[2], best[3]) if best is not None else None


#: Different words of one family of always-personal records among a table's columns, and the
#: share of its columns they name, that make the table such a record (`CollectionData` with
#: `delinquentAmount`, `pastDueDays`, `lastRepaymentDate`: a borrower's arrears).
_RECORD_WORDS = 3
_RECORD_SHARE = 0.5
#: ...the share on a table already known to be a person's record (its key names the person):
#: the words only say which kind of record it is (a RADIUS accounting row of a user's call with
#: its setup, connect and calling and called stations among gateway and server columns).
_LINKED_RECORD_SHARE = 0.25
#: Different words of the family's own (not its generic words) that let its generic words count.
_RECORD_OWN_WORDS = 2


def personal_record_columns(
    rules: SubjectRules, dataset: Dataset
) -> tuple[Words, list[str]] | None:
    """The name of the family of records that are always someone's (``personal_record_families``)
    that several different words of the table's columns belong to, with those columns, when they
    are half its columns or more; None otherwise, and for a table defining such records
    (``record_definitions``: a loan product, a range of days overdue)."""
    found = _record_columns(rules, dataset)
    if found is None:
        return None
    names = rules.families[found[0]].family.names
    return Words(names.en.lower(), names.zh), found[1]


def personal_record_family(
    rules: SubjectRules, dataset: Dataset, share: float = _RECORD_SHARE
) -> frozenset[int]:
    """The family of always-personal records a table's columns make it (``personal_record_columns``),
    as a topic: on it, the family's generic words (a call's `time`, `method`) are its record too.
    ``share``: of its columns the family's words must name (lower for a table already known to
    be a person's record, where the words need not decide whose it is)."""
    found = _record_columns(rules, dataset, share)
    return frozenset({found[0]}) if found is not None else frozenset()


def _record_columns(
    rules: SubjectRules, dataset: Dataset, share: float = _RECORD_SHARE
) -> tuple[int, list[str]] | None:
    if not rules.personal_records or not dataset.fields:
        return None
    if frozenset(split_name(_bare(dataset.name))) & rules.record_definitions or _defines_records_zh(
        rules, dataset
    ):
        return None
    words: dict[int, dict[str, str]] = {}
    fields: dict[int, int] = {}
    for fld in dataset.fields:
        match = _column_family(rules, fld, frozenset())
        if match is None:
            continue
        k = rules.position(match[0])
        if k in rules.personal_records:
            words.setdefault(k, {}).setdefault(match[1], fld.name)
            fields[k] = fields.get(k, 0) + 1
    for k in [k for k in words if len(words[k]) >= _RECORD_OWN_WORDS]:
        # two words of its own make the family the table's likely topic: its generic words (a
        # call's `callid`, `method` and `time` beside `sip_code` and `sip_reason`) count too
        for fld in dataset.fields:
            if fld.name in words[k].values():
                continue
            match = _column_family(rules, fld, frozenset({k}))
            if match is not None and rules.position(match[0]) == k:
                words[k].setdefault(match[1], fld.name)
                fields[k] += 1
    best = max(words, key=lambda k: (len(words[k]), -k), default=None)
    if (
        best is None
        or len(words[best]) < _RECORD_WORDS
        or fields[best] < share * len(dataset.fields)
    ):
        return None
    return best, list(words[best].values())


def _column_family(
    rules: SubjectRules, fld: Field, on_topic: frozenset[int]
) -> tuple[_FamilyIndex, str] | None:
    """The family a column's own words (its name and Chinese comment) belong to."""
    comment = fld.comment or ""
    zh_text = f"{fld.name if has_cjk(fld.name) else ''} {comment if has_cjk(comment) else ''}"
    tokens = rules.spelled(tuple(split_name(fld.name)))
    return _family_match(rules, tokens, zh_text, (), on_topic, True)


def address_book_by_columns(rules: SubjectRules, dataset: Dataset) -> frozenset[int]:
    """The address-book family, as a topic, for a table holding whole address-book entries
    (``address_book_columns``: a `vcard` column): its names, numbers and addresses are the
    owner's contacts, whatever the table is called."""
    if not rules.address_book_columns:
        return frozenset()
    for fld in dataset.fields:
        if _compact_name(fld.name) in rules.address_book_columns:
            return rules.address_book
    return frozenset()


def network_record_by_columns(rules: SubjectRules, dataset: Dataset) -> frozenset[int]:
    """The call-record family, as a topic, for a table holding a subscriber's position in a
    mobile network (a ``network_area_columns`` column, `lac`, beside a ``network_cell_columns``
    one, `cell`): the network events of the phone, whatever the table is called."""
    names = {_compact_name(fld.name) for fld in dataset.fields}
    if names & rules.network_area_columns and names & rules.network_cell_columns:
        return rules.call_records
    return frozenset()


#: Different kinds of content a person's history table must point at to be their browsing.
_VISITED_KINDS = 2


def record_kind_by_columns(rules: SubjectRules, dataset: Dataset) -> frozenset[int]:
    """The kind of sensitive record a table's columns make it, whatever it is called: a store of
    messages (a body, a sender and a recipient: ``message_store_*``), or, for a table named as a
    history of visits or views (``visit_history_tables``), a browsing record when its columns
    point at two or more kinds of content the person opened (``visited_things``: an image, a
    category, a tag, a search). Nothing for a table defining such records (a message template)."""
    if not dataset.fields:
        return frozenset()
    words = split_name(_bare(dataset.name))
    if frozenset(words) & rules.record_definitions:
        return frozenset()
    names = {_store_name(rules, f.name) for f in dataset.fields}
    # a party held as a nested member (a protobuf message's `sender` of type `ClientId`, its
    # `recipients` a list of entries): the member's own name says which party it is
    names |= {_store_name(rules, part) for part in _nested_members(dataset)}
    if rules.message_store and all(names & part for part in rules.message_store):
        return rules.message_family
    if names & rules.message_speakers and names & (
        rules.message_table_bodies | (rules.message_store[0] if rules.message_store else set())
    ):
        # `speak_id`, `speakRole` beside `content`: the lines of a conversation and who said them
        return rules.message_family
    if rules.message_store and set(words) & rules.row_messages:
        # `sms_send` with `SendContent` and `SendPhone`: a body and one party of each message
        bodies, senders, recipients = rules.message_store
        parties = senders | recipients | rules.phone_key_names
        if names & (bodies | rules.message_table_bodies) and names & parties:
            return rules.message_family
    if words and words[-1] in rules.visit_histories:
        things: set[str] = set()
        for fld in dataset.fields:
            tokens = split_name(fld.name)
            if len(tokens) >= 2 and tokens[-1] in rules.reference_tails | {"ids"}:
                things.update(t for t in tokens[:-1] if t in rules.visited_things)
        if len(things) >= _VISITED_KINDS:
            return rules.browsing_family
    return frozenset()


#: How many columns, and what share of a table's columns, the words of one kind of sensitive
#: record must name to put the table on that record's topic (``sensitive_kind_by_columns``).
_KIND_COLUMNS = 4
_KIND_SHARE = 0.2


def sensitive_kind_by_columns(rules: SubjectRules, dataset: Dataset) -> frozenset[int]:
    """The kind of record whose every detail is sensitive (``sensitive_record_families``) that a
    table's columns make it, whatever it is called: a loan officer's review of an applicant
    whose columns are mostly the loan's (the debts, the monthly repayments, the term and method
    of repayment approved) is a record of that person's credit, so its approved amount and rate
    are too. Nothing for a table defining such records (a loan product, a rate table)."""
    fields = dataset.fields
    if not rules.sensitive_records or len(fields) < _KIND_COLUMNS:
        return frozenset()
    if frozenset(split_name(_bare(dataset.name))) & rules.record_definitions:
        return frozenset()
    counts: dict[int, int] = {}
    for fld in fields:
        for k in rules.column_answer(fld, _sensitive_kinds):
            counts[k] = counts.get(k, 0) + 1
    return frozenset(
        k for k, n in counts.items() if n >= _KIND_COLUMNS and n >= _KIND_SHARE * len(fields)
    )


def _sensitive_kinds(fld: Field, rules: SubjectRules) -> tuple[int, ...]:
    """The kinds of sensitive record (``sensitive_record_families``) a column's name or comment
    names (by nothing else: ``SubjectRules.column_answer``), in the order of their set."""
    comment = fld.comment or ""
    tokens = () if has_cjk(fld.name) else split_name(fld.name)
    zh = " ".join(t for t in (fld.name if has_cjk(fld.name) else "", comment) if has_cjk(t))
    # by its name or by its comment (`debt_amount` '负债总额': a debt, whichever says it)
    kinds = {
        rules.position(match[0])
        for match in (
            _family_match(rules, tokens, "", (), frozenset()),
            _family_match(rules, (), zh, (), frozenset()),
        )
        if match is not None
    }
    return tuple(kinds & rules.sensitive_records)


def record_kind_columns(rules: SubjectRules, dataset: Dataset) -> tuple[Words, list[str]] | None:
    """``record_kind_by_columns`` for a store of messages, named, with the columns saying it: such
    a table is some person's record whether or not it names them."""
    kind = record_kind_by_columns(rules, dataset) & rules.message_family
    if not kind:
        return None
    names = rules.families[min(kind)].family.names
    columns = [
        f.name
        for f in dataset.fields
        if any(_store_name(rules, f.name) in part for part in rules.message_store)
    ]
    return Words(names.en.lower(), names.zh), columns


def _nested_members(dataset: Dataset) -> set[str]:
    """The top-level members of a schema document whose fields are nested inside them
    (`sender` of `NewOtrMessage.sender.client`), as names."""
    prefix = f"{dataset.name}."
    out: set[str] = set()
    for fld in dataset.fields:
        rest = fld.pointer[len(prefix) :] if fld.pointer.startswith(prefix) else ""
        head, dot, _ = rest.partition(".")
        if dot and head:
            out.add(head.removesuffix("[]"))
    return out


def _store_name(rules: SubjectRules, name: str) -> str:
    """A column's name as a store of messages reads it: without a first word naming the message
    itself (`message_from` → `from`, ``message_store_prefixes``), a bare `message` kept whole,
    and without a key suffix (`from_id` → `from`: the sender's key names the sender)."""
    tokens = split_name(name)
    if len(tokens) >= 2 and tokens[0] in rules.message_store_prefixes:
        tokens = tokens[1:]
    if len(tokens) >= 2 and tokens[-1] in rules.reference_tails:
        tokens = tokens[:-1]  # `from_id`, `to_id`: the sender's and the recipient's keys
    return "".join(tokens)


def _compact_name(name: str) -> str:
    return "".join(split_name(name))


def care_fact_topic(rules: SubjectRules, dataset: Dataset) -> Words | None:
    """The health family (an appointment, an encounter, an observation, an order) that a fact
    table of a clinical reporting warehouse is on: a table named for acts of care whose columns
    are at least two keys into other tables (`encounterTypeId`, `diseaseId`, `observationDateId`:
    the dimensions of a star schema), not a code list of tests or drugs. Else None."""
    tokens = name_tokens(rules, dataset, frozenset(split_name(_bare(dataset.name))))
    if not tokens or tokens & rules.record_definitions:
        return None
    topic = _table_topic(rules, tokens, dataset.comment or "") & rules.health_families
    if not topic:
        return None
    own = {"id", *(f"{t}id" for t in tokens)}
    keys = 0
    for fld in dataset.fields:
        words = split_name(fld.name)
        if len(words) >= 2 and words[-1] in rules.reference_tails and _compact(words) not in own:
            keys += 1
    if keys < 2:
        return None
    names = rules.families[min(topic)].family.names
    return Words(names.en.lower(), names.zh)


def _defines_records_zh(rules: SubjectRules, dataset: Dataset) -> bool:
    """Whether a Chinese table comment says the table defines records (``record_definitions_zh``:
    产品信息表 of a lender's loan products, 模板, 配置表): what they are made of, no one's."""
    comment = dataset.comment or ""
    return any(w in comment for w in rules.record_definitions_zh)


def personal_record_topic(rules: SubjectRules, dataset: Dataset) -> Words | None:
    """The name of the family of records that are always someone's (``personal_record_families``:
    call detail records, call logs, missed calls, an address book) that a table's name or Chinese
    comment puts it on, else None. Such a record is some person's whether or not it names them."""
    if not rules.personal_records:
        return None
    tokens = name_tokens(rules, dataset, frozenset(split_name(_bare(dataset.name))))
    if tokens & rules.record_definitions or _defines_records_zh(rules, dataset):
        # `LoanProduct`, `call_rate_plan`, `b_loan_info` '产品信息表': what the records are made
        # of, no one's
        return None
    topic = _table_topic(rules, tokens, dataset.comment or "") & rules.personal_records
    words = [t for t in split_name(_bare(dataset.name)) if t not in rules.table_tails]
    if len(words) <= 1 and not has_cjk(dataset.comment or ""):
        # `installment` alone may be an offer or a product; `LoanAmount`, `RepaymentDue`: a loan's
        topic -= rules.faceted_records
    if not topic:
        return None
    names = rules.families[min(topic)].family.names
    return Words(names.en.lower(), names.zh)


def card_ledger_columns(rules: SubjectRules, dataset: Dataset) -> list[str]:
    """The columns naming payment cards (``cardholder_cards``: `fromCard`, `toCard`, 转出卡号) of
    a table whose name or comment puts it on the ledger topic (a transfer, a transaction): such
    a table is the cardholders' account flow, some person's record whether or not it names
    them. Nothing for a table defining such records (``record_definitions``: a card type)."""
    if not rules.ledger or not (rules.cardholder_cards or rules.cardholder_cards_zh):
        return []
    tokens = name_tokens(rules, dataset, frozenset(split_name(_bare(dataset.name))))
    if tokens & rules.record_definitions:
        return []
    if not _table_topic(rules, tokens, dataset.comment or "") & rules.ledger:
        return []
    found = []
    for fld in dataset.fields:
        words = split_name(fld.name)
        if len(words) >= 2 and words[-1] in rules.reference_tails:
            words = words[:-1]  # `from_card_no`, `to_card_id`: the card's number names the card
        if _compact(words) in rules.cardholder_cards or any(
            w in f"{fld.name}{fld.comment or ''}" for w in rules.cardholder_cards_zh
        ):
            found.append(fld.name)
    return found
