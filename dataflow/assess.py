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

Remediation re-runs the same procedure with fields dropped (sensitive fields, fields that made a
negative-list entry match) and keeps only changes that really give a lighter mechanism, each
reduced to a minimal set of fields.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dataflow import negative_list as nl
from dataflow import vocab
from dataflow.config import OpenQuestion, open_questions
from dataflow.i18n import mechanism_label
from dataflow.manifest import Approval, DatasetSpec, PriorExports, Transfer
from dataflow.model import (
    Citation,
    DatasetResult,
    FieldFinding,
    Grade,
    NegativeListHit,
    Obligation,
    Reason,
    Remediation,
    SettingEffect,
    Text,
    TransferAssessment,
)
from dataflow.monitor import DEFAULT_WARN_AT, counted_subjects, early_warnings, no_prior
from dataflow.rules import RulePack, ScenarioRule, select_pack

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
_LIST_MECHANISM = {vocab.PROHIBITED: BLOCKED, SA: SA, SCC: SCC}


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


@dataclass
class _Outcome:
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
class _Inputs:
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
    inputs = _Inputs(
        transfer=manifest,
        datasets=tuple((spec, results_for(spec, scanned)) for spec in manifest.datasets),
        lists=tuple(lists),
        pack=pack,
        as_of=as_of,
        prior=manifest.prior_exports or prior or PriorExports(source="none"),
        settings=policy.open_question_values(),
    )
    out = _evaluate(inputs, frozenset())
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


def _setting_effects(inputs: _Inputs, out: _Outcome) -> tuple[SettingEffect, ...]:
    """The open-question settings whose other value would change the mechanism."""
    effects = []
    for question in open_questions():
        value = inputs.settings[question.name]
        for other in question.choices:
            if other == value:
                continue
            changed = replace(inputs, settings={**inputs.settings, question.name: other})
            mechanism = _evaluate(changed, frozenset()).mechanism
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


def _count_notices(inp: _Inputs, out: _Outcome, warn_at: float) -> list[Text]:
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


def risk_of(out: _Outcome) -> str:
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


def _validity_years(inp: _Inputs, issued: dt.date) -> tuple[int, OpenQuestion | None]:
    """Years an assessment result issued on ``issued`` is valid under the pack in force; for
    results issued before the open question's date, the setting decides (and is returned)."""
    for question in open_questions():
        before = question.applies_before
        if question.name == "pre_2024_assessment_validity_years" and before and issued < before:
            return int(inp.settings[question.name]), question
    return inp.pack.approval_validity_years, None


def _label(mechanism: str) -> Text:
    return Text(en=mechanism_label(mechanism, "en"), zh=mechanism_label(mechanism, "zh"))


def _unique(texts: Iterable[Text]) -> list[Text]:
    seen: set[Text] = set()
    out = []
    for t in texts:
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


