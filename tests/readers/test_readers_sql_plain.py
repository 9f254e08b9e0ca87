"""Plain CREATE TABLE statements read without the SQL parser give what the parser gives.

``simple.read_plain`` must return exactly the parser's reading (``tables.read_tree`` of
sqlglot's tree, with the first dialect that parses) or ``None``: these tests compare both on
every type, name and option it reads, and on generated statements mixing them.
"""

from __future__ import annotations

import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from dataflow.readers._common import Problems
from dataflow.readers.sql import read_sql, split_statements
from dataflow.readers.sql.parse import parse_create
from dataflow.readers.sql.simple import KEYWORDS, TYPES, read_plain
from dataflow.readers.sql.statements import Statement
from dataflow.readers.sql.tables import ParsedTable, read_tree

ROOT = Path(__file__).resolve().parents[2]
ORDERS = {"mysql": ["mysql", "postgres", "hive"], "postgres": ["postgres", "mysql", "hive"]}


def _parsed(sql: str, dialects: list[str]) -> ParsedTable | None:
    node, dialect, _ = parse_create(sql, list(dialects))
    if node is None or dialect is None:
        return None
    return read_tree(node, dialect, Statement(0, 0, len(sql), sql))


def _same(sql: str, dialects: list[str]) -> bool:
    """Whether the plain reading is the parser's; False when ``sql`` is not read plain."""
    plain = read_plain(sql, list(dialects))
    if plain is None:
        return False
    assert replace(plain, name_end=-1) == _parsed(sql, dialects), sql
    return True


@pytest.mark.parametrize("dialect", sorted(KEYWORDS))
def test_keywords_hold_every_word_the_tokenizer_does_not_read_as_a_name(dialect: str) -> None:
    from sqlglot.dialects.dialect import Dialect

    tokenizer = Dialect.get_or_raise(dialect).tokenizer_class
    words = {k.upper() for k in tokenizer.KEYWORDS if k.isidentifier()}
    assert words - KEYWORDS[dialect] == set()


@pytest.mark.parametrize("dialect", sorted(TYPES))
def test_every_type_reads_as_the_parser_writes_it(dialect: str) -> None:
    args = {0: [""], 1: ["(1)", "(18)", "(255)"], 2: ["(12,2)", "(7, 0)", "( 38 ,10 )"]}
    for (word, count), _rendered in sorted(TYPES[dialect].items()):
        for arg in args[count]:
            for spelled in (word, word.lower()):
                sql = f"CREATE TABLE t (a {spelled}{arg})"
                assert _same(sql, ORDERS[dialect]), sql


NAMES = ["id", "name", "mobile", "id_card", "姓名", "手机号码", "_x1", "Status", "type", "year"]
WORDS = ["key", "index", "unique", "primary", "check", "like", "comment", "date", "user", "select"]
CONSTRAINTS = ["NOT NULL", "NULL", "PRIMARY KEY", "UNIQUE", "DEFAULT 0", "DEFAULT -1.5"]
CONSTRAINTS += ["DEFAULT 'x'", "DEFAULT NULL", "DEFAULT CURRENT_TIMESTAMP", "AUTO_INCREMENT"]
CONSTRAINTS += ["COMMENT '手机号'", "COMMENT ' 姓名 '", "COMMENT ''", "COMMENT 'it''s'"]
OPTIONS = ["", "ENGINE=InnoDB", "DEFAULT CHARSET=utf8mb4", "COMMENT='会员'", "COMMENT '表'"]
OPTIONS += ["AUTO_INCREMENT=5", "COLLATE=utf8mb4_bin", "ROW_FORMAT=DYNAMIC", "COMMENT=''"]
GAPS = [" ", "\n  ", " -- note\n ", " /* c */ ", "\t"]


def _statement(rng: random.Random, dialect: str) -> str:
    quote = "`" if dialect == "mysql" else '"'
    gap = lambda: rng.choice(GAPS)  # noqa: E731
    columns = []
    for _ in range(rng.randint(1, 5)):
        name = rng.choice(WORDS if rng.random() < 0.1 else NAMES)
        if rng.random() < 0.2:
            name = f"{quote}{name}{quote}"
        (word, count) = rng.choice(sorted(TYPES[dialect]))
        arg = {
            0: "",
            1: f"({rng.randint(1, 99)})",
            2: f"({rng.randint(1, 30)},{rng.randint(0, 9)})",
        }
        parts = [name, word + arg[count]]
        usual = CONSTRAINTS[:10] if dialect == "postgres" and rng.random() < 0.9 else CONSTRAINTS
        parts += rng.sample(usual, rng.randint(0, 3))
        columns.append(gap().join(parts))
    if rng.random() < 0.3:
        columns.append(f"PRIMARY KEY ({rng.choice(NAMES)}, {rng.choice(NAMES)})")
    table = rng.choice(["t", "shop.customer_1", f"{quote}会员{quote}", "a.b.c", "user"])
    head = rng.choice(["CREATE TABLE", "create table", "CREATE TABLE IF NOT EXISTS"])
    usual = dialect == "mysql" or rng.random() < 0.1
    options = " ".join(rng.sample(OPTIONS, rng.randint(0, 3))) if usual else ""
    end = rng.choice(["", " ", "\n", " -- done", "\n/* done */"])
    return f"{head} {table}{gap()}({gap()}{(',' + gap()).join(columns)}{gap()}) {options}{end}"


