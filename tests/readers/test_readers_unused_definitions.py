"""A JSON Schema whose root uses some of its definitions: the definitions it never names
describe data too, and each with fields is a dataset of its own."""

from __future__ import annotations

from pathlib import Path

from dataflow.readers import read_path

DATA = Path(__file__).parent.parent / "data" / "readers" / "schema_whole"


def test_definitions_the_root_never_names_are_datasets() -> None:
    result = read_path(DATA / "donor.schema.json")
    assert [p.message for p in result.problems] == []
    assert {
        d.name: [(f.pointer[len(d.name) + 1 :], f.line) for f in d.fields] for d in result.datasets
    } == {
        "Donor": [("donorId", 7), ("address.street", 13), ("address.postcode", 13)],
        # a scalar type (BloodGroup) and an alias (Kin) are no datasets
        "NextOfKin": [
            ("name", 19),
            ("phone", 20),
            ("address.street", 13),
            ("address.postcode", 13),
        ],
    }
    assert [d.comment for d in result.datasets] == ["A registered organ donor", "Who to contact"]
