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