@pytest.mark.parametrize("dialect", sorted(TYPES))
def test_generated_statements_read_plain_as_the_parser_reads_them(dialect: str) -> None:
    rng = random.Random(20261205)
    plain = 0
    for _ in range(400):
        plain += _same(_statement(rng, dialect), ORDERS[dialect])
    assert plain >= 100  # enough of them were read plain to compare


def test_shipped_and_test_schemas_read_plain_as_the_parser_reads_them() -> None:
    plain = 0
    files = sorted((ROOT / "examples").rglob("*.sql")) + sorted((ROOT / "tests").rglob("*.sql"))
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for stmt in split_statements(text):
            for order in ORDERS.values():
                plain += _same(stmt.text.strip(), order)
    assert plain >= 1


@pytest.mark.parametrize(
    "sql",
    [
        "CREATE TABLE t (a VARCHAR(10) COMMENT 'it\\'s')",  # a backslash escape
        "CREATE TABLE t (a INT, KEY idx (a))",  # an index
        "CREATE TABLE t (a INT UNSIGNED)",  # a type word not listed
        "CREATE TABLE t (a VARCHAR)",  # MySQL writes it as TEXT
        "CREATE TABLE t (a INT) PARTITION BY HASH (a)",  # a table option not listed
        "CREATE TABLE t (select INT)",  # a keyword as a name
        "CREATE TABLE t (a INT DEFAULT (1 + 2))",  # an expression
        "CREATE TABLE t (a INT) # note",  # a MySQL comment
        "CREATE TABLE t (a INT /*!50100 x */)",  # a MySQL conditional comment
        "CREATE TABLE t (a INT); CREATE TABLE u (b INT)",  # two statements
        "CREATE TABLE t AS SELECT 1 AS a",  # no column list
        'CREATE TABLE t ("a" INT)',  # a string, to MySQL
        "CREATE TEMPORARY TABLE t (a INT)",
    ],
)
def test_what_is_not_plain_goes_to_the_parser(sql: str) -> None:
    assert read_plain(sql, ["mysql", "postgres"]) is None


@pytest.mark.parametrize("first", ["hive", "tsql", "oracle", "sqlite", ""])
def test_other_dialects_first_go_to_the_parser(first: str) -> None:
    assert read_plain("CREATE TABLE t (a INT)", [first, "mysql"]) is None
    assert read_plain("CREATE TABLE t (a INT)", ["mysql", first]) is not None


def test_a_plain_file_is_read_without_importing_the_parser(tmp_path: Path) -> None:
    ddl = (
        "CREATE TABLE shop.customer (\n  id BIGINT PRIMARY KEY COMMENT '编号',\n"
        "  mobile VARCHAR(20) COMMENT '手机号', -- dataflow: allow pi.contact.mobile \"masked\"\n"
        "  created_at DATETIME NOT NULL\n) ENGINE=InnoDB COMMENT='客户';\n"
    )
    script = (
        "import sys\n"
        "from dataflow.readers._common import Problems\n"
        "from dataflow.readers.sql import read_sql\n"
        "problems = Problems('t.sql')\n"
        f"ds = read_sql({ddl!r}, 't.sql', problems)\n"
        "print([f.name for f in ds[0].fields], ds[0].comment, problems.items)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlglot', 'importlib')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path
    ).stdout.splitlines()
    assert out[0] == "['id', 'mobile', 'created_at'] 客户 []"
    assert "sqlglot" not in out[1] and "importlib.metadata" not in out[1]
    problems = Problems("t.sql")
    assert read_sql(ddl, "t.sql", problems)[0].fields[1].allow == (("pi.contact.mobile", "masked"),)


def test_the_parser_logs_nothing_while_reading_and_its_logger_is_restored() -> None:
    import logging

    heard: list[str] = []

    class Ear(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            heard.append(record.getMessage())

    logger = logging.getLogger("sqlglot")
    ear = Ear()
    logger.addHandler(ear)
    try:
        unsupported = "CREATE TABLE secret_t (a INT) WITH SYSTEM VERSIONING foo"
        parse_create(unsupported, ["mysql"])
        assert heard and "secret_t" in heard[0]  # the parser does log the SQL
        heard.clear()
        text = f"CREATE TABLE t (a INT);\n{unsupported};\nCREATE TABLE u (b INT);\n"
        datasets = read_sql(text, "t.sql", Problems("t.sql"))
        assert [d.name for d in datasets][::2] == ["t", "u"]
        assert heard == []
        assert logger.disabled is False
    finally:
        logger.removeHandler(ear)
