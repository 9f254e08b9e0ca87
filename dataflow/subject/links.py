"""Links from a dataset to people: declared foreign keys, column naming, comments, nesting of schema documents."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

from dataflow.detect.metadata import has_cjk
from dataflow.detect.metadata.words import field_kind, fold
from dataflow.i18n import msg
from dataflow.model import Dataset, Field, SubjectLink, Words
from dataflow.subject.own import _bare, _Facts
from dataflow.subject.rules import (
    SCHEMA_DOCS,
    SubjectRules,
    _compact,
    split_name,
)


def _link_words(link: SubjectLink, dataset: str) -> Words:
    """``orders.customer_id → customers (naming)``, in both languages."""
    target = link.target or msg("subject.a_person")
    via = msg(f"via.{link.via}") if f"via.{link.via}" in _VIAS else link.via
    return msg("subject.link", dataset=dataset, column=link.column, target=target, via=via)


_VIAS = frozenset({"via.foreign_key", "via.naming", "via.comment", "via.nesting"})


#: A link: (the link, the scanned dataset it points at, the role the column names).
Link = tuple[SubjectLink, int | None, str | None]


@dataclass(frozen=True)
class _Scope:
    """The datasets of one scan, by name, as seen from dataset ``index``."""

    index: int
    rules: SubjectRules
    by_name: dict[str, list[int]]
    datasets: Sequence[Dataset]
    by_suffix: dict[str, list[int]]
    surrogate: frozenset[str] = frozenset()
    served: Mapping[str, int] | None = None

    def target_of(self, key: str) -> int | None:
        """The one other dataset named ``key`` (or, for 4+ letters, ending in it or in its
        plural: `conversation` → `whatsapp_conversations`), or, with none, named ``key`` and a
        record tail (`parent` → `parentinfo`)."""
        hits = [i for i in self.by_name.get(key, ()) if i != self.index]
        for tail in self.rules.record_table_tails if not hits else ():
            hits = [i for i in self.by_name.get(key + tail, ()) if i != self.index]
            if hits:
                break
        if not hits and len(key) >= 4:
            hits = [i for i in self.by_suffix.get(key, ()) if i != self.index]
        if not hits and len(key) >= 4:
            plurals = [key + "s", key + "es"] + ([key[:-1] + "ies"] if key.endswith("y") else [])
            whole = {i for plural in plurals for i in self.by_name.get(plural, ())}
            if whole:
                # a table named by the plural itself (`plans` for `plan_id`, this very table
                # too): that one, not a longer name ending in it (`customer_plans`)
                hits = [i for i in whole if i != self.index]
            for plural in plurals if not whole else ():
                hits = [i for i in self.by_suffix.get(plural, ()) if i != self.index]
                if hits:
                    break
        return hits[0] if len(set(hits)) == 1 else None

    def name(self, target: int | None) -> str | None:
        return _target_name(target, self.datasets)

    def named_table(self, word: str) -> int | None:
        """The one other dataset whose whole name is ``word`` or its plural (`encounter` →
        `encounters`, `study` → `studies`)."""
        forms = [word, word + "s", word + "es"]
        if word.endswith("y"):
            forms.append(word[:-1] + "ies")
        hits = {i for f in forms for i in self.by_name.get(f, ()) if i != self.index}
        return next(iter(hits)) if len(hits) == 1 else None


def _links(
    ds: Dataset,
    index: int,
    rules: SubjectRules,
    by_name: dict[str, list[int]],
    datasets: Sequence[Dataset],
    by_suffix: dict[str, list[int]],
    surrogate: frozenset[str] = frozenset(),
    served: Mapping[str, int] | None = None,
) -> list[Link]:
    """The links of ``ds`` to people: declared foreign keys, then each other column by the
    first rule that finds one (its name, a key suffix, its comment). The row's own key, when
    the scan names the own key of many tables so (``surrogate_keys``), links nowhere. ``served``
    is ``served_people_keys`` of the scan."""
    scope = _Scope(index, rules, by_name, datasets, by_suffix, served=served)
    own = _own_key(ds)
    row_number = own if own in surrogate else None
    out: list[Link] = []
    declared: set[str] = set()
    for fk in ds.foreign_keys:
        key = _compact(split_name(_bare(fk.table)))
        target = scope.target_of(key) if key else None
        if target is None:
            target = _named_target(fk.table, ds.name, index, by_name, datasets)
        role = rules.role_of(key) if key else None
        if _handler_key(rules, fk.columns, key):
            target, role = None, None  # `created_by` → users: who wrote the row, not its person
        column = ", ".join(fk.columns)
        declared.update(c.lower() for c in fk.columns)
        named = _target_name(target, datasets) or _bare(fk.table)
        out.append((SubjectLink(column, named, "foreign_key"), target, role))
    for fld in ds.fields:
        if (
            "." in fld.pointer[len(ds.name) + 1 :]
            or fld.name.lower() in declared
            or fld.name.lower() == row_number
            or _names_own_rows(rules, ds, fld)
            or _headcount(rules, fld)
        ):
            continue
        if has_cjk(fld.name):
            link = _chinese_name_link(scope, fld)
        else:
            tokens = _table_and_suffix(scope, _role_and_suffix(rules, split_name(fld.name)))
            if not tokens or _organisations_role(rules, tokens):
                continue
            link = (
                _named_link(scope, fld, tokens)
                or _comment_link(scope, fld, tokens)
                or _described_key_link(scope.rules, fld, tokens)
                or _owner_value_link(rules, fld, tokens)
                or _prefixed_link(scope, ds, fld, tokens)
                or _bare_role_link(scope, fld, tokens)
                or _leading_key_link(scope, fld, tokens)
            )
        if link is not None:
            out.append(link)
    if _purchasing_record(rules, ds):
        # `cd_usuario` of a supplier's invoice: the clerk who keyed it in, not its person
        out = [x for x in out if not (x[0].via == "naming" and x[1] is None and x[2] == "user")]
    return out


def _organisations_role(rules: SubjectRules, tokens: tuple[str, ...]) -> bool:
    """A key of a role held by an organisation (`ENTRPRS_MBER_ID`, enterprise member id;
    `company_user_id`): an organisation word just before the role word of the key."""
    return (
        len(tokens) > 2
        and tokens[-1] in rules.key_suffixes
        and tokens[-3] in rules.organisation
        and rules.role_of(tokens[-2]) is not None
    )


def _headcount(rules: SubjectRules, fld: Field) -> bool:
    """Whether a column's Chinese comment says it counts (`childnum` '儿童数量', `guest_num`
    '人数', `existing_children` '现有子女（人）' with its unit): how many people a row is for,
    not the key of one of them (answered once per distinct column)."""
    return bool(fld.comment) and bool(rules.column_answer(fld, _counts_heads))


def _counts_heads(fld: Field, rules: SubjectRules) -> bool:
    comment = fld.comment or ""
    if not has_cjk(comment):
        return False
    return bool(_COUNT_UNIT.search(comment)) or any(
        w in comment for w in rules.counts_zh if "数" in w
    )


#: A unit of counting in brackets after a comment (`（人）`, `(次)`): the column is a number of.
_COUNT_UNIT = re.compile(r"[（(]\s*[人次个名位户]\s*[）)]")


def nested_key_links(
    ds: Dataset,
    index: int,
    rules: SubjectRules,
    by_name: dict[str, list[int]],
    datasets: Sequence[Dataset],
    by_suffix: dict[str, list[int]],
) -> list[Link]:
    """A schema document with no person's key of its own whose nested record holds the key of a
    person the scan defines (`OutstandingPayments.outstandingPaymentPurchases[].customerId`,
    `PurchasePayment.purchase.customerId` beside a `Customer` schema): the document carries that
    person's records, so it is about that person. Not
    a key under a member naming who handled the thing or an organisation (`createdBy.userId`,
    `supplier.contactId`), nor a name that is not a key (`connectionData.apn.apnUserName`)."""
    if ds.source_format not in SCHEMA_DOCS:
        return []
    scope = _Scope(index, rules, by_name, datasets, by_suffix)
    for fld in ds.fields:
        rel = fld.pointer[len(ds.name) + 1 :]
        if "." not in rel or has_cjk(fld.name):
            continue
        parents = [split_name(p.replace("[]", "")) for p in rel.split(".")[:-1]]
        if any(
            t in rules.handlers or t in rules.not_carried or _organisation_word(_compact(p), rules)
            for p in parents
            for t in p
        ):
            continue
        tokens = _role_and_suffix(rules, split_name(fld.name))
        if not tokens or tokens[-1] not in rules.reference_tails:
            continue  # a key (`customerId`), not a login name of a device's network (`apnUserName`)
        link = _named_link(scope, fld, tokens)
        # a key of a person the scan defines (`Customer`), not of a party it only names (a
        # third-party provider's `tpp.clientId`)
        if link is not None and link[1] is not None and link[2] is not None:
            return [
                (SubjectLink(fld.pointer[len(ds.name) + 1 :], link[0].target, "naming"), *link[1:])
            ]
    return []


def _purchasing_record(rules: SubjectRules, ds: Dataset) -> bool:
    """A row keyed by a party the business buys from (``supplier_parties``: `cd_fornecedor`,
    `supplier_id`): the business's purchasing record (an incoming invoice, a goods receipt)."""
    for fld in ds.fields:
        tokens = split_name(fld.name)
        if (
            len(tokens) >= 2
            and any(t in rules.supplier_parties for t in tokens)
            and any(t in rules.key_suffixes for t in tokens)
        ):
            return True
    return False


