"""Records of a business's things, not of the people its words may name.

An ad platform's raw tables (dbt): each row is a version of an ad account, a campaign or an ad
('Each record in this table reflects a version of a Facebook ad account'), or the daily figures
of an ad ('Each record represents the daily performance of an ad'), or an advertising report
(impressions, reach, cost per click). An ad account is a business's account, not a user, and its
key on the other tables ('The ID of the ad account that this ad belongs to') is no person's.

A survey or a mailing list of a survey platform keyed to the application user who owns it
(`owner_id` beside `creator_id`, or on a list): its rows are the survey or the list, not about
that user; a house's `owner_id` beside a table of owners stays the owner's.
"""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

from dataflow.model import DatasetResult, FieldFinding

ADS = """
version: 2
sources:
  - name: ads
    tables:
      - name: account_history
        description: Each record in this table reflects a version of a Facebook ad account.
        columns:
          - name: id
            description: The ID of the ad account.
          - name: name
            description: Name of the account.
          - name: business_country_code
          - name: business_state
          - name: timezone_name
          - name: created_time
      - name: campaign_history
        description: Each record in this table reflects a version of a Facebook campaign.
        columns:
          - name: id
          - name: account_id
            description: The ID of the ad account that this campaign belongs to.
          - name: name
          - name: start_time
          - name: daily_budget
      - name: basic_ad
        description: Each record represents the daily performance of an ad in Facebook.
        columns:
          - name: ad_id
          - name: account_id
            description: The ID of the ad account that this ad belongs to.
          - name: date
          - name: impressions
          - name: inline_link_clicks
          - name: spend
      - name: country_actions
        description: Each record represents daily conversion performance by country.
        columns:
          - name: account_id
            description: The ID of the ad account that this ad belongs to.
          - name: country
          - name: date
          - name: value
      - name: by_country
        description: Ads report segmented by country.
        columns:
          - name: account_id
            description: The ID of the ad account that this ad belongs to.
          - name: country
          - name: date
          - name: impressions
          - name: reach
          - name: cpc
          - name: ctr
"""

USERS = """
version: 2
models:
  - name: customer_history
    description: Each record in this table reflects a version of a customer.
    columns:
      - name: customer_id
      - name: first_name
      - name: loyalty_tier
  - name: account_snapshot
    description: Each record represents a snapshot of a user account.
    columns:
      - name: user_id
      - name: email
      - name: plan_name
"""

SURVEYS = """
version: 2
sources:
  - name: survey_app
    tables:
      - name: user
        columns:
          - name: id
          - name: first_name
          - name: email
      - name: survey
        columns:
          - name: id
          - name: survey_name
          - name: survey_status
          - name: owner_id
          - name: creator_id
          - name: last_modified
      - name: question
        columns:
          - name: id
          - name: survey_id
          - name: question_text
      - name: mailing_list
        columns:
          - name: id
          - name: name
          - name: owner_id
          - name: creation_date
"""

HOUSES = """
CREATE TABLE owner (id int PRIMARY KEY, name varchar(20), mobile varchar(20));
CREATE TABLE room (id int PRIMARY KEY, number varchar(10), area int, owner_id int,
  create_time datetime, creator_id int);
"""


def _scan(tmp_path: Path, text: str, name: str = "schema.yml") -> dict[str, DatasetResult]:
    return scan_files(tmp_path, {name: text}, short=True)


def _fields(result: DatasetResult) -> dict[str, FieldFinding]:
    return {f.field.name: f for f in result.findings}


def test_an_ad_account_is_a_business_account_not_a_user(tmp_path: Path) -> None:
    account = _scan(tmp_path, ADS)["account_history"]
    assert account.subject is not None and account.subject.kind == "organisation"
    found = _fields(account)
    for column in ("business_country_code", "business_state", "created_time"):
        assert not found[column].personal, column


