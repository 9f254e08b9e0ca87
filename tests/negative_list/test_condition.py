"""One ``Condition`` for catalog escalation rules and negative-list entries; the sector key is
read in both spellings (``sector`` as negative lists write it, ``sectors`` as catalogs do)."""

from __future__ import annotations

from pathlib import Path

from dataflow import negative_list
from dataflow.catalog import Condition as CatalogCondition
from dataflow.catalog import load_catalog, validate_files
from dataflow.condition import Condition
from dataflow.negative_list import Condition as ListCondition

LIST = """\
schema_version: 1
list:
  id: spelling-list
  title: Spelling
  jurisdiction: organisation
  version: "1"
  effective_from: 2026-01-01
  sources: [internal]
  verified: false
entries:
  - id: SP-1
    condition: {{categories_any: [pi.health], {key}: [healthcare]}}
    required_mechanism: security_assessment
    message: m
"""

CATALOG = """\
schema_version: 1
escalations:
  - id: esc.spelling
    to: general-4
    when: {{elements_any: [pi.contact.mobile], {key}: [automotive]}}
    reason: r
    reference: internal
"""


def _entry_condition(tmp_path: Path, key: str) -> Condition | None:
    path = tmp_path / f"{key}.yaml"
    path.write_text(LIST.format(key=key), encoding="utf-8")
    lst, errors, _ = negative_list.load_list_file(path)
    assert not errors, [p.render() for p in errors]
    assert lst is not None
    return lst.entries[0].condition


def test_one_class_for_both() -> None:
    assert CatalogCondition is ListCondition is Condition


def test_a_negative_list_reads_sector_and_sectors_alike(tmp_path: Path) -> None:
    one = _entry_condition(tmp_path, "sector")
    other = _entry_condition(tmp_path, "sectors")
    assert one == other
    assert one is not None and one.sectors == ("healthcare",)
    assert one.parts() == ("categories_any: [pi.health]", "sector: [healthcare]")
    ctx = negative_list.MatchContext(categories={"pi.health": ("t.a",)}, sector="healthcare")
    assert negative_list.evaluate(one, ctx)[0]
    other_sector = negative_list.MatchContext(categories={"pi.health": ("t.a",)}, sector="retail")
    assert not negative_list.evaluate(one, other_sector)[0]


def test_a_catalog_reads_sectors_and_sector_alike(tmp_path: Path) -> None:
    rules = {}
    for key in ("sectors", "sector"):
        path = tmp_path / f"{key}.yaml"
        path.write_text(CATALOG.format(key=key), encoding="utf-8")
        rules[key] = load_catalog([path]).escalation("esc.spelling").when
    assert rules["sector"] == rules["sectors"]
    assert rules["sector"].render() == "elements_any: [pi.contact.mobile]; sectors: [automotive]"


def test_both_spellings_at_once_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "both.yaml"
    path.write_text(LIST.format(key="sector: [a], sectors"), encoding="utf-8")
    lst, errors, _ = negative_list.load_list_file(path)
    assert lst is None and any("not both" in p.message for p in errors)
    catalog = tmp_path / "both-catalog.yaml"
    catalog.write_text(CATALOG.format(key="sector: [automotive], sectors"), encoding="utf-8")
    problems = validate_files([catalog])
    assert any("not both" in p.message and p.line == 5 for p in problems)
