"""Tables whose names end in a code-list word (`*_template`) but hold people: one a comment calls
a role's table (学生表), one keyed by a person through a column comment (学生唯一id)."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

SCHEMA = """
CREATE TABLE student_template (
  id serial PRIMARY KEY,
  no varchar,
  real_name varchar,
  password varchar,
  tel varchar
);
COMMENT ON TABLE student_template IS '学生表';
COMMENT ON COLUMN student_template.no IS '学号';
COMMENT ON COLUMN student_template.real_name IS '学生真实姓名';
COMMENT ON COLUMN student_template.password IS '密码';
COMMENT ON COLUMN student_template.tel IS '学生联系方式';

CREATE TABLE career_template (
  id serial PRIMARY KEY,
  sole varchar,
  place varchar,
  salary integer
);
COMMENT ON TABLE career_template IS '记录表';
COMMENT ON COLUMN career_template.sole IS '学生唯一id';
COMMENT ON COLUMN career_template.place IS '所处的地区';
COMMENT ON COLUMN career_template.salary IS '工资';

CREATE TABLE message_template (
  id serial PRIMARY KEY,
  title varchar,
  body varchar
);
COMMENT ON TABLE message_template IS '消息模板';
"""


def test_a_roles_table_named_template_is_of_people(tmp_path: Path) -> None:
    """'学生表' (the students' table): the students, so the password is their credential."""
    ds = _scan(tmp_path, {"s.sql": SCHEMA})["student_template"]
    assert ds.subject.kind == "person" and ds.subject.role == "student"
    password = _finding(ds, "password")
    assert password.element == "pi.credential.password" and password.sensitive


def test_a_template_keyed_by_a_person_holds_their_records(tmp_path: Path) -> None:
    """`sole` '学生唯一id' (a student's unique id): the rows are a student's career records, not
    a code list; the region and salary are the student's."""
    ds = _scan(tmp_path, {"s.sql": SCHEMA})["career_template"]
    assert ds.subject.kind == "person_linked"
    assert _finding(ds, "salary").personal
    assert _finding(ds, "place").personal


def test_a_template_of_things_stays_a_code_list(tmp_path: Path) -> None:
    ds = _scan(tmp_path, {"s.sql": SCHEMA})["message_template"]
    assert ds.subject.kind == "reference"
    assert not _finding(ds, "title").personal
