"""PIPL Art. 4 on rows linked to a person: a record keyed by its person (an event, a belonging,
a visit) relates to that person, so a column of it that no word list knows is still other
information about them (rule ``subject-person-attribute``). Keys, bookkeeping, yes/no flags,
columns naming someone else, hyperlinks of an API document and rows reached only through another
linked record stay as they are."""

from __future__ import annotations

import json
from pathlib import Path

from dataflow.model import DatasetResult, FieldFinding
from dataflow.scan import ScanOptions, scan_paths

ATTRIBUTE = "pi.other.person_attribute"

RENTALS = """
CREATE TABLE member (id int PRIMARY KEY, name varchar(20), mobile varchar(20),
  id_card varchar(18));
CREATE TABLE locker_rental (id int PRIMARY KEY, member_id int REFERENCES member (id),
  locker_colour varchar(10), locker_band varchar(10), doctor int, returned tinyint(1),
  create_time datetime, version int);
CREATE TABLE form (id int PRIMARY KEY, member_id int REFERENCES member (id),
  form_style varchar(20));
CREATE TABLE form_field (id int PRIMARY KEY, form_id int REFERENCES form (id),
  field_style varchar(20), placeholder varchar(20));
CREATE TABLE ward_style (id int PRIMARY KEY, style_name varchar(20), colour varchar(10));
"""


def _scan(tmp_path: Path, files: dict[str, str]) -> dict[str, DatasetResult]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: r for r in report.datasets}


def _obj(**members: object) -> dict[str, object]:
    """A JSON Schema object; a member given as a string is a property of that type."""
    props = {k: {"type": v} if isinstance(v, str) else v for k, v in members.items()}
    return {"type": "object", "properties": props}


def _by_path(result: DatasetResult) -> dict[str, FieldFinding]:
    name = result.dataset.name
    return {f.field.pointer[len(name) + 1 :]: f for f in result.findings}


def test_unknown_columns_of_a_record_keyed_by_its_person_are_theirs(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"club.sql": RENTALS})
    rental = results["locker_rental"]
    assert rental.subject is not None and rental.subject.kind == "person_linked"
    found = _by_path(rental)
    for column in ("locker_colour", "locker_band"):
        assert found[column].element == ATTRIBUTE, column
        assert found[column].evidence[-1].rule == "subject-person-attribute", column
        assert "locker_rental" in found[column].evidence[-1].detail, column
    # the row's key, bookkeeping, a yes/no flag and another person's key (the doctor's) are not
    for column in ("id", "create_time", "version", "returned", "doctor"):
        assert found[column].element != ATTRIBUTE, column
    # a style list is nobody's
    assert not any(f.personal for f in results["ward_style"].findings)


def test_rows_reached_only_through_another_linked_record_are_not(tmp_path: Path) -> None:
    """A form keyed by its member is theirs; the fields of that form (keyed by the form) are
    parts of a form, further from the member than a record that names them."""
    results = _scan(tmp_path, {"club.sql": RENTALS})
    form, fields = results["form"], results["form_field"]
    assert form.subject is not None and not form.subject.indirect
    assert _by_path(form)["form_style"].element == ATTRIBUTE
    assert fields.subject is not None and fields.subject.kind == "person_linked"
    assert fields.subject.indirect
    for column in ("field_style", "placeholder"):
        assert not _by_path(fields)[column].personal, column


