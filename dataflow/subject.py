"""Dataset subjects: what the rows of each dataset are about, and what follows for its fields.

PIPL Art. 4 makes information *relating to* a person personal information, so whether
``route`` or ``score`` is PI depends on the record. After every file of a scan is read,
``infer_subjects`` gives each dataset a ``Subject``:

- ``person`` — its name (or comment) names people (``patients``, ``member_info``, 患者档案), or
  two identity columns (name, ID number, mobile, birth date…) say so;
- ``person_linked`` — a column points at a person dataset: a declared foreign key, an id
  named after a scanned person dataset or a role (``patient_id``, ``patientarchive_id`` →
  ``md_peispatientarchive``), a person's key by itself (``subject_id``, ``hadm_id``), a comment
  naming a person (体检人); chains count (``hadm_id`` → ``admissions`` → ``patients``); a schema
  nested in a document about a person (JSON Schema / Avro); a log of a person's actions;
- ``organisation``, ``reference`` (code lists: ``dict_*``, ``*_type``, pinyin/five-stroke input
  codes, 字典), ``system`` (configuration, jobs), or ``unknown``.

``apply_subject`` then adjusts the field findings of one dataset: in a dataset about a person,
fields using an attribute family's words (catalogs/subjects.yaml) are that person's information
under the family's element; in reference, organisation and system datasets attribute elements
(health, education, finance…) are not PI. Each change carries its reason. The word lists are
data (``Catalog.subjects``, ``Catalog.families``); this module holds the algorithm only.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from dataflow.catalog import Catalog, Family, per_catalog
from dataflow.detect.metadata import _TABLE_TAIL, has_cjk
from dataflow.detect.metadata import split_name as _split_name
from dataflow.i18n import msg, role_text
from dataflow.model import Dataset, Evidence, FieldFinding, Subject, SubjectLink, Words

#: Name tokens, memoised: the same column names recur across the tables of a repository.
split_name = functools.lru_cache(maxsize=1 << 16)(_split_name)

KINDS = ("person", "person_linked", "organisation", "reference", "system", "unknown")
#: Confidence of a finding that comes from the dataset's subject and a family word.
W_FAMILY = 0.7
_MAX_ROUNDS = 6
#: A code list found by its input-code columns has at most this many columns.
_MAX_CODE_LIST_COLUMNS = 20
# A comment naming a person's number (房主编号) or a person (治安责任人).
_PERSON_NUMBER_ZH = re.compile(r"(人|者|员|主|户|客)(编号|号码|号|ID|id|证号)$")
# A comment naming a person's name (被保险人名称, 行驶证车主, 投保人姓名).
_PERSON_NAME_ZH = re.compile(
    r"^(?=.{2})[\u4e00-\u9fff]{0,8}(人|者|车主|户主|业主)(名称|姓名|名字)?$"
)
# Chinese words ending in a person (被替代者, 证明人) before an identity word: unless they name
# a role (房主, 承租人), the identity of someone other than the row's person.
_OTHER_PERSON_ZH = re.compile(r"(?<!本)(人|者|主|属)的?$")
# Value lists in a comment (`类型(所有人员=-1,部门=2)`, `性别，1：男，2：女`): codes, not what
# the column is about.
_CODE_LIST = re.compile(r"[(（][^()（）]*[=:：][^()（）]*[)）]|[,，;；]\s*\d+\s*[:：=].*$")
# An English description saying a field belongs to the person ("the person's memberships",
# "votes cast by the person", "means of contacting the person").
_POSSESSIVE_EN = re.compile(
    r"\b(?:the|a|this) ([A-Za-z]+)(?:'s|’s)\s|\b(?:by|of|about|contacting) the ([A-Za-z]+)\b",
    re.IGNORECASE,
)
# Prefixes that mark a code list only as the first word of a table name (`d_items`, `dict_*`).
_REFERENCE_PREFIXES = frozenset(
    {"dict", "dic", "dicts", "dictionary", "d", "lookup", "enum", "ref", "codelist", "vocab"}
)
_SCHEMA_DOCS = frozenset({"jsonschema", "avro"})
# Last words of a column that points at another record rather than holding a value.
# Last words of a coded value (`status_cd`): the code of what the words before it name.
_CODE_TAILS = frozenset({"cd", "code"})
_REFERENCE_TAILS = frozenset({"id", "ids", "uuid", "guid", "key", "fk", "pk", "ref", "refs"})


def _compact(tokens: Iterable[str]) -> str:
    return "".join(tokens)


def _split(words: Iterable[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """(compact ASCII words, Chinese words)."""
    ascii_words: set[str] = set()
    zh: list[str] = []
    for w in words:
        if has_cjk(w):
            zh.append(w)
        else:
            key = _compact(split_name(w))
            if key:
                ascii_words.add(key)
    return frozenset(ascii_words), tuple(sorted(zh, key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class _FamilyIndex:
    family: Family
    words: frozenset[str]
    initials: frozenset[str]
    zh: tuple[str, ...]
    topic: frozenset[str]
    topic_zh: tuple[str, ...]
    generic: frozenset[str]
    generic_zh: tuple[str, ...]


class SubjectRules:
    """The catalog's subject word lists, indexed. Build once per catalog (``rules_for``)."""

    def __init__(self, catalog: Catalog) -> None:
        s = catalog.subjects
        self.catalog = catalog
        self.roles: dict[str, str] = {}
        self.roles_zh: list[tuple[str, str]] = []
        for key in sorted(k for k in s if k.startswith("roles.")):
            role = key.split(".", 1)[1]
            words, zh = _split(s[key])
            for w in sorted(words):
                self.roles.setdefault(w, role)
            self.roles_zh.extend((w, role) for w in zh)
        self.roles_zh.sort(key=lambda item: (-len(item[0]), item[0]))
        self.long_roles = sorted((w for w in self.roles if len(w) >= 5), key=lambda w: -len(w))
        self.documents, self.documents_zh = _split(s.get("person_documents", ()))
        self.person_files = _split(s.get("person_files", ()))[0]
        self.event_columns = _split(s.get("event_columns", ()))[0]
        self.person_keys, self.person_keys_zh = _split(s.get("person_keys", ()))
        self.key_suffixes = frozenset(s.get("key_suffixes", ()))
        self.reference, self.reference_zh = _split(s.get("reference", ()))
        self.reference_columns, self.reference_columns_zh = _split(s.get("reference_columns", ()))
        self.system, self.system_zh = _split(s.get("system", ()))
        self.organisation, self.organisation_zh = _split(s.get("organisation", ()))
        self.activity, self.activity_zh = _split(s.get("activity", ()))
        self.actors, self.actors_zh = _split(s.get("actor_columns", ()))
        self.identity, self.identity_zh = _split(s.get("identity_columns", ()))
        self.attribute_categories = tuple(s.get("attribute_categories", ()))
        self.membership, self.membership_zh = _split(s.get("membership_cards", ()))
        self.meta, self.meta_zh = _split(s.get("meta_columns", ()))
        self.person_only, self.person_only_zh = _split(s.get("person_only_columns", ()))
        self.code_system_zh = tuple(w for w in s.get("code_systems", ()) if has_cjk(w))
        self.weak_identity = frozenset(s.get("weak_identity_columns", ()))
        self.counts = frozenset(s.get("count_suffixes", ()))
        self.housekeeping_flags = frozenset(s.get("housekeeping_flags", ()))
        self.lookalikes = frozenset(s.get("role_lookalikes", ()))
        self.minor_contexts, self.minor_contexts_zh = _split(s.get("minor_contexts", ()))
        self.minor_words = frozenset(w for w, role in self.roles.items() if role == "minor")
        self.minor_zh = tuple(w for w, role in self.roles_zh if role == "minor")
        self.ownership, self.ownership_zh = _split(s.get("ownership_columns", ()))
        self.handlers = frozenset(s.get("handler_markers", ()))
        self.ambiguous_ids = frozenset(s.get("ambiguous_ids", ()))
        self.org_attributes = tuple(s.get("organisation_attributes", ()))
        self.person_columns, self.person_columns_zh = _split(s.get("person_columns", ()))
        self.counts_zh = tuple(catalog.dictionaries.get("negative_zh"))
        self.event_suffixes = frozenset(catalog.dictionaries.get("event_suffixes"))
        self.neg_prefixes = frozenset(catalog.dictionaries.get("negative_prefixes"))
        self.bookkeeping = frozenset(catalog.dictionaries.get("bookkeeping_prefixes"))
        self.status = frozenset(catalog.dictionaries.get("negative_suffixes"))
        self.families: list[_FamilyIndex] = []
        for family in catalog.families:
            kw = family.words
            words, zh = _split((*kw.en, *kw.pinyin, *kw.abbreviations, *kw.zh))
            initials = frozenset(_compact(split_name(w)) for w in kw.initials)
            topic, topic_zh = _split(family.topic)
            generic, generic_zh = _split(family.generic)
            self.families.append(
                _FamilyIndex(family, words, initials, zh, topic, topic_zh, generic, generic_zh)
            )
        # Single words of every family: a flag naming one (`is_recheck`) is that information.
        self.family_words = frozenset(
            w for fam in self.families for w in (*fam.words, *fam.generic, *fam.topic)
        )
        # ... and so does a flag whose comment names one (`has_induction` '是否引产').
        self.family_words_zh = tuple(sorted({w for fam in self.families for w in fam.zh}))

    def role_of(self, token: str) -> str | None:
        """The role a name token names (``patients``; ``peispatientarchive`` contains one)."""
        role = self.roles.get(token)
        if role is not None:
            return role
        if len(token) >= 8 and token not in self.lookalikes:
            for word in self.long_roles:
                if word in token and len(token) >= len(word) + 3:
                    return self.roles[word]
        return None

    def role_zh(self, text: str) -> str | None:
        return next((role for w, role in self.roles_zh if w in text), None)


