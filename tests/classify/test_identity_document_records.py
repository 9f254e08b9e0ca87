"""A record of a person's identity document (`personal-document`, a KYC upload): its number
makes the rows the person's, so the document's type, category and validity are theirs too."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

UPLOAD = {
    "title": "uploaded-document",
    "type": "object",
    "properties": {
        "id": {"type": "string"},
        "type": {"type": "string", "enum": ["passport", "id-card", "driving-licence"]},
        "documentNumber": {"type": "string"},
        "category": {"type": "string"},
        "validFrom": {"type": "string", "format": "date"},
        "validTo": {"type": "string", "format": "date"},
    },
}


def test_a_document_number_makes_a_document_record_the_persons(tmp_path: Path) -> None:
    """`documentNumber` keys the record to the document's holder: the type and validity of their
    document are information about them."""
    doc = _scan(tmp_path, {"uploaded-document.json": json.dumps(UPLOAD)})["uploaded-document"]
    assert doc.subject.kind == "person_linked"
    assert _finding(doc, "documentNumber").sensitive
    for column in ("category", "validFrom", "validTo"):
        assert _finding(doc, column).personal, column
