"""A dump of several databases (MySQL's ``USE x;``, psql's ``\\c x``) that creates a table of
the same name in each: the tables created after a switch are named ``database.table`` when
the file switches to two or more databases, so each is one dataset a report and a label file
can tell apart; keys, ALTER TABLE and COMMENT ON statements go to the table of their own
database, and a key names its table within the same database. A dump of one database keeps
its tables' own names."""

from __future__ import annotations

from pathlib import Path

from dataflow.readers import read_path
from dataflow.scan import ScanOptions, scan_paths

_SERVICES = """\
-- two services of a ride-hailing platform, dumped together
CREATE DATABASE IF NOT EXISTS `ride_customer`;
USE `ride_customer`;

CREATE TABLE `customer_info` (
  `id` bigint NOT NULL AUTO_INCREMENT COMMENT '主键',
  `nickname` varchar(64) DEFAULT NULL COMMENT '昵称',
  `phone` char(11) DEFAULT NULL COMMENT '手机号',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB COMMENT='乘客';

CREATE TABLE `trip_request` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `customer_id` bigint NOT NULL,
  `pickup_address` varchar(200) DEFAULT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_trip_customer` FOREIGN KEY (`customer_id`) REFERENCES `customer_info` (`id`)
) ENGINE=InnoDB;

CREATE TABLE `undo_log` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `xid` varchar(100) NOT NULL,
  `rollback_info` longblob NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;

CREATE DATABASE IF NOT EXISTS `ride_billing`;
USE `ride_billing`;

CREATE TABLE `invoice` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `payer_id` bigint NOT NULL,
  `amount` decimal(10,2) NOT NULL COMMENT '金额',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;

CREATE TABLE `undo_log` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `xid` varchar(100) NOT NULL,
  `branch_id` bigint NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;

ALTER TABLE `undo_log` ADD COLUMN `log_status` int NOT NULL;
"""

_CLUSTER = """\
--
-- PostgreSQL database cluster dump
--
\\connect clinic

CREATE TABLE public.patient (
    id integer NOT NULL,
    full_name text
);
CREATE TABLE audit_entry (
    id integer NOT NULL,
    actor text
);
COMMENT ON TABLE audit_entry IS 'changes made in the clinic';

\\c warehouse

CREATE TABLE audit_entry (
    id integer NOT NULL,
    batch_no text
);
COMMENT ON TABLE audit_entry IS 'loads into the warehouse';
COMMENT ON COLUMN audit_entry.batch_no IS 'load batch';
"""

_ONE = """\
CREATE DATABASE IF NOT EXISTS `shop`;
USE `shop`;
CREATE TABLE `member` (`id` int NOT NULL, `mobile` varchar(20), PRIMARY KEY (`id`));
"""


def _read(tmp_path: Path, name: str, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_path(path)


def test_tables_of_each_database_are_named_with_it(tmp_path: Path) -> None:
    result = _read(tmp_path, "services.sql", _SERVICES)
    assert [d.name for d in result.datasets] == [
        "ride_customer.customer_info",
        "ride_customer.trip_request",
        "ride_customer.undo_log",
        "ride_billing.invoice",
        "ride_billing.undo_log",
    ]
    billing_undo = result.datasets[-1]
    # the ALTER TABLE after USE ride_billing alters that database's undo_log only
    assert [f.pointer for f in billing_undo.fields] == [
        "ride_billing.undo_log.id",
        "ride_billing.undo_log.xid",
        "ride_billing.undo_log.branch_id",
        "ride_billing.undo_log.log_status",
    ]
    assert [f.name for f in result.datasets[2].fields] == ["id", "xid", "rollback_info"]
    assert not [p for p in result.problems if "undo_log" in p.message]


def test_a_key_links_a_table_to_the_person_of_its_own_database(tmp_path: Path) -> None:
    path = tmp_path / "services.sql"
    path.write_text(_SERVICES, encoding="utf-8")
    result = scan_paths([path], ScanOptions(content=False))
    by_name = {d.dataset.name: d for d in result.datasets}
    trip = by_name["ride_customer.trip_request"].subject
    assert trip is not None and trip.kind == "person_linked"
    assert [(lk.column, lk.target, lk.via) for lk in trip.links] == [
        ("customer_id", "customer_info", "foreign_key")
    ]


def test_psql_connect_lines_switch_the_database(tmp_path: Path) -> None:
    result = _read(tmp_path, "cluster.sql", _CLUSTER)
    by_name = {d.name: d for d in result.datasets}
    assert sorted(by_name) == ["clinic.audit_entry", "public.patient", "warehouse.audit_entry"]
    assert by_name["clinic.audit_entry"].comment == "changes made in the clinic"
    assert by_name["warehouse.audit_entry"].comment == "loads into the warehouse"
    (batch,) = [f for f in by_name["warehouse.audit_entry"].fields if f.name == "batch_no"]
    assert batch.comment == "load batch"


def test_a_dump_of_one_database_keeps_the_table_names(tmp_path: Path) -> None:
    result = _read(tmp_path, "shop.sql", _ONE)
    assert [d.name for d in result.datasets] == ["member"]
    assert [f.pointer for f in result.datasets[0].fields] == ["member.id", "member.mobile"]


def test_a_script_that_only_creates_its_database_from_master_keeps_the_names(
    tmp_path: Path,
) -> None:
    script = (
        "USE [master]\nGO\nCREATE DATABASE [clinic]\nGO\nUSE [clinic]\nGO\n"
        "CREATE TABLE patient (id int NOT NULL, full_name nvarchar(50) NULL)\nGO\n"
    )
    result = _read(tmp_path, "clinic.sql", script)
    assert [d.name for d in result.datasets] == ["patient"]
    pg = "\\c postgres;\nCREATE DATABASE payroll;\n\\c payroll;\nCREATE TABLE employee (id int);\n"
    assert [d.name for d in _read(tmp_path, "payroll.sql", pg).datasets] == ["employee"]
