"""Schema documents (JSON Schema, Avro) of a person's health care: the topic their description
names, who treats the person, and the clinical sections nested in a person's document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from builders import scan_files as _scan


def _booking(description: str) -> str:
    """A JSON Schema of a booking whose field names say nothing about health."""
    return json.dumps(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Booking",
            "description": description,
            "type": "object",
            "properties": {
                "bookingId": {"type": "string", "format": "uuid"},
                "person": {
                    "type": "object",
                    "properties": {
                        "givenName": {"type": "string"},
                        "email": {"type": "string", "format": "email"},
                        "phone": {"type": "string"},
                    },
                },
                "bookingKind": {"type": "string"},
                "slotStart": {"type": "string", "format": "date-time"},
                "lengthMinutes": {"type": "integer"},
                "status": {"type": "string", "enum": ["booked", "attended", "no-show"]},
                "carer": {
                    "type": "object",
                    "properties": {
                        "carerId": {"type": "string"},
                        "name": {"type": "string"},
                        "phone": {"type": "string"},
                    },
                },
                "provider": {
                    "type": "object",
                    "properties": {
                        "providerId": {"type": "string"},
                        "name": {"type": "string"},
                        "phone": {"type": "string"},
                    },
                },
                "facility": {
                    "type": "object",
                    "properties": {"address": {"type": "string"}},
                },
            },
        }
    )


def _by_path(result: Any) -> dict[str, Any]:
    return {f.field.pointer.split(".", 1)[1]: f for f in result.findings}


def test_a_document_described_as_health_care_is_on_the_topic_of_clinical_records(
    tmp_path: Path,
) -> None:
    """A booking whose description says it is medical: its kind, time, length and status are the
    person's health care (sensitive); the same booking at a hair salon, or one whose description
    only mentions health among other kinds of insurance, is not health information."""
    results = _scan(
        tmp_path,
        {
            "medical.schema.json": _booking("Medical appointment booking of a dental practice"),
        },
    )
    medical = _by_path(results["Booking"])
    for path in ("bookingKind", "slotStart", "lengthMinutes", "status"):
        assert medical[path].sensitive, path
        assert medical[path].category == "pi.health", path
    assert not medical["bookingId"].personal
    assert not medical["person.givenName"].sensitive  # the patient's name is ordinary PI

    for i, description in enumerate(
        ("Booking of a hair salon", "Booking for property, auto, health or life insurance")
    ):
        folder = tmp_path / f"other{i}"
        other = _by_path(_scan(folder, {"salon.schema.json": _booking(description)})["Booking"])
        assert not any(f.sensitive for f in other.values()), description


def test_who_treats_the_person_in_a_health_document_is_their_health_care(tmp_path: Path) -> None:
    """In a medical booking the provider's name and telephone and the facility's address say who
    and where treats the patient (rule ``subject-care-party``, sensitive); the provider's key
    stays a key, and a carer (not a party of care) keeps an ordinary telephone."""
    results = _scan(tmp_path, {"b.schema.json": _booking("Clinical visit booking")})
    found = _by_path(results["Booking"])
    assert found["provider.name"].sensitive
    for path in ("provider.phone", "facility.address"):
        assert found[path].sensitive, path
        assert found[path].evidence[-1].rule == "subject-care-party", path
    assert not found["provider.providerId"].sensitive
    assert found["carer.phone"].personal and not found["carer.phone"].sensitive


def _entries(field: str, record: str, *names: str) -> dict[str, Any]:
    """An Avro field holding a list of records with string fields ``names``."""
    fields = [{"name": n, "type": "boolean" if n.startswith("is") else "string"} for n in names]
    items = {"type": "record", "name": record, "fields": fields}
    return {"name": field, "type": {"type": "array", "items": items}}


PERSON_AVRO = {
    "type": "record",
    "name": "Member",
    "namespace": "org.example",
    "fields": [
        {"name": "memberId", "type": "string"},
        {"name": "firstName", "type": "string"},
        {"name": "dateOfBirth", "type": "string"},
        {"name": "isActive", "type": "boolean"},
        _entries("medications", "Medication", "name", "isActive", "medicationId"),
        _entries("conditions", "Condition", "status"),
        _entries("household", "Relative", "name"),
    ],
}


def test_a_clinical_section_of_a_persons_document(tmp_path: Path) -> None:
    """A list named after a health topic (`medications[]`, `conditions[]`) inside a person's
    document: its entry's name is a drug's, not a person's, and its state flags say whether the
    person takes the drug or still has the condition (sensitive). The person's own `isActive`
    stays bookkeeping, the section's key a key, and a relative's name a person's name."""
    results = _scan(tmp_path, {"member.avsc": json.dumps(PERSON_AVRO)})
    found = _by_path(results["Member"])
    assert found["medications[].name"].element == "pi.health.medication"
    assert found["medications[].isActive"].element == "pi.health.medication"
    assert found["conditions[].status"].sensitive
    assert found["conditions[].status"].category == "pi.health"
    assert not found["isActive"].personal
    assert not found["medications[].medicationId"].sensitive
    assert found["household[].name"].element == "pi.identity.name"
    assert not found["household[].name"].sensitive


