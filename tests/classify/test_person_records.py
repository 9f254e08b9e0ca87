"""Records of a person found by what their keys and columns say: a health-management number as the
person's key, staff numbers and employers on an employee's record, authentication keys."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

DIABETES = """
CREATE TABLE `user_info` (`health_id` int COMMENT '健康管理号', `name` varchar(20) COMMENT '姓名',
  `tel` varchar(20) COMMENT '手机号');
CREATE TABLE `dm_record` (`id` int NOT NULL AUTO_INCREMENT,
  `health_id` int unsigned DEFAULT '0' COMMENT '健康管理号',
  `is_diabetes` smallint COMMENT '是否诊断为糖尿病',
  `fasting_blood_glucose` float COMMENT '空腹血糖',
  `postprandial_blood_glucose` float COMMENT '餐后血糖',
  `is_ketoacidosis` smallint COMMENT '是否酮症酸中毒病发症',
  `diet` float COMMENT '主食', `milk` float COMMENT '牛奶', `salt` float COMMENT '盐',
  `create_time` timestamp, PRIMARY KEY (`id`));
CREATE TABLE `check_record` (`health_id` int COMMENT '健康管理好', `height` float COMMENT '身高',
  `weight` float COMMENT '体重', `hip` float COMMENT '臀围', `diet` int COMMENT '饮食');
"""


def test_health_management_number_is_the_persons_key(tmp_path: Path) -> None:
    """`health_id` '健康管理号' numbers a person's health file: a table keyed by it alone is that
    person's record, and its health columns (a diet of a diabetic) are sensitive; the number
    itself is personal. A misspelt comment leaves the name to say it."""
    results = _scan(tmp_path, {"health.sql": DIABETES})
    record, check = results["dm_record"], results["check_record"]
    assert record.subject.kind == "person_linked"
    assert [lk.column for lk in record.subject.links] == ["health_id"]
    assert check.subject.kind == "person_linked"
    for column in ("is_diabetes", "is_ketoacidosis", "diet", "milk", "salt"):
        found = _finding(record, column)
        assert found.personal and found.sensitive, column
    for column in ("hip", "diet"):
        assert _finding(check, column).sensitive, column
    assert _finding(record, "health_id").personal
    assert not _finding(record, "create_time").personal


def test_a_table_of_foods_without_a_persons_key_is_not_health_data(tmp_path: Path) -> None:
    sql = """CREATE TABLE food (id int, diet float COMMENT '主食', milk float COMMENT '牛奶',
      salt float COMMENT '盐', food_code varchar(10));"""
    results = _scan(tmp_path, {"food.sql": sql})
    assert results["food"].subject.kind != "person_linked"
    assert not any(f.sensitive for f in results["food"].findings)


def test_staff_number_employer_and_auth_key_on_a_persons_row(tmp_path: Path) -> None:
    """A doctor's own key commented 医生编号 is a staff number; the hospital the doctor belongs to
    (所属医院) is their employer; a user's `authKey` is authentication data (sensitive). A
    department's number and a patient's hospital are neither."""
    sql = """
    CREATE TABLE doctor (id int PRIMARY KEY COMMENT '医生编号', name varchar(20) COMMENT '医生姓名',
      hospital varchar(32) COMMENT '所属医院', dept_id int COMMENT '部门编号');
    CREATE TABLE user (id int PRIMARY KEY, username varchar(20) COMMENT '用户名',
      authKey varchar(100), password varchar(64) COMMENT '密码');
    CREATE TABLE patient_visit (id int, patient_id int COMMENT '患者ID',
      hospital varchar(32) COMMENT '就诊医院');
    """
    results = _scan(tmp_path, {"staff.sql": sql})
    doctor = results["doctor"]
    assert _finding(doctor, "id").personal
    employer = _finding(doctor, "hospital")
    assert employer.personal and employer.element == "pi.education_work.employer"
    assert "employer" in employer.evidence[-1].detail
    assert not _finding(doctor, "dept_id").personal
    auth = _finding(results["user"], "authKey")
    assert auth.personal and auth.sensitive and auth.element == "pi.credential.secret_key"
    visit_hospital = _finding(results["patient_visit"], "hospital")
    assert visit_hospital.element != "pi.education_work.employer"


CV_SCHEMA = """{
  "$schema": "http://json-schema.org/draft-04/schema#",
  "title": "Resume Schema",
  "type": "object",
  "properties": {
    "name": {"type": "string", "description": "The candidate's name."},
    "disposition": {"type": "object", "properties": {
      "travel": {"type": "integer", "description": "Percentage of time willing to travel."}}},
    "writing": {"type": "array", "items": {"type": "object", "properties": {
      "title": {"type": "string", "description": "Title of the article, essay, or book."},
      "date": {"type": "string", "format": "date", "description": "Publication date."},
      "url": {"type": "string", "description": "Website or URL of this writing."},
      "summary": {"type": "string", "description": "A brief summary of the publication."},
      "@type": {"type": "string"}}}}
  }
}"""
CODES_SCHEMA = """{
  "title": "coded entry",
  "type": "object",
  "properties": {
    "entry": {"type": "object", "properties": {
      "name": {"type": "string"}, "code": {"type": "string"},
      "translations": {"type": "array", "items": {"type": "object", "properties": {
        "title": {"type": "string"}, "date": {"type": "string"}}}}}}
  }
}"""


def test_every_part_of_a_document_about_one_person_describes_that_person(
    tmp_path: Path,
) -> None:
    """A CV's entries (its publications, its disposition to travel) are the person's, each under
    the information its siblings are or the person's other attributes; JSON-LD keywords stay out.
    The same nesting in a schema that is not a person's document says nothing."""
    results = _scan(tmp_path, {"resume.json": CV_SCHEMA, "codes.json": CODES_SCHEMA})
    cv = next(r for name, r in results.items() if "Resume" in name)
    assert cv.subject.kind == "person"
    by_path = {f.field.pointer.split(".", 1)[1]: f for f in cv.findings}
    for path in ("writing[].title", "writing[].date", "disposition.travel"):
        found = by_path[path]
        assert found.personal, path
        assert found.evidence[-1].rule == "subject-document-part", path
    assert not by_path["writing[].@type"].personal
    codes = next(r for name, r in results.items() if "coded" in name)
    assert not any(f.personal for f in codes.findings)


