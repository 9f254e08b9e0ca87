"""A key whose Chinese comment names another table by that table's own comment links to it; a
table whose comment calls it settings (设置) is configuration."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

BOOKINGS = """
CREATE TABLE member (id VARCHAR(19) PRIMARY KEY, name VARCHAR(50) COMMENT '姓名',
  mobile VARCHAR(20) COMMENT '手机号') COMMENT='会员';
CREATE TABLE venue_cons (id VARCHAR(19) PRIMARY KEY, member_id VARCHAR(19) COMMENT '会员ID',
  total DOUBLE COMMENT '总金额') COMMENT='场地预定主信息表';
CREATE TABLE venue_cons_item (id VARCHAR(19) PRIMARY KEY,
  cons_data_id VARCHAR(19) COMMENT '场地预定主表Id',
  start_time VARCHAR(12) COMMENT '开始时间',
  cons_info VARCHAR(50) COMMENT '预定信息') COMMENT='场地预订';
CREATE TABLE visitors_set (id VARCHAR(19) PRIMARY KEY, name VARCHAR(50) COMMENT '名称',
  price DOUBLE COMMENT '价格', remarks VARCHAR(200) COMMENT '备注') COMMENT='人次票设置';
"""


def test_a_key_naming_a_table_by_its_comment_links_to_it(tmp_path: Path) -> None:
    """`cons_data_id` '场地预定主表Id' names `venue_cons` '场地预定主信息表': the items are
    the member's booking, as a declared foreign key would say."""
    results = _scan(tmp_path, {"venue.sql": BOOKINGS})
    item = results["venue_cons_item"]
    assert item.subject.kind == "person_linked"
    assert [link.target for link in item.subject.links] == ["venue_cons"]


def test_a_settings_table_is_configuration(tmp_path: Path) -> None:
    """'人次票设置' (ticket settings): its name, price and remarks are the venue's settings,
    not anyone's, though its name holds the word visitors."""
    results = _scan(tmp_path, {"venue.sql": BOOKINGS})
    settings = results["visitors_set"]
    assert settings.subject.kind == "system"
    for column in ("name", "price", "remarks"):
        assert not _finding(settings, column).personal, column
