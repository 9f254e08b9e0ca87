"""Taiwan spells the identity card 身分證: its number and the photos of its two sides are the
card's sensitive identity information, as 身份证 is."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

CARDS = """
CREATE TABLE users (id int PRIMARY KEY, name varchar(50) COMMENT '姓名',
  phone varchar(20) COMMENT '手機號碼', national_no varchar(10) COMMENT '身分證字號');
CREATE TABLE cards (id int PRIMARY KEY, user_id int COMMENT '會員',
  front_image varchar(255) COMMENT '身分證正面照', back_image varchar(255) COMMENT '身分證背面照');
"""


def test_the_taiwan_spelling_of_the_identity_card(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"schema.sql": CARDS})
    users = {f.field.name: f for f in by_name["users"].findings}
    assert users["national_no"].element == "pi.identity.resident_id"
    cards = {f.field.name: f for f in by_name["cards"].findings}
    for name in ("front_image", "back_image"):
        assert cards[name].element == "pi.identity.id_card_image", name
        assert cards[name].sensitive, name
