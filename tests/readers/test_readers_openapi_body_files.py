"""An OpenAPI description whose request bodies and responses name schemas in other files
(``$ref: schemas/Booking.yaml``, ``$ref: 'schemas/common.yaml#/definitions/Problem'``) with
no ``components.schemas`` of its own: each named schema is read as a dataset named after it,
once, through the reference; a reference to a file the scan does not hold leaves the body a
dataset without fields and a warning with its line, never nothing."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

_ROOT = """\
openapi: 3.0.1
info:
  title: Clinic appointments
  version: '2'
paths:
  /bookings:
    post:
      operationId: book-visit
      parameters:
        - name: X-Request-ID
          in: header
          schema:
            type: string
      requestBody:
        required: true
        content:
          application/fhir+json:
            schema:
              $ref: schemas/Booking.yaml
      responses:
        '201':
          description: Booked.
          content:
            application/json:
              schema:
                $ref: schemas/Booking.yaml
        '400':
          description: Not booked.
          content:
            application/json:
              schema:
                $ref: 'schemas/common.yaml#/definitions/Problem'
    get:
      operationId: list-visits
      responses:
        '200':
          description: The bookings of the caller.
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: schemas/Booking.yaml
        '400':
          description: Bad query.
          content:
            application/json:
              schema:
                $ref: 'schemas/common.yaml#/definitions/Problem'
"""
_BOOKING = """\
type: object
description: A visit a patient books at a clinic.
properties:
  bookingRef:
    type: string
  slotStart:
    type: string
    format: date-time
  patient:
    $ref: Patient.yaml
"""
_PATIENT = """\
type: object
properties:
  nhsNumber:
    type: string
    pattern: '^[0-9]{10}$'
  familyName:
    type: string
  mobilePhone:
    type: string
  guardian:
    $ref: Patient.yaml
"""
_COMMON = """\
definitions:
  Problem:
    type: object
    properties:
      code:
        type: string
      diagnostics:
        type: string
"""


def _write(folder: Path) -> Path:
    files = {
        "clinic.yaml": _ROOT,
        "schemas/Booking.yaml": _BOOKING,
        "schemas/Patient.yaml": _PATIENT,
        "schemas/common.yaml": _COMMON,
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _scan(path: Path) -> tuple[dict[str, list[str]], list[str]]:
    result = scan_paths([path], ScanOptions(content=False))
    fields = {d.dataset.name: [f.pointer for f in d.dataset.fields] for d in result.datasets}
    problems = [f"{Path(p.path).name}:{p.line}: {p.message}" for p in result.problems]
    return fields, problems


def test_bodies_that_name_schema_files_are_read_once_each(tmp_path: Path) -> None:
    fields, problems = _scan(_write(tmp_path / "api"))
    assert sorted(fields) == ["Booking", "Problem", "book-visit parameters"]
    assert fields["Booking"][:5] == [
        "Booking.bookingRef",
        "Booking.slotStart",
        "Booking.patient.nhsNumber",
        "Booking.patient.familyName",
        "Booking.patient.mobilePhone",
    ]
    # the patient's guardian is a patient again: the reading ends, within the bound on cycles
    assert all(p.startswith("Booking.patient.guardian") for p in fields["Booking"][5:])
    assert fields["Problem"] == ["Problem.code", "Problem.diagnostics"]
    assert not [p for p in problems if "not among the scanned files" in p]


def test_a_body_in_a_file_not_scanned_is_reported_without_fields(tmp_path: Path) -> None:
    root = _write(tmp_path / "api") / "clinic.yaml"
    fields, problems = _scan(root)
    assert fields == {
        "book-visit parameters": ["book-visit parameters.X-Request-ID"],
        "book-visit request": [],
        "book-visit response 201": [],
        "book-visit response 400": [],
        "list-visits response 200": [],
        "list-visits response 400": [],
    }
    unread = [p for p in problems if "not among the scanned files" in p]
    assert unread[0].startswith("clinic.yaml:18: ")
    assert "schemas/Booking.yaml" in unread[0]
    assert "schemas/common.yaml#/definitions/Problem" in unread[2]
    assert len(unread) == 5


def test_a_file_also_named_as_a_component_is_read_once(tmp_path: Path) -> None:
    folder = _write(tmp_path / "api")
    text = _ROOT + "components:\n  schemas:\n    Booking:\n      $ref: schemas/Booking.yaml\n"
    (folder / "clinic.yaml").write_text(text, encoding="utf-8")
    fields, _ = _scan(folder)
    assert sorted(fields) == ["Booking", "Problem", "book-visit parameters"]
    assert fields["Booking"][:2] == ["Booking.bookingRef", "Booking.slotStart"]
