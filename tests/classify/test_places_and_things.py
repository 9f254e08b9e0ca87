"""Places and things, and the people rows link to: rows that are not people though a name and a
phone sit on them (a nursing home 养老院, an activity 活动, a drug list 药品, a ward 病房); a staff
number, a coach, a member's name in one word linking rows to people; a trip's origin and
destination as the traveller's whereabouts."""

from __future__ import annotations

from pathlib import Path

from dataflow.model import DatasetResult
from dataflow.scan import ScanOptions, scan_paths


def _results(tmp_path: Path, text: str) -> dict[str, DatasetResult]:
    (tmp_path / "schema.sql").write_text(text, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: r for r in report.datasets}


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
    by_name = _results(tmp_path, ELDER_CARE)
    home, event, signup = by_name["eld_home"], by_name["eld_event"], by_name["eld_signup"]
    assert home.subject is not None and home.subject.kind == "organisation"
    assert [f.field.name for f in home.findings if f.personal] == []  # coordinates included
    assert event.subject is not None and event.subject.kind != "person"
    assert [f.field.name for f in event.findings if f.personal] == []
    # a comment naming the activity and more (活动报名: the sign-up) is about people
    personal = {f.field.name for f in signup.findings if f.personal}
    assert {"user_name", "user_phone"} <= personal


HOSPITAL = """
CREATE TABLE huanzhe (id int, huanzhe_name varchar(20) COMMENT '患者姓名',
  huanzhe_phone varchar(20) COMMENT '手机号') COMMENT='患者';
CREATE TABLE yaopin (id int, yaopin_name varchar(50) COMMENT '药品名称',
  yaopin_types int COMMENT '药品类型', yaopin_content text COMMENT '药品详情') COMMENT='药品';
CREATE TABLE bingfang (id int, bingfang_name varchar(50) COMMENT '病房名称',
  bingfang_address varchar(100) COMMENT '病房地址') COMMENT='病房';
CREATE TABLE chufang (id int, huanzhe_id int COMMENT '患者', yaopin_name varchar(50) COMMENT '药品名称')
  COMMENT='处方';
"""


def test_a_table_of_drugs_and_a_ward_are_not_people(tmp_path: Path) -> None:
    by_name = _results(tmp_path, HOSPITAL)
    drugs, ward, prescription = by_name["yaopin"], by_name["bingfang"], by_name["chufang"]
    assert drugs.subject is not None and drugs.subject.kind == "reference"
    assert [f.field.name for f in drugs.findings if f.personal] == []
    assert ward.subject is not None and ward.subject.kind == "organisation"
    assert [f.field.name for f in ward.findings if f.personal] == []
    # the same drug name on a patient's prescription is that patient's health information
    drug = next(f for f in prescription.findings if f.field.name == "yaopin_name")
    assert drug.personal and drug.sensitive


PAYROLL = """
CREATE TABLE salary (id bigint, sid varchar(20) COMMENT '工号', sname varchar(20) COMMENT '姓名',
  perform varchar(20) COMMENT '绩效', jt varchar(20) COMMENT '津贴', gjj varchar(20) COMMENT '公积金');
CREATE TABLE banji (bh varchar(20) COMMENT '班号', bjmc varchar(20) COMMENT '班级名称',
  ssnj varchar(10) COMMENT '所属年级', bzrgh varchar(20) COMMENT '班主任工号',
  bzxh varchar(20) COMMENT '班长学号') COMMENT='班级信息表';
"""


def test_a_staff_number_links_rows_to_a_person_and_another_persons_does_not(
    tmp_path: Path,
) -> None:
    by_name = _results(tmp_path, PAYROLL)
    pay, klass = by_name["salary"], by_name["banji"]
    assert pay.subject is not None and pay.subject.kind == "person_linked"
    personal = {f.field.name for f in pay.findings if f.personal}
    assert {"perform", "jt", "gjj"} <= personal
    # a class names its head teacher's staff number and its monitor's student number
    assert klass.subject is not None and klass.subject.kind != "person_linked"
    assert not {"bjmc", "ssnj"} & {f.field.name for f in klass.findings if f.personal}


GYM = """
CREATE TABLE coach (id int, name varchar(255), age int, sex varchar(255));
CREATE TABLE member (id int, name varchar(255), sex varchar(255), number varchar(255));
CREATE TABLE feedback (id int, title varchar(255), content varchar(255), membername varchar(255));
CREATE TABLE policy (id int, baoxianfei decimal(10,2), jiaofeishijian datetime,
  username varchar(50));
"""


def test_a_coach_is_staff_and_a_members_name_in_one_word_links_the_row(tmp_path: Path) -> None:
    by_name = _results(tmp_path, GYM)
    coach, feedback, policy = by_name["coach"], by_name["feedback"], by_name["policy"]
    assert coach.subject is not None and coach.subject.role == "employee"
    assert "name" in {f.field.name for f in coach.findings if f.personal}
    assert feedback.subject is not None and feedback.subject.kind == "person_linked"
    assert {"title", "content"} <= {f.field.name for f in feedback.findings if f.personal}
    # a user name on a row is as often the account that entered it: no link by itself
    assert policy.subject is not None and policy.subject.kind != "person_linked"


CHECKPOINT = """
CREATE TABLE flow_people (id bigint, name varchar(50) COMMENT '姓名',
  idcard varchar(50) COMMENT '身份证', source_address varchar(200) COMMENT '来源地点',
  target_address varchar(200) COMMENT '目的地址', telephone varchar(20) COMMENT '电话');
CREATE TABLE shop (id bigint, shop_name varchar(50) COMMENT '店铺名称',
  shop_address varchar(200) COMMENT '店铺地址') COMMENT='店铺';
"""


def test_where_a_person_came_from_and_goes_is_their_whereabouts(tmp_path: Path) -> None:
    by_name = _results(tmp_path, CHECKPOINT)
    trip = {f.field.name: f for f in by_name["flow_people"].findings}
    for column in ("source_address", "target_address"):
        assert trip[column].sensitive and trip[column].element == "pi.location.track", column
    assert not any(f.personal for f in by_name["shop"].findings)
