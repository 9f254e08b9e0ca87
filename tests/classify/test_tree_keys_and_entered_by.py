"""A website's own tables are not a person's record. A bare `pid` names a person's key in a
clinic's tables, but as often the parent row of a tree: a site's menu, its sections or the
parameters of an online calculator (父级id, 所属id, or a `sort` column ranking the rows for
display). And a key whose comment says who entered it (用户导入, 用户添加: imported or added by a
user) is the key of the goods or the storage place the row describes, not the user's. Excerpts
of two public MySQL dumps (a social-insurance agency's website, a clothing warehouse) and a
clinic's schema where `pid` stays the patient's key."""

from __future__ import annotations

from pathlib import Path

from builders import scan_tables

WEBSITE = """
CREATE TABLE `ml_adminaccess` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `pid` int(6) NOT NULL COMMENT '父级id',
  `lid` int(6) NOT NULL COMMENT '1,应用2,控制器，3，方法',
  `name` varchar(120) NOT NULL,
  `title` varchar(180) NOT NULL,
  `sort` int(11) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=MyISAM AUTO_INCREMENT=79 DEFAULT CHARSET=utf8;
CREATE TABLE `ml_jisuanqi` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `cid` int(11) NOT NULL,
  `pid` int(11) NOT NULL,
  `lid` int(11) NOT NULL COMMENT '1,最高基数，2最低基数，3参数',
  `name` varchar(60) NOT NULL,
  `meter1` varchar(60) NOT NULL,
  `meter2` varchar(60) NOT NULL,
  `content` text NOT NULL,
  `uptime` int(11) NOT NULL,
  `sort` int(11) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=MyISAM AUTO_INCREMENT=21 DEFAULT CHARSET=utf8;
CREATE TABLE `ml_piclist` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `lid` int(11) NOT NULL COMMENT '所属分类,0栏目，1文章，以此类推',
  `pid` int(11) NOT NULL COMMENT '所属id',
  `piclist` text NOT NULL,
  `uptime` varchar(20) NOT NULL COMMENT '更新时间',
  PRIMARY KEY (`id`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8;
"""

WAREHOUSE = """
CREATE TABLE `product_info` (
  `product_id` varchar(50) NOT NULL COMMENT '用户导入',
  `product_name` varchar(50) DEFAULT NULL COMMENT '货品名称',
  `product_base_price` varchar(20) DEFAULT NULL COMMENT '成本单价',
  `sells_price` varchar(20) DEFAULT NULL COMMENT '吊牌单价',
  `color` varchar(20) DEFAULT NULL COMMENT '颜色编号',
  `order_count` int(10) DEFAULT NULL COMMENT '采购数量',
  PRIMARY KEY (`product_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='商品信息';
CREATE TABLE `tb_sh_sub` (
  `id` int(11) NOT NULL AUTO_INCREMENT COMMENT 'id',
  `sh_sub_id` varchar(50) NOT NULL COMMENT '用户添加',
  `sh_id` varchar(50) DEFAULT NULL COMMENT '所属仓库编号',
  `capacity` int(9) DEFAULT '0' COMMENT '容量',
  `used_total` int(9) DEFAULT '0' COMMENT '已使用的数量',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=1318 DEFAULT CHARSET=utf8 COMMENT='仓位信息表';
CREATE TABLE `tb_member_card` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `card_id` varchar(50) NOT NULL COMMENT '用户ID',
  `balance` decimal(10,2) DEFAULT NULL COMMENT '余额',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
"""

CLINIC = """
CREATE TABLE patients (pid INTEGER PRIMARY KEY, name TEXT, sex TEXT, ward TEXT);
CREATE TABLE treatment (pid INTEGER, drug TEXT, dose TEXT, route TEXT, sort INTEGER);
CREATE TABLE visits (id INTEGER PRIMARY KEY, pid INTEGER, reason TEXT, seen_at TEXT);
"""


def test_a_trees_parent_id_is_no_persons_key(tmp_path: Path) -> None:
    tables = scan_tables(tmp_path, WEBSITE)
    for name, columns in (
        ("ml_adminaccess", ("pid", "lid", "name", "title")),
        ("ml_jisuanqi", ("cid", "pid", "name", "meter1", "content")),
        ("ml_piclist", ("pid", "piclist")),
    ):
        table = tables[name]
        assert table["subject"].kind != "person_linked", name
        for column in columns:
            assert not table[column].personal, (name, column)


def test_a_clinics_pid_stays_the_patients_key(tmp_path: Path) -> None:
    tables = scan_tables(tmp_path, CLINIC)
    for name in ("treatment", "visits"):
        assert tables[name]["subject"].kind == "person_linked", name


def test_a_key_the_user_entered_is_not_the_users_key(tmp_path: Path) -> None:
    tables = scan_tables(tmp_path, WAREHOUSE)
    goods = tables["product_info"]
    assert goods["subject"].kind != "person_linked"
    for column in ("product_base_price", "sells_price", "color"):
        assert not goods[column].personal, column
    place = tables["tb_sh_sub"]
    assert place["subject"].kind != "person_linked"
    assert not place["capacity"].personal
    card = tables["tb_member_card"]  # '用户ID': whose card it is
    assert card["subject"].kind == "person_linked"
