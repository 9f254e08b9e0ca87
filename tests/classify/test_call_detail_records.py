"""A mobile network's call detail records (CDR) are filed under the subscriber's MSISDN or IMSI:
person-linked rows, and on a CDR table the times, durations, cell and type of each call, message
or data session are the subscriber's communication records, sensitive (GB/T 35273 Annex B
通信记录); the codes of the network that carried them are not. A billing cycle is a bill's, not a
menstrual cycle: it puts no table on a health topic."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

DDL = """
CREATE TABLE `cdr_voice_details` (
  `CALLINGNUMBER` varchar(32) DEFAULT NULL,
  `CALLEDNUMBER` varchar(32) DEFAULT NULL,
  `CELLID` varchar(16) DEFAULT NULL,
  `CALLDURATION` int(11) DEFAULT NULL,
  `START_TIME` datetime DEFAULT NULL,
  `MCC` varchar(3) DEFAULT NULL,
  `MNC` varchar(3) DEFAULT NULL
);
CREATE TABLE `cdr_sms_details` (
  `ID` bigint NOT NULL,
  `SUBSCRIBER_IMSI` varchar(16) DEFAULT NULL,
  `SMS_TYPE` varchar(8) DEFAULT NULL,
  `SENT_TIME` datetime DEFAULT NULL,
  PRIMARY KEY (`ID`)
);
CREATE TABLE `apn_billing_cycle_aggregation` (
  `ID` bigint NOT NULL,
  `SERVED_IMSI` varchar(16) DEFAULT NULL,
  `DATA_USAGE` bigint DEFAULT NULL,
  PRIMARY KEY (`ID`)
);
"""


def _scan(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "cdr.sql").write_text(DDL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {d.dataset.name: d for d in result.datasets}


def test_call_times_durations_and_cells_are_communication_records(tmp_path: Path) -> None:
    found = _scan(tmp_path)
    voice = found["cdr_voice_details"]
    assert voice.subject.kind == "person_linked"
    by_name = {f.field.name: f for f in voice.findings}
    for column in ("CELLID", "CALLDURATION", "START_TIME"):
        assert by_name[column].element == "pi.communication.call_record", column
        assert by_name[column].sensitive, column
    for column in ("MCC", "MNC"):  # the network that carried the call, not the subscriber
        assert not by_name[column].personal, column
    sms = {f.field.name: f for f in found["cdr_sms_details"].findings}
    assert sms["SENT_TIME"].sensitive and sms["SMS_TYPE"].sensitive
    assert not sms["ID"].personal


def test_a_billing_cycle_is_not_a_health_record(tmp_path: Path) -> None:
    usage = {f.field.name: f for f in _scan(tmp_path)["apn_billing_cycle_aggregation"].findings}
    assert usage["DATA_USAGE"].personal
    assert not usage["DATA_USAGE"].sensitive


PACKET_CORE_DDL = """
CREATE TABLE `pgw_svc_data` (
  `SERVED_IMSI` varchar(256) NOT NULL,
  `CHARGING_ID` bigint(20) NOT NULL,
  `UPLINK_BYTES` bigint(20) DEFAULT NULL,
  `TIME_OF_FIRST_USAGE` datetime DEFAULT NULL,
  `TIME_OF_LAST_USAGE` datetime DEFAULT NULL,
  `DURATION_SEC` bigint(20) DEFAULT NULL
);
CREATE TABLE network_events (
  event_id STRING NOT NULL,
  customer_id STRING NOT NULL,
  device_imei STRING,
  event_timestamp TIMESTAMP,
  duration_seconds INT64,
  network_cell_id STRING
);
CREATE TABLE network_plans (
  plan_id STRING NOT NULL,
  plan_name STRING,
  duration_seconds INT64
);
"""


def test_packet_core_charging_and_network_events_are_communication_records(
    tmp_path: Path,
) -> None:
    """A PGW's per-IMSI charging data and a network's per-customer event log are the subscriber's
    communication records (3GPP TS 32.251 charging records); a plan table is not on that topic."""
    (tmp_path / "core.sql").write_text(PACKET_CORE_DDL, encoding="utf-8")
    found = {d.dataset.name: d for d in scan_paths([tmp_path], ScanOptions(content=False)).datasets}
    pgw = {f.field.name: f for f in found["pgw_svc_data"].findings}
    for column in ("TIME_OF_FIRST_USAGE", "TIME_OF_LAST_USAGE", "DURATION_SEC"):
        assert pgw[column].element == "pi.communication.call_record", column
        assert pgw[column].sensitive, column
    assert not pgw["UPLINK_BYTES"].sensitive  # a byte count is not the record
    events = {f.field.name: f for f in found["network_events"].findings}
    for column in ("event_timestamp", "duration_seconds", "network_cell_id"):
        assert events[column].element == "pi.communication.call_record", column
        assert events[column].sensitive, column
    plans = {f.field.name: f for f in found["network_plans"].findings}
    assert not plans["duration_seconds"].sensitive


SIP_DDL = """
CREATE TABLE missed_calls (
    id SERIAL PRIMARY KEY NOT NULL,
    method VARCHAR(16) DEFAULT '' NOT NULL,
    callid VARCHAR(255) DEFAULT '' NOT NULL,
    sip_code VARCHAR(3) DEFAULT '' NOT NULL,
    sip_reason VARCHAR(128) DEFAULT '' NOT NULL,
    time TIMESTAMP WITHOUT TIME ZONE NOT NULL
);
CREATE TABLE call_cdrs (
    id SERIAL PRIMARY KEY NOT NULL,
    start_time TIMESTAMP NOT NULL,
    end_time TIMESTAMP NOT NULL,
    duration REAL DEFAULT 0 NOT NULL
);
CREATE TABLE speed_dial (
    id SERIAL PRIMARY KEY NOT NULL,
    username VARCHAR(64) DEFAULT '' NOT NULL,
    new_uri VARCHAR(255) DEFAULT '' NOT NULL
);
CREATE TABLE api_call_log (
    id SERIAL PRIMARY KEY NOT NULL,
    endpoint VARCHAR(255) NOT NULL,
    status VARCHAR(16) NOT NULL,
    response_time_ms INTEGER NOT NULL
);
CREATE TABLE marketing_contact_list (
    id SERIAL PRIMARY KEY NOT NULL,
    list_name VARCHAR(64) NOT NULL,
    list_size INTEGER NOT NULL
);
"""


def test_call_logs_that_name_no_one_are_a_subscribers_call_records(tmp_path: Path) -> None:
    """A VoIP server's missed calls and call detail records name no subscriber, yet every row
    is someone's call: person-linked, with the call's id, SIP method, response code and time as
    that subscriber's communication records (sensitive)."""
    (tmp_path / "voip.sql").write_text(SIP_DDL, encoding="utf-8")
    found = {d.dataset.name: d for d in scan_paths([tmp_path], ScanOptions(content=False)).datasets}
    missed = found["missed_calls"]
    assert missed.subject.kind == "person_linked"
    by_name = {f.field.name: f for f in missed.findings}
    for column in ("method", "callid", "sip_code", "sip_reason", "time"):
        assert by_name[column].element == "pi.communication.call_record", column
        assert by_name[column].sensitive, column
    cdrs = {f.field.name: f for f in found["call_cdrs"].findings}
    for column in ("start_time", "end_time", "duration"):
        assert cdrs[column].sensitive, column
    assert not cdrs["id"].personal


