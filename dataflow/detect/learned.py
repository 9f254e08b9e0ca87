"""A learned field scorer beside the rules: two logistic models over a field's words.

The rules decide first (``detect.metadata`` and ``subject``). This module then reads the same
field as a bag of words — its name's tokens, its comment's characters or words read by the
script they are written in (Chinese, Japanese kana and kanji, Korean Hangul, other alphabets),
its table's name, its data type, the subject the dataset is about and what the rules made of
the table's other columns — and scores how likely it is personal
information and how likely sensitive personal information, with weights learned from labelled
public schemas (``bench/train_field_scorer.py``; the weights file names its training sets, date
and cross-validated figures). Where it is confident it changes the rules' verdict, and says so
in the evidence:

- ``learned-pi``: the rules found no PI but the model is confident it is (threshold ``add``);
  the element is a candidate the rules named and rejected (a sensitive one only when the model
  also finds it sensitive), else the non-sensitive element the field's learned words point at,
  else — on a person's row and above the higher threshold ``add_unnamed`` — "other information
  about a person" (``pi.other.person_attribute``);
- ``learned-not-pi``: the rules found PI on weak evidence (low confidence, no value match) and
  the model is confident it is not;
- ``learned-sensitive``: the rules found PI that is not sensitive and the model is confident it
  is sensitive, and the rules' evidence named a sensitive element: the finding becomes that
  element (its PIPL Art. 28 group comes with it). Where the rules' evidence named none, the
  field's learned words may name it, above the higher threshold ``sensitive_word`` only (a
  word names a sensitive element when the rules' evidence named it for most of the training
  fields labelled sensitive that have the word); weights without that threshold never do. A
  field the model adds on a plain element (or "other information about a person") may become
  sensitive so; a word naming a sensitive element adds no field on its own.

A subject rule's verdict (``dataflow.subject``: what the record is about made the field a
person's, or no one's) is not the field's words, so the scorer's words do not overrule it
(``SUBJECT_GUARDS``): the scorer never takes out a field a subject rule named, and never adds one
a subject rule took out. It may add what the rules missed, take out what the rules found on
weak words, and raise to sensitive a personal field — a subject rule's too — to a sensitive
element the rules' evidence or the field's learned words name (never adding a field on that
alone).

The weights are read on first use only, so that commands which classify nothing never load them.
``learned_scorer: false`` in the configuration turns all of this off.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise, repeat
from pathlib import Path

from dataflow.catalog import Catalog, Element
from dataflow.detect.metadata import has_cjk, split_name
from dataflow.detect.metadata.scripts import KANA, japanese_schema
from dataflow.model import (
    Dataset,
    Evidence,
    Field,
    FieldFinding,
    Subject,
    Words,
    path_in,
    top_level,
)

WEIGHTS_FILE = "field_scorer.tsv"

_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_TYPE_BASE = re.compile(r"[A-Za-z]+")
_SEGMENT = re.compile(r"\[\]|\.")
#: comment characters read: the head of a comment says what the field is
_COMMENT_CHARS = 16
_COMMENT_WORDS = 8


def _type_class(data_type: str | None) -> str:
    if not data_type:
        return "none"
    m = _TYPE_BASE.search(data_type)
    base = m.group(0).lower() if m else "other"
    if base in {"varchar", "char", "nvarchar", "nchar", "string", "text", "longtext", "tinytext"}:
        return "text" if "text" in base else "char"
    if base in {"int", "integer", "bigint", "smallint", "tinyint", "mediumint", "long", "short"}:
        return "int"
    if base in {"decimal", "numeric", "float", "double", "number", "real", "money"}:
        return "num"
    if base in {"date", "datetime", "timestamp", "time", "datetime2", "smalldatetime"}:
        return "time"
    if base in {"bool", "boolean", "bit"}:
        return "bool"
    if base in {"object", "array", "record", "map", "struct", "json", "jsonb"}:
        return "nested"
    return "other"


#: the scripts a comment or name is written in, the more telling first: kana marks Japanese
#: (whose kanji alone would read as Chinese), Hangul Korean
_SCRIPTS = (
    ("hangul", re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")),
    ("kana", KANA),
    ("han", re.compile(r"[\u3400-\u9fff]")),
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("greek", re.compile(r"[\u0370-\u03ff]")),
    ("arabic", re.compile(r"[\u0600-\u06ff]")),
    ("thai", re.compile(r"[\u0e00-\u0e7f]")),
    ("latin", re.compile(r"[A-Za-z]")),
)
#: a Japanese comment's words: kanji and katakana runs
_JA_RUN = re.compile(r"[\u3400-\u9fff\u30a0-\u30ff]+")
_HANGUL_RUN = re.compile(r"[\uac00-\ud7af]+")
#: words of an alphabet other than the Latin one (Cyrillic, Greek, Arabic, Thai)
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")


def script_of(text: str | None) -> str:
    """The script ``text`` is written in (``_SCRIPTS``), ``none`` without letters."""
    if not text:
        return "none"
    for name, pattern in _SCRIPTS:
        if pattern.search(text):
            return name
    return "none"


def _comment_features(
    prefix: str, comment: str | None, chars: int, japanese: bool = False
) -> list[str]:
    """A comment's characters (Chinese: ``1``/``2``; a Japanese comment, or a kanji one in a
    Japanese dataset: ``j1``/``j2`` of its kanji and katakana; Korean: ``k1``/``k2``) or words
    (``w``; other alphabets ``xw``), with its script (``s``)."""
    if not comment:
        return []
    script = script_of(comment)
    out: list[str] = [f"{prefix}s={script}"]
    if script == "han" and japanese:
        script = "kana"
    if script in ("han", "kana", "hangul"):
        # a Japanese comment's kanji are read as Japanese words, not as the Chinese words the
        # same characters make (whose weights learned Chinese schemas' usage)
        run = {"han": _CJK_RUN, "kana": _JA_RUN, "hangul": _HANGUL_RUN}[script]
        mark = {"han": "", "kana": "j", "hangul": "k"}[script]
        text = "".join(run.findall(comment))[:chars]
        out.extend(f"{prefix}{mark}1={c}" for c in text)
        out.extend(f"{prefix}{mark}2={text[i : i + 2]}" for i in range(len(text) - 1))
    elif script == "latin":
        words = [w.lower() for w in _LATIN_WORD.findall(comment)][:_COMMENT_WORDS]
        out.extend(f"{prefix}w={w}" for w in words)
    else:
        words = [w.lower() for w in _LETTER_WORD.findall(comment)][:_COMMENT_WORDS]
        out.extend(f"{prefix}xw={w}" for w in words)
    return out


def _table_tokens(name: str) -> tuple[str, ...]:
    bare = name.rsplit(".", 1)[-1] if "." in name else name
    return split_name(bare)


def field_features(
    fld: Field,
    dataset: Dataset,
    subject: Subject | None,
    siblings: Sequence[str] = (),
) -> list[str]:
    """The words the model reads for one field, as ``kind=value`` strings (sorted, unique).
    ``siblings``: what the rules made of the dataset's other fields (``sibling_features``)."""
    # The path inside the dataset: a dataset's own name may hold dots (``crm.customer_info``,
    # ``org.example.User``), which are no parent object of its fields.
    path = path_in(fld.pointer, dataset.name)
    parent = None
    if "." in path or "[]" in path:  # nested: the parent object's name
        segments = [s for s in _SEGMENT.split(path) if s]
        parent = segments[-2] if len(segments) >= 2 else None
    japanese = _japanese(dataset)
    own, last = _field_words(fld.name, fld.comment, fld.data_type, japanese)
    table = _dataset_words(dataset.name, dataset.comment, dataset.source_format, japanese)
    kind = subject.kind if subject is not None else "unknown"
    role = (subject.role or "none") if subject is not None else "none"
    feats = {*own, *table, *siblings, f"sk={kind}", f"sr={role}"}
    if parent is not None:
        feats.update(f"p={t}" for t in split_name(parent))
    if last is not None:  # the same word on a person's row and on a thing's row
        about = "p" if kind in ("person", "person_linked") else "o"
        feats.add(f"sk{about}|nl={last}")
    return sorted(feats)


