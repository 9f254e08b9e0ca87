"""Schema documents of a party model (TM Forum's Individual, its identity documents and credit
profile) and of an API whose schema names carry a package and version (`iam.scim.v2.User`)."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan


def _schema(name: str, properties: dict[str, object], description: str = "") -> str:
    body: dict[str, object] = {"$id": f"#{name}", "type": "object", "properties": properties}
    if description:
        body["description"] = description
    return json.dumps(
        {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "$id": f"{name}.schema.json",
            "title": name,
            "definitions": {name: body},
        }
    )


INDIVIDUAL = _schema(
    "Individual",
    {
        "id": {"type": "string"},
        "givenName": {"type": "string"},
        "familyName": {"type": "string"},
        "birthDate": {"type": "string", "format": "date-time"},
        "individualIdentification": {
            "type": "array",
            "items": {
                "$ref": "../EngagedParty/IndividualIdentification.schema.json#IndividualIdentification"
            },
        },
        "creditProfile": {
            "type": "array",
            "items": {"$ref": "../Customer/CreditProfile.schema.json#CreditProfile"},
        },
    },
)

IDENTIFICATION = _schema(
    "IndividualIdentification",
    {
        "identificationId": {"type": "string", "description": "Identifier"},
        "identificationType": {"type": "string"},
        "issuingAuthority": {"type": "string"},
        "attachment": {"type": "string", "format": "uri"},
    },
    "Proof of identity of an individual (passport, national identity card)",
)

CREDIT = _schema(
    "PartyCreditProfile",
    {
        "id": {"type": "string"},
        "creditAgencyType": {"type": "string"},
        "ratingScore": {"type": "integer"},
    },
)


def test_identity_document_record_holds_the_document_number_and_copy(tmp_path: Path) -> None:
    """On a record of a person's identity document its identifier is the document's number and
    the attachment a copy of the document (个人身份信息: sensitive); the person's list of such
    documents is sensitive too."""
    results = _scan(
        tmp_path,
        {
            "Individual.schema.json": INDIVIDUAL,
            "IndividualIdentification.schema.json": IDENTIFICATION,
            "PartyCreditProfile.schema.json": CREDIT,
        },
    )
    ident = results["IndividualIdentification"]
    assert _finding(ident, "identificationId").sensitive
    assert _finding(ident, "attachment").sensitive
    person = results["Individual"]
    assert _finding(person, "individualIdentification").sensitive
    assert _finding(person, "creditProfile").sensitive


def test_credit_profile_is_the_persons_credit_rating(tmp_path: Path) -> None:
    results = _scan(
        tmp_path,
        {"Individual.schema.json": INDIVIDUAL, "PartyCreditProfile.schema.json": CREDIT},
    )
    profile = results["PartyCreditProfile"]
    for column in ("creditAgencyType", "ratingScore"):
        assert _finding(profile, column).sensitive, column


SCIM = """
openapi: 3.0.1
info: {title: Identity management, version: 1.0.0}
paths: {}
components:
  schemas:
    iam.scim.v2.User:
      type: object
      properties:
        id: {type: string}
        userName: {type: string}
        name:
          type: object
          properties:
            givenName: {type: string}
            familyName: {type: string}
        emails:
          type: array
          items:
            type: object
            properties:
              value: {type: string}
              primary: {type: boolean}
    iam.scim.v2.Error:
      type: object
      properties:
        detail: {type: string}
        scimType: {type: string}
        code: {type: integer}
        moreInfo: {type: string}
"""


def test_versioned_package_names_do_not_make_one_resource(tmp_path: Path) -> None:
    """`iam.scim.v2.Error` and `iam.scim.v2.User` share a package and version, not a resource:
    the API's error object is not an operation on its users."""
    results = _scan(tmp_path, {"scim.yaml": SCIM})
    user = next(r for name, r in results.items() if name.endswith("v2.User"))
    assert user.subject.kind in ("person", "person_linked")
    error = next(r for name, r in results.items() if name.endswith("v2.Error"))
    assert error.subject.kind not in ("person", "person_linked")
    for column in ("detail", "scimType", "code", "moreInfo"):
        assert not _finding(error, column).personal, column
