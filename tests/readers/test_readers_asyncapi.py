"""AsyncAPI descriptions (2.x in YAML, 3.x in JSON): the named schemas, and each message's
payload and headers, are datasets; a payload that names a schema is read as that schema, an
Avro payload by the Avro reader."""

from __future__ import annotations

import json
from pathlib import Path

from dataflow.model import ReadResult
from dataflow.readers import read_path
from dataflow.readers.detection import detect_format

DATA = Path(__file__).parent.parent / "data" / "readers" / "asyncapi"


def _fields(result: ReadResult) -> dict[str, list[tuple[str, str | None, int | None]]]:
    return {
        d.name: [(f.pointer[len(d.name) + 1 :], f.data_type, f.line) for f in d.fields]
        for d in result.datasets
    }


def test_asyncapi_2_messages_and_schemas_are_datasets() -> None:
    path = DATA / "account-events.yaml"
    assert detect_format(path) == "jsonschema"
    result = read_path(path)
    assert [p.message for p in result.problems] == []
    assert _fields(result) == {
        "Address": [("street", "string", 61), ("postcode", "string", 62)],
        "KycResult": [("userId", "string", 66), ("passportNumber", "string", 67)],
        "UserSignedUp": [
            ("displayName", "string", 47),
            ("email", "string(email)", 49),
            ("address.street", "string", 61),
            ("address.postcode", "string", 62),
        ],
        "UserSignedUp headers": [("correlationId", "string", 42)],
        "UserDeleted": [("userId", "string", 19), ("deletedAt", "string(date-time)", 21)],
        "kycFailed": [("userId", "string", 33), ("reason", "string", 34)],
    }
    signed_up = next(d for d in result.datasets if d.name == "UserSignedUp")
    assert signed_up.comment == "A user created an account"


def test_asyncapi_3_channel_messages_and_an_avro_payload() -> None:
    path = DATA / "payments.asyncapi.json"
    assert detect_format(path) == "jsonschema"
    result = read_path(path)
    assert _fields(result) == {
        "RefundIssued": [("refundId", "string", 17), ("iban", "string", 17)],
        "CardCharged": [
            ("cardholderName", "string", 31),
            ("amount", "double", 32),
            ("card.pan", "string", 33),
        ],
    }
    assert {d.name: d.source_format for d in result.datasets} == {
        "RefundIssued": "jsonschema",
        "CardCharged": "avro",
    }


def test_a_multi_format_payload_is_read_in_its_format(tmp_path: Path) -> None:
    doc = {
        "asyncapi": "3.0.0",
        "info": {"title": "t", "version": "1"},
        "components": {
            "messages": {
                "Signup": {
                    "payload": {
                        "schemaFormat": "application/vnd.aai.asyncapi+json;version=3.0.0",
                        "schema": {"type": "object", "properties": {"phone": {"type": "string"}}},
                    }
                },
                "Visit": {
                    "payload": {
                        "schemaFormat": "application/vnd.apache.avro+json;version=1.9.0",
                        "schema": {
                            "type": "record",
                            "name": "Visit",
                            "fields": [{"name": "patientName", "type": "string"}],
                        },
                    }
                },
            }
        },
    }
    path = tmp_path / "events.json"
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    result = read_path(path)
    assert {d.name: [f.name for f in d.fields] for d in result.datasets} == {
        "Signup": ["phone"],
        "Visit": ["patientName"],
    }


def test_an_asyncapi_file_without_messages_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "asyncapi.yaml"
    path.write_text("asyncapi: 2.6.0\ninfo:\n  title: t\n  version: '1'\n", encoding="utf-8")
    assert detect_format(path) is None


def test_broken_asyncapi_yaml_is_an_error_naming_its_position(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(
        "asyncapi: 2.6.0\nchannels:\n  user/signedup:\n    subscribe:\n"
        "      message: {payload: [\n",
        encoding="utf-8",
    )
    result = read_path(path)
    assert result.format == "jsonschema"
    assert result.datasets == ()
    assert [(p.path, p.line, p.message) for p in result.problems] == [
        (str(path), 6, "cannot read AsyncAPI document: invalid YAML")
    ]
