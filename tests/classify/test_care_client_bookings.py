"""A user's booking with a counsellor or a question put to a doctor is a record of their care."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

COUNSELLING = """
CREATE TABLE `yonghu` (`id` int(11) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `yonghu_name` varchar(200) COMMENT '学生姓名', `yonghu_phone` varchar(200) COMMENT '手机号',
  PRIMARY KEY (`id`)) COMMENT='学生';
CREATE TABLE `xinlilaoshi` (`id` int(11) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `xinlilaoshi_name` varchar(200) COMMENT '心理老师姓名',
  `xinlilaoshi_phone` varchar(200) COMMENT '联系方式', PRIMARY KEY (`id`)) COMMENT='心理老师';
CREATE TABLE `xinlilaoshi_order` (`id` int(11) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `xinlilaoshi_id` int(11) COMMENT '心理老师', `yonghu_id` int(11) COMMENT '用户',
  `yuyue_time` date COMMENT '预约日期', `shijianduan_types` int(11) COMMENT '预约时间段',
  `xinlilaoshi_order_yesno_types` int(11) COMMENT '预约状态',
  `insert_time` timestamp NULL COMMENT '申请时间', PRIMARY KEY (`id`)) COMMENT='心理老师预约订单';
CREATE TABLE `xinlilaoshi_collection` (`id` int(11) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `xinlilaoshi_id` int(11) COMMENT '心理老师', `yonghu_id` int(11) COMMENT '用户',
  `insert_time` timestamp NULL COMMENT '收藏时间', PRIMARY KEY (`id`)) COMMENT='心理老师收藏';
"""


def test_a_booking_with_a_counsellor_is_the_students_care_record(tmp_path: Path) -> None:
    """A student's appointment with a counsellor (心理老师预约): its date, slot and status say
    that the student sought counselling, health information (GB/T 35273 Annex B)."""
    order = _scan(tmp_path, {"db.sql": COUNSELLING})["xinlilaoshi_order"]
    for column in ("yuyue_time", "shijianduan_types", "xinlilaoshi_order_yesno_types"):
        finding = _finding(order, column)
        assert finding.sensitive and finding.category == "pi.health", column


def test_a_saved_counsellor_is_no_act_of_care(tmp_path: Path) -> None:
    """A student's bookmark of a counsellor (收藏) is their activity, not a record of care."""
    saved = _scan(tmp_path, {"db.sql": COUNSELLING})["xinlilaoshi_collection"]
    finding = _finding(saved, "insert_time")
    assert finding.personal and not finding.sensitive


QUESTIONS = """
CREATE TABLE `dr_tb_member` (`member_id` int(11) NOT NULL, `member_name` varchar(45),
  `mobile` varchar(45), PRIMARY KEY (`member_id`));
CREATE TABLE `dr_tb_doctor` (`doctor_id` int(11) NOT NULL, `doctor_name` varchar(45),
  `title` varchar(45), PRIMARY KEY (`doctor_id`));
CREATE TABLE `dr_tb_member_question` (`id` int(11) NOT NULL, `doctor_id` int(11),
  `member_id` int(11), `description` varchar(1000), `submit_date` datetime,
  PRIMARY KEY (`id`));
CREATE TABLE `dr_tb_member_comment` (`id` int(11) NOT NULL, `member_id` int(11),
  `doctor_id` int(11), `comment_date` datetime, `service_level` decimal(2,1),
  PRIMARY KEY (`id`)) COMMENT='用户评论';
"""


def test_a_question_to_a_doctor_is_a_consultation(tmp_path: Path) -> None:
    """A member's question to a doctor describes why they seek care: its text and date are the
    member's health information; their public review of a doctor is not."""
    results = _scan(tmp_path, {"q.sql": QUESTIONS})
    question = results["dr_tb_member_question"]
    for column in ("description", "submit_date"):
        finding = _finding(question, column)
        assert finding.sensitive and finding.category == "pi.health", column
    review = results["dr_tb_member_comment"]
    for column in ("comment_date", "service_level"):
        assert not _finding(review, column).sensitive, column


SCHEDULES = """
CREATE TABLE `user` (`id` bigint(20) NOT NULL, `RealName` varchar(20) COMMENT '真实姓名',
  `Phone` varchar(20) COMMENT '手机号', PRIMARY KEY (`id`)) COMMENT='用户表';
CREATE TABLE `rule` (`id` bigint(20) NOT NULL COMMENT 'id',
  `UserId` bigint(20) NOT NULL COMMENT '医生id', `RuleName` varchar(100) COMMENT '规则名称',
  `Week` varchar(100) COMMENT '星期', PRIMARY KEY (`id`)) COMMENT='排班规则表';
CREATE TABLE `scheduling` (`id` bigint(20) NOT NULL COMMENT 'id',
  `SchedDate` datetime NOT NULL COMMENT '排班日期', `UserId` bigint(20) COMMENT '医生id',
  `Noon` varchar(100) NOT NULL COMMENT '午别', `RuleId` bigint(20) COMMENT '排班规则id',
  PRIMARY KEY (`id`)) COMMENT='排班表';
"""


def test_a_doctors_own_schedule_serves_no_one(tmp_path: Path) -> None:
    """A duty roster keyed by the doctor's user id ('医生id') and by its rule: no one else is
    served there, so its date and half-day are no one's care record."""
    scheduling = _scan(tmp_path, {"his.sql": SCHEDULES})["scheduling"]
    for column in ("SchedDate", "Noon"):
        assert not _finding(scheduling, column).sensitive, column
