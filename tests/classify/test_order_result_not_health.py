"""An operation's result is not a lab result.

`result` puts a schema document on the topic of examination and test results (a patient's lab
result). Named after an operation (Online Boutique's `OrderResult`: the order placed, with its
items, costs and shipping address; a search or query result, a payment result), it is what the
operation returned: an order's shipping address and item costs are no health data."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

PROTO = """syntax = "proto3";

package shop;

message Address {
    string street_address = 1;
    string city = 2;
    string country = 3;
}

message Money {
    string currency_code = 1;
    int64 units = 2;
}

message OrderItem {
    string product_id = 1;
    int32 quantity = 2;
    Money cost = 3;
}

message OrderResult {
    string   order_id = 1;
    string   shipping_tracking_id = 2;
    Money shipping_cost = 3;
    Address  shipping_address = 4;
    repeated OrderItem items = 5;
}
"""


def test_an_order_result_is_no_health_record(tmp_path: Path) -> None:
    result = scan_files(tmp_path, {"demo.proto": PROTO})["OrderResult"]
    assert result.subject is None or result.subject.role != "patient"
    for finding in result.findings:
        assert finding.category != "pi.health", finding.field.pointer
        assert not (finding.element or "").startswith("pi.health"), finding.field.pointer