_RULES: dict[int, tuple[Catalog, SubjectRules]] = {}


def rules_for(catalog: Catalog) -> SubjectRules:
    """The (cached) subject rules of a catalog."""
    return per_catalog(_RULES, catalog, SubjectRules)


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


def _bare(name: str) -> str:
    return name.rsplit(".", 1)[-1]


def infer_subjects(datasets: Sequence[Dataset], catalog: Catalog) -> list[Subject]:
    """The subject of every dataset of one scan, in the order given."""
    rules = rules_for(catalog)
    by_name: dict[str, list[int]] = {}
    for i, ds in enumerate(datasets):
        by_name.setdefault(_compact(split_name(_bare(ds.name))), []).append(i)
        by_name.setdefault(ds.name.lower(), []).append(i)
    # proper suffixes of compact names: `patientarchive` finds `md_peispatientarchive`
    by_suffix: dict[str, list[int]] = {}
    for i, ds in enumerate(datasets):
        compact = _compact(split_name(_bare(ds.name)))
        for k in range(1, len(compact) - 3):
            by_suffix.setdefault(compact[k:], []).append(i)
    facts = [_own_facts(ds, rules) for ds in datasets]
    for i, ds in enumerate(datasets):
        facts[i].links = _links(ds, i, rules, by_name, datasets, by_suffix)
    owned = [not f.fixed and _owned_thing(rules, f) for f in facts]
    # Follow links until nothing changes: hadm_id → admissions → patients.
    for _ in range(_MAX_ROUNDS):
        changed = False
        for f in facts:
            if f.fixed or f.kind == "person_linked":
                continue
            for _link, target, role in f.links:
                if (
                    target is not None
                    and _about_people(facts[target])
                    and not owned[target]  # a listing of an owned house is about the house
                ):
                    f.kind, f.role = "person_linked", facts[target].role or facts[target].weak_role
                    changed = True
                    break
                if target is None and role is not None:
                    f.kind, f.role = "person_linked", role if role != "person" else None
                    changed = True
                    break
        changed |= _nesting(datasets, facts, by_name)
        if not changed:
            break
    out: list[Subject] = []
    for ds, f in zip(datasets, facts, strict=True):
        if f.kind == "unknown" and f.weak is not None:
            f.kind, f.role = f.weak, f.weak_role
            f.evidence.append(f.weak_evidence)
        links = [
            link
            for link, target, role in f.links
            if (target is not None and _about_people(facts[target]) and not owned[target])
            or (target is None and role is not None)
        ]
        if f.kind == "person_linked" and links:
            f.evidence.extend(_link_words(link, _bare(ds.name)) for link in links[:5])
        child = next((lk for lk, _t, role in f.links if role == "minor"), None)
        if f.kind == "person_linked" and f.role != "minor" and child is not None:
            f.role = "minor"  # a teacher's and a child's key: the record is about the child
            f.evidence.append(msg("subject.child_column", column=child.column))
        context = _minor_context(ds, rules) if f.role == "student" else None
        if f.kind in ("person", "person_linked") and context is not None:
            f.role = "minor"  # the pupils of a kindergarten or primary school are children
            f.evidence.append(msg("subject.children_context", word=context))
        if f.kind in ("person", "person_linked") and f.role != "minor":
            children = _minor_columns(ds, rules)
            if len(children) >= 2:
                f.role = "minor"
                f.evidence.append(msg("subject.child_columns", columns=children[:3]))
        out.append(
            Subject(
                kind=f.kind,
                role=f.role,
                evidence=tuple(dict.fromkeys(f.evidence)),
                links=tuple(dict.fromkeys(links)) if f.kind == "person_linked" else (),
            )
        )
    return out


