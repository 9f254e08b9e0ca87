"""Catalog data types: elements, categories, grades, rules, sectors and the ``Catalog``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from dataflow.condition import ESCALATION_KEYS, Condition
from dataflow.errors import CatalogError, UserError
from dataflow.model import Grade, Text
from dataflow.sensitivity import Ruling, Standard

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

#: Column-type classes an element may declare in ``types`` (see detect/metadata/words.py).
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

CONDITION_KEYS: tuple[str, ...] = ESCALATION_KEYS

DICTIONARY_KEYS: tuple[str, ...] = (
    "person_context",
    "non_person_context",
    "non_person_qualifiers",
    "dictionary_tables",
    "code_list_attributes",
    "negative_prefixes",
    "negative_suffixes",
    "bound_prefixes",
    "bookkeeping_prefixes",
    "event_suffixes",
    "reference_suffixes",
    "filler",
    "negative_zh",
    "event_zh",
    "zh_straddled_words",
    "thing_name_words_zh",
    "entry_name_words_zh",
    "person_endings_zh",
    "name_qualifiers_zh",
    "kept_things_zh",
    "health_tables",
    "health_value_columns",
    "health_meta_columns",
    "exam_sat_zh",
    "table_tails",
    "weak_person_heads",
    "personal_name_parts",
    "negative_en_comment",
    "code_words",
    "pinyin_syllables",
    "initials_person_endings",
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
    # On the topic, the family claims every column before other families' words do (a place or
    # an employer in a credit report's minimum-living-support part is part of that report).
    topic_first: bool = False


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

    def render(self, lang: str = "en") -> str:
        """``path:line: key: message``, the message in ``lang``."""
        return UserError(self.message, path=self.path, line=self.line, key=self.key).render(lang)


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

    def render(self, lang: str = "en") -> str:
        """Every problem on its own line, the messages in ``lang``."""
        problems = getattr(self, "problems", ())
        if not problems:
            return super().render(lang)
        return "\n".join(p.render(lang) for p in problems)


def with_elements(catalog: Catalog, elements: Iterable[Element]) -> Catalog:
    """A copy of ``catalog`` with ``elements`` added or replaced (for tests and tools)."""
    merged = dict(catalog.elements)
    for element in elements:
        merged[element.id] = element
    return replace(catalog, elements=dict(sorted(merged.items())))
