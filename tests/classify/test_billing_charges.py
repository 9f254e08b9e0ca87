"""A bill's charges are not criminal charges: the columns of a table of fees charged to a
customer or a student (`charge_amount`, `charge_type`, `charge_time`) are that person's purchase
or ledger, not a criminal record. An accusation is still read where it is said as one. Nor is
a police register of residents (治安-实有人口管理) a criminal record; its cases (治安案件) are."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of
from builders import scan_files as _scan

SCHOOL_FEES = """\
CREATE TABLE `student` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(32) NOT NULL COMMENT '姓名',
  `mobile` varchar(16) NOT NULL COMMENT '手机号',
  PRIMARY KEY (`id`)
);
CREATE TABLE `student_charge_io` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `student_id` int(11) NOT NULL DEFAULT '0',
  `receipt_id` varchar(32) NOT NULL DEFAULT '' COMMENT '小票编号',
  `charge_amount` decimal(8,2) NOT NULL DEFAULT '0.00',
  `actual_charge_amount` decimal(8,2) NOT NULL DEFAULT '0.00',
  `custom_offer_amount` decimal(8,2) NOT NULL DEFAULT '0.00',
  `actual_charge_time` int(11) NOT NULL DEFAULT '0',
  `charge_type` int(11) NOT NULL DEFAULT '0',
  `pay_type` int(11) NOT NULL DEFAULT '0',
  PRIMARY KEY (`id`)
);
"""

SUSPECTS = """\
CREATE TABLE resident (
  id int PRIMARY KEY,
  full_name varchar(64),
  id_card varchar(18),
  criminal_charge varchar(200)
);
"""


def test_fees_charged_to_a_student_are_not_a_criminal_record(tmp_path: Path) -> None:
    charges = _scan(tmp_path, {"fees.sql": SCHOOL_FEES})["student_charge_io"]
    assert charges.subject.kind == "person_linked"
    for column in ("charge_amount", "actual_charge_amount", "actual_charge_time", "charge_type"):
        found = finding_of(charges, column)
        assert found.element != "pi.other.criminal_record", column
        assert not found.sensitive, column


def test_a_criminal_charge_said_as_one_is_still_a_criminal_record(tmp_path: Path) -> None:
    found = finding_of(_scan(tmp_path, {"suspects.sql": SUSPECTS})["resident"], "criminal_charge")
    assert found.element == "pi.other.criminal_record"
    assert found.sensitive


POLICE = """\
create table ZA_PEOPLE
(
  id      VARCHAR2(32) not null,
  SFZH    VARCHAR2(18),
  XM      VARCHAR2(60),
  CZHKDZ  VARCHAR2(180),
  WHCD    VARCHAR2(2)
);
comment on table ZA_PEOPLE
  is '治安-实有人口管理';
comment on column ZA_PEOPLE.SFZH
  is '身份证号';
comment on column ZA_PEOPLE.XM
  is '姓名';
comment on column ZA_PEOPLE.CZHKDZ
  is '常住户口地址';
comment on column ZA_PEOPLE.WHCD
  is '文化程度';
create table ZA_AJ
(
  id      VARCHAR2(32) not null,
  SFZH    VARCHAR2(18),
  XM      VARCHAR2(60),
  FSDD    VARCHAR2(180)
);
comment on table ZA_AJ
  is '治安案件当事人';
comment on column ZA_AJ.SFZH
  is '身份证号';
comment on column ZA_AJ.XM
  is '姓名';
comment on column ZA_AJ.FSDD
  is '发生地点';
"""


def test_a_police_register_of_residents_is_not_a_criminal_record(tmp_path: Path) -> None:
    """治安 (public order) names a police department's field, its register of the actual
    population too: the residents' address and education there are not criminal records; a
    table of public-order cases (治安案件) still is one."""
    results = _scan(tmp_path, {"police.sql": POLICE})
    people = results["ZA_PEOPLE"]
    for column in ("CZHKDZ", "WHCD"):
        found = finding_of(people, column)
        assert found.personal, column
        assert found.element != "pi.other.criminal_record", column
    case = finding_of(results["ZA_AJ"], "FSDD")
    assert case.element == "pi.other.criminal_record"
    assert case.sensitive
