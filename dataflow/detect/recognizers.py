"""Presidio recognizers built from ``catalogs/recognizers.yaml``.

The YAML file is data (patterns, scores, context words, the validator's name, sources); this
module turns each entry into a Presidio ``PatternRecognizer`` whose ``validate_result`` calls
the named function of :mod:`dataflow.detect.validators`. To those it adds four of Presidio's
predefined recognizers, unchanged: ``EmailRecognizer``, ``IpRecognizer``, ``UrlRecognizer`` and
``CreditCardRecognizer``. Presidio's US-centric recognizers (SSN, ITIN, US bank number, driver
licence, passport...) and its ``phonenumbers``-based ``PhoneRecognizer`` are never loaded: they
read Chinese mobile numbers as US bank numbers or driver licences.

What the fast matcher (``detect/fast.py``) may rely on, per catalog recognizer object:
``supported_entities[0]``, ``patterns`` (Presidio ``Pattern``: ``name``, ``regex``, ``score``),
``global_regex_flags`` (``DOTALL | MULTILINE``, plus ``IGNORECASE`` when the YAML says
``ignore_case: true``), ``validator_name`` and ``validate_result(text)``. Every regex compiles
with both the ``regex`` module (what Presidio uses) and the standard ``re`` module; the loader
checks it.

Presidio is imported inside functions only: loading the specs (:func:`load_specs`,
:func:`entity_info`) needs YAML and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dataflow.detect.regex_checked import (
    checked_before,
    checked_marker,
    regex_module,
    remember_checked,
)
from dataflow.detect.validators import VALIDATORS
from dataflow.errors import CatalogError
from dataflow.i18n import msg
from dataflow.model import Text
from dataflow.yamlio import (
    Checker,
    YamlDoc,
    check_keys,
    expect_list,
    expect_mapping,
    load_yaml,
    type_name,
)

if TYPE_CHECKING:
    from presidio_analyzer import EntityRecognizer

SCHEMA_VERSION = 1
RECOGNIZERS_FILE = "recognizers.yaml"

# Presidio's own recognizers that are kept, with what their result means for evidence.
PRESIDIO_KEPT: dict[str, tuple[str, str | None]] = {
    "EMAIL_ADDRESS": ("EmailRecognizer", "tldextract domain check (offline suffix list)"),
    "IP_ADDRESS": ("IpRecognizer", "ipaddress parse"),
    "URL": ("UrlRecognizer", None),
    "CREDIT_CARD": ("CreditCardRecognizer", "luhn"),
}

_ENTITY = re.compile(r"[A-Z][A-Z0-9_]*")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")
_PLACEHOLDER = re.compile(r"\{\{([A-Za-z0-9_]+)\}\}")
_BASE_FLAGS = re.DOTALL | re.MULTILINE


@dataclass(frozen=True, slots=True)
class PatternSpec:
    """One regex of a recognizer, with ``{{list}}`` placeholders already expanded."""

    name: str
    regex: str
    score: float


@dataclass(frozen=True, slots=True)
class RecognizerSpec:
    """A recognizer as the YAML declares it (no Presidio object yet)."""

    name: str
    entity: str
    patterns: tuple[PatternSpec, ...]
    validator: str | None = None
    context_en: tuple[str, ...] = ()
    context_zh: tuple[str, ...] = ()
    supported_language: str = "en"
    ignore_case: bool = False
    description: Text | None = None
    source: str | None = None
    path: str = ""
    # The entity whose masked or hashed form this recognizer finds (a de-identified value of
    # it, still personal information), or None.
    deidentifies: str | None = None
    # Matches count only in a field whose name or comment has one of the context words.
    context_required: bool = False

    @property
    def context(self) -> tuple[str, ...]:
        """English and Chinese context words together."""
        return self.context_en + self.context_zh

    @property
    def regex_flags(self) -> int:
        """The flags every pattern of this recognizer is compiled with."""
        return _BASE_FLAGS | (re.IGNORECASE if self.ignore_case else 0)


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """What evidence says about an entity's recognizer."""

    entity: str
    recognizer: str
    validator: str | None
    context: tuple[str, ...] = ()
    deidentifies: str | None = None
    context_required: bool = False


def shipped_path() -> Path:
    """The shipped ``catalogs/recognizers.yaml``."""
    from dataflow.paths import catalogs_dir

    return catalogs_dir() / RECOGNIZERS_FILE


