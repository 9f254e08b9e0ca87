"""A work history keyed to a résumé counts the people its person managed (`subordinate_num`):
one of that person's facts, not a report on a group."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

SCHEMA = """
CREATE TABLE cv_resume (id bigint PRIMARY KEY COMMENT '编号', real_name varchar(20) COMMENT '姓名',
  phone varchar(20) COMMENT '手机号') COMMENT '简历';
CREATE TABLE cv_job_history (id bigint PRIMARY KEY COMMENT '编号',
  resume_id bigint COMMENT '简历编号', position varchar(50) COMMENT '职位',
  start_date datetime COMMENT '开始时间', subordinate_num int COMMENT '下属人数',
  work_duty varchar(500) COMMENT '工作职责', orgnazation varchar(100) COMMENT '工作单位'
) COMMENT '工作经历';
"""


def test_a_work_history_keyed_to_a_resume_is_the_persons(tmp_path: Path) -> None:
    (tmp_path / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    history = next(r for r in report.datasets if r.dataset.name == "cv_job_history")
    assert history.subject is not None and history.subject.kind == "person_linked"
    by_name = {f.field.name: f for f in history.findings}
    for name in ("position", "start_date", "work_duty", "orgnazation"):
        assert by_name[name].personal, name
