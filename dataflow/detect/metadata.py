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
from dataclasses import dataclass, field

from dataflow.catalog import Catalog, Element
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
W_EN_COMMENT_LONG = 0.5

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
    (re.compile(r"^(tinyint|smallint|int2|byte|short|int8\b(?=.*\bunsigned\b)?|tiny)"), "small"),
    (re.compile(r"^(bigint|int8|long|bigserial|int64|uint64|hugeint)"), "bigint"),
    (re.compile(r"^(mediumint|int|integer|int4|serial|int32|uint32|uint)"), "int"),
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
                if kind == "small" and item.startswith("int8"):
                    return "bigint"
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
        self.event_suffix = frozenset(d.get("event_suffixes"))
        self.ref_suffix = frozenset(d.get("reference_suffixes"))
        self.filler = frozenset(d.get("filler"))
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

    # -- public -------------------------------------------------------------------------------
    def detect_dataset(self, dataset: Dataset) -> dict[str, MetadataVerdict]:
        """Verdicts for every field of ``dataset``, keyed by pointer."""
        ctx = self._dataset_context(dataset)
        return {f.pointer: self.detect_field(f, dataset, _ctx=ctx) for f in dataset.fields}

    def detect_field(
        self, fld: Field, dataset: Dataset | None = None, *, _ctx: _DatasetContext | None = None
    ) -> MetadataVerdict:
        """The verdict on one field (``dataset`` gives the table context)."""
        ctx = _ctx or (self._dataset_context(dataset) if dataset else _DatasetContext())
        scored: dict[str, _Scored] = {}
        tokens = split_name(fld.name) if not has_cjk(fld.name) else ()
        if has_cjk(fld.name):
            self._match_zh(fld.name, "name", scored, field_name=True)
        else:
            self._match_name(tokens, scored, ctx, self._parent_context(fld, dataset))
        comment = (fld.comment or "").strip()
        comment_negative: Evidence | None = None
        comment_event = False
        if comment:
            if has_cjk(comment):
                self._match_zh(comment, "comment", scored, field_name=False)
                neg = next((w for w in self.neg_zh if w in comment), None)
                if neg is not None:
                    comment_negative = Evidence(
                        "negative",
                        "comment-flag-or-count",
                        f"comment says it is a flag, count, status or type ('{neg}')",
                    )
                comment_event = any(w in comment for w in self.event_zh)
            else:
                comment_negative = self._match_en_comment(comment, scored)
        if not scored:
            return MetadataVerdict(fld.pointer, None, 0.0)
        kind = field_kind(fld.data_type)
        for sc in scored.values():
            self._negatives(sc, fld, tokens, kind, ctx, comment, comment_negative, comment_event)
        ranked = sorted(
            (self._finish(sc) for sc in scored.values()),
            key=lambda c: (-c.score, c.element),
        )
        best = ranked[0]
        if best.score >= PI_THRESHOLD:
            return MetadataVerdict(
                fld.pointer, best.element, best.score, best.evidence, tuple(ranked)
            )
        return MetadataVerdict(fld.pointer, None, best.score, best.evidence, tuple(ranked))

    # -- context ------------------------------------------------------------------------------
    def _dataset_context(self, dataset: Dataset | None) -> _DatasetContext:
        if dataset is None:
            return _DatasetContext()
        name_tokens = split_name(dataset.name.rsplit(".", 1)[-1])
        comment = dataset.comment or ""
        person = any(t in self.person for t in name_tokens) or any(
            w in comment for w in self.person_zh
        )
        non_person = any(t in self.non_person for t in name_tokens) or any(
            w in comment for w in self.non_person_zh
        )
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
        return _DatasetContext(dataset.name, person, non_person and not person, dict_marker)

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
                if parent == "non_person" or (ctx.non_person and parent != "person"):
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
            for key, element_id in self.substrings:
                if key in token and key != token:
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
        for word, element_id in self.zh:
            start = low.find(word)
            while start >= 0:
                end = start + len(word)
                if not any(taken[start:end]):
                    for k in range(start, end):
                        taken[k] = True
                    found.append((start, end, word, element_id))
                start = low.find(word, start + 1)
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
    ) -> None:
        element = sc.element
        eid = element.id
        accepts_date = "date" in element.types
        if tokens:
            first, last = tokens[0], tokens[-1]
            last_idx = len(tokens) - 1
            if first in self.neg_prefix and 0 not in sc.covered and len(tokens) > 1:
                sc.veto = Evidence(
                    "negative", "name-flag-prefix", f"'{first}_…' names a flag, not the value", eid
                )
            elif last in self.neg_suffix and last_idx not in sc.covered:
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
            elif last in self.ref_suffix and last_idx not in sc.covered and len(tokens) > 1:
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
        if comment and has_cjk(comment):
            rest = comment.lower()
            for word in element.keywords.zh:
                rest = rest.replace(word.lower(), " ")
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
        if ctx.dictionary is not None and eid != "pi.online_identity.user_id":
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
            and not any(h.rule.startswith("name-weak") for h in sc.hits)
        ) and not any(t in self.person for t in tokens):
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
        if not type_allows(kind, element.types) and sc.veto is None:
            sc.veto = Evidence(
                "type",
                "type-gate",
                f"a {fld.data_type} column cannot hold {element.names.en.lower()}",
                eid,
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


_DETECTORS: dict[int, tuple[Catalog, MetadataDetector]] = {}


def detector_for(catalog: Catalog) -> MetadataDetector:
    """The (cached) detector of a catalog."""
    cached = _DETECTORS.get(id(catalog))
    if cached is not None and cached[0] is catalog:
        return cached[1]
    detector = MetadataDetector(catalog)
    if len(_DETECTORS) > 8:
        _DETECTORS.clear()
    _DETECTORS[id(catalog)] = (catalog, detector)
    return detector


def detect_dataset(dataset: Dataset, catalog: Catalog) -> dict[str, MetadataVerdict]:
    """Metadata verdicts for every field of ``dataset``, keyed by pointer."""
    return detector_for(catalog).detect_dataset(dataset)


def detect_fields(
    fields: Iterable[Field], catalog: Catalog, dataset: Dataset | None = None
) -> Mapping[str, MetadataVerdict]:
    """Metadata verdicts for some fields (``dataset`` supplies the table context)."""
    detector = detector_for(catalog)
    return {f.pointer: detector.detect_field(f, dataset) for f in fields}
