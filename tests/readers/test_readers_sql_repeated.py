"""Statements that differ only in the table name are parsed once and read the same as before."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dataflow.model import Dataset
from dataflow.readers._common import Problems
from dataflow.readers.sql import read_sql, tables

TEMPLATE = """CREATE TABLE {name} (
  id BIGINT PRIMARY KEY COMMENT '编号',
  -- dataflow: allow pi.contact.mobile "masked upstream"
  mobile VARCHAR(20) COMMENT '手机号',
  email VARCHAR(128) NOT NULL,
  amount DECIMAL(12,2)
) ENGINE=InnoDB COMMENT='会员';
"""


@pytest.fixture(autouse=True)
def _no_templates() -> Iterator[None]:
    tables.TEMPLATES.clear()
    yield
    tables.TEMPLATES.clear()


def _read(text: str) -> tuple[list[Dataset], list[str]]:
    problems = Problems("t.sql")
    datasets = read_sql(text, "t.sql", problems)
    return datasets, [f"{p.line}:{p.message}" for p in problems.items]


def test_second_table_uses_the_first_parse_with_its_own_name_and_lines() -> None:
    text = "\n\n" + TEMPLATE.format(name="shop.m") + TEMPLATE.format(name="shop.members_2024_01")
    datasets, problems = _read(text)
    assert problems == []
    assert len(tables.TEMPLATES) == 1  # the second statement was not parsed again
    first, second = datasets
    assert first.name == "shop.m" and second.name == "shop.members_2024_01"
    assert first.comment == second.comment == "会员"
    assert [f.pointer for f in second.fields] == [
        "shop.members_2024_01.id",
        "shop.members_2024_01.mobile",
        "shop.members_2024_01.email",
        "shop.members_2024_01.amount",
    ]
    assert [f.line for f in first.fields] == [4, 6, 7, 8]
    assert [f.line for f in second.fields] == [11, 13, 14, 15]
    assert second.fields[1].allow == (("pi.contact.mobile", "masked upstream"),)
    assert second.fields[2].nullable is False
    for a, b in zip(first.fields, second.fields, strict=True):
        assert (a.name, a.data_type, a.comment, a.nullable) == (
            b.name,
            b.data_type,
            b.comment,
            b.nullable,
        )


@pytest.mark.parametrize("name", ["select", "table", "IDENTIFIER", "shop.order", "members"])
def test_reading_after_a_cached_statement_equals_reading_alone(name: str) -> None:
    alone = _read(TEMPLATE.format(name=name))
    tables.TEMPLATES.clear()
    _read(TEMPLATE.format(name="warmup"))
    assert tables.TEMPLATES
    assert _read(TEMPLATE.format(name=name)) == alone
