"""Liquibase changelogs written in XML, YAML or JSON (``databaseChangeLog``).

Java projects often keep their schema as a Liquibase changelog instead of SQL: each changeSet
creates tables (``createTable`` with ``column`` children and their ``remarks``), adds, drops,
renames and retypes columns, adds foreign and primary keys, sets remarks, or runs raw SQL
(``sql``). The changeSets are applied in the order written; a change to a table another
scanned file creates goes to the scan as the SQL reader's ALTER TABLE changes do (the same
``AlteredColumn``, ``AddedKey`` and ``CommentOn``), so a changelog split over files reads as one
schema. The three notations hold the same tree; each is turned into :class:`Node` first.

XML is read with expat, which gives every element's line; a document declaring entities
(``<!ENTITY``) is refused, so no entity is ever expanded, and nothing outside the file is read.
Changes that do not describe columns (indexes, views, data loading, sequences) are passed over.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from dataflow.i18n import msg
from dataflow.model import AddedKey, AlteredColumn, CommentOn, Dataset, Field, ForeignKey
from dataflow.readers._common import MAX_FIELDS, Problems

FORMAT = "liquibase"
ROOT = "databaseChangeLog"
# Elements and children deeper than this are not read (a changelog is a few levels deep).
MAX_DEPTH = 64
MAX_NODES = 500_000

Added = list[AddedKey | AlteredColumn | CommentOn]


@dataclass
class Node:
    """One element of a changelog: its kind (``createTable``), its scalar attributes, its
    child elements in order, its text (the SQL of a ``sql`` change) and its line."""

    kind: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    text: str = ""
    line: int | None = None
    text_line: int | None = None  # where ``text`` starts

    def get(self, *names: str) -> str | None:
        """The first of the attributes ``names`` that is set and not blank."""
        for name in names:
            value = self.attrs.get(name)
            if value is not None and value.strip():
                return value.strip()
        return None

    def each(self, kind: str) -> Iterator[Node]:
        return (c for c in self.children if c.kind == kind)


# --- detection ---------------------------------------------------------------------------------

_XML_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?databaseChangeLog[\s>/]")


def looks_like_xml_changelog(head: bytes) -> bool:
    """Whether the first bytes of an ``.xml`` file open a Liquibase changelog."""
    return _XML_ROOT.search(head) is not None


def looks_like_changelog(doc: object) -> bool:
    """Whether a parsed YAML or JSON document is a Liquibase changelog."""
    return isinstance(doc, dict) and ROOT in doc and len(doc) <= 3


# --- XML ---------------------------------------------------------------------------------------


class _Refused(Exception):
    """The document declares entities: not read."""


def _local(name: str) -> str:
    """An element or attribute name without its namespace (expat gives ``uri name``)."""
    return name.rsplit(" ", 1)[-1].rsplit(":", 1)[-1]


def parse_xml(text: str, problems: Problems) -> Node | None:
    """The changelog tree of XML ``text``; ``None`` (a problem said why) when it is broken."""
    from xml.parsers import expat

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    root = Node("#document")
    stack: list[Node] = [root]
    count = [0]
    texts: list[list[str]] = [[]]

    def start(name: str, attrs: dict[str, str]) -> None:
        count[0] += 1
        if count[0] > MAX_NODES or len(stack) > MAX_DEPTH:
            raise _Refused("p.liquibase_too_big")
        line = parser.CurrentLineNumber
        node = Node(_local(name), {_local(k): v for k, v in attrs.items()}, line=line)
        node.text_line = line  # a text starts where its start tag is (buffered text comes late)
        stack[-1].children.append(node)
        stack.append(node)
        texts.append([])

    def end(name: str) -> None:
        node = stack.pop()
        node.text = "".join(texts.pop())

    def chars(data: str) -> None:
        texts[-1].append(data)

    def entity(*_args: object) -> None:
        raise _Refused("p.liquibase_entities")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.EntityDeclHandler = entity
    parser.buffer_text = True
    try:
        parser.Parse(text, True)
    except _Refused as exc:
        problems.add(msg(str(exc)), parser.CurrentLineNumber)
        return None
    except expat.ExpatError as exc:  # the parser's own words name no content
        problems.add(
            msg("p.liquibase_xml", why=expat.ErrorString(exc.code)), exc.lineno, exc.offset + 1
        )
        return None
    top = [c for c in root.children if c.kind == ROOT]
    return top[0] if top else None


# --- YAML and JSON -----------------------------------------------------------------------------


def _scalar(value: object) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    return None


def tree(kind: str, value: object, key: str, lines: Any, depth: int = 0) -> Node:
    """A YAML/JSON changelog value as a :class:`Node`: scalars are attributes, a mapping value
    is a child of that kind, a list holds one-key mappings (``- column: {…}``) as children."""
    node = Node(kind, line=lines(key))
    if depth > MAX_DEPTH or not isinstance(value, dict):
        if isinstance(value, list) and depth <= MAX_DEPTH:
            node.children.extend(_items(value, key, lines, depth))
        return node
    for name, member in value.items():
        name = str(name)
        where = f"{key}.{name}" if key else name
        text = _scalar(member)
        if text is not None:
            if name == "sql" and kind == "sql":
                node.text, node.text_line = text, lines(where)
            else:
                node.attrs[name] = text
        elif isinstance(member, list):
            node.children.extend(_items(member, where, lines, depth + 1))
        elif isinstance(member, dict):
            node.children.append(tree(name, member, where, lines, depth + 1))
    return node


def _items(items: list[Any], key: str, lines: Any, depth: int) -> Iterable[Node]:
    for i, item in enumerate(items):
        where = f"{key}[{i}]"
        if isinstance(item, dict):
            for name, member in item.items():
                yield tree(str(name), member, f"{where}.{name}", lines, depth + 1)


# --- applying the changes ----------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\$\{[^}]*\}\.?")
_SPLIT = re.compile(r"\s*,\s*")
_REFERENCES = re.compile(r"^\s*([^\s(]+)\s*\(\s*([^)]*)\)\s*$")


def _name(text: str | None) -> str | None:
    """A table or column name as written, with ``${…}`` placeholders filled with nothing and
    quotes taken off; ``None`` when nothing is left."""
    if text is None:
        return None
    cleaned = _PLACEHOLDER.sub("", text).strip().strip('"`[]').strip()
    return cleaned or None


def _table(node: Node, table: str = "tableName", schema: str = "schemaName") -> str | None:
    name = _name(node.get(table))
    if name is None:
        return None
    owner = _name(node.get(schema))
    return f"{owner}.{name}" if owner else name


def _names(text: str | None) -> tuple[str, ...]:
    if text is None:
        return ()
    return tuple(n for n in (_name(p) for p in _SPLIT.split(text)) if n)


def _false(text: str | None) -> bool:
    return text is not None and text.strip().lower() == "false"


def _true(text: str | None) -> bool:
    return text is not None and text.strip().lower() == "true"


class _Changelog:
    """The tables of one changelog file, built by applying its changes in order."""

    def __init__(self, path: str, problems: Problems, added: Added | None) -> None:
        self.path = path
        self.problems = problems
        self.added = added
        self.tables: dict[str, Dataset] = {}  # by lower-case name, in creation order
        from dataflow.readers.sql.altered import Dropped

        self.dropped = Dropped()  # the columns changes of this file dropped, by table key

    # the tables of this file ------------------------------------------------------------

    def _own(self, table: str) -> str | None:
        key = table.lower()
        if key in self.tables:
            return key
        bare = key.rsplit(".", 1)[-1]
        hits = [k for k in self.tables if k.rsplit(".", 1)[-1] == bare]
        return hits[0] if len(hits) == 1 else None

    def _field(self, table: str, column: Node) -> Field | None:
        name = _name(column.get("name"))
        if name is None:
            return None
        constraints = next(column.each("constraints"), None)
        nullable = None
        if constraints is not None:
            if _false(constraints.get("nullable")) or _true(constraints.get("primaryKey")):
                nullable = False
            elif _true(constraints.get("nullable")):
                nullable = True
        return Field(
            name=name,
            pointer=f"{table}.{name}",
            data_type=_name(column.get("type")),
            comment=column.get("remarks"),
            line=column.line,
            nullable=nullable,
        )

    @staticmethod
    def _key(name: str, constraints: Node | None) -> ForeignKey | None:
        if constraints is None:
            return None
        target = _name(constraints.get("referencedTableName"))
        columns = _names(constraints.get("referencedColumnNames"))
        refs = constraints.get("references")
        if target is None and refs is not None:
            m = _REFERENCES.match(refs)
            target = _name(m.group(1) if m else refs)
            columns = _names(m.group(2)) if m else ()
        if target is None:
            return None
        owner = _name(constraints.get("referencedTableSchemaName"))
        return ForeignKey((name,), f"{owner}.{target}" if owner else target, columns)

    def create(self, node: Node) -> None:
        table = _table(node)
        if table is None:
            self.problems.warn(msg("p.liquibase_no_table", change=node.kind), node.line)
            return
        fields: list[Field] = []
        keys: list[ForeignKey] = []
        primary: list[str] = []
        for column in node.each("column"):
            f = self._field(table, column)
            if f is None:
                self.problems.warn(msg("p.liquibase_no_column", table=_masked(table)), column.line)
                continue
            if len(fields) >= MAX_FIELDS:
                self.problems.warn(msg("p.too_many_fields", max=MAX_FIELDS), column.line)
                break
            fields.append(f)
            constraints = next(column.each("constraints"), None)
            if constraints is not None and _true(constraints.get("primaryKey")):
                primary.append(f.name)
            key = self._key(f.name, constraints)
            if key is not None:
                keys.append(key)
        self.tables[table.lower()] = Dataset(
            name=table,
            source_path=self.path,
            source_format=FORMAT,
            fields=tuple(fields),
            comment=node.get("remarks"),
            line=node.line,
            primary_key=tuple(primary),
            foreign_keys=tuple(keys),
        )
        self.dropped.forget(table.lower())

    def change(self, table: str, change: AlteredColumn) -> None:
        """Apply ``change`` to this file's table of that name, else hand it to the scan."""
        from dataflow.readers.sql.altered import apply_change, stays_dropped

        own = self._own(table)
        if own is None:
            if self.added is not None:
                self.added.append(change)
            return
        if self.dropped.keeps_dropped(own, change):
            self.problems.warn(stays_dropped(change), change.field.line)
            return
        self.tables[own] = apply_change(self.tables[own], change)

    def add_key(self, table: str, key: ForeignKey, line: int | None) -> None:
        own = self._own(table)
        if own is None:
            if self.added is not None:
                self.added.append(AddedKey(table, key, line))
            return
        ds = self.tables[own]
        if key not in ds.foreign_keys:
            self.tables[own] = dataclasses.replace(ds, foreign_keys=(*ds.foreign_keys, key))

    def remarks(self, table: str, column: str | None, text: str) -> None:
        """``setTableRemarks``/``setColumnRemarks``: the text replaces the comment before it."""
        own = self._own(table)
        if own is None:
            if self.added is not None:
                self.added.append(CommentOn(table, column, text))
            return
        ds = self.tables[own]
        if column is None:
            self.tables[own] = dataclasses.replace(ds, comment=text)
            return
        fields = tuple(
            dataclasses.replace(f, comment=text) if f.name.lower() == column.lower() else f
            for f in ds.fields
        )
        self.tables[own] = dataclasses.replace(ds, fields=fields)

    # the changes ------------------------------------------------------------------------

    def apply(self, node: Node, changeset: str | None) -> None:
        kind = node.kind
        if kind == "createTable":
            self.create(node)
        elif kind in ("addColumn", "dropColumn", "renameColumn", "modifyDataType"):
            self._column_change(node, changeset)
        elif kind == "addForeignKeyConstraint":
            base = _table(node, "baseTableName", "baseTableSchemaName")
            target = _table(node, "referencedTableName", "referencedTableSchemaName")
            columns = _names(node.get("baseColumnNames"))
            if base and target and columns:
                key = ForeignKey(columns, target, _names(node.get("referencedColumnNames")))
                self.add_key(base, key, node.line)
        elif kind == "addPrimaryKey":
            own = self._own(_table(node) or "")
            if own is not None:
                ds = self.tables[own]
                self.tables[own] = dataclasses.replace(
                    ds, primary_key=_names(node.get("columnNames"))
                )
        elif kind in ("setTableRemarks", "setColumnRemarks"):
            table, text = _table(node), node.get("remarks")
            if table and text:
                column = _name(node.get("columnName")) if kind == "setColumnRemarks" else None
                if kind == "setTableRemarks" or column:
                    self.remarks(table, column, text)
        elif kind == "renameTable":
            self._rename(node)
        elif kind == "dropTable":
            own = self._own(_table(node) or "")
            if own is not None:
                del self.tables[own]
        elif kind == "sql":
            self._raw_sql(node)

    def _column_change(self, node: Node, changeset: str | None) -> None:
        table = _table(node)
        if table is None:
            self.problems.warn(msg("p.liquibase_no_table", change=node.kind), node.line)
            return
        kind = node.kind
        if kind == "addColumn":
            for column in node.each("column"):
                f = self._field(table, column)
                if f is not None:
                    self.change(table, AlteredColumn(table, f, changeset=changeset))
        elif kind == "dropColumn":
            names = [_name(node.get("columnName"))]
            names += [_name(c.get("name")) for c in node.each("column")]
            for name in names:
                if name is not None:
                    f = Field(name, f"{table}.{name}", line=node.line)
                    self.change(table, AlteredColumn(table, f, dropped=True, changeset=changeset))
        elif kind == "renameColumn":
            old, new = _name(node.get("oldColumnName")), _name(node.get("newColumnName"))
            if old and new:
                f = Field(
                    new,
                    f"{table}.{new}",
                    data_type=_name(node.get("columnDataType")),
                    comment=node.get("remarks"),
                    line=node.line,
                )
                change = AlteredColumn(
                    table, f, renamed_from=old, modified=True, changeset=changeset
                )
                self.change(table, change)
        else:  # modifyDataType
            name = _name(node.get("columnName"))
            if name:
                f = Field(
                    name,
                    f"{table}.{name}",
                    data_type=_name(node.get("newDataType")),
                    line=node.line,
                )
                self.change(table, AlteredColumn(table, f, modified=True, changeset=changeset))

    def _rename(self, node: Node) -> None:
        old = _table(node, "oldTableName")
        new = _table(node, "newTableName")
        own = self._own(old or "")
        if old is None or new is None:
            return
        if own is None:
            self.problems.warn(
                msg("p.liquibase_rename_elsewhere", table=_masked(old), new=_masked(new)),
                node.line,
            )
            return
        ds = self.tables.pop(own)
        fields = tuple(
            dataclasses.replace(f, pointer=f"{new}.{f.pointer[len(ds.name) + 1 :]}")
            for f in ds.fields
        )
        self.tables[new.lower()] = dataclasses.replace(ds, name=new, fields=fields)

    def _raw_sql(self, node: Node) -> None:
        from dataflow.readers.sql import read_sql

        text = node.text
        if not text.strip():
            return
        start = node.text_line or node.line or 1
        # the SQL at its own lines, so that problems and fields point into the changelog
        padded = "\n" * (start - 1) + text
        for ds in read_sql(padded, self.path, self.problems, self.added):
            self.tables[ds.name.lower()] = dataclasses.replace(ds, source_format=FORMAT)

    def datasets(self) -> list[Dataset]:
        return list(self.tables.values())