def test_a_speed_dial_list_is_its_owners_address_book(tmp_path: Path) -> None:
    (tmp_path / "voip.sql").write_text(SIP_DDL, encoding="utf-8")
    found = {d.dataset.name: d for d in scan_paths([tmp_path], ScanOptions(content=False)).datasets}
    dial = found["speed_dial"]
    assert dial.subject.kind == "person_linked"
    by_name = {f.field.name: f for f in dial.findings}
    assert by_name["new_uri"].element == "pi.contacts.address_book"
    assert by_name["new_uri"].sensitive


def test_a_programs_call_log_and_a_marketing_list_are_no_ones_records(tmp_path: Path) -> None:
    """`api_call_log` logs calls of a program, and a marketing tool's contact list is a segment
    of its customers: neither is placed as a person's record by its name."""
    (tmp_path / "voip.sql").write_text(SIP_DDL, encoding="utf-8")
    found = {d.dataset.name: d for d in scan_paths([tmp_path], ScanOptions(content=False)).datasets}
    for name in ("api_call_log", "marketing_contact_list"):
        assert found[name].subject.kind != "person_linked", name
        assert not any(f.sensitive for f in found[name].findings), name


# RADIUS accounting (RFC 2866) as a FreeRADIUS or VoIP gateway stores it: each row is a user's
# session or call, with the calling and called station, start and stop, duration and the traffic
# of it; the access server's own address and port are the network's.
RADIUS_DDL = """
CREATE TABLE radacct (
  radacctid BIGINT NOT NULL,
  acctsessionid VARCHAR(64) NOT NULL,
  username VARCHAR(64),
  nasipaddress VARCHAR(15) NOT NULL,
  nasportid VARCHAR(32),
  acctstarttime DATETIME,
  acctstoptime DATETIME,
  acctsessiontime BIGINT,
  acctinputoctets BIGINT,
  calledstationid VARCHAR(50),
  callingstationid VARCHAR(50),
  acctterminatecause VARCHAR(32),
  framedipaddress VARCHAR(15)
);
CREATE TABLE StopVoIP (
  RadAcctId BIGSERIAL PRIMARY KEY,
  AcctTime TIMESTAMP NOT NULL,
  H323SetupTime TIMESTAMP,
  H323ConnectTime TIMESTAMP,
  H323DisconnectTime TIMESTAMP,
  UserName VARCHAR(32),
  AcctSessionTime BIGINT,
  CalledStationId VARCHAR(80),
  CallingStationId VARCHAR(80),
  H323DisconnectCause VARCHAR(2),
  H323GWID VARCHAR(32),
  CiscoNASPort VARCHAR(16),
  CallID VARCHAR(80) NOT NULL
);
"""


