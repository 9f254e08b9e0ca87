"""Rule packs: the legal parameters of ``assess``, versioned by effective date.

A rule pack (``catalogs/rules/*.yaml``) holds the thresholds, the counting window, the scenario
exemptions, approval validity, the obligations and the texts of each decision step, every one with
its article and a verification tag (V verified / C corroborated / K recalled). The decision
procedure itself is code (``dataflow.assess``); the numbers and citations are data, so a change of
law is a new pack, and an old assessment can be reproduced with ``--as-of``.

A pack may ``inherits: <pack id>``: sections it gives replace the parent's (``steps`` merge per
step, ``obligations`` merge per id, ``remove: true`` drops one).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataflow import vocab
from dataflow.errors import CatalogError, UserError
from dataflow.i18n import msg
from dataflow.model import Citation, Text, Words
from dataflow.paths import catalogs_dir
from dataflow.yamlio import Checker, YamlDoc, as_date, as_text, join_key, load_yaml, type_name

MECHANISMS = vocab.MECHANISMS
SCENARIOS = (
    "none",
    "contract_necessity",
    "cross_border_hr",
    "emergency",
    "statutory_duty",
    "trade_no_pi",
    "foreign_reexport",
)
# Conditions an obligation's ``when`` may name (all must hold). Mechanism names are conditions too.
OBLIGATION_CONDITIONS = (
    "always",
    "any_pi",
    "sensitive_pi",
    "minors",
    "consent_basis",
    "important_data",
    vocab.SECURITY_ASSESSMENT,
    vocab.STANDARD_CONTRACT,
    vocab.EXEMPT,
    vocab.COVERED,
)
STEPS = (
    "restricted_recipient",
    "judicial_recipient",
    "core_data",
    "out_of_scope",
    "important_confirmed",
    "important_candidate",
    "state_organ",
    "scenario_exempt",
    "scenario_not_applicable",
    "ftz_exempt",
    "ftz_hit",
    "ftz_not_in_scope",
    "ftz_ciio",
    "list_hit",
    "ciio",
    "volume_security_assessment",
    "volume_contract",
    "volume_exempt",
    "no_volume_exemption",
    "counts_derived",
    "counts_exempt_excluded",
    "counts_summed",
    "consent_basis",
    "approval_covered",
    "approval_out_of_scope",
    "approval_expired",
    "approval_renewal",
)
WINDOWS = ("current_year", "previous_year")
VERIFIED = ("V", "C", "K")


@dataclass(frozen=True)
class Threshold:
    """People counts at or above which a mechanism applies (either count suffices)."""

    subjects_gte: int
    sensitive_subjects_gte: int
    citations: tuple[Citation, ...] = ()

    def reached(self, subjects: int, sensitive_subjects: int) -> bool:
        """Inclusive comparison (以上): ``>=`` on either count."""
        return subjects >= self.subjects_gte or sensitive_subjects >= self.sensitive_subjects_gte


@dataclass(frozen=True)
class ScenarioRule:
    """A declared scenario that exempts a transfer from the three mechanisms."""

    id: str
    exempt: bool
    ciio: bool  # available to CIIOs too
    counted: bool  # volumes exported under it count towards the thresholds by default
    requires_no_pi: bool = False
    effective_from: dt.date | None = None
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class StepText:
    """The text template and legal basis of one decision step."""

    text: Text
    citations: tuple[Citation, ...] = ()

    def render(self, **values: object) -> Text:
        """The text with ``{placeholders}`` filled; a ``Text`` value fills each language with
        its own wording, any other value is used as is in both."""
        en = {k: v.en if isinstance(v, Text) else v for k, v in values.items()}
        zh = {k: v.zh if isinstance(v, Text) else v for k, v in values.items()}
        return Text(en=self.text.en.format(**en), zh=self.text.zh.format(**zh))


@dataclass(frozen=True)
class ObligationRule:
    """An obligation and the conditions (all must hold) under which it attaches."""

    id: str
    when: tuple[str, ...]
    text: Text
    citations: tuple[Citation, ...] = ()
    deadline: str | None = None


@dataclass(frozen=True)
class RulePack:
    """One version of the rules, in force from ``effective_from`` to ``effective_to``."""

    id: str
    title: Text
    effective_from: dt.date
    effective_to: dt.date | None
    window: str
    counting_citations: tuple[Citation, ...]
    assessment: Threshold
    contract: Threshold
    exempt_citations: tuple[Citation, ...] | None  # None: no volume exemption in this pack
    approval_validity_years: int
    renewal_window_working_days: int
    approval_citations: tuple[Citation, ...]
    ftz_enabled: bool
    ftz_citations: tuple[Citation, ...]
    scenarios: Mapping[str, ScenarioRule]
    steps: Mapping[str, StepText]
    obligations: tuple[ObligationRule, ...]
    sources: tuple[str, ...] = ()
    caveats: tuple[Text, ...] = ()
    path: str = ""

    def in_force(self, on: dt.date) -> bool:
        """Whether the pack applies on ``on``."""
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def window_start(self, on: dt.date) -> dt.date:
        """First day counted for cumulative volumes of a transfer on ``on``."""
        year = on.year - 1 if self.window == "previous_year" else on.year
        return dt.date(year, 1, 1)

    def step(self, key: str) -> StepText:
        """The text of a decision step (every pack has every step, possibly inherited)."""
        return self.steps[key]

    def scenario(self, scenario_id: str, on: dt.date) -> ScenarioRule | None:
        """The exemption rule of a scenario in force on ``on``, if this pack has one."""
        rule = self.scenarios.get(scenario_id)
        if rule is None or (rule.effective_from is not None and on < rule.effective_from):
            return None
        return rule


@dataclass
class YamlChecker(Checker):
    """The shared collect-all checker (``yamlio.Checker``) plus legal citations: rule packs and
    manifests."""

    error_cls: type[UserError] = CatalogError

    def raise_first(self) -> None:
        """Raise one error listing every problem found (``Checker.raise_all``)."""
        self.raise_all()

    def citations(self, value: Any, key: str) -> tuple[Citation, ...]:
        """A list of ``{instrument, article, verified}``."""
        out = []
        for i, item in enumerate(self.list_(value, key)):
            sub = join_key(key, i)
            data = self.keys(item, sub, ("instrument", "article", "verified"))
            if data is None:
                continue
            if data.get("verified") not in VERIFIED:
                self.fail(
                    join_key(sub, "verified"),
                    msg("y.not_one_of", got=repr(data.get("verified")), allowed=VERIFIED),
                )
                continue
            if not all(isinstance(data.get(k), str) for k in ("instrument", "article")):
                self.fail(sub, msg("r.citation_strings"))
                continue
            out.append(Citation(data["instrument"], data["article"], data["verified"]))
        return tuple(out)


_TOP = (
    "pack",
    "counting",
    "thresholds",
    "approvals",
    "ftz_negative_lists",
    "scenarios",
    "steps",
    "obligations",
)


def _checked_date(value: Any) -> dt.date:
    """A date the checker has already accepted."""
    found = as_date(value)
    assert found is not None
    return found


def shipped_pack_paths() -> tuple[Path, ...]:
    """The rule packs shipped in ``catalogs/rules``."""
    folder = catalogs_dir() / "rules"
    return tuple(sorted(folder.glob("*.yaml"))) if folder.is_dir() else ()


def load_packs(paths: Sequence[Path] = (), *, include_shipped: bool = True) -> tuple[RulePack, ...]:
    """Load, validate and resolve rule packs; sorted by ``effective_from``.

    Raises ``CatalogError`` naming the file, key path and line of the first problem (and how many
    more there are).
    """
    files = [*(shipped_pack_paths() if include_shipped else ()), *paths]
    raw: dict[str, tuple[YamlDoc, dict[str, Any]]] = {}
    for path in files:
        doc = load_yaml(path, error_cls=CatalogError)
        data = _check_raw(doc)
        pack_id = data["pack"]["id"]
        raw[pack_id] = (doc, data)  # a later file with the same id replaces an earlier one
    packs = []
    for pack_id in sorted(raw):
        doc, _ = raw[pack_id]
        merged = _resolve(pack_id, raw, ())
        packs.append(_build(doc, merged))
    packs.sort(key=lambda p: (p.effective_from, p.id))
    return tuple(packs)


def select_pack(packs: Sequence[RulePack], on: dt.date) -> RulePack:
    """The pack in force on ``on`` (the latest starting one when several overlap)."""
    candidates = [p for p in packs if p.in_force(on)]
    if not candidates:
        known = ", ".join(f"{p.id} ({p.effective_from})" for p in packs) or "-"
        raise CatalogError(msg("r.none_in_force", on=on.isoformat(), packs=known))
    return max(candidates, key=lambda p: (p.effective_from, p.id))


def _check_raw(doc: YamlDoc) -> dict[str, Any]:
    """Structural checks of one file (sections may be missing when it inherits); every problem
    of the file is reported at once."""
    c = YamlChecker(doc)
    data = c.keys(doc.data, "", ("schema_version", "pack"), ("inherits", *_TOP))
    if data is None:
        c.raise_all()
        raise AssertionError("unreachable")
    if data.get("schema_version") != 1:
        c.fail("schema_version", msg("y.schema_version", version=1))
    if "inherits" not in data:
        for key in _TOP:
            if key not in data:
                c.fail("", msg("y.missing_key", name=key))
    elif not isinstance(data["inherits"], str):
        c.fail("inherits", msg("r.pack_id"))
    _check_pack(c, data.get("pack"))
    for section, check in _SECTIONS.items():
        if section in data:
            check(c, data[section])
    c.raise_all()
    return dict(data)


def _check_pack(c: YamlChecker, value: Any) -> None:
    pack = c.keys(
        value, "pack", ("id", "title", "effective_from"), ("effective_to", "sources", "caveats")
    )
    if pack is None:
        return
    if not isinstance(pack.get("id"), str):
        c.fail("pack.id", msg("y.expected_string", got=type_name(pack.get("id"))))
    c.text(pack.get("title"), "pack.title")
    c.period(pack, "pack")
    for i, item in enumerate(c.list_(pack.get("sources", []), "pack.sources")):
        if not isinstance(item, str):
            c.fail(f"pack.sources[{i}]", msg("y.expected_string", got=type_name(item)))
    for i, item in enumerate(c.list_(pack.get("caveats", []), "pack.caveats")):
        c.text(item, f"pack.caveats[{i}]")


def _check_counting(c: YamlChecker, value: Any) -> None:
    counting = c.keys(value, "counting", ("window", "citations"))
    if counting:
        c.choice(counting.get("window"), "counting.window", WINDOWS)
        c.citations(counting.get("citations"), "counting.citations")


def _check_thresholds(c: YamlChecker, value: Any) -> None:
    th = c.keys(value, "thresholds", (*vocab.APPROVAL_MECHANISMS, vocab.EXEMPT))
    if not th:
        return
    for name in vocab.APPROVAL_MECHANISMS:
        key = f"thresholds.{name}"
        t = c.keys(th.get(name), key, ("subjects_gte", "sensitive_subjects_gte", "citations"))
        if t is not None:
            c.int_(t.get("subjects_gte"), f"{key}.subjects_gte", 1)
            c.int_(t.get("sensitive_subjects_gte"), f"{key}.sensitive_subjects_gte", 1)
            c.citations(t.get("citations"), f"{key}.citations")
    if th.get("exempt") is not None and (
        ex := c.keys(th["exempt"], "thresholds.exempt", ("citations",))
    ):
        c.citations(ex.get("citations"), "thresholds.exempt.citations")


def _check_approvals(c: YamlChecker, value: Any) -> None:
    ap = c.keys(value, "approvals", (vocab.SECURITY_ASSESSMENT,))
    if not ap:
        return
    key = "approvals.security_assessment"
    a = c.keys(
        ap.get(vocab.SECURITY_ASSESSMENT),
        key,
        ("validity_years", "renewal_window_working_days", "citations"),
    )
    if a is not None:
        c.int_(a.get("validity_years"), f"{key}.validity_years", 1)
        c.int_(a.get("renewal_window_working_days"), f"{key}.renewal_window_working_days")
        c.citations(a.get("citations"), f"{key}.citations")


def _check_ftz(c: YamlChecker, value: Any) -> None:
    ftz = c.keys(value, "ftz_negative_lists", ("enabled", "citations"))
    if ftz:
        c.bool_(ftz.get("enabled"), "ftz_negative_lists.enabled")
        c.citations(ftz.get("citations"), "ftz_negative_lists.citations")


def _check_scenarios(c: YamlChecker, value: Any) -> None:
    for name, item in (c.keys(value, "scenarios", (), SCENARIOS[1:]) or {}).items():
        key = f"scenarios.{name}"
        s = c.keys(
            item,
            key,
            ("exempt", "ciio", "counted", "citations"),
            ("requires_no_pi", "effective_from"),
        )
        if s is None:
            continue
        for flag in ("exempt", "ciio", "counted", "requires_no_pi"):
            if flag in s:
                c.bool_(s[flag], f"{key}.{flag}")
        if "effective_from" in s:
            c.date(s["effective_from"], f"{key}.effective_from")
        c.citations(s.get("citations"), f"{key}.citations")


def _check_steps(c: YamlChecker, value: Any) -> None:
    for name, item in (c.keys(value, "steps", (), STEPS) or {}).items():
        key = f"steps.{name}"
        s = c.keys(item, key, ("text", "citations"))
        if s is not None:
            c.text(s.get("text"), f"{key}.text")
            c.citations(s.get("citations"), f"{key}.citations")


def _check_obligations(c: YamlChecker, value: Any) -> None:
    seen: set[str] = set()
    for i, item in enumerate(c.list_(value, "obligations")):
        key = f"obligations[{i}]"
        if isinstance(item, Mapping) and item.get("remove") is True:
            c.keys(item, key, ("id", "remove"))
            continue
        o = c.keys(item, key, ("id", "when", "text", "citations"), ("deadline",))
        if o is None:
            continue
        oid = o.get("id")
        if not isinstance(oid, str):
            c.fail(f"{key}.id", msg("y.expected_string", got=type_name(oid)))
        elif oid in seen:
            c.fail(f"{key}.id", msg("r.duplicate_obligation", id=oid))
        else:
            seen.add(oid)
        for j, cond in enumerate(c.list_(o.get("when"), f"{key}.when")):
            if cond not in OBLIGATION_CONDITIONS:
                c.fail(
                    f"{key}.when[{j}]",
                    msg("r.unknown_condition", condition=repr(cond), allowed=OBLIGATION_CONDITIONS),
                )
        c.text(o.get("text"), f"{key}.text")
        c.citations(o.get("citations"), f"{key}.citations")
        if "deadline" in o:
            c.text(o["deadline"], f"{key}.deadline")  # {en, zh}, or one string


_SECTIONS: Mapping[str, Callable[[YamlChecker, Any], None]] = {
    "counting": _check_counting,
    "thresholds": _check_thresholds,
    "approvals": _check_approvals,
    "ftz_negative_lists": _check_ftz,
    "scenarios": _check_scenarios,
    "steps": _check_steps,
    "obligations": _check_obligations,
}


def _deadline(value: Any) -> str | None:
    """An obligation's deadline: ``{en, zh}`` as ``Words`` (English for JSON, Chinese for the
    reports under ``--lang zh``), or one string as written."""
    if isinstance(value, Mapping):
        text = as_text(value)
        return Words(text.en, text.zh)
    return value if isinstance(value, str) else None


def _resolve(
    pack_id: str, raw: Mapping[str, tuple[YamlDoc, dict[str, Any]]], chain: tuple[str, ...]
) -> dict[str, Any]:
    doc, data = raw[pack_id]
    parent_id = data.get("inherits")
    if parent_id is None:
        return data
    if parent_id in (*chain, pack_id):
        raise doc.error("inherits", msg("r.cycle", id=repr(parent_id)), CatalogError)
    if parent_id not in raw:
        raise doc.error("inherits", msg("r.unknown_pack", id=repr(parent_id)), CatalogError)
    merged = dict(_resolve(parent_id, raw, (*chain, pack_id)))
    for key, value in data.items():
        if key == "steps":
            merged["steps"] = {**merged.get("steps", {}), **value}
        elif key == "obligations":
            by_id = {o["id"]: o for o in merged.get("obligations", [])}
            order = [o["id"] for o in merged.get("obligations", [])]
            for item in value:
                if item.get("remove") is True:
                    by_id.pop(item["id"], None)
                    continue
                if item["id"] not in by_id:
                    order.append(item["id"])
                by_id[item["id"]] = item
            merged["obligations"] = [by_id[i] for i in order if i in by_id]
        elif key != "inherits":
            merged[key] = value
    return merged


def _build(doc: YamlDoc, data: Mapping[str, Any]) -> RulePack:
    c = YamlChecker(doc)
    missing = [s for s in STEPS if s not in data["steps"]]
    if missing:
        raise doc.error("steps", msg("r.missing_steps", steps=missing), CatalogError)

    def cites(value: Any) -> tuple[Citation, ...]:
        return c.citations(value, "")

    def text(value: Any) -> Text:
        return as_text(value)

    def threshold(value: Mapping[str, Any]) -> Threshold:
        return Threshold(
            value["subjects_gte"], value["sensitive_subjects_gte"], cites(value["citations"])
        )

    pack = data["pack"]
    th = data["thresholds"]
    approval = data["approvals"][vocab.SECURITY_ASSESSMENT]
    scenarios = {
        name: ScenarioRule(
            id=name,
            exempt=s["exempt"],
            ciio=s["ciio"],
            counted=s["counted"],
            requires_no_pi=s.get("requires_no_pi", False),
            effective_from=as_date(s.get("effective_from")),
            citations=cites(s["citations"]),
        )
        for name, s in data["scenarios"].items()
    }
    return RulePack(
        id=pack["id"],
        title=text(pack["title"]),
        effective_from=_checked_date(pack["effective_from"]),
        effective_to=as_date(pack.get("effective_to")),
        window=data["counting"]["window"],
        counting_citations=cites(data["counting"]["citations"]),
        assessment=threshold(th[vocab.SECURITY_ASSESSMENT]),
        contract=threshold(th[vocab.STANDARD_CONTRACT]),
        exempt_citations=None if th["exempt"] is None else cites(th["exempt"]["citations"]),
        approval_validity_years=approval["validity_years"],
        renewal_window_working_days=approval["renewal_window_working_days"],
        approval_citations=cites(approval["citations"]),
        ftz_enabled=data["ftz_negative_lists"]["enabled"],
        ftz_citations=cites(data["ftz_negative_lists"]["citations"]),
        scenarios=scenarios,
        steps={
            name: StepText(text(s["text"]), cites(s["citations"]))
            for name, s in data["steps"].items()
        },
        obligations=tuple(
            ObligationRule(
                id=o["id"],
                when=tuple(o["when"]),
                text=text(o["text"]),
                citations=cites(o["citations"]),
                deadline=_deadline(o.get("deadline")),
            )
            for o in data["obligations"]
        ),
        sources=tuple(pack.get("sources", ())),
        caveats=tuple(text(t) for t in pack.get("caveats", ())),
        path=doc.path,
    )
