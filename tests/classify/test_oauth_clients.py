"""OAuth 2.0 servers and client registration (RFC 6749, RFC 7591): a client is an application
registered with the server, so its `client_id` and `client_secret` are the application's, not a
customer's. The user a token was issued to stays personal. An Authorization header is no
user's login where the caller is the application itself: a client-registration operation, or a
token obtained with the client-credentials grant."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of, scan_files

SQL = """
CREATE TABLE oauth_clients (client_id VARCHAR(80) NOT NULL PRIMARY KEY,
  client_secret VARCHAR(80), redirect_uri VARCHAR(2000) NOT NULL, scope VARCHAR(100));
CREATE TABLE oauth_access_tokens (access_token VARCHAR(40) NOT NULL PRIMARY KEY,
  client_id VARCHAR(80) NOT NULL, user_id VARCHAR(255), expires TIMESTAMP NOT NULL);
CREATE TABLE registered_apps (client_id VARCHAR(80) PRIMARY KEY, client_secret VARCHAR(80),
  redirect_uri VARCHAR(500), grant_types VARCHAR(80));
CREATE TABLE loyalty_cards (card_no VARCHAR(20) PRIMARY KEY, client_id BIGINT, points INT);
"""

API = {
    "openapi": "3.0.3",
    "info": {"title": "Registration", "version": "1"},
    "paths": {
        "/register/{ClientId}": {
            "get": {
                "operationId": "getClientRegistration",
                "parameters": [
                    {
                        "name": "ClientId",
                        "in": "path",
                        "required": True,
                        "description": "The client ID issued by the server.",
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {"200": {"description": "OK"}},
            }
        }
    },
}


def test_an_oauth_clients_keys_are_the_applications(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"auth.sql": SQL})
    for table in ("oauth_clients", "oauth_access_tokens", "registered_apps"):
        assert not finding_of(found[table], "client_id").personal, table
    assert not finding_of(found["oauth_clients"], "client_secret").personal
    assert finding_of(found["oauth_access_tokens"], "user_id").personal


def test_a_client_registration_operation_names_an_application(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"dcr.json": json.dumps(API)})
    params = found["getClientRegistration parameters"]
    assert not finding_of(params, "ClientId").personal


def test_a_customers_client_id_elsewhere_is_unchanged(tmp_path: Path) -> None:
    """No OAuth word: `client_id` of a loyalty card is the customer's key as before."""
    found = scan_files(tmp_path, {"auth.sql": SQL})
    assert finding_of(found["loyalty_cards"], "client_id").personal


EVENTS = {
    "openapi": "3.0.3",
    "info": {"title": "Fleet events", "version": "1"},
    "paths": {
        "/events": {
            "post": {
                "operationId": "reportEvent",
                "parameters": [
                    {
                        "name": "Authorization",
                        "in": "header",
                        "required": True,
                        "description": "OAuth2 access token obtained with the client credentials"
                        " grant.",
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {"204": {"description": "Accepted"}},
            }
        }
    },
}


def test_an_applications_own_token_is_not_a_users_credential(tmp_path: Path) -> None:
    """The client-credentials grant (RFC 6749 4.4) has no user: the header carries the
    application's token, not anyone's login."""
    found = scan_files(tmp_path, {"events.json": json.dumps(EVENTS)})
    header = finding_of(found["reportEvent parameters"], "Authorization")
    assert not header.personal
    assert any(ev.rule == "subject-application-credential" for ev in header.evidence)


def test_a_registration_operations_header_is_the_applications(tmp_path: Path) -> None:
    api = json.loads(json.dumps(API))
    api["paths"]["/register/{ClientId}"]["get"]["parameters"].append(
        {
            "name": "Authorization",
            "in": "header",
            "required": True,
            "description": "An authorisation token as per RFC 6750.",
            "schema": {"type": "string"},
        }
    )
    found = scan_files(tmp_path, {"dcr.json": json.dumps(api)})
    header = finding_of(found["getClientRegistration parameters"], "Authorization")
    assert not header.personal
