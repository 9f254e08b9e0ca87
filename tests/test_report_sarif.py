"""SARIF 2.1.0 output: schema validity, rules, levels, locations, fingerprints, determinism.

Results are built directly from ``dataflow.model`` objects (``build_scan`` / ``build_assess``
below, shared with the Markdown and language tests), so these tests do not depend on readers or
detectors. The log is validated against the official SARIF 2.1.0 JSON Schema.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import SARIF_SCHEMA

from dataflow.model import (
    AssessResult,
    Citation,
    Dataset,
    DatasetResult,
    Evidence,
    Field,
    FieldFinding,
    Grade,
    GradeRaise,
    NegativeListHit,
    Obligation,
    Problem,
    Reason,
    Remediation,
    SampleSet,
    ScanResult,
    Severity,
    Text,
    TransferAssessment,
)
from dataflow.report import sarif

# Made-up personal data. It exists only in the SampleSet of the fixture; findings carry masks.
RAW_PHONE = "13987650123"
RAW_ID = "110105198703142536"
RAW_EMAIL = "lin.xiaoyu.raw@example.org"
RAW_NAME = "林晓雨"
RAW_VALUES = (RAW_PHONE, RAW_ID, RAW_EMAIL, RAW_NAME)


def mask(value: str) -> str:
    """The fixture's masking: keep a short head and tail, star the middle."""
    if "@" in value:
        local, _, domain = value.partition("@")
        return f"{local[:1]}***@{domain}"
    if len(value) <= 8:
        return value[:1] + "*" * (len(value) - 1)
    keep = 3 if len(value) < 15 else 6
    return value[:keep] + "*" * (len(value) - keep - 4) + value[-4:]


def sample_set() -> SampleSet:
    """Sampled rows of ``customers``: the only place raw values live."""
    return SampleSet(
        source_path="data/customers.csv",
        columns={
            "xm": (RAW_NAME, "王小明"),
            "sjhm": (RAW_PHONE, "13800001111"),
            "sfzh": (RAW_ID,),
            "email": (RAW_EMAIL,),
        },
        rows_read=2,
    )


def _value_evidence(samples: SampleSet, column: str, entity: str, element: str) -> Evidence:
    values = samples.columns[column]
    return Evidence(
        source="value",
        rule=entity,
        detail=f"{len(values)} of {len(values)} sampled values match {entity}",
        element=element,
        weight=0.6,
        example=mask(values[0]),
        match_rate=1.0,
        sample_size=len(values),
    )


def build_scan(*, phone_line: int = 4, problems: bool = True) -> ScanResult:
    """Two datasets (SQL table, JSON Schema), four PI fields, one unreadable file."""
    samples = sample_set()
    xm = Field("xm", "customers.xm", "varchar(32)", "姓名", line=3)
    sjhm = Field("sjhm", "customers.sjhm", "varchar(20)", "手机号码", line=phone_line)
    sfzh = Field("sfzh", "customers.sfzh", "char(18)", "身份证号", line=phone_line + 1)
    note = Field("note|x", "customers.note|x", "text", "free\ntext | notes", line=phone_line + 2)
    count = Field("order_count", "customers.order_count", "int", None, line=phone_line + 3)
    customers = Dataset(
        "customers",
        "schemas/customers.sql",
        "sql",
        (Field("id", "customers.id", "bigint", "主键", line=2), xm, sjhm, sfzh, note, count),
        comment="客户表",
        line=1,
    )
    email = Field("email", "events.user.email", "string", None, line=None)
    events = Dataset("events", "schemas/events.json", "json_schema", (email,), line=None)
    name_ev = Evidence("comment", "zh.name", "comment says 姓名", "pi.identity.name", 0.5)
    customers_result = DatasetResult(
        dataset=customers,
        findings=(
            FieldFinding(
                xm,
                "customers",
                True,
                False,
                "pi.identity.name",
                "pi.identity",
                Grade.GENERAL_3,
                0.9,
                (name_ev, _value_evidence(samples, "xm", "CN_PERSON_NAME", "pi.identity.name")),
            ),
            FieldFinding(
                sjhm,
                "customers",
                True,
                False,
                "pi.contact.mobile",
                "pi.contact",
                Grade.GENERAL_3,
                0.97,
                (
                    Evidence("name", "pinyin.sjhm", "field name sjhm", "pi.contact.mobile", 0.4),
                    _value_evidence(samples, "sjhm", "CN_MOBILE", "pi.contact.mobile"),
                ),
            ),
            FieldFinding(
                sfzh,
                "customers",
                True,
                True,
                "pi.identity.resident_id",
                "pi.identity",
                Grade.GENERAL_4,
                0.99,
                (_value_evidence(samples, "sfzh", "CN_RESIDENT_ID", "pi.identity.resident_id"),),
                sensitive_group="specific_identity",
            ),
            FieldFinding(
                note,
                "customers",
                True,
                False,
                "pi.contact.mobile",
                "pi.contact",
                Grade.GENERAL_3,
                0.6,
                (_value_evidence(samples, "sjhm", "CN_MOBILE", "pi.contact.mobile"),),
                kind="contains",
            ),
            FieldFinding(count, "customers", False, False, None, None, Grade.GENERAL_2, 0.1),
        ),
        grade=Grade.IMPORTANT,
        categories=("pi.identity", "pi.contact"),
        raises=(
            GradeRaise(
                "volume.auto",
                Grade.GENERAL_4,
                Grade.IMPORTANT,
                "more than 100,000 people",
                "Automotive rules Art. 3",
            ),
        ),
        sampled=True,
        rows_scanned=2,
    )
    events_result = DatasetResult(
        dataset=events,
        findings=(
            FieldFinding(
                email,
                "events",
                True,
                False,
                "pi.contact.email",
                "pi.contact",
                Grade.GENERAL_3,
                0.8,
                (_value_evidence(samples, "email", "EMAIL_ADDRESS", "pi.contact.email"),),
            ),
        ),
        grade=Grade.GENERAL_3,
        categories=("pi.contact",),
    )
    found_problems: tuple[Problem, ...] = ()
    if problems:
        found_problems = (
            Problem("schemas/broken.sql", "unexpected end of statement", 3, 5),
            Problem("samples/odd.csv", "2 rows had too many columns", None, None, Severity.WARNING),
        )
    return ScanResult(
        datasets=(events_result, customers_result),
        problems=found_problems,
        files_scanned=3,
        catalog_version="2026.1",
        notices=("negative list tianjin-ftz has unverified entries",),
    )


