"""A real-estate registry files the parts of one application (its applicants, the transaction,
the mortgage) under the key of the case (`xmid` 项目ID), whose own table is not in the schema:
the parts beside the applicants' are about those persons, and what they say of the property
(location, areas, prices, deed tax, secured debt) is the person's real estate (GB/T 35273-2020
Annex B 个人财产信息: 房产信息, sensitive). A permit of the building (预售许可证号) is the
developer's, no one's on the record."""

from __future__ import annotations

from pathlib import Path

from tests.builders import finding_of, scan_files

APPLICANTS = """
create table REG_SL_SQR
(
  sqrid   VARCHAR2(32) not null,
  xmid    VARCHAR2(32),
  sqrmc   VARCHAR2(100),
  zjh     VARCHAR2(50),
  qlbl    VARCHAR2(20),
  gyfs    VARCHAR2(10),
  fwtc    VARCHAR2(10)
);
comment on table REG_SL_SQR is '不动产受理申请人';
comment on column REG_SL_SQR.sqrid is '申请人ID';
comment on column REG_SL_SQR.xmid is '项目ID';
comment on column REG_SL_SQR.sqrmc is '申请人名称';
comment on column REG_SL_SQR.zjh is '证件号';
comment on column REG_SL_SQR.qlbl is '权利比例';
comment on column REG_SL_SQR.gyfs is '共有方式';
comment on column REG_SL_SQR.fwtc is '房屋套次';
alter table REG_SL_SQR add constraint PK_REG_SL_SQR primary key (SQRID);
"""

DEAL = """
create table REG_SL_JYXX
(
  jyxxid  VARCHAR2(32) not null,
  xmid    VARCHAR2(32),
  jyje    NUMBER(20,4),
  htmj    NUMBER(15,2),
  zl      VARCHAR2(200),
  pgjg    NUMBER(20,4),
  ysxkzh  VARCHAR2(100)
);
comment on table REG_SL_JYXX is '不动产受理交易信息';
comment on column REG_SL_JYXX.jyxxid is '交易信息ID';
comment on column REG_SL_JYXX.xmid is '项目ID';
comment on column REG_SL_JYXX.jyje is '交易金额';
comment on column REG_SL_JYXX.htmj is '合同面积';
comment on column REG_SL_JYXX.zl is '坐落';
comment on column REG_SL_JYXX.pgjg is '评估价格';
comment on column REG_SL_JYXX.ysxkzh is '预售许可证号';
alter table REG_SL_JYXX add constraint PK_REG_SL_JYXX primary key (JYXXID);
"""

FEES = """
create table REG_SL_SFXX
(
  sfxxid  VARCHAR2(32) not null,
  sfxmmc  VARCHAR2(100),
  sfje    NUMBER(20,4)
);
comment on table REG_SL_SFXX is '收费标准';
comment on column REG_SL_SFXX.sfxxid is '收费信息ID';
comment on column REG_SL_SFXX.sfxmmc is '收费项目名称';
comment on column REG_SL_SFXX.sfje is '收费金额';
alter table REG_SL_SFXX add constraint PK_REG_SL_SFXX primary key (SFXXID);
"""


def _scan(tmp_path: Path, files: dict[str, str]) -> dict[str, object]:
    return scan_files(tmp_path, files)


def test_a_part_of_the_applicants_case_is_about_them(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"sqr.sql": APPLICANTS, "jyxx.sql": DEAL, "sfxx.sql": FEES})
    deal = found["REG_SL_JYXX"]
    assert deal.subject.kind == "person_linked"
    assert [link.target for link in deal.subject.links] == ["REG_SL_SQR"]
    for column in ("jyje", "htmj", "zl", "pgjg"):
        f = finding_of(deal, column)
        assert f.personal and f.sensitive, column
        assert f.element == "pi.financial.real_estate", column
    assert not finding_of(deal, "ysxkzh").personal  # the building's pre-sale permit
    # a fee schedule files nothing under the case: no one's
    assert found["REG_SL_SFXX"].subject.kind != "person_linked"


def test_the_applicants_shares_of_the_property_are_real_estate(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"sqr.sql": APPLICANTS, "jyxx.sql": DEAL})
    applicants = found["REG_SL_SQR"]
    for column in ("qlbl", "gyfs", "fwtc"):
        f = finding_of(applicants, column)
        assert f.sensitive and f.element == "pi.financial.real_estate", column


def test_without_a_persons_part_the_case_key_links_nothing(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"jyxx.sql": DEAL, "sfxx.sql": FEES})
    assert found["REG_SL_JYXX"].subject.kind == "unknown"


TENANT = """
create table ERP_USER (id bigint primary key, tenant_id bigint, user_name varchar(50) comment '用户姓名', mobile varchar(20) comment '手机号');
create table ERP_GOODS (id bigint primary key, tenant_id bigint, goods_name varchar(50) comment '商品名称', price decimal(10,2) comment '价格');
create table ERP_STOCK (id bigint primary key, tenant_id bigint, qty int comment '数量');
"""


def test_a_key_every_table_of_the_application_carries_is_no_case(tmp_path: Path) -> None:
    """`tenant_id` on every table: a tenant's key, not one case's parts."""
    found = _scan(tmp_path, {"erp.sql": TENANT})
    assert found["ERP_GOODS"].subject.kind != "person_linked"
    assert found["ERP_STOCK"].subject.kind != "person_linked"


PARTS = """
create table GAL_USER_ACCESS (id bigint primary key, user_id bigint, cat_id bigint, user_name varchar(50) comment '用户姓名');
create table GAL_OLD_LINKS (id bigint primary key, cat_id bigint, permalink varchar(100), hit int);
create table GAL_TAGS (id bigint primary key, name varchar(50));
"""


def test_a_shared_key_that_names_no_case_links_nothing(tmp_path: Path) -> None:
    """`cat_id` (a category) on a user's access row and on a list of links: not one case."""
    found = _scan(tmp_path, {"gal.sql": PARTS})
    assert found["GAL_OLD_LINKS"].subject.kind != "person_linked"
