"""``$ref`` between the JSON Schema files of one scan written from the root of the repository
(``"/schemas/common/address.json"``), by a URN ``$id``, and ``#/…`` references inside a file
another file names: all followed into the scanned files, nothing fetched."""

from __future__ import annotations

import json
from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

_PERSON = {
    "$id": "urn:example:person",
    "type": "object",
    "properties": {
        "fullName": {"type": "string"},
        "contact": {"$ref": "#/definitions/contact"},
    },
    "definitions": {
        "contact": {
            "type": "object",
            "properties": {"email": {"type": "string"}, "mobile": {"$ref": "#/$defs/phone"}},
        }
    },
    "$defs": {"phone": {"type": "string", "description": "mobile phone number"}},
}
_ADDRESS = {
    "type": "object",
    "properties": {"city": {"type": "string"}, "street": {"type": "string"}},
}
_ORDER = {
    "title": "Order",
    "type": "object",
    "properties": {
        "buyer": {"$ref": "urn:example:person"},
        "deliverTo": {"$ref": "/schemas/common/address.json"},
        "billTo": {"$ref": "/common/address.json#"},
        "payer": {"$ref": "urn:example:person#/definitions/contact"},
        "brochure": {"$ref": "/schemas/common/missing.json"},
    },
}


def test_references_from_the_repository_root_and_by_urn_are_followed(tmp_path: Path) -> None:
    root = tmp_path / "repo" / "schemas"
    (root / "common").mkdir(parents=True)
    (root / "api").mkdir()
    for name, doc in (
        ("common/person.json", _PERSON),
        ("common/address.json", _ADDRESS),
        ("api/order.json", _ORDER),
    ):
        (root / name).write_text(json.dumps(doc, indent=2), encoding="utf-8")
    result = scan_paths([tmp_path / "repo"], ScanOptions(content=False))
    order = next(d.dataset for d in result.datasets if d.dataset.name == "Order")
    assert [(f.pointer, f.data_type) for f in order.fields] == [
        ("Order.buyer.fullName", "string"),
        ("Order.buyer.contact.email", "string"),
        ("Order.buyer.contact.mobile", "string"),
        ("Order.deliverTo.city", "string"),
        ("Order.deliverTo.street", "string"),
        ("Order.billTo.city", "string"),
        ("Order.billTo.street", "string"),
        ("Order.payer.email", "string"),
        ("Order.payer.mobile", "string"),
        ("Order.brochure", None),
    ]
    mobile = next(f for f in order.fields if f.pointer == "Order.payer.mobile")
    assert mobile.comment == "mobile phone number"
    # a file no scanned path ends with stays a reference not followed, at its line
    remote = [(Path(p.path).name, p.line) for p in result.problems if "remote" in p.message]
    assert remote == [("order.json", 17)]
