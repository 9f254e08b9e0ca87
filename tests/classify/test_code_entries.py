"""A code list's entry nested in a person's record (a customer's gender or client type given as
the entry: its id, name, position, description, active and mandatory flags): the code and its
label are the person's value; the entry's settings and description define the entry."""

from __future__ import annotations

import json
from pathlib import Path

from builders import scan_files


def _code_value(name: str) -> dict[str, object]:
    return {
        "name": name,
        "type": {
            "type": "record",
            "name": f"{name}CodeValue",
            "fields": [
                {"name": "id", "type": "long"},
                {"name": "name", "type": "string"},
                {"name": "position", "type": "int"},
                {"name": "description", "type": ["null", "string"]},
                {"name": "active", "type": "boolean"},
                {"name": "mandatory", "type": "boolean"},
            ],
        },
    }


CLIENT = json.dumps(
    {
        "type": "record",
        "name": "ClientData",
        "fields": [
            {"name": "id", "type": "long"},
            {"name": "firstname", "type": "string"},
            {"name": "lastname", "type": "string"},
            {"name": "dateOfBirth", "type": "string"},
            {"name": "mobileNo", "type": "string"},
            _code_value("gender"),
            _code_value("clientType"),
        ],
    }
)


def test_a_code_entrys_settings_are_not_the_persons(tmp_path: Path) -> None:
    findings = scan_files(tmp_path, {"client.avsc": CLIENT})["ClientData"].findings
    by_pointer = {f.field.pointer.removeprefix("ClientData."): f for f in findings}
    for parent in ("gender", "clientType"):
        for member in ("position", "description", "active", "mandatory"):
            assert not by_pointer[f"{parent}.{member}"].personal, f"{parent}.{member}"
    assert by_pointer["gender.name"].personal
