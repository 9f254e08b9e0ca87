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

Validation collects *every* problem (file, line, key path) before raising one ``CatalogError``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from dataflow.errors import CatalogError, UserError
from dataflow.model import Grade, Text
from dataflow.paths import cache_dir, catalogs_dir, private
from dataflow.sensitivity import Ruling, Standard, parse_rulings, parse_standard
from dataflow.yamlio import YamlDoc, join_key, load_yaml, type_name

SCHEMA_VERSION = 1

ART28_GROUPS: tuple[str, ...] = (
    "biometrics",
    "religion",
    "specific_identity",
    "health",
    "financial_account",
    "whereabouts",
    "minors_under_14",
    "other",
)

ART28_GROUP_NAMES: dict[str, Text] = {
    "biometrics": Text("Biometric identification", "生物识别"),
    "religion": Text("Religious belief", "宗教信仰"),
    "specific_identity": Text("Specific identity", "特定身份"),
    "health": Text("Medical and health", "医疗健康"),
    "financial_account": Text("Financial accounts", "金融账户"),
    "whereabouts": Text("Whereabouts and movement tracks", "行踪轨迹"),
    "minors_under_14": Text("Children under 14", "不满十四周岁未成年人的个人信息"),
    "other": Text("Other sensitive personal information", "其他敏感个人信息"),
}

#: Column-type classes an element may declare in ``types`` (see detect/metadata.py).
TYPE_CLASSES: tuple[str, ...] = (
    "text",
    "int",
    "bigint",
    "code",
    "decimal",
    "date",
    "bool",
    "binary",
)
DEFAULT_TYPES: tuple[str, ...] = ("text", "binary")

KEYWORD_KINDS: tuple[str, ...] = ("en", "zh", "pinyin", "initials", "abbreviations", "weak")

CONDITION_KEYS: tuple[str, ...] = (
    "elements_any",
    "elements_all",
    "categories_any",
    "sensitive",
    "sensitive_groups_any",
    "direct_identifier",
    "personal",
    "sectors",
    "subjects_gt",
    "subjects_gte",
    "dataset_terms_any",
)

DICTIONARY_KEYS: tuple[str, ...] = (
    "person_context",
    "non_person_context",
    "non_person_qualifiers",
    "dictionary_tables",
    "negative_prefixes",
    "negative_suffixes",
    "bookkeeping_prefixes",
    "event_suffixes",
    "reference_suffixes",
    "filler",
    "negative_zh",
    "event_zh",
    "health_tables",
    "health_value_columns",
    "health_meta_columns",
)

# Shipped files this module reads, relative to catalogs/ (other files there are not ours).
_SHIPPED_FILES = ("pi.yaml", "grades.yaml", "sensitivity.yaml", "subjects.yaml")
_SHIPPED_DIRS = ("sectors", "dictionaries")

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
_ENTITY_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_TOP_KEYS = (
    "schema_version",
    "catalog",
    "sources",
    "categories",
    "elements",
    "grades",
    "defaults",
    "escalations",
    "deidentified",
    "sector",
    "dictionaries",
    "standards",
    "sensitivity",
    "subjects",
    "families",
)
# Word lists of ``subjects:`` (catalogs/subjects.yaml); ``roles`` maps a role to its words.
SUBJECT_KEYS: tuple[str, ...] = (
    "roles",
    "person_documents",
    "person_keys",
    "key_suffixes",
    "reference",
    "reference_columns",
    "system",
    "organisation",
    "activity",
    "actor_columns",
    "identity_columns",
    "attribute_categories",
    "membership_cards",
    "meta_columns",
    "weak_identity_columns",
    "organisation_attributes",
    "person_columns",
    "count_suffixes",
    "handler_markers",
    "person_only_columns",
    "code_systems",
    "ambiguous_ids",
    "housekeeping_flags",
    "role_lookalikes",
    "ownership_columns",
    "person_files",
    "event_columns",
    "minor_contexts",
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
)
_ELEMENT_KEYS = (
    "id",
    "names",
    "category",
    "pi",
    "sensitive",
    "sensitive_group",
    "grade",
    "direct_identifier",
    "types",
    "keywords",
    "entities",
    "references",
    "sources",
    "detect",
    "deprecated",
    "replaced_by",
    "description",
)


# --- data types -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Keywords:
    """Metadata keywords of an element, by kind (see ``catalogs/pi.yaml`` header)."""

    en: tuple[str, ...] = ()
    zh: tuple[str, ...] = ()
    pinyin: tuple[str, ...] = ()
    initials: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()

    def get(self, kind: str) -> tuple[str, ...]:
        """Keywords of one kind."""
        value: tuple[str, ...] = getattr(self, kind)
        return value


@dataclass(frozen=True)
class Category:
    """A category of elements (``pi.contact``) with its names."""

    id: str
    names: Text
    references: tuple[str, ...] = ()
    origin: str = ""


@dataclass(frozen=True)
class Element:
    """A catalog element: one kind of data (``pi.contact.mobile``)."""

    id: str
    names: Text
    category: str
    pi: bool
    sensitive: bool
    grade: Grade
    sensitive_group: str | None = None
    direct_identifier: bool = False
    types: tuple[str, ...] = DEFAULT_TYPES
    keywords: Keywords = field(default_factory=Keywords)
    entities: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    detect: bool = True
    deprecated: bool = False
    replaced_by: str | None = None
    description: Text | None = None
    origin: str = ""
    grade_explicit: bool = False  # the catalog sets the grade (not derived from sensitivity)
    sensitivity_evidence: Text | None = None  # the standard behind the sensitivity (dated view)


@dataclass(frozen=True)
class GradeInfo:
    """Names and description of one grade of the ladder."""

    grade: Grade
    names: Text
    description: Text | None = None
    reference: str | None = None


