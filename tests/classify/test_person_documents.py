"""Schema documents that record one person without saying so in their name: a CV format's
`schema.json` (its sections are a CV's) and the records of a wearable device (the wearer's)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from builders import scan_files as _scan


def _by_path(result: Any) -> dict[str, Any]:
    return {f.field.pointer.split(".", 1)[1]: f for f in result.findings}


def _entries(**fields: str) -> dict[str, Any]:
    return {
        "type": "array",
        "items": {"type": "object", "properties": {k: {"type": v} for k, v in fields.items()}},
    }


def _cv(sections: tuple[str, ...]) -> str:
    """A CV format's JSON Schema with no title: only its top-level sections say what it is."""
    every = {
        "basics": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "email": {"type": "string", "format": "email"},
                "phone": {"type": "string"},
                "headline": {"type": "string"},
            },
        },
        "employments": _entries(position="string", startDate="string", endDate="string"),
        "skills": _entries(name="string", level="string"),
        "awards": _entries(title="string", date="string"),
        "initiatives": _entries(name="string", startDate="string", url="string"),
    }
    return json.dumps(
        {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "type": "object",
            "properties": {k: v for k, v in every.items() if k in sections},
        }
    )


def test_a_document_named_schema_is_not_configuration(tmp_path: Path) -> None:
    """`schema.json` names the format of the file: the person the document records (name, e-mail,
    phone) is found as in any other document, not dropped as schema metadata."""
    results = _scan(tmp_path, {"schema.json": _cv(("basics",))})
    found = _by_path(results["schema"])
    assert results["schema"].subject.kind == "person"
    assert found["basics.email"].personal
    assert found["basics.phone"].personal


def test_a_document_with_a_cvs_sections_is_the_candidates_cv(tmp_path: Path) -> None:
    """Three or more CV sections at the top (basics, employments, skills, awards…): every part of
    the document describes the candidate, the dates and links of their projects included. With
    only one of those sections the document is not read as a CV."""
    results = _scan(
        tmp_path,
        {"schema.json": _cv(("basics", "employments", "skills", "awards", "initiatives"))},
    )
    found = _by_path(results["schema"])
    for path in (
        "basics.headline",
        "initiatives[].startDate",
        "initiatives[].url",
        "employments[].endDate",
    ):
        assert found[path].personal, path
        assert found[path].evidence[-1].rule == "subject-document-part", path
    assert found["awards[].title"].personal
    lone = _scan(tmp_path / "lone", {"schema.json": _cv(("basics", "initiatives"))})
    assert not _by_path(lone["schema"])["initiatives[].url"].personal


def _avro(name: str, doc: str, fields: dict[str, str]) -> str:
    return json.dumps(
        {
            "namespace": "org.example.connector",
            "type": "record",
            "name": name,
            "doc": doc,
            "fields": [{"name": k, "type": v, "doc": ""} for k, v in fields.items()],
        }
    )


_ZONES = {
    "time": "double",
    "timeReceived": "double",
    "timeInterval": "int",
    "minPeak": "int",
    "durationCardio": "int",
    "lightly": "int",
    "highFrequency": "double",
    "logId": "string",
    "unitName": "string",
}


def test_the_records_of_a_wearable_device_are_the_wearers(tmp_path: Path) -> None:
    """A record a smartwatch or a fitness tracker makes (named after the device, or described as
    coming from one) is about its wearer: what it measured and when, even under a code-list word
    (`ActivityLevels`), is the wearer's activity record outside medical care, also where a word
    of its name is a health word elsewhere (`highFrequency` of heart-rate variability is no
    dosing frequency); the connector's receive time, interval, units and log keys are not. The same fields in a record of a weather station are nobody's."""
    results = _scan(
        tmp_path,
        {
            "garmin_activity_levels.avsc": _avro(
                "GarminActivityLevels", "Aggregate levels of an activity.", _ZONES
            ),
            "zones.avsc": _avro(
                "ZoneSummary", "Heart-rate zones measured by a smartwatch.", _ZONES
            ),
            "station.avsc": _avro("StationLevels", "Levels measured by a weather station.", _ZONES),
        },
    )
    for name in ("GarminActivityLevels", "ZoneSummary"):
        assert results[name].subject.kind == "person_linked", name
        found = _by_path(results[name])
        for path in ("time", "minPeak", "durationCardio", "lightly", "highFrequency"):
            assert found[path].personal, (name, path)
            assert found[path].element == "pi.motion.activity", (name, path)
            assert not found[path].sensitive, (name, path)
        for path in ("timeReceived", "timeInterval", "logId", "unitName"):
            assert not found[path].personal, (name, path)
    station = _by_path(results["StationLevels"])
    assert not any(f.personal for f in station.values())