def _reason(
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


def _findings(results: Iterable[DatasetResult], drop: frozenset[str]) -> list[FieldFinding]:
    return [f for r in results for f in r.findings if f.personal and f.field.pointer not in drop]


def _drop_fields(result: DatasetResult, drop: frozenset[str]) -> DatasetResult:
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


def _evaluate(inp: _Inputs, drop: frozenset[str]) -> _Outcome:
    t, pack = inp.transfer, inp.pack
    out = _Outcome(mechanism=NOT_APPLICABLE)
    reasons = out.reasons

    # --- facts ----------------------------------------------------------------------------
    all_results = [_drop_fields(r, drop) for _, rs in inp.datasets for r in rs]
    pi_findings = _findings(all_results, frozenset())
    out.contains_pi = bool(pi_findings)
    out.sensitive_fields = tuple(sorted({f.field.pointer for f in pi_findings if f.sensitive}))
    out.minors = any(
        f.sensitive_group == "minors_under_14" or (f.element or "").startswith("pi.minor")
        for f in pi_findings
    )
    statuses = {spec.important_data for spec, _ in inp.datasets}
    out.important_confirmed = "confirmed" in statuses
    candidate_sets = [spec for spec, rs in inp.datasets if spec.important_data == "candidate"] + [
        spec
        for spec, rs in inp.datasets
        if spec.important_data == "none" and any(r.grade == Grade.IMPORTANT for r in rs)
    ]
    important = (
        "confirmed" if out.important_confirmed else ("candidate" if candidate_sets else "none")
    )
    core = [
        spec
        for spec, rs in inp.datasets
        if spec.core_data or any(r.grade == Grade.CORE for r in rs)
    ]

    # --- counts ---------------------------------------------------------------------------
    n_this, s_this = _this_counts(inp, drop, reasons)
    scenario_rule = pack.scenario(t.scenario, inp.as_of) if t.scenario != "none" else None
    uncounted = (
        scenario_rule is not None
        and scenario_rule.exempt
        and not scenario_rule.counted
        and not inp.count_exempt
    )
    prior = inp.prior
    n_prior, s_prior = prior.subjects, prior.sensitive_subjects
    if inp.count_exempt:
        n_prior += prior.exempt_subjects
        s_prior += prior.exempt_sensitive_subjects
    elif prior.exempt_subjects or prior.exempt_sensitive_subjects:
        reasons.append(
            _reason(
                pack,
                "counts_exempt_excluded",
                subjects=f"{prior.exempt_subjects + prior.exempt_sensitive_subjects:,}",
            )
        )
    n_total, s_total = n_prior + n_this, s_prior + s_this
    out.counts = {
        "subjects_this": n_this,
        "sensitive_subjects_this": s_this,
        "subjects_prior": n_prior,
        "sensitive_subjects_prior": s_prior,
        "subjects_total": n_total,
        "sensitive_subjects_total": s_total,
        "exempt_subjects_prior_not_counted": 0 if inp.count_exempt else prior.exempt_subjects,
        "exempt_sensitive_subjects_prior_not_counted": 0
        if inp.count_exempt
        else prior.exempt_sensitive_subjects,
        "exempt_scenario": 0,
    }

    # --- negative lists -------------------------------------------------------------------
    ctx = nl.context_from_results(
        all_results,
        subjects=n_total,
        sensitive_subjects=s_total,
        sector=t.sector,
        scenario=t.scenario,
        destination=t.recipient.country,
        important_data=important,
        ftz=t.exporter.ftz,
        ciio=t.exporter.ciio,
        as_of=inp.as_of,
    )
    hits = nl.match(inp.lists, ctx)
    out.hits = hits
    ftz_ids = {lst.id for lst in inp.lists if lst.jurisdiction == "ftz"}
    floor_hits = [h for h in hits if h.binding and h.list_id not in ftz_ids]
    for h in hits:
        if not h.binding:
            out.open_questions.append(
                Text(
                    en=f"Negative-list entry {h.entry_id} ({h.list_id}) describes this data as "
                    "possible important data; it binds once the data is notified or published.",
                    zh=f"负面清单条目 {h.entry_id}（{h.list_id}）将此类数据描述为可能的重要数据；"
                    "经告知或公开发布后即具约束力。",
                )
            )
        elif not h.verified:
            out.open_questions.append(
                Text(
                    en=f"Entry {h.entry_id} of {h.list_id} is not verified against the "
                    "published text.",
                    zh=f"{h.list_id} 的条目 {h.entry_id} 未经与正式文本核对。",
                )
            )
    for spec in candidate_sets:
        reasons.append(_reason(pack, "important_candidate", dataset=_spec_name(spec, inp)))
        out.open_questions.append(
            Text(
                en=f"{_spec_name(spec, inp)}: possible important data; identify and declare it "
                "(NDSMR Art. 29) and confirm whether the authorities have notified or published it.",
                zh=f"{_spec_name(spec, inp)}：可能含重要数据；请按《网络数据安全管理条例》第二十九条"
                "识别、申报，并确认有关部门是否已告知或公开发布。",
            )
        )

    # --- the procedure --------------------------------------------------------------------
    mechanism: str | None = None
    blocked = []
    if t.recipient.restricted_list:
        blocked.append(_reason(pack, "restricted_recipient"))
    if t.recipient.judicial_or_law_enforcement:
        blocked.append(_reason(pack, "judicial_recipient"))
    for spec in core:
        blocked.append(_reason(pack, "core_data", dataset=_spec_name(spec, inp)))
    if blocked:
        reasons.extend(blocked)
        mechanism = BLOCKED
    elif not out.contains_pi and not out.important_confirmed:
        extra = scenario_rule.citations if scenario_rule and scenario_rule.requires_no_pi else ()
        reasons.append(_reason(pack, "out_of_scope", cite=extra))
        mechanism = NOT_APPLICABLE
    elif out.important_confirmed:
        for spec, _ in inp.datasets:
            if spec.important_data == "confirmed":
                reasons.append(_reason(pack, "important_confirmed", dataset=_spec_name(spec, inp)))
        mechanism = SA
    elif t.exporter.state_organ:
        reasons.append(_reason(pack, "state_organ"))
        mechanism = SA

    if mechanism is None and t.scenario != "none":
        why = _scenario_blocker(scenario_rule, t, out.contains_pi, pack, inp.as_of)
        if why is None and scenario_rule is not None:
            reasons.append(
                _reason(pack, "scenario_exempt", cite=scenario_rule.citations, scenario=t.scenario)
            )
            mechanism = EXEMPT
            out.counts["exempt_scenario"] = int(uncounted)
        else:
            reasons.append(
                _reason(pack, "scenario_not_applicable", scenario=t.scenario, why=why or "")
            )

    if mechanism is None and pack.ftz_enabled and t.exporter.ftz:
        ciio_may = bool(inp.settings["ciio_may_use_ftz_lists"])
        ftz_ctx = replace(ctx, ciio=False) if ciio_may else ctx
        ftz = nl.ftz_outcome(inp.lists, ftz_ctx, hits)
        out.open_questions.extend(ftz.caveats)
        zone = t.exporter.ftz
        if (t.exporter.ciio and not ciio_may) or ftz.status == "ciio":
            reasons.append(_reason(pack, "ftz_ciio", zone=zone))
        elif ftz.status == "exempt":
            reasons.append(_reason(pack, "ftz_exempt", zone=zone, lists=", ".join(ftz.lists)))
            mechanism = EXEMPT
        elif ftz.status == "listed" and ftz.mechanism:
            mechanism = _LIST_MECHANISM[ftz.mechanism]
            for h in ftz.hits:
                if h.binding:
                    reasons.append(
                        _reason(
                            pack,
                            "ftz_hit",
                            entry=h.entry_id,
                            list=h.list_id,
                            mechanism=_label(_LIST_MECHANISM[h.required_mechanism]),
                        )
                    )
        else:
            reasons.append(_reason(pack, "ftz_not_in_scope", zone=zone))

    if mechanism is None and t.exporter.ciio:
        reasons.append(_reason(pack, "ciio"))
        mechanism = SA

    if mechanism is None:
        counted = counted_subjects(
            n_total, s_total, bool(inp.settings["sensitive_subjects_count_toward_all"])
        )
        mechanism = _volume(inp, counted, s_total, reasons)
        out.by_volume = True

    for h in floor_hits:
        listed = _LIST_MECHANISM[h.required_mechanism]
        reasons.append(
            _reason(pack, "list_hit", entry=h.entry_id, list=h.list_id, mechanism=_label(listed))
        )
        mechanism = strictest(mechanism, listed)

    if mechanism in (SA, SCC) and t.existing_approvals:
        mechanism = _approvals(inp, out, mechanism, all_results, n_this, s_this)

    if out.contains_pi and t.lawful_basis != "consent":
        reasons.append(_reason(pack, "consent_basis", basis=t.lawful_basis))
    out.mechanism = mechanism
    return out


def _spec_name(spec: DatasetSpec, inp: _Inputs) -> str:
    for s, results in inp.datasets:
        if s is spec and results:
            return ", ".join(r.dataset.name for r in results)
    source = spec.schema or spec.sample
    if spec.source is not None:
        return spec.tables[0]
    return source.name if source else spec.key


def _this_counts(inp: _Inputs, drop: frozenset[str], reasons: list[Reason]) -> tuple[int, int]:
    """People in this transfer: (with non-sensitive PI, with sensitive PI)."""
    t, pack = inp.transfer, inp.pack
    n_sum = s_sum = 0
    any_nonsensitive = any_sensitive = False
    for spec, results in inp.datasets:
        before = _findings(results, frozenset())
        after = _findings(results, drop)
        subjects = spec.subjects or 0
        nonsensitive = any(not f.sensitive for f in after)
        sensitive_after = sorted({f.field.pointer for f in after if f.sensitive})
        sensitive_before = any(f.sensitive for f in before)
        if spec.sensitive_subjects is not None:
            dropped_all = sensitive_before and not sensitive_after
            s = 0 if dropped_all else spec.sensitive_subjects
        else:
            s = subjects if sensitive_after else 0
            if sensitive_after and not drop:
                reasons.append(
                    _reason(
                        pack,
                        "counts_derived",
                        dataset=_spec_name(spec, inp),
                        count=f"{s:,}",
                        subjects=f"{subjects:,}",
                        fields=", ".join(sensitive_after),
                    )
                )
        n_sum += subjects if nonsensitive else 0
        s_sum += s
        any_nonsensitive |= nonsensitive
        any_sensitive |= bool(sensitive_after) or (s > 0)
    if t.subjects is not None:
        n_sum = t.subjects if any_nonsensitive else 0
        if t.sensitive_subjects is None:
            s_sum = t.subjects if any_sensitive else 0
    elif len(inp.datasets) > 1 and not drop:
        reasons.append(_reason(pack, "counts_summed", count=len(inp.datasets)))
    if t.sensitive_subjects is not None:
        s_sum = t.sensitive_subjects if any_sensitive or not drop else 0
    return n_sum, s_sum


def _scenario_blocker(
    rule: ScenarioRule | None, t: Transfer, contains_pi: bool, pack: RulePack, on: dt.date
) -> Text | None:
    if rule is None or not rule.exempt:
        return Text(
            en=f"not an exemption under rule pack {pack.id} on {on.isoformat()}",
            zh=f"依规则包 {pack.id}，{on.isoformat()} 不属于豁免情形",
        )
    if rule.requires_no_pi and contains_pi:
        return Text(en="the data contains personal information", zh="数据含个人信息")
    if t.exporter.ciio and not rule.ciio:
        return Text(en="not available to CIIOs", zh="不适用于关键信息基础设施运营者")
    return None


def _volume(inp: _Inputs, n: int, s: int, reasons: list[Reason]) -> str:
    pack = inp.pack
    values = {
        "window_start": inp.pack.window_start(inp.transfer.date).isoformat(),
        "subjects": f"{n:,}",
        "sensitive": f"{s:,}",
    }
    if pack.assessment.reached(n, s):
        reasons.append(
            _reason(
                pack,
                "volume_security_assessment",
                cite=pack.assessment.citations,
                subjects_gte=f"{pack.assessment.subjects_gte:,}",
                sensitive_gte=f"{pack.assessment.sensitive_subjects_gte:,}",
                values=values,
            )
        )
        return SA
    if pack.exempt_citations is None:
        reasons.append(_reason(pack, "no_volume_exemption", cite=pack.contract.citations))
        return SCC
    if pack.contract.reached(n, s):
        reasons.append(
            _reason(
                pack,
                "volume_contract",
                cite=pack.contract.citations,
                subjects_gte=f"{pack.contract.subjects_gte:,}",
                sensitive_gte=f"{pack.contract.sensitive_subjects_gte:,}",
                values=values,
            )
        )
        return SCC
    reasons.append(
        _reason(
            pack,
            "volume_exempt",
            cite=pack.exempt_citations,
            subjects_gte=f"{pack.contract.subjects_gte:,}",
            values=values,
        )
    )
    return EXEMPT


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Weekdays after ``start`` up to and including ``end`` (public holidays not deducted)."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for i in range(1, rest + 1):
        if (start + dt.timedelta(days=weeks * 7 + i)).weekday() < 5:
            count += 1
    return count


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _approvals(
    inp: _Inputs,
    out: _Outcome,
    mechanism: str,
    results: Sequence[DatasetResult],
    n_this: int,
    s_this: int,
) -> str:
    t, pack = inp.transfer, inp.pack
    present = sorted(
        {f.element or f.category or "" for f in _findings(results, frozenset())} - {""}
    )
    for approval in sorted(
        t.existing_approvals, key=lambda a: (a.reference, a.mechanism, str(a.valid_until))
    ):
        if STRICTNESS[approval.mechanism] < STRICTNESS[mechanism]:
            continue
        until = approval.valid_until
        if until is None and approval.issued is not None and approval.mechanism == SA:
            years, question = _validity_years(inp, approval.issued)
            until = _add_years(approval.issued, years)
            if question is not None and question.reading is not None:
                values = {
                    "value": years,
                    "reference": approval.reference,
                    "issued": approval.issued.isoformat(),
                    "until": until.isoformat(),
                }
                out.warnings.append(
                    Text(
                        question.reading.fill("en", **values), question.reading.fill("zh", **values)
                    )
                )
        shown: dict[str, object] = {
            "mechanism": _label(approval.mechanism),
            "reference": approval.reference,
            "valid_until": until.isoformat() if until else "-",
        }
        if until is not None and t.date > until:
            out.reasons.append(_reason(pack, "approval_expired", values=shown))
            continue
        why = _out_of_scope(approval, t, present, n_this, s_this)
        if why:
            out.reasons.append(_reason(pack, "approval_out_of_scope", values={**shown, "why": why}))
            continue
        out.reasons.append(
            _reason(pack, "approval_covered", cite=pack.approval_citations, values=shown)
        )
        if until is not None and approval.mechanism == SA:
            days = working_days_between(t.date, until)
            if days <= pack.renewal_window_working_days:
                out.renewal_due = True
                out.warnings.append(
                    pack.step("approval_renewal").render(
                        days=days,
                        window=pack.renewal_window_working_days,
                        as_of=t.date.isoformat(),
                        **shown,
                    )
                )
        return COVERED
    return mechanism


def _out_of_scope(
    approval: Approval, t: Transfer, present: Sequence[str], n_this: int, s_this: int
) -> str:
    problems = []
    if approval.purposes and t.purpose not in approval.purposes:
        problems.append("purpose not approved")
    if approval.recipients and t.recipient.name not in approval.recipients:
        problems.append("recipient not approved")
    if approval.categories:
        new = [p for p in present if not any(nl.covers(c, p) for c in approval.categories)]
        if new:
            problems.append("new PI categories: " + ", ".join(new))
    if approval.max_subjects is not None and n_this > approval.max_subjects:
        problems.append(f"{n_this} subjects above the approved {approval.max_subjects}")
    if approval.max_sensitive_subjects is not None and s_this > approval.max_sensitive_subjects:
        problems.append(
            f"{s_this} sensitive subjects above the approved {approval.max_sensitive_subjects}"
        )
    return "; ".join(problems)


def _obligations(inp: _Inputs, out: _Outcome) -> tuple[Obligation, ...]:
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


def _remediate(inp: _Inputs, out: _Outcome) -> tuple[Remediation, ...]:
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
        result = _evaluate(inp, drop)
        if STRICTNESS[result.mechanism] >= base:
            continue
        # minimal: give back every field whose return keeps the same lighter mechanism
        minimal = set(drop)
        for pointer in sorted(drop):
            trial = frozenset(minimal - {pointer})
            if trial and _evaluate(inp, trial).mechanism == result.mechanism:
                minimal.discard(pointer)
        key = frozenset(minimal)
        if key in found:
            continue
        final = _evaluate(inp, key)
        fields = tuple(sorted(key))
        found[key] = Remediation(
            action="drop",
            fields=fields,
            resulting_mechanism=final.mechanism,
            resulting_risk=risk_of(final),
            text=Text(
                en=f"Drop (or anonymise) {', '.join(fields)}: the transfer would need "
                f"{mechanism_label(final.mechanism, 'en')} instead of "
                f"{mechanism_label(out.mechanism, 'en')}. De-identified data is still personal "
                "information (PIPL Art. 73); only anonymised data is not.",
                zh=f"删除（或匿名化）{', '.join(fields)}：本次出境将适用"
                f"{mechanism_label(final.mechanism, 'zh')}，而非"
                f"{mechanism_label(out.mechanism, 'zh')}。去标识化信息仍属个人信息"
                "（《个人信息保护法》第七十三条），匿名化信息除外。",
            ),
        )
    return tuple(
        sorted(
            found.values(),
            key=lambda r: (STRICTNESS[r.resulting_mechanism], len(r.fields), r.fields),
        )
    )


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
