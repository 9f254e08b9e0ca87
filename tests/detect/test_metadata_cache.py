"""Cached metadata verdicts equal freshly computed ones and name their own table and field."""

from __future__ import annotations

import pytest

from dataflow.catalog import Catalog, load_catalog
from dataflow.detect.metadata import MetadataDetector
from dataflow.model import Dataset, Field


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _table(name: str, *fields: tuple[str, str | None, str | None]) -> Dataset:
    return Dataset(
        name=name,
        source_path=f"{name}.sql",
        source_format="sql",
        fields=tuple(
            Field(name=f, pointer=f"{name}.{f}", data_type=t, comment=c) for f, t, c in fields
        ),
    )


COLUMNS = (
    ("id", "BIGINT", None),
    ("mobile", "VARCHAR(20)", "手机号"),
    ("city", "VARCHAR(20)", None),
    ("is_mobile_verified", "TINYINT(1)", None),
    ("shop_phone", "VARCHAR(20)", "门店电话"),
    ("email", "INT", None),
)


def test_repeated_columns_get_their_own_pointer_and_table_name(catalog: Catalog) -> None:
    detector = MetadataDetector(catalog)
    tables = [_table(name, *COLUMNS) for name in ("crm.users", "crm.members", "shop.stores")]
    cached = [detector.detect_dataset(t) for t in tables]
    for table, verdicts in zip(tables, cached, strict=True):
        fresh = MetadataDetector(catalog).detect_dataset(table)
        assert verdicts == fresh
        assert set(verdicts) == {f.pointer for f in table.fields}
        for pointer, verdict in verdicts.items():
            assert verdict.pointer == pointer
            details = [e.detail for c in verdict.candidates for e in c.evidence]
            assert not any("\x00" in d for d in details)
    # the surrogate key of a table about people names that table
    users_id = cached[0]["crm.users.id"]
    assert any("'crm.users'" in e.detail for c in users_id.candidates for e in c.evidence)
    members_id = cached[1]["crm.members.id"]
    assert any("'crm.members'" in e.detail for c in members_id.candidates for e in c.evidence)
    assert cached[0]["crm.users.mobile"].element == "pi.contact.mobile"


def test_same_name_in_different_context_is_not_shared(catalog: Catalog) -> None:
    detector = MetadataDetector(catalog)
    people = detector.detect_dataset(_table("users", ("name", "VARCHAR(20)", None)))
    things = detector.detect_dataset(_table("product", ("name", "VARCHAR(20)", None)))
    assert (
        people["users.name"]
        == MetadataDetector(catalog).detect_dataset(_table("users", ("name", "VARCHAR(20)", None)))[
            "users.name"
        ]
    )
    assert people["users.name"].confidence != things["product.name"].confidence


def test_verdicts_stay_right_after_the_context_memory_is_cleared(catalog: Catalog) -> None:
    """Table contexts stand for themselves in the verdicts' keys by a number: once the memory of
    contexts is cleared, a context met again never takes the number of another one."""
    detector = MetadataDetector(catalog)
    people = _table("users", ("name", "VARCHAR(20)", None))
    things = _table("products", ("name", "VARCHAR(20)", None))
    before = {t.name: detector.detect_dataset(t) for t in (people, things)}
    for _round in range(2):
        detector._neutral.clear()
        detector._neutral_ids.clear()
        detector._last_neutral = None
        for table in (things, people):  # the other order: numbers are given afresh
            assert detector.detect_dataset(table) == before[table.name]
            assert detector.detect_dataset(table) == MetadataDetector(catalog).detect_dataset(table)
    assert before["users"]["users.name"].element != before["products"]["products.name"].element