def load_specs(extra_paths: Sequence[Path | str] = ()) -> tuple[RecognizerSpec, ...]:
    """Recognizer specs from the shipped file, then ``extra_paths`` in order.

    A recognizer in a later file with the same ``name`` replaces the earlier one; new names are
    added. Raises ``CatalogError`` naming the file, line and key for any problem (unknown
    validator, bad regex, score out of range, unknown key, missing list...).
    """
    return _load_specs((str(shipped_path()), *(str(p) for p in extra_paths)))


@lru_cache(maxsize=16)
def _load_specs(paths: tuple[str, ...]) -> tuple[RecognizerSpec, ...]:
    merged: dict[str, RecognizerSpec] = {}
    for path in paths:
        given = _GIVEN.get(path)
        for spec in given if given is not None else _read_file(Path(path)):
            merged.pop(spec.name, None)
            merged[spec.name] = spec
    return tuple(merged.values())


# Recognizer files read by another process, by path as that process named them: a process that
# cannot open them (a Spark executor) is given what they hold (``use_files``).
_GIVEN: dict[str, tuple[RecognizerSpec, ...]] = {}

FileSpecs = tuple[tuple[str, tuple[RecognizerSpec, ...]], ...]
"""Recognizer files as read: (path, the recognizers the file declares), in the order given."""


def read_files(paths: Sequence[Path | str]) -> FileSpecs:
    """What each of ``paths`` holds, checked and with its lists expanded: plain picklable data
    that another process takes with :func:`use_files` instead of opening the files (the list
    files they name included)."""
    return tuple((str(p), tuple(_read_file(Path(p)))) for p in paths)


def use_files(files: FileSpecs) -> tuple[str, ...]:
    """Make this process take the recognizers of ``files`` (from :func:`read_files`) for their
    paths without opening them; :func:`load_specs`, :func:`entity_info`,
    :func:`context_checks` and :func:`load_recognizers` then give for those paths what they
    give in the process that read them. Returns the paths, in order."""
    changed = False
    for path, specs in files:
        if _GIVEN.get(path) != specs:
            _GIVEN[path] = specs
            changed = True
    if changed:
        _load_specs.cache_clear()
        _context_checks.cache_clear()
    return tuple(path for path, _ in files)


def _read_file(path: Path) -> list[RecognizerSpec]:
    doc = load_yaml(path, error_cls=CatalogError)
    root = expect_mapping(doc, doc.data if doc.data is not None else {}, "", CatalogError)
    _raise_first(
        doc,
        check_keys(doc, root, "", required=("schema_version",), optional=("lists", "recognizers")),
    )
    if root["schema_version"] != SCHEMA_VERSION:
        raise doc.error(
            "schema_version",
            msg("c.schema_version", version=repr(root["schema_version"])),
            CatalogError,
        )
    lists = _read_lists(doc, path, root.get("lists") or {})
    specs: list[RecognizerSpec] = []
    seen: set[str] = set()
    for i, item in enumerate(
        expect_list(doc, root.get("recognizers") or [], "recognizers", CatalogError)
    ):
        key = f"recognizers[{i}]"
        spec = _read_recognizer(doc, key, item, lists)
        if spec.name in seen:
            raise doc.error(f"{key}.name", msg("g.duplicate", name=spec.name), CatalogError)
        seen.add(spec.name)
        specs.append(spec)
    return specs


def _bool_problem(value: Any) -> str:
    return msg("y.expected_bool", got=type_name(value))


def _raise_first(doc: YamlDoc, problems: Any) -> None:
    for key, message in problems:
        raise doc.error(key, message, CatalogError)


def _read_lists(doc: YamlDoc, path: Path, raw: Any) -> dict[str, str]:
    """Named lists, each already rendered as a regex fragment."""
    lists = expect_mapping(doc, raw, "lists", CatalogError)
    out: dict[str, str] = {}
    read: dict[Path, YamlDoc] = {}  # a data file several lists cut (by initial) is read once
    for name, entry in sorted(lists.items()):
        key = f"lists.{name}"
        entry = expect_mapping(doc, entry, key, CatalogError)
        _raise_first(
            doc, check_keys(doc, entry, key, required=("file", "key"), optional=("initials",))
        )
        file_name, list_key = entry["file"], entry["key"]
        if not isinstance(file_name, str) or not isinstance(list_key, str):
            raise doc.error(key, msg("g.file_key"), CatalogError)
        initials = entry.get("initials")
        if initials is not None and not (
            isinstance(initials, str) and re.fullmatch(r"[A-Z]-[A-Z]", initials)
        ):
            raise doc.error(f"{key}.initials", msg("g.initials"), CatalogError)
        source = path.parent / file_name
        if source not in read:
            read[source] = load_yaml(source, error_cls=CatalogError)
        data_doc = read[source]
        data = data_doc.data if isinstance(data_doc.data, dict) else {}
        if list_key not in data:
            raise doc.error(
                f"{key}.key", msg("g.no_list_key", file=str(source), name=list_key), CatalogError
            )
        items = data[list_key]
        if initials is not None and isinstance(items, list):
            first, last = initials[0], initials[2]
            items = [v for v in items if isinstance(v, str) and first <= v[:1].upper() <= last]
        out[str(name)] = _list_fragment(data_doc, list_key, items)
    return out


