"""Rows that are not about a person although a word or a link says people.

Links that are not: a count of people (`active_customers`; a flag `has_other_owners` still speaks
of the row's own people), the key of a kind (`account_type_id`), a contact person written on a
company's row (联系人姓名), and a telephone whose comment names an organisation (小区联系方式).

Rows that are not: a `name` whose Chinese comment calls it a thing's name (名称), a business's tax
registration number, a house listed for sale that users save, an office that other tables point
at by an organisation's key, a table keyed by a branch's id, and a list of definitions
(`allergydef`). In each case the fields of those rows are nobody's, while the person's own tables
beside them keep their findings."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

from dataflow.model import DatasetResult


def _scan(tmp_path: Path, name: str, text: str) -> dict[str, DatasetResult]:
    return scan_files(tmp_path, {name: text}, short=True)


def _personal(result: DatasetResult) -> set[str]:
    return {f.field.name for f in result.findings if f.personal}


ANALYTICS = """
version: 2
models:
  - name: revenue_trend_analysis
    columns:
      - name: billing_month
      - name: total_monthly_revenue
      - name: active_customers
      - name: next_month_revenue_forecast
  - name: customer_churn
    columns:
      - name: customer_id
      - name: monthly_charges
"""


def test_a_count_of_customers_is_not_a_customer(tmp_path: Path) -> None:
    found = _scan(tmp_path, "schema.yml", ANALYTICS)
    assert found["revenue_trend_analysis"].subject.kind != "person_linked"
    assert _personal(found["revenue_trend_analysis"]) == set()
    assert found["customer_churn"].subject.kind == "person_linked"


KINDS = """
CREATE TABLE acct_type_detl (account_type_id NUMBER(4) PRIMARY KEY,
  type_name VARCHAR2(50), interest_rate NUMBER(5,2));
"""


def test_the_key_of_a_kind_is_not_a_person(tmp_path: Path) -> None:
    found = _scan(tmp_path, "kinds.sql", KINDS)
    assert found["acct_type_detl"].subject.kind != "person_linked"
    assert _personal(found["acct_type_detl"]) == set()


CONTACTS = """
CREATE TABLE t_manufacturer (
  id bigint NOT NULL AUTO_INCREMENT COMMENT 'ID',
  workshops varchar(200) COMMENT '车间列表',
  address varchar(100) NOT NULL COMMENT '地址',
  man_name varchar(20) COMMENT '联系人姓名',
  PRIMARY KEY (id));
CREATE TABLE community (
  community_id bigint NOT NULL AUTO_INCREMENT COMMENT '小区ID',
  month varchar(255) COMMENT '月份',
  operate varchar(3) COMMENT '数据状态',
  phone varchar(20) COMMENT '小区联系方式',
  PRIMARY KEY (community_id));
"""


def test_a_contact_person_and_an_estates_phone_are_not_the_rows_person(tmp_path: Path) -> None:
    found = _scan(tmp_path, "contacts.sql", CONTACTS)
    assert found["t_manufacturer"].subject.kind != "person_linked"
    assert "man_name" in _personal(found["t_manufacturer"])
    assert "workshops" not in _personal(found["t_manufacturer"])
    assert found["community"].subject.kind != "person_linked"
    assert not {"month", "operate"} & _personal(found["community"])


THINGS = """
CREATE TABLE t_truck (
  id bigint NOT NULL AUTO_INCREMENT COMMENT 'ID',
  corporation bigint NOT NULL COMMENT '所属承运方ID',
  name varchar(30) NOT NULL COMMENT '名称',
  phone varchar(11) COMMENT '联系方式',
  car_license varchar(30) COMMENT '车辆行驶证号码',
  affiliation varchar(50) COMMENT '所属单位',
  PRIMARY KEY (id));
CREATE TABLE t_consignee (
  id bigint NOT NULL AUTO_INCREMENT COMMENT 'ID',
  corporation bigint NOT NULL COMMENT '所属承运方ID',
  name varchar(30) NOT NULL COMMENT '名称',
  address varchar(100) NOT NULL COMMENT '地址',
  man_name varchar(20) COMMENT '联系人姓名',
  PRIMARY KEY (id));
CREATE TABLE t_driver (
  id bigint NOT NULL AUTO_INCREMENT COMMENT 'ID',
  name varchar(30) NOT NULL COMMENT '名称',
  phone varchar(11) COMMENT '联系方式',
  PRIMARY KEY (id));
"""


def test_a_thing_name_is_not_a_persons_name(tmp_path: Path) -> None:
    found = _scan(tmp_path, "things.sql", THINGS)
    assert found["t_truck"].subject.kind == "unknown"
    assert not {"name", "car_license", "affiliation"} & _personal(found["t_truck"])
    assert not {"name", "corporation"} & _personal(found["t_consignee"])
    # a driver's `name` '名称' stays the driver's name
    assert "name" in _personal(found["t_driver"])


CUSTOMERS = """
CREATE TABLE t_customer (
  id bigint NOT NULL AUTO_INCREMENT COMMENT 'ID',
  name varchar(30) NOT NULL COMMENT '名称',
  address varchar(100) COMMENT '地址',
  bank varchar(50) COMMENT '开户行',
  tax_number varchar(50) COMMENT '税务登记号',
  PRIMARY KEY (id));
