"""API documents of services to one person: a diabetes remote-monitoring site whose schemas are
what the patient's glucose monitor and insulin pump report, and an operation on the signed-in
caller's own account (`GET /api/v1/me`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from builders import scan_files as _scan

#: A remote-monitoring site's API (OpenAPI 3): no field names a person, but the readings come
#: from a continuous glucose monitor and the device status from an insulin pump. Its site
#: `Status` shares a word with the pump's `status` member and nothing else.
_MONITORING = """\
openapi: 3.0.0
info:
  title: Monitoring API
  description: Keep your data with the monitoring API
  version: 1.0.0
paths: {}
components:
  schemas:
    Entry:
      properties:
        type:
          type: string
          description: 'sgv, mbg, cal'
        date:
          type: number
          description: Epoch
        sgv:
          type: number
          description: The glucose reading.
        filtered:
          type: number
          description: The raw filtered value directly from the CGM transmitter.
        unfiltered:
          type: number
          description: The raw unfiltered value directly from the CGM transmitter.
    pump:
      properties:
        clock:
          type: string
          description: ISO 8601 date of the pump's clock
        reservoir:
          type: number
          description: Amount of insulin remaining in pump reservoir
        status:
          $ref: '#/components/schemas/pumpstatus'
    pumpstatus:
      properties:
        status:
          type: string
          description: Pump Status String
        bolusing:
          type: boolean
        suspended:
          type: boolean
    Status:
      properties:
        apiEnabled:
          type: boolean
        careportalEnabled:
          type: boolean
        head:
          type: string
        version:
          type: string
    Weather:
      properties:
        filtered:
          type: number
          description: The filtered value of the rain gauge.
        unfiltered:
          type: number
          description: The raw value of the rain gauge.
"""


def _by_path(result: Any) -> dict[str, Any]:
    head = result.dataset.name + "."
    return {f.field.pointer.removeprefix(head): f for f in result.findings}


def test_what_a_patients_medical_device_reports_is_their_health_data(tmp_path: Path) -> None:
    """A schema whose members say a patient's medical device reported them (a CGM's readings,
    an insulin pump's reservoir and state) is that patient's record: its readings are sensitive
    health information. The site's own `Status`, a schema sharing only the word `status` with the
    pump's nested status, and a rain gauge's readings are nobody's."""
    results = _scan(tmp_path, {"swagger.yaml": _MONITORING})
    for name, paths in (
        ("Entry", ("type", "date", "sgv", "filtered", "unfiltered")),
        ("pump", ("clock", "reservoir", "status.status", "status.bolusing")),
    ):
        assert results[name].subject.kind == "person_linked", name
        assert results[name].subject.role == "patient", name
        found = _by_path(results[name])
        for path in paths:
            assert found[path].personal, (name, path)
            assert found[path].sensitive, (name, path)
            assert found[path].element.startswith("pi.health."), (name, path)
    assert results["Status"].subject.kind != "person_linked"
    assert not any(f.personal for f in results["Status"].findings)
    assert not any(f.personal for f in results["Weather"].findings)


#: A chat server's account API (OpenAPI 3): `GET /api/v1/me` returns the caller's own profile.
_ACCOUNT = """\
openapi: 3.0.0
info:
  title: Authentication
  version: 1.0.0
paths:
  /api/v1/me:
    get:
      operationId: get-api-v1-me
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                properties:
                  _id:
                    type: string
                  name:
                    type: string
                  emails:
                    type: array
                    items:
                      type: object
                      properties:
                        address:
                          type: string
                        verified:
                          type: boolean
                  username:
                    type: string
                  utcOffset:
                    type: number
                  settings:
                    type: object
                    properties:
                      preferences:
                        type: object
                        properties:
                          idleTimeoutLimit:
                            type: number
                          sidebarViewMode:
                            type: string
  /api/v1/info:
    get:
      operationId: get-api-v1-info
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                properties:
                  version:
                    type: string
                  commit:
                    type: string
"""


def test_an_operation_on_the_callers_own_account_returns_their_profile(tmp_path: Path) -> None:
    """`GET /api/v1/me` returns the signed-in person's own account: its name, e-mail address and
    username are theirs. The route's `api` and `v1` prefix only says where the service is
    mounted: it does not make the reply a thing's. The server's version info stays nobody's."""
    results = _scan(tmp_path, {"authentication.yaml": _ACCOUNT})
    me = next(r for n, r in results.items() if n.startswith("get-api-v1-me response"))
    assert me.subject.kind == "person"
    found = _by_path(me)
    for path in ("name", "emails[].address", "username"):
        assert found[path].personal, path
    info = next(r for n, r in results.items() if n.startswith("get-api-v1-info response"))
    assert not any(f.personal for f in info.findings)


