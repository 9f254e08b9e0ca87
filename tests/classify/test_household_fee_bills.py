"""A property manager's schema (MySQL, English names, pinyin dates, no comments): a meter reading
or a fee bill per flat names the estate and the flat's number, so its rows are filed under the
dwelling and so under the household living there; the amounts billed are that household's.
A hotel's rooms, which name no estate, place no one, nor does an address register describing
the buildings of an estate, which charges no one."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

SCHEMA = """
create table meter_reading
(
  meter_reading_id int auto_increment primary key,
  plot_name        varchar(50) null,
  room_number      varchar(50) null,
  riqi             date        null,
  price            double      null,
  moneysum         double      null
);
create table hotel_room
(
  id          int auto_increment primary key,
  room_number varchar(20) null,
  floor       int         null,
  price       double      null
);
create table std_address
(
  id          int auto_increment primary key,
  plot_name   varchar(50) null,
  room_number varchar(20) null,
  floors      int         null,
  developer   varchar(80) null
);
"""


def _scan(tmp_path: Path) -> dict[str, object]:
    (tmp_path / "fees.sql").write_text(SCHEMA, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: r for r in report.datasets}


def test_a_flats_meter_reading_is_its_households(tmp_path: Path) -> None:
    reading = _scan(tmp_path)["meter_reading"]
    assert reading.subject.kind == "person_linked"  # type: ignore[attr-defined]
    fields = {f.field.name: f for f in reading.findings}  # type: ignore[attr-defined]
    for column in ("plot_name", "room_number", "riqi", "price", "moneysum"):
        assert fields[column].personal, column
    assert fields["room_number"].element == "pi.location.region"


def test_a_hotels_rooms_are_no_ones(tmp_path: Path) -> None:
    rooms = _scan(tmp_path)["hotel_room"]
    assert rooms.subject.kind != "person_linked"  # type: ignore[attr-defined]


def test_an_address_register_of_an_estate_is_no_ones(tmp_path: Path) -> None:
    register = _scan(tmp_path)["std_address"]
    assert register.subject.kind != "person_linked"  # type: ignore[attr-defined]
