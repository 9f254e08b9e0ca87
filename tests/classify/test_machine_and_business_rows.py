"""What a row is about decides whose its columns are. A table named for machines
(`device_configurations` of an IoT sensor platform, ``sensor_keys``) keys each device by a bare
`uid`: the device's unique id, not a user's key, so the table is not a user's record. A table of
customers that carries a business registration number (`cif`, Spain's tax code of a legal entity:
``organisation_numbers``) lists companies: its telephone and address are the company's (PIPL
Art. 4 covers natural persons only), while a table of insured people beside it stays theirs. Excerpts of two
public schemas (an IoT sensors database, an insurance-claims assessment database)."""

from __future__ import annotations

from pathlib import Path

from builders import scan_tables

SENSORS = """
CREATE TABLE `users` (
  `id` int(11) NOT NULL,
  `username` varchar(50) NOT NULL,
  `email` varchar(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE `device_configurations` (
  `id` int(11) NOT NULL,
  `topic_name` varchar(45) NOT NULL,
  `organizationid` varchar(45) NOT NULL,
  `timezone` varchar(45) NOT NULL,
  `description_origin` varchar(45) NOT NULL,
  `uid` varchar(45) NOT NULL,
  `typemeter` varchar(45) NOT NULL,
  `alias` varchar(45) NOT NULL,
  `enable` tinyint(4) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
"""

CLAIMS = """
CREATE TABLE CLIENTE(
        IdCliente int not null,
        cif varchar(15) unique,
        Nombre varchar(30) not null,
        contacto varchar(30),
        telefono varchar(15),
        dirección varchar (30) not null
        PRIMARY KEY (IdCliente)
);
CREATE TABLE ASEGURADO(
        IdAsegurado int not null,
        dni varchar(15) unique,
        Nombre varchar(30) not null,
        contacto varchar(30),
        telefono varchar(15),
        PRIMARY KEY (IdAsegurado)
);
"""


def test_a_devices_uid_is_not_a_users_key(tmp_path: Path) -> None:
    device = scan_tables(tmp_path, SENSORS)["device_configurations"]
    assert device["subject"].kind not in ("person", "person_linked")
    for column in ("uid", "topic_name", "timezone", "alias", "typemeter"):
        assert not device[column].personal, column


def test_a_customer_with_a_business_registration_number_is_a_company(tmp_path: Path) -> None:
    tables = scan_tables(tmp_path, CLAIMS)
    company = tables["CLIENTE"]
    assert company["subject"].kind == "organisation"
    for column in ("telefono", "dirección"):
        assert not company[column].personal, column
    insured = tables["ASEGURADO"]  # a person's identity card number: a person's row
    assert insured["Nombre"].element == "pi.identity.name"
    assert insured["telefono"].personal