CREATE TABLE customer (
  id bigint NOT NULL AUTO_INCREMENT,
  name varchar(30) NOT NULL COMMENT '姓名',
  address varchar(100) COMMENT '地址',
  PRIMARY KEY (id));
"""


def test_a_customer_with_a_tax_registration_number_is_a_business(tmp_path: Path) -> None:
    found = _scan(tmp_path, "customers.sql", CUSTOMERS)
    assert found["t_customer"].subject.kind == "organisation"
    assert not {"name", "address"} & _personal(found["t_customer"])
    assert found["customer"].subject.kind == "person"
    assert {"name", "address"} <= _personal(found["customer"])


BANK = """
CREATE TABLE acct_type_detl (account_type_id NUMBER(4) PRIMARY KEY,
  type_name VARCHAR2(50), interest_rate NUMBER(5,2));
CREATE TABLE head_ofsc_detl (head_office_id NUMBER(4) PRIMARY KEY, name VARCHAR2(100),
  address VARCHAR2(200), email VARCHAR2(100), phone_number VARCHAR2(20), established_date DATE);
CREATE TABLE states_detl (state_id NUMBER(6) PRIMARY KEY, state_name VARCHAR2(50),
  head_office_id NUMBER(4) REFERENCES head_ofsc_detl (head_office_id));
CREATE TABLE bran_detl (branch_id NUMBER(6) PRIMARY KEY, branch_name VARCHAR2(100),
  address VARCHAR2(200), phone_number VARCHAR2(20),
  state_id NUMBER(6) REFERENCES states_detl (state_id));
CREATE TABLE cust_detl (customer_id NUMBER(8) PRIMARY KEY, first_name VARCHAR2(50),
  email VARCHAR2(100), address VARCHAR2(200),
  branch_id NUMBER(6) REFERENCES bran_detl (branch_id));
"""


def test_an_office_and_a_branch_are_not_people(tmp_path: Path) -> None:
    found = _scan(tmp_path, "bank.sql", BANK)
    # the office that `head_office_id` points at is an organisation, not a person by its
    # name and e-mail, and the states that point at it are not about a person
    assert found["head_ofsc_detl"].subject.kind == "organisation"
    assert not {"name", "email", "address"} & _personal(found["head_ofsc_detl"])
    assert found["states_detl"].subject.kind != "person_linked"
    # a table keyed by `branch_id` lists branches
    assert found["bran_detl"].subject.kind == "organisation"
    assert not {"address", "phone_number"} & _personal(found["bran_detl"])
    assert {"first_name", "email", "address"} <= _personal(found["cust_detl"])


LISTINGS = """
CREATE TABLE `user` (`id` bigint NOT NULL AUTO_INCREMENT, `name` varchar(20) COMMENT '姓名',
  `phone` char(13) COMMENT '手机号', PRIMARY KEY (`id`));
CREATE TABLE `house` (`id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(20) COMMENT '房产名称', `price` int COMMENT '单位元 价格',
  `area` int COMMENT '面积', `beds` int COMMENT '卧室数量', `address` varchar(20) COMMENT '房产地址',
  PRIMARY KEY (`id`));
CREATE TABLE `house_user` (`id` bigint NOT NULL AUTO_INCREMENT,
  `house_id` bigint COMMENT '房屋id', `user_id` bigint COMMENT '用户id',
  `type` tinyint COMMENT '1-售卖 2-收藏', PRIMARY KEY (`id`));
CREATE TABLE `room` (`id` bigint NOT NULL AUTO_INCREMENT, `floor` int COMMENT '楼层',
  `move_in_time` datetime COMMENT '入住时间', PRIMARY KEY (`id`));
CREATE TABLE `resident` (`id` bigint NOT NULL AUTO_INCREMENT, `name` varchar(20) COMMENT '姓名',
  `phone` char(13) COMMENT '手机号', `room_id` bigint COMMENT '房间id', PRIMARY KEY (`id`));
"""


def test_a_priced_house_is_a_listing_not_a_dwelling(tmp_path: Path) -> None:
    found = _scan(tmp_path, "houses.sql", LISTINGS)
    assert found["house"].subject.kind != "person_linked"
    assert not {"price", "area", "beds"} & _personal(found["house"])
    # a room a resident points at is still that resident's dwelling
    assert found["room"].subject.kind == "person_linked"


DEFINITIONS = """
version: 2
models:
  - name: stg_opendental__diseasedef
    description: Definitions of diseases and health conditions.
    columns:
      - name: disease_def_id
      - name: disease_name
        description: The name of the disease.
      - name: icd10_code
        description: The ICD-10 diagnosis code.
  - name: stg_opendental__disease
    description: Each record is a disease diagnosed for a specific patient.
    columns:
      - name: disease_id
      - name: patient_id
      - name: disease_def_id
      - name: date_start
"""


def test_a_list_of_definitions_is_a_code_list(tmp_path: Path) -> None:
    found = _scan(tmp_path, "schema.yml", DEFINITIONS)
    assert found["stg_opendental__diseasedef"].subject.kind == "reference"
    assert _personal(found["stg_opendental__diseasedef"]) == set()
    assert found["stg_opendental__disease"].subject.kind == "person_linked"