def _about_people(f: _Facts) -> bool:
    """Rows about people: by kind, or by a table's identity columns (name, birthday, phone) that
    will make it a person's table when nothing stronger says otherwise."""
    return f.kind in ("person", "person_linked") or (f.kind == "unknown" and f.weak == "person")


def _owned_thing(rules: SubjectRules, f: _Facts) -> bool:
    """Rows of a thing that carry its owner's details (a house with its owner's name and phone):
    those fields are the owner's, but rows that point at the thing (a sale listing of the house)
    are about the thing, not the person."""
    personal = [link for link, _target, role in f.links if role is not None]
    return bool(personal) and all(
        _owner_details(rules, split_name(link.column))
        or any(w in link.column for w in rules.ownership_zh)
        for link in personal
    )


def _owner_details(rules: SubjectRules, tokens: tuple[str, ...]) -> bool:
    """``owner_name``, ``owner_phone``: the owner's details written on the thing's row (a key to
    the owner, ``owner_id``, makes the rows the owner's records instead)."""
    return (
        len(tokens) > 1
        and tokens[-1] not in _REFERENCE_TAILS
        and any(t in rules.ownership for t in tokens[:-1])
    )


def _own_facts(ds: Dataset, rules: SubjectRules) -> _Facts:
    bare = _bare(ds.name)
    tokens = split_name(bare)
    core = [t for t in tokens if t not in _TABLE_TAIL and not t.isdigit()] or list(tokens)
    head = core[-1] if core else ""
    first = tokens[0] if tokens else ""
    comment = ds.comment or ""
    zh_text = f"{bare} {comment}" if has_cjk(f"{bare}{comment}") else ""
    f = _Facts(ds.name)
    compact = _compact(tokens)

    def fix(kind: str, why: str, role: str | None = None) -> _Facts:
        f.kind, f.role, f.fixed = kind, role, True
        f.evidence.append(why)
        return f

    columns = [split_name(fld.name) if not has_cjk(fld.name) else () for fld in ds.fields]
    leafs = [_compact(c) for c in columns]
    # reference: by name, then by comment
    if (head in rules.reference and len(tokens) > 1) or (
        first in _REFERENCE_PREFIXES and len(tokens) > 1
    ):
        word = head if head in rules.reference else first
        return fix("reference", msg("subject.reference_name", name=bare, word=word))
    ref_zh = next((w for w in rules.reference_zh if w in zh_text), None)
    if ref_zh is not None and rules.role_zh(comment) is None:
        return fix("reference", msg("subject.reference_zh", word=ref_zh))
    # activity of a person: a log or login table with a column naming who acted
    activity = (
        any(t in rules.activity for t in tokens)
        or any(w in zh_text for w in rules.activity_zh)
        or any(rules.role_of(t) for t in core[:-1])
    )
    actor = next(
        (
            fld.name
            for fld, leaf, cols in zip(ds.fields, leafs, columns, strict=True)
            if leaf in rules.actors
            or any(t in rules.actors for t in cols)
            or any(w in (fld.comment or "") for w in rules.actors_zh)
        ),
        None,
    )
    # a person's file: a role word before `file` (human_file, employee_files)
    if head in rules.person_files:
        role = next((r for t in core[:-1] for r in [rules.role_of(t)] if r), None)
        if role is not None:
            return fix(
                "person",
                msg("subject.person_file", name=bare, word=head, roles=role_text(role)),
                role,
            )
    # system: by name
    if (head in rules.system or first in rules.system or compact in rules.system) and not (
        activity and actor
    ):
        word = head if head in rules.system else (first if first in rules.system else bare)
        return fix("system", msg("subject.system_name", name=bare, word=word))
    sys_zh = next((w for w in rules.system_zh if w in comment), None)
    if sys_zh is not None and rules.role_zh(comment) is None and not (activity and actor):
        return fix("system", msg("subject.system_comment", word=sys_zh))
    # person: the head of the name is a role or a document about one person
    role = rules.role_of(head)
    if role is not None:
        return fix("person", msg("subject.role_name", name=bare, roles=role_text(role)), role)
    pair = _compact(core[-2:]) if len(core) > 1 else ""
    if head in rules.documents or pair in rules.documents:
        role = next((r for t in core for r in [rules.role_of(t)] if r), None)
        word = head if head in rules.documents else " ".join(core[-2:])
        return fix("person", msg("subject.document", name=bare, word=word), role)
    # organisation: by name, unless its columns describe a person (a clinic's visit record)
    if head in rules.organisation:
        own = _person_only_columns(ds, rules)
        if len(own) >= 2:
            role = rules.role_zh(comment)
            why = msg("subject.org_but_person", name=bare, columns=own[:3])
            return fix("person", why, role)
        return fix("organisation", msg("subject.org_name", name=bare, word=head))
    # a role elsewhere in the name: rows belong to such a person (`patient_allergy`)
    role = next((r for t in core[:-1] for r in [rules.role_of(t)] if r), None)
    if role is not None:
        f.kind, f.role = "person_linked", role
        f.evidence.append(msg("subject.rows_of_role", name=bare, roles=role_text(role)))
        return f
    if activity and actor is not None:
        f.kind, f.role = "person_linked", "user"
        f.evidence.append(msg("subject.actor", column=actor))
        return f
    org_zh = next((w for w in rules.organisation_zh if w in comment), None)
    role = rules.role_zh(comment)
    if role is not None:
        doc = any(w in comment for w in rules.documents_zh) or comment.rstrip("表").endswith(
            ("信息", "资料", "档案")
        )
        if doc:
            return fix("person", msg("subject.comment_role", roles=role_text(role)), role)
        f.weak, f.weak_role = "person_linked", role
        f.weak_evidence = msg("subject.comment_rows", roles=role_text(role))
    elif org_zh is not None:
        return fix("organisation", msg("subject.org_comment", word=org_zh))
    # code lists by their columns: pinyin / five-stroke input codes
    ref_col = next(
        (
            fld.name
            for fld, leaf in zip(ds.fields, leafs, strict=True)
            if leaf in rules.reference_columns
            or any(w in f"{fld.name}{fld.comment or ''}" for w in rules.reference_columns_zh)
        ),
        None,
    )
    # people by their identity columns
    seen: set[str] = set()
    for fld, leaf, cols in zip(ds.fields, leafs, columns, strict=True):
        if leaf in rules.identity:
            seen.add(leaf)
        elif cols and cols[-1] in rules.identity and len(cols) <= 2:
            seen.add(cols[-1])
        else:
            text = f"{fld.name}{fld.comment or ''}"
            hit = next((w for w in rules.identity_zh if w in text), None)
            before = text.split(hit, 1)[0] if hit is not None else ""
            if hit is not None and (
                not _OTHER_PERSON_ZH.search(before) or rules.role_zh(before) is not None
            ):
                # 房主姓名, 承租人姓名: the row's person by role; 被替代者姓名: someone else
                seen.add(hit)
    if len(seen) >= 2 and seen - rules.weak_identity and f.weak is None:
        f.weak, f.weak_role = "person", None
        f.weak_evidence = msg("subject.identity_columns", columns=sorted(seen)[:4])
    elif ref_col is not None and f.weak is None and len(ds.fields) <= _MAX_CODE_LIST_COLUMNS:
        f.weak, f.weak_role = "reference", None
        f.weak_evidence = msg("subject.input_code", column=ref_col)
    return f


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
    """A word of the table's name or comment saying its people are young children
    (kindergarten, 幼儿园, 小学)."""
    tokens = split_name(_bare(ds.name))
    hit = next((t for t in tokens if t in rules.minor_contexts), None)
    if hit is None and ds.comment:
        hit = next((w for w in rules.minor_contexts_zh if w in ds.comment), None)
    if hit is None:
        # a student's kindergarten (`kindergarten_id`, 所在幼儿园): the pupil is a young child
        for fld in ds.fields:
            hit = next((t for t in split_name(fld.name) if t in rules.minor_contexts), None)
            if hit is None and fld.comment:
                hit = next((w for w in rules.minor_contexts_zh if w in fld.comment), None)
            if hit is not None:
                break
    return hit


