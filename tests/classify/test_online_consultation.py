"""An online medical consultation (在线问诊) between a user and a doctor: what the user asks and
what the doctor answers (问诊内容, 问诊回复) is the patient's clinical record, sensitive (GB/T
35273 Annex B 病历, 诊疗记录), named in pinyin and said in the comment; the user's name and
account stay plain personal information."""

from __future__ import annotations

from pathlib import Path

from tests.builders import scan_files

DDL = """
CREATE TABLE `yonghu` (
  `id` bigint NOT NULL,
  `yonghuming` varchar(200) COMMENT '用户名',
  `xingming` varchar(200) COMMENT '姓名',
  PRIMARY KEY (`id`)
) COMMENT='用户';
CREATE TABLE `zaixianwenzhen` (
  `id` bigint NOT NULL,
  `wenzhenneirong` longtext COMMENT '问诊内容',
  `yonghuming` varchar(200) COMMENT '用户名',
  `xingming` varchar(200) COMMENT '姓名',
  `userid` bigint COMMENT '用户id',
  PRIMARY KEY (`id`)
);
"""


def test_what_a_patient_asks_a_doctor_online_is_their_clinical_record(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"db.sql": DDL})
    by_name = {f.field.name: f for f in found["zaixianwenzhen"].findings}
    assert by_name["wenzhenneirong"].element.startswith("pi.health.")
    assert by_name["wenzhenneirong"].sensitive
    assert not by_name["xingming"].sensitive
