"""An imaging archive: a series keyed to its study by the study's own key name (`study_uid`), and
a report that a patient's study record points at (`rpt_id`): both are the patient's records."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

PACS = """
CREATE TABLE `patient` (`pat_id` varchar(64) NOT NULL, `pat_name` varchar(64) NOT NULL,
  `birthday` datetime, `id_number` varchar(32), `phone_number` varchar(32),
  PRIMARY KEY (`pat_id`));
CREATE TABLE `study` (
  `study_uid` varchar(128) NOT NULL,
  `modality` varchar(128) DEFAULT NULL,
  `pat_id` varchar(128) DEFAULT NULL,
  `study_time` datetime DEFAULT NULL,
  `rpt_id` varchar(64) DEFAULT NULL,
  PRIMARY KEY (`study_uid`),
  CONSTRAINT `fk_pat` FOREIGN KEY (`pat_id`) REFERENCES `patient` (`pat_id`),
  CONSTRAINT `fk_rpt` FOREIGN KEY (`rpt_id`) REFERENCES `report` (`rpt_id`)
);
CREATE TABLE `series` (`series_uid` varchar(128) NOT NULL, `body_part` varchar(128),
  `series_desc` varchar(128), `study_uid` varchar(128), PRIMARY KEY (`series_uid`));
CREATE TABLE `report` (`rpt_id` varchar(64) NOT NULL, `advice` varchar(4000),
  `diagnosis` varchar(4000), PRIMARY KEY (`rpt_id`));
"""


def _datasets(tmp_path: Path) -> dict[str, object]:
    (tmp_path / "init.sql").write_text(PACS, encoding="utf-8")
    return {r.dataset.name: r for r in scan_paths([tmp_path], ScanOptions(content=False)).datasets}


def test_a_column_named_as_another_tables_key_links_to_it(tmp_path: Path) -> None:
    series = _datasets(tmp_path)["series"]
    subject = series.subject  # type: ignore[attr-defined]
    assert subject.kind == "person_linked"
    assert [link.target for link in subject.links] == ["study"]


def test_a_report_a_patients_study_points_at_is_the_patients(tmp_path: Path) -> None:
    report = _datasets(tmp_path)["report"]
    assert report.subject.kind == "person_linked"  # type: ignore[attr-defined]
    assert report.subject.role == "patient"  # type: ignore[attr-defined]
    fields = {f.field.name: f for f in report.findings}  # type: ignore[attr-defined]
    assert fields["advice"].personal
