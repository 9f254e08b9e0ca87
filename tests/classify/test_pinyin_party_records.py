"""Chinese schemas written in pinyin: a contract or a fee bill whose comment names its party by a
role word (签约人 who signed, 纳费人 who paid) with that person's key (`_zj`, 主键 in initials) is
that person's record, so its dates and amounts are theirs; the keys of the building and the room
it points at (楼主键, 房主键: not a 房主) and a multi-tenant system's isolation marker (隔离标识)
are no one's. A police call record without comments (`BF_110`) that writes the caller's name
and sex in initials (`BJRXM`, `BJRXB`) beside a phone (`LXDH`) names a person, but its
unreadable initials (unit numbers, counts) are not all that person's."""

from __future__ import annotations

from pathlib import Path

from tests.builders import scan_files

CONTRACT = """
CREATE TABLE IF NOT EXISTS `ZhusuHetong`(
    `zhusuhetong_zj` CHAR(24) NOT NULL COMMENT '主键'
    ,`zhusuhetong_gelibiaoshi` VARCHAR(20) NOT NULL COMMENT '隔离标识'
    ,`zhusuhetong_loufang2_zj` CHAR(24) NOT NULL COMMENT '房主键'
    ,`zhusuhetong_loufang2_bianhao` VARCHAR(20) NOT NULL COMMENT '房编号'
    ,`zhusuhetong_qianyueren` VARCHAR(20) NOT NULL COMMENT '签约人'
    ,`zhusuhetong_qianyueren_zj` CHAR(24) NOT NULL COMMENT '签约人主键'
    ,`zhusuhetong_yajin` INT NULL COMMENT '押金'
    ,`zhusuhetong_kaishiriqi` DATE NOT NULL COMMENT '开始日期'
    ,PRIMARY KEY (`zhusuhetong_zj`)
) COMMENT='住宿合同';
"""

BILL = """
CREATE TABLE IF NOT EXISTS `LoufangNafei`(
    `loufangnafei_zj` CHAR(24) NOT NULL COMMENT '主键'
    ,`loufangnafei_lou_zj` CHAR(24) NOT NULL COMMENT '楼主键'
    ,`loufangnafei_fang_zj` CHAR(24) NOT NULL COMMENT '房主键'
    ,`loufangnafei_gelibiaoshi` VARCHAR(20) NOT NULL COMMENT '隔离标识'
    ,`loufangnafei_ren` VARCHAR(20) NOT NULL COMMENT '纳费人'
    ,`loufangnafei_ren_zj` CHAR(24) NOT NULL COMMENT '纳费人主键'
    ,`loufangnafei_nafeiriqi` DATE NULL COMMENT '纳费日期'
    ,`loufangnafei_fangzu` DOUBLE(10,1) NOT NULL COMMENT '房租'
    ,PRIMARY KEY (`loufangnafei_zj`)
);
CREATE TABLE IF NOT EXISTS `Loufang`(
    `loufang_zj` CHAR(24) NOT NULL COMMENT '主键'
    ,`loufang_mc` VARCHAR(20) NOT NULL COMMENT '楼名称'
    ,`loufang_fang_zj` CHAR(24) NOT NULL COMMENT '房主键'
    ,PRIMARY KEY (`loufang_zj`)
);
"""

CALLS = """
create table BF_110
(
  JJDBH     VARCHAR(30),
  JJDWBH    VARCHAR(30),
  BJRXM     VARCHAR(30),
  BJRXB     VARCHAR(4),
  LXDH      VARCHAR(50),
  BKRS      int,
  SFSW      int
);
"""


def test_a_contract_naming_its_signer_is_the_signers_record(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"ZhusuHetong.sql": CONTRACT})
    contract = found["ZhusuHetong"]
    assert contract.subject.kind == "person_linked"
    assert [link.column for link in contract.subject.links] == ["zhusuhetong_qianyueren_zj"]
    fields = {f.field.name: f for f in contract.findings}
    for column in ("zhusuhetong_yajin", "zhusuhetong_kaishiriqi", "zhusuhetong_qianyueren"):
        assert fields[column].personal, column


def test_a_fee_bill_naming_its_payer_is_the_payers_and_its_keys_are_no_ones(
    tmp_path: Path,
) -> None:
    found = scan_files(tmp_path, {"LoufangNafei.sql": BILL})
    bill = found["LoufangNafei"]
    assert bill.subject.kind == "person_linked"
    # 房主键 is a room's key, not a homeowner (房主)
    assert [link.column for link in bill.subject.links] == ["loufangnafei_ren_zj"]
    fields = {f.field.name: f for f in bill.findings}
    assert fields["loufangnafei_fangzu"].personal
    assert fields["loufangnafei_nafeiriqi"].personal
    for column in ("loufangnafei_lou_zj", "loufangnafei_fang_zj", "loufangnafei_gelibiaoshi"):
        assert not fields[column].personal, column
    assert found["Loufang"].subject.kind != "person_linked"  # a building names no one


def test_a_call_record_in_initials_names_its_caller_but_not_every_column(
    tmp_path: Path,
) -> None:
    found = scan_files(tmp_path, {"call.sql": CALLS})
    calls = found["BF_110"]
    assert calls.subject.kind == "person_linked"
    assert calls.subject.indirect
    assert any("bjrxm" in e or "jjyxm" in e for e in calls.subject.evidence)
    fields = {f.field.name: f for f in calls.findings}
    assert fields["BJRXM"].element == "pi.identity.name"
    for column in ("JJDWBH", "BKRS", "SFSW"):  # a unit's number, a headcount, a flag
        assert not fields[column].personal, column


STAFF = """
CREATE TABLE ry_MAS ( FZGH char(20) NULL, FXM char(20) NULL, Fxb char(2) NULL,
  Fsfzh char(18) NULL, FZWMC char(30) NULL, FZJ char(1) NULL, Fcsrq datetime NOT NULL );
"""


def test_zj_alone_is_no_key(tmp_path: Path) -> None:
    """`FZJ` (职级, a rank) on an employee's row: `zj` makes a key only after another word."""
    found = scan_files(tmp_path, {"ry.sql": STAFF})
    fields = {f.field.name: f for f in found["ry_MAS"].findings}
    assert fields["FZJ"].personal
