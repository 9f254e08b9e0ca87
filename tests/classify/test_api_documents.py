"""JSON Schema documents of an API, one file per operation (`Investor.post.schema.json`): the
document is about the resource it is named after, not about the HTTP method."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

INVESTOR = {
    "$schema": "http://json-schema.org/draft-04/schema",
    "type": "object",
    "properties": {
        "firstName": {"description": "The saver's first name.", "type": "string"},
        "lastName": {"description": "The saver's last name.", "type": "string"},
        "dateOfBirth": {"description": "The saver's date of birth.", "type": "string"},
    },
}


def test_an_operation_document_is_about_its_resource(tmp_path: Path) -> None:
    """`SaverInvestor.post`: the document records an investor (a person), so their names and date
    of birth are personal; `post` is the HTTP method, not a post or an article."""
    results = _scan(tmp_path, {"SaverInvestor.post.schema.json": json.dumps(INVESTOR)})
    doc = results["SaverInvestor.post"]
    assert doc.subject.kind == "person"
    for column in ("firstName", "lastName", "dateOfBirth"):
        assert _finding(doc, column).personal, column


def test_a_post_of_a_blog_is_still_a_thing(tmp_path: Path) -> None:
    """A table named `post` (an article) is not about people: the method segment is dropped only
    after a resource's name."""
    sql = "CREATE TABLE post (id int PRIMARY KEY, title varchar(100), content text);"
    results = _scan(tmp_path, {"blog.sql": sql})
    assert results["post"].subject.kind != "person"
    assert not _finding(results["post"], "title").personal


ACCOUNT_GET = {
    "type": "object",
    "properties": {
        "investorId": {"type": "string"},
        "firstName": {"type": "string", "description": "The investor's first name."},
        "closureDate": {"type": "string", "description": "The date the account was closed."},
    },
}
ACCOUNT_CLOSE = {
    "type": "object",
    "properties": {
        "accountClosureReason": {"type": "string", "description": "The reason it was closed."},
        "closureDate": {"type": "string", "description": "The date the account was closed."},
    },
}
ACCOUNT_CLOSE_RESPONSE = {
    "type": "object",
    "properties": {
        "data": {
            "type": "object",
            "properties": {
                "message": {"type": "string"},
                "closureDate": {"type": "string", "description": "The date it was closed."},
            },
        },
        "success": {"type": "boolean"},
        "status": {"type": "integer"},
    },
}


def test_operations_on_a_persons_resource_are_about_the_person(tmp_path: Path) -> None:
    """`SaverAccount.close.post` and `SaverAccount.close.post.response` operate on the resource of
    `SaverAccount.get`, a document about a person: their fields are the person's (when the account
    was closed and why); the response's envelope (`message`, `success`, `status`) is the API's."""
    files = {
        "SaverAccount.get.schema.json": json.dumps(ACCOUNT_GET),
        "SaverAccount.close.post.schema.json": json.dumps(ACCOUNT_CLOSE),
        "SaverAccount.close.post.response.schema.json": json.dumps(ACCOUNT_CLOSE_RESPONSE),
    }
    results = _scan(tmp_path, files)
    close, response = (
        results["SaverAccount.close.post"],
        results["SaverAccount.close.post.response"],
    )
    assert close.subject.kind == "person_linked"
    assert _finding(close, "accountClosureReason").personal
    assert _finding(close, "closureDate").personal
    assert response.subject.kind == "person_linked"
    for column in ("message", "success", "status"):
        assert not _finding(response, column).personal, column


def test_a_document_of_another_resource_is_not_linked(tmp_path: Path) -> None:
    files = {
        "SaverAccount.get.schema.json": json.dumps(ACCOUNT_GET),
        "ProviderFees.close.post.schema.json": json.dumps(ACCOUNT_CLOSE),
    }
    results = _scan(tmp_path, files)
    assert results["ProviderFees.close.post"].subject.kind != "person_linked"


def test_an_account_key_described_as_a_savings_account_is_a_financial_account(
    tmp_path: Path,
) -> None:
    """`accountId` of a saver's document, "the reference number for the investor's LISA
    account": a financial account's number (sensitive), not a login account's id; an `accountId`
    described as a login is left as it is."""
    saver = {
        "type": "object",
        "properties": {
            "firstName": {"type": "string", "description": "The investor's first name."},
            "accountId": {
                "type": "string",
                "description": "The provider's reference number for the investor's LISA account.",
            },
            "loginAccountId": {
                "type": "string",
                "description": "The id the investor logs in with.",
            },
        },
    }
    doc = _scan(tmp_path, {"SaverInvestor.get.schema.json": json.dumps(saver)})["SaverInvestor.get"]
    found = _finding(doc, "accountId")
    assert found.element == "pi.financial.bank_account"
    assert found.sensitive
    assert _finding(doc, "loginAccountId").element != "pi.financial.bank_account"


