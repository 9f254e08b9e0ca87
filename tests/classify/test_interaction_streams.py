"""Event streams keyed by a person's e-mail: a record of a customer's interactions with a
website (`customerEmail`, the page or item viewed, the event) is that customer's browsing record
(GB/T 35273-2020 Annex B, 网页浏览记录: sensitive)."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of, scan_files

SCHEMAS = [
    {
        "namespace": "org.example.web",
        "name": "WebsiteInteraction",
        "type": "record",
        "doc": "A visitor interacts with the shop's website.",
        "fields": [
            {"name": "customerEmail", "type": ["null", "string"]},
            {"name": "productTitle", "type": "string"},
            {"name": "categories", "type": ["null", "string"]},
            {"name": "event", "type": {"type": "enum", "name": "Ev", "symbols": ["VIEW", "CART"]}},
        ],
    },
    {
        "namespace": "org.example.web",
        "name": "SupportTicketRouting",
        "type": "record",
        "fields": [
            {"name": "contactEmail", "type": "string"},
            {"name": "queue", "type": "string"},
            {"name": "priority", "type": "int"},
        ],
    },
]


def _scan(tmp_path: Path) -> dict[str, object]:
    return scan_files(tmp_path, {"web.avsc": json.dumps(SCHEMAS)})


def test_an_interaction_stream_keyed_by_a_customers_email_is_browsing(tmp_path: Path) -> None:
    found = _scan(tmp_path)
    stream = found["WebsiteInteraction"]
    assert stream.subject.kind == "person_linked"  # type: ignore[attr-defined]
    for column in ("customerEmail", "productTitle", "categories", "event"):
        finding = finding_of(stream, column)
        assert finding.sensitive, column


def test_a_contacts_email_does_not_file_the_rows_under_a_person(tmp_path: Path) -> None:
    found = _scan(tmp_path)
    routing = found["SupportTicketRouting"]
    assert routing.subject.kind != "person_linked"  # type: ignore[attr-defined]
