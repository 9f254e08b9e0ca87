"""The subject of every dataset of one scan: own facts, then links followed until nothing changes."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from dataflow.catalog import Catalog
from dataflow.detect.metadata import has_cjk
from dataflow.detect.metadata.commented import comment_names
from dataflow.detect.metadata.prefix import readable_dataset
from dataflow.i18n import msg, role_text
from dataflow.model import Dataset, Field, Subject, SubjectLink, Words, top_level
from dataflow.subject.children import guardian_rows, learner_rows, scan_children
from dataflow.subject.links import (
    Link,
    RecordKeys,
    _charges,
    _comment_table_links,
    _link_words,
    _links,
    _listings,
    _nesting,
    _phone_links,
    _same_resource,
    _shared_key_links,
    bare_word_links,
    carried_people,
    case_part_links,
    email_links,
    head_table_links,
    head_tables,
    nested_key_links,
    record_keys,
    served_people_keys,
    surrogate_keys,
    table_comments,
    wrappers,
)
from dataflow.subject.own import (
    _about_people,
    _bare,
    _Facts,
    _minor_columns,
    _minor_context,
    _owned_thing,
    _school_pupils,
    guardian_columns,
    names_higher_education,
    names_own_person,
    pupil_parents,
)
from dataflow.subject.rules import (
    _MAX_ROUNDS,
    LEDGER_ROLE,
    SubjectRules,
    _compact,
    rules_for,
    split_name,
)
from dataflow.subject.table import application_prefix, own_facts
from dataflow.subject.topics import (
    _table_topic,
    card_ledger_columns,
    care_fact_topic,
    personal_record_columns,
    personal_record_topic,
    record_kind_columns,
)

#: roles whose people may be a school's or kindergarten's children: its pupils, and the users,
#: members or customers of its enrolment system (not its staff)
_ENROLLED = frozenset({"student", "user", "member", "customer", None})
#: Roles whose record two columns about a child do not make a child's: an employee is no child
#: (a one-child allowance, a baby subsidy on the pay are about the employee's family).
_NOT_BY_CHILD_COLUMNS = frozenset({"minor", "employee"})
#: Roles an API's purpose may name that are not the people signing in to it: the staff or
#: operator who runs it.
_NOT_API_USERS = frozenset({"employee", "operator", "admin"})


def _pupil_rows(ds: Dataset, role: str | None, rules: SubjectRules) -> bool:
    """Rows of students: by the dataset's role, or a generic person's rows with a student's
    columns (`student_name` of a dormitory's residents). Not a parent's rows keyed by their
    child (`parent_student`)."""
    if guardian_rows(ds, rules):
        return False
    if role == "student":
        return True
    return role in (None, "user") and any(
        rules.role_of(t) == "student" for fld in ds.fields for t in split_name(fld.name)
    )


def _birth_record(ds: Dataset, rules: SubjectRules) -> str | None:
    """The word saying a dataset is a birth record (``birth_records``: `birth_certificate`,
    `BirthRegistration`, 出生医学证明): by its name's words, or in Chinese by its name or comment."""
    tokens = split_name(_bare(ds.name))
    grams = (
        _compact(tokens[i:j]) for i in range(len(tokens)) for j in range(i + 1, len(tokens) + 1)
    )
    found = next((g for g in grams if g in rules.birth_records), None)
    if found is not None:
        return found
    text = f"{_bare(ds.name)} {ds.comment or ''}"
    return next((w for w in rules.birth_records_zh if w in text), None)


def _name_core(ds: Dataset, rules: SubjectRules) -> list[str]:
    """The words of a dataset's name without table tails and numbers (`house_info_2` → house)."""
    tokens = rules.spelled(split_name(_bare(ds.name)))
    return [t for t in tokens if t not in rules.table_tails and not t.isdigit()]


#: people whose room is a hospital's ward or room, not their home (`patient.room_id` → `room`)
_WARDS = ("patient",)


def _dwellings(datasets: Sequence[Dataset], facts: list[_Facts], rules: SubjectRules) -> bool:
    """A house, room or parking space a person's row points at (`owner.house_id` → `house`) is
    that person's dwelling: its rows are about the person (their storey, number, move-in date),
    and so are the records that point at it in turn (fees and meter readings of the house)."""
    person = ("person",)
    changed = _pointed_at(
        datasets, facts, rules, person, rules.dwellings, "subject.dwelling", True, not_roles=_WARDS
    )
    return _leased_bills(datasets, facts, rules) or changed


def _leased_bills(datasets: Sequence[Dataset], facts: list[_Facts], rules: SubjectRules) -> bool:
    """A room or house that a lease linked to its tenant points at (`rental.room_id` beside
    `rental.tenant_id`) is let to that tenant: the bills and debts filed under it (a table keyed
    by the room that says what is charged: `invoice.room_id` with `electricity_fee`) are the
    tenant's household bills. The room itself, one of a landlord's rooms, stays a thing."""
    changed = False
    for i, f in enumerate(facts):
        if f.kind != "person_linked" or not _names_lease(datasets[i], rules):
            continue
        for _link, target, role in f.links:
            if target is None or target == i or role is not None:
                continue
            if facts[target].kind != "unknown":
                continue
            core = _name_core(datasets[target], rules)
            if not core or core[-1] not in rules.dwellings:
                continue
            for j in _bills_filed_under(target, datasets, facts, rules, skip=i):
                g = facts[j]
                g.kind, g.role = "person_linked", f.role
                g.evidence.append(
                    msg(
                        "subject.leased_bill",
                        name=_bare(datasets[target].name),
                        lease=_bare(datasets[i].name),
                    )
                )
                changed = True
    return changed


def _bills_filed_under(
    target: int, datasets: Sequence[Dataset], facts: list[_Facts], rules: SubjectRules, skip: int
) -> list[int]:
    """The datasets nothing has placed that point at dataset ``target`` and say what is charged
    (``_charges``: `invoice.room_id` with `electricity_fee`), other than ``skip`` (the lease)."""
    return [
        j
        for j, g in enumerate(facts)
        if j not in (skip, target)
        and not g.fixed
        and g.kind == "unknown"
        and any(t == target for _l, t, _r in g.links)
        and any(_charges(fld, rules) for fld in datasets[j].fields)
    ]


def _names_lease(ds: Dataset, rules: SubjectRules) -> bool:
    """Whether a dataset's name ends in a word of a lease (``leases``: `rental`, `tenancy`)."""
    core = _name_core(ds, rules)
    return bool(core) and (core[-1] in rules.leases or "".join(core[-2:]) in rules.leases)


def _payables(datasets: Sequence[Dataset], facts: list[_Facts], rules: SubjectRules) -> bool:
    """A bill or invoice that a person's record points at (`pay_order.bill_id` beside
    `pay_order.account_id`: the person pays it) is that person's money record, whatever it is
    keyed by itself (a fee bill keyed by a room): its amounts, period and due date are theirs,
    and so are the records pointing at it (its lines)."""
    kinds = ("person", "person_linked")
    return _pointed_at(datasets, facts, rules, kinds, rules.payables, "subject.payable")


def _care_reports(datasets: Sequence[Dataset], facts: list[_Facts], rules: SubjectRules) -> bool:
    """A report, result or prescription that a patient's record points at (`study_info.rpt_id` →
    `report`: the report of a patient's imaging study; `patient_card.prescription_id`) is that
    patient's: its findings, diagnosis, advice and drugs are their health information, whatever
    it is keyed by itself. So are the vital signs or measurements a consultation points at
    (`consulta.fk_id_signos_vitales` → `signos_vitales`): the readings taken at that visit."""
    kinds = ("person", "person_linked")
    return _pointed_at(
        datasets, facts, rules, kinds, rules.care_reports, "subject.care_report", roles=("patient",)
    )


def _pointed_at(
    datasets: Sequence[Dataset],
    facts: list[_Facts],
    rules: SubjectRules,
    kinds: tuple[str, ...],
    words: frozenset[str],
    why: str,
    skip_listings: bool = False,
    roles: tuple[str, ...] | None = None,
    not_roles: tuple[str, ...] = (),
) -> bool:
    """Datasets nothing has placed whose name ends in one of ``words`` and that a dataset of one
    of ``kinds`` (and, given ``roles``, of one of those roles) points at: person-linked, of that
    dataset's role, for the reason ``why``. With ``skip_listings``, a target that is a listing
    (priced or rated) is left alone. A dataset of one of ``not_roles`` places nothing."""
    changed = False
    for i, f in enumerate(facts):
        if f.kind not in kinds or (roles is not None and f.role not in roles):
            continue
        if f.role in not_roles:
            continue
        for link, target, role in f.links:
            if target is None or target == i or role is not None:
                continue
            g = facts[target]
            if g.fixed or g.kind != "unknown":
                continue
            core = _name_core(datasets[target], rules)
            if not core or core[-1] not in words:
                continue
            if skip_listings and _listing(datasets[target], rules):
                continue
            g.kind, g.role = "person_linked", f.role
            name, person = _bare(datasets[target].name), _bare(datasets[i].name)
            g.evidence.append(msg(why, name=name, column=link.column, person=person))
            changed = True
    return changed


def _ledger_bills(datasets: Sequence[Dataset], facts: list[_Facts]) -> None:
    """Bills ('each record is an invoice') in a scan that holds a business's chart of accounts:
    the invoices and bills of that business's books (what it billed its trading partners or was
    billed by them), its own bookkeeping rather than a person's record. Without a chart of
    accounts, an invoice's key to its bill-to account says whose it is."""
    ledger = next(
        (
            i
            for i, f in enumerate(facts)
            if f.fixed and f.kind == "organisation" and f.role == LEDGER_ROLE
        ),
        None,
    )
    if ledger is None:
        return
    for f in facts:
        if f.bill and not f.fixed and f.kind == "unknown":
            f.kind, f.role, f.fixed = "organisation", LEDGER_ROLE, True
            f.evidence.append(msg("subject.ledger_bill", name=_bare(datasets[ledger].name)))


def _ledger_postings(datasets: Sequence[Dataset], facts: list[_Facts]) -> None:
    """A table nothing else places that points at a business's chart of accounts (a journal
    line's or an invoice line's `account_code`) is what the business posts to its books: the
    organisation's bookkeeping, unless a link to a person (an invoice's customer) says more."""
    for f in facts:
        if f.fixed or f.kind != "unknown" or f.weak is not None:
            continue
        link, target = next(
            (
                (lk, t)
                for lk, t, _role in f.links
                if t is not None
                and facts[t].kind == "organisation"
                and facts[t].role == LEDGER_ROLE
            ),
            (None, None),
        )
        if link is None or target is None:
            continue
        f.weak, f.weak_role = "organisation", LEDGER_ROLE
        f.weak_evidence = msg(
            "subject.ledger_posting", column=link.column, name=_bare(datasets[target].name)
        )


def _organisation_records(datasets: Sequence[Dataset], facts: list[_Facts]) -> None:
    """A table nothing else places whose declared foreign keys all point at organisations (a
    church's balance history keyed by `id_eglise`, a branch's stock by `branch_id`) and none at a
    person is that organisation's record: its balances, amounts and dates are the organisation's,
    not anyone's personal information (PIPL Art. 4 covers natural persons only)."""
    for ds, f in zip(datasets, facts, strict=True):
        if f.fixed or f.kind != "unknown" or f.weak is not None or not f.links:
            continue
        if any(
            link.via != "foreign_key" or target is None or facts[target].kind != "organisation"
            for link, target, _role in f.links
        ):
            continue
        link, target, _role = f.links[0]
        assert target is not None
        f.weak, f.weak_role = "organisation", None
        f.weak_evidence = msg(
            "subject.organisation_record",
            source=_bare(ds.name),
            column=link.column,
            name=_bare(datasets[target].name),
        )


def _organisation_targets(
    datasets: Sequence[Dataset], facts: list[_Facts], rules: SubjectRules
) -> None:
    """A table taken for people only by its identity columns (a `name` and an `email`) that
    another table points at by a column naming an organisation (`head_office_id`, `branch_id`)
    is that organisation: its name, e-mail and telephone are the organisation's."""
    for ds, f in zip(datasets, facts, strict=True):
        for link, target, role in f.links:
            if target is None or role is not None or link.via != "foreign_key":
                continue
            g = facts[target]
            if g.fixed or g.kind != "unknown" or g.weak != "person":
                continue
            tokens = split_name(link.column)
            if any(rules.role_of(t) for t in tokens) or not any(
                t in rules.organisation for t in tokens[:-1]
            ):
                continue
            g.weak, g.weak_role = "organisation", None
            g.weak_evidence = msg(
                "subject.organisation_key",
                source=_bare(ds.name),
                column=link.column,
                name=_bare(datasets[target].name),
            )


def _listing(ds: Dataset, rules: SubjectRules) -> str | None:
    """The first column of a house or room table that prices or rates it as a thing (`price`):
    its rows are listings on offer, which users save or sell, not the dwelling a person lives in."""
    return next(
        (
            fld.name
            for fld in ds.fields
            if _compact(split_name(fld.name)) in rules.listing
            or any(w in (fld.comment or "") for w in rules.listing_zh)
        ),
        None,
    )


def _things_of_owners(
    datasets: Sequence[Dataset], facts: list[_Facts], owned: list[bool], rules: SubjectRules
) -> None:
    """A thing whose row carries only its owner's details (a vehicle with `owner_name` '车主姓名',
    no key to the owner, not two identity columns such as a name and a phone): its rows are about
    the thing (make, engine, inspection), not the owner; the owner's name and the thing's
    identifiers keep their own findings. A dwelling (a house, a parking space) stays its owner's
    residence."""
    for ds, f, thing in zip(datasets, facts, owned, strict=True):
        if not thing or f.weak == "person" or f.kind != "unknown":
            continue
        core = _name_core(ds, rules)
        if not core or any(t in rules.dwellings for t in core):
            continue  # `parking_space`, `house`: where the owner lives or parks
        column = next(link.column for link, _target, role in f.links if role is not None)
        f.kind, f.role, f.fixed = "reference", None, True
        f.links = []
        f.evidence.append(msg("subject.owned_thing", name=_bare(ds.name), column=column))


def _offerings(datasets: Sequence[Dataset], facts: list[_Facts], rules: SubjectRules) -> None:
    """A course, class section, timetable, recipe or service linked only to staff or to a person of no
    particular role (`course.coach_id`, `section.instructor_id`) is a thing offered: its rows
    are a catalogue, not about the person who provides them. So is an organisation's property
    (``organisation_property``: `ASSETS.EMPCODE`, equipment) kept by staff: the thing's model,
    cost and checks are not the keeper's, nor are they a customer's when only a key naming
    something else (`inventory.project_id` referencing customers) links the stock to one."""
    for ds, f in zip(datasets, facts, strict=True):
        if f.fixed or f.kind != "person_linked":
            continue
        core = _name_core(ds, rules)
        word = core[-1] if core and core[-1] in rules.offerings else _offering_key(ds, rules)
        if (
            word is None
            and core
            and core[-1] in rules.timetables
            and _schedules_offerings(ds, rules)
        ):
            word = core[-1]  # a timetable of classes
        held = core[-1] if word is None and core and core[-1] in rules.property else None
        if word is None and held is None:
            continue
        roles = {
            facts[t].role if t is not None else r
            for lk, t, r in f.links
            if held is None or _names_its_person(rules, lk.column)
        }
        if roles - {
            None,
            "employee",
            "person",
        }:  # `subject_id` of a timetable: no one in particular
            continue
        f.kind, f.role = "reference", None
        f.links = []
        if held is not None:  # `ASSETS.EMPCODE`: the organisation's thing its employee keeps
            f.evidence.append(msg("subject.held_property", name=_bare(ds.name), word=held))
        else:
            f.evidence.append(msg("subject.offering", name=_bare(ds.name), word=word))


def _staff_handled(datasets: Sequence[Dataset], facts: list[_Facts], rules: SubjectRules) -> None:
    """A record with its own key (``rental_id``) and a key to an organisation (``company_id``),
    linked to people only by a staff member's key (``staff_id``: the agent handling a rental
    listing, the clerk entering an order of stock), is the organisation's record: the staff
    member handles it, the rows are not about them. Not when its name says it is a record about
    staff (a family's words or a role: ``staff_attendance``, ``payroll``). Records linked only
    to such records (the listing's images) follow."""
    handled: set[int] = set()
    for i, (ds, f) in enumerate(zip(datasets, facts, strict=True)):
        if f.fixed or f.kind != "person_linked" or f.role != "employee" or not f.links:
            continue
        if f.weak in ("person", "person_linked"):
            continue  # its own columns describe a person (a patient's name and ID number)
        if any(
            (facts[t].role if t is not None else r) != "employee" or lk.via == "comment"
            for lk, t, r in f.links
        ):
            continue
        staff = {lk.column for lk, _t, _r in f.links}
        organisation = _organisation_column(ds, rules, staff)
        key = _own_key(ds, rules, staff)
        if organisation is None or key is None or key == organisation:
            continue
        core = _name_core(ds, rules)
        if any(
            rules.role_of(t) is not None
            or any(t in fam.words or t in fam.topic for fam in rules.families)
            for t in core
        ):
            continue
        f.kind, f.role, f.links = "organisation", None, []
        f.evidence.append(
            msg(
                "subject.staff_handled",
                name=_bare(ds.name),
                own=key,
                organisation=organisation,
                column=sorted(staff)[0],
            )
        )
        handled.add(i)
    changed = bool(handled)
    while changed:
        changed = False
        for i, f in enumerate(facts):
            if i in handled or f.fixed or f.kind != "person_linked" or not f.links:
                continue
            if all(t in handled for _lk, t, _r in f.links):
                link, target, _role = f.links[0]
                assert target is not None
                f.kind, f.role, f.links = "organisation", None, []
                f.evidence.append(
                    msg(
                        "subject.staff_handled_via",
                        column=link.column,
                        name=_bare(datasets[target].name),
                    )
                )
                handled.add(i)
                changed = True


def _organisation_column(ds: Dataset, rules: SubjectRules, staff: set[str]) -> str | None:
    """The first column of ``ds`` keying an organisation (``company_id``, ``branch_id``)."""
    for fld in ds.fields:
        tokens = split_name(fld.name)
        if (
            fld.name not in staff
            and len(tokens) == 2
            and tokens[1] in rules.reference_tails
            and tokens[0] in rules.organisation
        ):
            return fld.name
    return None


def _own_key(ds: Dataset, rules: SubjectRules, staff: set[str]) -> str | None:
    """The column keying the rows of ``ds`` themselves: its one primary-key column, else its
    first column when that is a key (``rental_id``), unless it keys a person."""
    column = ds.primary_key[0] if len(ds.primary_key) == 1 else None
    if column is None and ds.fields and not ds.primary_key:
        column = ds.fields[0].name
    if column is None or column in staff:
        return None
    tokens = split_name(column)
    if not tokens or tokens[-1] not in rules.reference_tails:
        return None
    if any(rules.role_of(t) is not None for t in tokens):
        return None
    return column


def _names_its_person(rules: SubjectRules, column: str) -> bool:
    """Whether a link column names the person it points at (`customer_id`, `keeper`), rather
    than a thing of theirs the organisation's property is kept for (`project_id` referencing
    customers: the stock reserved for a customer's project is still the organisation's)."""
    tokens = split_name(column)
    return not tokens or any(rules.role_of(t) is not None for t in tokens) or has_cjk(column)


def _price_lists(datasets: Sequence[Dataset], facts: list[_Facts], rules: SubjectRules) -> None:
    """A table taken as a person's only for a role word in its name, with no key to anyone and a
    column pricing one unit of a thing (`exam_one_price` '项目单价', `registra_unitprice`): a
    price list of the exams, fees or items sold, not a record about the staff member its
    module is named after (`doctor_exam_cost`)."""
    for ds, f in zip(datasets, facts, strict=True):
        if f.fixed or f.kind != "person_linked" or f.links:
            continue
        column = _unit_price_column(ds, rules)
        if column is None:
            continue
        f.kind, f.role = "reference", None
        f.evidence.append(msg("subject.price_list", name=_bare(ds.name), column=column))


def _product_catalogues(
    datasets: Sequence[Dataset], facts: list[_Facts], rules: SubjectRules
) -> None:
    """A table that nothing places, with no link to anyone, no identity column and no column
    naming a person or a party by role (a client's name), whose column names the product each row is (`产品名称`, `product_name`: ``product_name_columns``): a
    catalogue of products (an insurer's plans, 产品形态), whose ages, diseases and amounts are the
    product's terms, not a person's."""
    for ds, f in zip(datasets, facts, strict=True):
        if f.fixed or f.kind != "unknown" or f.links or f.weak is not None:
            continue
        column = next(
            (
                fld.name
                for fld in ds.fields
                if _compact(split_name(fld.name)) in rules.products
                or any(w == fld.name or w == (fld.comment or "").strip() for w in rules.products_zh)
            ),
            None,
        )
        if column is None or any(_names_party(rules, fld) for fld in ds.fields):
            continue  # a contract naming its client (客户名称, `customer_name`)
        f.kind, f.role = "reference", None
        f.evidence.append(msg("subject.product_catalogue", name=_bare(ds.name), column=column))


#: The element of a person's name, whose Chinese words (客服经理, 经办人) name someone.
_PERSON_NAME = "pi.identity.name"
#: How a Chinese column name naming someone by a role ends (客户名称, 业主姓名).
_PARTY_NAME_ENDINGS = ("名称", "姓名", "名字")


def _names_party(rules: SubjectRules, fld: Field) -> bool:
    """Whether a column names a person or a party by their role (`customer_name`, 客户名称,
    a contact, an account manager 客服经理), not a term of a product for people of that role (投保人年龄, the ages insured)."""
    tokens = split_name(fld.name)
    text = fld.name if has_cjk(fld.name) else ""
    name = rules.catalog.elements.get(_PERSON_NAME)
    return (
        rules.names_a_person(fld.name, fld.comment, tokens)
        or (name is not None and bool(text) and any(w in text for w in name.keywords.zh))
        or (len(tokens) >= 2 and tokens[-1] == "name" and rules.role_of(tokens[-2]) is not None)
        or (text.endswith(_PARTY_NAME_ENDINGS) and rules.role_zh(text) is not None)
    )


def _unit_price_column(ds: Dataset, rules: SubjectRules) -> str | None:
    """The first column pricing one unit of a thing, by its name or its Chinese comment."""
    for fld in ds.fields:
        tokens = split_name(fld.name)
        compact = _compact(tokens)
        if any(compact.endswith(_compact(split_name(w))) for w in rules.unit_prices) or any(
            w in (fld.comment or "") for w in rules.unit_prices_zh
        ):
            return fld.name
    return None


def _schedules_offerings(ds: Dataset, rules: SubjectRules) -> bool:
    """Whether a column of ``ds`` keys a thing offered (`class_id`, `section_id`, `course_id`): a
    timetable with one schedules classes, not a teacher's working days."""
    for fld in ds.fields:
        tokens = split_name(fld.name)
        if len(tokens) == 2 and tokens[1] in rules.reference_tails and tokens[0] in rules.offerings:
            return True
    return False


def _offering_key(ds: Dataset, rules: SubjectRules) -> str | None:
    """The offering a table's own key names (`Class_ID` of a gym's `Events`): its rows are those
    things, whatever the table is called."""
    if len(ds.primary_key) != 1:
        return None
    tokens = split_name(ds.primary_key[0])
    if len(tokens) == 2 and tokens[1] in rules.reference_tails and tokens[0] in rules.offerings:
        return tokens[0]
    return None


def _serve(f: _Facts, facts: list[_Facts], rules: SubjectRules) -> None:
    """A record taken as staff's (``employee``) that also points at a person whom staff serve
    (``served_roles``: a prescription's ``DoctorId`` and ``PatientId``) is that person's record:
    staff handle the records of the people they serve. A column naming such a person without a
    table of theirs in the scan (a Turkish appointment's `HastaTC` beside its `RandevuDoktor`)
    counts as well."""
    if f.role != "employee":
        return
    for link, target, named_role in f.links:
        if target is None:
            role = named_role
        elif _about_people(facts[target]):
            role = facts[target].role
        else:
            continue
        if role is not None and role in rules.served_roles:
            f.role = role
            text = role_text(role)
            f.evidence.append(
                msg("subject.served_person", column=link.column, role=Words(text.en, text.zh))
            )
            return


def _original_name(compact: str, rules: SubjectRules) -> str | None:
    """The name of the table a copy kept aside is of (``copy_table_tails``:
    `reportformfullbackup` → `reportform`), or None for a name without such an ending. Endings
    are taken off one after the other while at least four letters stay."""
    name = compact
    while True:
        tail = next(
            (w for w in rules.copy_table_tails if name.endswith(w) and len(name) - len(w) >= 4),
            None,
        )
        if tail is None:
            break
        name = name[: -len(tail)]
    return name if name != compact else None


def infer_subjects(datasets: Sequence[Dataset], catalog: Catalog) -> list[Subject]:
    """The subject of every dataset of one scan, in the order given."""
    rules = rules_for(catalog)
    originals = list(datasets)
    # 病歷號碼 read as 病历号码, `FXM` (a marker letter before every column) as `XM`, `OCM32IDNOA`
    # /* 환자번호 */ as `patient_number`
    datasets = [readable_dataset(ds, catalog) for ds in datasets]
    by_name: dict[str, list[int]] = {}
    for i, ds in enumerate(datasets):
        by_name.setdefault(_compact(split_name(_bare(ds.name))), []).append(i)
        by_name.setdefault(ds.name.lower(), []).append(i)
    for i, ds in enumerate(datasets):
        original = _original_name(_compact(split_name(_bare(ds.name))), rules)
        if original is not None and original not in by_name:
            by_name.setdefault(original, []).append(i)
    # proper suffixes of compact names: `patientarchive` finds `md_peispatientarchive`
    by_suffix: dict[str, list[int]] = {}
    for i, ds in enumerate(datasets):
        compact = _compact(split_name(_bare(ds.name)))
        for k in range(1, len(compact) - 3):
            by_suffix.setdefault(compact[k:], []).append(i)
    prefixes = application_prefix(datasets, rules)
    facts = [own_facts(ds, rules, prefixes.get(ds.source_path)) for ds in datasets]
    keys = None  # built for the first dataset that needs it
    heads: dict[str, list[int]] | None = None  # and so are the head tables
    comments: dict[str, int] | None = None
    surrogate = surrogate_keys(datasets)
    served = served_people_keys(datasets, rules)
    by_purpose: set[int] = set()  # person-linked only by the purpose of an end-user API
    for i, ds in enumerate(datasets):
        facts[i].links = _links(ds, i, rules, by_name, datasets, by_suffix, surrogate, served)
        if facts[i].kind == "unknown":
            heads = head_tables(rules, datasets) if heads is None else heads
            facts[i].links = [*facts[i].links, *head_table_links(ds, i, heads, datasets)]
        if facts[i].kind == "unknown" and not facts[i].links:
            keys = keys or record_keys(datasets)
            facts[i].links = _shared_key_links(ds, i, rules, datasets, keys)
        if facts[i].kind == "unknown" and not facts[i].links and facts[i].weak is None:
            facts[i].links = bare_word_links(ds, i, (rules, by_name, datasets))
        if facts[i].kind == "unknown" and not facts[i].links:
            comments = table_comments(datasets) if comments is None else comments
            facts[i].links = _comment_table_links(ds, i, rules, datasets, comments)
        if facts[i].kind == "unknown" and not facts[i].links and facts[i].weak is None:
            facts[i].links = nested_key_links(ds, i, rules, by_name, datasets, by_suffix)
        if facts[i].kind == "unknown" and facts[i].weak is None:
            facts[i].links = [*facts[i].links, *_phone_links(ds, rules)]
        if facts[i].kind == "unknown" and not facts[i].links and facts[i].weak is None:
            facts[i].links = email_links(ds, rules)
        if facts[i].kind == "unknown" and facts[i].weak is None:
            _personal_record(facts[i], ds, rules)
        if (
            facts[i].kind == "unknown"
            and ds.api is not None
            and (not _reply_of_call(ds, rules) or _owners_reply(ds, rules))
        ):
            # an API's schema: the person its operations' path names, else (weakly) the people
            # an end-user API serves; links to other schemas of the API still count
            scope = (rules, by_name, datasets, by_suffix, surrogate, served)
            path = _path_links(ds, i, scope)
            if path:
                facts[i].links = [*facts[i].links, *path]
                facts[i].evidence.append(msg("subject.api_path", column=path[0][0].column))
            elif facts[i].weak is None and _end_user_api(facts[i], ds, rules):
                by_purpose.add(i)
    _case_parts(datasets, facts, rules, keys)
    _care_facts(datasets, facts, rules)
    _organisation_targets(datasets, facts, rules)
    _ledger_bills(datasets, facts)
    _ledger_postings(datasets, facts)
    owned = [
        not f.fixed and _owned_thing(rules, f, ds) for f, ds in zip(facts, datasets, strict=True)
    ]
    _things_of_owners(datasets, facts, owned, rules)
    carried_people(datasets, facts, rules)
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
                    _serve(f, facts, rules)
                    changed = True
                    break
                if target is None and role is not None:
                    f.kind, f.role = "person_linked", role if role != "person" else None
                    _serve(f, facts, rules)
                    changed = True
                    break
        changed |= _nesting(datasets, facts, by_name, rules)
        changed |= _same_resource(datasets, facts, rules)
        changed |= _listings(datasets, facts, rules)
        changed |= wrappers(datasets, facts, rules)
        changed |= _dwellings(datasets, facts, rules)
        changed |= _payables(datasets, facts, rules)
        changed |= _care_reports(datasets, facts, rules)
        if not changed:
            break
    _organisation_records(datasets, facts)
    _offerings(datasets, facts, rules)
    _staff_handled(datasets, facts, rules)
    _price_lists(datasets, facts, rules)
    _product_catalogues(datasets, facts, rules)
    pupils = _school_pupils(datasets, rules)
    children = scan_children(datasets, facts, pupils, rules)
    higher: bool | None = None  # whether the scan names higher education, once it is asked
    out: list[Subject] = []
    targets: list[list[int]] = []
    for i, (ds, f) in enumerate(zip(datasets, facts, strict=True)):
        if f.kind == "unknown" and f.weak is not None:
            f.kind, f.role, f.named = f.weak, f.weak_role, f.weak_named
            f.evidence.append(f.weak_evidence)
        kept = [
            (link, target)
            for link, target, role in f.links
            if (target is not None and _about_people(facts[target]) and not owned[target])
            or (target is None and role is not None)
        ]
        links = [link for link, _target in kept]
        targets.append([t for _link, t in kept if t is not None])
        if f.kind == "person_linked" and links:
            f.evidence.extend(_link_words(link, _bare(ds.name)) for link in links[:5])
        child = next((lk for lk, _t, role in f.links if role == "minor"), None)
        if f.kind == "person_linked" and f.role != "minor" and child is not None:
            f.role = "minor"  # a teacher's and a child's key: the record is about the child
            f.evidence.append(msg("subject.child_column", column=child.column))
        context = _minor_context(ds, rules) if f.role in _ENROLLED else None
        parents = guardian_columns(ds, rules) if context and f.role != "student" else []
        if f.kind in ("person", "person_linked") and context and f.role == "student":
            f.role = "minor"  # the pupils of a kindergarten or primary school are children
            f.evidence.append(msg("subject.children_context", word=context))
        elif f.kind in ("person", "person_linked") and context and parents:
            f.role = "minor"  # a kindergarten's user whose record names their parents: a child
            f.evidence.append(msg("subject.children_guardians", word=context, columns=parents[:3]))
        elif (
            f.kind in ("person", "person_linked")
            and pupils
            and (
                _pupil_rows(ds, f.role, rules)
                # the roster itself: people placed in a school's grades and classes
                or (_bare(ds.name) == pupils and f.role in (None, "user"))
            )
        ):
            f.role = "minor"  # pupils in a school's grades and classes
            f.evidence.append(msg("subject.school_classes", dataset=pupils))
        elif (
            f.kind == "person"
            and f.role in (None, "user")
            and (word := _birth_record(ds, rules)) is not None
            and (kin := pupil_parents(ds, rules))
        ):
            f.role = "minor"  # a birth certificate: the newborn, with its father and mother
            f.evidence.append(
                msg("subject.birth_record", name=_bare(ds.name), word=word, columns=kin[:2])
            )
        elif f.kind == "person" and f.role == "student" and (kin := pupil_parents(ds, rules)):
            if higher is None:
                higher = names_higher_education(datasets, rules)
            if not higher:  # a school's pupils, with their parents' or guardian's details
                f.role = "minor"
                f.evidence.append(msg("subject.pupil_parents", columns=kin[:3]))
        if (
            f.kind in ("person", "person_linked")
            and f.role != "minor"
            and children is not None
            and learner_rows(ds, f.role, rules)
        ):
            f.role = "minor"  # a learner of a scan whose learners are children
            f.evidence.append(msg("subject.scan_children", evidence=children))
        if (
            f.kind in ("person", "person_linked")
            and f.role not in _NOT_BY_CHILD_COLUMNS
            # a patient's own row (the first page of their record) holds a newborn's birth
            # weight for a delivery: the newborn's columns are the child's (``_child_column``),
            # the patient stays the patient; a record of care linked to a patient that
            # describes a foetus (a delivery's) is the child's
            and not (f.kind == "person" and f.role == "patient")
        ):
            columns = _minor_columns(ds, rules)
            if len(columns) >= 2:
                f.role = "minor"
                f.evidence.append(msg("subject.child_columns", columns=columns[:3]))
        out.append(
            Subject(
                kind=f.kind,
                role=f.role,
                evidence=tuple(dict.fromkeys(f.evidence)),
                links=tuple(dict.fromkeys(links)) if f.kind == "person_linked" else (),
                indirect=f.kind == "person_linked"
                and not f.peer
                and (
                    f.named
                    or (
                        bool(kept)
                        and all(
                            t is not None and facts[t].kind == "person_linked" for _l, t in kept
                        )
                    )
                    # what an end-user API sends is its user's, but not every member describes them
                    or (i in by_purpose and not kept)
                ),
            )
        )
    out = _records_of_children(datasets, out, targets, rules)
    return [_own_columns(subject, ds) for subject, ds in zip(out, originals, strict=True)]


def _case_parts(
    datasets: Sequence[Dataset], facts: list[_Facts], rules: SubjectRules, keys: RecordKeys | None
) -> None:
    """Unplaced tables filed under the same case as a person's table of the same application
    (``case_part_links``: a registration case's transaction beside its applicants) link to it."""
    persons = [
        (f.role or "person")
        if f.kind in ("person", "person_linked")
        else (f.weak_role or "person")
        if f.kind == "unknown" and f.weak in ("person", "person_linked")
        else None
        for f in facts
    ]
    if all(p is None for p in persons):
        return
    placed = [f.kind != "unknown" or bool(f.links) or f.weak is not None for f in facts]
    if all(placed):
        return
    clinical = [
        bool(_table_topic(rules, frozenset(split_name(_bare(ds.name))), "") & rules.health_families)
        for ds in datasets
    ]
    found = case_part_links(
        datasets, persons, placed, rules, keys or record_keys(datasets), clinical
    )
    for i, links in found.items():
        facts[i].links = [*facts[i].links, *links]


def _care_facts(datasets: Sequence[Dataset], facts: list[_Facts], rules: SubjectRules) -> None:
    """In a scan that keeps patients' records, a table nothing else places that is a fact table
    of acts of care (an appointment, an encounter, an observation keyed only by dimensions: a
    clinical reporting warehouse) records some patient's care: person-linked, a patient's. Not
    a table pricing one unit of each of its items: a price list of the care sold."""
    if not any(f.kind == "person" and f.role == "patient" for f in facts):
        return
    for ds, f in zip(datasets, facts, strict=True):
        if f.kind != "unknown" or f.weak is not None:
            continue
        family = care_fact_topic(rules, ds)
        if family is not None and _unit_price_column(ds, rules) is None:
            # a table pricing each item (`com_item_fee` '物价信息表' with 价格) lists what is
            # sold, not acts of care
            f.weak, f.weak_role = "person_linked", "patient"
            f.weak_evidence = msg("subject.care_fact", name=_bare(ds.name), family=family)


def _personal_record(f: _Facts, ds: Dataset, rules: SubjectRules) -> None:
    """A table that nothing else places, on the topic of records that are always someone's (a
    call detail record, a call log, missed calls, an address book: ``personal_record_families``),
    is that person's record even where it names no one: person-linked."""
    family = personal_record_topic(rules, ds)
    if family is not None:
        f.weak, f.weak_role = "person_linked", None
        f.weak_evidence = msg("subject.personal_record", name=_bare(ds.name), family=family)
        return
    by_columns = personal_record_columns(rules, ds) or record_kind_columns(rules, ds)
    if by_columns is not None:
        f.weak, f.weak_role = "person_linked", None
        f.weak_evidence = msg(
            "subject.personal_record_columns", columns=by_columns[1][:3], family=by_columns[0]
        )
        return
    cards = card_ledger_columns(rules, ds)
    if cards:
        f.weak, f.weak_role = "person_linked", None
        f.weak_evidence = msg("subject.card_ledger", name=_bare(ds.name), columns=cards[:3])


def _reply_of_call(ds: Dataset, rules: SubjectRules) -> bool:
    """An API's error or status reply (`Error`, `ErrorInfo`; only `code`, `message`, `status`
    members): it reports on the call, whoever made it or whatever it was about."""
    members = {fld.name.lower() for fld in ds.fields if top_level(fld, ds.name)}
    return members <= rules.response_envelope or _named_error(ds, rules)


def _named_error(ds: Dataset, rules: SubjectRules) -> bool:
    """Whether the schema's name says it is an error reply (``error_replies``: `ErrorInfo`)."""
    return bool(rules.error_replies & set(split_name(_bare(ds.name))))


def _owners_reply(ds: Dataset, rules: SubjectRules) -> bool:
    """A reply of an API speaking to the owner of what it returns ('your balances and
    transactions') that nests the resource itself beside its links (`data.attributes.amount`,
    `links.self`): it carries the owner's record, not a report on the call."""
    api = ds.api
    if api is None or api.end_user is False or not api.purpose:
        return False
    if _named_error(ds, rules):
        return False
    members = {
        fld.pointer[len(ds.name) + 1 :].split(".", 1)[0].removesuffix("[]").lower()
        for fld in ds.fields
        if fld.pointer.startswith(f"{ds.name}.") and fld.pointer != f"{ds.name}.{fld.name}"
    }
    members.discard("")
    return bool(members - rules.response_envelope) and (
        _own_thing_addressed(api.purpose, rules) is not None
    )


def _path_links(ds: Dataset, i: int, scope: tuple[Any, ...]) -> list[Link]:
    """The people an API operation's path names its resource by (`/individuals/{nino}/…`,
    `/users/{userId}/accounts`, `{msisdn}`): the schemas it sends or returns are filed under that
    person, as a table's rows under a key column. The path parameters are read as the columns
    of the dataset would be (``_links``, ``_phone_links``)."""
    rules, by_name, datasets, by_suffix, surrogate, served = scope
    api = ds.api
    if api is None or not api.path_params:
        return []
    # a bare key after its collection (`users/{id}`) is read as that collection's key column
    # would be (`users_id`)
    columns = {_path_column(p): p for p in api.path_params}
    probe = dataclasses.replace(
        ds,
        fields=tuple(Field(name=c, pointer=f"{ds.name}.{c}") for c in columns),
        foreign_keys=(),
    )
    found = _links(probe, i, rules, by_name, datasets, by_suffix, surrogate, served)
    found = found or _phone_links(probe, rules)
    if not found:
        # a person's own identifier (`{nino}`, `{nhsNumber}`): whoever it identifies
        keys: list[Link] = [
            (SubjectLink(p, None, "naming"), None, "person")
            for p in columns
            if _compact(split_name(p)) in rules.person_path_keys
        ]
        found = keys[:1]
    return [
        (dataclasses.replace(link[0], column=columns[link[0].column]), link[1], link[2])
        for link in found
        if link[0].column in columns
    ]


def _path_column(param: str) -> str:
    """The column a path parameter reads as: `users_id` for `users/{id}` (a bare key with its
    collection, as the OpenAPI reader gives it), the name itself otherwise."""
    collection, _, key = param.rpartition("/")
    return f"{collection}_{key.strip('{}')}" if collection else param


def _end_user_api(f: _Facts, ds: Dataset, rules: SubjectRules) -> bool:
    """A schema of an API that a signed-in person calls (an OAuth flow with the user present,
    OpenID Connect) and whose stated purpose names the people it serves ('purchases for a
    specific user', 'a customer's self assessment account'): what it sends and returns is that
    person's — a weak verdict, taken when nothing else places the schema. An API only machines
    call (client credentials, API keys) or one declaring no security is not judged so."""
    api = ds.api
    if api is None or api.end_user is False or not api.purpose:
        return False
    own = _own_thing_addressed(api.purpose, rules)
    # the API's own machinery (`CreateWebhookRequest`, `PingResponse`) is the developer's
    machinery = set(split_name(_bare(ds.name))) & (rules.system | rules.api_machinery)
    if own is not None and not machinery:
        f.weak, f.weak_role = "person_linked", None
        f.weak_evidence = msg("subject.api_own_things", word=own)
        return True
    if api.end_user is not True:
        return False
    for word in re.findall(r"[A-Za-z]+", api.purpose):
        if word.lower() in rules.api_role_lookalikes:
            continue
        role = rules.role_of(word.lower())
        if role is not None and role not in _NOT_API_USERS:
            f.weak, f.weak_role = "person_linked", None if role == "person" else role
            f.weak_evidence = msg("subject.api_end_user", word=word.lower())
            return True
    return False


def _own_thing_addressed(purpose: str, rules: SubjectRules) -> str | None:
    """The thing of one's own an API's purpose addresses its reader as having ('read your
    balances and transactions': balances; 查询您的余额): ``api_own_things`` within three words
    after 'your' (one sentence part), or after 您的/你的. None when it addresses no such thing."""
    words = re.findall(r"[A-Za-z]+|[,.;:!?()]", purpose.lower())
    for i, word in enumerate(words):
        if word != "your":
            continue
        after: list[str] = []
        for nxt in words[i + 1 : i + 4]:
            if not nxt.isalpha():
                break
            after.append(nxt)
        for n in range(len(after), 0, -1):
            for start in range(len(after) - n + 1):
                phrase = after[start : start + n]
                if _compact(split_name("_".join(phrase))) in rules.api_own_things:
                    return " ".join(phrase)
    for lead in ("您的", "你的"):
        at = purpose.find(lead)
        while at >= 0:
            tail = purpose[at + len(lead) : at + len(lead) + 8]
            hit = next((w for w in rules.api_own_things_zh if w in tail), None)
            if hit is not None:
                return hit
            at = purpose.find(lead, at + 1)
    return None


def _records_of_children(
    datasets: Sequence[Dataset],
    subjects: list[Subject],
    targets: list[list[int]],
    rules: SubjectRules,
) -> list[Subject]:
    """A record of a pupil or of someone unnamed that points at a child's record (a K-12
    student's enrolment → the student, a kindergarten's growth record → the child) is a
    child's record too: its information is the child's (PIPL Art. 28, Art. 31). Not a record
    that names its own person (a college's students keyed like a kindergarten's): those are
    people of their own."""
    out = list(subjects)
    for _round in range(_MAX_ROUNDS):  # a record of a child's record is the child's too
        changed = False
        for i, subject in enumerate(out):
            # a pupil's table keyed to the child's record (`studentaddress`, `studentgrade` →
            # `student`) is a part of that record, though its name calls its rows students
            part = subject.kind == "person" and subject.role == "student"
            if not (subject.kind == "person_linked" or part) or subject.role not in (
                None,
                "student",
            ):
                continue
            if names_own_person(datasets[i], rules):
                continue
            child = next((t for t in targets[i] if out[t].role == "minor"), None)
            if child is None:
                continue
            why = msg("subject.child_record", dataset=_bare(datasets[child].name))
            out[i] = dataclasses.replace(
                subject, role="minor", evidence=tuple(dict.fromkeys((*subject.evidence, why)))
            )
            changed = True
        if not changed:
            break
    return out


def _own_columns(subject: Subject, ds: Dataset) -> Subject:
    """``subject`` naming the schema's own columns where the rules read a coded column by its
    comment (``commented.comment_name``: `OCM32IDNOA` read as `patient_number`)."""
    renamed = {name: fld.name for fld, name in comment_names(ds).items()}
    if not renamed or not (subject.links or subject.evidence):
        return subject
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, renamed)) + r")(?!\w)")
    links = tuple(
        dataclasses.replace(lk, column=renamed.get(lk.column, lk.column)) for lk in subject.links
    )
    evidence = tuple(pattern.sub(lambda m: renamed[m.group(1)], e) for e in subject.evidence)
    return dataclasses.replace(subject, links=links, evidence=evidence)
