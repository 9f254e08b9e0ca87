"""A staff member's rank (job grade, 职级): the key of a rank on their record is part of their work
information, and the table of ranks is not anyone's."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of
from builders import scan_files as _scan

STAFF = """
CREATE TABLE erp_rank (
  rank_id bigint PRIMARY KEY COMMENT '职级主键id',
  rank_code varchar(64) COMMENT '职级编码',
  rank_name varchar(64) COMMENT '职级名称'
) COMMENT='职级';
CREATE TABLE erp_staff (
  staff_id bigint PRIMARY KEY COMMENT '主键',
  staff_name varchar(32) COMMENT '姓名',
  id_card varchar(32) COMMENT '身份证号',
  mobile varchar(16) COMMENT '手机号',
  rank_id bigint COMMENT '职级主键id'
) COMMENT='员工信息';
"""


def test_the_key_of_a_rank_on_a_staff_record_is_their_job(tmp_path: Path) -> None:
    """`rank_id` on a staff record says which grade the person holds (occupation); the rank
    table's own columns are a code list of grades, not personal."""
    results = _scan(tmp_path, {"erp.sql": STAFF})
    rank = finding_of(results["erp_staff"], "rank_id")
    assert rank.personal
    assert rank.element == "pi.education_work.occupation"
    assert not any(f.personal for f in results["erp_rank"].findings)
