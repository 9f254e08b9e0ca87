"""Kinds of record whose every detail about the person is sensitive, and an identity document kept
as a type and a number column.

- A borrower's loan and its repayments (GB/T 35273 Annex B, 个人财产信息: 信贷记录): on a row keyed by
  the borrower and on the topic of a loan, a column no family word names (the remittance receipt,
  a repayment's number, when the next repayment falls due) is a detail of that loan, sensitive,
  not merely other information about the person or their activity record.
- A person's real estate (房产信息): the same on a table of the property a person owns.
- A person's row keeping `identity_type` '证件类型' beside `identity_code`: the code is the number
  of the person's identity document (身份证、护照…), sensitive; a file's `document_type` and
  `document_id` on a row that is not a person stay what they were.
"""

from __future__ import annotations

from pathlib import Path

from dataflow.model import FieldFinding
from dataflow.scan import ScanOptions, scan_paths

LOANS = """
create table if not exists `sys_user`(
    `uid` int unsigned not null auto_increment,
    `name` varchar(50) not null comment '姓名',
    `phone` varchar(20) not null comment '手机号',
    primary key (`uid`)
) comment='用户表';
create table if not exists `sys_loan`(
    `lid` int unsigned not null auto_increment,
    `uid` int unsigned NOT NULL COMMENT '贷款人UID',
    `amount` decimal(6,2) NOT NULL COMMENT '同意贷款金额',
    `last_repay_time` int default 0 comment '最近一次还款时间',
    `next_repay_time` int default 0 comment '下一次还款时间',
    `remit_certify` varchar(200) default '' comment '汇款凭证',
    PRIMARY key (`lid`),
    key uid(`uid`)
) comment='贷款表';
create table if not exists `sys_repay`(
    `id` int unsigned not null auto_increment,
    `uid` int unsigned NOT NULL COMMENT '客户编号',
    `lid` int unsigned NOT NULL COMMENT '贷款ID',
    `amount` decimal(10,2) NOT NULL COMMENT '还款金额',
    `no` tinyint unsigned NOT NULL COMMENT '第几期',
    `addtime` int not null,
    primary key (`id`)
) comment='还款表';
"""

#: The same columns on a table of a shop's orders: not a loan, so no credit record.
ORDERS = """
create table if not exists `sys_user`(
    `uid` int unsigned not null auto_increment,
    `name` varchar(50) not null comment '姓名',
    primary key (`uid`)
) comment='用户表';
create table if not exists `sys_order`(
    `oid` int unsigned not null auto_increment,
    `uid` int unsigned NOT NULL COMMENT '用户UID',
    `next_delivery_time` int default 0 comment '下一次配送时间',
    `remit_certify` varchar(200) default '' comment '汇款凭证',
    PRIMARY key (`oid`)
) comment='订单表';
"""

OWNERS = """
CREATE TABLE `owner` (
  `owner_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `phone` varchar(15) DEFAULT NULL,
  `name` varchar(45) DEFAULT NULL,
  `sex` tinyint(2) DEFAULT NULL,
  `birthday` bigint(25) DEFAULT NULL,
  `identity_type` tinyint(2) DEFAULT NULL COMMENT '证件类型',
  `identity_code` varchar(45) DEFAULT NULL COMMENT '证件代码',
  PRIMARY KEY (`owner_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE `console_user` (
  `cu_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(45) DEFAULT NULL,
  `doc_type` tinyint(2) DEFAULT NULL,
  `doc_number` varchar(45) DEFAULT NULL,
  PRIMARY KEY (`cu_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE `attachment` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `owner_id` int(10) unsigned DEFAULT NULL,
  `document_type` varchar(20) DEFAULT NULL,
  `document_id` varchar(45) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
"""


