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