#: the last dataset asked about and whether it reads as Japanese (one dataset's fields are
#: scored in a row: a one-entry memory, compared by identity)
_LAST_DATASET: list[tuple[Dataset, bool]] = []


def _japanese(dataset: Dataset) -> bool:
    """Whether the dataset is a Japanese schema (``japanese_schema``, the test the rules use:
    a kanji-only comment of such a table is Japanese, not Chinese)."""
    if _LAST_DATASET and _LAST_DATASET[0][0] is dataset:
        return _LAST_DATASET[0][1]
    verdict = japanese_schema([dataset.comment, *(f.comment for f in dataset.fields)])
    _LAST_DATASET[:] = [(dataset, verdict)]
    return verdict


def sibling_features(findings: Sequence[FieldFinding]) -> Callable[[FieldFinding], list[str]]:
    """What the rules made of a field's sibling columns (the dataset's other columns): the
    share they call personal (``rp``: none, few under a quarter, some under half, most) and
    whether any is sensitive (``rs``)."""
    columns = [f for f in findings if f.kind == "column"]
    personal = sum(f.personal for f in columns)
    sensitive = sum(f.sensitive for f in columns)

    def of(f: FieldFinding) -> list[str]:
        own = f.kind == "column"
        n = len(columns) - own
        p = personal - (own and f.personal)
        s = sensitive - (own and f.sensitive)
        if n <= 0:
            return ["rp=alone"]
        share = p / n
        bucket = "none" if p == 0 else "few" if share < 0.25 else "some" if share < 0.5 else "most"
        return [f"rp={bucket}", f"rs={'yes' if s else 'no'}"]

    return of


