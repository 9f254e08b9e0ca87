"""SQL files that are Jinja templates: dbt models, macros, tests and snapshots.

A dbt project keeps its models as ``.sql`` files written in Jinja: ``{{ config(…) }}``,
``{% macro … %}``, ``{{ ref('orders') }}``. They are queries, not table definitions (dbt reads a
model's columns from its ``schema.yml``, which the dbt reader reads), and a macro's body is not
SQL at all. Read as SQL, every statement of such a file was an error and the scan exited 2.

``template_tags`` tells a template from a script: a ``{%`` tag or a ``{{`` expression outside
quotes and comments. ``without_tags`` blanks the tags (``{% … %}``, ``{# … #}``) and the
expressions with spaces of the same length, so lines and offsets stay; an expression that
qualifies a name (``{{ target.schema }}.users``) goes with its dot, as a ``${schema}.``
placeholder does. A template that creates tables is read that way; one that creates none is
passed over with one warning.
"""

from __future__ import annotations

import re

from dataflow.readers.sql.lazy import Lazy

_TAG = Lazy(r"\{%-?.*?-?%\}|\{#.*?#\}|\{\{-?.*?-?\}\}(\.)?", re.DOTALL)
_OPENING = Lazy(r"\{%-?\s*[A-Za-z_]|\{\{-?\s*[A-Za-z_(\"']")
_CREATE_TABLE = Lazy(r"\bCREATE\s+(?:[A-Z_]+\s+){0,3}TABLE\b", re.IGNORECASE)


def template_tags(sql: str) -> bool:
    """Whether ``sql`` is a Jinja template: a ``{% tag`` or a ``{{ expression`` starts a line's
    code (not inside a ``--`` comment)."""
    if "{%" not in sql and "{{" not in sql:
        return False
    for line in sql.split("\n"):
        code = line.split("--", 1)[0]
        if ("{%" in code or "{{" in code) and _OPENING().search(code):
            return True
    return False


def without_tags(sql: str) -> str:
    """``sql`` with its Jinja tags, comments and expressions blanked (see the module)."""

    def blank(m: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", m.group(0))

    return _TAG().sub(blank, sql)


def creates_tables(sql: str) -> bool:
    """Whether the template ``sql`` holds a CREATE TABLE outside its tags."""
    return _CREATE_TABLE().search(without_tags(sql)) is not None
