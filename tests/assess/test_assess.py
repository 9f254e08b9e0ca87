"""assess_transfer beyond the scenario table: remediation, fingerprints, counting, approvals."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from builders import BASE_TRANSFER, FIELDS, PACKS, build_results, make

from dataflow import negative_list
from dataflow.assess import (
    STRICTNESS,
    Policy,
    assess_transfer,
    exceeds,
    working_days_between,
)
from dataflow.manifest import PriorExports
from dataflow.model import DatasetResult


def drop(results: list[DatasetResult], pointers: tuple[str, ...]) -> list[DatasetResult]:
    return [
        dataclasses.replace(
            r, findings=tuple(f for f in r.findings if f.field.pointer not in pointers)
        )
        for r in results
    ]


@pytest.mark.parametrize("subjects", [150000, 50000, 12000])
def test_remediation_really_yields_the_lighter_mechanism(tmp_path: Path, subjects: int) -> None:
    datasets = [{**BASE_TRANSFER["datasets"][0], "subjects": subjects}]
    transfer, results = make(tmp_path, datasets=datasets)
    policy = Policy(packs=PACKS)
    before = assess_transfer(transfer, results, (), policy)
    assert before.mechanism == "security_assessment"  # S = subjects >= 10,000
    assert before.remediation, "a sensitive-field drop must be proposed"
    for fix in before.remediation:
        assert fix.action == "drop"
        assert set(fix.fields) <= {"customers.id_no", "customers.bank_card"}
        after = assess_transfer(transfer, drop(results, fix.fields), (), policy)
        assert after.mechanism == fix.resulting_mechanism
        assert after.risk == fix.resulting_risk
        assert STRICTNESS[after.mechanism] < STRICTNESS[before.mechanism]
    expected = "standard_contract_or_certification" if subjects >= 100000 else "exempt"
    assert before.remediation[0].resulting_mechanism == expected
    # both sensitive fields must go: keeping either leaves sensitive PI of every subject
    assert before.remediation[0].fields == ("customers.bank_card", "customers.id_no")


def test_remediation_drops_the_fields_behind_a_list_hit(tmp_path: Path) -> None:
    lst = {
        "schema_version": 1,
        "list": {
            "id": "org-policy",
            "title": "Organisation policy",
            "jurisdiction": "organisation",
            "version": "1",
            "effective_from": dt.date(2024, 1, 1),
            "sources": ["policy v1"],
            "verified": True,
        },
        "entries": [
            {
                "id": "ORG-1",
                "condition": {"elements_any": ["pi.contact.mobile"]},
                "required_mechanism": "prohibited",
                "message": "Mobile numbers stay in China.",
            }
        ],
    }
    list_path = tmp_path / "org.yaml"
    list_path.write_text(yaml.safe_dump(lst), "utf-8")
    lists = negative_list.load_lists([list_path], include_shipped=False)
    fields = FIELDS[:2]
    transfer, results = make(tmp_path, fields=fields, datasets=[BASE_TRANSFER["datasets"][0]])
    result = assess_transfer(transfer, results, lists, Policy(packs=PACKS))
    assert result.mechanism == "blocked"
    assert [h.entry_id for h in result.negative_list_hits] == ["ORG-1"]
    assert result.remediation[0].fields == ("customers.mobile",)
    after = assess_transfer(transfer, drop(results, ("customers.mobile",)), lists, Policy(PACKS))
    assert after.mechanism == result.remediation[0].resulting_mechanism
    assert after.mechanism == "standard_contract_or_certification"


def test_no_remediation_when_nothing_is_lighter(tmp_path: Path) -> None:
    transfer, results = make(tmp_path, fields=FIELDS[:2])
    result = assess_transfer(transfer, results, (), Policy(packs=PACKS))
    assert result.mechanism == "standard_contract_or_certification"  # 150,000 people
    assert result.remediation == ()


def test_prior_from_the_caller_is_used_without_manifest_counts(tmp_path: Path) -> None:
    transfer, results = make(
        tmp_path, fields=FIELDS[:2], datasets=[{**BASE_TRANSFER["datasets"][0], "subjects": 40000}]
    )
    policy = Policy(packs=PACKS)
    assert assess_transfer(transfer, results, (), policy).mechanism == "exempt"
    prior = PriorExports(subjects=60000, source="ledger")
    result = assess_transfer(transfer, results, (), policy, prior=prior)
    assert result.mechanism == "standard_contract_or_certification"
    assert result.counts["subjects_prior"] == 60000


def test_datasets_describing_the_same_people_are_not_double_counted(tmp_path: Path) -> None:
    two = [
        {"schema": "shop.sql", "tables": ["customers"], "subjects": 60000},
        {"schema": "crm.sql", "tables": ["contacts"], "subjects": 60000},
    ]
    transfer, _ = make(tmp_path, datasets=two)
    results = build_results(
        [
            {"schema": "shop.sql", "dataset": "customers", "fields": FIELDS[:2]},
            {"schema": "crm.sql", "dataset": "contacts", "fields": FIELDS[:2]},
        ],
        tmp_path,
    )
    summed = assess_transfer(transfer, results, (), Policy(PACKS))
    assert summed.counts["subjects_this"] == 120000
    assert "counts_summed" in {r.code for r in summed.reasons}
    same, _ = make(tmp_path, datasets=two, subjects=60000)
    assert assess_transfer(same, results, (), Policy(PACKS)).counts["subjects_this"] == 60000


def test_fingerprint_is_stable_and_tracks_findings(tmp_path: Path) -> None:
    transfer, results = make(tmp_path)
    one = assess_transfer(transfer, results, (), Policy(PACKS))
    two = assess_transfer(transfer, list(reversed(results)), (), Policy(PACKS))
    assert one.fingerprint == two.fingerprint
    assert one.fingerprint.startswith("sha256:") and len(one.fingerprint) == 7 + 64
    fewer = assess_transfer(transfer, drop(results, ("customers.id_no",)), (), Policy(PACKS))
    assert fewer.fingerprint != one.fingerprint
    other, _ = make(tmp_path, purpose="marketing")
    assert assess_transfer(other, results, (), Policy(PACKS)).fingerprint != one.fingerprint


def test_fingerprint_does_not_depend_on_hash_seed_or_folder(tmp_path: Path) -> None:
    script = """
