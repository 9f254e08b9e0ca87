"""Domain types shared by every stage of the pipeline.

Pure data: frozen dataclasses and enums, no I/O and no imports from the rest of dataflow.
Readers produce ``Dataset``/``SampleSet``; detection produces ``Evidence`` and ``FieldFinding``;
classification produces ``DatasetResult``; the scan produces ``ScanResult``. Raw sampled values
live only in ``SampleSet`` and never travel further: findings carry masked examples only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import Enum, IntEnum
from operator import attrgetter
from typing import Any


class Grade(IntEnum):
    """GB/T 43697 levels, with general data split in four (Annex H practice). Ordered."""

    GENERAL_1 = 1
    GENERAL_2 = 2
    GENERAL_3 = 3
    GENERAL_4 = 4
    IMPORTANT = 5
    CORE = 6

    @property
    def label(self) -> str:
        """Stable text form used in files and JSON: ``general-3``, ``important``, ``core``."""
        return _GRADE_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Grade:
        """Parse ``general-3`` / ``important`` / ``core`` (case-insensitive, ``_`` allowed)."""
        key = text.strip().lower().replace("_", "-")
        for grade, label in _GRADE_LABELS.items():
            if label == key:
                return grade
        raise ValueError(
            f"unknown grade {text!r}; expected one of: {', '.join(_GRADE_LABELS.values())}"
        )


_GRADE_LABELS = {
    Grade.GENERAL_1: "general-1",
    Grade.GENERAL_2: "general-2",
    Grade.GENERAL_3: "general-3",
    Grade.GENERAL_4: "general-4",
    Grade.IMPORTANT: "important",
    Grade.CORE: "core",
}

GRADE_LABELS: tuple[str, ...] = tuple(_GRADE_LABELS.values())


class Severity(str, Enum):
    """How bad a reading problem is."""

    ERROR = "error"  # the file (or part of it) could not be read; the answer is incomplete
    WARNING = "warning"  # read, but something was ignored or guessed
    INFO = "info"  # a note: nothing was lost (a project file that holds no dataset)


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that could not be read (fully). Reported, never silently dropped.

    ``message`` must not contain scanned data values (third-party parser messages that
    quote input are rewritten before they get here).
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    severity: Severity = Severity.ERROR

    def render(self, lang: str = "en") -> str:
        """``path:line:col: message``, the message in ``lang`` when it carries both."""
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        message = self.message.get(lang) if isinstance(self.message, Words) else self.message
        return f"{where}{'：' if lang == 'zh' else ': '}{message}"


@dataclass(frozen=True, slots=True)
class Field:
    """One column or member of a dataset, as a schema describes it.

    ``pointer`` is ``<dataset>.<path>``: nested members joined by ``.``, array items as ``[]``
    (DESIGN §3.1). ``name`` is the last path segment (without ``[]``).
    """

    name: str
    pointer: str
    data_type: str | None = None
    comment: str | None = None
    line: int | None = None
    nullable: bool | None = None
    # Enumerated allowed values from the schema itself (JSON Schema enum, Avro enum symbols);
    # these are schema metadata, not sampled data.
    enum_values: tuple[str, ...] = ()
    # Inline allow comments from the schema (SQL ``-- dataflow: allow <element> "reason"`` on or
    # just above the column line): ``(element id, reason)`` pairs, in the order written.
    allow: tuple[tuple[str, str], ...] = ()
    # Where an API request carries the field, for an OpenAPI/Swagger parameter: ``header``,
    # ``cookie``, ``query``, ``path`` or ``formData`` (its ``in``); None for other fields.
    location: str | None = None


def path_in(pointer: str, dataset: str) -> str:
    """``pointer``'s path inside the dataset named ``dataset`` (``crm.users.address.city`` in
    ``crm.users`` → ``address.city``); the pointer itself when it does not start with it."""
    prefix = dataset + "."
    return pointer[len(prefix) :] if pointer.startswith(prefix) else pointer


def top_level(fld: Field, dataset: str) -> bool:
    """Whether ``fld`` is a top-level member of the dataset named ``dataset`` (a column, not a
    member nested inside one): its pointer is the dataset's name and then its own."""
    return fld.pointer == f"{dataset}.{fld.name}"