def test_versions_and_figures_of_ads_are_not_person_linked(tmp_path: Path) -> None:
    results = _scan(tmp_path, ADS)
    for table in ("campaign_history", "basic_ad", "country_actions", "by_country"):
        subject = results[table].subject
        assert subject is not None and not subject.about_person, (table, subject)
        personal = [f.field.name for f in results[table].findings if f.personal]
        assert personal == [], (table, personal)
    # the key of the ad account, by its description
    key = _fields(results["campaign_history"])["account_id"]
    assert any(ev.rule == "subject-business-key" for ev in key.evidence)


def test_a_version_of_a_person_stays_that_persons(tmp_path: Path) -> None:
    results = _scan(tmp_path, USERS)
    customer = results["customer_history"]
    assert customer.subject is not None and customer.subject.about_person
    assert customer.subject.role == "customer"
    assert _fields(customer)["loyalty_tier"].personal
    account = results["account_snapshot"]
    assert account.subject is not None and account.subject.about_person
    assert _fields(account)["email"].personal


def test_a_survey_owned_by_an_application_user_is_not_about_them(tmp_path: Path) -> None:
    results = _scan(tmp_path, SURVEYS)
    for table in ("survey", "question", "mailing_list"):
        subject = results[table].subject
        assert subject is not None and not subject.about_person, (table, subject)
    found = _fields(results["survey"])
    for column in ("survey_name", "survey_status", "last_modified"):
        assert not found[column].personal, column
    assert not _fields(results["mailing_list"])["creation_date"].personal
    # the user table itself stays the users'
    user = results["user"]
    assert user.subject is not None and user.subject.kind == "person"


def test_a_rooms_owner_beside_a_table_of_owners_stays_the_owners(tmp_path: Path) -> None:
    room = _scan(tmp_path, HOUSES, "estate.sql")["room"]
    assert room.subject is not None and room.subject.kind == "person_linked"
    assert _fields(room)["area"].personal


RESPONSES = """
version: 2
sources:
  - name: survey_app
    tables:
      - name: survey_response
        columns:
          - name: id
          - name: survey_id
          - name: recipient_email
          - name: recipient_first_name
          - name: recipient_last_name
          - name: duration_in_seconds
          - name: finished
      - name: prospect
        description: Each record in the table represents a prospect in Pardot.
        columns:
          - name: id
          - name: first_name
          - name: email
          - name: company
          - name: score
"""

MESSAGES = """
{"type": "record", "name": "Post", "fields": [
  {"name": "id", "type": "string"},
  {"name": "body", "type": "string"},
  {"name": "header", "type": {"type": "record", "name": "Header", "fields": [
    {"name": "from", "type": "string"},
    {"name": "to", "type": {"type": "array", "items": "string"}},
    {"name": "cc", "type": {"type": "array", "items": "string"}},
    {"name": "date", "type": "long"}]}}]}
"""

NETWORK = """
CREATE TABLE pgw_svc_data (SERVED_IMSI varchar(20) NOT NULL, CHARGING_ID bigint,
  UPLINK_BYTES bigint, DOWNLINK_BYTES bigint, QOS_UPLINK_MBR bigint, QOS_DOWNLINK_MBR bigint,
  QOS_CLASS_ID bigint);
CREATE TABLE qos_rates (RATES_ID bigint PRIMARY KEY, QOS_UPLINK_MBR bigint,
  QOS_DOWNLINK_MBR bigint, ARP_PRIORITY_LEVEL int);
CREATE TABLE airports (iata char(3), icao char(4), name varchar(80), city varchar(60),
  latitude double precision, longitude double precision, national_id varchar(20));
"""


def test_a_recipients_name_and_email_make_the_rows_theirs(tmp_path: Path) -> None:
    results = _scan(tmp_path, RESPONSES)
    response = results["survey_response"]
    assert response.subject is not None and response.subject.about_person
    assert _fields(response)["duration_in_seconds"].personal
    # a row statement naming no role does not make a prospect with a name and an e-mail a thing
    prospect = results["prospect"]
    assert prospect.subject is not None and prospect.subject.about_person
    assert _fields(prospect)["score"].personal


def test_a_post_with_a_sender_and_recipients_is_a_message_not_a_job(tmp_path: Path) -> None:
    post = _scan(tmp_path, MESSAGES, "post.avsc")["Post"]
    assert post.subject is not None and post.subject.kind == "person_linked"
    assert any("'from'" in str(why) for why in post.subject.evidence)


