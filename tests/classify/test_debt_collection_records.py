"""A debt-collection system's tables (催收): a portfolio of debts (资产包) whose rows are the
debtors' accounts, with pinyin-initial columns the comments explain."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

# The shape of a collection agency's import table: named like a package, but each row is one
# debtor's account (from a public debt-collection system's schema, shortened).
PORTFOLIO = """
CREATE TABLE `cur_assets_package_temp` (
  `id` varchar(64) NOT NULL COMMENT '主键',
  `org_casNo` varchar(64) DEFAULT NULL COMMENT '机构案件号',
  `rmb_ye` varchar(12) DEFAULT NULL COMMENT '人民币账户余额',
  `rmb_yhfxzje` varchar(12) DEFAULT NULL COMMENT '人民币账户应还罚息总额',
  `borrow_ed` varchar(12) DEFAULT NULL COMMENT '借款额度',
  `start_yq_date` varchar(12) DEFAULT NULL COMMENT '开始逾期日期',
  `cur_name` varchar(64) DEFAULT NULL COMMENT '客户名称',
  `cur_sex` varchar(10) DEFAULT NULL COMMENT '客户性别',
  `certificate_no` varchar(30) DEFAULT NULL COMMENT '证件号码',
  `certificate_address` varchar(128) DEFAULT NULL COMMENT '身份证地址',
  `birthday` varchar(12) DEFAULT NULL COMMENT '出生日期',
  `marriage` varchar(10) DEFAULT NULL COMMENT '婚姻状况',
  `package_flag` char(1) DEFAULT NULL COMMENT '打包标识(0,未打包，1,已打包)',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='客户资产临时表';
"""


def test_a_package_of_debtors_accounts_is_a_persons_table(tmp_path: Path) -> None:
    """`cur_assets_package_temp` ends in a code-list word, but a row with the customer's sex,
    birth date, ID card and marital status is a person's: its balances and arrears are PI."""
    results = scan_files(tmp_path, {"update.sql": PORTFOLIO})
    table = results["cur_assets_package_temp"]
    assert table.subject.kind == "person"
    personal = {f.field.name for f in table.findings if f.personal}
    for column in ("rmb_ye", "rmb_yhfxzje", "borrow_ed", "start_yq_date", "cur_name"):
        assert column in personal, column


def test_a_check_up_package_for_married_women_stays_a_code_list(tmp_path: Path) -> None:
    """A check-up package says whom it is for with a sex and a marital status: two columns only a
    person has are not enough to make a list of packages a list of people."""
    ddl = """
    CREATE TABLE exam_package (id int PRIMARY KEY, name varchar(64) COMMENT '套餐名称',
      sex char(1) COMMENT '适用性别', marital char(1) COMMENT '适用婚姻状况',
      price decimal(10,2) COMMENT '价格', remark varchar(200) COMMENT '说明');
    """
    results = scan_files(tmp_path, {"exam.sql": ddl})
    assert results["exam_package"].subject.kind == "reference"
