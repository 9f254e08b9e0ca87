"""Metadata detection: what a field probably holds, judged from its name, comment and type.

Evidence, in order of strength:

- **comment / description** — a Chinese ``COMMENT '手机号码'`` usually says exactly what the
  column is; the head noun (the last dictionary term in the comment) wins;
- **name** — split into tokens (snake, camel, kebab, digits) and matched against the catalog's
  English, pinyin (``shoujihao``), pinyin-initial (``sfzh``) and abbreviation dictionaries;
  Chinese names are matched like comments;
- **context** — generic words (``name``, ``city``) count only in a table or parent object about
  people (``users``, ``resume.basics``);
- **negative evidence** — flags and counters (``is_*``, ``has_*``, ``*_count``, ``*_status``,
  ``*_type``, ``是否…``), event timestamps (``email_verified_at``), references to another record
  (``address_id``), things that are not people (``shop_phone``, ``post_code`` in a job-post
  table), dictionary tables (``dict_disease``, ``sys_region``, ``地区字典``);
- **type gate** — a ``tinyint`` cannot hold a name, an ``int`` cannot hold an e-mail.

Every verdict keeps its reasons as ``model.Evidence``. No Presidio or spaCy here: this module
must stay fast enough for a pre-commit hook.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from dataflow.catalog import Catalog, Element, per_catalog
from dataflow.model import Dataset, Evidence, Field

#: A metadata verdict at or above this confidence says the field is the element.
PI_THRESHOLD = 0.5

# Weights of the kinds of evidence (noisy-OR combined per element).
W_NAME_FULL = 0.9
W_NAME_PARTIAL = 0.72
W_NAME_SUBSTRING = 0.6
W_INITIALS_PARTIAL = 0.55
W_WEAK_PERSON = 0.75
W_WEAK_PERSON_PARTIAL = 0.62
W_WEAK_UNKNOWN = 0.35
W_WEAK_NON_PERSON = 0.08
W_ZH_HEAD_SHORT = 0.92
W_ZH_HEAD_LONG = 0.7
W_ZH_MODIFIER = 0.35
W_EN_COMMENT_SHORT = 0.7
W_EN_COMMENT_LONG = 0.45  # a long description alone does not make a field PI

F_REFERENCE = 0.35  # `address_id`: points at another record
F_NON_PERSON = 0.3  # `shop_phone`, a phone column in a `shop` table
F_DICTIONARY = 0.15  # a lookup table of disease names
F_COMMENT_NON_PERSON = 0.35  # comment says it belongs to a thing (门店电话)

_CJK = re.compile(r"[\u3400-\u9fff]")
_CAMEL = re.compile(
    r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])"
)
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_EN_COMMENT_NEGATIVE = (
    "whether",
    "true if",
    "indicates whether",
    "flag",
    "number of",
    "count of",
    "the number of",
    "the status",
    "status of",
    "type of",
    "the type",
    "when the",
    "date the",
    "time the",
    "timestamp",
)
_MAX_SPAN = 5
_CODE_WORDS = frozenset({"concept", "code", "cd", "source", "value"})
W_CONTEXT_ID = 0.6  # `customer.id` nested in another record
W_TABLE_KEY = 0.4  # a table's own `id` (below the threshold: a surrogate key says nothing itself)
W_HEALTH_TABLE = 0.7  # value/code column of a table of health events about a person
# Words that end a table name without saying what it is about (`member_login_log` is about members).
#: Where a comment's first clause ends.
_COMMENT_CLAUSE = re.compile(r"[,，;；:：(（]")
_TABLE_TAIL = frozenset(
    [
        "info",
        "infos",
        "log",
        "logs",
        "history",
        "histories",
        "record",
        "records",
        "detail",
        "details",
        "relation",
        "relations",
        "rel",
        "map",
        "mapping",
        "table",
        "tbl",
        "t",
        "data",
        "list",
        "base",
        "main",
        "ext",
        "extend",
        "tmp",
        "temp",
        "bak",
        "backup",
        "new",
        "old",
        "schema",
        "schemas",
    ]
)
# Person words too generic to make a table about people on their own (`company_address`).
_WEAK_PERSON_HEADS = frozenset(
    [
        "address",
        "addresses",
        "account",
        "accounts",
        "contact",
        "contacts",
        "profile",
        "profiles",
        "shipping",
        "billing",
        "delivery",
        "receive",
        "receiving",
        "mailing",
        "admission",
        "admissions",
        "identity",
        "basics",
    ]
)
_ENUM_COMMENT = re.compile(
    r"(->|=>|\d\s*[:：=]\s*[^\s;；,，]+\s*[;；,，].*\d\s*[:：=]|[:：][^;；]{1,12}[;；][^;；]{1,12}[;；])"
)


def split_name(name: str) -> tuple[str, ...]:
    """Split a field name into lower-case tokens: ``userMobilePhone2`` → user, mobile, phone, 2."""
    out: list[str] = []
    for part in _NON_ALNUM.split(name):
        if not part:
            continue
        out.extend(p.lower() for p in _CAMEL.split(part) if p)
    return tuple(out)


def has_cjk(text: str) -> bool:
    """Whether ``text`` contains Chinese characters."""
    return bool(_CJK.search(text))


_TYPE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(bool|boolean|bit)\b|tinyint\s*\(\s*1\s*\)"), "bool"),
    (re.compile(r"^(tinyint|smallint|int2|byte|short|tiny|smallserial)\b"), "small"),
    (re.compile(r"^(bigint|int8|long|bigserial|int64|uint64|hugeint)\b"), "bigint"),
    (re.compile(r"^(mediumint|int|integer|int4|serial|int32|uint32|uint)\b"), "int"),
    (
        re.compile(
            r"^(decimal|numeric|number|float|double|real|money|smallmoney|float4|float8|dec)"
        ),
        "decimal",
    ),
    (
        re.compile(
            r"^(date|datetime|timestamp|timestamptz|time|year|interval|smalldatetime|datetime2)"
        ),
        "date",
    ),
    (
        re.compile(
            r"^(blob|tinyblob|mediumblob|longblob|binary|varbinary|bytea|bytes|image|raw|longraw)"
        ),
        "binary",
    ),
    (
        re.compile(
            r"^(char|varchar|nvarchar|nchar|text|tinytext|mediumtext|longtext|string|clob|nclob|varchar2|nvarchar2|character|citext|uuid|json|jsonb|enum|set|xml|inet|cidr|macaddr|name|bpchar|fixed|str)"
        ),
        "text",
    ),
    (re.compile(r"^(array|struct|record|map|object|list|union|row|variant)"), "container"),
)

# Which element type classes a column kind satisfies.
_KIND_ALLOWS: dict[str, frozenset[str]] = {
    "text": frozenset({"text"}),
    "binary": frozenset({"binary", "text"}),
    "bool": frozenset({"bool", "code"}),
    "small": frozenset({"int", "code"}),
    "int": frozenset({"int", "code"}),
    "bigint": frozenset({"int", "bigint", "code"}),
    "decimal": frozenset({"decimal"}),
    "date": frozenset({"date"}),
}

_NULLISH = {"null", "none", "nullable", "optional"}


def field_kind(data_type: str | None) -> str:
    """Coarse class of a declared type: text, bool, small, int, bigint, decimal, date, binary,
    container, or unknown (no gate). Union types (Avro ``["null", "string"]``) use the non-null member.
    """
    if not data_type:
        return "unknown"
    text = data_type.strip().lower()
    # Avro / JSON unions and "string?"-style optionals: keep the first non-null member.
    candidates = [t for t in re.split(r"[\[\]\"',|/ ]+|\bor\b", text) if t and t not in _NULLISH]
    if text.startswith(("array", "struct", "map", "record", "list<", "object")):
        return "container"
    if "unsigned" in text and text.startswith("int"):
        text = "bigint"
    if text.startswith("union") or text.startswith("[") or "|" in text:
        probe = [c.strip("()<>?") for c in candidates if c != "union"]
    else:
        probe = [text, *(c.strip("()<>?") for c in candidates)]
    for item in probe:
        for pattern, kind in _TYPE_PATTERNS:
            if pattern.match(item):
                return kind
    return "unknown"


def type_allows(kind: str, types: Sequence[str]) -> bool:
    """Whether a column of ``kind`` can hold an element declaring ``types``."""
    allowed = _KIND_ALLOWS.get(kind)
    if allowed is None:  # unknown or container: no gate
        return True
    return any(t in allowed for t in types)


@dataclass(frozen=True)
class Candidate:
    """One element a field might be, with its score and the evidence for it."""

    element: str
    score: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class MetadataVerdict:
    """The metadata verdict on one field.

    ``element`` is ``None`` when no candidate reaches ``PI_THRESHOLD``; ``evidence`` then keeps
    the reasons that rejected the best guess. ``candidates`` lists every element considered,
    best first.
    """

    pointer: str
    element: str | None
    confidence: float
    evidence: tuple[Evidence, ...] = ()
    candidates: tuple[Candidate, ...] = ()

    @property
    def best(self) -> Candidate | None:
        """The best candidate, whether or not it reached the threshold."""
        return self.candidates[0] if self.candidates else None


@dataclass
class _Hit:
    element: str
    weight: float
    source: str
    rule: str
    detail: str


def _comment_ends_with_term(sc: _Scored, comment: str) -> bool:
    """A Chinese comment ending with this element's term (``EmployeeID`` '员工身份证'): the
    column holds that value, used as a key, not a pointer to it (``address_id`` '地址ID')."""
    if not comment or not has_cjk(comment):
        return False
    end = comment.rstrip()
    return any(
        h.rule == "comment-zh" and end.endswith(h.detail.rsplit("'", 2)[-2]) for h in sc.hits
    )


@dataclass
class _Scored:
    element: Element
    hits: list[_Hit] = field(default_factory=list)
    factors: list[tuple[float, Evidence]] = field(default_factory=list)
    veto: Evidence | None = None
    covered: set[int] = field(default_factory=set)  # name tokens covered by its matches


class MetadataDetector:
    """Keyword index over a catalog. Build once per catalog (``detector_for``), reuse per field."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        d = catalog.dictionaries
        self.person = frozenset(w for w in d.get("person_context") if not has_cjk(w))
        self.person_zh = tuple(w for w in d.get("person_context") if has_cjk(w))
        self.non_person = frozenset(w for w in d.get("non_person_context") if not has_cjk(w))
        self.non_person_zh = tuple(w for w in d.get("non_person_context") if has_cjk(w))
        self.qualifiers = frozenset(w for w in d.get("non_person_qualifiers") if not has_cjk(w))
        self.qualifiers_zh = tuple(w for w in d.get("non_person_qualifiers") if has_cjk(w))
        self.dict_tables = frozenset(w for w in d.get("dictionary_tables") if not has_cjk(w))
        self.dict_tables_zh = tuple(w for w in d.get("dictionary_tables") if has_cjk(w))
        self.neg_prefix = frozenset(d.get("negative_prefixes"))
        self.neg_suffix = frozenset(d.get("negative_suffixes"))
        self.bookkeeping = frozenset(d.get("bookkeeping_prefixes"))
        self.event_suffix = frozenset(d.get("event_suffixes"))
        self.ref_suffix = frozenset(d.get("reference_suffixes"))
        self.filler = frozenset(d.get("filler"))
        self.health_tables: list[tuple[str, str]] = []
        for pair in d.get("health_tables"):
            element_id, _, word = pair.partition("=")
            if element_id in catalog.elements:
                self.health_tables.append((word, element_id))
        self.health_tables.sort(key=lambda item: (-len(item[0]), item[0]))
        self.health_values = frozenset(d.get("health_value_columns"))
        self.health_meta = frozenset(d.get("health_meta_columns"))
        self.neg_zh = tuple(d.get("negative_zh"))
        self.event_zh = tuple(d.get("event_zh"))
        # compact keyword (tokens joined) -> [(element id, kind)]
        self.compact: dict[str, list[tuple[str, str]]] = {}
        self.substrings: list[tuple[str, str]] = []  # long keywords found inside one token
        self.zh: list[tuple[str, str]] = []  # (lower-cased Chinese keyword, element id)
        for element in catalog.detectable():
            kw = element.keywords
            for kind in ("en", "pinyin", "initials", "abbreviations", "weak"):
                for word in kw.get(kind):
                    if has_cjk(word):
                        self.zh.append((word.lower(), element.id))
                        continue
                    tokens = split_name(word)
                    if not tokens:
                        continue
                    key = "".join(tokens)
                    entry = (element.id, kind)
                    bucket = self.compact.setdefault(key, [])
                    if entry not in bucket:
                        bucket.append(entry)
                    if kind in ("en", "pinyin", "abbreviations") and len(key) >= 6:
                        self.substrings.append((key, element.id))
            for word in kw.zh:
                self.zh.append((word.lower(), element.id))
        self.zh.sort(key=lambda item: (-len(item[0]), item[0], item[1]))
        self.substrings.sort(key=lambda item: (-len(item[0]), item[0], item[1]))
        # Chinese keywords by first character: (rank in ``zh``, keyword, element id).
        self._zh_first: dict[str, list[tuple[int, str, str]]] = {}
        for rank, (word, element_id) in enumerate(self.zh):
            if word:
                self._zh_first.setdefault(word[0], []).append((rank, word, element_id))
        # substring keywords by text: [(rank in ``substrings``, element id)]
        self._substring_index: dict[str, list[tuple[int, str]]] = {}
        for rank, (key, element_id) in enumerate(self.substrings):
            self._substring_index.setdefault(key, []).append((rank, element_id))
        self._substring_lengths = sorted({len(key) for key, _ in self.substrings})
        # verdicts by (name, comment, type, parent context, table context without its name)
        self._verdicts: dict[tuple[object, ...], MetadataVerdict] = {}
        self._neutral: dict[_DatasetContext, _DatasetContext] = {}
        self._health_words: dict[str, frozenset[str]] = {}

    # -- public -------------------------------------------------------------------------------
    def detect_dataset(self, dataset: Dataset) -> dict[str, MetadataVerdict]:
        """Verdicts for every field of ``dataset``, keyed by pointer."""
        ctx = self._dataset_context(dataset)
        verdicts = {f.pointer: self.detect_field(f, dataset, _ctx=ctx) for f in dataset.fields}
        if ctx.health_topic is None:
            if (
                not ctx.person
                and not ctx.non_person
                and any(
                    v.element is not None
                    and v.element.startswith("pi.health.")
                    and v.confidence >= 0.85
                    for v in verdicts.values()
                )
            ):
                # a table that surely holds health data is about patients: generic words count
                patients = replace(ctx, person=True)
                return {
                    f.pointer: self.detect_field(f, dataset, _ctx=patients) for f in dataset.fields
                }
            return verdicts
        # A table of health events (its name says so) that is keyed by a person or already holds
        # health data is about patients: read it again with that context.
        keyed = any(
            v.element is not None
            and (v.element.startswith("pi.health.") or v.element == "pi.online_identity.user_id")
            for v in verdicts.values()
        ) or any(
            {"subject", "patient", "person", "member", "user"} & set(split_name(f.name))
            and split_name(f.name)[-1] == "id"
            for f in dataset.fields
        )
        if not keyed:
            return verdicts
        patient = replace(ctx, person=True, non_person=False, patients=True)
        return {f.pointer: self.detect_field(f, dataset, _ctx=patient) for f in dataset.fields}

    def detect_field(
        self, fld: Field, dataset: Dataset | None = None, *, _ctx: _DatasetContext | None = None
    ) -> MetadataVerdict:
        """The verdict on one field (``dataset`` gives the table context).

        The verdict depends on the field's name, comment and type, its parent objects and the
        table context; the table's name only appears in evidence text. Verdicts are computed
        once per such key with a placeholder table name, then given the field's pointer and
        the table's name.
        """
        ctx = _ctx or (self._dataset_context(dataset) if dataset else _DatasetContext())
        parent = self._parent_context(fld, dataset)
        if _TABLE in f"{fld.name}{fld.comment or ''}{fld.data_type or ''}{ctx.name}":
            return self._detect_field(fld, ctx, parent)
        neutral = self._neutral.get(ctx)
        if neutral is None:
            if len(self._neutral) >= _MAX_CACHED:
                self._neutral.clear()
            neutral = self._neutral[ctx] = replace(ctx, name=_TABLE) if ctx.name else ctx
        key = (fld.name, fld.comment, fld.data_type, parent, neutral)
        cached = self._verdicts.get(key)
        if cached is None:
            if len(self._verdicts) >= _MAX_CACHED:
                self._verdicts.clear()
            cached = self._verdicts[key] = self._detect_field(fld, neutral, parent, "")
        return _named(cached, fld.pointer, ctx.name)

    def _detect_field(
        self, fld: Field, ctx: _DatasetContext, parent: str | None, pointer: str | None = None
    ) -> MetadataVerdict:
        """The verdict on ``fld`` in ``ctx``, with ``pointer`` (default the field's own)."""
        pointer = fld.pointer if pointer is None else pointer
        scored: dict[str, _Scored] = {}
        tokens = split_name(fld.name) if not has_cjk(fld.name) else ()
        if has_cjk(fld.name):
            self._match_zh(fld.name, "name", scored, field_name=True)
        else:
            self._match_name(tokens, scored, ctx, parent)
        comment = (fld.comment or "").strip()
        comment_negative: Evidence | None = None
        comment_event = False
        if comment:
            if has_cjk(comment):
                self._match_zh(comment, "comment", scored, field_name=False)
                # the comment's first clause says what the column is; later ones describe its
                # values (出生日期,格式YYYY-MM-DD is a birth date, not a format)
                head = _COMMENT_CLAUSE.split(comment, maxsplit=1)[0] or comment
                neg = next((w for w in self.neg_zh if w in head), None)
                if neg is not None:
                    comment_negative = Evidence(
                        "negative",
                        "comment-flag-or-count",
                        f"comment says it is a flag, count, status or type ('{neg}')",
                    )
                comment_event = any(w in comment for w in self.event_zh)
            else:
                comment_negative = self._match_en_comment(comment, scored)
        if tokens == ("id",) and (ctx.person_key or parent == "person") and not ctx.dictionary:
            sc = self._scored(scored, "pi.online_identity.user_id")
            if sc is not None:
                if parent == "person":  # `customer.id` inside an order: whose order it is
                    weight, why = W_CONTEXT_ID, "key of the person this object belongs to"
                else:  # the table's own surrogate key: recorded, not reported as PI by itself
                    weight, why = W_TABLE_KEY, f"surrogate key of table '{ctx.name}' about people"
                sc.hits.append(_Hit(sc.element.id, weight, "context", "table-key", why))
                sc.covered.add(0)
        if ctx.patients and ctx.health_topic is not None and tokens:
            self._health_table_value(tokens, scored, ctx)
        if comment and _ENUM_COMMENT.search(comment) and comment_negative is None:
            comment_negative = Evidence(
                "negative", "comment-enumeration", "comment lists coded values"
            )
            comment_enum = True
        else:
            comment_enum = False
        if not scored:
            return MetadataVerdict(pointer, None, 0.0)
        kind = field_kind(fld.data_type)
        for sc in scored.values():
            negative = comment_negative
            if comment_enum and "code" in sc.element.types:
                negative = None  # a coded element (gender 0/1/2) may well be enumerated
            self._negatives(sc, fld, tokens, kind, ctx, comment, negative, comment_event, parent)
        ranked = sorted(
            (self._finish(sc) for sc in scored.values()),
            key=lambda c: (-c.score, c.element),
        )
        best = ranked[0]
        if best.score >= PI_THRESHOLD:
            return MetadataVerdict(pointer, best.element, best.score, best.evidence, tuple(ranked))
        return MetadataVerdict(pointer, None, best.score, best.evidence, tuple(ranked))

    def _health_table_value(
        self, tokens: tuple[str, ...], scored: dict[str, _Scored], ctx: _DatasetContext
    ) -> None:
        """In a table of health events about a person, value and code columns are health data;
        so are the dates of the event when the column names the table's topic."""
        assert ctx.health_topic is not None
        words = set(tokens)
        topic_named = bool(words & set(ctx.topic_words))
        if words & self.health_meta:
            return
        is_value = bool(words & self.health_values)
        is_event_date = topic_named and tokens[-1] in self.event_suffix
        if not (is_value or is_event_date):
            return
        if any(s.hits and max(h.weight for h in s.hits) >= W_NAME_PARTIAL for s in scored.values()):
            return  # the name already says what it is
        sc = self._scored(scored, ctx.health_topic)
        if sc is None:
            return
        what = "date of the event" if is_event_date and not is_value else "value or code"
        sc.hits.append(
            _Hit(
                sc.element.id,
                W_HEALTH_TABLE,
                "context",
                "health-table",
                f"{what} in '{ctx.name}', a table of health events about a person",
            )
        )
        sc.covered.update(range(len(tokens)))

    # -- context ------------------------------------------------------------------------------
    def _dataset_context(self, dataset: Dataset | None) -> _DatasetContext:
        if dataset is None:
            return _DatasetContext()
        name_tokens = split_name(dataset.name.rsplit(".", 1)[-1])
        comment = dataset.comment or ""
        core = [t for t in name_tokens if t not in _TABLE_TAIL and not t.isdigit()]
        head = core[-1] if core else (name_tokens[-1] if name_tokens else "")
        person_head = head in self.person and head not in _WEAK_PERSON_HEADS
        if head in self.non_person:
            person, non_person = False, True
        elif person_head:
            person, non_person = True, False
        elif any(t in self.qualifiers for t in name_tokens):
            person, non_person = False, True
        else:
            person = any(t in self.person for t in name_tokens) or any(
                w in comment for w in self.person_zh
            )
            non_person = not person and (
                any(t in self.non_person for t in name_tokens)
                or any(w in comment for w in self.non_person_zh)
            )
        topic: str | None = None
        topic_words: list[str] = []
        named: set[str] = set()  # health-table words that some name token is or contains
        for t in name_tokens:
            words = self._health_words.get(t)
            if words is None:
                if len(self._health_words) >= _MAX_CACHED:
                    self._health_words.clear()
                words = self._health_words[t] = frozenset(
                    word
                    for word, _ in self.health_tables
                    if t == word or (len(t) >= 6 and len(word) >= 3 and word in t)
                )
            named |= words
        for word, element_id in self.health_tables:
            if word in named:
                if topic is None:
                    topic = element_id
                topic_words.append(word)
        if topic is not None:
            topic_words.extend(t for t in name_tokens if t not in _TABLE_TAIL)
        dict_marker: str | None = None
        joined = "_".join(name_tokens)
        if joined in self.dict_tables:
            dict_marker = joined
        elif name_tokens and not person:
            for t in (name_tokens[0], name_tokens[-1]):
                if t in self.dict_tables:
                    dict_marker = t
                    break
        if dict_marker is None:
            dict_marker = next(
                (w for w in self.dict_tables_zh if w in comment or w in dataset.name), None
            )
        return _DatasetContext(
            dataset.name,
            person,
            non_person and not person,
            dict_marker,
            person_head=person_head,
            person_key=person_head
            and len(core) <= 2
            and not any(t in self.non_person or t in self.qualifiers for t in core[:-1]),
            health_topic=topic,
            topic_words=tuple(topic_words),
        )

    def _parent_context(self, fld: Field, dataset: Dataset | None) -> str | None:
        """``person`` / ``non_person`` from the nearest parent object that says either."""
        path = fld.pointer
        if dataset is not None and path.startswith(dataset.name + "."):
            path = path[len(dataset.name) + 1 :]
        parents = [p.replace("[]", "") for p in path.split(".")[:-1]]
        for parent in reversed(parents):
            toks = split_name(parent)
            if any(t in self.person for t in toks):
                return "person"
            if any(t in self.non_person for t in toks):
                return "non_person"
        return None

    # -- matching -----------------------------------------------------------------------------
    def _scored(self, scored: dict[str, _Scored], element_id: str) -> _Scored | None:
        sc = scored.get(element_id)
        if sc is None:
            element = self.catalog.elements.get(element_id)
            if element is None:
                return None
            sc = scored[element_id] = _Scored(element)
        return sc

    def _match_name(
        self,
        tokens: tuple[str, ...],
        scored: dict[str, _Scored],
        ctx: _DatasetContext,
        parent: str | None,
    ) -> None:
        if not tokens:
            return
        spans: list[tuple[int, int, str, str]] = []  # start, end, element, kind
        n = len(tokens)
        for i in range(n):
            for j in range(i + 1, min(n, i + _MAX_SPAN) + 1):
                key = "".join(tokens[i:j])
                for element_id, kind in self.compact.get(key, ()):
                    spans.append((i, j, element_id, kind))
        # Keep the longest spans: a match inside a longer one (`address` in `ip_address`) yields.
        spans.sort(key=lambda s: (-(s[1] - s[0]), s[0], s[2]))
        kept: list[tuple[int, int, str, str]] = []
        for span in spans:
            i, j = span[0], span[1]
            if any(k[0] <= i and j <= k[1] and (k[1] - k[0]) > (j - i) for k in kept):
                continue
            kept.append(span)
        if (
            len(tokens) == 2
            and tokens[1] in self.ref_suffix
            and tokens[0] in self.person
            and tokens[0] not in _WEAK_PERSON_HEADS
            and tokens[0] not in ("parent", "parents", "child", "children")  # tree pointers
            and not any(s[0] == 0 and s[1] == 2 for s in kept)
        ):
            sc = self._scored(scored, "pi.online_identity.user_id")
            if sc is not None:
                sc.hits.append(
                    _Hit(
                        sc.element.id,
                        W_NAME_PARTIAL,
                        "name",
                        "name-person-key",
                        f"key of a person ('{tokens[0]} {tokens[1]}')",
                    )
                )
                sc.covered.update({0, 1})
        if not kept:
            self._match_substrings(tokens, scored)
            return
        significant = [k for k, t in enumerate(tokens) if t not in self.filler and not t.isdigit()]
        for i, j, element_id, kind in kept:
            sc = self._scored(scored, element_id)
            if sc is None:
                continue
            covered = set(range(i, j))
            extra = [tokens[k] for k in significant if k not in covered]
            full = not extra
            word = " ".join(tokens[i:j])
            person_here = (
                parent == "person"
                or any(t in self.person for t in tokens)
                or (ctx.person and parent != "non_person")
            )
            if kind == "weak":
                if (
                    parent == "non_person"
                    or (ctx.non_person and parent != "person")
                    or any(t in self.non_person or t in self.qualifiers for t in extra)
                ):
                    weight, why = W_WEAK_NON_PERSON, "in a table or object about things, not people"
                elif person_here:
                    weight = W_WEAK_PERSON if full else W_WEAK_PERSON_PARTIAL
                    why = "generic word in a table or object about people"
                else:
                    weight, why = (
                        W_WEAK_UNKNOWN,
                        "generic word; nothing says the table is about people",
                    )
                sc.hits.append(
                    _Hit(
                        element_id,
                        weight,
                        "name",
                        f"name-weak:{kind}",
                        f"name token '{word}' ({why})",
                    )
                )
            elif kind == "initials":
                weight = W_NAME_FULL if full else W_INITIALS_PARTIAL
                sc.hits.append(
                    _Hit(element_id, weight, "name", "name-initials", f"pinyin initials '{word}'")
                )
            else:
                weight = W_NAME_FULL if full else W_NAME_PARTIAL
                label = {"en": "English", "pinyin": "pinyin", "abbreviations": "abbreviation"}[kind]
                detail = f"{label} term '{word}'" + (
                    "" if full else f" among {', '.join(extra[:3])}"
                )
                sc.hits.append(_Hit(element_id, weight, "name", f"name-{kind}", detail))
            sc.covered |= covered

    def _match_substrings(self, tokens: tuple[str, ...], scored: dict[str, _Scored]) -> None:
        for idx, token in enumerate(tokens):
            if len(token) < 7:
                continue
            # the keywords the token starts or ends with, in ``substrings`` order
            found: set[tuple[int, str]] = set()
            for size in self._substring_lengths:
                if size >= len(token):
                    break
                found.update(self._substring_index.get(token[:size], ()))
                found.update(self._substring_index.get(token[-size:], ()))
            for rank, element_id in sorted(found):
                key = self.substrings[rank][0]
                rest = token[len(key) :] if token.startswith(key) else token[: -len(key)]
                if rest in self.filler or rest in self.person or rest.isdigit():
                    sc = self._scored(scored, element_id)
                    if sc is None:
                        continue
                    sc.hits.append(
                        _Hit(
                            element_id,
                            W_NAME_SUBSTRING,
                            "name",
                            "name-compound",
                            f"term '{key}' inside '{token}'",
                        )
                    )
                    sc.covered.add(idx)
                    break

    def _match_zh(
        self, text: str, source: str, scored: dict[str, _Scored], *, field_name: bool
    ) -> None:
        low = text.lower()
        taken = [False] * len(low)
        found: list[tuple[int, int, str, str]] = []
        # every occurrence of every keyword, then claimed in ``zh`` order (longest first)
        occurrences: list[tuple[int, int, str, str]] = []  # rank, start, word, element
        index = self._zh_first
        for pos, char in enumerate(low):
            for rank, word, element_id in index.get(char, ()):
                if low.startswith(word, pos):
                    occurrences.append((rank, pos, word, element_id))
        occurrences.sort()
        for _rank, start, word, element_id in occurrences:
            end = start + len(word)
            # an ASCII term (IP, GPS) must stand alone: not the `ip` of `vip`
            edge = (
                word[0].isascii()
                and start > 0
                and low[start - 1].isascii()
                and low[start - 1].isalnum()
            )
            edge = edge or (
                word[-1].isascii() and end < len(low) and low[end].isascii() and low[end].isalnum()
            )
            if not edge and not any(taken[start:end]):
                for k in range(start, end):
                    taken[k] = True
                found.append((start, end, word, element_id))
        if not found:
            return
        core = re.split(r"[（(,，;；:：。\s]", text.strip(), maxsplit=1)[0]
        short = len(core) <= 10
        head_end = (
            max(f[1] for f in found if f[0] < max(len(core), 1))
            if any(f[0] < max(len(core), 1) for f in found)
            else max(f[1] for f in found)
        )
        for start, _end, word, element_id in sorted(found):
            sc = self._scored(scored, element_id)
            if sc is None:
                continue
            is_head = _end == head_end
            if is_head:
                weight = W_ZH_HEAD_SHORT if short or start <= 4 else W_ZH_HEAD_LONG
                rule = "name-zh" if field_name else "comment-zh"
                what = "Chinese name" if field_name else "comment"
                sc.hits.append(_Hit(element_id, weight, source, rule, f"{what} says '{word}'"))
            else:
                sc.hits.append(
                    _Hit(
                        element_id,
                        W_ZH_MODIFIER,
                        source,
                        "comment-zh-modifier",
                        f"'{word}' qualifies another term",
                    )
                )

    def _match_en_comment(self, comment: str, scored: dict[str, _Scored]) -> Evidence | None:
        low = comment.lower().strip()
        words = [w.lower() for w in _WORD.findall(comment)]
        negative = None
        for phrase in _EN_COMMENT_NEGATIVE:
            if low.startswith(phrase) or (
                phrase in ("whether", "true if", "flag") and f" {phrase} " in f" {low} "
            ):
                negative = Evidence(
                    "negative", "comment-flag-or-count", f"description starts with '{phrase}'"
                )
                break
        if not words:
            return negative
        short = len(words) <= 6
        seen: set[str] = set()
        taken: set[int] = set()
        n = len(words)
        for size in range(min(_MAX_SPAN, n), 0, -1):
            for i in range(n - size + 1):
                if taken & set(range(i, i + size)):
                    continue
                key = "".join(words[i : i + size])
                hits = self.compact.get(key, ())
                if any(kind not in ("weak", "initials") for _, kind in hits):
                    taken.update(range(i, i + size))
                for element_id, kind in hits:
                    if kind in ("weak", "initials") or element_id in seen:
                        continue
                    if kind == "abbreviations" and len(key) <= 3:
                        continue
                    seen.add(element_id)
                    sc = self._scored(scored, element_id)
                    if sc is None:
                        continue
                    weight = W_EN_COMMENT_SHORT if short else W_EN_COMMENT_LONG
                    sc.hits.append(
                        _Hit(
                            element_id,
                            weight,
                            "comment",
                            "comment-en",
                            f"description mentions '{' '.join(words[i : i + size])}'",
                        )
                    )
        return negative

    # -- negative evidence --------------------------------------------------------------------
    def _negatives(
        self,
        sc: _Scored,
        fld: Field,
        tokens: tuple[str, ...],
        kind: str,
        ctx: _DatasetContext,
        comment: str,
        comment_negative: Evidence | None,
        comment_event: bool,
        parent: str | None = None,
    ) -> None:
        element = sc.element
        eid = element.id
        health_here = ctx.patients and eid.startswith("pi.health.")
        accepts_date = "date" in element.types or health_here
        coded = bool({"concept", "code", "source", "cd"} & set(tokens))
        if tokens:
            first, last = tokens[0], tokens[-1]
            last_idx = len(tokens) - 1
            # `condition_type_concept_id`: the type of a coded thing, once codes/keys are stripped
            core_last: tuple[int, str] | None = None
            k = last_idx
            while k > 0 and (tokens[k] in self.ref_suffix or tokens[k] in _CODE_WORDS):
                k -= 1
            if k < last_idx:
                core_last = (k, tokens[k])
            if first in self.bookkeeping and last in self.neg_suffix and len(tokens) > 1:
                sc.veto = Evidence(
                    "negative",
                    "name-record-state",
                    f"'{first}_…_{last}' is the state of a record's processing, not the value",
                    eid,
                )
            elif first in self.neg_prefix and 0 not in sc.covered and len(tokens) > 1:
                sc.veto = Evidence(
                    "negative", "name-flag-prefix", f"'{first}_…' names a flag, not the value", eid
                )
            elif (
                core_last is not None
                and core_last[1] in self.neg_suffix
                and core_last[0] not in sc.covered
                and not _comment_ends_with_term(sc, comment)
            ):
                last = core_last[1]
                sc.veto = Evidence(
                    "negative",
                    "name-count-or-status",
                    f"'…_{last}…' names a count, status or type, not the value",
                    eid,
                )
            elif (
                last in self.neg_suffix
                and last_idx not in sc.covered
                and not _comment_ends_with_term(sc, comment)
            ):
                sc.veto = Evidence(
                    "negative",
                    "name-count-or-status",
                    f"'…_{last}' names a count, status or type, not the value",
                    eid,
                )
            elif last in self.event_suffix and last_idx not in sc.covered and not accepts_date:
                sc.veto = Evidence(
                    "negative",
                    "name-event-time",
                    f"'…_{last}' is the time of an event, not the value",
                    eid,
                )
            elif (
                last in self.ref_suffix
                and last_idx not in sc.covered
                and len(tokens) > 1
                and not coded
                and not _comment_ends_with_term(sc, comment)
            ):
                sc.factors.append(
                    (
                        F_REFERENCE,
                        Evidence(
                            "negative",
                            "name-reference",
                            f"'…_{last}' refers to another record",
                            eid,
                            F_REFERENCE,
                        ),
                    )
                )
            qualifier = next(
                (t for k, t in enumerate(tokens) if k not in sc.covered and t in self.qualifiers),
                None,
            )
            if qualifier is not None:
                sc.factors.append(
                    (
                        F_NON_PERSON,
                        Evidence(
                            "negative",
                            "name-non-person",
                            f"'{qualifier}' says it belongs to a thing, not a person",
                            eid,
                            F_NON_PERSON,
                        ),
                    )
                )
        if comment_negative is not None and sc.veto is None:
            sc.veto = Evidence(
                comment_negative.source, comment_negative.rule, comment_negative.detail, eid
            )
        if comment_event and not accepts_date and sc.veto is None:
            sc.veto = Evidence(
                "negative", "comment-event-time", "comment describes the time of an event", eid
            )
        if comment and has_cjk(comment) and eid != "pi.online_identity.user_id":
            # A modifier before the term (链接地址, 门店电话) makes it a thing's; a head noun
            # after it (头像图片: an avatar image) does not.
            low = comment.lower()
            positions = [low.find(w.lower()) for w in element.keywords.zh if w.lower() in low]
            cut = min(positions) if positions else len(low)
            rest = low[:cut] if positions else low
            qual_zh = next((w for w in self.qualifiers_zh if w in rest), None)
            if qual_zh is not None and not any(w in comment for w in self.person_zh):
                sc.factors.append(
                    (
                        F_COMMENT_NON_PERSON,
                        Evidence(
                            "negative",
                            "comment-non-person",
                            f"comment says it belongs to '{qual_zh}'",
                            eid,
                            F_COMMENT_NON_PERSON,
                        ),
                    )
                )
        if (
            ctx.dictionary is not None
            and eid != "pi.online_identity.user_id"
            and not ("by" in tokens[1:] or self._names_a_person((), comment, sc))
        ):
            sc.factors.append(
                (
                    F_DICTIONARY,
                    Evidence(
                        "context",
                        "dictionary-table",
                        f"table '{ctx.name}' is a dictionary/lookup table ('{ctx.dictionary}')",
                        eid,
                        F_DICTIONARY,
                    ),
                )
            )
        elif (
            ctx.non_person
            and element.pi
            and eid != "pi.online_identity.user_id"  # a person's key in any table is a person's key
            and parent != "person"
            and not any(h.rule.startswith("name-weak") for h in sc.hits)
            and not self._names_a_person(tokens, comment, sc)
        ):
            sc.factors.append(
                (
                    F_NON_PERSON,
                    Evidence(
                        "context",
                        "table-non-person",
                        f"table '{ctx.name}' describes things, not people",
                        eid,
                        F_NON_PERSON,
                    ),
                )
            )
        if (
            not type_allows(kind, element.types)
            and sc.veto is None
            and not (health_here and kind in ("date", "int", "bigint", "small", "decimal"))
        ):
            sc.veto = Evidence(
                "type",
                "type-gate",
                f"a {fld.data_type} column cannot hold {element.names.en.lower()}",
                eid,
            )

    def _names_a_person(self, tokens: tuple[str, ...], comment: str, sc: _Scored) -> bool:
        """Whether the field says it is about a person (`receiver_phone`, 收货人电话, 操作人)."""
        if any(t in self.person and t not in _WEAK_PERSON_HEADS for t in tokens):
            return True
        if "by" in tokens[1:]:  # created_by, updated_by: done by a person
            return True
        if comment and any(w in comment for w in self.person_zh):
            return True
        return any(
            h.rule in ("comment-zh", "name-zh")
            and h.detail.rstrip("'").endswith(("人", "员", "者"))
            for h in sc.hits
        )

    def _finish(self, sc: _Scored) -> Candidate:
        remaining = 1.0
        evidence: list[Evidence] = []
        seen: set[tuple[str, str]] = set()
        for hit in sorted(sc.hits, key=lambda h: (-h.weight, h.rule, h.detail)):
            key = (hit.source, hit.detail.split("'")[1] if "'" in hit.detail else hit.detail)
            if key in seen:
                continue  # the same word found through two dictionaries counts once
            seen.add(key)
            remaining *= 1.0 - hit.weight
            evidence.append(Evidence(hit.source, hit.rule, hit.detail, hit.element, hit.weight))
        score = 1.0 - remaining
        for factor, ev in sc.factors:
            score *= factor
            evidence.append(ev)
        if sc.veto is not None:
            score = 0.0
            evidence.append(sc.veto)
        return Candidate(sc.element.id, round(score, 3), tuple(evidence))


