"""An access-control system's passage log (通行记录: a face or a card recognised at a door, when,
how and whether the person was let through) is a record of where the person was (行踪轨迹,
GB/T 35273-2020 Annex B): sensitive, not only an activity record."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

GATE = """
CREATE TABLE person (
    id BIGINT PRIMARY KEY AUTO_INCREMENT,
    name VARCHAR(50) NOT NULL COMMENT '姓名'
) COMMENT='人员表';
CREATE TABLE access_log (
    person_id BIGINT COMMENT '识别到的人员ID',
    access_time DATETIME DEFAULT CURRENT_TIMESTAMP COMMENT '通行时间',
    access_type TINYINT COMMENT '识别方式:1-人脸,2-刷卡',
    result TINYINT COMMENT '结果:0-拒绝,1-通过',
    FOREIGN KEY (person_id) REFERENCES person(id)
) ENGINE=InnoDB COMMENT='通行记录表';
"""


def test_a_doors_passage_log_is_the_persons_whereabouts(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"gate.sql": GATE})
    log = results["access_log"]
    for column in ("access_time", "access_type", "result"):
        finding = _finding(log, column)
        assert finding.personal and finding.sensitive, column
