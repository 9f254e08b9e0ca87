"""Avro and JSON Schema documents that carry a person's record inside another: a document whose
nested record holds the key of a person the scan defines (a client's `clientId`) is about that
client, and a record nested in it inherits the client."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of, scan_files

NS = "org.example.shop"
SCHEMAS = [
    {
        "namespace": NS,
        "name": "Client",
        "type": "record",
        "doc": "A client of the shop.",
        "fields": [
            {"name": "clientId", "type": "int"},
            {"name": "firstname", "type": "string"},
            {"name": "lastname", "type": "string"},
        ],
    },
    {
        "namespace": NS,
        "name": "Order",
        "type": "record",
        "doc": "A client places an order.",
        "fields": [
            {"name": "orderId", "type": "string"},
            {"name": "clientId", "type": "int"},
            {"name": "totalAmount", "type": "int"},
        ],
    },
    {
        "namespace": NS,
        "name": "Settlement",
        "type": "record",
        "doc": "Settlement reported by the bank.",
        "fields": [
            {"name": "settlementRef", "type": "string"},
            {"name": "bookedAt", "type": "long"},
            {"name": "paidAmount", "type": "int"},
        ],
    },
    {
        "namespace": NS,
        "name": "Delivery",
        "type": "record",
        "doc": "Delivery state reported by the carrier.",
        "fields": [
            {"name": "parcel", "type": "string"},
            {"name": "eventTime", "type": "long"},
            {"name": "state", "type": "string"},
        ],
    },
    {
        "namespace": NS,
        "name": "OrderSettlement",
        "type": "record",
        "fields": [
            {"name": "order", "type": f"{NS}.Order"},
            {"name": "settlement", "type": ["null", f"{NS}.Settlement"]},
        ],
    },
    {
        "namespace": NS,
        "name": "OpenOrders",
        "type": "record",
        "fields": [
            {"name": "openAmount", "type": "int"},
            {"name": "openOrderList", "type": {"type": "array", "items": f"{NS}.Order"}},
        ],
    },
    {
        "namespace": NS,
        "name": "OrderView",
        "type": "record",
        "fields": [
            {"name": "orderId", "type": "string"},
            {"name": "order", "type": f"{NS}.Order"},
            {"name": "dispatch", "type": ["null", f"{NS}.Delivery"]},
        ],
    },
]


def _scan(tmp_path: Path) -> dict[str, object]:
    return scan_files(tmp_path, {"shop.avsc": json.dumps(SCHEMAS, indent=2)})


def test_a_document_holding_a_clients_order_is_about_the_client(tmp_path: Path) -> None:
    """`OpenOrders.openOrderList[].clientId`: the document carries a client's orders."""
    found = _scan(tmp_path)
    for name in ("OrderSettlement", "OpenOrders"):
        assert found[name].subject.kind == "person_linked", name  # type: ignore[attr-defined]
    assert finding_of(found["OpenOrders"], "openAmount").personal


def test_a_record_nested_in_a_clients_document_inherits_the_client(tmp_path: Path) -> None:
    """`Settlement` sits under `OrderSettlement.settlement`: the client's settlement."""
    found = _scan(tmp_path)
    settlement = found["Settlement"]
    assert settlement.subject.kind == "person_linked"  # type: ignore[attr-defined]
    assert finding_of(settlement, "paidAmount").personal
