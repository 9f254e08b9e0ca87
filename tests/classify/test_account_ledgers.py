"""A person's account ledger: on a table of the entries of a client's bank or wallet account
(it names the account: `account_id`, 账号), the amount, the balance after the entry and the kind
of operation are the person's transaction records (GB/T 35273 Annex B, 交易和消费记录、流水记录,
sensitive); an order's total and a fee elsewhere stay plain amounts."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

from dataflow.model import DatasetResult

BANK = """
CREATE TABLE client (client_id int PRIMARY KEY, name varchar(40), birth_date date,
  phone varchar(20));
CREATE TABLE account (account_id int PRIMARY KEY, client_id int REFERENCES client (client_id),
  frequency varchar(20));
CREATE TABLE transaction (trans_id int PRIMARY KEY,
  account_id int REFERENCES account (account_id), date date, type varchar(10),
  operation varchar(20), amount decimal(12,2), balance decimal(12,2), k_symbol varchar(20),
  merchant_name varchar(60));
CREATE TABLE orders (order_id int PRIMARY KEY, client_id int REFERENCES client (client_id),
  total_amount decimal(12,2), shipping_fee decimal(12,2), created_at timestamp);
CREATE TABLE wallet_flow (id int PRIMARY KEY, client_id int REFERENCES client (client_id),
  `账号` varchar(32) COMMENT '钱包账号', `金额` decimal(12,2) COMMENT '变动金额')
  COMMENT '钱包资金流水';
"""


def _scan(tmp_path: Path) -> dict[str, DatasetResult]:
    return scan_files(tmp_path, {"bank.sql": BANK})


def test_entries_of_an_account_ledger_are_transaction_records(tmp_path: Path) -> None:
    found = {f.field.name: f for f in _scan(tmp_path)["transaction"].findings}
    for column in ("amount", "type", "operation", "k_symbol"):
        assert found[column].element == "pi.financial.transaction", column
        assert found[column].sensitive, column
    assert found["balance"].sensitive  # the account's balance (pi.financial.balance) by its name
    # a detail of the entry other than what moved keeps its family (not a transaction record)
    assert found["merchant_name"].element != "pi.financial.transaction"


def test_a_chinese_wallet_flow_is_a_transaction_record(tmp_path: Path) -> None:
    found = {f.field.name: f for f in _scan(tmp_path)["wallet_flow"].findings}
    assert found["金额"].element == "pi.financial.transaction"


def test_an_orders_amounts_stay_plain_amounts(tmp_path: Path) -> None:
    found = {f.field.name: f for f in _scan(tmp_path)["orders"].findings}
    for column in ("total_amount", "shipping_fee"):
        assert found[column].element == "pi.financial.amount", column
        assert not found[column].sensitive, column


ENTRY_DOCUMENT = """{
  "type": "record", "name": "BankTransaction", "fields": [
    {"name": "account_id", "type": "long", "doc": "The account the transaction belongs to."},
    {"name": "transaction_number", "type": "string",
     "doc": "Reference number of the transaction shown to the customer."},
    {"name": "amount", "type": "double", "doc": "Amount of the transaction."},
    {"name": "transaction_type", "type": "string"},
    {"name": "location", "type": ["null", "string"],
     "doc": "Branch or ATM where the transaction was made."},
    {"name": "merchant", "type": {"type": "record", "name": "Merchant", "fields": [
      {"name": "name", "type": "string"}, {"name": "type", "type": "string"}]}}
  ]
}"""


def test_only_what_moved_on_an_entry_is_its_transaction_record(tmp_path: Path) -> None:
    """The entry's reference number, a column whose description alone mentions the transaction and
    the kind of a thing nested in the entry (`merchant.type`) are not what moved on the account."""
    found = scan_files(tmp_path, {"tx.avsc": ENTRY_DOCUMENT})["BankTransaction"].findings
    by_pointer = {f.field.pointer.split(".", 1)[1]: f for f in found}
    for column in ("amount", "transaction_type"):
        assert by_pointer[column].element == "pi.financial.transaction", column
    for column in ("transaction_number", "location", "merchant.type"):
        assert by_pointer[column].element != "pi.financial.transaction", column


KIND_DOCUMENT = """{
  "type": "record", "name": "SavingsAccountTransaction", "fields": [
    {"name": "accountId", "type": "long"},
    {"name": "amount", "type": "double"},
    {"name": "transactionType", "type": {"type": "record", "name": "TransactionTypeEnum",
      "fields": [{"name": "code", "type": "string"}, {"name": "deposit", "type": "boolean"},
                 {"name": "withdrawal", "type": "boolean"}]}},
    {"name": "location", "type": {"type": "record", "name": "Place",
      "fields": [{"name": "type", "type": "string"}]}}
  ]
}"""


def test_the_members_of_an_entrys_kind_are_its_transaction_record(tmp_path: Path) -> None:
    """`transactionType.deposit`: what the entry did on the account; `location.type` is not."""
    found = scan_files(tmp_path, {"tx.avsc": KIND_DOCUMENT})["SavingsAccountTransaction"].findings
    by_pointer = {f.field.pointer.split(".", 1)[1]: f for f in found}
    for member in ("deposit", "withdrawal", "code"):
        assert by_pointer[f"transactionType.{member}"].element == "pi.financial.transaction"
    assert by_pointer["location.type"].element != "pi.financial.transaction"


RECHARGES = """
CREATE TABLE member (member_id int PRIMARY KEY, name varchar(40), phone varchar(20));
CREATE TABLE member_recharge (recharge_id int PRIMARY KEY,
  member_id int REFERENCES member (member_id), money decimal(10,2), create_time datetime);
