"""Catalog sections about words rather than elements: subjects, families, sectors, dictionaries."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dataflow.catalog.crossref import CatalogState
from dataflow.catalog.model import (
    DICTIONARY_KEYS,
    Family,
    Sector,
    SectorLevel,
)
from dataflow.i18n import msg
from dataflow.yamlio import YamlDoc, join_key, type_name

SUBJECT_KEYS: tuple[str, ...] = (
    "roles",
    "reference_prefixes",
    "dimension_words",
    "reference_endings",
    "reference_names",
    "reference_tails",
    "code_tails",
    "code_name_tails",
    "code_tails_zh",
    "code_name_tails_zh",
    "code_list_person_endings",
    "person_key_tails",
    "staff_agents",
    "impersonal_comments",
    "impersonal_documents",
    "row_editors",
    "supplier_parties",
    "case_keys",
    "care_places",
    "org_bookings",
    "care_parties",
    "care_staff",
    "stay_periods",
    "health_documents",
    "offence_documents",
    "tax_documents",
    "owner_value_columns",
    "relation_tails",
    "message_operations",
    "message_formats",
    "money_totals",
    "person_documents",
    "person_keys",
    "patient_keys",
    "key_suffixes",
    "reference",
    "reference_columns",
    "system",
    "definition_columns",
    "organisation",
    "activity",
    "actor_columns",
    "identity_columns",
    "attribute_categories",
    "sensitive_topic_attributes",
    "record_type_columns",
    "membership_cards",
    "meta_columns",
    "load_columns",
    "load_file_columns",
    "gateway_message_columns",
    "weak_identity_columns",
    "organisation_attributes",
    "system_attributes",
    "person_columns",
    "comment_role_kinds",
    "comment_role_posts",
    "count_suffixes",
    "sequence_suffixes",
    "dwellings",
    "operation_verbs",
    "payables",
    "leases",
    "not_event_times",
    "contribution_insurances",
    "contribution_parties",
    "applicability_elements",
    "entry_name_elements",
    "offerings",
    "timetables",
    "served_roles",
    "api_role_lookalikes",
    "api_own_things",
    "api_machinery",
    "organisation_parts",
    "error_replies",
    "person_path_keys",
    "bare_role_keys",
    "event_states",
    "event_state_families",
    "care_record_money_endings",
    "posts",
    "geo_latitudes",
    "geo_longitudes",
    "topic_lookalikes",
    "topic_lookalikes_zh",
    "goods_records_zh",
    "goods_health_lookalikes_zh",
    "goods_columns",
    "document_topic_lookalikes",
    "health_topic_lookalikes",
    "activity_lookalikes",
    "religious_organisations",
    "congregation_standing",
    "organisation_numbers",
    "background_elements",
    "resource_type_members",
    "document_envelope_members",
    "document_envelope_objects",
    "recovery_tables",
    "data_management_words",
    "key_prefixes",
    "link_objects",
    "link_relations",
    "password_lookalikes",
    "password_tables",
    "reference_markers",
    "reference_envelope_members",
    "extension_objects",
    "extension_envelope_members",
    "fhir_coded_objects",
    "fhir_namespace_members",
    "bundle_markers",
    "bundle_members",
    "bundle_object_members",
    "token_claims",
    "client_metadata",
    "identity_checks",
    "identity_check_tails",
    "collections",
    "collection_case_words",
    "related_tables_zh",
    "message_speakers",
    "account_words",
    "count_endings_zh",
    "collective_roles",
    "message_times",
    "money_totals_zh",
    "patient_visits",
    "numbered_documents",
    "paging_parameters",
    "product_name_columns",
    "identity_document_stems",
    "identity_document_strong",
    "identity_document_number_tails",
    "identity_document_type_tails",
    "document_number_columns",
    "identity_number_columns",
    "personal_account_columns",
    "reference_range_columns",
    "result_value_columns",
    "place_categories",
    "party_categories",
    "party_records",
    "post_records",
    "org_stays",
    "party_orders",
    "workflow_words",
    "workflow_definitions",
    "message_table_bodies",
    "organisation_lookalikes",
    "unnamed_organisation_attributes",
    "contact_person_attributes",
    "care_record_general_elements",
    "care_record_times",
    "care_record_money_tables",
    "care_record_service_dates",
    "whereabouts_places",
    "whereabouts_elements",
    "recovery_questions",
    "passage_words",
    "passage_record_words",
    "passage_places",
    "response_documents",
    "response_envelope",
    "change_images",
    "change_weak_images",
    "change_operations",
    "link_markers",
    "link_containers",
    "contact_number_tails",
    "organisation_members",
    "link_members",
    "claim_holders",
    "record_state_flags",
    "response_call_members",
    "payment_cards",
    "card_numbers",
    "card_brands",
    "card_expiries",
    "claim_holder_keys",
    "creation_columns",
    "financial_accounts",
    "ledger_accounts",
    "cardholder_cards",
    "ledger_entries",
    "ledger_deposits",
    "ledger_deposit_holders",
    "ledger_references",
    "ledger_kinds",
    "record_definitions",
    "personal_record_facets",
    "value_units",
    "value_statistics",
    "code_entry_flags",
    "code_entry_members",
    "definition_parts",
    "account_heads",
    "bank_account_columns",
    "bank_codes",
    "generic_user_words",
    "aggregate_columns",
    "headcount_columns",
    "organisation_name_columns",
    "person_name_columns",
    "thing_name_comments",
    "listing_columns",
    "body_measurement_columns",
    "handler_markers",
    "audit_stamps",
    "audit_stamp_times",
    "person_only_columns",
    "code_systems",
    "health_code_lists",
    "organisation_tables",
    "record_columns",
    "ambiguous_ids",
    "tree_ids",
    "tree_comments",
    "tree_order_columns",
    "entry_verbs_zh",
    "housekeeping_flags",
    "role_lookalikes",
    "role_lookalikes_zh",
    "joined_reference_tails",
    "glued_name_heads",
    "glued_reference_tails",
    "copy_table_tails",
    "health_topic_lookalikes_zh",
    "ownership_columns",
    "person_files",
    "event_columns",
    "minor_contexts",
    "guardian_columns",
    "guardian_pairs",
    "input_code_pairs",
    "pupil_fathers",
    "pupil_mothers",
    "pupil_guardians",
    "record_table_tails",
    "school_grades",
    "school_classes",
    "higher_education",
    "school_pupil_words",
    "child_tables",
    "adult_learning",
    "student_keys",
    "upper_secondary",
    "contact_markers",
    "quantifiers",
    "health_things",
    "log_entries",
    "schema_file_names",
    "header_table_tails",
    "module_prefixes",
    "table_name_prefixes",
    "care_party_asides",
    "wished_for",
    "wish_revealing_elements",
    "wished_for_tails",
    "wish_tail_elements",
    "animal_words",
    "record_standing",
    "animal_keepers",
    "tenant_columns",
    "service_parts",
    "message_store_prefixes",
    "message_store_bodies",
    "message_store_senders",
    "message_store_recipients",
    "visit_history_tables",
    "visited_things",
    "listing_words",
    "wrapper_members",
    "cv_sections",
    "wearable_documents",
    "medical_device_documents",
    "caller_self_words",
    "entry_pairs",
    "request_trace_headers",
    "comment_idioms",
    "error_reply_members",
    "unit_prices",
    "authority_words",
    "care_reports",
    "contact_channels",
    "contact_titles",
    "deletion_tails",
    "technical_columns",
    "technical_tails",
    "device_record_columns",
    "phone_keys",
    "plate_keys",
    "plate_sightings",
    "dwelling_keys",
    "estate_words",
    "dwelling_charges",
    "personal_record_families",
    "record_kinds",
    "sensitive_record_families",
    "record_definitions_zh",
    "address_book_columns",
    "network_area_columns",
    "network_cell_columns",
    "address_book_entries",
    "row_words",
    "row_events",
    "row_bills",
    "row_messages",
    "birth_records",
    "device_location_words",
    "located_devices",
    "request_words",
    "request_credentials",
    "held_cards",
    "card_secrets",
    "address_pin_codes",
    "address_objects",
    "row_wrappers",
    "request_person_keys",
    "organisation_property",
    "message_columns",
    "impersonal_modifiers",
    "audience_metric_columns",
    "ledger_account_classes",
    "chart_of_accounts",
    "environment_topics",
    "chain_words",
    "role_email_tails",
    "oauth_markers",
    "oauth_client_columns",
    "oauth_client_keys",
    "application_grants",
    "ledger_entry_times",
    "ledger_detail_elements",
    "ledger_detail_outside",
    "money_currencies",
    "money_balances",
    "diagnosed_elements",
    "resource_attribute_objects",
    "amount_prefixes",
    "chain_columns",
    "chain_amounts",
    "sensor_keys",
    "uncarried_members",
    "organisation_places",
    "place_members",
    "thing_attributes",
)

_FAMILY_KEYS = (
    "id",
    "element",
    "names",
    "words",
    "topic",
    "generic",
    "all_on_topic",
    "person_only",
    "keys_on_topic",
    "keys_named",
    "topic_first",
)


class WordSections(CatalogState):
    """Readers of the ``subjects``, ``families``, ``sector`` and ``dictionaries`` sections."""

    def _load_subjects(self, doc: YamlDoc, value: Any) -> None:
        if not isinstance(value, Mapping):
            self.add(doc, "subjects", msg("y.expected_mapping", got=type_name(value)))
            return
        self._unknown(doc, value, "subjects", SUBJECT_KEYS)
        for name, words in value.items():
            if name not in SUBJECT_KEYS:
                continue
            key = join_key("subjects", name)
            if name == "roles":
                if not isinstance(words, Mapping):
                    self.add(doc, key, msg("c.roles", got=type_name(words)))
                    continue
                for role, items in words.items():
                    listed = self.subjects.setdefault(f"roles.{role}", [])
                    new = self._words(doc, items, join_key(key, str(role)))
                    listed.extend(w for w in new if w not in listed)
                continue
            listed = self.subjects.setdefault(name, [])
            listed.extend(w for w in self._words(doc, words, key) if w not in listed)

    def _load_family(self, doc: YamlDoc, item: dict[str, Any], key: str) -> None:
        self._unknown(doc, item, key, _FAMILY_KEYS)
        fid = self._id(doc, item, key)
        element = item.get("element")
        names = self._text(doc, item.get("names"), join_key(key, "names"))
        if fid is None or not isinstance(element, str) or names is None:
            if not isinstance(element, str):
                self.add(doc, join_key(key, "element"), msg("c.element_id"))
            return
        words = self._keywords(doc, item.get("words", {}), join_key(key, "words"))
        topic = tuple(self._words(doc, item.get("topic", []), join_key(key, "topic")))
        generic = tuple(self._words(doc, item.get("generic", []), join_key(key, "generic")))
        all_on_topic = bool(
            self._bool(doc, item.get("all_on_topic", False), join_key(key, "all_on_topic"))
        )
        person_only = bool(
            self._bool(doc, item.get("person_only", False), join_key(key, "person_only"))
        )
        keys_on_topic = bool(
            self._bool(doc, item.get("keys_on_topic", False), join_key(key, "keys_on_topic"))
        )
        keys_named = bool(
            self._bool(doc, item.get("keys_named", False), join_key(key, "keys_named"))
        )
        topic_first = bool(
            self._bool(doc, item.get("topic_first", False), join_key(key, "topic_first"))
        )
        family = Family(
            fid,
            element,
            names,
            words,
            topic,
            generic,
            doc.path,
            all_on_topic,
            person_only,
            keys_on_topic,
            keys_named,
            topic_first,
        )
        self.families[fid] = (family, doc, key)

    def _load_sector(self, doc: YamlDoc, value: Any) -> None:
        if not isinstance(value, Mapping):
            self.add(doc, "sector", msg("y.expected_mapping", got=type_name(value)))
            return
        self._unknown(
            doc,
            value,
            "sector",
            ("id", "names", "scheme", "levels", "element_levels", "references"),
        )
        sid = self._id(doc, dict(value), "sector")
        names = self._text(doc, value.get("names"), "sector.names")
        scheme = value.get("scheme")
        if scheme is not None and not isinstance(scheme, str):
            self.add(doc, "sector.scheme", msg("y.expected_string", got=type_name(scheme)))
            scheme = None
        levels: list[SectorLevel] = []
        for i, lv in self._items(doc, value.get("levels", []), "sector.levels"):
            lkey = join_key("sector.levels", i)
            self._unknown(doc, lv, lkey, ("id", "names", "grade"))
            lid = self._id(doc, lv, lkey)
            lnames = self._text(doc, lv.get("names"), join_key(lkey, "names"))
            lgrade = self._grade(doc, lv.get("grade"), join_key(lkey, "grade"))
            if lid and lnames and lgrade is not None:
                levels.append(SectorLevel(lid, lnames, lgrade))
        element_levels: dict[str, str] = {}
        mapping = value.get("element_levels", {})
        if not isinstance(mapping, Mapping):
            self.add(
                doc, "sector.element_levels", msg("y.expected_mapping", got=type_name(mapping))
            )
        else:
            level_ids = {lv.id for lv in levels}
            for eid, lid in mapping.items():
                if lid not in level_ids:
                    self.add(
                        doc,
                        join_key("sector.element_levels", eid),
                        msg("c.level", got=repr(lid), defined=sorted(level_ids)),
                    )
                else:
                    element_levels[str(eid)] = str(lid)
        refs = self._strings(doc, value.get("references", []), "sector.references")
        if sid and names:
            self.sectors[sid] = Sector(
                sid, names, scheme, tuple(levels), element_levels, refs, doc.path
            )
            self.sector_where[sid] = (doc, "sector")

    def _load_dictionaries(self, doc: YamlDoc, value: Any) -> None:
        if not isinstance(value, Mapping):
            self.add(doc, "dictionaries", msg("y.expected_mapping", got=type_name(value)))
            return
        self._unknown(doc, value, "dictionaries", DICTIONARY_KEYS)
        for name, words in value.items():
            if name not in DICTIONARY_KEYS:
                continue
            key = join_key("dictionaries", name)
            collected: list[str] = []
            if name == "health_tables":
                # element id -> table words; stored as "<element>=<word>" entries
                if not isinstance(words, Mapping):
                    self.add(
                        doc,
                        key,
                        msg("c.element_words", got=type_name(words)),
                    )
                    continue
                for element_id, items in words.items():
                    for w in self._strings(doc, items, join_key(key, element_id)):
                        collected.append(f"{element_id}={w.lower()}")
                existing = self.dictionaries.setdefault(name, [])
                existing.extend(w for w in collected if w not in existing)
                continue
            collected.extend(self._words(doc, words, key))
            existing = self.dictionaries.setdefault(name, [])
            existing.extend(w for w in collected if w not in existing)

    def _load_spellings(self, doc: YamlDoc, value: Any) -> None:
        """``pinyin_spellings``: Chinese word -> its pinyin spellings (generated data)."""
        if not isinstance(value, Mapping):
            self.add(doc, "pinyin_spellings", msg("y.expected_mapping", got=type_name(value)))
            return
        for word, spelt in value.items():
            key = join_key("pinyin_spellings", str(word))
            words = tuple(w.lower() for w in self._strings(doc, spelt, key))
            self.pinyin_spellings[str(word)] = words
