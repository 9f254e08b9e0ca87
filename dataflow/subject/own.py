"""A dataset's facts while subjects are inferred, and the column tests they use (person-only, child columns)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from dataflow.detect.metadata import bare_name, has_cjk
from dataflow.detect.metadata.scripts import has_native, native_reading
from dataflow.model import Dataset, Field, SubjectLink
from dataflow.subject.rules import (
    SubjectRules,
    _compact,
    split_name,
)

# --- inference over the datasets of one scan -------------------------------------------------


@dataclass
class _Facts:
    """What one dataset's own name, comment and columns say, before links are followed."""

    name: str
    kind: str = "unknown"
    role: str | None = None
    evidence: list[str] = dataclasses.field(default_factory=list)  # Words (i18n.msg)
    links: list[tuple[SubjectLink, int | None, str | None]] = dataclasses.field(
        default_factory=list
    )  # (link, target dataset index, role named by the column)
    fixed: bool = False  # decided by its own name (reference, system, person, organisation)
    weak: str | None = None  # a later, weaker verdict: reference columns, identity columns…
    weak_role: str | None = None
    weak_evidence: str = ""
    # an operation on the same resource as a document about a person (``_same_resource``), or
    # rows a description calls those people ('each record represents a website visitor'): the
    # person's own record, not one reached through another record
    peer: bool = False
    # the weak verdict comes from one person's details written on the rows (`BJRXM` 报警人姓名
    # of a call record): linked to that person, but the rows' other columns are not all theirs
    weak_named: bool = False
    # its description says each record is a bill (`row_bills`: 'each record is an invoice')
    bill: bool = False
    named: bool = False


def _bare(name: str) -> str:
    return bare_name(name)


def _about_people(f: _Facts) -> bool:
    """Rows about people: by kind, or by a table's identity columns (name, birthday, phone) that
    will make it a person's table when nothing stronger says otherwise."""
    return f.kind in ("person", "person_linked") or (f.kind == "unknown" and f.weak == "person")


def _owned_thing(rules: SubjectRules, f: _Facts, ds: Dataset) -> bool:
    """Rows of a thing that carry its owner's details (a house with its owner's name and phone):
    those fields are the owner's, but rows that point at the thing (a sale listing of the house,
    a work order on a mortgaged asset) are about the thing, not the person. The details are the
    columns that link it to a person, or the identity columns that make its rows a person's."""
    personal = [link for link, _target, role in f.links if role is not None]
    if not personal and f.weak == "person":
        return _owner_identity(rules, ds)
    return bool(personal) and all(
        _owner_details(rules, split_name(link.column))
        or any(w in link.column for w in rules.ownership_zh)
        for link in personal
    )


def _owner_identity(rules: SubjectRules, ds: Dataset) -> bool:
    """Every identity column of ``ds`` (a name, a phone) is an owner's (`MortgagorName`,
    `MortgagorPhone` of an asset, `owner_phone` of a house)."""
    found = False
    for fld in ds.fields:
        if has_cjk(fld.name):
            continue
        tokens = split_name(fld.name)
        if not tokens or tokens[-1] not in rules.identity:
            continue
        if not _owner_details(rules, tokens):
            return False
        found = True
    return found


def _owner_details(rules: SubjectRules, tokens: tuple[str, ...]) -> bool:
    """``owner_name``, ``owner_phone``: the owner's details written on the thing's row (a key to
    the owner, ``owner_id``, makes the rows the owner's records instead)."""
    return (
        len(tokens) > 1
        and tokens[-1] not in rules.reference_tails
        and any(t in rules.ownership for t in tokens[:-1])
    )


def _person_only_columns(ds: Dataset, rules: SubjectRules) -> list[str]:
    """Columns only a person has (birth date, sex, ethnicity, marital status, ID number), one per
    kind: ``gender_code`` counts as ``gender``, 性别代码 as 性别."""
    kinds: dict[str, str] = {}
    for fld in ds.fields:
        text = f"{fld.name}{fld.comment or ''}"
        tokens = () if has_cjk(fld.name) else split_name(fld.name)
        if tokens and tokens[-1] in rules.key_suffixes and len(tokens) > 1:
            tokens = tokens[:-1]
        leaf = _compact(tokens)
        if leaf in rules.person_only:
            kinds.setdefault(leaf, fld.name)
            continue
        hit = next((w for w in rules.person_only_zh if w in text), None)
        if hit is not None:
            kinds.setdefault(hit, fld.name)
    return list(dict.fromkeys(kinds.values()))


