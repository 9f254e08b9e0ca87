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
    # hints tried where their start stands: near misses before the match, any case
    "CREATE TABLE t (xcomment INT, b BIGINT, c int8, d Int16) comment = 'x';",
    "CREATE TABLE t (a_engine INT) Engine=MergeTree; -- engine\nengine = ReplicatedMergeTree",
    "CREATE TABLE t (uniquekey INT, primary_index INT) Unique Key (k) primary\n  index (k);",
    "CREATE TABLE t (id smallserial, b bigserialx, c nvarchar2(3), d varchar2x);",
    "CREATE TABLE straße (a INT8) COMMENT ON; -- ß upper-cases to two letters",
    "CREATE TABLE t (id BIGINT) UINT64 uint8 Int8x FLOAT4 float8;",
]


@pytest.mark.parametrize("text", TEXTS)
def test_guess_equals_running_every_pattern(text: str) -> None:
    assert dialects.guess_dialects(text) == _plain_order(text)


@pytest.mark.parametrize("text", TEXTS)
def test_every_match_starts_where_its_hint_is_tried(text: str) -> None:
    if dialects._FOLDS_TO_ASCII.search(text):
        return  # every hint is searched whole
    upper = text.upper()
    for dialect, patterns in dialects.HINTS.items():
        starts = dialects._HINT_STARTS[dialect]
        for pattern, begins in zip(patterns, starts, strict=True):
            if begins is None or len(upper) != len(text):
                continue
            for m in re.finditer(pattern, text, re.IGNORECASE):
                assert m.group(0).upper().startswith(begins), (pattern, m.group(0))


def test_every_hint_has_an_anchor_it_contains() -> None:
    for dialect, patterns in dialects.HINTS.items():
        anchors = dialects.HINT_ANCHORS[dialect]
        assert len(anchors) == len(patterns)
        for pattern, anchor in zip(patterns, anchors, strict=True):
            assert anchor.lower() in pattern.lower().replace("\\", ""), (pattern, anchor)


def test_postgres_int8_is_a_bigint_and_clickhouse_keeps_its_types(tmp_path) -> None:
    from dataflow.readers import read_path

    def types(sql: str) -> list[str | None]:
        path = tmp_path / "t.sql"
        path.write_text(sql, encoding="utf-8")
        return [f.data_type for ds in read_path(path).datasets for f in ds.fields]

    # A Navicat PostgreSQL dump: nothing but the integer spellings says PostgreSQL.
    pg = (
        'CREATE TABLE "public"."t" ("id" int8 NOT NULL, '
        '"name" varchar(255) COLLATE "pg_catalog"."default", "score" float8, "n" int4);\n'
        'ALTER TABLE "public"."t" ALTER COLUMN "n" TYPE int8;\n'
    )
    assert types(pg) == ["BIGINT", "VARCHAR(255)", "DOUBLE PRECISION", "BIGINT"]
    assert dialects.guess_dialects(pg)[0] == "postgres"
    ch = "CREATE TABLE t (a Int8, b UInt32, c String) ENGINE = MergeTree ORDER BY a;\n"
    assert types(ch) == ["Int8", "UInt32", "String"]
    assert dialects.guess_dialects(ch)[0] == "clickhouse"
