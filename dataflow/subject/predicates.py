"""Tests of one field used by the subject rules (bookkeeping, flags, keys of things, event times…) and the
finding changes they lead to."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from dataflow.catalog import Catalog
from dataflow.detect.metadata import has_cjk
from dataflow.i18n import msg
from dataflow.model import Dataset, Evidence, Field, FieldFinding, Grade, Subject, Words
from dataflow.subject.describe import describe
from dataflow.subject.own import _bare
from dataflow.subject.rules import (
    _CODE_LIST,
    _PERSON_NAME_ZH,
    _PERSON_NUMBER_ZH,
    W_FAMILY,
    SubjectRules,
    _compact,
    _FamilyIndex,
    rules_for,
    split_name,
)
from dataflow.subject.topics import (
    _family_match,
    _on_topic,
    _table_topic,
    name_tokens,
    record_kind_by_columns,
    without_lookalikes,
)


def _from_values(finding: FieldFinding) -> bool:
    return any(ev.source == "value" for ev in finding.evidence)


def _weak_name(
    finding: FieldFinding, catalog: Catalog, rules: SubjectRules
) -> tuple[Any, str] | None:
    """The element a generic name word proposed (``name``, ``nation``) that was left out because
    nothing said the table is about people: in a record of one person it is that person's. The
    column is the word, or the word with modifiers of the person's own (``e_name``,
    ``foreign_language``) rather than a thing's (``dept_name``, ``product_name``)."""
    if any(ev.source == "negative" for ev in finding.evidence):
        return None
    tokens = split_name(finding.field.name)
    whole = _compact(tokens)
    for ev in finding.evidence:
        if ev.rule.startswith("name-weak") and ev.element in catalog.elements:
            word = ev.detail.split("'")[1] if ev.detail.count("'") >= 2 else ""
            words = split_name(word)
            if _compact(words) == whole or (
                not has_cjk(finding.field.comment or "")  # a Chinese comment says more
                and _own_modifiers(rules, tokens, words)
            ):
                return catalog.elements[ev.element], word
    return None


