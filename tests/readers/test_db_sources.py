"""Databases as sources, against real PostgreSQL and MariaDB servers (tests/db_servers.py).

Each server is seeded with a small CRM: customers with Chinese comments and made-up PI, orders
with a foreign key, a 200,000-row event table, a view, and a table the scanning user may not
read (plus a GBK column on MariaDB). The scanning user is a read-only login; the seeding is done
as the superuser, once per module.
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from builders import (
    MEMBER_CATALOG,
    MEMBER_RECOGNIZERS,
    database_manifest,
    member_rows,
    write_members_csv,
)
from db_servers import Server, mariadb, postgres
from typer.testing import CliRunner

from dataflow.cli import app
from dataflow.detect import validators
from dataflow.readers.database import Connection, DbOptions, count_people, read_database, redact

sqlalchemy = pytest.importorskip("sqlalchemy")

SCAN_USER = "scanner"
SCAN_PASSWORD = "Scan-pw-7781"
EVENT_ROWS = 200_000
CUSTOMERS = 60


def _resident_id(rng: random.Random) -> str:
    body = f"110105{rng.randint(1960, 2004)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    body += f"{rng.randint(0, 999):03d}"
    return body + validators.gb11643_check_char(body)


def _customers() -> list[dict[str, Any]]:
    rng = random.Random(11)
    surnames = "王李张刘陈杨黄赵吴周"
    given = "伟芳娜敏静丽强磊军洋"
    rows = []
    for i in range(1, CUSTOMERS + 1):
        rows.append(
            {
                "id": i,
                "xm": rng.choice(surnames) + rng.choice(given) + rng.choice(given),
                "sjhm": f"13{rng.randint(5, 9)}{rng.randint(0, 99999999):08d}",
                "sfzh": _resident_id(rng),
                "email": f"user{i}.{rng.randint(100, 999)}@example.com",
                "city": rng.choice(["北京", "上海", "天津"]),
            }
        )
    return rows


CUSTOMER_ROWS = _customers()
CANARIES = [r["sfzh"] for r in CUSTOMER_ROWS[:5]] + [r["sjhm"] for r in CUSTOMER_ROWS[:5]]

PG_DDL = """
CREATE TABLE customers (
  id bigint PRIMARY KEY,
  xm varchar(32),
  sjhm varchar(20),
  sfzh varchar(18),
  email varchar(64),
  city varchar(16)
);
COMMENT ON TABLE customers IS '客户信息';
COMMENT ON COLUMN customers.xm IS '姓名';
COMMENT ON COLUMN customers.sjhm IS '手机号码';
COMMENT ON COLUMN customers.sfzh IS '身份证号';
COMMENT ON COLUMN customers.email IS '电子邮箱';
COMMENT ON COLUMN customers.city IS '所在城市';
CREATE TABLE orders (
  order_id bigint PRIMARY KEY,
  customer_id bigint REFERENCES customers(id),
  amount numeric(10, 2),
  status varchar(16)
);
COMMENT ON COLUMN orders.customer_id IS '客户ID';
CREATE TABLE events (
  id bigint PRIMARY KEY,
  customer_id bigint,
  phone varchar(20),
  kind varchar(16)
);
CREATE VIEW customer_contacts AS SELECT id, sjhm FROM customers;
CREATE TABLE salaries (id bigint PRIMARY KEY, amount numeric(10, 2));
"""


def _seed_customers(conn: Any) -> None:
    conn.execute(
        sqlalchemy.text(
            "INSERT INTO customers (id, xm, sjhm, sfzh, email, city) "
            "VALUES (:id, :xm, :sjhm, :sfzh, :email, :city)"
        ),
        CUSTOMER_ROWS,
    )
    conn.execute(
        sqlalchemy.text(
            "INSERT INTO orders (order_id, customer_id, amount, status) VALUES (:o, :c, :a, 'paid')"
        ),
        [{"o": i, "c": (i % CUSTOMERS) + 1, "a": i * 1.5} for i in range(1, 201)],
    )


@pytest.fixture(scope="module")
def pg() -> Iterator[Server]:
    with postgres() as server:
        admin = sqlalchemy.create_engine(
            server.url("postgres").replace("postgresql://", "postgresql+psycopg://"),
            isolation_level="AUTOCOMMIT",
        )
        with admin.connect() as conn:
            conn.exec_driver_sql("CREATE DATABASE crm")
            conn.exec_driver_sql(f"CREATE ROLE {SCAN_USER} LOGIN PASSWORD '{SCAN_PASSWORD}'")
        admin.dispose()
        engine = sqlalchemy.create_engine(
            server.url("crm").replace("postgresql://", "postgresql+psycopg://")
        )
        with engine.begin() as conn:
            for statement in PG_DDL.split(";"):
                if statement.strip():
                    conn.exec_driver_sql(statement)
            _seed_customers(conn)
            conn.exec_driver_sql(
                "INSERT INTO events SELECT i, mod(i, 60) + 1, "
                "'138' || lpad(mod(i * 7919, 100000000)::text, 8, '0'), 'click' "
                f"FROM generate_series(1, {EVENT_ROWS}) AS i"
            )
            conn.exec_driver_sql(
                f"GRANT SELECT ON customers, orders, events, customer_contacts TO {SCAN_USER}"
            )
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                "VACUUM ANALYZE events"
            )
        engine.dispose()
        yield server


@pytest.fixture(scope="module")
def maria() -> Iterator[Server]:
    with mariadb() as server:
        engine = sqlalchemy.create_engine(
            server.url("mysql").replace("mariadb://", "mariadb+pymysql://")
        )
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE DATABASE crm CHARACTER SET utf8mb4")
            conn.exec_driver_sql("USE crm")
            conn.exec_driver_sql(
                "CREATE TABLE customers (id BIGINT PRIMARY KEY, "
                "xm VARCHAR(32) COMMENT '姓名', sjhm VARCHAR(20) COMMENT '手机号码', "
                "sfzh VARCHAR(18) COMMENT '身份证号', email VARCHAR(64) COMMENT '电子邮箱', "
                "city VARCHAR(16) CHARACTER SET gbk COMMENT '所在城市') COMMENT '客户信息'"
            )
            conn.exec_driver_sql(
                "CREATE TABLE orders (order_id BIGINT PRIMARY KEY, customer_id BIGINT "
                "COMMENT '客户ID', amount DECIMAL(10,2), status VARCHAR(16), "
                "FOREIGN KEY (customer_id) REFERENCES customers(id))"
            )
            conn.exec_driver_sql(
                "CREATE TABLE events (id BIGINT PRIMARY KEY, customer_id BIGINT, "
                "phone VARCHAR(20), kind VARCHAR(16))"
            )
            conn.exec_driver_sql("CREATE VIEW customer_contacts AS SELECT id, sjhm FROM customers")
            conn.exec_driver_sql("CREATE TABLE salaries (id BIGINT PRIMARY KEY, amount DECIMAL)")
            _seed_customers(conn)
            conn.exec_driver_sql(
                "INSERT INTO events SELECT seq, MOD(seq, 60) + 1, "
                "CONCAT('138', LPAD(MOD(seq * 7919, 100000000), 8, '0')), 'click' "
                f"FROM seq_1_to_{EVENT_ROWS}"
            )
            conn.exec_driver_sql("ANALYZE TABLE events")
            conn.exec_driver_sql(f"CREATE USER '{SCAN_USER}'@'%%' IDENTIFIED BY '{SCAN_PASSWORD}'")
            for table in ("customers", "orders", "events"):
                conn.exec_driver_sql(f"GRANT SELECT ON crm.{table} TO '{SCAN_USER}'@'%%'")
            # Reflecting a view on MySQL/MariaDB reads its definition: SHOW VIEW as well.
            conn.exec_driver_sql(
                f"GRANT SELECT, SHOW VIEW ON crm.customer_contacts TO '{SCAN_USER}'@'%%'"
            )
        engine.dispose()
        yield server


@pytest.fixture(params=["pg", "maria"])
def server(request: pytest.FixtureRequest) -> Server:
    return request.getfixturevalue(request.param)  # type: ignore[no-any-return]


def _scan_url(server: Server) -> str:
    return server.url("crm", SCAN_USER, SCAN_PASSWORD)


def _scan(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["scan", *args])
    return result.exit_code, result.stdout, result.stderr


def _json(*args: str) -> tuple[int, dict[str, Any], str]:
    code, out, err = _scan(*args, "--format", "json")
    return code, json.loads(out), err


def _fields(report: dict[str, Any], dataset: str) -> dict[str, dict[str, Any]]:
    (found,) = [d for d in report["datasets"] if d["name"] == dataset]
    return {f["pointer"]: f for f in found["fields"]}


def _no_leak(*texts: str) -> None:
    for text in texts:
        assert SCAN_PASSWORD not in text
        for canary in CANARIES:
            assert canary not in text, "a sampled value reached the output"


def test_tables_views_comments_and_keys_are_read(server: Server) -> None:
    with Connection(_scan_url(server)) as db:
        read = read_database(db, DbOptions())
    names = {d.name for d in read.result.datasets}
    assert {"customers", "orders", "events", "customer_contacts"} <= names
    customers = next(d for d in read.result.datasets if d.name == "customers")
    assert customers.comment == "客户信息"
    comments = {f.name: f.comment for f in customers.fields}
    assert comments["sfzh"] == "身份证号" and comments["sjhm"] == "手机号码"
    assert read.tables["customers"].primary_key == ("id",)
    (fk,) = read.tables["orders"].foreign_keys
    assert fk.columns == ("customer_id",) and fk.referred_table == "customers"
    assert read.tables["customer_contacts"].kind == "view"
    # The table the scanning user may not read is one problem naming it, or not listed at all
    # (MariaDB hides tables without privileges); never a crash.
    assert all("salaries" in p.message for p in read.result.problems)


def test_scan_finds_pi_and_never_shows_values_or_password(server: Server) -> None:
    code, report, err = _json(_scan_url(server))
    fields = _fields(report, "customers")
    assert fields["customers.sfzh"]["element"] == "pi.identity.resident_id"
    assert fields["customers.sfzh"]["sensitive"] is True
    assert fields["customers.sjhm"]["element"] == "pi.contact.mobile"
    assert fields["customers.email"]["element"] == "pi.contact.email"
    assert _fields(report, "events")["events.phone"]["element"] == "pi.contact.mobile"
    source = next(d for d in report["datasets"] if d["name"] == "customers")["source"]
    assert source["path"] == redact(_scan_url(server)) and "***" in source["path"]
    assert code in (0, 2)
    for fmt in ("table", "markdown", "sarif", "html"):
        _, out, err2 = _scan(_scan_url(server), "--format", fmt)
        _no_leak(out, err2)
    _no_leak(json.dumps(report), err)


def test_verdicts_equal_those_of_ddl_and_csv(pg: Server, tmp_path: Path) -> None:
    ddl = tmp_path / "crm.sql"
    ddl.write_text(PG_DDL.split("CREATE TABLE orders")[0], encoding="utf-8")
    sample = tmp_path / "customers.csv"
    header = list(CUSTOMER_ROWS[0])
    lines = [",".join(header)] + [",".join(str(r[k]) for k in header) for r in CUSTOMER_ROWS]
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, from_files, _ = _json(str(ddl), "--sample", f"customers={sample}")
    _, from_db, _ = _json(_scan_url(pg), "--tables", "customers")

    def verdicts(report: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
        return {
            p: (f["personal"], f["sensitive"], f["element"], f["grade"])
            for p, f in _fields(report, "customers").items()
        }

    assert verdicts(from_db) == verdicts(from_files)
    assert len(from_db["datasets"]) == 1, "--tables chose one table"


def _rows_read_by_scans(server: Server) -> int | None:
    """PostgreSQL's own count of rows its sequential and sample scans read from ``events``."""
    if server.kind != "postgresql":
        return None
    engine = sqlalchemy.create_engine(
        server.url("crm").replace("postgresql://", "postgresql+psycopg://")
    )
    with engine.connect() as conn:
        value = conn.exec_driver_sql(
            "SELECT seq_tup_read FROM pg_stat_user_tables WHERE relname = 'events'"
        ).scalar()
    engine.dispose()
    return int(value or 0)


