"""A social network's private messages name their columns after the message (`message_from`,
`message_to`, `message`): read without that first word they are a sender, a recipient and a
body, so the table is a store of messages (GB/T 35273-2020 Annex B: 通信内容) whatever it is
called. A table with a `message` but no sender and recipient stays what it was."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

SQL = """
CREATE TABLE site_messages (
  id bigint NOT NULL,
  message_from bigint NOT NULL,
  message_to bigint NOT NULL,
  message text NOT NULL,
  viewed varchar(1) DEFAULT NULL,
  time int NOT NULL
);
CREATE TABLE error_codes (
  id bigint NOT NULL,
  code varchar(10) NOT NULL,
  message text NOT NULL
);
"""


def test_columns_named_after_the_message_make_a_store_of_messages(tmp_path: Path) -> None:
    (tmp_path / "social.sql").write_text(SQL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    found = {d.dataset.name: d for d in result.datasets}
    messages = {f.field.name: f for f in found["site_messages"].findings}
    for column in ("message_from", "message_to", "message"):
        assert messages[column].sensitive, column
    assert not any(f.personal for f in found["error_codes"].findings)
