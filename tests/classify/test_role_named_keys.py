"""A whole number named by a role alone (`leaves.employee INT`, `contas.cliente INT`) is the key
of that person, written without a key suffix: the rows are that person's records (a leave
request, an overtime entry), and what they say is about them. A count of people (`members`) or
a text column named by a role is no such key."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

LEAVE = """
CREATE TABLE users (
  id int(11) NOT NULL AUTO_INCREMENT,
  firstname varchar(255) DEFAULT NULL,
  lastname varchar(255) DEFAULT NULL,
  PRIMARY KEY (id)
);
CREATE TABLE leaves (
  id int(11) NOT NULL AUTO_INCREMENT,
  startdate date DEFAULT NULL,
  enddate date DEFAULT NULL,
  employee int(11) DEFAULT NULL COMMENT 'Employee requesting the leave request',
  duration decimal(10,3) DEFAULT NULL,
  PRIMARY KEY (id)
);
CREATE TABLE teams (
  id int(11) NOT NULL AUTO_INCREMENT,
  title varchar(100) DEFAULT NULL,
  members int(11) DEFAULT NULL,
  PRIMARY KEY (id)
);
"""


def test_a_role_named_number_links_the_rows_to_that_person(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"leave.sql": LEAVE})
    leaves = results["leaves"]
    assert leaves.subject.kind == "person_linked" and leaves.subject.role == "employee"
    for column in ("startdate", "enddate", "duration"):
        assert _finding(leaves, column).personal, column


def test_a_count_of_people_is_no_key(tmp_path: Path) -> None:
    teams = _scan(tmp_path, {"leave.sql": LEAVE})["teams"]
    assert teams.subject.kind != "person_linked"
    assert not _finding(teams, "title").personal
