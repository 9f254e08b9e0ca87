"""dbt descriptions written as ``{{ doc('name') }}`` take the text of the project's docs blocks."""

from __future__ import annotations

import json
from pathlib import Path

from dataflow.readers import read_path
from dataflow.scan import ScanOptions, scan_paths

PROPERTIES = """\
version: 2
models:
  - name: stg_customers
    description: '{{ doc("customers_model") }}'
    columns:
      - name: ref_a
        description: '{{ doc("contact_column") }}'
      - name: ref_b
        description: "{{ doc('jaffle', 'birth_column') }}"
      - name: ref_c
        description: "{{ doc('nowhere') }}"
      - name: ref_d
        description: "{{ doc('vendored_column') }}"
      - name: ref_e
        description: "Plain text, no reference."
"""

DOCS = """\
# Column documentation

{% docs contact_column %}
The customer's e-mail address, used for receipts.
{% enddocs %}

{%- docs birth_column -%}
  Date of birth of the customer.
{%- enddocs -%}

{% docs customers_model %}
One row per customer.
{% enddocs %}
"""


def _project(root: Path, *, with_project_file: bool = True) -> Path:
    if with_project_file:
        (root / "dbt_project.yml").write_text("name: jaffle\nversion: '1.0'\n", encoding="utf-8")
    models = root / "models" / "staging"
    models.mkdir(parents=True)
    (root / "models" / "docs.md").write_text(DOCS, encoding="utf-8")
    # Blocks of an installed package or of dbt's build output are not this project's.
    vendored = root / "dbt_packages" / "other" / "models"
    vendored.mkdir(parents=True)
    (vendored / "docs.md").write_text(
        "{% docs vendored_column %}National ID number{% enddocs %}", encoding="utf-8"
    )
    target = root / "target"
    target.mkdir()
    (target / "docs.md").write_text(
        "{% docs nowhere %}Passport number{% enddocs %}", encoding="utf-8"
    )
    path = models / "stg_customers.yml"
    path.write_text(PROPERTIES, encoding="utf-8")
    return path


def _comments(path: Path) -> dict[str, str | None]:
    result = read_path(path)
    assert result.format == "dbt"
    assert result.problems == ()
    (dataset,) = result.datasets
    comments: dict[str, str | None] = {f.name: f.comment for f in dataset.fields}
    comments["<model>"] = dataset.comment
    return comments


def test_doc_references_take_the_blocks_of_the_project(tmp_path: Path) -> None:
    comments = _comments(_project(tmp_path))
    assert comments["ref_a"] == "The customer's e-mail address, used for receipts."
    assert comments["ref_b"] == "Date of birth of the customer."  # doc('package', 'name')
    assert comments["<model>"] == "One row per customer."
    # No block of the project answers: the reference stays as written.
    assert comments["ref_c"] == "{{ doc('nowhere') }}"
    assert comments["ref_d"] == "{{ doc('vendored_column') }}"
    assert comments["ref_e"] == "Plain text, no reference."


def test_without_a_project_file_the_property_files_folder_is_searched(tmp_path: Path) -> None:
    path = tmp_path / "stg_customers.yml"
    path.write_text(PROPERTIES, encoding="utf-8")
    (tmp_path / "column_docs.md").write_text(DOCS, encoding="utf-8")
    comments = _comments(path)
    assert comments["ref_a"] == "The customer's e-mail address, used for receipts."
    assert comments["ref_b"] == "Date of birth of the customer."


def test_an_edited_docs_file_is_read_again(tmp_path: Path) -> None:
    path = _project(tmp_path)
    assert _comments(path)["ref_a"] == "The customer's e-mail address, used for receipts."
    (tmp_path / "models" / "docs.md").write_text(
        "{% docs contact_column %}Mobile phone number of the customer, longer text.{% enddocs %}",
        encoding="utf-8",
    )
    assert _comments(path)["ref_a"] == "Mobile phone number of the customer, longer text."


def test_the_scan_classifies_a_column_by_its_docs_block(tmp_path: Path) -> None:
    path = _project(tmp_path)
    result = scan_paths([tmp_path], ScanOptions(content=False))
    findings = {
        f.field.name: f
        for d in result.datasets
        if d.dataset.source_path == str(path)
        for f in d.findings
    }
    # Column names say nothing; the descriptions from docs.md say e-mail and birth date.
    assert findings["ref_a"].personal
    assert findings["ref_b"].personal
    # The Markdown files are read for their blocks only: no dataset, no problem of their own.
    assert all(not d.dataset.source_path.endswith(".md") for d in result.datasets)
    assert all(not p.path.endswith(".md") for p in result.problems)
    assert json.dumps([d.dataset.name for d in result.datasets]) == '["stg_customers"]'
