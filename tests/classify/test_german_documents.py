"""Schema documents written in German: a title naming the person it is about, German words of
persons and health care, and German words spelt with umlauts and ß."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from builders import scan_files as _scan


def _by_path(result: Any) -> dict[str, Any]:
    return {f.field.pointer.split(".", 1)[1]: f for f in result.findings}


def _text(title: str) -> dict[str, str]:
    return {"type": "string", "title": title}


def _handover(title: str) -> str:
    """A hand-over message between two control centres, its fields described in German."""
    return json.dumps(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": title,
            "type": "object",
            "properties": {
                "messageId": {"type": "string", "format": "uuid"},
                "patient": {
                    "type": "object",
                    "properties": {
                        "name": _text("Nachname"),
                        "phone": _text("Telefonnummer"),
                        "initialAssessment": {
                            "type": "object",
                            "title": "Ersteinschätzung",
                            "properties": {"code": _text("Rückmeldecode")},
                        },
                        "kz": _text("Infektiös"),
                        "g1": _text("Straße"),
                        "g2": _text("Staatsangehörigkeit"),
                    },
                },
            },
        }
    )


def test_a_title_naming_a_patient_is_about_that_patient(tmp_path: Path) -> None:
    """'App-Nachricht … für einen Patienten' starts with a system word (`app`) but names the
    person the document is about: the patient's name and phone are PI, the code of the patient's
    initial assessment (triage) is health information."""
    title = "App-Nachricht incident - Eine Anfrage für einen Patienten"
    results = _scan(tmp_path, {"incident.schema.json": _handover(title)})
    result = results[title]
    assert result.subject.kind == "person"
    assert result.subject.role == "patient"
    found = _by_path(result)
    assert found["patient.name"].personal
    assert found["patient.phone"].personal
    assert found["patient.initialAssessment.code"].sensitive
    assert not found["messageId"].personal


def test_german_words_with_umlauts_are_read_whole(tmp_path: Path) -> None:
    """A field known only by its German description is found when the word carries an umlaut
    or ß ('Infektiös', 'Straße', 'Staatsangehörigkeit'): the letters are spelt out, not cut."""
    title = "Anmeldung eines Kunden"
    results = _scan(tmp_path, {"signup.schema.json": _handover(title)})
    found = _by_path(results[title])
    assert found["patient.kz"].sensitive
    assert found["patient.g1"].element == "pi.contact.address"
    assert found["patient.g2"].element == "pi.profile.nationality"
