"""An institute a student's document points at is an organisation, not part of the student's
record: its address, e-mail and category are the institute's; the e-mail of its administrator is
that person's."""

from __future__ import annotations

import json
from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

STUDENT = {
    "$schema": "http://json-schema.org/draft-07/schema",
    "title": "Student",
    "type": "object",
    "properties": {
        "Student": {
            "type": "object",
            "properties": {
                "studentName": {"type": "string"},
                "gender": {"type": "string"},
                "dateOfBirth": {"type": "string", "format": "date"},
                "institute": {"type": "string", "title": "Institute OSID"},
            },
        }
    },
}
INSTITUTE = {
    "$schema": "http://json-schema.org/draft-07/schema",
    "title": "Institute",
    "type": "object",
    "properties": {
        "Institute": {
            "type": "object",
            "properties": {
                "instituteName": {"type": "string"},
                "email": {"type": "string", "format": "email"},
                "category": {"type": "string", "enum": ["Primary", "Secondary"]},
                "adminName": {"type": "string"},
                "adminEmail": {"type": "string", "format": "email"},
            },
        }
    },
}


def test_an_institute_of_a_student_is_an_organisation(tmp_path: Path) -> None:
    (tmp_path / "Student.json").write_text(json.dumps(STUDENT), encoding="utf-8")
    (tmp_path / "Institute.json").write_text(json.dumps(INSTITUTE), encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    institute = next(d for d in result.datasets if d.dataset.name == "Institute")
    assert institute.subject is not None and institute.subject.kind == "organisation"
    by_name = {f.field.name: f for f in institute.findings}
    assert not by_name["email"].personal
    assert not by_name["category"].personal
    assert by_name["adminEmail"].personal
