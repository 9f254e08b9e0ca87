"""What the steps of the decision procedure share: the mechanisms and their order, the facts
and outcome of one evaluation, and how a reason is written from the rule pack's step texts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from dataflow import negative_list as nl
from dataflow import vocab
from dataflow.i18n import mechanism_label
from dataflow.manifest import DatasetSpec, PriorExports, Transfer
from dataflow.model import (
    Citation,
    DatasetResult,
    FieldFinding,
    Grade,
    NegativeListHit,
    Reason,
    Text,
)
from dataflow.rules import RulePack

BLOCKED = vocab.BLOCKED
SA = vocab.SECURITY_ASSESSMENT
SCC = vocab.STANDARD_CONTRACT
EXEMPT = vocab.EXEMPT
NOT_APPLICABLE = vocab.NOT_APPLICABLE
COVERED = vocab.COVERED
# How heavy a mechanism is; ``covered`` sits below the filings it stands in for.
STRICTNESS = {NOT_APPLICABLE: 0, EXEMPT: 1, COVERED: 2, SCC: 3, SA: 4, BLOCKED: 5}
RISKS = vocab.RISKS  # low < medium < high < critical < blocked
RISK_ORDER = {name: rank for rank, name in enumerate(RISKS)}
LIST_MECHANISM = {vocab.PROHIBITED: BLOCKED, SA: SA, SCC: SCC}


@dataclass
class Outcome:
    mechanism: str
    reasons: list[Reason] = field(default_factory=list)
    hits: tuple[NegativeListHit, ...] = ()
    open_questions: list[Text] = field(default_factory=list)
    warnings: list[Text] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    contains_pi: bool = False
    sensitive_fields: tuple[str, ...] = ()
    minors: bool = False
    important_confirmed: bool = False
    renewal_due: bool = False
    by_volume: bool = False  # the volume thresholds decided the mechanism


@dataclass(frozen=True)
class Inputs:
    transfer: Transfer
    datasets: tuple[tuple[DatasetSpec, tuple[DatasetResult, ...]], ...]
    lists: tuple[nl.NegativeList, ...]
    pack: RulePack
    as_of: dt.date
    prior: PriorExports
    settings: Mapping[str, Any]  # open-question settings, by name

    @property
    def count_exempt(self) -> bool:
        return bool(self.settings["count_exempt_volumes"])


def strictest(a: str, b: str) -> str:
    """The heavier of two mechanisms."""
    return a if STRICTNESS[a] >= STRICTNESS[b] else b


def mechanism_text(mechanism: str) -> Text:
    return Text(en=mechanism_label(mechanism, "en"), zh=mechanism_label(mechanism, "zh"))


def step_reason(
    pack: RulePack,
    code: str,
    *,
    cite: Sequence[Citation] = (),
    values: Mapping[str, object] | None = None,
    **more: object,
) -> Reason:
    step = pack.step(code)
    text = step.render(**{**(values or {}), **more})
    citations = tuple(dict.fromkeys((*step.citations, *cite)))
    return Reason(code=code, text=text, citations=citations)


def personal_findings(results: Iterable[DatasetResult], drop: frozenset[str]) -> list[FieldFinding]:
    return [f for r in results for f in r.findings if f.personal and f.field.pointer not in drop]


def drop_fields(result: DatasetResult, drop: frozenset[str]) -> DatasetResult:
    if not drop:
        return result
    kept = tuple(f for f in result.findings if f.field.pointer not in drop)
    if len(kept) == len(result.findings):
        return result
    grade = result.grade
    field_max = max((f.grade for f in result.findings), default=Grade.GENERAL_1)
    if not result.raises and grade == field_max:
        # grade came from the fields alone: recompute; a raised grade is kept (conservative)
        grade = max((f.grade for f in kept), default=Grade.GENERAL_1)
    return replace(result, findings=kept, grade=grade)


def spec_name(spec: DatasetSpec, inp: Inputs) -> str:
    for s, results in inp.datasets:
        if s is spec and results:
            return ", ".join(r.dataset.name for r in results)
    source = spec.schema or spec.sample
    if spec.source is not None:
        return spec.tables[0]
    return source.name if source else spec.key
