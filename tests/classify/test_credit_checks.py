"""A loan applicant's anti-fraud check (hits of their ID card on fraud, grey and court lists) and
a credit bureau's record of their loans elsewhere, with days past due, are parts of their credit
information, sensitive (GB/T 35273 Annex B)."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

DDL = """
CREATE TABLE cl_fraud_hit_list (
  id bigint NOT NULL,
  user_id bigint NOT NULL COMMENT '用户id',
  idcard_hit_execution_list int(8) DEFAULT NULL COMMENT '申请人身份证号命中法院执行信息',
  idcard_hit_grey_list int(8) DEFAULT NULL COMMENT '身份证命中灰名单',
  PRIMARY KEY (id)
);
"""


def test_list_hits_of_an_applicant_are_credit_information(tmp_path: Path) -> None:
    (tmp_path / "loan.sql").write_text(DDL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    hits = {f.field.name: f for d in result.datasets for f in d.findings}
    for column in ("idcard_hit_execution_list", "idcard_hit_grey_list"):
        assert hits[column].element == "pi.financial.credit", column
        assert hits[column].sensitive, column


DBT = """
version: 2
models:
  - name: stg_bureau
    columns:
      - name: bureau_id
      - name: customer_id
      - name: credit_type
      - name: credit_status
      - name: credit_amount
  - name: stg_card_balance
    columns:
      - name: prev_application_id
      - name: customer_id
      - name: balance_amount
      - name: days_past_due
"""


def test_a_bureau_record_and_days_past_due_are_credit_information(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "stg.yml").write_text(DBT, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    found = {d.dataset.name: {f.field.name: f for f in d.findings} for d in result.datasets}
    bureau, card = found["stg_bureau"], found["stg_card_balance"]
    for column in ("credit_type", "credit_status"):
        assert bureau[column].element == "pi.financial.credit", column
    assert card["days_past_due"].element == "pi.financial.credit"
    assert card["days_past_due"].sensitive
