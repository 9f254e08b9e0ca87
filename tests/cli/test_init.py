"""``dataflow init``: a commented configuration that loads, a manifest, no silent overwrite."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dataflow.cli import app
from dataflow.config import load_settings
from dataflow.yamlio import load_yaml


def test_init_writes_files_that_load(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    config = tmp_path / "dataflow.yaml"
    manifest = tmp_path / "transfer.yaml"
    assert "#" in config.read_text(encoding="utf-8")  # commented
    settings = load_settings(cwd=tmp_path)
    assert settings.source == str(config)
    assert settings.fail_on == "general-4"
    assert settings.lang == "en"
    assert settings.baseline == tmp_path / ".dataflow-baseline.yaml"
    doc = load_yaml(manifest)
    assert doc.data["schema_version"] == 1
    transfer = doc.data["transfer"]
    assert {"id", "date", "exporter", "recipient", "scenario", "datasets"} <= set(transfer)


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    config = tmp_path / "dataflow.yaml"
    config.write_text("lang: zh\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert "dataflow.yaml" in result.stderr and "--force" in result.stderr
    assert config.read_text(encoding="utf-8") == "lang: zh\n"
    assert not (tmp_path / "transfer.yaml").exists(), "nothing is written when one file exists"
    result = CliRunner().invoke(app, ["init", str(tmp_path), "--force"])
    assert result.exit_code == 0
    assert "fail_on" in config.read_text(encoding="utf-8")
    assert (tmp_path / "transfer.yaml").is_file()


def test_init_then_assess_works_on_the_first_try(tmp_path: Path) -> None:
    from dataflow.manifest import load_manifest

    result = CliRunner().invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert f"dataflow assess {tmp_path / 'transfer.yaml'}" in result.stderr, "says what's next"
    assert (tmp_path / "schemas" / "shop_mysql.sql").is_file()
    transfers = load_manifest(tmp_path / "transfer.yaml")
    assert [t.id for t in transfers] == ["TX-2026-0001"]
    assessed = CliRunner().invoke(
        app, ["assess", str(tmp_path / "transfer.yaml"), "--format", "json"]
    )
    assert assessed.exit_code == 0, assessed.stderr
    (transfer,) = json.loads(assessed.stdout)["transfers"]
    # 50,000 people's name, mobile, e-mail and address, no sensitive PI: below every threshold.
    assert transfer["mechanism"] == "exempt" or transfer["mechanism"].startswith("standard")
    report = json.loads(assessed.stdout)
    fields = {f["pointer"] for d in report["datasets"] for f in d["fields"] if f["personal"]}
    assert {"customers.mobile", "customers.email", "orders.delivery_address"} <= fields


def test_init_settings_fit_ci(tmp_path: Path) -> None:
    """The written configuration makes assess fail on critical risk, the ledger path matches
    the README's default, and the exporter's free-trade zone is written as YAML null."""
    CliRunner().invoke(app, ["init", str(tmp_path)])
    settings = load_settings(cwd=tmp_path)
    assert settings.assess_fail_on == "critical"
    assert settings.ledger == tmp_path / "dataflow-ledger.sqlite"
    assert load_yaml(tmp_path / "transfer.yaml").data["transfer"]["exporter"]["ftz"] is None


def test_init_refusal_says_what_is_there_in_both_languages(tmp_path: Path) -> None:
    CliRunner().invoke(app, ["init", str(tmp_path)])
    result = CliRunner().invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert "already there (3 file(s)); nothing was written" in result.stderr
    assert "exist(s)" not in result.stderr
    result = CliRunner().invoke(app, ["init", str(tmp_path), "--lang", "zh"])
    assert "未写入任何文件" in result.stderr


def test_init_configuration_makes_assess_fail_on_critical_risk(tmp_path: Path) -> None:
    from conftest import EXAMPLES

    CliRunner().invoke(app, ["init", str(tmp_path)])
    args = ["assess", str(EXAMPLES / "transfer.yaml"), "--ledger", str(tmp_path / "l.sqlite")]
    plain = CliRunner().invoke(app, args)
    assert plain.exit_code == 0, plain.stderr  # default: only a blocked transfer fails
    configured = CliRunner().invoke(app, [*args, "--config", str(tmp_path / "dataflow.yaml")])
    assert configured.exit_code == 1, configured.stderr
    assert "fail-on critical" in configured.stderr
