"""The decision procedure for one planned outbound transfer (regulations.md "Decision logic").

Pure: a validated manifest transfer, its scanned datasets, the negative lists and a policy (the
rule packs and settings) go in; a ``TransferAssessment`` comes out. No I/O, no clock.

Procedure, first matching step wins, then the floors:

1. blocked: recipient on the CAC restricted list (PIPL Art. 42); a foreign judicial or
   law-enforcement recipient (PIPL Art. 41, DSL Art. 36); core data (tool policy);
2. no PI and no confirmed important data: ``not_applicable``;
3. confirmed important data: security assessment (candidate → open question, go on);
4. state organ with PI: security assessment;
5. declared exemption scenario (contract necessity, HR, emergency, statutory duty, re-export):
   exempt;
6. FTZ exporter, not a CIIO, within the scope of its zone's list: no binding hit → exempt
   (Provisions Art. 6), a hit → the entry's mechanism; otherwise national rules;
7. CIIO with PI: security assessment;
8. volumes since the start of the counting window, this transfer included, against the pack's
   thresholds: security assessment / standard contract or certification / exempt.

Then binding hits of national and organisation negative lists raise the mechanism to theirs
(``prohibited`` → ``blocked``), and an existing approval whose validity and scope (purpose,
recipient, PI categories, scale) cover the transfer turns a required mechanism into ``covered``.

Risk mapping (documented contract):

- ``blocked``  — mechanism ``blocked``;
- ``critical`` — a security assessment is required and not covered;
- ``high``     — a standard contract or certification is required and not covered;
- ``medium``   — exempt, covered or not applicable, but sensitive PI is exported, an approval needs
  renewing soon, or a question is open (candidate important data, unverified list entries);
- ``low``      — exempt, covered or not applicable with none of those.

Each step is one function of ``dataflow.procedure`` (``STEPS``, in this order, its legal basis in
its docstring), the floors follow there; existing approvals are ``dataflow.approvals``, the
shared types ``dataflow.decision``; sentences of law are ``catalogs/legal_texts.yaml``.

Remediation re-runs the same procedure with fields dropped (sensitive fields, fields that made a
negative-list entry match) and keeps only changes that really give a lighter mechanism, each
reduced to a minimal set of fields.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from dataflow import negative_list as nl
from dataflow.approvals import working_days_between
from dataflow.config import open_questions
from dataflow.decision import (
    BLOCKED,
    COVERED,
    EXEMPT,
    NOT_APPLICABLE,
    RISK_ORDER,
    RISKS,
    SA,
    SCC,
    STRICTNESS,
    Inputs,
    Outcome,
    strictest,
)
from dataflow.i18n import mechanism_label
from dataflow.legal_texts import legal_text
from dataflow.manifest import DatasetSpec, PriorExports, Transfer
from dataflow.model import (
    DatasetResult,
    NegativeListHit,
    Obligation,
    Remediation,
    SettingEffect,
    Text,
    TransferAssessment,
)
from dataflow.monitor import DEFAULT_WARN_AT, early_warnings, no_prior
from dataflow.procedure import evaluate
from dataflow.rules import RulePack, select_pack

__all__ = [
    "BLOCKED",
    "COVERED",
    "EXEMPT",
    "NOT_APPLICABLE",
    "RISKS",
    "RISK_ORDER",
    "SA",
    "SCC",
    "STRICTNESS",
    "Policy",
    "assess_transfer",
    "blocking_hits",
    "exceeds",
    "fingerprint",
    "results_for",
    "risk_of",
    "strictest",
    "working_days_between",
]


@dataclass(frozen=True)
class Policy:
    """Everything the decision needs besides the transfer: rule packs and settings."""

    packs: tuple[RulePack, ...]
    as_of: dt.date | None = None  # None: the transfer's date
    warn_at: float = DEFAULT_WARN_AT  # early warning at this share of the next threshold
    # Open questions of law (catalogs/open_questions.yaml); None: the setting's default.
    count_exempt_volumes: bool | None = None
    sensitive_subjects_count_toward_all: bool | None = None
    ciio_may_use_ftz_lists: bool | None = None
    pre_2024_assessment_validity_years: int | None = None

    def open_question_values(self) -> dict[str, Any]:
        """Each open-question setting's value: as given, else its default."""
        return {
            q.name: q.default if getattr(self, q.name) is None else getattr(self, q.name)
            for q in open_questions()
        }


