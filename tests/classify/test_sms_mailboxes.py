"""The mailboxes of an SMS gateway (Gammu's `inbox`, `outbox`, `sentitems`): each row is a
message someone sent or received, a communication record (GB/T 35273 Annex B, sensitive) though
no column names the person. The counterpart's number, the text and the sending, receiving and
delivery times are that record; the gateway's coding, class, priority and retry columns are
its own."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

GATEWAY = """
CREATE TABLE inbox (
  UpdatedInDB NUMERIC NOT NULL,
  ReceivingDateTime NUMERIC NOT NULL,
  Text TEXT NOT NULL,
  SenderNumber TEXT NOT NULL DEFAULT '',
  Coding TEXT NOT NULL DEFAULT 'Default_No_Compression',
  UDH TEXT NOT NULL,
  Class INTEGER NOT NULL DEFAULT -1,
  TextDecoded TEXT NOT NULL DEFAULT '',
  ID INTEGER PRIMARY KEY AUTOINCREMENT,
  SequencePosition INTEGER NOT NULL DEFAULT 1,
  Processed TEXT NOT NULL DEFAULT 'false'
);
CREATE TABLE sentitems (
  SendingDateTime NUMERIC NOT NULL,
  DeliveryDateTime NUMERIC NULL,
  TextDecoded TEXT NOT NULL DEFAULT '',
  DestinationNumber TEXT NOT NULL DEFAULT '',
  ID INTEGER,
  TPMR INTEGER NOT NULL DEFAULT -1,
  RelativeValidity INTEGER NOT NULL DEFAULT -1,
  Priority INTEGER DEFAULT 0,
  Retries INTEGER DEFAULT 0
);
"""


def test_sms_mailbox_rows_are_communication_records(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"gammu.sql": GATEWAY})
    inbox, sent = results["inbox"], results["sentitems"]
    for ds, columns in (
        (inbox, ("ReceivingDateTime", "Text", "SenderNumber", "TextDecoded")),
        (sent, ("SendingDateTime", "DeliveryDateTime", "TextDecoded", "DestinationNumber")),
    ):
        for column in columns:
            finding = _finding(ds, column)
            assert finding.personal and finding.sensitive, column
            assert finding.element.startswith("pi.communication."), column
    assert _finding(inbox, "Text").element == "pi.communication.content"
    assert _finding(sent, "DestinationNumber").element == "pi.communication.call_record"


def test_sms_gateway_columns_are_not_personal(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"gammu.sql": GATEWAY})
    for ds, columns in (
        (results["inbox"], ("Coding", "UDH", "Class", "SequencePosition", "Processed")),
        (results["sentitems"], ("TPMR", "RelativeValidity", "Priority", "Retries")),
    ):
        for column in columns:
            assert not _finding(ds, column).personal, column
