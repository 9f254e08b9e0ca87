"""Dates as other tools write them (quoted ISO strings) in every file with dates, and transfer
manifests written as JSON: both load, and what is not a date is still refused with its file,
line and key path."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from dataflow.errors import CatalogError, ManifestError
from dataflow.manifest import load_manifest
from dataflow.yamlio import as_date

REPO = Path(__file__).resolve().parent.parent.parent
EXAMPLE = REPO / "examples" / "transfer.yaml"


def _quoted_dates(text: str) -> str:
    """The example manifest as an emitter that quotes dates writes it."""
    data = yaml.safe_load(text)
    t = data["transfer"]
    t["date"] = t["date"].isoformat()
    for approval in t.get("existing_approvals", ()):
        for key in ("issued", "valid_until"):
            if key in approval:
                approval[key] = approval[key].isoformat()
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_as_date_reads_yaml_dates_and_iso_strings_only() -> None:
    assert as_date(dt.date(2026, 12, 1)) == dt.date(2026, 12, 1)
    assert as_date("2026-12-01") == as_date(" 2026-12-01 ") == dt.date(2026, 12, 1)
    for bad in ("2026-02-30", "20261201", "2026-12-01T10:00", "1 Dec 2026", 20261201, None):
        assert as_date(bad) is None
    assert as_date(dt.datetime(2026, 12, 1, 10, 0)) == dt.date(2026, 12, 1)  # a YAML timestamp


def test_a_manifest_with_quoted_dates_and_one_in_json_assess_alike(tmp_path: Path) -> None:
    quoted = _quoted_dates(EXAMPLE.read_text(encoding="utf-8"))
    assert "date: '2026-11-30'" in quoted
    data = yaml.safe_load(quoted)
    manifests = {
        "yaml": EXAMPLE,
        "quoted.yaml": EXAMPLE.parent / "quoted-dates.yaml",
        "json": EXAMPLE.parent / "as-json.json",
    }
    manifests["quoted.yaml"].write_text(quoted, encoding="utf-8")
    manifests["json"].write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    try:
        loaded = {name: load_manifest(path) for name, path in manifests.items()}
        assert loaded["yaml"][0].date == loaded["json"][0].date == dt.date(2026, 11, 30)
        same = {name: [replace(t, path="") for t in ts] for name, ts in loaded.items()}
        assert same["yaml"] == same["quoted.yaml"] == same["json"]
        reports = {}
        for name, path in manifests.items():
            run = subprocess.run(
                [sys.executable, "-m", "dataflow", "assess", str(path), "--format", "json"],
                capture_output=True,
                text=True,
                check=False,
            )
            assert run.returncode in (0, 1), run.stderr
            reports[name] = json.loads(run.stdout)
        texts = {
            name: json.dumps(report, sort_keys=True).replace(manifests[name].name, "M")
            for name, report in reports.items()
        }
        assert texts["yaml"] == texts["quoted.yaml"] == texts["json"]
    finally:
        for name in ("quoted.yaml", "json"):
            manifests[name].unlink(missing_ok=True)


@pytest.mark.parametrize(
    ("value", "message"),
    [("'2026-13-01'", "is not a calendar date"), ("'next week'", "got a string")],
)
def test_what_is_not_a_date_is_refused_with_file_line_and_key(
    tmp_path: Path, value: str, message: str
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("date: 2026-11-30", f"date: {value}", 1)
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError) as info:
        load_manifest(path)
    line = next(i for i, s in enumerate(text.splitlines(), 1) if s.lstrip().startswith("date:"))
    assert (info.value.key, info.value.line) == ("transfer.date", line)
    assert message in info.value.message


def test_json_manifest_errors_name_the_line(tmp_path: Path) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["transfer"]["date"] = "2026-11-31"
    text = json.dumps(data, indent=2, default=str)
    path = tmp_path / "t.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError) as info:
        load_manifest(path)
    line = next(i for i, s in enumerate(text.splitlines(), 1) if '"date": "2026-11-31"' in s)
    assert (info.value.key, info.value.line) == ("transfer.date", line)
    assert str(info.value).startswith(f"{path}:{line}: transfer.date: ")
    path.write_text(text.replace('"purpose"', '"purpose" "x"', 1), encoding="utf-8")
    with pytest.raises(ManifestError) as info:
        load_manifest(path)
    bad = next(i for i, s in enumerate(text.splitlines(), 1) if '"purpose"' in s)
    assert info.value.line == bad and "invalid JSON" in info.value.message
    path.write_text('{"schema_version": 1, "schema_version": 1}', encoding="utf-8")
    with pytest.raises(ManifestError, match="duplicate key"):
        load_manifest(path)


def test_rule_packs_and_negative_lists_take_quoted_dates(tmp_path: Path) -> None:
    from dataflow.negative_list import load_list_file
    from dataflow.paths import negative_lists_dir
    from dataflow.rules import load_packs, shipped_pack_paths

    rules = shipped_pack_paths()
    quoted = []
    for src in rules:
        text = src.read_text(encoding="utf-8")
        new = _quote_date_values(text)
        assert new != text
        out = tmp_path / src.name
        out.write_text(new, encoding="utf-8")
        quoted.append(out)
    mine = [replace(p, path="") for p in load_packs(quoted, include_shipped=False)]
    assert mine == [replace(p, path="") for p in load_packs(rules, include_shipped=False)]
    bad = tmp_path / rules[0].name
    bad.write_text(
        _quote_date_values(rules[0].read_text(encoding="utf-8"), "2024-02-30"), encoding="utf-8"
    )
    with pytest.raises(CatalogError, match="is not a calendar date") as info:
        load_packs([bad], include_shipped=False)
    assert info.value.path == str(bad) and info.value.line and info.value.key
    for src in sorted(negative_lists_dir().glob("*.yaml")):
        out = tmp_path / "lists" / src.name
        out.parent.mkdir(exist_ok=True)
        out.write_text(_quote_date_values(src.read_text(encoding="utf-8")), encoding="utf-8")
        mine, errors, _ = load_list_file(out)
        theirs, _, _ = load_list_file(src)
        assert not errors and mine is not None and theirs is not None
        assert mine.effective_from == theirs.effective_from
        assert [(e.effective_from, e.effective_to) for e in mine.entries] == [
            (e.effective_from, e.effective_to) for e in theirs.entries
        ]


def _quote_date_values(text: str, replacement: str | None = None) -> str:
    import re

    return re.sub(
        r"(:\s*)(\d{4}-\d{2}-\d{2})(\s*(#.*)?)$",
        lambda m: f"{m.group(1)}'{replacement or m.group(2)}'{m.group(3)}",
        text,
        flags=re.MULTILINE,
    )