def build_transfer(**changes: Any) -> TransferAssessment:
    """A transfer that needs a security assessment because of one negative-list hit."""
    transfer = TransferAssessment(
        id="TX-2026-0042",
        mechanism="security_assessment",
        risk="high",
        datasets=("customers", "events"),
        obligations=(
            Obligation(
                "pipia",
                Text("Carry out a PI protection impact assessment", "开展个人信息保护影响评估"),
                (Citation("PIPL", "Art. 55"),),
            ),
            Obligation(
                "consent.separate",
                Text("Obtain separate consent | per person", "取得个人的单独同意"),
                (Citation("PIPL", "Art. 39"),),
                deadline="before export",
            ),
        ),
        negative_list_hits=(
            NegativeListHit(
                "acme-export-policy",
                "ACME-001",
                "security_assessment",
                "Sensitive PI never leaves without a security assessment.",
                fields=("customers.sfzh",),
                conditions=("sensitive: true",),
                source="Acme data-export policy v3",
                verified=False,
                jurisdiction="organisation",
            ),
        ),
        reasons=(
            Reason(
                "volume.sensitive",
                Text(
                    "Sensitive PI of 12,000 people since 1 January",
                    "自 1 月 1 日起累计出境敏感个人信息 12,000 人",
                ),
                (Citation("Provisions", "Art. 7(2)"), Citation("PIPL", "Art. 38")),
            ),
        ),
        open_questions=(Text("Is the recipient a CIIO?", "接收方是否为关键信息基础设施运营者？"),),
        remediation=(
            Remediation(
                "drop",
                ("customers.sfzh",),
                "standard_contract_or_certification",
                "medium",
                Text(
                    "without the ID numbers a standard contract suffices",
                    "去掉身份证号后可签标准合同",
                ),
            ),
        ),
        warnings=(Text("list tianjin-ftz is partly unverified", "天津自贸区清单部分条目未核实"),),
        fingerprint="3f2a9c",
        rule_pack="cn-2024.1",
        as_of="2026-11-30",
        counts={"subjects": 250000, "sensitive_subjects": 12000},
        manifest_path="transfers/tx-0042.yaml",
    )
    return dataclasses.replace(transfer, **changes)


def build_assess(**scan_changes: Any) -> AssessResult:
    low = build_transfer(
        id="TX-2026-0001",
        mechanism="exempt",
        risk="low",
        negative_list_hits=(),
        obligations=(),
        remediation=(),
        open_questions=(),
        warnings=(),
        manifest_path="transfers/tx-0001.yaml",
    )
    return AssessResult(scan=build_scan(**scan_changes), transfers=(build_transfer(), low))


def validate(log: dict[str, Any]) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    validator_cls(schema, format_checker=validator_cls.FORMAT_CHECKER).validate(log)


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
