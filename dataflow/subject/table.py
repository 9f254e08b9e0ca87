"""What a dataset's own name, comment and columns say about its rows, before links are followed.

``own_facts`` tries the rules in order; the first that decides the subject (``fixed``) wins. Rules
that only suggest one (a role in a comment, identity columns, input-code columns) leave a weaker
verdict for when no link says more.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dataflow.detect.metadata import has_cjk
from dataflow.detect.metadata.scripts import has_native, native_reading, unread_letters
from dataflow.detect.metadata.words import fold, is_cyrillic
from dataflow.i18n import msg, role_text
from dataflow.model import Dataset, Field, Words, top_level
from dataflow.subject.links import comment_role, plate_column, table_comment_core
from dataflow.subject.own import _bare, _Facts, _person_only_columns
from dataflow.subject.rules import (
    _MAX_CODE_LIST_COLUMNS,
    _OTHER_PERSON_ZH,
    LEDGER_ROLE,
    SCHEMA_DOCS,
    SubjectRules,
    _compact,
    split_name,
)
from dataflow.subject.topics import (
    _family_match,
    _kinds_topic,
    _table_topic,
    _wearable_word,
    described_kinds,
    device_location,
    medical_device_word,
    name_tokens,
)


@dataclass(frozen=True)
class TableName:
    """A dataset's name, comment and column words, as the rules read them."""

    bare: str
    tokens: tuple[str, ...]
    core: list[str]  # name words without table tails (`info`, `tbl`) and numbers
    head: str
    first: str
    comment: str
    zh_text: str
    compact: str
    columns: list[tuple[str, ...]]
    leafs: list[str]
    activity: bool  # a log or login table
    actor: str | None  # the column naming who acted

    @classmethod
    def of(cls, ds: Dataset, rules: SubjectRules, prefix: str | None = None) -> TableName:
        bare = _bare(ds.name)
        tokens = _unglued(rules, rules.spelled(split_name(bare)))
        if prefix is not None and len(tokens) > 1 and tokens[0] == prefix:
            tokens = tokens[1:]  # the application's name (``application_prefix``)
        core = [t for t in tokens if t not in rules.table_tails and not t.isdigit()] or list(tokens)
        if ds.source_format in SCHEMA_DOCS:
            core = _message_core(rules, core)
        comment = fold(ds.comment or "")
        zh_text = f"{bare} {comment}" if has_cjk(f"{bare}{comment}") else ""
        columns = [split_name(fld.name) if not has_cjk(fld.name) else () for fld in ds.fields]
        leafs = [_compact(c) for c in columns]
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
                if (
                    leaf in rules.actors
                    or any(t in rules.actors for t in cols)
                    or any(w in (fld.comment or "") for w in rules.actors_zh)
                )
                and not _written_by(cols, rules)
            ),
            None,
        )
        sent = [
            fld.name
            for fld, leaf in zip(ds.fields, leafs, strict=True)
            if leaf in rules.message_columns
        ]
        if len(sent) >= 2:  # `header.from`, `to`, `cc`: a message its sender sent to people
            activity, actor = True, actor or sent[0]
        return cls(
            bare,
            tokens,
            core,
            core[-1] if core else "",
            tokens[0] if tokens else "",
            comment,
            zh_text,
            _compact(tokens),
            columns,
            leafs,
            activity,
            actor,
        )


def _message_core(rules: SubjectRules, core: list[str]) -> list[str]:
    """The thing an event or message schema is named for, without the operation, the format and
    the version its name wraps it in (`CreateAccommodationAvroV1`: accommodation;
    `UserUpdatedAvroV2`: user): the last word of what is left is the dataset's head."""
    words = list(core)
    while len(words) > 1 and (
        words[-1] in rules.message_formats
        or words[-1] in rules.message_operations
        or words[-1] == "v"  # `V1`, split as v and 1 (the number is already dropped)
    ):
        words.pop()
    while len(words) > 1 and words[0] in rules.message_operations:
        words.pop(0)
    return words if words != core else core