def test_hyperlinks_of_an_api_document_about_a_person_are_not_theirs(tmp_path: Path) -> None:
    """HAL-style `_links`, objects with an `href` member and the objects holding them point at
    other resources; the other members of a record of the person's are theirs."""
    doc = _obj(
        customerId="string",
        lockerColour="string",
        _links="object",
        related=_obj(self=_obj(href="string", title="string")),
        agreement=_obj(href="string", kind="string"),
    )
    doc["title"] = "Locker rental"
    link = _obj(customerId="string", href="string", slot_colour="string")
    link["title"] = "Customer link"
    results = _scan(
        tmp_path, {"rental.schema.json": json.dumps(doc), "link.schema.json": json.dumps(link)}
    )
    assert _by_path(results["Customer link"])["slot_colour"].element != ATTRIBUTE
    rental = results["Locker rental"]
    assert rental.subject is not None and rental.subject.kind == "person_linked"
    found = _by_path(rental)
    assert found["lockerColour"].element == ATTRIBUTE
    for path in (
        "_links",
        "related.self.href",
        "related.self.title",
        "agreement.href",
        "agreement.kind",
    ):
        assert found[path].element != ATTRIBUTE, path


def test_figures_pivoted_by_month_on_a_users_row_are_not_attributes(tmp_path: Path) -> None:
    """`total201906`, `total201907`, `total201908`: one column a month is a table of figures per
    period, not three facts about the user; a single dated column or short numbers
    (`answer1`) are not a series."""
    sql = """
    CREATE TABLE users (id int PRIMARY KEY, name varchar(20), mobile varchar(20),
      id_card varchar(18));
    CREATE TABLE user_summary (id int PRIMARY KEY, user_id int REFERENCES users (id),
      total201906 int, total201907 int, total201908 int, answer1 varchar(9),
      answer2 varchar(9), answer3 varchar(9), goal2030 varchar(20));
    """
    found = _by_path(_scan(tmp_path, {"users.sql": sql})["user_summary"])
    for column in ("total201906", "total201907", "total201908"):
        assert found[column].element != ATTRIBUTE, column
    for column in ("answer1", "answer2", "answer3", "goal2030"):
        assert found[column].element == ATTRIBUTE, column


def test_a_system_word_table_with_a_persons_columns_is_a_person(tmp_path: Path) -> None:
    """`T_TENANT` names a platform's tenants in a software system, but a tenant with a sex, a
    birthday and an ID number is a person renting a flat: their columns are PI."""
    sql = """
    CREATE TABLE T_TENANT (ID varchar(32) PRIMARY KEY, TENANT_NAME varchar(50),
      GENDER varchar(2) COMMENT '性别', BIRTHDAY date COMMENT '出生日期',
      ID_NO varchar(30) COMMENT '身份证号码', CELL_PHONE varchar(20) COMMENT '手机号码');
    CREATE TABLE sys_tenant (id bigint PRIMARY KEY, tenant_name varchar(50),
      package_id bigint, expire_time datetime);
    """
    results = _scan(tmp_path, {"rent.sql": sql})
    tenant = results["T_TENANT"]
    assert tenant.subject is not None and tenant.subject.kind == "person"
    found = _by_path(tenant)
    for column in ("GENDER", "BIRTHDAY", "ID_NO", "CELL_PHONE"):
        assert found[column].personal, column
    assert found["ID_NO"].sensitive
    platform = results["sys_tenant"]
    assert platform.subject is not None and platform.subject.kind == "system"


def test_error_responses_and_record_sources_of_an_api_about_a_person(tmp_path: Path) -> None:
    """An error response component (`DetailsResponse404`) of an API about individuals carries the
    API's answer (`code`, `message`), and `source_relation` of a person's dbt model says which
    source connection a row came from: neither is about the person."""
    api = {
        "openapi": "3.0.0",
        "info": {"title": "Individual details", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "DetailsResponse": _obj(customerId="string", nickname="string"),
                "DetailsResponse404": _obj(customerId="string", code="string", message="string"),
            }
        },
    }
    dbt = """
version: 2
models:
  - name: candidate_contacts
    description: Each record is a candidate's contact details.
    columns:
      - name: candidate_id
      - name: source_relation
        description: The source where this data was pulled from.
      - name: mobile_phone
"""
    results = _scan(tmp_path, {"api.json": json.dumps(api), "schema.yml": dbt})
    error = _by_path(results["DetailsResponse404"])
    for path in ("code", "message"):
        assert not error[path].personal, path
    model = _by_path(results["candidate_contacts"])
    assert model["mobile_phone"].personal
    assert not model["source_relation"].personal


