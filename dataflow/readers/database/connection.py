"""Database URLs (shown without passwords), the read-only ``Connection`` with its statement
timeout, and reflection of tables and views into ``Dataset``s.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dataflow import model
from dataflow.errors import UserError
from dataflow.i18n import msg
from dataflow.model import Dataset, Field, Problem, ReadResult, Severity
from dataflow.readers.samples import SampleOptions

SCHEMES = ("postgresql", "postgres", "mysql", "mariadb", "sqlite")
DEFAULT_TIMEOUT_S = 30.0
# Rows fetched from a server-side cursor at a time.
FETCH_ROWS = 10_000
_DRIVERS = {
    "postgresql": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
    "mysql": "mysql+pymysql",
    "mariadb": "mariadb+pymysql",
    "sqlite": "sqlite",
}
_URL_RE = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9]*)(\+[A-Za-z0-9_]+)?://")
_EXTRA_HINT = 'reading databases needs the db extra: pip install "dataflow[db]"'


class DatabaseError(UserError):
    """The database could not be reached or read (exit 2); the message never holds a password."""


def is_db_url(text: str) -> bool:
    """Whether ``text`` is a database URL dataflow reads (``postgresql://…``, ``sqlite:///…``)."""
    match = _URL_RE.match(text)
    return match is not None and match.group("scheme").lower() in SCHEMES


def redact(url: str) -> str:
    """The URL with its password replaced by ``***`` (``postgresql://u:***@h/db``)."""
    match = re.match(r"^([^:/?#]+://)([^@/?#]*)@", url)
    if match is None:
        return url
    userinfo = match.group(2)
    if ":" not in userinfo:
        return url
    user = userinfo.split(":", 1)[0]
    return f"{match.group(1)}{user}:***@{url[match.end() :]}"


@dataclass(frozen=True)
class DbOptions:
    """What to read: schemas, table globs, timeout; and how to sample."""

    schemas: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()
    timeout_s: float = DEFAULT_TIMEOUT_S
    sample: SampleOptions = field(default_factory=SampleOptions)


@dataclass(frozen=True)
class ForeignKey:
    """``columns`` of a table reference ``referred_columns`` of ``referred_table``."""

    columns: tuple[str, ...]
    referred_table: str
    referred_columns: tuple[str, ...]


@dataclass(frozen=True)
class TableInfo:
    """One table or view as reflected: where it is and its keys (the dataset holds the rest)."""

    schema: str | None  # None: the connection's default schema
    table: str
    kind: str  # table | view
    columns: tuple[str, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()


@dataclass
class DbRead:
    """What ``read_database`` found: the ``ReadResult`` plus the tables behind its datasets."""

    result: ReadResult
    tables: dict[str, TableInfo] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def sqlalchemy_module() -> Any:
    try:
        import sqlalchemy
    except ImportError:
        raise DatabaseError(_EXTRA_HINT) from None
    return sqlalchemy


def _engine_url(url: str) -> Any:
    """The SQLAlchemy URL for ``url``: our drivers, SQLite opened read-only, MYSQL_PWD used."""
    sa = sqlalchemy_module()
    try:
        parsed = sa.engine.make_url(url)
    except Exception:
        raise DatabaseError(f"not a valid database URL: {redact(url)}") from None
    scheme = parsed.drivername.split("+", 1)[0].lower()
    driver = parsed.drivername if "+" in parsed.drivername else _DRIVERS[scheme]
    parsed = parsed.set(drivername=driver)
    if scheme in ("mysql", "mariadb") and parsed.password is None and os.environ.get("MYSQL_PWD"):
        parsed = parsed.set(password=os.environ["MYSQL_PWD"])
    if scheme == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise DatabaseError("sqlite URL needs a file: sqlite:///path/to/file.db")
        if not os.path.isfile(parsed.database):
            raise DatabaseError(f"no such SQLite file: {parsed.database}")
        parsed = parsed.set(
            database=f"file:{parsed.database}?mode=ro", query={**parsed.query, "uri": "true"}
        )
    return parsed


class Connection:
    """One read-only connection with a statement timeout; a context manager."""

    def __init__(self, url: str, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        self.url = url
        self.shown = redact(url)
        self.timeout_s = timeout_s
        self._engine: Any = None
        self.conn: Any = None
        self.dialect = ""
        # Dataset name → where it is and its keys, filled by ``read_database``.
        self.tables: dict[str, TableInfo] = {}

    def __enter__(self) -> Connection:
        sa = sqlalchemy_module()
        target = _engine_url(self.url)
        self.dialect = target.get_backend_name()
        ms = max(1, int(self.timeout_s * 1000))
        connect_args: dict[str, Any] = {}
        if self.dialect == "postgresql":
            connect_args = {
                "application_name": "dataflow",
                "connect_timeout": max(1, int(self.timeout_s)),
                "options": f"-c default_transaction_read_only=on -c statement_timeout={ms}",
            }
        elif self.dialect in ("mysql", "mariadb"):
            connect_args = {
                "program_name": "dataflow",
                "connect_timeout": max(1, int(self.timeout_s)),
                "read_timeout": max(1, int(self.timeout_s) + 5),
                "charset": "utf8mb4",
            }
        try:
            self._engine = sa.create_engine(
                target, connect_args=connect_args, poolclass=sa.pool.NullPool
            )
            self.conn = self._engine.connect()
            self._session_settings(ms)
        except DatabaseError:
            self.close()
            raise
        except Exception as exc:
            self.close()
            raise DatabaseError(f"cannot connect: {describe(exc)}", path=self.shown) from None
        return self

    def _session_settings(self, ms: int) -> None:
        if self.dialect in ("mysql", "mariadb"):
            version = str(self.conn.exec_driver_sql("SELECT VERSION()").scalar() or "")
            self.conn.exec_driver_sql("SET SESSION TRANSACTION READ ONLY")
            if "mariadb" in version.lower():
                self.conn.exec_driver_sql(f"SET SESSION max_statement_time = {ms / 1000:.3f}")
            else:
                self.conn.exec_driver_sql(f"SET SESSION max_execution_time = {ms}")
            self.conn.commit()
        elif self.dialect == "sqlite":
            self.conn.exec_driver_sql("PRAGMA query_only = ON")

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(Exception):  # a broken connection: nothing to report
                self.conn.rollback()
                self.conn.close()
            self.conn = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def quote(self, name: str) -> str:
        return str(self.conn.dialect.identifier_preparer.quote(name))

    def qualified(self, info: TableInfo) -> str:
        table = self.quote(info.table)
        return f"{self.quote(info.schema)}.{table}" if info.schema else table

    def run(self, sql: str, *, stream_rows: int | None = None) -> Any:
        """Execute SQL that takes no parameters (a ``%`` in it is not a placeholder); with
        ``stream_rows``, through a server-side cursor fetching that many rows at a time."""
        if self.conn.dialect.paramstyle in ("format", "pyformat"):
            sql = sql.replace("%", "%%")
        conn = self.conn
        if stream_rows is not None:
            conn = conn.execution_options(stream_results=True, max_row_buffer=stream_rows)
        return conn.exec_driver_sql(sql)

    def rollback(self) -> None:
        """End the current (read-only) transaction, e.g. after a failed statement."""
        with contextlib.suppress(Exception):
            self.conn.rollback()


def describe(exc: BaseException) -> str:
    """A driver error in our words (``Words``, both languages): its kind, never its text (which
    may quote a value)."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "password authentication failed" in text or "access denied" in text:
        return msg("db.auth")
    if "permission denied" in text or "command denied" in text:
        return msg("db.permission")
    if "statement timeout" in text or "max_statement_time" in text or "max_execution_time" in text:
        return msg("db.timeout")
    if "canceling statement" in text or "query execution was interrupted" in text:
        return msg("db.timeout")
    if "read-only" in text or "read only" in text or "readonly" in text:
        return msg("db.read_only")
    if "could not translate host name" in text or "name or service not known" in text:
        return msg("db.host")
    if "could not connect" in text or "connection refused" in text or "can't connect" in text:
        return msg("db.refused")
    if "does not exist" in text or "unknown database" in text or "doesn't exist" in text:
        return msg("db.not_found")
    orig = getattr(exc, "orig", None)
    return type(orig or exc).__name__


# --- reflection -------------------------------------------------------------------------------


def _wanted(name: str, globs: Sequence[str]) -> bool:
    return not globs or any(fnmatch.fnmatchcase(name, g) for g in globs)


def _type_name(column: dict[str, Any], dialect: Any) -> str | None:
    try:
        return str(column["type"].compile(dialect=dialect)).lower()
    except Exception:
        return type(column.get("type")).__name__.lower() or None


def reflect_database(db: Connection, options: DbOptions, problems: list[Problem]) -> list[Dataset]:
    sa = sqlalchemy_module()
    inspector = sa.inspect(db.conn)
    default = inspector.default_schema_name
    schemas = list(options.schemas) or [default]
    datasets: list[Dataset] = []
    for schema in schemas:
        own = None if schema == default else schema
        try:
            names = [(t, "table") for t in inspector.get_table_names(schema=own)]
            names += [(v, "view") for v in inspector.get_view_names(schema=own)]
        except Exception as exc:
            db.rollback()
            problems.append(
                Problem(db.shown, msg("db.list_schema", schema=schema, why=describe(exc)))
            )
            continue
        for table, kind in sorted(names):
            dataset_name = f"{schema}.{table}" if own else table
            if not (_wanted(table, options.tables) or _wanted(dataset_name, options.tables)):
                continue
            try:
                dataset, info = _reflect_table(db, inspector, own, table, kind, dataset_name)
            except Exception as exc:
                db.rollback()
                problems.append(
                    Problem(
                        db.shown,
                        msg("db.read", kind=kind_words(kind), name=dataset_name, why=describe(exc)),
                    )
                )
                continue
            datasets.append(dataset)
            db.tables[dataset_name] = info
    return datasets


def _reflect_table(
    db: Connection, inspector: Any, schema: str | None, table: str, kind: str, name: str
) -> tuple[Dataset, TableInfo]:
    columns = inspector.get_columns(table, schema=schema)
    try:
        comment = (inspector.get_table_comment(table, schema=schema) or {}).get("text")
    except NotImplementedError:  # SQLite has no comments
        comment = None
    primary: tuple[str, ...] = ()
    foreign: list[ForeignKey] = []
    if kind == "table":
        primary = tuple(
            (inspector.get_pk_constraint(table, schema=schema) or {}).get("constrained_columns")
            or ()
        )
        for fk in inspector.get_foreign_keys(table, schema=schema):
            referred = fk.get("referred_table") or ""
            referred_schema = fk.get("referred_schema")
            if referred_schema and referred_schema != inspector.default_schema_name:
                referred = f"{referred_schema}.{referred}"
            foreign.append(
                ForeignKey(
                    tuple(fk.get("constrained_columns") or ()),
                    referred,
                    tuple(fk.get("referred_columns") or ()),
                )
            )
    fields = tuple(
        Field(
            name=c["name"],
            pointer=f"{name}.{c['name']}",
            data_type=_type_name(c, db.conn.dialect),
            comment=c.get("comment") or None,
            nullable=c.get("nullable"),
        )
        for c in columns
    )
    dataset = Dataset(
        name=name,
        source_path=db.shown,
        source_format=db.dialect,
        fields=fields,
        comment=comment or None,
        primary_key=primary,
        foreign_keys=tuple(
            model.ForeignKey(fk.columns, fk.referred_table, fk.referred_columns) for fk in foreign
        ),
    )
    info = TableInfo(
        schema=schema,
        table=table,
        kind=kind,
        columns=tuple(c["name"] for c in columns),
        primary_key=primary,
        foreign_keys=tuple(foreign),
    )
    return dataset, info


def kind_words(kind: str) -> str:
    """``table`` / ``view`` in both languages."""
    return msg(f"db.{kind}") if kind in ("table", "view") else kind


def problem(url: str, message: str) -> Problem:
    """A problem of a database source (the URL shown without its password)."""
    return Problem(redact(url), message, severity=Severity.ERROR)
