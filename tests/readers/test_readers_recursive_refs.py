"""JSON Schema and OpenAPI documents whose named schemas refer to themselves or are shared
deeply (HL7 FHIR style): each is read once per dataset, and the repeated uses and the cycles
are fields of type ``ref:<name>``."""

from __future__ import annotations

import json
import time
from pathlib import Path

from dataflow.model import Severity
from dataflow.readers import read_path

DATA = Path(__file__).parent.parent / "data" / "readers" / "recursive_refs"
CLINIC = DATA / "clinic_record.openapi.yaml"


def _fields(path: Path, dataset: str) -> dict[str, str | None]:
    result = read_path(path)
    found = next(d for d in result.datasets if d.name == dataset)
    return {f.pointer: f.data_type for f in found.fields}


def test_fhir_shaped_resource_reads_each_attribute_of_the_person_once() -> None:
    fields = _fields(CLINIC, "Patient")
    # every attribute of the patient is there, once, with its type
    assert fields["Patient.identifier[].value"] == "string"
    assert fields["Patient.name[].family"] == "string"
    assert fields["Patient.name[].given[]"] == "string"
    assert fields["Patient.telecom[].value"] == "string"
    assert fields["Patient.gender"] == "string"
    assert fields["Patient.birthDate"] == "string(date)"
    assert fields["Patient.address[].city"] == "string"
    assert fields["Patient.address[].postalCode"] == "string"
    # a code system is read once, not once per coded element
    coded = [p for p in fields if p.endswith(".system") and "oding" in p]
    assert coded == ["Patient.extension[].valueCoding.system"]
    # the other uses of a type read already are fields of their own, typed as the reference
    assert fields["Patient.managingOrganization"] == "ref:Reference"
    assert fields["Patient.generalPractitioner[]"] == "ref:Reference"
    assert fields["Patient.contact[].name"] == "ref:HumanName"
    assert fields["Patient.maritalStatus.coding[]"] == "ref:Coding"
    assert fields["Patient.identifier[].assigner"] == "ref:Reference"
    # a type is read at its shallowest use, not inside an extension's value
    assert fields["Patient.contact[].organization.reference"] == "string"
    assert fields["Patient.extension[].valueReference"] == "ref:Reference"
    assert fields["Patient.maritalStatus.text"] == "string"
    assert fields["Patient.extension[].valueCodeableConcept"] == "ref:CodeableConcept"
    assert len(fields) == 41  # each element and data type expanded at every use: 872


def test_each_cut_is_a_warning_naming_the_file_the_pointer_and_where_the_members_are() -> None:
    result = read_path(CLINIC)
    assert {p.severity for p in result.problems} == {Severity.WARNING}
    assert {Path(p.path).name for p in result.problems} == {CLINIC.name}
    messages = [p.message for p in result.problems]
    assert messages[0].startswith(
        "$ref cycle: Element.extension[] refers back to Element, which it is part of"
    )
    period = next(m for m in messages if "to Period" in m)
    assert "used again at Element.extension[].valueIdentifier.period" in period
    assert "read once, at Element.extension[].valuePeriod" in period
    assert "kept as fields of type ref:Period" in period
    # one warning per type and dataset, the rest counted
    assert len(messages) == 6
    assert messages[-1].endswith("66 more not listed")


