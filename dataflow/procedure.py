"""The steps of the decision procedure for one transfer (regulations.md "Decision logic"); the
order and the legal basis of each step are described in ``dataflow.assess``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from dataflow import negative_list as nl
from dataflow.approvals import (
    apply_approvals,
)
from dataflow.decision import (
    BLOCKED,
    EXEMPT,
    LIST_MECHANISM,
    NOT_APPLICABLE,
    SA,
    SCC,
    Inputs,
    Outcome,
    drop_fields,
    mechanism_text,
    personal_findings,
    spec_name,
    step_reason,
    strictest,
)
from dataflow.legal_texts import legal_text
from dataflow.manifest import DatasetSpec, Transfer
from dataflow.model import (
    DatasetResult,
    Grade,
    Reason,
    Text,
)
from dataflow.monitor import counted_subjects
from dataflow.rules import RulePack, ScenarioRule, Threshold


@dataclass(frozen=True)
class Facts:
    """What the steps look at besides the manifest, established once per evaluation."""

    results: tuple[DatasetResult, ...]  # the scanned datasets, dropped fields removed
    candidates: tuple[DatasetSpec, ...]  # datasets that may hold important data
    core: tuple[DatasetSpec, ...]  # datasets declared or graded core data
    scenario_rule: ScenarioRule | None  # the rule of the declared scenario, if any
    this: tuple[int, int]  # people in this transfer: (all, with sensitive PI)
    total: tuple[int, int]  # people since the window start, this transfer included
    context: nl.MatchContext  # what negative-list entries are matched against


Step = Callable[[Inputs, Facts, Outcome], "str | None"]


def evaluate(inp: Inputs, drop: frozenset[str]) -> Outcome:
    """The procedure on the transfer with the fields ``drop`` removed: the facts and counts,
    the negative lists, the steps in order (the first that decides wins), then the floors."""
    out = Outcome(mechanism=NOT_APPLICABLE)
    facts = establish_facts(inp, drop, out)
    out.hits = nl.match(inp.lists, facts.context)
    note_open_questions(inp, facts, out)
    mechanism = None
    for step in STEPS:
        mechanism = step(inp, facts, out)
        if mechanism is not None:
            break
    assert mechanism is not None  # the volume step always decides
    mechanism = negative_list_floor(inp, out, mechanism)
    if mechanism in (SA, SCC) and inp.transfer.existing_approvals:
        n_this, s_this = facts.this
        mechanism = apply_approvals(inp, out, mechanism, facts.results, n_this, s_this)
    lawful_basis(inp, out)
    out.mechanism = mechanism
    return out


def establish_facts(inp: Inputs, drop: frozenset[str], out: Outcome) -> Facts:
    """The facts of the decision table (regulations.md "Facts"): personal and sensitive
    information (PIPL Art. 4, 28), minors' information (PIPL Art. 31), important-data status
    (Provisions Art. 2; NDSMR Art. 29, 37), core data (DSL Art. 21), and the people counted."""
    results = tuple(drop_fields(r, drop) for _, rs in inp.datasets for r in rs)
    pi_findings = personal_findings(results, frozenset())
    out.contains_pi = bool(pi_findings)
    out.sensitive_fields = tuple(sorted({f.field.pointer for f in pi_findings if f.sensitive}))
    out.minors = any(
        f.sensitive_group == "minors_under_14" or (f.element or "").startswith("pi.minor")
        for f in pi_findings
    )
    statuses = {spec.important_data for spec, _ in inp.datasets}
    out.important_confirmed = "confirmed" in statuses
    candidates = [spec for spec, rs in inp.datasets if spec.important_data == "candidate"] + [
        spec
        for spec, rs in inp.datasets
        if spec.important_data == "none" and any(r.grade == Grade.IMPORTANT for r in rs)
    ]
    important = "confirmed" if out.important_confirmed else ("candidate" if candidates else "none")
    core = [
        spec
        for spec, rs in inp.datasets
        if spec.core_data or any(r.grade == Grade.CORE for r in rs)
    ]
    this = _this_counts(inp, drop, out.reasons)
    t = inp.transfer
    rule = inp.pack.scenario(t.scenario, inp.as_of) if t.scenario != "none" else None
    total = count_people(inp, this, out)
    context = nl.context_from_results(
        results,
        subjects=total[0],
        sensitive_subjects=total[1],
        sector=t.sector,
        scenario=t.scenario,
        destination=t.recipient.country,
        important_data=important,
        ftz=t.exporter.ftz,
        ciio=t.exporter.ciio,
        as_of=inp.as_of,
    )
    return Facts(results, tuple(candidates), tuple(core), rule, this, total, context)


def count_people(inp: Inputs, this: tuple[int, int], out: Outcome) -> tuple[int, int]:
    """People whose (sensitive) personal information the exporter exported since the start of
    the counting window, this transfer included (Provisions Art. 7-8 count people, since
    1 January); volumes exported under an exemption count only with the setting
    ``count_exempt_volumes`` (Provisions Art. 5, an open question)."""
    pack, prior = inp.pack, inp.prior
    n_this, s_this = this
    n_prior, s_prior = prior.subjects, prior.sensitive_subjects
    if inp.count_exempt:
        n_prior += prior.exempt_subjects
        s_prior += prior.exempt_sensitive_subjects
    elif prior.exempt_subjects or prior.exempt_sensitive_subjects:
        out.reasons.append(
            step_reason(
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
    return n_total, s_total


def note_open_questions(inp: Inputs, facts: Facts, out: Outcome) -> None:
    """What the procedure cannot settle: negative-list entries that do not bind yet or were
    not checked against the published text, and datasets that may hold important data, which
    the exporter must identify and declare (NDSMR Art. 29) while the procedure goes on as if
    they were not important (Provisions Art. 2)."""
    for h in out.hits:
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
    declare = legal_text("important_data_candidate").text
    for spec in facts.candidates:
        name = spec_name(spec, inp)
        out.reasons.append(step_reason(inp.pack, "important_candidate", dataset=name))
        out.open_questions.append(
            Text(en=declare.fill("en", dataset=name), zh=declare.fill("zh", dataset=name))
        )


def blocked_transfer(inp: Inputs, facts: Facts, out: Outcome) -> str | None:
    """Step 1, blocked: a recipient on the CAC's restricted list (PIPL Art. 42), a foreign
    judicial or law-enforcement recipient without approval (PIPL Art. 41, DSL Art. 36), or
    core data (DSL Art. 21; dataflow's policy: core data is never exported)."""
    t, pack = inp.transfer, inp.pack
    blocked = []
    if t.recipient.restricted_list:
        blocked.append(step_reason(pack, "restricted_recipient"))
    if t.recipient.judicial_or_law_enforcement:
        blocked.append(step_reason(pack, "judicial_recipient"))
    for spec in facts.core:
        blocked.append(step_reason(pack, "core_data", dataset=spec_name(spec, inp)))
    if not blocked:
        return None
    out.reasons.extend(blocked)
    return BLOCKED


def outside_the_rules(inp: Inputs, facts: Facts, out: Outcome) -> str | None:
    """Step 2, not applicable: neither personal information nor confirmed important data, so
    none of the mechanisms applies (PIPL Art. 38 and Provisions Art. 7-8 concern personal
    information, Provisions Art. 2 important data; Provisions Art. 3 for trade data)."""
    if out.contains_pi or out.important_confirmed:
        return None
    rule = facts.scenario_rule
    extra = rule.citations if rule and rule.requires_no_pi else ()
    out.reasons.append(step_reason(inp.pack, "out_of_scope", cite=extra))
    return NOT_APPLICABLE


def confirmed_important_data(inp: Inputs, facts: Facts, out: Outcome) -> str | None:
    """Step 3, security assessment: important data the authorities notified or published
    (DSL Art. 31; NDSMR Art. 37; Provisions Art. 2). Candidates are open questions only
    (``note_open_questions``)."""
    if not out.important_confirmed:
        return None
    for spec, _ in inp.datasets:
        if spec.important_data == "confirmed":
            out.reasons.append(
                step_reason(inp.pack, "important_confirmed", dataset=spec_name(spec, inp))
            )
    return SA


def state_organ(inp: Inputs, facts: Facts, out: Outcome) -> str | None:
    """Step 4, security assessment: a state organ exporting personal information (PIPL
    Art. 36)."""
    if not inp.transfer.exporter.state_organ:
        return None
    out.reasons.append(step_reason(inp.pack, "state_organ"))
    return SA


def exemption_scenario(inp: Inputs, facts: Facts, out: Outcome) -> str | None:
    """Step 5, exempt: a declared scenario the rule pack exempts (Provisions Art. 3, 4 and 5:
    trade without PI, re-export, contract necessity, cross-border HR, emergencies; NDSMR
    Art. 35(6): a statutory duty), unless it needs no PI or excludes CIIOs and does not fit."""
    t, pack, rule = inp.transfer, inp.pack, facts.scenario_rule
    if t.scenario == "none":
        return None
    why = _scenario_blocker(rule, t, out.contains_pi, pack, inp.as_of)
    if why is None and rule is not None:
        out.reasons.append(
            step_reason(pack, "scenario_exempt", cite=rule.citations, scenario=t.scenario)
        )
        uncounted = rule.exempt and not rule.counted and not inp.count_exempt
        out.counts["exempt_scenario"] = int(uncounted)
        return EXEMPT
    out.reasons.append(
        step_reason(pack, "scenario_not_applicable", scenario=t.scenario, why=why or "")
    )
    return None


def free_trade_zone(inp: Inputs, facts: Facts, out: Outcome) -> str | None:
    """Step 6: an exporter in a free trade zone, within the scope of its zone's negative list:
    data not on the list is exempt, listed data needs the entry's mechanism (Provisions Art. 6).
    A CIIO may rely on the list only with the setting ``ciio_may_use_ftz_lists``."""
    t, pack = inp.transfer, inp.pack
    if not (pack.ftz_enabled and t.exporter.ftz):
        return None
    ciio_may = bool(inp.settings["ciio_may_use_ftz_lists"])
    ftz_ctx = replace(facts.context, ciio=False) if ciio_may else facts.context
    ftz = nl.ftz_outcome(inp.lists, ftz_ctx, out.hits)
    out.open_questions.extend(ftz.caveats)
    zone = t.exporter.ftz
    if (t.exporter.ciio and not ciio_may) or ftz.status == "ciio":
        out.reasons.append(step_reason(pack, "ftz_ciio", zone=zone))
        return None
    if ftz.status == "exempt":
        out.reasons.append(step_reason(pack, "ftz_exempt", zone=zone, lists=", ".join(ftz.lists)))
        return EXEMPT
    if ftz.status == "listed" and ftz.mechanism:
        for h in ftz.hits:
            if h.binding:
                listed = mechanism_text(LIST_MECHANISM[h.required_mechanism])
                out.reasons.append(
                    step_reason(pack, "ftz_hit", entry=h.entry_id, list=h.list_id, mechanism=listed)
                )
        return LIST_MECHANISM[ftz.mechanism]
    out.reasons.append(step_reason(pack, "ftz_not_in_scope", zone=zone))
    return None


def critical_infrastructure(inp: Inputs, facts: Facts, out: Outcome) -> str | None:
    """Step 7, security assessment: a critical information infrastructure operator exporting
    personal information (PIPL Art. 40; CSL Art. 37; Provisions Art. 7(1))."""
    if not inp.transfer.exporter.ciio:
        return None
    out.reasons.append(step_reason(inp.pack, "ciio"))
    return SA


def volume_thresholds(inp: Inputs, facts: Facts, out: Outcome) -> str:
    """Step 8: the people counted since the window start against the rule pack's thresholds:
    security assessment, standard contract or certification, or exempt (Provisions Art. 7(2),
    8; the 2022 Measures Art. 4 before 2024-03-22). Whether people with sensitive PI count
    toward the total too is the setting ``sensitive_subjects_count_toward_all``."""
    n_total, s_total = facts.total
    counted = counted_subjects(
        n_total, s_total, bool(inp.settings["sensitive_subjects_count_toward_all"])
    )
    out.by_volume = True
    return _volume(inp, counted, s_total, out.reasons)


# The steps in order; the first that names a mechanism decides.
STEPS: tuple[Step, ...] = (
    blocked_transfer,
    outside_the_rules,
    confirmed_important_data,
    state_organ,
    exemption_scenario,
    free_trade_zone,
    critical_infrastructure,
    volume_thresholds,
)


def negative_list_floor(inp: Inputs, out: Outcome, mechanism: str) -> str:
    """Floor: a binding entry of a national or organisation negative list raises the
    mechanism to the entry's (``prohibited``: blocked). FTZ lists acted in step 6
    (Provisions Art. 6); national lists follow DSL Art. 21 and the sector catalogues."""
    ftz_ids = {lst.id for lst in inp.lists if lst.jurisdiction == "ftz"}
    for h in out.hits:
        if not h.binding or h.list_id in ftz_ids:
            continue
        listed = LIST_MECHANISM[h.required_mechanism]
        out.reasons.append(
            step_reason(
                inp.pack,
                "list_hit",
                entry=h.entry_id,
                list=h.list_id,
                mechanism=mechanism_text(listed),
            )
        )
        mechanism = strictest(mechanism, listed)
    return mechanism


def lawful_basis(inp: Inputs, out: Outcome) -> None:
    """A note when personal information is exported on a basis other than consent: the
    notice duties remain (PIPL Art. 13 para. 2, Art. 39)."""
    if out.contains_pi and inp.transfer.lawful_basis != "consent":
        out.reasons.append(step_reason(inp.pack, "consent_basis", basis=inp.transfer.lawful_basis))


def _this_counts(inp: Inputs, drop: frozenset[str], reasons: list[Reason]) -> tuple[int, int]:
    """People in this transfer: (with non-sensitive PI, with sensitive PI)."""
    t, pack = inp.transfer, inp.pack
    n_sum = s_sum = 0
    any_nonsensitive = any_sensitive = False
    for spec, results in inp.datasets:
        before = personal_findings(results, frozenset())
        after = personal_findings(results, drop)
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
                    step_reason(
                        pack,
                        "counts_derived",
                        dataset=spec_name(spec, inp),
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
        reasons.append(step_reason(pack, "counts_summed", count=len(inp.datasets)))
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


def _volume(inp: Inputs, n: int, s: int, reasons: list[Reason]) -> str:
    pack = inp.pack
    values = {
        "window_start": inp.pack.window_start(inp.transfer.date).isoformat(),
        "subjects": f"{n:,}",
        "sensitive": f"{s:,}",
    }

    def reached(code: str, threshold: Threshold) -> Reason:
        return step_reason(
            pack,
            code,
            cite=threshold.citations,
            subjects_gte=f"{threshold.subjects_gte:,}",
            sensitive_gte=f"{threshold.sensitive_subjects_gte:,}",
            values=values,
        )

    if pack.assessment.reached(n, s):
        reasons.append(reached("volume_security_assessment", pack.assessment))
        return SA
    if pack.exempt_citations is None:
        reasons.append(step_reason(pack, "no_volume_exemption", cite=pack.contract.citations))
        return SCC
    if pack.contract.reached(n, s):
        reasons.append(reached("volume_contract", pack.contract))
        return SCC
    reasons.append(
        step_reason(
            pack,
            "volume_exempt",
            cite=pack.exempt_citations,
            subjects_gte=f"{pack.contract.subjects_gte:,}",
            values=values,
        )
    )
    return EXEMPT
