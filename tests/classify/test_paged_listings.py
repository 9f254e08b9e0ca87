"""The page links of a paged API response (JSON:API and HAL `links`: self, first, prev, next,
last) locate the listing, not anyone in it: not personal, though the listing is of customers
whose names and e-mail addresses are."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

ACCOUNTS = """
openapi: 3.0.0
info: {title: Accounts, version: 1.0.0}
paths: {}
components:
  schemas:
    ResponseCustomerList:
      type: object
      properties:
        data:
          type: array
          items:
            type: object
            properties:
              customerName: {type: string}
              email: {type: string}
              website: {type: string}
        links:
          type: object
          properties:
            self: {type: string}
            first: {type: string}
            prev: {type: string}
            next: {type: string}
            last: {type: string}
"""


def test_the_page_links_of_a_customer_listing_are_not_personal(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"accounts.yaml": ACCOUNTS})
    listing = {f.field.pointer.split(".", 1)[1]: f for f in found["ResponseCustomerList"].findings}
    for member in ("self", "first", "prev", "next", "last"):
        assert not listing[f"links.{member}"].personal, member
    assert listing["data[].email"].personal
    assert listing["data[].customerName"].personal