#: Key words that can name a record shared by several tables (`report_id`, `case_no`).
_RECORD_KEY_TAILS = frozenset({"id", "uuid", "guid", "no", "sn", "key"})


def _record_key(ds: Dataset) -> str | None:
    """The key a dataset's rows are filed under: its one primary-key column, else, with no
    primary key declared, its first column when that column is declared NOT NULL."""
    if ds.primary_key:
        return _own_key(ds)
    first = ds.fields[0] if ds.fields else None
    if first is None or first.nullable is not False or "." in first.pointer[len(ds.name) + 1 :]:
        return None
    return first.name.lower()


@dataclass(frozen=True)
class RecordKeys:
    """What ``_shared_key_links`` needs of every dataset of the scan, built once a scan."""

    named: dict[str, int]  # a word of a dataset's own name → how many datasets' names hold it
    filed: dict[str, list[int]]  # a record key (``_record_key``) → the datasets filed under it


def record_keys(datasets: Sequence[Dataset]) -> RecordKeys:
    """The words of the datasets' names and the keys their rows are filed under."""
    named: dict[str, int] = {}
    filed: dict[str, list[int]] = {}
    for j, other in enumerate(datasets):
        for t in set(split_name(_bare(other.name))):
            named[t] = named.get(t, 0) + 1
        key = _record_key(other)
        if key is not None:
            filed.setdefault(key, []).append(j)
    return RecordKeys(named, filed)


def _shared_key_links(
    ds: Dataset, index: int, rules: SubjectRules, datasets: Sequence[Dataset], keys: RecordKeys
) -> list[Link]:
    """Columns naming the key other tables of the scan file their rows under (`report_id` of
    the parts of one credit report, with a table of the reports): a link to each of those
    tables, so that the parts of a person's record follow the part that names the person. For a
    dataset nothing else links; the key's word must name one table of the scan (`per_report_info`),
    not a generic business id (`b_id`) or the rows of many tables (`attr_id`)."""
    out: list[Link] = []
    for fld in ds.fields:
        tokens = split_name(fld.name)
        if (
            has_cjk(fld.name)
            or len(tokens) != 2
            or tokens[-1] not in _RECORD_KEY_TAILS
            or len(tokens[0]) < 3
            or tokens[0] in rules.organisation
            or tokens[0] in rules.handlers
            or _names_organisation(rules, fld)  # `user_id` '供应商ID': a supplier's key
        ):
            continue
        if not _names_one_table(tokens[0], fld.name, keys, datasets):
            continue
        out.extend(
            (SubjectLink(fld.name, _target_name(j, datasets), "naming"), j, None)
            for j in keys.filed.get(fld.name.lower(), ())
            if j != index
        )
    return out


def head_tables(rules: SubjectRules, datasets: Sequence[Dataset]) -> dict[str, list[int]]:
    """The head tables of header/detail pairs in the scan (`report_main`, `order_master`: a word
    and a head word, ``header_table_tails``), by their first word."""
    heads: dict[str, list[int]] = {}
    for j, other in enumerate(datasets):
        parts = split_name(_bare(other.name))
        if len(parts) == 2 and parts[1] in rules.header_tails:
            heads.setdefault(parts[0], []).append(j)
    return heads


def head_table_links(
    ds: Dataset, index: int, heads: dict[str, list[int]], datasets: Sequence[Dataset]
) -> list[Link]:
    """Key columns (`ReportID`) of a detail table naming the head table of its header/detail
    pair (``heads``: ``head_tables``): a table named for the key's word and a head word that
    has the same column, declared as a key or not. The detail rows are parts of the record the
    head row is (a lab report's results)."""
    if not any(j != index for js in heads.values() for j in js):
        return []
    out: list[Link] = []
    for fld in ds.fields:
        tokens = split_name(fld.name)
        found = [j for j in heads.get(tokens[0], ()) if j != index] if len(tokens) == 2 else ()
        if (
            has_cjk(fld.name)
            or not tokens  # a name of signs alone (`_`, `#`)
            or tokens[-1] not in _RECORD_KEY_TAILS
            or len(found) != 1
            or not any(f.name.lower() == fld.name.lower() for f in datasets[found[0]].fields)
        ):
            continue
        out.append(
            (SubjectLink(fld.name, _target_name(found[0], datasets), "naming"), found[0], None)
        )
    return out


def table_comments(datasets: Sequence[Dataset]) -> dict[str, int]:
    """Each Chinese table comment of the scan (``_table_words``) that names one dataset only."""
    seen: dict[str, list[int]] = {}
    for j, other in enumerate(datasets):
        words = _table_words(other.comment or "")
        if len(words) >= _MIN_TABLE_WORDS and has_cjk(words):
            seen.setdefault(words, []).append(j)
    return {w: js[0] for w, js in seen.items() if len(js) == 1}


def _comment_table_links(
    ds: Dataset,
    index: int,
    rules: SubjectRules,
    datasets: Sequence[Dataset],
    by_comment: dict[str, int],
) -> list[Link]:
    """Keys whose comment names another table of the scan by that table's own comment
    (`cons_data_id` '场地预定主表Id' of a booking's items, with `reserve_venue_cons`
    '场地预定主信息表'): a link to that table, as a declared foreign key would be. For a dataset
    nothing else links."""
    out: list[Link] = []
    for fld in ds.fields:
        tokens = split_name(fld.name)
        comment = (fld.comment or "").strip()
        if has_cjk(fld.name) or not tokens or tokens[-1] not in rules.key_suffixes:
            continue
        named = _KEY_WORDS.sub("", comment)
        target = by_comment.get(_table_words(named)) if named != comment else None
        if target is not None and target != index:
            out.append(
                (SubjectLink(fld.name, _target_name(target, datasets), "comment"), target, None)
            )
    return out


def table_comment_core(comment: str, tails: tuple[str, ...] = ("表", "信息")) -> str:
    """A table comment without the words a table's comment may end in, removed in this order
    (药品信息表 → 药品)."""
    text = comment.strip()
    for tail in tails:
        text = text.removesuffix(tail)
    return text


def _table_words(comment: str) -> str:
    """A table comment as a key's comment names that table: also without 主 (the main table of
    a record, 场地预定主信息表 → 场地预定)."""
    return table_comment_core(comment, ("表", "信息", "主"))


#: The end of a key's comment that says it is a key (`Id`, 编号, 主键) after the table it names.
_KEY_WORDS = re.compile(r"(?:\s*(?:id|ID|Id|编号|主键|的id|的ID))$")
#: Characters a table's comment must have to be found in a key's comment.
_MIN_TABLE_WORDS = 3


#: How the key of a case file shared by several tables ends, written as one pinyin-initials
#: token (`xmid` 项目ID, `slbh` 受理编号, `ajbh` 案件编号).
_CASE_KEY_ENDINGS = ("id", "bh")
#: At most this many tables of one application share a case file's key; more is a tenant's or a
#: region's key that every table carries.
_CASE_PARTS = 6


def case_part_links(
    datasets: Sequence[Dataset],
    persons: Sequence[str | None],
    placed: Sequence[bool],
    rules: SubjectRules,
    keys: RecordKeys,
    clinical: Sequence[bool] = (),
) -> dict[int, list[Link]]:
    """Tables of one application (their names begin with the same word: `BDC_SL_JYXX`,
    `BDC_SL_SQR`) that file their rows under the key of one record the scan does not define
    (`xmid` of a registration case, no table of cases scanned) are parts of that one case file:
    where one part is a person's (the case's applicants), an unplaced part (the case's
    transaction, its mortgage) is about those persons too, linked to the person's part. Not a
    key that a table of the scan is filed under or that a table's name names (those are
    ordinary links), nor one most of the application's tables carry (a tenant's or a region's).
    Whatever their names, an unplaced table named for a record of care (``clinical``: a
    hospital's `glass_prescriptions`) filed under the case a patient's table carries
    (`case_id` of an admission register) is that patient's case too."""
    carriers: dict[str, list[int]] = {}
    heads = [_head_word(ds) for ds in datasets]
    for j, ds in enumerate(datasets):
        own = _record_key(ds)
        for fld in ds.fields:
            key = fld.name.lower()
            if key != own and _case_key(rules, fld, keys):
                carriers.setdefault(key, []).append(j)
    out: dict[int, list[Link]] = {}
    for key, tables in carriers.items():
        patients = [j for j in dict.fromkeys(tables) if persons[j] == "patient"]
        for i in dict.fromkeys(tables) if patients and clinical else ():
            if clinical[i] and persons[i] is None and not placed[i]:
                own = next(f.name for f in datasets[i].fields if f.name.lower() == key)
                out.setdefault(i, []).extend(
                    (SubjectLink(own, _target_name(j, datasets), "naming"), None, "patient")
                    for j in patients
                )
        for head in {heads[j] for j in tables}:
            if head is None:
                continue
            mine = [j for j in dict.fromkeys(tables) if heads[j] == head]
            family = sum(1 for h in heads if h == head)
            if not 2 <= len(mine) <= _CASE_PARTS or len(mine) == family:
                continue
            people = [j for j in mine if persons[j] is not None]
            if not people:
                continue
            for i in mine:
                if persons[i] is not None or placed[i] or i in out:
                    continue
                own = next(f.name for f in datasets[i].fields if f.name.lower() == key)
                # the person's part may itself be placed only at the end (a comment naming its
                # applicants): the link carries the role, not the index
                out.setdefault(i, []).extend(
                    (SubjectLink(own, _target_name(j, datasets), "naming"), None, persons[j])
                    for j in people
                )
    return out


