"""Schema documents whose description says whose they are ('The individual's tax returns'), the
documents of one API named after the same resource with hyphens (`income-sa-foreign-response`,
`income-response`), and bills a person pays."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan


def _doc(description: str, props: dict[str, dict[str, str]]) -> str:
    return json.dumps({"description": description, "type": "object", "properties": props})


TAX_RETURN = {
    "totalIncome": {"type": "number", "description": "The total income declared."},
    "filingChannel": {"type": "string", "description": "How the return was filed."},
}


def test_a_possessive_description_makes_the_document_a_persons(tmp_path: Path) -> None:
    """'The individual's tax return summary': the rows are that person's, so a column no rule
    names (how the return was filed) is still information about them."""
    results = _scan(
        tmp_path, {"summary.json": _doc("The individual's tax return summary", TAX_RETURN)}
    )
    doc = results["summary"]
    assert doc.subject.kind == "person_linked"
    assert doc.subject.role == "user"
    assert _finding(doc, "filingChannel").personal


def test_a_description_for_one_person_is_a_persons(tmp_path: Path) -> None:
    """'Income details for an individual' names the one person the document is for."""
    results = _scan(
        tmp_path, {"details.json": _doc("Income details for an individual", TAX_RETURN)}
    )
    assert results["details"].subject.kind == "person_linked"


def test_a_description_of_people_or_things_is_not(tmp_path: Path) -> None:
    """'A list of users' names no one person, and a description of a thing says nothing whose."""
    results = _scan(
        tmp_path,
        {
            "catalogue.json": _doc("A list of users of the catalogue", TAX_RETURN),
            "layout.json": _doc("The report's page layout", TAX_RETURN),
        },
    )
    assert results["catalogue"].subject.kind == "unknown"
    assert results["layout"].subject.kind == "unknown"
    assert not _finding(results["layout"], "filingChannel").personal


def test_documents_of_one_hyphenated_resource_share_their_subject(tmp_path: Path) -> None:
    """`income-sa-trusts-response` says it is the individual's; `income-partnerships-response`
    of the same API says nothing: both are about the income of that person. A verb first
    (`get-orders`, `get-catalogue`) is the operation, not a shared resource."""
    results = _scan(
        tmp_path,
        {
            "income-sa-trusts-response.json": _doc("The individual's trusts income", TAX_RETURN),
            "income-partnerships-response.json": _doc("Partnerships income", TAX_RETURN),
            "get-orders.json": _doc("The customer's orders", TAX_RETURN),
            "get-catalogue.json": _doc("A product catalogue", TAX_RETURN),
        },
    )
    other = results["income-partnerships-response"]
    assert other.subject.kind == "person_linked"
    assert _finding(other, "filingChannel").personal
    assert results["get-catalogue"].subject.kind != "person_linked"


BILLS = """
CREATE TABLE account (id BIGINT PRIMARY KEY, real_name VARCHAR(64), mobile VARCHAR(20));
CREATE TABLE room (id BIGINT PRIMARY KEY, building_no VARCHAR(32), room_no VARCHAR(32));
CREATE TABLE bill (
    id BIGINT PRIMARY KEY,
    room_id BIGINT REFERENCES room (id),
    fee_type VARCHAR(16),
    amount_due DECIMAL(12, 2),
    due_date DATE
);
CREATE TABLE pay_order (
    id BIGINT PRIMARY KEY,
    bill_id BIGINT REFERENCES bill (id),
    account_id BIGINT REFERENCES account (id),
    pay_amount DECIMAL(12, 2)
);
"""


def test_a_bill_a_person_pays_is_theirs(tmp_path: Path) -> None:
    """A fee bill keyed by a room is paid by the account whose payment order points at it: its
    fee type and due date are that person's; the room stays a thing."""
    results = _scan(tmp_path, {"fees.sql": BILLS})
    bill = results["bill"]
    assert bill.subject.kind == "person_linked"
    assert _finding(bill, "fee_type").personal
    assert _finding(bill, "due_date").personal
    assert results["room"].subject.kind == "unknown"
    assert not _finding(results["room"], "building_no").personal


RETURNS = {
    "description": "The individual's Self Assessment tax returns for the requested period",
    "type": "object",
    "properties": {
        "_links": {
            "type": "object",
            "properties": {
                "self": {
                    "type": "object",
                    "properties": {
                        "href": {"type": "string", "description": "The URL of the endpoint."}
                    },
                }
            },
        },
        "taxReturns": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "taxYear": {"type": "string"},
                    "filingChannel": {"type": "string"},
                },
            },
        },
    },
}


def test_the_parts_of_a_described_document_are_the_persons(tmp_path: Path) -> None:
    """A document whose description says it is the individual's: the fields of the lists nested
    in it (`taxReturns[].taxYear`) are that person's; the API's hyperlink (`_links.self.href`)
    is navigation, not the person's."""
    results = _scan(tmp_path, {"returns.json": json.dumps(RETURNS)})
    doc = results["returns"]
    assert _finding(doc, "taxYear").personal
    assert _finding(doc, "filingChannel").personal
    assert not _finding(doc, "href").personal


FOOD_LOG = {
    "namespace": "org.example.connector",
    "type": "record",
    "name": "FitbitFoodLog",
    "doc": "A summary of the user's food log entry for a given day.",
    "fields": [
        {"name": "calories", "type": "double"},
        {"name": "brand", "type": "string"},
        {"name": "timeReceived", "type": "double"},
    ],
}


def test_a_wearables_record_naming_its_user_keeps_the_device_rule(tmp_path: Path) -> None:
    """A wearable's record described as 'the user's food log' is what the device logged of its
    wearer (activity records), and the connector's receive time stays nobody's."""
    results = _scan(tmp_path, {"food.avsc": json.dumps(FOOD_LOG)})
    log = results["FitbitFoodLog"]
    for column in ("calories", "brand"):
        assert _finding(log, column).element == "pi.motion.activity", column
    assert not _finding(log, "timeReceived").personal
