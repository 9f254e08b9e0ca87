"""Catalogs: PI elements, categories, the grade ladder, escalation rules, sectors, dictionaries.

A catalog is YAML data (``schema_version: 1``). The shipped files are ``catalogs/pi.yaml``,
``catalogs/grades.yaml``, ``catalogs/sectors/*.yaml`` and ``catalogs/dictionaries/*.yaml``; other
files in ``catalogs/`` (``recognizers.yaml``, ``rules/``) belong to other modules and are not read
here. User catalogs (``--catalog FILE``) are loaded after them: an element, category, grade name,
rule or sector with an existing id *overrides* the earlier definition key by key; a new id
*extends* the catalog.

Every file may hold any of these top-level sections::

    schema_version: 1
    catalog: {id, version, title: {en, zh}}
    sources: [{id, title, url}]
    categories: [{id, names: {zh, en}, references}]
    elements: [{id, names, category, pi, sensitive, sensitive_group, grade, direct_identifier,
                types, keywords: {en, zh, pinyin, initials, abbreviations, weak}, entities,
                references, sources, detect, deprecated, replaced_by, description}]
    grades: [{grade, names, description, reference}]
    defaults: {sensitive_pi, pi, unclassified}
    escalations: [{id, kind, to, when: {...}, reason: {en, zh}, reference, source, important_data}]
    sector: {id, names, scheme, levels: [{id, names, grade}], element_levels: {element: level}}
    dictionaries: {person_context: {en, zh}, ...}

The package keeps the data types in ``model``, reading and checking the files in ``loader``
and the built catalogs (in memory and on disk) in ``cache``; everything is imported from
``dataflow.catalog``.

Validation collects *every* problem (file, line, key path) before raising one ``CatalogError``.
"""

from __future__ import annotations

from dataflow.catalog.cache import load_catalog, per_catalog
from dataflow.catalog.loader import shipped_files, validate_files
from dataflow.catalog.model import (
    ART28_GROUP_NAMES,
    ART28_GROUPS,
    CONDITION_KEYS,
    DEFAULT_TYPES,
    DICTIONARY_KEYS,
    KEYWORD_KINDS,
    SCHEMA_VERSION,
    TYPE_CLASSES,
    Catalog,
    CatalogProblem,
    CatalogValidationError,
    Category,
    Condition,
    DeidentifiedRule,
    Dictionaries,
    Element,
    EscalationRule,
    Family,
    GradeInfo,
    Keywords,
    Sector,
    SectorLevel,
    Source,
    with_elements,
)
from dataflow.catalog.sections import SUBJECT_KEYS

__all__ = [
    "ART28_GROUPS",
    "ART28_GROUP_NAMES",
    "CONDITION_KEYS",
    "DEFAULT_TYPES",
    "DICTIONARY_KEYS",
    "KEYWORD_KINDS",
    "SCHEMA_VERSION",
    "SUBJECT_KEYS",
    "TYPE_CLASSES",
    "Catalog",
    "CatalogProblem",
    "CatalogValidationError",
    "Category",
    "Condition",
    "DeidentifiedRule",
    "Dictionaries",
    "Element",
    "EscalationRule",
    "Family",
    "GradeInfo",
    "Keywords",
    "Sector",
    "SectorLevel",
    "Source",
    "load_catalog",
    "per_catalog",
    "shipped_files",
    "validate_files",
    "with_elements",
]
