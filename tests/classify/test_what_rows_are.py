"""What a dataset's rows are about, by what its own text says.

A model's description saying what each record is ('Each record represents an individual agent
(employee)', 'Each record represents a single help article'): rows of a person of the role it
names, whatever statistics they carry; rows of a thing it names, not about the people its columns
name (an article's author keeps only their own name and title).

A thing whose row carries only its owner's details (a fleet vehicle with `owner_name` '车主姓名',
no key to the owner): the row is about the thing, so its make, VIN, plate colour, GPS terminal and
inspection dates are not the owner's; the owner's name and the plate stay personal. A vehicle
keyed to its owner is the owner's, and a parking space with its owner's name stays the owner's."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

from dataflow.model import DatasetResult, FieldFinding

MODELS = """
version: 2
models:
  - name: desk__agent_stats
    description: Each record represents an individual agent (employee) and a queue they work on, with ticket aggregates.
    columns:
      - name: agent_id
      - name: agent_name
      - name: queue_name
      - name: tickets_solved
      - name: average_ticket_replies
      - name: median_minutes_to_reply
  - name: desk__help_article
    description: Each record represents a single help article, enriched with its folder.
    columns:
      - name: article_id
      - name: article_title
      - name: article_body
      - name: article_state
      - name: folder_name
      - name: reader_views
      - name: author_id
      - name: author_name
      - name: author_job_title
  - name: desk__queue_stats
    description: Each record is unique to the queue and the week.
    columns:
      - name: queue_id
      - name: average_wait_minutes
      - name: median_wait_minutes
"""


FLEET = """
CREATE TABLE car (id bigint PRIMARY KEY, vehicle_no varchar(8) COMMENT '车牌号',
  plate_color char(1) COMMENT '车牌颜色', brand varchar(16) COMMENT '车辆品牌',
  owner_name varchar(16) COMMENT '车主姓名', vin varchar(64) COMMENT '车辆VIN号',
  gps_model varchar(32), fee_print_id varchar(64) COMMENT '发票打印设备号',
  certify_date date COMMENT '车辆注册日期');
CREATE TABLE owner (id int PRIMARY KEY, name varchar(20), mobile varchar(20), id_card varchar(18));
CREATE TABLE owner_car (id int PRIMARY KEY, owner_id int REFERENCES owner (id),
  brand varchar(16) COMMENT '车辆品牌');
CREATE TABLE parking_space (id int PRIMARY KEY, space_no varchar(10) COMMENT '车位号',
  owner_name varchar(20) COMMENT '业主姓名', space_type varchar(10) COMMENT '车位类型');
"""


def _scan(tmp_path: Path, name: str = "schema.yml", text: str = MODELS) -> dict[str, DatasetResult]:
    return scan_files(tmp_path, {name: text})


def _fields(result: DatasetResult) -> dict[str, FieldFinding]:
    return {f.field.name: f for f in result.findings}


def test_a_row_statement_naming_a_role_makes_the_rows_that_persons(tmp_path: Path) -> None:
    stats = _scan(tmp_path)["desk__agent_stats"]
    assert stats.subject is not None and stats.subject.kind == "person_linked"
    assert stats.subject.role == "employee"
    found = _fields(stats)
    # the agent's work figures, although averages and medians (not an organisation's statistics)
    for column in (
        "queue_name",
        "tickets_solved",
        "average_ticket_replies",
        "median_minutes_to_reply",
    ):
        assert found[column].personal, column


def test_a_row_statement_naming_a_thing_keeps_its_author_out(tmp_path: Path) -> None:
    results = _scan(tmp_path)
    article = results["desk__help_article"]
    assert article.subject is not None and article.subject.kind == "unknown"
    found = _fields(article)
    for column in ("article_title", "article_body", "article_state", "folder_name", "reader_views"):
        assert not found[column].personal, column
    # the author is a person: their name and job title stay theirs
    assert found["author_name"].element == "pi.identity.name"
    assert found["author_job_title"].personal
    # 'is unique to the queue' says which rows there are, not what they are
    queue = results["desk__queue_stats"]
    assert queue.subject is not None and queue.subject.kind == "organisation"


def test_a_vehicle_with_its_owners_name_is_about_the_vehicle(tmp_path: Path) -> None:
    car = _scan(tmp_path, "fleet.sql", FLEET)["car"]
    assert car.subject is not None and car.subject.kind == "reference"
    found = _fields(car)
    assert found["owner_name"].element == "pi.identity.name"
    assert found["vehicle_no"].element == "pi.vehicle.plate"
    for column in ("plate_color", "brand", "vin", "gps_model", "fee_print_id", "certify_date"):
        assert not found[column].personal, column


def test_an_owners_vehicle_and_parking_space_stay_the_owners(tmp_path: Path) -> None:
    results = _scan(tmp_path, "fleet.sql", FLEET)
    owner_car = results["owner_car"]
    assert owner_car.subject is not None and owner_car.subject.kind == "person_linked"
    assert _fields(owner_car)["brand"].personal
    space = results["parking_space"]
    assert space.subject is not None and space.subject.kind == "person_linked"
    assert _fields(space)["space_type"].personal


SCHEDULES = """
CREATE TABLE candidate (candidate_id int PRIMARY KEY, first_name varchar(50), email varchar(80));
CREATE TABLE candidate_interview_schedule (schedule_id int PRIMARY KEY, candidate_id int NOT NULL,
  interviewer_id int, interview_timestamp datetime);
