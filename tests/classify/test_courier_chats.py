"""A courier's app (SQLite, no comments): the lines of its chats with customers about an order
are communication records (GB/T 35273 Annex B: 通信记录和内容)."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

# From a public courier app's local database schema.
COURIER = """
create table order_detail_list
    (id integer primary key autoincrement,
    oiid varchar,speak_id varchar,order_id varchar,counterman_id varchar,
    user_name varchar,speak_time varchar,speakRole integer,content varchar,
    contentType integer,voiceLength integer,txtContent varchar,voiceContent varchar);
"""


def test_the_lines_of_a_chat_about_an_order_are_communication_records(tmp_path: Path) -> None:
    """Who said a line (`speak_id`, `speakRole`), when (`speak_time`) and what (`content`,
    `voiceContent`): a conversation, sensitive as a communication record, though the table is
    named after the order it is about."""
    table = scan_files(tmp_path, {"courier.sql": COURIER})["order_detail_list"]
    found = {f.field.name: f for f in table.findings}
    for column in ("content", "txtContent", "voiceContent", "speak_time", "speakRole", "user_name"):
        assert found[column].sensitive, column


def test_an_order_line_without_a_speaker_is_no_chat(tmp_path: Path) -> None:
    """An order's lines with a `content` (what was ordered) and no one who said it: no chat."""
    ddl = """
    create table order_detail_list (id integer primary key, order_id varchar, user_id varchar,
      content varchar, amount integer, create_time varchar);
    """
    table = scan_files(tmp_path, {"shop.sql": ddl})["order_detail_list"]
    assert not [f.field.name for f in table.findings if f.sensitive]
