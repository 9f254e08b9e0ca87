"""Terminal tables in English and Chinese: PI rows, dataset summaries, assess verdict first."""

from __future__ import annotations

from builders import assess_result, scan_result

from dataflow.report import render


def test_scan_table_lists_pi_fields_and_summaries() -> None:
    text = render(scan_result(), "table")
    assert "customers (schemas/shop.sql, sql): grade general-4" in text
    assert "3 personal field(s), 1 sensitive" in text
    for pointer in ("customers.xm", "customers.sjhm", "customers.sfzh"):
        assert pointer in text
    assert "customers.order_count" not in text  # not PI: no row
    assert "dict_region" in text and "no personal information found" in text
    assert "139****0123" in text  # masked example shown
    assert "raised to general-4" in text
    assert "error: schemas/broken.sql:3:14: unterminated string" in text
    assert text.rstrip().splitlines()[-1].startswith("3 file(s), 2 dataset(s), 3 personal")


def test_scan_table_in_chinese() -> None:
    text = render(scan_result(), "table", "zh")
    assert "字段" in text and "要素" in text and "级别" in text
    assert "未发现个人信息" in text
    assert "个人信息字段 3 个" in text
    assert "grade" not in text


def test_assess_table_puts_the_verdict_first() -> None:
    text = render(assess_result(), "table")
    lines = text.splitlines()
    assert lines[0] == "TX-2026-0042: CAC security assessment (risk: high)"
    order = [
        text.index("why:"),
        text.index("negative-list hits:"),
        text.index("obligations:"),
        text.index("to lighten the mechanism:"),
        text.index("customers (schemas/shop.sql"),
    ]
    assert order == sorted(order)
    assert "[Provisions Art. 7(2)]" in text
    assert "ACME-001" in text and "PIPL Art. 55" in text
    assert "Drop the ID card column" in text


def test_assess_table_in_chinese() -> None:
    text = render(assess_result(), "table", "zh")
    assert text.splitlines()[0] == "TX-2026-0042：数据出境安全评估（风险：高）"
    assert "删除身份证号字段" in text and "开展个人信息保护影响评估" in text


def test_table_names_elements_and_categories_from_the_catalog() -> None:
    from dataflow.catalog import load_catalog

    catalog = load_catalog()
    text = render(scan_result(), "table", "zh", catalog=catalog)
    # Chinese names in full-width parentheses, categories joined by 、
    assert f"pi.contact.mobile（{catalog.element_name('pi.contact.mobile', 'zh')}）" in text
    assert f"pi.contact（{catalog.category_name('pi.contact', 'zh')}）" in text
    english = render(scan_result(), "table", "en", catalog=catalog)
    assert f"({catalog.element_name('pi.contact.mobile', 'en')})" in english


def test_chinese_tables_are_aligned_by_display_width() -> None:
    from rich.cells import cell_len

    from dataflow.catalog import load_catalog

    text = render(scan_result(), "table", "zh", catalog=load_catalog())
    rows = [line for line in text.splitlines() if "general-" in line and "customers." in line]
    assert len(rows) == 3
    offsets = {cell_len(line[: line.index("general-")]) for line in rows}
    assert len(offsets) == 1, "the grade column starts at the same screen column in every row"
