"""Occupational health checks (职业健康检查): a worker's occupational contraindications and
radiation exposure history are health information, not their occupation."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

# The shape of an occupational health-check system's record (from a public health-check
# schema, shortened).
RECORD = """
CREATE TABLE `t_inspection_record` (
  `id` varchar(64) NOT NULL COMMENT '主键',
  `person_id` varchar(64) COMMENT '体检人员ID',
  `occupational_taboo_now` varchar(255) COMMENT '所选职业禁忌证',
  `overexposure` varchar(200) COMMENT '职业史过量照射史',
  `job` varchar(64) COMMENT '职业',
  PRIMARY KEY (`id`)
) COMMENT='职业健康检查记录';
"""


def test_a_contraindication_and_an_exposure_are_health_information(tmp_path: Path) -> None:
    """职业禁忌证 (a condition that bars a worker from a job) and 照射史 (radiation exposure
    history) are the worker's health: sensitive, although their comments say 职业; the
    worker's job itself stays an occupation."""
    record = _scan(tmp_path, {"occ.sql": RECORD})["t_inspection_record"]
    for column in ("occupational_taboo_now", "overexposure"):
        finding = _finding(record, column)
        assert finding.sensitive, column
        assert finding.element == "pi.health.diagnosis", column
    assert _finding(record, "job").element == "pi.education_work.occupation"
