"""A dbt model with ``versions`` (dbt 1.5+): the columns a version declares besides the model's
own are fields of the model too; ``include``/``exclude`` entries name no column."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

_MODELS = """\
version: 2
models:
  - name: dim_customers
    description: One row per customer.
    latest_version: 2
    columns:
      - name: customer_id
        description: Surrogate key.
      - name: full_name
        description: Customer's full name.
    versions:
      - v: 1
        columns:
          - include: all
            exclude: [full_name]
      - v: 2
        columns:
          - include: "*"
          - name: full_name
            description: Name as printed on the loyalty card.
          - name: mobile_phone
            description: Mobile phone number.
            data_type: varchar
      - v: 3
        columns:
          - include: all
          - name: mobile_phone
          - name: birth_date
            data_type: date
"""


def test_columns_a_model_version_adds_are_fields(tmp_path: Path) -> None:
    # they were not reported: only the model's own ``columns`` were read
    (tmp_path / "schema.yml").write_text(_MODELS, encoding="utf-8")
    result = scan_paths([tmp_path / "schema.yml"], ScanOptions(content=False))
    (customers,) = [d.dataset for d in result.datasets]
    assert [(f.pointer, f.data_type, f.comment, f.line) for f in customers.fields] == [
        ("dim_customers.customer_id", None, "Surrogate key.", 7),
        ("dim_customers.full_name", None, "Customer's full name.", 9),
        ("dim_customers.mobile_phone", "varchar", "Mobile phone number.", 21),
        ("dim_customers.birth_date", "date", None, 28),
    ]
    assert result.problems == ()