def test_sampled_scan_reads_at_most_sample_rows(server: Server) -> None:
    before = _rows_read_by_scans(server)
    _code, report, _err = _json(_scan_url(server), "--tables", "events", "--sample-rows", "5000")
    if before is not None:  # the server's counters agree (they are flushed within a second)
        deadline = time.monotonic() + 10
        while (read := _rows_read_by_scans(server)) == before and time.monotonic() < deadline:
            time.sleep(0.2)
        assert read is not None and 0 < read - before <= 5000
    (events,) = report["datasets"]
    assert 0 < events["rows_scanned"] <= 5000
    notices = " ".join(report["notices"])
    method = "TABLESAMPLE SYSTEM" if server.kind == "postgresql" else "random range"
    assert method in notices and "events" in notices
    assert _fields(report, "events")["events.phone"]["element"] == "pi.contact.mobile"


def test_full_scan_streams_every_row(server: Server) -> None:
    _, report, _ = _json(_scan_url(server), "--tables", "events", "--full")
    (events,) = report["datasets"]
    assert events["rows_scanned"] == EVENT_ROWS
    assert _fields(report, "events")["events.phone"]["element"] == "pi.contact.mobile"


def test_session_is_read_only(server: Server) -> None:
    with Connection(server.url("crm")) as db:  # even the superuser's session
        with pytest.raises(sqlalchemy.exc.DBAPIError) as refused:
            db.conn.exec_driver_sql("INSERT INTO orders VALUES (99999, 1, 1.0, 'x')")
        db.rollback()
        with pytest.raises(sqlalchemy.exc.DBAPIError):
            db.conn.exec_driver_sql("CREATE TABLE dataflow_probe (x int)")
    assert "read" in str(refused.value).lower()
    with Connection(server.url("crm")) as db:
        assert db.conn.exec_driver_sql("SELECT COUNT(*) FROM orders").scalar() == 200


