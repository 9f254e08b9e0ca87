"""The catalog's subject word lists and families, indexed once per catalog (``rules_for``)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dataflow.catalog import Catalog, Family, per_catalog
from dataflow.detect.metadata import has_cjk
from dataflow.detect.metadata import split_name as _split_name
from dataflow.detect.metadata.words import _spelt_tokens as spelt_tokens
from dataflow.detect.metadata.words import fold, own_spelling
from dataflow.model import Dataset, Field

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
SCHEMA_DOCS = frozenset({"jsonschema", "avro", "protobuf"})
#: The role of an organisation's books: its chart of accounts and what is posted to them.
LEDGER_ROLE = "ledger"
#: The family a schema document about a person's health care is on (``health_documents``).
HEALTH_RECORD_FAMILY = "health.record"
#: The family a schema document about a person's tax affairs is on (``tax_documents``).
TAX_RECORD_FAMILY = "finance.tax"
#: The element of a person's criminal record (GB/T 35273 Annex B 犯罪记录).
CRIMINAL_RECORD = "pi.other.criminal_record"
#: The element of a person's loans and credit (GB/T 35273 Annex B 信贷记录).
CREDIT_RECORD = "pi.financial.credit"
#: The family of who treats a person and where (``care_parties``).
VISIT_FAMILY = "health.visit"
#: The family of a person's amounts paid and charged: a patient's costs (``money_column``).
MONEY_FAMILY = "finance.transaction"
#: The family of the entries of a person's account ledger (``account_ledgers``).
LEDGER_FAMILY = "finance.ledger"
#: The family of a subscriber's call, message and network records.
CALL_RECORD_FAMILY = "communication.records"
#: The family of a person's whereabouts (GB/T 35273 Annex B: 行踪轨迹).
WHEREABOUTS_FAMILY = "whereabouts"
#: The family of where a person lives (a flat's number, its estate and building).
DWELLING_FAMILY = "location"
#: The family of a person's address book (GB/T 35273 Annex B: 通讯录).
ADDRESS_BOOK_FAMILY = "contacts.address_book"
#: The family of the content of a person's messages, and of their browsing records.
MESSAGE_FAMILY = "communication"
BROWSING_FAMILY = "browsing"
#: The family of the records of a person's acts (orders, bookings, check-ins, an exam sat).
ACTIVITY_FAMILY = "behaviour"
#: The element of a person's address book.
ADDRESS_BOOK_ELEMENT = "pi.contacts.address_book"
#: Misspelt words are put right from this length on (shorter ones are too easily another word).
_MIN_SPELLED = 5
_MAX_SPELLED = 1 << 16


def _compact(tokens: Iterable[str]) -> str:
    return "".join(tokens)


def _split_raw(words: Iterable[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """(compact ASCII words as written, Chinese words): words compared with a name's tokens
    before they are read as English (`eleves` stays eleves, not students)."""
    ascii_words = frozenset(
        "".join(spelt_tokens(w)) for w in words if not has_cjk(w) and spelt_tokens(w)
    )
    zh = tuple(sorted((w for w in words if has_cjk(w)), key=lambda w: (-len(w), w)))
    return ascii_words, zh


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
            own = own_spelling(w)  # `cliente`, read as customer, also inside `clienterorder`
            if own:
                ascii_words.add(own)
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
        self.roles, self.roles_zh = _roles(s)
        self.long_roles = sorted((w for w in self.roles if len(w) >= 5), key=lambda w: -len(w))
        self.documents, self.documents_zh = _split(s.get("person_documents", ()))
        self.cv_sections = _split(s.get("cv_sections", ()))[0]
        self.person_files = _split(s.get("person_files", ()))[0]
        self.event_columns = _split(s.get("event_columns", ()))[0]
        self.event_states = _split(s.get("event_states", ()))[0]
        self.event_state_families = frozenset(s.get("event_state_families", ()))
        self.person_keys, self.person_keys_zh = _split(s.get("person_keys", ()))
        self.patient_keys, self.patient_keys_zh = _split(s.get("patient_keys", ()))
        self.phone_keys = _split(s.get("phone_keys", ()))[0]
        self.oauth_markers = frozenset(_compact(split_name(w)) for w in s.get("oauth_markers", ()))
        self.oauth_client_columns = frozenset(
            _compact(split_name(w)) for w in s.get("oauth_client_columns", ())
        )
        self.application_grants = tuple(
            " ".join(split_name(w)) for w in s.get("application_grants", ())
        )
        self.oauth_client_keys = frozenset(
            _compact(split_name(w)) for w in s.get("oauth_client_keys", ())
        )
        self.role_email_tails = frozenset(
            _compact(split_name(w)) for w in s.get("role_email_tails", ())
        )
        self.plate_keys, self.plate_keys_zh = _split(s.get("plate_keys", ()))
        self.plate_sightings, self.plate_sightings_zh = _split(s.get("plate_sightings", ()))
        self.dwelling_keys, self.dwelling_keys_zh = _split(s.get("dwelling_keys", ()))
        self.estate_words, self.estate_words_zh = _split(s.get("estate_words", ()))
        self.dwelling_charges, self.dwelling_charges_zh = _split(s.get("dwelling_charges", ()))
        self.personal_record_families = frozenset(s.get("personal_record_families", ()))
        self.record_definitions = frozenset(s.get("record_definitions", ()))
        self.record_definitions_zh = tuple(s.get("record_definitions_zh", ()))
        self.key_suffixes = frozenset(s.get("key_suffixes", ()))
        self.record_table_tails = tuple(s.get("record_table_tails", ()))
        self.glued_reference_tails = tuple(s.get("glued_reference_tails", ()))
        self.copy_table_tails = tuple(sorted(s.get("copy_table_tails", ()), key=len, reverse=True))
        self.reference, self.reference_zh = _split(s.get("reference", ()))
        self.reference_columns, self.reference_columns_zh = _split(s.get("reference_columns", ()))
        self.system, self.system_zh = _split(s.get("system", ()))
        self.workflow_words = frozenset(s.get("workflow_words", ()))
        self.workflow_definitions = frozenset(s.get("workflow_definitions", ()))
        self.module_prefixes = frozenset(s.get("module_prefixes", ()))
        self.table_name_prefixes = frozenset(s.get("table_name_prefixes", ()))
        self.wished_for_zh = _split(s.get("wished_for", ()))[1]
        self.wish_revealing = frozenset(s.get("wish_revealing_elements", ()))
        self.wished_for_tails_zh = _split(s.get("wished_for_tails", ()))[1]
        self.wish_tail_elements = frozenset(s.get("wish_tail_elements", ()))
        self.animals, self.animals_zh = _split(s.get("animal_words", ()))
        self.record_standing_zh = _split(s.get("record_standing", ()))[1]
        self.animal_keepers, self.animal_keepers_zh = _split(s.get("animal_keepers", ()))
        self.care_party_asides, self.care_party_asides_zh = _split(s.get("care_party_asides", ()))
        self.definition_columns = _split(s.get("definition_columns", ()))[0]
        self.schema_file_names = _split(s.get("schema_file_names", ()))[0]
        self.header_tails = frozenset(s.get("header_table_tails", ()))
        self.listing_words = frozenset(s.get("listing_words", ()))
        self.wrapper_members = frozenset(s.get("wrapper_members", ()))
        self.tenant_columns = frozenset("".join(split_name(w)) for w in s.get("tenant_columns", ()))
        self.service_parts = frozenset("".join(split_name(w)) for w in s.get("service_parts", ()))
        self.organisation, self.organisation_zh = _split(s.get("organisation", ()))
        self.posts = _split(s.get("posts", ()))[0]
        self.geo_latitudes = _split(s.get("geo_latitudes", ()))[0]
        self.geo_longitudes = _split(s.get("geo_longitudes", ()))[0]
        self.topic_lookalikes = tuple(split_name(w) for w in s.get("topic_lookalikes", ()))
        self.topic_lookalikes_zh = tuple(s.get("topic_lookalikes_zh", ()))
        self.goods_records_zh = tuple(s.get("goods_records_zh", ()))
        self.goods_health_lookalikes_zh = tuple(s.get("goods_health_lookalikes_zh", ()))
        self.goods_columns, self.goods_columns_zh = _split(s.get("goods_columns", ()))
        self.collection_case_words = frozenset(s.get("collection_case_words", ()))
        self.related_tables_zh = tuple(s.get("related_tables_zh", ()))
        self.glued_name_heads = tuple(
            sorted(frozenset(s.get("glued_name_heads", ())), key=len, reverse=True)
        )
        self.document_topic_lookalikes = frozenset(s.get("document_topic_lookalikes", ()))
        self.health_topic_lookalikes = frozenset(s.get("health_topic_lookalikes", ()))
        self.health_topic_lookalikes_zh = tuple(s.get("health_topic_lookalikes_zh", ()))
        self.activity_lookalikes = frozenset(s.get("activity_lookalikes", ()))
        self.religious_organisations = frozenset(s.get("religious_organisations", ()))
        self.congregation_standing = frozenset(s.get("congregation_standing", ()))
        self.organisation_numbers = frozenset(
            _compact(split_name(w)) for w in s.get("organisation_numbers", ())
        )
        self.resource_type_members = frozenset(
            _compact(split_name(w)) for w in s.get("resource_type_members", ())
        )
        self.collections = frozenset(s.get("collections", ()))
        self.account_words = frozenset(s.get("account_words", ()))
        self.count_endings_zh = tuple(s.get("count_endings_zh", ()))
        self.collective_roles = frozenset(s.get("collective_roles", ()))
        self.message_times = frozenset(_compact(split_name(w)) for w in s.get("message_times", ()))
        self.patient_visits = _split(s.get("patient_visits", ()))[0]
        self.numbered_documents = tuple(s.get("numbered_documents", ()))
        self.payment_cards = _split(s.get("payment_cards", ()))[0]
        self.card_numbers = _split(s.get("card_numbers", ()))[0]
        self.card_brands = _split(s.get("card_brands", ()))[0]
        self.card_expiries = _split(s.get("card_expiries", ()))[0]
        self.document_numbers, self.document_numbers_zh = _split(
            s.get("document_number_columns", ())
        )
        self.id_numbers, self.id_numbers_zh = _split(s.get("identity_number_columns", ()))
        # an identity document kept as a type and a number column (`identity_document_*`)
        self.id_document_stems = _split(s.get("identity_document_stems", ()))[0]
        self.id_document_strong = _split(s.get("identity_document_strong", ()))[0]
        self.id_document_numbers = _split(s.get("identity_document_number_tails", ()))[0]
        self.id_document_types = _split(s.get("identity_document_type_tails", ()))[0]
        self.accounts, self.accounts_zh = _split(s.get("personal_account_columns", ()))
        self.ranges, self.ranges_zh = _split(s.get("reference_range_columns", ()))
        self.results, self.results_zh = _split(s.get("result_value_columns", ()))
        self.place_categories = tuple(s.get("place_categories", ()))
        self.party_categories = tuple(s.get("party_categories", ()))
        self.party_records = frozenset(s.get("party_records", ()))
        self.post_records = frozenset(s.get("post_records", ()))
        self.org_lookalikes_zh = _split(s.get("organisation_lookalikes", ()))[1]
        self.activity, self.activity_zh = _split(s.get("activity", ()))
        self.actors, self.actors_zh = _split(s.get("actor_columns", ()))
        self.identity, self.identity_zh = _split(s.get("identity_columns", ()))
        self.attribute_categories = tuple(s.get("attribute_categories", ()))
        self.topic_attributes = tuple(s.get("sensitive_topic_attributes", ()))
        self.background_elements = tuple(s.get("background_elements", ()))
        self.record_type_words = frozenset(s.get("record_type_columns", ()))
        self.applicability = tuple(s.get("applicability_elements", ()))
        self.thing_attributes = tuple(s.get("thing_attributes", ()))
        self.entry_names = tuple(s.get("entry_name_elements", ()))
        self.offerings = _split(s.get("offerings", ()))[0]
        self.timetables = _split(s.get("timetables", ()))[0]
        self.property = _split(s.get("organisation_property", ()))[0]
        self.care_reports = _split(s.get("care_reports", ()))[0]
        self.authority_words = frozenset(s.get("authority_words", ()))
        self.unit_prices, self.unit_prices_zh = _split(s.get("unit_prices", ()))
        self.products, self.products_zh = _split(s.get("product_name_columns", ()))
        self.paging = _split(s.get("paging_parameters", ()))[0]
        self.served_roles = tuple(s.get("served_roles", ()))
        self.api_role_lookalikes = frozenset(s.get("api_role_lookalikes", ()))
        self.api_machinery = frozenset(s.get("api_machinery", ()))
        self.api_own_things, self.api_own_things_zh = _split(s.get("api_own_things", ()))
        self.bare_role_keys = frozenset(s.get("bare_role_keys", ()))
        self.unnamed_org_attributes = tuple(s.get("unnamed_organisation_attributes", ()))
        self.contact_attributes = tuple(s.get("contact_person_attributes", ()))
        self.care_general = frozenset(s.get("care_record_general_elements", ()))
        self.care_times = frozenset(s.get("care_record_times", ()))
        self.care_money, self.care_money_zh = _split(s.get("care_record_money_tables", ()))
        self.care_service_dates = _split(s.get("care_record_service_dates", ()))[0]
        self.care_money_endings = tuple(s.get("care_record_money_endings", ()))
        places = s.get("whereabouts_places", ())
        self.whereabouts = tuple(" ".join(split_name(w)) for w in places if not has_cjk(w))
        self.whereabouts_zh = tuple(w for w in places if has_cjk(w))
        self.whereabouts_elements = frozenset(s.get("whereabouts_elements", ()))
        self.passage_words, self.passage_words_zh = _split(s.get("passage_words", ()))
        self.passage_records, self.passage_records_zh = _split(s.get("passage_record_words", ()))
        self.passage_places, self.passage_places_zh = _split(s.get("passage_places", ()))
        questions = s.get("recovery_questions", ())
        self.recovery_questions = frozenset(
            _compact(split_name(w)) for w in questions if not has_cjk(w)
        )
        self.recovery_questions_zh = frozenset(w for w in questions if has_cjk(w))
        self.data_management_words = frozenset(s.get("data_management_words", ()))
        self.key_prefixes = frozenset(s.get("key_prefixes", ()))
        self.link_objects = frozenset(s.get("link_objects", ()))
        self.link_relations = frozenset(s.get("link_relations", ()))
        self.password_lookalikes = frozenset(
            _compact(split_name(w)) for w in s.get("password_lookalikes", ())
        )
        self.password_tables = frozenset(
            _compact(split_name(w)) for w in s.get("password_tables", ())
        )
        self.recovery_tables = frozenset(
            _compact(split_name(w)) for w in s.get("recovery_tables", ()) if not has_cjk(w)
        )
        self.response_segments = frozenset(s.get("response_documents", ()))
        self.creation_columns = frozenset(s.get("creation_columns", ()))
        self.account_heads = frozenset(s.get("account_heads", ()))
        self.bank_codes = frozenset(
            _compact(split_name(w)) for w in s.get("bank_codes", ()) if not has_cjk(w)
        )
        self.bank_account_columns = self.account_heads | frozenset(
            _compact(split_name(w)) for w in s.get("bank_account_columns", ()) if not has_cjk(w)
        )
        self.generic_users = frozenset(s.get("generic_user_words", ()))
        accounts = s.get("financial_accounts", ())
        self.financial_accounts = tuple(" ".join(split_name(w)) for w in accounts if not has_cjk(w))
        self.financial_accounts_zh = tuple(w for w in accounts if has_cjk(w))
        self.response_envelope = frozenset(
            (*s.get("response_envelope", ()), *s.get("response_call_members", ()))
        )
        self.change_images = frozenset(_compact(split_name(w)) for w in s.get("change_images", ()))
        self.change_weak_images = frozenset(
            _compact(split_name(w)) for w in s.get("change_weak_images", ())
        )
        self.change_operations = frozenset(
            _compact(split_name(w)) for w in s.get("change_operations", ())
        )
        self.link_markers = frozenset(s.get("link_markers", ()))
        self.link_containers = frozenset(s.get("link_containers", ()))
        self.ledger_detail_elements = frozenset(s.get("ledger_detail_elements", ()))
        self.ledger_detail_outside = frozenset(s.get("ledger_detail_outside", ()))
        self.resource_attribute_objects = frozenset(s.get("resource_attribute_objects", ()))
        self.diagnosed_elements = frozenset(s.get("diagnosed_elements", ()))
        self.money_balances = frozenset(
            _compact(split_name(w)) for w in s.get("money_balances", ())
        )
        self.money_currencies = frozenset(
            _compact(split_name(w)) for w in s.get("money_currencies", ())
        )
        self.organisation_members = frozenset(s.get("organisation_members", ()))
        self.link_members = frozenset(s.get("link_members", ()))
        self.claim_holders = _split(s.get("claim_holders", ()))[0]
        self.claim_holder_keys = _split(s.get("claim_holder_keys", ()))[0]
        self.name_parts = frozenset(
            "".join(split_name(w)) for w in catalog.dictionaries.get("personal_name_parts")
        )
        self.membership, self.membership_zh = _split(s.get("membership_cards", ()))
        self.meta, self.meta_zh = _split(s.get("meta_columns", ()))
        self.load_columns = _split(s.get("load_columns", ()))[0]
        self.load_files = _split(s.get("load_file_columns", ()))[0]
        self.gateway_columns = frozenset(
            _compact(split_name(w)) for w in s.get("gateway_message_columns", ())
        )

        self.person_only, self.person_only_zh = _split(s.get("person_only_columns", ()))
        self.code_system_zh = tuple(w for w in s.get("code_systems", ()) if has_cjk(w))
        self.health_code_lists = _split(s.get("health_code_lists", ()))[0]
        self.record_columns, self.record_columns_zh = _split(s.get("record_columns", ()))
        self.ledger_accounts, self.ledger_accounts_zh = _split(s.get("ledger_accounts", ()))
        self.cardholder_cards, self.cardholder_cards_zh = _split(s.get("cardholder_cards", ()))
        self.ledger_entries, self.ledger_entries_zh = _split(s.get("ledger_entries", ()))
        self.ledger_deposits, self.ledger_deposits_zh = _split(s.get("ledger_deposits", ()))
        self.deposit_holders, self.deposit_holders_zh = _split(s.get("ledger_deposit_holders", ()))
        self.ledger_references = frozenset(s.get("ledger_references", ()))
        self.ledger_entry_times = frozenset(
            _compact(split_name(w)) for w in s.get("ledger_entry_times", ())
        )
        self.ledger_kinds = frozenset(s.get("ledger_kinds", ()))
        self.weak_identity = frozenset(s.get("weak_identity_columns", ()))
        self.role_lookalikes_zh = tuple(s.get("role_lookalikes_zh", ()))
        self.joined_reference_tails = frozenset(s.get("joined_reference_tails", ()))
        # how a pinyin-initials person's name ends (人 r, 员 y, 用户 yh: `bjr` 报警人): `BJRXM` is
        # that person's name (姓名 xm) written as one token
        self.initials_person_endings = tuple(
            sorted(catalog.dictionaries.get("initials_person_endings"), key=len, reverse=True)
        )
        self.counts = frozenset(s.get("count_suffixes", ()))
        self.contact_markers = frozenset(s.get("contact_markers", ()))
        self.contact_titles = _split(s.get("contact_titles", ()))[0]
        self.deletion_tails = frozenset(s.get("deletion_tails", ()))
        self.technical = _split(s.get("technical_columns", ()))[0]
        self.technical_tails = frozenset(s.get("technical_tails", ()))
        self.contact_channels = frozenset(s.get("contact_channels", ()))
        self.contact_number_tails = frozenset(s.get("contact_number_tails", ()))
        self.quantifiers = frozenset(s.get("quantifiers", ()))
        self.supplier_parties = frozenset(s.get("supplier_parties", ()))
        self.amount_prefixes = frozenset(s.get("amount_prefixes", ()))
        self.health_things, self.health_things_zh = _split(s.get("health_things", ()))
        self.log_entries = frozenset(_compact(split_name(w)) for w in s.get("log_entries", ()))
        self.sequences = frozenset(s.get("sequence_suffixes", ()))
        self.dwellings = _split(s.get("dwellings", ()))[0]
        self.operation_verbs = frozenset(s.get("operation_verbs", ()))
        self.payables = _split(s.get("payables", ()))[0]
        self.leases = _split(s.get("leases", ()))[0]
        self.not_events, self.not_events_zh = _split(s.get("not_event_times", ()))
        self.insurances = tuple(s.get("contribution_insurances", ()))
        self.parties = frozenset(s.get("contribution_parties", ()))
        self.aggregates = frozenset(s.get("aggregate_columns", ()))
        self.headcounts = tuple(s.get("headcount_columns", ()))
        self.org_names, self.org_names_zh = _split(s.get("organisation_name_columns", ()))
        self.person_names, self.person_names_zh = _split(s.get("person_name_columns", ()))
        self.thing_names_zh = _split(s.get("thing_name_comments", ()))[1]
        self.listing, self.listing_zh = _split(s.get("listing_columns", ()))
        self.body, self.body_zh = _split(s.get("body_measurement_columns", ()))
        self.row_words = frozenset(s.get("row_words", ()))
        self.row_events = frozenset(s.get("row_events", ()))
        self.row_bills = frozenset(s.get("row_bills", ()))
        self.party_orders = frozenset(s.get("party_orders", ()))
        self.row_messages = frozenset(s.get("row_messages", ()))
        en, self.birth_records_zh = _split(s.get("birth_records", ()))
        self.birth_records = frozenset(_compact(split_name(w)) for w in en)
        self.device_location_words = frozenset(s.get("device_location_words", ()))
        self.located_devices = frozenset(
            _compact(split_name(w)) for w in s.get("located_devices", ())
        )
        self.request_words = frozenset(s.get("request_words", ()))
        self.held_cards = frozenset(s.get("held_cards", ()))
        self.card_secrets = frozenset(_compact(split_name(w)) for w in s.get("card_secrets", ()))
        self.address_pins = frozenset(
            _compact(split_name(w)) for w in s.get("address_pin_codes", ())
        )
        self.address_objects = frozenset(
            _compact(split_name(w)) for w in s.get("address_objects", ())
        )
        self.request_credentials = frozenset(
            _compact(split_name(w)) for w in s.get("request_credentials", ())
        )
        self.request_traces = frozenset(
            _compact(split_name(w)) for w in s.get("request_trace_headers", ())
        )
        self.row_wrappers = frozenset(s.get("row_wrappers", ()))
        self.request_person_keys = tuple(
            sorted({" ".join(w.lower().split()) for w in s.get("request_person_keys", ())}, key=len)
        )[::-1]
        self.message_columns = frozenset(
            _compact(split_name(w)) for w in s.get("message_columns", ())
        )
        self.impersonal_modifiers = frozenset(s.get("impersonal_modifiers", ()))
        self.audience_metrics = frozenset(
            _compact(split_name(w)) for w in s.get("audience_metric_columns", ())
        )
        self.ledger_classes, self.ledger_classes_zh = _split(s.get("ledger_account_classes", ()))
        self.charts_of_accounts, self.charts_of_accounts_zh = _split(s.get("chart_of_accounts", ()))
        self.environment_topics, self.environment_topics_zh = _split(
            s.get("environment_topics", ())
        )
        self.chain_words, self.chain_words_zh = _split(s.get("chain_words", ()))
        self.chain_columns, self.chain_columns_zh = _split(s.get("chain_columns", ()))
        self.chain_amounts = frozenset(s.get("chain_amounts", ()))
        self.sensor_keys = frozenset(_compact(split_name(w)) for w in s.get("sensor_keys", ()))
        self.not_carried = frozenset(s.get("uncarried_members", ()))
        self.places = frozenset(s.get("organisation_places", ()))
        self.place_members = frozenset(_compact(split_name(w)) for w in s.get("place_members", ()))
        self.org_stays = frozenset(s.get("org_stays", ()))
        self.org_tables = frozenset(s.get("organisation_tables", ()))
        self.housekeeping_flags = frozenset(s.get("housekeeping_flags", ()))
        self.record_state_flags = _split(s.get("record_state_flags", ()))[0]
        self.lookalikes = frozenset(s.get("role_lookalikes", ()))
        self.minor_contexts, self.minor_contexts_zh = _split(s.get("minor_contexts", ()))
        self.guardians, self.guardians_zh = _split(s.get("guardian_columns", ()))
        self.input_code_pairs = tuple(
            tuple(w.split()) for w in s.get("input_code_pairs", ()) if len(w.split()) == 2
        )
        self.guardian_pairs = tuple(
            tuple(w.split()) for w in s.get("guardian_pairs", ()) if len(w.split()) == 2
        )
        self.pupil_parents = tuple(
            (group, _split(s.get(f"pupil_{group}", ())))
            for group in ("fathers", "mothers", "guardians")
        )
        self.school_grades = _split(s.get("school_grades", ()))
        self.school_classes = _split(s.get("school_classes", ()))
        self.higher_education = _split(s.get("higher_education", ()))
        self.school_pupil_words = _split_raw(s.get("school_pupil_words", ()))
        self.child_tables = _split_raw(s.get("child_tables", ()))
        self.adult_learning = _split(s.get("adult_learning", ()))
        self.student_keys = _split(s.get("student_keys", ()))
        self.upper_secondary = _split_raw(s.get("upper_secondary", ()))
        self.minor_words = frozenset(w for w, role in self.roles.items() if role == "minor")
        self.minor_zh = tuple(w for w, role in self.roles_zh if role == "minor")
        self.ownership, self.ownership_zh = _split(s.get("ownership_columns", ()))
        self.handlers = frozenset(s.get("handler_markers", ()))
        self.audit_stamps = frozenset(s.get("audit_stamps", ()))
        self.audit_stamp_times = frozenset(s.get("audit_stamp_times", ()))
        self.row_editors, self.row_editors_zh = _split(s.get("row_editors", ()))
        self.case_keys = frozenset(s.get("case_keys", ()))
        self.ambiguous_ids = frozenset(s.get("ambiguous_ids", ()))
        self.tree_ids = frozenset(s.get("tree_ids", ()))
        self.tree_comments = tuple(s.get("tree_comments", ()))
        self.tree_order_columns = frozenset(s.get("tree_order_columns", ()))
        self.entry_verbs_zh = tuple(s.get("entry_verbs_zh", ()))
        self.org_attributes = tuple(s.get("organisation_attributes", ()))
        self.organisation_parts = tuple(s.get("organisation_parts", ()))
        self.error_replies = frozenset(s.get("error_replies", ()))
        self.person_path_keys = frozenset(s.get("person_path_keys", ()))
        self.system_attributes = tuple(s.get("system_attributes", ()))
        self.person_columns, self.person_columns_zh = _split(s.get("person_columns", ()))
        kinds = frozenset(s.get("comment_role_kinds", ()))
        posts = _split(s.get("comment_role_posts", ()))[1]
        self.comment_role_words_zh: tuple[tuple[str, str], ...] = tuple(
            sorted(
                [(w, role) for w, role in self.roles_zh if role in kinds]
                + [(w, "employee") for w in posts],
                key=lambda item: (-len(item[0]), item[0]),
            )
        )
        self.counts_zh = tuple(catalog.dictionaries.get("negative_zh"))
        self.event_suffixes = frozenset(catalog.dictionaries.get("event_suffixes"))
        self.neg_prefixes = frozenset(catalog.dictionaries.get("negative_prefixes"))
        self.bookkeeping = frozenset(catalog.dictionaries.get("bookkeeping_prefixes"))
        self.status = frozenset(catalog.dictionaries.get("negative_suffixes"))
        self.table_tails = frozenset(catalog.dictionaries.get("table_tails"))
        self.reference_prefixes = frozenset(s.get("reference_prefixes", ()))
        self.dimension_words = frozenset(w.lower() for w in s.get("dimension_words", ()))
        self.reference_endings = tuple(s.get("reference_endings", ()))
        self.reference_names = frozenset(s.get("reference_names", ()))
        self.reference_tails = frozenset(s.get("reference_tails", ()))
        self.envelope_members = _split(s.get("document_envelope_members", ()))[0]
        self.envelope_objects = frozenset(s.get("document_envelope_objects", ()))
        self.reference_markers = _split(s.get("reference_markers", ()))[0]
        self.reference_envelope_members = _split(s.get("reference_envelope_members", ()))[0]
        self.extension_objects = _split(s.get("extension_objects", ()))[0]
        self.extension_envelope_members = _split(s.get("extension_envelope_members", ()))[0]
        self.fhir_coded_objects = tuple(
            _compact(split_name(w)) for w in s.get("fhir_coded_objects", ())
        )
        self.fhir_namespace_members = frozenset(
            _compact(split_name(w)) for w in s.get("fhir_namespace_members", ())
        )
        # a FHIR search Bundle's envelope (compacted words; `resourceType` is
        # ``resource_type_members``)
        self.fhir_envelope = {
            key: frozenset(_compact(split_name(w)) for w in s.get(key, ()))
            for key in ("bundle_markers", "bundle_members")
        }
        self.bundle_object_members = frozenset(
            tuple(_compact(split_name(part)) for part in w.split(".", 1))
            for w in s.get("bundle_object_members", ())
        )
        self.token_claims = frozenset(s.get("token_claims", ()))
        self.client_metadata = _split(s.get("client_metadata", ()))[0]
        self.identity_checks = frozenset(s.get("identity_checks", ()))
        self.identity_check_tails = frozenset(s.get("identity_check_tails", ()))
        self.code_tails = frozenset(s.get("code_tails", ()))
        self.code_name_tails = tuple(s.get("code_name_tails", ()))
        self.code_tails_zh = tuple(fold(w) for w in s.get("code_tails_zh", ()))
        self.code_name_tails_zh = frozenset(fold(w) for w in s.get("code_name_tails_zh", ()))
        self.code_list_person_endings = tuple(
            fold(w) for w in s.get("code_list_person_endings", ())
        )
        self.person_key_tails = tuple(s.get("person_key_tails", ()))
        self.staff_agents = frozenset(s.get("staff_agents", ()))
        self.impersonal_zh = tuple(s.get("impersonal_comments", ()))
        self.impersonal_documents_zh = tuple(s.get("impersonal_documents", ()))
        self.care_places, self.care_places_zh = _split(s.get("care_places", ()))
        self.org_bookings, self.org_bookings_zh = _split(s.get("org_bookings", ()))
        self.care_parties, self.care_parties_zh = _split(s.get("care_parties", ()))
        self.care_staff, self.care_staff_zh = _split(s.get("care_staff", ()))
        self.stay_periods, self.stay_periods_zh = _split(s.get("stay_periods", ()))
        self.health_documents, self.health_documents_zh = _split(s.get("health_documents", ()))
        self.offence_documents, self.offence_documents_zh = _split(s.get("offence_documents", ()))
        self.tax_documents, self.tax_documents_zh = _split(s.get("tax_documents", ()))
        self.owner_values = frozenset(s.get("owner_value_columns", ()))
        self.relation_tails = frozenset(s.get("relation_tails", ()))
        self.message_operations = frozenset(s.get("message_operations", ()))
        self.message_formats = frozenset(s.get("message_formats", ()))
        self.wearables, self.wearables_zh = _split(s.get("wearable_documents", ()))
        self.caller_self = _split(s.get("caller_self_words", ()))[0]
        self.entry_pairs = frozenset(
            frozenset(pair.split()) for pair in s.get("entry_pairs", ()) if len(pair.split()) == 2
        )
        idioms = sorted(s.get("comment_idioms", ()), key=lambda w: (-len(w), w))
        self.comment_idioms = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, idioms)) + r")\b", re.IGNORECASE)
            if idioms
            else None
        )
        self.error_reply_members = frozenset(s.get("error_reply_members", ()))
        devices = s.get("medical_device_documents", ())
        self.medical_devices = tuple(
            dict.fromkeys(split_name(w) for w in devices if not has_cjk(w) and split_name(w))
        )
        self.medical_devices_zh = _split(devices)[1]
        self.device_columns = _split(s.get("device_record_columns", ()))[0]
        self.value_units = _split(s.get("value_units", ()))[0]
        self.value_statistics = _split(s.get("value_statistics", ()))[0]
        self.code_entry_flags = _split(s.get("code_entry_flags", ()))[0]
        self.code_entry_members = _split(s.get("code_entry_members", ()))[0]
        self.definition_parts = _split(s.get("definition_parts", ()))[0]
        self._spelling: dict[str, str] = {}
        self._role_zh: dict[str, str | None] = {}
        # answers per distinct word or comment, kept while a scan runs (schemas repeat them)
        self.known_ending_keys: dict[str, str | None] = {}
        self._org_comment: dict[str, bool] = {}
        # answers about one column by its name and comment (``column_answer``)
        self._column_answers: dict[tuple[Any, str, str | None], Any] = {}
        self.money_totals = frozenset(s.get("money_totals", ()))
        self.money_totals_zh = tuple(s.get("money_totals_zh", ()))
        self.syllables = frozenset(catalog.dictionaries.get("pinyin_syllables"))
        # words of things, not people (`price`, `product`: catalogs/dictionaries/context.yaml)
        self.thing_words, self.thing_words_zh = _split(
            w
            for key in ("non_person_context", "non_person_qualifiers")
            for w in catalog.dictionaries.get(key)
        )
        self._index_families(catalog)
        self._targets = self.family_words | self.care_places | frozenset(self.roles)

    def __getstate__(self) -> dict[str, Any]:
        """What is kept on disk: the indexes, without the catalog (``rules_for`` puts it back)
        nor the words put right or known in use, nor the families by id (made again at need)."""
        state = {
            k: v
            for k, v in self.__dict__.items()
            if k not in ("catalog", "known_words", "_family_by_id", "_family_positions")
        }
        state["_spelling"] = {}
        state["_role_zh"] = {}
        state["known_ending_keys"] = {}
        state["_org_comment"] = {}
        state["_column_answers"] = {}
        return state

    def _index_families(self, catalog: Catalog) -> None:
        self.families = [_family_index(family) for family in catalog.families]
        # Single words of every family: a flag naming one (`is_recheck`) is that information.
        self.family_words = frozenset(
            w for fam in self.families for w in (*fam.words, *fam.generic, *fam.topic)
        )
        # Pinyin words of every family: looked for inside a long all-pinyin token too.
        self.family_pinyin = frozenset(
            _compact(split_name(w)) for fam in self.families for w in fam.family.words.pinyin
        )
        # ... and so does a flag whose comment names one (`has_induction` '是否引产').
        self.family_words_zh = tuple(sorted({w for fam in self.families for w in fam.zh}))
        self.health_families = frozenset(
            k for k, fam in enumerate(self.families) if fam.family.element.startswith("pi.health.")
        )
        self.health_words_zh = frozenset(
            w for k in self.health_families for w in self.families[k].zh
        )
        # the family of a document about a person's health care (`health_documents`)
        self.health_record = frozenset(
            k for k, fam in enumerate(self.families) if fam.family.id == HEALTH_RECORD_FAMILY
        )
        # the family of a document about a person's tax affairs (`tax_documents`)
        self.tax_record = frozenset(
            k for k, fam in enumerate(self.families) if fam.family.id == TAX_RECORD_FAMILY
        )
        # the family of a person's whereabouts (a device's location reports)
        self.whereabouts_topic = frozenset(
            k for k, fam in enumerate(self.families) if fam.family.id == WHEREABOUTS_FAMILY
        )
        # the family of a person's record of an act (a check-in, an exam sat)
        self.activity_topic = frozenset(
            k for k, fam in enumerate(self.families) if fam.family.id == ACTIVITY_FAMILY
        )
        # the family of where a person lives (a household's fee bill filed under its flat)
        self.dwelling_topic = frozenset(
            k for k, fam in enumerate(self.families) if fam.family.id == DWELLING_FAMILY
        )
        # the family of the entries of a person's account ledger, by position
        self.ledger = frozenset(
            k for k, fam in enumerate(self.families) if fam.family.id == LEDGER_FAMILY
        )
        # the families of a subscriber's records (`personal_record_families`)
        self.personal_records = frozenset(
            k
            for k, fam in enumerate(self.families)
            if fam.family.id in self.personal_record_families
        )
        # the kinds of record that are a person's sensitive information (`record_kinds`)
        kinds = frozenset(catalog.subjects.get("record_kinds", ()))
        self.record_kinds = frozenset(
            k for k, fam in enumerate(self.families) if fam.family.id in kinds
        )
        # the kinds of a person's financial record whose every detail is sensitive
        # (`sensitive_record_families`)
        sensitive = frozenset(catalog.subjects.get("sensitive_record_families", ()))
        self.sensitive_records = frozenset(
            k for k, fam in enumerate(self.families) if fam.family.id in sensitive
        )
        # columns that hold a whole address-book entry (`vcard`): the table is an address book
        words = catalog.subjects.get("address_book_columns", ())
        book = frozenset(_compact(split_name(w)) for w in words)
        self.address_book_columns = book
        self.address_book_entries = tuple(catalog.subjects.get("address_book_entries", ()))
        # a subscriber's position in a mobile network (`lac` beside `cell`): a call record
        self.network_area_columns = frozenset(
            _compact(split_name(w)) for w in catalog.subjects.get("network_area_columns", ())
        )
        self.network_cell_columns = frozenset(
            _compact(split_name(w)) for w in catalog.subjects.get("network_cell_columns", ())
        )
        self.call_records = frozenset(
            k for k, fam in enumerate(self.families) if fam.family.id == CALL_RECORD_FAMILY
        )
        # columns of a store of messages (a body, a sender, a recipient) and of a person's history
        # of the content they opened (`message_store_*`, `visit_history_tables`, `visited_things`)
        self.message_store = tuple(
            frozenset(_compact(split_name(w)) for w in catalog.subjects.get(key, ()))
            for key in ("message_store_bodies", "message_store_senders", "message_store_recipients")
        )
        self.message_store_prefixes = frozenset(catalog.subjects.get("message_store_prefixes", ()))
        self.message_speakers = frozenset(
            _compact(split_name(w)) for w in catalog.subjects.get("message_speakers", ())
        )
        self.message_table_bodies = frozenset(
            _compact(split_name(w)) for w in catalog.subjects.get("message_table_bodies", ())
        )
        self.phone_key_names = frozenset(
            _compact(split_name(w)) for w in catalog.subjects.get("phone_keys", ())
        )
        self.visit_histories = frozenset(catalog.subjects.get("visit_history_tables", ()))
        self.visited_things = frozenset(catalog.subjects.get("visited_things", ()))
        self.message_family = frozenset(
            k for k, fam in enumerate(self.families) if fam.family.id == MESSAGE_FAMILY
        )
        self.browsing_family = frozenset(
            k for k, fam in enumerate(self.families) if fam.family.id == BROWSING_FAMILY
        )
        self.address_book = frozenset(
            k for k, fam in enumerate(self.families) if fam.family.id == ADDRESS_BOOK_FAMILY
        )
        faceted = frozenset(catalog.subjects.get("personal_record_facets", ()))
        self.faceted_records = frozenset(
            k for k in self.personal_records if self.families[k].family.id in faceted
        )
        self.money_words = frozenset(
            w
            for fam in self.families
            if fam.family.element.startswith("pi.financial.")
            for w in fam.words
        )

    @functools.cached_property
    def known_words(self) -> frozenset[str]:
        """Every single word of the catalog's keywords, context lists and subject lists: spelt as
        meant, never put right."""
        catalog = self.catalog
        words: set[str] = set(self.family_words) | set(self.roles)
        for values in (*catalog.subjects.values(), *catalog.dictionaries.lists.values()):
            words.update(w for w in values if w.isalpha())
        for element in catalog.detectable():
            for kind in ("en", "pinyin", "abbreviations", "weak"):
                words.update(t for w in element.keywords.get(kind) for t in split_name(w))
        return frozenset(words)

    def identity_checked(self, tokens: tuple[str, ...]) -> tuple[str, ...]:
        """The words of what a check result is about (`family`, `name` of `familyNameMatchScore`:
        ``identity_checks`` and their ``identity_check_tails`` at the end), else ()."""
        end = len(tokens)
        while end > 0 and tokens[end - 1] in self.identity_check_tails:
            end -= 1
        if end == len(tokens) or not any(t in self.identity_checks for t in tokens[end:]):
            return ()
        return tokens[:end]

    def definition_key(self, tokens: tuple[str, ...]) -> bool:
        """Whether a column is the key of a part of a form or schema (``definition_parts``:
        `fieldId`, `attribute_id`): which part a value fills."""
        return (
            len(tokens) >= 2
            and tokens[-1] in self.reference_tails
            and "".join(tokens[:-1]) in self.definition_parts
        )

    def value_reading(self, tokens: tuple[str, ...], parent: str) -> bool:
        """Whether a field says how to read a measured value rather than holding one: the unit of
        the value object it is nested in (``value_units``: `heart_rate.unit`, not
        `results[].unit` of a list of rows) or which statistic the value is
        (``value_statistics``: `descriptive_statistic`). ``parent``: the path it is nested in."""
        key = "".join(tokens)
        if key in self.value_statistics:
            return True
        return key in self.value_units and bool(parent) and not parent.endswith("[]")

    def spelled(self, tokens: tuple[str, ...]) -> tuple[str, ...]:
        """``tokens`` with misspelt family words put right (`bouns` → bonus, `salaray` → salary,
        `histroy` → history): one letter too many or two neighbours swapped, in a word of five
        letters or more that is not itself a known word."""
        out = tuple(self._spelling.get(t) or self._respell(t) for t in tokens)
        return out if out != tokens else tokens

    def _respell(self, token: str) -> str:
        word = token
        if (
            len(token) >= _MIN_SPELLED
            and token.isalpha()
            and token not in self.known_words
            and token not in self.meta  # `disporder`: a display position, not `disorder`
        ):
            variants: set[str] = set()
            if len(token) > _MIN_SPELLED + 1:  # `salaray`; not `assert` (a word, one from asset)
                variants = {token[:k] + token[k + 1 :] for k in range(len(token))}
            variants |= {
                token[:k] + token[k + 1] + token[k] + token[k + 2 :] for k in range(len(token) - 1)
            }
            found = sorted(v for v in variants if v in self._targets and len(v) >= _MIN_SPELLED)
            if len(found) == 1:
                word = found[0]
        if len(self._spelling) < _MAX_SPELLED:
            self._spelling[token] = word
        return word

    def names_staff(self, name: str) -> bool:
        """Whether a column's name holds an agent noun of staff (``staff_agents``:
        `auditor_name`, `meet_parent_auditor_id`, `COLLECTER`): the member of staff who handled
        the record, not the person the record is about."""
        return any(t in self.staff_agents for t in split_name(name))

    def technical_column(self, tokens: tuple[str, ...]) -> bool:
        """A row's technical column (``technical_columns``: `RowVersion`, `tablename`,
        `livemode`) or its soft-deletion flag (``deletion_tails``: `yonghu_delete`)."""
        return _compact(tokens) in self.technical or (
            len(tokens) > 1
            and (tokens[-1] in self.deletion_tails or tokens[-1] in self.technical_tails)
        )

    def names_a_person(self, name: str, comment: str | None, tokens: tuple[str, ...]) -> bool:
        """Whether a column names a person (a contact, a manager, a `name`) by its name tokens,
        or by its name or comment in Chinese (``person_name_columns``, ``person_columns``)."""
        text = f"{name}{comment or ''}"
        return (
            (_compact(tokens) in self.person_names and not self.thing_name(comment))
            or any(t in self.person_columns for t in tokens)
            or any(w in text for w in (*self.person_names_zh, *self.person_columns_zh))
        )

    def contact_line(self, tokens: tuple[str, ...]) -> bool:
        """A contact marker, then only words of a way to reach someone (`contact_phone`,
        `contact_number`, `contact_address_1`): the row's contact line, not a person's name."""
        words = [t for t in tokens if not t.isdigit()]
        return (
            len(words) >= 2
            and words[0] in self.contact_markers
            and all(t in self.contact_channels for t in words[1:])
        )

    def thing_name(self, comment: str | None) -> bool:
        """Whether a Chinese comment calls a column the name of a thing (`name` '名称', '车辆名称')
        rather than of a person: no person's name word (姓名, 名字) and no role (客户名称) in it."""
        text = fold(comment or "")
        return (
            any(w in text for w in self.thing_names_zh)
            and not any(w in text for w in (*self.identity_zh, *self.person_names_zh))
            and self.role_zh(text) is None
        )

    def names_organisation_zh(self, comment: str) -> bool:
        """Whether a column's comment holds a Chinese word of an organisation's name column
        (``organisation_name_columns``: 公司名称), answered once per distinct comment."""
        found = self._org_comment.get(comment)
        if found is None:
            if len(self._org_comment) >= _MAX_SPELLED:
                self._org_comment.clear()
            found = self._org_comment[comment] = any(w in comment for w in self.org_names_zh)
        return found

    def column_answer(self, fld: Field, answer: Callable[[Field, SubjectRules], Any]) -> Any:
        """``answer(fld, self)`` for a question about a column whose answer depends on nothing
        but the column's name and comment (and these rules), worked out once per distinct
        question, name and comment: schema repositories repeat their columns from table to
        table."""
        key = (answer, fld.name, fld.comment)
        answers = self._column_answers
        if key in answers:
            return answers[key]
        if len(answers) >= _MAX_SPELLED:
            answers.clear()
        found = answers[key] = answer(fld, self)
        return found

    def family(self, family_id: str) -> _FamilyIndex | None:
        """The family of that id, if the catalog has it (the first of that id, looked up in a
        table made at the first call: a scan asks for a few families once per dataset)."""
        by_id = self.__dict__.get("_family_by_id")
        if by_id is None:
            by_id = {}
            for fam in self.families:
                by_id.setdefault(fam.family.id, fam)
            self._family_by_id = by_id
        return by_id.get(family_id)

    def position(self, fam: _FamilyIndex) -> int:
        """``families.index(fam)``: for one of the families' own objects (what the family
        matches give) looked up in a table made at the first call, by identity, since comparing
        families field by field is slow; any other object is compared as ``index`` does."""
        positions = self.__dict__.get("_family_positions")
        if positions is None:
            positions = {id(f): self.families.index(f) for f in self.families}
            self._family_positions = positions
        found = positions.get(id(fam))
        return found if found is not None else self.families.index(fam)

    def contribution(self, token: str) -> str | None:
        """The insurance a pinyin compound of an insurance and a paying party names
        (`yanglaoyg` → yanglao), else None."""
        for word in self.insurances:
            if token.startswith(word) and token[len(word) :] in self.parties:
                return word
        return None

    def tax_topic(self, topic: frozenset[int]) -> frozenset[int]:
        """A topic without the criminal-record families when it is a person's tax record: the
        penalties of a tax account are the tax authority's charges for a late return or payment,
        not a record of an offence (GB/T 35273 Annex B 犯罪记录 is about crimes)."""
        if not topic & self.tax_record:
            return topic
        return frozenset(k for k in topic if self.families[k].family.element != CRIMINAL_RECORD)

    def role_of(self, token: str) -> str | None:
        """The role a name token names (``patients``; ``peispatientarchive`` contains one)."""
        role = self.roles.get(token)
        if role is not None:
            return role
        if len(token) >= 8 and token not in self.lookalikes:
            # a role inside a look-alike word names no one there either (`personalpropertyonsite`)
            parts = [token]
            for lookalike in self.lookalikes:
                parts = [p for part in parts for p in part.split(lookalike)]
            for word in self.long_roles:
                if any(word in p for p in parts) and len(token) >= len(word) + 3:
                    return self.roles[word]
        return None

    def organisation_zh_in(self, text: str) -> str | None:
        """The organisation word of a Chinese text, not counting one inside a person's thing
        (银行 of 银行卡: a bank card is its holder's)."""
        for w in self.org_lookalikes_zh:
            text = text.replace(w, " ")
        return next((w for w in self.organisation_zh if w in text), None)

    def comment_role(self, comment: str) -> tuple[str, str] | None:
        """The role word a column's Chinese comment ends in (``comment_role_kinds`` and
        ``comment_role_posts``: 上课老师, 项目经理) and its role: the column names that person.
        Not a question (是否教师) nor a word inside a longer comment (经理审批意见)."""
        text = _CODE_LIST.sub("", comment).strip().rstrip("。.;；:：")
        for suffix in ("姓名", "名字", "名称"):
            text = text.removesuffix(suffix)
        if not text or not has_cjk(text) or text.startswith(("是否", "是不是")):
            return None
        return next(((w, role) for w, role in self.comment_role_words_zh if text.endswith(w)), None)

    def row_editor_comment(self, comment: str) -> bool:
        """Whether a column's Chinese comment opens with a row editor's word (``row_editors``:
        创建人, 修改人id): the column records who wrote or changed the row."""
        return comment.startswith(self.row_editors_zh)

    def role_zh(self, text: str) -> str | None:
        """The role of the first role word in a Chinese text (kept per text: the same comments
        recur from table to table)."""
        memo = self._role_zh
        if text in memo:
            return memo[text]
        folded = fold(text)
        for word in self.role_lookalikes_zh:  # 房主键: the key of a room, not a 房主
            folded = folded.replace(word, " ")
        role = next((role for w, role in self.roles_zh if w in folded), None)
        if len(memo) < _MAX_SPELLED:
            memo[text] = role
        return role


