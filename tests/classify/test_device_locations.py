"""Where a device a person carries is (a mobile network's device-location API: a `Location` with
its `device`, a location-verification response): where that person is. The location, its time
and the verification's answer are the person's whereabouts (GB/T 35273 Annex B: 行踪轨迹,
sensitive); a request for the location only names the device, and its limits are no one's."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

API = """
openapi: 3.0.3
info: {title: Device location, version: "1.0"}
paths: {}
components:
  schemas:
    Location:
      type: object
      description: Where the device was last seen
      properties:
        lastLocationTime: {type: string, format: date-time}
        area: {type: string}
        device: {type: string, description: The network identifier of the device}
    LocationRequest:
      type: object
      properties:
        device: {type: string}
        maxAge: {type: integer}
    WarehouseLocation:
      type: object
      properties:
        aisle: {type: string}
        shelf: {type: string}
"""


def test_the_location_of_a_persons_device_is_their_whereabouts(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"location.yaml": API})
    location = found["Location"]
    assert location.subject.kind == "person_linked"
    by_name = {f.field.name: f for f in location.findings}
    for column in ("lastLocationTime", "area"):
        assert by_name[column].element == "pi.location.track", column
        assert by_name[column].sensitive, column
    request = {f.field.name: f for f in found["LocationRequest"].findings}
    assert request["device"].personal
    assert not request["maxAge"].personal
    assert found["WarehouseLocation"].subject.kind != "person_linked"
