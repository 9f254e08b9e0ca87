"""A table whose comment names an organisation and a booking (科室预约 'a department's
appointments', 酒店预订 'hotel bookings') and whose rows are keyed to a person (`userid`) holds
that person's bookings: not the organisation's own record. A department's or a hotel's own table,
even keyed by the user who entered it, or its bookings with no person's key (a daily quota),
stays the organisation's."""

from __future__ import annotations

from pathlib import Path

from tests.builders import scan_files

DDL = """
CREATE TABLE `keshiyuyue` (
  `id` bigint NOT NULL COMMENT '主键',
  `keshimingcheng` varchar(200) COMMENT '科室名称',
  `yuyueriqi` date COMMENT '预约日期',
  `xingming` varchar(200) COMMENT '姓名',
  `shouji` varchar(200) COMMENT '手机',
  `userid` bigint COMMENT '用户id',
  PRIMARY KEY (`id`)
) COMMENT='科室预约';
CREATE TABLE `jiudianyuding` (
  `id` bigint NOT NULL COMMENT '主键',
  `jiudianmingcheng` varchar(200) COMMENT '酒店名称',
  `ruzhuriqi` date COMMENT '入住日期',
  `user_id` bigint COMMENT '用户id',
  PRIMARY KEY (`id`)
) COMMENT='酒店预订';
CREATE TABLE `t_ks` (
  `id` bigint NOT NULL COMMENT '主键',
  `keshimingcheng` varchar(200) COMMENT '科室名称',
  `dianhua` varchar(200) COMMENT '科室电话',
  `userid` bigint COMMENT '创建用户id',
  PRIMARY KEY (`id`)
) COMMENT='科室';
CREATE TABLE `t_ks_yy` (
  `id` bigint NOT NULL COMMENT '主键',
  `keshimingcheng` varchar(200) COMMENT '科室名称',
  `yuyueshangxian` int COMMENT '每日预约上限',
  PRIMARY KEY (`id`)
) COMMENT='科室预约';
"""


def test_a_persons_booking_with_an_organisation_is_the_persons(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"db.sql": DDL})
    for table in ("keshiyuyue", "jiudianyuding"):
        subject = found[table].subject
        assert subject is not None and subject.kind != "organisation", table
    by_name = {f.field.name: f for f in found["keshiyuyue"].findings}
    assert by_name["yuyueriqi"].element is not None  # the date of the person's appointment


def test_an_organisations_own_table_stays_the_organisations(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"db.sql": DDL})
    for table in ("t_ks", "t_ks_yy"):
        subject = found[table].subject
        assert subject is not None and subject.kind == "organisation", table