CREATE TABLE report_schedule (schedule_id int PRIMARY KEY, cron varchar(20), last_run datetime);
"""


def test_a_schedule_named_after_a_role_and_keyed_by_it_is_that_persons(tmp_path: Path) -> None:
    """A system word (`schedule`) after a role word, with a key to that role: the person's
    interview schedule, not a job scheduler's configuration."""
    results = _scan(tmp_path, "hire.sql", SCHEDULES)
    schedule = results["candidate_interview_schedule"]
    assert schedule.subject is not None and schedule.subject.kind == "person_linked"
    assert _fields(schedule)["interview_timestamp"].personal
    report = results["report_schedule"]
    assert report.subject is not None and report.subject.kind == "system"


REQUEST = """
openapi: 3.0.0
info: {title: Respite, version: "1.0"}
paths: {}
components:
  schemas:
    POSTPeriodRequest:
      type: object
      properties:
        nino:
          type: string
          description: National Insurance Number
        consumerRequestId:
          type: string
        startDate:
          type: string
"""


def test_an_identifier_on_a_persons_record_named_like_a_thing_keeps_its_element(
    tmp_path: Path,
) -> None:
    """A national insurance number on a record linked to its person, in an object whose name
    looks like one about things (`POSTPeriodRequest`): the person's identifier (sensitive), not
    just other information about them."""
    request = _scan(tmp_path, "api.yaml", REQUEST)["POSTPeriodRequest"]
    assert request.subject is not None and request.subject.kind == "person_linked"
    found = _fields(request)["nino"]
    assert found.element == "pi.identity.social_security"
    assert found.sensitive


POSTS = """
CREATE TABLE job (job_id int PRIMARY KEY, job_title varchar(50), min_salary decimal(8,2));
CREATE TABLE employee (employee_id int PRIMARY KEY, first_name varchar(20), last_name varchar(25),
  email varchar(25), phone_number varchar(20), job_id int REFERENCES job (job_id));
CREATE TABLE vacancy_board (board_id int PRIMARY KEY, job_id int REFERENCES job (job_id),
  opened_on date);
"""


def test_the_key_of_a_post_on_a_persons_record_is_their_job(tmp_path: Path) -> None:
    """`employee.job_id` says which job the person holds (a key into the list of jobs, labelled
    by what it encodes); the same key on a board of vacancies, and the jobs' own key, are not
    anyone's."""
    results = _scan(tmp_path, "hr.sql", POSTS)
    found = _fields(results["employee"])["job_id"]
    assert found.element == "pi.education_work.occupation"
    assert not _fields(results["vacancy_board"])["job_id"].personal
    assert not _fields(results["job"])["job_id"].personal


BACK_OFFICE = """
CREATE TABLE employee_staff_t (id int PRIMARY KEY, emp_name varchar(20) COMMENT '员工姓名',
  sex varchar(2) COMMENT '性别', phone varchar(20) COMMENT '手机号');
CREATE TABLE employee_dept_t (id int PRIMARY KEY, dept_name varchar(50) COMMENT '部门名称',
  dept_description varchar(200) COMMENT '部门描述');
CREATE TABLE employee_menu_t (id int PRIMARY KEY, menu_name varchar(50), url varchar(100));
"""


