"""A country list nested in a person's document is a code list, not the person's record; a
manufacturer's or producer's table is an organisation's."""

from __future__ import annotations

import json
from pathlib import Path

from builders import scan_files


def _schema(title: str, properties: dict[str, object]) -> str:
    return json.dumps(
        {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "title": title,
            "type": "object",
            "properties": properties,
        }
    )


CUSTOMER = _schema(
    "Customer",
    {
        "email": {"type": "string"},
        "firstname": {"type": "string"},
        "country": {"$ref": "Country.json"},
    },
)
COUNTRY = _schema(
    "Country",
    {
        "iso_name": {"type": "string"},
        "iso": {"type": "string"},
        "iso3": {"type": "string"},
        "name": {"type": "string"},
        "numcode": {"type": "integer"},
    },
)


def test_a_country_list_nested_in_a_customer_is_a_code_list(tmp_path: Path) -> None:
    """`Country {iso, iso3, name, numcode}` that a customer's document nests is the list a
    customer's country is picked from: none of its fields is the customer's."""
    results = scan_files(tmp_path, {"Customer.json": CUSTOMER, "Country.json": COUNTRY})
    assert results["Country"].subject.kind == "reference"
    assert not [f.field.name for f in results["Country"].findings if f.personal]
    assert results["Customer"].subject.kind in ("person", "person_linked")


def test_a_country_of_a_persons_row_stays_theirs(tmp_path: Path) -> None:
    """Only a table named for the list alone is one: a `user_country` table keyed by its user
    is the user's."""
    ddl = "CREATE TABLE user_country (user_id BIGINT, country VARCHAR(64), province VARCHAR(64));\n"
    results = scan_files(tmp_path, {"user_country.sql": ddl})
    assert results["user_country"].subject.kind != "reference"


def test_a_manufacturers_address_is_not_a_persons(tmp_path: Path) -> None:
    """The address and phone of a drug producer or a manufacturer are the company's."""
    ddl = (
        "CREATE TABLE drugs_producer (pro_id INT PRIMARY KEY, pro_name VARCHAR(64),"
        " pro_address VARCHAR(255), pro_phone VARCHAR(32));\n"
        "CREATE TABLE t_manufacturer (id BIGINT PRIMARY KEY, name VARCHAR(64),"
        " address VARCHAR(255), phone VARCHAR(32));\n"
        "CREATE TABLE t_maker (id BIGINT PRIMARY KEY, mc VARCHAR(64) COMMENT '名称',"
        " dz VARCHAR(255) COMMENT '地址') COMMENT='生产厂家';\n"
    )
    results = scan_files(tmp_path, {"makers.sql": ddl})
    for name in ("drugs_producer", "t_manufacturer", "t_maker"):
        assert results[name].subject.kind == "organisation", name
    addresses = [
        finding
        for name, column in (("drugs_producer", "pro_address"), ("t_manufacturer", "address"))
        for finding in results[name].findings
        if finding.field.name == column
    ]
    assert len(addresses) == 2
    assert not any(f.personal for f in addresses)
