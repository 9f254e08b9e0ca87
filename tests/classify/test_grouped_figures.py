"""A dbt model whose description says each record holds figures grouped by several dimensions
('daily subscription metrics by account, app, subscription name, country and state') sums what
happened to everyone in each group: its app, territory and subscription columns are about no
one person. Figures by one dimension ('daily metrics by customer') stay that customer's. Excerpt
of a public dbt package (App Store Connect reports) and a made-up one-dimension model beside it."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

MODELS = """
version: 2
models:
  - name: apple_store__subscription_report
    description: Each record represents daily subscription metrics by account, app, subscription name, country and state
    columns:
      - name: source_relation
      - name: date_day
      - name: app_name
      - name: subscription_name
      - name: territory_long
      - name: region
      - name: active_standard_price_subscriptions
  - name: shop__customer_daily_rollup
    description: Each record represents daily metrics by customer
    columns:
      - name: customer_id
      - name: date_day
      - name: total_charges
"""


def test_figures_by_several_dimensions_are_no_ones(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"models/apple_store.yml": MODELS})
    report = found["apple_store__subscription_report"]
    assert report.subject.kind not in ("person", "person_linked")
    assert not [f.field.name for f in report.findings if f.personal]


def test_figures_by_one_customer_are_theirs(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"models/apple_store.yml": MODELS})
    rollup = found["shop__customer_daily_rollup"]
    assert rollup.subject.kind == "person_linked"
    assert any(f.personal for f in rollup.findings if f.field.name == "total_charges")