def test_people_are_counted_by_the_database(server: Server) -> None:
    with Connection(_scan_url(server)) as db:
        count = count_people(db, "orders", columns=["customer_id"])
        filtered = count_people(db, "orders", columns=["customer_id"], where="amount > 150")
        expr = count_people(db, "customers", expression="lower(email)")
    assert count.count == CUSTOMERS
    expected = len({(i % CUSTOMERS) + 1 for i in range(1, 201) if i * 1.5 > 150})
    assert filtered.count == expected
    assert expr.count == CUSTOMERS
    assert "COUNT" in count.query and "customer_id" in count.query


def test_wrong_password_is_exit_2_with_the_password_masked(server: Server) -> None:
    url = server.url("crm", SCAN_USER, "Wrong-pw-5531")
    code, out, err = _scan(url)
    assert code == 2
    assert "Wrong-pw-5531" not in out + err
    assert "***" in err and "authentication failed" in err


def test_unreadable_table_is_a_problem_and_the_rest_is_scanned(pg: Server) -> None:
    code, report, err = _json(_scan_url(pg), "--tables", "salaries", "--tables", "customers")
    assert code == 2
    assert "salaries" in err and "permission denied" in err
    # Its columns are still reported (schema only); only the values could not be read.
    datasets = {d["name"]: d for d in report["datasets"]}
    assert sorted(datasets) == ["customers", "salaries"]
    assert datasets["salaries"]["rows_scanned"] is None
    assert datasets["customers"]["rows_scanned"] == CUSTOMERS