def test_the_rest_of_the_callers_own_account_is_information_about_them(tmp_path: Path) -> None:
    """On the caller's own account nothing but the generic `name` names them by a word of its
    own (the e-mail sits in a list, the username is an account), yet the reply is one person's
    record: their time zone and the preferences they set are other information about them."""
    results = _scan(tmp_path, {"authentication.yaml": _ACCOUNT})
    me = next(r for n, r in results.items() if n.startswith("get-api-v1-me response"))
    found = _by_path(me)
    for path in (
        "utcOffset",
        "settings.preferences.idleTimeoutLimit",
        "settings.preferences.sidebarViewMode",
    ):
        assert found[path].personal, path
        assert not found[path].sensitive, path


#: A pet clinic's API (OpenAPI 3) with an RFC 9457 problem-details error reply.
_CLINIC = """\
openapi: 3.0.1
info:
  title: Pet Clinic
  version: 1.0.0
paths: {}
components:
  schemas:
    ProblemDetail:
      type: object
      properties:
        type:
          type: string
          description: Full URL that originated the error response.
        title:
          type: string
          description: The short error title.
        status:
          type: integer
          description: HTTP status code
        detail:
          type: string
          description: The long error message.
        timestamp:
          type: string
          format: date-time
          description: Date and time of the error.
"""


def test_a_problem_details_error_reply_is_no_patients_problem_list(tmp_path: Path) -> None:
    """`ProblemDetail` with RFC 9457's `type`, `title`, `status` and `detail` reports a failed
    call: `problem` is not a patient's health problem there, and its fields are nobody's."""
    results = _scan(tmp_path, {"openapi.yml": _CLINIC})
    problem = results["ProblemDetail"]
    assert problem.subject.kind != "person_linked"
    assert not any(f.personal for f in problem.findings)


#: A chat server's sign-in operations (OpenAPI 3): a sign-in with a provider's OAuth token, the
#: reply to a redeemed login code and the reply when the code was wrong.
_SIGN_IN = """\
openapi: 3.0.0
info:
  title: Authentication
  version: 1.0.0
paths:
  /api/v1/login.facebook:
    post:
      operationId: post-api-v1-login-facebook
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                serviceName:
                  type: string
                  description: 'The desired OAuth service name. In this case, `facebook`.'
                accessToken:
                  type: string
                  description: Access token provided by Facebook oauth.
                expiresIn:
                  type: integer
      responses:
        '200':
          description: OK
  /api/v1/loginCode.redeem:
    post:
      operationId: post-api-v1-loginCode.redeem
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                properties:
                  success:
                    type: boolean
                  userId:
                    type: string
        '400':
          description: Bad request
          content:
            application/json:
              schema:
                type: object
                properties:
                  success:
                    type: boolean
                  error:
                    type: string
                  errorType:
                    type: string
"""


def test_a_sign_in_request_carries_the_persons_token_and_replies_report_the_call(
    tmp_path: Path,
) -> None:
    """The `post-api-v1-…` route of a sign-in names no blog post: the OAuth access token the
    person signs in with is their credential (sensitive). 'In this case' in a description names
    no criminal case. The `success` flag of a reply, and the reply to a failed call (`response
    400`: `error`, `errorType`), report on the call and are nobody's."""
    results = _scan(tmp_path, {"authentication.yaml": _SIGN_IN})
    request = next(r for n, r in results.items() if n.startswith("post-api-v1-login-facebook req"))
    found = _by_path(request)
    assert found["accessToken"].personal
    assert found["accessToken"].sensitive
    assert found["accessToken"].element.startswith("pi.credential.")
    assert found["serviceName"].element != "pi.other.criminal_record"
    for name, result in results.items():
        if "redeem response" not in name:
            continue
        found = _by_path(result)
        assert not found["success"].personal, name
        if name.endswith("400"):
            assert result.subject.kind == "system", name
            assert not any(f.personal for f in result.findings), name


#: A payment provider's tokenization webhook (OpenAPI 3.1): the token of a shopper's stored card.
_TOKENS = """\
openapi: 3.1.0
info:
  title: Tokenization webhooks
  version: '1'
paths: {}
components:
  schemas:
    RecurringToken:
      type: object
      properties:
        merchantAccount:
          type: string
          description: The identifier of the merchant account.
        shopperReference:
          type: string
          description: Your unique shopper reference that is associated with the token.
        storedPaymentMethodId:
          type: string
          description: The ID of the token.
"""


def test_the_token_of_a_stored_card_is_the_holders_payment_account(tmp_path: Path) -> None:
    """`storedPaymentMethodId` names the token a payment provider keeps in place of a shopper's
    card: it stands for the holder's payment account (sensitive financial information)."""
    results = _scan(tmp_path, {"tokenization.yaml": _TOKENS})
    found = _by_path(results["RecurringToken"])
    token = found["storedPaymentMethodId"]
    assert token.personal
    assert token.sensitive
    assert token.element == "pi.financial.payment_account"
