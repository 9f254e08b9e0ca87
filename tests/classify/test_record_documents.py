"""Schema documents of business records about a person: a document named after the person it is
about, the lines of a person's order, and the money words of a customer's record."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from builders import scan_files as _scan


def _obj(**props: str) -> dict[str, Any]:
    """A JSON Schema object whose properties have the given types."""
    return {"type": "object", "properties": {k: {"type": v} for k, v in props.items()}}


def _document(title: str, **props: Any) -> str:
    return json.dumps(
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **_obj()}
        | {"properties": props}
    )


def _by_path(result: Any) -> dict[str, Any]:
    return {f.field.pointer.split(".", 1)[1]: f for f in result.findings}


STAFF = {
    "staffId": {"type": "string"},
    "firstName": {"type": "string"},
    "email": {"type": "string"},
    "post": _obj(title="string", department="string", division="string"),
    "contract": _obj(startDate="string", kind="string", status="string"),
    "perks": {"type": "array", "items": _obj(plan="string", enrolled="boolean")},
    "pay": _obj(baseSalary="number", payFrequency="string"),
}


def test_a_document_named_after_its_person_describes_that_person(tmp_path: Path) -> None:
    """A document named after the person it is about (`Employee Record`) is that person's, as a CV
    is: every field of its nested parts describes them (rule ``subject-document-part``), the state
    of a part (`contract.status`) included, and a pay frequency is pay. The same parts in a document not named after a person
    say nothing."""
    results = _scan(
        tmp_path,
        {
            "staff.schema.json": _document("Employee Record", **STAFF),
            "kit.schema.json": _document("Kit Record", **STAFF),
        },
    )
    staff = _by_path(results["Employee Record"])
    assert results["Employee Record"].subject.role == "employee"
    for path in ("post.division", "contract.status", "perks[].plan", "perks[].enrolled"):
        assert staff[path].personal, path
        assert staff[path].evidence[-1].rule == "subject-document-part", path
    # how often the person is paid is part of their pay, not a drug's frequency
    assert staff["pay.payFrequency"].element == "pi.education_work.salary"
    kit = _by_path(results["Kit Record"])
    for path in ("post.division", "contract.status", "perks[].plan", "perks[].enrolled"):
        assert not kit[path].personal, path


def test_the_lines_of_a_persons_order(tmp_path: Path) -> None:
    """How many of a thing a person ordered, its unit price and the line and order totals are
    their consumption record; the same columns of a product list are nobody's."""
    line = _obj(sku="string", quantity="integer", unitPrice="number", lineTotal="number")
    order = _document(
        "Sales Order",
        customerId={"type": "string"},
        lines={"type": "array", "items": line},
        totals=_obj(total="number"),
    )
    stock = _document(
        "Stock Level",
        warehouseCode={"type": "string"},
        quantity={"type": "integer"},
        unitPrice={"type": "number"},
        total={"type": "number"},
    )
    results = _scan(tmp_path, {"order.schema.json": order, "stock.schema.json": stock})
    found = _by_path(results["Sales Order"])
    assert results["Sales Order"].subject.kind == "person_linked"
    for path in ("lines[].quantity", "lines[].unitPrice", "lines[].lineTotal", "totals.total"):
        assert found[path].personal, path
    assert not any(f.personal for f in results["Stock Level"].findings)


def test_a_customers_lifetime_value_is_an_amount_of_theirs(tmp_path: Path) -> None:
    """`lifetimeValue` of a customer (what they spent over time) is their financial information;
    the same words in a code list are not."""
    customer = _document(
        "Customer",
        customerId={"type": "string"},
        firstName={"type": "string"},
        email={"type": "string"},
        lifetimeValue={"type": "number"},
    )
    tiers = _document("Tier Type", code={"type": "string"}, lifetimeValue={"type": "number"})
    results = _scan(tmp_path, {"customer.schema.json": customer, "tiers.schema.json": tiers})
    value = _by_path(results["Customer"])["lifetimeValue"]
    assert value.element == "pi.financial.amount"
    assert not _by_path(results["Tier Type"])["lifetimeValue"].personal


def test_a_persons_claims_and_bank_transactions_are_their_records(tmp_path: Path) -> None:
    """A claim a person makes and a transaction on their bank account are records of that person:
    their dates, state, numbers and amounts count. A transaction log of a system, linked to a
    user, is not about the user's money."""
    claim = _document(
        "Warranty Claim",
        claimantEmail={"type": "string"},
        claimant=_obj(firstName="string", phone="string"),
        incidentDate={"type": "string"},
        status={"type": "string"},
        approved=_obj(value="number"),
        denialReason={"type": "string"},
    )
    bank = _document(
        "BankTransaction",
        accountNumber={"type": "string"},
        amount=_obj(value="number"),
        checkNumber={"type": "string"},
        isDisputed={"type": "boolean"},
    )
    log = """CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(20), mobile VARCHAR(20));
    CREATE TABLE transaction_log (id INT PRIMARY KEY, user_id INT REFERENCES users(id),
      src_port INT, app_id INT, cost_time INT);"""
    results = _scan(
        tmp_path, {"claim.schema.json": claim, "bank.schema.json": bank, "log.sql": log}
    )
    found = _by_path(results["Warranty Claim"])
    for path in ("incidentDate", "status", "approved.value", "denialReason"):
        assert found[path].personal, path
    found = _by_path(results["BankTransaction"])
    for path in ("amount.value", "checkNumber", "isDisputed"):
        assert found[path].personal, path
    log_found = _by_path(results["transaction_log"])
    for path in ("src_port", "app_id", "cost_time"):
        assert not log_found[path].personal, path
