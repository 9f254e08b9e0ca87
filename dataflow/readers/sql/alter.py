"""What statements after a CREATE TABLE add to it: ``ALTER TABLE`` foreign keys and ``COMMENT ON``."""

from __future__ import annotations

import re
from dataclasses import replace

from dataflow.model import AddedKey, CommentOn, Dataset, ForeignKey
from dataflow.readers.sql.lazy import Lazy

_IDENT = r"[`\"\[]?[\w$]+[`\"\]]?(?:\.[`\"\[]?[\w$]+[`\"\]]?){0,2}"
_ALTER_FK = Lazy(
    rf"ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?({_IDENT})(.*)",
    re.IGNORECASE | re.DOTALL,
)
ALTER_COMMENT = Lazy(
    rf"ALTER\s+TABLE\s+({_IDENT})\s+COMMENT\s*=?\s*('(?:[^'\\]|''|\\.)*')\s*$", re.IGNORECASE
)
_ADD_FK = Lazy(
    rf"FOREIGN\s+KEY\s*\(([^)]*)\)\s*REFERENCES\s+({_IDENT})\s*(?:\(([^)]*)\))?",
    re.IGNORECASE,
)


def _columns_of(text: str | None) -> tuple[str, ...]:
    return tuple(unquote(c.strip()) for c in (text or "").split(",") if c.strip())


def alter_foreign_keys(body: str) -> list[tuple[str, ForeignKey]]:
    """``(table, foreign key)`` for each ``ADD … FOREIGN KEY … REFERENCES`` of an ALTER TABLE."""
    m = _ALTER_FK().match(body)
    if m is None:
        return []
    table = ".".join(_split_name(m.group(1)))
    return [
        (
            table,
            ForeignKey(
                _columns_of(fk.group(1)),
                ".".join(_split_name(fk.group(2))),
                _columns_of(fk.group(3)),
            ),
        )
        for fk in _ADD_FK().finditer(m.group(2))
    ]


_ADD_PK = Lazy(
    rf"(?:^|,)\s*ADD\s*(?:\(\s*)?(?:CONSTRAINT\s+{_IDENT}\s+)?PRIMARY\s+KEY\s*(?:(?:NON)?CLUSTERED\s*)?"
    r"\(([^)]*)\)",
    re.IGNORECASE,
)


def alter_primary_key(body: str) -> tuple[str, tuple[str, ...]] | None:
    """``(table, columns)`` of ``ALTER TABLE t ADD [CONSTRAINT c] PRIMARY KEY (…)``, as
    pg_dump and Navicat write every table's key after its CREATE TABLE (Oracle's ``ADD (
    PRIMARY KEY (…) …)`` too); else None."""
    m = _ALTER_FK().match(body)
    if m is None:
        return None
    key = _ADD_PK().search(m.group(2))
    if key is None or not _columns_of(key.group(1)):
        return None
    return ".".join(_split_name(m.group(1))), _columns_of(key.group(1))


def apply_primary_keys(datasets: list[Dataset], keys: list[tuple[str, tuple[str, ...]]]) -> None:
    """Give each dataset named by ``keys`` that has no primary key yet the columns given."""
    for table, columns in keys:
        k = find_dataset(datasets, table.split("."))
        if k is not None and not datasets[k].primary_key:
            datasets[k] = replace(datasets[k], primary_key=columns)


def apply_foreign_keys(datasets: list[Dataset], altered: list[AddedKey]) -> list[AddedKey]:
    """Add each key to the dataset it names; the keys of tables not among ``datasets``."""
    elsewhere: list[AddedKey] = []
    for added in altered:
        k = find_dataset(datasets, added.table.split("."))
        if k is None:
            elsewhere.append(added)
        elif added.key not in datasets[k].foreign_keys:
            keys = (*datasets[k].foreign_keys, added.key)
            datasets[k] = replace(datasets[k], foreign_keys=keys)
    return elsewhere


