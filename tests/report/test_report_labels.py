"""Element and category names in the reports come from the catalogs, also when a renderer is
called without one (the shipped catalog then names them); no renderer keeps its own copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from dataflow.catalog import load_catalog
from dataflow.report.labels import Labels

REPORT = Path(__file__).resolve().parent.parent.parent / "dataflow" / "report"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_names_without_a_catalog_are_the_shipped_catalogs(lang: str) -> None:
    catalog = load_catalog()
    given, shipped = Labels(lang, catalog), Labels(lang)
    elements = sorted(catalog.elements)
    assert len(elements) > 16
    for element_id in elements:
        assert shipped.element(element_id) == given.element(element_id)
        assert shipped.element(element_id) == catalog.element_name(element_id, lang)
    categories = sorted({e.rsplit(".", 1)[0] for e in elements})
    for category_id in categories:
        assert shipped.category(category_id) == catalog.category_name(category_id, lang)
    assert shipped.element("pi.nowhere.nothing") == "pi.nowhere.nothing"
    assert shipped.element(None) == shipped.category(None) == "-"


def test_no_renderer_spells_element_names_itself() -> None:
    for path in REPORT.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "居民身份证号码" not in text and "统一社会信用代码" not in text, path.name