@dataclass(frozen=True)
class Condition:
    """When an escalation rule applies. Every key that is set must hold."""

    elements_any: tuple[str, ...] = ()
    elements_all: tuple[str, ...] = ()
    categories_any: tuple[str, ...] = ()
    sensitive: bool | None = None
    sensitive_groups_any: tuple[str, ...] = ()
    direct_identifier: bool | None = None
    personal: bool | None = None
    sectors: tuple[str, ...] = ()
    subjects_gt: int | None = None
    subjects_gte: int | None = None
    dataset_terms_any: tuple[str, ...] = ()

    def render(self) -> str:
        """Compact text form, e.g. ``sensitive: true; subjects_gt: 100000``."""
        parts: list[str] = []
        for key in CONDITION_KEYS:
            value = getattr(self, key)
            if value is None or value == ():
                continue
            if isinstance(value, bool):
                parts.append(f"{key}: {'true' if value else 'false'}")
            elif isinstance(value, tuple):
                parts.append(f"{key}: [{', '.join(value)}]")
            else:
                parts.append(f"{key}: {value}")
        return "; ".join(parts)


@dataclass(frozen=True)
class EscalationRule:
    """A data-driven rule that raises a dataset's grade (combination, volume, precision…)."""

    id: str
    kind: str
    to: Grade
    when: Condition
    reason: Text
    reference: str
    source: str | None = None
    important_data: str | None = None  # "candidate" when a raise to important needs confirming
    mark_sensitive: str | None = None  # Art. 28 group that every PI field becomes (children)
    origin: str = ""


@dataclass(frozen=True)
class DeidentifiedRule:
    """How a field of masked or hashed personal information is graded (a named setting).

    ``steps_down``: how many grades below its element's grade (0: the same grade). Never below
    the default grade of personal information minus those steps, never below general-1.
    """

    id: str
    steps_down: int
    reason: Text
    reference: str


@dataclass(frozen=True)
class SectorLevel:
    """A level of a sector scheme (JR/T 0197 level 4) and the national grade it maps to."""

    id: str
    names: Text
    grade: Grade


@dataclass(frozen=True)
class Sector:
    """A sector scheme: its levels and the level of each element in it."""

    id: str
    names: Text
    scheme: str | None = None
    levels: tuple[SectorLevel, ...] = ()
    element_levels: dict[str, str] = field(default_factory=dict)
    references: tuple[str, ...] = ()
    origin: str = ""


@dataclass(frozen=True)
class Dictionaries:
    """Context word lists for metadata detection (lower-case English/pinyin; Chinese as is)."""

    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def get(self, name: str) -> tuple[str, ...]:
        """A word list by name (``person_context``, ``negative_suffixes``…); empty if absent."""
        return self.lists.get(name, ())


@dataclass(frozen=True)
class Family:
    """An attribute family (GB/T 35273 Annex A category) and its words (catalogs/subjects.yaml).

    In a dataset about a person, a field using ``words`` is ``element``; ``generic`` words count
    too when the dataset or the field's parent object is on the family's ``topic``.
    """

    id: str
    element: str
    names: Text
    words: Keywords
    topic: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()
    origin: str = ""
    # On the topic, every column that is not a key or bookkeeping (``meta_columns``) counts.
    all_on_topic: bool = False
    # Only in datasets whose rows are people (a person's bio, not an order's remark).
    person_only: bool = False
    # On the topic, keys of things count too (a cart's goods_id: what the person chose).
    keys_on_topic: bool = False
    # A key named by the family's words counts (a pupil's school_id: which school).
    keys_named: bool = False


@dataclass(frozen=True)
class Source:
    """A source document that elements cite."""

    id: str
    title: str
    url: str | None = None


@dataclass(frozen=True)
class Catalog:
    """The merged, validated catalog. Read-only."""

    elements: dict[str, Element]
    categories: dict[str, Category]
    grades: dict[Grade, GradeInfo]
    escalations: tuple[EscalationRule, ...]
    sectors: dict[str, Sector]
    dictionaries: Dictionaries
    sources: dict[str, Source]
    defaults: dict[str, Grade]
    version: str
    files: tuple[str, ...] = ()
    standards: dict[str, Standard] = field(default_factory=dict)
    sensitivity: dict[str, tuple[Ruling, ...]] = field(default_factory=dict)
    sensitivity_standard: str | None = None  # set by sensitivity.at(): the standard applied
    # Subject rules (``roles.<role>`` and the other ``SUBJECT_KEYS``) and attribute families.
    subjects: dict[str, tuple[str, ...]] = field(default_factory=dict)
    families: tuple[Family, ...] = ()
    deidentified: DeidentifiedRule | None = None

    def element(self, element_id: str) -> Element:
        """The element with this id; ``KeyError`` if unknown."""
        return self.elements[element_id]

    def category_name(self, category_id: str, lang: str = "en") -> str:
        """Human name of a category (falls back to the id)."""
        category = self.categories.get(category_id)
        return category.names.get(lang) if category else category_id

    def element_name(self, element_id: str, lang: str = "en") -> str:
        """Human name of an element (falls back to the id)."""
        element = self.elements.get(element_id)
        return element.names.get(lang) if element else element_id

    def elements_for_entity(self, entity: str) -> tuple[Element, ...]:
        """Elements a Presidio entity maps to, sorted by id (empty if none, e.g. ``URL``)."""
        return tuple(
            sorted(
                (e for e in self.elements.values() if entity in e.entities and not e.deprecated),
                key=lambda e: e.id,
            )
        )

    def grade_name(self, grade: Grade, lang: str = "en") -> str:
        """Human name of a grade (``一般数据4级``)."""
        info = self.grades.get(grade)
        return info.names.get(lang) if info else grade.label

    def group_name(self, group: str, lang: str = "en") -> str:
        """Human name of a PIPL Art. 28 group."""
        names = ART28_GROUP_NAMES.get(group)
        return names.get(lang) if names else group

    def escalation(self, rule_id: str) -> EscalationRule:
        """An escalation rule by id; ``KeyError`` if unknown."""
        for rule in self.escalations:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def sector_level(self, sector: str, element_id: str) -> SectorLevel | None:
        """The level of an element in a sector scheme (JR/T 0197), if the sector maps it."""
        info = self.sectors.get(sector)
        if info is None:
            return None
        level_id = info.element_levels.get(element_id)
        for level in info.levels:
            if level.id == level_id:
                return level
        return None

    def detectable(self) -> tuple[Element, ...]:
        """Elements used by detection (not deprecated, ``detect`` on), sorted by id."""
        return tuple(e for _, e in sorted(self.elements.items()) if e.detect and not e.deprecated)


