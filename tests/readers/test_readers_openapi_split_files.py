"""An OpenAPI description split into files: the root names each component schema by a path
relative to itself (``$ref: parts/Member.yaml``), and the schema files name each other the
same way, with or without a ``#/json/pointer`` fragment. The fields are read through those
references; a schema file no other file names is read as a dataset of its own."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

_ROOT = """\
openapi: 3.0.3
info:
  title: Lending library
  version: 1.0.0
paths:
  /members/{id}:
    $ref: parts/paths/member-get.yaml
components:
  schemas:
    Member:
      $ref: parts/schemas/Member.yaml
    Loan:
      $ref: 'parts/schemas/Shared.yaml#/definitions/Loan'
"""
_MEMBER = """\
type: object
required: [cardNumber]
properties:
  cardNumber:
    $ref: CardNumber.yaml
  fullName:
    type: string
    description: Name as printed on the card.
  home:
    $ref: Address.yaml
  loans:
    type: array
    items:
      $ref: 'Shared.yaml#/definitions/Loan'
"""
_CARD = """\
description: Library card number.
type: string
pattern: '^[0-9]{8}$'
"""
_ADDRESS = """\
allOf:
  - $ref: Place.yaml
  - type: object
    properties:
      postcode:
        type: string
"""
_PLACE = """\
type: object
properties:
  street:
    type: string
  town:
    type: string
"""
_SHARED = """\
definitions:
  Loan:
    type: object
    properties:
      isbn:
        type: string
      dueDate:
        type: string
        format: date
"""
_PATH = """\
get:
  responses:
    '200':
      content:
        application/json:
          schema:
            $ref: '../schemas/Receipt.yaml'
"""
_RECEIPT = """\
type: object
properties:
  receiptNumber:
    type: string
  paidAmount:
    type: number
"""


def _write(folder: Path) -> None:
    files = {
        "library.yaml": _ROOT,
        "parts/schemas/Member.yaml": _MEMBER,
        "parts/schemas/CardNumber.yaml": _CARD,
        "parts/schemas/Address.yaml": _ADDRESS,
        "parts/schemas/Place.yaml": _PLACE,
        "parts/schemas/Shared.yaml": _SHARED,
        "parts/schemas/Receipt.yaml": _RECEIPT,
        "parts/paths/member-get.yaml": _PATH,
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def _scan(folder: Path) -> tuple[dict[str, list[tuple[str, str | None]]], list[str]]:
    result = scan_paths([folder], ScanOptions(content=False))
    fields = {
        d.dataset.name: [(f.pointer, f.data_type) for f in d.dataset.fields]
        for d in result.datasets
    }
    problems = [f"{Path(p.path).name}: {p.message}" for p in result.problems]
    return fields, problems


def test_component_schemas_in_other_files_are_read_through_their_ref(tmp_path: Path) -> None:
    _write(tmp_path / "api")
    fields, problems = _scan(tmp_path / "api")
    assert fields["Member"] == [
        ("Member.cardNumber", "string"),
        ("Member.fullName", "string"),
        ("Member.home.street", "string"),
        ("Member.home.town", "string"),
        ("Member.home.postcode", "string"),
        ("Member.loans[].isbn", "string"),
        ("Member.loans[].dueDate", "string(date)"),
    ]
    assert fields["Loan"] == [("Loan.isbn", "string"), ("Loan.dueDate", "string(date)")]
    assert not [p for p in problems if "not followed" in p]


def test_a_schema_file_only_a_path_names_is_a_dataset_of_its_own(tmp_path: Path) -> None:
    _write(tmp_path / "api")
    fields, problems = _scan(tmp_path / "api")
    # the files the root and other schemas name are read there, not twice
    assert sorted(fields) == ["Loan", "Member", "Receipt"]
    assert fields["Receipt"] == [
        ("Receipt.receiptNumber", "string"),
        ("Receipt.paidAmount", "number"),
    ]
    # the path item is no schema: still listed as a file dataflow does not read
    assert [p for p in problems if "not a format" in p] == [
        "member-get.yaml: not a format dataflow reads; skipped (use --schema-format to force one)"
    ]


def test_a_schema_file_scanned_alone_is_a_dataset(tmp_path: Path) -> None:
    _write(tmp_path / "api")
    fields, _ = _scan(tmp_path / "api" / "parts" / "schemas" / "Place.yaml")
    assert fields == {"Place": [("Place.street", "string"), ("Place.town", "string")]}
