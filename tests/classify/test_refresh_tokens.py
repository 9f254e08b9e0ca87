"""`refresh` also names how a data warehouse reloads a table (`refresh_death_date` of a PCORnet
harvest table), but an OAuth refresh token (RFC 6749: the token that obtains new access tokens)
is the user's credential, sensitive, wherever it appears."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of, scan_files

API = """
openapi: 3.0.3
info: {title: Login, version: "1.0"}
paths: {}
components:
  schemas:
    TokenResponse:
      type: object
      properties:
        access_token:
          type: string
          description: Short-lived access token
        refresh_token:
          type: string
          description: Token used to obtain a new access token
        expires_in:
          type: integer
"""


def test_a_refresh_token_is_a_credential(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"login.yaml": API})
    token = finding_of(found["TokenResponse"], "refresh_token")
    assert token.personal and token.sensitive
    assert (token.category or "") == "pi.credential"


def test_a_warehouse_refresh_date_is_still_bookkeeping(tmp_path: Path) -> None:
    sql = (
        "CREATE TABLE harvest (networkid varchar(10), refresh_death_date date,"
        " refresh_encounter_date date);"
    )
    found = scan_files(tmp_path, {"harvest.sql": sql})
    assert not finding_of(found["harvest"], "refresh_death_date").personal