def test_an_account_with_its_holders_key_is_linked_to_the_holder(tmp_path: Path) -> None:
    """`bank_account` with a `customer_id`: accounts a customer holds (person-linked), so the
    date an account was closed is the customer's; `user_account` keyed by `user_id` stays the
    user's own row."""
    sql = """
    CREATE TABLE customer (id int PRIMARY KEY, name varchar(50), mobile varchar(20));
    CREATE TABLE bank_account (id int PRIMARY KEY, customer_id int, opened_date date,
      closure_date date);
    CREATE TABLE user_account (id int PRIMARY KEY, user_id int, nickname varchar(50));
    """
    results = _scan(tmp_path, {"bank.sql": sql})
    account = results["bank_account"]
    assert account.subject.kind == "person_linked"
    assert _finding(account, "closure_date").personal
    assert results["user_account"].subject.kind == "person"


UNIFIED_RESPONSE = {
    "type": "object",
    "properties": {
        "status_code": {"type": "integer"},
        "status": {"type": "string"},
        "service": {"type": "string", "description": "Apideck ID of service provider"},
        "resource": {"type": "string", "description": "Unified API resource name"},
        "operation": {"type": "string", "description": "Operation performed"},
        "data": {
            "type": "object",
            "properties": {
                "first_name": {"type": "string"},
                "last_name": {"type": "string"},
                "email": {"type": "string"},
            },
        },
    },
}


def test_a_unified_apis_response_names_the_call_not_the_person(tmp_path: Path) -> None:
    """`GetCandidateResponse.service`, `.resource`, `.operation`: the envelope of a unified API's
    answer names the service and operation that served the call; the candidate is in `data`."""
    results = _scan(tmp_path, {"GetCandidateResponse.json": json.dumps(UNIFIED_RESPONSE)})
    doc = results["GetCandidateResponse"]
    for column in ("service", "resource", "operation"):
        assert not _finding(doc, column).personal, column
    assert _finding(doc, "first_name").personal


MATCH_RESPONSE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "IdentityMatchResponse",
    "type": "object",
    "properties": {
        "givenNameMatch": {"type": "string", "enum": ["true", "false", "not_available"]},
        "givenNameMatchScore": {"type": "integer"},
        "familyNameMatch": {"type": "string", "enum": ["true", "false", "not_available"]},
        "birthdateMatch": {"type": "string", "enum": ["true", "false", "not_available"]},
        "emailMatch": {"type": "string", "enum": ["true", "false", "not_available"]},
        "emailMatchScore": {"type": "integer"},
        "postalCodeMatch": {"type": "string", "enum": ["true", "false", "not_available"]},
    },
}


def test_an_identity_match_response_is_about_the_person_checked(tmp_path: Path) -> None:
    """A know-your-customer match: whether, and how well, the given name, family name, birth
    date and e-mail a customer gave match the operator's records (`givenNameMatch`,
    `emailMatchScore`) are about that customer (the identity columns they name), so the
    response is a person's record and its results are personal."""
    results = _scan(tmp_path, {"match.schema.json": json.dumps(MATCH_RESPONSE)})
    doc = results["IdentityMatchResponse"]
    assert doc.subject.about_person
    for column in ("givenNameMatch", "familyNameMatch", "birthdateMatch", "emailMatch"):
        assert _finding(doc, column).personal, column


SIGNED_REQUEST = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "PayeeCheckRequestSigned",
    "type": "object",
    "properties": {
        "iss": {"type": "string"},
        "aud": {"type": "array", "items": {"type": "string"}},
        "exp": {"type": "integer"},
        "iat": {"type": "integer"},
        "nbf": {"type": "integer"},
        "payee": {
            "type": "object",
            "properties": {
                "fullName": {"type": "string"},
                "givenName": {"type": "string"},
                "lastName": {"type": "string"},
                "accountNumber": {"type": "string"},
            },
        },
        "client": {
            "type": "object",
            "properties": {
                "client_name": {"type": "string"},
                "client_uri": {"type": "string"},
                "logo_uri": {"type": "string"},
                "jwks_uri": {"type": "string"},
                "redirect_uris": {"type": "array", "items": {"type": "string"}},
                "roles": {"type": "array", "items": {"type": "string"}},
            },
        },
    },
}


def test_a_signed_tokens_claims_and_a_client_registration_are_not_the_persons(
    tmp_path: Path,
) -> None:
    """A signed request about a payee: the token's registered claims (issuer, audience, expiry,
    issued-at, not-before) and a registered client application's metadata (its name, URIs, keys,
    roles) describe the token and the software that sends it, not the payee; the payee's names
    stay personal."""
    results = _scan(tmp_path, {"check.schema.json": json.dumps(SIGNED_REQUEST)})
    doc = results["PayeeCheckRequestSigned"]
    assert doc.subject.about_person
    by_path = {f.field.pointer.split(".", 1)[1]: f for f in doc.findings}
    for path in ("iss", "aud[]", "exp", "iat", "nbf"):
        assert not by_path[path].personal, path
    for path in ("client_name", "client_uri", "logo_uri", "jwks_uri", "roles[]"):
        assert not by_path[f"client.{path}"].personal, path
    for path in ("payee.fullName", "payee.givenName", "payee.lastName"):
        assert by_path[path].personal, path