def _family_index(family: Family) -> _FamilyIndex:
    kw = family.words
    words, zh = _split((*kw.en, *kw.pinyin, *kw.abbreviations, *kw.zh))
    initials = frozenset(_compact(split_name(w)) for w in kw.initials)
    topic, topic_zh = _split(family.topic)
    generic, generic_zh = _split(family.generic)
    return _FamilyIndex(family, words, initials, zh, topic, topic_zh, generic, generic_zh)


def load_column(rules: SubjectRules, dataset: Dataset, name: str) -> bool:
    """Whether the column ``name`` of ``dataset`` is a warehouse's load column: a load stamp
    (``load_columns``), or the source file (``load_file_columns``) of a table that has a load
    stamp too."""
    compact = _compact(split_name(name))
    if compact in rules.load_columns:
        return True
    return compact in rules.load_files and any(
        _compact(split_name(f.name)) in rules.load_columns for f in dataset.fields
    )


#: A table names at least this many gateway envelope members when it logs gateway calls.
_MIN_GATEWAY_COLUMNS = 3


def gateway_column(rules: SubjectRules, dataset: Dataset, name: str) -> bool:
    """Whether the column ``name`` of ``dataset`` is a member of a payment or open-platform
    gateway call's envelope (``gateway_message_columns``: `sign_type`, `charset`, `notify_url`,
    `ret_code`) on a table that logs such calls: one naming at least three of them."""
    compact = _compact(split_name(name))
    if compact not in rules.gateway_columns:
        return False
    named = {_compact(split_name(f.name)) for f in dataset.fields} & rules.gateway_columns
    return len(named) >= _MIN_GATEWAY_COLUMNS


