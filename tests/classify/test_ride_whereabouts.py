"""On a record of a person's events (a ride), the addresses they set out from and went to are
their whereabouts (movement track, sensitive); the same person's own contact address and an
order's delivery address are not."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

RIDES = """
CREATE TABLE passenger (id int PRIMARY KEY, name varchar(50) COMMENT '姓名',
  phone varchar(20) COMMENT '手机号', address varchar(200) COMMENT '家庭地址');
CREATE TABLE order_info (id int PRIMARY KEY, passenger_id int COMMENT '乘客id',
  departure varchar(200) COMMENT '出发地具体地址', destination varchar(200) COMMENT '目的地具体地址',
  scene_address varchar(200), delivery_address varchar(200) COMMENT '收货地址');
"""


def test_where_a_person_went_is_their_whereabouts(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"schema.sql": RIDES})
    ride = {f.field.name: f for f in by_name["order_info"].findings}
    for name in ("departure", "destination", "scene_address"):
        assert ride[name].element == "pi.location.track", name
        assert ride[name].sensitive, name
    assert ride["delivery_address"].element == "pi.contact.address"
    own = {f.field.name: f for f in by_name["passenger"].findings}
    assert own["address"].element == "pi.contact.address"