def _head_word(ds: Dataset) -> str | None:
    """The first word of a table's name (`bdc` of `BDC_SL_JYXX`), when the name has more."""
    tokens = split_name(_bare(ds.name))
    return tokens[0] if len(tokens) > 1 else None


def _case_key(rules: SubjectRules, fld: Field, keys: RecordKeys) -> bool:
    """Whether a column names a case (``case_keys``: `xmid`, `case_id`) by a key no scanned
    table is filed under or named by."""
    if has_cjk(fld.name) or keys.filed.get(fld.name.lower()):
        return False
    tokens = split_name(fld.name)
    if len(tokens) == 1:
        token = tokens[0]
        ending = next((e for e in _CASE_KEY_ENDINGS if token.endswith(e)), None)
        if ending is None or not 4 <= len(token) <= 8:
            return False
        word = token[: -len(ending)]
    elif len(tokens) == 2 and tokens[1] in _RECORD_KEY_TAILS:
        word = tokens[0]
    else:
        return False
    return (
        word in rules.case_keys and not keys.named.get(word) and not _names_organisation(rules, fld)
    )


def _names_one_table(word: str, column: str, keys: RecordKeys, datasets: Sequence[Dataset]) -> bool:
    """Whether the word of a key column (`report` of `report_id`) names one table of the scan:
    a word of one table's name, or, named by no table, the start of the name of the one table
    filed under that very column (`pres_id`, the key of `prescription`)."""
    named = keys.named.get(word, 0)
    if named:
        return named == 1
    filed = keys.filed.get(column.lower(), ())
    return len(filed) == 1 and _compact(split_name(_bare(datasets[filed[0]].name))).startswith(word)


def _phone_links(ds: Dataset, rules: SubjectRules) -> list[Link]:
    """A column holding a telephone number (``phone_keys``: `PHONE_NUMBER`, `msisdn`,
    `PHONE_NUMBER_FEDERAL`) on a dataset nothing else places: its rows are filed under the number
    and so under the person who holds it (a subscriber's balance, promised payment or monthly
    call statistics). Not on a row that names a company (`CompanyName` of a supplier's
    application), nor when the column's comment names an organisation: its telephone is the
    organisation's contact number."""
    columns = [() if has_cjk(f.name) else split_name(f.name) for f in ds.fields]
    if any(t in rules.organisation for tokens in columns for t in tokens[:1]):
        return []
    for fld, tokens in zip(ds.fields, columns, strict=True):
        if (
            tokens
            and (_compact(tokens) in rules.phone_keys or _compact(tokens[:2]) in rules.phone_keys)
            and not _names_organisation(rules, fld)  # `phone` '小区联系方式': the estate's number
        ):
            return [(SubjectLink(fld.name, None, "naming"), None, "person")]
    plate = plate_column(ds, rules)
    if plate is not None:
        # a checkpoint camera's passage of a plate: filed under the vehicle, so its keeper
        return [(SubjectLink(plate, None, "naming"), None, "person")]
    dwelling = dwelling_column(ds, rules)
    if dwelling is not None:
        # a household's meter reading or fee bill: filed under the flat, so its resident
        return [(SubjectLink(dwelling, None, "naming"), None, "person")]
    return []


def email_links(ds: Dataset, rules: SubjectRules) -> list[Link]:
    """A column giving a role's e-mail (a role word, then ``role_email_tails``: `customerEmail`,
    `user_email`) on a dataset nothing else places: its rows (a customer's interactions with a
    website, a user's events) are filed under the person that e-mail identifies. Not a contact's
    or a handler's e-mail (`contact_email`, `operator_email`), nor on a row naming a company."""
    columns = [() if has_cjk(f.name) else split_name(f.name) for f in ds.fields]
    if any(t in rules.organisation for tokens in columns for t in tokens[:1]):
        return []
    for fld, tokens in zip(ds.fields, columns, strict=True):
        if len(tokens) < 2 or "." in fld.pointer[len(ds.name) + 1 :]:
            continue
        role = rules.role_of(tokens[0])
        if (
            role is not None
            and tokens[0] not in rules.handlers
            and tokens[0] not in rules.contact_markers
            and _compact(tokens[1:]) in rules.role_email_tails
            and not _names_organisation(rules, fld)
        ):
            return [(SubjectLink(fld.name, None, "naming"), None, role)]
    return []


def plate_column(ds: Dataset, rules: SubjectRules) -> str | None:
    """A column holding a vehicle's registration plate, by its name (``plate_keys``: `hphm`,
    `plate_no`) or its comment (号牌号码, 车牌号), on a table that records sightings of it (a
    column of ``plate_sightings``: 卡口编号, 过车时间); not one a word marks as the plate's kind or
    colour (`hpzl` 号牌种类 names no vehicle). A fleet's table of its cars has no sighting."""
    if not any(_sighting(fld, rules) for fld in ds.fields):
        return None
    return _keyed_column(ds, rules.plate_keys, rules.plate_keys_zh)


def _keyed_column(ds: Dataset, keys: AbstractSet[str], keys_zh: Iterable[str]) -> str | None:
    """The first column of ``ds`` named by one of ``keys`` (its name's words run together) or
    whose comment ends in one of ``keys_zh``."""
    for fld in ds.fields:
        tokens = () if has_cjk(fld.name) else split_name(fld.name)
        if tokens and _compact(tokens) in keys:
            return fld.name
        comment = (fld.comment or "").strip()
        if any(comment.endswith(w) for w in keys_zh):
            return fld.name
    return None


def dwelling_column(ds: Dataset, rules: SubjectRules) -> str | None:
    """A column holding a flat's or house's number in an estate (``dwelling_keys``:
    `room_number`, 房号, 门牌号) on a table that also names the estate or building it is in
    (``estate_words``: `plot_name`, `community_id`, 小区, 楼栋): its rows (a meter reading, a
    property fee, a charge rule) are filed under the dwelling and so under the household
    living there, when it also says what the household is charged (``dwelling_charges``:
    `price`, `money`, 金额, 读数). A room number alone (a hotel's rooms, a meeting room) places no
    one, nor does an address register describing the building (its floors, its developer)."""
    if not any(_names_estate(fld, rules) for fld in ds.fields) or not any(
        _charges(fld, rules) for fld in ds.fields
    ):
        return None
    return _keyed_column(ds, rules.dwelling_keys, rules.dwelling_keys_zh)


def _names_estate(fld: Field, rules: SubjectRules) -> bool:
    """Whether a column names the estate or building a dwelling is in (``estate_words``)."""
    tokens = () if has_cjk(fld.name) else split_name(fld.name)
    if tokens and tokens[0] in rules.estate_words:
        return True
    comment = fld.comment or ""
    return any(w in comment for w in rules.estate_words_zh)


def _charges(fld: Field, rules: SubjectRules) -> bool:
    """Whether a column says what a household is charged or used (``dwelling_charges``)."""
    tokens = () if has_cjk(fld.name) else split_name(fld.name)
    if any(t in rules.dwelling_charges for t in tokens):
        return True
    comment = fld.comment or ""
    return any(w in comment for w in rules.dwelling_charges_zh)


def _sighting(fld: Field, rules: SubjectRules) -> bool:
    """Whether a column says where or when a vehicle was seen (``plate_sightings``)."""
    tokens = () if has_cjk(fld.name) else split_name(fld.name)
    if tokens and (_compact(tokens) in rules.plate_sightings or tokens[0] in rules.plate_sightings):
        return True
    comment = fld.comment or ""
    return any(w in comment for w in rules.plate_sightings_zh)


def _role_and_suffix(rules: SubjectRules, tokens: tuple[str, ...]) -> tuple[str, ...]:
    """One lower-case word made of a role and a key suffix (`membername`, `studentno`) as its
    two words; other names as they are. Not a user's (`username`): the account that entered or
    handled a row as often as the person it is about."""
    if len(tokens) != 1:
        return tokens
    memo = _SPLIT_WORDS.get(id(rules))
    if memo is None or memo[0] is not rules:
        _SPLIT_WORDS.clear()  # the words of one catalog's rules at a time
        memo = _SPLIT_WORDS[id(rules)] = (rules, {})
    split = memo[1].get(tokens)
    if split is None:
        split = memo[1][tokens] = _split_role_and_suffix(rules, tokens)
    return split


#: ``_role_and_suffix`` of the single words met so far, per rules (column names recur).
_SPLIT_WORDS: dict[int, tuple[SubjectRules, dict[tuple[str, ...], tuple[str, ...]]]] = {}


