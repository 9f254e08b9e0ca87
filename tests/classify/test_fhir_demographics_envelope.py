"""A FHIR Patient of demographics (no care in it) codes its values as a clinical record does:
an identifier's and a coding's `system` name the namespace of a number or a code (HL7 FHIR R4
Identifier.system, Coding.system) and an extension's `url` the definition it follows, not
anything of the person; the identifier's value, the person's name and a telecom's `system`
(phone or email) and `use` (home or work) stay the person's."""

from __future__ import annotations

import json
from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths


def _obj(**props: object) -> dict[str, object]:
    return {"type": "object", "properties": props}


def _arr(item: dict[str, object]) -> dict[str, object]:
    return {"type": "array", "items": item}


S = {"type": "string"}

PATIENT = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "Patient",
    **_obj(
        resourceType=S,
        identifier=_arr(
            _obj(
                system=S,
                value=S,
                extension=_arr(
                    _obj(url=S, valueCodeableConcept=_obj(coding=_arr(_obj(system=S, code=S))))
                ),
            )
        ),
        name=_arr(_obj(use=S, family=S, given=_arr(S))),
        telecom=_arr(_obj(system=S, value=S, use=S)),
        birthDate=S,
    ),
}


def test_codes_of_a_patients_demographics_are_envelope(tmp_path: Path) -> None:
    (tmp_path / "Patient.json").write_text(json.dumps(PATIENT), encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    (patient,) = result.datasets
    personal = {f.field.pointer[len("Patient.") :] for f in patient.findings if f.personal}
    for envelope in (
        "identifier[].system",
        "identifier[].extension[].url",
        "identifier[].extension[].valueCodeableConcept.coding[].system",
    ):
        assert envelope not in personal
    for own in ("identifier[].value", "name[].family", "telecom[].value", "telecom[].system"):
        assert own in personal