# --- loading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogProblem:
    """One validation problem: file, line, key path, message."""

    path: str
    line: int | None
    key: str | None
    message: str

    def render(self) -> str:
        """``path:line: key: message``."""
        return UserError(self.message, path=self.path, line=self.line, key=self.key).render()


class CatalogValidationError(CatalogError):
    """A catalog failed validation; ``problems`` holds every problem found."""

    def __init__(self, problems: Sequence[CatalogProblem]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0]
        message = first.message
        if len(self.problems) > 1:
            rest = "\n".join(p.render() for p in self.problems[1:])
            message = f"{message}\n{rest}"
        super().__init__(message, path=first.path, line=first.line, key=first.key)


def shipped_files() -> tuple[Path, ...]:
    """The shipped catalog files this module reads, in load order."""
    root = catalogs_dir()
    files = [root / name for name in _SHIPPED_FILES if (root / name).is_file()]
    for folder in _SHIPPED_DIRS:
        sub = root / folder
        if sub.is_dir():
            files.extend(sorted(p for p in sub.glob("*.yaml") if p.is_file()))
    return tuple(files)


def load_catalog(extra: Sequence[Path] = (), *, include_shipped: bool = True) -> Catalog:
    """Load the shipped catalogs then ``extra`` files (later ones extend/override earlier ones).

    Raises ``CatalogValidationError`` (a ``CatalogError``) listing every problem found.
    """
    paths = (*shipped_files(), *extra) if include_shipped else tuple(extra)
    return _key_cached(tuple(str(p) for p in paths))


T = TypeVar("T")


def per_catalog(
    store: dict[int, tuple[Catalog, T]], catalog: Catalog, build: Callable[[Catalog], T]
) -> T:
    """What ``build`` derives from ``catalog``, built once per catalog object and kept in
    ``store`` (at most 9 catalogs; a catalog reached again after a clear is rebuilt)."""
    cached = store.get(id(catalog))
    if cached is not None and cached[0] is catalog:
        return cached[1]
    value = build(catalog)
    if len(store) > 8:
        store.clear()
    store[id(catalog)] = (catalog, value)
    return value


_CACHE: dict[tuple[tuple[str, float, int], ...], Catalog] = {}


def _key_cached(paths: tuple[str, ...]) -> Catalog:
    stamps: list[tuple[str, float, int]] = []
    for p in paths:
        try:
            st = Path(p).stat()
            stamps.append((p, st.st_mtime, st.st_size))
        except OSError:
            stamps.append((p, -1.0, -1))
    key = tuple(stamps)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    disk = _disk_entry(paths)
    catalog = _read_disk(disk) if disk is not None else None
    if catalog is None:
        catalog = _Builder().build([Path(p) for p in paths])
        if disk is not None:
            _write_disk(disk, catalog)
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[key] = catalog
    return catalog


# Built catalogs are also kept on disk (``$DATAFLOW_CACHE_DIR`` or ``~/.cache/dataflow``), keyed
# by a hash of the catalog files (paths and bytes) and of the code that builds them (every
# dataflow module this one imports), so that a new process (``dataflow check`` in a pre-commit
# hook) does not parse and validate the YAML again. The folder is shared by every checkout and
# version of dataflow a user runs, and by their ``--catalog`` files: entries are dropped least
# recently *used* first (a hit refreshes the file's time), so the ones in use stay.
_DISK_FORMAT = b"dataflow-catalog-cache-2"
_DISK_KEEP = 32  # cached catalogs kept (about 140 kB each)
_BUILDER_SOURCES = (
    "catalog.py",
    "model.py",
    "yamlio.py",
    "errors.py",
    "sensitivity.py",
    "paths.py",
    "__init__.py",
)


def _disk_entry(paths: Sequence[str]) -> Path | None:
    """Where the built catalog of ``paths`` is cached (``None``: a file is unreadable)."""
    digest = hashlib.sha256(_DISK_FORMAT)
    digest.update(sys.version.encode())
    package = Path(__file__).resolve().parent
    try:
        for name in _BUILDER_SOURCES:
            digest.update((package / name).read_bytes())
        for p in paths:
            data = Path(p).read_bytes()
            digest.update(f"\0{p}\0{len(data)}\0".encode())
            digest.update(data)
        return cache_dir() / f"catalog-{digest.hexdigest()}.pickle"
    except (OSError, RuntimeError):
        return None


def _read_disk(path: Path) -> Catalog | None:
    try:
        if not path.is_file() or not private(path.parent, path):
            return None
        with path.open("rb") as fh:
            catalog = pickle.load(fh)  # our own file, in a folder only this user can write
    except Exception:  # a stale or damaged cache is rebuilt
        return None
    if not isinstance(catalog, Catalog):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: the last to be dropped
    return catalog


def _write_disk(path: Path, catalog: Catalog) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not private(path.parent):
            return
        old = sorted(path.parent.glob("catalog-*.pickle"), key=lambda p: p.stat().st_mtime)
        for stale in old[: max(0, len(old) - _DISK_KEEP + 1)]:
            with contextlib.suppress(OSError):
                stale.unlink()
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=".catalog-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(catalog, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except Exception:  # a read-only or full disk only costs the next process the rebuild
        return


