"""A saved report's or query's definition (its query text, parameters and output) is software
configuration even when its table is named after users; a national identity card number (`nic_num`,
`cnic_no`) on an employee's record is an identity document number."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

HRM = """
CREATE TABLE `Employees` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `first_name` varchar(100) NOT NULL,
  `birthday` date,
  `nic_num` varchar(100),
  PRIMARY KEY (`id`)
);
CREATE TABLE `UserReports` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(100) NOT NULL,
  `details` text,
  `parameters` text,
  `query` text,
  `paramOrder` varchar(500) NOT NULL,
  `output` varchar(15) NOT NULL,
  PRIMARY KEY (`id`)
);
CREATE TABLE `UserNotes` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `user_id` bigint NOT NULL,
  `details` text,
  `created` datetime,
  PRIMARY KEY (`id`)
);
"""


def _scan(tmp_path: Path, files: dict[str, str]):  # type: ignore[no-untyped-def]
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {d.dataset.name.split(".")[-1]: d for d in result.datasets}


def test_a_saved_report_definition_is_configuration(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"hrm.sql": HRM})
    assert found["UserReports"].subject.kind == "system"
    by_name = {f.field.name: f for f in found["UserReports"].findings}
    for column in ("details", "parameters", "query", "output"):
        assert not by_name[column].personal, column
    assert found["UserNotes"].subject.kind != "system"


def test_a_national_identity_card_number_is_an_id_number(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"hrm.sql": HRM})
    nic = {f.field.name: f for f in found["Employees"].findings}["nic_num"]
    assert nic.sensitive
    assert nic.element == "pi.identity.resident_id"
