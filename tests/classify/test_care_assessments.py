"""An elderly person's care-needs assessment (护理评估: its date, type, score, risk level, result
and advice) and their care level (护理等级) describe their health (sensitive); a migrant
worker's bought or built house is their real estate (房产信息, sensitive)."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

CARE = """
CREATE TABLE `elderly` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(50) NOT NULL COMMENT '姓名',
  `id_card` varchar(18) COMMENT '身份证号',
  PRIMARY KEY (`id`)
) COMMENT='老人信息表';
CREATE TABLE `elderly_care_assessment` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `elderly_id` bigint NOT NULL,
  `assessment_date` date NOT NULL,
  `assessment_type` varchar(20) NOT NULL COMMENT '评估类型:ADL,IADL,认知,营养',
  `total_score` int NOT NULL,
  `risk_level` varchar(10) NOT NULL COMMENT '风险等级:LOW,MEDIUM,HIGH,CRITICAL',
  `suggestions` text,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE `nurse_elderly_relation` (
  `id` BIGINT NOT NULL AUTO_INCREMENT COMMENT '关联ID',
  `nurse_id` BIGINT NOT NULL COMMENT '护工ID',
  `elderly_id` BIGINT NOT NULL COMMENT '老人ID',
  `care_level` TINYINT DEFAULT NULL COMMENT '照护等级: 1-一级照护, 2-二级照护, 3-三级照护, 4-特级照护',
  PRIMARY KEY (`id`)
);
CREATE TABLE `workerinfo` (
  `workerinfo_ID` int NOT NULL AUTO_INCREMENT,
  `name` varchar(20),
  `date_birth` date,
  `buy_house` varchar(20),
  `build_house` varchar(20),
  PRIMARY KEY (`workerinfo_ID`)
);
"""


def test_a_care_assessment_is_health_information(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"care.sql": CARE})["elderly_care_assessment"]
    for column in (
        "assessment_date",
        "assessment_type",
        "total_score",
        "risk_level",
        "suggestions",
    ):
        f = _finding(found, column)
        assert f.personal and f.sensitive, column


def test_a_care_level_is_health_information(tmp_path: Path) -> None:
    level = _finding(_scan(tmp_path, {"care.sql": CARE})["nurse_elderly_relation"], "care_level")
    assert level.personal and level.sensitive


def test_a_bought_or_built_house_is_real_estate(tmp_path: Path) -> None:
    worker = _scan(tmp_path, {"care.sql": CARE})["workerinfo"]
    for column in ("buy_house", "build_house"):
        f = _finding(worker, column)
        assert f.element == "pi.financial.real_estate" and f.sensitive, column
