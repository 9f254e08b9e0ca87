"""A residential community's records: a table's primary key named after the last words of its name
keys its own rows (not another table's), a defendant is a person, and a table mapping people to an
organisation's units is not the units'."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of
from builders import scan_files as _scan

GATES = """
CREATE TABLE resident_access_record (
  record_id varchar(64) NOT NULL,
  create_time datetime COMMENT '创建时间',
  access_type tinyint COMMENT '进出类型：1：进，2：出',
  name varchar(32) COMMENT '姓名',
  id_card varchar(32) COMMENT '身份证号',
  place varchar(64) COMMENT '地点',
  PRIMARY KEY (record_id)
) COMMENT='居民进出记录';
CREATE TABLE visitor_access_record (
  record_id varchar(64) NOT NULL,
  access_type tinyint COMMENT '进出类型：1：进，2：出',
  name varchar(32) COMMENT '姓名',
  id_card varchar(32) COMMENT '身份证号',
  PRIMARY KEY (record_id)
);
"""


def test_a_primary_key_named_after_the_tables_last_words_keys_its_own_rows(
    tmp_path: Path,
) -> None:
    """`record_id`, the primary key of `resident_access_record`, numbers that table's own rows:
    it is no link to `visitor_access_record` (the other table whose name ends in `record`). The
    rows are the resident's own passages, so where and which way they passed is theirs."""
    results = _scan(tmp_path, {"gates.sql": GATES})
    resident = results["resident_access_record"]
    assert not any(link.column == "record_id" for link in resident.subject.links)
    assert resident.subject.kind in ("person", "person_linked")
    for column in ("access_type", "place"):
        assert finding_of(resident, column).personal, column


def test_a_codefendant_is_a_person(tmp_path: Path) -> None:
    """A `Codefendant` document (first, last and other names) is about a person: every name of
    theirs is their name, `other_names` included."""
    doc = {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": "Codefendant",
        "type": "object",
        "properties": {
            "first_name": {"type": "string"},
            "last_name": {"type": "string"},
            "other_names": {"type": ["string", "null"]},
        },
    }
    results = _scan(tmp_path, {"codefendant.json": json.dumps(doc)})
    codefendant = results["Codefendant"]
    assert codefendant.subject.kind == "person"
    assert finding_of(codefendant, "other_names").personal


HELPERS = """
CREATE TABLE users (id bigint PRIMARY KEY, name varchar(50), email varchar(100));
CREATE TABLE unit (id bigint PRIMARY KEY, unit_number varchar(10), floor int);
CREATE TABLE helper_registry (id bigint PRIMARY KEY, helper_name varchar(50), phone varchar(20),
  registered_by bigint REFERENCES users(id));
CREATE TABLE helper_unit_mapping (id bigint PRIMARY KEY,
  helper_id bigint REFERENCES helper_registry(id), unit_id bigint REFERENCES unit(id),
  start_date date, end_date date);
"""


def test_a_table_mapping_people_to_units_is_not_the_units(tmp_path: Path) -> None:
    """`helper_unit_mapping` ends in an organisation's word (`unit`) but maps a registered helper
    to the units they work in: not the unit's rows, so when the helper started and stopped
    working there is theirs."""
    results = _scan(tmp_path, {"society.sql": HELPERS})
    mapping = results["helper_unit_mapping"]
    assert mapping.subject.kind == "person_linked"
    for column in ("start_date", "end_date"):
        assert finding_of(mapping, column).personal, column


DOOR_LOG = """
CREATE TABLE `door_staff_record` (
  `id` int UNSIGNED NOT NULL AUTO_INCREMENT,
  `name` varchar(255) COMMENT '姓名',
  `user_id` varchar(255) COMMENT '用户id',
  `floor_num` varchar(255) COMMENT '楼层',
  `build_name` varchar(255) COMMENT '建筑名称',
  `room_name` varchar(255) COMMENT '房间名字',
  `room_id` varchar(255) COMMENT '房间id',
  `gate_type` varchar(10) COMMENT '类型。0:入场,1:出场',
  `visit_time` varchar(255) COMMENT '访问时间',
  `snap_pic_info` longtext COMMENT '抓拍图片的base64编码',
  PRIMARY KEY (`id`)
) COMMENT = '门禁-员工记录';
CREATE TABLE `staff_office` (
  `id` int UNSIGNED NOT NULL AUTO_INCREMENT,
  `name` varchar(255) COMMENT '姓名',
  `user_id` varchar(255) COMMENT '用户id',
  `room_name` varchar(255) COMMENT '房间名字',
  PRIMARY KEY (`id`)
) COMMENT = '员工办公室';
"""


def test_where_a_person_passed_a_door_is_their_movement_track(tmp_path: Path) -> None:
    """On an access-control record, the building, floor and room of the passage are points of
    the person's movement track (sensitive) and the snapshot taken at the gate is their face;
    the room's key stays a link and the passage's direction stays a plain attribute."""
    results = _scan(tmp_path, {"door.sql": DOOR_LOG})
    door = results["door_staff_record"]
    for column in ("floor_num", "build_name", "room_name"):
        found = finding_of(door, column)
        assert found.element == "pi.location.track", column
        assert found.sensitive, column
    assert finding_of(door, "snap_pic_info").element == "pi.biometric.face"
    assert finding_of(door, "room_id").element != "pi.location.track"
    assert not finding_of(door, "gate_type").sensitive
    office = finding_of(results["staff_office"], "room_name")
    assert office.element != "pi.location.track"