@lru_cache(maxsize=8192)
def _field_words(
    name: str, comment: str | None, data_type: str | None, japanese: bool = False
) -> tuple[tuple[str, ...], str | None]:
    """The features of a field's own words (kept per distinct field: schemas repeat their
    columns from table to table), and its name's last token."""
    feats: list[str] = ["bias"]
    tokens = split_name(name)
    feats.extend(f"n={t}" for t in tokens)
    if tokens:
        feats.append(f"nn={''.join(tokens)}")
        feats.append(f"nl={tokens[-1]}")
        feats.extend(f"nb={a}_{b}" for a, b in pairwise(tokens))
    script = script_of(name)
    if script not in ("latin", "none"):
        feats.append(f"ns={'kana' if script == 'han' and japanese else script}")
    feats.extend(_comment_features("c", comment, _COMMENT_CHARS, japanese))
    feats.append(f"dt={_type_class(data_type)}")
    return tuple(feats), tokens[-1] if tokens else None


@lru_cache(maxsize=256)
def _dataset_words(
    name: str, comment: str | None, source_format: str, japanese: bool = False
) -> tuple[str, ...]:
    """The features of a field's table: its name's tokens, its comment, its format."""
    feats = [f"t={t}" for t in _table_tokens(name)]
    feats.extend(_comment_features("tc", comment, 8, japanese))
    feats.append(f"sf={source_format}")
    return tuple(feats)


@dataclass(frozen=True)
class Scorer:
    """The learned weights: feature → (PI weight, sensitive weight), and the elements words
    point at (feature → (element of PI, sensitive element))."""

    pi: dict[str, float]
    sens: dict[str, float]
    elements: dict[str, tuple[str, str]]
    thresholds: dict[str, float]
    provenance: tuple[str, ...]

    def score(self, feats: Sequence[str]) -> tuple[float, float]:
        """(P(personal), P(sensitive)) of a field with these features."""
        zp = sum(map(self.pi.get, feats, repeat(0.0, len(feats))))
        zs = sum(map(self.sens.get, feats, repeat(0.0, len(feats))))
        return _sigmoid(zp), _sigmoid(zs)

    def score_of(self, feats: Sequence[str], weights: dict[str, float]) -> float:
        """One of ``score``'s two probabilities (``weights``: ``pi`` or ``sens``), the same
        number, for a field whose verdict only one of them can change."""
        return _sigmoid(sum(map(weights.get, feats, repeat(0.0, len(feats)))))

    @cached_property
    def not_pi(self) -> dict[str, float]:
        """The PI weights with their signs turned: what pushed a field's score down, made once
        (a field the scorer takes out names its words by these)."""
        return {k: -v for k, v in self.pi.items()}

    def top_words(self, feats: Sequence[str], weights: dict[str, float], n: int = 3) -> list[str]:
        """The features that pushed the score up most (words a reader can check)."""
        scored = sorted(
            ((weights.get(f, 0.0), f) for f in feats if f != "bias" and weights.get(f, 0.0) > 0),
            key=lambda x: (-x[0], x[1]),
        )
        return [f for _, f in scored[:n]]

    def element_for(self, feats: Sequence[str], sensitive: bool) -> tuple[str, str] | None:
        """The element the field's strongest learned words point at, with that word."""
        weights = self.sens if sensitive else self.pi
        return self.element_in(self.top_words(feats, weights, n=len(feats)), sensitive)

    def element_in(self, ranked: Sequence[str], sensitive: bool) -> tuple[str, str] | None:
        """``element_for`` of the features already ranked by ``top_words`` (all of them)."""
        for f in ranked:
            pair = self.elements.get(f)
            if pair is not None and pair[1 if sensitive else 0]:
                return pair[1 if sensitive else 0], f
        return None


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def weights_path() -> Path:
    from dataflow.paths import catalogs_dir

    return catalogs_dir() / "data" / WEIGHTS_FILE


