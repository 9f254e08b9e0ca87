"""A declared foreign key naming who created or changed a row (`created_by` → users) is the
database's authorship of the row: a table of things (products, stock) that keeps it is not about
that user, so its product names, prices and weights are no one's personal information."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

PRODUCTS = """
CREATE TABLE users (id int PRIMARY KEY, full_name varchar(100), email varchar(100));
CREATE TABLE products (
  id int PRIMARY KEY,
  product_code varchar(50),
  name varchar(150),
  color varchar(50),
  cost_price decimal(10,2),
  weight decimal(8,3),
  created_by int NOT NULL,
  updated_by int,
  CONSTRAINT products_ibfk_1 FOREIGN KEY (created_by) REFERENCES users (id),
  CONSTRAINT products_ibfk_2 FOREIGN KEY (updated_by) REFERENCES users (id));
CREATE TABLE orders (
  id int PRIMARY KEY,
  user_id int NOT NULL,
  total decimal(10,2),
  created_by int,
  CONSTRAINT orders_ibfk_1 FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT orders_ibfk_2 FOREIGN KEY (created_by) REFERENCES users (id));
"""


def _scan(tmp_path: Path) -> dict[str, object]:
    (tmp_path / "erp.sql").write_text(PRODUCTS, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {d.dataset.name: d for d in result.datasets}


def test_a_product_table_written_by_a_user_is_no_ones(tmp_path: Path) -> None:
    found = _scan(tmp_path)
    products = found["products"]
    assert products.subject.kind != "person_linked"  # type: ignore[attr-defined]
    personal = [f.field.name for f in products.findings if f.personal]  # type: ignore[attr-defined]
    for column in ("product_code", "name", "color", "cost_price", "weight"):
        assert column not in personal


def test_a_row_keyed_to_its_user_stays_that_users(tmp_path: Path) -> None:
    orders = _scan(tmp_path)["orders"]
    assert orders.subject.kind == "person_linked"  # type: ignore[attr-defined]
    assert any(
        f.personal
        for f in orders.findings
        if f.field.name == "total"  # type: ignore[attr-defined]
    )
