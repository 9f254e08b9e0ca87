"""A user's row whose columns name several parts of a call is a call record.

A RADIUS accounting row of a VoIP gateway (keyed by the user's name) holds the call's setup and
connect times, the calling and called stations and the call's origin among the gateway's and the
server's own columns: fewer than half its columns, but enough to say which kind of record it is.
On that record the call's other parts (its `CallID`) are the person's call record too
(GB/T 35273-2020 Annex B: 通信记录), while the server's and gateway's own columns stay theirs."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of, scan_files

H323 = """
CREATE TABLE StartTelephony (
  RadAcctId BIGSERIAL PRIMARY KEY,
  AcctTime TIMESTAMP NOT NULL,
  h323SetupTime TIMESTAMP,
  H323ConnectTime TIMESTAMP,
  UserName VARCHAR(64),
  RadiusServerName VARCHAR(32),
  NASIPAddress INET NOT NULL,
  CalledStationId VARCHAR(80),
  CallingStationId VARCHAR(80),
  AcctDelayTime INTEGER,
  H323GWID VARCHAR(32),
  h323CallOrigin VARCHAR(10),
  CallID VARCHAR(80) NOT NULL,
  processed BOOLEAN DEFAULT false
);
"""


def test_the_call_id_of_a_users_accounting_row_is_their_call_record(tmp_path: Path) -> None:
    start = scan_files(tmp_path, {"h323.sql": H323})["StartTelephony"]
    assert start.subject is not None and start.subject.kind == "person_linked"
    call = finding_of(start, "CallID")
    assert call.sensitive
    assert call.element == "pi.communication.call_record"
    for column in ("RadiusServerName", "H323GWID", "processed"):
        assert not finding_of(start, column).sensitive, column
