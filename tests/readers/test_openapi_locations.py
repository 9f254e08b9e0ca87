"""Where an API request carries a parameter (``in: header|cookie|query|path``) is kept on its
field, so that a session cookie or an API-key header reads as the credential it is."""

from __future__ import annotations

from pathlib import Path

from dataflow.readers import read_path
from dataflow.scan import ScanOptions, scan_paths

API = Path(__file__).parent.parent / "data" / "readers" / "openapi_locations" / "sessions.yaml"


def test_each_parameter_keeps_where_the_request_carries_it() -> None:
    result = read_path(API)
    located = {(f.name, f.location) for d in result.datasets for f in d.fields}
    assert len(located) == 8
    assert located == {
        ("session", "cookie"),
        ("X-Api-Key", "header"),
        ("sessionId", "query"),
        ("page", "query"),
        ("bookingId", "path"),
        ("Authorization", "header"),
        ("session", "query"),
        ("x-fapi-auth-date", "header"),
    }


def test_a_session_cookie_and_an_api_key_header_are_credentials() -> None:
    result = scan_paths([API], ScanOptions(content=False))
    found = {(f.field.name, f.field.location): f for d in result.datasets for f in d.findings}
    cookie = found[("session", "cookie")]
    assert (cookie.element, cookie.sensitive) == ("pi.credential.session", True)
    assert any(e.rule == "api-credential" for e in cookie.evidence)
    key = found[("X-Api-Key", "header")]
    assert (key.element, key.sensitive) == ("pi.credential.secret_key", True)
    # a header naming when the caller authenticated is a date, not a credential
    auth_date = found[("x-fapi-auth-date", "header")]
    assert not (auth_date.element or "").startswith("pi.credential.")
    # a query parameter naming a training session is no credential
    query = found[("session", "query")]
    assert query.element is None or not query.element.startswith("pi.credential.")
