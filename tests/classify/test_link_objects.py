"""API documents: hyperlink objects (an object with an `href`) and components nested only as an
organisation (`employer`) are not about the individual the API is about."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files as _scan


def _openapi(path: str, response: str, schemas: str) -> str:
    """An OpenAPI 3 document whose one GET operation answers with the component ``response``."""
    return (
        "openapi: 3.0.3\n"
        "info: {title: Individuals, version: '1.0'}\n"
        f"paths:\n  {path}:\n    get:\n      responses:\n        '200':\n"
        "          description: ok\n          content:\n            application/json:\n"
        f"              schema: {{$ref: '#/components/schemas/{response}'}}\n"
        "components:\n  schemas:\n" + schemas
    )


OPENAPI = _openapi(
    "/individuals/details",
    "Individual",
    """\
    Individual:
      type: object
      properties:
        name: {type: string, description: The individual's full name.}
        title: {type: string, description: The individual's title, such as Mrs.}
        _links:
          type: object
          properties:
            details:
              type: object
              properties:
                href: {type: string, description: The URL of the endpoint.}
                title: {type: string, description: Get an individual's details}
                name: {type: string, description: The name of the link.}
""",
)


def test_the_members_of_a_link_object_are_not_personal(tmp_path: Path) -> None:
    """`_links.details.title` and `.name` sit beside an `href`: they name the endpoint linked
    to; the individual's own `name` and `title` stay personal."""
    doc = _scan(tmp_path, {"individuals.yaml": OPENAPI})["Individual"]
    by_pointer = {f.field.pointer: f for f in doc.findings}
    assert by_pointer["Individual.name"].personal
    for member in ("title", "name"):
        link = by_pointer[f"Individual._links.details.{member}"]
        assert not link.personal, member
        assert any(ev.rule == "subject-link-member" for ev in link.evidence), member


EMPLOYMENTS = _openapi(
    "/individuals/jobs",
    "IndividualsJobsResponse",
    """\
    IndividualsJobsResponse:
      type: object
      properties:
        jobs:
          type: array
          items:
            type: object
            properties:
              startDate: {type: string}
              employer: {$ref: '#/components/schemas/Employer'}
    Employer:
      type: object
      properties:
        name: {type: string, description: The employer's name.}
        address: {$ref: '#/components/schemas/Address'}
    Address:
      type: object
      properties:
        line1: {type: string, description: First line of the address.}
        postcode: {type: string}
""",
)


def test_a_component_nested_only_as_an_organisation_is_the_organisation(tmp_path: Path) -> None:
    """`Employer` and the `Address` it holds are nested in the individual's response only as
    `jobs[].employer` and `jobs[].employer.address`: on their own they are the employer's, and
    its address lines and postcode are not a person's."""
    results = _scan(tmp_path, {"jobs.yaml": EMPLOYMENTS})
    for name in ("Employer", "Address"):
        assert results[name].subject.kind == "organisation", name
    location = {f.field.name: f for f in results["Address"].findings}
    assert not location["line1"].personal
    assert not location["postcode"].personal


AWARDS = _openapi(
    "/individuals/benefits",
    "IndividualsBenefitsResponse",
    """\
    IndividualsBenefitsResponse:
      type: object
      properties:
        awards:
          type: array
          items: {$ref: '#/components/schemas/Award'}
    Award:
      type: object
      properties:
        totalEntitlement: {type: number, description: The total amount the individual is entitled to.}
        payments:
          type: array
          items: {$ref: '#/components/schemas/Payment'}
    Payment:
      type: object
      properties:
        amount: {type: number, description: The amount paid.}
        startDate: {type: string}
""",
)


def test_a_component_nested_as_the_items_of_a_list_is_the_persons(tmp_path: Path) -> None:
    """`awards[]` and `payments[]` of an individual's response hold the components `Award` and
    `Payment` (the singular of the list's name): they are the individual's too."""
    results = _scan(tmp_path, {"benefits.yaml": AWARDS})
    for name in ("Award", "Payment"):
        assert results[name].subject.kind == "person_linked", name


VARIANTS = AWARDS.replace(
    "items: {$ref: '#/components/schemas/Payment'}",
    "items: {$ref: '#/components/schemas/Payment1'}",
).replace("    Payment:\n", "    Payment1:\n")


def test_a_numbered_variant_of_a_component_is_nested_like_it(tmp_path: Path) -> None:
    """`Payment1` (a second schema for the items of `payments[]`, numbered by the document's
    generator) is the individual's like `Payment` would be."""
    results = _scan(tmp_path, {"benefits.yaml": VARIANTS})
    assert results["Payment1"].subject.kind == "person_linked"
