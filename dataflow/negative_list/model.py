"""Negative-list data types: lists, entries, conditions, the match context, outcomes."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from dataflow import vocab
from dataflow.condition import LIST_KEYS, Condition
from dataflow.errors import CatalogError
from dataflow.model import (
    Grade,
    NegativeListHit,
    Problem,
    Text,
)
from dataflow.yamlio import covers as covers

SCHEMA_VERSION = 1

JURISDICTIONS = ("national", "ftz", "organisation")
MECHANISMS = vocab.LIST_MECHANISMS
# Strictest first; used to sort hits and to pick the mechanism a set of hits requires.
MECHANISM_RANK = {name: rank for rank, name in enumerate(MECHANISMS)}
IMPORTANT_DATA_STATUSES = ("none", "candidate", "confirmed")
CONDITION_KEYS = LIST_KEYS
ALL = "all"
TAGS = ("V", "C", "K")


# --- data types ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One negative-list entry."""

    id: str
    condition: Condition
    required_mechanism: str
    message: Text
    sector: str | None = None
    scenario: str | None = None
    data_category: Text | None = None
    important_data: str = "none"  # none | candidate | confirmed (the list designates it)
    source: str | None = None
    verified: bool = True
    tag: str | None = None  # regulations.md confidence tag V / C / K
    effective_from: _dt.date | None = None
    effective_to: _dt.date | None = None
    notes: Text | None = None
    line: int | None = None


@dataclass(frozen=True)
class NegativeList:
    """A loaded, validated negative list."""

    id: str
    title: Text
    jurisdiction: str
    version: str
    effective_from: _dt.date
    sources: tuple[str, ...]
    verified: bool
    entries: tuple[Entry, ...]
    zone: str | None = None
    effective_to: _dt.date | None = None
    sectors: tuple[str, ...] = (ALL,)
    scenarios: tuple[str, ...] = (ALL,)
    enabled_by_default: bool = True
    complete: bool = True
    excludes_ciio: bool = False
    notes: Text | None = None
    path: str = ""
    shipped: bool = False
    warnings: tuple[Problem, ...] = ()

    def entry(self, entry_id: str) -> Entry | None:
        """The entry with this id, if any."""
        for item in self.entries:
            if item.id == entry_id:
                return item
        return None

    @property
    def unverified_entries(self) -> tuple[str, ...]:
        """Ids of entries not checked against the published text."""
        return tuple(e.id for e in self.entries if not e.verified)


@dataclass(frozen=True)
class MatchContext:
    """What an entry's condition can look at, for one transfer (or one dataset).

    ``elements`` and ``categories`` map an id present in the data to the pointers of the fields
    carrying it. ``subjects`` / ``sensitive_subjects`` are the people counts the caller wants
    thresholds compared with (cumulative since 1 January under the Provisions). ``important_data``
    is ``none`` / ``candidate`` / ``confirmed``. ``ftz`` is the exporter's zone id. ``as_of`` is the
    date whose rules apply; ``None`` ignores effective dates.
    """

    elements: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    categories: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    grade: Grade | None = None
    sensitive: bool = False
    sensitive_fields: tuple[str, ...] = ()
    subjects: int = 0
    sensitive_subjects: int = 0
    sector: str | None = None
    scenario: str | None = None
    destination: str | None = None
    important_data: str = "none"
    ftz: str | None = None
    ciio: bool = False
    as_of: _dt.date | None = None

    def all_categories(self) -> dict[str, tuple[str, ...]]:
        """Categories given plus those implied by the elements (an element id minus its last part)."""
        out: dict[str, set[str]] = {k: set(v) for k, v in self.categories.items()}
        for element, pointers in self.elements.items():
            if "." in element:
                out.setdefault(element.rsplit(".", 1)[0], set()).update(pointers)
        return {k: tuple(sorted(v)) for k, v in out.items()}


@dataclass(frozen=True)
class FtzOutcome:
    """What the exporter's FTZ negative lists say about a transfer (Provisions Art. 6).

    ``status``:
    - ``not_ftz`` — the exporter is not in a free-trade zone;
    - ``ciio`` — the exporter is a CIIO and the zone's lists exclude CIIOs;
    - ``no_list`` — no loaded list for the zone is in force on ``as_of``;
    - ``out_of_scope`` — the zone's lists do not cover the transfer's sector/scenario
      (national rules apply);
    - ``exempt`` — in scope and no binding entry matched (exempt under Art. 6);
    - ``listed`` — a binding entry matched: ``mechanism`` is the strictest such entry's.
    ``caveats`` say when the verdict rests on unverified or partial lists.
    """

    status: str
    zone: str | None = None
    lists: tuple[str, ...] = ()
    hits: tuple[NegativeListHit, ...] = ()
    mechanism: str | None = None
    caveats: tuple[Text, ...] = ()


class NegativeListError(CatalogError):
    """One or more negative lists failed validation; ``problems`` has every one of them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0]
        super().__init__(first.message, path=first.path, line=first.line, column=first.column)

    def render(self, lang: str = "en") -> str:
        """Every problem on its own line: ``path:line: key: message``."""
        return "\n".join(p.render(lang) for p in getattr(self, "problems", ()))
