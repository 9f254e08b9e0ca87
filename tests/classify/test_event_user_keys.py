"""Event records of a stream (Kafka Streams examples, click streams) name the person an event is
about by a bare `user` field: the record is theirs, and so is what they viewed."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

CLICK = {
    "namespace": "com.example.clicks",
    "type": "record",
    "name": "ClickEvent",
    "fields": [
        {"name": "user", "type": "string"},
        {"name": "page", "type": "string"},
        {"name": "referrer", "type": ["null", "string"], "default": None},
    ],
}


def test_a_bare_user_field_keys_an_event_to_its_person(tmp_path: Path) -> None:
    """`ClickEvent.user` is who clicked: the event is person-linked and the page is theirs."""
    doc = _scan(tmp_path, {"click.avsc": json.dumps(CLICK)})["ClickEvent"]
    assert doc.subject.kind == "person_linked"
    assert _finding(doc, "page").personal


def test_user_as_a_word_of_a_longer_name_is_no_key(tmp_path: Path) -> None:
    """`user_agent`, `user_count`: the key is the whole name `user`, not its word."""
    sql = "CREATE TABLE browser_stat (id int PRIMARY KEY, user_agent varchar(200), user_count int);"
    result = _scan(tmp_path, {"stats.sql": sql})["browser_stat"]
    assert result.subject.kind != "person_linked"
