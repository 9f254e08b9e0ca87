"""Sentences of law the decision procedure says in its own words (``catalogs/legal_texts.yaml``).

Each entry names the law and article it states, its source and the date the law took effect;
code asks for an entry by id and fills its ``{placeholders}``. Shipped data, read once; a
broken file stops with its path, line and key path.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dataflow.errors import ConfigError
from dataflow.i18n import msg
from dataflow.model import Text
from dataflow.paths import catalogs_dir
from dataflow.yamlio import (
    YamlDoc,
    as_date,
    check_keys,
    date_problem,
    expect_list,
    expect_mapping,
    join_key,
    load_yaml,
)

FILE_NAME = "legal_texts.yaml"
_REQUIRED = ("id", "law", "source", "effective", "text")


@dataclass(frozen=True)
class LegalText:
    """One sentence of law: what it says (``text``), which law says it, since when."""

    id: str
    law: str
    source: str
    effective: dt.date
    text: Text
    mechanisms: tuple[str, ...] = ()  # for a rule: the mechanisms it allows


_LOADED: dict[str, LegalText] = {}


def legal_text(text_id: str) -> LegalText:
    """The entry ``text_id`` of the shipped legal texts."""
    if not _LOADED:
        _LOADED.update(
            load_legal_texts(load_yaml(catalogs_dir() / FILE_NAME, error_cls=ConfigError))
        )
    return _LOADED[text_id]


def load_legal_texts(doc: YamlDoc) -> dict[str, LegalText]:
    """Every entry of a legal-texts document by id; all problems in one error, each with its
    key path and line."""
    root = expect_mapping(doc, doc.data, "", ConfigError)
    problems = list(check_keys(doc, root, "", required=("schema_version", "texts")))
    out: dict[str, LegalText] = {}
    seen: set[str] = set()
    for i, raw in enumerate(expect_list(doc, root.get("texts", []), "texts", ConfigError)):
        key = join_key("texts", i)
        item = expect_mapping(doc, raw, key, ConfigError)
        found = list(check_keys(doc, item, key, required=_REQUIRED, optional=("mechanisms",)))
        text = item.get("text")
        if not isinstance(text, dict) or set(text) != {"en", "zh"}:
            found.append((join_key(key, "text"), msg("l.text_both")))
        effective = as_date(item.get("effective"))
        if effective is None and "effective" in item:
            found.append((join_key(key, "effective"), date_problem(item["effective"])))
        ident = str(item.get("id"))
        if ident in seen:
            found.append((join_key(key, "id"), msg("l.duplicate_id", id=item["id"])))
        seen.add(ident)
        problems.extend(found)
        if found or not isinstance(text, dict):
            continue
        out[str(item["id"])] = LegalText(
            id=str(item["id"]),
            law=str(item["law"]),
            source=str(item["source"]),
            effective=effective or dt.date.min,
            text=Text(en=str(text["en"]), zh=str(text["zh"])),
            mechanisms=tuple(str(m) for m in item.get("mechanisms", ())),
        )
    if problems:
        lines = [f"line {doc.line(k) or '?'}, {k or '(document)'}: {m}" for k, m in problems]
        raise ConfigError("; ".join(lines), path=doc.path)
    return out