def _list_fragment(doc: YamlDoc, key: str, value: Any) -> str:
    if isinstance(value, str):
        items = list(dict.fromkeys(c for c in value if not c.isspace()))
    elif isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        items = list(dict.fromkeys(v.strip() for v in value))
    else:
        raise doc.error(key, msg("g.list_value"), CatalogError)
    if not items:
        raise doc.error(key, msg("m.empty_list"), CatalogError)
    if all(len(item) == 1 for item in items):
        return "[" + "".join(re.escape(c) for c in items) + "]"
    return _trie_fragment(items)


def _trie_fragment(words: Sequence[str]) -> str:
    """One alternative per word, written as a prefix tree (``Ann(?:a(?:bel)?|e)?``).

    It matches what ``(?:Annabel|Anna|Anne|Ann)`` matches, longer words first, but a regex
    engine without literal-set optimisation (Python's ``re``) then tests a value against a
    few thousand names in a handful of steps instead of one per name.
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        branches = [re.escape(c) + render(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here: the longer ones are tried first
            return (body if len(branches) > 1 else "(?:" + body + ")") + "?"
        return body

    return "(?:" + render(root) + ")"


_RECOGNIZER_KEYS = (
    "supported_language",
    "validator",
    "context",
    "ignore_case",
    "description",
    "source",
    "deidentifies",
    "context_required",
)


def _read_recognizer(doc: YamlDoc, key: str, item: Any, lists: Mapping[str, str]) -> RecognizerSpec:
    entry = expect_mapping(doc, item, key, CatalogError)
    _raise_first(
        doc,
        check_keys(
            doc, entry, key, required=("name", "entity", "patterns"), optional=_RECOGNIZER_KEYS
        ),
    )
    name, entity = entry["name"], entry["entity"]
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise doc.error(f"{key}.name", msg("g.name"), CatalogError)
    if not isinstance(entity, str) or not _ENTITY.fullmatch(entity):
        raise doc.error(f"{key}.entity", msg("g.entity"), CatalogError)
    validator = entry.get("validator")
    if validator is not None and (not isinstance(validator, str) or validator not in VALIDATORS):
        raise doc.error(
            f"{key}.validator",
            msg("g.validator", name=repr(validator), known=sorted(VALIDATORS)),
            CatalogError,
        )
    language = entry.get("supported_language", "en")
    if language != "en":
        raise doc.error(
            f"{key}.supported_language",
            msg("g.language"),
            CatalogError,
        )
    ignore_case = entry.get("ignore_case", False)
    if not isinstance(ignore_case, bool):
        raise doc.error(f"{key}.ignore_case", _bool_problem(ignore_case), CatalogError)
    flags = _BASE_FLAGS | (re.IGNORECASE if ignore_case else 0)
    patterns = []
    raw_patterns = expect_list(doc, entry["patterns"], f"{key}.patterns", CatalogError)
    if not raw_patterns:
        raise doc.error(f"{key}.patterns", msg("g.no_pattern"), CatalogError)
    for j, raw in enumerate(raw_patterns):
        patterns.append(_read_pattern(doc, f"{key}.patterns[{j}]", raw, lists, flags))
    context_en, context_zh = _read_context(doc, f"{key}.context", entry.get("context"))
    description = entry.get("description")
    text = None
    if description is not None:
        checker = Checker(doc, CatalogError)  # one string, or {en, zh} with either or both
        text = checker.text(description, f"{key}.description")
        checker.raise_all()
    source = entry.get("source")
    deidentifies = entry.get("deidentifies")
    if deidentifies is not None and (
        not isinstance(deidentifies, str) or not _ENTITY.fullmatch(deidentifies)
    ):
        raise doc.error(f"{key}.deidentifies", msg("g.deidentifies"), CatalogError)
    context_required = entry.get("context_required", False)
    if not isinstance(context_required, bool):
        raise doc.error(f"{key}.context_required", _bool_problem(context_required), CatalogError)
    if context_required and not (context_en or context_zh):
        raise doc.error(
            f"{key}.context_required",
            msg("g.context_words"),
            CatalogError,
        )
    return RecognizerSpec(
        name=name,
        entity=entity,
        patterns=tuple(patterns),
        validator=validator,
        context_en=context_en,
        context_zh=context_zh,
        supported_language=language,
        ignore_case=ignore_case,
        description=text,
        source=str(source) if source is not None else None,
        path=doc.path,
        deidentifies=deidentifies,
        context_required=context_required,
    )


def _read_pattern(
    doc: YamlDoc, key: str, raw: Any, lists: Mapping[str, str], flags: int
) -> PatternSpec:
    entry = expect_mapping(doc, raw, key, CatalogError)
    _raise_first(doc, check_keys(doc, entry, key, required=("name", "regex", "score")))
    name, regex, score = entry["name"], entry["regex"], entry["score"]
    if not isinstance(name, str) or not name.strip():
        raise doc.error(f"{key}.name", msg("g.pattern_name"), CatalogError)
    if not isinstance(regex, str) or not regex:
        raise doc.error(f"{key}.regex", msg("g.regex"), CatalogError)
    if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 < score <= 1:
        raise doc.error(f"{key}.score", msg("g.score"), CatalogError)

    def expand(match: re.Match[str]) -> str:
        list_name = match.group(1)
        if list_name not in lists:
            raise doc.error(f"{key}.regex", msg("g.unknown_list", name=list_name), CatalogError)
        return lists[list_name]

    expanded = _PLACEHOLDER.sub(expand, regex)
    engines: tuple[str, ...] = ("re", "regex")
    marker = checked_marker(expanded, flags)
    if marker is not None and checked_before(marker):
        engines = ("re",)  # the regex engine accepted this very pattern in an earlier run
    for module_name in engines:
        try:
            compiled = (
                re.compile(expanded, flags)
                if module_name == "re"
                else compiled_regex(expanded, flags)
            )
        except Exception as exc:  # re.error / regex.error
            raise doc.error(
                f"{key}.regex",
                msg("g.invalid_regex", engine=module_name, why=str(exc)),
                CatalogError,
            ) from None
        if compiled.match(""):
            raise doc.error(f"{key}.regex", msg("g.matches_empty"), CatalogError)
    if marker is not None and len(engines) == 2:
        remember_checked(marker)
    return PatternSpec(name=name.strip(), regex=expanded, score=float(score))


_COMPILED: dict[tuple[str, int], Any] = {}


def compiled_regex(source: str, flags: int) -> Any:
    """``source`` compiled with the ``regex`` module (the engine Presidio runs), once per process.

    The catalog's name patterns are long prefix trees that take the ``regex`` parser tens of
    milliseconds each: the loader's check and the Presidio recognizers share one compiled
    object instead of each compiling the source again.
    """
    found = _COMPILED.get((source, flags))
    if found is None:
        found = _COMPILED[(source, flags)] = regex_module().compile(source, flags)
    return found


def _read_context(doc: YamlDoc, key: str, raw: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if raw is None:
        return (), ()
    entry = expect_mapping(doc, raw, key, CatalogError)
    _raise_first(doc, check_keys(doc, entry, key, optional=("en", "zh")))
    out: list[tuple[str, ...]] = []
    for lang in ("en", "zh"):
        words = expect_list(doc, entry.get(lang) or [], f"{key}.{lang}", CatalogError)
        if not all(isinstance(w, str) and w.strip() for w in words):
            raise doc.error(f"{key}.{lang}", msg("g.context_strings"), CatalogError)
        out.append(tuple(w.strip() for w in words))
    return out[0], out[1]


def entity_info(extra_paths: Sequence[Path | str] = ()) -> dict[str, EntityInfo]:
    """Per entity: the recognizer name, validator and context words (no Presidio import)."""
    out: dict[str, EntityInfo] = {}
    for spec in load_specs(extra_paths):
        previous = out.get(spec.entity)
        if previous is None:
            out[spec.entity] = EntityInfo(
                spec.entity,
                spec.name,
                spec.validator,
                spec.context,
                spec.deidentifies,
                spec.context_required,
            )
        else:  # several recognizers for one entity: name them all
            out[spec.entity] = EntityInfo(
                spec.entity,
                f"{previous.recognizer}+{spec.name}",
                previous.validator or spec.validator,
                previous.context + spec.context,
                previous.deidentifies or spec.deidentifies,
                previous.context_required and spec.context_required,
            )
    for entity, (recognizer, validator) in PRESIDIO_KEPT.items():
        out.setdefault(entity, EntityInfo(entity, recognizer, validator))
    return out


def make_tldextract_offline() -> None:
    """Point ``tldextract`` (used by Presidio's e-mail validator) at its bundled suffix list.

    By default ``tldextract`` downloads the public suffix list on first use and caches it in the
    user's cache folder. dataflow never touches the network, so the module-wide extractor is
    replaced by one with no download URLs and no disk cache, which reads the snapshot shipped
    inside the ``tldextract`` package.
    """
    import tldextract
    import tldextract.tldextract as impl

    current = impl.TLD_EXTRACTOR
    if getattr(current, "_dataflow_offline", False):
        return
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    offline._dataflow_offline = True  # type: ignore[attr-defined]
    impl.TLD_EXTRACTOR = offline


@lru_cache(maxsize=1)
def recognizer_class() -> type[Any]:
    """The Presidio ``PatternRecognizer`` subclass for catalog entries (defined lazily)."""
    from presidio_analyzer import Pattern, PatternRecognizer

    class CompiledPattern(Pattern):
        """A Presidio ``Pattern`` that arrives compiled with its recognizer's flags.

        ``Pattern.__init__`` checks the regex by compiling it without flags, and the
        recognizer compiles it again with its flags at the first ``analyze``. The loader has
        already checked the pattern (with both engines, now or in an earlier run), so the
        check is not repeated; the object compiled by that check, if this process made it,
        is handed over, else Presidio compiles the pattern when it first analyses text.
        """

        def __init__(self, spec: PatternSpec, flags: int) -> None:
            self.name = spec.name
            self.regex = spec.regex
            self.score = spec.score
            compiled = _COMPILED.get((spec.regex, flags))
            self.compiled_regex = compiled
            # Presidio stores the flags it compiled with (None: not compiled yet).
            self.compiled_with_flags: Any = flags if compiled is not None else None

    class CatalogPatternRecognizer(PatternRecognizer):
        """A catalog recognizer: YAML patterns, validated by a named validator."""

        def __init__(self, spec: RecognizerSpec) -> None:
            super().__init__(
                supported_entity=spec.entity,
                name=spec.name,
                supported_language=spec.supported_language,
                patterns=[CompiledPattern(p, spec.regex_flags) for p in spec.patterns],
                context=list(spec.context),
                global_regex_flags=spec.regex_flags,
            )
            self.spec = spec
            self.validator_name = spec.validator
            self._validator: Callable[[str], bool] | None = (
                VALIDATORS[spec.validator] if spec.validator else None
            )

        def validate_result(self, pattern_text: str) -> bool | None:
            if self._validator is None:
                return None
            return self._validator(pattern_text)

    return CatalogPatternRecognizer


def context_checks(extra_paths: Sequence[Path | str] = ()) -> dict[str, tuple[Any, ...]]:
    """Compiled patterns of the recognizers that need context (``context_required``), by
    entity. They are not part of the matcher: a column's tally applies them to the values of
    a field whose name or comment has one of their context words (whole values only).
    """
    return _context_checks(tuple(str(p) for p in extra_paths))


@lru_cache(maxsize=8)
def _context_checks(paths: tuple[str, ...]) -> dict[str, tuple[Any, ...]]:
    out: dict[str, tuple[Any, ...]] = {}
    for spec in load_specs(paths):
        if spec.context_required:
            compiled = tuple(compiled_regex(p.regex, spec.regex_flags) for p in spec.patterns)
            out[spec.entity] = out.get(spec.entity, ()) + compiled
    return out


def load_recognizers(extra_paths: Sequence[Path | str] = ()) -> list[EntityRecognizer]:
    """Presidio recognizers: the catalog's (shipped, then ``extra_paths``) plus the kept four."""
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        EmailRecognizer,
        IpRecognizer,
        UrlRecognizer,
    )

    make_tldextract_offline()
    cls = recognizer_class()
    recognizers: list[EntityRecognizer] = [
        cls(spec) for spec in load_specs(extra_paths) if not spec.context_required
    ]
    recognizers += [EmailRecognizer(), IpRecognizer(), UrlRecognizer(), CreditCardRecognizer()]
    return recognizers