def _minor_columns(ds: Dataset, rules: SubjectRules) -> list[str]:
    """Columns that describe a child (`babyBirthday`, `child_sex`), not flags or counts."""
    out: list[str] = []
    for fld in ds.fields:
        tokens = split_name(fld.name)
        if len(tokens) < 2 or tokens[0] in rules.neg_prefixes or tokens[-1] in rules.counts:
            continue
        if any(rules.roles.get(t) == "minor" for t in tokens[:-1]):
            out.append(fld.name)
    return out


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


def _link_words(link: SubjectLink, dataset: str) -> Words:
    """``orders.customer_id → customers (naming)``, in both languages."""
    target = link.target or msg("subject.a_person")
    via = msg(f"via.{link.via}") if f"via.{link.via}" in _VIAS else link.via
    return msg("subject.link", dataset=dataset, column=link.column, target=target, via=via)


_VIAS = frozenset({"via.foreign_key", "via.naming", "via.comment", "via.nesting"})


def _links(
    ds: Dataset,
    index: int,
    rules: SubjectRules,
    by_name: dict[str, list[int]],
    datasets: Sequence[Dataset],
    by_suffix: dict[str, list[int]],
) -> list[tuple[SubjectLink, int | None, str | None]]:
    out: list[tuple[SubjectLink, int | None, str | None]] = []

    def target_of(key: str) -> int | None:
        hits = [i for i in by_name.get(key, ()) if i != index]
        if not hits and len(key) >= 4:
            hits = [i for i in by_suffix.get(key, ()) if i != index]
        return hits[0] if len(set(hits)) == 1 else None

    declared: set[str] = set()
    for fk in ds.foreign_keys:
        key = _compact(split_name(_bare(fk.table)))
        target = target_of(key) if key else None
        if target is None:
            target = _named_target(fk.table, ds.name, index, by_name, datasets)
        role = rules.role_of(key) if key else None
        column = ", ".join(fk.columns)
        declared.update(c.lower() for c in fk.columns)
        named = _target_name(target, datasets) or _bare(fk.table)
        out.append((SubjectLink(column, named, "foreign_key"), target, role))
    for fld in ds.fields:
        if "." in fld.pointer[len(ds.name) + 1 :] or fld.name.lower() in declared:
            continue
        comment = fld.comment or ""
        if has_cjk(fld.name):
            role = rules.role_zh(fld.name) or (
                "person" if any(w in fld.name for w in rules.person_keys_zh) else None
            )
            if role is not None:
                out.append((SubjectLink(fld.name, None, "naming"), None, role))
            continue
        tokens = split_name(fld.name)
        if not tokens:
            continue
        compact = _compact(tokens)
        if compact in rules.person_keys:
            prefix = _compact(tokens[:-1]) if len(tokens) > 1 else ""
            target = target_of(prefix) if prefix else None
            role = rules.role_of(prefix) if prefix else None
            out.append(
                (
                    SubjectLink(fld.name, _target_name(target, datasets), "naming"),
                    target,
                    role or "person",
                )
            )
            continue
        last_role = rules.roles.get(tokens[-1]) if len(tokens) >= 2 else None
        if last_role is not None and not any(t in rules.handlers for t in tokens[:-1]):
            # `apply_user`, `leave_applicant`: the person who filed the row, not who handled it
            out.append((SubjectLink(fld.name, None, "naming"), None, last_role))
            continue
        if len(tokens) >= 2 and tokens[-1] in rules.key_suffixes:
            prefix = _compact(tokens[:-1])
            target = target_of(prefix)
            role = next((r for t in tokens[:-1] for r in [rules.role_of(t)] if r), None)
            role = role or rules.role_of(prefix)
            if (
                role is None
                and tokens[-1] not in _REFERENCE_TAILS
                and tokens[-1] != "no"
                and not (target is not None and _own_key(datasets[target]) == tokens[-1])
            ):
                # `order_num`, `group_name`: a number or name, not a key (unless the table
                # it names is keyed by that word: `travel_apply_code` → tp_travel_apply.code)
                target = None
            if any(t in rules.handlers for t in tokens[:-1]):
                target, role = None, None  # who handled the record, not whom it is about
            if target is not None or role is not None:
                out.append(
                    (
                        SubjectLink(fld.name, _target_name(target, datasets), "naming"),
                        target,
                        role,
                    )
                )
                continue
        if (
            comment
            and has_cjk(comment)
            and (
                any(w in comment for w in rules.person_keys_zh)
                or (
                    (tokens[-1] in rules.key_suffixes or comment.rstrip().endswith(_ZH_KEY_TAILS))
                    and rules.role_zh(comment) is not None
                )
            )
            and not any(w in comment for w in rules.counts_zh)
            and not any(t in rules.organisation for t in tokens)  # store_id '用户ID': the name wins
            and (tokens[-1] in rules.key_suffixes or len(tokens) == 1)
        ):
            role = rules.role_zh(comment) or "person"
            out.append((SubjectLink(fld.name, None, "comment"), None, role))
    return out


