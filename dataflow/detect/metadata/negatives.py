"""Negative rules: what vetoes or weakens a candidate element of a field."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dataflow.detect.metadata.index import MetadataIndex
from dataflow.detect.metadata.verdict import (
    DatasetContext,
    Scored,
    comment_ends_with_term,
    description_starts_with_term,
)
from dataflow.detect.metadata.words import (
    F_COMMENT_NON_PERSON,
    F_DICTIONARY,
    F_NON_PERSON,
    F_REFERENCE,
    has_cjk,
    type_allows,
)
from dataflow.model import Evidence, Field


@dataclass(frozen=True)
class _Field:
    """One candidate element of one field, with what the negative rules read."""

    det: MetadataIndex
    sc: Scored
    fld: Field
    tokens: tuple[str, ...]
    kind: str
    ctx: DatasetContext
    comment: str
    parent: str | None
    eid: str
    health_here: bool  # a health element in a table of health events about a person
    accepts_date: bool

    def factor(self, factor: float, source: str, rule: str, detail: str) -> None:
        self.sc.factors.append((factor, Evidence(source, rule, detail, self.eid, factor)))

    def veto(self, source: str, rule: str, detail: str) -> None:
        self.sc.veto = Evidence(source, rule, detail, self.eid)


def apply_negatives(
    det: MetadataIndex,
    sc: Scored,
    fld: Field,
    tokens: tuple[str, ...],
    kind: str,
    ctx: DatasetContext,
    comment: str,
    comment_negative: Evidence | None,
    comment_event: bool,
    parent: str | None = None,
) -> None:
    """Veto or weaken candidate ``sc`` of ``fld`` by the negative rules, in order: the name
    (flags, counts, event times, references, things), the comment, the table, the type."""
    element = sc.element
    health_here = ctx.patients and element.id.startswith("pi.health.")
    f = _Field(
        det,
        sc,
        fld,
        tokens,
        kind,
        ctx,
        comment,
        parent,
        element.id,
        health_here,
        "date" in element.types or health_here,
    )
    if tokens:
        _name_negative(f)
        _name_non_person(f)
    if comment_negative is not None and sc.veto is None:
        f.veto(comment_negative.source, comment_negative.rule, comment_negative.detail)
    if comment_event and not f.accepts_date and sc.veto is None:
        f.veto("negative", "comment-event-time", "comment describes the time of an event")
    if comment and has_cjk(comment) and f.eid != "pi.online_identity.user_id":
        _comment_non_person(f)
    _table_context(f)
    _type_gate(f)


def _name_negative(f: _Field) -> None:
    """Rules ``name-record-state``, ``name-flag-prefix``, ``name-bound``, ``name-count-or-status``,
    ``name-event-time`` (vetoes) and ``name-reference`` (a factor), the first that applies."""
    det, sc, tokens, comment = f.det, f.sc, f.tokens, f.comment
    coded = bool({"concept", "code", "source", "cd"} & set(tokens))
    first, last = tokens[0], tokens[-1]
    last_idx = len(tokens) - 1
    # `condition_type_concept_id`: the type of a coded thing, once codes/keys are stripped
    core_last: tuple[int, str] | None = None
    k = last_idx
    while k > 0 and (tokens[k] in det.ref_suffix or tokens[k] in det.code_words):
        k -= 1
    if k < last_idx:
        core_last = (k, tokens[k])
    if first in det.bookkeeping and last in det.neg_suffix and len(tokens) > 1:
        f.veto(
            "negative",
            "name-record-state",
            f"'{first}_…_{last}' is the state of a record's processing, not the value",
        )
    elif first in det.neg_prefix and 0 not in sc.covered and len(tokens) > 1:
        f.veto("negative", "name-flag-prefix", f"'{first}_…' names a flag, not the value")
    elif (
        first in det.bound_prefix
        and f.eid == "pi.profile.age"
        and 0 not in sc.covered
        and len(tokens) > 1
    ):
        f.veto("negative", "name-bound", f"'{first}_…' is a limit on an age, not a person's age")
    elif (
        core_last is not None
        and core_last[1] in det.neg_suffix
        and core_last[0] not in sc.covered
        and not comment_ends_with_term(sc, comment)
        and not description_starts_with_term(sc, comment)
    ):
        last = core_last[1]
        f.veto(
            "negative",
            "name-count-or-status",
            f"'…_{last}…' names a count, status or type, not the value",
        )
    elif (
        last in det.neg_suffix
        and last_idx not in sc.covered
        and not comment_ends_with_term(sc, comment)
        and not description_starts_with_term(sc, comment)
    ):
        f.veto(
            "negative",
            "name-count-or-status",
            f"'…_{last}' names a count, status or type, not the value",
        )
    elif last in det.event_suffix and last_idx not in sc.covered and not f.accepts_date:
        f.veto("negative", "name-event-time", f"'…_{last}' is the time of an event, not the value")
    elif (
        last in det.ref_suffix
        and last_idx not in sc.covered
        and len(tokens) > 1
        and not coded
        and not comment_ends_with_term(sc, comment)
    ):
        f.factor(F_REFERENCE, "negative", "name-reference", f"'…_{last}' refers to another record")


def _name_non_person(f: _Field) -> None:
    """Rule ``name-non-person``: a name word saying the value is a thing's (`shop_phone`)."""
    qualifier = next(
        (t for k, t in enumerate(f.tokens) if k not in f.sc.covered and t in f.det.qualifiers),
        None,
    )
    if qualifier is not None:
        f.factor(
            F_NON_PERSON,
            "negative",
            "name-non-person",
            f"'{qualifier}' says it belongs to a thing, not a person",
        )