_RULES: dict[int, tuple[Catalog, SubjectRules]] = {}


def rules_for(catalog: Catalog) -> SubjectRules:
    """The (cached) subject rules of a catalog."""
    return per_catalog(_RULES, catalog, _kept_rules)


def _kept_rules(catalog: Catalog) -> SubjectRules:
    """The subject rules of ``catalog``, kept on disk between processes (``disk_cached``, keyed
    by the catalog's content and the code that indexes it): ``dataflow check`` need not index
    the word lists again at every start."""
    from pathlib import Path

    from dataflow.catalog.cache import disk_cached
    from dataflow.detect.metadata.scripts import native_words_path
    from dataflow.detect.metadata.words import foreign_words_path

    here = Path(__file__)
    words = here.parents[1] / "detect" / "metadata" / "words.py"
    scripts = words.with_name("scripts.py")
    rules = disk_cached(
        "subject_rules",
        (here, words, scripts, foreign_words_path(), native_words_path()),
        lambda: SubjectRules(catalog),
        SubjectRules,
        catalog=catalog,
    )
    if "catalog" in rules.__dict__:
        return rules  # built here
    if [fam.family.id for fam in rules.families] != [f.id for f in catalog.families]:
        return SubjectRules(catalog)  # never for a matching key; the rules of another catalog
    rules.catalog = catalog
    for index, family in zip(rules.families, catalog.families, strict=True):
        object.__setattr__(index, "family", family)  # the catalog's own objects, not copies
    return rules


def _roles(subjects: Mapping[str, Any]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Role words (first role a word is listed under wins) and Chinese role words, longest first."""
    roles: dict[str, str] = {}
    roles_zh: list[tuple[str, str]] = []
    for key in sorted(k for k in subjects if k.startswith("roles.")):
        role = key.split(".", 1)[1]
        words, zh = _split(subjects[key])
        for w in sorted(words):
            roles.setdefault(w, role)
        roles_zh.extend((w, role) for w in zh)
    roles_zh.sort(key=lambda item: (-len(item[0]), item[0]))
    return roles, roles_zh
