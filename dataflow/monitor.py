"""Export monitoring: where each exporter stands against the volume thresholds of the rule pack.

Pure functions over ledger entries and a rule pack (no I/O, no clock): ``dataflow ledger status``
and the early warnings of ``dataflow assess`` both use them. The thresholds come from the rule
pack in force (``RulePack.contract`` / ``RulePack.assessment``), never from code.

- A *line* is one count (people, people with sensitive PI) against one threshold.
- Its *light*: ``red`` when the count has reached the threshold (at or above: the mechanism has
  changed), ``yellow`` when it is at or above ``warn_at`` (default 80 %) of it, else ``green``.
- *Headroom*: people left before the threshold is reached (threshold minus count, at least 0).
- *Projected crossing* (method ``linear``): the cumulative count since the start of the counting
  window divided by the days elapsed (window start to the as-of date, both included) is taken as
  a constant daily rate and extended until the threshold; the first day on which the projected
  count reaches it. No projection when the count is 0 (no trend) or when the day falls after
  31 December of the as-of year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dataflow import vocab
from dataflow.config import DEFAULT_WARN_AT
from dataflow.i18n import MONITOR, mechanism_label, monitor_message
from dataflow.model import Text
from dataflow.rules import RulePack

_WEIGHT = vocab.THRESHOLD_MECHANISMS
MEASURES = ("subjects", "sensitive_subjects")
LIGHTS = ("green", "yellow", "red")
METHOD = MONITOR["method"]
_PEOPLE = {m: MONITOR[f"people.{m}"] for m in MEASURES}
MEASURE_LABELS = {m: MONITOR[f"measure.{m}"] for m in MEASURES}
LIGHT_LABELS = {light: MONITOR[f"light.{light}"] for light in LIGHTS}


@dataclass(frozen=True)
class Threshold:
    """One count of one mechanism's threshold in a rule pack."""

    measure: str  # subjects | sensitive_subjects
    gte: int
    mechanism: str


@dataclass(frozen=True)
class Line:
    """A count against one threshold."""

    measure: str
    count: int
    threshold: int
    mechanism: str
    light: str
    headroom: int
    percent: float
    crossed_on: dt.date | None = None
    projected: dt.date | None = None


def thresholds(pack: RulePack) -> tuple[Threshold, ...]:
    """Every volume threshold of the pack, by measure and then size."""
    out = []
    for mechanism, th in (
        (vocab.STANDARD_CONTRACT, pack.contract),
        (vocab.SECURITY_ASSESSMENT, pack.assessment),
    ):
        out.append(Threshold("subjects", th.subjects_gte, mechanism))
        out.append(Threshold("sensitive_subjects", th.sensitive_subjects_gte, mechanism))
    return tuple(sorted(out, key=lambda t: (MEASURES.index(t.measure), t.gte, t.mechanism)))


def light(count: int, gte: int, warn_at: float) -> str:
    """``red`` reached, ``yellow`` at or above ``warn_at`` of the threshold, else ``green``."""
    if count >= gte:
        return "red"
    if count >= warn_at * gte:
        return "yellow"
    return "green"


def percent(count: int, gte: int) -> float:
    """The count as a percentage of the threshold, one decimal."""
    return round(100.0 * count / gte, 1)


def percent_text(value: float) -> str:
    """A percentage as shown: one decimal at most, thousands separated (``12,000,000 %`` rather
    than ``1.2e+07 %`` for a threshold of one person)."""
    text = f"{value:,.1f}"
    return (text[:-2] if text.endswith(".0") else text) + " %"