def _minor_context(ds: Dataset, rules: SubjectRules) -> str | None:
    """A word of the table's name or comment, or of the name of the schema file it is read from
    (`nursery.sql`, the dump of a kindergarten's database), saying its people are young children
    (kindergarten, 幼儿园, 小学)."""
    tokens = split_name(_bare(ds.name)) + split_name(PurePath(ds.source_path).stem)
    hit = _context_word(tokens, rules)
    if hit is None and ds.comment:
        hit = _comment_context(ds.comment, rules)
    if hit is None:
        # a student's kindergarten (`kindergarten_id`, 所在幼儿园) or school grade (`grade_level`
        # of a K-12 pupil): the pupil is a child
        for fld in ds.fields:
            hit = rules.column_answer(fld, _column_context)
            if hit is not None:
                break
    return hit


def _column_context(fld: Field, rules: SubjectRules) -> str | None:
    """The ``minor_contexts`` word of a column's name, else of its comment (by nothing else:
    ``SubjectRules.column_answer``)."""
    hit = _context_word(split_name(fld.name), rules)
    if hit is None and fld.comment:
        hit = _comment_context(fld.comment, rules)
    return hit


def _comment_context(comment: str, rules: SubjectRules) -> str | None:
    """The ``minor_contexts`` word of a comment: a Chinese one inside it (幼儿园, 小学), else
    one of its words in another script read in English (초등학교 as primary school, 초/중/고 as
    elementary, middle and high school, อนุบาล as kindergarten)."""
    hit = next((w for w in rules.minor_contexts_zh if w in comment), None)
    if hit is None and has_native(comment):
        hit = _context_word(split_name(native_reading(comment)), rules)
    return hit


def _context_word(tokens: Sequence[str], rules: SubjectRules) -> str | None:
    """The first word of ``tokens``, or two of them in a row (`primary_school`, `grade_level`),
    that is a word of ``minor_contexts``."""
    for i, token in enumerate(tokens):
        if token in rules.minor_contexts:
            return token
        if i + 1 < len(tokens) and token + tokens[i + 1] in rules.minor_contexts:
            return f"{token} {tokens[i + 1]}"
    return None


def names_own_person(ds: Dataset, rules: SubjectRules) -> bool:
    """Whether a column of ``ds`` is a person's name (`name`, `first_name`, 姓名), not a key:
    the record names its own person."""
    for fld in ds.fields:
        comment = fld.comment or ""
        if has_cjk(fld.name):
            if any(fld.name.startswith(w) for w in rules.person_names_zh):
                return True
            continue
        if _compact(split_name(fld.name)) in rules.person_names:
            return True
        if comment and any(comment.startswith(w) for w in rules.person_names_zh):
            return True
    return False


def guardian_columns(ds: Dataset, rules: SubjectRules) -> list[str]:
    """Columns naming the parents or guardian of the row's person (`father_name`, `guardian_tel`,
    家长电话, and the abbreviated pair `f_name` beside `m_name`), not keys of a tree
    (`parent_id`) nor counts."""
    out: list[str] = []
    heads: dict[tuple[str, ...], dict[str, str]] = {}
    for fld in ds.fields:
        if has_cjk(fld.name):
            if fld.name.startswith(rules.guardians_zh):
                out.append(fld.name)
            continue
        tokens = split_name(fld.name)
        key = tokens[-1] in rules.key_suffixes and tokens[-1] not in rules.person_names
        if len(tokens) < 2 or key or tokens[-1] in rules.counts:
            if fld.comment and fld.comment.startswith(rules.guardians_zh):
                out.append(fld.name)
            continue
        if any(t in rules.guardians for t in tokens[:-1]) or (
            fld.comment and fld.comment.startswith(rules.guardians_zh)
        ):
            out.append(fld.name)
            continue
        heads.setdefault(tokens[1:], {})[tokens[0]] = fld.name
    for first, second in rules.guardian_pairs:
        for names in heads.values():
            if first in names and second in names:
                out.extend((names[first], names[second]))
    return list(dict.fromkeys(out))


