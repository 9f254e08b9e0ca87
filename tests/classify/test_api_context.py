"""API descriptions: the person a schema is about is often never one of its fields. It is the
path parameter of the operation returning it (`/accounts/self-assessment/{nino}/balance`), or
the signed-in person an end-user API serves, as its purpose says ('the purchases … a subscriber
charges to their phone bill'). A machine-to-machine API about products is about no one."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

DATA = Path(__file__).resolve().parent.parent / "data" / "readers" / "openapi_context"


def _read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_a_schema_returned_under_a_persons_path_is_theirs(tmp_path: Path) -> None:
    """`Balance` has no field naming anyone, but the operation returning it names the
    individual by their National Insurance number in its path: the balance is theirs."""
    results = _scan(tmp_path, {"tax.openapi.yaml": _read("tax_accounts.openapi.yaml")})
    balance = results["Balance"]
    assert balance.subject.kind == "person_linked"
    assert [link.column for link in balance.subject.links] == ["nino"]
    assert any("path parameter 'nino'" in str(e) for e in balance.subject.evidence)
    for column in ("overdueAmount", "totalBalance"):
        assert _finding(balance, column).personal, column
    # the 404 reply reports the failed call: not the individual's
    error = results["Error"]
    assert error.subject.kind != "person_linked"
    assert not _finding(error, "message").personal


def test_a_path_naming_a_thing_files_nothing_under_a_person(tmp_path: Path) -> None:
    """The same balance returned under a product's path (`{productId}`), by an API only
    machines call: no one's."""
    text = _read("tax_accounts.openapi.yaml").replace("{nino}", "{productId}")
    text = text.replace("name: nino", "name: productId")
    text = text.replace("authorizationCode:", "clientCredentials:")
    results = _scan(tmp_path, {"tax.openapi.yaml": text})
    balance = results["Balance"]
    assert balance.subject.kind != "person_linked"
    assert not _finding(balance, "overdueAmount").personal


def test_an_end_user_api_serving_subscribers_is_about_them(tmp_path: Path) -> None:
    """A Swagger 2 API called with a subscriber's sign-in (the `accessCode` flow) whose purpose
    is the purchases a subscriber charges to their bill: a purchase is that subscriber's, its
    total amount their spending; the merchant's fee is the merchant's money; the error reply
    is about the call."""
    results = _scan(tmp_path, {"purchases.swagger.yaml": _read("purchases.swagger.yaml")})
    purchase = results["Purchase"]
    assert purchase.subject.kind == "person_linked"
    assert purchase.subject.role == "member"
    assert any("signed-in person" in str(e) for e in purchase.subject.evidence)
    assert _finding(purchase, "totalAmount").personal
    assert not _finding(purchase, "fee").personal
    error = results["ErrorInfo"]
    assert error.subject.kind != "person_linked"
    assert not _finding(error, "message").personal


def test_a_machine_api_serving_subscribers_is_not_judged_so(tmp_path: Path) -> None:
    """The same API called with a machine's credentials (client credentials): its purpose alone
    files nothing under a person."""
    text = _read("purchases.swagger.yaml").replace("flow: accessCode", "flow: application")
    results = _scan(tmp_path, {"purchases.swagger.yaml": text})
    purchase = results["Purchase"]
    assert purchase.subject.kind != "person_linked"
    assert not _finding(purchase, "totalAmount").personal


def test_an_api_client_is_not_a_customer(tmp_path: Path) -> None:
    """'API client' and 'API consumer' in a purpose name software calling the API, not the
    people it serves (``api_role_lookalikes``)."""
    text = _read("purchases.swagger.yaml").replace(
        "the purchases of digital goods a subscriber charges to their phone bill",
        "the purchases of digital goods that an API client or API consumer records",
    )
    results = _scan(tmp_path, {"purchases.swagger.yaml": text})
    assert results["Purchase"].subject.kind != "person_linked"


def test_an_object_of_a_users_purchase_is_judged_by_its_members(tmp_path: Path) -> None:
    """`Purchase.payable` (a polymorphic object kept as a reference, its members read one by one):
    the order's total and currency are the user's purchase record; the object itself is not a
    value of its own and gets no verdict."""
    results = _scan(tmp_path, {"checkout.openapi.yaml": _read("checkout.openapi.yaml")})
    purchase = results["Purchase"]
    assert purchase.subject.kind == "person_linked"
    by_pointer = {f.field.pointer: f for f in purchase.findings}
    assert by_pointer["Purchase.payable.order.totalAmount"].personal
    assert not by_pointer["Purchase.payable"].personal


def test_an_api_speaking_to_the_owner_of_a_bank_account_is_about_them(tmp_path: Path) -> None:
    """A bank API whose purpose reads 'your balances and transactions', called with a bearer
    token (no machine-only credentials declared): a transaction it returns is the account
    holder's flow record (GB/T 35273 Annex B 个人财产信息), its amount sensitive; a reply that
    nests the transaction under `data` beside `links` carries it too; the error reply and the
    webhook registration are about the call and the developer's callback, no one's."""
    results = _scan(tmp_path, {"bank.openapi.yaml": _read("own_bank.openapi.yaml")})
    tx = results["TransactionResource"]
    assert tx.subject.kind == "person_linked"
    assert any("owner of 'balances'" in str(e) for e in tx.subject.evidence)
    amount = _finding(tx, "currencyCode")
    assert amount.personal and amount.sensitive
    reply = results["GetTransactionResponse"]
    assert reply.subject.kind == "person_linked"
    assert _finding(reply, "value").sensitive
    assert results["ErrorObject"].subject.kind != "person_linked"
    hook = results["WebhookResource"]
    assert hook.subject.kind != "person_linked"
    assert not _finding(hook, "url").personal


def test_an_api_speaking_to_a_developer_is_not_about_a_person(tmp_path: Path) -> None:
    """The same API whose purpose speaks of 'your application' and 'your data' (a developer's)
    or that declares only machine credentials: its purpose files nothing under a person."""
    text = _read("own_bank.openapi.yaml").replace(
        "Read your balances and transactions, and get notified when money arrives in your account.",
        "Connect your application and sync your data.",
    )
    results = _scan(tmp_path, {"bank.openapi.yaml": text})
    assert results["TransactionResource"].subject.kind != "person_linked"
    text = _read("own_bank.openapi.yaml").replace(
        "      type: http\n      scheme: bearer",
        "      type: apiKey\n      in: header\n      name: X-Api-Key",
    )
    results = _scan(tmp_path, {"bank2.openapi.yaml": text})
    assert results["TransactionResource"].subject.kind != "person_linked"
