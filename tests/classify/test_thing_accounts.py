"""The login account of a thing (a parking project's `projectAccount`, a lane camera's
`deviceAccount`) is no person's key, so the tables keyed to that thing are not a person's
records; an operator who saved a template (`operateUser`) handled it, it is not about them."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

PARKING = """
CREATE TABLE `t_project` (
  `projectGuid` varchar(32) NOT NULL,
  `projectName` varchar(255) NOT NULL,
  `projectAccount` varchar(50) NOT NULL,
  `createTime` varchar(20) NOT NULL,
  PRIMARY KEY (`projectGuid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE `t_driveway` (
  `projectGuid` varchar(32) NOT NULL,
  `parkCode` varchar(20) NOT NULL,
  `guid` varchar(32) NOT NULL,
  `drivewayName` varchar(255) NOT NULL,
  `type` int(11) DEFAULT '0' COMMENT '0=入口车道 1=出口车道',
  `deviceName` varchar(255) NOT NULL COMMENT '关联设备名',
  `deviceAccount` varchar(255) DEFAULT NULL COMMENT '设备管理登录账户',
  PRIMARY KEY (`guid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE `t_permanenttemplate` (
  `projectGuid` varchar(32) NOT NULL,
  `parkCode` varchar(20) NOT NULL,
  `carTypeGuid` varchar(32) NOT NULL COMMENT '卡类型',
  `months` int(11) NOT NULL COMMENT '月数',
  `amount` decimal(10,2) NOT NULL COMMENT '金额',
  `operateUser` varchar(50) DEFAULT NULL COMMENT '最后一次操作人',
  `operateTime` varchar(20) DEFAULT NULL,
  PRIMARY KEY (`carTypeGuid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE `t_monthcard` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `projectGuid` varchar(32) NOT NULL,
  `parkCode` varchar(20) NOT NULL,
  `carNo` varchar(20) NOT NULL,
  `carOwnerName` varchar(50) DEFAULT NULL,
  `mobile` varchar(20) DEFAULT NULL,
  `startDate` varchar(20) DEFAULT NULL,
  `endDate` varchar(20) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE `user_account` (
  `id` int NOT NULL,
  `user_account` varchar(50) NOT NULL,
  `nickname` varchar(50) DEFAULT NULL,
  `balance` decimal(10,2) DEFAULT NULL
);
"""


def _files() -> dict[str, str]:
    """One file a table, as the project keeps them."""
    tables = [t for t in PARKING.split("CREATE TABLE ") if t.strip()]
    return {f"{t.split('`')[1]}.sql": "CREATE TABLE " + t for t in tables}


def test_a_things_login_is_no_persons_key(tmp_path: Path) -> None:
    results = _scan(tmp_path, _files())
    for table in ("t_project", "t_driveway"):
        assert results[table].subject.kind not in ("person", "person_linked"), table
    driveway = results["t_driveway"]
    for column in ("parkCode", "drivewayName", "type", "deviceName"):
        assert not _finding(driveway, column).personal, column
    assert not _finding(results["t_project"], "projectName").personal


def test_the_operator_of_a_template_is_not_its_subject(tmp_path: Path) -> None:
    results = _scan(tmp_path, _files())
    template = results["t_permanenttemplate"]
    assert template.subject.kind not in ("person", "person_linked")
    for column in ("parkCode", "months", "amount"):
        assert not _finding(template, column).personal, column
    assert _finding(template, "operateUser").personal


def test_a_car_owners_card_and_a_users_account_stay_personal(tmp_path: Path) -> None:
    results = _scan(tmp_path, _files())
    card = results["t_monthcard"]
    assert card.subject.kind == "person_linked"
    for column in ("carNo", "carOwnerName", "mobile", "startDate"):
        assert _finding(card, column).personal, column
    assert _finding(results["user_account"], "user_account").personal
