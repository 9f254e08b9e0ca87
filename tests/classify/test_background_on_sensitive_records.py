"""On a record of a sensitive kind (a patient's examination record), a column whose own words
name the person's background (职业 an occupation, 民族 an ethnic group) keeps its element: who
the person is, PI, not a result of the examination. An unnamed history note of the same record
stays the patient's health information. Excerpt of a public PACS schema (`h_patient`, whose
comment says each patient has one or more examinations)."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

DDL = """
CREATE TABLE IF NOT EXISTS `h_patient` (
  `PatientIdentity` bigint(66) unsigned NOT NULL,
  `PatientID` char(50) NOT NULL,
  `PatientName` char(50) DEFAULT 'unknow',
  `PatientSex` char(10) DEFAULT 'O' COMMENT 'O :为待补充',
  `PatientBirthday` char(22) DEFAULT '19000101',
  `PatientAddr` varchar(120) DEFAULT '""' COMMENT '地址',
  `PatientTelNumber` varchar(50) DEFAULT '""' COMMENT '电话号码',
  `PatientJob` varchar(100) DEFAULT 'JOB' COMMENT '职业',
  `PatientNation` char(100) DEFAULT '汉族' COMMENT '民族：汉族、',
  `PatientHistoryTell` varchar(200) DEFAULT '无' COMMENT '家族病史/传染病史/既往病史/备注/主诉/现病史',
  PRIMARY KEY (`PatientIdentity`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='患者基本信息(对应多个 h_order，定义患者信息唯一信息，检查为1-n个)';
"""


def test_a_patients_occupation_is_not_an_examination_result(tmp_path: Path) -> None:
    (tmp_path / "schema.sql").write_text(DDL, encoding="utf-8")
    found = scan_paths([tmp_path], ScanOptions(content=False))
    table = next(d for d in found.datasets if d.dataset.name == "h_patient")
    by_name = {f.field.name: f for f in table.findings}
    job = by_name["PatientJob"]
    assert job.personal
    assert job.element == "pi.education_work.occupation"
    assert not job.sensitive
    assert not by_name["PatientNation"].element.startswith("pi.health.")  # type: ignore[union-attr]
    assert by_name["PatientHistoryTell"].sensitive
