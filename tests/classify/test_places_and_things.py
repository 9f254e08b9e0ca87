"""Rows that are places and things, not people, though a name and a phone sit on them: a nursing
home (养老院) with its address, phone and coordinates, an activity (活动) with its venue and phone.
A sign-up to the activity by a user stays that user's."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

ELDER_CARE = """
CREATE TABLE eld_home (home_id int COMMENT '主键', home_name varchar(32) COMMENT '名称',
  home_address varchar(64) COMMENT '地址', home_phone varchar(32) COMMENT '电话',
  home_bed int COMMENT '房间数', home_jd varchar(32) COMMENT '经度', home_wd varchar(32) COMMENT '纬度')
  COMMENT='养老院';
CREATE TABLE eld_event (event_id int COMMENT '主键', event_name varchar(32) COMMENT '名称',
  event_address varchar(64) COMMENT '地址', event_phone varchar(32) COMMENT '电话',
  event_content text COMMENT '内容') COMMENT='活动';
CREATE TABLE eld_signup (id int, user_name varchar(32) COMMENT '姓名',
  user_phone varchar(32) COMMENT '手机号', event_id int COMMENT '活动') COMMENT='活动报名';
"""


def test_nursing_home_and_activity_rows_are_not_people(tmp_path: Path) -> None:
    (tmp_path / "elder.sql").write_text(ELDER_CARE, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    by_name = {r.dataset.name: r for r in report.datasets}
    home, event, signup = by_name["eld_home"], by_name["eld_event"], by_name["eld_signup"]
    assert home.subject is not None and home.subject.kind == "organisation"
    assert [f.field.name for f in home.findings if f.personal] == []  # coordinates included
    assert event.subject is not None and event.subject.kind != "person"
    assert [f.field.name for f in event.findings if f.personal] == []
    # a comment naming the activity and more (活动报名: the sign-up) is about people
    personal = {f.field.name for f in signup.findings if f.personal}
    assert {"user_name", "user_phone"} <= personal