def test_a_recursive_member_is_kept_and_a_plain_shared_type_is_read_at_each_use(
    tmp_path: Path,
) -> None:
    path = tmp_path / "household.schema.json"
    path.write_text(
        json.dumps(
            {
                "title": "member",
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "home": {"$ref": "#/definitions/address"},
                    "work": {"$ref": "#/definitions/address"},
                    "guardian": {"$ref": "#/definitions/person"},
                    "children": {"type": "array", "items": {"$ref": "#/definitions/person"}},
                },
                "definitions": {
                    "address": {
                        "type": "object",
                        "properties": {"street": {"type": "string"}, "city": {"type": "string"}},
                    },
                    "person": {
                        "type": "object",
                        "properties": {
                            "name": {"type": "string"},
                            "phone": {"type": "string"},
                            "home": {"$ref": "#/definitions/address"},
                            "children": {
                                "type": "array",
                                "items": {"$ref": "#/definitions/person"},
                            },
                        },
                    },
                },
            }
        )
    )
    result = read_path(path)
    fields = {f.pointer: f.data_type for f in result.datasets[0].fields}
    assert fields == {
        "member.name": "string",
        "member.home.street": "string",  # an address holds no reference back: read at
        "member.home.city": "string",  # each use, as before
        "member.work.street": "string",
        "member.work.city": "string",
        "member.guardian.name": "string",  # a person holds persons: read once
        "member.guardian.phone": "string",
        "member.guardian.home.street": "string",
        "member.guardian.home.city": "string",
        "member.guardian.children[]": "ref:person",  # the cycle is kept as a field
        "member.children[]": "ref:person",  # and so is the second use
    }
    # one warning for the type: its first cut, and how many uses were cut
    assert [p.severity for p in result.problems] == [Severity.WARNING]
    message = result.problems[0].message
    assert message.startswith("$ref to person used again at member.children[]")
    assert "read once, at member.guardian" in message
    assert "2 such use(s)" in message  # and the cycle, member.guardian.children[]


def test_deeply_shared_types_stay_within_a_budget(tmp_path: Path) -> None:
    # eighteen levels of a type holding two of the next: 262,144 leaves when each use is read
    depth = 18
    definitions = {
        f"level{i}": {
            "type": "object",
            "properties": {
                "left": {"$ref": f"#/definitions/level{i + 1}"},
                "right": {"$ref": f"#/definitions/level{i + 1}"},
            },
        }
        for i in range(depth)
    }
    definitions[f"level{depth}"] = {
        "type": "object",
        "properties": {"email": {"type": "string"}},
    }
    path = tmp_path / "tree.schema.json"
    path.write_text(
        json.dumps({"title": "tree", "$ref": "#/definitions/level0", "definitions": definitions})
    )
    started = time.perf_counter()
    result = read_path(path)
    elapsed = time.perf_counter() - started
    fields = {f.pointer: f.data_type for f in result.datasets[0].fields}
    assert 2_000 <= len(fields) < 2_100
    assert "tree." + ".".join(["left"] * depth) + ".email" in fields
    assert "tree." + ".".join(["right"] * depth) + ".email" not in fields
    assert fields["tree.right"] == "ref:level1"  # past the budget: kept, not expanded
    assert not any("more than" in p.message for p in result.problems)
    assert elapsed < 10


def test_a_recursive_type_the_document_itself_is_read_at_its_root_too(tmp_path: Path) -> None:
    # GeoJSON style: the document is a collection of features or one feature, and a feature
    # may hold further features; both shapes of the document are read
    path = tmp_path / "incident_map.schema.json"
    path.write_text(
        json.dumps(
            {
                "title": "incident_map",
                "oneOf": [{"$ref": "#/$defs/Collection"}, {"$ref": "#/$defs/Feature"}],
                "$defs": {
                    "Collection": {
                        "type": "object",
                        "properties": {
                            "features": {"type": "array", "items": {"$ref": "#/$defs/Feature"}}
                        },
                    },
                    "Feature": {
                        "type": "object",
                        "properties": {
                            "reporter": {"type": "string", "description": "Who reported it"},
                            "parts": {"type": "array", "items": {"$ref": "#/$defs/Feature"}},
                        },
                    },
                },
            }
        )
    )
    fields = {f.pointer: f.data_type for f in read_path(path).datasets[0].fields}
    assert fields == {
        "incident_map.features[].reporter": "string",
        "incident_map.features[].parts[]": "ref:Feature",
        "incident_map.reporter": "string",
        "incident_map.parts[]": "ref:Feature",
    }
