"""``--engine spark``: Apache Spark in local[2] mode gives the verdicts of the local ``--full``
scan, scans partitioned directories and catalog tables, counts people exactly (or
approximately, when asked) and never lets a value out in a message.

One SparkSession serves every test (starting the JVM takes seconds); the CLI runs in-process,
so ``dataflow`` uses that active session. The tests skip, saying why, only when Java or pyspark
is missing.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from builders import (
    MEMBER_CATALOG,
    MEMBER_RECOGNIZERS,
    database_manifest,
    member_rows,
    write_members_csv,
)
from dirty_export import dirty_columns, file_name, write
from typer.testing import CliRunner

from dataflow.cli import app
from dataflow.detect.validators import VALIDATORS

pytestmark = pytest.mark.spark


@pytest.fixture(scope="session")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if shutil.which("java") is None:
        pytest.skip("Java is not installed: Spark needs a JRE (e.g. openjdk-17-jre-headless)")
    sql = pytest.importorskip("pyspark.sql", reason='pyspark is missing: pip install ".[spark]"')
    root = tmp_path_factory.mktemp("spark")
    # The Python workers run this interpreter (pyspark 4.3 reads only the environment for it).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (
        sql.SparkSession.builder.master("local[2]")
        .appName("dataflow-tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.log.level", "OFF")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.pyspark.python", sys.executable)
        # Small splits: every file of these tests is cut into several partitions.
        .config("spark.sql.files.maxPartitionBytes", "16384")
        .config("spark.sql.files.openCostInBytes", "1024")
        .config("spark.sql.warehouse.dir", str(root / "warehouse"))
        # Hive support with an embedded Derby metastore in the temporary folder (offline).
        .config("spark.sql.catalogImplementation", "hive")
        .config(
            "spark.hadoop.javax.jdo.option.ConnectionURL",
            f"jdbc:derby:;databaseName={root / 'metastore_db'};create=true",
        )
        .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={root}")
    )
    session = builder.getOrCreate()
    yield session
    session.stop()


def _run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def _datasets(stdout: str) -> list[dict[str, Any]]:
    report = json.loads(stdout)
    return [
        {k: v for k, v in d.items() if k != "source"} | {"format": d["source"]["format"]}
        for d in report["datasets"]
    ]


def _table(tmp_path: Path, fmt: str, rows: int = 900) -> Path:
    """The dirty export (Chinese PI, loose formats, masks, placeholders, look-alikes), as a
    file Spark cuts into several partitions."""
    path = write(tmp_path / f"export.{fmt}", dirty_columns(rows, seed=31), fmt)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(pq.read_table(path), path, row_group_size=64)
    return path


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_spark_gives_the_verdicts_of_the_local_full_scan(
    spark: Any, tmp_path: Path, fmt: str
) -> None:
    path = _table(tmp_path, fmt)
    reader = spark.read.option("header", "true") if fmt == "csv" else spark.read
    assert reader.format(fmt).load(str(path)).rdd.getNumPartitions() > 1
    local = _run("scan", "--full", "--format", "json", str(path))
    on_spark = _run("scan", "--engine", "spark", "--format", "json", str(path))
    assert local.exit_code == on_spark.exit_code, on_spark.stderr
    expected, got = _datasets(local.stdout), _datasets(on_spark.stdout)
    assert got == expected
    fields = {f["name"]: f for f in got[0]["fields"]}
    assert fields[file_name("c_mobile_fmt")]["element"] == "pi.contact.mobile"
    assert fields[file_name("c_mobile_masked")]["deidentified"] is True
    assert not fields[file_name("c_order_no")]["personal"]  # an order number is no phone
    assert got[0]["rows_scanned"] == 900
    assert "every row read by Spark (900)" in on_spark.stdout


def test_added_recognizers_are_used_on_the_executors_as_in_the_local_full_scan(
    spark: Any, tmp_path: Path
) -> None:
    rows = member_rows()
    path = write_members_csv(tmp_path / "members.csv", rows)
    cards = [card for _, card, _ in rows if card is not None]
    valid = sum(VALIDATORS["luhn"](card) for card in cards)
    assert spark.read.option("header", "true").csv(str(path)).rdd.getNumPartitions() > 1
    added = ["--recognizers", str(MEMBER_RECOGNIZERS), "--catalog", str(MEMBER_CATALOG)]
    local = _run("scan", "--full", *added, "--format", "json", str(path))
    on_spark = _run("scan", "--engine", "spark", *added, "--format", "json", str(path))
    assert local.exit_code == on_spark.exit_code == 0, on_spark.stderr
    assert _datasets(on_spark.stdout) == _datasets(local.stdout)
    assert json.loads(on_spark.stdout)["problems"] == []
    fields = {f["name"]: f for f in _datasets(on_spark.stdout)[0]["fields"]}
    assert fields["c7"]["element"] == "acme.member.card"
    (card,) = fields["c7"]["evidence"]
    assert card["rule"] == "AcmeMemberCardRecognizer"
    assert card["detail"].startswith(f"{valid} of {len(cards)} ")  # every occurrence counted
    (note,) = fields["note"]["evidence"]
    assert (note["rule"], fields["note"]["kind"]) == ("AcmeMemberCardRecognizer", "contains")


def _customers(n: int = 400, seed: int = 3) -> list[tuple[Any, ...]]:
    from dirty_export import _mobile, _name, _resident_id

    rng = random.Random(seed)
    rows = []
    for i in range(n):
        person = rng.randrange(n // 2)  # people appear in several rows
        rows.append(
            (
                f"P{person:05d}",
                _name(rng),
                _mobile(rng),
                _resident_id(rng) if rng.random() < 0.6 else None,
                ["east", "west", "north"][i % 3],
            )
        )
    return rows


_COLUMNS = ("person_id", "xm", "phone", "sfzh", "region")


def test_partitioned_parquet_folder_and_catalog_table(spark: Any, tmp_path: Path) -> None:
    rows = _customers()
    df = spark.createDataFrame(rows, ", ".join(f"{c} string" for c in _COLUMNS))
    folder = tmp_path / "customers"
    df.write.partitionBy("region").parquet(str(folder))
    spark.sql("CREATE DATABASE IF NOT EXISTS crm")
    spark.sql(
        "CREATE TABLE crm.members (person_id STRING, c2 STRING COMMENT '手机号码', "
        "c3 STRING COMMENT '身份证号') COMMENT '会员' STORED AS PARQUET"
    )
    df.selectExpr("person_id", "phone AS c2", "sfzh AS c3").write.insertInto("crm.members")

    result = _run("scan", "--engine", "spark", "--format", "json", str(folder), "spark:crm.members")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    by_name = {d["name"]: d for d in report["datasets"]}
    folder_fields = {f["name"]: f for f in by_name["customers"]["fields"]}
    assert folder_fields["phone"]["element"] == "pi.contact.mobile"
    assert folder_fields["sfzh"]["element"] == "pi.identity.resident_id"
    assert "region" in folder_fields  # the partition column is a field too
    assert by_name["customers"]["rows_scanned"] == len(rows)
    table = by_name["crm.members"]
    assert (table["source"]["path"], table["source"]["format"]) == ("spark:crm.members", "spark")
    fields = {f["name"]: f for f in table["fields"]}
    assert fields["c2"]["element"] == "pi.contact.mobile"
    assert fields["c3"]["element"] == "pi.identity.resident_id"
    # The Hive column comments reach the metadata detection.
    assert any(e["source"] != "value" for e in fields["c3"]["evidence"])


def test_people_counts_exact_and_approximate(spark: Any, tmp_path: Path) -> None:
    rows = _customers(600, seed=8)
    people = {r[0] for r in rows}
    sensitive = {r[0] for r in rows if r[3] is not None}
    assert len(sensitive) < len(people)
    spark.createDataFrame(rows, ", ".join(f"{c} string" for c in _COLUMNS)).write.saveAsTable(
        "default.buyers"
    )
    manifest = database_manifest(
        tmp_path, "{source: 'spark:default.buyers', subjects: {count_distinct: person_id}}"
    )
    result = _run("assess", str(manifest), "--format", "json")
    assert result.exit_code == 0, result.stderr
    counts = json.loads(result.stdout)["transfers"][0]["counts"]
    assert (counts["subjects_this"], counts["sensitive_subjects_this"]) == (
        len(people),
        len(sensitive),
    )
    assert "people counted by Spark (exact): SELECT COUNT(DISTINCT `person_id`)" in result.stderr
    assert "people with sensitive PI counted by Spark (exact)" in result.stderr

    manifest = database_manifest(
        tmp_path,
        "{source: 'spark:default.buyers', "
        "subjects: {count_distinct: person_id, approximate: 0.05}}",
    )
    result = _run("assess", str(manifest), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "approximate, relative standard deviation 5.0%" in result.stderr
    assert "approx_count_distinct(`person_id`, rsd=0.05)" in result.stderr
    approx = json.loads(result.stdout)["transfers"][0]["counts"]["subjects_this"]
    assert abs(approx - len(people)) <= 0.15 * len(people)  # three standard deviations

    # A file dataset read through Spark counts with Spark as well.
    csv_path = tmp_path / "buyers.csv"
    with csv_path.open("w", encoding="utf-8") as fh:
        fh.write(",".join(_COLUMNS) + "\n")
        for r in rows:
            fh.write(",".join("" if v is None else v for v in r) + "\n")
    manifest = database_manifest(
        tmp_path,
        f"{{sample: '{csv_path}', engine: spark, count_distinct: person_id, "
        "sensitive_subjects: 0}",
    )
    result = _run("assess", str(manifest), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["transfers"][0]["counts"]["subjects_this"] == len(people)
    assert "people counted by Spark" in result.stderr


def test_no_value_in_output_or_errors(
    spark: Any, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    rows = _customers(200, seed=5)
    csv_path = tmp_path / "leak.csv"
    with csv_path.open("w", encoding="utf-8") as fh:
        fh.write(",".join(_COLUMNS) + "\n")
        for r in rows:
            fh.write(",".join("" if v is None else v for v in r) + "\n")
    raw = [v for r in rows for v in (r[1], r[2], r[3]) if v]
    scanned = _run("scan", "--engine", "spark", "--format", "json", str(csv_path))
    assert scanned.exit_code == 0, scanned.stderr
    # Casting a phone number to a date fails, and Spark's message quotes the value.
    spark.read.option("header", "true").csv(str(csv_path)).createOrReplaceTempView("leaky")
    spark.sql("DROP TABLE IF EXISTS default.leaky")
    spark.table("leaky").write.saveAsTable("default.leaky")
    manifest = database_manifest(
        tmp_path,
        "{source: 'spark:default.leaky', subjects: {expression: 'to_date(phone, \"yyyy-MM-dd\")'}}",
    )
    failed = _run("assess", str(manifest), "--format", "json")
    assert failed.exit_code == 2
    assert "cannot count people in spark:default.leaky" in failed.stderr
    assert "datasets[0].subjects" in failed.stderr
    missing = _run("scan", "--engine", "spark", "spark:crm.no_such_table")
    assert missing.exit_code == 2 and "cannot read spark:crm.no_such_table" in missing.stderr
    captured = capfd.readouterr()
    everything = "\n".join(
        [
            scanned.stdout,
            scanned.stderr,
            failed.stdout,
            failed.stderr,
            missing.stderr,
            captured.out,
            captured.err,
        ]
    )
    leaked = [v for v in raw if v in everything]
    assert not leaked, leaked[:3]


def test_without_pyspark_one_line_names_the_extra(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['pyspark'] = None\n"
        "from dataflow.cli import main\n"
        "sys.argv = ['dataflow', 'scan', '--engine', 'spark', 'spark:db.t']\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and 'pip install "dataflow[spark]"' in lines[0], done.stderr


def test_settings_and_manifest_keys_are_checked(tmp_path: Path) -> None:
    config = tmp_path / "dataflow.yaml"
    config.write_text("engine: hadoop\n", encoding="utf-8")
    result = _run("scan", "--config", str(config), str(tmp_path))
    assert result.exit_code == 2 and "expected local or spark" in result.stderr
    config.write_text("spark_conf: {executor.memory: 4g}\n", encoding="utf-8")
    result = _run("scan", "--config", str(config), str(tmp_path))
    assert result.exit_code == 2 and "spark.* settings" in result.stderr
    result = _run("scan", "spark:crm.customers")
    assert result.exit_code == 2 and "needs --engine spark" in result.stderr
    result = _run("scan", "--engine", "flink", str(tmp_path))
    assert result.exit_code == 2 and "--engine must be one of: local, spark" in result.stderr
    manifest = database_manifest(
        tmp_path,
        "{source: 'sqlite:///x.db', table: t, subjects: {count_distinct: id, approximate: 0.01}}",
    )
    result = _run("assess", str(manifest))
    assert result.exit_code == 2 and "an approximate count needs a spark: source" in result.stderr
    manifest = database_manifest(
        tmp_path, "{source: 'spark:db.t', subjects: {count_distinct: id, approximate: 0.9}}"
    )
    result = _run("assess", str(manifest))
    assert result.exit_code == 2 and "must be from 0.001 to 0.39" in result.stderr
