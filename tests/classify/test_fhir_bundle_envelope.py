"""The envelope of a FHIR search Bundle and of its resources is not the patient's record.

A Bundle of matching immunisations is on the topic of a health record, but its own type, the
relation of its paging links and each entry's search mode say how the answer is packaged (HL7
FHIR R4 Bundle.type, Bundle.link.relation, Bundle.entry.search.mode), and a `resourceType`, a
reference's `type` beside its `reference` or an extension's defining `url` name kinds and
definitions, not anything of the patient. The immunisation's own members stay health
information."""

from __future__ import annotations

import json
from pathlib import Path

from builders import scan_files

BUNDLE = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "ImmunizationSearchResult",
    "description": "FHIR Bundle containing the query results - a list of matching immunisations"
    " and associated patients.",
    "type": "object",
    "properties": {
        "resourceType": {"type": "string"},
        "type": {"type": "string"},
        "total": {"type": "integer"},
        "link": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"relation": {"type": "string"}, "url": {"type": "string"}},
            },
        },
        "entry": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "resource": {
                        "type": "object",
                        "properties": {
                            "resourceType": {"type": "string"},
                            "occurrenceDateTime": {"type": "string"},
                            "lotNumber": {"type": "string"},
                            "extension": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {"url": {"type": "string"}},
                                },
                            },
                            "patient": {
                                "type": "object",
                                "properties": {
                                    "reference": {"type": "string"},
                                    "type": {"type": "string"},
                                },
                            },
                        },
                    },
                    "search": {
                        "type": "object",
                        "properties": {"mode": {"type": "string"}},
                    },
                },
            },
        },
    },
}


def test_a_bundles_envelope_is_not_health_information(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"bundle.schema.json": json.dumps(BUNDLE)})
    result = next(iter(found.values()))
    by_path = {f.field.pointer.split(".", 1)[1]: f for f in result.findings}
    assert by_path["entry[].resource.occurrenceDateTime"].sensitive
    for path in (
        "resourceType",
        "type",
        "link[].relation",
        "entry[].search.mode",
        "entry[].resource.resourceType",
        "entry[].resource.patient.type",
        "entry[].resource.extension[].url",
    ):
        assert not by_path[path].personal, path
    # the link repeating the query, and the number of matches, stay the patient's
    assert by_path["total"].personal
