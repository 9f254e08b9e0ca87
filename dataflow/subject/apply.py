"""Findings adjusted to their dataset's subject: a person's record, a code list, an organisation, unknown."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Iterable, Sequence

from dataflow.catalog import Catalog, Element
from dataflow.detect.metadata import has_cjk
from dataflow.detect.metadata.scripts import has_kana, japanese_reading, unread_letters
from dataflow.i18n import msg, role_text
from dataflow.model import (
    Dataset,
    Evidence,
    Field,
    FieldFinding,
    Subject,
    SubjectLink,
    Words,
    top_level,
)
from dataflow.subject.clinical import clinical_events
from dataflow.subject.credentials import credential_claims
from dataflow.subject.describe import describe
from dataflow.subject.documents import (
    card_parts,
    document_numbers,
    identity_documents,
    network_cells,
)
from dataflow.subject.links import dwelling_column, table_comment_core
from dataflow.subject.own import _bare, _child_column
from dataflow.subject.person import about_person, care_general, patient_record
from dataflow.subject.predicates import (
    _as_element,
    _as_not_personal,
    _because,
    _dominant_topic,
    _from_values,
    _link_objects,
    _minor,
    _named_in_comment,
    _names_person,
    _sensitive_topic,
    enclosing_topic,
)
from dataflow.subject.rules import (
    ADDRESS_BOOK_ELEMENT,
    LEDGER_ROLE,
    SCHEMA_DOCS,
    VISIT_FAMILY,
    SubjectRules,
    _compact,
    gateway_column,
    rules_for,
    split_name,
)
from dataflow.subject.topics import (
    _LINKED_RECORD_SHARE,
    _care_record_topic,
    _document_topic,
    _table_topic,
    address_book_by_columns,
    as_care_client,
    name_tokens,
    network_record_by_columns,
    personal_record_family,
    record_kind_by_columns,
    sensitive_kind_by_columns,
)


def child_findings(
    findings: Sequence[FieldFinding], dataset: Dataset, subject: Subject, catalog: Catalog
) -> list[FieldFinding]:
    """On a child's record, every personal field is the child's, sensitive (PIPL Art. 28): also
    those a later step finds (the learned scorer's), after ``apply_subject`` marked the rest."""
    if subject.role != "minor" or not subject.about_person:
        return list(findings)
    return [_minor(f, dataset, subject, catalog) for f in findings]


def apply_subject(
    findings: Sequence[FieldFinding], dataset: Dataset, subject: Subject, catalog: Catalog
) -> list[FieldFinding]:
    """The findings of ``dataset`` adjusted to its subject (see the module docstring)."""
    found = _address_pins(findings, catalog, rules_for(catalog))
    found = _by_subject(found, dataset, subject, catalog)
    found = [_business_key(f, catalog, rules_for(catalog)) for f in found]
    found = [_gateway_member(f, dataset, catalog, rules_for(catalog)) for f in found]
    found = _wallet_addresses(found, dataset, catalog, rules_for(catalog))
    found = _oauth_clients(found, dataset, catalog, rules_for(catalog))
    found = _entry_pairs(found, catalog, rules_for(catalog))
    if not subject.about_person and not (
        subject.kind == "unknown" and _names_people(dataset, rules_for(catalog))
    ):
        found = [_thing_name(f, catalog, rules_for(catalog)) for f in found]
    if not subject.about_person:
        found = _environment_places(found, dataset, catalog, rules_for(catalog))
        found = _member_places(found, dataset, catalog, rules_for(catalog))
        found = [_row_editor(f, subject, dataset, catalog, rules_for(catalog)) for f in found]
        found = _staff_names(found, dataset, catalog, rules_for(catalog))
    if dataset.source_format in SCHEMA_DOCS:
        found = [_request_credential(f, dataset, catalog, rules_for(catalog)) for f in found]
        found = [_request_trace(f, dataset, catalog, rules_for(catalog)) for f in found]
        found = _link_members(found, dataset, catalog, rules_for(catalog))
        found = credential_claims(found, dataset, subject, catalog, rules_for(catalog))
    return found


#: What a member's name keeps to be compared with ``entry_pairs`` (`Nome`, `_value` → nome, value).
_WORD_CHARS = re.compile(r"[\W_]+")


def _entry_pairs(
    findings: list[FieldFinding], catalog: Catalog, rules: SubjectRules
) -> list[FieldFinding]:
    """``subject-entry-pair``: the two members of the entries of a list of free name/value pairs
    (an array of objects holding exactly one pair of ``entry_pairs``: `infoAdicionais[]` with
    `nome` and `valor`, `customFields[]` with `key` and `value`) found personal by their generic
    words alone are the entry's own name and value: what the application chose to add, not a
    person's name or amount (and no later step makes them so). A description or a value that
    says more decides for itself."""
    members: dict[str, set[str]] = {}
    for f in findings:
        parent = _parent(f.field.pointer)
        # the words as written: the pair is a convention of the schema's own language
        members.setdefault(parent, set()).add(_WORD_CHARS.sub("", f.field.name.lower()))
    pairs = {
        parent: names
        for parent, names in members.items()
        if parent.endswith("[]") and len(names) == 2 and frozenset(names) in rules.entry_pairs
    }
    if not pairs:
        return findings
    out: list[FieldFinding] = []
    for f in findings:
        names = pairs.get(_parent(f.field.pointer))
        if (
            names is None
            or _from_values(f)
            or any(ev.source in ("comment", "value") for ev in f.evidence)
        ):
            out.append(f)
            continue
        why = msg("subject.entry_pair", column=f.field.name, pair="/".join(sorted(names)))
        ev = Evidence("context", "subject-entry-pair", why, None)
        if f.personal:
            out.append(_as_not_personal(f, ev, catalog.defaults["unclassified"]))
        else:  # said, so that no later step takes the entry's name for a person's
            out.append(dataclasses.replace(f, evidence=(*f.evidence, ev)))
    return out


def _parent(pointer: str) -> str:
    """The pointer of the object a field is a member of (`order.address.pincode` → `order.address`)."""
    return pointer.rsplit(".", 1)[0]


#: The elements of an address's other parts (its street, city, state, district).
_ADDRESS_PARTS = ("pi.contact.address", "pi.location.region")
#: How many other parts of an address beside a PIN code make its object an address.
_ADDRESS_SIBLINGS = 2


def _address_pins(
    findings: Sequence[FieldFinding], catalog: Catalog, rules: SubjectRules
) -> list[FieldFinding]:
    """``subject-address-pin``: a PIN code (``address_pin_codes``: `pincode`) read as a card's
    PIN, in an object that is an address (``address_objects``: `address`, `deliveryAddress`) or
    beside two or more other parts of one (a city, a state, a street), is the postal index
    number of that address (India's PIN), a postal code. A Chinese comment decides for itself."""
    element = catalog.elements.get("pi.contact.postal_code")
    if element is None or not any(f.element == "pi.credential.pin" for f in findings):
        return list(findings)
    parts: dict[str, int] = {}
    for f in findings:
        if f.element is not None and f.element.startswith(_ADDRESS_PARTS):
            parent = _parent(f.field.pointer)
            parts[parent] = parts.get(parent, 0) + 1
    out: list[FieldFinding] = []
    for f in findings:
        fld = f.field
        if (
            f.element != "pi.credential.pin"
            or _from_values(f)
            or has_cjk(fld.comment or "")
            or _compact(split_name(fld.name)) not in rules.address_pins
        ):
            out.append(f)
            continue
        parent = _parent(fld.pointer)
        leaf = parent.rsplit(".", 1)[-1].replace("[]", "")
        if _compact(split_name(leaf)) in rules.address_objects:
            why = leaf
        elif parts.get(parent, 0) >= _ADDRESS_SIBLINGS:
            why = ", ".join(
                g.field.name
                for g in findings
                if g.element is not None
                and g.element.startswith(_ADDRESS_PARTS)
                and _parent(g.field.pointer) == parent
            )
        else:
            out.append(f)
            continue
        ev = Evidence(
            "context",
            "subject-address-pin",
            msg("subject.address_pin", column=fld.name, why=why),
            element.id,
        )
        out.append(dataclasses.replace(_as_element(f, element, ev), confidence=f.confidence))
    return out


#: The category of authentication data (passwords, tokens, keys).
_CREDENTIALS = "pi.credential"
#: The element a postal address is found as; the element a wallet's address is.
_POSTAL_ADDRESS = "pi.contact.address"
_WALLET_ADDRESS = "pi.financial.virtual_property"
#: Confidence of a wallet's address and its transfers: read from what the record holds (an
#: address on a chain, an amount), not from one word, so a word-level scorer does not undo it.
_W_WALLET = 0.85


def _chain_column(fld: Field, rules: SubjectRules) -> bool:
    """Whether a column's name is one only a blockchain's record has (``chain_columns``:
    `block_number`, `tx_hash`)."""
    name = fld.name
    return _compact(split_name(name)) in rules.chain_columns or any(
        w in name for w in rules.chain_columns_zh
    )


def _wallet_addresses(
    findings: list[FieldFinding], dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> list[FieldFinding]:
    """``subject-wallet-address``: an address found as a postal address whose own name,
    description or enclosing member says blockchain or wallet (``chain_words``: `polygon_address`
    'Polygon wallet address'), or that sits in a record with a column only a chain has
    (``chain_columns``: `block_number`, `tx_hash`) or a dataset named so (`BlockchainInfo`), is a
    crypto wallet's public address: the key of its holder's virtual assets, sensitive
    (GB/T 35273-2020 Annex B, 虚拟财产), and says nothing about where anyone lives."""
    element = catalog.elements.get(_WALLET_ADDRESS)
    if element is None or not any(f.element == _POSTAL_ADDRESS for f in findings):
        return findings
    record = _chain_word(rules, _bare(dataset.name), None) or next(
        (fld.name for fld in dataset.fields if rules.column_answer(fld, _chain_column)),
        None,
    )
    out: list[FieldFinding] = []
    for f in findings:
        if f.element != _POSTAL_ADDRESS or _from_values(f):
            out.append(f)
            continue
        fld = f.field
        parents = fld.pointer[len(dataset.name) + 1 :].replace("[]", "").split(".")[:-1]
        word = (
            _chain_word(rules, fld.name, fld.comment)
            or next((w for p in parents for w in [_chain_word(rules, p, None)] if w), None)
            or record
        )
        if word is None:
            out.append(f)
            continue
        why = msg("subject.wallet_address", column=fld.name, word=word)
        ev = Evidence("context", "subject-wallet-address", why, element.id)
        out.append(dataclasses.replace(_as_element(f, element, ev), confidence=_W_WALLET))
    return _wallet_transfers(out, dataset, catalog, rules)


#: The element of a person's transaction records.
_TRANSACTION = "pi.financial.transaction"


def _wallet_transfers(
    findings: list[FieldFinding], dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> list[FieldFinding]:
    """``subject-wallet-transfer``: a record with a wallet's address (``subject-wallet-address``)
    and a member that moves value (``chain_amounts``: `amount`, `value`) is a transfer on the
    holder's wallet: its other members (hash, block, time, amount, currency, status) are the
    holder's transaction records, sensitive (GB/T 35273-2020 Annex B, 交易记录)."""
    element = catalog.elements.get(_TRANSACTION)
    wallets = {
        _parent(f.field.pointer)
        for f in findings
        if any(ev.rule == "subject-wallet-address" for ev in f.evidence)
    }
    if element is None or not wallets:
        return findings
    transfers = {
        _parent(f.field.pointer)
        for f in findings
        if _parent(f.field.pointer) in wallets
        and (split_name(f.field.name) or ("",))[-1] in rules.chain_amounts
    }
    out: list[FieldFinding] = []
    for f in findings:
        fld = f.field
        if (
            _parent(fld.pointer) not in transfers
            or f.sensitive
            or _from_values(f)
            or (fld.data_type or "").lower() in ("object", "array")
        ):
            out.append(f)
            continue
        why = msg("subject.wallet_transfer", column=fld.name)
        ev = Evidence("context", "subject-wallet-transfer", why, element.id)
        out.append(dataclasses.replace(_as_element(f, element, ev), confidence=_W_WALLET))
    return out


@functools.lru_cache(maxsize=8192)
def _chain_word(rules: SubjectRules, name: str, comment: str | None) -> str | None:
    """The first blockchain word (``chain_words``) of a name or a description, if any (kept per
    distinct name and description: columns recur from table to table)."""
    tokens = split_name(name)
    words = [w.lower() for w in _WORD_OR_DIGITS.findall(comment or "")]
    for seq in (tokens, tuple(words)):
        for i in range(len(seq)):
            for j in (i + 1, i + 2):
                if j <= len(seq) and _compact(seq[i:j]) in rules.chain_words:
                    return " ".join(seq[i:j])
    return next((w for w in rules.chain_words_zh if w in f"{name}{comment or ''}"), None)


#: Words and numbers of an English description (`erc20`).
_WORD_OR_DIGITS = re.compile(r"[A-Za-z0-9]+")


def _oauth_clients(
    findings: list[FieldFinding], dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> list[FieldFinding]:
    """``subject-oauth-client``: in a dataset of an OAuth 2.0 or OpenID Connect server or of its
    client registration (``oauth_markers`` in its name or above the column: `oauth_clients`,
    `getClientRegistration`, `tpp.clientId`; or two columns of a client's registration,
    ``oauth_client_columns``: `client_secret`, `redirect_uri`), a client's id or secret
    (``oauth_client_keys``) identifies a registered application, not a person (RFC 6749 2.2)."""
    keys = [
        f
        for f in findings
        if f.personal and _compact(split_name(f.field.name)) in rules.oauth_client_keys
    ]
    if not keys:
        return findings
    own = _oauth_word(rules, _bare(dataset.name))
    if own is None:
        names = {_compact(split_name(fld.name)) for fld in dataset.fields}
        if len(names & rules.oauth_client_columns) >= _OAUTH_COLUMNS:
            own = "client registration"
    out: list[FieldFinding] = []
    for f in findings:
        if f not in keys or _from_values(f):
            out.append(f)
            continue
        parents = f.field.pointer[len(dataset.name) + 1 :].replace("[]", "").split(".")[:-1]
        word = own or next((w for p in parents for w in [_oauth_word(rules, p)] if w), None)
        if word is None:
            out.append(f)
            continue
        why = msg("subject.oauth_client", column=f.field.name, word=word)
        ev = Evidence("context", "subject-oauth-client", why, None)
        out.append(_as_not_personal(f, ev, catalog.defaults["unclassified"]))
    return out


#: Columns of a client's registration that make a dataset one without a name saying so.
_OAUTH_COLUMNS = 2


def _application_grant(rules: SubjectRules, comment: str | None) -> str | None:
    """The phrase of a description saying a token is an application's own (``application_grants``:
    'client credentials'), if any."""
    text = " ".join(w.lower() for w in _WORD.findall(comment or ""))
    return next((g for g in rules.application_grants if f" {g} " in f" {text} "), None)


def _oauth_word(rules: SubjectRules, name: str) -> str | None:
    """The first OAuth word (``oauth_markers``) of a name, one or two words long."""
    tokens = split_name(name)
    for i in range(len(tokens)):
        for j in (i + 1, i + 2):
            if j <= len(tokens) and _compact(tokens[i:j]) in rules.oauth_markers:
                return " ".join(tokens[i:j])
    return None


def _member_places(
    findings: list[FieldFinding], dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> list[FieldFinding]:
    """``subject-member-place``: on a dataset not about people, a location or address nested
    under a member naming a fixed place of a network or an organisation (``place_members``: a
    route's `stopPlaces[].location.latitude`, a `station.address`) is that place's, not where a
    person is."""
    out: list[FieldFinding] = []
    for f in findings:
        if (
            not f.personal
            or _from_values(f)
            or not (f.category or "").startswith(_PLACES_OR_ADDRESS)
        ):
            out.append(f)
            continue
        parents = f.field.pointer[len(dataset.name) + 1 :].replace("[]", "").split(".")[:-1]
        member = next((p for p in parents if _compact(split_name(p)) in rules.place_members), None)
        if member is None:
            out.append(f)
            continue
        why = msg("subject.member_place", column=f.field.name, member=member)
        ev = Evidence("context", "subject-member-place", why, f.element)
        out.append(_as_not_personal(f, ev, catalog.defaults["unclassified"]))
    return out


#: Categories of where something is: locations, and contact addresses.
_PLACES_OR_ADDRESS = ("pi.location", "pi.contact.address")


def _environment_places(
    findings: list[FieldFinding], dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> list[FieldFinding]:
    """``subject-environment-place``: a dataset not about people whose name says it reports on
    the natural environment at a place (`GET /v1/forecast`, `flood`, `air_quality`, 天气预报:
    ``environment_topics``): its coordinates and place names are the place the service reports
    on, not where a person is."""
    tokens = split_name(dataset.name)
    grams = {_compact(tokens[i:j]) for i in range(len(tokens)) for j in (i + 1, i + 2)}
    word = next((w for w in sorted(grams & rules.environment_topics)), None) or next(
        (w for w in rules.environment_topics_zh if w in f"{dataset.name}{dataset.comment or ''}"),
        None,
    )
    if word is None:
        return findings
    out: list[FieldFinding] = []
    for f in findings:
        if not f.personal or _from_values(f) or not (f.category or "").startswith(_PLACES):
            out.append(f)
            continue
        why = msg("subject.environment_place", column=f.field.name, word=word)
        ev = Evidence("context", "subject-environment-place", why, f.element)
        out.append(_as_not_personal(f, ev, catalog.defaults["unclassified"]))
    return out


#: The category of a person's whereabouts (coordinates, a place, a trajectory).
_PLACES = "pi.location"


def _business_key(finding: FieldFinding, catalog: Catalog, rules: SubjectRules) -> FieldFinding:
    """``subject-business-key``: a column taken for a person's by a role word of its name
    (`account_id`) whose description puts a business word before that role word ('The ID of the
    ad account that this ad belongs to', 'a business account'): the key of an organisation's
    account, not of a natural person (PIPL Art. 4)."""
    comment = finding.field.comment or ""
    if not finding.personal or not comment or _from_values(finding):
        return finding
    roles = {t for t in split_name(finding.field.name) if rules.role_of(t)}
    if not roles:
        return finding
    words = [w.lower() for w in _WORD.findall(comment)]
    hit = next(
        (
            f"{words[i - 1]} {w}"
            for i, w in enumerate(words)
            if i and w in roles and words[i - 1] in rules.impersonal_modifiers
        ),
        None,
    )
    if hit is None:
        return finding
    why = msg("subject.business_key", column=finding.field.name, phrase=hit)
    ev = Evidence("context", "subject-business-key", why, finding.element)
    return _as_not_personal(finding, ev, catalog.defaults["unclassified"])


def _gateway_member(
    finding: FieldFinding, dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> FieldFinding:
    """``subject-gateway-envelope``: on a table that logs calls to a payment or open-platform
    gateway (it names three or more members of such a call's envelope:
    ``gateway_message_columns``), an envelope member (`service`, `sign_type`, `charset`,
    `notify_url`, `ret_code`) taken for PI only by the table's subject or a generic word says
    how the platform called the gateway, not anything about the person the payment is for."""
    fld = finding.field
    if (
        not finding.personal
        or fld.pointer != f"{dataset.name}.{fld.name}"
        or not gateway_column(rules, dataset, fld.name)
        or any(
            ev.source in ("value", "comment")
            or (ev.rule.startswith("name-") and not ev.rule.startswith("name-weak"))
            for ev in finding.evidence
        )
    ):
        return finding
    why = msg("subject.gateway_envelope", column=fld.name)
    ev = Evidence("context", "subject-gateway-envelope", why, None)
    return _as_not_personal(finding, ev, catalog.defaults["unclassified"])


#: The element of a request header carrying the caller's credentials.
_REQUEST_CREDENTIAL = "pi.credential.session"
#: How the OpenAPI reader names the dataset of an operation's query, path and header parameters.
_PARAMETERS = " parameters"


def _request_credential(
    finding: FieldFinding, dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> FieldFinding:
    """``subject-request-credential``: among the parameters of an API operation (the dataset the
    OpenAPI reader names `<operation> parameters`), a header carrying the caller's credentials
    (``request_credentials``: `Authorization`) is the calling user's login token or password,
    whatever the operation is about: sensitive, even where the operation is the system's."""
    fld = finding.field
    element = catalog.elements.get(_REQUEST_CREDENTIAL)
    if (
        element is None
        or finding.element == element.id
        or not dataset.name.endswith(_PARAMETERS)
        or fld.pointer != f"{dataset.name}.{fld.name}"
        or _compact(split_name(fld.name)) not in rules.request_credentials
    ):
        return finding
    word = _oauth_word(rules, dataset.name.removesuffix(_PARAMETERS)) or _application_grant(
        rules, fld.comment
    )
    if word is not None and not _from_values(finding):
        # the registration of an OAuth client, or a token the client obtains with its own
        # credentials (RFC 6749 4.4): an application calls, no user's login is sent
        why = msg("subject.application_credential", column=fld.name, word=word)
        ev = Evidence("context", "subject-application-credential", why, None)
        return _as_not_personal(finding, ev, catalog.defaults["unclassified"])
    ev = Evidence(
        "context",
        "subject-request-credential",
        msg("subject.request_credential", column=fld.name),
        element.id,
    )
    return _as_element(finding, element, ev)


def _request_trace(
    finding: FieldFinding, dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> FieldFinding:
    """``subject-request-trace``: among the parameters of an API operation (`<operation>
    parameters`), a header tracing or deduplicating the call (``request_trace_headers``:
    `X-Request-ID`, `X-Correlation-ID`, `x-fapi-interaction-id`, `Idempotency-Key`) identifies the
    request, not a person, whatever the operation is about (and no later step makes it so)."""
    fld = finding.field
    tokens = split_name(fld.name)
    if tokens[:1] == ("x",):
        tokens = tokens[1:]
    if (
        not dataset.name.endswith(_PARAMETERS)
        or fld.pointer != f"{dataset.name}.{fld.name}"
        or _compact(tokens) not in rules.request_traces
        or _from_values(finding)
    ):
        return finding
    ev = Evidence(
        "context", "subject-request-trace", msg("subject.request_trace", column=fld.name), None
    )
    if finding.personal:
        return _as_not_personal(finding, ev, catalog.defaults["unclassified"])
    return dataclasses.replace(finding, evidence=(*finding.evidence, ev))


#: Words of an English description.
_WORD = re.compile(r"[A-Za-z]+")


def _thing_name(finding: FieldFinding, catalog: Catalog, rules: SubjectRules) -> FieldFinding:
    """``subject-thing-name``: a column taken for a person's name by a generic word alone
    (`name`) whose Chinese comment calls it the name of a thing ('名称', '商户名称'), on a row
    not about a person (a consignee company, a truck), is what the thing is called. On a
    person's row (a driver's `name` '名称'), or one of a table whose name says people
    (`t_admin`) and nothing says otherwise, it stays that person's name."""
    if (
        not finding.personal
        or finding.element != "pi.identity.name"
        or split_name(finding.field.name) != ("name",)  # `community_name` '小区名称': an address
        or not rules.thing_name(finding.field.comment)
        or not all(
            ev.rule.startswith("name-weak") for ev in finding.evidence if ev.source == "name"
        )
        or any(ev.source in ("value", "comment") for ev in finding.evidence)
    ):
        return finding
    why = msg("subject.thing_name", column=finding.field.name, comment=finding.field.comment)
    ev = Evidence("context", "subject-thing-name", why, None)
    return _as_not_personal(finding, ev, catalog.defaults["unclassified"])


def _row_editor(
    finding: FieldFinding, subject: Subject, dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> FieldFinding:
    """``subject-row-editor``: a column naming who created or last changed the row
    (``row_editors``: `create_by`, `update_user`, 创建人, 修改者) on a table not about a person
    is the database's audit trail of the row, not information the table holds about anyone."""
    fld = finding.field
    if not finding.personal or _from_values(finding):
        return finding
    comment = (fld.comment or "").strip().rstrip("。.")
    tokens = split_name(fld.name)
    named = _compact(tokens) in rules.row_editors
    if not named and (
        not comment
        or not rules.row_editor_comment(comment)
        or any(rules.role_of(t) for t in tokens)  # `owner_id` '创建人ID': the row's owner
    ):
        return finding
    if comment and not named and len(comment) > max(len(w) for w in rules.row_editors_zh) + 2:
        return finding  # a longer comment says more than who edited the row
    why = msg(
        "subject.because",
        context=describe(subject, dataset.name),
        why=msg("subject.row_editor", column=fld.name),
    )
    ev = Evidence("context", "subject-row-editor", why, None)
    return _as_not_personal(finding, ev, catalog.defaults["unclassified"])


#: Last words of a key column beside a staff member's name (`coach_id`, `assistant_ids`).
_STAFF_KEY_TAILS = ("id", "ids", "no", "code")


def _staff_names(
    findings: Sequence[FieldFinding], dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> list[FieldFinding]:
    """``subject-staff-name``: on a row not about a person (a class, a course, a timetable), a
    column named by a staff role alone or with `name` (`teacher`, `coach_name`) beside a key to
    that staff member (`teacher_id`, `coach_id`) is the staff member's name copied onto the row:
    the row is not theirs, but their name is their personal information (姓名)."""
    element = catalog.elements.get("pi.identity.name")
    if element is None:
        return list(findings)
    names = {"".join(split_name(f.name)) for f in dataset.fields}
    out = []
    for finding in findings:
        tokens = split_name(finding.field.name)
        if (
            finding.personal
            or not tokens
            or tokens[1:] not in ((), ("name",))
            or rules.role_of(tokens[0]) != "employee"
            or not any(tokens[0] + tail in names for tail in _STAFF_KEY_TAILS)
        ):
            out.append(finding)
            continue
        why = msg("subject.staff_name_copy", column=finding.field.name, role=tokens[0])
        out.append(
            _as_element(
                finding, element, Evidence("context", "subject-staff-name", why, element.id)
            )
        )
    return out


def _names_people(dataset: Dataset, rules: SubjectRules) -> bool:
    """Whether a dataset's name has a word of people (`t_admin`, `customer`)."""
    return any(
        rules.role_of(t) or t in rules.person_columns for t in split_name(_bare(dataset.name))
    )


def _link_members(
    findings: list[FieldFinding], dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> list[FieldFinding]:
    """``subject-link-member``: in an API document, an object with a link marker among its
    members (``href``) is a hyperlink to another resource; the marker and its other link members
    (``title``, ``name``) describe that link (`Get an individual's PAYE data`), not anyone,
    whatever the document is about (an `href` on an income document is not employment data)."""
    linked = _link_objects(findings, rules)
    out = []
    for f in findings:
        marker = linked.get(f.field.pointer.rpartition(".")[0])
        name = f.field.name.lower()
        if f.personal and marker is not None and (name in rules.link_members or name == marker):
            why = msg("subject.link_member", column=f.field.name, marker=marker)
            ev = Evidence("context", "subject-link-member", why, None)
            f = _as_not_personal(f, ev, catalog.defaults["unclassified"])
        out.append(f)
    return out


def _by_subject(
    findings: Sequence[FieldFinding], dataset: Dataset, subject: Subject, catalog: Catalog
) -> list[FieldFinding]:
    rules = rules_for(catalog)
    if subject.about_person:
        subject = as_care_client(rules, dataset, subject)
        found = about_person(findings, dataset, subject, catalog, rules)
        care = _care_record_topic(rules, dataset, subject.role)
        dominant = _dominant_topic(found, dataset, catalog, rules)
        if care:
            # a patient's visits or acts of care: the visit family, not whichever health family
            # its columns most often are (a visit's number and dates are not test results)
            dominant -= rules.health_families
        topic = rules.tax_topic(dominant | _document_topic(rules, dataset) | care)
        # an object nested in a document of a sensitive kind (a payroll run's earnings)
        topic |= enclosing_topic(rules, dataset, subject, catalog)
        if subject.kind == "person_linked" and not subject.links:
            # a table that its columns make a call or session record (`sip_code`, `sip_reason`):
            # on that topic, so the call's `time` and `callid` are its record too
            topic |= personal_record_family(rules, dataset)
        elif subject.kind == "person_linked":
            # a user's row (keyed by their name) whose columns name three parts of a call (its
            # setup and connect times, the calling and called stations): a call record too
            topic |= personal_record_family(rules, dataset, _LINKED_RECORD_SHARE)
        topic |= address_book_by_columns(rules, dataset)
        # a subscriber's network events (`lac` beside `cell`): where the phone was, and when
        topic |= network_record_by_columns(rules, dataset)
        if subject.kind == "person_linked" and dwelling_column(dataset, rules) is not None:
            # a household's meter reading or fee bill: its flat number is where they live
            topic |= rules.dwelling_topic
        # a store of messages, or a person's history of the content they opened, by its columns
        topic |= record_kind_by_columns(rules, dataset)
        # a loan officer's review of an applicant, by the loan's columns (负债, 还款, 贷款期限)
        topic |= sensitive_kind_by_columns(rules, dataset)
        if topic:
            found = about_person(findings, dataset, subject, catalog, rules, topic)
        found = clinical_events(found, dataset, subject, catalog, rules)
        found = _sensitive_topic(found, dataset, subject, catalog, rules, topic)
        found = _address_book_entries(found, dataset, subject, catalog, rules, topic)
        cared = subject if subject.role == "patient" else _diagnosed(found, subject, rules)
        found = care_general(found, patient_record(dataset, cared, catalog, rules), rules)
        if topic & rules.health_families and dataset.source_format in SCHEMA_DOCS:
            found = _care_parties(found, dataset, subject, rules)
        found = _treating_staff(found, dataset, subject, rules)
        if subject.role == "minor":
            # every column of a child's record is the child's file, the parents' or guardian's
            # name and phone on it too: they say who the child's family is and how to reach it
            found = [_minor(f, dataset, subject, catalog) for f in found]
        else:  # a newborn's sex on the mother's delivery record is the child's
            found = [
                _minor(f, dataset, subject, catalog) if _child_column(rules, f.field) else f
                for f in found
            ]
        found = [_financial_account(f, catalog, rules) for f in found]
        found = [_account_of_table(f, dataset, catalog, rules) for f in found]
        found = _bank_details(found, subject, catalog, rules)
        if subject.kind == "person_linked" and not subject.indirect:
            found = [_whereabouts(f, catalog, rules) for f in found]
        found = _religious_affiliation(found, dataset, subject, catalog, rules)
        found = _congregation_standing(found, dataset, subject, catalog, rules)
        found = _recovery_questions(found, dataset, catalog, rules)
        found = _password_words(found, dataset, subject, catalog, rules)
        if _passage_record(dataset, rules):
            found = [_passage_place(f, catalog, rules) for f in found]
        found = document_numbers(found, dataset, subject, catalog, rules)
        found = identity_documents(found, dataset, subject, catalog, rules)
        found = card_parts(found, dataset, subject, catalog, rules)
        found = network_cells(found, dataset, subject, catalog, rules)
        wishes = _wish_list(found, rules)
        found = [_wished_for(f, dataset, catalog, rules, wishes=wishes) for f in found]
        animal = _animal_word(dataset, rules)
        if animal is not None:
            found = [_animal_detail(f, dataset, animal, catalog, rules) for f in found]
        else:
            keyed = _animal_key(dataset, rules)
            if keyed is not None:
                found = [
                    _animal_detail(f, dataset, keyed, catalog, rules, health_only=True)
                    for f in found
                ]
        return [_organisation_part(f, dataset, rules) for f in found]
    if subject.kind in ("reference", "organisation", "system"):
        found = [_notabout_person(f, dataset, subject, rules) for f in findings]
        if subject.kind == "organisation":
            found = [_named_head(f, dataset, subject, catalog, rules) for f in found]
        if subject.role == LEDGER_ROLE:
            found = [_ledger_account_column(f, dataset, catalog, rules) for f in found]
        return found
    return _unknown_subject(findings, dataset, catalog, rules)


#: Columns stating a diagnosis that make a person's record one of their care (``_diagnosed``).
_DIAGNOSIS_COLUMNS = 2


def _diagnosed(findings: list[FieldFinding], subject: Subject, rules: SubjectRules) -> Subject:
    """A person's record (keyed by them, of no other known role) that states their diagnosis (a
    column found to be one of ``diagnosed_elements``: the ICD codes of a health-insurance claim;
    two of them, as a claim or encounter states a main and further diagnoses, since one column
    alone may be an abbreviation misread) is a record of their care: there the person is a patient, so its
    general dates and notes are read as the care's (``care_general``). Any other subject is
    returned as it is."""
    if (
        subject.kind != "person_linked"
        or subject.indirect
        or subject.role is not None
        or sum(1 for f in findings if f.sensitive and f.element in rules.diagnosed_elements)
        < _DIAGNOSIS_COLUMNS
    ):
        return subject
    return dataclasses.replace(subject, role="patient")


#: Columns stating a requirement of a body or an income (身高要求, 年龄要求) that make a row a
#: list of what the person asks of a partner (``_wish_list``).
_WISH_COLUMNS = 2


def _requirement(finding: FieldFinding, rules: SubjectRules) -> bool:
    """Whether ``finding``'s comment states a requirement (``wished_for_tails_zh``: 身高要求,
    年龄要求) of a kind ``wish_tail_elements`` lists."""
    head = re.split(r"[-—_,，;；:：(（]", (finding.field.comment or "").strip(), maxsplit=1)[0]
    return finding.element in rules.wish_tail_elements and any(
        head.endswith(t) and len(head) > len(t) for t in rules.wished_for_tails_zh
    )


def _wish_list(findings: Sequence[FieldFinding], rules: SubjectRules) -> bool:
    """A person's row of what they ask of a partner: two or more columns state a requirement
    of a body, an age or an income (身高要求, 年龄要求); its other columns (月收入, 饮酒情况) are
    the wish too."""
    return sum(1 for f in findings if _requirement(f, rules)) >= _WISH_COLUMNS


def _wished_for(
    finding: FieldFinding,
    dataset: Dataset,
    catalog: Catalog,
    rules: SubjectRules,
    *,
    wishes: bool = False,
) -> FieldFinding:
    """``subject-wished-for``: on a person's row, a column whose comment opens with what the
    person looks for in a partner (``wished_for_zh``: 择偶标准-最低身高, 择偶条件-最高收入) is
    their stated wish, information about them, but not their own body, income or age: other
    information about the person, not sensitive information of theirs. What a wish still
    reveals (``wish_revealing_elements``: the sex they look for, their orientation) stays."""
    comment = (finding.field.comment or "").strip()
    element = catalog.elements.get("pi.other.person_attribute")
    if not comment or element is None or _from_values(finding):
        return finding
    head = re.split(r"[-—_,，;；:：(（]", comment, maxsplit=1)[0]
    # `height` '身高要求': a requirement stated of a body or an income is a wish as well, and on
    # a row of such requirements every column is
    required = wishes or _requirement(finding, rules)
    if not required and not any(w in head for w in rules.wished_for_zh):
        return finding
    if (finding.personal and not finding.sensitive) or finding.element in rules.wish_revealing:
        return finding  # the sex they look for in a partner still says their orientation
    why = msg("subject.wished_for", column=finding.field.name)
    ev = Evidence("context", "subject-wished-for", why, element.id)
    return _as_element(finding, element, ev)


def _animal_word(dataset: Dataset, rules: SubjectRules) -> str | None:
    """The word calling ``dataset`` a table about animals (``animal_words``: `pet_info`,
    `t_pet_vaccine`, 宠物档案), or None. Not when the name's last word is a role (`pet_owner`
    lists the owners themselves)."""
    tokens = [t for t in split_name(_bare(dataset.name)) if t not in rules.table_name_prefixes]
    while len(tokens) > 1 and tokens[-1] in rules.record_table_tails:
        tokens.pop()
    if tokens and (rules.role_of(tokens[-1]) is not None or tokens[-1] in rules.animal_keepers):
        return None
    word = next((t for t in tokens if t in rules.animals), None)
    if word is not None:
        return word
    comment = dataset.comment or ""
    if any(w in comment for w in rules.animal_keepers_zh):
        return None  # 宠物主人: the owners' table
    return next((w for w in rules.animals_zh if w in comment), None)


def _animal_key(dataset: Dataset, rules: SubjectRules) -> str | None:
    """The animal a table not named for animals keys its rows to (`pet_id` '宠物id' of a pet
    hospital's `appointment`): its visit and care columns are the animal's. None when no column
    is such a key."""
    for fld in dataset.fields:
        tokens = split_name(fld.name)
        if len(tokens) >= 2 and tokens[-1] in rules.key_suffixes:
            word = next((t for t in tokens[:-1] if t in rules.animals), None)
            if word is not None:
                return word
    return None


def _animal_detail(
    finding: FieldFinding,
    dataset: Dataset,
    animal: str,
    catalog: Catalog,
    rules: SubjectRules,
    *,
    health_only: bool = False,
) -> FieldFinding:
    """``subject-animal``: on a table about an animal kept by a person (a pet's file keyed by
    its owner), a health or body detail (a vaccination date, a weight, a diagnosis) is the
    animal's: information about the owner's belonging, not the owner's health, so not
    sensitive; a name column there is the animal's name, not a person's."""
    element = catalog.elements.get("pi.other.person_attribute")
    if element is None or not finding.personal or _from_values(finding):
        return finding
    fld = finding.field
    if finding.element == "pi.identity.name":
        if health_only:
            return finding  # on a row keyed by a pet, a name may be its owner's
        tokens = split_name(fld.name)
        comment = fld.comment or ""
        named = (
            tokens in (["name"], ["nickname"], ["nick", "name"])
            or bool(set(tokens) & rules.animals)
            or any(w in comment for w in rules.animals_zh)
        )
        keeper = bool(set(tokens) & rules.animal_keepers) or any(
            w in comment for w in rules.animal_keepers_zh
        )
        if not named or keeper:
            return finding  # `owner_name` '主人姓名': the owner's own name
    elif not (finding.sensitive and (finding.element or "").startswith("pi.health.")):
        return finding
    why = msg("subject.animal_detail", column=fld.name, word=animal)
    return _as_element(finding, element, Evidence("context", "subject-animal", why, element.id))


def _ledger_account_column(
    finding: FieldFinding, dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> FieldFinding:
    """``subject-ledger-account``: on a business's chart of accounts or a line posted to it
    (subject role ``ledger``), a column named for an account (`account_id`, `account_name`,
    `account_code`, or a bare `name` taken for a person's by the table's word) is a ledger
    account of the books (sales, VAT payable), not anyone's login or bank account; so is the
    line's own key (`journal_line_id` of `journal_line`)."""
    fld = finding.field
    if not finding.personal or _from_values(finding):
        return finding
    tokens = split_name(fld.name)
    own_key = (
        len(tokens) >= 2
        and tokens[-1] in rules.key_suffixes
        and tokens[:-1] == split_name(_bare(dataset.name))
    )
    # a bare generic word (`name`, `code`) taken for a person's by the table's word alone
    named = [ev.rule for ev in finding.evidence if ev.source == "name"]
    generic = bool(named) and all(rule.startswith("name-weak") for rule in named)
    if (
        not own_key
        and not generic
        and not any(t in rules.ledger_accounts for t in tokens)
        and not any(w in fld.name for w in rules.ledger_accounts_zh)
    ):
        return finding
    why = msg("subject.ledger_account_column", column=fld.name)
    ev = Evidence("context", "subject-ledger-account", why, finding.element)
    return _as_not_personal(finding, ev, catalog.defaults["unclassified"])


def _financial_account(
    finding: FieldFinding, catalog: Catalog, rules: SubjectRules
) -> FieldFinding:
    """``subject-financial-account``: an account key of a person's record (`accountId`) whose
    description says the account is a savings, investment or bank account (the investor's LISA
    account) is that financial account's number, not a login account's id."""
    fld = finding.field
    tokens = split_name(fld.name)
    if (
        finding.element != "pi.online_identity.user_id"
        or "account" not in tokens
        or tokens[-1] not in rules.key_suffixes
        or not fld.comment
    ):
        return finding
    text = fld.comment.lower()
    named = _word_named(
        split_name(text), rules.financial_accounts, text, rules.financial_accounts_zh
    )
    if named is None:
        return finding
    return _as_bank_account(
        finding, catalog, msg("subject.financial_account", column=fld.name, word=named)
    )


def _account_of_table(
    finding: FieldFinding, dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> FieldFinding:
    """``subject-financial-account``: the bare account column (`account`, `acct`, 帐户) of a
    person's table named after a financial account (`bank_accounts`, `savings_account`) is
    that account's number, not a login account."""
    fld = finding.field
    if (
        finding.element not in ("pi.online_identity.account", "pi.online_identity.user_id")
        or _compact(split_name(fld.name)) not in rules.account_heads
        or _from_values(finding)
    ):
        return finding
    table = tuple(t.removesuffix("s") for t in split_name(_bare(dataset.name)))
    named = _word_named(table, rules.financial_accounts)
    if named is None:
        return finding
    why = msg("subject.financial_account_table", column=fld.name, word=named)
    return _as_bank_account(finding, catalog, why)


def _bank_details(
    findings: list[FieldFinding], subject: Subject, catalog: Catalog, rules: SubjectRules
) -> list[FieldFinding]:
    """``subject-bank-details``: on a person's record, a bare account column (`konto`, `conta`,
    `account_no`) beside a column naming the bank's code (`blz`, `bic`, `sort_code`,
    `routing_number`) is the person's bank account (a direct debit's or a payout's), not a
    login account, and the bank code is part of that account's details (GB/T 35273 Annex B:
    银行账户, sensitive). An account column that is the record's own link to a table of
    accounts (a booking's `konto`) keeps its reading: the record is the account's."""
    if subject.kind not in ("person", "person_linked"):
        return findings
    links = {link.column for link in subject.links}

    def compact(finding: FieldFinding) -> str:
        return _compact(split_name(finding.field.name))

    def eligible(finding: FieldFinding) -> bool:
        return finding.personal and not _from_values(finding) and finding.field.name not in links

    codes = [f for f in findings if compact(f) in rules.bank_codes and eligible(f)]
    accounts = [f for f in findings if compact(f) in rules.bank_account_columns and eligible(f)]
    if not codes or not accounts:
        return findings
    account = accounts[0].field.name
    code = codes[0].field.name
    changed = {id(f) for f in (*codes, *accounts)}
    return [
        _as_bank_account(
            f,
            catalog,
            msg("subject.bank_details", column=f.field.name, account=account, code=code),
            "subject-bank-details",
        )
        if id(f) in changed
        else f
        for f in findings
    ]


def _word_named(
    tokens: Iterable[str], words: Iterable[str], text: str = "", words_zh: Iterable[str] = ()
) -> str | None:
    """The first of ``words`` (each one or more words) that ``tokens`` spell in a row, else
    the first of ``words_zh`` written in ``text``; None when neither list names anything."""
    spelled = f" {' '.join(tokens)} "
    return next((w for w in words if f" {w} " in spelled), None) or next(
        (w for w in words_zh if w in text), None
    )


def _as_bank_account(
    finding: FieldFinding, catalog: Catalog, why: Words, rule: str = "subject-financial-account"
) -> FieldFinding:
    element = catalog.elements.get("pi.financial.bank_account")
    if element is None:
        return finding
    ev = Evidence("context", rule, why, element.id)
    return _as_element(finding, element, ev)


def _whereabouts(finding: FieldFinding, catalog: Catalog, rules: SubjectRules) -> FieldFinding:
    """``subject-whereabouts``: on a record of a person's events, an address or place column
    named for where the event happened or where the person set out from or went to
    (`departure` 出发地具体地址, `scene_address` 现场地址, `eventAddress` 事件发生地点) is a point
    of their movement track, sensitive, rather than a contact address."""
    fld = finding.field
    if finding.element not in rules.whereabouts_elements or _from_values(finding):
        return finding
    named = _word_named(
        split_name(fld.name), rules.whereabouts, fld.comment or "", rules.whereabouts_zh
    )
    element = catalog.elements.get("pi.location.track")
    if named is None or element is None:
        return finding
    why = msg("subject.whereabouts", column=fld.name, word=named)
    return _as_element(
        finding, element, Evidence("context", "subject-whereabouts", why, element.id)
    )


def _grams(text: str) -> set[str]:
    """The words of ``text`` and each two neighbouring words written together."""
    tokens = split_name(text)
    return set(tokens) | {a + b for a, b in itertools.pairwise(tokens)}


def _passage_record(dataset: Dataset, rules: SubjectRules) -> bool:
    """A table whose name or description says it records people passing a door or gate (an
    access-control or turnstile log: `door_staff_record`, 门禁-员工记录, 居民进出记录)."""
    described = f"{dataset.name} {dataset.comment or ''}"
    grams = _grams(described)
    passage = bool(grams & rules.passage_words) or any(
        w in described for w in rules.passage_words_zh
    )
    record = bool(grams & rules.passage_records) or any(
        w in described for w in rules.passage_records_zh
    )
    return passage and record


def _passage_place(finding: FieldFinding, catalog: Catalog, rules: SubjectRules) -> FieldFinding:
    """``subject-passage-place``: on a record of people passing a door or gate, a column naming
    the building, floor, room or gate where the person passed (`floor_num` 楼层, `room_name`
    房间名字, `place` 地点) is a point of their movement track, sensitive; its key (`room_id`)
    stays a link to the place, and a column its words made something else (a type, a count)
    stays that. A picture taken or registered for the passage (`snap_pic_info` 抓拍图片) is the
    image of the person's face the gate recognises them by: biometric, sensitive."""
    fld = finding.field
    pictured = finding.element == "pi.profile.photo" or any(
        ev.element == "pi.profile.photo" for ev in finding.evidence
    )
    if pictured and not _from_values(finding):
        face = catalog.elements.get("pi.biometric.face")
        if face is None:
            return finding
        why = msg("subject.passage_photo", column=fld.name)
        return _as_element(
            finding, face, Evidence("context", "subject-passage-place", why, face.id)
        )
    if (
        not finding.personal
        or finding.element not in (*rules.whereabouts_elements, "pi.identity.name")
        or _from_values(finding)
    ):
        return finding
    tokens = split_name(fld.name)
    if not tokens or tokens[-1] in rules.reference_tails:
        return finding
    comment = fld.comment or ""
    named = next((t for t in tokens if t in rules.passage_places), None) or next(
        (w for w in rules.passage_places_zh if w in comment), None
    )
    element = catalog.elements.get("pi.location.track")
    if named is None or element is None:
        return finding
    why = msg("subject.passage_place", column=fld.name, word=named)
    return _as_element(
        finding, element, Evidence("context", "subject-passage-place", why, element.id)
    )


def _religious_affiliation(
    findings: list[FieldFinding],
    dataset: Dataset,
    subject: Subject,
    catalog: Catalog,
    rules: SubjectRules,
) -> list[FieldFinding]:
    """``subject-religious-affiliation``: on a person's record, a declared foreign key to a table
    of religious organisations (``religious_organisations``: `id_eglise` → `Eglise`) says which
    faith community the person belongs to: their religious belief (sensitive)."""
    element = catalog.elements.get("pi.religion.belief")
    if element is None or not dataset.foreign_keys:
        return findings
    targets = {
        column: fk.table
        for fk in dataset.foreign_keys
        if rules.religious_organisations.intersection(split_name(_bare(fk.table)))
        for column in fk.columns
    }
    if not targets:
        return findings
    context = describe(subject, dataset.name)
    out = []
    for finding in findings:
        table = targets.get(finding.field.name)
        if table is None or _from_values(finding):
            out.append(finding)
            continue
        why = msg("subject.religious_affiliation", column=finding.field.name, name=_bare(table))
        ev = Evidence(
            "context",
            "subject-religious-affiliation",
            _because(context, why),
            element.id,
        )
        out.append(_as_element(finding, element, ev))
    return out


#: Columns of religious belief that make a person's record one of their religious life.
_RELIGIOUS_LIFE_COLUMNS = 2


def _of_a_congregation(dataset: Dataset, rules: SubjectRules) -> bool:
    """Whether a record names the faith community it belongs to: a column or a foreign key naming
    a religious organisation (``religious_organisations``: `codigo_igreja`, `church_id`). An
    employee's record with a religion code has none: its statuses are the job's."""
    orgs = rules.religious_organisations
    return any(orgs.intersection(split_name(f.name)) for f in dataset.fields) or any(
        orgs.intersection(split_name(_bare(fk.table))) for fk in dataset.foreign_keys
    )


def _congregation_standing(
    findings: list[FieldFinding],
    dataset: Dataset,
    subject: Subject,
    catalog: Catalog,
    rules: SubjectRules,
) -> list[FieldFinding]:
    """``subject-congregation-standing``: on a person's own record in a faith community (it names
    the church: ``_of_a_congregation``) that states their religious life (two columns found to
    be religious belief by their own words: a baptism date, a tithing flag), a column of the person's standing in the faith community
    (``congregation_standing``: membership status and type, how they joined or converted, the
    ministry they hold) that was found only as a general attribute of the person is religious
    belief too (GB/T 35273-2020 Annex B). Identity, contact and address columns are left as
    they are, and so is a record of any other person."""
    element = catalog.elements.get("pi.religion.belief")
    if element is None or subject.kind != "person" or subject.indirect:
        return findings
    religious = [
        f.field.name
        for f in findings
        if f.sensitive
        and f.element is not None
        and f.element.startswith("pi.religion.")
        and not _from_values(f)
        and not any(e.rule == "subject-religious-affiliation" for e in f.evidence)
    ]
    if len(religious) < _RELIGIOUS_LIFE_COLUMNS or not _of_a_congregation(dataset, rules):
        return findings
    context = describe(subject, dataset.name)
    out = []
    for finding in findings:
        words = rules.congregation_standing.intersection(split_name(finding.field.name))
        if (
            not words
            or finding.sensitive
            or finding.element != "pi.other.person_attribute"
            or _from_values(finding)
        ):
            out.append(finding)
            continue
        why = msg(
            "subject.congregation_standing",
            column=finding.field.name,
            words=", ".join(sorted(words)),
            religious=", ".join(religious[:3]),
        )
        ev = Evidence(
            "context",
            "subject-congregation-standing",
            _because(context, why),
            element.id,
        )
        out.append(_as_element(finding, element, ev))
    return out


def _recovery_questions(
    findings: list[FieldFinding], dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> list[FieldFinding]:
    """``subject-recovery-question``: on a person's record that keeps the account's password, or
    whose name says it holds the account's recovery questions (``recovery_tables``: a
    `user_secret_question` table), a column that is a question or an answer (`question`,
    `answer`, `REMINDER_QUESTION`, `PASSWORD_HINT`, 问题, 答案) is the password-recovery question
    and its answer, authentication
    information; without either they stay what their words made them (a survey's or an FAQ's)."""
    element = catalog.elements.get("pi.credential.security_answer")
    if element is None:
        return findings
    words = split_name(_bare(dataset.name))
    named = any(
        _compact(words[i:j]) in rules.recovery_tables
        for i in range(len(words))
        for j in range(i + 1, min(len(words), i + 3) + 1)
    )
    if not named and not any(
        f.element == "pi.credential.password" and not _from_values(f) for f in findings
    ):
        return findings
    out: list[FieldFinding] = []
    for f in findings:
        fld = f.field
        comment = (fld.comment or "").strip(" \t:：,，.。")
        if f.element in (element.id, "pi.credential.password") or _from_values(f):
            out.append(f)
            continue
        tokens = split_name(fld.name)
        if _compact(tokens) in rules.recovery_questions or (
            # `REMINDER_QUESTION`, `PASSWORD_HINT`, `secret_answer`: a question or an answer
            # of some kind, the last word saying which
            len(tokens) > 1 and tokens[-1] in rules.recovery_questions
        ):
            word = fld.name
        elif comment in rules.recovery_questions_zh:
            word = comment
        else:
            out.append(f)
            continue
        why = msg("subject.recovery_question", column=fld.name, word=word)
        ev = Evidence("context", "subject-recovery-question", why, element.id)
        out.append(_as_element(f, element, ev))
    return out


def _password_words(
    findings: list[FieldFinding],
    dataset: Dataset,
    subject: Subject,
    catalog: Catalog,
    rules: SubjectRules,
) -> list[FieldFinding]:
    """``subject-password-word``: a column named only by a word that is a key or a password by
    its record (``password_lookalikes``: Spanish `clave`) is the account's password on a user
    account's own row (the subject's role is a user's) or on a table whose name speaks of
    passwords (``password_tables``: `usuario_pwd_usados`); elsewhere it stays what it was."""
    element = catalog.elements.get("pi.credential.password")
    if element is None:
        return findings
    own_account = subject.kind == "person" and subject.role == "user"
    if not own_account and not set(split_name(_bare(dataset.name))) & rules.password_tables:
        return findings
    out: list[FieldFinding] = []
    for f in findings:
        if (
            f.element == element.id
            or _from_values(f)
            or _compact(split_name(f.field.name)) not in rules.password_lookalikes
        ):
            out.append(f)
            continue
        why = msg("subject.password_word", column=f.field.name)
        ev = Evidence("context", "subject-password-word", why, element.id)
        out.append(_as_element(f, element, ev))
    return out


def _named_head(
    finding: FieldFinding,
    dataset: Dataset,
    subject: Subject,
    catalog: Catalog,
    rules: SubjectRules,
) -> FieldFinding:
    """``subject-person-column``: the name of a person an organisation's row names (its manager,
    its contact, its legal representative: `manager_name`, `contact_name`; a member of staff in
    charge of it, a ward's `head_nurse_name`) is that person's name;
    the post of its contact person (`ContactTitle`, `contact_position`) is that person's
    occupation (``contact_titles``); a text column whose Chinese comment ends in a person's
    role (上课老师 of a class, 项目经理 of a project) is that person's name."""
    fld = finding.field
    tokens = split_name(fld.name)
    if finding.personal or not tokens:
        return finding
    if (len(tokens) == 2 and tokens[1] in ("name", "xm") and tokens[0] in rules.person_columns) or (
        len(tokens) >= 2
        and tokens[-1] in ("name", "xm")
        and any(rules.role_of(t) == "employee" for t in tokens[:-1])
    ):
        # a ward's `head_nurse_name`: the staff member in charge of the unit, a person
        element_id, why = "pi.identity.name", msg("subject.person_name", word=fld.name)
    elif (named := _named_in_comment(rules, fld.comment, fld.data_type)) is not None:
        # `shangkels` '上课老师' of a class: the teacher who takes it
        word, role = named
        element_id = "pi.identity.name"
        why = msg("subject.comment_role_name", word=word, staff=Words(role, role_text(role).zh))
    elif tokens[0] in rules.contact_markers and _compact(tokens[1:]) in rules.contact_titles:
        element_id, why = (
            "pi.education_work.occupation",
            msg("subject.contact_title", word=fld.name),
        )
    else:
        return finding
    element = catalog.elements.get(element_id)
    if element is None:
        return finding
    context = describe(subject, dataset.name)
    ev = Evidence("context", "subject-person-column", _because(context, why), element.id)
    return _as_element(finding, element, ev)


def _care_parties(
    findings: list[FieldFinding], dataset: Dataset, subject: Subject, rules: SubjectRules
) -> list[FieldFinding]:
    """``subject-care-party``: in a schema document of a person's health care, the fields of a
    nested object that is who or where treats the person (`provider.name`, `facility.phone`,
    `primaryCareProvider.name`) say who treats them: the person's medical visits (sensitive), not
    the provider's own contact details. Keys stay keys."""
    element = _visit_element(rules)
    if element is None:
        return findings
    context = describe(subject, dataset.name)
    out: list[FieldFinding] = []
    for finding in findings:
        fld = finding.field
        parts = fld.pointer[len(dataset.name) + 1 :].replace("[]", "").split(".")[:-1]
        party = next(
            (
                p
                for p in parts
                if not rules.care_parties.isdisjoint(split_name(p))
                or any(w in p for w in rules.care_parties_zh)
            ),
            None,
        )
        if (
            party is None
            or finding.sensitive
            or _from_values(finding)
            or not fld.pointer.startswith(dataset.name + ".")
            or not set(split_name(fld.name)[-1:]).isdisjoint(rules.reference_tails)
        ):
            out.append(finding)
            continue
        why = msg("subject.care_party", column=fld.name, parent=party)
        out.append(_as_care(finding, element, context, why))
    return out


def _treating_staff(
    findings: list[FieldFinding], dataset: Dataset, subject: Subject, rules: SubjectRules
) -> list[FieldFinding]:
    """``subject-care-party``: on a record of a person's health care (a patient's row, or one
    holding their health information), the name or key of the doctor who treats them
    (`DoctorName`, `doctor`, 主治医生姓名, a registration's `doctor_id`) says who treats the
    person: their medical visits (sensitive), not only a member of staff's name or key. A staff
    member's own row keeps their name as it is."""
    element = _visit_element(rules)
    if element is None or subject.role == "employee":
        return findings
    care = subject.role == "patient" or any(
        f.sensitive and (f.element or "").startswith("pi.health.") for f in findings
    )
    if not care:
        return findings
    context = describe(subject, dataset.name)
    # a place of care (`clinic_id`) counts on a record holding health information (a
    # prescription), not on the patient's other records (their extra data, their own row)
    held = any(f.sensitive and (f.element or "").startswith("pi.health.") for f in findings)
    out: list[FieldFinding] = []
    for finding in findings:
        fld = finding.field
        party = next((t for t in split_name(fld.name) if t in rules.care_parties), None) or next(
            (w for w in rules.care_parties_zh if w in f"{fld.name}{fld.comment or ''}"), None
        )
        if (
            party is None
            or _from_values(finding)
            or not (
                finding.element in _STAFF_ELEMENTS
                or (
                    _care_party_key(finding, subject, rules)
                    and (
                        party not in rules.organisation
                        or (subject.kind == "person_linked" and held)
                    )
                )
            )
        ):
            out.append(finding)
            continue
        why = msg("subject.treating_staff", column=fld.name, party=party)
        out.append(_as_care(finding, element, context, why))
    return out


def _care_party_key(finding: FieldFinding, subject: Subject, rules: SubjectRules) -> bool:
    """A key column of a patient's own table (`PhysicianId`, `clinic_id`, `PharmacyID` on their
    prescription, their `CurrentPrimaryHCPId`) found as no element or a bare attribute: the key
    of who or where treats them."""
    tokens = split_name(finding.field.name)
    return (
        subject.role == "patient"
        and subject.kind in ("person", "person_linked")
        and not subject.indirect
        and len(tokens) > 1
        and tokens[-1] in rules.reference_tails
        and not finding.sensitive
        and (not finding.personal or finding.element == "pi.other.person_attribute")
        and top_level(finding.field, finding.dataset)
    )


#: What a column naming a member of staff is found to be: their name, or their key as a person.
_STAFF_ELEMENTS = frozenset({"pi.identity.name", "pi.online_identity.user_id"})


def _visit_element(rules: SubjectRules) -> Element | None:
    """The element of a person's medical visits (family ``VISIT_FAMILY``), if the catalog has it."""
    family = rules.family(VISIT_FAMILY)
    return rules.catalog.elements.get(family.family.element) if family is not None else None


def _as_care(finding: FieldFinding, element: Element, context: Words, why: Words) -> FieldFinding:
    """``subject-care-party``: ``finding`` as the person's medical visits, because ``why``."""
    ev = Evidence("context", "subject-care-party", _because(context, why), element.id)
    return _as_element(finding, element, ev)


def _organisation_part(
    finding: FieldFinding, dataset: Dataset, rules: SubjectRules
) -> FieldFinding:
    """A field of an organisation nested in a person's document (``cda_organization.email`` of a
    health record, ``merchant.fee`` of a purchase): the organisation's own address, e-mail, money
    or description (``organisation_parts``: the fee a merchant charges is not the buyer's
    finances), not the person's."""
    fld = finding.field
    if not finding.personal or not fld.pointer.startswith(dataset.name + "."):
        return finding
    parts = fld.pointer[len(dataset.name) + 1 :].replace("[]", "").split(".")[:-1]
    for part in parts:
        tokens = [t for t in split_name(part) if t not in rules.table_tails]
        if tokens and tokens[-1] in rules.organisation:
            why = msg("subject.org_name", name=part, word=tokens[-1])
            org = Subject("organisation", None, (why,), ())
            covered = (*rules.org_attributes, *rules.organisation_parts)
            return _notabout_person(finding, dataset, org, rules, covered)
    return finding


def _unknown_subject(
    findings: Sequence[FieldFinding], dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> list[FieldFinding]:
    """Nothing says what the rows are about: a bare ``uid`` is a record's id, not a user's;
    a column that names a person (``patient:triage``, ``patient_diagnosis``) is about one.
    ``subject-health-columns``: rows whose own columns are mostly health information (a
    case's chief complaint, present illness, past history: ``_dominant_topic``) are a record of
    someone's care even where no column points at the person, and their other columns (the
    physical examination, the advice, the time of the operation) are that health record.
    ``subject-data-management``: otherwise a column that says how a warehouse handles or
    refreshes its data (``data_management_words``: `discharge_date_mgmt`, `refresh_death_date`)
    is about another table's content, not anyone's."""
    topic = _health_record(findings, dataset, catalog, rules)
    if topic:
        care = Subject("person_linked", None, (msg("subject.health_record"),), ())
        return about_person(findings, dataset, care, catalog, rules, topic)
    out = _health_list(findings, dataset, catalog, rules)
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
            out[k] = _as_not_personal(finding, ev, catalog.defaults["unclassified"])
            continue
        if (
            finding.personal
            and rules.data_management_words.intersection(tokens)
            and not _from_values(finding)
            # `refresh_token`: an OAuth token that gets a new access token, a credential
            and finding.category != _CREDENTIALS
        ):
            # `discharge_date_mgmt`, `refresh_death_date`: how a warehouse keeps its data
            why = msg("subject.data_management", column=fld.name)
            ev = Evidence("context", "subject-data-management", why, None)
            out[k] = _as_not_personal(finding, ev, catalog.defaults["unclassified"])
            continue
        if finding.personal:
            continue
        rel = fld.pointer[len(dataset.name) + 1 :] if fld.pointer.startswith(dataset.name) else ""
        words = [t for part in rel.replace("[]", "").split(".") for t in split_name(part)]
        role = next((r for t in words[:-1] or words for r in [rules.role_of(t)] if r), None)
        if role is None:
            # `shangkels` '上课老师': a text column whose comment ends in a person's role
            by_comment = _named_in_comment(rules, fld.comment, fld.data_type)
            role = by_comment[1] if by_comment else None
        if role is None:
            continue
        own = Subject(
            "person_linked",
            role,
            (msg("subject.column_role", column=fld.name, roles=role_text(role)),),
            (SubjectLink(fld.name, None, "naming"),),
            indirect=True,  # one column names someone; the rest of the row is not theirs
        )
        out[k] = about_person([finding], dataset, own, catalog, rules)[0]
    return out


def _address_book_entries(
    findings: list[FieldFinding],
    dataset: Dataset,
    subject: Subject,
    catalog: Catalog,
    rules: SubjectRules,
    topic: frozenset[int],
) -> list[FieldFinding]:
    """On an address book (by its name, `speed_dial`, `phonebook`, or by a `vcard` column), the
    names, numbers, e-mail and accounts of its entries are the people its owner keeps in touch
    with: the owner's address book (GB/T 35273 Annex B 通讯录), sensitive. Not the column that
    links the book to its owner (`user_id`, `username`)."""
    tokens = name_tokens(rules, dataset, frozenset(split_name(_bare(dataset.name))))
    on = (topic | _table_topic(rules, tokens, dataset.comment or "")) & rules.address_book
    element = catalog.elements.get(ADDRESS_BOOK_ELEMENT)
    if not on or element is None:
        return findings
    owner = {link.column for link in subject.links}
    kinds = rules.address_book_entries
    out: list[FieldFinding] = []
    for finding in findings:
        eid = finding.element or ""
        if (
            not finding.personal
            or finding.sensitive
            or finding.field.name in owner
            or _from_values(finding)
            or not any(eid == c or eid.startswith(c + ".") for c in kinds)
        ):
            out.append(finding)
            continue
        family = rules.families[min(on)].family
        why = _because(
            describe(subject, dataset.name),
            msg("subject.topic", family=Words(family.names.en.lower(), family.names.zh)),
        )
        out.append(
            _as_element(
                finding, element, Evidence("context", "subject-address-book", why, element.id)
            )
        )
    return out


def _health_record(
    findings: Sequence[FieldFinding], dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> frozenset[int]:
    """The health family of a table of unknown subject whose own columns are mostly health
    information by their own words (``_dominant_topic``, also where the table's name is on
    another topic: a `case` with its chief complaint, present illness and past history); else
    nothing. A table named on a health topic with no link to a person is a list of health
    things (articles on mental health, a list of medications), not anyone's record."""
    tokens = name_tokens(rules, dataset, frozenset(split_name(_bare(dataset.name))))
    own = _table_topic(rules, tokens, dataset.comment or "")
    if own & rules.health_families:
        return frozenset()
    # a column on how a warehouse keeps the data (`admit_date_mgmt`, `refresh_diagnosis_date`:
    # ``data_management_words``) names another table's content, not anyone's health
    kept = [
        f
        for f in findings
        if not rules.data_management_words.intersection(split_name(f.field.name))
    ]
    return _dominant_topic(kept, dataset, catalog, rules, by_name=False) & rules.health_families


def _health_list(
    findings: Sequence[FieldFinding], dataset: Dataset, catalog: Catalog, rules: SubjectRules
) -> list[FieldFinding]:
    """``subject-health-list``: a table of unknown subject named for health things themselves
    (``health_things``: `medications`, `meta_drug`, `diseases`, '药品信息表') or for a clinical
    coding system (``health_code_lists``: `icd_code_all`) or for the codes of a health topic
    (`procedure_code`) that no column links to a person is a
    list of them (a drug list, a disease or code dictionary): the drug, disease or code words of
    its columns are no one's health information. A table named for an event of care
    (`prescriptions`, `diagnosis`, `drug_order`) is not such a list. Findings from values keep
    their verdict."""
    words = [t for t in split_name(_bare(dataset.name)) if t not in rules.table_tails]
    core = table_comment_core(dataset.comment or "")
    coded = (  # `procedure_code`, `diagnosis_codes`: the codes of a health topic
        len(words) > 1
        and words[-1] in {*rules.code_tails, "codes"}
        and _table_topic(rules, name_tokens(rules, dataset, frozenset(words[:-1])), "")
        & rules.health_families
    )
    if not (
        coded
        or (words and words[-1] in rules.health_things)
        or (core and any(core.endswith(w) for w in rules.health_things_zh))
        or not rules.health_code_lists.isdisjoint(words)
    ):
        return list(findings)
    out = list(findings)
    for k, finding in enumerate(out):
        if (
            not finding.personal
            or not (finding.element or "").startswith("pi.health.")
            or _from_values(finding)
        ):
            continue
        ev = Evidence(
            "context",
            "subject-health-list",
            msg(
                "subject.because",
                context=describe(Subject("reference"), dataset.name),
                why=msg("subject.health_list"),
            ),
            finding.element,
        )
        out[k] = dataclasses.replace(
            _as_not_personal(finding, ev, catalog.defaults["unclassified"]),
            confidence=round(1.0 - finding.confidence * 0.2, 3),
        )
    return out


def _names_anyone(dataset: Dataset, rules: SubjectRules) -> bool:
    """Whether a column of an organisation's row names a person (a contact, a manager). Not a
    key to one (`owner_id`: the owner's details are elsewhere), nor a bare `name` (the
    organisation's own)."""
    for fld in dataset.fields:
        tokens = split_name(fld.name)
        if tokens and (
            tokens[-1] in rules.reference_tails or tokens == ("name",) or rules.contact_line(tokens)
        ):
            continue
        if rules.names_a_person(fld.name, fld.comment, tokens):
            return True
    return False


def _unnamed_contact_line(dataset: Dataset, finding: FieldFinding, rules: SubjectRules) -> bool:
    """A contact line (`contact_phone`, `contact_number`) of an organisation's row on which no
    column names a person: the organisation's own telephone or address, not a contact person's.
    (A Chinese comment naming a person, 联系人电话, still names one.)"""
    fld = finding.field
    return (
        rules.contact_line(split_name(fld.name))
        and not any(w in (fld.comment or "") for w in rules.person_columns_zh)
        and not _names_anyone(dataset, rules)
    )


def _names_person_but_by_role(rules: SubjectRules, finding: FieldFinding) -> bool:
    """``_names_person`` but for a role word of the column's English name, which
    ``_path_names_people`` reads by its place in the name."""
    fld = finding.field
    if any(t in rules.person_columns for t in split_name(fld.name)):
        return True
    comment = fld.comment or ""
    if has_kana(comment):
        # a Japanese comment is read as its name is: its first phrase, in English words
        # ('会員ステータス名称', member status name: the name of a status)
        phrase = re.split(r"[:：。\n]", comment, maxsplit=1)[0].strip()
        if phrase and not unread_letters(phrase, japanese=True):
            words = split_name(japanese_reading(phrase))
            own = words[:-1]  # its last word names what it holds
            return any(t in rules.person_columns for t in words) or bool(
                own and rules.role_of(own[-1])
            )
    text = f"{fld.name}{comment}"
    return any(w in text for w in rules.person_columns_zh) or rules.role_zh(text) is not None


def _path_names_people(pointer: str, rules: SubjectRules) -> bool:
    """Whether the table or a parent object of a field is named by a role as its last word
    (`headquarterStaff`, `members`), or the field's own name is before its last word
    (`staff_name`): a role word before another (`MEMBER_STATUS`, `member_status_name`) only
    says which kind of thing the entry is."""
    parts = [split_name(p) for p in pointer.replace("[]", "").split(".") if p]
    if parts:
        parts[-1] = parts[-1][:-1]  # the field's own last word names what it holds
    return any(tokens and rules.role_of(tokens[-1]) for tokens in parts)


def _notabout_person(
    finding: FieldFinding,
    dataset: Dataset,
    subject: Subject,
    rules: SubjectRules,
    only: Sequence[str] | None = None,
) -> FieldFinding:
    element = finding.element
    if not finding.personal or element is None or _from_values(finding):
        return finding
    covered = list(rules.attribute_categories) if only is None else list(only)
    if subject.kind == "organisation" and (
        not _names_person(rules, finding) or _unnamed_contact_line(dataset, finding, rules)
    ):
        covered.extend(rules.org_attributes)
        if not _names_anyone(dataset, rules):
            covered.extend(rules.unnamed_org_attributes)
        elif any("".join(split_name(f.name)) in rules.name_parts for f in dataset.fields):
            # a supplier's contact person: their e-mail, not the company's
            covered = [c for c in covered if c not in rules.contact_attributes]
    if subject.kind == "system" and only is None and dataset.source_format not in SCHEMA_DOCS:
        # a node's coordinate on a process diagram; an API request's parameters (a schema
        # document named `parameters`) still carry the caller's position
        covered.extend(rules.system_attributes)
    if subject.kind == "reference" and only is None:
        covered.extend(rules.applicability)  # whom an entry is for, not anyone's sex or age
        covered.extend(rules.thing_attributes)  # a part of the thing (a car's printer)
    if (
        subject.kind == "reference"
        and only is None
        and not _path_names_people(finding.field.pointer, rules)
        and not _names_person_but_by_role(rules, finding)
    ):
        # the name of a kind, not of a person, unless the table or a parent object names people
        # (`headquarterStaff[].Name`, `staff_name`); a role word qualifying the kind
        # (`MEMBER_STATUS`, `MEMBER_STATUS_NAME`: the name of a member status) names no one
        covered.extend(rules.entry_names)
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
        _as_not_personal(finding, ev, rules.catalog.defaults["unclassified"]),
        confidence=round(1.0 - finding.confidence * 0.2, 3),
        kind="column",
    )
