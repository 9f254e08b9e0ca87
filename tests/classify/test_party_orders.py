"""An order keyed by the buyer (`order_info.userid`; `accountid` in a travel agency's orders) is
that person's order, even when it counts the travellers it covers (`count` '订单人数'); a report counting people with no
one's key stays a report on a group. A traveller's roommate is their lodging (住宿信息)."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

TRAVEL = """
CREATE TABLE `user` (
  `userid` bigint(20) NOT NULL AUTO_INCREMENT,
  `mobile` varchar(20) DEFAULT NULL COMMENT '手机号',
  `nickname` varchar(50) DEFAULT NULL COMMENT '昵称',
  PRIMARY KEY (`userid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='用户';
CREATE TABLE `order_info` (
  `orderid` bigint(20) NOT NULL AUTO_INCREMENT COMMENT '订单id',
  `userid` bigint(20) NOT NULL COMMENT '用户id',
  `routeid` bigint(20) NOT NULL,
  `status` smallint(4) NOT NULL DEFAULT '0' COMMENT '订单状态',
  `count` smallint(4) NOT NULL DEFAULT '0' COMMENT '订单人数',
  `price` bigint(20) NOT NULL DEFAULT '0' COMMENT '订单总价',
  `add_time` bigint(20) DEFAULT NULL COMMENT '创建时间',
  PRIMARY KEY (`orderid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='订单信息';
CREATE TABLE `order_traveller` (
  `travellerid` bigint(20) NOT NULL AUTO_INCREMENT,
  `orderid` bigint(20) NOT NULL,
  `name` varchar(255) DEFAULT '' COMMENT '姓名',
  `mobile` varchar(255) DEFAULT '' COMMENT '手机',
  `roommate` varchar(255) DEFAULT '' COMMENT '室友',
  PRIMARY KEY (`travellerid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='出行人';
CREATE TABLE `ga_events` (
  `id` int NOT NULL,
  `post_user_id` int NOT NULL DEFAULT '0',
  `group_name` varchar(100) COMMENT '群体名称',
  `people_number` varchar(32) NOT NULL DEFAULT '' COMMENT '人数规模',
  `happen_time` datetime COMMENT '发生时间'
) COMMENT='群体事件';
CREATE TABLE `outbreak_report` (
  `id` int NOT NULL,
  `school` varchar(100) COMMENT '学校',
  `cases` int COMMENT '发病人数',
  `report_date` date COMMENT '报告日期'
) COMMENT='疫情报告';
"""


def test_an_order_for_a_party_is_the_buyers(tmp_path: Path) -> None:
    order = _scan(tmp_path, {"travel.sql": TRAVEL})["order_info"]
    assert order.subject.kind == "person_linked"
    for column in ("status", "count", "price"):
        assert _finding(order, column).personal, column


def test_a_count_with_no_ones_key_is_a_group_report(tmp_path: Path) -> None:
    report = _scan(tmp_path, {"travel.sql": TRAVEL})["outbreak_report"]
    assert report.subject.kind != "person_linked"


def test_an_event_counting_people_stays_a_group_report(tmp_path: Path) -> None:
    """An event posted by a user that counts the people involved (a group incident) is no one's
    order: the count of people says it reports on a group."""
    event = _scan(tmp_path, {"travel.sql": TRAVEL})["ga_events"]
    assert event.subject.kind != "person_linked"
    assert not _finding(event, "happen_time").personal


def test_a_travellers_roommate_is_their_lodging(tmp_path: Path) -> None:
    traveller = _scan(tmp_path, {"travel.sql": TRAVEL})["order_traveller"]
    roommate = _finding(traveller, "roommate")
    assert roommate.personal and roommate.sensitive


# A government reception office's record of receiving a visiting guest (the shape of a reception
# management system's MySQL script): it names the guest, counts their party, and says who
# received them. A table of visiting parties' sizes with no one's name stays a report.
RECEPTION = """
CREATE TABLE `guest_info` (
  `id` int(128) NOT NULL AUTO_INCREMENT,
  `guest_name` varchar(255) DEFAULT NULL COMMENT '宾客姓名',
  `telphone` varchar(255) DEFAULT NULL COMMENT '联系电话',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='宾客信息';
CREATE TABLE `reception_record` (
  `id` int(128) NOT NULL AUTO_INCREMENT,
  `reception_number` varchar(128) DEFAULT NULL COMMENT '接待编号',
  `reception_date` date DEFAULT NULL COMMENT '接待日期',
  `reception_person` varchar(255) DEFAULT NULL COMMENT '接待人员',
  `guest_name` varchar(255) DEFAULT NULL COMMENT '宾客姓名',
  `guest_num` int(11) DEFAULT NULL COMMENT '来宾人数',
  `reception_days` varchar(10) DEFAULT NULL COMMENT '接待天数',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='接待记录';
CREATE TABLE `reception_stat` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `graduate_num` int(11) DEFAULT NULL,
  `guest_num` int(11) DEFAULT NULL COMMENT '来宾人数',
  `reception_date` date DEFAULT NULL COMMENT '接待日期',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
"""


def test_a_visit_naming_its_guest_is_the_guests_however_many_came(tmp_path: Path) -> None:
    """The name of a served person (`guest_name`: a guest is a customer) beside the size of
    their party (来宾人数) makes the row that person's visit, as a buyer's key makes an order
    for a party the buyer's: its date and its number are theirs."""
    found = _scan(tmp_path, {"reception.sql": RECEPTION})
    record = found["reception_record"]
    assert record.subject.kind == "person_linked"
    for column in ("reception_date", "reception_number"):
        assert _finding(record, column).personal, column
    stat = found["reception_stat"]
    assert stat.subject.kind != "person_linked"
    assert not _finding(stat, "reception_date").personal
