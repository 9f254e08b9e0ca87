"""Rows that are not about a person although a word or a link says people.

Columns that do not link a row to a person: a count of people (`active_customers`; a flag
`has_other_owners` still speaks of the row's own people), the key of a kind (`account_type_id`),
a contact person written on a company's row (联系人姓名), and a telephone whose comment names an
organisation (小区联系方式). Without the false link the row's other columns are nobody's."""

from __future__ import annotations

from pathlib import Path

from dataflow.model import DatasetResult
from dataflow.scan import ScanOptions, scan_paths


def _scan(tmp_path: Path, name: str, text: str) -> dict[str, DatasetResult]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name.rsplit(".", 1)[-1]: r for r in report.datasets}


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