def _findings(tmp_path: Path, ddl: str) -> dict[str, dict[str, FieldFinding]]:
    (tmp_path / "schema.sql").write_text(ddl, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {d.dataset.name: {f.field.name: f for f in d.findings} for d in result.datasets}


def test_unnamed_details_of_a_borrowers_loan_are_credit_records(tmp_path: Path) -> None:
    found = _findings(tmp_path, LOANS)
    loan, repay = found["sys_loan"], found["sys_repay"]
    for column in ("last_repay_time", "next_repay_time", "remit_certify"):
        assert loan[column].sensitive, column
        assert loan[column].element == "pi.financial.credit", column
    for column in ("no", "addtime"):
        assert repay[column].sensitive, column
        assert repay[column].element == "pi.financial.credit", column
    reasons = " ".join(ev.detail for ev in loan["remit_certify"].evidence)
    assert "Loans and credit of the person" in reasons


def test_the_same_columns_of_an_order_stay_not_sensitive(tmp_path: Path) -> None:
    order = _findings(tmp_path, ORDERS)["sys_order"]
    for column in ("next_delivery_time", "remit_certify"):
        assert not order[column].sensitive, column


def test_identity_document_kept_as_type_and_number(tmp_path: Path) -> None:
    found = _findings(tmp_path, OWNERS)
    for table, column in (("owner", "identity_code"), ("console_user", "doc_number")):
        finding = found[table][column]
        assert finding.element == "pi.identity.document_number", (table, column)
        assert finding.sensitive, (table, column)
    attachment = found["attachment"]
    assert attachment["document_id"].element != "pi.identity.document_number"
    assert not attachment["document_id"].sensitive


PRODUCTS = """
CREATE TABLE `百万医疗形态`  (
  `index` int(8) NOT NULL AUTO_INCREMENT,
  `公司` varchar(256) NULL DEFAULT NULL,
  `产品名称` varchar(256) NULL DEFAULT NULL,
  `被保人年龄` varchar(256) NULL DEFAULT NULL,
  `续保年龄` varchar(256) NULL DEFAULT NULL,
  `疾病终末期` varchar(256) NULL DEFAULT NULL,
  PRIMARY KEY (`index`) USING BTREE
) ENGINE = InnoDB;
CREATE TABLE `定期寿险形态`  (
  `index` int(8) NOT NULL AUTO_INCREMENT,
  `公司` varchar(256) NULL DEFAULT NULL,
  `产品` varchar(256) NULL DEFAULT NULL,
  `投保年龄` varchar(256) NULL DEFAULT NULL,
  PRIMARY KEY (`index`) USING BTREE
) ENGINE = InnoDB;
CREATE TABLE `合同`  (
  `index` int(8) NOT NULL AUTO_INCREMENT,
  `客户名称` varchar(256) NULL DEFAULT NULL,
  `产品名称` varchar(256) NULL DEFAULT NULL,
  `被保人年龄` varchar(256) NULL DEFAULT NULL,
  PRIMARY KEY (`index`) USING BTREE
) ENGINE = InnoDB;
CREATE TABLE `投保记录`  (
  `index` int(8) NOT NULL AUTO_INCREMENT,
  `姓名` varchar(64) NULL DEFAULT NULL,
  `手机` varchar(20) NULL DEFAULT NULL,
  `产品名称` varchar(256) NULL DEFAULT NULL,
  `被保人年龄` varchar(256) NULL DEFAULT NULL,
  PRIMARY KEY (`index`) USING BTREE
) ENGINE = InnoDB;
"""


def test_insurance_product_forms_are_a_catalogue_not_a_persons_record(tmp_path: Path) -> None:
    found = _findings(tmp_path, PRODUCTS)
    for table, column in (
        ("百万医疗形态", "被保人年龄"),
        ("百万医疗形态", "续保年龄"),
        ("百万医疗形态", "疾病终末期"),
        ("定期寿险形态", "投保年龄"),
    ):
        assert not found[table][column].personal, (table, column)
    # a table that names a person or a client beside the product is someone's application or
    # contract, not a catalogue
    assert found["投保记录"]["被保人年龄"].personal
    assert found["合同"]["被保人年龄"].personal


COMPANIES = """
CREATE TABLE IF NOT EXISTS empresa (
    id SERIAL PRIMARY KEY,
    nome VARCHAR(100) NOT NULL,
    cnpj VARCHAR(14) NOT NULL,
    telefone VARCHAR(11) NOT NULL,
    email VARCHAR(100) NOT NULL
);
CREATE TABLE IF NOT EXISTS fornecedor (
    id SERIAL PRIMARY KEY,
    razao_social VARCHAR(100) NOT NULL,
    telefone VARCHAR(11) NOT NULL,
    email VARCHAR(100) NOT NULL
);
CREATE TABLE IF NOT EXISTS material (
    id SERIAL PRIMARY KEY,
    nome VARCHAR(100) NOT NULL,
    valor NUMERIC(10, 2),
    descricao VARCHAR(255),
    idempresa INTEGER NOT NULL REFERENCES empresa(id)
);
CREATE TABLE IF NOT EXISTS usuario (
    id SERIAL PRIMARY KEY,
    nome VARCHAR(100) NOT NULL,
    cpf VARCHAR(11) NOT NULL,
    telefone VARCHAR(11) NOT NULL,
    idempresa INTEGER NOT NULL REFERENCES empresa(id)
);
"""


def test_a_company_and_its_materials_are_not_a_persons_record(tmp_path: Path) -> None:
    found = _findings(tmp_path, COMPANIES)
    for table, columns in (
        ("empresa", ("nome", "cnpj", "telefone", "email")),
        ("fornecedor", ("razao_social", "telefone", "email")),
        ("material", ("nome", "valor", "descricao")),
    ):
        for column in columns:
            assert not found[table][column].personal, (table, column)
    assert found["usuario"]["cpf"].sensitive
    assert found["usuario"]["telefone"].personal


SEARCH_API = """openapi: "3.0.0"
info:
  title: Applicant board
  version: "1.0"
paths:
  /applicants:
    get:
      operationId: bewerberboerse
      parameters:
        - in: query
          name: was
          schema: {type: string}
          description: Beruf, Kenntnisse, Sprachen
        - in: query
          name: wo
          schema: {type: string}
          description: Ort, PLZ, Bundesland
        - in: query
          name: arbeitszeit
          schema: {type: string}
          description: Arbeitszeit
        - in: query
          name: page
          schema: {type: integer}
        - in: query
          name: size
          schema: {type: integer}
      responses:
        '200':
          description: OK
  /applicants/{ref}:
    get:
      operationId: bewerberdetails
      parameters:
        - in: path
          name: referenznummer
          required: true
          schema: {type: string}
      responses:
        '200':
          description: OK
"""


def test_paged_search_parameters_are_criteria_not_a_persons_record(tmp_path: Path) -> None:
    (tmp_path / "openapi.yaml").write_text(SEARCH_API, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    found = {d.dataset.name: {f.field.name: f for f in d.findings} for d in result.datasets}
    search = found["bewerberboerse parameters"]
    for column in ("was", "wo", "arbeitszeit", "page", "size"):
        assert not search[column].personal, column
    # a single applicant's reference number stays that applicant's
    assert found["bewerberdetails parameters"]["referenznummer"].personal


STOCK = """
CREATE TABLE `customers` (
  `id` int NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  `phone` varchar(32) DEFAULT NULL,
  `email` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`)
);
CREATE TABLE `inventory` (
  `id` int NOT NULL AUTO_INCREMENT,
  `serial_number` varchar(255) DEFAULT NULL,
  `current_stock` decimal(10,2) DEFAULT NULL,
  `unit_cost` decimal(10,2) DEFAULT NULL,
  `condition` varchar(50) DEFAULT NULL,
  `notes` text,
  `project_id` int DEFAULT NULL COMMENT 'Project this stock belongs to',
  PRIMARY KEY (`id`),
  CONSTRAINT `inventory_project_fk` FOREIGN KEY (`project_id`) REFERENCES `customers` (`id`)
);
CREATE TABLE `wallet_inventory` (
  `id` int NOT NULL AUTO_INCREMENT,
  `customer_id` int DEFAULT NULL,
  `notes` text,
  PRIMARY KEY (`id`),
  CONSTRAINT `wallet_inventory_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`)
);
"""


def test_stock_kept_for_a_customers_project_is_the_organisations(tmp_path: Path) -> None:
    found = _findings(tmp_path, STOCK)
    for column in ("serial_number", "current_stock", "unit_cost", "condition", "notes"):
        assert not found["inventory"][column].personal, column
    # keyed by a column naming the customer, the rows stay the customer's
    assert found["wallet_inventory"]["notes"].personal


REVIEW = """
CREATE TABLE IF NOT EXISTS `sys_userinfo` (
    `id` int unsigned not NULL auto_increment,
    `uid` int unsigned NOT NULL COMMENT '用户ID',
    `name` varchar(50) NOT NULL COMMENT '姓名',
    `debt_amount` varchar(1000) not null default '' comment '负债总额',
    `debt_month_repay` varchar(1000) not null default '' comment '每月需还款情况',
    `repay_source` varchar(1000) not null DEFAULT '' COMMENT '还款来源核实',
    `overdue_info` varchar(1000) not null DEFAULT '' COMMENT '逾期情况',
    `amount` decimal(6,2) default 0.00 comment '批准金额',
    `apr` float(6,2) default 0.00 comment '批准年利率',
    `repay_method` char(1) default 'o' comment '批准还款方式',
    `remark` varchar(1000) default '' comment '评审人员标注的其它事项',
    primary key (`id`)
);
CREATE TABLE IF NOT EXISTS `sys_member` (
    `id` int unsigned not NULL auto_increment,
    `name` varchar(50) NOT NULL COMMENT '姓名',
    `mobile` varchar(20) NOT NULL COMMENT '手机号',
    `debt_amount` varchar(1000) not null default '' comment '负债总额',
    `amount` decimal(6,2) default 0.00 comment '消费金额',
    `level` int default 0 comment '会员等级',
    `points` int default 0 comment '积分',
    `address` varchar(200) default '' comment '地址',
    `remark` varchar(1000) default '' comment '备注',
    primary key (`id`)
);
"""


def test_a_row_made_of_a_loans_columns_is_a_credit_record(tmp_path: Path) -> None:
    found = _findings(tmp_path, REVIEW)
    review = found["sys_userinfo"]
    for column in ("amount", "apr"):
        assert review[column].sensitive, column
        assert review[column].element == "pi.financial.credit", column
    # one debt column among a member's details does not make the row a loan
    assert not found["sys_member"]["amount"].sensitive


APPLICATION_MATERIALS = """
CREATE TABLE `users` (`id` BIGINT PRIMARY KEY, `name` VARCHAR(40) COMMENT '姓名', `mobile` VARCHAR(20));
CREATE TABLE `loan_application` (`id` BIGINT PRIMARY KEY, `user_id` BIGINT, `amount` DECIMAL(12,2),
  CONSTRAINT `fk_app_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`));
CREATE TABLE `loan_application_materials` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `loan_application_id` BIGINT(20) UNSIGNED NOT NULL,
  `identity_prove_urls` TEXT NOT NULL,
  `income_prove_urls` TEXT NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_materials_application` FOREIGN KEY (`loan_application_id`)
    REFERENCES `loan_application` (`id`)
);
"""


def test_materials_a_person_submits_with_an_application_are_theirs(tmp_path: Path) -> None:
    # 'materials' keyed by the application a person submitted them with are the applicant's
    # proofs (申请材料), not an organisation's stock kept by its staff
    (tmp_path / "schema.sql").write_text(APPLICATION_MATERIALS, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    (materials,) = [d for d in result.datasets if d.dataset.name == "loan_application_materials"]
    assert materials.subject is not None and materials.subject.kind == "person_linked"
    assert any(f.personal for f in materials.findings if f.field.name == "income_prove_urls")