#: Key suffixes written straight after a table's name in one lower-case word
#: (`prescriptionid`, `orderno`).
_JOINED_KEY_SUFFIXES = ("id", "no")
#: The shortest table name read off the front of such a word.
_JOINED_TABLE_MIN = 5
#: The longest first word of a table name taken for a prefix (`t_`, `tb_`, `tbl_`).
_TABLE_PREFIX_MAX = 3


def _table_and_suffix(scope: _Scope, tokens: tuple[str, ...]) -> tuple[str, ...]:
    """One lower-case word made of another scanned table's name and a key suffix
    (`prescriptionid` beside `t_prescription`) as its two words, on a detail table named after
    that table (`t_prescriptiondrugs`: the drug lines of a prescription), so it links to its
    head table as `prescription_id` would; other names as they are."""
    if len(tokens) != 1:
        return tokens
    word = tokens[0]
    table = split_name(_bare(scope.datasets[scope.index].name))
    if len(table) > 1 and len(table[0]) <= _TABLE_PREFIX_MAX:
        table = table[1:]  # `t_`, `tb_`, `tbl_`
    own = _compact(table)
    for suffix in _JOINED_KEY_SUFFIXES:
        head = word[: -len(suffix)]
        if (
            word.endswith(suffix)
            and len(head) >= _JOINED_TABLE_MIN
            and own.startswith(head)
            and own != head
            and scope.target_of(head) is not None
        ):
            return (head, suffix)
    return tokens


def _split_role_and_suffix(rules: SubjectRules, tokens: tuple[str, ...]) -> tuple[str, ...]:
    word = tokens[0]
    for suffix in sorted(rules.key_suffixes, key=len, reverse=True):
        head = word[: -len(suffix)]
        role = rules.roles.get(head) if len(suffix) >= 2 and word.endswith(suffix) else None
        if len(head) >= 3 and role is not None and role != "user":
            return (head, suffix)
    return tokens


def _counts_people(rules: SubjectRules, tokens: tuple[str, ...]) -> bool:
    """`current_number_of_guests`, `guest_count`: how many people, not who."""
    compact = _compact(tokens)
    return any(t in rules.counts for t in tokens) or any(
        c.replace("_", "") in compact for c in rules.counts if "_" in c
    )


def _plural_role(rules: SubjectRules, tokens: tuple[str, ...]) -> bool:
    """`active_customers`, `new_users`: a role in the plural after other words names many
    people (a figure over them), not the one person the row belongs to. A flag
    (`has_other_owners`) says something of the row's own people."""
    word = tokens[-1]
    return word.endswith("s") and word[:-1] in rules.roles and tokens[0] not in rules.neg_prefixes


def served_people_keys(datasets: Sequence[Dataset], rules: SubjectRules) -> dict[str, int]:
    """Generic person keys (``person_keys`` with no role word: `pid`, `subject_id`) that exactly
    one table of the scan named after people whom staff serve (``served_roles``: `patients`,
    `customers`) holds as a column: that column name → that table. Other tables' bare person
    key of that name point at it (`nursing.pid` → `patients.pid`)."""
    holders: dict[str, list[int]] = {}
    for j, ds in enumerate(datasets):
        tokens = split_name(_bare(ds.name))
        if not tokens or rules.role_of(tokens[-1]) not in rules.served_roles:
            continue
        for fld in ds.fields:
            name = fld.name.lower()
            if _compact(split_name(fld.name)) in rules.person_keys and "." not in name:
                holders.setdefault(name, []).append(j)
    return {name: js[0] for name, js in holders.items() if len(js) == 1}


def _chinese_name_link(scope: _Scope, fld: Field) -> Link | None:
    """A Chinese column name naming a role's key (患者编号, 会员卡号), a person's key (档案号) or
    the role alone (体检人). A role word before other words is not a key (会员费, 客户名称,
    是否涉及三期人员: a fee, a name, a question about people)."""
    rules = scope.rules
    name = fld.name.strip()
    word = next((w for w in rules.person_keys_zh if name.endswith(w)), None)
    if word is None:
        word = next(
            (
                w
                for w, _role in rules.roles_zh
                if name == w
                or (
                    w in name and name.split(w, 1)[1] in _CHINESE_KEY_TAILS + rules.person_key_tails
                )
            ),
            None,
        )
    if word is None:
        return None
    role = rules.role_zh(name) or ("patient" if word in rules.patient_keys_zh else "person")
    return (SubjectLink(fld.name, None, "naming"), None, role)


#: What may follow a role word in a Chinese column name that is that person's key.
_CHINESE_KEY_TAILS = ("ID", "Id", "id", "号", "编码", "代码", "序号")


def _audit_stamp(scope: _Scope, tokens: tuple[str, ...]) -> bool:
    """Whether a column is the who half of a row's audit stamp (``audit_stamps``: `SYS_USER`
    beside `SYS_DT`, `UPD_USER` beside `UPD_DT`): its first word is an abbreviated stamp word
    and a date or time column of the same table starts with that word."""
    rules = scope.rules
    if len(tokens) < 2 or tokens[0] not in rules.audit_stamps:
        return False
    for other in scope.datasets[scope.index].fields:
        words = split_name(other.name)
        if len(words) >= 2 and words[0] == tokens[0] and words[-1] in rules.audit_stamp_times:
            return True
    return False


def _named_link(scope: _Scope, fld: Field, tokens: tuple[str, ...]) -> Link | None:
    """A person's key by name (`subject_id`, `patient_id`), a role as the last word
    (`apply_user`), or a key suffix after a dataset's or a role's name."""
    rules = scope.rules
    compact = _compact(tokens)
    if _audit_stamp(scope, tokens):
        return None  # `UPD_USER` beside `UPD_DT`: who last wrote the row, not whom it is about
    if _names_organisation(rules, fld):
        return None  # `user_id` '供应商ID': the key of a supplier, not of a person
    if len(tokens) >= 3 and tokens[-1] in rules.key_suffixes and tokens[-2] in rules.reference:
        return None  # `account_type_id`, `user_level_id`: the key of a kind, not of a person
    if len(tokens) >= 3 and tokens[-1] in rules.key_suffixes and tokens[-2] in rules.collections:
        return None  # `contact_list_id`, `user_group_id`: the key of a list of people
    if compact in rules.person_keys:
        if compact in rules.ambiguous_ids and _machine_table(scope):
            return None  # `uid` of `device_configurations`: the device's unique id, no user's
        prefix = _compact(tokens[:-1]) if len(tokens) > 1 else ""
        target = (scope.target_of(prefix) or scope.named_table(prefix)) if prefix else None
        if target is None and not prefix and scope.served is not None:
            # `pid` of `advice`, `nursing`, `treatment` beside `patients.pid`: the patient's key
            held = scope.served.get(fld.name.lower())
            target = held if held != scope.index else None
        role = rules.role_of(prefix) if prefix else None
        if target is None and _record_owner(scope, tokens):
            return None
        if target is None and not prefix and compact in rules.tree_ids and _tree_key(scope, fld):
            return None  # `pid` '父级id' of a site's menu: the parent row's key, no person's
        role = role or ("patient" if compact in rules.patient_keys else "person")
        return (SubjectLink(fld.name, scope.name(target), "naming"), target, role)
    care_key = _ending_patient_key(rules, tokens)
    if care_key is not None:
        return (SubjectLink(fld.name, None, "naming"), None, "patient")
    last_role = rules.roles.get(tokens[-1]) if len(tokens) >= 2 else None
    if last_role is not None and _things_account(scope, tokens):
        return None  # `projectAccount` of `t_project`, `device_account`: the thing's login
    if (
        last_role is not None
        and len(tokens[-1]) > _SHORT_ROLE  # `qos_uplink_mbr`: a bit rate, not a member
        and not any(
            t in rules.handlers or t in rules.contact_markers or t in rules.quantifiers
            for t in tokens[:-1]
        )
        and tokens[0] not in rules.amount_prefixes  # `vl_bruto_conta`: a bill's gross value
        and not _counts_people(rules, tokens)
        and not _plural_role(rules, tokens)
    ):
        # `apply_user`, `leave_applicant`: the person who filed the row, not who handled it, the
        # contact person written on a thing's row (`contact_person` of a drug) or a headcount
        # (`all_people`, `total_users`, `guest_count`)
        return (SubjectLink(fld.name, None, "naming"), None, last_role)
    whole_role = rules.roles.get(tokens[0]) if len(tokens) == 1 else None
    if (
        whole_role is not None
        and len(tokens[0]) > _SHORT_ROLE
        and tokens[0] not in rules.handlers
        and not tokens[0].endswith("s")  # `members`, `guests`: how many
        and field_kind(fld.data_type) in ("int", "bigint")
    ):
        # a whole number named by a role alone (`employee`, `cliente` of a leave request or an
        # account): the key of that person, written without a key suffix
        return (SubjectLink(fld.name, None, "naming"), None, whole_role)
    if len(tokens) >= 2 and tokens[-1] not in rules.key_suffixes:
        keyed = _keyed_table(scope, _compact(tokens[:-1]), tokens[-1])
        if keyed is not None:
            # `resume_sid` beside `resume` keyed by `sid`: that table's own key, under its name
            return (SubjectLink(fld.name, scope.name(keyed), "naming"), keyed, None)
    if len(tokens) < 2 or tokens[-1] not in rules.key_suffixes:
        return None
    if tokens[-1] in rules.contact_number_tails and all(
        t in rules.contact_markers for t in tokens[:-1]
    ):
        return None  # `contact_number`: a telephone number, not a contact person's key
    prefix = _compact(tokens[:-1])
    target = scope.target_of(prefix)
    role = next((r for t in tokens[:-1] for r in [rules.role_of(t)] if r), None)
    role = role or rules.role_of(prefix)
    if (
        role is None
        and tokens[-1] not in rules.reference_tails
        and tokens[-1] != "no"
        and not (
            target is not None
            and _own_key(scope.datasets[target]) in (tokens[-1], fld.name.lower())
        )
    ):
        # `order_num`, `group_name`: a number or name, not a key (unless the table
        # it names is keyed by that word, `travel_apply_code` → tp_travel_apply.code, or by
        # the column's very name, `study_uid` → study.study_uid)
        target = None
    if any(t in rules.handlers for t in tokens[:-1]) and not _names_record_table(
        rules, tokens, target
    ):
        target, role = None, None  # who handled the record, not whom it is about
    if target is None and role is not None and _record_owner(scope, tokens):
        role = None  # the user a survey or a mailing list belongs to in an application
    if target is not None or role is not None:
        return (SubjectLink(fld.name, scope.name(target), "naming"), target, role)
    return None


