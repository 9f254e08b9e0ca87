"""A pet hospital's appointment (挂号单) is keyed by the pet as well as by its owner: the visit is
the animal's care, information about the owner (who booked it) but not the owner's health. A
clinic's appointment for people, keyed by no animal, stays a record of the patient's care.
Excerpt of a public MySQL dump (a pet hospital)."""

from __future__ import annotations

from pathlib import Path

from builders import scan_tables

PET_HOSPITAL = """
CREATE TABLE `client` (
  `client_id` int NOT NULL AUTO_INCREMENT COMMENT '用户id',
  `client_name` varchar(32) NOT NULL COMMENT '用户姓名',
  `client_phone` varchar(11) DEFAULT NULL COMMENT '手机号',
  PRIMARY KEY (`client_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COMMENT='用户表';
CREATE TABLE `pet` (
  `pet_id` int NOT NULL AUTO_INCREMENT COMMENT '宠物id',
  `pet_name` varchar(32) DEFAULT NULL COMMENT '宠物名',
  `client_id` int NOT NULL COMMENT '主人id',
  PRIMARY KEY (`pet_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COMMENT='宠物表';
CREATE TABLE `appointment` (
  `appointment_id` int NOT NULL AUTO_INCREMENT COMMENT '挂号单id',
  `client_id` int NOT NULL COMMENT '用户id',
  `pet_id` int NOT NULL COMMENT '宠物id',
  `appointment_date` datetime NOT NULL COMMENT '就诊时间',
  `doctor_id` int NOT NULL COMMENT '医生id',
  `appointment_info` varchar(64) DEFAULT NULL COMMENT '挂号简短信息',
  PRIMARY KEY (`appointment_id`),
  CONSTRAINT `fk_appointment_client` FOREIGN KEY (`client_id`) REFERENCES `client` (`client_id`),
  CONSTRAINT `fk_appointment_pet` FOREIGN KEY (`pet_id`) REFERENCES `pet` (`pet_id`)
) ENGINE=InnoDB AUTO_INCREMENT=8 DEFAULT CHARSET=utf8mb3 COMMENT='挂号单表';
"""

CLINIC = (
    PET_HOSPITAL.replace("`pet_id` int NOT NULL COMMENT '宠物id',\n", "")
    .replace(
        "  CONSTRAINT `fk_appointment_pet` FOREIGN KEY (`pet_id`) REFERENCES `pet` (`pet_id`)\n", ""
    )
    .replace("REFERENCES `client` (`client_id`),", "REFERENCES `client` (`client_id`)")
)


def test_a_pets_visit_is_no_persons_health(tmp_path: Path) -> None:
    visit = scan_tables(tmp_path, PET_HOSPITAL)["appointment"]
    for column in ("appointment_date", "appointment_info"):
        found = visit[column]
        assert found.personal, column
        assert not found.sensitive, column


def test_a_persons_visit_stays_health(tmp_path: Path) -> None:
    visit = scan_tables(tmp_path, CLINIC)["appointment"]
    assert "pet_id" not in visit
    assert visit["appointment_date"].sensitive
