"""Who created or last changed a row (`create_by` '创建者', `update_user`, `CJR` '创建人') of a
table about things (a department, a fleet's cars) is the database's audit trail, not information
the table holds about a person; the learned scorer does not put it back. On a person's event
(a ticket, a call) the creator stays as the words say."""

from __future__ import annotations

from pathlib import Path

from tests.builders import finding_of, scan_files

DDL = """
create table hospital_department (
  department_id bigint(20) not null auto_increment comment '科室ID',
  department_name varchar(50) comment '科室名称',
  create_by varchar(64) default '' comment '创建者',
  update_by varchar(64) default '' comment '更新者',
  primary key (department_id)
) comment = '科室表';

CREATE TABLE `biz_vehicle` (
  `v_id` varchar(32) NOT NULL COMMENT '主键',
  `v_cx` varchar(50) COMMENT '车型',
  `CJR` varchar(32) COMMENT '创建人',
  `XGR` varchar(32) COMMENT '修改人',
  PRIMARY KEY (`v_id`)
) COMMENT='车辆信息';

CREATE TABLE `obj` (
  `id` bigint NOT NULL COMMENT '主键',
  `title` varchar(100) COMMENT '标题',
  `owner_id` varchar(32) COMMENT '创建人ID',
  PRIMARY KEY (`id`)
);

create table customer (
  id bigint primary key,
  name varchar(50) comment '客户姓名',
  phone varchar(20) comment '手机号'
);
create table ticket (
  id bigint primary key,
  customer_id bigint comment '客户ID',
  title varchar(100) comment '标题',
  created_by varchar(64) comment '创建人'
);
"""


def test_the_editor_of_a_things_row_is_no_ones_information(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"s.sql": DDL})
    for table, column in (
        ("hospital_department", "create_by"),
        ("hospital_department", "update_by"),
        ("biz_vehicle", "CJR"),
        ("biz_vehicle", "XGR"),
    ):
        f = finding_of(found[table], column)
        assert not f.personal, (table, column)
        assert any(ev.rule == "subject-row-editor" for ev in f.evidence), (table, column)


def test_the_creator_of_a_persons_event_stays_personal(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"s.sql": DDL})
    assert found["ticket"].subject.about_person
    assert finding_of(found["ticket"], "created_by").personal
    # a column named for a person, whatever the comment says of it: the row's owner
    assert finding_of(found["obj"], "owner_id").personal
