"""Crypto wallets in API documents: an address on a blockchain is the public key of its holder's
wallet (GB/T 35273-2020 Annex B, 虚拟财产: sensitive), not where anyone lives; a record that moves
value between such addresses is the holder's transaction record (sensitive)."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of, scan_files

WALLET_API = """
openapi: 3.0.3
info: {title: Wallet, version: "1.0"}
paths: {}
components:
  schemas:
    ReceiveInfo:
      type: object
      properties:
        network:
          type: string
          description: Network name
        address:
          type: string
          description: Public wallet address for incoming funds
    Transfer:
      type: object
      properties:
        tx_hash:
          type: string
          description: Hash of the transfer
        block_number:
          type: integer
        sender:
          type: string
          description: Sender address
        recipient:
          type: string
          description: Recipient address
        amount:
          type: string
          description: Amount in the smallest unit
        status:
          type: string
          enum: [pending, confirmed, failed]
    Customer:
      type: object
      properties:
        name:
          type: string
        address:
          type: string
          description: Home address of the customer
        wallet_balance:
          type: number
          description: Stored-value balance
"""


def test_a_wallet_address_is_virtual_property(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"wallet.yaml": WALLET_API})
    address = finding_of(found["ReceiveInfo"], "address")
    assert address.element == "pi.financial.virtual_property"
    assert address.sensitive
    assert any(ev.rule == "subject-wallet-address" for ev in address.evidence)


def test_a_transfer_between_wallet_addresses_is_a_transaction_record(tmp_path: Path) -> None:
    """`sender` and `recipient` are described as addresses; the record has a block number (only
    a chain has one) and an amount: every member is the holder's transaction record."""
    found = scan_files(tmp_path, {"wallet.yaml": WALLET_API})
    transfer = found["Transfer"]
    for column in ("sender", "recipient"):
        assert finding_of(transfer, column).element == "pi.financial.virtual_property", column
    for column in ("tx_hash", "amount", "status"):
        member = finding_of(transfer, column)
        assert member.element == "pi.financial.transaction", column
        assert member.sensitive, column


def test_a_customers_home_address_stays_a_postal_address(tmp_path: Path) -> None:
    """A stored-value `wallet_balance` beside it does not put the record on a chain."""
    found = scan_files(tmp_path, {"wallet.yaml": WALLET_API})
    address = finding_of(found["Customer"], "address")
    assert address.element == "pi.contact.address"