CREATE TABLE member_order (order_id int PRIMARY KEY,
  member_id int REFERENCES member (member_id), money decimal(10,2), create_time datetime);
CREATE TABLE member_recharge_card (card_id int PRIMARY KEY,
  member_id int REFERENCES member (member_id), total_amount decimal(10,2),
  consumed_amount decimal(10,2));
"""


def test_a_recharge_record_is_the_entries_of_a_stored_value_account(tmp_path: Path) -> None:
    """A recharge puts money on the member's card: the table is that account's entries though
    no column names the account; the same amount of an order, and the totals of the recharged
    card itself, stay plain amounts."""
    found = scan_files(tmp_path, {"gym.sql": RECHARGES})
    recharge = {f.field.name: f for f in found["member_recharge"].findings}
    assert recharge["money"].element == "pi.financial.transaction"
    assert recharge["money"].sensitive
    order = {f.field.name: f for f in found["member_order"].findings}
    assert order["money"].personal
    assert not order["money"].sensitive
    card = {f.field.name: f for f in found["member_recharge_card"].findings}
    assert not card["total_amount"].sensitive


GERMAN_BANKING = """
CREATE TABLE konto (id int PRIMARY KEY, kontonummer varchar(15), name varchar(255),
  saldo double);
CREATE TABLE umsatz (id int PRIMARY KEY, konto_id int NOT NULL, empfaenger_konto varchar(15),
  empfaenger_name varchar(255), betrag double NOT NULL, zweck varchar(35), zweck2 varchar(35),
  datum date NOT NULL);
CREATE TABLE ueberweisung (id int PRIMARY KEY, konto_id int NOT NULL,
  empfaenger_konto varchar(15), betrag double NOT NULL, zweck varchar(27), termin date);
CREATE TABLE lastschrift (id int PRIMARY KEY, konto_id int NOT NULL,
  empfaenger_konto varchar(15), betrag double NOT NULL, zweck varchar(27), termin date);
"""


def test_a_german_banking_clients_statement_lines_and_transfers_are_transaction_records(
    tmp_path: Path,
) -> None:
    """An online-banking client's tables in German: Umsatz (a statement line), Ueberweisung (a
    transfer), Lastschrift (a direct debit) of a Konto. What moved (Betrag) and the payer's
    purpose text (Zweck, and its second line Zweck2) are the account's transaction records."""
    scanned = scan_files(tmp_path, {"hibiscus.sql": GERMAN_BANKING})
    for table in ("umsatz", "ueberweisung", "lastschrift"):
        found = {f.field.name: f for f in scanned[table].findings}
        for column in ("betrag", "zweck"):
            assert found[column].element == "pi.financial.transaction", (table, column)
            assert found[column].sensitive, (table, column)
    found = {f.field.name: f for f in scanned["umsatz"].findings}
    assert found["zweck2"].element == "pi.financial.transaction"


ACCOUNTS_API = """
openapi: 3.0.0
info: {title: Accounts API, version: 1.0.3}
paths: {}
components:
  schemas:
    AccountBalancesData:
      type: object
      properties:
        availableAmount: {type: number, description: Saldo disponivel da conta.}
        blockedAmount: {type: number}
        automaticallyInvestedAmount: {type: number}
    AccountOverdraftLimitsData:
      type: object
      properties:
        overdraftContractedLimit: {type: number}
        overdraftUsedLimit: {type: number}
        unarrangedOverdraftAmount: {type: number}
    OrderData:
      type: object
      properties:
        customerId: {type: string}
        availableAmount: {type: number}
        totalAmount: {type: number}
"""


def test_an_accounts_balances_and_overdraft_are_deposits_and_credit(tmp_path: Path) -> None:
    """On an account's balances record the amounts available, blocked or invested are what the
    person holds at the bank (存款信息); the overdraft's limit and use are credit the bank extends
    (信贷). An order's `availableAmount` is neither."""
    scanned = scan_files(tmp_path, {"accounts.yaml": ACCOUNTS_API})
    found = {f.field.name: f for f in scanned["AccountBalancesData"].findings}
    for column in ("availableAmount", "blockedAmount", "automaticallyInvestedAmount"):
        assert found[column].element == "pi.financial.balance", column
        assert found[column].sensitive, column
    found = {f.field.name: f for f in scanned["AccountOverdraftLimitsData"].findings}
    for column in ("overdraftContractedLimit", "overdraftUsedLimit", "unarrangedOverdraftAmount"):
        assert found[column].element == "pi.financial.credit", column
        assert found[column].sensitive, column
    found = {f.field.name: f for f in scanned["OrderData"].findings}
    for column in ("availableAmount", "totalAmount"):
        assert found[column].element != "pi.financial.balance", column
