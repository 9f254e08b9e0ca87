"""Tables about things with a few person columns are not a person's rows: a drug in stock with its
supplier's contact person, a supply order keyed by a supplier's account, a month's headcount and
money figures, a gym's class schedule keyed by the coach."""

from __future__ import annotations

from pathlib import Path

from dataflow.model import DatasetResult
from dataflow.scan import ScanOptions, scan_paths


def _results(tmp_path: Path, text: str) -> dict[str, DatasetResult]:
    (tmp_path / "schema.sql").write_text(text, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: r for r in report.datasets}


def _personal(result: DatasetResult) -> list[str]:
    return [f.field.name for f in result.findings if f.personal]


STOCK = """
CREATE TABLE medicine (med_no int PRIMARY KEY, drug_name varchar(50), drug_type varchar(50),
  made_on date, buy_price decimal(10,2), sell_price decimal(10,2), amount varchar(11),
  contact_person varchar(30));
CREATE TABLE pills (pill_no int PRIMARY KEY, drug_name varchar(100) COMMENT '药品名称',
  maker varchar(100) COMMENT '生产厂家', sale_price decimal(10,2) COMMENT '售价',
  drug_description varchar(500) COMMENT '药品说明') COMMENT '药品信息表';
CREATE TABLE client (client_no int PRIMARY KEY, full_name varchar(20), mobile varchar(20),
  email varchar(50));
CREATE TABLE sale (sale_no int PRIMARY KEY, client_no int REFERENCES client(client_no),
  drug_name varchar(50), sale_quantity int);
"""


def test_a_drug_in_stock_with_a_contact_person_is_not_a_persons_record(tmp_path: Path) -> None:
    by_name = _results(tmp_path, STOCK)
    medicine, pills = by_name["medicine"], by_name["pills"]
    # `contact_person` is someone to call about the drug, not whom the row is about
    assert medicine.subject is not None and medicine.subject.kind == "reference"
    assert _personal(medicine) == []
    # a table named by its comment (药品信息表) with a price: a list of drugs for sale
    assert pills.subject is not None and pills.subject.kind == "reference"
    assert _personal(pills) == []
    # the same drug name on a client's sale is that client's health information
    sale = by_name["sale"]
    drug = next(f for f in sale.findings if f.field.name == "drug_name")
    assert drug.personal and drug.sensitive


SUPPLY = """
CREATE TABLE account (account_id int PRIMARY KEY COMMENT '用户ID', user_name varchar(20) COMMENT '用户名',
  telephone varchar(20) COMMENT '电话', password varchar(64) COMMENT '密码') COMMENT '用户信息表';
CREATE TABLE restock (restock_id int PRIMARY KEY COMMENT '进货单ID', user_id int COMMENT '供应商ID',
  batch_number varchar(64) COMMENT '批号', restock_quantity int COMMENT '进货数量',
  restock_price decimal(10,2) COMMENT '进货单价', note varchar(1024) COMMENT '备注',
  restock_status int COMMENT '进货单状态') COMMENT '进货单表';
CREATE TABLE purchase (purchase_id int PRIMARY KEY COMMENT '订单ID', user_id int COMMENT '用户ID',
  purchase_quantity int COMMENT '数量', note varchar(1024) COMMENT '备注') COMMENT '订单表';
"""


def test_a_key_whose_comment_names_a_supplier_does_not_link_to_a_person(tmp_path: Path) -> None:
    by_name = _results(tmp_path, SUPPLY)
    restock, purchase = by_name["restock"], by_name["purchase"]
    assert restock.subject is not None and restock.subject.kind not in ("person", "person_linked")
    assert set(_personal(restock)) <= {"user_id"}
    # the same key commented as a user's links a customer's order to that person
    assert purchase.subject is not None and purchase.subject.kind == "person_linked"


MONTHLY = """
CREATE TABLE monthly_figures (month date PRIMARY KEY, all_people int, nurses int,
  free_beds int, income int, expenses int);
CREATE TABLE ticket_sale (id int PRIMARY KEY, buy_person varchar(20), paid int);
"""


