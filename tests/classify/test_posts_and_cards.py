"""Whose rows a table holds when a word of its name or comment misleads: an organisation's posts
keyed by the post (a worker filling one does not make it a worker's record), an analytics model
named `*_overview`, a person's bank card (银行卡 holds the word for a bank) and a business
licence (营业执照, an organisation's document even when a user uploaded it); the bare `code` of a
card's or an ID card's table is that document's number."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

from dataflow.model import DatasetResult


def _results(tmp_path: Path, text: str) -> dict[str, DatasetResult]:
    return scan_files(tmp_path, {"schema.sql": text})


def _kind(result: DatasetResult) -> str | None:
    return result.subject.kind if result.subject is not None else None


def _personal(result: DatasetResult) -> list[str]:
    return [f.field.name for f in result.findings if f.personal]


HR = """
CREATE TABLE wd_employee_overview (employee_id varchar(20), worker_code varchar(20),
  first_name varchar(50), date_of_birth date, hire_date date);
CREATE TABLE wd_position_overview (position_id varchar(20), position_code varchar(20),
  job_posting_title varchar(100), effective_date date, earliest_hire_date date,
  worker_for_filled_position_id varchar(20), worker_type_code varchar(20),
  compensation_grade_code varchar(20));
CREATE TABLE wd_organization_overview (organization_id varchar(20), worker_id varchar(20),
  organization_code varchar(20), organization_name varchar(100), organization_type varchar(20));
CREATE TABLE job_history (id varchar(20), employee_id varchar(20), job_id varchar(20), start_date date,
  end_date date, department_id varchar(20));
"""


def test_posts_and_overview_models_are_the_organisations(tmp_path: Path) -> None:
    by_name = _results(tmp_path, HR)
    # `overview` is a model's tail, like `info`: the employee overview is the employees' table
    assert _kind(by_name["wd_employee_overview"]) == "person"
    # a position keyed by itself is a post, whoever fills it
    position = by_name["wd_position_overview"]
    assert _kind(position) == "organisation"
    assert _personal(position) == []
    organisation = by_name["wd_organization_overview"]
    assert _kind(organisation) == "organisation"
    assert not {"organization_code", "organization_name", "organization_type"} & set(
        _personal(organisation)
    )
    # a job history keyed by the employee stays the employee's
    assert _kind(by_name["job_history"]) == "person_linked"


CARDS = """
CREATE TABLE user_info (id bigint PRIMARY KEY, user_id bigint, name varchar(50));
COMMENT ON TABLE user_info IS '用户信息';
CREATE TABLE bank_card (user_id bigint, user_info_id bigint, code varchar(64),
  country varchar(50), reserve_phone varchar(20));
COMMENT ON TABLE bank_card IS '银行卡';
CREATE TABLE biz_cert (user_id bigint, user_info_id bigint, title varchar(255),
  reg_capital decimal(10,2), address_code varchar(255), issue_date date,
  leader_name varchar(255));
COMMENT ON TABLE biz_cert IS '营业执照';
CREATE TABLE idcard_2 (user_id bigint, user_info_id bigint, name varchar(255), code varchar(64),
  expire_date date);
COMMENT ON TABLE idcard_2 IS '身份证2代';
CREATE TABLE voucher (id bigint PRIMARY KEY, code varchar(64), amount decimal(10,2));
COMMENT ON TABLE voucher IS '优惠券';
"""


def test_a_bank_card_is_its_holders_and_a_business_licence_an_organisations(
    tmp_path: Path,
) -> None:
    by_name = _results(tmp_path, CARDS)
    card = by_name["bank_card"]
    assert _kind(card) == "person_linked"
    assert "reserve_phone" in _personal(card)
    # the bare `code` of a bank card or an ID card table is that card's number
    number = next(f for f in card.findings if f.field.name == "code")
    assert number.sensitive and number.element == "pi.financial.bank_card"
    number = next(f for f in by_name["idcard_2"].findings if f.field.name == "code")
    assert number.sensitive and number.element == "pi.identity.resident_id"
    assert _personal(by_name["voucher"]) == []
    licence = by_name["biz_cert"]
    assert _kind(licence) == "organisation"
    assert "address_code" not in _personal(licence)
    assert "issue_date" not in _personal(licence)
