"""Parts of a person's record: the detail rows of a header/detail pair follow their head row, a
person's own row on a health topic keeps their work as work, and financial documents named like
notes, or described with hyphenated words, are not a patient's notes or anyone's letters."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

LAB = """
CREATE TABLE `report_main` (
  `ReportID` varchar(255) NULL COMMENT '报告单号',
  `PatName` varchar(255) NULL COMMENT '病人姓名',
  `PatSex` varchar(255) NULL COMMENT '性别',
  `Diagnosis` varchar(255) NULL COMMENT '诊断'
);
CREATE TABLE `item` (`ItemNo` varchar(255) NULL COMMENT '项目编码', `ItemName` varchar(255) NULL);
CREATE TABLE `report_detail` (
  `ReportID` varchar(255) NULL COMMENT '报告单号',
  `ItemNo` varchar(255) NULL COMMENT '项目编码',
  `Result` varchar(255) NULL COMMENT '结果',
  `RefRange` varchar(255) NULL COMMENT '参考范围'
);
"""


def test_a_detail_table_follows_the_head_table_of_its_pair(tmp_path: Path) -> None:
    """`report_detail.ReportID` names `report_main` (a head word after the key's word), which
    declares no key: the results are that patient's report's, health information."""
    by_name = scan_files(tmp_path, {"lis.sql": LAB})
    detail = by_name["report_detail"]
    assert detail.subject.kind == "person_linked"
    assert any(link.target == "report_main" for link in detail.subject.links)
    result = {f.field.name: f for f in detail.findings}["Result"]
    assert result.sensitive and result.element is not None
    assert result.element.startswith("pi.health.")


def test_a_column_named_by_signs_alone_beside_a_head_table_is_read(tmp_path: Path) -> None:
    """A column whose name is a sign alone (`_`) in a table whose subject is open, in a scan
    that holds a head table (`report_main`): read like any other column (the search for a key
    naming the head table stopped the scan with an internal error)."""
    text = LAB + "CREATE TABLE `misc` (`_` varchar(10) NULL, `note` varchar(10) NULL);\n"
    by_name = scan_files(tmp_path, {"lis.sql": text})
    assert [f.field.name for f in by_name["misc"].findings] == ["_", "note"]
    assert any(link.target == "report_main" for link in by_name["report_detail"].subject.links)


PATIENT = """
CREATE TABLE patient (
  id NUMBER(10) PRIMARY KEY,
  name VARCHAR2(64),
  birth_date DATE,
  work_place VARCHAR2(64),
  cur_height NUMBER(5, 1),
  cur_weight NUMBER(5, 1),
  is_allergic NUMBER(1),
  allergic_detail VARCHAR2(255),
  patalogy_detail VARCHAR2(255),
  nurse_notes VARCHAR2(2000)
);
"""


def test_a_patients_workplace_stays_their_work(tmp_path: Path) -> None:
    """A patient's own row is on a health topic by its columns (height, weight, allergies); their
    workplace is still where they work (plain PI), not a result of the examination."""
    found = {f.field.name: f for f in scan_files(tmp_path, {"p.sql": PATIENT})["patient"].findings}
    assert found["cur_weight"].sensitive
    work = found["work_place"]
    assert work.personal and not work.sensitive
    assert work.element is not None and work.element.startswith("pi.education_work.")


STRIPE = """
version: 2
sources:
  - name: pay
    tables:
      - name: customer
        columns:
          - name: id
          - name: email
            description: The customer's email address.
          - name: currency
            description: Three-letter ISO currency code, in lowercase.
      - name: credit_note
        columns:
          - name: id
          - name: customer_id
          - name: reason
            description: Reason for issuing this credit note.
          - name: number
"""


def test_payment_documents_are_no_clinical_notes_nor_letters(tmp_path: Path) -> None:
    """A credit note reduces an invoice: its reason and number are not a patient's clinical
    notes; a currency code described as 'three-letter' is no letter of the person."""
    by_name = scan_files(tmp_path, {"src.yml": STRIPE})
    note = {f.field.name: f for f in by_name["pay.credit_note"].findings}
    assert not any(f.element and f.element.startswith("pi.health.") for f in note.values())
    currency = {f.field.name: f for f in by_name["pay.customer"].findings}["currency"]
    assert currency.element != "pi.communication.content"


ISSUER = """{
  "$schema": "http://json-schema.org/draft-04/schema#",
  "title": "IssuerProfile schema",
  "description": "Issuer identification profile.",
  "type": "object",
  "properties": {
    "id": {"type": "string"},
    "name": {"type": "string"},
    "email": {"type": "string", "description": "Contact address for the issuer."},
    "telephone": {"type": "string", "description": "The issuer's telephone number."},
    "revocationList": {"type": "string"}
  }
}"""


def test_an_organisations_profile_is_no_persons_document(tmp_path: Path) -> None:
    """A profile is a document about one person, but an issuer's profile (the word before it
    names an organisation) is the organisation's: its e-mail and telephone are no one's PI."""
    found = scan_files(tmp_path, {"issuerSchema.json": ISSUER})
    issuer = next(iter(found.values()))
    assert issuer.subject.kind == "organisation"
    by_name = {f.field.name: f for f in issuer.findings}
    assert not by_name["telephone"].personal
    assert not by_name["email"].personal


LISTING = """openapi: 3.0.3
info: {title: HR, version: '1'}
paths: {}
components:
  schemas:
    Employee:
      type: object
      properties:
        id: {type: string}
        first_name: {type: string}
        employments:
          type: array
          items: {$ref: '#/components/schemas/Employment'}
    Employment:
      type: object
      properties:
        id: {type: string}
        employee: {type: string}
        pay_rate: {type: number}
        pay_period: {type: string}
    PaginatedEmploymentList:
      type: object
      properties:
        next: {type: string}
        previous: {type: string}
        results:
          type: array
          items: {$ref: '#/components/schemas/Employment'}
"""


def test_a_listing_of_a_persons_records_is_about_that_person(tmp_path: Path) -> None:
    """`PaginatedEmploymentList` lists `Employment` records (its name without the listing
    words): about the employee, as they are; its `results[]` page holds no test results, and its
    links to the next and previous pages are nobody's."""
    by_name = scan_files(tmp_path, {"openapi.yaml": LISTING})
    listing = by_name["PaginatedEmploymentList"]
    assert listing.subject.kind == "person_linked"
    found = {f.field.pointer.split(".", 1)[1]: f for f in listing.findings}
    assert found["results[].pay_period"].personal
    # the page's own fields page through the records: no one's information
    assert not found["next"].personal and not found["previous"].personal
    assert not any(f.element and f.element.startswith("pi.health.") for f in found.values())