def test_gbk_column_is_read(maria: Server) -> None:
    _, report, _ = _json(_scan_url(maria), "--tables", "customers")
    city = _fields(report, "customers")["customers.city"]
    assert city["name"] == "city"
    with Connection(_scan_url(maria)) as db:
        cities = {r[0] for r in db.conn.exec_driver_sql("SELECT city FROM customers")}
    assert cities == {"北京", "上海", "天津"}


def test_named_connection_from_the_configuration(
    pg: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "dataflow.yaml"
    config.write_text("databases:\n  crm: {url_env: CRM_URL}\n", encoding="utf-8")
    monkeypatch.setenv("CRM_URL", _scan_url(pg))
    code, report, err = _json("db:crm", "--config", str(config), "--tables", "orders")
    assert [d["name"] for d in report["datasets"]] == ["orders"], err
    monkeypatch.delenv("CRM_URL")
    code, _, err = _scan("db:crm", "--config", str(config))
    assert code == 2 and "CRM_URL" in err


def test_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE members (id INTEGER PRIMARY KEY, mobile TEXT, nickname TEXT)")
        conn.executemany(
            "INSERT INTO members (mobile, nickname) VALUES (?, ?)",
            [(r["sjhm"], f"n{r['id']}") for r in CUSTOMER_ROWS],
        )
    before = path.read_bytes()
    code, report, err = _json(f"sqlite:///{path}")
    assert code == 0, err
    assert _fields(report, "members")["members.mobile"]["element"] == "pi.contact.mobile"
    assert path.read_bytes() == before
    _no_leak(json.dumps(report), err)


def _members_database(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """``member_rows`` in a table ``members``, in a SQLite file or a PostgreSQL database that
    the scanning user may read; returns the URL the scan uses."""
    rows = [{"i": i, "c": card, "n": note} for i, card, note in member_rows()]
    ddl = "CREATE TABLE members (member_id bigint PRIMARY KEY, c7 varchar(20), note text)"
    insert = "INSERT INTO members (member_id, c7, note) VALUES (:i, :c, :n)"
    if kind == "sqlite":
        path = tmp_path / "club.db"
        with sqlite3.connect(path) as conn:
            conn.execute(ddl)
            conn.executemany(
                insert.replace(":i", "?").replace(":c", "?").replace(":n", "?"),
                [(r["i"], r["c"], r["n"]) for r in rows],
            )
        return f"sqlite:///{path}"
    server: Server = request.getfixturevalue("pg")
    admin = sqlalchemy.create_engine(
        server.url("postgres").replace("postgresql://", "postgresql+psycopg://"),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS club")
        conn.exec_driver_sql("CREATE DATABASE club")
    admin.dispose()
    engine = sqlalchemy.create_engine(
        server.url("club").replace("postgresql://", "postgresql+psycopg://")
    )
    with engine.begin() as conn:
        conn.exec_driver_sql(ddl)
        conn.execute(sqlalchemy.text(insert), rows)
        conn.exec_driver_sql(f"GRANT SELECT ON members TO {SCAN_USER}")
    engine.dispose()
    return server.url("club", SCAN_USER, SCAN_PASSWORD)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_full_scan_uses_added_recognizers_as_a_file_scan_does(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = _members_database(kind, tmp_path, request)
    csv = write_members_csv(tmp_path / "members.csv", member_rows())
    added = ["--full", "--recognizers", str(MEMBER_RECOGNIZERS), "--catalog", str(MEMBER_CATALOG)]
    _, from_file, _ = _json(str(csv), *added)
    code, from_db, err = _json(url, "--tables", "members", *added)
    assert code == 0, err

    def seen(report: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
        return {
            p: (f["element"], f["kind"], f["evidence"])
            for p, f in _fields(report, "members").items()
        }

    assert seen(from_db) == seen(from_file)
    element, kind_found, evidence = seen(from_db)["members.c7"]
    assert (element, kind_found) == ("acme.member.card", "column")
    assert [e["rule"] for e in evidence] == ["AcmeMemberCardRecognizer"]
    assert evidence[0]["sample_size"] == sum(1 for _, c, _ in member_rows() if c is not None)
    assert seen(from_db)["members.note"][1] == "contains"


def test_without_the_drivers_one_line_names_the_extra(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['sqlalchemy'] = None\n"
        "from dataflow.cli import main\n"
        "sys.argv = ['dataflow', 'scan', 'postgresql://u@127.0.0.1:1/x']\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert done.returncode == 2
    assert 'pip install "dataflow[db]"' in done.stderr


def test_assess_counts_people_in_the_database(server: Server, tmp_path: Path) -> None:
    manifest = database_manifest(
        tmp_path,
        f"{{source: '{_scan_url(server)}', table: customers, "
        "subjects: {count_distinct: id, where: \"city <> 'nowhere'\"}}",
    )
    result = CliRunner().invoke(app, ["assess", str(manifest), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    (transfer,) = report["transfers"]
    # 60 people, all with a resident ID (sensitive): any sensitive PI needs a standard contract.
    assert transfer["mechanism"] == "standard_contract_or_certification"
    text = json.dumps(report)
    assert "60 people" in text or '"subjects": 60' in text
    assert "COUNT(*) FROM (SELECT DISTINCT" in result.stderr and "sfzh IS NOT NULL" in (
        result.stderr.replace('"', "").replace("`", "")
    )
    _no_leak(result.stdout, result.stderr)


def test_manifest_database_keys_are_checked(tmp_path: Path) -> None:
    manifest = database_manifest(
        tmp_path, "{source: 'sqlite:///x.db', table: t, schema: a.sql, subjects: {where: x}}"
    )
    result = CliRunner().invoke(app, ["assess", str(manifest)])
    assert result.exit_code == 2
    assert "'schema' does not go with a database 'source'" in result.stderr
    # every problem is listed: subjects has neither count_distinct nor expression
    assert "datasets[0].subjects: give exactly one of 'count_distinct'" in result.stderr
    manifest = database_manifest(
        tmp_path, "{source: 'sqlite:///x.db', table: t, subjects: {where: x}}"
    )
    result = CliRunner().invoke(app, ["assess", str(manifest)])
    assert result.exit_code == 2 and "'count_distinct'" in result.stderr