@dataclass(frozen=True)
class _DatasetContext:
    name: str = ""
    person: bool = False
    non_person: bool = False
    dictionary: str | None = None
    person_head: bool = False
    person_key: bool = False  # its `id` is a person's key (`sys_user`, not `coupon_user`)
    health_topic: str | None = None  # element of a table of health events (by its name)
    topic_words: tuple[str, ...] = ()
    patients: bool = False  # the table is about patients (health topic + a person key)


# Placeholder for the table name in cached verdicts (cannot occur in a name read from a file).
_TABLE = "\x00table\x00"
_MAX_CACHED = 200_000


def _named(verdict: MetadataVerdict, pointer: str, table: str) -> MetadataVerdict:
    """A cached verdict with the field's pointer and the table name in its evidence."""

    def fix(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        if not any(_TABLE in ev.detail for ev in evidence):
            return evidence
        return tuple(
            replace(ev, detail=ev.detail.replace(_TABLE, table)) if _TABLE in ev.detail else ev
            for ev in evidence
        )

    candidates = verdict.candidates
    if any(_TABLE in ev.detail for c in candidates for ev in c.evidence):
        candidates = tuple(replace(c, evidence=fix(c.evidence)) for c in candidates)
    return MetadataVerdict(
        pointer, verdict.element, verdict.confidence, fix(verdict.evidence), candidates
    )


_DETECTORS: dict[int, tuple[Catalog, MetadataDetector]] = {}


def detector_for(catalog: Catalog) -> MetadataDetector:
    """The (cached) detector of a catalog."""
    return per_catalog(_DETECTORS, catalog, MetadataDetector)


def detect_dataset(dataset: Dataset, catalog: Catalog) -> dict[str, MetadataVerdict]:
    """Metadata verdicts for every field of ``dataset``, keyed by pointer."""
    return detector_for(catalog).detect_dataset(dataset)


def detect_fields(
    fields: Iterable[Field], catalog: Catalog, dataset: Dataset | None = None
) -> Mapping[str, MetadataVerdict]:
    """Metadata verdicts for some fields (``dataset`` supplies the table context)."""
    detector = detector_for(catalog)
    return {f.pointer: detector.detect_field(f, dataset) for f in fields}
