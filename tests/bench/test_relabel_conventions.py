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