def _doc(title: str, properties: dict[str, Any]) -> str:
    return json.dumps(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": title,
            "type": "object",
            "properties": properties,
        }
    )


def test_a_mood_log_or_a_safety_plan_is_a_record_of_mental_health(tmp_path: Path) -> None:
    """A mood log or a suicide-prevention safety plan is on the topic of a person's mental
    health: what it records is sensitive health information. Its `_type` tag, allowed one value
    only (`const`), is the same in every record and about no one."""
    results = _scan(
        tmp_path,
        {
            "mood-log.json": _doc(
                "IMoodLog",
                {
                    "_type": {"const": "moodLog"},
                    "recordedDateTime": {"type": "string", "format": "date-time"},
                    "mood": {"type": "number"},
                },
            ),
            "safety-plan.json": _doc(
                "ISafetyPlan",
                {
                    "_type": {"const": "safetyPlan"},
                    "warningSigns": {"type": "array", "items": {"type": "string"}},
                    "copingStrategies": {"type": "array", "items": {"type": "string"}},
                },
            ),
        },
    )
    mood = _by_path(results["IMoodLog"])
    assert mood["mood"].sensitive
    assert mood["recordedDateTime"].sensitive
    assert not mood["_type"].personal
    assert mood["_type"].evidence[-1].rule == "subject-constant"
    plan = _by_path(results["ISafetyPlan"])
    assert plan["warningSigns[]"].sensitive
    assert plan["copingStrategies[]"].sensitive
    assert not plan["_type"].personal


def test_a_cognito_account_and_an_emergency_number_are_a_persons(tmp_path: Path) -> None:
    """The id of a person's account at an identity provider (`cognitoId`) and their emergency
    number are PI by their own names."""
    results = _scan(
        tmp_path,
        {
            "contact.json": _doc(
                "IContact",
                {
                    "name": {"type": "string"},
                    "emergencyNumber": {"type": "string"},
                    "cognitoAccount": {
                        "type": "object",
                        "properties": {"cognitoId": {"type": "string"}},
                    },
                },
            )
        },
    )
    found = _by_path(results["IContact"])
    assert found["emergencyNumber"].element == "pi.contacts.emergency_contact"
    assert found["cognitoAccount.cognitoId"].element == "pi.online_identity.third_party_account"


def test_the_kinds_a_document_records_can_name_its_health_topic(tmp_path: Path) -> None:
    """A document whose own kind is enumerated (`assessmentId` of `IAssessment`: phq-9, gad-7,
    mood) records those things: depression and anxiety questionnaires make it a section of a
    patient's record, and when they are given and how often are health information. The same
    document enumerating kinds of staff appraisal is about no one's health."""

    def assessment(kinds: list[str]) -> str:
        return _doc(
            "IAssessment",
            {
                "assessmentId": {"type": "string", "enum": kinds},
                "assigned": {"type": "boolean"},
                "dayOfWeek": {"type": "string"},
            },
        )

    health = _by_path(
        _scan(tmp_path / "a", {"a.json": assessment(["phq-9", "gad-7"])})["IAssessment"]
    )
    assert health["dayOfWeek"].sensitive
    assert health["assigned"].sensitive
    other = _by_path(
        _scan(tmp_path / "b", {"a.json": assessment(["quarterly", "annual"])})["IAssessment"]
    )
    assert not other["dayOfWeek"].personal
