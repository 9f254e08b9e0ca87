"""Existing approvals: whether a security assessment result, standard contract filing or
certification the exporter already holds covers the transfer (Provisions Art. 9 for the
validity of a security assessment; NDSMR Art. 38 for its scope).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from dataflow import negative_list as nl
from dataflow.config import OpenQuestion, open_questions
from dataflow.decision import (
    COVERED,
    SA,
    STRICTNESS,
    Inputs,
    Outcome,
    mechanism_text,
    personal_findings,
    step_reason,
)
from dataflow.manifest import Approval, Transfer
from dataflow.model import (
    DatasetResult,
    Text,
)


def validity_years(inp: Inputs, issued: dt.date) -> tuple[int, OpenQuestion | None]:
    """Years an assessment result issued on ``issued`` is valid under the pack in force; for
    results issued before the open question's date, the setting decides (and is returned)."""
    for question in open_questions():
        before = question.applies_before
        if question.name == "pre_2024_assessment_validity_years" and before and issued < before:
            return int(inp.settings[question.name]), question
    return inp.pack.approval_validity_years, None


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


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def apply_approvals(
    inp: Inputs,
    out: Outcome,
    mechanism: str,
    results: Sequence[DatasetResult],
    n_this: int,
    s_this: int,
) -> str:
    t, pack = inp.transfer, inp.pack
    present = sorted(
        {f.element or f.category or "" for f in personal_findings(results, frozenset())} - {""}
    )
    for approval in sorted(
        t.existing_approvals, key=lambda a: (a.reference, a.mechanism, str(a.valid_until))
    ):
        if STRICTNESS[approval.mechanism] < STRICTNESS[mechanism]:
            continue
        until = approval.valid_until
        if until is None and approval.issued is not None and approval.mechanism == SA:
            years, question = validity_years(inp, approval.issued)
            until = add_years(approval.issued, years)
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
            "mechanism": mechanism_text(approval.mechanism),
            "reference": approval.reference,
            "valid_until": until.isoformat() if until else "-",
        }
        if until is not None and t.date > until:
            out.reasons.append(step_reason(pack, "approval_expired", values=shown))
            continue
        why = approval_scope_problems(approval, t, present, n_this, s_this)
        if why:
            out.reasons.append(
                step_reason(pack, "approval_out_of_scope", values={**shown, "why": why})
            )
            continue
        out.reasons.append(
            step_reason(pack, "approval_covered", cite=pack.approval_citations, values=shown)
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


def approval_scope_problems(
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