def read_scorer(path: Path) -> Scorer:
    """Weights file: ``#`` provenance lines, ``threshold NAME VALUE`` lines, then one feature a
    line: ``feature<TAB>pi weight<TAB>sensitive weight[<TAB>element<TAB>sensitive element]``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    provenance = [line[1:].strip() for line in lines if line.startswith("#")]
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    thresholds = {r[1]: float(r[2]) for r in rows if r[0] == "threshold"}
    rows = [r for r in rows if r[0] != "threshold"]
    pi = {r[0]: float(r[1]) for r in rows if r[1] != "0"}
    sens = {r[0]: float(r[2]) for r in rows if r[2] != "0"}
    elements = {r[0]: (r[3], r[4]) for r in rows if len(r) >= 5}
    return Scorer(pi, sens, elements, thresholds, tuple(provenance))


@lru_cache(maxsize=1)
def shipped_scorer() -> Scorer | None:
    """The shipped weights, read once (None when the file is missing) and kept parsed in the
    cache folder (``catalog.cache.disk_cached``, keyed by the bytes of the weights file and of
    this module): reading the parsed copy takes a fifth of parsing the file, which every
    ``dataflow check`` would otherwise pay."""
    from dataflow.catalog.cache import disk_cached

    path = weights_path()
    if not path.is_file():
        return None
    return disk_cached("learned-scorer", (path, Path(__file__)), lambda: read_scorer(path), Scorer)


# --- combination with the rules' verdicts ---------------------------------------------------

#: rules' evidence this strong is never overruled by the model
_STRONG = 0.8
#: the element of a field the model adds on a person's row (threshold ``add_unnamed``) when
#: neither the rules nor the field's learned words name one
FALLBACK_ELEMENT = "pi.other.person_attribute"


# What each kind of feature is, in words (English, Chinese).
_FEATURE_WORDS: dict[str, tuple[str, str]] = {
    "n": ("word", "字段名词"),
    "nn": ("name", "字段名"),
    "nl": ("last word", "字段名末词"),
    "nb": ("words", "字段名词组"),
    "c1": ("comment character", "注释字"),
    "c2": ("comment", "注释词"),
    "cw": ("comment word", "注释词"),
    "t": ("table word", "表名词"),
    "tc1": ("table comment character", "表注释字"),
    "tc2": ("table comment", "表注释词"),
    "tcw": ("table comment word", "表注释词"),
    "p": ("parent", "上级对象"),
    "dt": ("type", "类型"),
    "sk": ("subject", "数据主体"),
    "sr": ("role", "角色"),
    "sf": ("format", "格式"),
    "cs": ("comment script", "注释文字"),
    "cj1": ("Japanese comment character", "日文注释字"),
    "cj2": ("Japanese comment", "日文注释词"),
    "ck1": ("Korean comment character", "韩文注释字"),
    "ck2": ("Korean comment", "韩文注释词"),
    "cxw": ("comment word", "注释词"),
    "ns": ("name script", "字段名文字"),
    "rp": ("share of sibling fields the rules found personal", "同表字段规则判为个人信息的比例"),
    "rs": ("a sibling field the rules found sensitive", "同表有规则判为敏感的字段"),
    "skp|nl": ("last word on a person's row", "人的记录中的字段名末词"),
    "sko|nl": ("last word on a row not a person's", "非人的记录中的字段名末词"),
}


def _describe(feats: Iterable[str]) -> Words:
    """The features in words, in English and Chinese (``report.evidence`` shows the Chinese
    under ``--lang zh``; JSON and SARIF keep the English)."""
    en: list[str] = []
    zh: list[str] = []
    for f in feats:
        kind, _, value = f.partition("=")
        label = _FEATURE_WORDS.get(kind, (kind, kind))
        en.append(f"{label[0]} {value}")
        zh.append(f"{label[1]} '{value}'")
    return Words(", ".join(en), "、".join(zh))


def _candidates(finding: FieldFinding, catalog: Catalog) -> list[Element]:
    """Elements the rules' evidence named for this field, strongest first."""
    seen: dict[str, float] = {}
    for ev in finding.evidence:
        if ev.element and ev.element in catalog.elements:
            seen[ev.element] = max(seen.get(ev.element, 0.0), ev.weight)
    ordered = sorted(seen.items(), key=lambda x: (-x[1], x[0]))
    return [catalog.elements[e] for e, _ in ordered if catalog.elements[e].pi]