BANK = """
CREATE TABLE customer (customer_id SERIAL PRIMARY KEY, first_name VARCHAR(100),
  email VARCHAR(255), date_of_birth DATE);
CREATE TABLE account (account_id SERIAL PRIMARY KEY,
  customer_id INT REFERENCES customer(customer_id), account_number VARCHAR(20),
  account_status VARCHAR(20), overdraft_limit DECIMAL(15, 2), opened_date DATE,
  closed_date DATE, last_transaction_date TIMESTAMP);
CREATE TABLE transaction_item (item_id SERIAL PRIMARY KEY,
  account_id INT REFERENCES account(account_id),
  item_sequence INT, transaction_date TIMESTAMP, channel VARCHAR(20),
  merchant_name VARCHAR(200), payee_account VARCHAR(50), is_recurring BOOLEAN);
CREATE TABLE product (product_id SERIAL PRIMARY KEY, product_name VARCHAR(100),
  overdraft_limit DECIMAL(15, 2), channel VARCHAR(20));
"""


def test_a_persons_bank_account_and_transactions(tmp_path: Path) -> None:
    """A customer's account (its state, limit and dates) and the details of its transactions
    (when, through which channel, to which merchant, whether it recurs) are the customer's
    financial information; a payee's account number is a bank account (sensitive); a line's
    place in the list is not. A product's overdraft limit is no one's."""
    results = _scan(tmp_path, {"bank.sql": BANK})
    account, item = results["account"], results["transaction_item"]
    for column in ("account_status", "overdraft_limit", "opened_date", "closed_date"):
        found = _finding(account, column)
        assert found.personal and found.category == "pi.financial", column
    assert _finding(account, "last_transaction_date").personal
    for column in ("transaction_date", "channel", "merchant_name", "is_recurring"):
        assert _finding(item, column).personal, column
    payee = _finding(item, "payee_account")
    assert payee.sensitive and payee.element == "pi.financial.bank_account"
    assert not _finding(item, "item_sequence").personal
    assert not any(f.personal for f in results["product"].findings)


def test_a_longer_catalog_word_beats_a_family_word_on_a_persons_row(tmp_path: Path) -> None:
    """An employee table named like configuration (`zx_config_yg`): 工资卡号 is a salary card, a
    bank card (sensitive), not the pay the shorter family word 工资 names."""
    sql = """CREATE TABLE zx_config_yg (id int COMMENT '员工ID', xingming varchar(50) COMMENT '姓名',
      xingbie varchar(50) COMMENT '性别', chushengrq datetime COMMENT '出生日期',
      gongzikh varchar(500) COMMENT '工资卡号-加密', xinjigz float COMMENT '薪级工资');"""
    record = _scan(tmp_path, {"yg.sql": sql})["zx_config_yg"]
    card = _finding(record, "gongzikh")
    assert card.sensitive and card.element == "pi.financial.bank_card"
    assert _finding(record, "xinjigz").element == "pi.education_work.salary"


