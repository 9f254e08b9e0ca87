"""Who added, performed, organised or initiated a row is the member of staff who handled it, not
whom the row is about: a kindergarten's list of rewards and deductions for its teachers, each
item with the `add_user` who entered it, is a list of rules (configuration), not that user's
record, so its items, scores and status are no one's personal information. A key of the row's
own person (`teacher_id` of a teacher's score) still makes the row that person's. Excerpt of a
public MySQL schema (a kindergarten's management system)."""

from __future__ import annotations

from pathlib import Path

from builders import scan_tables

KINDERGARTEN = """
CREATE TABLE `custom_list` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `reward` varchar(255) DEFAULT NULL,
  `reward_item` varchar(255) DEFAULT NULL,
  `direction` varchar(255) DEFAULT NULL,
  `low_score` int(3) DEFAULT NULL,
  `high_score` int(3) DEFAULT NULL,
  `custom_status` varchar(255) DEFAULT NULL,
  `add_user` varchar(255) DEFAULT NULL,
  `add_time` date DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=7 DEFAULT CHARSET=utf8;
CREATE TABLE `teacher_score` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `teacher_id` int(11) DEFAULT NULL,
  `custom_id` int(11) DEFAULT NULL,
  `score` int(3) DEFAULT NULL,
  `add_user` varchar(255) DEFAULT NULL,
  `add_time` date DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
"""


def test_a_list_added_by_a_user_is_no_ones_record(tmp_path: Path) -> None:
    tables = scan_tables(tmp_path, KINDERGARTEN)
    rules = tables["custom_list"]
    assert rules["subject"].kind != "person_linked"
    for column in ("reward", "reward_item", "low_score", "high_score", "custom_status"):
        assert not rules[column].personal, column


def test_a_row_keyed_by_its_own_person_stays_theirs(tmp_path: Path) -> None:
    tables = scan_tables(tmp_path, KINDERGARTEN)
    score = tables["teacher_score"]
    assert score["subject"].kind == "person_linked"
    assert score["score"].personal
