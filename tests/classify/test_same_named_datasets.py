"""Two datasets of one name (the DDL table ``customers`` and the CSV ``customers``) are told
apart in every report by their source, and become one dataset when the user attaches the CSV
to the table (``--sample customers=FILE``, manifest ``sample:``): the table's fields and types
with the file's values."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dataflow.cli import app
from dataflow.model import Severity
from dataflow.report import render
from dataflow.scan import ScanOptions, scan_paths

EXAMPLES = Path(__file__).parent.parent.parent / "examples"


@pytest.fixture()
def shop(tmp_path: Path) -> Path:
    root = tmp_path / "shop"
    (root / "schemas").mkdir(parents=True)
    (root / "samples").mkdir()
    shutil.copy(EXAMPLES / "schemas" / "shop_mysql.sql", root / "schemas")
    shutil.copy(EXAMPLES / "samples" / "customers.csv", root / "samples")
    return root


def _customers(result):  # type: ignore[no-untyped-def]
    return [d for d in result.datasets if d.dataset.name == "customers"]


def test_without_a_sample_both_customers_are_shown_with_their_source(shop: Path) -> None:
    result = scan_paths([shop], ScanOptions(sample_size=50))
    assert len(_customers(result)) == 2
    table = render(result, "table", "en")
    assert re.search(r"^customers \(\S*schemas/shop_mysql\.sql, sql\)", table, re.M)
    assert re.search(r"^customers \(\S*samples/customers\.csv, csv\)", table, re.M)
    markdown = render(result, "markdown", "en")
    rows = [ln for ln in markdown.splitlines() if ln.startswith("| customers `")]  # findings
    assert len(rows) == 12
    datasets = [ln for ln in markdown.splitlines() if ln.startswith("| customers |")]
    assert len(datasets) == 2 and all(
        "/customers.csv:1`" in ln or "/shop_mysql.sql:5`" in ln for ln in datasets
    )
    assert any("`shop_mysql.sql`" in ln for ln in rows)
    assert any("`customers.csv`" in ln for ln in rows)
    assert all("`shop_mysql.sql`" in ln or "`customers.csv`" in ln for ln in rows), rows
    html = render(result, "html", "en")
    findings = html[html.index('id="findings"') :]
    assert 'customers <span class="cite">shop_mysql.sql</span>' in findings
    assert 'customers <span class="cite">customers.csv</span>' in findings


def test_a_sample_attached_to_the_table_makes_one_dataset(shop: Path) -> None:
    csv = shop / "samples" / "customers.csv"
    result = scan_paths([shop], ScanOptions(sample_size=50), samples={"customers": csv})
    (one,) = _customers(result)
    assert one.dataset.source_format == "sql" and one.sample_path == str(csv)
    sfzh = next(f for f in one.findings if f.field.name == "sfzh")
    assert sfzh.field.data_type and sfzh.field.data_type.upper().startswith("CHAR")
    assert any(e.source == "value" for e in sfzh.evidence)  # the CSV's values
    record = next(
        d for d in json.loads(render(result, "json"))["datasets"] if d["name"] == "customers"
    )
    assert record["source"]["sample"] == str(csv)
    table = render(result, "table", "en")
    assert "shop_mysql.sql + sample " in table and table.count("\ncustomers (") == 0
    assert render(result, "table", "zh").count(" + 样本 ") == 1
    markdown = render(result, "markdown", "en")
    assert "`shop_mysql.sql + sample customers.csv`" in markdown
    assert not result.problems


def test_the_cli_sample_option_merges_and_json_stays_valid(shop: Path) -> None:
    import jsonschema

    from dataflow.paths import schemas_dir

    runner = CliRunner()
    sample = f"customers={shop / 'samples' / 'customers.csv'}"
    out = runner.invoke(app, ["scan", str(shop), "--sample", sample, "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert [d["name"] for d in data["datasets"]].count("customers") == 1
    schema = json.loads((schemas_dir() / "scan.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


def test_a_sample_with_columns_the_table_lacks_stays_a_dataset_of_its_own(shop: Path) -> None:
    csv = shop / "samples" / "customers.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    csv.write_text(
        "\n".join([lines[0] + ",wechat_id"] + [ln + ",wx_1" for ln in lines[1:]]) + "\n",
        encoding="utf-8",
    )
    result = scan_paths([shop], ScanOptions(sample_size=50), samples={"customers": csv})
    assert len(_customers(result)) == 2
    (warning,) = [p for p in result.problems if "lacks" in p.message]
    assert warning.severity is Severity.WARNING and "wechat_id" in warning.message
    assert "没有的列（wechat_id）" in warning.message.get("zh")  # type: ignore[attr-defined]
