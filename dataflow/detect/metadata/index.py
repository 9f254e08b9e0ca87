"""The catalog's keywords and context word lists, indexed once per catalog for the metadata rules."""

from __future__ import annotations

from dataflow.catalog import Catalog
from dataflow.detect.metadata.verdict import DatasetContext, MetadataVerdict, Scored
from dataflow.detect.metadata.words import has_cjk, own_spelling, split_name


class MetadataIndex:
    """The catalog's keywords and word lists, indexed for the metadata rules."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        d = catalog.dictionaries
        self.person = frozenset(w for w in d.get("person_context") if not has_cjk(w))
        self.person_zh = tuple(w for w in d.get("person_context") if has_cjk(w))
        self.non_person = frozenset(w for w in d.get("non_person_context") if not has_cjk(w))
        self.non_person_zh = tuple(w for w in d.get("non_person_context") if has_cjk(w))
        self.qualifiers = frozenset(w for w in d.get("non_person_qualifiers") if not has_cjk(w))
        self.qualifiers_zh = tuple(w for w in d.get("non_person_qualifiers") if has_cjk(w))
        self.dict_tables = frozenset(w for w in d.get("dictionary_tables") if not has_cjk(w))
        self.dict_tables_zh = tuple(w for w in d.get("dictionary_tables") if has_cjk(w))
        self.code_list_attributes = frozenset(d.get("code_list_attributes"))
        self.neg_prefix = frozenset(d.get("negative_prefixes"))
        self.neg_suffix = frozenset(d.get("negative_suffixes"))
        self.bound_prefix = frozenset(d.get("bound_prefixes"))
        self.bookkeeping = frozenset(d.get("bookkeeping_prefixes"))
        self.event_suffix = frozenset(d.get("event_suffixes"))
        self.ref_suffix = frozenset(d.get("reference_suffixes"))
        self.filler = frozenset(d.get("filler"))
        self.initials_person_endings = tuple(
            sorted(d.get("initials_person_endings"), key=len, reverse=True)
        )
        self.table_tails = frozenset(d.get("table_tails"))
        self.weak_person_heads = frozenset(d.get("weak_person_heads"))
        self.name_parts = frozenset("".join(split_name(w)) for w in d.get("personal_name_parts"))
        self.negative_en_comment = d.get("negative_en_comment")
        self.code_words = frozenset(d.get("code_words"))
        self.health_tables: list[tuple[str, str]] = []
        for pair in d.get("health_tables"):
            element_id, _, word = pair.partition("=")
            if element_id in catalog.elements:
                self.health_tables.append((word, element_id))
        self.health_tables.sort(key=lambda item: (-len(item[0]), item[0]))
        self.health_values = frozenset(d.get("health_value_columns"))
        self.health_meta = frozenset(d.get("health_meta_columns"))
        self.exam_sat_zh = tuple(d.get("exam_sat_zh"))
        self.neg_zh = tuple(d.get("negative_zh"))
        self.event_zh = tuple(d.get("event_zh"))
        self.zh_straddled = frozenset(d.get("zh_straddled_words"))
        self.thing_name_zh = tuple(d.get("thing_name_words_zh"))
        self.entry_name_zh = tuple(d.get("entry_name_words_zh"))
        self.person_endings_zh = tuple(d.get("person_endings_zh"))
        self.name_qualifiers_zh = tuple(d.get("name_qualifiers_zh"))
        self.kept_things_zh = tuple(d.get("kept_things_zh"))
        # compact keyword (tokens joined) -> [(element id, kind)]
        self.compact: dict[str, list[tuple[str, str]]] = {}
        self.substrings: list[tuple[str, str]] = []  # long keywords found inside one token
        # short abbreviations (`ssn`, `pwd`) found at the end of one token after a person word
        # (`PATIENTSSN`): abbreviation -> element id
        self.short_suffixes: dict[str, str] = {}
        self.zh: list[tuple[str, str]] = []  # (lower-cased Chinese keyword, element id)
        for element in catalog.detectable():
            kw = element.keywords
            for kind in ("en", "pinyin", "initials", "abbreviations", "weak"):
                for word in kw.get(kind):
                    if has_cjk(word):
                        self.zh.append((word.lower(), element.id))
                        continue
                    tokens = split_name(word)
                    if not tokens:
                        continue
                    key = "".join(tokens)
                    entry = (element.id, kind)
                    own = own_spelling(word)  # `telefon`, read as phone
                    bucket = self.compact.setdefault(key, [])
                    if entry not in bucket and not (
                        own and any(e == element.id for e, _kind in bucket)
                    ):
                        bucket.append(entry)
                    if own:  # as written, for a comment's words (`Straße`)
                        mine = self.compact.setdefault(own, [])
                        if entry not in mine:
                            mine.append(entry)
                    if kind in ("en", "pinyin", "abbreviations") and len(key) >= 6:
                        self.substrings.append((key, element.id))
                        if own and len(own) >= 6:  # `geschlecht` inside `patientgeschlecht`
                            self.substrings.append((own, element.id))
                    elif kind == "abbreviations" and len(key) >= 3 and len(tokens) == 1:
                        self.short_suffixes.setdefault(key, element.id)
            for word in kw.zh:
                self.zh.append((word.lower(), element.id))
        self.zh.sort(key=lambda item: (-len(item[0]), item[0], item[1]))
        self.substrings.sort(key=lambda item: (-len(item[0]), item[0], item[1]))
        # Chinese keywords by first character: (rank in ``zh``, keyword, element id).
        self.zh_first: dict[str, list[tuple[int, str, str]]] = {}
        for rank, (word, element_id) in enumerate(self.zh):
            if word:
                self.zh_first.setdefault(word[0], []).append((rank, word, element_id))
        # substring keywords by text: [(rank in ``substrings``, element id)]
        self.substring_index: dict[str, list[tuple[int, str]]] = {}
        for rank, (key, element_id) in enumerate(self.substrings):
            self.substring_index.setdefault(key, []).append((rank, element_id))
        self.substring_lengths = sorted({len(key) for key, _ in self.substrings})
        # verdicts by (name, comment, type, parent context, table context without its name)
        # verdicts with a placeholder table name, and whether their evidence names it
        self._verdicts: dict[tuple[object, ...], tuple[MetadataVerdict, bool]] = {}
        # each table context: the context without its name, and that one's number in the keys
        # of ``_verdicts`` (a number is hashed faster than the context, once per field); the
        # last table context asked about, compared by identity (one table's fields in a row)
        self._neutral: dict[DatasetContext, tuple[DatasetContext, int]] = {}
        self._neutral_ids: dict[DatasetContext, int] = {}
        self._last_neutral: tuple[DatasetContext, DatasetContext, int] | None = None
        self.health_words: dict[str, frozenset[str]] = {}

    def __getstate__(self) -> dict[str, object]:
        """What is kept on disk (``detector_for``): the index, without the catalog (put back on
        reading) and with none of the verdicts remembered in use."""
        state = dict(self.__dict__)
        del state["catalog"]
        state["_verdicts"] = {}
        state["_neutral"] = {}
        state["_neutral_ids"] = {}
        state["_last_neutral"] = None
        state["health_words"] = {}
        return state

    # -- public -------------------------------------------------------------------------------

    def scored_for(self, scored: dict[str, Scored], element_id: str) -> Scored | None:
        sc = scored.get(element_id)
        if sc is None:
            element = self.catalog.elements.get(element_id)
            if element is None:
                return None
            sc = scored[element_id] = Scored(element)
        return sc
