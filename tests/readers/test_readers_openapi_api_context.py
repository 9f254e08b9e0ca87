"""What an API description says around its schemas: its purpose (``info``), whether a signed-in
person or only machines call it (its security schemes), and the path parameters of the
operations that send or return each schema (``Dataset.api``)."""

from __future__ import annotations

from pathlib import Path

from dataflow.readers import read_path

DATA = Path(__file__).resolve().parent.parent / "data" / "readers" / "openapi_context"


def _api(name: str) -> dict[str, object]:
    result = read_path(DATA / name)
    return {d.name: d.api for d in result.datasets}


def test_openapi_3_end_user_api_and_the_path_naming_the_person() -> None:
    """An OAuth authorization-code flow is a person's sign-in; `Balance` is returned by
    `/accounts/self-assessment/{nino}/balance`, so it carries `nino`; the 404 reply (`Error`)
    reports the failed call and carries no path parameter; an inline response carries both
    parameters of its path."""
    api = _api("tax_accounts.openapi.yaml")
    balance = api["Balance"]
    assert balance is not None
    assert balance.end_user is True
    assert balance.path_params == ("nino",)
    assert balance.purpose is not None
    assert balance.purpose.startswith("Self Assessment Accounts. Retrieve the balance")
    error = api["Error"]
    assert error is not None and error.path_params == ()
    charge = api["retrieveCharge response 200"]
    assert charge is not None and charge.path_params == ("nino", "transactionId")


def test_swagger_2_machine_credentials_only() -> None:
    """An API key and the OAuth client-credentials flow (Swagger 2 `application`) are a
    machine's credentials: no person signs in."""
    api = _api("products.swagger.yaml")
    product = api["Product"]
    assert product is not None
    assert product.end_user is False
    assert product.path_params == ("productId",)


def test_swagger_2_access_code_flow_is_a_persons_sign_in() -> None:
    """Swagger 2's `accessCode` flow is the authorization-code flow: a person signs in. A body
    parameter's schema and a response's are noted as used; the default (error) reply is not
    given the path's parameters (there are none here either)."""
    api = _api("purchases.swagger.yaml")
    purchase = api["Purchase"]
    assert purchase is not None and purchase.end_user is True
    assert purchase.purpose is not None and "subscriber" in purchase.purpose


def test_no_security_declared_says_neither(tmp_path: Path) -> None:
    """A description without security schemes says nothing of who calls it."""
    text = (DATA / "products.swagger.yaml").read_text(encoding="utf-8")
    cut = text.split("securityDefinitions:")[0] + "paths:" + text.split("\npaths:")[1]
    assert "partnerKey" not in cut
    path = tmp_path / "open.swagger.yaml"
    path.write_text(cut, encoding="utf-8")
    api = {d.name: d.api for d in read_path(path).datasets}
    product = api["Product"]
    assert product is not None and product.end_user is None


def test_a_bare_key_carries_the_collection_before_it() -> None:
    """`/members/{id}/preferences`: a parameter named only `id` says nothing of what it keys,
    so it is noted with the collection before it (`members/{id}`); a named key stays as written."""
    api = _api("club_members.openapi.yaml")
    prefs = api["Preferences"]
    assert prefs is not None and prefs.path_params == ("members/{id}",)
    hours = api["OpeningHours"]
    assert hours is not None and hours.path_params == ("venues/{id}",)
    charge = _api("tax_accounts.openapi.yaml")["retrieveCharge response 200"]
    assert charge is not None and charge.path_params == ("nino", "transactionId")
