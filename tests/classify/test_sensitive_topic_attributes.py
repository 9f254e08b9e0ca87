"""On a record of a sensitive kind, an otherwise unnamed piece of information about the person
takes that kind: the question and the answer of an online consultation chat are the messages
(GB/T 35273 Annex B: 通信内容), sensitive as the record is; its type (`msg_type`) is not what
it holds. The same columns on a table of another kind stay other information about the person,
not sensitive."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of
from builders import scan_files as _scan

CHAT = """\
CREATE TABLE `yonghu` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `xingming` varchar(200) DEFAULT NULL COMMENT '姓名',
  `shouji` varchar(200) DEFAULT NULL COMMENT '手机',
  PRIMARY KEY (`id`)
) COMMENT='用户';
CREATE TABLE `chat` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `addtime` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT '创建时间',
  `userid` bigint(20) NOT NULL COMMENT '用户id',
  `adminid` bigint(20) DEFAULT NULL COMMENT '管理员id',
  `ask` longtext COMMENT '提问',
  `reply` longtext COMMENT '回复',
  `msg_type` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`)
) COMMENT='在线咨询';
CREATE TABLE `feedback` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `userid` bigint(20) NOT NULL COMMENT '用户id',
  `ask` longtext COMMENT '提问',
  `reply` longtext COMMENT '回复',
  PRIMARY KEY (`id`)
) COMMENT='问题反馈';
"""


def test_the_question_and_answer_of_a_chat_are_its_messages(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"db.sql": CHAT})
    chat = results["chat"]
    for column in ("ask", "reply"):
        found = finding_of(chat, column)
        assert found.personal and found.sensitive, column
        assert found.element == "pi.communication.content", column
    # what kind of message a row is says nothing of what it holds
    assert not finding_of(chat, "msg_type").sensitive
    feedback = results["feedback"]
    for column in ("ask", "reply"):
        found = finding_of(feedback, column)
        assert not found.sensitive, column


PATIENTS = """\
CREATE TABLE all_patients
(
emr_id                    varchar(50),
dossier_id                varchar(50),
patient_id                varchar(100),
commune                   varchar(255),
locality                  varchar(255),
registration_date         date,
name                      varchar(50),
family_name               varchar(50),
dob                       date,
gender                    varchar(2),
dead                      bit,
death_date                date,
cause_of_death            varchar(100),
health_center             varchar(255)
)
;
"""


def test_the_keys_of_a_patients_record_do_not_take_its_health_topic(tmp_path: Path) -> None:
    """A key of a record (a patient's `emr_id`, `dossier_id`) says which record it is, not what
    it holds: on a health topic it stays an attribute of the patient; on a message (a record
    between persons) a key such as the group it was sent to is part of the message."""
    patients = _scan(tmp_path, {"all_patients.sql": PATIENTS})["all_patients"]
    for column in ("emr_id", "dossier_id"):
        found = finding_of(patients, column)
        assert found.personal, column
        assert not found.sensitive, column
    assert finding_of(patients, "cause_of_death").sensitive
