"""Sensitivity per standard (catalogs/sensitivity.yaml): picked by date in scan and assess.

GB/T 45574-2025 applies from 2025-11-01; the shipped data records that it no longer counts the
resident ID number itself as sensitive (tag C). With ``sensitivity_downgrades: true`` the element
changes sensitivity on that day; by default it stays sensitive and the evidence says why.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from builders import run

from dataflow import sensitivity
from dataflow.catalog import CatalogValidationError, load_catalog
from dataflow.catalog import cache as catalog_mod

BEFORE = "2025-10-31"
AFTER = "2025-11-01"
ID = "pi.identity.resident_id"

DDL = """CREATE TABLE members (
  id BIGINT PRIMARY KEY COMMENT '主键',
  xm VARCHAR(50) COMMENT '姓名',
  sfzh CHAR(18) COMMENT '身份证号码',
  sfz_zm VARCHAR(200) COMMENT '身份证正面照片'
);
"""


DDL_NUMBER_ONLY = "\n".join(line for line in DDL.splitlines() if "sfz_zm" not in line).replace(
    "'身份证号码',", "'身份证号码'"
)


@pytest.fixture(autouse=True)
def _isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "cwd"
    work.mkdir()
    (work / ".git").mkdir()  # no project configuration above
    monkeypatch.chdir(work)


def _config(tmp_path: Path, downgrades: bool) -> Path:
    path = tmp_path / "dataflow.yaml"
    path.write_text(f"sensitivity_downgrades: {str(downgrades).lower()}\n", encoding="utf-8")
    return path


def _field(report: dict, name: str) -> dict:
    for dataset in report["datasets"]:
        for fld in dataset["fields"]:
            if fld["name"] == name:
                return fld
    raise AssertionError(f"no field {name}")


def test_standard_in_force_by_date() -> None:
    cat = load_catalog()
    assert sensitivity.standard_in_force(cat, dt.date(2025, 10, 31)).id == "gb-t-35273-2020"
    assert sensitivity.standard_in_force(cat, dt.date(2025, 11, 1)).id == "gb-t-45574-2025"
    # The TC260 guide is shown, never applied by date.
    assert sensitivity.standard_in_force(cat, dt.date(2025, 1, 1)).id == "gb-t-35273-2020"
    assert sensitivity.standard_in_force(cat, dt.date(2019, 1, 1)) is None


def test_element_changes_at_2025_11_01_with_downgrades() -> None:
    cat = load_catalog()
    before = sensitivity.at(cat, dt.date(2025, 10, 31), downgrades=True).elements[ID]
    after = sensitivity.at(cat, dt.date(2025, 11, 1), downgrades=True).elements[ID]
    assert before.sensitive and before.sensitive_group == "specific_identity"
    assert before.grade.label == "general-4"
    assert not after.sensitive and after.sensitive_group is None
    assert after.grade.label == "general-3"
    assert "gb-t-45574-2025" in after.sensitivity_evidence.en
    assert "sensitivity_downgrades is true" in after.sensitivity_evidence.en
    assert "gb-t-35273-2020" in before.sensitivity_evidence.en
    # The loaded catalog itself is never changed.
    assert cat.elements[ID].sensitive


def test_default_keeps_the_catalog_sensitivity_and_says_so() -> None:
    kept = sensitivity.at(load_catalog(), dt.date(2025, 11, 1)).elements[ID]
    assert kept.sensitive
    assert "sensitivity_downgrades" in kept.sensitivity_evidence.en
    assert "gb-t-45574-2025" in kept.sensitivity_evidence.en


def test_changes_lists_the_resident_id_with_tags() -> None:
    found = dict(sensitivity.changes(load_catalog()))
    assert ID in found
    row = {std.id: (sensitive, tag) for std, sensitive, _, tag in found[ID]}
    assert row == {
        "gb-t-35273-2020": (True, "K"),
        "tc260-pg-20244a": (False, "C"),
        "gb-t-45574-2025": (False, "C"),
    }
    # Elements whose rulings agree are not listed.
    assert "pi.location.track" not in found
    assert "pi.identity.id_card_image" not in found
    assert set(found) == {
        ID,
        "pi.other.marital",
        "pi.financial.balance",
        "pi.financial.real_estate",
        "pi.financial.transaction",
        "pi.health.physiological",
    }


@pytest.mark.parametrize(
    ("as_of", "sensitive", "standard"),
    [(BEFORE, True, "gb-t-35273-2020"), (AFTER, False, "gb-t-45574-2025")],
)
def test_scan_as_of_either_side(tmp_path: Path, as_of: str, sensitive: bool, standard: str) -> None:
    ddl = tmp_path / "members.sql"
    ddl.write_text(DDL, encoding="utf-8")
    config = _config(tmp_path, downgrades=True)
    code, out, err = run(
        "scan", str(ddl), "--format", "json", "--as-of", as_of, "--config", str(config)
    )
    assert code == 0, err
    report = json.loads(out)
    fld = _field(report, "sfzh")
    assert fld["element"] == ID
    assert fld["sensitive"] is sensitive
    assert any(standard in ev["detail"] for ev in fld["evidence"])
    # The image of the card stays sensitive under every standard.
    image = _field(report, "sfz_zm")
    assert image["element"] == "pi.identity.id_card_image"
    assert image["sensitive"] is True
    assert any(standard in ev["detail"] for ev in image["evidence"])


def test_scan_rejects_a_bad_as_of(tmp_path: Path) -> None:
    ddl = tmp_path / "members.sql"
    ddl.write_text(DDL, encoding="utf-8")
    code, _, err = run("scan", str(ddl), "--as-of", "2025-13-01")
    assert code == 2
    assert "--as-of" in err


def _manifest(tmp_path: Path, date: str) -> Path:
    schema = tmp_path / "members.sql"
    schema.write_text(DDL_NUMBER_ONLY, encoding="utf-8")
    path = tmp_path / f"transfer-{date}.yaml"
    path.write_text(
        f"""schema_version: 1