import sys, pathlib
sys.path.insert(0, sys.argv[1])
from builders import PACKS, make
from dataflow.assess import Policy, assess_transfer
t, r = make(pathlib.Path(sys.argv[2]))
print(assess_transfer(t, r, (), Policy(PACKS)).fingerprint)
"""
    prints = set()
    for seed, folder in (("0", "a"), ("123", "b")):
        (tmp_path / folder).mkdir()
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                script,
                str(Path(__file__).parent.parent),
                str(tmp_path / folder),
            ],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        prints.add(proc.stdout.strip())
    assert len(prints) == 1


def test_expired_approval_does_not_cover(tmp_path: Path) -> None:
    approval = {
        "mechanism": "security_assessment",
        "reference": "SA-OLD",
        "valid_until": dt.date(2025, 1, 31),
    }
    transfer, results = make(tmp_path, existing_approvals=[approval])
    result = assess_transfer(transfer, results, (), Policy(PACKS))
    assert result.mechanism == "security_assessment"
    assert "approval_expired" in {r.code for r in result.reasons}


def test_weaker_approval_does_not_cover_an_assessment(tmp_path: Path) -> None:
    approval = {"mechanism": "standard_contract_or_certification", "reference": "SCC-1"}
    transfer, results = make(tmp_path, existing_approvals=[approval])
    assert assess_transfer(transfer, results, (), Policy(PACKS)).mechanism == "security_assessment"
    light, light_results = make(tmp_path, fields=FIELDS[:2], existing_approvals=[approval])
    covered = assess_transfer(light, light_results, (), Policy(PACKS))
    assert (covered.mechanism, covered.risk) == ("covered", "low")


def test_approval_validity_follows_the_pack(tmp_path: Path) -> None:
    """Without valid_until, the pack's validity (3 years under the Provisions) applies."""
    approval = {
        "mechanism": "security_assessment",
        "reference": "SA-1",
        "issued": dt.date(2022, 7, 1),
    }
    transfer, results = make(tmp_path, existing_approvals=[approval])
    assert assess_transfer(transfer, results, (), Policy(PACKS)).mechanism == "covered"
    late, _ = make(tmp_path, date=dt.date(2025, 7, 2), existing_approvals=[approval])
    assert assess_transfer(late, results, (), Policy(PACKS)).mechanism == "security_assessment"


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        (dt.date(2027, 4, 20), dt.date(2027, 6, 1), 30),
        (dt.date(2026, 11, 27), dt.date(2026, 11, 30), 1),  # Friday → Monday
        (dt.date(2026, 11, 30), dt.date(2026, 11, 30), 0),
        (dt.date(2026, 11, 30), dt.date(2026, 11, 1), 0),
    ],
)
def test_working_days(start: dt.date, end: dt.date, days: int) -> None:
    assert working_days_between(start, end) == days


def test_fail_on_order() -> None:
    assert exceeds("critical", "high")
    assert exceeds("high", "high")
    assert not exceeds("medium", "high")
    assert exceeds("blocked", "critical")


def test_results_are_matched_to_datasets_by_file_and_table(tmp_path: Path) -> None:
    transfer, results = make(tmp_path)
    stray = build_results(
        [{"schema": "other.sql", "dataset": "customers", "fields": FIELDS}], tmp_path
    )
    result = assess_transfer(transfer, stray, (), Policy(PACKS))
    assert result.mechanism == "not_applicable"  # findings of another file do not count
    assert assess_transfer(transfer, results + stray, (), Policy(PACKS)).datasets == ("customers",)


def test_volume_is_uncounted_only_when_the_exemption_really_applied(tmp_path: Path) -> None:
    organ = {"name": "City Bureau", "ciio": False, "state_organ": True}
    transfer, results = make(tmp_path, scenario="contract_necessity", exporter=organ)
    result = assess_transfer(transfer, results, (), Policy(PACKS))
    assert result.mechanism == "security_assessment"  # PIPL Art. 36 comes first
    assert result.counts["exempt_scenario"] == 0
    shop, results = make(tmp_path, scenario="contract_necessity")
    assert assess_transfer(shop, results, (), Policy(PACKS)).counts["exempt_scenario"] == 1
