"""Avro and JSON Schema documents that carry a person's record inside another: a document whose
nested record holds the key of a person the scan defines (a client's `clientId`) is about that
client, a record nested in it inherits the client, and a named type written out in place under
another member name (`dispatch` of type `Delivery`) is found by its members."""

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
        "name": "CodeEntry",
        "type": "record",
        "fields": [
            {"name": "code", "type": "string"},
            {"name": "label", "type": "string"},
            {"name": "rank", "type": "int"},
        ],
    },
    {
        "namespace": NS,
        "name": "ClientProfile",
        "type": "record",
        "fields": [
            {"name": "clientId", "type": "int"},
            {"name": "firstname", "type": "string"},
            {"name": "lastname", "type": "string"},
            {"name": "segment", "type": f"{NS}.CodeEntry"},
            {"name": "channel", "type": f"{NS}.CodeEntry"},
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


def test_a_named_type_under_another_member_name_is_found_by_its_shape(tmp_path: Path) -> None:
    """`OrderView.dispatch` has the members of `Delivery` (parcel, eventTime, state) and is the
    only member of the scan with them: that record, nested in a client's document, is the
    client's delivery."""
    found = _scan(tmp_path)
    delivery = found["Delivery"]
    assert delivery.subject.kind == "person_linked"  # type: ignore[attr-defined]
    links = delivery.subject.links  # type: ignore[attr-defined]
    assert any(link.target == "OrderView" for link in links)


def test_a_shape_nested_under_several_names_is_a_shared_kind_of_value(tmp_path: Path) -> None:
    """`CodeEntry` sits under `segment` and `channel` of a client's profile: a code list's entry
    that many members use, not one record of the client."""
    found = _scan(tmp_path)
    assert found["CodeEntry"].subject.kind != "person_linked"  # type: ignore[attr-defined]