PROPERTY = """
CREATE TABLE owner (id INT PRIMARY KEY, username VARCHAR(25), tel VARCHAR(25), sex VARCHAR(5),
  house_id INT);
CREATE TABLE house (id INT PRIMARY KEY, storey INT, numbers VARCHAR(50), into_date DATETIME,
  building_id INT, area DOUBLE);
CREATE TABLE property_info (id INT PRIMARY KEY, house_id INT, money DOUBLE,
  start_date DATETIME, end_date DATETIME, cost_time INT COMMENT '耗时', remarks VARCHAR(200));
CREATE TABLE building (id INT PRIMARY KEY, numbers VARCHAR(50), storey INT);
CREATE TABLE room_type (id INT PRIMARY KEY, numbers VARCHAR(50));
"""


def test_a_house_a_person_points_at_is_their_dwelling(tmp_path: Path) -> None:
    """`owner.house_id` → `house`: the house is the owner's, its number and storey say where they
    live and its move-in date is their event; the fees charged on it are theirs too, with their
    dates (a duration is not a date). A building and a code list of room types stay no one's."""
    results = _scan(tmp_path, {"community.sql": PROPERTY})
    house, fees = results["house"], results["property_info"]
    assert house.subject.kind == "person_linked"
    assert "owner.house_id" in " ".join(str(e) for e in house.subject.evidence)
    for column in ("storey", "numbers", "into_date"):
        assert _finding(house, column).personal, column
    assert _finding(house, "into_date").evidence[-1].rule == "subject-event-time"
    assert fees.subject.kind == "person_linked"
    for column in ("money", "start_date", "end_date"):
        assert _finding(fees, column).personal, column
    assert not _finding(fees, "cost_time").personal
    assert not any(f.personal for f in results["building"].findings)
    assert not any(f.personal for f in results["room_type"].findings)


def test_pinyin_contributions_to_a_persons_insurance(tmp_path: Path) -> None:
    """`yanglaoyg` (pension, the employee's part), `zhufangqy` (housing fund, the employer's part)
    on an employee's row are part of that person's pay; a table of contribution rates is no
    one's, and a bare `yanglao` names no paying party: not pay, but still about the employee."""
    sql = """
    CREATE TABLE zx_yg (id int COMMENT '员工ID', xingming varchar(50) COMMENT '姓名',
      xingbie varchar(50) COMMENT '性别', chushengrq datetime COMMENT '出生日期',
      yanglaoyg float, zhufangqy float, yanglao float);
    CREATE TABLE insurance_rate (id int, yanglaoyg float, zhufangqy float);
    """
    results = _scan(tmp_path, {"pay.sql": sql})
    person = results["zx_yg"]
    for column in ("yanglaoyg", "zhufangqy"):
        found = _finding(person, column)
        assert found.personal and found.element == "pi.education_work.salary", column
    assert _finding(person, "yanglao").element == "pi.other.person_attribute"
    assert not any(f.personal for f in results["insurance_rate"].findings)


def test_vocabulary_of_profile_work_health_and_address_details(tmp_path: Path) -> None:
    """Family words met on real schemas: a zodiac sign and a document type of a person, being on
    duty or rehired, a customer's tier and start date, the age a patient began smoking, the
    institution managing a follow-up, the detail line of a member's address."""
    sql = """
    CREATE TABLE employee (id int PRIMARY KEY, name varchar(20) COMMENT '姓名',
      shuxing varchar(50) COMMENT '属相', zaigang bit COMMENT '在岗', fanpin bit COMMENT '返聘',
      idType varchar(4) COMMENT '证件类型');
    CREATE TABLE customer (customer_id int PRIMARY KEY, first_name varchar(100),
      loyalty_tier varchar(20), customer_since date);
    CREATE TABLE tumors_follow_up_info (id int, patient_id int COMMENT '患者ID',
      smokingAge int COMMENT '开始每天吸烟年龄', jurisdictionalAgency varchar(50) COMMENT '管辖机构');
    CREATE TABLE member_address (id int, member_id int, detail varchar(200) COMMENT '详情');
    CREATE TABLE area_code (id int, detail varchar(200), agency varchar(50) COMMENT '管辖机构');
    """
    results = _scan(tmp_path, {"mixed.sql": sql})
    for table, column in (
        ("employee", "shuxing"),
        ("employee", "zaigang"),
        ("employee", "fanpin"),
        ("employee", "idType"),
        ("customer", "loyalty_tier"),
        ("customer", "customer_since"),
        ("member_address", "detail"),
    ):
        assert _finding(results[table], column).personal, (table, column)
    follow_up = results["tumors_follow_up_info"]
    for column in ("smokingAge", "jurisdictionalAgency"):
        assert _finding(follow_up, column).sensitive, column
    assert not any(f.personal for f in results["area_code"].findings)


