"""Component schemas of an application about a person: a document named for an offence is part of
the person's criminal record, a column naming whose row it is by an enumerated role makes the row
a belonging of that person, a UK national insurance number and the number of a person's ID proof
are identity numbers, and an event schema is named for the thing inside its operation and
version."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from builders import finding_of
from builders import scan_files as _scan


def _document(title: str, props: dict[str, Any]) -> str:
    return json.dumps(
        {
            "$schema": "http://json-schema.org/draft-04/schema#",
            "title": title,
            "type": "object",
            "properties": props,
        }
    )


OFFENCE = {
    "name": {"type": "string"},
    "offence_class": {"type": ["string", "null"], "enum": ["A", "B", "C", None]},
    "dates": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {"date_from": {"type": "string", "format": "date"}},
        },
    },
}


def test_a_document_named_for_an_offence_is_a_persons_criminal_record(tmp_path: Path) -> None:
    """`Offence` (name, class, dates) says nothing of whom, but an offence is committed by a person:
    the document is a section of their criminal record, and its fields are sensitive. The same
    fields in a document named for something else are not personal."""
    results = _scan(
        tmp_path,
        {
            "offence.json": _document("Offence", OFFENCE),
            "exhibit.json": _document("Exhibit", OFFENCE),
        },
    )
    offence = results["Offence"]
    assert offence.subject.kind == "person_linked"
    for column in ("name", "offence_class", "date_from"):
        found = finding_of(offence, column)
        assert found.personal and found.sensitive, column
        assert found.element == "pi.other.criminal_record", column
    exhibit = results["Exhibit"]
    assert exhibit.subject.kind != "person_linked"
    assert not any(f.personal for f in exhibit.findings)


MEANS = {
    "ownership_type": {"type": "string", "enum": ["applicant", "applicant_and_partner", "partner"]},
    "investment_type": {"type": "string", "enum": ["bond", "share", "other"]},
    "value": {"type": "integer"},
}


def test_an_owner_column_whose_values_name_people_links_the_row(tmp_path: Path) -> None:
    """`ownership_type` with the values applicant / partner: each row belongs to one of those
    people, so an investment's type and value are theirs. The same column whose values name
    no one (a company, a trust) links nowhere."""
    impersonal = dict(MEANS, ownership_type={"type": "string", "enum": ["company", "trust"]})
    results = _scan(
        tmp_path,
        {
            "investment.json": _document("Investment", MEANS),
            "holding.json": _document("Holding", impersonal),
        },
    )
    investment = results["Investment"]
    assert investment.subject.kind == "person_linked"
    assert any(link.column == "ownership_type" for link in investment.subject.links)
    assert finding_of(investment, "value").personal
    assert finding_of(investment, "investment_type").personal
    holding = results["Holding"]
    assert holding.subject.kind != "person_linked"
    assert not finding_of(holding, "value").personal


def test_a_national_insurance_number_is_an_identity_number(tmp_path: Path) -> None:
    """`nino` (the UK national insurance number) on an applicant is a sensitive identity number,
    not merely something else about the applicant; so is the number of their ID proof."""
    applicant = {
        "first_name": {"type": "string"},
        "last_name": {"type": "string"},
        "date_of_birth": {"type": "string", "format": "date"},
        "nino": {"type": ["string", "null"]},
        "national_insurance_number": {"type": ["string", "null"]},
        "id_proof_number": {"type": ["string", "null"]},
    }
    results = _scan(tmp_path, {"applicant.json": _document("Applicant", applicant)})
    for column in ("nino", "national_insurance_number"):
        found = finding_of(results["Applicant"], column)
        assert found.element == "pi.identity.social_security", column
        assert found.sensitive, column
    # the number of the identity document a person showed (`id_proof_number`)
    proof = finding_of(results["Applicant"], "id_proof_number")
    assert proof.element == "pi.identity.document_number"
    assert proof.sensitive


def _avro(name: str, fields: list[dict[str, Any]]) -> str:
    return json.dumps({"type": "record", "name": name, "fields": fields})


ADDRESS = {
    "name": "address",
    "type": {
        "type": "record",
        "name": "PlaceAddress",
        "fields": [
            {"name": "street", "type": "string"},
            {"name": "zipCode", "type": "string"},
            {"name": "city", "type": "string"},
        ],
    },
}


def test_an_event_schema_is_named_for_the_thing_inside_its_operation_and_version(
    tmp_path: Path,
) -> None:
    """`CreateHotelAvroV1`: the operation, the format and the version wrap the thing's name, so the
    record is a hotel's (an organisation: its address is not a person's). `CreateUserAvroV1` stays
    a user's, whose address is theirs."""
    fields = [{"name": "identifier", "type": "string"}, {"name": "name", "type": "string"}]
    results = _scan(
        tmp_path,
        {
            "hotel.avsc": _avro("CreateHotelAvroV1", [*fields, ADDRESS]),
            "user.avsc": _avro("CreateUserAvroV1", [*fields, {**ADDRESS, "type": "PlaceAddress"}]),
        },
    )
    hotel = results["CreateHotelAvroV1"]
    assert hotel.subject.kind == "organisation"
    assert not any(f.personal for f in hotel.findings)
    user = results["CreateUserAvroV1"]
    assert user.subject.kind in ("person", "person_linked")
    assert finding_of(user, "street").personal
