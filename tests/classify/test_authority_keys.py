"""The key of a role, group or permission on a person's row, or on a row assigning one to a
person, says which roles and permissions the person holds: information about them. The same key
on a role's own configuration (a menu's roles) is no one's."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

ADMIN = """
CREATE TABLE sys_user (
  user_id bigint PRIMARY KEY,
  login_name varchar(30),
  user_name varchar(30),
  email varchar(50),
  phonenumber varchar(11),
  role_id bigint
);
CREATE TABLE sys_user_role (
  user_id bigint NOT NULL,
  role_id bigint NOT NULL,
  PRIMARY KEY (user_id, role_id)
);
CREATE TABLE sys_role_menu (
  role_id bigint NOT NULL,
  menu_id bigint NOT NULL,
  PRIMARY KEY (role_id, menu_id)
);
"""


def _personal(tmp_path: Path, ddl: str) -> dict[tuple[str, str], bool]:
    (tmp_path / "schema.sql").write_text(ddl, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {(r.dataset.name, f.field.name): f.personal for r in report.datasets for f in r.findings}


def test_a_persons_role_key_is_about_them(tmp_path: Path) -> None:
    personal = _personal(tmp_path, ADMIN)
    assert personal[("sys_user", "role_id")]
    assert personal[("sys_user_role", "role_id")]
    assert not personal[("sys_role_menu", "role_id")]


STAFF = """
CREATE TABLE employee (
  id INT PRIMARY KEY,
  name VARCHAR(10),
  gender CHAR(4),
  birthday DATE,
  idCard CHAR(18),
  phone VARCHAR(11),
  jobLevelId INT,
  posId INT
);
CREATE TABLE product (
  id INT PRIMARY KEY,
  name VARCHAR(10),
  categoryId INT
);
"""


def test_a_key_on_an_employees_row_says_what_the_employee_holds(tmp_path: Path) -> None:
    personal = _personal(tmp_path, STAFF)
    assert personal[("employee", "jobLevelId")]
    assert personal[("employee", "posId")]
    assert not personal[("employee", "id")]
    assert not personal[("product", "categoryId")]
