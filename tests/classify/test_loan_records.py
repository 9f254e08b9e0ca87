"""A borrower's loan is theirs (GB/T 35273 Annex B: 信贷记录, sensitive): a record of a loan's
amounts, repayment schedule or arrears is a record of the borrower's credit even where it names no
one, by its name (a loan, a repayment, an instalment, 还款) or by several credit words among its
columns (`delinquentAmount`, `pastDueDays`, `lastRepaymentAmount`). A loan product, a range of
days overdue or a rate table defines loans and is no one's."""

from __future__ import annotations

import json
from pathlib import Path

from builders import scan_files


def _avro(name: str, fields: dict[str, object]) -> str:
    return json.dumps(
        {
            "type": "record",
            "name": name,
            "fields": [
                {"name": k, "type": ["null", v], "default": None} for k, v in fields.items()
            ],
        }
    )


AMOUNTS = _avro(
    "LoanAmountDataV1",
    {"principalAmount": "double", "interestAmount": "double", "penaltyAmount": "double"},
)
DUE = _avro(
    "RepaymentDueDataV1",
    {"installmentDueDate": "string", "principalAmountDue": "double", "totalAmountDue": "double"},
)
PRODUCT = _avro(
    "LoanProductDataV1",
    {"principalAmount": "double", "interestRate": "double", "repaymentEvery": "int"},
)
ARREARS = _avro(
    "CollectionDataV1",
    {
        "delinquentAmount": "double",
        "pastDueDays": "int",
        "delinquentPrincipal": "double",
        "lastRepaymentAmount": "double",
        "pausePeriods": {"type": "array", "items": "string"},
        "buckets": {"type": "array", "items": "string"},
    },
)

SCHEDULE = """
CREATE TABLE repay_plan (id int PRIMARY KEY, term_no int COMMENT '期数',
  principal decimal(12,2) COMMENT '应还本金', interest decimal(12,2) COMMENT '应还利息',
  due_date date COMMENT '到期日') COMMENT '还款计划';
"""


def test_a_loans_amounts_and_schedule_are_the_borrowers_credit(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"amount.avsc": AMOUNTS, "due.avsc": DUE})
    for dataset, column in (
        ("LoanAmountDataV1", "principalAmount"),
        ("LoanAmountDataV1", "penaltyAmount"),
        ("RepaymentDueDataV1", "principalAmountDue"),
        ("RepaymentDueDataV1", "totalAmountDue"),
    ):
        finding = next(f for f in found[dataset].findings if f.field.name == column)
        assert finding.element == "pi.financial.credit", column
        assert finding.sensitive, column


def test_arrears_named_by_their_columns_are_the_borrowers_credit(tmp_path: Path) -> None:
    """Two lists of its own make the record no page of a listing, whatever its name says."""
    findings = scan_files(tmp_path, {"collection.avsc": ARREARS})["CollectionDataV1"].findings
    by_name = {f.field.name: f for f in findings}
    for column in ("delinquentAmount", "pastDueDays", "delinquentPrincipal"):
        assert by_name[column].element == "pi.financial.credit", column


def test_a_chinese_repayment_plan_is_the_borrowers_credit(tmp_path: Path) -> None:
    by_name = {
        f.field.name: f for f in scan_files(tmp_path, {"plan.sql": SCHEDULE})["repay_plan"].findings
    }
    for column in ("principal", "interest"):
        assert by_name[column].element == "pi.financial.credit", column


def test_a_loan_product_is_no_ones(tmp_path: Path) -> None:
    findings = scan_files(tmp_path, {"product.avsc": PRODUCT})["LoanProductDataV1"].findings
    assert not any(f.personal for f in findings)


OFFER = json.dumps(
    {
        "description": "Installment",
        "type": "object",
        "properties": {
            "number": {"type": "integer", "description": "Number of installments"},
            "installment_amount": {"type": "number"},
            "interest_charge": {"type": "number", "description": "Interest rate per installment"},
            "first_installment": {"type": "integer"},
        },
    }
)

LOAN_TYPES = """
CREATE TABLE loan_type_detail (loan_type_id int PRIMARY KEY, description varchar(200),
  min_credit_score int, interest_rate decimal(5,2), max_loan_amount decimal(12,2));
"""


def test_an_instalment_offer_and_a_loan_type_are_no_ones(tmp_path: Path) -> None:
    """A topic word alone (`installment`) may name an offer; a loan type defines loans."""
    found = scan_files(tmp_path, {"installment.json": OFFER, "types.sql": LOAN_TYPES})
    for dataset in ("installment", "loan_type_detail"):
        assert not any(f.personal for f in found[dataset].findings), dataset


CARDS = """
CREATE TABLE CreditCard (CreditCardID int PRIMARY KEY, CardType varchar(50),
  ExpMonth tinyint, ExpYear smallint, ModifiedDate datetime);
"""


def test_a_credit_card_table_is_no_loan_record(tmp_path: Path) -> None:
    """A credit card is the card, placed by its links, not a borrower's loan by its name."""
    findings = scan_files(tmp_path, {"cards.sql": CARDS})["CreditCard"].findings
    assert not any(f.element == "pi.financial.credit" for f in findings)


# A P2P lender's table of the loan products investors may fund (the shape of its MySQL script):
# named only `loan_info`, its Chinese comment says it lists products (产品信息表).
LOAN_PRODUCTS_ZH = """
CREATE TABLE `b_loan_info` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `product_name` varchar(50) NOT NULL COMMENT '产品名称',
  `rate` double NOT NULL COMMENT '产品利率',
  `cycle` int(11) NOT NULL COMMENT '产品期限',
  `product_money` double NOT NULL COMMENT '产品金额',
  `bid_min_limit` double NOT NULL COMMENT '最低投资金额，即起投金额',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='产品信息表';
CREATE TABLE `b_loan_record` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `loan_money` double NOT NULL COMMENT '借款金额',
  `repay_date` date COMMENT '还款日期',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='借款记录表';
"""


def test_a_table_commented_as_loan_products_is_no_ones(tmp_path: Path) -> None:
    """A table whose Chinese comment calls it a table of products defines loans: its rate, term
    and amount are the product's, not a borrower's credit record; a loan record beside it is."""
    found = scan_files(tmp_path, {"p2p.sql": LOAN_PRODUCTS_ZH})
    assert not any(f.personal for f in found["b_loan_info"].findings)
    record = {f.field.name: f for f in found["b_loan_record"].findings}
    assert record["loan_money"].sensitive
