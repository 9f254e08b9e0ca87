"""A road checkpoint's record of vehicles passing (卡口过车, Oracle with COMMENT ON, columns in
pinyin initials): the rows are filed under the plate, so under the vehicle's keeper, and where and
when the plate passed is that person's movement track (行踪轨迹, sensitive). A count of passengers
on the row is the vehicle's load, not a report on a group."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

PASSAGES = """
CREATE TABLE gate_car_pass (
  ID VARCHAR2(40) NOT NULL,
  KKBH VARCHAR2(32),
  HPHM VARCHAR2(16),
  GCSJ TIMESTAMP,
  ZKRS NUMBER(3),
  CONSTRAINT PK_gate_car_pass PRIMARY KEY (ID)
);
COMMENT ON TABLE gate_car_pass IS '过车数据';
COMMENT ON COLUMN gate_car_pass.KKBH IS '卡口编号';
COMMENT ON COLUMN gate_car_pass.HPHM IS '号牌号码';
COMMENT ON COLUMN gate_car_pass.GCSJ IS '过车时间';
COMMENT ON COLUMN gate_car_pass.ZKRS IS '载客人数';
CREATE TABLE road_section (
  ID VARCHAR2(40) NOT NULL,
  LDMC VARCHAR2(64),
  CLSL NUMBER(6),
  CONSTRAINT PK_road_section PRIMARY KEY (ID)
);
COMMENT ON COLUMN road_section.LDMC IS '路段名称';
COMMENT ON COLUMN road_section.CLSL IS '车辆数量';
CREATE TABLE fleet_car (
  ID VARCHAR2(40) NOT NULL,
  HPHM VARCHAR2(16),
  CLLX VARCHAR2(16),
  ZKRS NUMBER(3),
  CONSTRAINT PK_fleet_car PRIMARY KEY (ID)
);
COMMENT ON COLUMN fleet_car.HPHM IS '号牌号码';
COMMENT ON COLUMN fleet_car.CLLX IS '车辆类型';
COMMENT ON COLUMN fleet_car.ZKRS IS '核定载客人数';
"""


def _scan(tmp_path: Path) -> dict[str, object]:
    (tmp_path / "kk.sql").write_text(PASSAGES, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: r for r in report.datasets}


def test_where_and_when_a_plate_passed_is_its_keepers_track(tmp_path: Path) -> None:
    passes = _scan(tmp_path)["gate_car_pass"]
    assert passes.subject.kind == "person_linked"  # type: ignore[attr-defined]
    fields = {f.field.name: f for f in passes.findings}  # type: ignore[attr-defined]
    for column in ("KKBH", "GCSJ"):
        assert fields[column].element == "pi.location.track", column
        assert fields[column].sensitive, column
    assert fields["HPHM"].element == "pi.vehicle.plate"


def test_a_road_section_without_a_plate_is_no_ones(tmp_path: Path) -> None:
    section = _scan(tmp_path)["road_section"]
    assert not any(f.personal for f in section.findings)  # type: ignore[attr-defined]


def test_a_fleets_car_with_a_plate_and_no_sighting_is_no_ones_track(tmp_path: Path) -> None:
    car = _scan(tmp_path)["fleet_car"]
    assert car.subject.kind != "person_linked"  # type: ignore[attr-defined]
    assert not any(f.sensitive for f in car.findings)  # type: ignore[attr-defined]
