"""Logs of calls to a payment gateway, a medical-insurance settlement's vocabulary, and the
dictionaries of a Chinese hospital system.

A lending or shopping platform keeps each request it sends to its payment gateway (UMPay,
Alipay, WeChat Pay) and each notification it gets back: the envelope of the call (the service,
the merchant id, the signature and its type, the character set, the callback URLs, the return
code and message) says how the platform called the gateway, while the order number, the amount
and the user's key are the customer's. One `sign` column on a user's row (个性签名) is theirs.

A national medical-insurance (国家医保) settlement names the kind of visit (`mdtrt_type`, 医疗类别
`yllb`), the disease (`dise_no`, `dise_name`) and the payment from the insured person's own account (`acct_pay`,
账户支付) in standard abbreviations, in Chinese comments and in pinyin initials.

A hospital system's dictionary (diagnoses, drugs) carries a pinyin and a five-stroke input code
(`py`, `wb`) beside each entry so staff can pick it by typing: a code list, not anyone's record.
"""

from __future__ import annotations

from pathlib import Path

from builders import finding_of, scan_files

GATEWAY = """
CREATE TABLE `cust_withdrawals_request` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `service` VARCHAR(32) NOT NULL,
  `sign_type` VARCHAR(8) NOT NULL,
  `sign` VARCHAR(256) NOT NULL,
  `charset` VARCHAR(16) NOT NULL,
  `mer_id` VARCHAR(8) NOT NULL,
  `version` VARCHAR(3) NOT NULL,
  `ret_url` VARCHAR(128),
  `notify_url` VARCHAR(128),
  `order_id` VARCHAR(32) NOT NULL,
  `user_id` VARCHAR(32) NOT NULL,
  `amount` VARCHAR(13) NOT NULL,
  `request_time` DATETIME NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
"""

USER_SIGN = """
CREATE TABLE `user` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `user_name` VARCHAR(32) COMMENT '姓名',
  `mobile` VARCHAR(11) COMMENT '手机号',
  `sign` VARCHAR(128) COMMENT '个性签名',
  `version` INT,
  PRIMARY KEY (`id`)
);
"""


def test_gateway_envelope_is_not_the_customers(tmp_path: Path) -> None:
    res = scan_files(tmp_path, {"w.sql": GATEWAY})["cust_withdrawals_request"]
    for column in ("service", "sign_type", "sign", "charset", "mer_id", "ret_url", "notify_url"):
        assert not finding_of(res, column).personal, column
    assert any(
        ev.rule == "subject-gateway-envelope" for ev in finding_of(res, "sign_type").evidence
    )
    assert finding_of(res, "user_id").personal
    assert finding_of(res, "amount").personal


def test_one_sign_column_on_a_users_row_stays_theirs(tmp_path: Path) -> None:
    res = scan_files(tmp_path, {"u.sql": USER_SIGN})["user"]
    assert finding_of(res, "sign").personal
    assert not any(ev.rule == "subject-gateway-envelope" for ev in finding_of(res, "sign").evidence)


SETTLEMENT = """
CREATE TABLE `t_settle` (
  `setl_id` VARCHAR(30) COMMENT '结算ID',
  `psn_no` VARCHAR(30) COMMENT '人员编号',
  `psn_name` VARCHAR(50) COMMENT '人员姓名',
  `certno` VARCHAR(50) COMMENT '证件号码',
  `mdtrt_type` VARCHAR(6),
  `dise_no` VARCHAR(30),
  `dise_name` VARCHAR(200),
  `acct_pay` DECIMAL(16,2),
  `fund_pay_sumamt` DECIMAL(16,2)
);
CREATE TABLE `yb_jsjl` (
  `jsxh` INT NOT NULL, -- 结算序号
  `sbkh` VARCHAR(20) NOT NULL, -- 社会保障卡号
  `jszhzf` DECIMAL(12,2) NULL, -- 账户支付
  `yllb` VARCHAR(3) NULL
);
"""


def test_insurance_settlement_vocabulary(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"s.sql": SETTLEMENT})
    national, local = found["t_settle"], found["yb_jsjl"]
    assert finding_of(national, "mdtrt_type").element == "pi.health.medical_visit"
    assert finding_of(national, "dise_no").element == "pi.health.diagnosis"
    assert finding_of(national, "acct_pay").sensitive
    assert finding_of(local, "jszhzf").sensitive
    assert finding_of(local, "yllb").element == "pi.health.medical_visit"


DIAGNOSIS_CODES = """
create table YY_ZDDMK
(
    id      varchar(20) not null,  --疾病编码
    name    varchar(80) not null,  --疾病名称
    py      varchar(20) null,      --拼音
    wb      varchar(20) null,      --五笔
    bzfl    varchar(10) not null,  --病种分类
    bgsj    varchar(20) null       --变更时间
)
GO
create table YY_BRZD
(
    syxh    int not null,          --首页序号
    zdmc    varchar(80) not null,  --诊断名称
    py      varchar(20) null,      --拼音
    zdrq    varchar(20) null       --诊断日期
)
GO
"""


def test_a_dictionary_with_pinyin_and_five_stroke_codes_is_a_code_list(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"z.sql": DIAGNOSIS_CODES}, short=True)
    codes = found["YY_ZDDMK"]
    assert codes.subject is not None and codes.subject.kind == "reference"
    assert not any(f.personal for f in codes.findings)
    # one input code alone (a patient's diagnosis keeps the name's pinyin) is no code list
    assert finding_of(found["YY_BRZD"], "zdmc").element == "pi.health.diagnosis"


PLEDGES = """
CREATE TABLE `pledge_house` (
  `id` BIGINT NOT NULL AUTO_INCREMENT COMMENT '主键',
  `loan_id` BIGINT NOT NULL COMMENT '标的ID',
  `estimate_amount` VARCHAR(30) DEFAULT NULL COMMENT '抵押物估值',
  PRIMARY KEY (`id`)
);
"""


def test_a_loans_collateral_is_the_borrowers(tmp_path: Path) -> None:
    res = scan_files(tmp_path, {"p.sql": PLEDGES})["pledge_house"]
    assert res.subject is not None and res.subject.kind == "person_linked"
    assert finding_of(res, "estimate_amount").element == "pi.financial.credit"


OUTPATIENT_SETTLEMENT = """
create table YB_MZJS
(
    jssjh   varchar(20) not null,  --收据号
    sbkh    varchar(20) not null,  --社会保障号码
    xzlb    varchar(3)  null,      --险种类别
    ncbz    varchar(10) null       --难产标志
)
GO
"""


def test_rows_keyed_by_a_social_security_number_are_that_persons(tmp_path: Path) -> None:
    res = scan_files(tmp_path, {"m.sql": OUTPATIENT_SETTLEMENT}, short=True)["YB_MZJS"]
    assert res.subject is not None and res.subject.kind == "person_linked"
    assert finding_of(res, "xzlb").personal
    assert finding_of(res, "ncbz").personal
