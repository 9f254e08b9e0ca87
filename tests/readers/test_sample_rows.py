"""Sampled scans read a bounded number of rows (``--sample-rows``); ``0`` and ``--full`` read all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dataflow.cli import app


@pytest.fixture()
def contacts(tmp_path: Path) -> Path:
    path = tmp_path / "contacts.csv"
    # 3,000 rows: mobiles first, then 2,000 rows of plain order numbers in the same column
    rows = [f"139{i:08d}" for i in range(1000)] + [f"OD{i:010d}" for i in range(2000)]
    path.write_text("c1\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _scan(path: Path, *extra: str) -> dict[str, object]:
    result = CliRunner().invoke(app, ["scan", str(path), "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    (dataset,) = json.loads(result.stdout)["datasets"]
    return dataset  # type: ignore[no-any-return]


def test_sample_rows_bounds_what_is_read(contacts: Path) -> None:
    head = _scan(contacts, "--sample-rows", "500")
    assert head["rows_scanned"] == 500
    # the first 500 rows are all mobiles: the column is called a mobile column
    assert [f["element"] for f in head["fields"]] == ["pi.contact.mobile"]  # type: ignore[index]


@pytest.mark.parametrize("extra", [("--sample-rows", "0"), ("--full",)])
def test_whole_file_when_asked(contacts: Path, extra: tuple[str, ...]) -> None:
    whole = _scan(contacts, *extra)
    assert whole["rows_scanned"] == 3000
    # over the whole file only a third of the values are mobiles: not a mobile column
    fields = whole["fields"]
    assert all(f["element"] != "pi.contact.mobile" or f.get("kind") == "contains" for f in fields)  # type: ignore[attr-defined, union-attr]


def test_a_mixed_column_of_validated_ids_is_reported_as_containing_them(tmp_path: Path) -> None:
    import random

    from builders import resident_id

    r = random.Random(3)
    rows = [resident_id(r) for _ in range(300)] + [f"OD{i:010d}" for i in range(700)]
    path = tmp_path / "mixed.csv"
    path.write_text("c1\n" + "\n".join(rows) + "\n", encoding="utf-8")
    (field,) = _scan(path, "--sample-size", "1000")["fields"]  # type: ignore[misc]
    assert field["element"] == "pi.identity.resident_id"
    assert field["personal"] is True and field["sensitive"] is True
    value = [e for e in field["evidence"] if e["source"] == "value"]
    assert value and 0.25 < value[0]["match_rate"] < 0.35
    assert all(raw not in json.dumps(field) for raw in rows[:300])
