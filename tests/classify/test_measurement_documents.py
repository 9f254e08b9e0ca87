"""Schema documents of one measurement of a person (Open mHealth / IEEE 1752 style: 'This schema
represents a person's heart rate'): the description's possessive makes the record that person's,
the measured values (a heart rate, an oxygen saturation, a night's sleep figures) and their
relation to meals, sleep or activity are the person's physiological information (sensitive), and
the unit a value is stated in and the descriptive statistic it holds (an average, a maximum) are
not the person's."""

from __future__ import annotations

import json
from pathlib import Path

from builders import scan_files

HEART_RATE = json.dumps(
    {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "description": "This schema represents a person's heart rate.",
        "type": "object",
        "properties": {
            "heart_rate": {
                "type": "object",
                "properties": {"value": {"type": "number"}, "unit": {"enum": ["beats/min"]}},
            },
            "effective_time_frame": {"type": "object"},
            "descriptive_statistic": {"enum": ["average", "maximum", "minimum"]},
            "temporal_relationship_to_sleep": {"enum": ["before sleeping", "on waking"]},
        },
    }
)

SLEEP = json.dumps(
    {
        "description": "This schema represents a person's sleep episode.",
        "type": "object",
        "properties": {
            "latency_to_sleep_onset": {"type": "number"},
            "total_sleep_time": {"type": "number"},
            "number_of_awakenings": {"type": "integer"},
            "oxygen_saturation": {"type": "number"},
        },
    }
)


def _by_pointer(tmp_path: Path, text: str, file: str) -> dict[str, object]:
    results = scan_files(tmp_path, {file: text})
    (result,) = results.values()
    return {f.field.pointer.removeprefix(result.dataset.name + "."): f for f in result.findings}


def test_a_persons_measurement_is_their_physiological_information(tmp_path: Path) -> None:
    found = _by_pointer(tmp_path, HEART_RATE, "heart-rate.json")
    for pointer in ("heart_rate.value", "temporal_relationship_to_sleep"):
        assert found[pointer].sensitive, pointer  # type: ignore[attr-defined]
    assert found["effective_time_frame"].personal  # type: ignore[attr-defined]


def test_the_unit_and_statistic_of_a_measurement_are_not_the_persons(tmp_path: Path) -> None:
    found = _by_pointer(tmp_path, HEART_RATE, "heart-rate.json")
    for pointer in ("heart_rate.unit", "descriptive_statistic"):
        assert not found[pointer].personal, pointer  # type: ignore[attr-defined]


def test_sleep_figures_are_physiological_information(tmp_path: Path) -> None:
    found = _by_pointer(tmp_path, SLEEP, "sleep.json")
    for pointer in ("latency_to_sleep_onset", "total_sleep_time", "number_of_awakenings"):
        assert found[pointer].element == "pi.health.physiological", pointer  # type: ignore[attr-defined]
