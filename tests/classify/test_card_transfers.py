"""A transfer between two payment cards (`fromCard`, `toCard`) is the cardholders' account flow
even where no column keys a person: a bank card is issued to one person, and the entries of its
account are property information (GB/T 35273-2020 Annex B: 银行卡号, 交易流水). The cards are
bank card numbers and the amount moved is a transaction record, both sensitive. A shop's table
of card types names no card money moves between."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

DDL = """
CREATE TABLE IF NOT EXISTS `banksystem`.`Transfer` (
    `id` BIGINT(20) NOT NULL AUTO_INCREMENT,
    `fromCard` VARCHAR(255) NOT NULL,
    `toCard` VARCHAR(255) NOT NULL,
    `amount` BIGINT(20) NOT NULL,
    PRIMARY KEY (`id`))
ENGINE = InnoDB;
CREATE TABLE IF NOT EXISTS `banksystem`.`stock_transfer` (
    `id` BIGINT(20) NOT NULL AUTO_INCREMENT,
    `from_warehouse` VARCHAR(255) NOT NULL,
    `to_warehouse` VARCHAR(255) NOT NULL,
    `amount` BIGINT(20) NOT NULL,
    PRIMARY KEY (`id`))
ENGINE = InnoDB;
"""


def _scan(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "bank.sql").write_text(DDL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {d.dataset.name.split(".")[-1]: d for d in result.datasets}


def test_a_transfer_between_cards_is_the_cardholders_account_flow(tmp_path: Path) -> None:
    transfer = _scan(tmp_path)["Transfer"]
    assert transfer.subject.kind == "person_linked"
    by_name = {f.field.name: f for f in transfer.findings}
    for column in ("fromCard", "toCard"):
        assert by_name[column].element == "pi.financial.bank_card", column
        assert by_name[column].sensitive, column
    assert by_name["amount"].element == "pi.financial.transaction"
    assert by_name["amount"].sensitive
    assert not by_name["id"].personal


def test_a_transfer_between_warehouses_is_no_ones(tmp_path: Path) -> None:
    stock = _scan(tmp_path)["stock_transfer"]
    assert stock.subject.kind != "person_linked"
    assert not any(f.sensitive for f in stock.findings)