def _masked(name: str) -> str:
    from dataflow.readers.sql.parse import masked_name

    return masked_name(name)


def _changesets(root: Node) -> Iterable[tuple[Node, str | None]]:
    for node in root.children:
        if node.kind != "changeSet":
            continue
        author, ident = node.get("author"), node.get("id")
        yield node, f"{author}:{ident}" if author and ident else ident


def apply_changelog(
    root: Node, path: str, problems: Problems, added: Added | None
) -> list[Dataset]:
    """The tables the changeSets of ``root`` leave, in the order they were created."""
    log = _Changelog(path, problems, added)
    for changeset, name in _changesets(root):
        for change in changeset.children:
            if change.kind in ("rollback", "preConditions", "comment", "validCheckSum"):
                continue
            log.apply(change, name)
    return log.datasets()


def read_liquibase(
    text: str, path: str, suffix: str, problems: Problems, added: Added | None = None
) -> Sequence[Dataset]:
    """The datasets of a Liquibase changelog in XML (``suffix`` ``.xml``), YAML or JSON."""
    if suffix == ".xml":
        root = parse_xml(text, problems)
        if root is None:
            if not problems.has_errors:
                problems.add(msg("p.liquibase_no_root"))
            return ()
        return apply_changelog(root, path, problems, added)
    from dataflow.errors import UserError
    from dataflow.yamlio import load_yaml

    try:
        doc = load_yaml(path, text=text)
    except UserError as exc:
        problems.add(exc.message, exc.line, exc.column)
        return ()
    if not looks_like_changelog(doc.data):
        problems.add(msg("p.liquibase_no_root"))
        return ()
    root = tree(ROOT, doc.data[ROOT], ROOT, doc.line)
    return apply_changelog(root, path, problems, added)