def _own_modifiers(rules: SubjectRules, tokens: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """``tokens`` are ``words`` at the end, after words that name no thing, key or bookkeeping."""
    n = len(words)
    if not n or len(tokens) <= n or tokens[-n:] != words or len(tokens) > n + 2:
        return False
    extra = tokens[:-n]
    return not any(
        t in rules.organisation
        or t in rules.neg_prefixes
        or t in rules.bookkeeping
        or t in rules.handlers
        or t in rules.meta
        or t in rules.family_words  # `event_name` of a clinical event is that event's
        or t in rules.activity
        or rules.role_of(t) is not None
        or t.isdigit()
        for t in extra
    )


def enclosing_topic(
    rules: SubjectRules, dataset: Dataset, subject: Subject, catalog: Catalog
) -> frozenset[int]:
    """An object of a schema document that another document holds nested in it (an `Earning`
    inside an `EmployeePayrollRun`, a claim's item inside the `Claim`, a statement line inside an
    account document): on the sensitive topics the enclosing document's name puts it on (a
    payroll, a claim, a statement), so its amounts are that record's as they are where it is
    nested. Only sensitive topics pass down: the object's own name says the rest."""
    out: set[int] = set()
    for link in subject.links:
        if link.via != "nesting" or link.target is None:
            continue
        tokens = name_tokens(rules, dataset, frozenset(split_name(_bare(link.target))))
        for k in _table_topic(rules, tokens, ""):
            element = catalog.elements.get(rules.families[k].family.element)
            if element is not None and element.sensitive:
                out.add(k)
    return frozenset(out)


def _parent_topic(rules: SubjectRules, dataset: Dataset, subject: Subject) -> frozenset[int]:
    """A detail row takes the topic of the record it points at, as its key column names it
    (`travel_apply_code` '出差申请编号' in a table of dates and hours)."""
    columns = {lk.column for lk in subject.links if lk.target is not None}
    if not columns:
        return frozenset()
    tokens: set[str] = set()
    text = ""
    for fld in dataset.fields:
        if fld.name in columns:
            tokens.update(split_name(fld.name)[:-1])
            text += f" {fld.comment or ''}"
    # a key named after a phrase that only looks like a topic (`credit_note_id`: a seller's
    # document, not a loan or a clinical note) puts the row on no topic
    words = without_lookalikes(rules, frozenset(tokens))
    return _on_topic(rules, words, text) if words or text.strip() else frozenset()


def _described_sensitive(
    rules: SubjectRules, finding: FieldFinding, topic: frozenset[int], catalog: Catalog
) -> tuple[Any, str] | None:
    """A field its name made ordinary PI (``birth_time``: a birth date) whose Chinese comment
    the name did not match and that names a sensitive family (分娩时间: a delivery): the comment,
    the schema author's own description, decides. So does a comment that made it a profile item
    when a sensitive family word qualifies that item (吸烟年龄: the age the person began smoking)."""
    comment = _CODE_LIST.sub("", finding.field.comment or "")
    if finding.sensitive or not has_cjk(comment) or _from_values(finding):
        return None
    by_comment = any(ev.source == "comment" for ev in finding.evidence)
    if by_comment and finding.category != "pi.profile":
        return None
    match = _family_match(rules, (), comment, (), topic)
    element = catalog.elements.get(match[0].family.element) if match is not None else None
    if match is None or element is None or not element.sensitive:
        return None
    if by_comment and (comment.rstrip().endswith(match[1]) or rules.role_zh(match[1])):
        return None  # the comment's last word names what the column is; a word before it
        # qualifies it (开始每天吸烟年龄: an age, of the person's smoking), unless it names
        # someone (新生儿性别: the newborn's sex)
    return element, match[1]


_TEXT_TYPES = ("char", "text", "string", "clob")


def _named_by_role(
    rules: SubjectRules, tokens: tuple[str, ...], data_type: str | None
) -> str | None:
    """A text column that is a role word (`instructor`, `doctor`, `teacher_name`): the name of
    that person on the record (a staff name on a person's record is personal information). A
    `user` or `account` column is left alone (a login, a name or a key), and so are numeric keys;
    `human_name`, `resident_name` name the person."""
    if not tokens or len(tokens) > 2 or (len(tokens) == 2 and tokens[1] not in ("name", "xm")):
        return None
    role = rules.roles.get(tokens[0])
    if role is None and tokens[0] in rules.staff_agents:
        role = "employee"  # `register`, `checker`: who handled the record
    kind = (data_type or "").lower()
    login = role == "user" and (len(tokens) == 1 or tokens[0] in rules.actors)
    # a `…_name` column whose type is not declared (a dbt model's): a name, so text
    text = any(t in kind for t in _TEXT_TYPES) or (len(tokens) == 2 and not kind)
    if role is None or login or not text:
        return None
    return role


def _named_in_comment(
    rules: SubjectRules, comment: str | None, data_type: str | None
) -> tuple[str, str] | None:
    """A text column whose Chinese comment ends in a person's role (上课老师, 项目经理: see
    ``comment_role_kinds``): the name of that person, whatever the spelling of the column's
    own name (full pinyin, pinyin initials, both mixed: `shangkels`, `xmjl`). The comment is
    what makes it so; a name in initials with no comment is left alone (initials collide).
    The role word and the role, or None."""
    if not comment or not has_cjk(comment):
        return None
    kind = (data_type or "").lower()
    if not any(t in kind for t in _TEXT_TYPES):
        return None
    return rules.comment_role(comment)


def _thing_table_guess(finding: FieldFinding, catalog: Catalog) -> tuple[Any, str] | None:
    """The element a field name matched that was left out only because the table's name or
    comment looked like one about things (``应聘岗位``, a job applicant's form), and the word
    that matched it."""
    if any(
        ev.source in ("negative", "type") or ev.rule == "dictionary-table"
        for ev in finding.evidence
    ):
        return None
    for ev in finding.evidence:
        if ev.rule == "table-non-person" and ev.element in catalog.elements:
            # the longest word the name or the description matched it by (`ssn` described as
            # 'Social Security Number' is matched by the whole phrase)
            words = [
                e.detail.split("'")[1]
                for e in finding.evidence
                if e.element == ev.element
                and e.source in ("name", "comment")
                and e.detail.count("'") >= 2
            ]
            return catalog.elements[ev.element], max(words, key=_word_length, default="")
    return None


def _word_length(word: str) -> int:
    """A word's length for comparing matches: letters without spaces, a Chinese character as
    three (as ``_family_match`` weighs them)."""
    compact = word.replace(" ", "").replace("_", "")
    return len(compact) * 3 if has_cjk(compact) else len(compact)


def _profile_family(rules: SubjectRules) -> tuple[_FamilyIndex, str] | None:
    """The family of a person's other attributes (catalog: the ``profile_attributes`` family)."""
    fam = rules.family("profile_attributes")
    return (fam, msg("subject.the_persons")) if fam is not None else None


def _names_other(rules: SubjectRules, tokens: tuple[str, ...], zh_text: str) -> bool:
    """A column about an organisation (``doc_org_name``, 管理机构名称) or a code system
    (职业编码系统名称): in a record about a person it is not that person's attribute. A comment
    decides when there is one; short name words are ambiguous (``org_name`` of a microbiology
    result is an organism)."""
    if zh_text.strip():
        return any(w in zh_text for w in (*rules.organisation_zh, *rules.code_system_zh))
    return any(t in rules.organisation and len(t) > 3 for t in tokens)


def _meta(rules: SubjectRules, tokens: tuple[str, ...], zh_text: str) -> bool:
    """Keys, flags and bookkeeping columns (``id``, ``user_id``, ``is_show``, 创建时间). A coded
    value (``route_concept_id``) is the value its words name, in code form, not a key."""
    if len(tokens) > 2 and tokens[-2:] == ("concept", "id"):
        tokens = tokens[:-2]
    if tokens:
        return (
            _compact(tokens) in rules.meta
            or (
                len(tokens) > 1
                and tokens[-1] in rules.code_tails
                and _compact(tokens[:-1]) in rules.meta
            )
            or tokens[-1] in rules.reference_tails
            or (len(tokens) > 1 and tokens[-1] in rules.joined_reference_tails)
            or (
                tokens[-1] in rules.counts
                and not _money_total(rules, tokens)
                and not any(w in zh_text for w in rules.money_totals_zh)  # 应还总额: money
            )
            or tokens[-1] in rules.sequences
            or rules.technical_column(tokens)
            or (
                _flag(rules, tokens)
                and not any(t in rules.family_words for t in tokens[1:])
                and not (
                    _topic_flag(rules, tokens) and any(w in zh_text for w in rules.family_words_zh)
                )
            )
            or (len(tokens) > 1 and tokens[0] in rules.bookkeeping and tokens[-1] in rules.status)
        )
    text = zh_text.strip()
    return any(text.startswith(w) for w in rules.meta_zh)


def _money_total(rules: SubjectRules, tokens: tuple[str, ...]) -> bool:
    """``amount_total``, ``fee_sum``: a total of money is an amount, not a count."""
    return tokens[-1] in rules.money_totals and any(t in rules.money_words for t in tokens[:-1])


def _flag(rules: SubjectRules, tokens: tuple[str, ...]) -> bool:
    """``has_nausea``, ``is_out``: whether something holds."""
    return len(tokens) > 1 and tokens[0] in rules.neg_prefixes


def _topic_flag(rules: SubjectRules, tokens: tuple[str, ...]) -> bool:
    """A flag about what happened to the person (``has_nausea``), not about the row
    (``is_delete``, ``has_used``) nor naming another person (``is_person_info``)."""
    return _flag(rules, tokens) and not any(
        t in rules.housekeeping_flags or rules.role_of(t) for t in tokens[1:]
    )


def _event_time(
    rules: SubjectRules,
    tokens: tuple[str, ...],
    zh_text: str,
    match: tuple[_FamilyIndex, str],
    catalog: Catalog,
) -> bool:
    """``cost_time``, 订单完成时间: the time of an event, not the family's value, unless the
    family's element holds dates or its word names the time itself (``login_time``)."""
    element = catalog.elements.get(match[0].family.element)
    if element is None or "date" in element.types or element.category == "pi.health":
        return False  # when a health event happened is health information too
    word = match[1]
    if tokens:
        last = tokens[-1]
        return last in rules.event_suffixes and not word.endswith(last)
    text = zh_text.strip()
    return text.endswith(("时间", "日期")) and not word.endswith(("时间", "日期"))


def _all_on_topic(
    rules: SubjectRules, on_topic: frozenset[int], name: str, keys: bool = False
) -> tuple[_FamilyIndex, str] | None:
    """A family whose every column counts on its topic (the measurements of an examination);
    with ``keys``, one whose keys of things count too (a cart's ``goods_id``)."""
    for k in sorted(on_topic):
        family = rules.families[k].family
        if family.all_on_topic and (family.keys_on_topic or not keys):
            return rules.families[k], name
    return None


def _key_of_a_thing(rules: SubjectRules, tokens: tuple[str, ...], table: str) -> bool:
    """``goods_id``, ``coupon_id``: a key to a thing, not the record's own key (``id``,
    ``cart_id`` in ``cart``), nor a person's (``user_id``), nor bookkeeping."""
    if len(tokens) < 2 or tokens[-1] not in rules.reference_tails:
        return False
    head = tokens[:-1]
    if _compact(head) in rules.meta or _compact(tokens) in rules.meta:
        return False
    if any(rules.role_of(t) or t in rules.handlers for t in head):
        return False
    if rules.definition_key(tokens):
        return False  # `fieldId` of a form's custom data: which field a value fills, no thing
    return _compact(head) not in _compact(split_name(table))


def _names_person(rules: SubjectRules, finding: FieldFinding) -> bool:
    """Whether a column says it belongs to a person (``contact_phone``, 负责人电话)."""
    fld = finding.field
    tokens = split_name(fld.name)
    if any(t in rules.person_columns or rules.role_of(t) for t in tokens):
        return True
    text = f"{fld.name}{fld.comment or ''}"
    return any(w in text for w in rules.person_columns_zh) or rules.role_zh(text) is not None


def _person_column(zh_text: str, catalog: Catalog, rules: SubjectRules) -> tuple[Any, str] | None:
    """In a dataset about a person, a comment naming a person's number (房主编号, or a role's:
    医生编号) is a key of that person, one naming a person (治安责任人) is a name."""
    text = zh_text.strip()
    if not text:
        return None
    number = _PERSON_NUMBER_ZH.search(text) or _ROLE_NUMBER_ZH.search(text)
    if number is not None and number.re is _ROLE_NUMBER_ZH:
        words = number.group(1)
        number = number if any(words.endswith(w) for w, _ in rules.roles_zh) else None
    if number is not None and "pi.online_identity.user_id" in catalog.elements:
        what = number.group(0)  # only the words matched: a comment may hold an example value
        return catalog.elements["pi.online_identity.user_id"], msg(
            "subject.person_number", word=what
        )
    if _PERSON_NAME_ZH.match(text) and "pi.identity.name" in catalog.elements:
        return catalog.elements["pi.identity.name"], msg("subject.names_person", word=text)
    return None


#: A comment ending in a number after the words before it (医生编号): a person's number when
#: those words end in a role (the role words are catalog data).
_ROLE_NUMBER_ZH = re.compile(r"([\u4e00-\u9fff]{2,6})(编号|号码|工号)$")


def _because(context: str, why: str) -> Words:
    """``table … is about patients (…); '药物滥用' is health …``: the subject, then the reason."""
    return msg("subject.because", context=context, why=why)


def _as_element(finding: FieldFinding, element: Any, ev: Evidence) -> FieldFinding:
    return FieldFinding(
        field=finding.field,
        dataset=finding.dataset,
        personal=element.pi,
        sensitive=element.sensitive,
        element=element.id,
        category=element.category,
        grade=element.grade,
        confidence=W_FAMILY,
        evidence=(*finding.evidence, ev),
        kind="column",
        sensitive_group=element.sensitive_group if element.sensitive else None,
    )


def _as_not_personal(finding: FieldFinding, ev: Evidence, unclassified: Grade) -> FieldFinding:
    """``finding`` taken back to not personal, for the reason ``ev``."""
    return dataclasses.replace(
        finding,
        personal=False,
        sensitive=False,
        element=None,
        category=None,
        grade=unclassified,
        evidence=(*finding.evidence, ev),
        sensitive_group=None,
    )


#: The category of location elements: on their topic, places the record names count too.
_PLACE = "pi.location"
#: Categories of records between or of persons (a message, a page view): on their sensitive
#: topic, the parties the record names count too.
_PARTY_RECORDS = ("pi.communication", "pi.online_activity", "pi.contacts")


def _care_staff_only(dataset: Dataset, subject: Subject, rules: SubjectRules) -> bool:
    """A table linked to people only by columns naming the staff who give care (``care_staff``:
    医护工号, `doctor_id`), with no patient or user among them: the care the organisation offers
    (a testing site's slots and fees with the doctor on duty), not anyone's health. The staff
    member's own name and number stay their personal information."""
    if subject.kind != "person_linked" or subject.role != "employee" or not subject.links:
        return False
    # a record about the staff themselves (护士体检, `doctor_health_check`) or about someone its
    # name or comment names (患者检查报告: a patient's report the doctor writes)
    bare = _bare(dataset.name)
    about = f"{bare} {dataset.comment or ''}"
    if (
        any(rules.role_of(t) is not None for t in split_name(bare))
        or any(w in about for w in rules.care_staff_zh)
        or rules.role_zh(about) is not None
    ):
        return False
    fields = {f.name: f for f in dataset.fields}
    for link in subject.links:
        fld = fields.get(link.column)
        if fld is None:
            return False
        tokens = split_name(fld.name)
        if not (
            any(t in rules.care_staff for t in tokens)
            or any(w in (fld.comment or "") for w in rules.care_staff_zh)
        ):
            return False
    return True


def _sensitive_topic(
    findings: list[FieldFinding],
    dataset: Dataset,
    subject: Subject,
    catalog: Catalog,
    rules: SubjectRules,
    extra_topic: frozenset[int] = frozenset(),
) -> list[FieldFinding]:
    """In a record of a sensitive topic (a health examination, a criminal case), the person's
    other attributes there (a description, a department, a place) are that sensitive information;
    on a location topic (a person's trail) so are the addresses and positions it names."""
    bare = _bare(dataset.name)
    tokens = name_tokens(rules, dataset, frozenset(split_name(bare)), subject.role == "patient")
    named = _table_topic(rules, tokens, dataset.comment or "")
    topic = named | extra_topic
    if _care_staff_only(dataset, subject, rules):
        topic -= rules.health_families  # a testing site's slots: the care offered, no one's health
    family = next(
        (
            rules.families[k]
            for k in sorted(topic)
            # a kind of record every detail of which is sensitive (a borrower's loan, their
            # credit report: ``sensitive_record_families``) counts as such a topic too; only
            # what is already the person's takes its kind, nothing becomes personal by it
            if rules.families[k].family.all_on_topic or k in rules.sensitive_records
        ),
        None,
    )
    party_family = next(  # a message or a page view, by the table's name or its columns
        (
            rules.families[k]
            for k in sorted(named | record_kind_by_columns(rules, dataset))
            if rules.families[k].family.id in rules.party_records
        ),
        None,
    )
    if family is None or (party_family is not None and not _sensitive_family(catalog, family)):
        # `order_detail_list` with who said what (`speak_id`, `content`): the lines of a chat
        # about an order are communication records, whatever the order's topic says
        family = party_family
    element = catalog.elements.get(family.family.element) if family is not None else None
    if family is None or element is None or not element.sensitive:
        return findings
    # a customer's own row that also holds their loan account (a debtor's sex, ID card and
    # contacts beside the balances and arrears), on the topic by its columns alone: the columns
    # that name the loan (开始逾期日期, 呆账核销日期) are its details, sensitive as the record is;
    # the row's other attributes (a channel, a branch, a remark) stay the customer's
    profile = (
        subject.kind == "person"
        and not named
        and not family.family.all_on_topic
        and any(rules.families[k] is family for k in rules.sensitive_records)
    )
    # an unnamed piece of information about the person takes the record's kind (`ask` and
    # `reply` of a consultation chat are the messages)
    categories = (*rules.attribute_categories, *rules.topic_attributes)
    if element.category == _PLACE:  # a trail's address and position: points of the track
        categories = (*categories, *rules.place_categories)
    care = subject.role == "patient" and family.family.element.startswith(_HEALTH)
    # a person's own row on a topic only by its columns (a patient's card holding their height
    # and allergies): their work (a workplace, an occupation) stays their work, not a result of
    # the examination
    own_row = subject.kind == "person" and not any(
        rules.families[k].family.all_on_topic for k in named
    )
    # on a message's topic the parties (the sender's and recipient's account, name or number), on
    # a page view's the viewer, are part of the communication or browsing record; they keep their
    # own element
    parties = rules.party_categories if element.category in _PARTY_RECORDS else ()
    out: list[FieldFinding] = []
    for finding in findings:
        eid = finding.element
        if (
            finding.personal
            and not finding.sensitive
            and eid is not None
            and not _from_values(finding)
            and any(eid == c or eid.startswith(c + ".") for c in parties)
        ):
            out.append(_as_party(finding, element, _topic_evidence(dataset, subject, family, eid)))
            continue
        if (
            not finding.personal
            or finding.sensitive
            or eid is None
            or _from_values(finding)
            or not any(eid == c or eid.startswith(c + ".") for c in categories)
            or (care and _money_finding(rules, finding))  # a patient's costs stay money
            or (own_row and eid.startswith(_WORK))
            or _named_background(rules, finding)  # `nationality` of a patient: not a result
            or (eid in rules.topic_attributes and _record_metadata(rules, finding, bool(parties)))
            or (profile and not _names_family(family, finding, rules))
        ):
            out.append(finding)
            continue
        out.append(
            _as_element(finding, element, _topic_evidence(dataset, subject, family, element.id))
        )
    return out


#: The shortest column name that can say what a record holds (`v`, `gv` of a chat message: a
#: version, not the message).
_SHORTEST_CONTENT_NAME = 3


def _sensitive_family(catalog: Catalog, family: _FamilyIndex) -> bool:
    """Whether a family's element is sensitive personal information."""
    element = catalog.elements.get(family.family.element)
    return element is not None and element.sensitive


def _names_family(family: _FamilyIndex, finding: FieldFinding, rules: SubjectRules) -> bool:
    """Whether a column's name or comment holds a word of ``family`` or of its topic
    (`start_yq_date` '开始逾期日期', `overdue_flag`), or a comment word of the person's standing
    on such a record (``record_standing``: 额度, 缴款日, 停卡日, 行方评分, 风险): it names that
    kind of record itself."""
    fld = finding.field
    text = f"{fld.name}{fld.comment or ''}"
    if any(w in text for w in (*family.zh, *family.topic_zh)):
        return True
    if any(w in (fld.comment or "") for w in rules.record_standing_zh):
        return True
    tokens = () if has_cjk(fld.name) else split_name(fld.name)
    words = family.words | family.topic
    return (
        _compact(tokens) in words
        or _compact(tokens) in family.initials
        or any(t in words or t in family.initials for t in tokens)
    )


def _named_background(rules: SubjectRules, finding: FieldFinding) -> bool:
    """Whether a column's own name or comment makes it an element of the person's background
    (``background_elements``: a nationality, an ethnicity, an occupation, an education, a
    parent's name): who the person is, which a record of a sensitive kind does not make its
    own finding."""
    eid = finding.element
    if eid is None or not any(
        eid == c or eid.startswith(c + ".") for c in rules.background_elements
    ):
        return False
    return any(e.source in ("name", "comment") and e.element == eid for e in finding.evidence)


def _record_metadata(rules: SubjectRules, finding: FieldFinding, between_persons: bool) -> bool:
    """Whether an otherwise unnamed attribute says what kind of record a row is, not what it
    holds: its type, kind or version (``record_type_columns``: a message's `msg_type`, `ctype`),
    or a name too short to say (`v`); and, but on a record between persons (a message, whose
    `group_id` names the group it was sent to), a key (a patient's `emr_id`, `dossier_id`)."""
    tokens = split_name(finding.field.name)
    return (
        len(_compact(tokens)) < _SHORTEST_CONTENT_NAME
        or (bool(tokens) and tokens[-1] in rules.record_type_words)
        or (not between_persons and bool(tokens) and tokens[-1] in rules.reference_tails)
    )


def _topic_evidence(dataset: Dataset, subject: Subject, family: Any, element_id: str) -> Evidence:
    return Evidence(
        "context",
        "subject-sensitive-topic",
        _because(
            describe(subject, dataset.name),
            msg(
                "subject.topic",
                family=Words(family.family.names.en.lower(), family.family.names.zh),
            ),
        ),
        element_id,
    )


def _as_party(finding: FieldFinding, element: Any, ev: Evidence) -> FieldFinding:
    """A party of a communication record (its sender's account): sensitive as the record is,
    its element kept."""
    return dataclasses.replace(
        finding,
        sensitive=True,
        sensitive_group=element.sensitive_group,
        grade=max(finding.grade, element.grade),
        evidence=(*finding.evidence, ev),
    )


#: A person's table is on a sensitive topic by its columns when at least this many of them, and
#: this share of its attribute columns, are already that sensitive information.
_DOMINANT_MIN = 3
_DOMINANT_SHARE = 0.3
#: ...or, for health information, when this many are, whatever their share: a long record of
#: care (an ambulance run sheet) that also names its crew and its times.
_DOMINANT_MANY = 6
_HEALTH = "pi.health"
#: The category of a person's work (an employer, a workplace, an occupation).
_WORK = "pi.education_work"


def _money_finding(rules: SubjectRules, finding: FieldFinding) -> bool:
    """``money_column`` of a finding's own name and Chinese comment."""
    fld = finding.field
    cjk = has_cjk(fld.name)
    tokens = () if cjk else split_name(fld.name)
    comment = fld.comment or ""
    return money_column(
        rules, tokens, f"{fld.name if cjk else ''} {comment if has_cjk(comment) else ''}"
    )


def money_column(rules: SubjectRules, tokens: tuple[str, ...], zh_text: str) -> bool:
    """Whether a column of a patient's record is named by a money word of a patient's bills as
    its last word (``care_record_money_tables``: `base_cost`, `payer_coverage`), its last word
    ends in one that ends a longer word (``care_record_money_endings``: `totalcost`), or its
    Chinese name or comment has one (缴费, 收费): their expenses, not their care."""
    head = tokens[-1] if tokens else ""  # `fee_item_name` names an item, not a fee
    return (
        head in rules.care_money
        or head.endswith(rules.care_money_endings)
        or any(w in zh_text for w in rules.care_money_zh)
    )


def _link_objects(findings: Sequence[FieldFinding], rules: SubjectRules) -> dict[str, str]:
    """The objects of an API document that are hyperlinks, by pointer (the dataset's own name when
    the document itself is one), each with the link marker member that makes it one (``href``)."""
    return {
        f.field.pointer.rpartition(".")[0]: f.field.name
        for f in findings
        if f.field.name.lower() in rules.link_markers
    }


def _meta_column(fld: Field, rules: SubjectRules) -> bool:
    """``_meta`` of a column by its name and comment (nothing else: ``column_answer``)."""
    cjk = has_cjk(fld.name)
    tokens = () if cjk else split_name(fld.name)
    zh_text = f"{fld.name if cjk else ''} {fld.comment if has_cjk(fld.comment or '') else ''}"
    return _meta(rules, tokens, zh_text)


def _dominant_topic(
    findings: Sequence[FieldFinding],
    dataset: Dataset,
    catalog: Catalog,
    rules: SubjectRules,
    by_name: bool = True,
) -> frozenset[int]:
    """A record whose name says nothing (``Feme``, ``Features``) but whose columns are mostly
    one category of sensitive information (menarche, disease history, vision…), or hold many
    columns of it (a diagnosis, a complaint, a severity, procedures… of an emergency run), is a
    record of that topic: the family (one whose every column counts on its topic) of that
    category. With ``by_name`` a table whose name is already on such a topic has none here;
    without it the columns alone decide (a `case` of complaints and past illnesses)."""
    bare = _bare(dataset.name)
    own = _table_topic(
        rules, name_tokens(rules, dataset, frozenset(split_name(bare))), dataset.comment or ""
    )
    if by_name and any(rules.families[k].family.all_on_topic for k in own):
        return frozenset()
    attributes = 0
    per_category: dict[str, int] = {}
    per_element: dict[str, int] = {}
    for finding in findings:
        if rules.column_answer(finding.field, _meta_column):
            continue
        attributes += 1
        if finding.sensitive and finding.category is not None and not _from_values(finding):
            per_category[finding.category] = per_category.get(finding.category, 0) + 1
            if finding.element is not None:
                per_element[finding.element] = per_element.get(finding.element, 0) + 1
    if not per_category:
        return frozenset()
    category, count = max(per_category.items(), key=lambda item: (item[1], item[0]))
    many = count >= _DOMINANT_MANY and category == _HEALTH
    if count < _DOMINANT_MIN or (count < _DOMINANT_SHARE * attributes and not many):
        return frozenset()
    # the family of the element most of those columns are (a patient's visits: medical visits),
    # else the category's first family
    candidates = [
        (-int(per_element.get(fam.family.element, 0) * 2 > count), k)
        for k, fam in enumerate(rules.families)
        if fam.family.all_on_topic
        and (element := catalog.elements.get(fam.family.element)) is not None
        and element.category == category
    ]
    return frozenset({min(candidates)[1]}) if candidates else frozenset()


def _minor(
    finding: FieldFinding, dataset: Dataset, subject: Subject, catalog: Catalog
) -> FieldFinding:
    """All personal information of a child under 14 is sensitive (PIPL Art. 28, Art. 31); not a
    column naming the member of staff who handled the child's record (`auditor_name`,
    `meet_parent_auditor_id`: ``staff_agents``): that is the staff member's, not the child's."""
    if not finding.personal or finding.sensitive:
        return finding
    if rules_for(catalog).names_staff(finding.field.name):
        return finding
    ev = Evidence(
        "context",
        "subject-minor",
        _because(describe(subject, dataset.name), msg("subject.minor")),
        finding.element,
    )
    return dataclasses.replace(
        finding,
        sensitive=True,
        sensitive_group="minors_under_14",
        grade=max(finding.grade, catalog.defaults["sensitive_pi"]),
        evidence=(*finding.evidence, ev),
    )