def projected_crossing(
    count: int, gte: int, window_start: dt.date, as_of: dt.date
) -> dt.date | None:
    """The day a linear trend from ``window_start`` reaches ``gte`` (see the module docstring)."""
    if count <= 0 or count >= gte or as_of < window_start:
        return None
    elapsed = (as_of - window_start).days + 1
    days = -(-gte * elapsed // count)  # ceiling: first whole day at or above the threshold
    day = window_start + dt.timedelta(days=days - 1)
    return day if day <= dt.date(as_of.year, 12, 31) else None


def next_mechanism(pack: RulePack, subjects: int, sensitive: int) -> str:
    """The mechanism the volumes so far call for (a next transfer adds its own people)."""
    if pack.assessment.reached(subjects, sensitive):
        return vocab.SECURITY_ASSESSMENT
    if pack.exempt_citations is None or pack.contract.reached(subjects, sensitive):
        return vocab.STANDARD_CONTRACT
    return vocab.EXEMPT


def counted_subjects(subjects: int, sensitive: int, sensitive_toward_all: bool = True) -> int:
    """The people counted toward the total of people: all of them, or, when the open question
    ``sensitive_subjects_count_toward_all`` is answered no, those without sensitive PI."""
    return subjects if sensitive_toward_all else max(0, subjects - sensitive)


def warn_level(lines: Sequence[Line]) -> str:
    """The worst light of the lines (``green`` with none)."""
    return max((ln.light for ln in lines), key=LIGHTS.index, default="green")


@dataclass(frozen=True)
class Movement:
    """One recorded export: its date and counts (the ledger entries' shape, for crossing dates)."""

    date: dt.date
    subjects: int
    sensitive_subjects: int


def lines_for(
    pack: RulePack,
    movements: Sequence[Movement],
    window_start: dt.date,
    as_of: dt.date,
    warn_at: float = DEFAULT_WARN_AT,
) -> tuple[Line, ...]:
    """Every threshold line for one exporter's exports in the window up to ``as_of``."""
    kept = sorted((m for m in movements if window_start <= m.date <= as_of), key=lambda m: m.date)
    out = []
    for th in thresholds(pack):
        running, crossed = 0, None
        for m in kept:
            running += getattr(m, th.measure)
            if crossed is None and running >= th.gte:
                crossed = m.date
        out.append(
            Line(
                measure=th.measure,
                count=running,
                threshold=th.gte,
                mechanism=th.mechanism,
                light=light(running, th.gte, warn_at),
                headroom=max(0, th.gte - running),
                percent=percent(running, th.gte),
                crossed_on=crossed,
                projected=projected_crossing(running, th.gte, window_start, as_of),
            )
        )
    return tuple(out)


def early_warnings(
    pack: RulePack,
    subjects: int,
    sensitive: int,
    window_start: dt.date,
    warn_at: float = DEFAULT_WARN_AT,
    sensitive_toward_all: bool = True,
) -> list[Text]:
    """For each count, a warning when it is within the warning level of its next threshold
    (only thresholds of a heavier mechanism than the one the counts already call for).
    ``subjects`` is every person; with ``sensitive_toward_all`` false the people with sensitive
    PI are left out of that total (and the warning says so), as the decision does."""
    out = []
    subjects = counted_subjects(subjects, sensitive, sensitive_toward_all)
    counts = {"subjects": subjects, "sensitive_subjects": sensitive}
    current = _WEIGHT.index(next_mechanism(pack, subjects, sensitive))
    for measure in MEASURES:
        count = counts[measure]
        upcoming = [
            t
            for t in thresholds(pack)
            if t.measure == measure and count < t.gte and _WEIGHT.index(t.mechanism) > current
        ]
        if not upcoming:
            continue
        nxt = upcoming[0]
        if light(count, nxt.gte, warn_at) != "yellow":
            continue
        out.append(
            monitor_message(
                "early_warning",
                left=f"{nxt.gte - count:,}",
                people=_PEOPLE[measure],
                mechanism=Text(
                    mechanism_label(nxt.mechanism, "en"), mechanism_label(nxt.mechanism, "zh")
                ),
                count=f"{count:,}",
                gte=f"{nxt.gte:,}",
                start=window_start.isoformat(),
                pct=percent_text(percent(count, nxt.gte)),
                warn=f"{warn_at * 100:g} %",
                apart=MONITOR["apart"]
                if measure == "subjects" and not sensitive_toward_all
                else "",
            )
        )
    return out


def no_prior(near: Sequence[str] = ()) -> Text:
    """The notice that prior exports were unknown and counted as 0."""
    text = MONITOR["no_prior"]
    if not near:
        return text
    return monitor_message("no_prior.near", notice=text, names=", ".join(repr(n) for n in near))


@dataclass(frozen=True)
class ExporterStatus:
    """One exporter's standing in the counting window."""

    exporter: str
    spellings: tuple[str, ...]
    transfers: int
    void_left_out: int
    subjects: int
    sensitive_subjects: int
    lines: tuple[Line, ...]
    next_mechanism: str

    @property
    def light(self) -> str:
        """The worst light of its lines."""
        return warn_level(self.lines)


@dataclass(frozen=True)
class Status:
    """``dataflow ledger status``: every exporter against every threshold on ``as_of``."""

    as_of: dt.date
    rule_pack: str
    window_start: dt.date
    warn_at: float
    count_exempt_volumes: bool
    exporters: tuple[ExporterStatus, ...]
    notices: tuple[Text, ...] = ()
    sensitive_subjects_count_toward_all: bool = True

    @property
    def light(self) -> str:
        """The worst light over all exporters."""
        return max((e.light for e in self.exporters), key=LIGHTS.index, default="green")

    def as_dict(self) -> dict[str, object]:
        """The JSON record (``dataflow/schemas/ledger-status.schema.json``)."""

        def day(value: dt.date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "schema_version": 1,
            "as_of": self.as_of.isoformat(),
            "rule_pack": self.rule_pack,
            "window_start": self.window_start.isoformat(),
            "warn_at_percent": round(self.warn_at * 100, 4),
            "count_exempt_volumes": self.count_exempt_volumes,
            "sensitive_subjects_count_toward_all": self.sensitive_subjects_count_toward_all,
            "projection": {"method": "linear", "text": {"en": METHOD.en, "zh": METHOD.zh}},
            "light": self.light,
            "exporters": [
                {
                    "exporter": e.exporter,
                    "spellings": list(e.spellings),
                    "transfers": e.transfers,
                    "void_transfers_left_out": e.void_left_out,
                    "subjects": e.subjects,
                    "sensitive_subjects": e.sensitive_subjects,
                    "light": e.light,
                    "next_mechanism": e.next_mechanism,
                    "lines": [
                        {
                            "measure": ln.measure,
                            "count": ln.count,
                            "threshold": ln.threshold,
                            "mechanism": ln.mechanism,
                            "light": ln.light,
                            "percent": ln.percent,
                            "headroom": ln.headroom,
                            "crossed_on": day(ln.crossed_on),
                            "projected_crossing": day(ln.projected),
                        }
                        for ln in e.lines
                    ],
                }
                for e in self.exporters
            ],
            "notices": [{"en": n.en, "zh": n.zh} for n in self.notices],
        }


def exporter_status(
    pack: RulePack,
    exporter: str,
    spellings: Sequence[str],
    movements: Sequence[Movement],
    void_left_out: int,
    window_start: dt.date,
    as_of: dt.date,
    warn_at: float = DEFAULT_WARN_AT,
) -> ExporterStatus:
    """The status of one exporter from its (counted, not void) exports."""
    lines = lines_for(pack, movements, window_start, as_of, warn_at)
    kept = [m for m in movements if window_start <= m.date <= as_of]
    subjects = sum(m.subjects for m in kept)
    sensitive = sum(m.sensitive_subjects for m in kept)
    return ExporterStatus(
        exporter=exporter,
        spellings=tuple(spellings),
        transfers=len(kept),
        void_left_out=void_left_out,
        subjects=subjects,
        sensitive_subjects=sensitive,
        lines=lines,
        next_mechanism=next_mechanism(pack, subjects, sensitive),
    )