@dataclass(frozen=True, slots=True)
class ForeignKey:
    """A declared link from columns of a dataset to another dataset (SQL ``REFERENCES``)."""

    columns: tuple[str, ...]
    table: str
    ref_columns: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AddedKey:
    """A foreign key an ``ALTER TABLE`` adds to a table its own file does not create.

    A schema repository often keeps its keys in a later migration; the scan attaches the key
    to the dataset of that name read from another file (``readers.attach_added_keys``).
    """

    table: str
    key: ForeignKey
    line: int | None = None


@dataclass(frozen=True, slots=True)
class AlteredColumn:
    """A column an ``ALTER TABLE`` adds, changes, renames or drops (``ADD [COLUMN]``,
    ``MODIFY``, ``CHANGE``, ``ALTER COLUMN … TYPE``, ``RENAME COLUMN``, ``DROP [COLUMN]``) in a
    table its own file does not create.

    Migrations add a table's later columns in later files; the scan applies the change to the
    dataset of that name read from another file, or lists the column as a dataset of its own
    when no scanned file creates the table (``readers.attach_altered_columns``).
    """

    table: str
    field: Field  # the column as it is after the statement (its line: the statement's)
    renamed_from: str | None = None  # its name before a RENAME or CHANGE
    dropped: bool = False  # a DROP COLUMN: the column is no longer the table's
    # a MODIFY, CHANGE, ALTER COLUMN or RENAME COLUMN: it changes a column the table has
    # (one an earlier statement dropped stays dropped), where an ADD creates one
    modified: bool = False
    changeset: str | None = None  # the Liquibase ``--changeset author:id`` it is part of


@dataclass(frozen=True, slots=True)
class CommentOn:
    """A ``COMMENT ON TABLE/COLUMN … IS '…'`` for a table its own file does not create.

    Oracle and PostgreSQL exports often keep the comments in files of their own
    (``comments/person.sql``); the scan gives the text to the table or column of that name read
    from another file when it has none (``readers.attach_comments``).
    """

    table: str
    column: str | None  # None: the table's comment
    text: str


@dataclass(frozen=True, slots=True)
class ApiContext:
    """What an API description says around one of its schemas, beyond the schema itself.

    ``purpose``: the API's title and description (``info``), the first lines only;
    ``end_user``: ``True`` when the operations act for a signed-in person (an OAuth flow with
    the user present — authorization code, implicit, password — or OpenID Connect), ``False``
    when only machine credentials are declared (client credentials, API keys, mutual TLS),
    ``None`` when the document declares no security; ``path_params``: the names of the path
    parameters of the operations that send or return the schema (``nino`` of
    ``/individuals/{nino}/accounts``), at most a few; a bare key (``{id}``) is given with the
    collection before it (``users/{id}`` of ``/users/{id}/orders``).
    """

    purpose: str | None = None
    end_user: bool | None = None
    path_params: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Dataset:
    """A table, record or document type read from one schema file."""

    name: str
    source_path: str
    source_format: str
    fields: tuple[Field, ...]
    comment: str | None = None
    line: int | None = None
    # Declared keys, where the format has them (SQL PRIMARY KEY / REFERENCES).
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    # Read from an API description (OpenAPI, Swagger): its purpose, security and the operation.
    api: ApiContext | None = None


