"""Pinyin-initials names written as one token: a person's initials ending in 人 (`bjr` 报警人,
`gxr` 关系人), 员 (`jjy` 接警员) or 用户 (`yh`), followed by the initials of a person's item
(`xm` 姓名, `xb` 性别, `dz` 地址), as police and government tables without comments write them:
the item is that person's. Tokens with vowels (English words) are not read this way."""

from __future__ import annotations

from pathlib import Path

from tests.builders import scan_files

DDL = """
create table BF_CALL
(
  JJDBH     VARCHAR(30),
  BJRXM     VARCHAR(50),
  BJRXB     VARCHAR(2),
  JJYXM     VARCHAR(50),
  BJDHYHXM  VARCHAR(50),
  BJDHYHDZ  VARCHAR(200),
  GXRXM     VARCHAR(50),
  JJDWBH    VARCHAR(30),
  SORTXM    VARCHAR(10),
  BYDZ      VARCHAR(200)
);
"""


def test_initials_of_an_item_after_a_persons_initials_are_that_persons(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"call.sql": DDL})
    by_name = {f.field.name: f for f in found["BF_CALL"].findings}
    assert by_name["BJRXM"].element == "pi.identity.name"
    assert by_name["BJRXB"].element == "pi.profile.gender"
    assert by_name["JJYXM"].element == "pi.identity.name"
    assert by_name["GXRXM"].element == "pi.identity.name"
    assert by_name["BJDHYHXM"].element == "pi.identity.name"
    assert by_name["BJDHYHDZ"].element == "pi.contact.address"
    assert any("bjr" in ev.detail for ev in by_name["BJRXM"].evidence)


def test_unit_numbers_and_english_words_are_not_read_as_initials(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"call.sql": DDL})
    by_name = {f.field.name: f for f in found["BF_CALL"].findings}
    assert not by_name["JJDWBH"].personal  # 接警单位编号: a unit's number
    assert not by_name["JJDBH"].personal
    assert by_name["SORTXM"].element != "pi.identity.name"  # a word with vowels
    assert not by_name["BYDZ"].personal  # 保养地址: a workshop's address, no one's initials