def _with_element(
    finding: FieldFinding,
    element: Element,
    confidence: float,
    evidence: Evidence,
) -> FieldFinding:
    return dataclasses.replace(
        finding,
        personal=True,
        sensitive=element.sensitive,
        element=element.id,
        category=element.category,
        grade=element.grade,
        confidence=round(confidence, 3),
        evidence=(*finding.evidence, evidence),
        sensitive_group=element.sensitive_group if element.sensitive else None,
    )


#: Context rules whose verdict rests on the document's structure, not on words the scorer weighs:
#: a credential's envelope member describes the credential, however personal its words sound, and
#: a member of its claims is about the holder, however plain its words; the members around a
#: change-data-capture event's row images describe the capture, not the row's person; a person's
#: document's metadata and the code systems of its coded values say how the record is written;
#: an OAuth client's keys and an application's own token belong to software, however much a
#: name of customers around them sounds like a person.
_SETTLED = frozenset(
    {
        "subject-credential-envelope",
        "subject-credential-claim",
        "subject-change-envelope",
        "subject-document-envelope",
        "subject-row-editor",
        "subject-oauth-client",
        "subject-application-credential",
    }
)


#: What the scorer may not do against a verdict of a subject rule (``dataflow.subject``: its
#: evidence is a ``subject-*`` context rule, which read the record the field is in, not the
#: field's words): ``keep`` — take out a field a subject rule named as a person's information;
#: ``hold`` — add a field a subject rule took out (a thing's name, a code list's entry, an
#: envelope); ``plain`` — raise to sensitive, on its own words alone (``sensitive_word``), a field
#: a subject rule named a non-sensitive element for. The shipped policy holds the guards that a
#: grouped cross-validation by set found to cost no PI F1 and no sensitive recall
#: (``bench/train_field_scorer.py``, ``bench/field_scorer_cv.txt``); ``plain`` cost sensitive
#: recall there (and more on the sets trained on), so it is not shipped.
SUBJECT_GUARDS: frozenset[str] = frozenset({"keep", "hold"})
#: Subject rules that read a sensitive word as what the person wishes for, not their own
#: attribute (择偶标准-最高收入): their plain verdict stands; the scorer does not raise it back.
PLAIN_VERDICTS: frozenset[str] = frozenset({"subject-wished-for", "subject-animal"})


def subject_verdict(f: FieldFinding) -> str | None:
    """``named``: a subject rule named ``f`` a person's information (its evidence names an
    element); ``out``: the rules do not call ``f`` personal and a subject rule had a say in it
    (it took the field out: a thing's name, an envelope, a code entry, a row's editor, or a
    guess the record's subject rejected); None: no subject rule decided it."""
    rules = [ev for ev in f.evidence if ev.source == "context" and ev.rule.startswith("subject-")]
    if f.personal and any(ev.element for ev in rules):
        return "named"
    if not f.personal and rules:
        return "out"
    return None


