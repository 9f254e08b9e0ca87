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


# A debtor's own row: who they are and how to reach them beside their loan account.
DEBTOR = """
CREATE TABLE `cur_assets_package_temp` (
  `id` varchar(64) NOT NULL COMMENT '主键',
  `org_casNo` varchar(64) DEFAULT NULL COMMENT '机构案件号',
  `tsaj_type` varchar(32) DEFAULT NULL COMMENT '特殊案件类型',
  `rmb_ye` varchar(12) DEFAULT NULL COMMENT '人民币账户余额',
  `rmb_yhfxzje` varchar(12) DEFAULT NULL COMMENT '人民币账户应还罚息总额',
  `rmb_yhbjzje` varchar(12) DEFAULT NULL COMMENT '人民币账户应还本金总额',
  `borrow_ed` varchar(12) DEFAULT NULL COMMENT '借款额度',
  `yqje` varchar(12) DEFAULT NULL COMMENT '逾期金额',
  `start_yq_date` varchar(12) DEFAULT NULL COMMENT '开始逾期日期',
  `dzhxrq` varchar(12) DEFAULT NULL COMMENT '呆账核销日期',
  `is_zwcz` varchar(10) DEFAULT NULL COMMENT '是否债务重组',
  `hkqd` varchar(128) DEFAULT NULL COMMENT '获客渠道',
  `tj_wd` varchar(32) DEFAULT NULL COMMENT '推荐网点',
  `cur_name` varchar(64) DEFAULT NULL COMMENT '客户名称',
  `cur_sex` varchar(10) DEFAULT NULL COMMENT '客户性别',
  `certificate_no` varchar(30) DEFAULT NULL COMMENT '证件号码',
  `birthday` varchar(12) DEFAULT NULL COMMENT '出生日期',
  `marriage` varchar(10) DEFAULT NULL COMMENT '婚姻状况',
  `customer_mobile` varchar(12) DEFAULT NULL COMMENT '客户手机号码',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='客户资产临时表';
"""


def _found(tmp_path: Path) -> dict[str, object]:
    table = scan_files(tmp_path, {"update.sql": DEBTOR})["cur_assets_package_temp"]
    return {f.field.name: f for f in table.findings}


def test_a_debtors_arrears_and_write_offs_are_credit_records(tmp_path: Path) -> None:
    """The columns that name the debt (逾期, 呆账核销, 债务重组), dates too, are the debtor's
    credit record: sensitive personal information (GB/T 35273 Annex B 信贷记录)."""
    found = _found(tmp_path)
    for column in ("start_yq_date", "dzhxrq", "is_zwcz", "yqje", "rmb_yhfxzje"):
        assert found[column].sensitive, column  # type: ignore[attr-defined]
        assert found[column].element == "pi.financial.credit", column  # type: ignore[attr-defined]


def test_a_debtors_other_attributes_are_not_made_credit_records(tmp_path: Path) -> None:
    """On the customer's own row, on the credit topic by its columns alone, the channel that
    brought the customer and the branch that recommended them stay the customer's attributes:
    personal, not credit records."""
    found = _found(tmp_path)
    for column in ("hkqd", "tj_wd"):
        assert found[column].personal, column  # type: ignore[attr-defined]
        assert not found[column].sensitive, column  # type: ignore[attr-defined]


def test_a_collection_case_is_no_criminal_record(tmp_path: Path) -> None:
    """案件 of a debtor's account (机构案件号, 特殊案件类型) is the debt's collection case."""
    found = _found(tmp_path)
    for column in ("org_casNo", "tsaj_type"):
        assert found[column].element != "pi.other.criminal_record", column  # type: ignore[attr-defined]


def test_a_police_case_stays_a_criminal_record(tmp_path: Path) -> None:
    """Outside a record of loans a case is still a case: a suspect's case number and cause."""
    ddl = """
    CREATE TABLE suspect (id int PRIMARY KEY, xm varchar(20) COMMENT '姓名',
      sfzh varchar(18) COMMENT '身份证号', ajbh varchar(32) COMMENT '案件编号',
      ay varchar(200) COMMENT '案由');
    """
    table = scan_files(tmp_path, {"case.sql": ddl})["suspect"]
    found = {f.field.name: f for f in table.findings}
    assert found["ajbh"].element == "pi.other.criminal_record"


# A card debtor's row with the standing the bank reports on the account (from the same public
# collection schema, shortened).
STANDING = DEBTOR.replace(
    "  PRIMARY KEY (`id`)",
    """  `rmb_cd` varchar(12) DEFAULT NULL COMMENT '人民币账户当前CD值',
  `rmb_zhycjkr` varchar(12) DEFAULT NULL COMMENT '人民币账户最后一次缴款日',
  `rmb_gded` varchar(12) DEFAULT NULL COMMENT '人民币账户额度固定额度',
  `stop_card` varchar(12) DEFAULT NULL COMMENT '停卡日',
  `xwpf` varchar(10) DEFAULT NULL COMMENT '行方评分',
  `risk` varchar(128) DEFAULT NULL COMMENT '风险',
  `tx_flag` varchar(10) DEFAULT NULL COMMENT '套现标识',
  PRIMARY KEY (`id`)""",
)


def test_a_debtors_standing_on_the_account_is_a_credit_record(tmp_path: Path) -> None:
    """The delinquency cycle (CD值), the last payment (缴款日), the credit limit (额度), the card
    stop (停卡日), the bank's score and risk grade (评分, 风险) and a cash-out flag (套现) are the
    debtor's standing on the loan account: credit records, sensitive; the channel stays not."""
    table = scan_files(tmp_path, {"update.sql": STANDING})["cur_assets_package_temp"]
    found = {f.field.name: f for f in table.findings}
    for column in ("rmb_cd", "rmb_zhycjkr", "rmb_gded", "stop_card", "xwpf", "risk", "tx_flag"):
        assert found[column].sensitive, column
    assert not found["hkqd"].sensitive