def test_a_role_word_that_prefixes_every_table_with_menus_is_the_applications_name(
    tmp_path: Path,
) -> None:
    """`employee_` before every table of an employee back office, its menus among them: the
    application's name, so `employee_dept_t` is a department, not an employee's record."""
    results = _scan(tmp_path, "db.sql", BACK_OFFICE)
    dept = results["employee_dept_t"]
    assert dept.subject is not None and dept.subject.kind == "organisation"
    assert not any(f.personal for f in dept.findings)
    staff = results["employee_staff_t"]
    assert staff.subject is not None and staff.subject.kind == "person"


EVENTS = """
version: 2
models:
  - name: shop__order_history
    description: Each record represents an order, enriched with its payment and shipping totals.
    columns:
      - name: order_id
      - name: customer_id
      - name: order_placed_at
      - name: order_total_price
      - name: item_quantity
  - name: app__visits
    description: Each record represents a distinct session with aggregated metrics for that session.
    columns:
      - name: session_key
      - name: user_id
      - name: session_started_at
      - name: session_length_in_minutes
  - name: shop__event_type
    description: Each record represents an event type and its display label.
    columns:
      - name: event_type_id
      - name: display
  - name: shop__campaign_orders
    description: Each record represents an order campaign run by the marketing team.
    columns:
      - name: campaign_id
      - name: campaign_budget
"""


def test_a_row_statement_naming_an_event_leaves_whose_to_the_links(tmp_path: Path) -> None:
    """'Each record represents an order' or 'a distinct session' names an event or a transaction:
    a customer's order, a user's session, as the model's key to that person says, so its times
    and amounts are theirs. An event type is still a code list, and an event with no key to a
    person stays about nobody."""
    results = _scan(tmp_path, text=EVENTS)
    order = results["shop__order_history"]
    assert order.subject is not None and order.subject.kind == "person_linked"
    found = _fields(order)
    for column in ("order_placed_at", "order_total_price", "item_quantity"):
        assert found[column].personal, column
    session = results["app__visits"]
    assert session.subject is not None and session.subject.kind == "person_linked"
    assert _fields(session)["session_length_in_minutes"].personal
    kind = results["shop__event_type"]
    assert kind.subject is not None and kind.subject.kind != "person_linked"
    assert not any(f.personal for f in kind.findings)
    campaign = results["shop__campaign_orders"]
    assert not any(f.personal for f in campaign.findings)


VOLUNTEERS = """
version: 2
models:
  - name: program_mentors
    description: Community mentors of the programme, with the date they were trained.
    columns:
      - name: national_id
      - name: county
      - name: trained
      - name: date_trained
"""


def test_a_model_keyed_by_a_national_id_is_that_persons(tmp_path: Path) -> None:
    """A `national_id` column, and nothing else saying what the rows are: each row is the person
    with that identity-document number, so the county and training dates are theirs."""
    mentors = _scan(tmp_path, text=VOLUNTEERS)["program_mentors"]
    assert mentors.subject is not None and mentors.subject.kind == "person_linked"
    found = _fields(mentors)
    for column in ("county", "date_trained"):
        assert found[column].personal, column


INTAKE = """
version: 2
models:
  - name: intake_forms
    columns:
      - name: county
      - name: client_age
      - name: client_gender
      - name: date_of_registration
      - name: presenting_issue
  - name: sales_by_region
    columns:
      - name: region
      - name: age
      - name: gender
      - name: total_sales
"""


def test_identity_words_after_a_role_word_make_the_rows_that_persons(tmp_path: Path) -> None:
    """`client_age` and `client_gender`: an age and a gender alone are too weak to say the rows
    are people, but after a role word they describe that person, so the intake is theirs. The
    same two words without a role (a sales breakdown) say nothing."""
    results = _scan(tmp_path, text=INTAKE)
    intake = results["intake_forms"]
    assert intake.subject is not None and intake.subject.kind == "person_linked"
    assert intake.subject.role == "customer"
    found = _fields(intake)
    for column in ("county", "date_of_registration", "presenting_issue"):
        assert found[column].personal, column
    sales = results["sales_by_region"]
    assert sales.subject is not None and sales.subject.kind not in ("person", "person_linked")


ERRORS = """
openapi: 3.0.0
info: {title: Customers, version: "1.0"}
paths: {}
components:
  schemas:
    ProblemDetails:
      type: object
      properties:
        statusCode: {type: integer}
        error: {type: string}
        message: {type: string}
        path: {type: string}
        timestamp: {type: string, format: date-time}
    ProblemList:
      type: object
      properties:
        patient_id: {type: string}
        problem: {type: string}
        onset_date: {type: string, format: date}
"""


