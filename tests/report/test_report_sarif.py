"""SARIF 2.1.0 output: schema validity, rules, levels, locations, fingerprints, determinism.

Results are built directly from ``dataflow.model`` objects (``build_scan`` / ``build_assess``
of ``builders``, shared with the Markdown, HTML and language tests), so these tests do not depend on readers or
detectors. The log is validated against the official SARIF 2.1.0 JSON Schema.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from builders import (
    RAW_ID,
    RAW_PHONE,
    RAW_VALUES,
    build_assess,
    build_scan,
    mask,
    sample_set,
)
from builders import validate_sarif as validate
from conftest import SARIF_SCHEMA

from dataflow.model import (
    AssessResult,
    Evidence,
    Field,
    FieldFinding,
    Grade,
    ScanResult,
)
from dataflow.report import sarif


def _log(text: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(text)
    return data


def _results(log: dict[str, Any]) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = log["runs"][0]["results"]
    return results


# ---------------------------------------------------------------------------------------------


def test_schema_is_draft_7() -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert jsonschema.validators.validator_for(schema) is jsonschema.Draft7Validator


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_scan_log_validates_against_sarif_schema(lang: str) -> None:
    log = _log(sarif.render_scan(build_scan(), lang))
    validate(log)
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_assess_log_validates_against_sarif_schema(lang: str) -> None:
    validate(_log(sarif.render_assess(build_assess(), lang)))


def test_empty_scan_is_valid_sarif() -> None:
    log = _log(sarif.render_scan(ScanResult(datasets=())))
    validate(log)
    assert _results(log) == []
    assert log["runs"][0]["tool"]["driver"]["rules"] == []


def test_validator_rejects_a_broken_log() -> None:
    """The schema check is real: a result without a message is refused."""
    log = _log(sarif.render_scan(build_scan()))
    del _results(log)[0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        validate(log)


def test_driver_identifies_the_tool() -> None:
    from dataflow import __version__

    driver = _log(sarif.render_scan(build_scan()))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "dataflow"
    assert driver["version"] == __version__
    # no project home page is published yet: no informationUri rather than a guessed one
    assert "informationUri" not in driver


def test_one_rule_per_element_that_fired() -> None:
    log = _log(sarif.render_scan(build_scan()))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    # pi.contact.mobile fired twice (a column and a free-text field): one rule
    assert ids == sorted(
        ["pi.contact.email", "pi.contact.mobile", "pi.identity.name", "pi.identity.resident_id"]
    )
    for result in _results(log):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    by_id = {r["id"]: r for r in rules}
    resident = by_id["pi.identity.resident_id"]
    assert resident["shortDescription"]["text"]
    assert "PIPL Art. 28" in resident["fullDescription"]["text"]
    assert resident["help"]["text"]
    assert "sensitive-personal-information" in resident["properties"]["tags"]
    assert resident["properties"]["security-severity"] == "8.0"
    assert by_id["pi.contact.mobile"]["properties"]["security-severity"] == "5.0"


def test_levels_come_from_the_grade_table() -> None:
    log = _log(sarif.render_scan(build_scan()))
    levels = {
        (r["ruleId"], r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]): r["level"]
        for r in _results(log)
    }
    assert levels[("pi.identity.resident_id", "customers.sfzh")] == "error"  # general-4
    assert levels[("pi.contact.mobile", "customers.sjhm")] == "warning"  # general-3
    # every grade has exactly one level and it is a SARIF level
    assert set(sarif.GRADE_LEVELS) == set(Grade)
    assert set(sarif.GRADE_LEVELS.values()) <= {"error", "warning", "note"}
    # a higher grade is never a milder level
    rank = {"note": 0, "warning": 1, "error": 2}
    ordered = [rank[sarif.GRADE_LEVELS[g]] for g in sorted(Grade)]
    assert ordered == sorted(ordered)


def test_non_personal_unmapped_fields_are_not_results() -> None:
    pointers = {
        r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
        for r in _results(_log(sarif.render_scan(build_scan())))
    }
    assert "customers.order_count" not in pointers
    assert "customers.id" not in pointers
    assert len(pointers) == 5


def test_locations_relative_uri_line_and_logical_pointer() -> None:
    results = _results(_log(sarif.render_scan(build_scan())))
    by_pointer = {
        r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]: r for r in results
    }
    phone = by_pointer["customers.sjhm"]["locations"][0]
    assert phone["physicalLocation"]["artifactLocation"]["uri"] == "schemas/customers.sql"
    assert phone["physicalLocation"]["region"]["startLine"] == 4
    assert phone["logicalLocations"][0] == {
        "name": "sjhm",
        "fullyQualifiedName": "customers.sjhm",
        "kind": "column",
    }
    email = by_pointer["events.user.email"]["locations"][0]
    assert email["logicalLocations"][0]["kind"] == "member"
    assert "region" not in email["physicalLocation"]  # line unknown: no invented line


def test_absolute_paths_become_relative_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    inside = tmp_path / "schemas" / "客户 表.sql"
    assert sarif.artifact_uri(str(inside)) == "schemas/%E5%AE%A2%E6%88%B7%20%E8%A1%A8.sql"
    outside = tmp_path.parent / "elsewhere.sql"
    assert sarif.artifact_uri(str(outside)).startswith("file:///")
    assert sarif.artifact_uri("./a/../schemas/x.sql") == "schemas/x.sql"


def test_fingerprints_survive_line_moves_and_runs() -> None:
    def prints(result: ScanResult) -> dict[tuple[str, str], str]:
        return {
            (
                r["ruleId"],
                r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
            ): r["partialFingerprints"][sarif.FINGERPRINT_KEY]
            for r in _results(_log(sarif.render_scan(result)))
        }

    before = prints(build_scan(phone_line=4))
    after = prints(build_scan(phone_line=40))
    assert before == after
    assert len(set(before.values())) == len(before), "fingerprints must be distinct"
    # and the line really moved
    moved = _results(_log(sarif.render_scan(build_scan(phone_line=40))))
    lines = {
        r["locations"][0]["physicalLocation"].get("region", {}).get("startLine") for r in moved
    }
    assert 40 in lines


def test_fingerprint_changes_with_file_pointer_or_element() -> None:
    base = sarif.fingerprint("schemas/a.sql", "t.phone", "pi.contact.mobile")
    assert base != sarif.fingerprint("schemas/b.sql", "t.phone", "pi.contact.mobile")
    assert base != sarif.fingerprint("schemas/a.sql", "t.mobile", "pi.contact.mobile")
    assert base != sarif.fingerprint("schemas/a.sql", "t.phone", "pi.contact.landline")


def test_problems_become_tool_execution_notifications() -> None:
    invocation = _log(sarif.render_scan(build_scan()))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    broken = [
        n
        for n in notes
        if n.get("locations")
        and n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "schemas/broken.sql"
    ]
    assert len(broken) == 1
    assert broken[0]["level"] == "error"
    assert broken[0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 5,
    }
    assert {n["level"] for n in notes} == {"error", "warning", "note"}
    assert "startTimeUtc" not in invocation and "endTimeUtc" not in invocation


def test_clean_scan_invocation_is_successful() -> None:
    invocation = _log(sarif.render_scan(build_scan(problems=False)))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is True


def test_assess_adds_transfer_and_negative_list_results() -> None:
    log = _log(sarif.render_assess(build_assess()))
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert "negative-list/acme-export-policy/ACME-001" in rules
    assert "transfer/security_assessment" in rules and "transfer/exempt" in rules
    results = _results(log)
    hit = next(r for r in results if r["ruleId"].startswith("negative-list/"))
    assert hit["level"] == "error"  # the transfer's risk is high
    assert hit["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "transfers/tx-0042.yaml"
    )
    related = hit["relatedLocations"][0]
    assert related["logicalLocations"][0]["fullyQualifiedName"] == "customers.sfzh"
    assert related["physicalLocation"]["region"]["startLine"] == 5
    assert "unverified" in hit["message"]["text"]
    levels = {
        r["properties"]["transfer"]: r["level"]
        for r in results
        if r["ruleId"].startswith("transfer/")
    }
    assert levels == {"TX-2026-0042": "error", "TX-2026-0001": "note"}
    tx = next(r for r in results if r["ruleId"] == "transfer/security_assessment")
    assert "Provisions Art. 7(2)" in tx["message"]["text"]


def test_risk_table_covers_every_risk_in_order() -> None:
    rank = {"note": 0, "warning": 1, "error": 2}
    order = ["low", "medium", "high", "critical", "blocked"]
    assert set(sarif.RISK_LEVELS) == set(order)
    ranks = [rank[sarif.RISK_LEVELS[r]] for r in order]
    assert ranks == sorted(ranks)


def test_render_is_deterministic_and_sorted() -> None:
    first = sarif.render_assess(build_assess())
    second = sarif.render_assess(build_assess())
    assert first == second
    # input order does not matter
    scan = build_scan()
    shuffled = dataclasses.replace(
        scan, datasets=tuple(reversed(scan.datasets)), problems=tuple(reversed(scan.problems))
    )
    assert sarif.render_scan(shuffled) == sarif.render_scan(scan)
    log = _log(first)
    for key in ("startTimeUtc", "endTimeUtc", "commandLine"):
        assert key not in first or key not in json.dumps(log["runs"][0]["invocations"])


def test_messages_carry_masked_examples_only() -> None:
    text = sarif.render_assess(build_assess())
    assert mask(RAW_PHONE) in text
    assert mask(RAW_ID) in text
    for raw in RAW_VALUES:
        assert raw not in text


def test_no_format_or_language_leaks_a_sampled_value() -> None:
    """Raw values sit in the SampleSet the findings were made from; no output may show one."""
    from hostile_corpus import CANARIES

    from dataflow.report import markdown

    samples = sample_set()
    assert RAW_PHONE in samples.columns["sjhm"], "the fixture must really hold raw data"
    # findings made from the canary values too, the way a detector would: masked examples only
    canary_field = Field("canary", "customers.canary", "text", None, line=9)
    canary_findings = tuple(
        FieldFinding(
            canary_field,
            "customers",
            True,
            False,
            "pi.contact.mobile",
            "pi.contact",
            Grade.GENERAL_3,
            0.9,
            (Evidence("value", "CN_MOBILE", "1 of 1 sampled values match", example=mask(v)),),
        )
        for v in CANARIES
    )
    scan = build_scan()
    first = scan.datasets[1]
    scan = dataclasses.replace(
        scan,
        datasets=(
            scan.datasets[0],
            dataclasses.replace(first, findings=first.findings + canary_findings),
        ),
    )
    assess = AssessResult(scan=scan, transfers=build_assess().transfers)
    outputs = []
    for lang in ("en", "zh"):
        outputs += [
            sarif.render_scan(scan, lang),
            sarif.render_assess(assess, lang),
            markdown.render_scan(scan, lang),
            markdown.render_assess(assess, lang),
        ]
    for text in outputs:
        assert mask(RAW_ID) in text  # the evidence did get rendered, masked
        for raw in (*RAW_VALUES, *CANARIES, *(v for vs in samples.columns.values() for v in vs)):
            assert raw not in text


def test_every_rule_is_tagged_security_with_a_numeric_severity() -> None:
    """Code-scanning UIs read security-severity only on rules tagged ``security``."""
    rules = _log(sarif.render_assess(build_assess()))["runs"][0]["tool"]["driver"]["rules"]
    assert rules
    for rule in rules:
        assert "security" in rule["properties"]["tags"]
        assert 0.0 < float(rule["properties"]["security-severity"]) <= 10.0