#: How a Chinese comment ends when its column names or numbers a person (读者姓名, 读者条码).
_ZH_KEY_TAILS = ("姓名", "编号", "条码", "证号", "卡号")


def _own_key(ds: Dataset) -> str | None:
    """The name of a dataset's own key: its one primary-key column."""
    return ds.primary_key[0].lower() if len(ds.primary_key) == 1 else None


def _named_target(
    table: str, own: str, index: int, by_name: dict[str, list[int]], datasets: Sequence[Dataset]
) -> int | None:
    """The dataset a foreign key names, by its full name (any case), else in the same schema.

    ``REFERENCES patient`` from ``his.visit`` finds ``his.patient`` when ``emr.patient`` is
    scanned too; an unqualified name that stays ambiguous links nowhere.
    """
    hits = [i for i in by_name.get(table.lower(), ()) if i != index]
    if not hits and "." not in table and "." in own:
        full = f"{own.rsplit('.', 1)[0]}.{table}".lower()
        hits = [i for i in by_name.get(full, ()) if i != index]
    return hits[0] if len(set(hits)) == 1 else None


def _target_name(target: int | None, datasets: Sequence[Dataset]) -> str | None:
    return _bare(datasets[target].name) if target is not None else None


def _nesting(
    datasets: Sequence[Dataset], facts: list[_Facts], by_name: dict[str, list[int]]
) -> bool:
    """Schemas nested in (or referenced by) a document about a person are person-linked."""
    changed = False
    for i, ds in enumerate(datasets):
        if ds.source_format not in _SCHEMA_DOCS or facts[i].kind not in ("person", "person_linked"):
            continue
        names: set[str] = set()
        for fld in ds.fields:
            rel = fld.pointer[len(ds.name) + 1 :] if fld.pointer.startswith(ds.name + ".") else ""
            for part in rel.replace("[]", "").split("."):
                names.add(_compact(split_name(part)))
            if fld.data_type:
                short = fld.data_type.replace('"', " ").replace(",", " ").split()
                for t in short:
                    t = t.strip("[]<>?").rsplit(".", 1)[-1]
                    if t and t.lower() not in ("null", "array", "record", "string"):
                        names.add(_compact(split_name(t)))
        for name in names:
            for j in by_name.get(name, ()):
                f = facts[j]
                if j == i or f.fixed or f.kind != "unknown":
                    continue
                if datasets[j].source_format not in _SCHEMA_DOCS:
                    continue
                f.kind, f.role = "person_linked", facts[i].role
                link = SubjectLink(name, _bare(ds.name), "nesting")
                f.links.append((link, i, None))
                f.evidence.append(msg("subject.nested", name=_bare(ds.name)))
                changed = True
    return changed


# --- findings in the light of the subject ----------------------------------------------------


def describe(subject: Subject, dataset: str) -> Words:
    """``table md_wz_life is person-linked (md_wz_life.patientarchive_id → md_peispatientarchive)``."""
    text: str = msg(f"kind.{subject.kind}") if subject.kind in _KINDS_SAID else subject.kind
    if subject.role and subject.kind == "person":
        text = msg("kind.person_role", roles=role_text(subject.role))
    why = (
        _link_target(subject.links[0], _bare(dataset))
        if subject.links
        else (subject.evidence[0] if subject.evidence else "")
    )
    if why:
        return msg("subject.table_why", name=_bare(dataset), what=text, why=why)
    return msg("subject.table", name=_bare(dataset), what=text)


_KINDS_SAID = frozenset({"person", "person_linked", "organisation", "reference", "system"})


def _link_target(link: SubjectLink, dataset: str) -> Words:
    """``md_wz_life.patientarchive_id → md_peispatientarchive``."""
    target = link.target or msg("subject.a_person")
    return Words(link.render(dataset), f"{dataset}.{link.column} → {_zh(target)}")


def _zh(text: str) -> str:
    return text.zh if isinstance(text, Words) else text


@functools.lru_cache(maxsize=1 << 14)
def _table_topic(rules: SubjectRules, tokens: frozenset[str], comment: str) -> frozenset[int]:
    """The families a table is on, by its name and its comment. Where a Chinese comment names a
    topic and an English name word another (`tp_check_project` '考核项目': an appraisal, not a
    health check), the comment, the more precise of the two, wins."""
    by_name = _on_topic(rules, tokens, "")
    by_comment = _on_topic(rules, frozenset(), comment) if has_cjk(comment) else frozenset()
    if not by_comment or by_name <= by_comment:
        return by_name | by_comment
    return by_comment | frozenset(k for k in by_name if not rules.families[k].family.all_on_topic)


def _on_topic(rules: SubjectRules, topic_tokens: frozenset[str], topic_text: str) -> frozenset[int]:
    """Indices of the families whose topic the dataset (or the field's parent object) is on."""
    zh = has_cjk(topic_text)
    if 1 < len(topic_tokens) <= _MAX_PAIRED_TOKENS:
        # two-word topics (`baby visit`, `follow up`) in either order of the name's words
        topic_tokens = topic_tokens | frozenset(
            a + b for a in topic_tokens for b in topic_tokens if a != b
        )
    return frozenset(
        k
        for k, fam in enumerate(rules.families)
        if fam.topic & topic_tokens or (zh and any(w in topic_text for w in fam.topic_zh))
    )


#: Names with more words than this are not searched for two-word topics.
_MAX_PAIRED_TOKENS = 6


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
    n = len(tokens)
    for i in range(n):
        for j in range(i + 1, min(n, i + 5) + 1):
            spans.append(("".join(tokens[i:j]), i == 0 and j == n))
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
            hit = word in fam.words or (whole and word in fam.initials)
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


