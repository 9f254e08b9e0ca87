"""A vehicle's positioning record (an OBD or telematics unit's fix, MySQL with column comments):
the rows are filed under the vehicle, named by its identification number or the unit fitted in
it, so under the person who drives it; where, when and how fast the vehicle was at a fix is that
person's movement track (行驶轨迹, sensitive). A fleet's table of cars with no position places no
one, nor does a rental fleet's map of its vehicles free to hire, which names each by the
operator's own id and not by a VIN, plate or on-board unit."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

SCHEMA = """
CREATE TABLE IF NOT EXISTS t_car_alarm(
    id int auto_increment COMMENT '主键',
    obdCode varchar(20) COMMENT 'OBD编号',
    vin varchar(20) COMMENT '发动机标识',
    speed int COMMENT '定位时车速',
    travelDistance int COMMENT '定位时行驶距离',
    longitude varchar(20) COMMENT '定位时经度',
    latitude varchar(20) COMMENT '定位时纬度',
    locationTime timestamp COMMENT '定位时间',
    locationType int COMMENT '定位类型',
    alarmType int COMMENT '报警类型',
    primary key (id));
CREATE TABLE IF NOT EXISTS t_fleet_car(
    id int auto_increment COMMENT '主键',
    vin varchar(20) COMMENT '车架号',
    model varchar(40) COMMENT '车型',
    seats int COMMENT '座位数',
    primary key (id));
CREATE TABLE IF NOT EXISTS bike_status(
    vehicle_id varchar(40),
    lat double,
    lon double,
    is_reserved tinyint,
    is_disabled tinyint,
    current_range_meters int,
    primary key (vehicle_id));
"""


def _scan(tmp_path: Path) -> dict[str, object]:
    (tmp_path / "obd.sql").write_text(SCHEMA, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: r for r in report.datasets}


def test_a_vehicles_fix_is_its_drivers_track(tmp_path: Path) -> None:
    alarm = _scan(tmp_path)["t_car_alarm"]
    assert alarm.subject.kind == "person_linked"  # type: ignore[attr-defined]
    fields = {f.field.name: f for f in alarm.findings}  # type: ignore[attr-defined]
    for column in ("speed", "travelDistance", "locationTime", "locationType"):
        assert fields[column].element == "pi.location.track", column
        assert fields[column].sensitive, column
    assert fields["alarmType"].personal
    assert not fields["alarmType"].sensitive


def test_a_fleets_car_without_a_position_is_no_ones_track(tmp_path: Path) -> None:
    car = _scan(tmp_path)["t_fleet_car"]
    assert car.subject.kind != "person_linked"  # type: ignore[attr-defined]
    assert not any(f.sensitive for f in car.findings)  # type: ignore[attr-defined]


def test_a_hire_fleets_free_vehicles_are_no_ones_track(tmp_path: Path) -> None:
    bikes = _scan(tmp_path)["bike_status"]
    assert bikes.subject.kind != "person_linked"  # type: ignore[attr-defined]