def test_sex_and_age_in_a_code_list_say_whom_an_entry_is_for(tmp_path: Path) -> None:
    """Check-up packages, groups and items (`t_setmeal`, `t_checkgroup` with a `helpCode`,
    `t_checkitem`) carry the sex and age range they are for: no one's sex or age. A patient's
    sex and age stay personal."""
    sql = """
    CREATE TABLE t_checkitem (id int, code varchar(16), name varchar(32), sex char(1),
      age varchar(32), price float);
    CREATE TABLE t_checkgroup (id int, code varchar(32), name varchar(32), helpCode varchar(32),
      sex char(1));
    CREATE TABLE t_setmeal (id int, name varchar(128), code varchar(8), helpCode varchar(16),
      sex char(1), age varchar(32), price float);
    CREATE TABLE t_member (id int, name varchar(32), sex char(1), age int, phoneNumber varchar(11),
      idCard varchar(18));
    """
    results = _scan(tmp_path, {"health.sql": sql})
    for table in ("t_checkitem", "t_checkgroup", "t_setmeal"):
        assert results[table].subject.kind == "reference", table
        assert not any(f.personal for f in results[table].findings), table
    member = results["t_member"]
    assert _finding(member, "sex").personal and _finding(member, "age").personal


def test_a_person_named_on_an_organisations_row(tmp_path: Path) -> None:
    """A branch's manager (`manager_name`) is a named person; the branch's own name, phone and
    address are the organisation's."""
    sql = """CREATE TABLE branch (branch_id SERIAL PRIMARY KEY, branch_name VARCHAR(100),
      phone VARCHAR(20), city VARCHAR(100), manager_name VARCHAR(100), opening_date DATE);"""
    branch = _scan(tmp_path, {"bank.sql": sql})["branch"]
    assert branch.subject.kind == "organisation"
    manager = _finding(branch, "manager_name")
    assert manager.personal and manager.element == "pi.identity.name"
    for column in ("branch_name", "phone", "city", "opening_date"):
        assert not _finding(branch, column).personal, column


def test_other_columns_of_a_persons_row_are_information_about_that_person(
    tmp_path: Path,
) -> None:
    """PIPL Art. 4: on a row that is one identified person (a member with a name and a mobile),
    a column no word list knows (`shoe_size`, 储物柜号) still relates to that person. Keys,
    flags, bookkeeping and a format column stay as they are; so do the same columns on a row
    with only one column identifying a person and in a document
    whose every member is an object (a library of types)."""
    sql = """
    CREATE TABLE member (id int PRIMARY KEY, name varchar(20) COMMENT '姓名',
      mobile varchar(11) COMMENT '手机号', shoe_size int, favourite_colour varchar(10),
      cwgh varchar(10) COMMENT '储物柜号', date_fmt varchar(10) COMMENT '格式',
      create_time datetime, status int, is_deleted int);
    CREATE TABLE customer (id int PRIMARY KEY, customer_name varchar(20) COMMENT '客户姓名',
      shoe_size int);
    CREATE TABLE member_visit (id int PRIMARY KEY, member_id int REFERENCES member (id),
      shoe_size int);
    """
    library = """{"type": "object", "properties": {
      "contact": {"type": "object", "properties": {"name": {"type": "string"},
        "phone": {"type": "string"}, "email": {"type": "string"}}},
      "coded_entry": {"type": "object", "properties": {"code": {"type": "string"},
        "code_system": {"type": "string"}}}}}"""
    results = _scan(tmp_path, {"club.sql": sql, "shared.json": library})
    member = results["member"]
    assert member.subject.kind == "person"
    for column in ("shoe_size", "favourite_colour", "cwgh"):
        found = _finding(member, column)
        assert found.personal and not found.sensitive, column
        assert found.element == "pi.other.person_attribute", column
        assert found.evidence[-1].rule == "subject-person-attribute", column
    for column in ("id", "date_fmt", "create_time", "status", "is_deleted"):
        assert not _finding(member, column).personal, column
    assert results["customer"].subject.kind == "person"
    assert not _finding(results["customer"], "shoe_size").personal
    assert results["member_visit"].subject.kind == "person_linked"
    # a row keyed by its member is a record of that member: its attributes are theirs too
    assert _finding(results["member_visit"], "shoe_size").element == "pi.other.person_attribute"
    shared = results["shared"]
    assert not _finding(shared, "code").personal
    assert not _finding(shared, "code_system").personal
