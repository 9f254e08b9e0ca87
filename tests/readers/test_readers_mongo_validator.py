"""MongoDB collection validators (``$jsonSchema``) are read as the JSON Schemas they hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dataflow.readers import read_path
from dataflow.scan import ScanOptions, scan_paths

SCHEMA = {
    "bsonType": "object",
    "title": "employee",
    "required": ["email"],
    "properties": {
        "first_name": {"bsonType": "string", "description": "Vorname eines Mitarbeiters"},
        "email": {"bsonType": "string", "description": "E-mail address of the employee"},
        "phones": {
            "bsonType": "array",
            "items": {
                "bsonType": "object",
                "properties": {"number": {"bsonType": ["string", "null"]}},
            },
        },
        "hired": {"bsonType": "date"},
    },
}


@pytest.mark.parametrize(
    "document",
    [{"$jsonSchema": SCHEMA}, {"validator": {"$jsonSchema": SCHEMA}, "validationLevel": "strict"}],
    ids=["validator", "collection-options"],
)
def test_a_validator_is_read_as_its_json_schema(tmp_path: Path, document: dict) -> None:
    path = tmp_path / "employees.json"
    text = json.dumps(document, indent=2)
    path.write_text(text, encoding="utf-8")
    result = read_path(path)
    assert result.format == "jsonschema"
    assert result.problems == ()
    (dataset,) = result.datasets
    assert dataset.name == "employee"  # the schema's title
    fields = {f.pointer: f for f in dataset.fields}
    assert sorted(fields) == [
        "employee.email",
        "employee.first_name",
        "employee.hired",
        "employee.phones[].number",
    ]
    assert fields["employee.first_name"].data_type == "string"  # from bsonType
    assert fields["employee.hired"].data_type == "date"
    assert fields["employee.phones[].number"].nullable is True
    assert fields["employee.email"].comment == "E-mail address of the employee"
    email_line = next(n for n, line in enumerate(text.splitlines(), 1) if '"email": {' in line)
    assert fields["employee.email"].line == email_line


def test_a_scanned_validator_is_classified(tmp_path: Path) -> None:
    (tmp_path / "employees.json").write_text(
        json.dumps({"$jsonSchema": SCHEMA}, indent=2), encoding="utf-8"
    )
    result = scan_paths([tmp_path], ScanOptions(content=False))
    assert [p for p in result.problems] == []
    findings = {f.field.name: f for d in result.datasets for f in d.findings}
    assert findings["email"].personal
