"""JSON Schema, Avro and dbt readers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dataflow.model import Field, ReadResult, Severity
from dataflow.readers import read_path

DATA = Path(__file__).parent.parent / "data" / "readers"


def _by_pointer(result: ReadResult) -> dict[str, Field]:
    return {f.pointer: f for d in result.datasets for f in d.fields}


def _errors(result: ReadResult) -> list[str]:
    return [p.message for p in result.problems if p.severity is Severity.ERROR]


# --- JSON Schema -------------------------------------------------------------------------------


def test_json_schema_nested_arrays_refs_enums_and_lines() -> None:
    result = read_path(DATA / "person.schema.json")
    assert result.format == "jsonschema"
    assert result.problems == ()
    ds = result.datasets[0]
    assert ds.name == "resume"
    assert ds.comment == "A job applicant's resume"
    fields = _by_pointer(result)
    assert list(fields) == [
        "resume.basics.name",
        "resume.basics.email",
        "resume.basics.phone",
        "resume.basics.profiles[].network",
        "resume.basics.profiles[].username",
        "resume.tags[]",
        "resume.home.city",
        "resume.home.street",
    ]
    assert fields["resume.basics.name"].comment == "Full name"
    # the referring property's description wins over the definition; its line is its own
    assert fields["resume.basics.phone"].comment == "手机号码"
    assert fields["resume.basics.phone"].line == 12
    assert fields["resume.basics.profiles[].network"].enum_values == ("wechat", "weibo", "github")
    assert fields["resume.basics.profiles[].username"].nullable is True
    assert fields["resume.basics.profiles[].username"].name == "username"
    assert fields["resume.tags[]"].name == "tags"
    assert fields["resume.basics.email"].data_type == "string(email)"
    assert fields["resume.home.city"].line == 36


def test_json_schema_name_falls_back_to_the_file_stem(tmp_path: Path) -> None:
    path = tmp_path / "member.schema.json"
    path.write_text('{"type": "object", "properties": {"phone": {"type": "string"}}}')
    result = read_path(path)
    assert result.datasets[0].name == "member"
    assert [f.pointer for f in result.datasets[0].fields] == ["member.phone"]


def test_ref_cycle_stops_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "cyclic.json"
    path.write_text(
        json.dumps(
            {
                "title": "cyclic",
                "type": "object",
                "properties": {"a": {"$ref": "#/$defs/A"}},
                "$defs": {
                    "A": {
                        "type": "object",
                        "properties": {"b": {"$ref": "#/$defs/B"}, "phone": {"type": "string"}},
                    },
                    "B": {"type": "object", "properties": {"a": {"$ref": "#/$defs/A"}}},
                },
            }
        )
    )
    result = read_path(path)
    fields = {f.pointer: f.data_type for f in result.datasets[0].fields}
    # the member that leads back is kept, as a reference to the type it is part of
    assert fields == {"cyclic.a.b.a": "ref:A", "cyclic.a.phone": "string"}
    assert [p.severity for p in result.problems] == [Severity.WARNING]
    assert "cycle" in result.problems[0].message
    assert "cyclic.a.b.a" in result.problems[0].message


def test_remote_ref_is_reported_and_never_fetched(tmp_path: Path) -> None:
    path = tmp_path / "remote.json"
    path.write_text(
        '{"title": "remote", "type": "object", "properties": {\n'
        '  "x": {"$ref": "https://schemas.invalid/person-13987650123.json"},\n'
        '  "email": {"type": "string"}}}'
    )
    result = read_path(path)  # the conftest network block fails the test on any fetch
    assert [f.pointer for f in result.datasets[0].fields] == ["remote.x", "remote.email"]
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.severity is Severity.WARNING and problem.line == 2
    assert "schemas.invalid" not in problem.message and "13987650123" not in problem.message


def test_refs_to_names_declared_with_id_or_anchor_are_followed(tmp_path: Path) -> None:
    # Schema generators (.NET, draft-06/07) name sub-schemas with "$id" and refer to them
    # by that plain name; the sub-fields are in the same document and must be read.
    path = tmp_path / "casualty.schema.json"
    path.write_text(
        json.dumps(
            {
                "$id": "Casualties",
                "definitions": {
                    "Place": {
                        "$id": "Place",
                        "type": "object",
                        "properties": {"lat": {"type": "number"}, "lon": {"type": "number"}},
                    },
                    "Casualty": {
                        "$id": "Casualty",
                        "type": "object",
                        "properties": {
                            "name": {"type": "string"},
                            "where": {"$ref": "Place"},
                            "seen": {"$ref": "#Place"},
                            "next": {"$ref": "Casualty"},
                        },
                    },
                    "Tagged": {"$anchor": "tag", "type": "object", "properties": {"code": {}}},
                },
                "type": "array",
                "items": {"allOf": [{"$ref": "Casualty"}, {"$ref": "#tag"}]},
            }
        )
    )
    result = read_path(path)
    assert [f.pointer for f in result.datasets[0].fields] == [
        "casualty.[].name",
        "casualty.[].where.lat",
        "casualty.[].where.lon",
        "casualty.[].seen.lat",
        "casualty.[].seen.lon",
        "casualty.[].next",  # Casualty again: kept as ref:Casualty
        "casualty.[].code",
    ]
    assert [p.severity for p in result.problems] == [Severity.WARNING]
    assert "cycle" in result.problems[0].message


def test_combinators_merge_their_members(tmp_path: Path) -> None:
    path = tmp_path / "combo.json"
    path.write_text(
        json.dumps(
            {
                "title": "combo",
                "allOf": [
                    {"type": "object", "properties": {"a": {"type": "string"}}},
                    {"type": "object", "properties": {"b": {"type": "integer"}}},
                ],
            }
        )
    )
    fields = _by_pointer(read_path(path))
    assert list(fields) == ["combo.a", "combo.b"]
    assert fields["combo.b"].data_type == "integer"


def test_malformed_json_schema_gives_the_position_only(tmp_path: Path) -> None:
    path = tmp_path / "bad.schema.json"
    path.write_text('{"title": "m",\n "properties": {"phone": {"examples": ["13987650123"]')
    result = read_path(path)
    assert result.datasets == ()
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.line == 2 and problem.column is not None
    assert "13987650123" not in problem.message


# --- Avro ----------------------------------------------------------------------------------------


def test_avro_records_unions_enums_arrays_maps_and_named_types() -> None:
    result = read_path(DATA / "user_event.avsc")
    assert result.format == "avro"
    assert result.problems == ()
    ds = result.datasets[0]
    assert ds.name == "UserEvent"
    assert ds.comment == "An event a user triggered"
    fields = _by_pointer(result)
    assert list(fields) == [
        "UserEvent.user_id",
        "UserEvent.mobile",
        "UserEvent.kind",
        "UserEvent.device.imei",
        "UserEvent.device.ip",
        "UserEvent.history[].imei",
        "UserEvent.history[].ip",
        "UserEvent.attrs[]",
        "UserEvent.ts",
    ]
    assert fields["UserEvent.mobile"].nullable is True
    assert fields["UserEvent.mobile"].data_type == "string"
    assert fields["UserEvent.mobile"].comment == "手机号"
    assert fields["UserEvent.kind"].enum_values == ("LOGIN", "PAY")
    assert fields["UserEvent.ts"].data_type == "long(timestamp-millis)"
    assert fields["UserEvent.user_id"].line == 7


def test_avro_schema_under_another_suffix_is_detected_by_content(tmp_path: Path) -> None:
    text = '{"type": "record", "name": "R", "fields": [{"name": "phone", "type": "string"}]}'
    for suffix in (".json", ".avro"):
        path = tmp_path / f"r{suffix}"
        path.write_text(text)
        result = read_path(path)
        assert result.format == "avro"
        assert [f.pointer for f in result.datasets[0].fields] == ["R.phone"]


def test_avro_unknown_and_invalid_types_keep_their_fields(tmp_path: Path) -> None:
    path = tmp_path / "bad.avsc"
    path.write_text(
        '{"type": "record", "name": "Bad", "fields": [\n'
        '  {"name": "phone", "type": "telephone13987650123"},\n'
        '  {"name": "n", "type": {"type": "map"}},\n'
        '  {"name": "ok", "type": "string"}]}'
    )
    result = read_path(path)
    fields = _by_pointer(result)
    assert list(fields) == ["Bad.phone", "Bad.n", "Bad.ok"]
    assert [fields[p].data_type for p in fields] == [None, "map", "string"]
    # a name defined nowhere is a warning (it may live in a file not scanned); a map
    # without values is a broken schema: an error
    assert [(p.line, p.severity) for p in result.problems] == [
        (2, Severity.WARNING),
        (3, Severity.ERROR),
    ]
    assert all("13987650123" not in p.message for p in result.problems)


NAMED = DATA / "avro_named"


def test_avro_types_named_in_other_files_of_the_scan_are_resolved() -> None:
    from dataflow.scan import ScanOptions, scan_paths

    result = scan_paths([NAMED], ScanOptions(content=False))
    by_name = {d.dataset.name: d.dataset for d in result.datasets}
    assert sorted(by_name) == ["PaymentDetailDataV1", "PaymentV1"]
    fields = {f.pointer: f for f in by_name["PaymentV1"].fields}
    assert list(fields) == [
        "PaymentV1.paymentId",
        "PaymentV1.customerName",
        "PaymentV1.amount",
        "PaymentV1.detail.cardNumber",
        "PaymentV1.detail.billingAddress.street",
        "PaymentV1.detail.billingAddress.city",
        "PaymentV1.detail.previous",  # recursive: kept, not expanded
        "PaymentV1.channel",
        "PaymentV1.payer",
    ]
    # types from payment_detail.avsc and channel.avsc, lines of the naming field here
    assert fields["PaymentV1.detail.cardNumber"].data_type == "string"
    assert fields["PaymentV1.detail.cardNumber"].comment == "Bank card number"
    assert fields["PaymentV1.detail.cardNumber"].line == 10
    assert fields["PaymentV1.channel"].enum_values == ("POS", "ONLINE")
    # "bigdecimal" and org.example.common.Party are defined nowhere: kept, type unknown
    assert (fields["PaymentV1.amount"].data_type, fields["PaymentV1.amount"].line) == (None, 9)
    assert fields["PaymentV1.amount"].comment == "Amount paid"
    assert fields["PaymentV1.payer"].data_type is None
    problems = [(Path(p.path).name, p.line, p.severity) for p in result.problems]
    assert problems == [
        ("payment.avsc", 9, Severity.WARNING),
        ("payment.avsc", 10, Severity.WARNING),  # detail.previous: recursive, not expanded
        ("payment.avsc", 12, Severity.WARNING),
        ("payment_detail.avsc", 11, Severity.WARNING),
    ]


def test_avro_file_read_alone_keeps_fields_whose_types_live_elsewhere() -> None:
    result = read_path(NAMED / "payment.avsc")
    fields = _by_pointer(result)
    assert list(fields) == [
        "PaymentV1.paymentId",
        "PaymentV1.customerName",
        "PaymentV1.amount",
        "PaymentV1.detail",
        "PaymentV1.channel",
        "PaymentV1.payer",
    ]
    assert fields["PaymentV1.detail"].nullable is True
    assert {fields[p].data_type for p in ("PaymentV1.detail", "PaymentV1.channel")} == {None}
    assert [p.severity for p in result.problems] == [Severity.WARNING] * 4


def test_this_files_own_type_wins_over_another_files(tmp_path: Path) -> None:
    from dataflow.readers import avro_named_types

    (tmp_path / "a.avsc").write_text(
        '{"type": "record", "name": "A", "namespace": "n", "fields": [\n'
        ' {"name": "x", "type": {"type": "record", "name": "X",'
        ' "fields": [{"name": "mine", "type": "string"}]}},\n'
        ' {"name": "again", "type": "X"}]}'
    )
    (tmp_path / "b.avsc").write_text(
        '{"type": "record", "name": "X", "namespace": "other",'
        ' "fields": [{"name": "theirs", "type": "string"}]}'
    )
    (tmp_path / "broken.avsc").write_text('{"type": "record", "name": ')
    types = avro_named_types(sorted(tmp_path.iterdir()))
    assert sorted(types) == ["A", "n.A", "n.X", "other.X"]  # short X is ambiguous
    result = read_path(tmp_path / "a.avsc", avro_types=types)
    assert [f.pointer for f in result.datasets[0].fields] == ["A.x.mine", "A.again.mine"]


def test_recursive_avro_record_stops(tmp_path: Path) -> None:
    path = tmp_path / "node.avsc"
    path.write_text(
        '{"type": "record", "name": "Node", "fields": [{"name": "value", "type": "string"},'
        ' {"name": "next", "type": ["null", "Node"]}]}'
    )
    result = read_path(path)
    # the field that names its own record again is kept, as a record, without sub-fields
    assert [(f.pointer, f.data_type, f.nullable) for f in result.datasets[0].fields] == [
        ("Node.value", "string", None),
        ("Node.next", "record", True),
    ]
    assert [p.severity for p in result.problems] == [Severity.WARNING]


def test_a_field_naming_an_enum_declared_earlier_has_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "patient.avsc"
    path.write_text(
        '{"type": "record", "name": "Patient", "fields": [\n'
        ' {"name": "sex", "type": {"type": "enum", "name": "Sex", "symbols": ["F", "M"]}},\n'
        ' {"name": "id_hash", "type": {"type": "fixed", "name": "Hash", "size": 16}},\n'
        ' {"name": "guardian", "type": {"type": "record", "name": "Guardian", "fields": [\n'
        '   {"name": "sex", "type": "Sex"},\n'
        '   {"name": "id_hash", "type": "Hash"}]}}]}'
    )
    result = read_path(path)
    assert [(f.pointer, f.data_type, f.line) for f in result.datasets[0].fields] == [
        ("Patient.sex", "enum", 2),
        ("Patient.id_hash", "fixed", 3),
        ("Patient.guardian.sex", "enum", 5),
        ("Patient.guardian.id_hash", "fixed", 6),
    ]


# --- dbt -----------------------------------------------------------------------------------------


def test_dbt_models_and_source_tables() -> None:
    result = read_path(DATA / "schema.yml")
    assert result.format == "dbt"
    assert result.problems == ()
    assert [d.name for d in result.datasets] == ["dim_customer", "crm.contacts"]
    fields = _by_pointer(result)
    assert fields["dim_customer.mobile"].comment == "手机号码"
    assert fields["dim_customer.mobile"].data_type == "varchar"
    assert fields["dim_customer.mobile"].line == 9
    assert fields["crm.contacts.email"].comment == "Contact e-mail"
    assert result.datasets[0].comment == "客户维度表"


def test_broken_dbt_yaml_is_one_error_with_position(tmp_path: Path) -> None:
    path = tmp_path / "schema.yml"
    path.write_text(
        "version: 2\nmodels:\n  - name: m\n    columns:\n      - name: phone\n"
        "        description: [unclosed 13987650123\n"
    )
    result = read_path(path)
    assert result.format == "dbt"
    assert len(_errors(result)) == 1
    assert result.problems[0].line is not None
    assert "13987650123" not in result.problems[0].message


def test_dbt_duplicate_key_message_does_not_quote_the_key(tmp_path: Path) -> None:
    path = tmp_path / "schema.yml"
    path.write_text("models:\n  - name: m\n    13987650123: 1\n    13987650123: 2\n")
    result = read_path(path, schema_format="dbt")
    assert len(result.problems) == 1
    assert "13987650123" not in result.problems[0].message


@pytest.mark.parametrize("fmt", ["jsonschema", "avro", "dbt"])
def test_empty_schema_files_are_errors(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    result = read_path(path, schema_format=fmt)
    assert result.format == fmt
    assert _errors(result) == ["file is empty"]
