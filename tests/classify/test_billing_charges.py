"""A bill's charges are not criminal charges: the columns of a table of fees charged to a
customer or a student (`charge_amount`, `charge_type`, `charge_time`) are that person's purchase
or ledger, not a criminal record. An accusation is still read where it is said as one."""

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
