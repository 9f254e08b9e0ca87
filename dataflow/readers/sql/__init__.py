"""SQL DDL through sqlglot: CREATE TABLE statements with their comments, types and lines.

The file is split into statements here (quotes, comments and dollar-quoting respected), so
one broken statement is reported with its line while the others still count. Each CREATE
TABLE is parsed with the dialects the text suggests first (MySQL, PostgreSQL, Hive/Spark,
SQL Server, Oracle, SQLite, Snowflake, BigQuery, Teradata, generic); the first that parses
wins. Column and table comments (inline ``COMMENT``, ``COMMENT=``, ``COMMENT ON … IS``, SQL
Server's ``sp_addextendedproperty 'MS_Description'``, and a ``/* … */`` or ``-- …`` comment
that follows a column on its line, as PowerDesigner writes them) are kept, as are inline allow
comments ``-- dataflow: allow <element> "reason"`` on or just above a column line. A CREATE
TABLE guarded by ``IF [NOT] EXISTS (…)`` (generated SQL Server scripts) is read too, and so
is one that follows a complete statement with no ``;`` between them (``split_run_on``). A
collation named with its schema (Navicat's ``COLLATE "pg_catalog"."default"``) is read as its
last part (``parse.plain_collations``); a primary key an ``ALTER TABLE … ADD PRIMARY KEY`` adds
is the table's; T-SQL statements that are not schema (``DBCC``, ``RAISERROR``, a bare
``sp_…`` call) are passed over like other non-schema verbs (``OTHER_VERBS``). SQL*Plus client
commands that start a statement (``prompt …``, ``set define off``) are blanked (``sqlplus``), and
a PL/SQL unit is one statement up to its ``/`` line (``statements``); Oracle's ``MODIFY (…)`` is
read as the columns it lists (``altered``). Placeholders a
migration tool fills in (``${schema}.users``, ``t_attend${postfix}``) read as filled with
nothing (``parse.without_placeholders``). The table-prefix placeholder of a PHP
application's installer (``{PREFIX}authors``, ``%PREFIX%users``, Joomla's ``#__users``) is
left out of the names it starts, with one warning per file (``parse.without_table_prefix``).
``column : meaning`` lines in the comments above a CREATE TABLE are its columns' comments
(``_sql_comments``). A Jinja template (a dbt model, macro or test) is read with its tags
blanked when it creates tables, else passed over with one warning (``jinja``). Storage tails the parser does not know (``ON [PRIMARY]``, ``DISTRIBUTED
BY``, Oracle and DB2 storage) are skipped quietly; any other skipped tail, and any table not
read, is a problem naming the table and its line.

sqlglot's error messages and log lines quote the SQL, so its logger is silenced while parsing
and problems are described in dataflow's own words with positions only. Plain MySQL and
PostgreSQL CREATE TABLE statements are read without sqlglot (``simple.read_plain``), with the
result sqlglot's tree gives; sqlglot is imported only for the other statements.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from dataflow.i18n import msg
from dataflow.model import AddedKey, AlteredColumn, CommentOn, Dataset
from dataflow.readers._common import LineIndex, Problems
from dataflow.readers.sql.alter import (
    ALTER_COMMENT,
    alter_foreign_keys,
    alter_primary_key,
    altered_table,
    apply_comment_on,
    apply_foreign_keys,
    apply_primary_keys,
)
from dataflow.readers.sql.altered import (
    Dropped,
    altered_columns,
    apply_altered_columns,
    changes_columns,
    commented,
    own_datasets,
    stays_dropped,
)
from dataflow.readers.sql.copied import copied_from, copy_columns, from_query
from dataflow.readers.sql.databases import qualify, read_so_far, switched_to
from dataflow.readers.sql.dialects import (
    DIALECTS,
    guess_dialects,
)
from dataflow.readers.sql.inserted import InsertedColumn, insert_datasets, inserted_columns
from dataflow.readers.sql.jinja import creates_tables, template_tags, without_tags
from dataflow.readers.sql.lazy import Lazy
from dataflow.readers.sql.linecomments import dash_line_comments
from dataflow.readers.sql.parse import (
    first_word,
    masked_name,
    parse_create,
    quiet_sqlglot,
    table_named,
    without_placeholders,
    without_table_prefix,
)
from dataflow.readers.sql.sqlplus import blank_client_commands
from dataflow.readers.sql.statements import (
    COMMENT_ON,
    CREATE_OTHER,
    CREATE_TABLE,
    MAX_STATEMENT_CHARS,
    OTHER_VERBS,
    PROCEDURE_CALL,
    TABLE_LINE,
    Statement,
    split_run_on,
    split_statements,
)
from dataflow.readers.sql.tables import create_table
from dataflow.readers.sql.tsql import (
    GO_LINE,
    batch_head,
    extended_properties,
    guarded_create,
    paren_depth,
)

# The start of a changeSet of a Liquibase changelog in SQL (``--changeset author:id``).
_CHANGESET = Lazy(r"^[ \t]*--[ \t]*changeset[ \t]+(\S+)", re.IGNORECASE | re.MULTILINE)


def read_sql(
    text: str,
    path: str,
    problems: Problems,
    added: list[AddedKey | AlteredColumn | CommentOn] | None = None,
) -> list[Dataset]:
    """Datasets of every CREATE TABLE in ``text``; problems for statements that fail to parse.

    Foreign keys an ALTER TABLE adds to a table this text does not create go to ``added``
    (for a table of another file), or are reported when ``added`` is None; so do the columns
    an ALTER TABLE adds, changes or renames, which are otherwise datasets of their own, and the
    COMMENT ON texts of tables this text does not create.
    """
    if template_tags(text):
        if not creates_tables(text):
            problems.warn(msg("p.sql_template"), 1)
            return []
        text = without_tags(text)
    text, prefix, at = without_table_prefix(text)
    if prefix is not None:
        problems.warn(msg("p.sql_table_prefix", placeholder=prefix), text.count("\n", 0, at) + 1)
    text = blank_client_commands(without_placeholders(text))
    source = text
    dialects = guess_dialects(text)
    text = dash_line_comments(text, hash_comments=dialects[0] != "tsql")
    r = _Reading(
        text,
        path,
        problems,
        LineIndex(text),
        text.split("\n"),
        dialects,
        batches=GO_LINE.search(text) is not None,  # SQL Server batches: ';' is optional
        source=source,
    )
    with quiet_sqlglot():
        for whole in split_statements(text):
            for piece in split_run_on(whole):
                _note_database(r, piece.text)
                stmt = _past_separators(piece)
                if stmt is not None:
                    _read_statement(r, stmt)
    qualify(r)
    datasets = r.datasets
    dropped = Dropped()
    columns_elsewhere = commented(apply_altered_columns(datasets, r.columns, dropped), r.comments)
    comments_elsewhere = apply_comment_on(datasets, r.comments)
    apply_primary_keys(datasets, r.primary_keys)
    elsewhere = apply_foreign_keys(datasets, r.altered)
    if added is not None:
        added.extend(elsewhere)
        added.extend(columns_elsewhere)
        added.extend(comments_elsewhere)
    else:
        for key in elsewhere:
            problems.warn(msg("p.sql_key_elsewhere", table=masked_name(key.table)), key.line)
        datasets.extend(own_datasets(columns_elsewhere, path, dropped))
    for change in dropped.skipped:
        problems.warn(stays_dropped(change), change.field.line)
    for i, gap in enumerate(r.gaps):
        if "--" in gap or "/*" in gap or "//" in gap or "#" in gap:
            datasets[i] = _apply_lead(datasets[i], gap)
    _inserted(r, datasets, added)
    copies_elsewhere = copy_columns(datasets, r.copies)
    if added is not None:
        added.extend(copies_elsewhere)
    for copy in copies_elsewhere if added is None else ():
        problems.warn(
            msg(
                "p.sql_copy_nowhere",
                table=masked_name(copy.table),
                parent=masked_name(copy.parent),
            ),
            copy.field.line,
        )
    return datasets


@dataclass
class _Reading:
    """One SQL file being read: its text and what its statements gave so far."""

    text: str
    path: str
    problems: Problems
    index: LineIndex
    lines: list[str]
    dialects: list[str]
    batches: bool
    source: str  # the file's text (``text`` has its ``//`` and ``#`` comment lines as ``--``)
    datasets: list[Dataset] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)  # the text before each dataset's statement
    comments: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, name, comment)
    altered: list[AddedKey] = field(default_factory=list)  # ALTER TABLE … ADD FOREIGN KEY
    primary_keys: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # ADD PRIMARY KEY
    columns: list[AlteredColumn] = field(default_factory=list)  # ALTER TABLE … ADD COLUMN
    inserted: list[InsertedColumn] = field(default_factory=list)  # INSERT INTO t (columns)
    inserted_seen: set[tuple[str, str]] = field(default_factory=set)  # (table, column)
    # tables that take another's columns: (index, kind, that table, line) (``sql.copied``)
    copies: list[tuple[int, str, str, int]] = field(default_factory=list)
    # each switch of database (``USE x``, ``\\c x``): the database and how many datasets,
    # keys, primary keys, columns and comments were read before it (``databases.read_so_far``)
    marks: list[tuple[str, int, int, int, int, int]] = field(default_factory=list)
    _changesets: list[tuple[int, str]] | None = None  # (offset, author:id) of each --changeset

    def changeset_at(self, offset: int) -> str | None:
        """The ``author:id`` of the Liquibase ``--changeset`` the text at ``offset`` is part
        of (a formatted SQL changelog), else None."""
        if self._changesets is None:
            self._changesets = [(m.start(), m.group(1)) for m in _CHANGESET().finditer(self.source)]
        k = bisect.bisect_right(self._changesets, (offset, "\uffff")) - 1
        return self._changesets[k][1] if k >= 0 else None

    def create(self, stmt: Statement, gap: str) -> None:
        """Read the CREATE TABLE ``stmt`` (``gap``: the comments above it)."""
        ds = create_table(
            stmt, self.path, self.dialects, self.index, self.text, self.lines, self.problems
        )
        if ds is not None:
            self.datasets.append(ds)
            self.gaps.append(gap)


def _note_database(r: _Reading, text: str) -> None:
    """Note the database a ``USE x`` statement or ``\\c x`` line switches to."""
    db = switched_to(text)
    if db is not None and (not r.marks or r.marks[-1][0] != db):
        r.marks.append((db, *read_so_far(r)))


def _past_separators(stmt: Statement) -> Statement | None:
    """``stmt`` without the batch separators (``GO``) and psql meta-commands it starts with;
    None when nothing else is left."""
    body = stmt.text
    while first_word(body) == "GO" or body.startswith("\\"):
        cut = body.find("\n")
        if cut == -1:
            return None
        shift = len(body) - len(body[cut:].lstrip())
        stmt = replace(stmt, start=stmt.start + shift, text=body[shift:])
        body = stmt.text
    return stmt if body.strip() else None


def _read_statement(r: _Reading, stmt: Statement) -> None:
    """One statement: a CREATE TABLE (also behind an ``IF NOT EXISTS`` guard), what it adds
    to tables (comments, foreign keys), or a problem for what is not a schema statement."""
    text, body = r.text, stmt.text
    word = first_word(body)
    line = r.index.line(stmt.start)
    gap = r.source[stmt.raw_start : stmt.start]
    if stmt.raw_start and text[stmt.raw_start - 1] != "\n":  # the previous line's end
        gap = gap[gap.find("\n") + 1 :] if "\n" in gap else ""
    if "EXTENDEDPROPERTY" in body.upper():  # also after a CREATE TABLE of one batch
        r.comments.extend(extended_properties(body))
    if CREATE_TABLE.match(body):
        before = len(r.datasets)
        r.create(batch_head(stmt) if r.batches else stmt, gap)
        if len(r.datasets) > before:
            _note_copy(r, body, line)
        return
    if word == "COMMENT":
        m = COMMENT_ON().match(body)
        if m:
            r.comments.append((m.group(1).upper(), m.group(2), m.group(3)))
        return
    guarded = guarded_create(stmt) if word in ("IF", "BEGIN") else None
    if guarded is not None:
        r.create(guarded, gap)
        return
    if word == "CREATE":
        words = re.findall(r"[A-Za-z_]+", body[:200].upper())[1:6]
        if not any(w in CREATE_OTHER for w in words):
            r.problems.add(
                msg("p.sql_create_other"),
                line,
            )
        return
    if word == "ALTER":
        r.altered.extend(AddedKey(t, fk, line) for t, fk in alter_foreign_keys(body))
        primary = alter_primary_key(body)
        if primary is not None:
            r.primary_keys.append(primary)
        if changes_columns(body):
            changes = altered_columns(stmt, r.dialects, r.index, r.lines, r.problems)
            if changes is None:
                r.problems.add(msg("p.sql_alter", table=altered_table(body)), line)
            else:
                changeset = r.changeset_at(stmt.start)
                r.columns.extend(replace(c, changeset=changeset) for c in changes)
        described = ALTER_COMMENT().match(body)
        if described:  # MySQL (PowerDesigner): ALTER TABLE t COMMENT '患者'
            r.comments.append(("TABLE", described.group(1), described.group(2)))
    if word == "INSERT":  # each table's columns once: a dump repeats them row after row
        for col in inserted_columns(body, line):
            key = (col.table.lower(), col.field.name.lower())
            if key not in r.inserted_seen:
                r.inserted_seen.add(key)
                r.inserted.append(col)
    if word in OTHER_VERBS or PROCEDURE_CALL.match(body):
        _embedded_create(r, stmt, line)
        return
    r.problems.add(msg("p.sql_not_sql"), line)
    table = TABLE_LINE().search(body)
    if table is not None:  # a line of prose glued to the statement after it
        at = table.start() + len(body[table.start() :]) - len(body[table.start() :].lstrip())
        _read_statement(r, Statement(stmt.start + at, stmt.start + at, stmt.end, body[at:]))


def _inserted(
    r: _Reading, datasets: list[Dataset], added: list[AddedKey | AlteredColumn | CommentOn] | None
) -> None:
    """The columns of INSERT statements into tables this file does not create: for the scan
    to match against other files (``added``), else datasets of their own (``sql.inserted``)."""
    if not r.inserted:
        return
    names = {ds.name.lower() for ds in datasets}
    bare = {name.rsplit(".", 1)[-1] for name in names}

    def created(table: str) -> bool:
        return table.lower() in names or table.lower().rsplit(".", 1)[-1] in bare

    if added is not None:
        added.extend(c for c in r.inserted if not created(c.table))
        return
    own, notes = insert_datasets([(r.path, c) for c in r.inserted], created)
    datasets.extend(own)
    for note in notes:
        r.problems.warn(note.message, note.line)


def _note_copy(r: _Reading, body: str, line: int) -> None:
    """Note that the table just read takes the columns of another (``PARTITION OF``,
    ``LIKE``, ``AS SELECT *``), or warn that its columns come from a query not read."""
    found = copied_from(body)
    if found is not None:
        r.copies.append((len(r.datasets) - 1, found[0], found[1], line))
    elif not r.datasets[-1].fields and from_query(body):
        r.problems.warn(msg("p.sql_query_columns", table=masked_name(r.datasets[-1].name)), line)


# What follows ``CREATE TABLE`` when a GRANT or REVOKE names the privilege.
_PRIVILEGE_END = Lazy(r"\s*(?:,|;|$|(?:TO|FROM|ON|WITH)\b)", re.IGNORECASE)


def _embedded_create(r: _Reading, stmt: Statement, line: int) -> None:
    """A CREATE TABLE inside another statement that does not parse as a whole: read on its
    own when it starts a statement of a T-SQL batch, else reported."""
    body = stmt.text
    embedded = CREATE_TABLE.search(body)
    if first_word(body) in ("GRANT", "REVOKE"):
        # ``GRANT CREATE TABLE, CREATE VIEW TO u``: a privilege, not a table.
        while embedded and _PRIVILEGE_END().match(body, embedded.end()):
            embedded = CREATE_TABLE.search(body, embedded.end())
    if not embedded or parse_create(body[:MAX_STATEMENT_CHARS], r.dialects)[0] is not None:
        return
    if r.batches and paren_depth(body, embedded.start()) == 0:
        # T-SQL needs no ';' between statements: ``IF EXISTS (…) DROP TABLE
        # t CREATE TABLE t (…)`` is two statements of one batch.
        at = embedded.start()
        r.create(Statement(stmt.start + at, stmt.start + at, stmt.end, body[at:]), "")
        return
    r.problems.add(
        msg(
            "p.sql_embedded",
            table=table_named(body, embedded.start()),
            line=r.index.line(stmt.start + embedded.start()),
        ),
        line,
    )


def _apply_lead(ds: Dataset, gap: str) -> Dataset:
    """``ds`` with the table and column comments the comments above its statement give."""
    from dataflow.readers._sql_comments import read_lead

    lead = read_lead(gap, ds.name, (f.name for f in ds.fields))
    fields = tuple(
        replace(f, comment=lead.columns[f.name.lower()])
        if not f.comment and f.name.lower() in lead.columns
        else f
        for f in ds.fields
    )
    return replace(ds, fields=fields, comment=ds.comment or lead.table_comment)


# Names other modules and tests import from here.
__all__ = [
    "DIALECTS",
    "MAX_STATEMENT_CHARS",
    "Statement",
    "guess_dialects",
    "read_sql",
    "split_run_on",
    "split_statements",
]