def test_unknown_columns_of_a_patients_record_are_part_of_their_care(tmp_path: Path) -> None:
    """A record keyed by a patient (an allergy, an appointment) is part of their record of care:
    a column no word list knows is health information (sensitive); money stays the patient's
    finances."""
    sql = """
    CREATE TABLE Patients (PatientID int PRIMARY KEY, FirstName varchar(50), LastName varchar(50),
      DateOfBirth date, Phone varchar(20));
    CREATE TABLE Allergies (AllergyID int PRIMARY KEY, PatientID int REFERENCES Patients (PatientID),
      Reaction varchar(100), Outcome varchar(20), Fee decimal(10,2));
    """
    allergy = _scan(tmp_path, {"clinic.sql": sql})["Allergies"]
    assert allergy.subject is not None and allergy.subject.role == "patient"
    found = _by_path(allergy)
    for column in ("Reaction", "Outcome"):
        assert found[column].element == "pi.health.medical_visit", column
        assert found[column].sensitive, column
        assert "record of care" in found[column].evidence[-1].detail, column
    assert found["Fee"].personal and not found["Fee"].sensitive


def test_a_description_starting_with_the_term_outweighs_a_status_name(tmp_path: Path) -> None:
    """`family_status` described as 'Marital or family status of the customer' is the person's
    marital status, an attribute of the customer: the description says which status the column
    is. A phone's status stays a status even when its description starts with 'phone': a phone
    number is no coded value that a status could be."""
    dbt = """
version: 2
models:
  - name: loan_application
    columns:
      - name: customer_id
      - name: family_status
        description: Marital or family status of the customer at application time.
      - name: phone_status
        description: Phone verification state, whether the number was confirmed.
"""
    found = _by_path(_scan(tmp_path, {"schema.yml": dbt})["loan_application"])
    assert found["family_status"].personal

    def vetoed(path: str) -> bool:
        return any(e.rule == "name-count-or-status" for e in found[path].evidence)

    assert not vetoed("family_status")
    assert vetoed("phone_status")


def test_the_key_of_a_drug_on_a_patients_record_is_their_medication(tmp_path: Path) -> None:
    """A patient's list of medicines given keys each row by the drug (`med_id` INT → medicine):
    on the patient's record of care that key is the medication, and an allergy's drug key the
    allergy. The drug list's own key, and a customer's order of a product, stay keys."""
    sql = """
    CREATE TABLE patient (case_id INT PRIMARY KEY, patient_name VARCHAR(40), phone VARCHAR(20));
    CREATE TABLE medicine (med_id INT PRIMARY KEY, med_name VARCHAR(40), price DECIMAL(8,2));
    CREATE TABLE med_list (case_id INT REFERENCES patient (case_id), given_on DATE,
      med_id INT REFERENCES medicine (med_id));
    CREATE TABLE allergy_list (case_id INT REFERENCES patient (case_id),
      allergy_med_id INT REFERENCES medicine (med_id));
    CREATE TABLE customer (customer_id INT PRIMARY KEY, full_name VARCHAR(40), mobile VARCHAR(20));
    CREATE TABLE orders (order_id INT PRIMARY KEY, customer_id INT REFERENCES customer (customer_id),
      product_id INT);
    """
    results = _scan(tmp_path, {"clinic.sql": sql})
    given = _by_path(results["med_list"])["med_id"]
    assert given.element == "pi.health.medication" and given.sensitive
    allergy = _by_path(results["allergy_list"])["allergy_med_id"]
    assert allergy.personal and allergy.sensitive
    assert not _by_path(results["medicine"])["med_id"].personal
    assert not _by_path(results["orders"])["product_id"].sensitive
