"""Messages between persons and a person's page views: in a message sent between persons or to a
person (a chat, a private message, a conversation) its text, when it was sent and its parties are
the communication record and content; in a footprint or page view the page or item viewed, when
and the viewer are the browsing record (GB/T 35273-2020 Annex B: 通信记录和内容, 网页浏览记录,
sensitive). A person's favourites and an order stay ordinary behaviour records."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

SCHEMA = """
CREATE TABLE user (id int PRIMARY KEY, username varchar(40), phone varchar(20));
CREATE TABLE goods (id int PRIMARY KEY, name varchar(60), price decimal(10,2));
CREATE TABLE message (id int PRIMARY KEY, sender_id int REFERENCES user (id),
  receiver_id int REFERENCES user (id), content text, send_time datetime);
CREATE TABLE footprint (id int PRIMARY KEY, user_id int REFERENCES user (id),
  goods_id int REFERENCES goods (id), add_time datetime);
CREATE TABLE collect (id int PRIMARY KEY, user_id int REFERENCES user (id),
  goods_id int REFERENCES goods (id), add_time datetime);
"""

PAGE_VIEW = """
{"type": "record", "name": "PageView", "fields": [
  {"name": "viewtime", "type": "long"},
  {"name": "userid", "type": "string"},
  {"name": "pageid", "type": "string"}]}
"""


def test_a_messages_text_time_and_parties_are_its_communication_record(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"shop.sql": SCHEMA})
    message = {f.field.name: f for f in found["message"].findings}
    for column in ("content", "send_time", "sender_id", "receiver_id"):
        assert message[column].sensitive, column
    assert message["content"].element == "pi.communication.content"
    assert message["sender_id"].element == "pi.online_identity.user_id"  # a party keeps its own


def test_a_footprint_is_a_browsing_record(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"shop.sql": SCHEMA})
    footprint = {f.field.name: f for f in found["footprint"].findings}
    for column in ("goods_id", "add_time", "user_id"):
        assert footprint[column].sensitive, column
    assert footprint["goods_id"].element == "pi.online_activity.browsing_history"
    collect = {f.field.name: f for f in found["collect"].findings}
    assert collect["goods_id"].personal
    assert not any(f.sensitive for f in collect.values())
    assert not any(f.sensitive for f in found["user"].findings)


def test_a_page_view_is_a_browsing_record(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"pageview.avsc": PAGE_VIEW})
    view = {f.field.name: f for f in found["PageView"].findings}
    for column in ("viewtime", "pageid", "userid"):
        assert view[column].sensitive, column


HELPDESK_CHAT = """
CREATE TABLE customers (id integer PRIMARY KEY, name text, phone text, email text);
CREATE TABLE whatsapp_conversations (id integer PRIMARY KEY, phone_e164 text,
  customer_id integer, status text, last_message_at datetime);
CREATE TABLE whatsapp_messages (id integer PRIMARY KEY, conversation_id integer,
  direction text, message_type text, content text, media_url text, media_type text,
  media_caption text, received_at datetime);
"""


def test_a_chat_message_keyed_to_a_prefixed_conversation_is_communication_content(
    tmp_path: Path,
) -> None:
    """`conversation_id` names `whatsapp_conversations` (the plural, after the platform's
    prefix): the messages are the customer's conversation. Its direction, kind, text, media and
    caption are the content of the message (sensitive)."""
    found = scan_files(tmp_path, {"helpdesk.sql": HELPDESK_CHAT})
    messages = found["whatsapp_messages"]
    assert messages.subject.kind == "person_linked"
    by_name = {f.field.name: f for f in messages.findings}
    for column in ("direction", "content", "media_url", "media_type", "media_caption"):
        assert by_name[column].element == "pi.communication.content", column
        assert by_name[column].sensitive, column
