"""What the comments above a CREATE TABLE say about its table and columns.

Schema wizards (Visio, home-grown generators, hand-kept dictionaries) describe a table in the
comment lines above its CREATE TABLE rather than in ``COMMENT`` clauses::

    -- 诊所
    /* id : 主键
       clinic_name 诊所名称 */
    CREATE TABLE clinic (id INT, clinic_name VARCHAR(50));

A line ``name : meaning`` (also ``name：meaning``, ``name = meaning``, ``name - meaning`` or
``name meaning``) whose name is a column of the table gives that column's comment. A labelled
line ``表名: 诊所`` / ``Table: 诊所`` gives the table's comment unless it only repeats the
table's name (PowerDesigner's ``/* Table: clinic */``); otherwise the first line of the
comment right above the statement that is neither a column's meaning, a decoration
(``/*=====*/``), a ``key: value`` line nor a line naming the table (``-- Table structure for
clinic``) is the table's comment; a step that creates a described table (``-- 创建用户表``) gives
the description without its verb. Only comments between the previous statement and this one
count, and a comment already given in the DDL is never replaced. Comment lines may also start
with ``//`` or MySQL's ``#``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from dataflow.readers._common import COLUMN_TYPE

_COMMENT = re.compile(r"--[^\n]*|/\*.*?\*/|(?m:^[ \t]*(?://|#)[^\n]*)", re.DOTALL)
_MEANING = re.compile(
    r"(?P<name>[^\s:：=,，;；()（）]+)\s*(?:[:：=]+|\s[-–—]+|\s)\s*(?P<meaning>\S.*)$"
)
_TABLE_LABEL = re.compile(
    r"(?:表名称?|表中文名|表说明|表描述|表注释|表|table(?:\s+name)?|table\s+comment)\s*[:：]\s*(?P<v>.+)$",
    re.IGNORECASE,
)
_IDENTIFIER = re.compile(r"[A-Za-z_][\w$.]*")
_KEY_VALUE = re.compile(r"^[^:：]{1,40}[:：]")
_LETTER = re.compile(r"[^\W\d_]")
_SQL_WORD = re.compile(
    r"(?:CREATE|DROP|ALTER|INSERT|SELECT|UPDATE|DELETE|SET|USE|GRANT)\b", re.IGNORECASE
)
# Commented-out T-SQL around a statement (``--IF NOT EXISTS (SELECT 1 FROM ...) BEGIN``): code
# written in capitals, not a description.
_CODE = re.compile(
    r"(?:IF\s+(?:NOT\s+)?EXISTS|IF\s+OBJECT_ID)\b|(?-i:(?:BEGIN|END|GO|FROM|WHERE|AND|OR|EXEC"
    r"|EXECUTE|DECLARE|PRINT|RETURN)\b)",
    re.IGNORECASE,
)
_ALLOW = re.compile(r"dataflow\s*:", re.IGNORECASE)
# A commented-out column definition (``-- phone varchar(20),``) is not a meaning.
_TYPE = re.compile(COLUMN_TYPE, re.IGNORECASE)
# Words of a generator's banner or a script's step (``-- Dumped by pg_dump version 16``,
# ``-- 创建表``), not a description of the table.
_BANNER = re.compile(
    r"\b(?:dump(?:ed)?|generated|generator|version|author|copyright|navicat|powerdesigner"
    r"|dbms|host|server|database|encoding|date|time)\b"
    r"|创建|建表|表结构|删除|新增|修改|索引|初始化|插入|脚本|导出|导入|版本|作者",
    re.IGNORECASE,
)
# Directives of migration tools written as comments (sql-migrate `-- +migrate Up`, goose
# `-- +goose StatementBegin`, dbmate `-- migrate:up`): instructions to the tool, not a description.
_DIRECTIVE = re.compile(r"^(?:\+\s*(?:migrate|goose)\b|migrate\s*:\s*(?:up|down)\b)", re.IGNORECASE)
_MAX_TABLE_COMMENT = 200


@dataclass(frozen=True)
class Lead:
    """The table comment and column meanings found above one CREATE TABLE."""

    table_comment: str | None
    columns: dict[str, str]  # lower-cased column name → meaning


def read_lead(gap: str, table: str, columns: Iterable[str]) -> Lead:
    """What the comments in ``gap`` (the text before a CREATE TABLE) say about ``table``."""
    wanted = {c.lower() for c in columns}
    names = {table.lower(), table.rsplit(".", 1)[-1].lower()}
    meanings: dict[str, str] = {}
    labelled: str | None = None
    above: str | None = None
    comments = list(_COMMENT.finditer(gap))
    for k, m in enumerate(comments):
        adjacent = _adjacent(gap, comments, k)
        for line in _lines(m.group()):
            hit = _MEANING.match(line)
            if (
                hit
                and hit.group("name").lower() in wanted
                and not _TYPE.match(hit.group("meaning"))
            ):
                meanings.setdefault(hit.group("name").lower(), _clean(hit.group("meaning")))
                continue
            label = _TABLE_LABEL.match(line)
            if label is not None:
                value = _without_name(_clean(label.group("v")), names)
                if value and _IDENTIFIER.fullmatch(value) is None and labelled is None:
                    labelled = value
                continue
            if _DIRECTIVE.match(line):
                continue
            line = _without_step(line)
            if adjacent and above is None and _describes(line, names):
                above = line
    comment = labelled or above
    if comment is not None and len(comment) > _MAX_TABLE_COMMENT:
        comment = None
    return Lead(comment, {k: v for k, v in meanings.items() if v})


def _adjacent(gap: str, comments: list[re.Match[str]], k: int) -> bool:
    """Whether comment ``k`` is right above the statement: no blank line after it."""
    end = comments[k].end()
    rest = list(gap[end:])
    for later in comments[k + 1 :]:
        for i in range(later.start() - end, later.end() - end):
            if rest[i] != "\n":
                rest[i] = "x"
    inner = "".join(rest).split("\n")[1:-1]
    return all(line.strip() for line in inner)


def _lines(comment: str) -> list[str]:
    """The text lines of one comment, without its markers and decoration."""
    comment = comment.lstrip()
    if comment.startswith("/*"):
        body = comment[2:-2]
    else:  # ``--``, ``//`` or ``#``
        body = comment[1:] if comment.startswith("#") else comment[2:]
    out: list[str] = []
    for raw in body.split("\n"):
        line = raw.strip().lstrip("*").strip().strip("-=#*~").strip()
        if line and _LETTER.search(line):
            out.append(line)
    return out


def _clean(text: str) -> str:
    return text.strip().rstrip("*/").strip().strip(",，;；").strip()


def _without_name(value: str, names: set[str]) -> str | None:
    """A label's value without the table name it repeats (``clinic 诊所`` → ``诊所``)."""
    for name in sorted(names, key=len, reverse=True):
        value = re.sub(
            rf"(?:\btable\s*name\s*[:：]?\s*)?[(（]?\s*(?<![\w.]){re.escape(name)}(?![\w.])\s*[)）]?",
            " ",
            value,
            flags=re.I,
        )
    value = value.strip(" \t:：-")
    return value or None


# A script's step that names the table it creates (``-- 创建心理测评问卷表``): the verb goes, the
# table's description stays.
_CREATE_STEP = re.compile(r"^(?:创建|新建|建立)\s*(?P<what>[\u4e00-\u9fff（）()、]{2,}表)$")


def _without_step(line: str) -> str:
    """``line`` without the verb of a step that creates a described table (``创建用户表`` →
    ``用户表``); any other line as it is."""
    m = _CREATE_STEP.match(line)
    return m.group("what") if m else line


def _describes(line: str, names: set[str]) -> bool:
    """Whether a comment line right above a CREATE TABLE reads as the table's description."""
    low = line.lower()
    return (
        not any(name in low for name in names)
        and _KEY_VALUE.match(line) is None
        and _SQL_WORD.match(line) is None
        and _CODE.match(line) is None
        and _ALLOW.search(line) is None
        and _BANNER.search(line) is None
        and len(line.split()) <= 8
    )