def test_network_records_are_the_subscribers_and_bit_rates_no_members(tmp_path: Path) -> None:
    results = _scan(tmp_path, NETWORK, "network.sql")
    usage = results["pgw_svc_data"]
    assert usage.subject is not None and usage.subject.kind == "person_linked"
    assert any(link.column == "SERVED_IMSI" for link in usage.subject.links)
    assert not any("MBR" in link.column for link in usage.subject.links)
    assert _fields(usage)["UPLINK_BYTES"].personal
    profile = results["qos_rates"]
    assert profile.subject is not None and not profile.subject.about_person
    assert not any(f.personal for f in profile.findings)
    airports = results["airports"]
    assert airports.subject is not None and airports.subject.kind == "organisation"
    for column in ("city", "latitude", "longitude"):
        assert not _fields(airports)[column].personal, column


ESTATE = """
CREATE TABLE db_community (id int PRIMARY KEY, communityNum varchar(30), name varchar(30),
  address varchar(30), buildingNum int, developerName varchar(30), uid int);
"""

LOCATION_REPORT = """
{"type": "record", "name": "SlRep", "fields": [
  {"name": "pos", "type": {"type": "record", "name": "Pos", "fields": [
    {"name": "msid", "type": "string"},
    {"name": "time", "type": "long"},
    {"name": "speed", "type": "double"},
    {"name": "direction", "type": "double"}]}}]}
"""


def test_a_residential_community_is_an_estate_not_its_users(tmp_path: Path) -> None:
    community = _scan(tmp_path, ESTATE, "estate.sql")["db_community"]
    assert community.subject is not None and community.subject.kind == "organisation"
    for column in ("address", "buildingNum", "developerName"):
        assert not _fields(community)[column].personal, column


def test_a_location_report_of_a_mobile_station_is_its_holders(tmp_path: Path) -> None:
    report = _scan(tmp_path, LOCATION_REPORT, "mlp.avsc")["SlRep"]
    assert report.subject is not None and report.subject.kind == "person_linked"
    found = {f.field.pointer.split(".", 1)[1]: f for f in report.findings}
    assert found["pos.speed"].personal


PERMITS = """
CREATE TABLE permit (id int PRIMARY KEY, sqr_xm varchar(50), sqr_gmsfhm varchar(18),
  qfjg_gajgmc varchar(50), yxqjzrq date);
COMMENT ON COLUMN permit.sqr_xm IS '申请人_姓名';
COMMENT ON COLUMN permit.sqr_gmsfhm IS '申请人_公民身份号码';
COMMENT ON COLUMN permit.qfjg_gajgmc IS '签发机关_公安机关名称';
COMMENT ON COLUMN permit.yxqjzrq IS '有效期截止日期';
"""


def test_the_office_that_issued_a_persons_permit_is_not_their_employer(tmp_path: Path) -> None:
    permit = _scan(tmp_path, PERMITS, "permit.sql")["permit"]
    assert permit.subject is not None and permit.subject.about_person
    found = _fields(permit)
    assert found["sqr_gmsfhm"].personal
    assert not found["qfjg_gajgmc"].personal


ASSETS = """
CREATE TABLE EMPLOYEE (EMPCODE varchar(20) PRIMARY KEY, NAME varchar(40), MOBILE varchar(20));
CREATE TABLE ASSETS (CODE varchar(20) PRIMARY KEY, NAME varchar(40), MODEL varchar(40),
  BUYDATE date, BUYCOST decimal(10,2), EMPCODE varchar(20), LENDDATE date);
CREATE TABLE USER_DEVICE_ASSETS (ID int PRIMARY KEY, USER_ID int, MODEL varchar(40),
  BUYDATE date);
"""


def test_an_organisations_asset_kept_by_an_employee_is_not_theirs(tmp_path: Path) -> None:
    results = _scan(tmp_path, ASSETS, "oa.sql")
    assets = results["ASSETS"]
    assert assets.subject is not None and assets.subject.kind == "reference"
    for column in ("MODEL", "BUYDATE", "BUYCOST"):
        assert not _fields(assets)[column].personal, column
    # a user's own things stay the user's
    device = results["USER_DEVICE_ASSETS"]
    assert device.subject is not None and device.subject.about_person


