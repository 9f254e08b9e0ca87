"""The dialect guess gives the order a plain run of every hint pattern gives."""

from __future__ import annotations

import re

import pytest

from dataflow.readers.sql import dialects


def _plain_order(text: str) -> list[str]:
    scores = {
        d: sum(1 for p in pats if re.search(p, text, re.IGNORECASE))
        for d, pats in dialects.HINTS.items()
    }
    order = list(dialects.DIALECTS)
    order.sort(key=lambda d: -scores.get(d, 0))
    return order


TEXTS = [
    "CREATE TABLE `t` (id INT AUTO_INCREMENT) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='x';",
    "CREATE TABLE t (id BIGSERIAL, tags TEXT[], doc JSONB, at TIMESTAMPTZ);\nCOMMENT ON TABLE t IS 'x';",
    "CREATE TABLE t (a STRING) PARTITIONED BY (dt STRING) ROW FORMAT DELIMITED STORED AS ORC "
    "TBLPROPERTIES ('a'='b');",
    "CREATE TABLE [dbo].[t] (id INT IDENTITY(1,1), n NVARCHAR(MAX))\nGO\n",
    "CREATE TABLE t (n VARCHAR2(10 BYTE) ENABLE, x NUMBER(3), c CLOB) TABLESPACE users;",
    "CREATE TABLE t (x UInt64, e Nullable(String), l LowCardinality(String)) "
    "ENGINE = MergeTree ORDER BY x;",
    "CREATE TABLE t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 8 PROPERTIES ('a'='b');",
    "CREATE MULTISET VOLATILE TABLE t (k INT) PRIMARY INDEX (k);",
    "create table t (c varchar2(1)) tablespace x; -- lower case",
    # characters that case-insensitive matching equates with ASCII letters
    "CREATE TABLE t (k INT) DUPLICATE \u212aEY(k) BUC\u212aETS 8;",
    "CREATE TABLE t (a STRING) \u017fTORED AS ORC;",
    "CREATE TABLE t (c \u0131nt8);",
    "CREATE TABLE 用户 (手机号 VARCHAR(20) COMMENT '手机号');",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_guess_equals_running_every_pattern(text: str) -> None:
    assert dialects.guess_dialects(text) == _plain_order(text)


def test_every_hint_has_an_anchor_it_contains() -> None:
    for dialect, patterns in dialects.HINTS.items():
        anchors = dialects.HINT_ANCHORS[dialect]
        assert len(anchors) == len(patterns)
        for pattern, anchor in zip(patterns, anchors, strict=True):
            assert anchor.lower() in pattern.lower().replace("\\", ""), (pattern, anchor)
