"""dbt's project files (``dbt_project.yml``, ``packages.yml``, ``profiles.yml``,
``selectors.yml``) hold no dataset: each is listed with a note saying so, not reported as a
file dataflow cannot read, and the property files of the project are read as before."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dataflow.cli import app
from dataflow.scan import ScanOptions, scan_paths

_FILES = {
    "dbt_project.yml": (
        "name: 'clinic'\nversion: '1.0.0'\nprofile: 'clinic'\n"
        "models:\n  clinic:\n    +materialized: view\n"
    ),
    "packages.yml": "packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.1.1\n",
    "profiles.yml": (
        "clinic:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
        "      path: clinic.duckdb\n"
    ),
    "selectors.yml": (
        "selectors:\n  - name: nightly\n    definition:\n      method: tag\n      value: nightly\n"
    ),
    "models/schema.yml": (
        "version: 2\nmodels:\n  - name: visits\n    columns:\n      - name: patient_name\n"
        "      - name: visited_on\n"
    ),
    # a file named like dbt's but holding something else is not taken for one
    "other/packages.yml": "apt:\n  - curl\n",
}


def _write(folder: Path) -> None:
    for name, text in _FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def test_project_files_are_listed_with_a_note(tmp_path: Path) -> None:
    _write(tmp_path / "clinic")
    result = scan_paths([tmp_path / "clinic"], ScanOptions(content=False))
    assert [d.dataset.name for d in result.datasets] == ["visits"]
    seen = sorted(
        (Path(p.path).relative_to(tmp_path / "clinic").as_posix(), p.severity.value, p.message)
        for p in result.problems
    )
    note = "dbt project file: holds no dataset (the property files of the project are read)"
    assert seen == [
        ("dbt_project.yml", "info", note),
        (
            "other/packages.yml",
            "warning",
            "not a format dataflow reads; skipped (use --schema-format to force one)",
        ),
        ("packages.yml", "info", note),
        ("profiles.yml", "info", note),
        ("selectors.yml", "info", note),
    ]


def test_a_project_file_named_alone_is_a_note_in_the_json_and_no_error(tmp_path: Path) -> None:
    _write(tmp_path / "clinic")
    out = CliRunner().invoke(
        app, ["scan", str(tmp_path / "clinic" / "dbt_project.yml"), "--format", "json"]
    )
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    assert [(p["severity"], p["line"]) for p in doc["problems"]] == [("info", None)]
    assert doc["summary"]["problems"] == {"error": 0, "warning": 0}
