"""A driving school's tips for its exam subjects (科目技巧) are articles written by an
administrator: the foreign key from `creator` to `admin` says who wrote the row, not whom the
row is about, so the articles are no one's personal record. A key from the row's person
(`studentid` → student) still makes it theirs. Excerpt of a public MySQL schema (a driving
school)."""

from __future__ import annotations

from pathlib import Path

from builders import scan_tables

DRIVING_SCHOOL = """
CREATE TABLE `users`(
  `userid`   VARCHAR(20) NOT NULL,
  `username` VARCHAR(20) NOT NULL COMMENT '用户名',
  `password` VARCHAR(64) NOT NULL COMMENT '密码',
  PRIMARY KEY (`userid`)
) ENGINE=INNODB  DEFAULT CHARSET=utf8;
CREATE TABLE `admin`(
  `adminid` VARCHAR(20) NOT NULL,
  `nickname` VARCHAR(50)  NOT NULL COMMENT '名称',
  `userid`    VARCHAR(20)NOT NULL UNIQUE ,
  `enable`  INT(1) DEFAULT 0 COMMENT  '启用状态',
   FOREIGN KEY(userid) REFERENCES users(userid),
  PRIMARY KEY (`adminid`)
)  ENGINE=INNODB  DEFAULT CHARSET=utf8;
CREATE TABLE student(
  studentid VARCHAR(20) NOT NULL,
  name VARCHAR(20) NOT NULL,
  phone VARCHAR(11),
  PRIMARY KEY (studentid)
) ENGINE=INNODB DEFAULT CHARSET=utf8;
CREATE TABLE subjectskill(
  id VARCHAR(20),
  category INT(1) NOT NULL,
  title     VARCHAR(50) NOT NULL,
  content  VARCHAR(500) NOT NULL,
  creator  VARCHAR(20)  NOT NULL,
  FOREIGN KEY(creator) REFERENCES admin(adminid),
  PRIMARY KEY (id)
) ENGINE=INNODB DEFAULT CHARSET=utf8;
CREATE TABLE examscore(
  id VARCHAR(20),
  studentid VARCHAR(20) NOT NULL,
  exam_date DATE NOT NULL,
  score INT(3) NOT NULL,
  FOREIGN KEY(studentid) REFERENCES student(studentid),
  PRIMARY KEY (id)
) ENGINE=INNODB DEFAULT CHARSET=utf8;
"""


def test_an_article_by_an_admin_is_no_ones_record(tmp_path: Path) -> None:
    tables = scan_tables(tmp_path, DRIVING_SCHOOL)
    article = tables["subjectskill"]
    assert article["subject"].kind != "person_linked"
    for column in ("category", "title", "content"):
        assert not article[column].personal, column
    score = tables["examscore"]
    assert score["subject"].kind == "person_linked"
    assert score["score"].personal