def adjust_findings(
    findings: Sequence[FieldFinding],
    dataset: Dataset,
    subject: Subject | None,
    catalog: Catalog,
    scorer: Scorer | None = None,
) -> list[FieldFinding]:
    """The rules' findings of ``dataset`` with the learned scorer's confident changes."""
    scorer = scorer if scorer is not None else shipped_scorer()
    if scorer is None:
        return list(findings)
    t = scorer.thresholds
    add, remove, upgrade = t.get("add", 2.0), t.get("remove", -1.0), t.get("sensitive", 2.0)
    # weights without the threshold never add a field no word names an element for
    unnamed = max(add, t.get("add_unnamed", 2.0))
    # nor let a word name a sensitive element
    by_word = t.get("sensitive_word", 2.0)
    # the fallback element only for what is a person's: not a tenant, an envelope or a
    # bookkeeping column (asked only where the fallback would apply)
    persons = (
        _the_persons(dataset, catalog) if subject is not None and subject.about_person else None
    )
    out: list[FieldFinding] = []
    siblings = sibling_features(findings)
    for f in findings:
        need_pi, need_s = scores_needed(f)
        if not (need_pi or need_s) or rules_settled(f, dataset, catalog):
            out.append(f)  # no score, however high or low, changes this verdict
            continue
        feats = field_features(f.field, dataset, subject, siblings(f))
        # a score no branch of ``_adjusted`` reads is NaN: every comparison with it is false
        p_pi = scorer.score_of(feats, scorer.pi) if need_pi else math.nan
        need_s = need_s and (f.personal or p_pi >= add)  # a field left out: once it is added
        p_s = scorer.score_of(feats, scorer.sens) if need_s else math.nan
        thresholds = (add, remove, upgrade, unnamed, by_word)
        out.append(_adjusted(f, feats, p_pi, p_s, thresholds, scorer, catalog, persons))
    return out


def scores_needed(f: FieldFinding) -> tuple[bool, bool]:
    """Which of the scorer's two scores can change the rules' verdict on ``f`` (asked before
    either is worked out; ``_adjusted`` is the policy): (P(personal), P(sensitive)). A field a
    subject rule took out stays out (``hold``); a field the rules leave out needs its personal
    score (and its sensitive score once that adds it); a personal field needs its personal
    score only if the scorer may take it out (a weak verdict no subject rule named,
    ``keep``), and its sensitive score only if it may be raised (not yet sensitive, not a
    wish or an animal's)."""
    by_subject = subject_verdict(f)
    if by_subject == "out" and "hold" in SUBJECT_GUARDS:
        return False, False
    if not f.personal:
        return True, True
    removable = f.confidence < _STRONG and not (by_subject == "named" and "keep" in SUBJECT_GUARDS)
    raisable = not f.sensitive and not any(ev.rule in PLAIN_VERDICTS for ev in f.evidence)
    return removable, raisable


def rules_settled(f: FieldFinding, dataset: Dataset, catalog: Catalog) -> bool:
    """Whether the rules' verdict on ``f`` stands whatever the scorer's score: not a column;
    decided by values (values outrank words, learned or not); by the document's structure
    (``_SETTLED``); or a field the rules leave out for what it is, which no word can make a
    person's: a warehouse's load column, a payment gateway call's envelope member, the key of a
    form's field (`fieldId`), a limit on an age (`maxAge`), a building's permit
    ('预售许可证号')."""
    if f.kind != "column" or any(ev.source == "value" for ev in f.evidence):
        return True
    if any(ev.rule in _SETTLED for ev in f.evidence):
        return True
    if f.personal:
        return False
    return bool(
        (top_level(f.field, dataset.name) and _load_column(dataset, f.field.name, catalog))
        or (top_level(f.field, dataset.name) and _envelope_member(dataset, f.field, catalog))
        or _gateway_column(dataset, f.field, catalog)
        or _definition_key(f.field.name, catalog)
        or any(ev.rule == "name-bound" for ev in f.evidence)
        or _impersonal_comment(f.field, catalog)
    )


def _sensitive_by_word(
    feats: Sequence[str], scorer: Scorer, catalog: Catalog
) -> tuple[Element, str] | None:
    """The sensitive element the field's strongest learned words name, with that word."""
    learned = scorer.element_for(feats, True)
    if learned is None or learned[0] not in catalog.elements:
        return None
    element = catalog.elements[learned[0]]
    return (element, learned[1]) if element.pi and element.sensitive else None


