"""A genomics programme's records of a participant: the estimates of their genetic ancestry and
their inbreeding coefficient are genetic information (GB/T 35273 Annex B, 基因, sensitive) and
always someone's, whether or not the record names the person; a tumour or germline sample taken
from them is a specimen of their body, whose kind, preparation and storage are their health
record. A population code list names no one."""

from __future__ import annotations

import json
from pathlib import Path

from builders import scan_files


def _record(name: str, fields: list[tuple[str, str]]) -> str:
    return json.dumps(
        {"type": "record", "name": name, "fields": [{"name": n, "type": t} for n, t in fields]}
    )


def test_ancestry_scores_and_inbreeding_are_genetic_information(tmp_path: Path) -> None:
    files = {
        "chi.avsc": _record(
            "ChiSquare1KGenomesPhase3Pop",
            [
                ("kgSuperPopCategory", "string"),
                ("kgPopCategory", "string"),
                ("chiSquare", "double"),
            ],
        ),
        "inbreeding.avsc": _record(
            "InbreedingCoefficient",
            [("sampleId", "string"), ("coefficient", "double"), ("standardError", "double")],
        ),
        "population.avsc": _record("PopulationCode", [("code", "string"), ("label", "string")]),
    }
    found = scan_files(tmp_path, files)
    chi = {f.field.name: f for f in found["ChiSquare1KGenomesPhase3Pop"].findings}
    for column in ("kgSuperPopCategory", "chiSquare"):
        assert chi[column].element == "pi.biometric.gene", column
        assert chi[column].sensitive, column
    inbreeding = {f.field.name: f for f in found["InbreedingCoefficient"].findings}
    for column in ("coefficient", "standardError"):
        assert inbreeding[column].element == "pi.biometric.gene", column
    assert not any(f.personal for f in found["PopulationCode"].findings)


def test_a_participants_tumour_sample_is_their_health_record(tmp_path: Path) -> None:
    sample = _record(
        "TumourSample",
        [
            ("sampleId", "string"),
            ("participantId", "string"),
            ("tumourType", "string"),
            ("tumourContent", "string"),
            ("preparationMethod", "string"),
            ("storageMedium", "string"),
        ],
    )
    found = scan_files(tmp_path, {"tumour.avsc": sample})
    by_name = {f.field.name: f for f in found["TumourSample"].findings}
    for column in ("tumourType", "tumourContent", "preparationMethod", "storageMedium"):
        assert by_name[column].category == "pi.health", column
        assert by_name[column].sensitive, column