transfer:
  id: TX-{date}
  date: {date}
  exporter: {{name: Shop Ltd, ciio: false, state_organ: false}}
  recipient: {{name: Shop GmbH, country: DE, restricted_list: false, judicial_or_law_enforcement: false}}
  purpose: customer support
  scenario: none
  sector: retail
  datasets:
    - schema: members.sql
      tables: [members]
      subjects: 5000
  prior_exports: {{subjects: 0, sensitive_subjects: 0}}
""",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("date", "mechanism"),
    [(BEFORE, "standard_contract_or_certification"), (AFTER, "exempt")],
)
def test_assess_by_transfer_date_either_side(tmp_path: Path, date: str, mechanism: str) -> None:
    config = _config(tmp_path, downgrades=True)
    code, out, err = run(
        "assess", str(_manifest(tmp_path, date)), "--format", "json", "--config", str(config)
    )
    assert code in (0, 1), err
    report = json.loads(out)
    assert report["transfers"][0]["mechanism"] == mechanism
    assert _field(report.get("scan", report), "sfzh")["sensitive"] is (mechanism != "exempt")


def test_assess_as_of_overrides_the_transfer_date(tmp_path: Path) -> None:
    config = _config(tmp_path, downgrades=True)
    manifest = _manifest(tmp_path, AFTER)
    code, out, err = run(
        "assess", str(manifest), "--format", "json", "--as-of", BEFORE, "--config", str(config)
    )
    assert code in (0, 1), err
    assert json.loads(out)["transfers"][0]["mechanism"] == "standard_contract_or_certification"


def test_assess_default_keeps_id_numbers_sensitive(tmp_path: Path) -> None:
    code, out, err = run("assess", str(_manifest(tmp_path, AFTER)), "--format", "json")
    assert code in (0, 1), err
    report = json.loads(out)
    assert report["transfers"][0]["mechanism"] == "standard_contract_or_certification"


def test_catalog_show_lists_every_standard_and_changes_list() -> None:
    code, out, err = run("catalog", "show", ID)
    assert code == 0, err
    for sid in ("gb-t-35273-2020", "tc260-pg-20244a", "gb-t-45574-2025"):
        assert sid in out
    assert "[C]" in out and "[K]" in out
    code, out, err = run("catalog", "list", "--sensitivity-changes")
    assert code == 0, err
    assert ID in out
    assert "pi.contact.mobile" not in out


def test_a_ruling_naming_an_unknown_standard_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "schema_version: 1\nsensitivity:\n  - element: pi.contact.mobile\n"
        "    standards:\n      no-such-standard: {sensitive: false, tag: K}\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogValidationError) as info:
        load_catalog([bad])
    assert any(
        p.path == str(bad) and "no-such-standard" in p.message and p.line == 5
        for p in info.value.problems
    )


def test_disk_cache_key_includes_the_sensitivity_file(tmp_path: Path) -> None:
    shipped = catalog_mod.shipped_files()
    assert any(p.name == "sensitivity.yaml" for p in shipped)
    copies = []
    for p in shipped:
        target = tmp_path / p.name
        shutil.copy(p, target)
        copies.append(str(target))
    key = catalog_mod._disk_entry(copies)
    sens = tmp_path / "sensitivity.yaml"
    sens.write_text(sens.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert catalog_mod._disk_entry(copies) != key