def altered_table(body: str) -> str:
    """The name of the table the ALTER TABLE ``body`` names, masked for a message."""
    from dataflow.i18n import msg
    from dataflow.readers.sql.parse import masked_name

    m = _ALTER_FK().match(body)
    if m is None:
        return msg("p.sql_name_unreadable")
    return masked_name(".".join(_split_name(m.group(1))))


def unquote(part: str) -> str:
    part = part.strip()
    if len(part) >= 2 and part[0] in '"`[' and part[-1] in '"`]':
        return part[1:-1]
    return part


def _split_name(text: str) -> list[str]:
    parts = re.findall(r'"[^"]*"|`[^`]*`|\[[^\]]*\]|[^.\s]+', text.strip())
    return [unquote(p) for p in parts]


def apply_comment_on(
    datasets: list[Dataset], comments: list[tuple[str, str, str]]
) -> list[CommentOn]:
    """Attach ``COMMENT ON TABLE/COLUMN … IS '…'`` to the datasets they name; the comments
    of tables none of ``datasets`` is."""
    elsewhere: list[CommentOn] = []
    for kind, target, literal in comments:
        text = _comment_text(literal)
        if not text:
            continue
        parts = _split_name(target)
        if kind == "COLUMN":
            if len(parts) < 2:
                continue
            table_parts, column = parts[:-1], parts[-1]
        else:
            table_parts, column = parts, None
        i = find_dataset(datasets, table_parts)
        if i is None:
            elsewhere.append(CommentOn(".".join(table_parts), column, text))
            continue
        datasets[i] = with_comment(datasets[i], column, text, same_file=True)
    return elsewhere


def with_comment(ds: Dataset, column: str | None, text: str, *, same_file: bool = False) -> Dataset:
    """``ds`` with ``text`` as the comment of its table (``column`` None) or of the column of
    that name, where it has none yet.

    ``same_file``: ``text`` is a ``COMMENT ON COLUMN`` of the file that creates the table. It
    is the column's declared description there and comes first; a different comment the column
    already had (a ``-- …`` remark after it on its line, such as ``--新增`` "added", which
    Oracle and PostgreSQL scripts write next to columns described later) is kept after it
    rather than standing in for it. From another file, the table's own file's comment wins."""
    if column is None:
        return replace(ds, comment=ds.comment or text)
    fields = tuple(
        replace(f, comment=_declared_first(text, f.comment) if same_file else f.comment or text)
        if f.name.lower() == column.lower()
        else f
        for f in ds.fields
    )
    return replace(ds, fields=fields)


def _declared_first(declared: str, earlier: str | None) -> str:
    if not earlier or earlier == declared or earlier in declared:
        return declared
    if declared in earlier:
        return earlier
    return f"{declared} ({earlier})"


def _comment_text(literal: str) -> str:
    """The text of a ``COMMENT ON … IS`` literal (``'…'`` or ``NULL``), "" when there is none."""
    if literal.upper() == "NULL":
        return ""
    return literal[1:-1].replace("''", "'").strip()


def column_comments(comments: list[tuple[str, str, str]]) -> dict[tuple[str, str], str]:
    """``COMMENT ON COLUMN`` texts by (table name without its schema, column), lower-case."""
    out: dict[tuple[str, str], str] = {}
    for kind, target, literal in comments:
        if kind != "COLUMN":
            continue
        text = _comment_text(literal)
        parts = _split_name(target)
        if text and len(parts) >= 2:
            out.setdefault((parts[-2].lower(), parts[-1].lower()), text)
    return out


def find_dataset(datasets: list[Dataset], parts: list[str]) -> int | None:
    wanted = ".".join(parts).lower()
    for i, ds in enumerate(datasets):
        if ds.name.lower() == wanted:
            return i
    last = parts[-1].lower() if parts else ""
    hits = [i for i, ds in enumerate(datasets) if ds.name.lower().rsplit(".", 1)[-1] == last]
    return hits[0] if len(hits) == 1 else None
