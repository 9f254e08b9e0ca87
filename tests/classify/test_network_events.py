"""A subscriber's row that holds the location area (`lac`) and the cell that served the phone is
a record of the subscriber's network events, whatever the table is called (`transactions`):
the cell (not a mobile phone number), the area, the event's type and its time are the
subscriber's communication record, sensitive (GB/T 35273-2020 Annex B 通信记录, 行踪轨迹). A `lac` without a cell (a lake in a French
address) makes no such record."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

DDL = """
CREATE TABLE transactions (
	id int not null identity (1,1),
	transaction_id int not null,
	imsi varchar(9) not null,
	subscriber_id int,
	imei varchar(14) null,
	cell int not null,
	lac int not null,
	event_type varchar(2) null,
	event_ts datetime not null
);
CREATE TABLE client_adresse (
	id int not null identity (1,1),
	client_id int not null,
	rue varchar(100) null,
	lac varchar(50) null,
	event_type varchar(2) null
);
"""


def _scan(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "telecom.sql").write_text(DDL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {d.dataset.name: d for d in result.datasets}


def test_area_and_events_beside_a_cell_are_the_subscribers_records(tmp_path: Path) -> None:
    events = {f.field.name: f for f in _scan(tmp_path)["transactions"].findings}
    for column in ("cell", "lac", "event_type", "event_ts"):
        assert events[column].element == "pi.communication.call_record", column
        assert events[column].sensitive, column
    assert not events["transaction_id"].sensitive


def test_a_lac_without_a_cell_is_no_network_record(tmp_path: Path) -> None:
    address = {f.field.name: f for f in _scan(tmp_path)["client_adresse"].findings}
    assert not address["event_type"].sensitive
    assert not address["lac"].sensitive
