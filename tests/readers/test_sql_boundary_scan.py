"""Where a run-on statement may be cut: the scan that looks only after line breaks and ``)``
gives the answer of the regular expression searched at every character, on real schema files
and on the places that decide it."""

from __future__ import annotations

from pathlib import Path

import pytest

from dataflow.readers.sql import Statement, split_run_on
from dataflow.readers.sql.statements import _BOUNDARY, _boundary_after_start

ROOT = Path(__file__).resolve().parents[2]
SQL_FILES = sorted([*(ROOT / "tests" / "data").rglob("*.sql"), *(ROOT / "examples").rglob("*.sql")])


def _searched(text: str) -> bool:
    return _BOUNDARY.search(text, 1) is not None


def test_the_repository_has_sql_files_to_compare() -> None:
    assert len(SQL_FILES) >= 10


@pytest.mark.parametrize("path", SQL_FILES, ids=lambda p: p.name)
def test_every_window_of_a_real_file_gets_the_searched_answer(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    windows = [text, *(text[i : i + 600] for i in range(0, len(text), 37))]
    for window in windows:
        assert _boundary_after_start(window) == _searched(window), window[:80]


@pytest.mark.parametrize(
    "text",
    [
        "CREATE TABLE a (x int)\nCREATE TABLE b (y int)",
        "CREATE TABLE a (x int)CREATE TABLE b (y int)",
        "CREATE TABLE a (x int) \t create table b (y int)",
        "CREATE TABLE a (x int)\r\nINSERT INTO a VALUES (1)",
        "CREATE TABLE a (x int)\n  if not exists (select 1)",
        "CREATE TABLE a (x CHAR(18) COMMENT 'id card', y int)",
        "CREATE TABLE a (x int)\nCOMMENT ON TABLE a IS 'people'",
        "CREATE TABLE a (\n  created_at DATETIME,\n  user_name TEXT,\n  comment TEXT\n)",
        "CREATE TABLE a (x int)\nALTER TABLE a ADD y int",
        "CREATE TABLE a (x int)\nALTERNATE",
        "CREATE TABLE a (x int)\nDROP VIEW v",
        "CREATE TABLE a (x int)\nDROPS",
        "CREATE TABLE a (x int)\nCOMMIT",
        "CREATE TABLE a (x int)\nuse shop",
        "CREATE TABLE a (x int)\n",
        "CREATE TABLE a (x int)",
        ")",
        "\n",
        "",
    ],
)
def test_the_places_that_decide_get_the_searched_answer(text: str) -> None:
    assert _boundary_after_start(text) == _searched(text)


def test_a_table_with_commented_columns_stays_whole_and_run_on_ones_are_cut() -> None:
    one = (
        "CREATE TABLE shop.customer (\n  id BIGINT PRIMARY KEY COMMENT '客户编号',\n"
        "  id_card CHAR(18) COMMENT '身份证号',\n  created_at DATETIME\n)"
    )
    assert [p.text for p in split_run_on(Statement(0, 0, len(one), one))] == [one]
    two = one + "\nCREATE TABLE shop.orders (id BIGINT)"
    pieces = split_run_on(Statement(0, 0, len(two), two))
    assert [p.text for p in pieces] == [one, "CREATE TABLE shop.orders (id BIGINT)"]
