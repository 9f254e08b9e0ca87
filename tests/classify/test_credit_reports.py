"""A person's credit report stored as tables filed under one report key: the parts follow the part
that names the person, and the report's own parts (queries, fraud warning, provident fund, public
records) are credit information, sensitive."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

REPORT = """
CREATE TABLE rpt_person (report_no varchar(30) NOT NULL, holder_name varchar(50) COMMENT '被查询者姓名',
  mobile varchar(20) COMMENT '手机号码', alert_flag varchar(2) COMMENT '防欺诈警示标志',
  alert_from varchar(20) COMMENT '防欺诈警示生效日期', why_code varchar(10) COMMENT '查询原因代码');
CREATE TABLE rpt_report (report_no varchar(30) NOT NULL, made_at varchar(20) COMMENT '报告时间');
CREATE TABLE rpt_fund (report_no varchar(30) NOT NULL, seq varchar(10) COMMENT '编号',
  place varchar(50) COMMENT '参缴地', unit_name varchar(100) COMMENT '缴费单位',
  paid_from varchar(10) COMMENT '初缴月份', pay_state varchar(10) COMMENT '缴费状态');
COMMENT ON TABLE rpt_fund IS '住房公积金参缴记录信息段';
CREATE TABLE rpt_relief (report_no varchar(30) NOT NULL, seq varchar(10) COMMENT '编号',
  category varchar(20) COMMENT '人员类别', location varchar(50) COMMENT '所在地',
  company varchar(100) COMMENT '工作单位', applied varchar(20) COMMENT '申请日期');
COMMENT ON TABLE rpt_relief IS '低保救助信息记录信息段';
"""


def test_tables_filed_under_a_report_key_follow_the_person(tmp_path: Path) -> None:
    """`report_no` is the first, NOT NULL column of every table and names the report table: the
    report table, which nothing else links, is filed under the key of the part that names the
    person (被查询者姓名), and the other parts follow it."""
    results = _scan(tmp_path, {"report.sql": REPORT})
    assert "rpt_person" in [lk.target for lk in results["rpt_report"].subject.links]
    for name in ("rpt_report", "rpt_fund", "rpt_relief"):
        assert results[name].subject.kind == "person_linked", name


def test_a_key_shared_by_many_attribute_tables_links_nothing(tmp_path: Path) -> None:
    """`attr_id` heads several attribute tables (its word names no one table): no link, so a
    person's attribute table does not make the others person-linked."""
    sql = """
    CREATE TABLE member_attr (attr_id varchar(30) NOT NULL, member_name varchar(20) COMMENT '会员姓名',
      mobile varchar(20) COMMENT '手机号');
    CREATE TABLE shop_attr (attr_id varchar(30) NOT NULL, spec_cd varchar(12), value varchar(50));
    CREATE TABLE store_attr (attr_id varchar(30) NOT NULL, spec_cd varchar(12), value varchar(50));
    """
    results = _scan(tmp_path, {"attrs.sql": sql})
    assert results["shop_attr"].subject.kind != "person_linked"
    assert not _finding(results["store_attr"], "value").personal


def test_the_parts_of_a_credit_report_are_sensitive_credit_information(tmp_path: Path) -> None:
    """The anti-fraud warning and the query reason, and every column of the provident-fund and
    minimum-living-support parts (a place of payment, an employer, a date), are the person's credit
    information; the mobile number stays a phone number, the row counter stays a counter."""
    results = _scan(tmp_path, {"report.sql": REPORT})
    person, fund, relief = results["rpt_person"], results["rpt_fund"], results["rpt_relief"]
    for found in (
        _finding(person, "alert_flag"),
        _finding(person, "alert_from"),
        _finding(person, "why_code"),
        *(_finding(fund, c) for c in ("place", "unit_name", "paid_from", "pay_state")),
        *(_finding(relief, c) for c in ("category", "company", "applied")),
    ):
        assert found.element == "pi.financial.credit", (found.field.name, found.element)
        assert found.sensitive
    assert _finding(person, "mobile").element == "pi.contact.mobile"


def test_credit_report_words_outside_a_persons_record_are_not_pi(tmp_path: Path) -> None:
    """A code list of query reasons is not anyone's credit report."""
    sql = """CREATE TABLE dict_query_reason (code varchar(10) PRIMARY KEY,
      reason_name varchar(50) COMMENT '查询原因名称');
    COMMENT ON TABLE dict_query_reason IS '查询原因字典';"""
    results = _scan(tmp_path, {"dict.sql": sql})
    assert not any(f.personal for f in results["dict_query_reason"].findings)


def test_a_key_whose_comment_names_an_organisation_files_nothing_under_a_person(
    tmp_path: Path,
) -> None:
    """`user_id` '供应商ID' on a purchase order is a supplier's key, even where a table of users
    is filed under `user_id`: the order is not a person's, so its drug and quantity are not."""
    sql = """
    CREATE TABLE user_info (user_id INT NOT NULL PRIMARY KEY COMMENT '用户ID',
      real_name VARCHAR(20) COMMENT '姓名', phone VARCHAR(20) COMMENT '手机号');
    CREATE TABLE supply_order (supply_id INT NOT NULL PRIMARY KEY COMMENT '进货单ID',
      drug_id INT NOT NULL COMMENT '药品ID', user_id INT NOT NULL COMMENT '供应商ID',
      supply_quantity INT NOT NULL COMMENT '进货数量') COMMENT '进货单表';
    """
    results = _scan(tmp_path, {"supply.sql": sql})
    assert results["supply_order"].subject.kind != "person_linked"
    assert not _finding(results["supply_order"], "supply_quantity").personal