def validate_files(paths: Sequence[Path], *, include_shipped: bool = True) -> list[CatalogProblem]:
    """Every problem in ``paths`` loaded on top of the shipped catalogs (empty list: valid)."""
    all_paths = (*shipped_files(), *paths) if include_shipped else tuple(paths)
    try:
        _Builder().build(list(all_paths))
    except CatalogValidationError as exc:
        return list(exc.problems)
    return []


class _Builder:
    """Loads files in order, merging sections and collecting problems."""

    def __init__(self) -> None:
        self.problems: list[CatalogProblem] = []
        self.elements: dict[str, dict[str, Any]] = {}
        self.element_where: dict[str, tuple[YamlDoc, str]] = {}
        self.categories: dict[str, Category] = {}
        self.category_where: dict[str, tuple[YamlDoc, str]] = {}
        self.grades: dict[Grade, GradeInfo] = {}
        self.escalations: dict[str, EscalationRule] = {}
        self.escalation_where: dict[str, tuple[YamlDoc, str]] = {}
        self.sectors: dict[str, Sector] = {}
        self.sector_where: dict[str, tuple[YamlDoc, str]] = {}
        self.dictionaries: dict[str, list[str]] = {}
        self.sources: dict[str, Source] = {}
        self.defaults: dict[str, Grade] = {
            "sensitive_pi": Grade.GENERAL_4,
            "pi": Grade.GENERAL_3,
            "unclassified": Grade.GENERAL_2,
        }
        self.versions: list[str] = []
        self.files: list[str] = []
        self.standards: dict[str, Standard] = {}
        self.sensitivity: dict[str, tuple[Ruling, ...]] = {}
        self.sensitivity_where: dict[str, tuple[YamlDoc, str]] = {}
        self.subjects: dict[str, list[str]] = {}
        self.families: dict[str, tuple[Family, YamlDoc, str]] = {}
        self.deidentified: DeidentifiedRule | None = None

    # -- problem helpers --
    def add(self, doc: YamlDoc, key: str, message: str) -> None:
        self.problems.append(CatalogProblem(doc.path, doc.line(key), key or None, message))

    def build(self, paths: Sequence[Path]) -> Catalog:
        for path in paths:
            try:
                doc = load_yaml(path, error_cls=CatalogError)
            except UserError as exc:
                self.problems.append(
                    CatalogProblem(exc.path or str(path), exc.line, exc.key, exc.message)
                )
                continue
            self.files.append(doc.path)
            self._load_doc(doc)
        catalog = self._finish()
        if self.problems:
            raise CatalogValidationError(self.problems)
        assert catalog is not None
        return catalog

    # -- per file --
    def _load_doc(self, doc: YamlDoc) -> None:
        data = doc.data
        if data is None:
            self.add(doc, "", "empty catalog file (expected a mapping with schema_version: 1)")
            return
        if not isinstance(data, Mapping):
            self.add(doc, "", f"a catalog file must be a mapping, got {type_name(data)}")
            return
        for key in data:
            if key not in _TOP_KEYS:
                self.add(
                    doc,
                    str(key),
                    f"unknown top-level key {key!r} (allowed: {', '.join(_TOP_KEYS)})",
                )
        version = data.get("schema_version")
        if version is None:
            self.add(doc, "", "missing required key 'schema_version'")
        elif version != SCHEMA_VERSION or isinstance(version, bool):
            self.add(
                doc,
                "schema_version",
                f"unsupported schema_version {version!r} (this dataflow reads 1)",
            )
            return
        if "catalog" in data:
            self._load_meta(doc, data["catalog"])
        if "sources" in data:
            for i, item in self._items(doc, data["sources"], "sources"):
                self._load_source(doc, item, join_key("sources", i))
        if "categories" in data:
            for i, item in self._items(doc, data["categories"], "categories"):
                self._load_category(doc, item, join_key("categories", i))
        if "grades" in data:
            for i, item in self._items(doc, data["grades"], "grades"):
                self._load_grade(doc, item, join_key("grades", i))
        if "defaults" in data:
            self._load_defaults(doc, data["defaults"])
        if "elements" in data:
            seen: set[str] = set()
            for i, item in self._items(doc, data["elements"], "elements"):
                self._load_element(doc, item, join_key("elements", i), seen)
        if "escalations" in data:
            seen_rules: set[str] = set()
            for i, item in self._items(doc, data["escalations"], "escalations"):
                self._load_escalation(doc, item, join_key("escalations", i), seen_rules)
        if "deidentified" in data:
            self._load_deidentified(doc, data["deidentified"])
        if "sector" in data:
            self._load_sector(doc, data["sector"])
        if "dictionaries" in data:
            self._load_dictionaries(doc, data["dictionaries"])
        if "standards" in data:
            for i, item in self._items(doc, data["standards"], "standards"):
                standard = parse_standard(self.add, doc, item, join_key("standards", i))
                if standard is not None:
                    self.standards[standard.id] = standard
        if "sensitivity" in data:
            for i, item in self._items(doc, data["sensitivity"], "sensitivity"):
                key = join_key("sensitivity", i)
                parsed = parse_rulings(self.add, doc, item, key, ART28_GROUPS)
                if parsed is not None:
                    eid, rulings = parsed
                    merged = {r.standard: r for r in self.sensitivity.get(eid, ())}
                    merged.update({r.standard: r for r in rulings})
                    self.sensitivity[eid] = tuple(merged.values())
                    self.sensitivity_where[eid] = (doc, key)
        if "subjects" in data:
            self._load_subjects(doc, data["subjects"])
        if "families" in data:
            for i, item in self._items(doc, data["families"], "families"):
                self._load_family(doc, item, join_key("families", i))

    def _words(self, doc: YamlDoc, value: Any, key: str) -> list[str]:
        """A word list given as a list or as ``{en: […], zh: […]}`` (English lower-cased)."""
        out: list[str] = []
        if isinstance(value, Mapping):
            self._unknown(doc, value, key, ("en", "zh"))
            for lang in ("en", "zh"):
                if lang in value:
                    items = self._strings(doc, value[lang], join_key(key, lang))
                    out.extend(w if lang == "zh" else w.lower() for w in items)
        else:
            out.extend(w.lower() for w in self._strings(doc, value, key))
        return out

    def _load_subjects(self, doc: YamlDoc, value: Any) -> None:
        if not isinstance(value, Mapping):
            self.add(doc, "subjects", f"expected a mapping, got {type_name(value)}")
            return
        self._unknown(doc, value, "subjects", SUBJECT_KEYS)
        for name, words in value.items():
            if name not in SUBJECT_KEYS:
                continue
            key = join_key("subjects", name)
            if name == "roles":
                if not isinstance(words, Mapping):
                    self.add(doc, key, f"expected a mapping of roles, got {type_name(words)}")
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
                self.add(doc, join_key(key, "element"), "expected an element id")
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
        )
        self.families[fid] = (family, doc, key)

    def _items(self, doc: YamlDoc, value: Any, key: str) -> Iterable[tuple[int, dict[str, Any]]]:
        if not isinstance(value, list):
            self.add(doc, key, f"expected a list, got {type_name(value)}")
            return
        for i, item in enumerate(value):
            if not isinstance(item, Mapping):
                self.add(doc, join_key(key, i), f"expected a mapping, got {type_name(item)}")
                continue
            yield i, dict(item)

    def _unknown(
        self, doc: YamlDoc, item: Mapping[str, Any], key: str, allowed: Sequence[str]
    ) -> None:
        for k in item:
            if k not in allowed:
                self.add(
                    doc,
                    join_key(key, k),
                    f"unknown key {k!r} (allowed: {', '.join(sorted(allowed))})",
                )

    def _text(self, doc: YamlDoc, value: Any, key: str) -> Text | None:
        if not isinstance(value, Mapping):
            self.add(
                doc, key, f"expected a mapping with 'en' and 'zh' texts, got {type_name(value)}"
            )
            return None
        ok = True
        for lang in ("en", "zh"):
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                self.add(
                    doc,
                    join_key(key, lang) if lang in value else key,
                    f"missing or empty '{lang}' text",
                )
                ok = False
        for k in value:
            if k not in ("en", "zh"):
                self.add(doc, join_key(key, k), f"unknown language {k!r} (allowed: en, zh)")
        return Text(en=str(value["en"]), zh=str(value["zh"])) if ok else None

    def _strings(self, doc: YamlDoc, value: Any, key: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.add(doc, key, f"expected a list of strings, got {type_name(value)}")
            return ()
        out: list[str] = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.add(
                    doc, join_key(key, i), f"expected a non-empty string, got {type_name(item)}"
                )
                continue
            out.append(item.strip())
        return tuple(out)

    def _bool(self, doc: YamlDoc, value: Any, key: str) -> bool | None:
        if not isinstance(value, bool):
            self.add(doc, key, f"expected true or false, got {type_name(value)}")
            return None
        return value

    def _grade(self, doc: YamlDoc, value: Any, key: str) -> Grade | None:
        if not isinstance(value, str):
            self.add(doc, key, f"expected a grade name, got {type_name(value)}")
            return None
        try:
            return Grade.parse(value)
        except ValueError as exc:
            self.add(doc, key, str(exc))
            return None

    def _id(self, doc: YamlDoc, item: Mapping[str, Any], key: str) -> str | None:
        value = item.get("id")
        if value is None:
            self.add(doc, key, "missing required key 'id'")
            return None
        if not isinstance(value, str) or not _ID_RE.match(value):
            self.add(
                doc,
                join_key(key, "id"),
                f"invalid id {value!r}: lower-case dotted words, e.g. pi.contact.mobile",
            )
            return None
        return value

    # -- sections --
    def _load_meta(self, doc: YamlDoc, value: Any) -> None:
        if not isinstance(value, Mapping):
            self.add(doc, "catalog", f"expected a mapping, got {type_name(value)}")
            return
        self._unknown(doc, value, "catalog", ("id", "version", "title", "description"))
        version = value.get("version")
        if version is not None:
            if not isinstance(version, (str, int, float)) or isinstance(version, bool):
                self.add(
                    doc, "catalog.version", f"expected a version string, got {type_name(version)}"
                )
            else:
                cid = value.get("id")
                label = f"{cid}@{version}" if isinstance(cid, str) else str(version)
                self.versions.append(label)
        if "title" in value:
            self._text(doc, value["title"], "catalog.title")

    def _load_source(self, doc: YamlDoc, item: dict[str, Any], key: str) -> None:
        self._unknown(doc, item, key, ("id", "title", "url"))
        sid = item.get("id")
        if not isinstance(sid, str) or not sid:
            self.add(doc, key, "a source needs an 'id' string")
            return
        title = item.get("title")
        if not isinstance(title, str) or not title:
            self.add(doc, join_key(key, "title"), "a source needs a 'title' string")
            return
        url = item.get("url")
        if url is not None and not isinstance(url, str):
            self.add(doc, join_key(key, "url"), f"expected a string, got {type_name(url)}")
            url = None
        self.sources[sid] = Source(sid, title, url)

    def _load_category(self, doc: YamlDoc, item: dict[str, Any], key: str) -> None:
        self._unknown(doc, item, key, ("id", "names", "references", "description"))
        cid = self._id(doc, item, key)
        if cid is None:
            return
        existing = self.categories.get(cid)
        names: Text | None = existing.names if existing else None
        if "names" in item:
            names = self._text(doc, item["names"], join_key(key, "names"))
        elif existing is None:
            self.add(doc, key, f"category {cid!r}: missing required key 'names'")
        refs = existing.references if existing else ()
        if "references" in item:
            refs = self._strings(doc, item["references"], join_key(key, "references"))
        if names is not None:
            self.categories[cid] = Category(cid, names, refs, doc.path)
            self.category_where[cid] = (doc, key)

    def _load_grade(self, doc: YamlDoc, item: dict[str, Any], key: str) -> None:
        self._unknown(doc, item, key, ("grade", "names", "description", "reference"))
        grade = self._grade(doc, item.get("grade"), join_key(key, "grade"))
        names = self._text(doc, item.get("names"), join_key(key, "names"))
        description = None
        if "description" in item:
            description = self._text(doc, item["description"], join_key(key, "description"))
        reference = item.get("reference")
        if reference is not None and not isinstance(reference, str):
            self.add(
                doc, join_key(key, "reference"), f"expected a string, got {type_name(reference)}"
            )
            reference = None
        if grade is not None and names is not None:
            self.grades[grade] = GradeInfo(grade, names, description, reference)

    def _load_deidentified(self, doc: YamlDoc, value: Any) -> None:
        key = "deidentified"
        if not isinstance(value, Mapping):
            self.add(doc, key, f"expected a mapping, got {type_name(value)}")
            return
        fields = ("id", "steps_down", "reason", "reference")
        self._unknown(doc, value, key, fields)
        missing = [k for k in fields if k not in value]
        if missing:
            self.add(doc, key, f"missing: {', '.join(missing)}")
            return
        steps = value["steps_down"]
        if not isinstance(steps, int) or isinstance(steps, bool) or not 0 <= steps <= 2:
            self.add(doc, join_key(key, "steps_down"), "expected 0, 1 or 2")
            return
        reason = self._text(doc, value["reason"], join_key(key, "reason"))
        if reason is None:
            return
        self.deidentified = DeidentifiedRule(
            str(value["id"]), steps, reason, str(value["reference"])
        )

    def _load_defaults(self, doc: YamlDoc, value: Any) -> None:
        if not isinstance(value, Mapping):
            self.add(doc, "defaults", f"expected a mapping, got {type_name(value)}")
            return
        self._unknown(doc, value, "defaults", ("sensitive_pi", "pi", "unclassified"))
        for k in ("sensitive_pi", "pi", "unclassified"):
            if k in value:
                grade = self._grade(doc, value[k], join_key("defaults", k))
                if grade is not None:
                    self.defaults[k] = grade

    def _load_element(self, doc: YamlDoc, item: dict[str, Any], key: str, seen: set[str]) -> None:
        self._unknown(doc, item, key, _ELEMENT_KEYS)
        eid = self._id(doc, item, key)
        if eid is None:
            return
        if eid in seen:
            self.add(doc, join_key(key, "id"), f"duplicate element id {eid!r} in this file")
            return
        seen.add(eid)
        base = dict(self.elements.get(eid, {}))
        if not base:
            for required in ("names", "pi"):
                if required not in item:
                    self.add(doc, key, f"element {eid!r}: missing required key {required!r}")
        merged = dict(base)
        if "names" in item:
            merged["names"] = self._text(doc, item["names"], join_key(key, "names"))
        if "description" in item:
            merged["description"] = self._text(
                doc, item["description"], join_key(key, "description")
            )
        category = eid.rsplit(".", 1)[0] if "." in eid else ""
        if "." not in eid:
            self.add(
                doc,
                join_key(key, "id"),
                f"element id {eid!r} needs a category prefix (domain.category.element)",
            )
        if "category" in item and item["category"] != category:
            self.add(
                doc,
                join_key(key, "category"),
                f"category {item['category']!r} does not match the id's parent {category!r}",
            )
        merged["category"] = category
        for flag in ("pi", "sensitive", "direct_identifier", "detect", "deprecated"):
            if flag in item:
                value = self._bool(doc, item[flag], join_key(key, flag))
                if value is not None:
                    merged[flag] = value
        if "sensitive_group" in item:
            group = item["sensitive_group"]
            if group is not None and group not in ART28_GROUPS:
                self.add(
                    doc,
                    join_key(key, "sensitive_group"),
                    f"unknown PIPL Art. 28 group {group!r} (allowed: {', '.join(ART28_GROUPS)})",
                )
            else:
                merged["sensitive_group"] = group
        if "grade" in item:
            grade = self._grade(doc, item["grade"], join_key(key, "grade"))
            if grade is not None:
                merged["grade"] = grade
        if "types" in item:
            types = self._strings(doc, item["types"], join_key(key, "types"))
            for i, t in enumerate(types):
                if t not in TYPE_CLASSES:
                    self.add(
                        doc,
                        join_key(join_key(key, "types"), i),
                        f"unknown type class {t!r} (allowed: {', '.join(TYPE_CLASSES)})",
                    )
            merged["types"] = tuple(t for t in types if t in TYPE_CLASSES)
        if "keywords" in item:
            merged["keywords"] = self._keywords(doc, item["keywords"], join_key(key, "keywords"))
        if "entities" in item:
            entities = self._strings(doc, item["entities"], join_key(key, "entities"))
            for i, ent in enumerate(entities):
                if not _ENTITY_RE.match(ent):
                    self.add(
                        doc,
                        join_key(join_key(key, "entities"), i),
                        f"invalid entity name {ent!r} (upper-case, e.g. CN_MOBILE)",
                    )
            merged["entities"] = entities
        for listkey in ("references", "sources"):
            if listkey in item:
                merged[listkey] = self._strings(doc, item[listkey], join_key(key, listkey))
        if "replaced_by" in item:
            rb = item["replaced_by"]
            if rb is not None and not isinstance(rb, str):
                self.add(
                    doc,
                    join_key(key, "replaced_by"),
                    f"expected an element id, got {type_name(rb)}",
                )
            else:
                merged["replaced_by"] = rb
        merged["origin"] = doc.path
        self.elements[eid] = merged
        self.element_where[eid] = (doc, key)

    def _keywords(self, doc: YamlDoc, value: Any, key: str) -> Keywords:
        if not isinstance(value, Mapping):
            self.add(doc, key, f"expected a mapping of keyword lists, got {type_name(value)}")
            return Keywords()
        self._unknown(doc, value, key, KEYWORD_KINDS)
        out: dict[str, tuple[str, ...]] = {}
        for kind in KEYWORD_KINDS:
            if kind in value:
                words = self._strings(doc, value[kind], join_key(key, kind))
                out[kind] = tuple(w if kind == "zh" else w.lower() for w in words)
        return Keywords(**out)

    def _load_escalation(
        self, doc: YamlDoc, item: dict[str, Any], key: str, seen: set[str]
    ) -> None:
        allowed = (
            "id",
            "kind",
            "to",
            "when",
            "reason",
            "reference",
            "source",
            "important_data",
            "mark_sensitive",
        )
        self._unknown(doc, item, key, allowed)
        rid = self._id(doc, item, key)
        if rid is None:
            return
        if rid in seen:
            self.add(doc, join_key(key, "id"), f"duplicate escalation rule id {rid!r} in this file")
            return
        seen.add(rid)
        existing = self.escalations.get(rid)
        missing = [k for k in ("to", "when", "reason", "reference") if k not in item]
        if existing is None and missing:
            for k in missing:
                self.add(doc, key, f"escalation {rid!r}: missing required key {k!r}")
            return
        kind = item.get("kind", existing.kind if existing else "combination")
        if kind not in ("combination", "volume", "precision", "context", "sector"):
            self.add(
                doc,
                join_key(key, "kind"),
                f"unknown rule kind {kind!r} (allowed: combination, context, precision, sector, volume)",
            )
        to = (
            self._grade(doc, item["to"], join_key(key, "to"))
            if "to" in item
            else (existing.to if existing else None)
        )
        when = (
            self._condition(doc, item["when"], join_key(key, "when"))
            if "when" in item
            else (existing.when if existing else None)
        )
        reason = (
            self._text(doc, item["reason"], join_key(key, "reason"))
            if "reason" in item
            else (existing.reason if existing else None)
        )
        reference = item.get("reference", existing.reference if existing else None)
        if not isinstance(reference, str) or not reference.strip():
            self.add(
                doc,
                join_key(key, "reference"),
                "a rule needs a 'reference' (the clause it comes from)",
            )
            reference = None
        source = item.get("source", existing.source if existing else None)
        if source is not None and not isinstance(source, str):
            self.add(doc, join_key(key, "source"), f"expected a string, got {type_name(source)}")
            source = None
        important = item.get("important_data", existing.important_data if existing else None)
        if important not in (None, "candidate", "confirmed"):
            self.add(doc, join_key(key, "important_data"), "expected 'candidate' or 'confirmed'")
            important = None
        mark = item.get("mark_sensitive", existing.mark_sensitive if existing else None)
        if mark is not None and mark not in ART28_GROUPS:
            self.add(doc, join_key(key, "mark_sensitive"), f"unknown PIPL Art. 28 group {mark!r}")
            mark = None
        if to is None or when is None or reason is None or reference is None:
            return
        self.escalations[rid] = EscalationRule(
            rid, str(kind), to, when, reason, reference, source, important, mark, doc.path
        )
        self.escalation_where[rid] = (doc, key)

    def _condition(self, doc: YamlDoc, value: Any, key: str) -> Condition | None:
        if not isinstance(value, Mapping) or not value:
            self.add(
                doc, key, f"expected a non-empty mapping of conditions, got {type_name(value)}"
            )
            return None
        self._unknown(doc, value, key, CONDITION_KEYS)
        kwargs: dict[str, Any] = {}
        for k in (
            "elements_any",
            "elements_all",
            "categories_any",
            "sectors",
            "sensitive_groups_any",
        ):
            if k in value:
                kwargs[k] = self._strings(doc, value[k], join_key(key, k))
        if "dataset_terms_any" in value:
            kwargs["dataset_terms_any"] = tuple(
                w.lower()
                for w in self._strings(
                    doc, value["dataset_terms_any"], join_key(key, "dataset_terms_any")
                )
            )
        for k in ("sensitive", "direct_identifier", "personal"):
            if k in value:
                kwargs[k] = self._bool(doc, value[k], join_key(key, k))
        for k in ("subjects_gt", "subjects_gte"):
            if k in value:
                n = value[k]
                if not isinstance(n, int) or isinstance(n, bool) or n < 0:
                    self.add(
                        doc, join_key(key, k), f"expected a whole number ≥ 0, got {type_name(n)}"
                    )
                else:
                    kwargs[k] = n
        for i, g in enumerate(kwargs.get("sensitive_groups_any", ())):
            if g not in ART28_GROUPS:
                self.add(
                    doc,
                    join_key(join_key(key, "sensitive_groups_any"), i),
                    f"unknown PIPL Art. 28 group {g!r}",
                )
        return Condition(**kwargs)

    def _load_sector(self, doc: YamlDoc, value: Any) -> None:
        if not isinstance(value, Mapping):
            self.add(doc, "sector", f"expected a mapping, got {type_name(value)}")
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
            self.add(doc, "sector.scheme", f"expected a string, got {type_name(scheme)}")
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
            self.add(doc, "sector.element_levels", f"expected a mapping, got {type_name(mapping)}")
        else:
            level_ids = {lv.id for lv in levels}
            for eid, lid in mapping.items():
                if lid not in level_ids:
                    self.add(
                        doc,
                        join_key("sector.element_levels", eid),
                        f"unknown level {lid!r} (defined: {', '.join(sorted(level_ids))})",
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
            self.add(doc, "dictionaries", f"expected a mapping, got {type_name(value)}")
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
                        f"expected a mapping of element ids to words, got {type_name(words)}",
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

    # -- cross-references --
    def _finish(self) -> Catalog | None:
        elements: dict[str, Element] = {}
        for eid, data in sorted(self.elements.items()):
            doc, key = self.element_where[eid]
            names = data.get("names")
            pi = data.get("pi")
            category = data["category"]
            if category and category not in self.categories:
                self.add(doc, join_key(key, "id"), f"category {category!r} is not defined")
            sensitive = bool(data.get("sensitive", False))
            group = data.get("sensitive_group")
            if sensitive and pi is False:
                self.add(
                    doc, join_key(key, "sensitive"), f"element {eid!r} is sensitive but not PI"
                )
            if sensitive and group is None:
                self.add(
                    doc,
                    key,
                    f"element {eid!r} is sensitive: set sensitive_group (a PIPL Art. 28 group)",
                )
            if not sensitive and group is not None:
                self.add(
                    doc,
                    join_key(key, "sensitive_group"),
                    f"element {eid!r} has a sensitive_group but sensitive is false",
                )
            if names is None or pi is None:
                continue  # already reported
            grade = data.get("grade")
            grade_explicit = grade is not None
            if grade is None:
                if sensitive:
                    grade = self.defaults["sensitive_pi"]
                elif pi:
                    grade = self.defaults["pi"]
                else:
                    grade = self.defaults["unclassified"]
            for src in data.get("sources", ()):
                if src not in self.sources:
                    self.add(
                        doc,
                        join_key(key, "sources"),
                        f"source {src!r} is not defined under 'sources'",
                    )
            elements[eid] = Element(
                id=eid,
                names=names,
                category=category,
                pi=bool(pi),
                sensitive=sensitive,
                grade=grade,
                sensitive_group=group if sensitive else None,
                direct_identifier=bool(data.get("direct_identifier", False)),
                types=tuple(data.get("types", DEFAULT_TYPES)) or DEFAULT_TYPES,
                keywords=data.get("keywords") or Keywords(),
                entities=tuple(data.get("entities", ())),
                references=tuple(data.get("references", ())),
                sources=tuple(data.get("sources", ())),
                detect=bool(data.get("detect", True)),
                deprecated=bool(data.get("deprecated", False)),
                replaced_by=data.get("replaced_by"),
                description=data.get("description"),
                origin=str(data.get("origin", "")),
                grade_explicit=grade_explicit,
            )
        for eid, rulings in sorted(self.sensitivity.items()):
            doc, key = self.sensitivity_where[eid]
            if eid not in elements:
                self.add(doc, join_key(key, "element"), f"unknown element {eid!r}")
            for r in rulings:
                if r.standard not in self.standards:
                    self.add(
                        doc,
                        join_key(join_key(key, "standards"), r.standard),
                        f"standard {r.standard!r} is not defined under 'standards'",
                    )
                elif r.sensitive and eid in elements and not elements[eid].pi:
                    self.add(doc, key, f"element {eid!r} is sensitive but not PI")
        for eid, element in elements.items():
            if element.replaced_by is not None and element.replaced_by not in elements:
                doc, key = self.element_where[eid]
                self.add(
                    doc,
                    join_key(key, "replaced_by"),
                    f"replaced_by {element.replaced_by!r} is not a known element",
                )
        for cid in sorted(self.categories):
            if "." in cid:
                parent = cid.rsplit(".", 1)[0]
                if parent not in self.categories:
                    doc, key = self.category_where[cid]
                    self.add(
                        doc,
                        join_key(key, "id"),
                        f"parent category {parent!r} of {cid!r} is not defined",
                    )
        for rid, rule in sorted(self.escalations.items()):
            doc, key = self.escalation_where[rid]
            wkey = join_key(key, "when")
            for ref in (*rule.when.elements_any, *rule.when.elements_all):
                if ref not in elements and not any(e.startswith(ref + ".") for e in elements):
                    self.add(doc, wkey, f"rule {rid!r} names unknown element {ref!r}")
            for ref in rule.when.categories_any:
                if ref not in self.categories:
                    self.add(doc, wkey, f"rule {rid!r} names unknown category {ref!r}")
            for ref in rule.when.sectors:
                if ref not in self.sectors:
                    self.add(doc, wkey, f"rule {rid!r} names unknown sector {ref!r}")
        for sid, sector in sorted(self.sectors.items()):
            doc, key = self.sector_where[sid]
            for eid in sorted(sector.element_levels):
                if eid not in elements:
                    self.add(
                        doc, join_key("sector.element_levels", eid), f"unknown element {eid!r}"
                    )
        for family, doc, key in self.families.values():
            if family.element not in elements:
                self.add(
                    doc,
                    join_key(key, "element"),
                    f"family {family.id!r} names unknown element {family.element!r}",
                )
        if self.files and self.elements and len(self.grades) < len(Grade):
            missing = [g.label for g in Grade if g not in self.grades]
            path = self.files[0]
            self.problems.append(
                CatalogProblem(
                    path, None, "grades", f"grade names missing for: {', '.join(missing)}"
                )
            )
        if self.problems:
            return None
        return Catalog(
            elements=elements,
            categories=dict(sorted(self.categories.items())),
            grades=dict(sorted(self.grades.items())),
            escalations=tuple(sorted(self.escalations.values(), key=lambda r: r.id)),
            sectors=dict(sorted(self.sectors.items())),
            dictionaries=Dictionaries({k: tuple(v) for k, v in sorted(self.dictionaries.items())}),
            sources=dict(sorted(self.sources.items())),
            defaults=dict(self.defaults),
            version="+".join(self.versions) if self.versions else "unversioned",
            files=tuple(self.files),
            standards=dict(sorted(self.standards.items())),
            sensitivity=dict(sorted(self.sensitivity.items())),
            subjects={k: tuple(v) for k, v in sorted(self.subjects.items())},
            families=tuple(f for f, _, _ in self.families.values()),
            deidentified=self.deidentified,
        )


def with_elements(catalog: Catalog, elements: Iterable[Element]) -> Catalog:
    """A copy of ``catalog`` with ``elements`` added or replaced (for tests and tools)."""
    merged = dict(catalog.elements)
    for element in elements:
        merged[element.id] = element
    return replace(catalog, elements=dict(sorted(merged.items())))