def _the_persons(dataset: Dataset, catalog: Catalog) -> Callable[[Field], bool]:
    """Whether a field of ``dataset`` (a person's row) is information about its person: not the
    tenant the row belongs to (``subjects.tenant_columns``: ``tenant_id``, an EHR's
    ``CONTEXTID``), not an API document's envelope (a response's ``message``, a listing's
    ``next`` page), not a technical column or soft-deletion flag (``subjects.technical_columns``,
    ``deletion_tails``: `RowVersion`, `tablename`, `livemode`, `yonghu_delete`), not what says
    how to read a measured value (``SubjectRules.value_reading``: `heart_rate.unit`, a
    `descriptive_statistic`). Only such a
    field may get the person's "other information" for want of a word naming an element."""
    from dataflow.subject.person import response_envelope
    from dataflow.subject.rules import rules_for

    rules = rules_for(catalog)
    envelope = response_envelope(rules, dataset)

    def the_persons(field: Field) -> bool:
        tokens = split_name(field.name)
        if "".join(tokens) in rules.tenant_columns or field.name.lower() in envelope:
            return False
        if len(tokens) == 1 and tokens[0] in rules.record_state_flags:
            return False  # `archived`, `anonymized`: how the application treats the record
        rel = field.pointer.removeprefix(f"{dataset.name}.")
        if rules.value_reading(tokens, rel.rpartition(".")[0] if "." in rel else ""):
            return False  # how to read a measured value (`heart_rate.unit`), not the person's
        return has_cjk(field.name) or not rules.technical_column(rules.spelled(tokens))

    return the_persons


def _envelope_member(dataset: Dataset, fld: Field, catalog: Catalog) -> bool:
    """Whether ``fld`` is a member of an API reply's envelope (``subjects.response_envelope``:
    `success`, `message`, `status` of `… response 200`): the API's answer about the call, which
    no score makes a person's."""
    from dataflow.subject.person import response_envelope
    from dataflow.subject.rules import rules_for

    return fld.name.lower() in response_envelope(rules_for(catalog), dataset)


def _definition_key(name: str, catalog: Catalog) -> bool:
    """Whether ``name`` is the key of a part of a form or schema (``subjects.definition_parts``:
    `fieldId`, `attribute_id`): which part a value fills, no one's information."""
    from dataflow.subject.rules import rules_for

    return rules_for(catalog).definition_key(tuple(split_name(name)))


def _impersonal_comment(fld: Field, catalog: Catalog) -> bool:
    """Whether the field's Chinese comment names a building's or a business's permit or
    acceptance check (``subjects.impersonal_documents``): no one person's."""
    from dataflow.subject.person import names_impersonal_document
    from dataflow.subject.rules import rules_for

    return bool(fld.comment) and names_impersonal_document(rules_for(catalog), fld.comment or "")


def _load_column(dataset: Dataset, name: str, catalog: Catalog) -> bool:
    """Whether ``name`` is one of the load columns a warehouse adds to every table of
    ``dataset`` (``subjects.load_columns``: ``ingest_datetime``, ``tuva_last_run``; beside one,
    ``load_file_columns``), which hold no one's information."""
    from dataflow.subject.rules import load_column, rules_for

    return load_column(rules_for(catalog), dataset, name)


def _gateway_column(dataset: Dataset, fld: Field, catalog: Catalog) -> bool:
    """Whether ``fld`` is a member of a payment gateway call's envelope on a table that logs
    such calls (``subjects.gateway_message_columns``: `sign_type`, `mer_id`, `ret_msg`)."""
    from dataflow.subject.rules import gateway_column, rules_for

    return top_level(fld, dataset.name) and gateway_column(rules_for(catalog), dataset, fld.name)


def _evidence(rule: str, en: str, zh: str, element: str | None, score: float) -> Evidence:
    """The learned scorer's evidence for a verdict (``rule``: learned-pi, learned-not-pi or
    learned-sensitive), with the score rounded as every report shows it."""
    return Evidence("learned", rule, Words(en, zh), element, round(score, 3))


