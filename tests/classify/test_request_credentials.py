"""The credentials an API call carries: among the parameters of an OpenAPI operation, the
`Authorization` header (RFC 9110: a bearer token, or a user name and password) is the calling
user's login token or password (GB/T 35273 Annex B: 身份鉴别信息, sensitive), whatever the operation
is about. A member of a body that is named so (a payment's `authorization` object) is not a
header and keeps what its words say."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

API = """
openapi: 3.0.3
info: {title: Accounts, version: "1.0"}
paths:
  /accounts:
    get:
      operationId: getAccounts
      parameters:
        - name: Authorization
          in: header
          required: true
          description: An authorisation token as per RFC 6750.
          schema: {type: string}
        - name: x-fapi-interaction-id
          in: header
          schema: {type: string}
        - name: page
          in: query
          schema: {type: integer}
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema:
                type: object
                properties:
                  authorization:
                    type: object
                    properties:
                      status: {type: string}
"""


def test_an_authorization_header_is_the_callers_credential(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"accounts.yaml": API})
    params = {f.field.name: f for f in found["getAccounts parameters"].findings}
    header = params["Authorization"]
    assert header.personal and header.sensitive
    assert header.element == "pi.credential.session"
    assert any(ev.rule == "subject-request-credential" for ev in header.evidence)
    response = found["getAccounts response 200"]
    assert not any(
        ev.rule == "subject-request-credential" for f in response.findings for ev in f.evidence
    )


#: A vaccination record's search (OpenAPI 3): the operation is about a patient, and its request
#: carries headers that trace the call.
_TRACED = """
openapi: 3.0.3
info: {title: Immunisation records, version: "1.0"}
paths:
  /Immunization:
    get:
      operationId: searchPatientImmunization
      description: Search a patient's vaccination history.
      parameters:
        - name: patient.identifier
          in: query
          description: The patient's NHS number.
          schema: {type: string}
        - name: X-Request-ID
          in: header
          schema: {type: string}
        - name: X-Correlation-ID
          in: header
          schema: {type: string}
        - name: Idempotency-Key
          in: header
          schema: {type: string}
      responses:
        "200": {description: OK}
"""


def test_headers_tracing_the_call_identify_the_request_not_a_person(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"immunisation.yaml": _TRACED})
    params = {f.field.name: f for f in found["searchPatientImmunization parameters"].findings}
    for name in ("X-Request-ID", "X-Correlation-ID", "Idempotency-Key"):
        assert not params[name].personal, name
        assert any(ev.rule == "subject-request-trace" for ev in params[name].evidence), name
