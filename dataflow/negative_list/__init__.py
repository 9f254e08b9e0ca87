"""Negative lists: the file format, loading and validation, and matching (DESIGN §6).

A negative list names data that must go through a given mechanism (CAC security assessment,
standard contract or certification) or must not leave at all. National rules, free-trade-zone
lists (Provisions Art. 6) and an organisation's own policy all use the same YAML format::

    schema_version: 1
    list:
      id: acme-export-policy            # permanent, never reused
      title: {zh: ..., en: ...}         # or one string
      jurisdiction: organisation        # national | ftz | organisation
      zone: tianjin                     # ftz only: the exporter's zone the list is for
      version: "2026.1"
      effective_from: 2026-01-01
      effective_to: 2027-12-31          # optional, last day in force
      scope: {sectors: [all], scenarios: [all]}
      sources: ["..."]
      verified: true
      enabled_by_default: true          # false: applies only when selected by id
      complete: true                    # false: the entries are a partial transcription
      excludes_ciio: false              # true: CIIOs may not use the list (default for ftz)
    entries:
      - id: ACME-001
        sector: all                     # labels copied from the published list (for reports)
        scenario: all
        data_category: sensitive personal information
        condition: {sensitive: true}    # closed vocabulary; all keys present must hold
        important_data: false           # false | candidate | true
        required_mechanism: security_assessment
        message: {en: ..., zh: ...}
        source: "..."
        verified: true

Only ``condition`` decides whether an entry matches; ``sector``, ``scenario`` and
``data_category`` are labels. Element and category ids in a condition are dotted prefixes:
``pi.health`` covers ``pi.health`` and ``pi.health.diagnosis`` but not ``pi.healthcare``.

``min_grade: important`` holds only for *confirmed* important data (notified or published;
Provisions Art. 2, NDSMR Art. 37): a dataset the catalog grades ``important`` whose status is
only ``candidate`` counts as ``general-4`` for this condition.

``important_data`` says what the entry means for important data: ``true`` — the list itself
designates the matching data as important data (a published list), so the hit is binding;
``candidate`` — rules describe this kind of data as important data, but it counts as such only
once notified or published, so the hit binds only when the transfer's important-data status is
``confirmed`` and is otherwise a review item (``NegativeListHit.binding`` is false).

The package keeps the data types in ``model``, reading and checking the files in ``loader`` and
matching in ``match``; everything is imported from ``dataflow.negative_list``.

Everything here except loading is pure. No scanned value is ever rendered: hits name field
pointers, element ids and counts only.
"""

from __future__ import annotations

from dataflow.negative_list.loader import (
    check_unique,
    load_list_file,
    load_lists,
    parse_list,
    shipped_list_paths,
)
from dataflow.negative_list.match import (
    context_from_results,
    evaluate,
    find,
    ftz_outcome,
    hit_sort_key,
    in_scope,
    list_applies,
    match,
    strictest,
    unverified_in_use,
    unverified_notices,
)
from dataflow.negative_list.model import (
    ALL,
    CONDITION_KEYS,
    IMPORTANT_DATA_STATUSES,
    JURISDICTIONS,
    MECHANISM_RANK,
    MECHANISMS,
    SCHEMA_VERSION,
    TAGS,
    Condition,
    Entry,
    FtzOutcome,
    MatchContext,
    NegativeList,
    NegativeListError,
    covers,
)

__all__ = [
    "ALL",
    "CONDITION_KEYS",
    "IMPORTANT_DATA_STATUSES",
    "JURISDICTIONS",
    "MECHANISMS",
    "MECHANISM_RANK",
    "SCHEMA_VERSION",
    "TAGS",
    "Condition",
    "Entry",
    "FtzOutcome",
    "MatchContext",
    "NegativeList",
    "NegativeListError",
    "check_unique",
    "context_from_results",
    "covers",
    "evaluate",
    "find",
    "ftz_outcome",
    "hit_sort_key",
    "in_scope",
    "list_applies",
    "load_list_file",
    "load_lists",
    "match",
    "parse_list",
    "shipped_list_paths",
    "strictest",
    "unverified_in_use",
    "unverified_notices",
]
