"""A log of a person's actions: the action taken, the data it changed and the time it was logged
are the person's activity record; the same columns on a row that is not a log stay bookkeeping."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

LOGS = """
CREATE TABLE account (id int PRIMARY KEY, username varchar(50), email varchar(80));
CREATE TABLE audit_trail (id int PRIMARY KEY, actor_id int, action varchar(50), old_data text,
  new_data text, created_at timestamp, table_name varchar(50));
CREATE TABLE banner_slot (id int PRIMARY KEY, account_id int REFERENCES account(id),
  action varchar(50), created_at timestamp);
"""


def test_what_a_person_did_and_when_on_a_log_of_their_actions(tmp_path: Path) -> None:
    (tmp_path / "logs.sql").write_text(LOGS, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    by_name = {r.dataset.name: r for r in report.datasets}
    audit = {f.field.name: f for f in by_name["audit_trail"].findings}
    for entry in ("action", "old_data", "new_data", "created_at"):
        assert audit[entry].element == "pi.online_activity.usage_record", entry
    # which table the person touched is part of the record of what they did
    assert audit["table_name"].element == "pi.other.person_attribute"
    slot = {f.field.name: f for f in by_name["banner_slot"].findings}
    assert not slot["created_at"].personal
