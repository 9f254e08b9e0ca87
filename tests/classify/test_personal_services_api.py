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
    return {f.field.pointer.split(".", 1)[1]: f for f in result.findings}


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
