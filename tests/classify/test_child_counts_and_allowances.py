"""Columns that mention children without being a child's record: a headcount of children on an
order (`childnum` '儿童数量', `existing_children` '现有子女（人）') is a number, not the key of a
child, and an employee's child allowances ('独生子女奖励', '婴幼儿补贴') are the employee's pay.
Neither makes the row a minor's record, whose every field is sensitive (PIPL Art. 28)."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of
from builders import scan_files as _scan

TRAVEL = """\
CREATE TABLE `sline_member` (
  `mid` int(11) unsigned NOT NULL AUTO_INCREMENT,
  `nickname` varchar(255) DEFAULT NULL COMMENT '昵称',
  `mobile` varchar(255) DEFAULT NULL COMMENT '手机号',
  PRIMARY KEY (`mid`)
);
CREATE TABLE `sline_member_order` (
  `id` int(11) unsigned NOT NULL AUTO_INCREMENT,
  `ordersn` varchar(255) DEFAULT NULL COMMENT '订单号',
  `memberid` int(11) unsigned DEFAULT NULL COMMENT '会员id',
  `productname` varchar(255) DEFAULT NULL COMMENT '产品名称',
  `usedate` varchar(255) DEFAULT NULL COMMENT '使用日期',
  `dingnum` int(3) unsigned DEFAULT NULL COMMENT '数量',
  `childnum` int(11) unsigned DEFAULT '0' COMMENT '儿童数量',
  `linkman` varchar(255) DEFAULT NULL COMMENT '订单联系人',
  `linktel` varchar(255) DEFAULT NULL COMMENT '订单联系电话',
  PRIMARY KEY (`id`)
);
"""

INTERVIEW = """\
CREATE TABLE `t_interview` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `person_id` bigint NULL DEFAULT NULL COMMENT '人员id',
  `work_year` int NULL DEFAULT NULL COMMENT '工龄（年）',
  `existing_children` int NULL DEFAULT NULL COMMENT '现有子女（人）',
  PRIMARY KEY (`id`)
);
"""

PAY = """\
create table gross_pay
(
    id                         bigint auto_increment
        primary key,
    staffCode                  varchar(256)                       null comment '唯一标识',
    companyName                varchar(256)                       null comment '单位名称',
    staffName                  varchar(256)                       null comment '姓名',
    position                   varchar(256)                       null comment '职务（职级技术等级）',
    onlyChildSubsidy           varchar(256)                       null comment '独生子女奖励',
    babySubsidy                varchar(256)                       null comment '婴幼儿补贴',
    totalNetPay                varchar(256)                       null comment '实发合计'
);
"""


def test_a_headcount_of_children_on_an_order_is_not_a_childs_key(tmp_path: Path) -> None:
    order = _scan(tmp_path, {"travel.sql": TRAVEL})["sline_member_order"]
    assert order.subject.kind == "person_linked"
    assert order.subject.role != "minor"
    assert not [link for link in order.subject.links if link.column == "childnum"]
    assert not finding_of(order, "linkman").sensitive


def test_a_number_of_children_with_its_unit_is_not_a_childs_key(tmp_path: Path) -> None:
    interview = _scan(tmp_path, {"interview.sql": INTERVIEW})["t_interview"]
    assert interview.subject.role != "minor"
    assert not [link for link in interview.subject.links if link.column == "existing_children"]


def test_child_allowances_on_an_employees_pay_do_not_make_it_a_childs_record(
    tmp_path: Path,
) -> None:
    pay = _scan(tmp_path, {"salary.sql": PAY})["gross_pay"]
    assert pay.subject.kind == "person_linked"
    assert pay.subject.role == "employee"
    assert not finding_of(pay, "staffName").sensitive
    assert not finding_of(pay, "companyName").sensitive


MAINPAGE = """\
create table IEM_MAINPAGE_BASICINFO
(
  patnoutfk   VARCHAR2(20) not null,
  name        VARCHAR2(64),
  sexid       VARCHAR2(4),
  birth       VARCHAR2(19),
  officeplace VARCHAR2(64),
  weight      VARCHAR2(10),
  inweight    VARCHAR2(10)
);
comment on table IEM_MAINPAGE_BASICINFO
  is '病案首页患者基本信息';
comment on column IEM_MAINPAGE_BASICINFO.patnoutfk
  is '病人住院号';
comment on column IEM_MAINPAGE_BASICINFO.name
  is '患者姓名';
comment on column IEM_MAINPAGE_BASICINFO.sexid
  is '性别';
comment on column IEM_MAINPAGE_BASICINFO.birth
  is '出生日期';
comment on column IEM_MAINPAGE_BASICINFO.officeplace
  is '工作单位';
comment on column IEM_MAINPAGE_BASICINFO.weight
  is '新生儿出生体重(克)';
comment on column IEM_MAINPAGE_BASICINFO.inweight
  is '新生儿入院体重(克)';
"""


def test_a_newborns_weights_on_a_patients_record_do_not_make_the_patient_a_child(
    tmp_path: Path,
) -> None:
    """A hospital's first page of a patient's record holds a newborn's birth and admission
    weights (for a delivery): the patient stays the patient, not a child under 14."""
    page = _scan(tmp_path, {"mainpage.sql": MAINPAGE})["IEM_MAINPAGE_BASICINFO"]
    assert page.subject.role == "patient"
    assert not finding_of(page, "officeplace").sensitive


DELIVERY = """\
CREATE TABLE patients (
  id int PRIMARY KEY,
  name varchar(40),
  id_card varchar(18)
);
CREATE TABLE observal_data (
  id int PRIMARY KEY,
  patient_id int,
  birthTime varchar(20),
  foetalGender varchar(4),
  foetalHeight varchar(8),
  foetalWeight varchar(8)
);
"""


def test_a_delivery_record_linked_to_a_patient_that_describes_a_foetus_is_the_childs(
    tmp_path: Path,
) -> None:
    """Not a patient's own row but a record of care linked to one whose columns describe the
    foetus (a delivery's gender, height, weight): the child's record, all of it sensitive."""
    delivery = _scan(tmp_path, {"obstetrics.sql": DELIVERY})["observal_data"]
    assert delivery.subject.kind == "person_linked"
    assert delivery.subject.role == "minor"
    assert finding_of(delivery, "birthTime").sensitive
