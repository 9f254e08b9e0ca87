"""SQL installers of PHP applications name each table with a placeholder for the site's table
prefix (``{PREFIX}authors``, ``%PREFIX%users``, ``${prefix}orders``, Joomla's ``#__users``):
the tables are read under the rest of their names, with one warning per file."""

from __future__ import annotations

from pathlib import Path

import pytest

from dataflow.i18n import msg
from dataflow.model import Problem, Severity
from dataflow.readers import read_path
from dataflow.readers.sql.parse import without_table_prefix

DATA = Path(__file__).parent.parent / "data" / "readers" / "table_prefix"


def _read(name: str) -> tuple[dict[str, list[str]], list[Problem]]:
    result = read_path(DATA / name)
    tables = {d.name: [f.name for f in d.fields] for d in result.datasets}
    return tables, list(result.problems)


def _prefix_warnings(problems: list[Problem], placeholder: str) -> list[Problem]:
    text = msg("p.sql_table_prefix", placeholder=placeholder)
    return [p for p in problems if p.message == text and p.severity is Severity.WARNING]


def test_joomla_tables_are_read_without_the_hash_prefix() -> None:
    tables, problems = _read("joomla_install.sql")
    assert tables == {
        "contact_details": ["id", "name", "email_to", "telephone", "user_id"],
        "users": ["id", "username", "password"],
    }
    assert len(_prefix_warnings(problems, "#__")) == 1


def test_brace_placeholders_no_longer_lose_the_tables() -> None:
    tables, problems = _read("braces_install.sql")
    assert tables == {
        "authors": ["authorid", "realname", "username", "email"],
        "comments": ["id", "author", "ip"],
    }
    assert not [p for p in problems if p.severity is Severity.ERROR]
    warned = _prefix_warnings(problems, "{PREFIX}")
    assert len(warned) == 1 and warned[0].line == 2


def test_percent_and_dollar_placeholders_once_per_file() -> None:
    tables, problems = _read("percent_install.sql")
    assert tables == {"users": ["id", "mobile", "home_address"], "orders": ["id", "user_id"]}
    assert len(_prefix_warnings(problems, "%PREFIX%")) == 1
    assert not _prefix_warnings(problems, "${prefix}")


@pytest.mark.parametrize(
    "sql",
    [
        "# __ a MySQL comment line\n#__notes are not a prefix here\n",
        "SELECT '%a%b', '{x}y' FROM t;\n",
        "CREATE TABLE ${table} (a int);\nCREATE TABLE ${schema}.t (a int);\n",
        "CREATE TABLE prefix_users (a int);\n",
    ],
)
def test_text_that_is_no_table_prefix_is_left_alone(sql: str) -> None:
    assert without_table_prefix(sql) == (sql, None, 0)