@dataclass(frozen=True, slots=True)
class SampleSet:
    """Sampled values of one dataset, per column. Holds raw data: never render it.

    ``columns`` maps a field pointer *or* bare column name to the sampled non-null values
    (strings, de-duplicated, bounded). ``rows_read`` is the number of rows seen while sampling.
    """

    source_path: str
    columns: dict[str, tuple[str, ...]]
    rows_read: int
    distinct: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What a reader returns for one file: datasets (possibly partial) and problems."""

    path: str
    format: str
    datasets: tuple[Dataset, ...] = ()
    samples: dict[str, SampleSet] = field(default_factory=dict)  # by dataset name
    problems: tuple[Problem, ...] = ()
    added_keys: tuple[AddedKey, ...] = ()  # for tables of other files
    altered_columns: tuple[AlteredColumn, ...] = ()  # for tables of other files
    comments: tuple[CommentOn, ...] = ()  # COMMENT ON texts for tables of other files


#: Weights and confidences as reports write them (rounded to 3 places), per distinct non-zero
#: float: a report of thousands of tables writes a few dozen of them again and again.
_ROUNDED: dict[float, float] = {}


def round3(number: float) -> float:
    """``round(number, 3)``, kept per distinct float (zero, whose sign the key would lose, and
    numbers of other types, whose ``round`` keeps their type, are rounded each time)."""
    if type(number) is not float or not number:
        return round(number, 3)
    found = _ROUNDED.get(number)
    if found is None:
        if len(_ROUNDED) >= 4096:
            _ROUNDED.clear()
        found = _ROUNDED[number] = round(number, 3)
    return found


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason behind a verdict. Never contains a raw value (``example`` is masked).

    ``source``: ``name`` (field-name dictionary), ``comment`` (comment/description),
    ``type`` (data-type gate), ``value`` (content recognizer over samples), ``negative``
    (negative evidence that lowered or vetoed a guess), ``context`` (table/dataset context),
    ``declared`` (user declaration or inline allow).
    """

    source: str
    rule: str
    detail: str
    element: str | None = None
    weight: float = 0.0
    example: str | None = None  # masked, e.g. 138****5678
    match_rate: float | None = None
    sample_size: int | None = None

    def as_dict(self) -> dict[str, object]:
        """Builtin-typed record for JSON output (keys sorted by the renderer)."""
        out: dict[str, object] = {
            "source": self.source,
            "rule": self.rule,
            "detail": self.detail,
        }
        if self.element is not None:
            out["element"] = self.element
        if self.weight:
            out["weight"] = round3(self.weight)
        if self.example is not None:
            out["example"] = self.example
        if self.match_rate is not None:
            out["match_rate"] = round(self.match_rate, 4)
        if self.sample_size is not None:
            out["sample_size"] = self.sample_size
        return out


@dataclass(frozen=True, slots=True)
class FieldFinding:
    """The verdict on one field: what it is, how sensitive, its grade, and why."""

    field: Field
    dataset: str
    personal: bool
    sensitive: bool
    element: str | None
    category: str | None
    grade: Grade
    confidence: float
    evidence: tuple[Evidence, ...] = ()
    # "column" when the column *is* the element; "contains" for free text that contains some.
    kind: str = "column"
    sensitive_group: str | None = None  # PIPL Art. 28 group id when sensitive
    # the values are masked or hashed forms of the element (PIPL Art. 73(3): still PI)
    deidentified: bool = False


@dataclass(frozen=True, slots=True)
class GradeRaise:
    """An escalation rule that raised a dataset's grade, named so it can be explained."""

    rule: str
    from_grade: Grade
    to_grade: Grade
    reason: str
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class SubjectLink:
    """Why a dataset is about a person: ``column`` of it points to dataset ``target``.

    ``via`` says how the link was found: ``foreign_key``, ``naming``, ``comment``, ``nesting``.
    ``target`` is ``None`` when the column names a person's key that no scanned dataset defines.
    """

    column: str
    target: str | None
    via: str

    def render(self, dataset: str) -> str:
        """``md_wz_life.patientarchive_id → md_peispatientarchive``."""
        return f"{dataset}.{self.column} → {self.target or 'a person'}"


