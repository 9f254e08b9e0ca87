"""A table named `inspection_record` is on the topic of health examinations in a lab's schema (检验),
but not where its Chinese comment names a patrol of equipment (巡检记录表): its columns are then not
read as a person's test results."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

DDL = """
CREATE TABLE sys_user (id BIGINT PRIMARY KEY, username VARCHAR(64) COMMENT '用户名');
CREATE TABLE inspection_record (
    id BIGINT PRIMARY KEY AUTO_INCREMENT,
    equipment_id BIGINT NOT NULL COMMENT '设备id',
    inspector_user_id BIGINT COMMENT '巡检人员ID',
    inspection_time DATETIME NOT NULL COMMENT '{time}',
    status TINYINT NOT NULL DEFAULT 1 COMMENT '{result}：1正常 2异常',
    abnormal_desc VARCHAR(500) COMMENT '异常描述',
    remark VARCHAR(500) COMMENT '备注',
    CONSTRAINT fk_u FOREIGN KEY (inspector_user_id) REFERENCES sys_user(id)
) COMMENT '{table}';
"""


def _record(tmp_path: Path, table: str, time: str, result: str):  # type: ignore[no-untyped-def]
    ddl = DDL.format(table=table, time=time, result=result)
    (tmp_path / "schema.sql").write_text(ddl, encoding="utf-8")
    found = scan_paths([tmp_path], ScanOptions(content=False))
    record = next(d for d in found.datasets if d.dataset.name == "inspection_record")
    return {f.field.name: f for f in record.findings}


def test_a_patrol_of_equipment_is_not_a_health_examination(tmp_path: Path) -> None:
    by_name = _record(tmp_path, "巡检记录表", "巡检时间", "巡检结果")
    for column in ("remark",):
        assert by_name[column].element != "pi.health.test_result", column
        assert not by_name[column].sensitive, column


def test_a_lab_inspection_record_stays_on_the_health_topic(tmp_path: Path) -> None:
    by_name = _record(tmp_path, "检验记录表", "检验时间", "检验结果")
    assert by_name["remark"].element == "pi.health.test_result"
