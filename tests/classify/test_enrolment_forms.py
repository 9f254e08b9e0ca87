"""A kindergarten's enrolment form: the record of a user that names the user's father and mother
(`f_name`, `m_tel`, 家长电话) in a schema file or table named after a kindergarten or primary
school is a child's. Every personal field of the child's record is sensitive (PIPL Art. 28,
Art. 31), the parents' names and phones on it too: they are part of the child's file and say who
the child's family is and how to reach it. Without the school context, or without the parents'
columns, the same user stays an adult user."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

FORM = """
CREATE TABLE `user` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(255) DEFAULT NULL,
  `sex` varchar(255) DEFAULT NULL,
  `card_num` varchar(255) DEFAULT NULL,
  `address` varchar(255) DEFAULT NULL,
  `f_name` varchar(255) DEFAULT NULL,
  `m_name` varchar(255) DEFAULT NULL,
  `f_tel` varchar(255) DEFAULT NULL,
  `m_tel` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`)
);
"""

PLAIN = """
CREATE TABLE `user` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(255) DEFAULT NULL,
  `sex` varchar(255) DEFAULT NULL,
  `address` varchar(255) DEFAULT NULL,
  `parent_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`)
);
"""

PUPIL_ZH = """
CREATE TABLE `xs_baoming` (
  `id` int(11) NOT NULL AUTO_INCREMENT COMMENT '主键',
  `xm` varchar(20) DEFAULT NULL COMMENT '姓名',
  `xb` varchar(2) DEFAULT NULL COMMENT '性别',
  `jzxm` varchar(20) DEFAULT NULL COMMENT '家长姓名',
  `jzdh` varchar(20) DEFAULT NULL COMMENT '家长电话',
  PRIMARY KEY (`id`)
) COMMENT='报名用户';
"""


def _user(tmp_path: Path, file: str, ddl: str, table: str = "user"):  # type: ignore[no-untyped-def]
    (tmp_path / file).write_text(ddl, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return next(d for d in result.datasets if d.dataset.name == table)


def test_a_kindergarten_users_record_naming_the_parents_is_a_childs(tmp_path: Path) -> None:
    user = _user(tmp_path, "kindergarten.sql", FORM)
    assert user.subject.role == "minor"
    assert any("f_name" in str(e) for e in user.subject.evidence)
    by_name = {f.field.name: f for f in user.findings}
    for column in ("name", "sex", "address"):
        assert by_name[column].sensitive, column
        assert by_name[column].sensitive_group == "minors_under_14"
    for column in ("f_name", "m_name", "f_tel", "m_tel"):
        assert by_name[column].personal, column
        assert by_name[column].sensitive, column
        assert by_name[column].sensitive_group == "minors_under_14"


def test_a_pinyin_initial_of_a_kindergarten_and_chinese_parents_columns(tmp_path: Path) -> None:
    user = _user(tmp_path, "yey_db.sql", PUPIL_ZH, "xs_baoming")
    assert user.subject.role == "minor"
    by_name = {f.field.name: f for f in user.findings}
    assert by_name["xm"].sensitive and by_name["xm"].sensitive_group == "minors_under_14"
    assert by_name["jzdh"].sensitive and by_name["jzdh"].sensitive_group == "minors_under_14"


def test_the_same_form_outside_a_school_stays_a_users(tmp_path: Path) -> None:
    user = _user(tmp_path, "shop.sql", FORM)
    assert user.subject.role != "minor"
    assert not next(f for f in user.findings if f.field.name == "name").sensitive


def test_a_kindergarten_user_without_parents_columns_stays_a_users(tmp_path: Path) -> None:
    user = _user(tmp_path, "kindergarten.sql", PLAIN)
    assert user.subject.role != "minor"
    assert not next(f for f in user.findings if f.field.name == "name").sensitive