def apply_subject(
    findings: Sequence[FieldFinding], dataset: Dataset, subject: Subject, catalog: Catalog
) -> list[FieldFinding]:
    """The findings of ``dataset`` adjusted to its subject (see the module docstring)."""
    rules = rules_for(catalog)
    if subject.about_person:
        found = _about_person(findings, dataset, subject, catalog, rules)
        topic = _dominant_topic(found, dataset, catalog, rules)
        if topic:
            found = _about_person(findings, dataset, subject, catalog, rules, topic)
        found = _sensitive_topic(found, dataset, subject, catalog, rules, topic)
        if subject.role == "minor":
            found = [_minor(f, dataset, subject, catalog) for f in found]
        else:  # a newborn's sex on the mother's delivery record is the child's
            found = [
                _minor(f, dataset, subject, catalog) if _child_column(rules, f.field) else f
                for f in found
            ]
        return found
    if subject.kind in ("reference", "organisation", "system"):
        return [_not_about_person(f, dataset, subject, rules) for f in findings]
    return _unknown_subject(findings, dataset, catalog, rules)


def _unknown_subject(
    findings: Sequence[FieldFinding], dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> list[FieldFinding]:
    """Nothing says what the rows are about: a bare ``uid`` is a record's id, not a user's;
    a column that names a person (``patient:triage``, ``patient_diagnosis``) is about one."""
    out = list(findings)
    for k, finding in enumerate(out):
        fld = finding.field
        tokens = split_name(fld.name)
        if (
            finding.personal
            and finding.element == "pi.online_identity.user_id"
            and _compact(tokens) in rules.ambiguous_ids
            and not _from_values(finding)
        ):
            ev = Evidence(
                "context",
                "subject-record-id",
                msg("subject.record_id", name=_bare(dataset.name), column=fld.name),
                finding.element,
            )
            out[k] = dataclasses.replace(
                finding,
                personal=False,
                sensitive=False,
                element=None,
                category=None,
                grade=catalog.defaults["unclassified"],
                evidence=(*finding.evidence, ev),
                sensitive_group=None,
            )
            continue
        if finding.personal:
            continue
        rel = fld.pointer[len(dataset.name) + 1 :] if fld.pointer.startswith(dataset.name) else ""
        words = [t for part in rel.replace("[]", "").split(".") for t in split_name(part)]
        role = next((r for t in words[:-1] or words for r in [rules.role_of(t)] if r), None)
        if role is None:
            continue
        own = Subject(
            "person_linked",
            role,
            (msg("subject.column_role", column=fld.name, roles=role_text(role)),),
            (SubjectLink(fld.name, None, "naming"),),
        )
        out[k] = _about_person([finding], dataset, own, catalog, rules)[0]
    return out


def _from_values(finding: FieldFinding) -> bool:
    return any(ev.source == "value" for ev in finding.evidence)


def _not_about_person(
    finding: FieldFinding, dataset: Dataset, subject: Subject, rules: SubjectRules
) -> FieldFinding:
    element = finding.element
    if not finding.personal or element is None or _from_values(finding):
        return finding
    covered = list(rules.attribute_categories)
    if subject.kind == "organisation" and not _names_person(rules, finding):
        covered.extend(rules.org_attributes)
    if not any(element == c or element.startswith(c + ".") for c in covered):
        return finding
    ev = Evidence(
        "context",
        "subject-not-person",
        msg(
            "subject.because",
            context=describe(subject, dataset.name),
            why=msg("subject.not_person"),
        ),
        element,
    )
    return dataclasses.replace(
        finding,
        personal=False,
        sensitive=False,
        element=None,
        category=None,
        grade=rules.catalog.defaults["unclassified"],
        confidence=round(1.0 - finding.confidence * 0.2, 3),
        evidence=(*finding.evidence, ev),
        kind="column",
        sensitive_group=None,
    )


def _about_person(
    findings: Sequence[FieldFinding],
    dataset: Dataset,
    subject: Subject,
    catalog: Catalog,
    rules: SubjectRules,
    extra_topic: frozenset[int] = frozenset(),
) -> list[FieldFinding]:
    bare = _bare(dataset.name)
    table_tokens = frozenset(split_name(bare))
    table_text = f"{bare} {dataset.comment or ''}"
    context = describe(subject, dataset.name)
    table_topic = _table_topic(rules, table_tokens, dataset.comment or "") | extra_topic
    table_topic |= _parent_topic(rules, dataset, subject)
    # rows are people: by the subject, or by columns only a person has (birth date, ID number)
    people = subject.kind == "person" or len(_person_only_columns(dataset, rules)) >= 2
    own_key = _own_key(dataset)
    membership = bool(table_tokens & rules.membership) or any(
        w in table_text for w in rules.membership_zh
    )
    out: list[FieldFinding] = []
    for finding in findings:
        fld = finding.field
        if finding.personal:
            if (
                finding.element == "pi.financial.bank_card"
                and membership
                and not _from_values(finding)
                and "pi.identity.membership_card" in catalog.elements
                and not any(
                    w in f"{fld.name} {fld.comment or ''}".lower()
                    for w in ("bank", "银行", "credit", "信用")
                )
            ):
                card = catalog.elements["pi.identity.membership_card"]
                ev = Evidence(
                    "context",
                    "subject-membership-card",
                    msg("subject.because", context=context, why=msg("subject.membership_card")),
                    card.id,
                )
                finding = dataclasses.replace(
                    finding,
                    element=card.id,
                    category=card.category,
                    sensitive=card.sensitive,
                    sensitive_group=card.sensitive_group if card.sensitive else None,
                    grade=card.grade,
                    evidence=(*finding.evidence, ev),
                )
            described = _described_sensitive(rules, finding, table_topic, catalog)
            if described is not None:
                element, word = described
                category = Words(
                    catalog.category_name(element.category).lower(),
                    catalog.category_name(element.category, "zh"),
                )
                why = msg("subject.comment_says", word=word, category=category)
                ev = Evidence("context", "subject-family", _because(context, why), element.id)
                finding = _as_element(finding, element, ev)
            out.append(finding)
            continue
        if fld.name.startswith("@"):
            out.append(finding)  # a JSON-LD keyword (`@type`, `@id`): markup, not the person's
            continue
        rel = (
            fld.pointer[len(dataset.name) + 1 :]
            if fld.pointer.startswith(dataset.name + ".")
            else fld.name
        )
        parents = [p.replace("[]", "") for p in rel.split(".")[:-1]]
        on_topic = table_topic
        if parents:
            topic_tokens = table_tokens | frozenset(t for p in parents for t in split_name(p))
            on_topic = _on_topic(rules, topic_tokens, table_text) | extra_topic
        comment = _CODE_LIST.sub("", fld.comment or "")
        cjk = has_cjk(fld.name)
        tokens = () if cjk else split_name(fld.name)
        zh_text = f"{fld.name if cjk else ''} {comment if has_cjk(comment) else ''}"
        en_words = (
            tuple(split_name(comment))
            if comment and not has_cjk(comment) and len(comment) < 60
            else ()
        )
        top = fld.pointer == f"{dataset.name}.{fld.name}"  # not inside a nested object
        weak = _weak_name(finding, catalog) if subject.kind == "person" and top else None
        if weak is not None:
            element, word = weak
            why = msg("subject.person_record", word=word)
            ev = Evidence("context", "subject-person-record", _because(context, why), element.id)
            out.append(_as_element(finding, element, ev))
            continue
        staff = _named_by_role(rules, tokens, fld.data_type)
        if staff is not None and "pi.identity.name" in catalog.elements:
            element = catalog.elements["pi.identity.name"]
            why = msg(
                "subject.staff_name", column=fld.name, staff=Words(staff, role_text(staff).zh)
            )
            ev = Evidence("context", "subject-person-column", _because(context, why), element.id)
            out.append(_as_element(finding, element, ev))
            continue
        # the row's own key is bookkeeping unless its words say what it is (住院号)
        meta = _meta(rules, tokens, zh_text) or fld.name.lower() == own_key
        name_of = _PERSON_NAME_ZH.match(zh_text.strip()) if zh_text.strip() else None
        if (
            name_of is not None
            and (name_of.group(2) or len(name_of.group(1)) > 1)  # 投保人名称, 行驶证车主
            and "pi.identity.name" in catalog.elements
        ):
            element = catalog.elements["pi.identity.name"]
            why = msg("subject.person_name", word=name_of.group(0))
            ev = Evidence("context", "subject-person-column", _because(context, why), element.id)
            out.append(_as_element(finding, element, ev))
            continue
        match = _family_match(rules, tokens, zh_text, en_words, on_topic, subject.kind == "person")
        if match is not None and any(w in zh_text for w in rules.code_system_zh):
            match = None  # the name of a coding system (症状代码编码系统名称), not a symptom
        if (
            match is not None
            and meta
            and match[1] != _compact(tokens)
            and not (match[0].family.keys_named and _key_of_a_thing(rules, tokens, bare))
        ):
            match = None  # a key or bookkeeping column: only a family word naming it whole counts
        if (
            match is None
            and tokens
            and (not meta or _topic_flag(rules, tokens))
            and not _names_other(rules, tokens, zh_text)
        ):
            # on a topic whose every column counts, whether something held counts too
            match = _all_on_topic(rules, on_topic, fld.name)
        elif match is None and tokens and _key_of_a_thing(rules, tokens, bare):
            match = _all_on_topic(rules, on_topic, fld.name, keys=True)
        elif match is None and tokens and _compact(tokens) in rules.event_columns:
            # an order's status and creation time: when the person acted and where it stands
            match = _all_on_topic(rules, on_topic, fld.name, keys=True)
        elif match is None and tokens and tokens[-1] in rules.counts and len(tokens) <= 3:
            # how much of a drug or procedure a patient had is health information too
            found = _all_on_topic(rules, on_topic, fld.name)
            element = catalog.elements.get(found[0].family.element) if found else None
            match = found if element is not None and element.sensitive else None
        if match is not None and _event_time(rules, tokens, zh_text, match, catalog):
            # `pay_time` of an order: not an amount, but the time of the person's action
            match = _all_on_topic(rules, on_topic, fld.name) if tokens and not meta else None
            if match is not None and _event_time(rules, tokens, zh_text, match, catalog):
                match = None
        if match is None and not meta and subject.kind == "person" and comment:
            owner = _POSSESSIVE_EN.search(comment)
            word = (owner.group(1) or owner.group(2) or "").lower() if owner is not None else ""
            if word and rules.role_of(word) is not None:
                match = _profile_family(rules)
        guessed = _thing_table_guess(finding, catalog) if people and match is None else None
        if (
            guessed is not None
            and not any(w in zh_text for w in rules.code_system_zh)
            and not _names_other(rules, tokens, zh_text)
        ):
            why = msg("subject.rows_are_people", column=fld.name)
            ev = Evidence("context", "subject-person-record", _because(context, why), guessed.id)
            out.append(_as_element(finding, guessed, ev))
            continue
        if match is None:
            person_ref = _person_column(zh_text, catalog)
            if person_ref is not None:
                element, reason = person_ref
                ev = Evidence(
                    "context", "subject-person-column", _because(context, reason), element.id
                )
                out.append(_as_element(finding, element, ev))
                continue
        if match is None:
            out.append(finding)
            continue
        fam, word = match
        target = catalog.elements.get(fam.family.element)
        if target is None:
            out.append(finding)
            continue
        element = target
        category = Words(
            catalog.category_name(element.category).lower(),
            catalog.category_name(element.category, "zh"),
        )
        family = Words(fam.family.names.en.lower(), fam.family.names.zh)
        why = msg("subject.family", word=word, category=category, family=family)
        ev = Evidence(
            "context",
            "subject-family",
            _because(context, why),
            element.id,
            W_FAMILY,
        )
        out.append(_as_element(finding, element, ev))
    return out


def _weak_name(finding: FieldFinding, catalog: Catalog) -> tuple[Any, str] | None:
    """The element a generic name word proposed (``name``, ``nation``) that was left out because
    nothing said the table is about people: in a record of one person it is that person's."""
    if any(ev.source == "negative" for ev in finding.evidence):
        return None
    whole = _compact(split_name(finding.field.name))
    for ev in finding.evidence:
        if ev.rule.startswith("name-weak") and ev.element in catalog.elements:
            word = ev.detail.split("'")[1] if ev.detail.count("'") >= 2 else ""
            if _compact(split_name(word)) == whole:  # the column is the word (`name`, `nation`)
                return catalog.elements[ev.element], word
    return None


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
    return _on_topic(rules, frozenset(tokens), text) if tokens or text.strip() else frozenset()


def _described_sensitive(
    rules: SubjectRules, finding: FieldFinding, topic: frozenset[int], catalog: Catalog
) -> tuple[Any, str] | None:
    """A field its name made ordinary PI (``birth_time``: a birth date) whose Chinese comment
    the name did not match and that names a sensitive family (分娩时间: a delivery): the comment,
    the schema author's own description, decides."""
    comment = _CODE_LIST.sub("", finding.field.comment or "")
    if (
        finding.sensitive
        or not has_cjk(comment)
        or any(ev.source in ("comment", "value") for ev in finding.evidence)
    ):
        return None
    match = _family_match(rules, (), comment, (), topic)
    element = catalog.elements.get(match[0].family.element) if match is not None else None
    if match is None or element is None or not element.sensitive:
        return None
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
    kind = (data_type or "").lower()
    login = role == "user" and (len(tokens) == 1 or tokens[0] in rules.actors)
    if role is None or login or not any(t in kind for t in _TEXT_TYPES):
        return None
    return role


def _thing_table_guess(finding: FieldFinding, catalog: Catalog) -> Any | None:
    """The element a field name matched that was left out only because the table's name or
    comment looked like one about things (``应聘岗位``, a job applicant's form)."""
    if any(
        ev.source in ("negative", "type") or ev.rule == "dictionary-table"
        for ev in finding.evidence
    ):
        return None
    for ev in finding.evidence:
        if ev.rule == "table-non-person" and ev.element in catalog.elements:
            return catalog.elements[ev.element]
    return None


def _profile_family(rules: SubjectRules) -> tuple[_FamilyIndex, str] | None:
    """The family of a person's other attributes (catalog: the ``profile_attributes`` family)."""
    fam = next((f for f in rules.families if f.family.id == "profile_attributes"), None)
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
                and tokens[-1] in _CODE_TAILS
                and _compact(tokens[:-1]) in rules.meta
            )
            or tokens[-1] in _REFERENCE_TAILS
            or tokens[-1] in rules.counts
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
    if len(tokens) < 2 or tokens[-1] not in _REFERENCE_TAILS:
        return False
    head = tokens[:-1]
    if _compact(head) in rules.meta or _compact(tokens) in rules.meta:
        return False
    if any(rules.role_of(t) or t in rules.handlers for t in head):
        return False
    return _compact(head) not in _compact(split_name(table))