def _keyed_table(scope: _Scope, word: str, key: str) -> int | None:
    """The other table named ``word`` whose own key is ``key`` (`resume` keyed by `sid` for
    `resume_sid`). Where migrations define the table again in several files, the one defined
    in this table's file, else the first."""
    hits = [
        i
        for i in scope.by_name.get(word, ())
        if i != scope.index and _own_key(scope.datasets[i]) == key
    ]
    if not hits:
        return None
    here = scope.datasets[scope.index].source_path
    return next((i for i in hits if scope.datasets[i].source_path == here), hits[0])


def _tree_key(scope: _Scope, fld: Field) -> bool:
    """A short key that also names a tree's parent row (``tree_ids``: `pid`) whose comment says
    so (``tree_comments``: 父级id, 所属id) or whose table ranks its rows for display
    (``tree_order_columns``: `sort`, `level`) and names no person in its comment: the rows are
    the entries of a menu, a site's sections or a category tree, and the key is their parent's.
    """
    rules = scope.rules
    comment = fld.comment or ""
    if comment and rules.role_zh(comment) is not None:
        return False  # `pid` '患者ID': the comment names whose key it is
    if any(w in comment for w in rules.tree_comments):
        return True
    if comment:
        return False
    return any(
        f.name.lower() in rules.tree_order_columns for f in scope.datasets[scope.index].fields
    )


def _machine_table(scope: _Scope) -> bool:
    """Whether the table's name calls its rows machines (``sensor_keys``: `device_configurations`,
    `sensors_devices`, `meter`): rows about a device, whose bare `uid` (``ambiguous_ids``) is the
    device's own unique id, not a user's key."""
    rules = scope.rules
    words = split_name(_bare(scope.datasets[scope.index].name))
    return any(t in rules.sensor_keys or t.removesuffix("s") in rules.sensor_keys for t in words)


def _things_account(scope: _Scope, tokens: tuple[str, ...]) -> bool:
    """An account word after the name of a thing (``account_words``): the thing the table is
    about (`projectAccount` on `t_project`), a device (`deviceAccount` 设备管理登录账户), an
    organisation or a part of the software (`merchant_account`, `api_account`). It is the login
    of that thing, not a person's key; an account after a role (`user_account`) stays one."""
    rules = scope.rules
    words = tokens[:-1]
    if tokens[-1] not in rules.account_words or any(rules.role_of(t) for t in words):
        return False
    own = split_name(_bare(scope.datasets[scope.index].name))
    return words[-1] in own or any(
        t in rules.sensor_keys or t in rules.organisation or t in rules.system for t in words
    )


#: Role abbreviations this short (`mbr`, `emp`, `stu`) name a person as the last word of a
#: column only with a key suffix after them (`mbr_id`): alone they are often other words' short
#: forms (`QOS_UPLINK_MBR`, a maximum bit rate).
_SHORT_ROLE = 3


def _record_owner(scope: _Scope, tokens: tuple[str, ...]) -> bool:
    """An owner's key (`owner_id`) with no dataset of owners in the scan, on a row that also
    names who created it (`creator_id`, `created_by`) or that is a list or a group
    (`directory_mailing_list`): the application user the record belongs to, as its creator is,
    not the person the row is about. A house's or a car's `owner_id` beside an `owner` table,
    or on a row that keeps no creator, stays its owner's."""
    rules = scope.rules
    if not all(t in rules.ownership for t in tokens[:-1]):
        return False
    ds = scope.datasets[scope.index]
    name = split_name(_bare(ds.name))
    if name and name[-1] in rules.collections:
        return True
    for fld in ds.fields:
        cols = split_name(fld.name)
        if (
            len(cols) >= 2
            and cols[0] in rules.handlers
            and (cols[-1] in rules.key_suffixes or cols[1] == "by")
        ):
            return True
    return False


def _bare_role_link(scope: _Scope, fld: Field, tokens: tuple[str, ...]) -> Link | None:
    """A column whose whole name is a role whose bare name keys a record to its person
    (``bare_role_keys``: `patient` of a clinical export's `conditions`, `medications`,
    `observations`): that person's key, as `patient_id` would be, pointing at the table of
    those people when the scan has one (`patients`)."""
    rules = scope.rules
    if len(tokens) != 1 or len(tokens[0]) < _MIN_BARE_WORD:
        return None  # `xs` 学时 of a course, not a student (`xs` 学生)
    role = rules.roles.get(tokens[0])
    if role is None or role not in rules.bare_role_keys:
        return None
    target = scope.named_table(tokens[0])
    return (SubjectLink(fld.name, scope.name(target), "naming"), target, role)


def bare_word_links(ds: Dataset, index: int, scope_args: _ScopeArgs) -> list[Link]:
    """Columns whose whole name is one word naming another table of the scan in the singular
    (`encounter` of a `procedures` table, beside an `encounters` table): the key of that table's
    row, as `encounter_id` would be. For a dataset that nothing else links or places (clinical
    exports key their event tables so); not the row's own key."""
    rules, by_name, datasets = scope_args
    scope = _Scope(index, rules, by_name, datasets, {})
    own = _own_key(ds)
    out: list[Link] = []
    for fld in ds.fields:
        if has_cjk(fld.name) or "." in fld.pointer[len(ds.name) + 1 :]:
            continue
        tokens = split_name(fld.name)
        word = tokens[0] if len(tokens) == 1 else ""
        if (
            len(word) < _MIN_BARE_WORD
            or word in rules.key_suffixes
            or word in rules.meta
            or fld.name.lower() == own
        ):
            continue
        target = scope.named_table(word)
        if target is not None:
            out.append((SubjectLink(fld.name, scope.name(target), "naming"), target, None))
    return out


#: What ``bare_word_links`` needs of the scan: its rules, datasets by name, and the datasets.
_ScopeArgs = tuple[SubjectRules, dict[str, list[int]], Sequence[Dataset]]

#: The shortest bare column word taken for another table's key (`case`, `visit`; not `pid`).
_MIN_BARE_WORD = 4


#: Distinct words whose ending key is kept (``_ending_patient_key``).
_MAX_KNOWN_WORDS = 1 << 16


def _ending_patient_key(rules: SubjectRules, tokens: tuple[str, ...]) -> str | None:
    """The key of a patient's stay or visit (``patient_keys``) that a one-word column name ends
    in after other words (`CLINICALENCOUNTERID`: an `encounterid`), if any. Only keys of eight
    letters or more: a shorter tail (`zyh`, `mzh`) ends too many words."""
    if len(tokens) != 1:
        return None
    word = tokens[0]
    known = rules.known_ending_keys  # worked out once per distinct word
    if word in known:
        return known[word]
    if len(known) >= _MAX_KNOWN_WORDS:
        known.clear()
    found = known[word] = next(
        (
            k
            for k in rules.patient_keys
            if len(k) >= _MIN_ENDING_KEY and len(word) > len(k) and word.endswith(k)
        ),
        None,
    )
    return found


#: The shortest patient key found at the end of a longer one-word name (``_ending_patient_key``).
_MIN_ENDING_KEY = 8


def _prefixed_link(scope: _Scope, ds: Dataset, fld: Field, tokens: tuple[str, ...]) -> Link | None:
    """A key written after a word of the dataset's own name, as some schemas begin every column
    with it (`charge_register_id` of `charge_charge`, `project_dept_id` of `doctor_project_fee`):
    the key the rest of the name makes."""
    if len(tokens) < 3 or tokens[0] not in split_name(_bare(ds.name)):
        return None
    return _named_link(scope, fld, tokens[1:])


