"""``dataflow init``: a commented configuration that loads, a manifest, no silent overwrite."""

from __future__ import annotations

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


def test_init_manifest_is_accepted_by_the_manifest_loader(tmp_path: Path) -> None:
    from dataflow.manifest import load_manifest

    CliRunner().invoke(app, ["init", str(tmp_path)])
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "shop_mysql.sql").write_text(
        "CREATE TABLE customers (sjhm VARCHAR(20) COMMENT '手机号');\n"
        "CREATE TABLE orders (id INT);\n",
        encoding="utf-8",
    )
    transfers = load_manifest(tmp_path / "transfer.yaml")
    assert [t.id for t in transfers] == ["TX-2026-0001"]
