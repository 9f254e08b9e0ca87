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
from dataflow.yamlio import Checker, YamlDoc, join_key, load_yaml

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
    """Every entry of a legal-texts document by id; all problems in one error, one line each
    with the file, line and key path."""
    check = Checker(doc, ConfigError)
    root = check.keys(doc.data, "", required=("schema_version", "texts")) or {}
    out: dict[str, LegalText] = {}
    seen: set[str] = set()
    for i, raw in enumerate(check.list_(root.get("texts", []), "texts")):
        key = join_key("texts", i)
        before = len(check.errors)
        item = check.keys(raw, key, required=_REQUIRED, optional=("mechanisms",))
        if item is None:
            continue
        text = item.get("text")
        if not isinstance(text, dict) or set(text) != {"en", "zh"}:
            check.fail(join_key(key, "text"), msg("l.text_both"))  # a law is said in both
        effective = (
            check.date(item["effective"], join_key(key, "effective"))
            if "effective" in item
            else None
        )
        ident = str(item.get("id"))
        if ident in seen:
            check.fail(join_key(key, "id"), msg("l.duplicate_id", id=item["id"]))
        seen.add(ident)
        if len(check.errors) > before or not isinstance(text, dict):
            continue
        out[ident] = LegalText(
            id=ident,
            law=str(item["law"]),
            source=str(item["source"]),
            effective=effective or dt.date.min,
            text=Text(en=str(text["en"]), zh=str(text["zh"])),
            mechanisms=tuple(str(m) for m in item.get("mechanisms", ())),
        )
    check.raise_all()
    return out
