"""Schema documents of an API whose description says a call must be given one person's identifier
('A National Insurance number and tax year are required'): the document is that person's record."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan


def _doc(title: str, description: str) -> str:
    return json.dumps(
        {
            "$schema": "http://json-schema.org/draft-04/schema#",
            "title": title,
            "description": description,
            "type": "object",
            "properties": {
                "fromDate": {"type": "string", "description": "First day the period covers."},
                "repairsAndMaintenance": {
                    "type": "number",
                    "description": "Costs of repairs and maintenance in the period.",
                },
            },
        }
    )


def test_a_call_keyed_by_a_national_insurance_number_is_that_persons(tmp_path: Path) -> None:
    """'A National Insurance number, business ID and tax year are required': the response is about
    the one taxpayer the number names, so its period and its costs are information about them."""
    results = _scan(
        tmp_path,
        {
            "period.json": _doc(
                "Retrieve a period summary",
                "This endpoint retrieves a period summary of a property business. A National"
                " Insurance number, business ID and tax year are required.",
            )
        },
    )
    doc = results["Retrieve a period summary"]
    assert doc.subject.kind == "person_linked"
    assert doc.subject.role == "user"
    assert _finding(doc, "repairsAndMaintenance").personal


def test_a_patient_identifier_names_a_patient(tmp_path: Path) -> None:
    """A patient id the call must be given makes the document the patient's."""
    results = _scan(
        tmp_path,
        {"visit.json": _doc("Visit summary", "A patient ID must be provided.")},
    )
    assert results["Visit summary"].subject.kind == "person_linked"
    assert results["Visit summary"].subject.role == "patient"


def test_keys_of_things_or_of_the_caller_are_not_a_person(tmp_path: Path) -> None:
    """A business id or an API key the call needs names no person; nor does a national insurance
    number mentioned without saying the call needs it."""
    results = _scan(
        tmp_path,
        {
            "business.json": _doc("Business summary", "A business ID and tax year are required."),
            "keyed.json": _doc("Rates", "An API key must be provided."),
            "info.json": _doc("Guide", "Explains what a National Insurance number is."),
        },
    )
    for name in ("Business summary", "Rates", "Guide"):
        assert results[name].subject.kind != "person_linked", name
        assert not _finding(results[name], "repairsAndMaintenance").personal, name
