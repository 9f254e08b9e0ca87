"""The acceptance scenarios of regulations.md §D (and a few more), written as data.

Each ``tests/cases/assess/*.yaml`` holds a transfer manifest, synthetic findings for its datasets,
optional negative lists and policy settings, and the expected outcome. The manifest and lists are
written to real files and loaded through the real loaders; the decision runs on the shipped rule
packs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from builders import build_results, run_case

from dataflow.assess import Policy, assess_transfer
from dataflow.manifest import load_manifest
from dataflow.rules import load_packs

CASES = Path(__file__).parent.parent / "cases" / "assess"
CASE_FILES = sorted(CASES.glob("*.yaml"))


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_acceptance_scenario(path: Path, tmp_path: Path) -> None:
    case = yaml.safe_load(path.read_text("utf-8"))
    expect = case["expect"]
    result = run_case(case, tmp_path)

    assert (result.mechanism, result.risk) == (expect["mechanism"], expect["risk"]), [
        r.text.en for r in result.reasons
    ]
    if "rule_pack" in expect:
        assert result.rule_pack == expect["rule_pack"]
    obligations = {o.id for o in result.obligations}
    assert set(expect.get("obligations_include", [])) <= obligations
    assert not set(expect.get("obligations_exclude", [])) & obligations
    codes = {r.code for r in result.reasons}
    assert set(expect.get("reasons_include", [])) <= codes, codes
    for key, value in expect.get("counts", {}).items():
        assert result.counts[key] == value, key
    if "hits" in expect:
        assert [h.entry_id for h in result.negative_list_hits] == expect["hits"]
    assert len(result.open_questions) >= expect.get("open_questions_min", 0)
    if "warnings_contain" in expect:
        assert any(expect["warnings_contain"] in w.en for w in result.warnings)
    if "remediation" in expect:
        assert len(result.remediation) == expect["remediation"]
    # every reason carries its legal basis or is a counting note; every obligation an article
    assert all(o.citations for o in result.obligations)
    for reason in result.reasons:
        assert reason.text.en and reason.text.zh


def test_every_section_d_scenario_has_a_case() -> None:
    numbers = {str(yaml.safe_load(p.read_text("utf-8"))["scenario"]) for p in CASE_FILES}
    for n in range(1, 23):
        assert str(n) in numbers or f"{n}a" in numbers, f"scenario {n} has no case"


def test_thresholds_come_from_the_pack_not_the_code(tmp_path: Path) -> None:
    """A pack with other thresholds changes the verdict: nothing is hard-coded in assess.py."""
    src = (Path(__file__).parents[2] / "catalogs/rules/cn-provisions-2024.yaml").read_text("utf-8")
    changed = src.replace("subjects_gte: 100000", "subjects_gte: 40000").replace(
        "id: cn-provisions-2024", "id: test-lower-threshold"
    )
    pack_file = tmp_path / "pack.yaml"
    pack_file.write_text(changed, "utf-8")
    packs = load_packs([pack_file], include_shipped=False)
    case = yaml.safe_load((CASES / "01-exempt-50k.yaml").read_text("utf-8"))
    manifest_path = tmp_path / "t.yaml"
    manifest_path.write_text(yaml.safe_dump(case["manifest"]), "utf-8")
    (transfer,) = load_manifest(manifest_path)
    result = assess_transfer(
        transfer, build_results(case["findings"], tmp_path), (), Policy(packs=packs)
    )
    assert result.mechanism == "standard_contract_or_certification"
    assert result.rule_pack == "test-lower-threshold"


def test_no_pack_in_force_is_an_error(tmp_path: Path) -> None:
    from dataflow.errors import CatalogError

    case = yaml.safe_load((CASES / "01-exempt-50k.yaml").read_text("utf-8"))
    case["manifest"]["transfer"]["date"] = dt.date(2021, 1, 1)
    with pytest.raises(CatalogError, match="no rule pack is in force on 2021-01-01"):
        run_case(case, tmp_path)
