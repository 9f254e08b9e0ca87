"""MySQL dumps as public schema repositories hold them: index and constraint lines of every
kind inside CREATE TABLE, spatial column types, ``DELIMITER`` blocks and stray lines between
statements. Every column is a field; index lines never are."""

from __future__ import annotations

from pathlib import Path

from test_readers_sql_styles import _comments, _dataset, _read

from dataflow.model import ReadResult


def _problems(result: ReadResult) -> list[tuple[int | None, str, str]]:
    return [(p.line, p.severity.value, p.message) for p in result.problems]


# --- 1. index, key and constraint lines; spatial types -----------------------------------------

INDEXES = """\
DROP TABLE IF EXISTS `user_info`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `user_info` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `user_name` varchar(64) NOT NULL DEFAULT '' COMMENT '用户名',
  `mobile` varchar(20) DEFAULT NULL COMMENT '手机号',
  `id_card` varchar(18) DEFAULT NULL COMMENT '身份证号',
  `home_location` point NOT NULL COMMENT '住址坐标',
  `bio` text,
  `age` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`) USING BTREE,
  INDEX `idx_name` (`user_name`),
  KEY `idx_mobile` (`mobile`) USING BTREE COMMENT '按手机号查询',
  UNIQUE INDEX `uk_card` (`id_card`) USING BTREE,
  UNIQUE KEY `uk_name` (`user_name`(32)),
  FULLTEXT KEY `ft_bio` (`bio`) /*!50100 WITH PARSER `ngram` */ ,
  SPATIAL INDEX `sp_loc` (`home_location`),
  KEY `idx_age` (`age` DESC) INVISIBLE,
  CONSTRAINT `chk_age` CHECK (`age` >= 0),
  CONSTRAINT `fk_owner` FOREIGN KEY (`id`) REFERENCES `account` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=1 DEFAULT CHARSET=utf8mb4 ROW_FORMAT=DYNAMIC COMMENT='用户信息';

CREATE TABLE `delivery_area` (
  `area_id` int NOT NULL,
  `boundary` polygon NOT NULL,
  `courier_route` linestring,
  `receiver_phone` varchar(20) COMMENT '收件人电话',
  SPATIAL KEY `sp_boundary` (`boundary`)
) ENGINE=InnoDB;
"""


def test_index_lines_are_not_columns_and_a_spatial_type_does_not_lose_the_table(
    tmp_path: Path,
) -> None:
    # No dialect parses MySQL's POINT, POLYGON or LINESTRING in a MySQL table: both tables
    # used to be dropped with an error. The columns are read one by one instead.
    result = _read(tmp_path, INDEXES)
    user = _dataset(result, "user_info")
    assert [(f.name, f.line) for f in user.fields] == [
        ("id", 5),
        ("user_name", 6),
        ("mobile", 7),
        ("id_card", 8),
        ("home_location", 9),
        ("bio", 10),
        ("age", 11),
    ]
    assert user.comment == "用户信息"
    assert user.primary_key == ("id",)
    assert _comments(result, "user_info")["home_location"] == "住址坐标"
    assert _comments(result, "user_info")["id_card"] == "身份证号"
    area = _dataset(result, "delivery_area")
    assert [(f.name, f.line) for f in area.fields] == [
        ("area_id", 25),
        ("boundary", 26),
        ("courier_route", 27),
        ("receiver_phone", 28),
    ]
    assert _comments(result, "delivery_area")["receiver_phone"] == "收件人电话"
    assert [(line, severity) for line, severity, _ in _problems(result)] == [
        (4, "warning"),
        (24, "warning"),
    ]
    assert all("user_info" in m or "delivery_area" in m for _, _, m in _problems(result))


UNTYPED = """\
CREATE TABLE `member` (
  `id` bigint NOT NULL,
  `real_name` varchar(32) COMMENT '真实姓名',
  `geo` point SRID 4326 NOT NULL COMMENT '住址坐标',
  `phone` varchar(20) COMMENT '手机' STORAGE_ATTRIBUTE 7,
  `email` varchar(64),
  PRIMARY KEY (`id`),
  SPATIAL KEY `sp_geo` (`geo`) WITH ODD_OPTION,
  INDEX idx_real (`real_name`) VISIBLE
) ENGINE=InnoDB COMMENT='会员';
CREATE TABLE next_one (a int, b varchar(3));
"""