@dataclass(frozen=True, slots=True)
class Subject:
    """What the rows of a dataset are about (``person``, ``person_linked``, ``organisation``,
    ``reference``, ``system``, ``unknown``), the person's role where it shows, and why."""

    kind: str = "unknown"
    role: str | None = None
    evidence: tuple[str, ...] = ()
    links: tuple[SubjectLink, ...] = ()
    # the rows are not records of the person themselves: person_linked only through other
    # person-linked datasets (a form's fields → the form → its user), or one column of an
    # otherwise unknown table names someone (`teacher_title` of a course list)
    indirect: bool = False

    @property
    def about_person(self) -> bool:
        """Whether fields describing the subject are a person's information."""
        return self.kind in ("person", "person_linked")


@dataclass(frozen=True, slots=True)
class DatasetResult:
    """A dataset with its field findings and overall grade."""

    dataset: Dataset
    findings: tuple[FieldFinding, ...]
    grade: Grade
    categories: tuple[str, ...] = ()
    raises: tuple[GradeRaise, ...] = ()
    sampled: bool = False
    rows_scanned: int | None = None
    # Entries of the user's negative lists (``scan --negative-list``) this dataset hits.
    negative_list_hits: tuple[NegativeListHit, ...] = ()
    subject: Subject | None = None
    # The sample file attached to the dataset (``--sample TABLE=FILE``, manifest ``sample:``),
    # when it is another file than the schema's.
    sample_path: str | None = None