def test_an_apis_problem_details_is_an_error_response_not_a_problem_list(tmp_path: Path) -> None:
    """`ProblemDetails` is the standard shape of an API's error response: its status, message
    and path are not a patient's health problems. A patient's problem list stays theirs."""
    results = _scan(tmp_path, "api.yaml", ERRORS)
    errors = results["ProblemDetails"]
    assert not any(f.personal for f in errors.findings)
    problems = results["ProblemList"]
    assert _fields(problems)["problem"].personal and _fields(problems)["problem"].sensitive


ATTENDANCE = """
version: 2
models:
  - name: pupils_attendance
    columns:
      - name: term
      - name: school_type
      - name: number_of_pupils
      - name: total_days_absent
  - name: pupils_absences
    columns:
      - name: pupil_id
      - name: number_of_siblings
      - name: total_days_absent
"""


def test_a_table_named_for_a_role_that_counts_them_is_a_report(tmp_path: Path) -> None:
    """`pupils_attendance` counting its pupils (`number_of_pupils`), with no key to one pupil:
    a report on a group, not a pupil's record. Keyed by the pupil, the absences are theirs."""
    results = _scan(tmp_path, text=ATTENDANCE)
    report = results["pupils_attendance"]
    assert report.subject is not None and report.subject.kind == "organisation"
    assert not any(f.personal for f in report.findings)
    absences = results["pupils_absences"]
    assert absences.subject is not None and absences.subject.kind == "person_linked"
    assert _fields(absences)["total_days_absent"].personal


PLACES = """
CREATE TABLE locations (id int PRIMARY KEY, name varchar(50), phone varchar(20),
  address_line1 varchar(100), city varchar(50), zipcode varchar(10));
CREATE TABLE sites (id int PRIMARY KEY, user_id int, latitude decimal(9,6),
  longitude decimal(9,6), recorded_at datetime);
"""


def test_a_table_of_locations_is_the_organisations_places(tmp_path: Path) -> None:
    """`locations` with a name, a phone and an address: an organisation's offices, not people.
    A `sites` table keyed by its user is that user's whereabouts."""
    results = _scan(tmp_path, "places.sql", PLACES)
    offices = results["locations"]
    assert offices.subject is not None and offices.subject.kind == "organisation"
    assert not any(f.personal for f in offices.findings)
    track = results["sites"]
    assert track.subject is not None and track.subject.kind == "person_linked"
    assert _fields(track)["latitude"].personal


BILL = """{"type": "record", "name": "Invoice", "namespace": "shop",
 "fields": [
  {"name": "id", "type": "long"},
  {"name": "title", "type": "string"},
  {"name": "issuedAt", "type": "long"},
  {"name": "customer", "type": {"type": "record", "name": "Buyer", "fields": [
     {"name": "id", "type": "long"}, {"name": "firstname", "type": "string"},
     {"name": "lastname", "type": "string"}]}}
 ]}
"""

ARTICLE = """{"type": "record", "name": "Article", "namespace": "news",
 "fields": [
  {"name": "headline", "type": "string"},
  {"name": "body", "type": "string"},
  {"name": "author", "type": {"type": "record", "name": "Writer", "fields": [
     {"name": "firstname", "type": "string"}, {"name": "lastname", "type": "string"}]}}
 ]}
"""


def test_a_document_carrying_its_customer_is_that_persons(tmp_path: Path) -> None:
    """An Avro invoice holding its `customer` as a nested record: the customer's invoice, so
    its title and issue time are theirs. An article holding its `author` is about the article."""
    invoice = _scan(tmp_path, "invoice.avsc", BILL)["Invoice"]
    assert invoice.subject is not None and invoice.subject.kind == "person_linked"
    assert invoice.subject.role == "customer"
    found = _fields(invoice)
    assert found["title"].personal and found["issuedAt"].personal
    article = _scan(tmp_path, "article.avsc", ARTICLE)["Article"]
    assert article.subject is not None and article.subject.kind != "person_linked"
    assert not _fields(article)["headline"].personal


