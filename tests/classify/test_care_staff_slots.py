"""A table on a health topic whose only people are the care staff on duty (a testing site's
slots with the doctor's staff number, 医护工号) records the care the organisation offers: its
places, fees, free slots and hours are no one's health, while the staff member's number and name
stay their own information. A record about the staff themselves (护士体检: a nurse's health
check) stays health information, and so does a patient's report a doctor writes (患者检查报告). Excerpts of a public MySQL
schema of nucleic-acid testing and vaccination bookings."""

from __future__ import annotations

from pathlib import Path

from builders import scan_tables

SLOTS = """
CREATE TABLE `hesuanjiance` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `addtime` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT '创建时间',
  `jiancedianmingcheng` varchar(200) DEFAULT NULL COMMENT '检测点名称',
  `jiancedian` varchar(200) DEFAULT NULL COMMENT '检测点',
  `jiancefeiyong` int(11) DEFAULT NULL COMMENT '检测费用',
  `diqu` varchar(200) DEFAULT NULL COMMENT '地区',
  `jianceyuwei` int(11) NOT NULL COMMENT '检测余位',
  `yihugonghao` varchar(200) DEFAULT NULL COMMENT '医护工号',
  `yihuxingming` varchar(200) DEFAULT NULL COMMENT '医护姓名',
  `kaishishijian` datetime DEFAULT NULL COMMENT '开始时间',
  `jieshushijian` datetime DEFAULT NULL COMMENT '结束时间',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='核酸检测';
"""

NURSE_CHECK = """
CREATE TABLE `hushitijian` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `hushigonghao` varchar(200) DEFAULT NULL COMMENT '护士工号',
  `tijianriqi` date DEFAULT NULL COMMENT '体检日期',
  `jianchajieguo` varchar(200) DEFAULT NULL COMMENT '检查结果',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='护士体检';
"""

PATIENT_REPORT = """
CREATE TABLE IF NOT EXISTS `h_report` (
  `ReportIdentity` bigint(20) NOT NULL,
  `StudyOrderIdentity` bigint(20) NOT NULL,
  `ReportCreatDate` datetime DEFAULT current_timestamp() COMMENT '报告创建时间',
  `ReportWriterID` char(50) DEFAULT '' COMMENT '报告医生ID',
  `ReportCheckID` char(50) DEFAULT '' COMMENT '审核医生ID',
  `ReportContent` longtext DEFAULT '' COMMENT '报告内容',
  PRIMARY KEY (`ReportIdentity`)
) ENGINE=InnoDB DEFAULT CHARSET=gbk COMMENT='患者检查报告内容';
"""


def test_a_testing_sites_slots_are_no_ones_health(tmp_path: Path) -> None:
    slots = scan_tables(tmp_path, SLOTS)["hesuanjiance"]
    assert slots["yihuxingming"].element == "pi.identity.name"
    assert slots["yihugonghao"].personal
    for column in ("jiancedianmingcheng", "jiancefeiyong", "diqu", "jianceyuwei", "kaishishijian"):
        found = slots[column]
        assert not found.sensitive, column
        assert not (found.element or "").startswith("pi.health."), column


def test_a_nurses_own_health_check_stays_health(tmp_path: Path) -> None:
    check = scan_tables(tmp_path, NURSE_CHECK)["hushitijian"]
    assert check["jianchajieguo"].sensitive


def test_a_patients_report_written_by_a_doctor_stays_health(tmp_path: Path) -> None:
    report = scan_tables(tmp_path, PATIENT_REPORT)["h_report"]
    assert report["ReportContent"].sensitive
