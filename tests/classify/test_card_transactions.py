"""A table of transactions keyed by a bank card's number (`cardID` '银行卡号') with nothing else
saying whose rows they are is the cardholder's: its amounts and kinds of operation are the
transaction records of the card's account (sensitive). A table of a shop's goods stays no one's."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

DDL = """
CREATE TABLE tradeInfo (
    tradeID     SERIAL PRIMARY KEY COMMENT '交易ID',
    tradeDate   TIMESTAMP DEFAULT CURRENT_TIMESTAMP COMMENT '交易日期',
    tradeType   VARCHAR(8) COMMENT '交易类型',
    cardID      CHAR(16) COMMENT '银行卡号',
    tradeMoney  DECIMAL(18, 2) COMMENT '交易金额'
) COMMENT '银行卡交易记录表';
CREATE TABLE goods (
    goodsID     SERIAL PRIMARY KEY COMMENT '商品ID',
    goodsName   VARCHAR(64) COMMENT '商品名称',
    price       DECIMAL(18, 2) COMMENT '金额'
) COMMENT '商品表';
"""


def test_a_bank_cards_transactions_are_the_cardholders(tmp_path: Path) -> None:
    (tmp_path / "bank.sql").write_text(DDL, encoding="utf-8")
    found = scan_paths([tmp_path], ScanOptions(content=False))
    by_table = {d.dataset.name: d for d in found.datasets}
    trade = by_table["tradeInfo"]
    assert trade.subject.kind == "person_linked"
    by_name = {f.field.name: f for f in trade.findings}
    for column in ("tradeMoney", "tradeType"):
        assert by_name[column].element == "pi.financial.transaction", column
        assert by_name[column].sensitive, column
    assert not any(f.personal for f in by_table["goods"].findings)