CV = """{"$schema": "http://json-schema.org/draft-07/schema#", "title": "Entry",
 "type": "object", "properties": {
  "name": {"type": "string"}, "email": {"type": "string"}, "dateOfBirth": {"type": "string"},
  "volunteer": {"type": "array", "items": {"type": "object", "properties": {
     "organization": {"type": "string"}, "startDate": {"type": "string"}}}}}}
"""


def test_a_document_with_its_persons_identity_is_not_carried_by_a_member(tmp_path: Path) -> None:
    """A CV holding its person's name, e-mail and birth date, with a `volunteer` list: the
    person's own document, not the record of a volunteer it carries."""
    cv = _scan(tmp_path, "entry.json", CV)["Entry"]
    assert cv.subject is not None and cv.subject.kind == "person"


MESSAGES = """
version: 2
sources:
  - name: sms
    tables:
      - name: message
        description: Each record represents an individual outbound or inbound message.
        columns:
          - name: id
          - name: from
          - name: to
          - name: body
          - name: date_sent
          - name: direction
          - name: price
          - name: status
      - name: article
        description: Each record represents a single help article.
        columns:
          - name: id
          - name: body
          - name: status
"""


def test_a_row_statement_naming_a_message_keeps_it_a_record_of_its_parties(
    tmp_path: Path,
) -> None:
    """A message (or a call) is a communication of the people who send and receive it (GB/T 35273
    Annex B: 通信记录), not a thing: its text and parties stay sensitive. An article stays a
    thing."""
    found = _scan(tmp_path, text=MESSAGES)
    message = _fields(found["sms.message"])
    for column in ("from", "to", "body", "date_sent"):
        assert message[column].personal and message[column].sensitive, column
    assert not _fields(found["sms.article"])["body"].personal


BILLING = """
version: 2
models:
  - name: billing__account_overview
    description: Each record represents an account enriched with metrics about its invoices.
    columns:
      - name: account_id
      - name: account_first_name
      - name: bill_to_email
  - name: billing__invoice_history
    description: Each record is an invoice to evaluate the history of charges billed, with payments and refunds.
    columns:
      - name: invoice_id
      - name: account_id
        description: The account associated with the invoice.
      - name: invoice_number
        description: The unique identification number for the invoice.
      - name: invoice_amount
        description: The sum of all charges and taxes associated with the invoice.
      - name: invoice_amount_unpaid
        description: The amount of the invoice yet to be paid for.
      - name: due_date
        description: The date by which the invoice is to be paid.
"""


def test_a_row_statement_naming_an_invoice_leaves_whose_to_its_links(tmp_path: Path) -> None:
    # an invoice, like an order or a payment, is always billed to someone: whose it is, its
    # account key says (the bill-to person's account), so its amounts are that person's
    history = _scan(tmp_path, text=BILLING)["billing__invoice_history"]
    assert history.subject is not None and history.subject.kind == "person_linked"
    found = _fields(history)
    for column in ("invoice_number", "invoice_amount", "invoice_amount_unpaid"):
        assert found[column].personal, column


LEDGER = """
version: 2
sources:
  - name: books
    tables:
      - name: account
        description: Each record in this table represents an account in the ledger.
        columns:
          - name: account_id
          - name: name
          - name: code
            description: Customer defined alpha numeric account code e.g 200 or SALES
          - name: class
            description: The class of account, e.g. ASSET, EQUITY, EXPENSE, LIABILITY, REVENUE
      - name: contact
        description: Each record in this table represents a contact in the ledger.
        columns:
          - name: contact_id
          - name: name
      - name: invoice
        description: Each record in this table represents an invoice in the ledger.
        columns:
          - name: invoice_id
          - name: contact_id
            description: The identifier for the associated contact.
          - name: due_date
            description: The date the invoice is/was due.
          - name: fully_paid_on_date
            description: The date the invoice was fully paid.
          - name: currency_rate
            description: The currency rate for a multicurrency invoice
          - name: invoice_number
            description: Alpha numeric code identifying invoice
"""


def test_invoices_beside_a_chart_of_accounts_are_the_business_books(tmp_path: Path) -> None:
    # the same kind of record in a business's accounting (its chart of accounts in the scan):
    # what it billed its trading partners, its own bookkeeping
    invoice = _scan(tmp_path, text=LEDGER)["books.invoice"]
    assert invoice.subject is not None and invoice.subject.kind == "organisation"
    found = _fields(invoice)
    for column in ("due_date", "fully_paid_on_date", "currency_rate", "invoice_number"):
        assert not found[column].personal, column
