"""Reading the values of catalog files: texts, word lists, ids, grades, conditions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from dataflow.catalog.model import (
    ART28_GROUPS,
    CONDITION_KEYS,
    KEYWORD_KINDS,
    CatalogProblem,
    Condition,
    Keywords,
)
from dataflow.condition import SPELLINGS, attribute
from dataflow.i18n import msg
from dataflow.model import Grade, Text
from dataflow.yamlio import Checker, YamlDoc, join_key, type_name

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")


class FieldReader:
    """Reads single values of a catalog file, recording every problem in ``problems``."""

    problems: list[CatalogProblem]

    # -- problem helpers --
    def add(self, doc: YamlDoc, key: str, message: str) -> None:
        self.problems.append(CatalogProblem(doc.path, doc.line(key), key or None, message))

    def _words(self, doc: YamlDoc, value: Any, key: str) -> list[str]:
        """A word list given as a list or as ``{en: […], zh: […]}`` (English lower-cased)."""
        out: list[str] = []
        if isinstance(value, Mapping):
            self._unknown(doc, value, key, ("en", "zh"))
            for lang in ("en", "zh"):
                if lang in value:
                    items = self._strings(doc, value[lang], join_key(key, lang))
                    out.extend(w if lang == "zh" else w.lower() for w in items)
        else:
            out.extend(w.lower() for w in self._strings(doc, value, key))
        return out

    def _items(self, doc: YamlDoc, value: Any, key: str) -> Iterable[tuple[int, dict[str, Any]]]:
        if not isinstance(value, list):
            self.add(doc, key, msg("y.expected_list", got=type_name(value)))
            return
        for i, item in enumerate(value):
            if not isinstance(item, Mapping):
                self.add(doc, join_key(key, i), msg("y.expected_mapping", got=type_name(item)))
                continue
            yield i, dict(item)

    def _unknown(
        self, doc: YamlDoc, item: Mapping[str, Any], key: str, allowed: Sequence[str]
    ) -> None:
        for k in item:
            if k not in allowed:
                self.add(
                    doc,
                    join_key(key, k),
                    msg("y.unknown_key", name=k, allowed=sorted(allowed)),
                )

    def _text(self, doc: YamlDoc, value: Any, key: str) -> Text | None:
        """A text by the shared rules: one string, or ``{en, zh}`` with either or both."""
        checker = Checker(doc)
        text = checker.text(value, key)
        self.problems.extend(
            CatalogProblem(p.path, p.line, p.key, p.message) for p in checker.errors
        )
        return text

    def _strings(self, doc: YamlDoc, value: Any, key: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.add(doc, key, msg("c.strings", got=type_name(value)))
            return ()
        out: list[str] = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.add(doc, join_key(key, i), msg("y.expected_string", got=type_name(item)))
                continue
            out.append(item.strip())
        return tuple(out)

    def _bool(self, doc: YamlDoc, value: Any, key: str) -> bool | None:
        if not isinstance(value, bool):
            self.add(doc, key, msg("y.expected_bool", got=type_name(value)))
            return None
        return value

    def _grade(self, doc: YamlDoc, value: Any, key: str) -> Grade | None:
        if not isinstance(value, str):
            self.add(doc, key, msg("c.grade_name", got=type_name(value)))
            return None
        try:
            return Grade.parse(value)
        except ValueError:
            self.add(doc, key, msg("c.grade", got=repr(value), allowed=[g.label for g in Grade]))
            return None

    def _id(self, doc: YamlDoc, item: Mapping[str, Any], key: str) -> str | None:
        value = item.get("id")
        if value is None:
            self.add(doc, key, msg("y.missing_key", name="id"))
            return None
        if not isinstance(value, str) or not _ID_RE.match(value):
            self.add(
                doc,
                join_key(key, "id"),
                msg("c.invalid_id", id=repr(value)),
            )
            return None
        return value

    def _new_id(
        self, doc: YamlDoc, item: Mapping[str, Any], key: str, seen: set[str], duplicate: str
    ) -> str | None:
        """The entry's valid id when this file has not defined it yet (then recorded in ``seen``);
        a repeat is a problem with the catalog message ``duplicate``."""
        value = self._id(doc, item, key)
        if value is None:
            return None
        if value in seen:
            self.add(doc, join_key(key, "id"), msg(duplicate, id=value))
            return None
        seen.add(value)
        return value

    def _keywords(self, doc: YamlDoc, value: Any, key: str) -> Keywords:
        if not isinstance(value, Mapping):
            self.add(doc, key, msg("c.keywords", got=type_name(value)))
            return Keywords()
        self._unknown(doc, value, key, KEYWORD_KINDS)
        out: dict[str, tuple[str, ...]] = {}
        for kind in KEYWORD_KINDS:
            if kind in value:
                words = self._strings(doc, value[kind], join_key(key, kind))
                out[kind] = tuple(w if kind == "zh" else w.lower() for w in words)
        return Keywords(**out)

    def _condition(self, doc: YamlDoc, value: Any, key: str) -> Condition | None:
        if not isinstance(value, Mapping) or not value:
            self.add(doc, key, msg("c.conditions", got=type_name(value)))
            return None
        self._unknown(doc, value, key, (*CONDITION_KEYS, *SPELLINGS))
        if "sector" in value and "sectors" in value:
            self.add(
                doc, join_key(key, "sector"), msg("n.both_spellings", one="sector", other="sectors")
            )
        kwargs: dict[str, Any] = {}
        for k in (
            "elements_any",
            "elements_all",
            "categories_any",
            "sectors",
            "sector",
            "sensitive_groups_any",
        ):
            if k in value:
                kwargs[attribute(k)] = self._strings(doc, value[k], join_key(key, k))
        if "dataset_terms_any" in value:
            kwargs["dataset_terms_any"] = tuple(
                w.lower()
                for w in self._strings(
                    doc, value["dataset_terms_any"], join_key(key, "dataset_terms_any")
                )
            )
        for k in ("sensitive", "direct_identifier", "personal"):
            if k in value:
                kwargs[k] = self._bool(doc, value[k], join_key(key, k))
        for k in ("subjects_gt", "subjects_gte"):
            if k in value:
                n = value[k]
                if not isinstance(n, int) or isinstance(n, bool) or n < 0:
                    self.add(doc, join_key(key, k), msg("y.count", got=type_name(n)))
                else:
                    kwargs[k] = n
        for i, g in enumerate(kwargs.get("sensitive_groups_any", ())):
            if g not in ART28_GROUPS:
                self.add(
                    doc,
                    join_key(join_key(key, "sensitive_groups_any"), i),
                    msg("c.group", group=repr(g)),
                )
        return Condition(**kwargs)