def _comment_non_person(f: _Field) -> None:
    """Rule ``comment-non-person``: a modifier before the term (链接地址, 门店电话) makes it a
    thing's; a head noun after it (头像图片: an avatar image) does not."""
    comment = f.comment
    low = comment.lower()
    positions = [low.find(w.lower()) for w in f.sc.element.keywords.zh if w.lower() in low]
    cut = min(positions) if positions else len(low)
    rest = low[:cut] if positions else low
    qual_zh = next((w for w in f.det.qualifiers_zh if w in rest), None)
    if qual_zh is not None and not any(w in comment for w in f.det.person_zh):
        f.factor(
            F_COMMENT_NON_PERSON,
            "negative",
            "comment-non-person",
            f"comment says it belongs to '{qual_zh}'",
        )
        return
    entry = next((w for w in f.det.entry_name_zh if w in comment), None)
    if entry is not None and not any(w in comment for w in f.det.person_zh):
        f.factor(
            F_COMMENT_NON_PERSON,
            "negative",
            "comment-non-person",
            f"comment says it is the '{entry}' of an entry, not a person's name",
        )
        return
    thing = _named_thing(f.det, comment)
    if thing is not None:
        f.factor(
            F_COMMENT_NON_PERSON,
            "negative",
            "comment-non-person",
            f"comment says it is the name of '{thing}', not of a person",
        )


#: What a Chinese comment may put between a thing and its name (触发器的名字, 文件之名字).
_OF_ZH = " \t的之"


def _named_thing(det: MetadataIndex, comment: str) -> str | None:
    """The thing a Chinese comment names the name of ('角色名字': 角色), when a word for a name
    that says nothing of whose it is (``thing_name_words_zh``) follows words that are no person
    (``person_context``, ``person_endings_zh``) nor a qualifier of a person's name (真实名字),
    nor a thing its keeper's information names (``kept_things_zh``: 宠物名字)."""
    for word in det.thing_name_zh:
        at = comment.find(word)
        if at <= 0:
            continue
        before = re.split(r"[（(,，;；:：。、]", comment[:at])[-1].rstrip(_OF_ZH)
        if not before or not has_cjk(before[-1]):
            return None
        if (
            any(w in before for w in det.person_zh)
            or before.endswith(det.person_endings_zh)
            or before.endswith(det.name_qualifiers_zh)
            or any(w in before for w in det.kept_things_zh)  # 宠物名字: its keeper's
        ):
            return None
        return before[-8:]
    return None


def _table_context(f: _Field) -> None:
    """Rules ``dictionary-table`` and ``table-non-person``: the table holds kinds of things or
    describes things, and the field does not name a person."""
    det, sc, ctx, tokens, comment, eid = f.det, f.sc, f.ctx, f.tokens, f.comment, f.eid
    if (
        ctx.dictionary is not None
        and eid != "pi.online_identity.user_id"
        and not ("by" in tokens[1:] or names_a_person(det, (), comment, sc))
    ):
        f.factor(
            F_DICTIONARY,
            "context",
            "dictionary-table",
            f"table '{ctx.name}' is a dictionary/lookup table ('{ctx.dictionary}')",
        )
    elif (
        ctx.non_person
        and sc.element.pi
        and eid != "pi.online_identity.user_id"  # a person's key in any table is a person's key
        and f.parent != "person"
        and not any(h.rule.startswith("name-weak") for h in sc.hits)
        and not names_a_person(det, tokens, comment, sc)
        and not _contact_person(f)
    ):
        f.factor(
            F_NON_PERSON,
            "context",
            "table-non-person",
            f"table '{ctx.name}' describes things, not people",
        )


def _contact_person(f: _Field) -> bool:
    """A natural person's first or last name on an organisation's row (a supplier's contact),
    and the e-mail of a row that has one: the contact person's."""
    compact = "".join(f.tokens)
    return compact in f.det.name_parts or (f.ctx.named_contact and f.eid == "pi.contact.email")


def _type_gate(f: _Field) -> None:
    """Rule ``type-gate``: the column's type cannot hold the element (an int cannot hold an
    e-mail); numbers and dates may hold a patient's health data."""
    kind, element = f.kind, f.sc.element
    if (
        not type_allows(kind, element.types)
        and f.sc.veto is None
        and not (f.health_here and kind in ("date", "int", "bigint", "small", "decimal"))
        and not _number_by_comment(f)
    ):
        f.veto(
            "type",
            "type-gate",
            f"a {f.fld.data_type} column cannot hold {element.names.en.lower()}",
        )


def _number_by_comment(f: _Field) -> bool:
    """A whole-number column whose comment names an identifier outright (`id INT8` '身份证号码'):
    the schema stores the number as digits (a resident ID's check digit X, about one time in
    eleven, is lost), but the column is still that identifier. The comment must end with the
    identifier's term: one that only mentions it ('身份证命中灰名单', a list-hit count) is about
    something else, and a name alone does not do this (`FuelCard_id INT` is a card's key)."""
    return (
        f.kind in ("int", "bigint")
        and f.sc.element.direct_identifier
        and comment_ends_with_term(f.sc, f.comment)
    )


def names_a_person(det: MetadataIndex, tokens: tuple[str, ...], comment: str, sc: Scored) -> bool:
    """Whether the field says it is about a person (`receiver_phone`, 收货人电话, 操作人)."""
    if any(t in det.person and t not in det.weak_person_heads for t in tokens):
        return True
    if "by" in tokens[1:]:  # created_by, updated_by: done by a person
        return True
    if comment and any(w in comment for w in det.person_zh):
        return True
    return any(
        h.rule in ("comment-zh", "name-zh") and h.detail.rstrip("'").endswith(("人", "员", "者"))
        for h in sc.hits
    )