def test_a_column_no_parser_reads_is_kept_without_a_type_with_a_warning_at_its_line(
    tmp_path: Path,
) -> None:
    result = _read(tmp_path, UNTYPED)
    member = _dataset(result, "member")
    assert [(f.name, f.line, f.data_type) for f in member.fields] == [
        ("id", 2, "BIGINT"),
        ("real_name", 3, "VARCHAR(32)"),
        ("geo", 4, None),
        ("phone", 5, None),
        ("email", 6, "VARCHAR(64)"),
    ]
    assert _comments(result, "member")["geo"] == "住址坐标"
    assert _comments(result, "member")["phone"] == "手机"
    assert member.comment == "会员"
    assert [(line, severity) for line, severity, _ in _problems(result)] == [
        (1, "warning"),
        (4, "warning"),
        (5, "warning"),
    ]
    # the statement after it is read as before
    assert [f.name for f in _dataset(result, "next_one").fields] == ["a", "b"]


# --- 2. stray lines between statements --------------------------------------------------------

STRAY = """\
CREATE TABLE `t_user` (
  `id` int NOT NULL,
  `real_name` varchar(20) DEFAULT NULL COMMENT '姓名'
) ENGINE=InnoDB;
INSERT INTO `t_user` VALUES (1,'x');
Here's the address table, run it after the users
CREATE TABLE `t_address` (
  `id` int NOT NULL,
  `detail` varchar(200) DEFAULT NULL COMMENT '详细地址'
) ENGINE=InnoDB;
/*!40101 SET character_set_client = @saved_cs_client
CREATE TABLE `t_contact` (
  `id` int NOT NULL,
  `phone` varchar(20) DEFAULT NULL COMMENT '电话'
) ENGINE=InnoDB;
INSERT INTO t_contact VALUES (1, '2')
Records of t_contact
CREATE TABLE `t_card` (
  `id` int NOT NULL,
  `id_card` varchar(18) DEFAULT NULL COMMENT '身份证号'
) ENGINE=InnoDB;
/*!40101 SET @saved_cs_client = @@character_set_client */;
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `trg_user` BEFORE INSERT ON `t_user` FOR EACH ROW BEGIN
  SET NEW.real_name = TRIM(NEW.real_name);
END */;;
DELIMITER ;
CREATE TABLE `t_mail` (
  `id` int NOT NULL,
  `email` varchar(64) DEFAULT NULL COMMENT '邮箱'
) ENGINE=InnoDB;
"""


def test_a_stray_line_between_statements_does_not_take_the_next_table(tmp_path: Path) -> None:
    # A sentence with an apostrophe opened a quote that ran into the next tables; a line of
    # prose glued to a CREATE TABLE took it along into one statement "not recognised as SQL";
    # a conditional comment left open (``/*!40101 …`` without ``*/``) hid the tables after it.
    result = _read(tmp_path, STRAY)
    assert [(d.name, d.line) for d in result.datasets] == [
        ("t_user", 1),
        ("t_address", 7),
        ("t_contact", 12),
        ("t_card", 18),
        ("t_mail", 28),
    ]
    assert _comments(result, "t_address")["detail"] == "详细地址"
    assert _comments(result, "t_card")["id_card"] == "身份证号"
    assert [f.line for f in _dataset(result, "t_card").fields] == [19, 20]
    # the line of prose is still reported, at its line (the one after an INSERT goes with it)
    assert [(line, severity) for line, severity, _ in _problems(result)] == [(6, "error")]


PG_COPY = """\
CREATE TABLE public.customer (
    id integer NOT NULL,
    surname text
);

COPY public.customer (id, surname) FROM stdin;
1\tO'Brien
2\tD'Arcy
\\.

CREATE TABLE public.customer_phone (
    customer_id integer NOT NULL,
    phone text
);
"""


def test_rows_of_a_pg_dump_copy_are_not_read_as_sql(tmp_path: Path) -> None:
    # an apostrophe in a row opened a quote that hid the rest of the dump
    result = _read(tmp_path, PG_COPY)
    assert [(d.name, [f.name for f in d.fields]) for d in result.datasets] == [
        ("public.customer", ["id", "surname"]),
        ("public.customer_phone", ["customer_id", "phone"]),
    ]
    assert _dataset(result, "public.customer_phone").line == 11
    assert _problems(result) == []
