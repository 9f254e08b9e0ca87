"""A schema that gives every table the same one-word primary key (`uid` as an auto-increment row
number) does not make every table a user's record; a table named with a record tail written
together (`schoolinfo`, `parentinfo`) is read by its words, and keys named after it (`parent_id`)
point at it; a conversation with a sender is a person's message log."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

DDL = """
CREATE TABLE schoolinfo (
  uid INT(11) NOT NULL AUTO_INCREMENT,
  school_id VARCHAR(20) NOT NULL,
  province VARCHAR(20) NOT NULL,
  city VARCHAR(20) NOT NULL,
  name VARCHAR(20) NOT NULL,
  phone VARCHAR(16) NOT NULL,
  PRIMARY KEY (uid)
);
CREATE TABLE releases (
  uid INT(11) NOT NULL AUTO_INCREMENT,
  version_name VARCHAR(20) NOT NULL,
  summary VARCHAR(256) NOT NULL,
  file_size BIGINT(20) NOT NULL,
  PRIMARY KEY (uid)
);
CREATE TABLE parentinfo (
  uid INT(11) NOT NULL AUTO_INCREMENT,
  parent_id VARCHAR(40) NOT NULL,
  name VARCHAR(20) NOT NULL,
  phone VARCHAR(16) NOT NULL,
  birthday DATE,
  PRIMARY KEY (uid)
);
CREATE TABLE newsread (
  uid INT(11) NOT NULL AUTO_INCREMENT,
  parent_id VARCHAR(40) NOT NULL,
  news_id INT(11) NOT NULL,
  readTime BIGINT NOT NULL,
  PRIMARY KEY (uid)
);
CREATE TABLE conversation (
  uid INT(11) NOT NULL AUTO_INCREMENT,
  phone VARCHAR(16) NOT NULL,
  content TEXT,
  sender VARCHAR(40) NOT NULL,
  PRIMARY KEY (uid)
);
"""


def _scan(tmp_path: Path) -> dict[str, object]:
    (tmp_path / "app.sql").write_text(DDL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {d.dataset.name: d for d in result.datasets}


def test_a_shared_row_number_links_no_table_to_a_user(tmp_path: Path) -> None:
    found = _scan(tmp_path)
    releases = found["releases"]
    assert releases.subject.kind != "person_linked"  # type: ignore[attr-defined]
    assert not any(f.personal for f in releases.findings)  # type: ignore[attr-defined]


def test_a_glued_record_tail_leaves_the_school_an_organisation(tmp_path: Path) -> None:
    school = _scan(tmp_path)["schoolinfo"]
    assert school.subject.kind == "organisation"  # type: ignore[attr-defined]
    personal = {f.field.name for f in school.findings if f.personal}  # type: ignore[attr-defined]
    assert not personal & {"province", "city", "name"}


def test_a_key_named_after_an_info_table_points_at_it(tmp_path: Path) -> None:
    read = _scan(tmp_path)["newsread"]
    assert read.subject.kind == "person_linked"  # type: ignore[attr-defined]
    assert [lk.target for lk in read.subject.links] == ["parentinfo"]  # type: ignore[attr-defined]
    by_name = {f.field.name: f for f in read.findings}  # type: ignore[attr-defined]
    assert by_name["readTime"].personal


def test_a_conversation_with_a_sender_is_a_message_log(tmp_path: Path) -> None:
    talk = _scan(tmp_path)["conversation"]
    assert talk.subject.kind == "person_linked"  # type: ignore[attr-defined]
    by_name = {f.field.name: f for f in talk.findings}  # type: ignore[attr-defined]
    assert by_name["sender"].personal