def _unglued(rules: SubjectRules, tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Name words with a record tail written together split off (`schoolinfo` → school, info),
    and a list-of-kinds word written together with the role before it (`customertype` →
    customer, type)."""
    out: list[str] = []
    for t in tokens:
        tail = next((w for w in rules.record_table_tails if t.endswith(w)), None)
        kinds = next(
            (
                w
                for w in rules.glued_reference_tails
                if t.endswith(w) and t[: -len(w)] in rules.roles
            ),
            None,
        )
        if tail is not None and len(t) - len(tail) >= 3 and t.isalpha():
            out.extend((t[: -len(tail)], tail))
        elif kinds is not None and t.isalpha():
            out.extend((t[: -len(kinds)], kinds))
        else:
            out.append(t)
    return tuple(out) if len(out) != len(tokens) else tokens


def own_facts(ds: Dataset, rules: SubjectRules, prefix: str | None = None) -> _Facts:
    """What ``ds`` says about its own rows (see the module docstring); ``prefix`` is the first
    word of its name when that word names the application (``application_prefix``)."""
    n = TableName.of(ds, rules, prefix)
    f = _Facts(ds.name)
    for rule in _RULES:
        decided = rule(ds, n, rules, f)
        if decided is not None:
            return decided
    return f


def application_prefix(datasets: Sequence[Dataset], rules: SubjectRules) -> dict[str, str]:
    """Per source file, a role word that begins the name of every table of the file, three or
    more, some of which are configuration after it (`employee_menu_t`, `employee_role_t`,
    `employee_dept_t` of an employee back office): the application's name, not whom the rows
    are about (a person has no menus). One pass over the datasets."""
    first: dict[str, set[str]] = {}
    count: dict[str, int] = {}
    system: dict[str, bool] = {}
    for ds in datasets:
        tokens = split_name(_bare(ds.name))
        path = ds.source_path
        first.setdefault(path, set()).add(tokens[0] if len(tokens) > 1 else "")
        count[path] = count.get(path, 0) + 1
        core = [t for t in tokens[1:] if t not in rules.table_tails and not t.isdigit()]
        system[path] = system.get(path, False) or bool(core and core[-1] in rules.system)
    out: dict[str, str] = {}
    for path, words in first.items():
        word = next(iter(words))
        if (
            len(words) == 1
            and count[path] >= _MIN_PREFIXED
            and system[path]
            and rules.role_of(word)
        ):
            out[path] = word
    return out


#: Identity columns of different kinds (a mobile, a telephone, an e-mail, an ID number; not the
#: weak ones: a name, a sex, an age) that make a table named like configuration a person's.
_SYSTEM_PERSON_IDENTITY = 3

#: Tables of one file that must share a role word as the first word of their names before that
#: word is taken for the application's name.
_MIN_PREFIXED = 3


def _fix(f: _Facts, kind: str, why: str, role: str | None = None) -> _Facts:
    f.kind, f.role, f.fixed = kind, role, True
    f.evidence.append(why)
    return f


def _linked(f: _Facts, role: str, why: str) -> _Facts:
    """``f`` as the records of a person in ``role``, for the reason ``why``; unlike ``_fix``,
    links found later may still say more."""
    f.kind, f.role = "person_linked", role
    f.evidence.append(why)
    return f


def _wearable(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """A schema document recorded by a wearable or fitness device (`FitbitIntradaySteps`,
    `FitbitActivityLevels`): rows of the person who wears it, whatever its last word says."""
    word = _wearable_word(rules, ds)
    if word is None:
        return None
    why = msg("subject.wearable", name=n.bare, word=word)
    return _fix(f, "person_linked", why, "user")


def _medical_device(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """A schema document recorded by a medical device a patient wears or carries (a continuous
    glucose monitor's readings, an insulin pump's status: ``medical_device_word``): rows of that
    patient, whatever the document is called; a site that shows them is one patient's record."""
    word = medical_device_word(rules, ds)
    if word is None:
        return None
    why = msg("subject.medical_device", name=n.bare, word=word)
    return _fix(f, "person_linked", why, "patient")


#: HTTP methods: a schema named after an API operation (`get-api-v1-me response 200`) starts
#: with one.
_HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete"})


#: The name of an API operation's reply for a client or server error (`… response 400`,
#: `DetailsResponse404`, `response 5XX`).
_ERROR_STATUS = re.compile(r"response\s*[45](?:\d\d|xx)\b", re.IGNORECASE)


def _error_status_reply(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """An API operation's reply for a failed call (status 4xx or 5xx): it reports what went wrong
    with the call (`success`, `error`, `errorType`), not a person's record, whoever called."""
    if ds.source_format not in SCHEMA_DOCS or ds.api is None:
        return None
    hit = _ERROR_STATUS.search(ds.name)
    if hit is None:
        return None
    return _fix(f, "system", msg("subject.error_status_reply", name=n.bare, status=hit.group(0)))


def caller_self_word(ds: Dataset, rules: SubjectRules) -> str | None:
    """The word (``caller_self_words``) by which a request or reply of an API operation is on
    the signed-in caller's own account (`GET /api/v1/me`), or ``None``."""
    if ds.source_format not in SCHEMA_DOCS:
        return None
    words = split_name(ds.name.split(" ", 1)[0])
    if len(words) < 2 or words[0] not in _HTTP_METHODS:
        return None
    return next((w for w in words[1:] if w in rules.caller_self), None)


def _caller_self(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """A request or reply of an API operation on the signed-in caller's own account (its path
    says `me`: `GET /api/v1/me`; ``caller_self_words``): one person's record, the caller's."""
    word = caller_self_word(ds, rules)
    if word is None:
        return None
    why = msg("subject.caller_self", name=n.bare, word=word)
    return _fix(f, "person", why, "user")


def _device_location(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """A schema document about where a device is (`Location` with a `device` member, a
    location-verification request or response): the device is carried by a person, so the
    document is about that person (``device_location``)."""
    column = device_location(rules, ds)
    if column is None:
        return None
    why = msg("subject.device_location", name=n.bare, column=column)
    return _fix(f, "person_linked", why, "user")


def _reference(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """A code list by its name (`dict_*`, `*_type`), then by its comment (字典). A code-list word
    after a role (`student_template`) gives way to a comment that calls the table that role's
    table (学生表, 学生信息表): a copy of the people's table, not a list of codes."""
    if (
        (
            (n.head in rules.reference and len(n.tokens) > 1)
            or (
                n.first in rules.reference_prefixes
                and len(n.tokens) > 1
                # `d_paciente` of a dimensional mart: the dimension of patients, not a code list
                and not (len(n.core) == 2 and rules.role_of(n.head))
                and not (_described_dimension(n.comment, rules) and _role_keyed(n, rules))
            )
            or _definitions(n.head, rules)
            or (len(n.tokens) == 1 and n.head in rules.reference_names)
        )
        and not _role_log(n, rules)
        and not _role_table_comment(n, rules)
        and _persons_key_column(ds, n, rules) is None
    ):
        word = n.head if n.head in rules.reference else n.first
        own = _person_identity_columns(ds, n, rules)
        if own:
            # `cur_assets_package` of a debt-collection system (资产包: a portfolio of debts) with
            # the debtor's sex, birth date, ID card and marital status: rows of people, not codes
            why = msg("subject.reference_but_person", name=n.bare, word=word, columns=own[:3])
            return _fix(f, "person", why, rules.role_zh(n.comment))
        return _fix(f, "reference", msg("subject.reference_name", name=n.bare, word=word))
    ref_zh = next((w for w in rules.reference_zh if w in n.zh_text), None)
    if ref_zh is not None and rules.role_zh(n.comment) is None:
        return _fix(f, "reference", msg("subject.reference_zh", word=ref_zh))
    if _keyed_by_own_code(ds, n, rules):
        return _fix(f, "reference", msg("subject.reference_name", name=n.bare, word=n.tokens[-1]))
    return None


#: The shortest stem of a code column's name (`syoubyoucd`: `syoubyou`) read as a thing's name.
_MIN_CODE_STEM = 3

#: Columns only a person has (birth date, sex, ID card…), of different kinds, that make a table
#: named like a code list a table of people. A check-up package for women aged 18-60 who are
#: married (`sex`, `marital`) says whom an entry is for with two at most.
_REFERENCE_PERSON_ONLY = 3


def _person_identity_columns(ds: Dataset, n: TableName, rules: SubjectRules) -> list[str]:
    """Columns that make a table named like a code list or configuration a person's own: three
    kinds of columns only a person has, or three strong ways to identify or reach one (a mobile,
    an e-mail, an ID number); empty when there are fewer."""
    own = _person_only_columns(ds, rules)
    if len(own) >= _REFERENCE_PERSON_ONLY:
        return own
    strong = sorted(_identity_columns(ds, n, rules) - rules.weak_identity)
    return strong if len(strong) >= _SYSTEM_PERSON_IDENTITY else []


def _described_dimension(comment: str | None, rules: SubjectRules) -> bool:
    """A description calling the table a dimension of a dimensional model ('Dimensão de
    atendimentos', 'Customer dimension', 患者维度表)."""
    text = (comment or "").lower()
    return any(
        w in text for w in rules.dimension_words if has_cjk(w)
    ) or not rules.dimension_words.isdisjoint(re.findall(r"\w+", text))


def _role_keyed(n: TableName, rules: SubjectRules) -> bool:
    """A column naming a person's key, a role word with a key word (`cd_paciente`, `patient_id`)."""
    return any(
        len(tokens) >= 2
        and any(t in rules.key_suffixes for t in tokens)
        and any(rules.role_of(t) for t in tokens)
        for tokens in n.columns
    )


def _role_log(n: TableName, rules: SubjectRules) -> bool:
    """A name ending in a log word after a role and a code-list word (`ClienterOptionLog`,
    `member_level_history`): a log of what those people did or had, not a list of codes."""
    return (
        len(n.tokens) > 2
        and n.tokens[-1] in rules.activity
        and any(rules.role_of(t) for t in n.tokens[:-2])
    )


def _definitions(word: str, rules: SubjectRules) -> bool:
    """`allergydef`: a word ending in a definition ending after at least three letters."""
    return any(word.endswith(e) and len(word) >= len(e) + 3 for e in rules.reference_endings)


def _key_endings(rules: SubjectRules) -> tuple[str, ...]:
    """The words a comment naming a key ends in: key suffixes (`id`, `no`) and person key tails."""
    return (*rules.key_suffixes, *rules.person_key_tails)


def _persons_key_column(ds: Dataset, n: TableName, rules: SubjectRules) -> str | None:
    """A column whose comment names the key of the person the row belongs to (`sole`
    '学生唯一id' of `write_record_template`): the rows are that person's records, whatever code-list
    word the table's name ends in."""
    return next(
        (
            fld.name
            for fld, tokens in zip(ds.fields, n.columns, strict=True)
            if tokens
            and not set(tokens) & set(n.tokens)  # `level_cd` of `user_level`: its own code
            # it ends in a key word (学生唯一id, 用户编号), not a person's level or kind (用户级别)
            and (fld.comment or "").rstrip().lower().endswith(_key_endings(rules))
            and comment_role(rules, fld, tokens) is not None
        ),
        None,
    )


def _keyed_by_own_code(ds: Dataset, n: TableName, rules: SubjectRules) -> bool:
    """A table keyed by a code named like the table itself (`GENDER_CODE` keyed by
    `GENDER_CODE`, `ACCESS_CHANNEL_CODE`), or by the table's name and a code word
    (`MEMBER_STATUS` keyed by `MEMBER_STATUS_CODE`, `WITHDRAWAL_REASON` by
    `WITHDRAWAL_REASON_CODE`): its rows are the codes other tables hold. A table named by a
    role alone (`MEMBER` keyed by `MEMBER_CODE`) is that role's people, not a code list."""
    if len(ds.primary_key) != 1 or len(n.tokens) < 2:
        return False
    key = split_name(ds.primary_key[0])
    if n.tokens[-1] in rules.code_tails:
        return _compact(key) == n.compact
    return (
        len(key) > 1
        and key[-1] in rules.code_tails
        and _compact(key[:-1]) == n.compact
        and not rules.role_of(n.head)
    )


def _role_table_comment(n: TableName, rules: SubjectRules) -> bool:
    """The name has a role word before its code-list word and the comment is that role's table."""
    if not any(rules.role_of(t) for t in n.core[:-1]):
        return False
    text = table_comment_core(n.comment)
    return bool(text) and any(text.endswith(w) for w, _ in rules.roles_zh)


def _person_file(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """A person's file: a role word before `file` (human_file, employee_files)."""
    if n.head not in rules.person_files:
        return None
    role = next((r for t in n.core[:-1] for r in [rules.role_of(t)] if r), None)
    if role is None:
        return None
    why = msg("subject.person_file", name=n.bare, word=n.head, roles=role_text(role))
    return _fix(f, "person", why, role)


def _paging(ds: Dataset, n: TableName, rules: SubjectRules) -> str | None:
    """The paging control (`page`, `size`: ``paging_parameters``) of an API operation's
    parameters (a schema document named as parameters, ``system`` words) with no column only a
    person has, none carrying the caller's credentials and none naming a person's role: the
    parameters are the criteria of a search or a listing, even over people
    (`bewerberboerse parameters`: was, wo, umkreis, page), not one person's record."""
    if ds.source_format not in SCHEMA_DOCS or n.head not in rules.system:
        return None
    found = next(
        (
            fld.name
            for fld in ds.fields
            if _compact(split_name(fld.name.rsplit(".", 1)[-1])) in rules.paging
        ),
        None,
    )
    if found is None or _person_only_columns(ds, rules):
        return None
    for fld in ds.fields:
        tokens = split_name(fld.name.rsplit(".", 1)[-1])
        if _compact(tokens) in rules.request_credentials or any(rules.role_of(t) for t in tokens):
            return None  # a request made as a customer (`Authorization`, `x-customer-user-agent`)
    return found


def _system(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """Configuration and jobs, by name or comment, unless it logs what a person did."""
    head, first = n.head, n.first
    acted = (
        (n.activity and n.actor)
        or _keyed_by_named_role(n, rules)
        or _declared_person_key(ds, rules)
    )
    paging = _paging(ds, n, rules)
    if paging is not None:
        return _fix(f, "system", msg("subject.search_parameters", name=n.bare, column=paging))
    if ds.source_format in SCHEMA_DOCS and (
        n.compact in rules.schema_file_names or any(rules.role_of(t) for t in n.core)
    ):
        # `schema.json` names the format, not a system table; a document's title that names a
        # person ('App-Nachricht incident - Eine Übergabe-Anfrage für einen Patienten') is about
        # that person whatever word it starts with
        return None
    # `app_order`: a leading `app` names the software's module, not configuration
    first_system = first in rules.system and first not in rules.module_prefixes
    if (head in rules.system or first_system or n.compact in rules.system) and not acted:
        word = head if head in rules.system else (first if first_system else n.bare)
        own = _person_only_columns(ds, rules)
        if len(own) < 2:
            # `app_info` of a petition system (`app` the applicant) with a mobile, a telephone
            # and an e-mail: three ways to reach one person are no configuration
            strong = sorted(_identity_columns(ds, n, rules) - rules.weak_identity)
            own = strong if len(strong) >= _SYSTEM_PERSON_IDENTITY else own
        if len(own) >= 2:
            # `T_TENANT` of a flat-rental system: a tenant with a sex, birthday and ID number is
            # a person, whatever the word means in a software platform
            why = msg("subject.system_but_person", name=n.bare, word=word, columns=own[:3])
            return _fix(f, "person", why, rules.role_zh(n.comment))
        return _fix(f, "system", msg("subject.system_name", name=n.bare, word=word))
    if (
        len(n.core) > 1
        and head in rules.workflow_definitions
        and any(t in rules.workflow_words for t in n.core[:-1])
    ):
        # `flow_node`, `flow_skip`: a workflow engine's process definition, configuration
        return _fix(f, "system", msg("subject.workflow_definition", name=n.bare, word=head))
    if _workflow_only(n, rules):
        # `g_wf_flow`, `wf_flow_process`: the engine's flows and their steps, whoever added them
        return _fix(f, "system", msg("subject.workflow_flow", name=n.bare))
    sys_zh = next((w for w in rules.system_zh if w in n.comment), None)
    if sys_zh is not None and rules.role_zh(n.comment) is None and not acted:
        return _fix(f, "system", msg("subject.system_comment", word=sys_zh))
    defining = [
        fld.name for fld in ds.fields if _compact(split_name(fld.name)) in rules.definition_columns
    ]
    if len(defining) >= _DEFINITION_COLUMNS and not _person_only_columns(ds, rules):
        # `UserReports` with `query`, `parameters`, `paramOrder`: a saved report's definition
        return _fix(f, "system", msg("subject.definition_columns", columns=defining[:3]))
    return None


def _workflow_only(n: TableName, rules: SubjectRules) -> bool:
    """A name made of workflow words alone (`wf_flow`, `g_wf_flow_process`, `bpm_process`; a
    one-letter prefix aside), two at least: the engine's flows and the steps they are made of,
    not a run of one of them. One word alone (`process`, `flow`) may be anything."""
    words = [t for t in n.core if len(t) > 1]
    return len(words) >= _WORKFLOW_WORDS and all(t in rules.workflow_words for t in words)


def _row_statement(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """A description saying what each record is (dbt: 'Each record represents an individual
    admin (employee)', 'Each record represents a single help center article'): a person of the
    role it names, whatever statistics the row carries; rows of a thing it names (an article)
    are that thing, not about the people its columns name (the article's author). A record that
    is a row of another dataset ('a single row from intercom__company_enhanced') says nothing."""
    if has_cjk(n.comment):
        return None
    match = _ROW_STATEMENT.search(n.comment)
    if match is not None:
        phrase = _unwrapped(match.group(1), rules)
    else:  # 'each record represents daily conversion performance by country': figures of a thing
        match = _ROW_STATEMENT_BARE.search(n.comment)
        phrase = _unwrapped(match.group(1), rules) if match is not None else ""
        if match is None or phrase == match.group(1):
            return None
    grouped = _grouped_figures(n.comment, match, rules)
    if grouped is not None:
        return _fix(f, "unknown", msg("subject.row_statement_grouped", phrase=grouped))
    tokens = split_name(phrase)
    if not tokens or any(t in rules.row_words for t in tokens):
        return None
    if tokens[0] in rules.row_bills and not (set(tokens[1:2]) & rules.reference):
        f.bill = True  # billed to someone: the links say whom, or the business's ledger keeps it
        return None
    if tokens[0] in rules.row_events and not (set(tokens[1:2]) & rules.reference):
        return None  # an order, a session: whose, the links say ('an event type' is a code)
    head = split_name(_PHRASE_END.split(phrase, 1)[0])
    if {tokens[-1], *head[-1:]} & rules.row_messages:
        return None  # 'an outbound or inbound message': a communication of its parties, no thing
    if head and head[-1] in rules.collections:
        # 'a contact list in Hubspot': a thing (a list of people), whatever its name says
        return _fix(f, "unknown", msg("subject.row_statement_thing", phrase=phrase.strip()))
    roles = [(i, r) for i, t in enumerate(tokens) for r in [rules.role_of(t)] if r]
    role = next(
        (r for i, r in roles if not (i and tokens[i - 1] in rules.impersonal_modifiers)), None
    )
    if role is None and roles and head and rules.role_of(head[-1]) is not None:
        # 'a Facebook ad account', 'a service user': a business's account, no person
        return _fix(f, "organisation", msg("subject.row_statement_business", phrase=phrase.strip()))
    if role is not None:  # rows of that person (as ``_rows_of_role``): links may say more
        # 'a website visitor': each row is one of those people, so its facts are theirs even
        # where its links lead to another person's record (the visitor's prospect)
        f.kind, f.role, f.peer = (
            "person_linked",
            role,
            bool(head) and rules.role_of(head[-1]) == role,
        )
        f.evidence.append(
            msg("subject.row_statement_role", phrase=phrase.strip(), roles=role_text(role))
        )
        return f
    seen = _identity_columns(ds, n, rules)
    if len(seen) >= 2 and seen - rules.weak_identity:
        return None  # 'a prospect in Pardot' with a name and an e-mail: people, by their columns
    kinds, said = described_kinds(rules, n.comment)
    if kinds:
        # 'an individual outbound or inbound message', 'a call': a kind of record that is always
        # someone's (a communication, a page view, a visit), whoever its columns name
        names = rules.families[min(kinds)].family.names
        f.weak, f.weak_role = "person_linked", None
        f.weak_evidence = msg(
            "subject.row_statement_record",
            phrase=said,
            family=Words(names.en.lower(), names.zh),
        )
        return None
    return _fix(f, "unknown", msg("subject.row_statement_thing", phrase=phrase.strip()))


#: Figures grouped by a list of dimensions: 'metrics by account, app, country and state'.
_GROUPED_BY = re.compile(r"\b([a-z]+)\s+by\s+[a-z_ ]+$", re.IGNORECASE)
_MORE_DIMENSIONS = re.compile(r"^\s*(?:,|and\s|&)", re.IGNORECASE)


def _grouped_figures(comment: str, match: re.Match[str], rules: SubjectRules) -> str | None:
    """A row statement saying each record holds figures grouped by several dimensions ('daily
    subscription metrics by account, app, subscription name, country and state'): each row
    totals whatever happened to everyone in its group that day, so it is about no one person,
    even where one dimension is an account. The statement, or None (figures by one dimension,
    'daily metrics by customer', are that one's)."""
    said = match.group(1)
    by = _GROUPED_BY.search(said)
    if by is None or by.group(1).lower() not in rules.row_wrappers:
        return None
    if not _MORE_DIMENSIONS.match(comment[match.end() :]):
        return None
    return said.strip()


def _unwrapped(phrase: str, rules: SubjectRules) -> str:
    """What a row statement's record is about once the words wrapping it are dropped: 'a version
    of a Facebook ad account' is about an ad account, 'the daily performance of an ad' and 'daily
    conversion values associated with an ad' about an ad (``row_wrappers``)."""
    while True:
        match = _ROW_WRAPPER.match(phrase)
        if (
            match is None
            or match.group(1).lower() not in rules.row_wrappers
            or _PHRASE_END.search(f" {phrase[: match.start(1)]}")
        ):
            return phrase  # 'a session with aggregated metrics for it' is a session
        phrase = phrase[match.end() :]


def _chart_of_accounts(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """A business's chart of accounts (``ledger_account_classes``, ``chart_of_accounts``): a
    table named as one (`gl_accounts`, 会计科目), or an account table whose descriptions and
    enumerations class its accounts as assets, liabilities, equity, revenue or expenses, holds
    the ledger accounts of an organisation's books, not a person's user or bank account."""
    grams = {
        _compact(n.tokens[i:j])
        for i in range(len(n.tokens))
        for j in range(i + 1, min(len(n.tokens), i + 4) + 1)
    }
    named = next((w for w in rules.charts_of_accounts if w in grams), None) or next(
        (w for w in rules.charts_of_accounts_zh if w in n.zh_text), None
    )
    if named is None:
        if not set(n.core) & rules.ledger_accounts or _person_only_columns(ds, rules):
            return None
        text = " ".join(
            [n.comment]
            + [fold(fld.comment or "") for fld in ds.fields]
            + [fold(str(v)) for fld in ds.fields for v in fld.enum_values]
        )
        words = {w.rstrip("s") for w in split_name(text) if w in rules.ledger_classes}
        words |= {w for w in rules.ledger_classes_zh if w in text}
        if len(words) < _LEDGER_CLASSES:
            return None
        named = ", ".join(sorted(words)[:3])
    return _fix(f, "organisation", msg("subject.chart_of_accounts", words=named), LEDGER_ROLE)


def _audience_metrics(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """An advertising report (``audience_metric_columns``: impressions, reach, cost per click,
    spend): two such columns and no column only a person has make the rows figures about ads,
    campaigns or ad accounts summed over the people reached, not a record of one of them, even
    with the key of the advertiser's account."""
    stats = [
        fld.name
        for fld, leaf in zip(ds.fields, n.leafs, strict=True)
        if leaf in rules.audience_metrics
    ]
    if len(stats) < 2 or _person_only_columns(ds, rules):
        return None
    return _fix(f, "organisation", msg("subject.audience_metrics", columns=stats[:3]))


def _described_owner(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """A description that says whose the record is: it opens with a person's possessive ('The
    individual's Self Assessment tax returns summary', 'An individual's foreign income data') or
    names the person it is for or about ('PAYE income details for an individual'). The rows are
    that person's (as ``_rows_of_role``); links may say more."""
    owner = described_owner(rules, n.comment)
    if owner is None:
        return None
    role, phrase = owner
    return _linked(f, role, msg("subject.described_owner", phrase=phrase, roles=role_text(role)))


def _requested_person(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """A schema document of an API whose description says a call must be given one person's
    identifier ('A National Insurance number and transaction ID must be provided', '… are
    required'): the call answers or records something about that one person, so its members
    are that person's (PIPL Art. 4), with the role a word of the identifier names (a patient
    id) or the API's user. Links may say more."""
    found = requested_person(rules, ds)
    if found is None:
        return None
    role, phrase = found
    return _linked(f, role, msg("subject.requested_person", phrase=phrase, roles=role_text(role)))


def requested_person(rules: SubjectRules, ds: Dataset) -> tuple[str, str] | None:
    """The role of the person whose identifier a schema document's description says its call
    requires, with the identifier's words (``_requested_person``)."""
    comment = ds.comment or ""
    if ds.source_format not in SCHEMA_DOCS or not comment or has_cjk(comment):
        return None
    for sentence in _SENTENCE_END.split(comment):
        said = " ".join(sentence.lower().split())
        if not _REQUIRED_INPUT.search(said):
            continue
        opening = _ARTICLE.sub("", said)
        for phrase in rules.request_person_keys:
            if opening.startswith(phrase) and not opening[len(phrase) : len(phrase) + 1].isalnum():
                role = next(
                    (r for t in phrase.split() if (r := rules.role_of(t)) is not None), "user"
                )
                return role, phrase
    return None


def _described_fields(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """A schema document whose field descriptions open with one person's possessive, several
    times ('The individual's share of the partnership's profit', 'The individual's share of
    dividend income'): each says the value is that person's, so the rows are theirs (as
    ``_described_owner``); links may say more."""
    found = described_fields(rules, ds)
    if found is None:
        return None
    role, phrase, count = found
    return _linked(f, role, msg("subject.described_fields", phrase=phrase, count=count))


def described_fields(rules: SubjectRules, ds: Dataset) -> tuple[str, str, int] | None:
    """The role of the person several field descriptions of a schema document open with the
    possessive of, the first such opening and how many fields say so (``_described_fields``)."""
    if ds.source_format not in SCHEMA_DOCS:
        return None
    found: dict[str, list[str]] = {}
    for fld in ds.fields:
        text = fld.comment or ""
        match = _OWNER_POSSESSIVE.search(text) if text and not has_cjk(text) else None
        role = rules.role_of(match.group(1).lower()) if match is not None else None
        if match is not None and role is not None:
            found.setdefault(role, []).append(match.group(0).strip())
    return next(
        ((r, said[0], len(said)) for r, said in found.items() if len(said) >= _DESCRIBED_FIELDS),
        None,
    )


def described_owner(rules: SubjectRules, comment: str | None) -> tuple[str, str] | None:
    """The role of the person an English description says the record belongs to, with the
    words that say so (``_described_owner``)."""
    if not comment or has_cjk(comment):
        return None
    for pattern in (_OWNER_POSSESSIVE, _OWNER_PHRASE, _OWNER_REPRESENTED):
        match = pattern.search(comment)
        role = rules.role_of(match.group(1).lower()) if match is not None else None
        if match is not None and role is not None:
            return role, match.group(0).strip()
    return None


def _declared_person_key(ds: Dataset, rules: SubjectRules) -> bool:
    """A declared foreign key of one column to a table of people of a named role other than a
    bare user (`queue_entry.patient_id` → patient): each row is that person's place in the queue,
    the job or the list, not configuration, whatever the name's first word says. A key to the
    users who wrote the row (`creator` → users, or a key whose comment says so: `creat_id`
    '创建人id' → doctor) or to a generic user account says nothing."""
    comments = {fld.name: (fld.comment or "").strip() for fld in ds.fields}
    for fk in ds.foreign_keys:
        if len(fk.columns) != 1:
            continue
        role = rules.role_of(_compact(split_name(_bare(fk.table))))
        column = split_name(fk.columns[0])
        if role is None or role == "user" or any(t in rules.handlers for t in column):
            continue
        comment = comments.get(fk.columns[0], "")
        if rules.row_editor_comment(comment):
            continue
        return True
    return False


def _keyed_by_named_role(n: TableName, rules: SubjectRules) -> bool:
    """A role word before the last word of the name and a key to that role among the columns
    (`CandidateInterviewSchedule.candidate_id`): a schedule, file or setting of that person, not
    configuration."""
    named = {t for t in n.core[:-1] if rules.role_of(t)}
    return bool(named) and any(
        len(cols) == 2 and cols[0] in named and cols[1] in rules.reference_tails
        for cols in n.columns
    )


def _aggregate(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """Statistics about organisations or groups (`average_total_payments` per hospital): two
    average columns and no column only a person has. Such a table is not about one person."""
    stats = [
        fld.name
        for fld, cols in zip(ds.fields, n.columns, strict=True)
        if cols and cols[0] in rules.aggregates
    ]
    if len(stats) < 2 or _person_only_columns(ds, rules):
        return None
    return _fix(f, "organisation", msg("subject.aggregate", columns=stats[:3]))


def _organisation_rows(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """Rows that are organisations by their columns: a company name or an organisation type
    (`company` '公司名称', `organisationType`), no column naming a person or only a person has,
    and no key pointing at another record, in a table of customers or suppliers or with an
    organisation type (a person's work experience or policy names a company, but the company is
    not the row). A `customer` or `supplyer` table of companies is then about organisations."""
    # the row's own key, also in the singular (`CustomerID` of `Customers`)
    own_keys = {"id", *(n.compact.removesuffix(tail) + "id" for tail in ("", "s", "es"))}
    if any(
        cols
        and cols[-1] in rules.reference_tails
        and leaf not in own_keys
        # `store_id` '分公司' of a wholesaler's customer: the branch that serves it, no record
        # of someone else the row would belong to
        and not (len(cols) == 2 and cols[0] in rules.organisation)
        for leaf, cols in zip(n.leafs, n.columns, strict=True)
    ):
        return None
    org = next(
        (
            fld.name
            for fld, leaf in zip(ds.fields, n.leafs, strict=True)
            if leaf in rules.org_names or rules.names_organisation_zh(fld.comment or "")
        ),
        None,
    )
    if org is None:
        org = _named_thing_with_contact(ds, n, rules)
    if org is None:
        # a business registration number (a Dutch KvK number, a CNPJ) names no one: the row is
        # the registered business, also where the table keeps no name for it
        org = next(
            (
                fld.name
                for fld, leaf in zip(ds.fields, n.leafs, strict=True)
                if leaf in rules.organisation_numbers
            ),
            None,
        )
    if org is None or _person_only_columns(ds, rules):
        return None
    party = (
        rules.role_of(n.head) == "customer"
        or n.head in rules.organisation
        or (n.head in rules.account_heads and _company_details(n, rules) >= _COMPANY_DETAILS)
    )
    if not party and not any(leaf.endswith("type") for leaf in n.leafs if leaf in rules.org_names):
        return None  # a company named on a person's work record or policy is not the row
    # `facility_type`: the kind of the row itself; `cif`, `cnpj`: its registration as a business
    typed = split_name(org)[-1:] == ("type",) or any(
        leaf in rules.organisation_numbers for leaf in n.leafs
    )
    persons = [
        cols
        for fld, cols in zip(ds.fields, n.columns, strict=True)
        if rules.names_a_person(fld.name, fld.comment, cols)
        # beside its kind or its registration number, a bare `name` is the row's own
        and not (typed and cols == ("name",))
    ]
    if not persons:
        return _fix(f, "organisation", msg("subject.org_columns", column=org))
    if party and all(cols and cols[0] in rules.contact_markers for cols in persons):
        # a company customer or supplier with its contact person (`ContactName`): the row is
        # the company's, the contact's name and post alone that person's
        return _fix(f, "organisation", msg("subject.org_columns_contact", column=org))
    return None


def _named_thing_with_contact(ds: Dataset, n: TableName, rules: SubjectRules) -> str | None:
    """A `name` column its comment calls a thing's name (名称, not 姓名) on a row that has a
    contact person of its own (`contact` '联系人'): a business customer or supplier, whose
    contact is the person. The name column, or None."""
    if not any(cols and cols[0] in rules.contact_markers for cols in n.columns):
        return None
    return next(
        (
            fld.name
            for fld, cols in zip(ds.fields, n.columns, strict=True)
            if cols == ("name",) and rules.thing_name(fld.comment)
        ),
        None,
    )


#: Columns of a company's own details (`company_phone`, `company_address_city`) that make an
#: account with a company name a business's account.
_COMPANY_DETAILS = 2


def _company_details(n: TableName, rules: SubjectRules) -> int:
    """How many columns are a company's own details: an organisation word, then more words
    (`company_phone`, `company_address_line_1`; not `company` alone, the employer's name)."""
    return sum(1 for cols in n.columns if len(cols) > 1 and cols[0] in rules.organisation)


def _body_measurements(ds: Dataset, n: TableName, rules: SubjectRules) -> list[str]:
    """The columns of ``ds`` that measure a body (height, waist, body fat…), one per kind."""
    kinds: dict[str, str] = {}
    for fld, leaf in zip(ds.fields, n.leafs, strict=True):
        if leaf in rules.body:
            kinds.setdefault(leaf, fld.name)
            continue
        hit = next((w for w in rules.body_zh if w in (fld.comment or "")), None)
        if hit is not None:
            kinds.setdefault(hit, fld.name)
    return list(dict.fromkeys(kinds.values()))


def _person_by_name(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """The head of the name is a role or a document about one person. A role read only inside a
    coded word of the name (`COMTNAUTHORINFO`: author) gives way to a comment in another script
    that is read whole and names no one ('권한정보', permission information)."""
    role = rules.role_of(n.head)
    if role is not None and n.head not in rules.roles and _comment_names_no_role(ds, rules):
        role = None
    if role is not None and _holders_account(n, rules):
        return None  # an account of the person its holder's key names: linked to them
    thing = next((t for t in n.core[:-1] if t in rules.property), None)
    if role is not None and n.head in rules.account_heads and thing is not None:
        # `eq_account` (设备台账): the ledger of the organisation's equipment, not a user account
        why = msg("subject.property_ledger", name=n.bare, word=thing)
        return _fix(f, "organisation", why)
    if role is not None:
        why = msg("subject.role_name", name=n.bare, roles=role_text(role))
        return _fix(f, "person", why, role)
    core = n.core
    pair = _compact(core[-2:]) if len(core) > 1 else ""
    if n.head in rules.documents or pair in rules.documents:
        org = next((t for t in core[:-1] if t in rules.organisation), None)
        if org is not None:  # `IssuerProfile`, `company_profile`: an organisation's profile
            return _fix(f, "organisation", msg("subject.org_name", name=n.bare, word=org))
        role = next((r for t in core for r in [rules.role_of(t)] if r), None)
        word = n.head if n.head in rules.documents else " ".join(core[-2:])
        return _fix(f, "person", msg("subject.document", name=n.bare, word=word), role)
    return None


def _comment_names_no_role(ds: Dataset, rules: SubjectRules) -> bool:
    """Whether the table's comment is written in a script read by its listed words (Korean,
    Japanese kana, Thai, Arabic…), every word of it is read, and none of them names a role."""
    comment = (ds.comment or "").strip()
    if not comment or not has_native(comment) or unread_letters(comment):
        return False
    words = split_name(native_reading(comment))
    return bool(words) and not any(rules.role_of(w) for w in words)


def _holders_account(n: TableName, rules: SubjectRules) -> bool:
    """A table named an account (`LISAAccount`, `bank_account`) with the key of a person of
    another kind (`investorId`, `customer_id`): rows are accounts that person holds, not people.
    A user's own account table (`user_account.user_id`) stays the user's row."""
    if n.head not in rules.account_heads:
        return False
    for cols in n.columns:
        if len(cols) != 2 or cols[-1] not in rules.reference_tails:
            continue
        word = cols[0]
        if (
            rules.role_of(word)
            and word not in n.tokens
            and word not in rules.account_heads
            and word not in rules.generic_users
        ):
            return True
    return False


def _organisation(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """An organisation by name, unless its columns describe a person (a clinic's visit record)
    or the name relates other rows to the organisation (``relation_tails``);
    an organisation's posts (`position`, `job`) keyed by the post."""
    post = _post_key(ds, n, rules)
    # `locations`, `sites`: an organisation's places, unless a person's key makes them theirs
    place = n.head in rules.places and not _person_keyed(n, rules)
    # `payers`: the insurers of a table schema (``organisation_tables``)
    payer = n.head in rules.org_tables and ds.source_format not in SCHEMA_DOCS
    if n.head not in rules.organisation and post is None and not place and not payer:
        return None
    if len(n.core) > 1 and any(t in rules.relation_tails for t in n.tokens):
        return None  # `helper_unit_mapping`: who is assigned to a unit, found by its links
    if n.head in rules.org_stays and any(t in rules.post_records for t in n.tokens):
        # `accommodation_record`: the guests' stays at a place, not the place itself
        why = msg("subject.org_stay", name=n.bare, word=n.head)
        return _fix(f, "person_linked", why)
    role_comment = rules.role_zh(n.comment) is not None
    org_comment = rules.organisation_zh_in(n.comment) is not None
    if (any(rules.role_of(t) for t in n.core[:-1]) and (role_comment or not org_comment)) or (
        role_comment and not org_comment
    ):
        # `pats_in_hospital` '在院病人记录': rows of patients in a hospital; but `doctor_dept`
        # '科室表' is the departments' table of a doctors' module
        return None
    own = _person_only_columns(ds, rules)
    if len(own) >= 2:
        role = rules.role_zh(n.comment)
        why = msg("subject.org_but_person", name=n.bare, columns=own[:3])
        return _fix(f, "person", why, role)
    if post is not None and n.head not in rules.organisation:
        why = msg("subject.post", name=n.bare, word=n.head, column=post)
        return _fix(f, "organisation", why)
    return _fix(f, "organisation", msg("subject.org_name", name=n.bare, word=n.head))


def _post_key(ds: Dataset, n: TableName, rules: SubjectRules) -> str | None:
    """A table of an organisation's posts (`workday__position_overview`, `job`): named after a
    post and keyed first by the post itself (`position_id`, `job_profile_id`, a bare `id`), not
    by a person (`job_history.employee_id`), and not a record of who held it (`job_history`)."""
    if n.head not in rules.posts or not n.columns or not n.columns[0]:
        return None
    if any(t in rules.post_records for t in n.tokens):
        return None  # `job_history`: who held the post when
    others = set(n.core[:-1])
    if any(len(c) >= 2 and c[-1] in rules.reference_tails and c[-2] in others for c in n.columns):
        return None  # `talent_profession` keyed by `talent_id`: whom a post is matched with
    if sum(leaf in rules.message_columns for leaf in n.leafs) >= 2:
        return None  # `Post.header.from`, `to`: a post sent to people, not a job
    names = {"".join(c) for c in n.columns}
    if names & rules.geo_latitudes and names & rules.geo_longitudes:
        return None  # `positions` with `latitude` and `longitude`: places on the earth, not jobs
    first = n.columns[0]
    if first[-1] in rules.reference_tails and (len(first) == 1 or n.head in first):
        return ds.fields[0].name
    return None


def _written_by(cols: tuple[str, ...], rules: SubjectRules) -> bool:
    """A column naming who created or changed the row (`created_by_user_id`,
    `updated_by_user_id`: a handler word, then `by`): the row's authorship, which any table may
    keep, not who acted in a log of actions."""
    return any(cols[i] == "by" and cols[i - 1] in rules.handlers for i in range(1, len(cols)))


def _rows_of_role(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """A role elsewhere in the name (`patient_allergy`), or a log naming who acted: the rows
    belong to such a person."""
    role = next((r for t in n.core[:-1] for r in [rules.role_of(t)] if r), None)
    if role is not None and n.head in rules.collections:
        return None  # `contact_list`, `user_group`: a list of people is no person's record
    if role is not None and n.head in rules.reference and _role_table_comment(n, rules):
        # `student_template` '学生表': a copy of the students' table, not records about them
        return _fix(f, "person", msg("subject.comment_role", roles=role_text(role)), role)
    if role is not None and not _person_keyed(n, rules):
        # `students_attendance` with `number_of_students` and no key to a student: a report
        headcount = _headcount(ds, n, rules, f)
        if headcount is not None:
            return headcount
    if role is not None:
        return _linked(f, role, msg("subject.rows_of_role", name=n.bare, roles=role_text(role)))
    if n.activity and n.actor is not None:
        return _linked(f, "user", msg("subject.actor", column=n.actor))
    return None


def _person_keyed(n: TableName, rules: SubjectRules) -> bool:
    """Whether a column is the key of a person by a role word (`student_id`, `patientId`)."""
    return any(
        len(cols) >= 2 and cols[-1] in rules.reference_tails and rules.role_of(cols[-2]) is not None
        for cols in n.columns
    )


def _counted_people(n: TableName, rules: SubjectRules) -> bool:
    """A name ending in a count word after people in the plural (`base_people_num`,
    `patients_count`; ``collective_roles``): the rows count those people. Not a number of one
    person (`applicants_id_number`, `user_num`)."""
    if len(n.core) < 2 or n.head not in rules.quantifiers or n.head == "number":
        return False
    word = n.core[-2]
    return rules.role_of(word) is not None and (
        word in rules.collective_roles or (word.endswith("s") and word[:-1] in rules.roles)
    )


def _headcount(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """A column counting people (发病人数) and none only a person has: a report on a group (an
    outbreak at a school), not a person's record, even when a staff column names who reported;
    unless the rows are keyed to a person's document (``_keys_person_document``). A name made of
    a role and a count (`people_num`) says so by itself, whatever people its comment names."""
    # `base_people_num`, `patients_count`: the name itself says the rows count those people
    counted = _counted_people(n, rules)
    column = next(
        (
            fld.name
            for fld, cols in zip(ds.fields, n.columns, strict=True)
            if (fld.comment and any(w in fld.comment for w in rules.headcounts))
            or _counts_people(rules, cols)
        ),
        n.bare if counted else None,
    )
    if (
        column is None
        # 基础人口基数信息 of `base_people_num`: the comment names whom the rows count
        or (rules.role_zh(n.comment) is not None and not counted)
        or _person_only_columns(ds, rules)
        or _keys_person_document(n, rules)
        or _served_person_key(n, rules)
        # `reception_record.guest_name` '宾客姓名' beside 来宾人数: the visit of a guest it names
        # (a name tail that identifies a person: `name`, `xm`), with the size of their party,
        # not a report on a group; not a count (`graduate_num`)
        or _served_person_key(n, rules, tails=rules.key_suffixes & rules.identity)
        # `order_info.accountid` with 订单人数: one person's order for a party of travellers
        or (bool(set(n.core) & rules.party_orders) and _served_person_key(n, rules, any_role=True))
        # 载客人数 beside a plate: the passengers of one vehicle on one passage
        or plate_column(ds, rules) is not None
    ):
        return None
    if column == n.bare:
        return _fix(f, "organisation", msg("subject.headcount_name", name=n.bare))
    return _fix(f, "organisation", msg("subject.headcount", column=column))


def _served_person_key(
    n: TableName,
    rules: SubjectRules,
    any_role: bool = False,
    tails: frozenset[str] | None = None,
) -> bool:
    """Whether a column is the key of a person whom the rows serve (`memberid`, `customer_id`,
    `patient_no`: ``served_roles``): a booking or a visit of that person, however many people
    it counts (an insurance booking's number of insured). ``any_role``: the key of a person of
    any role (`accountid`, `user_id`). ``tails``: the last words that make a column name such a
    person (their name: `guest_name`), instead of their key only."""
    ends = rules.reference_tails if tails is None else tails
    for cols in n.columns:
        if len(cols) >= 2 and cols[-1] in ends:
            role = rules.role_of(cols[-2])
        elif len(cols) == 1:
            tail = next((t for t in rules.reference_tails if cols[0].endswith(t)), None)
            role = (
                rules.role_of(cols[0][: -len(tail)]) if tail and len(cols[0]) > len(tail) else None
            )
        else:
            continue
        if role is not None and (any_role or role in rules.served_roles):
            return True
    return False


def _keys_person_document(n: TableName, rules: SubjectRules) -> bool:
    """A row keyed to a document about one person (`resume_id` on a work history): how many
    people that person managed (`subordinate_num`) is one of their facts, not a headcount."""
    return any(
        len(cols) >= 2 and cols[-1] in rules.reference_tails and cols[-2] in rules.documents
        for cols in n.columns
    )


def _counts_people(rules: SubjectRules, tokens: tuple[str, ...]) -> bool:
    """A column name counting people: a quantifier and a role word (`all_people`,
    `total_patients`, `num_users`)."""
    return (
        len(tokens) >= 2
        and any(t in rules.quantifiers for t in tokens[:-1])
        and rules.role_of(tokens[-1]) is not None
    )


def _without_related_tables(comment: str, rules: SubjectRules) -> str:
    """``comment`` up to a clause (after a comma or a semicolon) opened by a word listing the
    tables it links to (``related_tables_zh``: 支出表，关联门店表，员工表 → 支出表)."""
    for clause in re.split(r"[，,；;]", comment)[1:]:
        if clause.strip().startswith(rules.related_tables_zh):
            return comment.split(clause, 1)[0].rstrip("，,；; ")
    return comment


def _by_comment(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """A comment naming a role: a person's document (患者信息表), else rows of such a person (a
    weaker verdict); a comment naming an organisation. A clause listing the tables the table
    links to (``related_tables_zh``: 订单表，关联门店，客户，员工) is not read for either."""
    comment = _without_related_tables(n.comment, rules)
    native = _native_comment_head(ds, rules)
    if native is not None:
        return native(f)
    org_zh = rules.organisation_zh_in(comment)
    role = rules.role_zh(comment)
    if role is not None and n.head in rules.collections and not _person_keyed(n, rules):
        # `server_object_group` '服务对象分组': the groups the people are put in, no person's row
        return None
    if role is not None:
        doc = (
            any(w in comment for w in rules.documents_zh)
            or comment.rstrip("表").endswith(("信息", "资料", "档案"))
            or _role_only(rules, comment)
        )
        if doc:
            return _fix(f, "person", msg("subject.comment_role", roles=role_text(role)), role)
        f.weak, f.weak_role = "person_linked", role
        f.weak_evidence = msg("subject.comment_rows", roles=role_text(role))
    elif org_zh is not None:
        booking = next((w for w in rules.org_bookings_zh if w in comment), None)
        if booking is not None and _booking_person_keyed(n, rules):
            # 科室预约 keyed by `userid`: a person's bookings with the department, found by links
            f.weak, f.weak_role = "person_linked", None
            f.weak_evidence = msg("subject.org_booking", word=booking)
            return None
        return _fix(f, "organisation", msg("subject.org_comment", word=org_zh))
    return None


def _booking_person_keyed(n: TableName, rules: SubjectRules) -> bool:
    """Whether a column keys each row to a person: a role's key (`patient_id`) or a person's key
    on its own (`userid`, ``person_keys``)."""
    return _person_keyed(n, rules) or any(leaf in rules.person_keys for leaf in n.leafs)


def _native_comment_head(
    ds: Dataset, rules: SubjectRules
) -> Callable[[_Facts], _Facts | None] | None:
    """A table comment in a script read by its listed words, every word of it (Korean
    '일반회원', general member; '업무사용자정보', business user information), whose last word, less the words a
    table's name ends in (information), is a role: the table of those people. Not with an
    organisation word before it (기업회원, company member): the members are companies, and the
    person their row names (the applicant) is found by its columns."""
    comment = (ds.comment or "").strip()
    # a word not read ('직원상태이력': employee, a status, a history) may be the head
    if not comment or not has_native(comment) or unread_letters(comment):
        return None
    words = [t for t in split_name(native_reading(comment)) if t not in rules.table_tails]
    if not words or words[-1] not in rules.roles:
        return None
    role = rules.roles[words[-1]]
    if any(w in rules.organisation for w in words[:-1]):
        return None  # 기업회원, company member: members that are companies, by their columns
    why = msg("subject.comment_role", roles=role_text(role))
    return lambda f: _fix(f, "person", why, role)


def _role_only(rules: SubjectRules, comment: str) -> bool:
    """A table comment that is a role word and nothing else (用户表, Абоненты 'subscribers'):
    the table of those people. A Russian word may end in a plural or case ending."""
    text = comment.strip().rstrip("表")
    return any(
        text == w or (is_cyrillic(w[0]) and text.startswith(w) and len(text) - len(w) <= 2)
        for w, _role in rules.roles_zh
    )


def _health_document(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """A JSON Schema or Avro document on a health topic (`allergy`, `medication`, `vital`): a
    section of a patient's record, unless something says more (a weaker verdict)."""
    if ds.source_format not in SCHEMA_DOCS or f.weak is not None or _sensor_readings(n, rules):
        return None
    if _error_reply(ds, n, rules):
        return None  # `ProblemDetail` {type, title, status, detail}: a failed call's report
    tokens = name_tokens(rules, ds, frozenset(n.tokens))
    topic = (
        _table_topic(rules, tokens, n.comment) | _kinds_topic(rules, ds)
    ) & rules.health_families
    if topic:
        names = rules.families[min(topic)].family.names
        f.weak, f.weak_role = "person_linked", "patient"
        f.weak_evidence = msg(
            "subject.health_document", name=n.bare, family=Words(names.en.lower(), names.zh)
        )
    return None


#: Error-reply members a schema named as an error must have at its top to be one.
_ERROR_MEMBERS = 3


def _error_reply(ds: Dataset, n: TableName, rules: SubjectRules) -> bool:
    """Whether a schema is an API's error reply: its name has an ``error_replies`` word
    (`ProblemDetail`, `ErrorInfo`) and three or more of its top-level members are an error
    reply's (``error_reply_members``: RFC 9457's `type`, `title`, `status`, `detail`)."""
    if rules.error_replies.isdisjoint(n.tokens):
        return False
    members = {fld.name.lower() for fld in ds.fields if top_level(fld, ds.name)}
    return len(members & rules.error_reply_members) >= _ERROR_MEMBERS


def _sensor_readings(n: TableName, rules: SubjectRules) -> bool:
    """Whether a document is keyed by a machine that measures (``sensor_keys``: `device_id`,
    `sensorId`, `station_id`, or with the key word first, ``key_prefixes``: `refDevice`) and by
    no person: that machine's telemetry."""
    return not _person_keyed(n, rules) and any(
        len(cols) >= 2
        and (
            (cols[-1] in rules.reference_tails and _compact(cols[:-1]) in rules.sensor_keys)
            or (cols[0] in rules.key_prefixes and _compact(cols[1:]) in rules.sensor_keys)
        )
        for cols in n.columns
    )


def _offence_document(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """A JSON Schema or Avro document named for an offence or a conviction (`Offence`,
    ``offence_documents``): a section of a person's criminal record, unless something says more
    (a weaker verdict). Its fields are then on the topic of criminal records."""
    if ds.source_format not in SCHEMA_DOCS or f.weak is not None:
        return None
    words = {*n.tokens, *(a + b for a, b in itertools.pairwise(n.tokens))}
    word = next(iter(sorted(words & rules.offence_documents)), None)
    if word is None:
        word = next((w for w in rules.offence_documents_zh if w in n.zh_text), None)
    if word is not None:
        f.weak, f.weak_role = "person_linked", None
        f.weak_evidence = msg("subject.offence_document", name=n.bare, word=word)
    return None


def _held_card(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """A card its holder unlocks with a secret (``held_cards`` with one of ``card_secrets``: a
    VoIP system's calling card `cc_card` with its `lock_pin`, a prepaid card's password): the
    holder's account, so its rows are the cardholder's (a weak verdict, as identity columns)."""
    if n.head not in rules.held_cards or f.weak is not None:
        return None
    secret = next(
        (
            fld.name
            for fld, leaf in zip(ds.fields, n.leafs, strict=True)
            if leaf in rules.card_secrets
        ),
        None,
    )
    if secret is not None:
        f.weak, f.weak_role = "person", "member"
        f.weak_evidence = msg("subject.held_card", name=n.bare, column=secret)
    return None


def _by_columns(ds: Dataset, n: TableName, rules: SubjectRules, f: _Facts) -> _Facts | None:
    """People by two identity columns (name, birth date, phone…); a code list by its pinyin or
    five-stroke input-code columns. Both are weaker verdicts."""
    ref_col = next(
        (
            fld.name
            for fld, leaf in zip(ds.fields, n.leafs, strict=True)
            if leaf in rules.reference_columns
            or any(w in f"{fld.name}{fld.comment or ''}" for w in rules.reference_columns_zh)
        ),
        None,
    )
    seen = _identity_columns(ds, n, rules)
    # a comment that only names a kind of thing ('活动', '商品'): a name and a phone are its own
    thing = n.comment.strip().removesuffix("表") in rules.thing_words_zh
    named = _identity_columns(ds, n, rules, initials=True) if f.weak is None else seen
    if len(seen) >= 2 and seen - rules.weak_identity and f.weak is None and not thing:
        f.weak, f.weak_role = "person", None
        f.weak_evidence = msg("subject.identity_columns", columns=sorted(seen)[:4])
    elif len(named) >= 2 and named - rules.weak_identity and f.weak is None and not thing:
        # `BJRXM` 报警人姓名 beside `LXDH`: the rows are records naming that person (a call to the
        # police names its caller), linked to them; their other columns are not all the person's
        held = next(c for c in n.leafs if _initials_identity(c, rules) is not None)
        f.weak, f.weak_role, f.weak_named = "person_linked", None, True
        f.weak_evidence = msg("subject.initials_identity", column=held, columns=sorted(named)[:4])
    elif f.weak is None and not thing and len(seen) >= 2 and (own := _role_identity(n, rules)):
        f.weak, f.weak_role = "person_linked", own[0]
        f.weak_evidence = msg("subject.role_identity", column=own[1], roles=role_text(own[0]))
    elif f.weak is None and not thing and (keyed := _person_key(ds, n, rules)):
        f.weak, f.weak_role = "person_linked", None
        f.weak_evidence = msg(keyed[0], column=keyed[1])
    elif f.weak is None and len(body := _body_measurements(ds, n, rules)) >= _BODY_KINDS:
        f.weak, f.weak_role = "person_linked", None
        f.weak_evidence = msg("subject.body_measurements", columns=body[:3])
    elif (
        f.weak is None
        and len(ds.fields) <= _MAX_CODE_LIST_COLUMNS
        and (pair := _input_code_pair(ds, n, rules)) is not None
    ):
        f.weak, f.weak_role = "reference", None
        f.weak_evidence = msg("subject.input_code", column=pair)
    elif (
        f.weak is None
        and len(ds.fields) <= _MAX_CODE_LIST_COLUMNS
        and (coded := _code_and_name(ds, rules)) is not None
    ):
        f.weak, f.weak_role = "reference", None
        f.weak_evidence = msg("subject.code_and_name", code=coded[0], name=coded[1])
    elif (
        f.weak is None
        and len(health := _health_columns(ds, n, rules)) >= _HEALTH_WORDS
        and len(health) >= _HEALTH_SHARE * len(ds.fields)
    ):
        f.weak, f.weak_role = "person_linked", None
        f.weak_evidence = msg("subject.health_columns", columns=list(health.values())[:3])
    elif ref_col is not None and f.weak is None and len(ds.fields) <= _MAX_CODE_LIST_COLUMNS:
        f.weak, f.weak_role = "reference", None
        f.weak_evidence = msg("subject.input_code", column=ref_col)
    elif f.weak is None and (word := _named_for_family(n, rules) or _health_things(n, rules)):
        f.weak, f.weak_role = "reference", None
        f.weak_evidence = msg("subject.family_things", word=word)
    elif f.weak is None and (key := _organisation_key(ds, rules)):
        f.weak, f.weak_role = "organisation", None
        f.weak_evidence = msg("subject.organisation_own_key", column=key)
    return f


def _code_and_name(ds: Dataset, rules: SubjectRules) -> tuple[str, str] | None:
    """A code column and a name column of the same thing, the code keying the rows
    (`syoubyoucd` and `syoubyounm`, `disease_code` and `disease_name`; by comments, 傷病コード
    and 傷病名, 疾病编码 and 疾病名称, or beside a key of the same thing, 病名登録番号 with 病名コード
    and 病名（漢字）): each row is
    a thing with its code and its name, a code list (a master table of diseases, drugs, schools
    or banks), unless the thing is a person (社員コード, 顧客名: ``code_list_person_endings``,
    a role word). Returns the two columns."""
    pk = ds.primary_key[0].lower() if len(ds.primary_key) == 1 else None
    key = next((fld.name for fld in ds.fields if fld.name.lower() == pk), None)
    first = ds.fields[0].name if ds.fields else None
    compact = {fld.name: re.sub(r"[\W_]+", "", fld.name.lower()) for fld in ds.fields}
    for fld in ds.fields:
        if fld.name not in (key, first):
            continue
        name = compact[fld.name]
        for tail in rules.code_tails:
            stem = name.removesuffix(tail)
            if stem == name or len(stem) < _MIN_CODE_STEM:
                continue
            if any(rules.role_of(t) for t in split_name(stem)) or _person_code(fld, rules):
                break
            named = next(
                (
                    o.name
                    for o in ds.fields
                    for t in rules.code_name_tails
                    if compact[o.name] == stem + t
                ),
                None,
            )
            if named is not None:
                return fld.name, named
    comments = {fld.name: fold((fld.comment or "").strip()) for fld in ds.fields}
    own = comments.get(key or first or "", "")
    for fld in ds.fields:
        text = comments[fld.name]
        stem = _zh_code_stem(text, rules)
        if len(stem) < 2 or _person_code(fld, rules):
            continue
        if fld.name not in (key, first) and not own.startswith(stem):
            continue  # the rows are keyed by something else (a visit's diagnosis code and name)
        for other in ds.fields:
            rest = comments[other.name].removeprefix(stem)
            if other is fld or rest == comments[other.name]:
                continue
            if rest in rules.code_name_tails_zh or rest == "" or rest[:1] in "(（":
                return fld.name, other.name
    return None


def _zh_code_stem(text: str, rules: SubjectRules) -> str:
    """The thing a Chinese or Japanese comment names the code of (疾病编码 → 疾病, 傷病コード →
    傷病: ``code_tails_zh``), or "" when the comment names no code."""
    return next((text.removesuffix(t) for t in rules.code_tails_zh if text.endswith(t)), "")


def _person_code(fld: Field, rules: SubjectRules) -> bool:
    """Whether the comment of a code column says it is a person's code (社員コード, 员工代码)."""
    text = fold((fld.comment or "").strip())
    stem = _zh_code_stem(text, rules)
    return bool(stem) and (
        stem.endswith(rules.code_list_person_endings) or rules.role_zh(stem) is not None
    )


def _input_code_pair(ds: Dataset, n: TableName, rules: SubjectRules) -> str | None:
    """The columns of a pinyin and a five-stroke input code side by side (``input_code_pairs``:
    `py` beside `wb`, comments '拼音' beside '五笔'), as "py, wb"; None when there is no such
    pair. Each input code is matched by a column's whole name or in a column's comment."""
    for first, second in rules.input_code_pairs:
        cols = []
        for word in (first, second):
            col = next(
                (
                    fld.name
                    for fld, leaf in zip(ds.fields, n.leafs, strict=True)
                    if (leaf == word if word.isascii() else word in (fld.comment or ""))
                ),
                None,
            )
            if col is None:
                break
            cols.append(col)
        if len(cols) == 2 and cols[0] != cols[1]:
            return ", ".join(cols)
    return None


def _role_identity(n: TableName, rules: SubjectRules) -> tuple[str, str] | None:
    """The role and the column of an identity word after a role word (`client_age`,
    `survivor_gender`): with another identity column, the rows are that person's, even where
    both words alone (an age, a gender) are too weak to say so."""
    return next(
        (
            (role, "_".join(cols))
            for cols in n.columns
            if len(cols) == 2 and cols[1] in rules.identity
            for role in [rules.role_of(cols[0])]
            if role is not None
        ),
        None,
    )


def _organisation_key(ds: Dataset, rules: SubjectRules) -> str | None:
    """The table's one key column when it names an organisation (`branch_id`, `company_id`) and
    nothing else says what the rows are: the rows are those organisations (a bank's branches)."""
    if len(ds.primary_key) != 1:
        return None
    tokens = split_name(ds.primary_key[0])
    if len(tokens) == 2 and tokens[1] in rules.reference_tails and tokens[0] in rules.organisation:
        return ds.primary_key[0]
    return None


def _person_key(ds: Dataset, n: TableName, rules: SubjectRules) -> tuple[str, str] | None:
    """The message and the column that key the rows of ``ds`` by one person: an identity-document
    number, else the person's own account number at an institution."""
    number = _column_named(ds, n, rules.id_numbers, rules.id_numbers_zh)
    if number is not None:
        return "subject.identity_number", number
    account = _column_named(ds, n, rules.accounts, rules.accounts_zh)
    return ("subject.personal_account", account) if account is not None else None


def _column_named(
    ds: Dataset, n: TableName, words: frozenset[str], words_zh: tuple[str, ...]
) -> str | None:
    """The first column of ``ds`` named by one of ``words`` (a whole name) or ``words_zh`` (in its
    name or comment): a person's identity-document number (`idcardno`, 身份证号: rows keyed by
    it record that person, a face-capture log, a list of checks), their own account number at an
    institution (`GRZH` '个人账号' of a provident fund: their withdrawals), a test's normal
    range."""
    return next(
        (
            fld.name
            for fld, leaf in zip(ds.fields, n.leafs, strict=True)
            if leaf in words or any(w in f"{fld.name}{fld.comment or ''}" for w in words_zh)
        ),
        None,
    )


def _named_for_family(n: TableName, rules: SubjectRules) -> str | None:
    """The health word that is the whole of a table's comment (`yaopin` '药品', a table of
    drugs; 疫苗, 疾病): its rows are those things, unless a key links them to a person. Not a
    word of pay or property: a salary table is a person's pay even where no key says whose."""
    comment = n.comment.strip().removesuffix("表")
    if comment and comment in rules.health_words_zh:
        return comment
    return None


def _health_things(n: TableName, rules: SubjectRules) -> str | None:
    """A table named after a health thing (`medicine`, `drug_info` '药品信息表') one of whose
    columns is a word of things (a price, a supplier, a warehouse): a list of those things for
    sale or in stock, not anyone's medication, unless a key links its rows to a person."""
    comment = table_comment_core(n.comment)
    word = comment if comment in rules.health_words_zh else None
    if word is None and len(n.core) == 1 and n.head in rules.health_things:
        word = n.head
    if word is None or not any(t in rules.thing_words for cols in n.columns for t in cols):
        return None
    return word


def _defines_tests(ds: Dataset, n: TableName, rules: SubjectRules) -> bool:
    """A table giving tests their normal range (`minrange` '正常值范围中的最小值') with no column
    for a measured value or result: it defines the tests, it records no one's results."""
    ranges = _column_named(ds, n, rules.ranges, rules.ranges_zh)
    return ranges is not None and _column_named(ds, n, rules.results, rules.results_zh) is None


def _health_columns(ds: Dataset, n: TableName, rules: SubjectRules) -> dict[str, str]:
    """Health information words (a diagnosis, a symptom, a lab value…) the columns of ``ds`` use,
    each with its first column: several different ones make a record of a person's health when
    the table's name and comment say nothing (``chapter2``). A name on a topic (``medications``,
    a medicine inspection) is a list of those things unless a link or a role says whose, and a
    column word of things (a price, a product, a shop) says the rows are things (a product's dose
    and weight)."""
    found: dict[str, str] = {}
    if (
        _table_topic(rules, frozenset(n.tokens), n.comment)
        or any(t in rules.thing_words for cols in n.columns for t in cols)
        or _defines_tests(ds, n, rules)
    ):
        return found
    for fld, cols in zip(ds.fields, n.columns, strict=True):
        if rules.data_management_words.intersection(cols):
            continue  # `admit_date_mgmt`, `refresh_diagnosis_date`: how a warehouse keeps data
        comment = fld.comment or ""
        zh_text = f"{fld.name if has_cjk(fld.name) else ''} {comment if has_cjk(comment) else ''}"
        match = _family_match(rules, rules.spelled(cols), zh_text, (), frozenset(), False)
        if match is not None and rules.position(match[0]) in rules.health_families:
            found.setdefault(match[1], fld.name)
    return found


def _identity_columns(
    ds: Dataset, n: TableName, rules: SubjectRules, initials: bool = False
) -> set[str]:
    """The identity words (name, birthday, phone…) the columns of ``ds`` are about; with
    ``initials``, also those a pinyin-initials column writes after a person's initials (`BJRXM`
    报警人姓名)."""
    seen: set[str] = set()
    for fld, leaf, cols in zip(ds.fields, n.leafs, n.columns, strict=True):
        if rules.thing_name(fld.comment):
            continue  # `name` '名称': what a thing is called, not a person's name
        checked = rules.identity_checked(cols)
        if checked:  # `familyNameMatchScore`: how well the person's family name matched
            leaf, cols = _compact(checked), checked
        if leaf in rules.identity:
            seen.add(leaf)
        elif initials and (held := _initials_identity(leaf, rules)) is not None:
            seen.add(held)  # `BJRXM` 报警人姓名: the caller's name, as `bjr_xm` would be
        elif cols and cols[-1] in rules.identity and len(cols) <= 2:
            seen.add(cols[-1])
        elif len(cols) == 3 and _compact(cols[1:]) in rules.name_parts:
            seen.add("name")  # `recipient_first_name`: a natural person's name, whoever's
        else:
            text = f"{fld.name}{fld.comment or ''}"
            hit = next((w for w in rules.identity_zh if w in text), None)
            before = text.split(hit, 1)[0] if hit is not None else ""
            if hit is not None and (
                not _OTHER_PERSON_ZH.search(before) or rules.role_zh(before) is not None
            ):
                # 房主姓名, 承租人姓名: the row's person by role; 被替代者姓名: someone else
                seen.add(hit)
    return seen


_VOWELS = frozenset("aeiou")


def _initials_identity(leaf: str, rules: SubjectRules) -> str | None:
    """The identity word of a pinyin-initials column written as one token: a person's initials
    (ending in 人 ``r``, 员 ``y`` or 用户 ``yh``) and then an identity column's initials (`BJRXM`
    报警人姓名, `BJRXB` 报警人性别). Only tokens without vowels, as initials are, so no English
    word is read this way."""
    if not 5 <= len(leaf) <= 12 or not leaf.isalpha() or not _VOWELS.isdisjoint(leaf):
        return None
    for size in range(min(len(leaf) - 3, 6), 1, -1):
        key, rest = leaf[-size:], leaf[:-size]
        if key not in rules.identity or len(rest) > 8:
            continue
        if any(rest.endswith(e) and len(rest) > len(e) for e in rules.initials_person_endings):
            return key
    return None


#: What a description says each record is: the noun phrase after 'each record represents a'
#: ('each record is unique to the interview' says which rows there are, not what they are).
_ROW_STATEMENT = re.compile(
    r"\beach (?:record|row|entry)(?: in (?:this|the) (?:table|model|dataset|view))?"
    r" (?:represents|is|describes|reflects) (?:a|an|one|the)\s+"
    r"(?:(?:single|individual|unique|distinct)\s+)?([^,.;:]{1,60})",
    re.IGNORECASE,
)
#: A row statement without an article, read only when a wrapper word opens it ('each record
#: represents daily conversion performance by country').
_ROW_STATEMENT_BARE = re.compile(
    r"\beach (?:record|row|entry)(?: in (?:this|the) (?:table|model|dataset|view))?"
    r" (?:represents|describes|reflects)\s+([^,.;:]{1,60})",
    re.IGNORECASE,
)
#: Up to three words, a wrapper word (``row_wrappers``) and what joins it to the thing it wraps
#: ('version of a ', 'daily conversion values associated with an ').
_ROW_WRAPPER = re.compile(
    r"(?:[a-z-]+\s+){0,3}?([a-z]+)\s+(?:of|for|by|on|associated with)\s+(?:(?:a|an|the|each)\s+)?",
    re.IGNORECASE,
)
#: Where the noun phrase of a row statement ends and what qualifies it begins ('a contact list
#: in Hubspot', 'a group of users').
_PHRASE_END = re.compile(
    r"\s(?:in|of|from|for|with|at|on|by|to|between|among|and|or|per|as|that|which|who|whose)\s",
    re.I,
)
#: A description opening with a person's possessive: 'The individual's …', 'An applicant’s …'.
_OWNER_POSSESSIVE = re.compile(
    r"^\s*(?:(?:the|an?|each|this)\s+)?([a-z]+)(?:'|’)s?\s", re.IGNORECASE
)
#: A description saying the record represents one person's something ('This schema represents a
#: person's heart rate', 'describes a patient's ...'): a possessive after the verb.
_OWNER_REPRESENTED = re.compile(
    r"\b(?:represents|describes|records|captures)\s+(?:an?|the|one|each)\s+([a-z]+)(?:'|’)s?\s",
    re.IGNORECASE,
)
#: A description naming the one person a record is for or about: '… for an individual', 'details
#: about the employee' (a plural, 'a list of users', names no one person).
_OWNER_PHRASE = re.compile(r"\b(?:for|of|about)\s+(?:an?|the|each|one)\s+([a-z]+)\b", re.IGNORECASE)
#: Where a sentence of a description ends.
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")
#: A sentence saying what a call must be given ('… are required', '… must be provided').
_REQUIRED_INPUT = re.compile(
    r"\b(?:is|are) (?:always )?(?:required|mandatory)\b"
    r"|\bmust be (?:provided|supplied|given|specified|submitted|passed)\b"
)
#: The article opening a sentence ('A National Insurance number …').
_ARTICLE = re.compile(r"^(?:an?|the|one)\s+")
#: Field descriptions opening with one person's possessive that make a document that person's.
_DESCRIBED_FIELDS = 3
#: Columns defining a saved query or report that make a table configuration.
_DEFINITION_COLUMNS = 3
#: Different body measurements that make a table a record of a person's body.
_BODY_KINDS = 3
#: Different health information words that make a table a record of a person's health, and
#: the share of its columns they must be at least (a package of exam items for sale names a
#: specimen and a diagnosis among thirty columns of prices and offices).
_HEALTH_WORDS = 3
_HEALTH_SHARE = 0.2


#: Account classes (asset, liability, equity…) that make an account table a chart of accounts.
_LEDGER_CLASSES = 3

#: Workflow words a name must have, and nothing else, to name a workflow's flows or steps.
_WORKFLOW_WORDS = 2

#: The rules for a dataset's own facts, in the order they are tried.
_RULES: tuple[Callable[[Dataset, TableName, SubjectRules, _Facts], _Facts | None], ...] = (
    _wearable,
    _medical_device,
    _error_status_reply,
    _caller_self,
    _device_location,
    _reference,
    _person_file,
    _system,
    _audience_metrics,
    _chart_of_accounts,
    _row_statement,
    _aggregate,
    _organisation_rows,
    _person_by_name,
    _organisation,
    _rows_of_role,
    _described_owner,
    _requested_person,
    _described_fields,
    _headcount,
    _by_comment,
    _health_document,
    _offence_document,
    _held_card,
    _by_columns,
)
