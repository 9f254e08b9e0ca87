"""Hyperlink objects of an API document (an object with an `href`): their `title` and `name`
describe the link, not the individual the API is about."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files as _scan

OPENAPI = """\
openapi: 3.0.3
info: {title: Individuals, version: "1.0"}
paths:
  /individuals/details:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Individual'}
components:
  schemas:
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
"""


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
