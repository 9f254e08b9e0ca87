"""Which columns link a dataset to a person. A key of the dataset's own rows (a bare `id` whatever
its comment says, a key named after the dataset itself) is not a link; a Chinese column name links
only when it is a role's key (会员卡号), a person's key (档案号) or the role alone (体检人), not when a
role word starts a fee, a name or a question (会员费, 客户名称, 是否涉及贷款人员). Without such a
false link, the columns of a list of insurance types, a company's contract form or a property
inspection are nobody's."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

from dataflow.model import DatasetResult

POLICIES = """
CREATE TABLE insured (id int PRIMARY KEY, name varchar(20) COMMENT '姓名',
  id_card varchar(18) COMMENT '身份证号', phone varchar(20) COMMENT '手机号');
CREATE TABLE insurance_cover (
  id int NOT NULL AUTO_INCREMENT COMMENT '被保险人id',
  cover_name varchar(20) COMMENT '承担险种',
  deductible_rate varchar(20) COMMENT '每次事故绝对免赔率',
  PRIMARY KEY (id));
CREATE TABLE policy (id int PRIMARY KEY, insured_id int REFERENCES insured (id),
  premium decimal(10,2) COMMENT '保险费', pledge_mark varchar(20));
"""

FORMS = """
CREATE TABLE main_form (
  id int NOT NULL AUTO_INCREMENT,
  `客户名称` char(255),
  `会员费` char(64),
  `是否涉及贷款人员` char(64),
  `雇员对接方式` char(64),
  `渠道名称` char(64),
  `税率` char(64),
  PRIMARY KEY (id));
CREATE TABLE card_use (
  id int NOT NULL AUTO_INCREMENT,
  `会员卡号` char(32),
  `使用方式` char(64),
  PRIMARY KEY (id));
"""

WORK = """
CREATE TABLE customer (id int PRIMARY KEY, name varchar(40), phone varchar(20));
CREATE TABLE request (request_id int PRIMARY KEY, customer_request_id int,
  due_date date, request_notes varchar(200));
CREATE TABLE work_order (work_order_id int PRIMARY KEY,
  request_id int REFERENCES request (request_id), roof_style_id int, stories_id int);
CREATE TABLE course (course_id int PRIMARY KEY, course_name varchar(40),
  course_hours int, teacher_id int);
CREATE TABLE member_course (member_course_id int PRIMARY KEY, course_id int,
  member_id int, seat_colour varchar(20));
CREATE TABLE member (member_id int PRIMARY KEY, name varchar(20), mobile varchar(20));
"""


def _scan(tmp_path: Path, name: str, text: str) -> dict[str, DatasetResult]:
    return scan_files(tmp_path, {name: text})


def _personal(result: DatasetResult) -> set[str]:
    return {f.field.name for f in result.findings if f.personal}


def test_a_bare_own_id_does_not_link_whatever_its_comment_says(tmp_path: Path) -> None:
    results = _scan(tmp_path, "insurance.sql", POLICIES)
    kinds = results["insurance_cover"]
    assert kinds.subject is not None and kinds.subject.kind != "person_linked"
    assert not _personal(kinds) & {"cover_name", "deductible_rate"}
    # a policy of the insured still is theirs
    policy = results["policy"]
    assert policy.subject is not None and policy.subject.kind == "person_linked"
    assert "premium" in _personal(policy)


def test_a_role_word_inside_a_chinese_column_name_is_no_key(tmp_path: Path) -> None:
    results = _scan(tmp_path, "forms.sql", FORMS)
    form = results["main_form"]
    assert form.subject is not None and form.subject.kind != "person_linked"
    assert not _personal(form) & {"会员费", "雇员对接方式", "渠道名称", "税率"}
    # a member's card number is a member's key: the card use is theirs
    use = results["card_use"]
    assert use.subject is not None and use.subject.kind == "person_linked"
    assert [lk.column for lk in use.subject.links] == ["会员卡号"]


def test_a_key_named_after_the_dataset_itself_does_not_link(tmp_path: Path) -> None:
    """`request.customer_request_id` numbers the request (as its customer knows it);
    `course.course_id` is the course's own key, not `member_course`'s; so a work order on the
    request and the course are nobody's, while a member's booked course is the member's."""
    results = _scan(tmp_path, "work.sql", WORK)
    for name in ("request", "work_order", "course"):
        subject = results[name].subject
        assert subject is not None and subject.kind != "person_linked", name
    assert not _personal(results["work_order"]) & {"roof_style_id", "stories_id"}
    assert not _personal(results["course"]) & {"course_name", "course_hours"}
    booked = results["member_course"]
    assert booked.subject is not None and booked.subject.kind == "person_linked"
    assert "member_course_id" not in [lk.column for lk in booked.subject.links]
    assert "seat_colour" in _personal(booked)


PLANS = """
CREATE TABLE customers (customer_id int PRIMARY KEY, name varchar(60), phone varchar(20));
CREATE TABLE plans (plan_id varchar(20) NOT NULL, plan_name varchar(60),
  monthly_fee decimal(8,2), service_type varchar(20));
CREATE TABLE customer_plans (id int PRIMARY KEY, customer_id int, plan_id int,
  start_date date);
"""


def test_a_plural_tables_own_key_does_not_link_to_a_longer_name(tmp_path: Path) -> None:
    """`plans.plan_id` (no primary key declared, as in a warehouse) is the plan's own key: a
    table named by the key's plural is that table, not `customer_plans`, which only ends in the
    plural; so the offer of plans is nobody's."""
    results = _scan(tmp_path, "plans.sql", PLANS)
    plans = results["plans"]
    assert plans.subject is not None and plans.subject.kind != "person_linked"
    assert not _personal(plans) & {"plan_name", "monthly_fee", "service_type"}