GOOGLE_ADS = """
version: 2
sources:
  - name: google_ads
    tables:
      - name: account_stats
        description: Each record represents the daily performance of an account in Google Ads
          broken down to the ad network and device type.
        columns:
          - name: customer_id
          - name: date
          - name: device
          - name: clicks
          - name: cost_micros
          - name: impressions
          - name: conversions
          - name: conversions_value
"""


def test_an_ad_report_is_figures_whatever_its_row_statement_says(tmp_path: Path) -> None:
    """'the daily performance of an account in Google Ads' with impressions, conversions and
    their cost: an advertising report (audience_metric_columns) is read before the row
    statement, so the account (an advertiser's) makes no one's record of it."""
    stats = _scan(tmp_path, GOOGLE_ADS)["account_stats"]
    assert stats.subject is not None and stats.subject.kind == "organisation"
    found = _fields(stats)
    for column in ("date", "device", "clicks", "impressions", "conversions", "cost_micros"):
        assert not found[column].personal, column


def test_a_soft_deletion_flag_and_a_row_version_are_bookkeeping(tmp_path: Path) -> None:
    """`yonghu_delete` (whether the user's row is deleted) and `RowVersion`: on a
    user's row they say nothing about the user (subjects.deletion_tails, technical_columns)."""
    sql = """CREATE TABLE yonghu (id INT PRIMARY KEY, yonghu_name VARCHAR(20) COMMENT '用户姓名',
      yonghu_phone VARCHAR(20) COMMENT '手机号', yonghu_id_number VARCHAR(18) COMMENT '身份证号',
      yonghu_delete INT COMMENT '假删', RowVersion TIMESTAMP)
      COMMENT '用户';"""
    user = _scan(tmp_path, sql, "u.sql")["yonghu"]
    assert user.subject is not None and user.subject.kind == "person"
    found = _fields(user)
    for column in ("yonghu_delete", "RowVersion"):
        assert not found[column].personal, column
    assert found["yonghu_phone"].personal


PAYMENTS = """
version: 2
sources:
  - name: payments
    tables:
      - name: account
        columns:
          - name: id
          - name: business_profile_name
          - name: company_name
          - name: company_phone
          - name: company_address_city
          - name: company_address_line_1
          - name: country
          - name: email
      - name: user_account
        columns:
          - name: id
          - name: first_name
          - name: company_name
          - name: company_phone
          - name: city
"""


def test_an_account_holding_its_companys_details_is_a_business_account(tmp_path: Path) -> None:
    """A payment platform's `account` with a company name and the company's own phone and
    address: a business's account; an account with a person's first name stays theirs."""
    results = _scan(tmp_path, PAYMENTS)
    account = results["account"]
    assert account.subject is not None and account.subject.kind == "organisation"
    found = _fields(account)
    for column in ("company_phone", "company_address_city", "company_address_line_1", "country"):
        assert not found[column].personal, column
    person = results["user_account"]
    assert person.subject is not None and person.subject.about_person
    assert _fields(person)["first_name"].personal


def test_a_sip_servers_dialog_state_and_an_api_listings_paging_are_technical(
    tmp_path: Path,
) -> None:
    """A SIP dialog: who called whom (URIs, contacts, call id) stays personal; its tags, command
    sequence numbers, sockets and flags are the server's state (subjects.technical_columns,
    technical_tails). A listing's `next` and `cursor` are the request's."""
    sql = """CREATE TABLE dialog (id SERIAL PRIMARY KEY, callid VARCHAR(255), from_uri VARCHAR(255),
      from_tag VARCHAR(128), to_uri VARCHAR(255), to_tag VARCHAR(128), caller_cseq VARCHAR(20),
      local_cseq INTEGER, caller_contact VARCHAR(255), callee_contact VARCHAR(255),
      local_sock VARCHAR(64), sflags INTEGER, iflags INTEGER, flag INTEGER);
    CREATE TABLE employee_page (employee_id INT, first_name VARCHAR(20), last_name VARCHAR(20),
      next VARCHAR(200), previous VARCHAR(200), cursor VARCHAR(100), expand VARCHAR(100));"""
    results = _scan(tmp_path, sql, "sip.sql")
    found = _fields(results["dialog"])
    for column in ("from_tag", "to_tag", "local_cseq", "local_sock", "sflags", "flag"):
        assert not found[column].personal, column
    assert found["caller_contact"].personal
    page = _fields(results["employee_page"])
    for column in ("next", "previous", "cursor", "expand"):
        assert not page[column].personal, column
    assert page["first_name"].personal


