"""A school level written in Korean or Thai in a comment (초/중/고, the shorthand for primary,
middle and high school; 초등학교; อนุบาล, kindergarten) says the scan's learners are school
pupils: a cram school's students are then children, their records sensitive (PIPL Art. 28),
while the same students beside a school table naming only a university stay students."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

# A Korean cram school (학원): the schools its pupils attend, by level, and the pupils.
ACADEMY = """
CREATE TABLE tbl_school (
    s_seq   int auto_increment comment '시퀀스키',
    s_name  varchar(200) not null comment '학교명',
    s_grade tinyint not null comment '{levels}',
    primary key(s_seq)
) comment '학교정보';

CREATE TABLE tbl_student (
    seq      int auto_increment comment '시퀀스키',
    name     varchar(50) not null comment '이름',
    age      smallint not null comment '나이',
    birth    char(6) default '000000' comment '생년월일',
    hp       varchar(11) not null comment '핸드폰번호',
    addr     varchar(100) not null comment '집주소',
    school   int not null comment '학교',
    grade    char(1) not null comment '학년',
    regdate  date not null comment '등록일',
    primary key(seq),
    foreign key(school) references tbl_school(s_seq)
) COMMENT '학생정보 테이블';
"""


def _student(tmp_path: Path, levels: str):  # type: ignore[no-untyped-def]
    (tmp_path / "academy_table_schema.sql").write_text(
        ACADEMY.format(levels=levels), encoding="utf-8"
    )
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return next(d for d in result.datasets if d.dataset.name == "tbl_student")


def test_pupils_of_primary_and_middle_schools_are_children(tmp_path: Path) -> None:
    for levels in ("초/중/고/대", "초등학교"):
        student = _student(tmp_path, levels)
        assert student.subject.role == "minor", levels
        by_name = {f.field.name: f for f in student.findings}
        assert all(by_name[c].sensitive for c in ("name", "birth", "hp", "addr")), levels


def test_students_of_a_school_table_naming_no_school_level_stay_students(tmp_path: Path) -> None:
    student = _student(tmp_path, "학교구분")
    assert student.subject.role == "student"
    assert not next(f for f in student.findings if f.field.name == "name").sensitive
