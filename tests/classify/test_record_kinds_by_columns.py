"""Kinds of sensitive record that a table's columns make it, whatever it is called.

- A store of messages (a body, who sent it and to whom: a SIP server's store of messages kept for
  offline users) is some person's communication content (GB/T 35273-2020 Annex B: 通信内容),
  its times too, even where no column names a user.
- A person's history of visits whose columns point at several kinds of content they opened (an
  image, a category, a tag, a search) is their browsing record (网页浏览记录): when and where
  they looked too. A history of a person's jobs is not.
- A call dialog whose columns name its caller and its callee (a SIP proxy's `dialog`) is a call
  record (通话记录): its Call-ID, its From and To URIs and its start time too."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

from dataflow.model import FieldFinding

SQL = """
CREATE TABLE silo (
    id SERIAL PRIMARY KEY NOT NULL,
    src_addr VARCHAR(255) DEFAULT '' NOT NULL,
    dst_addr VARCHAR(255) DEFAULT '' NOT NULL,
    inc_time INTEGER DEFAULT 0 NOT NULL,
    snd_time INTEGER DEFAULT 0 NOT NULL,
    body BYTEA
);
CREATE TABLE gallery_history (
  id int NOT NULL,
  date date NOT NULL,
  time time NOT NULL,
  user_id int NOT NULL,
  section varchar(20),
  category_id int,
  tag_ids varchar(50),
  image_id int,
  PRIMARY KEY (id)
);
CREATE TABLE job_history (
  id int NOT NULL,
  user_id int NOT NULL,
  start_date date,
  department_id int,
  job_id int,
  PRIMARY KEY (id)
);
CREATE TABLE dialog (
    id SERIAL PRIMARY KEY NOT NULL,
    callid VARCHAR(255) NOT NULL,
    from_uri VARCHAR(128) NOT NULL,
    to_uri VARCHAR(128) NOT NULL,
    caller_contact VARCHAR(255) NOT NULL,
    callee_contact VARCHAR(255) NOT NULL,
    start_time INTEGER NOT NULL,
    req_uri VARCHAR(128) NOT NULL
);
"""


def _fields(tmp_path: Path) -> dict[str, dict[str, FieldFinding]]:
    found = scan_files(tmp_path, {"db.sql": SQL}, short=True)
    return {name: {f.field.name: f for f in r.findings} for name, r in found.items()}


def test_a_store_of_messages_is_communication_content(tmp_path: Path) -> None:
    silo = _fields(tmp_path)["silo"]
    assert silo["body"].sensitive and silo["body"].element == "pi.communication.content"
    for column in ("inc_time", "snd_time"):
        assert silo[column].sensitive, column


def test_a_history_of_content_opened_is_a_browsing_record(tmp_path: Path) -> None:
    found = _fields(tmp_path)
    history = found["gallery_history"]
    for column in ("date", "time", "section", "category_id", "image_id"):
        assert history[column].sensitive, column
        assert history[column].element == "pi.online_activity.browsing_history", column
    jobs = found["job_history"]
    assert not any(f.element == "pi.online_activity.browsing_history" for f in jobs.values())


def test_a_dialog_between_caller_and_callee_is_a_call_record(tmp_path: Path) -> None:
    dialog = _fields(tmp_path)["dialog"]
    for column in ("callid", "from_uri", "to_uri", "start_time"):
        assert dialog[column].sensitive, column
        assert dialog[column].element == "pi.communication.call_record", column
