"""Two kinds of record read by their subject: a delivery record that describes the newborn
(`foetal_gender`, `neonate_name`: a child's data, sensitive under PIPL Art. 28), and a traveller's
ticket (their booking: which train, and when they bought it)."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

DELIVERY = """
CREATE TABLE birth_registration (
  id INT PRIMARY KEY,
  mother_name VARCHAR(80),
  mother_phone VARCHAR(20),
  foetal_gender INT,
  neonate_name VARCHAR(80)
);
"""

TICKETS = """
CREATE TABLE t_user (
  id BIGINT PRIMARY KEY,
  username VARCHAR(64) COMMENT '用户名',
  real_name VARCHAR(64) COMMENT '真实姓名',
  phone VARCHAR(20) COMMENT '手机号'
) COMMENT '用户表';
CREATE TABLE t_train (
  id BIGINT PRIMARY KEY,
  train_number VARCHAR(16) COMMENT '车次'
) COMMENT '列车表';
CREATE TABLE t_ticket (
  id BIGINT PRIMARY KEY,
  username VARCHAR(64) COMMENT '用户名',
  train_id BIGINT COMMENT '列车ID',
  seat_number VARCHAR(8) COMMENT '座位号',
  create_time DATETIME COMMENT '创建时间'
) COMMENT '车票表';
"""


def test_the_newborns_fields_on_a_delivery_record_are_a_childs(tmp_path: Path) -> None:
    ds = _scan(tmp_path, {"d.sql": DELIVERY})["birth_registration"]
    for column in ("foetal_gender", "neonate_name"):
        finding = _finding(ds, column)
        assert finding.personal and finding.sensitive
        assert finding.sensitive_group == "minors_under_14"


def test_a_ticket_is_the_travellers_booking(tmp_path: Path) -> None:
    """The train a ticket is for and the time it was created (bought) are the traveller's
    behaviour record; the train table itself is not about anyone."""
    result = _scan(tmp_path, {"t.sql": TICKETS})
    ticket = result["t_ticket"]
    assert ticket.subject.kind == "person_linked"
    assert _finding(ticket, "train_id").personal
    assert _finding(ticket, "create_time").personal
    assert not _finding(result["t_train"], "train_number").personal
