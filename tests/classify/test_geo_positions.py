"""A table named `positions` whose columns are a latitude and a longitude lists points on the
earth (a run's GPS fixes), not an organisation's job posts: keyed to a user's run, its points
are where the user was, precise location, sensitive (GB/T 35273-2020 Annex B). A `positions`
table of job posts keyed by the post stays an organisation's."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

DDL = """
CREATE TABLE `users` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `username` VARCHAR(45) NOT NULL,
  PRIMARY KEY (`id`));
CREATE TABLE `runs` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `user_id` INT NOT NULL,
  `start_time` TIMESTAMP NOT NULL DEFAULT NOW(),
  PRIMARY KEY (`id`),
  FOREIGN KEY (`user_id`) REFERENCES `users` (`id`));
CREATE TABLE `positions` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `run_id` INT NOT NULL,
  `latitude` FLOAT NULL,
  `longitude` FLOAT NULL,
  PRIMARY KEY (`id`),
  FOREIGN KEY (`run_id`) REFERENCES `runs` (`id`));
"""

POSTS = """
CREATE TABLE `positions` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `title` VARCHAR(100) NULL,
  `grade` VARCHAR(10) NULL,
  PRIMARY KEY (`id`));
"""


def _scan(tmp_path: Path, ddl: str):  # type: ignore[no-untyped-def]
    (tmp_path / "schema.sql").write_text(ddl, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {d.dataset.name: d for d in result.datasets}


def test_positions_with_latitude_and_longitude_are_places_of_a_run(tmp_path: Path) -> None:
    positions = _scan(tmp_path, DDL)["positions"]
    assert positions.subject.kind == "person_linked"
    by_name = {f.field.name: f for f in positions.findings}
    for column in ("latitude", "longitude"):
        assert by_name[column].personal and by_name[column].sensitive, column


def test_positions_keyed_by_the_post_are_an_organisations_jobs(tmp_path: Path) -> None:
    assert _scan(tmp_path, POSTS)["positions"].subject.kind == "organisation"
