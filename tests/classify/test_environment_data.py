"""Data about the natural environment and about machines: a weather or flood API's coordinates
are the place it reports on, and a sensor's temperature reading keyed by its device is that
device's telemetry, not a patient's vital signs; a person's check-in with coordinates, and a
patient's temperature reading, stay personal."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of, scan_files

FORECAST = """
openapi: 3.0.0
info: {title: Forecast API, version: "1.0"}
paths:
  /v1/forecast:
    get:
      parameters:
        - {name: latitude, in: query, required: true, schema: {type: number}}
        - {name: longitude, in: query, required: true, schema: {type: number}}
        - {name: hourly, in: query, schema: {type: string}}
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema:
                type: object
                properties:
                  latitude: {type: number}
                  longitude: {type: number}
                  elevation: {type: number}
"""

CHECKIN = """
CREATE TABLE user_checkin (id INT PRIMARY KEY, user_id INT, latitude DECIMAL(9,6),
  longitude DECIMAL(9,6), checked_in_at TIMESTAMP);
"""

SENSOR = """{"type": "record", "name": "TemperatureReading", "fields": [
  {"name": "temp", "type": "double"}, {"name": "timestamp", "type": "long"},
  {"name": "sensor_id", "type": "string"}]}"""

PATIENT = """{"type": "record", "name": "TemperatureReading", "fields": [
  {"name": "temp", "type": "double"}, {"name": "timestamp", "type": "long"},
  {"name": "patient_id", "type": "string"}, {"name": "device_id", "type": "string"}]}"""


def test_weather_api_coordinates_are_places(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"forecast.yml": FORECAST, "checkin.sql": CHECKIN})
    located = [
        f
        for name, result in by_name.items()
        if "forecast" in name
        for f in result.findings
        if f.field.name in ("latitude", "longitude")
    ]
    assert len(located) >= 2
    assert not any(f.personal for f in located)
    assert finding_of(by_name["user_checkin"], "latitude").personal


def test_sensor_reading_is_no_patient_record(tmp_path: Path) -> None:
    (sensor,) = scan_files(tmp_path / "a", {"reading.avsc": SENSOR}).values()
    assert sensor.subject.role != "patient"
    assert not finding_of(sensor, "temp").personal
    (patient,) = scan_files(tmp_path / "b", {"reading.avsc": PATIENT}).values()
    assert finding_of(patient, "temp").sensitive


DEVICE_MEASUREMENT = """{"$schema": "http://json-schema.org/schema#",
  "title": "Smart Data Models - Measurement schema",
  "description": "A measurement taken by a device",
  "type": "object",
  "properties": {
    "refDevice": {"type": "string", "description": "Device which captured the measurement"},
    "measurementType": {"type": "string"},
    "numValue": {"type": "number"},
    "unit": {"type": "string"},
    "dateObserved": {"type": "string", "format": "date-time"}}}"""


def test_a_measurement_keyed_by_its_device_first_is_no_patient_record(tmp_path: Path) -> None:
    """A FIWARE-style measurement names its device with the key word first (`refDevice`): the
    device's telemetry, not a section of a patient's record."""
    (measurement,) = scan_files(tmp_path, {"measurement.json": DEVICE_MEASUREMENT}).values()
    assert measurement.subject is None or measurement.subject.role != "patient"
    assert not any(f.personal for f in measurement.findings)
