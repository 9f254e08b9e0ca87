"""Rule packs: shipped packs load, pick by effective date, and bad packs are refused precisely."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dataflow.errors import CatalogError
from dataflow.rules import STEPS, load_packs, select_pack, shipped_pack_paths

PACKS = load_packs()


def test_shipped_packs_are_complete_and_cited() -> None:
    assert {p.id for p in PACKS} == {"cn-measures-2022", "cn-provisions-2024"}
    for pack in PACKS:
        assert set(pack.steps) == set(STEPS)
        assert pack.sources
        for ob in pack.obligations:
            assert ob.citations, f"{pack.id}: obligation {ob.id} has no article"
            assert ob.text.en and ob.text.zh
        for c in (
            *pack.assessment.citations,
            *pack.contract.citations,
            *pack.counting_citations,
        ):
            assert c.verified in ("V", "C", "K")


def test_thresholds_of_each_regime() -> None:
    provisions = select_pack(PACKS, dt.date(2025, 6, 30))
    assert (provisions.assessment.subjects_gte, provisions.assessment.sensitive_subjects_gte) == (
        1_000_000,
        10_000,
    )
    assert (provisions.contract.subjects_gte, provisions.contract.sensitive_subjects_gte) == (
        100_000,
        1,
    )
    assert provisions.window_start(dt.date(2025, 6, 30)) == dt.date(2025, 1, 1)
    measures = select_pack(PACKS, dt.date(2023, 6, 30))
    assert measures.assessment.subjects_gte == 100_000
    assert measures.exempt_citations is None  # no volume exemption before the Provisions
    assert measures.window_start(dt.date(2023, 6, 30)) == dt.date(2022, 1, 1)
    assert measures.approval_validity_years == 2 and provisions.approval_validity_years == 3


@pytest.mark.parametrize(
    ("day", "pack_id"),
    [
        (dt.date(2022, 9, 1), "cn-measures-2022"),
        (dt.date(2024, 3, 21), "cn-measures-2022"),
        (dt.date(2024, 3, 22), "cn-provisions-2024"),
        (dt.date(2030, 1, 1), "cn-provisions-2024"),
    ],
)
def test_pack_by_effective_date(day: dt.date, pack_id: str) -> None:
    assert select_pack(PACKS, day).id == pack_id


def test_before_any_pack_is_an_error() -> None:
    with pytest.raises(CatalogError, match="no rule pack is in force on 2022-08-31"):
        select_pack(PACKS, dt.date(2022, 8, 31))


def test_scenario_effective_dates() -> None:
    pack = select_pack(PACKS, dt.date(2024, 6, 1))
    assert pack.scenario("statutory_duty", dt.date(2024, 12, 31)) is None  # NDSMR from 2025
    assert pack.scenario("statutory_duty", dt.date(2025, 1, 1)) is not None
    assert (
        select_pack(PACKS, dt.date(2023, 1, 1)).scenario("contract_necessity", dt.date(2023, 1, 1))
        is None
    )


def test_inherited_pack_overrides_and_removes_obligations() -> None:
    measures = select_pack(PACKS, dt.date(2023, 6, 30))
    ids = [o.id for o in measures.obligations]
    assert "incident_response" not in ids and "exemption_record" not in ids
    filing = next(o for o in measures.obligations if o.id == "security_assessment_filing")
    assert "2 years" in filing.text.en
    assert measures.step("ciio").citations[0].instrument == "SA Measures"


def _shipped_text() -> str:
    return next(p for p in shipped_pack_paths() if p.stem == "cn-provisions-2024").read_text(
        "utf-8"
    )


@pytest.mark.parametrize(
    ("old", "new", "key", "message"),
    [
        (
            "subjects_gte: 1000000",
            "subjects_gte: lots",
            "thresholds.security_assessment.subjects_gte",
            "expected an integer",
        ),
        ("window: current_year", "window: fiscal_year", "counting.window", "is not one of"),
        (
            "when: [any_pi, consent_basis]",
            "when: [any_pi, on_tuesdays]",
            "obligations[1].when[1]",
            "unknown condition 'on_tuesdays'",
        ),
        (
            "verified: V}",
            "verified: maybe}",
            "approvals.security_assessment.citations[1].verified",
            "is not one of: V, C, K",
        ),
        ("  emergency:\n", "  holiday:\n", "scenarios.holiday", "unknown key 'holiday'"),
    ],
)
def test_bad_pack_names_file_key_and_line(
    tmp_path: Path, old: str, new: str, key: str, message: str
) -> None:
    text = _shipped_text()
    assert old in text
    bad = tmp_path / "bad-pack.yaml"
    bad.write_text(text.replace(old, new, 1).replace("cn-provisions-2024", "test-bad"), "utf-8")
    with pytest.raises(CatalogError) as info:
        load_packs([bad], include_shipped=False)
    err = info.value
    assert err.path == str(bad)
    assert err.key is not None and err.key.startswith(key)
    assert message in err.message
    bad_lines = bad.read_text("utf-8").splitlines()
    expected_line = next(i for i, line in enumerate(bad_lines, 1) if new.strip() in line)
    assert err.line == expected_line


def test_inheritance_errors(tmp_path: Path) -> None:
    a = tmp_path / "a.yaml"
    a.write_text(
        "schema_version: 1\ninherits: nowhere\npack:\n  id: a\n  title: {en: A, zh: A}\n"
        "  effective_from: 2030-01-01\n",
        "utf-8",
    )
    with pytest.raises(CatalogError, match="unknown rule pack 'nowhere'") as info:
        load_packs([a])
    assert (info.value.path, info.value.line, info.value.key) == (str(a), 2, "inherits")
    a.write_text(a.read_text("utf-8").replace("nowhere", "b"), "utf-8")
    b = tmp_path / "b.yaml"
    b.write_text(
        a.read_text("utf-8").replace("inherits: b", "inherits: a").replace("id: a", "id: b")
    )
    with pytest.raises(CatalogError, match="inheritance cycle"):
        load_packs([a, b])


def test_a_user_pack_inheriting_the_shipped_one(tmp_path: Path) -> None:
    child = tmp_path / "child.yaml"
    child.write_text(
        "schema_version: 1\ninherits: cn-provisions-2024\npack:\n  id: org-2031\n"
        "  title: {en: Org rules, zh: 内部规则}\n  effective_from: 2031-01-01\n"
        "counting:\n  window: current_year\n  citations: []\n",
        "utf-8",
    )
    packs = load_packs([child])
    chosen = select_pack(packs, dt.date(2031, 5, 1))
    assert chosen.id == "org-2031"
    assert chosen.assessment.subjects_gte == 1_000_000  # inherited
    assert select_pack(packs, dt.date(2030, 5, 1)).id == "cn-provisions-2024"