def _leading_key_link(scope: _Scope, fld: Field, tokens: tuple[str, ...]) -> Link | None:
    """A key written before the whole name of another dataset of the scan (`id_cc_card` of
    `cc_did_use` beside a `cc_card` table, as `cc_card_id` would be written elsewhere): a link
    to that dataset. Only a reference key word (`id`, `fk`) before it; whether the link reaches
    a person, the dataset it names says."""
    if len(tokens) < 2 or tokens[0] not in scope.rules.reference_tails:
        return None
    target = scope.target_of(_compact(tokens[1:]))
    if target is None or _compact(split_name(_bare(scope.datasets[target].name))) != _compact(
        tokens[1:]
    ):
        return None
    return (SubjectLink(fld.name, scope.name(target), "naming"), target, None)


def _handler_key(rules: SubjectRules, columns: Sequence[str], table: str | None) -> bool:
    """A declared foreign key of one column naming who handled the row (`created_by`,
    `updated_by`, `approver_id`, a bare `creator` or `changer` → users): the database's record
    of who wrote or changed the row, which a table of things (products, stock) keeps as much as
    a person's record, so it does not make the row about that user. A key named after its own
    table (`register_id` → register) is that table's record. So is a key named by a row
    editor's word alone (`creator` → admin: who wrote an article)."""
    if len(columns) != 1:
        return False
    tokens = split_name(columns[0])
    if len(tokens) == 1:
        # a one-word row editor (`creator` → admin) or handler (`changer` → users): who wrote
        # the row, as `created_by`
        return _compact(tokens) in rules.row_editors or (
            tokens[0] in rules.handlers and tokens[0] != table
        )
    return (
        len(tokens) >= 2
        and any(t in rules.handlers for t in tokens[:-1])
        and not any(rules.role_of(t) for t in tokens[:-1])
        and _compact(tokens[:-1]) != table
    )


def _names_record_table(rules: SubjectRules, tokens: tuple[str, ...], target: int | None) -> bool:
    """A handler word that is the whole name of a table of the scan (`register_id` beside a
    `register` or `doctor_register` table of registrations) and no role's name: the key of that
    table's record, not of whoever registered the row."""
    return (
        target is not None
        and len(tokens) == 2
        and tokens[-1] in rules.reference_tails
        and rules.role_of(tokens[0]) is None
    )


def _owner_value_link(rules: SubjectRules, fld: Field, tokens: tuple[str, ...]) -> Link | None:
    """A column saying whose the row is (``owner_value_columns``: `ownership_type`) by values
    that name people (`applicant`, `applicant_and_partner`, `partner`): the row is a belonging
    of the person one of them names (an employment, a saving, an investment of the applicant)."""
    if not fld.enum_values or not any(t in rules.owner_values for t in tokens):
        return None
    role = next(
        (r for v in fld.enum_values for t in split_name(v) for r in [rules.role_of(t)] if r),
        None,
    )
    return (SubjectLink(fld.name, None, "naming"), None, role) if role is not None else None


def _names_organisation(rules: SubjectRules, fld: Field) -> bool:
    """A column whose Chinese comment names an organisation and no role (`user_id` '供应商ID',
    `user_id` '医院编号'): it points at that organisation, whatever its name says."""
    return _organisation_comment(rules, fld.comment or "")


@lru_cache(maxsize=8192)
def _organisation_comment(rules: SubjectRules, comment: str) -> bool:
    return (
        has_cjk(comment)
        and any(w in comment for w in rules.organisation_zh)
        and rules.role_zh(comment) is None
    )


def _comment_link(scope: _Scope, fld: Field, tokens: tuple[str, ...]) -> Link | None:
    """A key or a single-word column whose Chinese comment names a person (体检人, 读者条码)."""
    role = comment_role(scope.rules, fld, tokens)
    return (SubjectLink(fld.name, None, "comment"), None, role) if role is not None else None


def comment_role(rules: SubjectRules, fld: Field, tokens: tuple[str, ...]) -> str | None:
    """The role (or ``person``) a key or single-word column's Chinese comment names as the
    person the row belongs to (体检人, 读者条码, 学生唯一id); None when it names no one, a count,
    an organisation's key or who handled the row."""
    return _comment_role(rules, fld.comment or "", tokens) if fld.comment else None


@lru_cache(maxsize=8192)
def _comment_role(rules: SubjectRules, comment: str, tokens: tuple[str, ...]) -> str | None:
    """``comment_role`` of a comment and a column's words (kept per distinct pair: columns
    recur from table to table)."""
    if (
        comment
        and has_cjk(comment)
        and (
            _own_person_key(rules, comment)
            or (
                (
                    tokens[-1] in rules.key_suffixes
                    or comment.rstrip().endswith(rules.person_key_tails)
                )
                and rules.role_zh(comment) is not None
            )
        )
        and not any(w in comment for w in (*rules.counts_zh, *rules.headcounts))
        and not comment.rstrip().endswith(rules.count_endings_zh)  # 老年人口任务数: a count
        and not any(w in comment for w in rules.person_columns_zh)  # 联系人姓名: whom to contact
        and not _entered_by(rules, comment)  # 用户导入: the user entered it, it is not their key
        and not any(t in rules.organisation for t in tokens)  # store_id '用户ID': the name wins
        and not any(
            t in rules.handlers for t in tokens[:-1]
        )  # who handled it, not whom it is about
        and (tokens[-1] in rules.key_suffixes or len(tokens) == 1)
    ):
        return rules.role_zh(comment) or "person"
    return None


def _entered_by(rules: SubjectRules, comment: str) -> bool:
    """Whether a Chinese comment says who entered the value (a role word followed by an entry
    verb, ``entry_verbs_zh``: 用户导入, 用户添加), not whose key the column is."""
    folded = fold(comment)
    for word, _role in rules.roles_zh:
        at = folded.find(word)
        if at >= 0 and folded[at + len(word) :].lstrip().startswith(rules.entry_verbs_zh):
            return True
    return False


#: An English description saying whose key a column holds: 'Contains the fully-qualified ID of
#: the user who sent this event', "the customer's unique identifier"; the words after the role
#: (up to four) say what that person did.
_DESCRIBED_KEY = re.compile(
    r"\b(?:id|identifier|key)\s+of\s+(?:the|a|an|this)\s+([a-z]+)((?:\s+[a-z]+){0,4})"
    r"|\b([a-z]+)'s\s+(?:unique\s+)?(?:id|identifier)\b()",
    re.IGNORECASE,
)


def _described_key_link(rules: SubjectRules, fld: Field, tokens: tuple[str, ...]) -> Link | None:
    """A key or single-word column whose English description says it holds a person's key ('the
    ID of the user who sent this event': Matrix's `sender`): the row is that person's, as a
    `user_id` column would say. Not a description of who handled the row ('the ID of the user
    who last updated it': ``handler_markers``), nor a column named for an organisation or for
    someone who handled it (`creator`)."""
    comment = fld.comment or ""
    if not comment or has_cjk(comment):
        return None
    if tokens[-1] not in rules.key_suffixes and len(tokens) != 1:
        return None
    if any(t in rules.organisation or t in rules.handlers for t in tokens):
        return None
    match = _DESCRIBED_KEY.search(comment)
    if match is None:
        return None
    word = (match.group(1) or match.group(3) or "").lower()
    after = split_name(match.group(2) or "")
    role = rules.role_of(word)
    if role is None or any(t in rules.handlers for t in after):
        return None
    return (SubjectLink(fld.name, None, "comment"), None, role)


#: The end of words naming someone other than the row's person before a key (班主任工号: the
#: head teacher's staff number on a class; 操作员工号: the operator's).
_SOMEONE_ELSE_ZH = re.compile(r"(主任|长|员|师|人|者)$")


def _own_person_key(rules: SubjectRules, comment: str) -> bool:
    """A comment naming a person's key (工号, 住院号), not another person's: whatever comes before
    the key is no one, or a role of the row's person (患者住院号)."""
    key = next((w for w in rules.person_keys_zh if w in comment), None)
    if key is None:
        return False
    before = comment.split(key, 1)[0].strip()
    return not _SOMEONE_ELSE_ZH.search(before) or rules.role_zh(before) is not None


#: How many tables of a scan must name their own key alike for that name to be a convention.
_SURROGATE_TABLES = 3


def surrogate_keys(datasets: Sequence[Dataset]) -> frozenset[str]:
    """One-word own-key names that a scan gives to the primary key of three or more tables (`uid`
    as the auto-increment key of every table of a schema): the schema's convention for a row
    number, so on each of those tables it is the row's own number, not a user's id. (A key
    naming a table, `order_id` of an order's goods, buyer and delivery, is that record's.)"""
    counts: dict[str, int] = {}
    for ds in datasets:
        key = _own_key(ds)
        if key is not None and len(split_name(key)) == 1:
            counts[key] = counts.get(key, 0) + 1
    return frozenset(k for k, n in counts.items() if n >= _SURROGATE_TABLES)


#: The shortest word of a primary key found inside a table name written as one word.
_SHORTEST_GLUED_KEY = 4