@dataclass(frozen=True, slots=True)
class ScanResult:
    """Everything a scan found, ready for a formatter."""

    datasets: tuple[DatasetResult, ...]
    problems: tuple[Problem, ...] = ()
    files_scanned: int = 0
    catalog_version: str | None = None
    notices: tuple[str, ...] = ()
    # Report parts written while the scan ran (``scan_paths(prepare=...)``), each with the
    # dataset it was written from: a renderer takes a part only for that very object, so a
    # dataset replaced since (``dataclasses.replace``) is written again. Not compared.
    prepared: tuple[tuple[DatasetResult, Any], ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Text:
    """A human-readable text in both output languages (``--lang en|zh``)."""

    en: str
    zh: str

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``zh`` or ``en``; anything else gives English)."""
        return self.zh if lang == "zh" else self.en

    def fill(self, lang: str, **values: object) -> str:
        """The text in ``lang`` with its ``{placeholders}`` filled (as is without values)."""
        text = self.get(lang)
        return text.format(**values) if values else text


class Words(str):
    """A sentence in English that also carries its Chinese: it *is* the English ``str`` (what
    JSON, SARIF and every existing comparison see) and ``get("zh")`` gives the Chinese, so a
    message built once in both languages (``i18n.msg``) reaches the human-readable reports
    under ``--lang zh`` without changing the machine-readable ones."""

    __slots__ = ("zh",)
    zh: str

    def __new__(cls, en: str, zh: str) -> Words:
        self = super().__new__(cls, en)
        self.zh = zh
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Words, (str(self), self.zh))

    @property
    def en(self) -> str:
        """The English sentence, as a plain ``str``."""
        return str(self)

    def get(self, lang: str) -> str:
        """The sentence in ``lang`` (``zh`` or ``en``)."""
        return self.zh if lang == "zh" else str(self)


def in_lang(text: str | Text | None, lang: str) -> str:
    """``text`` in ``lang`` when it carries both languages (``Words``, ``Text``); else as is."""
    if text is None:
        return ""
    if isinstance(text, (Words, Text)):
        return text.get(lang)
    return text


@dataclass(frozen=True, slots=True)
class Citation:
    """A legal or standard reference, e.g. ``PIPL Art. 38`` or ``Provisions Art. 7(2)``."""

    instrument: str
    article: str
    verified: str = "C"  # V verified / C corroborated / K recalled (regulations.md tags)

    def render(self) -> str:
        """``PIPL Art. 38``."""
        return f"{self.instrument} {self.article}".strip()


@dataclass(frozen=True, slots=True)
class Reason:
    """One step of the decision, with its legal basis."""

    code: str
    text: Text
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Obligation:
    """Something the exporter must do, with its article."""

    id: str
    text: Text
    citations: tuple[Citation, ...] = ()
    deadline: str | None = None


@dataclass(frozen=True, slots=True)
class NegativeListHit:
    """A negative-list entry that matched a transfer, explaining itself."""

    list_id: str
    entry_id: str
    required_mechanism: str  # security_assessment | standard_contract_or_certification | prohibited
    message: str
    fields: tuple[str, ...] = ()  # pointers of the fields that made it match
    conditions: tuple[str, ...] = ()  # each condition that held, rendered, e.g. "sensitive: true"
    source: str | None = None
    verified: bool = True
    jurisdiction: str = "national"
    zone: str | None = None
    # none | candidate | confirmed: what the entry says about important data. A hit on a
    # ``candidate`` entry for data whose status is not confirmed is a review item, not binding.
    important_data: str = "none"
    binding: bool = True  # false: the mechanism applies only once the data is confirmed
    text: Text | None = None  # the entry's message in both languages (``message`` is English)
    list_version: str | None = None


@dataclass(frozen=True, slots=True)
class Remediation:
    """A change that would make the transfer need a lighter mechanism (checked by re-deciding)."""

    action: str  # drop | deidentify
    fields: tuple[str, ...]
    resulting_mechanism: str
    resulting_risk: str
    text: Text


@dataclass(frozen=True, slots=True)
class SettingEffect:
    """An open-question setting that decided a transfer's mechanism: its value, and the
    mechanism the other value would give (``catalogs/open_questions.yaml``)."""

    setting: str
    value: Any
    alternative: Any
    mechanism_with_alternative: str


@dataclass(frozen=True, slots=True)
class TransferAssessment:
    """The verdict on one planned outbound transfer."""

    id: str
    mechanism: str  # blocked | security_assessment | standard_contract_or_certification |
    # exempt | not_applicable | covered
    risk: str  # blocked | critical | high | medium | low
    datasets: tuple[str, ...]
    obligations: tuple[Obligation, ...] = ()
    negative_list_hits: tuple[NegativeListHit, ...] = ()
    reasons: tuple[Reason, ...] = ()
    open_questions: tuple[Text, ...] = ()
    remediation: tuple[Remediation, ...] = ()
    warnings: tuple[Text, ...] = ()
    fingerprint: str = ""
    rule_pack: str = ""
    as_of: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    manifest_path: str | None = None
    settings: tuple[SettingEffect, ...] = ()


@dataclass(frozen=True, slots=True)
class AssessResult:
    """``dataflow assess`` output: the scan of every dataset plus one record per transfer."""

    scan: ScanResult
    transfers: tuple[TransferAssessment, ...]


# --- pickling -------------------------------------------------------------------------------

_FIELD_VALUES: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _field_values(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """The function giving an instance's field values in the order of ``cls``'s constructor."""
    names = [f.name for f in fields(cls)]
    if len(names) == 1:
        name = names[0]
        return lambda obj: (getattr(obj, name),)
    return attrgetter(*names)


def _by_constructor(self: Any) -> tuple[Any, ...]:
    """Pickle a frozen dataclass as its class and field values, rebuilt by its constructor.
    ``dataclasses`` pickles slotted classes through a ``__setstate__`` written in Python that
    sets each field in turn; the results of a scan's workers come back to the parent as tens of
    thousands of them, and this pickles them twice as fast and unpickles them faster."""
    cls = self.__class__
    values = _FIELD_VALUES.get(cls)
    if values is None:  # a subclass (``CopiedColumns``) has fields of its own
        values = _FIELD_VALUES[cls] = _field_values(cls)
    return (cls, values(self))


for _cls in (
    Problem,
    Field,
    ForeignKey,
    AddedKey,
    AlteredColumn,
    CommentOn,
    Dataset,
    SampleSet,
    ReadResult,
    Evidence,
    FieldFinding,
    GradeRaise,
    SubjectLink,
    Subject,
    DatasetResult,
    ScanResult,
    Text,
):
    _cls.__reduce__ = _by_constructor  # type: ignore[method-assign]
