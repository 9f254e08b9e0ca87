"""A pet's file kept by its owner (宠物档案, a pet hospital's records): the animal's health and
body data are information about the owner's belonging, not a person's health."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

# The shape of a pet-care app's schema: owners, their pets, the pets' medical records and
# vaccinations.
PETS = """
CREATE TABLE `t_pet_owner` (
  `id` bigint NOT NULL AUTO_INCREMENT COMMENT '主键',
  `name` varchar(32) COMMENT '主人姓名',
  `phone` varchar(11) COMMENT '手机号',
  `address` varchar(128) COMMENT '住址',
  PRIMARY KEY (`id`)
) COMMENT='宠物主人';
CREATE TABLE `t_pet` (
  `id` bigint NOT NULL AUTO_INCREMENT COMMENT '主键',
  `owner_id` bigint COMMENT '主人ID',
  `name` varchar(32) COMMENT '宠物名字',
  `breed` varchar(32) COMMENT '品种',
  `weight` decimal(5,2) COMMENT '体重(kg)',
  PRIMARY KEY (`id`),
  FOREIGN KEY (`owner_id`) REFERENCES t_pet_owner(`id`)
) COMMENT='宠物档案';
CREATE TABLE `t_pet_medical_record` (
  `id` bigint NOT NULL AUTO_INCREMENT COMMENT '主键',
  `pet_id` bigint COMMENT '宠物ID',
  `owner_id` bigint COMMENT '主人ID',
  `diagnosis` varchar(255) COMMENT '诊断结果',
  `prescription` varchar(255) COMMENT '处方',
  `visit_time` datetime COMMENT '就诊时间',
  PRIMARY KEY (`id`),
  FOREIGN KEY (`pet_id`) REFERENCES t_pet(`id`),
  FOREIGN KEY (`owner_id`) REFERENCES t_pet_owner(`id`)
) COMMENT='宠物病历';
"""


def test_a_pets_health_is_its_owners_information_not_sensitive(tmp_path: Path) -> None:
    """A pet's weight, diagnosis, prescription and visit, keyed by its owner: personal
    information about the owner (their belonging), not health information of a person."""
    found = _scan(tmp_path, {"pets.sql": PETS})
    checks = (
        ("t_pet", "weight"),
        *(("t_pet_medical_record", c) for c in ("diagnosis", "prescription", "visit_time")),
    )
    for table, column in checks:
        finding = _finding(found[table], column)
        assert finding.personal, (table, column)
        assert not finding.sensitive, (table, column)
        assert any(ev.rule == "subject-animal" for ev in finding.evidence), (table, column)


def test_a_pets_name_is_not_a_persons_name_but_the_owners_is(tmp_path: Path) -> None:
    """宠物名字 is the animal's name; the owners' own table (宠物主人) keeps its people's names."""
    found = _scan(tmp_path, {"pets.sql": PETS})
    assert _finding(found["t_pet"], "name").element == "pi.other.person_attribute"
    assert _finding(found["t_pet_owner"], "name").element == "pi.identity.name"


def test_a_patients_record_beside_an_animal_bite_stays_sensitive(tmp_path: Path) -> None:
    """A person's rabies vaccination after a dog bite (狂犬疫苗, 犬伤) is the person's health:
    the table is about the patient, not an animal."""
    ddl = """
    CREATE TABLE rabies_vaccination (id int PRIMARY KEY, patient_id int COMMENT '患者ID',
      bite_site varchar(64) COMMENT '犬伤部位', vaccine_date date COMMENT '狂犬疫苗接种日期',
      diagnosis varchar(255) COMMENT '诊断') COMMENT='狂犬病暴露处置登记';
    """
    table = _scan(tmp_path, {"rabies.sql": ddl})["rabies_vaccination"]
    assert _finding(table, "diagnosis").sensitive
