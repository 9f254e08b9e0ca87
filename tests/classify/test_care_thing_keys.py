"""A key to a drug or a vaccine on a person's own record says which one the person took or had."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

CLINIC = """
CREATE TABLE `yonghu` (`id` int(11) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `yonghu_name` varchar(200) COMMENT '用户姓名', `yonghu_phone` varchar(200) COMMENT '手机号',
  `yonghu_id_number` varchar(200) COMMENT '身份证号', PRIMARY KEY (`id`)) COMMENT='用户';
CREATE TABLE `yuangong` (`id` int(11) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `yuangong_name` varchar(200) COMMENT '员工姓名', `yuangong_phone` varchar(200) COMMENT '手机号',
  PRIMARY KEY (`id`)) COMMENT='员工';
CREATE TABLE `yaopin` (`id` int(11) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `yaopin_name` varchar(200) COMMENT '药品名称', `yaopin_price` decimal(10,2) COMMENT '价格',
  `yaopin_kucun` int(11) COMMENT '库存', PRIMARY KEY (`id`)) COMMENT='药品';
CREATE TABLE `yimiao` (`id` int(11) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `yimiao_name` varchar(200) COMMENT '疫苗名称', `yimiao_price` decimal(10,2) COMMENT '价格',
  PRIMARY KEY (`id`)) COMMENT='疫苗';
CREATE TABLE `quyaojilu` (`id` int(11) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `yaopin_id` int(11) COMMENT '药品', `yonghu_id` int(11) COMMENT '用户',
  `yuangong_id` int(11) COMMENT '员工', `quyaojilu_number` int(11) COMMENT '数量',
  `create_time` timestamp NULL COMMENT '创建时间', PRIMARY KEY (`id`)) COMMENT='取药记录';
CREATE TABLE `yuyuejiezhong` (`id` int(11) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `yonghu_id` int(11) COMMENT '用户', `yimiao_id` int(11) COMMENT '疫苗',
  `yuyue_time` date COMMENT '预约日期', `create_time` timestamp NULL COMMENT '创建时间',
  PRIMARY KEY (`id`)) COMMENT='预约接种';
CREATE TABLE `yuangong_yimiao` (`id` int(11) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `yuangong_id` int(11) COMMENT '员工', `yimiao_id` int(11) COMMENT '疫苗',
  PRIMARY KEY (`id`)) COMMENT='员工可接种疫苗';
CREATE TABLE `chufang_mingxi` (`id` int(11) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `yonghu_id` int(11) COMMENT '创建用户', `yaopin_id` int(11) COMMENT '药品',
  `yongfa` varchar(100) COMMENT '用法', PRIMARY KEY (`id`)) COMMENT='处方模板明细表';
"""


def test_the_medicine_a_user_picked_up_is_their_health_information(tmp_path: Path) -> None:
    """A user's pickup of a medicine (取药记录) and their booking of a vaccination (预约接种):
    the key to the medicine or the vaccine says which one the person took or had."""
    found = _scan(tmp_path, {"db.sql": CLINIC})
    pickup = _finding(found["quyaojilu"], "yaopin_id")
    assert pickup.personal and pickup.sensitive and pickup.element == "pi.health.medication"
    assert any(e.rule == "subject-care-thing-key" for e in pickup.evidence)
    booking = _finding(found["yuyuejiezhong"], "yimiao_id")
    assert booking.personal and booking.sensitive and booking.category == "pi.health"


def test_a_staff_members_vaccines_and_the_things_own_keys_are_no_ones_health(
    tmp_path: Path,
) -> None:
    """The vaccines a member of staff may give are not their health, and a drug table's own
    name is no one's medication."""
    found = _scan(tmp_path, {"db.sql": CLINIC})
    staff = _finding(found["yuangong_yimiao"], "yimiao_id")
    assert not any(e.rule == "subject-care-thing-key" for e in staff.evidence)
    assert not _finding(found["yaopin"], "yaopin_name").sensitive


def test_a_template_of_prescriptions_is_no_ones_medication(tmp_path: Path) -> None:
    """The lines of a prescription template (处方模板明细表) define what a prescription holds:
    its drug key is no one's medication, whoever created the template."""
    found = _scan(tmp_path, {"db.sql": CLINIC})
    line = _finding(found["chufang_mingxi"], "yaopin_id")
    assert not any(e.rule == "subject-care-thing-key" for e in line.evidence)
