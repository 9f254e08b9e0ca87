"""A person's payment card as a table or an object of a document (`card`, `paymentMethod`): its
masked number, brand, issuer, funding type and expiry are the cardholder's bank card data."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

WALLET = {
    "title": "customerWallet",
    "type": "object",
    "properties": {
        "customerId": {"type": "string"},
        "email": {"type": "string", "format": "email"},
        "paymentMethod": {
            "type": "object",
            "properties": {
                "brand": {"type": "string"},
                "last4": {"type": "string"},
                "expMonth": {"type": "integer"},
                "expYear": {"type": "integer"},
                "funding": {"type": "string"},
            },
        },
    },
}


def test_the_members_of_a_persons_payment_card_are_sensitive(tmp_path: Path) -> None:
    """`paymentMethod.last4`, `brand`, `funding` are the card's; `expMonth`, `expYear` its
    verification data: all sensitive financial account information."""
    doc = _scan(tmp_path, {"wallet.json": json.dumps(WALLET)})["customerWallet"]
    for column in ("brand", "last4", "funding"):
        finding = _finding(doc, column)
        assert finding.element == "pi.financial.bank_card" and finding.sensitive, column
    for column in ("expMonth", "expYear"):
        finding = _finding(doc, column)
        assert finding.element == "pi.financial.card_security" and finding.sensitive, column


def test_a_card_of_another_kind_is_no_payment_card(tmp_path: Path) -> None:
    """A board's `card` with a brand colour only (one card member) is not a payment card."""
    board = {
        "title": "memberBoard",
        "type": "object",
        "properties": {
            "userId": {"type": "string"},
            "card": {
                "type": "object",
                "properties": {"brand": {"type": "string"}, "title": {"type": "string"}},
            },
        },
    }
    doc = _scan(tmp_path, {"board.json": json.dumps(board)})["memberBoard"]
    assert _finding(doc, "brand").element != "pi.financial.bank_card"


ORDERS = """
CREATE TABLE customers (customers_id INT PRIMARY KEY, customers_name VARCHAR(64));
CREATE TABLE orders (
  orders_id INT PRIMARY KEY,
  customers_id INT REFERENCES customers(customers_id),
  cc_type VARCHAR(20),
  cc_owner VARCHAR(64),
  cc_number VARCHAR(32),
  cc_expires VARCHAR(4),
  credit_card_expires VARCHAR(4)
);
"""


def test_the_expiry_of_a_card_kept_on_an_order_is_its_verification_data(tmp_path: Path) -> None:
    """A shop's order storing the customer's card (`cc_number`, `cc_expires`): the expiry with
    a card prefix is the card's verification data, sensitive."""
    orders = _scan(tmp_path, {"shop.sql": ORDERS})["orders"]
    for column in ("cc_expires", "credit_card_expires"):
        finding = _finding(orders, column)
        assert finding.element == "pi.financial.card_security" and finding.sensitive, column