def _names_person(rules: SubjectRules, finding: FieldFinding) -> bool:
    """Whether a column says it belongs to a person (``contact_phone``, 负责人电话)."""
    fld = finding.field
    tokens = split_name(fld.name)
    if any(t in rules.person_columns or rules.role_of(t) for t in tokens):
        return True
    text = f"{fld.name}{fld.comment or ''}"
    return any(w in text for w in rules.person_columns_zh) or rules.role_zh(text) is not None


def _person_column(zh_text: str, catalog: Catalog) -> tuple[Any, str] | None:
    """In a dataset about a person, a comment naming a person's number (房主编号) is a key of
    that person, one naming a person (治安责任人) is a name."""
    text = zh_text.strip()
    if not text:
        return None
    number = _PERSON_NUMBER_ZH.search(text)
    if number is not None and "pi.online_identity.user_id" in catalog.elements:
        what = number.group(0)  # only the words matched: a comment may hold an example value
        return catalog.elements["pi.online_identity.user_id"], msg(
            "subject.person_number", word=what
        )
    if _PERSON_NAME_ZH.match(text) and "pi.identity.name" in catalog.elements:
        return catalog.elements["pi.identity.name"], msg("subject.names_person", word=text)
    return None


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


def _sensitive_topic(
    findings: list[FieldFinding],
    dataset: Dataset,
    subject: Subject,
    catalog: Catalog,
    rules: SubjectRules,
    extra_topic: frozenset[int] = frozenset(),
) -> list[FieldFinding]:
    """In a record of a sensitive topic (a health examination, a criminal case), the person's
    other attributes there (a description, a department, a place) are that sensitive information."""
    bare = _bare(dataset.name)
    topic = _table_topic(rules, frozenset(split_name(bare)), dataset.comment or "")
    topic |= extra_topic
    family = next(
        (rules.families[k] for k in sorted(topic) if rules.families[k].family.all_on_topic),
        None,
    )
    element = catalog.elements.get(family.family.element) if family is not None else None
    if family is None or element is None or not element.sensitive:
        return findings
    out: list[FieldFinding] = []
    for finding in findings:
        eid = finding.element
        if (
            not finding.personal
            or finding.sensitive
            or eid is None
            or _from_values(finding)
            or not any(eid == c or eid.startswith(c + ".") for c in rules.attribute_categories)
        ):
            out.append(finding)
            continue
        ev = Evidence(
            "context",
            "subject-sensitive-topic",
            _because(
                describe(subject, dataset.name),
                msg(
                    "subject.topic",
                    family=Words(family.family.names.en.lower(), family.family.names.zh),
                ),
            ),
            element.id,
        )
        out.append(_as_element(finding, element, ev))
    return out


