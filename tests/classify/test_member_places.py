"""Places inside documents about things: a transit journey's stop places, a network's stations.
Their coordinates say where the stop is, not where a person is; a person's own location stays
personal."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of, scan_files

JOURNEY = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "Journey",
    "type": "object",
    "properties": {
        "lineRef": {"type": "string"},
        "route": {
            "type": "object",
            "properties": {
                "stopPlaces": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "name": {"type": "string"},
                            "location": {
                                "type": "object",
                                "properties": {
                                    "latitude": {
                                        "type": "number",
                                        "description": "Latitude in WGS84 decimal degrees",
                                    },
                                    "longitude": {
                                        "type": "number",
                                        "description": "Longitude in WGS84 decimal degrees",
                                    },
                                },
                            },
                        },
                    },
                }
            },
        },
    },
}


def test_a_stop_places_coordinates_are_the_stops(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"Journey.json": json.dumps(JOURNEY)})
    journey = found["Journey"]
    for column in ("latitude", "longitude"):
        finding = finding_of(journey, column)
        assert not finding.personal, column
        assert any(ev.rule == "subject-member-place" for ev in finding.evidence), column


def test_a_persons_position_stays_personal(tmp_path: Path) -> None:
    sql = "CREATE TABLE user_positions (user_id BIGINT, latitude DECIMAL(9,6), longitude DECIMAL(9,6));"
    found = scan_files(tmp_path, {"pos.sql": sql})
    assert finding_of(found["user_positions"], "latitude").personal