def test_a_headcount_of_people_makes_a_report_on_a_group(tmp_path: Path) -> None:
    by_name = _results(tmp_path, MONTHLY)
    monthly = by_name["monthly_figures"]
    assert monthly.subject is not None and monthly.subject.kind == "organisation"
    assert _personal(monthly) == []  # the home's income, not a person's pay
    # a role word without a quantifier still names the person a row is about
    sale = by_name["ticket_sale"]
    assert sale.subject is not None and sale.subject.kind == "person_linked"


GYM = """
CREATE TABLE Coaches (Coach_ID INT PRIMARY KEY, Coach_Name VARCHAR(40), Phone VARCHAR(20),
  Email VARCHAR(40));
CREATE TABLE Events (Class_ID INT NOT NULL, Events_type INT NOT NULL, Coach_ID INT NOT NULL,
  Class_Start DATETIME NOT NULL, Class_End DATETIME NOT NULL, Class_Name VARCHAR(20) NOT NULL,
  PRIMARY KEY(Class_ID), FOREIGN KEY (Coach_ID) REFERENCES Coaches(Coach_ID));
CREATE TABLE Shifts (Shift_ID INT NOT NULL, Coach_ID INT NOT NULL, Shift_Start DATETIME,
  PRIMARY KEY(Shift_ID), FOREIGN KEY (Coach_ID) REFERENCES Coaches(Coach_ID));
"""


def test_a_table_keyed_by_a_class_is_a_schedule_of_classes_offered(tmp_path: Path) -> None:
    by_name = _results(tmp_path, GYM)
    events = by_name["Events"]
    assert events.subject is not None and events.subject.kind == "reference"
    assert _personal(events) == []
    # a coach's shifts stay the coach's records
    shifts = by_name["Shifts"]
    assert shifts.subject is not None and shifts.subject.kind == "person_linked"


CLINICS = """
CREATE TABLE clinics (id uuid PRIMARY KEY, name text, owner_id uuid, address text, phone text);
CREATE TABLE agencies (id uuid PRIMARY KEY, name text, contact_name text, phone text);
"""


def test_an_organisations_phone_is_its_own_when_only_a_key_and_its_name_are_on_the_row(
    tmp_path: Path,
) -> None:
    by_name = _results(tmp_path, CLINICS)
    clinics = by_name["clinics"]
    assert clinics.subject is not None and clinics.subject.kind == "organisation"
    assert "phone" not in _personal(clinics)  # the owner's details are on the owner's row
    # with a contact person written on the row, the telephone may be that person's mobile
    assert "phone" in _personal(by_name["agencies"])


MORTGAGED = """
CREATE TABLE asset (asset_id int PRIMARY KEY, loan_number varchar(30),
  mortgagor_name varchar(40), mortgagor_phone varchar(15), conveyance_date datetime);
CREATE TABLE work_order (work_order_id int PRIMARY KEY, asset_id int REFERENCES asset(asset_id),
  quantity int, rate decimal(10,2), date_inserted datetime);
CREATE TABLE exterior (work_order_id int REFERENCES work_order(work_order_id),
  roof_type_id int, pool_on_site_id int, personal_property_on_site_id int,
  person_interviewed varchar(30));
CREATE TABLE renter (renter_id int PRIMARY KEY, renter_name varchar(40), renter_phone varchar(15));
CREATE TABLE lease (lease_id int PRIMARY KEY, renter_id int REFERENCES renter(renter_id),
  monthly_rent decimal(10,2));
"""


def test_a_thing_with_its_owners_name_and_phone_passes_no_person_on(tmp_path: Path) -> None:
    """An asset whose only identity columns are its mortgagor's name and phone: those stay the
    mortgagor's, but a work order on the asset and an inspection of its exterior are about the
    asset, not a person. A renter's own table does pass its person on to a lease."""
    by_name = _results(tmp_path, MORTGAGED)
    asset = by_name["asset"]
    assert {"mortgagor_name", "mortgagor_phone"} <= set(_personal(asset))
    for name in ("work_order", "exterior"):
        subject = by_name[name].subject
        assert subject is not None and subject.kind not in ("person", "person_linked"), name
    assert _personal(by_name["work_order"]) == []
    exterior = by_name["exterior"]
    # a personal-property flag is no key of a person; the person interviewed is named
    assert _personal(exterior) == ["person_interviewed"]
    lease = by_name["lease"].subject
    assert lease is not None and lease.kind == "person_linked"