def _names_own_rows(rules: SubjectRules, ds: Dataset, fld: Field) -> bool:
    """A key of the dataset's own rows, not a link to a person: its one primary key when it is a
    bare `id` (whatever its comment says: a comment copied from another table, '被保险人id' on a
    list of insurance types), or any key named after the dataset itself (`UserAreaCoverageID`,
    `course.course_id`, `request.CustomerRequestID`: the request's number as its customer
    knows it), and its primary key named after the last words of the dataset's name
    (`record_id` of `resident_access_record`, not a key of another table of records)."""
    tokens = split_name(fld.name)
    if not tokens or tokens[-1] not in rules.key_suffixes:
        return False
    if len(tokens) == 1:
        return fld.name.lower() == _own_key(ds)
    own = _compact(split_name(_bare(ds.name)))
    head = _compact(tokens[:-1])
    if own and fld.name.lower() == _own_key(ds) and any(o.endswith(head) for o in _singulars(own)):
        # the primary key `record_id` of `resident_access_record`, `disease_id` of `diseases`:
        # its own rows
        return True
    if (
        own
        and fld.name.lower() == _own_key(ds)
        and len(head) >= _SHORTEST_GLUED_KEY
        and head in own
        and len(split_name(_bare(ds.name))) == 1
    ):
        # the primary key `AUTHOR_CODE` of `COMTNAUTHORINFO`, a name written as one coded word
        # (a prefix, the word, a tail): its own rows
        return True
    return bool(own) and head.endswith(own)


def _singulars(word: str) -> tuple[str, ...]:
    """A table name and, when it is an English plural, its singular forms (`diseases` →
    `disease`, `categories` → `category`, `boxes` → `box`)."""
    out = [word]
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        out.append(word[:-1])
    return tuple(out)


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
    datasets: Sequence[Dataset],
    facts: list[_Facts],
    by_name: dict[str, list[int]],
    rules: SubjectRules,
) -> bool:
    """Schemas nested in (or referenced by) a document about a person are person-linked; one
    nested only as an organisation or inside one (``employer``, ``employer.address``) is that
    organisation's."""
    changed = False
    variants: dict[str, list[int]] = {}  # `Award1`, `Award2`: further schemas named `Award`
    for j, ds in enumerate(datasets):
        bare = _compact(split_name(_bare(ds.name)))
        if ds.source_format in SCHEMA_DOCS and bare.rstrip("0123456789") not in ("", bare):
            variants.setdefault(bare.rstrip("0123456789"), []).append(j)
    shapes = _shapes(datasets)
    for i, ds in enumerate(datasets):
        if ds.source_format not in SCHEMA_DOCS or facts[i].kind not in ("person", "person_linked"):
            continue
        names: set[str] = set()
        in_org: set[str] = set()
        unlike = _unlike_members(ds, datasets, by_name)
        for fld in ds.fields:
            rel = fld.pointer[len(ds.name) + 1 :] if fld.pointer.startswith(ds.name + ".") else ""
            org = False
            for part in rel.split("."):
                org = org or _organisation_word(part.replace("[]", ""), rules)
                (in_org if org else names).update(_member_names(part) - unlike)
            if fld.data_type:
                short = fld.data_type.replace('"', " ").replace(",", " ").split()
                for t in short:
                    t = t.strip("[]<>?").rsplit(".", 1)[-1]
                    if t and t.lower() not in ("null", "array", "record", "string"):
                        names.add(_compact(split_name(t)))
        # in order: the first name that links a schema is the one its link shows
        nested = [(n, True) for n in sorted(in_org - names)] + [(n, False) for n in sorted(names)]
        same_shape = {
            # a schema whose own columns say whose it is (a name, a document number) is decided
            # by them, not by where it is nested
            name: [j for j in js if facts[j].weak is None]
            for name, js in _same_shape(ds, datasets, shapes, rules).items()
        }
        for name, org in nested:
            for j in [*by_name.get(name, ()), *variants.get(name, ()), *same_shape.get(name, ())]:
                f = facts[j]
                if j == i or f.fixed or f.kind != "unknown":
                    continue
                if datasets[j].source_format not in SCHEMA_DOCS:
                    continue
                changed = True
                if org:
                    f.kind, f.role, f.fixed = "organisation", None, True
                    f.evidence.append(msg("subject.nested_org", name=_bare(ds.name)))
                    continue
                f.kind, f.role = "person_linked", facts[i].role
                link = SubjectLink(name, _bare(ds.name), "nesting")
                f.links.append((link, i, None))
                f.evidence.append(msg("subject.nested", name=_bare(ds.name)))
    return changed


#: Members a nested object must share with a schema of the scan to be taken for it.
_MIN_SHAPE = 3


def _unlike_members(
    ds: Dataset, datasets: Sequence[Dataset], by_name: dict[str, list[int]]
) -> set[str]:
    """The names of ``ds``'s object members that are plainly not the schema of the scan named
    like them: their own members share none with that schema's (a pump's `status` {bolusing,
    suspended} is not the site's `Status` {apiEnabled, settings}). Neither they nor a plain
    member of the same name (`pump.status.status`) link ``ds`` to that schema."""
    out: set[str] = set()
    seen: set[str] = set()
    head = ds.name + "."
    for fld in ds.fields:
        rel = fld.pointer[len(head) :] if fld.pointer.startswith(head) else ""
        parts = rel.split(".")
        for k in range(len(parts) - 1):  # the object members on the way to the field
            prefix = head + ".".join(parts[: k + 1])
            if prefix in seen:
                continue
            seen.add(prefix)
            members = _member_names(parts[k])
            targets = [j for n in members for j in by_name.get(n, ()) if datasets[j] is not ds]
            own = _direct_members(ds, prefix)
            if (
                targets
                and own
                and all(
                    (theirs := _direct_members(datasets[j], datasets[j].name))
                    and own.isdisjoint(theirs)
                    for j in targets
                )
            ):
                out.update(members)
    return out


def _direct_members(ds: Dataset, prefix: str) -> frozenset[str]:
    """The names of the members directly under ``prefix`` (a dataset's name, or a member's
    pointer), lower-cased."""
    head = prefix + "."
    return frozenset(
        f.pointer[len(head) :].lower()
        for f in ds.fields
        if f.pointer.startswith(head) and "." not in f.pointer[len(head) :]
    )


def _shapes(datasets: Sequence[Dataset]) -> dict[frozenset[str], list[int]]:
    """Schema documents by their own members (three or more), kept only where the scan nests
    that shape under one member name alone (`shipment`): a type nested under many names
    (a code value under `gender`, `clientType`, `status`; a currency in every amount) is a
    shared kind of value, not one record of the document it sits in."""
    shapes: dict[frozenset[str], list[int]] = {}
    for j, ds in enumerate(datasets):
        own = _direct_members(ds, ds.name)
        if ds.source_format in SCHEMA_DOCS and len(own) >= _MIN_SHAPE:
            shapes.setdefault(own, []).append(j)
    if not shapes:
        return shapes
    members: dict[frozenset[str], set[str]] = {}
    for ds in datasets:
        if ds.source_format not in SCHEMA_DOCS:
            continue
        for prefix in {f.pointer.rsplit(".", 1)[0] for f in ds.fields if "." in f.pointer}:
            if prefix == ds.name:
                continue
            shape = _direct_members(ds, prefix)
            if shape in shapes:
                members.setdefault(shape, set()).add(prefix.rsplit(".", 1)[-1].lower())
    return {k: v for k, v in shapes.items() if len(members.get(k, ())) == 1}


def _same_shape(
    ds: Dataset,
    datasets: Sequence[Dataset],
    shapes: Mapping[frozenset[str], list[int]],
    rules: SubjectRules,
) -> dict[str, list[int]]:
    """Schemas of the scan that a member of ``ds`` nests by their shape (``_shapes``): the
    member's own members are exactly a schema's, as when an Avro named type or a JSON Schema
    `$ref` was written out in place under another member name (`shipment` of type `Shipping`).
    By the member's compact name, as ``_member_names`` gives it. Not a member naming the
    software's settings (`config`), nor a schema named as a code list or a currency
    (`CurrencyDataV1`): what those hold is no one's record."""
    out: dict[str, list[int]] = {}
    prefixes = {f.pointer.rsplit(".", 1)[0] for f in ds.fields if f.pointer.count(".") >= 2}
    for prefix in sorted(prefixes):
        part = prefix.rsplit(".", 1)[-1]
        if any(t in rules.system for t in split_name(part.replace("[]", ""))):
            continue
        found = [
            j
            for j in shapes.get(_direct_members(ds, prefix), [])
            if not any(
                t in rules.reference or t in rules.reference_names
                for t in split_name(_bare(datasets[j].name))
            )
        ]
        for name in _member_names(part):
            out.setdefault(name, []).extend(j for j in found if datasets[j] is not ds)
    return out


def carried_people(datasets: Sequence[Dataset], facts: list[_Facts], rules: SubjectRules) -> None:
    """A schema document that nothing else explains and that carries a person as a nested
    object named for their role (`Bill.user {firstname, lastname, address}`, `Order.customer`)
    is that person's record: a link to the role, as a `user_id` would be. Not a member naming
    who wrote or handled the thing (`author`, `createdBy`, `owner`)."""
    for ds, f in zip(datasets, facts, strict=True):
        if ds.source_format not in SCHEMA_DOCS or f.fixed or f.kind != "unknown" or f.links:
            continue
        if f.weak is not None:
            continue  # its own columns say more (a CV with the person's name, e-mail, birth date)
        members = {
            rel.split(".", 1)[0]
            for fld in ds.fields
            for rel in [fld.pointer.removeprefix(ds.name + ".")]
            if rel != fld.pointer and "." in rel
        }
        for member in sorted(members):
            tokens = split_name(member.replace("[]", ""))
            role = rules.role_of(_compact(tokens)) if tokens else None
            if (
                role is None
                or role == "employee"
                or any(t in rules.handlers or t in rules.not_carried for t in tokens)
            ):
                continue
            f.links.append((SubjectLink(member, None, "nesting"), None, role))
            break


