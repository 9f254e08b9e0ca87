"""bench/relabel_conventions.py: the label conventions of bench/eval/CONVENTIONS.md."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(_BENCH))
_spec = importlib.util.spec_from_file_location(
    "relabel_conventions", _BENCH / "relabel_conventions.py"
)
assert _spec is not None and _spec.loader is not None
relabel_conventions = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(relabel_conventions)

LABELS = """\
# Set: hand labels.
# Format: local-file | dataset | P: PI fields | S: sensitive PI fields | A: debatable (not scored)
school/db.sql | student | P: parent_name parent_phone | S: name birthday | A: class_id
school/db.sql | guardian | P: guardian_name guardian_phone
school/db.sql | users | P: id username created_at marital_status | S: password
school/db.sql | wallet_transaction | P: amount type user_name
school/db.sql | orders | P: amount order_no
school/db.sql | private_message | P: content sender_name created_at | A: id
clinic/claims.sql | medical_claim | P: paid_amount claim_date | S: diagnosis_code
"""
FIELDS = {"school/db.sql": {"users": ["id", "username", "created_at", "is_deleted", "password"]}}


def _run(tmp_path: Path) -> tuple[list[tuple[str, ...]], dict]:
    set_dir = tmp_path / "set1"
    set_dir.mkdir(exist_ok=True)
    if not (set_dir / "labels.txt").exists():
        (set_dir / "labels.txt").write_text(LABELS, encoding="utf-8")
    changes = relabel_conventions.relabel(set_dir, FIELDS, dry_run=False)
    return changes, relabel_conventions.parse_labels(set_dir / "labels.txt")


def test_each_kind_moves_only_its_fields(tmp_path: Path) -> None:
    changes, labels = _run(tmp_path)
    db = labels["school/db.sql"]
    # a: a minor's own record holds the guardian's columns as the minor's; the guardian's row does not
    assert db["student"]["parent_name"] == db["student"]["parent_phone"] == "S"
    assert db["guardian"] == {"guardian_name": "P", "guardian_phone": "P"}
    # b, f, g: bookkeeping of a person row is debatable; h: marital status is sensitive
    assert db["users"]["created_at"] == db["users"]["is_deleted"] == db["users"]["id"] == "A"
    assert db["users"]["username"] == "P" and db["users"]["marital_status"] == "S"
    # c: a wallet's entries are account flow records; an order's amount stays P
    assert db["wallet_transaction"]["amount"] == db["wallet_transaction"]["type"] == "S"
    assert db["orders"]["amount"] == "P"
    # e: a message between persons is a communication record; its row key stays A
    assert db["private_message"]["content"] == db["private_message"]["sender_name"] == "S"
    assert db["private_message"]["id"] == "A"
    # d: the money side of a health-care claim is debatable, its clinical fields stay S
    claim = labels["clinic/claims.sql"]["medical_claim"]
    assert claim == {"paid_amount": "A", "claim_date": "P", "diagnosis_code": "S"}
    assert sorted({c[-1] for c in changes}) == ["a", "b", "c", "d", "e", "f", "g", "h"]


def test_header_records_the_change_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    changes, _ = _run(tmp_path)
    text = (tmp_path / "set1" / "labels.txt").read_text(encoding="utf-8").splitlines()
    assert text[2].startswith(
        f"# Relabelled 2026-12-07 to bench/eval/CONVENTIONS.md: {len(changes)}"
    )
    assert text[:2] == LABELS.splitlines()[:2]
    again, _ = _run(tmp_path)
    assert again == []


DISPUTED = """\
# Set: hand labels.
# Format: local-file | dataset | P: PI fields | S: sensitive PI fields | A: debatable (not scored)
pay/src.yml | stripe.charge | P: receipt_email | S: amount status currency receipt_number | A: id
pay/src.yml | stripe.card | P: name | S: brand funding number
pay/src.yml | stripe.dispute | S: amount evidence_customer_signature
pay/db.sql | cc_payments | P: orders_amount | S: cc_owner cc_type cc_number cc_expires
pay/db.sql | LoanChargePaidByDataV1 | S: amount
estate/db.sql | fee_water | P: user_id pay_water_time | S: pay_water_money pay_water_status
estate/db.sql | user_room | S: user_id room_id inTime outTime | A: id
estate/db.sql | account_log | P: house_owner trade_money | S: balance trade_type
office/db.sql | staff_expense_log | P: staff_name | S: exp_amount exp_balance
synthea/db.sql | synthea_schema.encounters | P: patient | S: code base_encounter_cost payer_coverage
synthea/db.sql | synthea_schema.patients | P: first | S: ssn income healthcare_expenses
yb/db.sql | t_open_copy | P: setl_id mdtrt_id hifp_pay psn_pay | S: psn_no acct_pay med_type
chat/db.sql | messages | P: created_at | S: content | A: id updated_at
"""


def test_purchases_cards_occupancy_care_costs_and_message_times(tmp_path: Path) -> None:
    set_dir = tmp_path / "set2"
    set_dir.mkdir()
    (set_dir / "labels.txt").write_text(DISPUTED, encoding="utf-8")
    changes = relabel_conventions.relabel(set_dir, {}, dry_run=False)
    labels = relabel_conventions.parse_labels(set_dir / "labels.txt")
    pay, estate = labels["pay/src.yml"], labels["estate/db.sql"]
    # k: a card payment for a purchase is P in full; a dispute's evidence is not a purchase field
    assert set(pay["stripe.charge"].values()) == {"P", "A"}
    assert pay["stripe.dispute"]["amount"] == "S"
    # i: holder name and brand of a card are P, its number and expiry stay S
    assert pay["stripe.card"] == {"name": "P", "brand": "P", "funding": "P", "number": "S"}
    cc = labels["pay/db.sql"]["cc_payments"]
    assert cc["cc_owner"] == cc["cc_type"] == "P" and cc["cc_number"] == cc["cc_expires"] == "S"
    # c: a charge on a person's loan stays on the loan ledger (S), so does a fund account's flow
    assert labels["pay/db.sql"]["LoanChargePaidByDataV1"]["amount"] == "S"
    assert estate["account_log"]["trade_money"] == "S"
    # k: a resident's utility bill and an employer's office budget per employee are P
    assert estate["fee_water"]["pay_water_money"] == estate["fee_water"]["pay_water_status"] == "P"
    assert set(labels["office/db.sql"]["staff_expense_log"].values()) == {"P"}
    # j: who lives in which room, and from when, is the person's residence
    assert estate["user_room"] == {
        "user_id": "P",
        "room_id": "P",
        "inTime": "P",
        "outTime": "P",
        "id": "A",
    }
    # d: costs of care rows, a patient's expense totals and a settlement's fund splits are A
    syn = labels["synthea/db.sql"]
    assert syn["synthea_schema.encounters"]["payer_coverage"] == "A"
    assert syn["synthea_schema.encounters"]["code"] == "S"
    assert syn["synthea_schema.patients"]["healthcare_expenses"] == "A"
    assert syn["synthea_schema.patients"]["income"] == "S"
    yb = labels["yb/db.sql"]["t_open_copy"]
    assert yb["hifp_pay"] == yb["psn_pay"] == yb["acct_pay"] == "A"
    assert yb["psn_no"] == yb["med_type"] == "S" and yb["setl_id"] == "P"
    # e: a message's own time labelled personal is its send time; bookkeeping A stays A
    assert labels["chat/db.sql"]["messages"]["created_at"] == "S"
    assert labels["chat/db.sql"]["messages"]["updated_at"] == "A"
    assert sorted({c[-1] for c in changes}) == ["c", "d", "e", "i", "j", "k"]
    assert relabel_conventions.relabel(set_dir, {}, dry_run=False) == []
