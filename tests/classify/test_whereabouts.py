"""A person's whereabouts and identity checks: a log keyed only by an ID-card number records that
person's events, a face captured for comparison is biometric, and a trail's times and places are
the person's movement track (sensitive), not an ordinary address."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

from dataflow.model import DatasetResult, FieldFinding


def _results(tmp_path: Path, text: str) -> dict[str, DatasetResult]:
    return scan_files(tmp_path, {"schema.sql": text})


def _field(result: DatasetResult, name: str) -> FieldFinding:
    return next(f for f in result.findings if f.field.name == name)


CHECKS = """
CREATE TABLE checklog (idchecklog int PRIMARY KEY, idcardno varchar(45) NOT NULL,
  capturephoto json NOT NULL, compared tinyint(1) DEFAULT 0, businessnumber varchar(45));
CREATE TABLE sightings (idsightings int PRIMARY KEY, time_stamp datetime NOT NULL,
  address varchar(200), operatingagency varchar(200), idcardno varchar(45) NOT NULL);
CREATE TABLE visitor (id int PRIMARY KEY, name varchar(50), mobile varchar(20));
CREATE TABLE trail (id int PRIMARY KEY, eventtime datetime, location varchar(45),
  address varchar(200), visitor int, description varchar(500),
  FOREIGN KEY (visitor) REFERENCES visitor (id));
CREATE TABLE store (id int PRIMARY KEY, title varchar(50), address varchar(200));
"""


def test_a_log_keyed_by_an_id_card_number_is_that_persons(tmp_path: Path) -> None:
    by_name = _results(tmp_path, CHECKS)
    log = by_name["checklog"]
    assert log.subject is not None and log.subject.kind == "person_linked"
    photo = _field(log, "capturephoto")
    assert photo.personal and photo.sensitive and photo.element == "pi.biometric.face"
    assert by_name["sightings"].subject is not None
    assert by_name["sightings"].subject.kind == "person_linked"
    # a shop is still a thing with an address
    assert not _field(by_name["store"], "address").personal


def test_a_trails_times_and_places_are_the_persons_track(tmp_path: Path) -> None:
    by_name = _results(tmp_path, CHECKS)
    trail = by_name["trail"]
    for name in ("eventtime", "location", "address", "description"):
        found = _field(trail, name)
        assert found.personal and found.sensitive and found.element == "pi.location.track", name
    # the same address on a log that is not a trail stays an ordinary address
    address = _field(by_name["sightings"], "address")
    assert address.personal and not address.sensitive
