"""A dbt property file that lists one column twice in a model gives one field, with a
warning naming both lines; what the first entry leaves out comes from the second."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

_SOURCES = """\
version: 2
sources:
  - name: helpdesk
    tables:
      - name: requester
        columns:
          - name: id
            description: Requester id.
          - name: profile.notes
          - name: email
            description: Requester e-mail.
          - name: profile.notes
            description: Free-text notes an agent keeps about the requester.
            data_type: string
"""


def test_a_column_listed_twice_is_one_field_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "src_helpdesk.yml").write_text(_SOURCES, encoding="utf-8")
    result = scan_paths([tmp_path / "src_helpdesk.yml"], ScanOptions(content=False))
    (dataset,) = [d.dataset for d in result.datasets]
    assert [(f.name, f.line, f.data_type) for f in dataset.fields] == [
        ("id", 7, None),
        ("profile.notes", 9, "string"),
        ("email", 10, None),
    ]
    notes = next(f for f in dataset.fields if f.name == "profile.notes")
    assert notes.comment == "Free-text notes an agent keeps about the requester."
    assert [(p.severity.value, p.line, p.message) for p in result.problems] == [
        (
            "warning",
            12,
            "dbt column listed twice in one model (here and at line 9): read as one field",
        )
    ]
