"""A school's pupil register: a student's record that names the father and the mother apart, or a
legal guardian, is a child's (PIPL Art. 28, Art. 31) even where no kindergarten or primary school is
named, unless the scan names higher education. A record whose Chinese comments name a child
(幼儿姓名, 残疾幼儿类别) is a child's too. A timetable of classes keyed to its teacher is a thing the
school offers, not a record about the teacher; a timetable of a teacher's dates alone is theirs."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

REGISTER = """
create table school.student (
  oid varchar(128) not null,
  student_id varchar(128) not null,
  roll_number varchar(128),
  name_en varchar(128) not null,
  date_of_birth date,
  gender varchar(16),
  mobile_no varchar(32),
  father_name varchar(128),
  father_occupation varchar(128),
  mother_name varchar(128),
  mother_contact_number varchar(32),
  primary key (oid)
);
"""

ONE_PARENT = """
create table student (
  id int primary key,
  name varchar(64),
  gender varchar(8),
  phone varchar(32),
  parent_name varchar(64),
  parent_phone varchar(32)
);
"""

COLLEGE = """
create table major (id int primary key, title varchar(64));
"""

CHILD_COMMENTS = """
CREATE TABLE `student_info` (
  `student_id` int NOT NULL AUTO_INCREMENT,
  `name` char(20) NOT NULL COMMENT '幼儿姓名',
  `sex` char(2) NOT NULL COMMENT '性别',
  `birthday` date NOT NULL COMMENT '生日',
  `h_add` char(80) NOT NULL COMMENT '户籍地址',
  `canji_type` char(50) NOT NULL COMMENT '残疾幼儿类别',
  PRIMARY KEY (`student_id`)
);
"""

TIMETABLE = """
create table teacher (id int primary key, name varchar(64), phone varchar(32));
create table timetable (
  id int primary key,
  teacher_id int references teacher(id),
  class_id int,
  day varchar(16),
  starting_time time,
  ending_time time,
  room_number varchar(16)
);
"""


TEACHER_DAYS = """
create table teacher (id int primary key, name varchar(64), phone varchar(32));
create table timetable (
  timetable_id int primary key,
  teacher_id int references teacher(id),
  timetable_date date not null
);
"""


def _scan(tmp_path: Path, files: dict[str, str]):  # type: ignore[no-untyped-def]
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {d.dataset.name.split(".")[-1]: d for d in result.datasets}


def test_a_student_record_naming_father_and_mother_is_a_pupils(tmp_path: Path) -> None:
    student = _scan(tmp_path, {"student.sql": REGISTER})["student"]
    assert student.subject.role == "minor"
    assert any("father_name" in str(e) for e in student.subject.evidence)
    by_name = {f.field.name: f for f in student.findings}
    for column in ("name_en", "date_of_birth", "gender", "mobile_no"):
        assert by_name[column].sensitive, column
        assert by_name[column].sensitive_group == "minors_under_14"


def test_one_parent_contact_or_higher_education_keeps_students_adults(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = _scan(tmp_path / "a", {"s.sql": ONE_PARENT})
    assert one["student"].subject.role == "student"
    college = _scan(tmp_path / "b", {"student.sql": REGISTER, "major.sql": COLLEGE})
    assert college["student"].subject.role == "student"
    assert not {f.field.name: f for f in college["student"].findings}["gender"].sensitive


def test_chinese_comments_naming_a_child_make_a_students_record_a_childs(tmp_path: Path) -> None:
    info = _scan(tmp_path, {"update.sql": CHILD_COMMENTS})["student_info"]
    assert info.subject.role == "minor"
    by_name = {f.field.name: f for f in info.findings}
    assert by_name["birthday"].sensitive
    assert by_name["h_add"].sensitive_group == "minors_under_14"


def test_a_class_timetable_is_not_about_its_teacher(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"timetable.sql": TIMETABLE})
    assert found["timetable"].subject.kind == "reference"
    by_name = {f.field.name: f for f in found["timetable"].findings}
    for column in ("class_id", "day", "starting_time", "room_number"):
        assert not by_name[column].personal, column
    assert found["teacher"].subject.kind == "person"


def test_a_timetable_of_a_teachers_dates_alone_stays_the_teachers(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"timetable.sql": TEACHER_DAYS})
    assert found["timetable"].subject.kind == "person_linked"


NATIONAL_PUPIL_IDS = """
CREATE TABLE "Eleves" (
    "ELEVE_ID" TEXT PRIMARY KEY NOT NULL,
    "INE" TEXT NOT NULL,
    "Nom" TEXT,
    "Prenom" TEXT,
    "Naissance" DATE
);
CREATE TABLE "Affectations" (
    "INE" TEXT,
    "Annee" INTEGER,
    "Classe" TEXT NOT NULL,
    "Etablissement" TEXT,
    PRIMARY KEY(INE, Annee)
);
CREATE TABLE sports_marks (
    xuejihao varchar(32),
    activity varchar(64),
    mark decimal(4, 2),
    mark_date date
);
"""


def test_a_national_pupil_number_links_a_table_to_the_pupil(tmp_path: Path) -> None:
    """A national pupil or student number (France's INE, China's 学籍号) names one pupil on its
    own: a table keyed by it, with no foreign key, is that pupil's record."""
    found = _scan(tmp_path, {"structure.sql": NATIONAL_PUPIL_IDS})
    for table in ("Affectations", "sports_marks"):
        assert found[table].subject.kind == "person_linked", table
    placed = {f.field.name: f for f in found["Affectations"].findings}
    for column in ("INE", "Annee", "Classe", "Etablissement"):
        assert placed[column].personal, column
    assert {f.field.name: f for f in found["sports_marks"].findings}["mark"].personal
    assert {f.field.name: f for f in found["Eleves"].findings}["INE"].element == (
        "pi.online_identity.user_id"
    )
