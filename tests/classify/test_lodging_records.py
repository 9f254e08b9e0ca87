"""A record of guests' stays named after the place (`accommodation_record` '接待住房记录'): the
rows are the guests' lodging (GB/T 35273 Annex B: 住宿信息, sensitive), not the hotel's own data;
a table of hotels stays the organisations'."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

RECEPTION = """
CREATE TABLE `accommodation_record` (
  `id` int(128) NOT NULL AUTO_INCREMENT,
  `reception_number` varchar(128) DEFAULT NULL COMMENT '接待编号',
  `hotel` varchar(255) DEFAULT NULL COMMENT '住宿酒店',
  `room_number` varchar(128) DEFAULT NULL COMMENT '房间号码',
  `checkin_time` date DEFAULT NULL COMMENT '入住时间',
  `checkout_time` date DEFAULT NULL COMMENT '退房时间',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='接待住房记录';

CREATE TABLE `hotel` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `hotel_name` varchar(255) DEFAULT NULL COMMENT '酒店名称',
  `address` varchar(255) DEFAULT NULL COMMENT '酒店地址',
  `telephone` varchar(32) DEFAULT NULL COMMENT '酒店电话',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='酒店信息';
"""


def test_a_record_of_stays_is_the_guests_lodging(tmp_path: Path) -> None:
    stays = _scan(tmp_path, {"reception.sql": RECEPTION})["accommodation_record"]
    assert stays.subject.kind == "person_linked"
    for column in ("room_number", "checkin_time", "checkout_time"):
        found = _finding(stays, column)
        assert found.personal and found.sensitive, column


def test_a_table_of_hotels_stays_the_organisations(tmp_path: Path) -> None:
    hotels = _scan(tmp_path, {"reception.sql": RECEPTION})["hotel"]
    assert hotels.subject.kind == "organisation"
    assert not _finding(hotels, "telephone").personal


HOTEL = """
CREATE TABLE `livein` (
  `pk` int NOT NULL AUTO_INCREMENT,
  `r_no` varchar(20) COMMENT '房间号',
  `c_name` varchar(40) COMMENT '客人姓名',
  `zj_no` varchar(30) COMMENT '证件号码',
  `days` int COMMENT '天数',
  PRIMARY KEY (`pk`)
) COMMENT='入住登记';
"""


def test_nights_of_a_stay_are_lodging(tmp_path: Path) -> None:
    """On a table of stays (入住登记), how many nights the guest stays is their lodging."""
    stay = _scan(tmp_path, {"hotel.sql": HOTEL})["livein"]
    days = _finding(stay, "days")
    assert days.personal and days.sensitive


FRONT_DESK = """
CREATE TABLE `checkin` (
  `cid` int(11) NOT NULL AUTO_INCREMENT,
  `end_time` datetime DEFAULT NULL,
  `identity_number` varchar(255) DEFAULT NULL,
  `name` varchar(255) DEFAULT NULL,
  `room_number` varchar(255) DEFAULT NULL,
  `room_price` int(11) DEFAULT NULL,
  `sex` smallint(6) DEFAULT NULL,
  `start_time` datetime DEFAULT NULL,
  PRIMARY KEY (`cid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE `enrolment` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `identity_number` varchar(255) DEFAULT NULL,
  `name` varchar(255) DEFAULT NULL,
  `course` varchar(255) DEFAULT NULL,
  `start_time` datetime DEFAULT NULL,
  `end_time` datetime DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
"""


def test_a_guests_check_in_with_an_identity_number_is_their_stay(tmp_path: Path) -> None:
    """A hotel front desk's `checkin` (no comments, excerpt of a public MySQL schema): the
    identity number makes the rows people, their name is a name, and with the room number the
    start and end of the row are when the guest's stay began and ended: their lodging."""
    found = _scan(tmp_path, {"desk.sql": FRONT_DESK})
    checkin = found["checkin"]
    assert checkin.subject.kind == "person"
    assert _finding(checkin, "name").element == "pi.identity.name"
    for column in ("room_number", "start_time", "end_time"):
        stay = _finding(checkin, column)
        assert stay.element == "pi.location.accommodation" and stay.sensitive, column
    enrolment = found["enrolment"]
    for column in ("start_time", "end_time"):
        assert not _finding(enrolment, column).sensitive, column


SHARED_PARKING = """
CREATE TABLE `ps_park_shared` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `community_name` varchar(30) NOT NULL DEFAULT '' COMMENT '小区名称',
  `room_name` varchar(50) NOT NULL DEFAULT '' COMMENT '房号',
  `publish_id` varchar(30) NOT NULL DEFAULT '' COMMENT '发布人id',
  `publish_mobile` varchar(30) NOT NULL DEFAULT '' COMMENT '发布人手机',
  `start_date` int(11) NOT NULL DEFAULT '0' COMMENT '开始日期',
  `end_date` int(11) NOT NULL DEFAULT '0' COMMENT '结束日期',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='发布共享';
"""


def test_a_residents_shared_parking_period_is_no_stay(tmp_path: Path) -> None:
    """A resident sharing their parking space (a property-management schema): the room number
    beside the estate (小区) is their home, and the period is the share's, not a hotel stay."""
    shared = _scan(tmp_path, {"park.sql": SHARED_PARKING})["ps_park_shared"]
    for column in ("start_date", "end_date"):
        assert _finding(shared, column).element != "pi.location.accommodation", column
