"""The baseline file: deterministic, keyed by (file, pointer, element), reasons kept, re-grading."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from builders import customers, scan_result

from dataflow.baseline import (
    Baseline,
    dumps_baseline,
    load_baseline,
    unaccepted,
    updated,
    write_baseline,
)
from dataflow.errors import ConfigError
from dataflow.model import Grade, ScanResult


def _result(tmp_path: Path, **kwargs: object) -> ScanResult:
    schema = tmp_path / "schemas" / "shop.sql"
    schema.parent.mkdir(exist_ok=True)
    schema.touch()
    return ScanResult(datasets=(customers(str(schema), **kwargs),), files_scanned=1)  # type: ignore[arg-type]


def test_every_pi_finding_is_new_without_a_baseline(tmp_path: Path) -> None:
    refused = unaccepted(_result(tmp_path), Baseline(), tmp_path)
    assert [u.key for u in refused] == [
        ("schemas/shop.sql", "customers.xm", "pi.identity.name"),
        ("schemas/shop.sql", "customers.sjhm", "pi.contact.mobile"),
        ("schemas/shop.sql", "customers.sfzh", "pi.identity.resident_id"),
    ]
    assert all(u.previous is None for u in refused)


def test_update_then_nothing_is_refused_and_the_file_is_stable(tmp_path: Path) -> None:
    result = _result(tmp_path)
    base, added, removed = updated(Baseline(), result, tmp_path, reason="reviewed by DPO")
    assert (len(base), added, removed) == (3, 3, 0)
    assert unaccepted(result, base, tmp_path) == []
    path = tmp_path / ".dataflow-baseline.yaml"
    write_baseline(path, base)
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert {k for e in data["accepted"] for k in e} == {
        "file",
        "pointer",
        "element",
        "grade",
        "reason",
        "file_hash",
    }  # no line numbers, no timestamps
    assert "reviewed by DPO" in text
    # the file lists entries sorted by key, and re-writing a loaded file changes nothing
    loaded = load_baseline(path)
    assert dumps_baseline(loaded) == text
    pointers = [ln.split(": ", 1)[1] for ln in text.splitlines() if "pointer:" in ln]
    assert pointers == sorted(pointers)
    again, added, removed = updated(loaded, result, tmp_path, reason="another reason")
    assert (added, removed) == (0, 0)
    assert dumps_baseline(again) == text  # existing reasons kept


def test_a_regraded_element_is_refused_again(tmp_path: Path) -> None:
    base, _, _ = updated(Baseline(), _result(tmp_path), tmp_path, reason="ok")
    regraded = _result(tmp_path, id_grade=Grade.IMPORTANT)
    refused = unaccepted(regraded, base, tmp_path)
    assert len(refused) == 1
    assert refused[0].key[1] == "customers.sfzh"
    assert refused[0].previous is not None and refused[0].previous.grade == "general-4"
    new, _, _ = updated(base, regraded, tmp_path)
    assert unaccepted(regraded, new, tmp_path) == []
    entry = new.entries[refused[0].key]
    assert (entry.grade, entry.reason) == ("important", "ok")


class _Catalog:
    def __init__(self, version: str) -> None:
        self.version = version

    def element_version(self, element: str) -> str:
        return self.version if element == "pi.contact.mobile" else "1"


def test_a_new_element_version_is_refused_again(tmp_path: Path) -> None:
    result = _result(tmp_path)
    base, _, _ = updated(Baseline(), result, tmp_path, catalog=_Catalog("1"))
    assert unaccepted(result, base, tmp_path, _Catalog("1")) == []
    refused = unaccepted(result, base, tmp_path, _Catalog("2"))
    assert [u.key[2] for u in refused] == ["pi.contact.mobile"]
    assert refused[0].current_version == "2"


@pytest.mark.parametrize("allowed", ["pi.contact.mobile", "pi.contact", "pi"])
def test_inline_allow_accepts_the_element_or_its_category(tmp_path: Path, allowed: str) -> None:
    result = _result(tmp_path, mobile_allow=((allowed, "support line"),))
    refused = unaccepted(result, Baseline(), tmp_path)
    assert "customers.sjhm" not in {u.key[1] for u in refused}
    _, added, _ = updated(Baseline(), result, tmp_path)
    assert added == 2  # the allowed column needs no baseline entry


def test_inline_allow_of_another_element_does_not_accept(tmp_path: Path) -> None:
    result = _result(tmp_path, mobile_allow=(("pi.contact.email", "wrong element"),))
    assert "customers.sjhm" in {u.key[1] for u in unaccepted(result, Baseline(), tmp_path)}


def test_update_drops_gone_findings_of_scanned_files_and_keeps_others(tmp_path: Path) -> None:
    result = _result(tmp_path)
    base, _, _ = updated(Baseline(), result, tmp_path, reason="r")
    other = dataclasses.replace(
        next(iter(base.entries.values())), file="other/kept.sql", reason="elsewhere"
    )
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "kept.sql").touch()
    gone = dataclasses.replace(other, file="deleted/file.sql")
    base = Baseline({**base.entries, other.key: other, gone.key: gone})
    ds = result.datasets[0]
    without_mobile = dataclasses.replace(
        ds, findings=tuple(f for f in ds.findings if f.field.name != "sjhm")
    )
    new, added, removed = updated(
        base, dataclasses.replace(result, datasets=(without_mobile,)), tmp_path
    )
    files = sorted({k[0] for k in new.entries})
    assert files == ["other/kept.sql", "schemas/shop.sql"]
    assert (added, removed) == (0, 2)
    assert "customers.sjhm" not in {k[1] for k in new.entries}


def test_broken_baseline_files_are_config_errors_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / ".dataflow-baseline.yaml"
    path.write_text(
        "schema_version: 1\naccepted:\n  - file: a.sql\n    pointer: t.c\n"
        "    element: pi.contact.mobile\n    reasn: typo\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        load_baseline(path)
    assert ".dataflow-baseline.yaml:6" in str(info.value)
    assert "reasn" in str(info.value)
    path.write_text("schema_version: 2\naccepted: []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="schema_version"):
        load_baseline(path)
    assert len(load_baseline(tmp_path / "missing.yaml")) == 0


def test_scan_builders_result_has_no_pi_in_the_dictionary_table() -> None:
    result = scan_result()
    regions = next(d for d in result.datasets if d.dataset.name == "dict_region")
    assert not any(f.personal for f in regions.findings)
