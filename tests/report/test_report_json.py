"""The JSON report: DESIGN §8 contract, JSON Schema validity, determinism, UTF-8 text."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest
from builders import assess_result, scan_result, transfer
from conftest import EXAMPLES

from dataflow.model import AssessResult
from dataflow.paths import schemas_dir
from dataflow.report import render
from dataflow.report.records import scan_record


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((schemas_dir() / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_scan_json_follows_the_contract_and_its_schema() -> None:
    text = render(scan_result(), "json")
    report = json.loads(text)
    _validator("scan").validate(report)
    assert report["schema_version"] == 1
    assert report["tool"]["name"] == "dataflow"
    assert [d["name"] for d in report["datasets"]] == ["customers", "dict_region"]
    customers = report["datasets"][0]
    assert customers["source"] == {"path": "schemas/shop.sql", "format": "sql", "line": 1}
    assert customers["grade"] == "general-4"
    assert customers["categories"] == ["pi.contact", "pi.identity"]
    fields = {f["pointer"]: f for f in customers["fields"]}
    assert list(fields) == [
        "customers.id",
        "customers.xm",
        "customers.sjhm",
        "customers.sfzh",
        "customers.order_count",
    ]
    idc = fields["customers.sfzh"]
    assert (idc["personal"], idc["sensitive"], idc["grade"]) == (True, True, "general-4")
    assert idc["element"] == "pi.identity.resident_id"
    assert idc["category"] == "pi.identity"
    assert fields["customers.order_count"]["personal"] is False
    example = [e["example"] for e in fields["customers.sjhm"]["evidence"] if "example" in e]
    assert example == ["139****0123"]
    assert report["summary"]["personal_fields"] == 3
    assert report["summary"]["sensitive_fields"] == 1
    assert report["summary"]["highest_grade"] == "general-4"
    assert report["summary"]["problems"] == {"error": 1, "warning": 1}
    assert [(p["path"], p["line"], p["column"]) for p in report["problems"]] == [
        ("schemas/a b/表.csv", None, None),
        ("schemas/broken.sql", 3, 14),
    ]


def test_json_is_byte_identical_whatever_the_input_order() -> None:
    result = scan_result()
    shuffled = dataclasses.replace(
        result, datasets=result.datasets[::-1], problems=result.problems[::-1]
    )
    assert render(result, "json") == render(shuffled, "json") == render(result, "json")


def test_json_keeps_chinese_text_and_sorts_keys() -> None:
    text = render(scan_result(), "json")
    assert "表.csv" in text and "\\u" not in text
    report = json.loads(text)
    assert list(report) == sorted(report)
    assert text.endswith("}\n")


def test_schema_rejects_a_broken_report() -> None:
    """The schema check above means something: a wrong grade or a missing key fails it."""
    validator = _validator("scan")
    record = scan_record(scan_result())
    record["datasets"][0]["grade"] = "very-secret"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(record)
    record = scan_record(scan_result())
    del record["datasets"][0]["fields"][0]["pointer"]
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(record)


def test_assess_json_has_one_record_per_transfer() -> None:
    result = assess_result()
    two = AssessResult(result.scan, (transfer("low", "TX-B"), transfer("high", "TX-A")))
    report = json.loads(render(two, "json"))
    _validator("assess").validate(report)
    assert [t["id"] for t in report["transfers"]] == ["TX-A", "TX-B"]
    tx = report["transfers"][0]
    for key in (
        "id",
        "mechanism",
        "risk",
        "obligations",
        "negative_list_hits",
        "reasons",
        "remediation",
        "fingerprint",
        "datasets",
    ):
        assert key in tx
    assert tx["mechanism"] == "security_assessment"
    assert tx["obligations"][0]["citations"][0]["text"] == "PIPL Art. 55"
    assert tx["reasons"][0]["text"]["zh"].startswith("1 月 1 日")
    assert tx["negative_list_hits"][0]["fields"] == ["customers.sfzh"]
    assert report["summary"]["highest_risk"] == "high"
    assert report["summary"]["transfers_by_mechanism"] == {"security_assessment": 2}
    with pytest.raises(jsonschema.ValidationError):
        bad = dict(report, transfers=[dict(tx, mechanism="maybe")])
        _validator("assess").validate(bad)


def test_unknown_format_is_a_user_error() -> None:
    from dataflow.errors import UserError

    with pytest.raises(UserError, match="unknown output format"):
        render(scan_result(), "xml")


def test_real_assess_output_validates(tmp_path: Path) -> None:
    """The assess command's JSON (built from the shipped example manifests) fits the schema."""
    from typer.testing import CliRunner

    from dataflow.cli import app

    manifests = sorted((EXAMPLES / "transfers").glob("*.yaml"))
    assert manifests
    result = CliRunner().invoke(
        app,
        ["assess", *map(str, manifests), "--format", "json", "--ledger", str(tmp_path / "l.db")],
    )
    assert result.exit_code in (0, 1), result.stderr
    report = json.loads(result.stdout)
    _validator("assess").validate(report)
    assert len(report["transfers"]) == len(manifests)
