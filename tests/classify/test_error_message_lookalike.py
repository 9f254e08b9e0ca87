"""An operation log's `error_message` is what a program reported when the operation failed, not
a message the person wrote or received: it does not make the column communication content
(GB/T 35273-2020 Annex B 通信内容), while a message the person sent on the same kind of row
(`message_content` of a user's messages) still is."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

SQL = """
CREATE TABLE users (
  id bigint PRIMARY KEY,
  name varchar(50),
  phone varchar(20)
);
CREATE TABLE operation_log (
  id bigint PRIMARY KEY,
  user_id bigint NOT NULL,
  operation varchar(50),
  status varchar(20),
  error_message text,
  created_at datetime,
  FOREIGN KEY (user_id) REFERENCES users(id)
);
CREATE TABLE user_message (
  id bigint PRIMARY KEY,
  from_user_id bigint NOT NULL,
  to_user_id bigint NOT NULL,
  message_content text,
  created_at datetime,
  FOREIGN KEY (from_user_id) REFERENCES users(id)
);
"""


def test_an_error_message_of_a_log_is_not_communication(tmp_path: Path) -> None:
    (tmp_path / "app.sql").write_text(SQL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    found = {d.dataset.name: {f.field.name: f for f in d.findings} for d in result.datasets}
    error = found["operation_log"].get("error_message")
    assert error is None or (error.element != "pi.communication.content" and not error.sensitive)
    content = found["user_message"]["message_content"]
    assert content.element == "pi.communication.content"
    assert content.sensitive
