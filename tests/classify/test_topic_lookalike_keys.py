"""A phrase that only looks like a topic (``topic_lookalikes``: a credit note is a seller's
document reducing an invoice, a billing cycle is a bill's period) puts no row on the topic of
its words, also where it names a column or the key of a parent record: the amounts of a credit
note's lines are not a loan's, its `type` and `quantity` no clinical note, and a subscription's
`billing_cycle_anchor` no menstrual cycle."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

from dataflow.model import DatasetResult

BILLING = """version: 2
sources:
  - name: billing
    tables:
      - name: customer
        columns:
          - name: id
          - name: email
          - name: name
          - name: phone
      - name: credit_note
        columns:
          - name: id
          - name: customer_id
          - name: amount
          - name: memo
      - name: credit_note_line_item
        columns:
          - name: id
          - name: credit_note_id
          - name: amount
          - name: discount_amount
          - name: type
          - name: quantity
      - name: subscription
        columns:
          - name: id
          - name: customer_id
          - name: billing_cycle_anchor
          - name: status
"""


def _scan(tmp_path: Path) -> dict[str, DatasetResult]:
    return scan_files(tmp_path, {"models/src_billing.yml": BILLING}, short=True)


def test_a_credit_notes_lines_are_not_a_loan_or_a_clinical_note(tmp_path: Path) -> None:
    found = {f.field.name: f for f in _scan(tmp_path)["credit_note_line_item"].findings}
    for column in ("amount", "discount_amount", "type", "quantity"):
        assert not found[column].sensitive, column
        assert found[column].element not in ("pi.financial.credit", "pi.health.medical_record")


def test_a_billing_cycle_is_not_a_menstrual_cycle(tmp_path: Path) -> None:
    found = {f.field.name: f for f in _scan(tmp_path)["subscription"].findings}
    assert not found["billing_cycle_anchor"].sensitive
