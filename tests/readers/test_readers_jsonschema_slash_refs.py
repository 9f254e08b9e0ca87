"""A ``$ref`` to another scanned JSON Schema file written with a ``/`` before its fragment
(``"Common.json/#/definitions/Address"``) is followed like ``"Common.json#/…"``."""

from __future__ import annotations

import json
from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

_COMMON = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "definitions": {
        "Address": {
            "type": "object",
            "properties": {
                "street": {"type": "string"},
                "postcode": {"type": "string"},
                "country": {"$ref": "#/definitions/Country"},
            },
        },
        "Country": {"type": "string", "enum": ["NZ", "AU"]},
    },
}
_DONOR = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "Donor",
    "type": "object",
    "properties": {
        "nhi": {"type": "string"},
        "home": {"$ref": "Common.json/#/definitions/Address"},
        "work": {"$ref": "./Common.json/#/definitions/Address"},
    },
}
_KIN = {
    "title": "Kin",
    "type": "object",
    "properties": {
        "donor": {"$ref": "../Donor.json/#"},
        "postal": {"$ref": "../Common.json/#/definitions/Address"},
    },
}


def _write(folder: Path) -> None:
    (folder / "sub").mkdir(parents=True)
    for name, doc in (("Common.json", _COMMON), ("Donor.json", _DONOR), ("sub/Kin.json", _KIN)):
        (folder / name).write_text(json.dumps(doc, indent=2), encoding="utf-8")


def test_a_slash_before_the_fragment_names_the_scanned_file(tmp_path: Path) -> None:
    _write(tmp_path / "schemas")
    result = scan_paths([tmp_path / "schemas"], ScanOptions(content=False))
    fields = {
        d.dataset.name: [(f.pointer, f.data_type) for f in d.dataset.fields]
        for d in result.datasets
    }
    address = [("street", "string"), ("postcode", "string"), ("country", "string")]
    assert fields["Donor"] == [
        ("Donor.nhi", "string"),
        *[(f"Donor.home.{n}", t) for n, t in address],
        *[(f"Donor.work.{n}", t) for n, t in address],
    ]
    assert fields["Kin"] == [
        ("Kin.donor.nhi", "string"),
        *[(f"Kin.donor.home.{n}", t) for n, t in address],
        *[(f"Kin.donor.work.{n}", t) for n, t in address],
        *[(f"Kin.postal.{n}", t) for n, t in address],
    ]
    country = next(
        f for d in result.datasets for f in d.dataset.fields if f.pointer == "Donor.home.country"
    )
    assert country.enum_values == ("NZ", "AU")
    remote = [p for p in result.problems if "remote" in p.message.lower()]
    assert remote == []


def test_a_slashed_reference_to_a_file_not_scanned_stays_a_remote_reference(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "schemas"
    _write(folder)
    result = scan_paths([folder / "Donor.json"], ScanOptions(content=False))
    (donor,) = [d.dataset for d in result.datasets]
    assert [f.pointer for f in donor.fields] == ["Donor.nhi", "Donor.home", "Donor.work"]
    assert [f.data_type for f in donor.fields] == ["string", None, None]
    assert [(Path(p.path).name, p.severity.value) for p in result.problems] == [
        ("Donor.json", "warning"),
        ("Donor.json", "warning"),
    ]


def test_a_reference_without_the_json_suffix_names_the_scanned_file(tmp_path: Path) -> None:
    folder = tmp_path / "schemas"
    folder.mkdir()
    address = {"title": "Address", "type": "object", "properties": {"street": {"type": "string"}}}
    customer = {
        "title": "Customer",
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "billing": {"$ref": "Address"},  # Address.json beside this file
            "shipping": {"type": "array", "items": {"$ref": "Address"}},
            "loyalty": {"$ref": "Loyalty"},  # no such file: a remote reference, as before
        },
    }
    for name, doc in (("Address.json", address), ("Customer.json", customer)):
        (folder / name).write_text(json.dumps(doc, indent=2), encoding="utf-8")
    result = scan_paths([folder], ScanOptions(content=False))
    fields = {d.dataset.name: [f.pointer for f in d.dataset.fields] for d in result.datasets}
    assert fields["Customer"] == [
        "Customer.name",
        "Customer.billing.street",
        "Customer.shipping[].street",
        "Customer.loyalty",
    ]
    remote = [Path(p.path).name for p in result.problems if "remote" in p.message.lower()]
    assert remote == ["Customer.json"]
