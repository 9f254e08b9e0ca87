"""Whose rows a Liquibase changelog's tables hold, by their declared keys.

OpenMRS modules stamp every table with who created, changed and voided the row (`creator`,
`changed_by`, `voided_by` → users). Those keys say who wrote the row, not whom it is about: a
room-to-provider map or a service's weekly hours stay the clinic's set-up. A queue entry keyed to
a patient (`queue_entry.patient_id` → patient) is that patient's place in a clinic queue, a record
of their care, although `queue` names a system's job queue elsewhere."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

from dataflow.model import DatasetResult

_AUDIT = """
            <column name="creator" type="int"><constraints nullable="false"/></column>
            <column name="date_created" type="datetime"><constraints nullable="false"/></column>
            <column name="changed_by" type="int"/>
            <column name="date_changed" type="datetime"/>
            <column name="voided" type="boolean" defaultValueBoolean="false"/>
            <column name="voided_by" type="int"/>
            <column name="date_voided" type="datetime"/>
            <column name="void_reason" type="varchar(255)"/>
            <column name="uuid" type="char(38)"><constraints nullable="false" unique="true"/></column>
"""


def _stamps(table: str) -> str:
    return "".join(
        f"""
        <addForeignKeyConstraint baseTableName="{table}" baseColumnNames="{column}"
            constraintName="{table}_{column}_fk" referencedTableName="users"
            referencedColumnNames="user_id"/>"""
        for column in ("creator", "changed_by", "voided_by")
    )


CHANGELOG = f"""<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
    <changeSet id="add_room_provider_map" author="dev">
        <createTable tableName="room_provider_map">
            <column name="room_provider_map_id" type="int" autoIncrement="true">
                <constraints primaryKey="true"/>
            </column>
            <column name="queue_room_id" type="int"><constraints nullable="false"/></column>
            <column name="provider_id" type="int"><constraints nullable="false"/></column>
            {_AUDIT}
        </createTable>
        {_stamps("room_provider_map")}
    </changeSet>
    <changeSet id="add_queue_entry" author="dev">
        <createTable tableName="queue_entry">
            <column name="queue_entry_id" type="int" autoIncrement="true">
                <constraints primaryKey="true"/>
            </column>
            <column name="queue_id" type="int"><constraints nullable="false"/></column>
            <column name="patient_id" type="int"><constraints nullable="false"/></column>
            <column name="priority" type="int"><constraints nullable="false"/></column>
            <column name="priority_comment" type="varchar(255)"/>
            <column name="status" type="int"><constraints nullable="false"/></column>
            <column name="started_at" type="datetime"><constraints nullable="false"/></column>
            <column name="ended_at" type="datetime"/>
            {_AUDIT}
        </createTable>
        {_stamps("queue_entry")}
        <addForeignKeyConstraint baseTableName="queue_entry" baseColumnNames="patient_id"
            constraintName="queue_entry_patient_id_fk" referencedTableName="patient"
            referencedColumnNames="patient_id"/>
    </changeSet>
</databaseChangeLog>
"""


def _scan(tmp_path: Path) -> dict[str, DatasetResult]:
    return scan_files(tmp_path, {"liquibase.xml": CHANGELOG})


def test_row_stamps_of_who_wrote_the_row_make_no_persons_record(tmp_path: Path) -> None:
    rooms = _scan(tmp_path)["room_provider_map"]
    assert rooms.subject is not None and rooms.subject.kind != "person_linked"
    assert not any(
        f.personal for f in rooms.findings if f.field.name in ("voided", "void_reason", "uuid")
    )


def test_a_queue_entry_keyed_to_a_patient_is_the_patients_record(tmp_path: Path) -> None:
    entry = _scan(tmp_path)["queue_entry"]
    assert entry.subject is not None and entry.subject.kind == "person_linked"
    assert entry.subject.role == "patient"
    found = {f.field.name: f for f in entry.findings}
    for column in ("priority", "priority_comment", "started_at", "ended_at"):
        assert found[column].personal, column


# A pet hospital's notices, stamped with the doctor who wrote and changed them: the creator's key
# is misspelt (`creat_id`), so only its comment says it is a row stamp.
NOTICES = """
CREATE TABLE `doctor` (
  `doctor_id` int NOT NULL AUTO_INCREMENT COMMENT '医生id',
  `doctor_name` varchar(32) NOT NULL COMMENT '医生姓名',
  `doctor_phone` varchar(11) DEFAULT NULL COMMENT '手机号',
  PRIMARY KEY (`doctor_id`)
) COMMENT='医生表';
CREATE TABLE `notice` (
  `notice_id` int NOT NULL AUTO_INCREMENT COMMENT '公告id',
  `notice_title` varchar(64) NOT NULL COMMENT '公告标题',
  `notice_file` varchar(64) NOT NULL COMMENT '文本文件名称',
  `creat_id` int NOT NULL COMMENT '创建人id',
  `create_time` datetime DEFAULT NULL COMMENT '创建时间',
  `update_id` int DEFAULT NULL COMMENT '修改人id',
  PRIMARY KEY (`notice_id`),
  CONSTRAINT `notice_ibfk_1` FOREIGN KEY (`update_id`) REFERENCES `doctor` (`doctor_id`),
  CONSTRAINT `notice_ibfk_2` FOREIGN KEY (`creat_id`) REFERENCES `doctor` (`doctor_id`)
);
"""


def test_a_key_whose_comment_names_the_rows_creator_makes_no_persons_record(
    tmp_path: Path,
) -> None:
    notice = scan_files(tmp_path, {"pets.sql": NOTICES})["notice"]
    assert notice.subject is not None and notice.subject.kind != "person_linked"
    found = {f.field.name: f for f in notice.findings}
    assert not found["notice_title"].personal and not found["notice_file"].personal