def test_a_tables_status_on_a_health_topic_stays_bookkeeping(tmp_path: Path) -> None:
    """Only a schema document's status is the state of the person's care: a SQL table of
    hospital stays keeps its `status` as bookkeeping."""
    sql = """CREATE TABLE patient (patient_id INT PRIMARY KEY, name VARCHAR(20), sex CHAR(1));
    CREATE TABLE hospitalization (id INT PRIMARY KEY,
      patient_id INT REFERENCES patient(patient_id), ward VARCHAR(20), status INT);"""
    stays = _by_path(_scan(tmp_path, {"his.sql": sql})["hospitalization"])
    assert stays["ward"].sensitive
    assert not stays["status"].personal


def _coding(*members: str) -> dict[str, Any]:
    """A FHIR CodeableConcept: a list of codings with ``members``."""
    coding = {"type": "object", "properties": {m: {"type": "string"} for m in members}}
    return {"type": "object", "properties": {"coding": {"type": "array", "items": coding}}}


IMMUNIZATION = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Immunization",
    "description": "A FHIR Immunization resource: a vaccine given to a patient.",
    "type": "object",
    "properties": {
        "resourceType": {"type": "string"},
        "meta": {
            "type": "object",
            "properties": {
                "versionId": {"type": "string"},
                "lastUpdated": {"type": "string", "format": "date-time"},
                "profile": {"type": "array", "items": {"type": "string"}},
                "security": {"type": "array", "items": _coding("system", "code", "display")},
                "tag": {"type": "array", "items": _coding("system", "version", "userSelected")},
            },
        },
        "patient": {"type": "object", "properties": {"reference": {"type": "string"}}},
        "identifier": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "use": {"type": "string"},
                    "system": {"type": "string", "format": "uri"},
                    "value": {"type": "string"},
                },
            },
        },
        "vaccineCode": _coding("system", "version", "code", "display", "userSelected"),
        "occurrenceDateTime": {"type": "string", "format": "date-time"},
        "lotNumber": {"type": "string"},
        "doseQuantity": {
            "type": "object",
            "properties": {"value": {"type": "number"}, "system": {"type": "string"}},
        },
    },
}


def test_a_clinical_documents_metadata_and_code_systems_are_not_the_patients(
    tmp_path: Path,
) -> None:
    """A patient's immunization record: the vaccine's code and display, when it was given, its
    lot and dose are the patient's health information (sensitive); the resource's `meta` (its
    version, profile, security labels and tags) and the code system, version and user-selected
    flag of each code, an identifier's system and use, say how the record is written, not what
    it says of the patient (rule ``subject-document-envelope``, which the learned scorer keeps)."""
    results = _scan(tmp_path, {"immunization.schema.json": json.dumps(IMMUNIZATION)})
    found = _by_path(results["Immunization"])
    for path in (
        "vaccineCode.coding[].code",
        "vaccineCode.coding[].display",
        "occurrenceDateTime",
        "lotNumber",
        "doseQuantity.value",
    ):
        assert found[path].sensitive, path
    for path in (
        "meta.versionId",
        "meta.lastUpdated",
        "meta.profile[]",
        "meta.security[].coding[].system",
        "meta.security[].coding[].code",
        "meta.security[].coding[].display",
        "meta.tag[].coding[].userSelected",
        "identifier[].use",
        "identifier[].system",
        "vaccineCode.coding[].system",
        "vaccineCode.coding[].version",
        "vaccineCode.coding[].userSelected",
        "doseQuantity.system",
    ):
        assert not found[path].personal, path


OBSERVATION = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Observation",
    "description": "A FHIR Observation resource: a test result of a patient.",
    "type": "object",
    "properties": {
        "resourceType": {"type": "string"},
        "valueString": {"type": "string"},
        "subject": {
            "type": "object",
            "properties": {
                "reference": {"type": "string"},
                "type": {"type": "string"},
                "display": {"type": "string"},
            },
        },
        "extension": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"url": {"type": "string"}, "valueString": {"type": "string"}},
            },
        },
        "specimen": {
            "type": "object",
            "properties": {"type": {"type": "string"}, "collected": {"type": "string"}},
        },
    },
}


def test_a_references_type_and_an_extensions_url_are_the_records_envelope(
    tmp_path: Path,
) -> None:
    """A FHIR Reference's `type` (beside its `reference`) names the kind of resource pointed at
    and an Extension's `url` the definition it follows: how the record is written, not the
    patient. The reference's `display`, the extension's value and the `type` of an object that
    is no reference (the specimen's kind) stay the patient's health information."""
    results = _scan(tmp_path, {"observation.schema.json": json.dumps(OBSERVATION)})
    found = _by_path(results["Observation"])
    for path in ("subject.type", "extension[].url"):
        assert not found[path].personal, path
    for path in ("valueString", "subject.display", "extension[].valueString", "specimen.type"):
        assert found[path].personal, path