def results_for(spec: DatasetSpec, scanned: Sequence[DatasetResult]) -> tuple[DatasetResult, ...]:
    """The scanned datasets that belong to a manifest dataset (same file, listed table)."""
    if spec.source is not None and spec.engine == "spark":  # ``spark:db.table``, ``spark:PATH``
        given = {spec.source, spec.source.removeprefix("spark:")}
        return tuple(
            r for r in scanned if r.dataset.name in spec.tables and r.dataset.source_path in given
        )
    if spec.source is not None:  # a database table (``db:NAME`` was resolved by the scan)
        from dataflow.readers.database import SCHEMES, redact

        shown = redact(spec.source)
        return tuple(
            r
            for r in scanned
            if r.dataset.name in spec.tables
            and r.dataset.source_format in SCHEMES
            and (spec.source.startswith("db:") or r.dataset.source_path == shown)
        )
    source = spec.schema or spec.sample
    if source is None:
        return ()
    wanted = _norm(source)
    out = [
        r
        for r in scanned
        if _norm(Path(r.dataset.source_path)) == wanted
        and (not spec.tables or r.dataset.name in spec.tables)
    ]
    return tuple(sorted(out, key=lambda r: r.dataset.name))


def _norm(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:  # pragma: no cover - unresolvable path
        return str(path)


def assess_transfer(
    manifest: Transfer,
    scanned: Sequence[DatasetResult],
    lists: Sequence[nl.NegativeList],
    policy: Policy,
    *,
    prior: PriorExports | None = None,
) -> TransferAssessment:
    """Decide the mechanism, risk, obligations and remediation of one transfer.

    ``prior`` (e.g. from the ledger) is used when the manifest has no ``prior_exports``.
    """
    as_of = policy.as_of or manifest.date
    pack = select_pack(policy.packs, as_of)
    inputs = Inputs(
        transfer=manifest,
        datasets=tuple((spec, results_for(spec, scanned)) for spec in manifest.datasets),
        lists=tuple(lists),
        pack=pack,
        as_of=as_of,
        prior=manifest.prior_exports or prior or PriorExports(source="none"),
        settings=policy.open_question_values(),
    )
    out = evaluate(inputs, frozenset())
    effects = _setting_effects(inputs, out)
    out.warnings.extend(_effect_text(e, out.mechanism) for e in effects)
    risk = risk_of(out)
    notices = _count_notices(inputs, out, policy.warn_at)
    names = sorted({r.dataset.name for _, results in inputs.datasets for r in results})
    return TransferAssessment(
        id=manifest.id,
        mechanism=out.mechanism,
        risk=risk,
        datasets=tuple(names),
        obligations=_obligations(inputs, out),
        negative_list_hits=out.hits,
        reasons=tuple(out.reasons),
        open_questions=tuple(_unique(out.open_questions)),
        remediation=_remediate(inputs, out),
        warnings=tuple(_unique([*notices, *out.warnings, *pack.caveats])),
        fingerprint=fingerprint(manifest, [r for _, rs in inputs.datasets for r in rs]),
        rule_pack=pack.id,
        as_of=as_of.isoformat(),
        counts=dict(sorted(out.counts.items())),
        manifest_path=manifest.path or None,
        settings=effects,
    )


def _setting_effects(inputs: Inputs, out: Outcome) -> tuple[SettingEffect, ...]:
    """The open-question settings whose other value would change the mechanism."""
    effects = []
    for question in open_questions():
        value = inputs.settings[question.name]
        for other in question.choices:
            if other == value:
                continue
            changed = replace(inputs, settings={**inputs.settings, question.name: other})
            mechanism = evaluate(changed, frozenset()).mechanism
            if mechanism != out.mechanism:
                effects.append(SettingEffect(question.name, value, other, mechanism))
    return tuple(effects)


def _effect_text(effect: SettingEffect, mechanism: str) -> Text:
    def shown(value: Any) -> str:
        return str(value).lower() if isinstance(value, bool) else str(value)

    return Text(
        en=(
            f"Open question decided by the setting {effect.setting} = {shown(effect.value)}: "
            f"{mechanism_label(mechanism, 'en')}; with {effect.setting} = "
            f"{shown(effect.alternative)} it would be "
            f"{mechanism_label(effect.mechanism_with_alternative, 'en')}."
        ),
        zh=(
            f"此结论取决于尚无定论的配置项 {effect.setting} = {shown(effect.value)}："
            f"{mechanism_label(mechanism, 'zh')}；若 {effect.setting} = "
            f"{shown(effect.alternative)}，则为"
            f"{mechanism_label(effect.mechanism_with_alternative, 'zh')}。"
        ),
    )


def _count_notices(inp: Inputs, out: Outcome, warn_at: float) -> list[Text]:
    """Say when prior exports were unknown (counted as 0), and warn when the volumes so far
    come within ``warn_at`` of the next threshold."""
    notices = []
    if out.contains_pi and inp.prior.source == "none":
        notices.append(no_prior(getattr(inp.prior, "near", ())))
    if out.by_volume:
        notices.extend(
            early_warnings(
                inp.pack,
                out.counts["subjects_total"],
                out.counts["sensitive_subjects_total"],
                inp.pack.window_start(inp.transfer.date),
                warn_at,
                bool(inp.settings["sensitive_subjects_count_toward_all"]),
            )
        )
    return notices


def risk_of(out: Outcome) -> str:
    """Risk level from the mechanism and what else is known (see the module docstring)."""
    if out.mechanism == BLOCKED:
        return "blocked"
    if out.mechanism == SA:
        return "critical"
    if out.mechanism == SCC:
        return "high"
    if out.sensitive_fields or out.renewal_due or out.open_questions:
        return "medium"
    return "low"


def _unique(texts: Iterable[Text]) -> list[Text]:
    seen: set[Text] = set()
    out = []
    for t in texts:
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


def _obligations(inp: Inputs, out: Outcome) -> tuple[Obligation, ...]:
    held = {"always", out.mechanism}
    if out.contains_pi:
        held.add("any_pi")
        if inp.transfer.lawful_basis == "consent":
            held.add("consent_basis")
    if out.sensitive_fields or out.counts.get("sensitive_subjects_this", 0):
        held.add("sensitive_pi")
    if out.minors:
        held.add("minors")
    if out.important_confirmed:
        held.add("important_data")
    return tuple(
        Obligation(id=o.id, text=o.text, citations=o.citations, deadline=o.deadline)
        for o in inp.pack.obligations
        if all(cond in held for cond in o.when)
    )


def _remediate(inp: Inputs, out: Outcome) -> tuple[Remediation, ...]:
    """Fields to drop for a lighter mechanism; dropping means anonymising, since de-identified
    data is still personal information (PIPL Art. 73, ``catalogs/legal_texts.yaml``)."""
    if out.mechanism not in (BLOCKED, SA, SCC):
        return ()
    hit_fields = {f for h in out.hits if h.binding for f in h.fields}
    candidates = [frozenset(out.sensitive_fields), frozenset(hit_fields)]
    candidates.append(candidates[0] | candidates[1])
    found: dict[frozenset[str], Remediation] = {}
    base = STRICTNESS[out.mechanism]
    for drop in candidates:
        if not drop:
            continue
        result = evaluate(inp, drop)
        if STRICTNESS[result.mechanism] >= base:
            continue
        # minimal: give back every field whose return keeps the same lighter mechanism
        minimal = set(drop)
        for pointer in sorted(drop):
            trial = frozenset(minimal - {pointer})
            if trial and evaluate(inp, trial).mechanism == result.mechanism:
                minimal.discard(pointer)
        key = frozenset(minimal)
        if key in found:
            continue
        final = evaluate(inp, key)
        fields = tuple(sorted(key))
        found[key] = Remediation(
            action="drop",
            fields=fields,
            resulting_mechanism=final.mechanism,
            resulting_risk=risk_of(final),
            text=_drop_text(fields, final.mechanism, out.mechanism),
        )
    return tuple(
        sorted(
            found.values(),
            key=lambda r: (STRICTNESS[r.resulting_mechanism], len(r.fields), r.fields),
        )
    )


def _drop_text(fields: Sequence[str], lighter: str, current: str) -> Text:
    """What dropping ``fields`` gives (``lighter`` instead of ``current``), and that only
    anonymising takes data out of the rules (PIPL Art. 73)."""
    text = legal_text("deidentified_still_personal").text
    filled = {
        lang: text.fill(
            lang,
            fields=", ".join(fields),
            mechanism=mechanism_label(lighter, lang),
            current=mechanism_label(current, lang),
        )
        for lang in ("en", "zh")
    }
    return Text(en=filled["en"], zh=filled["zh"])


def fingerprint(transfer: Transfer, results: Iterable[DatasetResult]) -> str:
    """sha256 over the canonical manifest transfer and the findings (stable across machines)."""
    findings = sorted(
        (
            r.dataset.name,
            f.field.pointer,
            f.element or "",
            f.category or "",
            f.sensitive,
            f.grade.label,
            f.kind,
        )
        for r in results
        for f in r.findings
        if f.personal
    )
    grades = sorted((r.dataset.name, r.grade.label) for r in results)
    payload = json.dumps(
        {"manifest": transfer.canonical, "findings": findings, "grades": grades},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()


def blocking_hits(assessment: TransferAssessment) -> tuple[NegativeListHit, ...]:
    """Binding negative-list hits (the ones that make the CLI exit 1)."""
    return tuple(h for h in assessment.negative_list_hits if h.binding)


def exceeds(risk: str, fail_on: str) -> bool:
    """Whether ``risk`` is at or above ``fail_on``."""
    return RISK_ORDER[risk] >= RISK_ORDER[fail_on]
