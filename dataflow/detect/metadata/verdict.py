"""Metadata verdicts, their candidates and hits, and the context of the dataset a field is in."""

from __future__ import annotations

from dataclasses import dataclass, field

from dataflow.catalog import Element
from dataflow.detect.metadata.words import has_cjk
from dataflow.model import Evidence


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
class Hit:
    element: str
    weight: float
    source: str
    rule: str
    detail: str


def comment_ends_with_term(sc: Scored, comment: str) -> bool:
    """A Chinese comment ending with this element's term (``EmployeeID`` '员工身份证'): the
    column holds that value, used as a key, not a pointer to it (``address_id`` '地址ID')."""
    if not comment or not has_cjk(comment):
        return False
    end = comment.rstrip()
    # 病历号码 ends with 病历号: 号 and 号码 are one word for a number
    ends = (end, end[:-1]) if end.endswith("号码") else (end,)
    return any(
        h.rule == "comment-zh" and e.endswith(h.detail.rsplit("'", 2)[-2])
        for h in sc.hits
        for e in ends
    )


def description_starts_with_term(sc: Scored, comment: str) -> bool:
    """An English description of a coded element's column that starts with its term ('Marital
    or family status of the customer' of `family_status`): the description says which status
    the column is, so a status or type word of the name does not make it another one."""
    if not comment or has_cjk(comment) or "code" not in sc.element.types:
        return False
    low = comment.lower().lstrip()
    for article in ("the ", "a ", "an "):
        low = low.removeprefix(article)
    return any(
        h.rule == "comment-en" and low.startswith(h.detail.rsplit("'", 2)[-2].lower())
        for h in sc.hits
    )


@dataclass
class Scored:
    element: Element
    hits: list[Hit] = field(default_factory=list)
    factors: list[tuple[float, Evidence]] = field(default_factory=list)
    veto: Evidence | None = None
    covered: set[int] = field(default_factory=set)  # name tokens covered by its matches


@dataclass(frozen=True)
class DatasetContext:
    name: str = ""
    person: bool = False
    non_person: bool = False
    dictionary: str | None = None
    person_head: bool = False
    person_key: bool = False  # its `id` is a person's key (`sys_user`, not `coupon_user`)
    health_topic: str | None = None  # element of a table of health events (by its name)
    topic_words: tuple[str, ...] = ()
    patients: bool = False  # the table is about patients (health topic + a person key)
    named_contact: bool = False  # a column holds a natural person's first or last name


# Placeholder for the table name in cached verdicts (cannot occur in a name read from a file).
TABLE = "\x00table\x00"
MAX_CACHED = 200_000