def _member_names(part: str) -> set[str]:
    """The names a member may nest a schema under: its own, and for a list (``payments[]``,
    ``awards[]``) the singular its items are named by (``Payment``, ``Award``)."""
    name = _compact(split_name(part.replace("[]", "")))
    if not part.endswith("[]"):
        return {name}
    if name.endswith("ies"):
        return {name, name[:-3] + "y"}
    return {name, name[:-1]} if name.endswith("s") and not name.endswith("ss") else {name}


def _organisation_word(part: str, rules: SubjectRules) -> bool:
    """A member named after an organisation (``employer``, ``employerDetails``)."""
    tokens = [t for t in split_name(part) if t not in rules.table_tails]
    return bool(tokens) and (
        tokens[-1] in rules.organisation or tokens[-1] in rules.organisation_members
    )


#: A version segment of a dotted schema name (``v2`` of ``iam.scim.v2.User``, ``v1beta1``).
_API_VERSION = re.compile(r"v\d+(?:(?:alpha|beta)\d*)?", re.IGNORECASE)


def _resource(ds: Dataset, rules: SubjectRules) -> str | None:
    """The resource an API operation's schema document is about: the first segment of a dotted
    document name (``LISAAccount`` of ``LISAAccount.close.post``), or of a hyphenated one
    (``income`` of ``income-sa-foreign-response``) unless that segment is the operation's verb
    (``get-orders``, ``create-user``). A dotted name with an API version in it names a package
    and its version first (``iam.scim.v2.Error``, ``frontline.v1.user``): the resource is the
    segment after the version, so an API's error object is not an operation on its users."""
    if ds.source_format not in SCHEMA_DOCS:
        return None
    operation = _operation_file(ds, rules)
    if operation is not None:
        return operation
    if "." in ds.name:
        parts = ds.name.split(".")
        versions = [i for i, part in enumerate(parts) if _API_VERSION.fullmatch(part)]
        if versions:
            # `iam.scim.v2.Error`: a package and its version before the resource
            after = versions[-1] + 1
            return parts[after].lower() if after < len(parts) else None
        return parts[0].lower()
    if "-" not in ds.name or any(c.isspace() for c in ds.name):
        return None
    head = ds.name.split("-", 1)[0].lower()
    return head if head and head not in rules.operation_verbs else None


def _operation_file(ds: Dataset, rules: SubjectRules) -> str | None:
    """The API operation a schema file is a part of, by its file name: an operation id of a
    verb and two or more words before an underscore (`retrieveBalanceAndTransactions` of
    `retrieveBalanceAndTransactions_balanceDetails.json` and `…_itemDetails.json`): the parts
    of one call's response, about whom the call is."""
    stem = PurePath(ds.source_path).stem
    head = stem.split("_", 1)[0] if "_" in stem else ""
    tokens = split_name(head)
    if len(tokens) < _OPERATION_WORDS or tokens[0] not in rules.operation_verbs:
        return None
    return f"{head}_"


#: Words of an operation id (a verb and what it acts on) that make a file name one operation's.
_OPERATION_WORDS = 3


def _listings(datasets: Sequence[Dataset], facts: list[_Facts], rules: SubjectRules) -> bool:
    """A schema document listing a resource's records (`PaginatedEmploymentList` with a
    `results[]` array: the name without ``listing_words`` is the resource's, `Employment`) is
    about whom the resource is about, when its own fields say nothing."""
    by_name: dict[tuple[str, ...], int] = {}
    for i, ds in enumerate(datasets):
        if ds.source_format in SCHEMA_DOCS:
            by_name.setdefault(tuple(split_name(_bare(ds.name))), i)
    changed = False
    for j, ds in enumerate(datasets):
        f = facts[j]
        if f.fixed or f.kind != "unknown" or ds.source_format not in SCHEMA_DOCS:
            continue
        tokens = split_name(_bare(ds.name))
        core = tuple(t for t in tokens if t not in rules.listing_words)
        source = by_name.get(core) if core and len(core) < len(tokens) else None
        if (
            source is None
            or source == j
            or facts[source].kind not in ("person", "person_linked")
            or not any("[]." in fld.pointer for fld in ds.fields)
        ):
            continue
        f.kind, f.role, f.peer = "person_linked", facts[source].role, True
        name = _bare(datasets[source].name)
        f.links.append((SubjectLink(ds.name, name, "nesting"), source, None))
        f.evidence.append(msg("subject.listing", name=datasets[source].name))
        changed = True
    return changed


def wrappers(datasets: Sequence[Dataset], facts: list[_Facts], rules: SubjectRules) -> bool:
    """A request or reply that only wraps one record, or one list of records, of another schema
    of the scan (`ProfileResponse {profile: Profile}`, `{articles[]: Article, articlesCount}`),
    beside the call's envelope and paging, is about whom that schema is about. The schema is
    found by the member's name (`profile` → `Profile`) or by the record's shape (its members are
    exactly those of a schema, as when a `$ref` was written out in place under `data`)."""
    by_name: dict[str, list[int]] = {}
    shapes: dict[frozenset[str], list[int]] = {}
    for j, ds in enumerate(datasets):
        if ds.source_format in SCHEMA_DOCS:
            by_name.setdefault(_compact(split_name(_bare(ds.name))), []).append(j)
            own = _direct_members(ds, ds.name)
            if len(own) >= _MIN_SHAPE:
                shapes.setdefault(own, []).append(j)
    changed = False
    for i, ds in enumerate(datasets):
        f = facts[i]
        if f.fixed or f.kind != "unknown" or ds.source_format not in SCHEMA_DOCS:
            continue
        member = _wrapped_member(ds, rules)
        if member is None:
            continue
        found = [j for name in sorted(_member_names(member) - {""}) for j in by_name.get(name, ())]
        found.extend(shapes.get(_direct_members(ds, f"{ds.name}.{member}"), ()))
        source = next(
            (j for j in found if j != i and facts[j].kind in ("person", "person_linked")), None
        )
        if source is None:
            continue
        f.kind, f.role, f.peer = "person_linked", facts[source].role, True
        name = _bare(datasets[source].name)
        f.links.append((SubjectLink(member, name, "nesting"), source, None))
        f.evidence.append(msg("subject.wrapper", member=member, name=datasets[source].name))
        changed = True
    return changed


def _wrapped_member(ds: Dataset, rules: SubjectRules) -> str | None:
    """The one object or list-of-objects member a schema wraps (``wrappers``), when every other
    top-level member is the call's envelope (``response_envelope``) or paging and counts
    (``wrapper_members``, with the wrapped member's own words: `articlesCount`)."""
    tops: dict[str, bool] = {}  # top-level member → whether it holds members of its own
    head = ds.name + "."
    for fld in ds.fields:
        if not fld.pointer.startswith(head):
            return None
        top, dot, _rest = fld.pointer[len(head) :].partition(".")
        tops[top] = tops.get(top, False) or bool(dot)
    objects = [
        m for m, nested in tops.items() if nested and m.lower() not in rules.response_envelope
    ]
    if len(objects) != 1:
        return None
    member = objects[0]
    own = set(split_name(member.replace("[]", "")))
    for top in tops:
        if top == member or top.lower() in rules.response_envelope:
            continue
        tokens = split_name(top.replace("[]", ""))
        if not tokens or not all(t in own or t in rules.wrapper_members for t in tokens):
            return None
    return member


def _same_resource(datasets: Sequence[Dataset], facts: list[_Facts], rules: SubjectRules) -> bool:
    """Schema documents of one scan named after the same resource (``LISAAccount.get``,
    ``LISAAccount.close.post``, ``LISAAccount.post.response``) are operations on it: when one is
    about a person, so are the others whose own fields say nothing."""
    about: dict[str, int] = {}
    for i, ds in enumerate(datasets):
        resource = _resource(ds, rules)
        if resource is not None and facts[i].kind in ("person", "person_linked"):
            about.setdefault(resource, i)
    changed = False
    for j, ds in enumerate(datasets):
        resource = _resource(ds, rules)
        source = about.get(resource) if resource is not None else None
        f = facts[j]
        if source is None or source == j or f.fixed or f.kind != "unknown":
            continue
        head = (
            resource.rstrip("_")
            if resource is not None and resource.endswith("_")
            else ds.name.split("." if "." in ds.name else "-", 1)[0]
        )
        f.kind, f.role, f.peer = "person_linked", facts[source].role, True
        f.links.append((SubjectLink(head, _bare(datasets[source].name), "nesting"), source, None))
        f.evidence.append(msg("subject.same_resource", resource=head, name=datasets[source].name))
        changed = True
    return changed