def test_an_issuers_profile_is_an_organisations(tmp_path: Path) -> None:
    """`IssuerProfile` of a credential standard: a profile of an issuer (an organisation word
    before the document word), so its e-mail and telephone are the issuer's; a `UserProfile`
    stays a person's."""
    issuer = """{"title": "IssuerProfile", "type": "object", "properties": {
      "name": {"type": "string"}, "email": {"type": "string"},
      "telephone": {"type": "string"}, "url": {"type": "string"}}}"""
    user = """{"title": "UserProfile", "type": "object", "properties": {
      "name": {"type": "string"}, "email": {"type": "string"},
      "telephone": {"type": "string"}}}"""
    results = scan_files(tmp_path, {"issuer.json": issuer, "user.json": user}, short=True)
    (issuer_result,) = [r for r in results.values() if r.dataset.name.startswith("Issuer")]
    assert issuer_result.subject is not None and issuer_result.subject.kind == "organisation"
    found = _fields(issuer_result)
    for column in ("email", "telephone"):
        assert not found[column].personal, column
    (user_result,) = [r for r in results.values() if r.dataset.name.startswith("User")]
    assert _fields(user_result)["email"].personal


def test_a_posts_popularity_counters_say_nothing_about_its_author(tmp_path: Path) -> None:
    sql = """CREATE TABLE jiankangxinxigongxiang (id BIGINT PRIMARY KEY,
      yonghuzhanghao VARCHAR(200) COMMENT '用户账号', yonghuming VARCHAR(200) COMMENT '用户名',
      neirong TEXT COMMENT '内容', thumbsupnum INT COMMENT '赞', crazilynum INT COMMENT '踩',
      clicktime DATETIME COMMENT '最近点击时间', clicknum INT COMMENT '点击次数')
      COMMENT='健康信息共享';"""
    post = _fields(_scan(tmp_path, sql, "cms.sql")["jiankangxinxigongxiang"])
    for column in ("thumbsupnum", "crazilynum", "clicktime", "clicknum"):
        assert not post[column].personal, column
    assert post["yonghuming"].personal


MAILOUTS = """
version: 2
sources:
  - name: marketing_cloud
    tables:
      - name: send
        columns:
          - name: id
          - name: email_id
          - name: email_name
          - name: from_address
          - name: from_name
          - name: bcc_email
          - name: send_date
          - name: number_sent
          - name: number_delivered
          - name: unique_opens
          - name: unique_clicks
          - name: hard_bounces
          - name: unsubscribes
      - name: subscriber
        columns:
          - name: id
          - name: subscriber_key
          - name: email_address
          - name: first_name
          - name: unsubscribed_date
"""


def test_an_email_sends_delivery_figures_are_no_recipients_record(tmp_path: Path) -> None:
    """A marketing platform's send (one mail-out to a list) with how many were sent, delivered,
    opened, clicked and bounced: figures summed over its recipients (audience_metric_columns),
    not a record of one person, although its sender's name and address look like a person's
    identity columns. A subscriber's own row stays a person's."""
    results = _scan(tmp_path, MAILOUTS)
    send = results["send"]
    assert send.subject is not None and not send.subject.about_person
    found = _fields(send)
    for column in ("send_date", "number_sent", "unique_opens", "hard_bounces", "unsubscribes"):
        assert not found[column].personal, column
    subscriber = results["subscriber"]
    assert subscriber.subject is not None and subscriber.subject.about_person
    assert _fields(subscriber)["email_address"].personal
