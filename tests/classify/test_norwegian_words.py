"""Norwegian field names of a notification record: the recipient's national identity number
(fødselsnummer), mobile number and e-mail address."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

NOTICE = {
    "type": "record",
    "name": "Varsel",
    "namespace": "no.example.varsel",
    "fields": [
        {"name": "varselId", "type": "string"},
        {"name": "fodselsnummer", "type": "string"},
        {"name": "mobiltelefonnummer", "type": ["null", "string"], "default": None},
        {"name": "epostadresse", "type": ["null", "string"], "default": None},
    ],
}


def test_norwegian_identity_and_contact_fields(tmp_path: Path) -> None:
    """`fodselsnummer` is the national identity number (sensitive); `mobiltelefonnummer` and
    `epostadresse` are the recipient's mobile number and e-mail address."""
    doc = _scan(tmp_path, {"varsel.avsc": json.dumps(NOTICE)})["Varsel"]
    number = _finding(doc, "fodselsnummer")
    assert number.element == "pi.identity.resident_id" and number.sensitive
    assert _finding(doc, "mobiltelefonnummer").element == "pi.contact.mobile"
    assert _finding(doc, "epostadresse").element == "pi.contact.email"
    assert not _finding(doc, "varselId").personal


MESSAGE = {
    "type": "record",
    "name": "Melding",
    "namespace": "no.example.melding",
    "fields": [
        {"name": "tidspunkt", "type": "long"},
        {"name": "smsVarslingstekst", "type": ["null", "string"], "default": None},
        {"name": "epostVarslingstittel", "type": ["null", "string"], "default": None},
        {"name": "meldingstekst", "type": ["null", "string"], "default": None},
        {"name": "notificationText", "type": ["null", "string"], "default": None},
    ],
}


def test_text_of_a_notification_to_a_person_is_communication_content(tmp_path: Path) -> None:
    """The text and title of a notification sent to a person (Norwegian `varslingstekst`,
    `varslingstittel`, `meldingstekst`; English `notificationText`) are the content of a
    communication with them (sensitive); the time it was sent is not."""
    doc = _scan(tmp_path, {"melding.avsc": json.dumps(MESSAGE)})["Melding"]
    for column in (
        "smsVarslingstekst",
        "epostVarslingstittel",
        "meldingstekst",
        "notificationText",
    ):
        finding = _finding(doc, column)
        assert finding.element == "pi.communication.content" and finding.sensitive, column
