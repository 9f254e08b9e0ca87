"""A table named as messages with a body and a single party (an SMS gateway's `sms_send`: the
phone it went to, the text and its state) is a store of messages: communication content and
records (GB/T 35273 Annex B: 通信记录和内容, sensitive), though it names no sender and no
recipient column; a message template stays nobody's."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

GATEWAY = """
CREATE TABLE massage.dbo.sms_send ( SendPhone varchar(3000) NULL, SendContent varchar(1500) NULL,
  SendState int NOT NULL, id int IDENTITY(1, 1) NOT NULL, CONSTRAINT PK_sms_send PRIMARY KEY (id) );
CREATE TABLE massage.dbo.sms_template ( TemplateCode varchar(30) NULL,
  SendContent varchar(1500) NULL, id int IDENTITY(1, 1) NOT NULL );
"""


def test_sent_messages_are_communication_records(tmp_path: Path) -> None:
    sent = _scan(tmp_path, {"sms.sql": GATEWAY})["massage.dbo.sms_send"]
    for column in ("SendPhone", "SendContent", "SendState"):
        found = _finding(sent, column)
        assert found.personal and found.sensitive, column


def test_a_message_template_is_nobodys(tmp_path: Path) -> None:
    template = _scan(tmp_path, {"sms.sql": GATEWAY})["massage.dbo.sms_template"]
    assert not _finding(template, "SendContent").sensitive