def _adjusted(
    f: FieldFinding,
    feats: list[str],
    p_pi: float,
    p_s: float,
    thresholds: tuple[float, float, float, float, float],
    scorer: Scorer,
    catalog: Catalog,
    persons: Callable[[Field], bool] | None,
) -> FieldFinding:
    add, remove, upgrade, unnamed, by_word = thresholds
    by_subject = subject_verdict(f)
    if by_subject == "out" and "hold" in SUBJECT_GUARDS:
        return f  # a subject rule read the record and found it no one's: words do not undo it
    if not f.personal and p_pi >= add:
        # the words that pushed the score up, strongest first (the first three say why)
        ranked = scorer.top_words(feats, scorer.pi, n=len(feats))
        named_by_rules = _candidates(f, catalog)
        sensitive = [e for e in named_by_rules if e.sensitive] if p_s >= upgrade else []
        plain = [e for e in named_by_rules if not e.sensitive]
        word = ""
        if sensitive or plain:
            element = (sensitive or plain)[0]
        else:  # a non-sensitive element only: a word alone names no Art. 28 group honestly
            learned = scorer.element_in(ranked, False)
            if learned is not None and learned[0] in catalog.elements:
                element, word = catalog.elements[learned[0]], learned[1]
            elif (
                persons is not None
                and p_pi >= unnamed
                and FALLBACK_ELEMENT in catalog.elements
                and persons(f.field)
            ):
                # no word names an element: on a person's row, the catalog's "other
                # information about a person" (a reviewer may name a more specific one)
                element = catalog.elements[FALLBACK_ELEMENT]
            else:
                return f
            if element.sensitive:
                return f
        why = _describe(ranked[:3])
        # a field added on a plain element (or none) whose words name a sensitive one
        if not any(e.sensitive for e in named_by_rules) and p_s >= by_word:
            named = _sensitive_by_word(feats, scorer, catalog)
            if named is not None:
                element, word = named
                named_by = _describe([word])
                ev = _evidence(
                    "learned-pi",
                    f"learned scorer {p_pi:.2f}, {p_s:.2f} sensitive: {why}; element by {named_by}",
                    f"学习评分 {p_pi:.2f}，{p_s:.2f} 认为敏感：{why.zh}；元素依据{named_by.zh}",
                    element.id,
                    p_pi,
                )
                return _with_element(f, element, p_pi, ev)
        by = _describe([word]) if word else None
        if by:
            whence = (f"; element by {by}", f"；元素依据{by.zh}")
        elif sensitive or plain:
            whence = _RULES_NAMED
        else:
            whence = ("; no word names an element", "；无词指明元素")
        ev = _evidence(
            "learned-pi",
            f"learned scorer {p_pi:.2f}: {why}{whence[0]}",
            f"学习评分 {p_pi:.2f}：{why.zh}{whence[1]}",
            element.id,
            p_pi,
        )
        return _with_element(f, element, p_pi, ev)
    if by_subject == "named" and "keep" in SUBJECT_GUARDS:
        remove = -1.0  # the record's subject made it a person's: the scorer does not take it out
    if f.personal and p_pi <= remove and f.confidence < _STRONG:
        why = _describe(scorer.top_words(feats, scorer.not_pi))
        ev = _evidence(
            "learned-not-pi",
            f"learned scorer {1 - p_pi:.2f} not personal: {why}",
            f"学习评分 {1 - p_pi:.2f} 认为不是个人信息：{why.zh}",
            f.element,
            1 - p_pi,
        )
        return dataclasses.replace(
            f,
            personal=False,
            sensitive=False,
            element=None,
            category=None,
            grade=catalog.defaults["unclassified"],
            confidence=round(1 - p_pi, 3),
            evidence=(*f.evidence, ev),
            sensitive_group=None,
        )
    if (
        f.personal
        and not f.sensitive
        and (p_s >= upgrade or p_s >= by_word)  # neither raise applies below both thresholds
        and not any(ev.rule in PLAIN_VERDICTS for ev in f.evidence)
    ):
        cands = [e for e in _candidates(f, catalog) if e.sensitive]
        # the element a subject rule chose is raised only to a sensitive one the rules named
        by_words = not (by_subject == "named" and "plain" in SUBJECT_GUARDS)
        if cands and p_s >= upgrade:  # a sensitive element the rules' evidence named
            element, whence = cands[0], _RULES_NAMED
        elif not cands and by_words and p_s >= by_word:  # else one the field's words name
            named = _sensitive_by_word(feats, scorer, catalog)
            if named is None:
                return f
            element, word = named
            by = _describe([word])
            whence = (f"; element by {by}", f"；元素依据{by.zh}")
        else:
            return f
        why = _describe(scorer.top_words(feats, scorer.sens))
        ev = _evidence(
            "learned-sensitive",
            f"learned scorer {p_s:.2f} sensitive: {why}{whence[0]}",
            f"学习评分 {p_s:.2f} 认为敏感：{why.zh}{whence[1]}",
            element.id,
            p_s,
        )
        return _with_element(f, element, max(f.confidence, p_s), ev)
    return f


_RULES_NAMED = ("; element the rules named", "；元素为规则所指")