def test_radius_accounting_sessions_and_voip_calls_are_communication_records(
    tmp_path: Path,
) -> None:
    (tmp_path / "radius.sql").write_text(RADIUS_DDL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    found = {d.dataset.name: {f.field.name: f for f in d.findings} for d in result.datasets}
    acct = found["radacct"]
    for column in ("acctstarttime", "acctsessiontime", "callingstationid", "calledstationid"):
        assert acct[column].element == "pi.communication.call_record", column
        assert acct[column].sensitive, column
    assert not acct["nasportid"].sensitive  # the access server's port
    assert acct["framedipaddress"].element == "pi.device.ip"  # the address the session was given
    stop = found["StopVoIP"]
    for column in ("H323SetupTime", "H323DisconnectTime", "CallingStationId", "CallID"):
        assert stop[column].element == "pi.communication.call_record", column
        assert stop[column].sensitive, column
    for column in ("H323GWID", "CiscoNASPort"):  # the gateway and access server that reported it
        assert not stop[column].personal, column


TWILIO_CALLS = """
version: 2
sources:
  - name: twilio
    tables:
      - name: call
        description: Each record is a call made or received through the account.
        columns:
          - name: sid
          - name: from
            description: The phone number that made the call.
          - name: to
            description: The phone number that received the call.
          - name: start_time
          - name: duration
            description: The length of the call in seconds.
          - name: answered_by
      - name: incoming_phone_number
        columns:
          - name: sid
          - name: friendly_name
          - name: capabilities_sms
"""


def test_a_table_of_calls_is_its_parties_call_records(tmp_path: Path) -> None:
    (tmp_path / "src_twilio.yml").write_text(TWILIO_CALLS, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    found = {d.dataset.name: {f.field.name: f for f in d.findings} for d in result.datasets}
    call = next(v for k, v in found.items() if k.endswith(".call"))
    for column in ("from", "to", "start_time", "duration", "answered_by"):
        assert call[column].element == "pi.communication.call_record", column
        assert call[column].sensitive, column
    numbers = next(v for k, v in found.items() if k.endswith("incoming_phone_number"))
    assert not numbers["capabilities_sms"].sensitive


# A SIP proxy's accounting of each transaction (Kamailio, OpenSIPS `acc`): a table named by no
# topic word whose columns are a call's (`sip_code`, `sip_reason` beside `callid` and `time`).
SIP_ACC_DDL = """
CREATE TABLE acc (
  id SERIAL PRIMARY KEY NOT NULL,
  method VARCHAR(16) DEFAULT '' NOT NULL,
  from_tag VARCHAR(128) DEFAULT '' NOT NULL,
  to_tag VARCHAR(128) DEFAULT '' NOT NULL,
  callid VARCHAR(255) DEFAULT '' NOT NULL,
  sip_code VARCHAR(3) DEFAULT '' NOT NULL,
  sip_reason VARCHAR(128) DEFAULT '' NOT NULL,
  time TIMESTAMP WITHOUT TIME ZONE NOT NULL
);
"""


def test_a_sip_proxys_accounting_is_a_call_record_by_its_columns(tmp_path: Path) -> None:
    (tmp_path / "acc.sql").write_text(SIP_ACC_DDL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    acc = {f.field.name: f for f in result.datasets[0].findings}
    for column in ("method", "callid", "sip_code", "sip_reason", "time"):
        assert acc[column].element == "pi.communication.call_record", column
        assert acc[column].sensitive, column
    for column in ("from_tag", "to_tag"):  # the dialog's technical tags
        assert not acc[column].personal, column


# A webmail's contacts (each entry stored as a vCard beside its owner's user id) and a SIP
# phone's speed-dial list are their owners' address books; a CRM's contacts are its customers.
ADDRESS_BOOK_DDL = """
CREATE TABLE users (
  user_id INTEGER PRIMARY KEY,
  username VARCHAR(128) NOT NULL
);
CREATE TABLE contacts (
  contact_id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(user_id),
  name VARCHAR(128),
  email VARCHAR(255),
  firstname VARCHAR(128),
  surname VARCHAR(128),
  vcard TEXT
);
CREATE TABLE speed_dial (
  id SERIAL PRIMARY KEY NOT NULL,
  username VARCHAR(64) DEFAULT '' NOT NULL,
  sd_username VARCHAR(64) DEFAULT '' NOT NULL,
  new_uri VARCHAR(255) DEFAULT '' NOT NULL,
  fname VARCHAR(64) DEFAULT '' NOT NULL,
  lname VARCHAR(64) DEFAULT '' NOT NULL
);
CREATE TABLE crm_contacts (
  id INTEGER PRIMARY KEY,
  owner_user_id INTEGER,
  first_name VARCHAR(128),
  email VARCHAR(255)
);
"""


def test_address_book_entries_are_their_owners_contacts(tmp_path: Path) -> None:
    (tmp_path / "book.sql").write_text(ADDRESS_BOOK_DDL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    found = {d.dataset.name: {f.field.name: f for f in d.findings} for d in result.datasets}
    book = found["contacts"]
    for column in ("name", "email", "firstname", "surname", "vcard"):
        assert book[column].element == "pi.contacts.address_book", column
        assert book[column].sensitive, column
    assert not book["user_id"].sensitive  # the book's owner
    dial = found["speed_dial"]
    for column in ("fname", "lname", "new_uri"):
        assert dial[column].element == "pi.contacts.address_book", column
        assert dial[column].sensitive, column
    crm = found["crm_contacts"]
    assert crm["first_name"].personal and not crm["first_name"].sensitive
    assert not crm["email"].sensitive


SWITCH_CDRS = """
CREATE TABLE rated_cdrs (tbid int PRIMARY KEY, cgrid char(40), account varchar(128),
  destination varchar(128), setup_time datetime, answer_time datetime, `usage` bigint,
  cost decimal(20,4));
CREATE TABLE tp_destinations (tbid int PRIMARY KEY, tag varchar(64), prefix varchar(24));
"""


def test_a_cdrs_destination_and_usage_are_the_call_record(tmp_path: Path) -> None:
    """A rating engine's CDR: the number called (`destination`) and the time used (`usage`) are
    the call's record; a tariff plan's list of destinations is not anyone's call."""
    (tmp_path / "cdrs.sql").write_text(SWITCH_CDRS, encoding="utf-8")
    found = {d.dataset.name: d for d in scan_paths([tmp_path], ScanOptions(content=False)).datasets}
    by_name = {f.field.name: f for f in found["rated_cdrs"].findings}
    for column in ("destination", "usage"):
        assert by_name[column].element == "pi.communication.call_record", column
        assert by_name[column].sensitive, column
    assert not any(f.sensitive for f in found["tp_destinations"].findings)


CALL_API = """
openapi: 3.0.3
info: {title: Click to dial, version: 0.1.0}
paths: {}
components:
  schemas:
    Call:
      type: object
      properties:
        callId: {type: string}
        caller:
          type: object
          properties:
            number: {type: string}
        callee:
          type: object
          properties:
            number: {type: string}
    Ticket:
      type: object
      properties:
        ticketId: {type: string}
        queue:
          type: object
          properties:
            number: {type: string}
"""


def test_the_parties_numbers_of_a_call_are_its_record(tmp_path: Path) -> None:
    """`caller.number` and `callee.number` of a call, read with their object's name, are the
    numbers that called and were called: the call's record. A queue's number is nothing of the
    kind."""
    (tmp_path / "call.yaml").write_text(CALL_API, encoding="utf-8")
    found = {d.dataset.name: d for d in scan_paths([tmp_path], ScanOptions(content=False)).datasets}
    by_pointer = {f.field.pointer.split(".", 1)[1]: f for f in found["Call"].findings}
    for member in ("caller.number", "callee.number"):
        assert by_pointer[member].element == "pi.communication.call_record", member
        assert by_pointer[member].sensitive, member
    ticket = {f.field.pointer.split(".", 1)[1]: f for f in found["Ticket"].findings}
    assert not ticket["queue.number"].sensitive