def pupil_parents(ds: Dataset, rules: SubjectRules) -> list[str]:
    """Columns naming the row's father and mother apart (`father_name` and `mother_phone`, 父亲姓名
    and 母亲电话) or a legal guardian (`guardian_tel`, 第一监护人姓名): the record of someone in
    their parents' or guardian's charge. Empty when only one parent or a bare `parent` is named."""
    found: dict[str, list[str]] = {}
    for fld in ds.fields:
        cjk = has_cjk(fld.name)
        tokens = () if cjk else split_name(fld.name)
        text = fld.name if cjk else fld.comment or ""
        if text and any(w in text for w in rules.counts_zh):
            continue
        if tokens and (tokens[0] in rules.neg_prefixes or tokens[-1] in rules.counts):
            continue
        for group, (words, zh) in rules.pupil_parents:
            # `father_name`, and `nombre_padre`, `telefone_mae`, `apoderado` in Spanish and
            # Portuguese order
            if any(t in words for t in tokens) or any(w in text for w in zh):
                found.setdefault(group, []).append(fld.name)
                break
    if "guardians" in found:
        return found["guardians"]
    if "fathers" in found and "mothers" in found:
        return [found["fathers"][0], found["mothers"][0]]
    return []


def names_higher_education(datasets: Sequence[Dataset], rules: SubjectRules) -> bool:
    """Whether a dataset of the scan names higher education (a major, a faculty, 专业, 大学) in
    its name, its comment or its columns."""
    for ds in datasets:
        tokens = set(split_name(_bare(ds.name)))
        text = f"{ds.name} {ds.comment or ''}"
        for fld in ds.fields:
            tokens |= set(split_name(fld.name))
            text += f" {fld.name} {fld.comment or ''}"
        if _has_word(rules.higher_education, tokens, text):
            return True
    return False


def _has_word(
    words: tuple[frozenset[str], tuple[str, ...]], tokens: set[str] | frozenset[str], text: str
) -> bool:
    return bool(words[0] & tokens) or any(w in text for w in words[1])


def _school_pupils(datasets: Sequence[Dataset], rules: SubjectRules) -> str | None:
    """The dataset that places pupils in school grades and classes (年级 and 班级), when no dataset
    of the scan names higher education (专业, 院系, `major`): the scan's students are pupils of a
    primary or middle school."""
    found: str | None = None
    for ds in datasets:
        tokens = set(split_name(_bare(ds.name)))
        text = f"{ds.name} {ds.comment or ''}"
        grade = school = False
        for fld in ds.fields:
            words, in_grade, in_class = rules.column_answer(fld, _school_words)
            tokens |= words
            text += f" {fld.name} {fld.comment or ''}"
            grade = grade or in_grade
            school = school or in_class
        if _has_word(rules.higher_education, tokens, text):
            return None
        if grade and school and found is None:
            found = _bare(ds.name)
    return found


def _school_words(fld: Field, rules: SubjectRules) -> tuple[frozenset[str], bool, bool]:
    """A column's words, and whether it names a school grade and a school class (kept per
    distinct column by ``SubjectRules.column_answer``)."""
    words = frozenset(split_name(fld.name))
    own = f"{fld.name} {fld.comment or ''}"
    return (
        words,
        _has_word(rules.school_grades, words, own),
        _has_word(rules.school_classes, words, own),
    )


def _minor_columns(ds: Dataset, rules: SubjectRules) -> list[str]:
    """Columns that describe a child (`babyBirthday`, `child_sex`), not flags or counts."""
    return [fld.name for fld in ds.fields if rules.column_answer(fld, _describes_child)]


def _describes_child(fld: Field, rules: SubjectRules) -> bool:
    """Whether a column's name or comment (nothing else: ``SubjectRules.column_answer``)
    describes a child."""
    if has_cjk(fld.name) or (fld.comment and has_cjk(fld.comment)):
        # 幼儿姓名, 是否残疾幼儿: a Chinese name or comment that names a child, not a count
        text = fld.name if has_cjk(fld.name) else fld.comment or ""
        if any(w in text for w in rules.minor_zh) and not any(w in text for w in rules.counts_zh):
            return True
    tokens = split_name(fld.name)
    if len(tokens) < 2 or tokens[0] in rules.neg_prefixes or tokens[-1] in rules.counts:
        return False
    return any(rules.roles.get(t) == "minor" for t in tokens[:-1])


def _child_column(rules: SubjectRules, fld: Any) -> bool:
    """A column about a child (`baby_name`, 新生儿性别), not a count or flag of children."""
    comment = fld.comment or ""
    cjk = has_cjk(fld.name)
    tokens = () if cjk else split_name(fld.name)
    text = f"{fld.name if cjk else ''}{comment}"
    if not text.startswith(rules.minor_zh) and not any(t in rules.minor_words for t in tokens[:-1]):
        return False
    if any(w in comment for w in rules.counts_zh):
        return False
    if text.startswith(rules.minor_zh):
        return True
    return tokens[0] not in rules.neg_prefixes and tokens[-1] not in rules.counts