#: A person's table is on a sensitive topic by its columns when at least this many of them, and
#: this share of its attribute columns, are already that sensitive information.
_DOMINANT_MIN = 3
_DOMINANT_SHARE = 0.3


def _dominant_topic(
    findings: Sequence[FieldFinding], dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> frozenset[int]:
    """A record whose name says nothing (``Feme``, ``Features``) but whose columns are mostly
    one category of sensitive information (menarche, disease history, vision…) is a record of
    that topic: the family (one whose every column counts on its topic) of that category."""
    bare = _bare(dataset.name)
    own = _table_topic(rules, frozenset(split_name(bare)), dataset.comment or "")
    if any(rules.families[k].family.all_on_topic for k in own):
        return frozenset()
    attributes = 0
    per_category: dict[str, int] = {}
    for finding in findings:
        fld = finding.field
        cjk = has_cjk(fld.name)
        tokens = () if cjk else split_name(fld.name)
        zh_text = f"{fld.name if cjk else ''} {fld.comment if has_cjk(fld.comment or '') else ''}"
        if _meta(rules, tokens, zh_text):
            continue
        attributes += 1
        if finding.sensitive and finding.category is not None and not _from_values(finding):
            per_category[finding.category] = per_category.get(finding.category, 0) + 1
    if not per_category:
        return frozenset()
    category, count = max(per_category.items(), key=lambda item: (item[1], item[0]))
    if count < _DOMINANT_MIN or count < _DOMINANT_SHARE * attributes:
        return frozenset()
    for k, fam in enumerate(rules.families):
        element = catalog.elements.get(fam.family.element)
        if fam.family.all_on_topic and element is not None and element.category == category:
            return frozenset({k})
    return frozenset()


def _minor(
    finding: FieldFinding, dataset: Dataset, subject: Subject, catalog: Catalog
) -> FieldFinding:
    """All personal information of a child under 14 is sensitive (PIPL Art. 28, Art. 31)."""
    if not finding.personal or finding.sensitive:
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
