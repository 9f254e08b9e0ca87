"""Identity columns named `surname`, `forename` and `dateOfBirth` make a record about people."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

INCOME = {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "title": "Income response",
    "type": "object",
    "properties": {
        "years": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "surname": {"type": "string"},
                    "forename": {"type": "string"},
                    "dateOfBirth": {"type": "string"},
                    "taxablePayToDate": {"type": "number"},
                },
            },
        }
    },
}


def test_surname_forename_and_birth_date_make_a_record_about_people(tmp_path: Path) -> None:
    """Identity words of nested members (`years[].surname`, `years[].dateOfBirth`) make the
    document about people."""
    results = _scan(tmp_path, {"income.json": json.dumps(INCOME)})
    (doc,) = results.values()
    assert doc.subject.kind in ("person", "person_linked")
    assert _finding(doc, "surname").personal
