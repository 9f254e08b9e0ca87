"""The full scan's recognizers without Presidio's NLP stack.

Importing ``presidio_analyzer`` imports its analyzer engine, and with it spaCy, thinc and
pydantic: about 60 MB of memory in every process of a full scan, for a matcher that never calls
Presidio. ``recognizers(extra_paths)`` returns, in the order of ``load_recognizers``, objects
that carry what ``FastMatcher`` reads of a plain pattern recognizer (entity, language, patterns,
flags, score thresholds) and its validate and invalidate hooks:

* catalog recognizers come from their YAML specs, validated by the named function of
  ``detect.validators`` (what ``CatalogPatternRecognizer.validate_result`` calls);
* Presidio's four kept recognizers (e-mail, IP, URL, credit card) come from a description of
  them written once by a process that imported Presidio (``describe_kept``), cached in the cache
  folder and keyed by the bytes of Presidio's source files that define them; their hooks run
  the same checks as Presidio's methods (``tldextract``'s registered-domain test, ``ipaddress``,
  the Luhn sum after Presidio's replacement pairs), and tests compare the two on many texts.

When the description cannot be made (Presidio changed a recognizer's class in a way this module
does not know), ``recognizers`` returns ``None`` and the caller uses Presidio's objects.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

Hook = Callable[[str], Any]

# A change of what the description holds makes a new cache entry.
_FORMAT = 1
_KEPT_CLASSES = ("EmailRecognizer", "IpRecognizer", "UrlRecognizer", "CreditCardRecognizer")
# Presidio's files whose code decides what the kept recognizers are and do.
_PRESIDIO_FILES = (
    "entity_recognizer.py",
    "local_recognizer.py",
    "pattern.py",
    "pattern_recognizer.py",
    "predefined_recognizers/generic/credit_card_recognizer.py",
    "predefined_recognizers/generic/email_recognizer.py",
    "predefined_recognizers/generic/ip_recognizer.py",
    "predefined_recognizers/generic/url_recognizer.py",
)


class PlainPattern:
    """One pattern: ``name``, ``regex``, ``score`` and, when this process compiled it already,
    the ``regex`` object (``compiled_regex``, for ``compiled_with_flags``)."""

    __slots__ = ("compiled_regex", "compiled_with_flags", "name", "regex", "score")

    def __init__(self, name: str, regex: str, score: float, flags: int | None = None) -> None:
        self.name = name
        self.regex = regex
        self.score = score
        compiled = None
        if flags is not None:
            from dataflow.detect.recognizers import _COMPILED

            compiled = _COMPILED.get((regex, flags))
        self.compiled_regex = compiled
        self.compiled_with_flags = flags if compiled is not None else None


class PlainRecognizer:
    """A plain pattern recognizer as ``FastMatcher`` reads it, with its hooks: ``validate``
    (``validate_result``) and ``invalidate`` (``invalidate_result``), each ``None`` where the
    recognizer keeps Presidio's default, which answers ``None``."""

    presidio_free = True  # common.plain_pattern_recognizer, hooks.shortcut_hooks

    def __init__(
        self,
        name: str,
        entity: str,
        patterns: Sequence[PlainPattern],
        flags: int,
        *,
        language: str = "en",
        score_thresholds: dict[str, float] | None = None,
        validate: Hook | None = None,
        invalidate: Hook | None = None,
        fast: tuple[Hook | None, Hook | None] | None = None,
    ) -> None:
        self.name = name
        self.supported_entities = [entity]
        self.supported_language = language
        self.patterns = list(patterns)
        self.global_regex_flags = flags
        self.score_thresholds = dict(score_thresholds or {})
        self.validate = validate
        self.invalidate = invalidate
        self._fast = fast

    def own_hooks(self) -> tuple[Hook | None, Hook | None]:
        return self.validate, self.invalidate

    def shortcut_hooks(self) -> tuple[Hook | None, Hook | None]:
        return self._fast if self._fast is not None else self.own_hooks()


# -- the checks of Presidio's kept recognizers ---------------------------------------------


def email_host_ok(text: str) -> bool:
    """``EmailRecognizer.validate_result``: ``tldextract`` (offline) finds a registered domain
    with a public suffix in the text."""
    import tldextract

    from dataflow.detect.recognizers import make_tldextract_offline

    make_tldextract_offline()
    return bool(tldextract.extract(text).fqdn != "")


def ip_invalid(text: str) -> bool | None:
    """``IpRecognizer.invalidate_result``: ``True`` when ``ipaddress`` reads no interface in the
    text, else ``None``."""
    import ipaddress

    try:
        ipaddress.ip_interface(text)
    except ValueError:
        return True
    return None


def card_checker(pairs: Sequence[tuple[str, str]]) -> Hook:
    """``CreditCardRecognizer.validate_result`` for these replacement pairs: the text with each
    pair's first string replaced by its second, then the Luhn sum of its digits (each
    character read with ``int``, so a character that is not a digit raises ``ValueError``)."""
    replacements = [(str(a), str(b)) for a, b in pairs]

    def validate(text: str) -> bool:
        for old, new in replacements:
            text = text.replace(old, new)
        digits = [int(ch) for ch in text]
        total = sum(digits[-1::-2])
        for d in digits[-2::-2]:
            total += sum(int(ch) for ch in str(d * 2))
        return total % 10 == 0

    return validate


# -- building them ------------------------------------------------------------------------


def recognizers(extra_paths: Sequence[Path | str] = ()) -> list[PlainRecognizer] | None:
    """Recognizers equal to ``load_recognizers(extra_paths)`` for the fast matcher, without
    importing Presidio where its kept recognizers' description is cached (``None``: no
    description could be made)."""
    from dataflow.detect.fast.registry import by_reference
    from dataflow.detect.recognizers import load_specs, make_tldextract_offline
    from dataflow.detect.validators import VALIDATORS

    kept = kept_description()
    if kept is None:
        return None
    make_tldextract_offline()
    table = by_reference()
    out: list[PlainRecognizer] = []
    for spec in load_specs(extra_paths):
        if spec.context_required:
            continue
        flags = spec.regex_flags
        own = VALIDATORS[spec.validator] if spec.validator else None
        fast = table[own].scalar if own in table else own
        out.append(
            PlainRecognizer(
                spec.name,
                spec.entity,
                [PlainPattern(p.name, p.regex, p.score, flags) for p in spec.patterns],
                flags,
                language=spec.supported_language,
                validate=own,
                fast=(fast, None),
            )
        )
    out.extend(map(_kept_recognizer, kept))
    return out


def _kept_recognizer(item: dict[str, Any]) -> PlainRecognizer:
    """One of Presidio's kept recognizers from its description, with its checks."""
    from dataflow.detect.fast import hooks

    validate: Hook | None = None
    invalidate: Hook | None = None
    fast: tuple[Hook | None, Hook | None] | None = None
    kind = item["class"]
    if kind == "EmailRecognizer":
        validate = email_host_ok
        fast = (hooks.email_shortcut(email_host_ok, 4096), None)
    elif kind == "IpRecognizer":
        invalidate = ip_invalid
        fast = (None, hooks.ip_shortcut(ip_invalid))
    elif kind == "CreditCardRecognizer":
        pairs = [(str(a), str(b)) for a, b in item["replacement_pairs"]]
        card = validate = card_checker(pairs)
        if pairs == list(hooks.DEFAULT_CARD_PAIRS):
            fast = (hooks.card_shortcut(card), None)
    return PlainRecognizer(
        item["name"],
        item["entity"],
        [PlainPattern(n, r, s) for n, r, s in item["patterns"]],
        int(item["flags"]),
        language=item["language"],
        score_thresholds=item["score_thresholds"],
        validate=validate,
        invalidate=invalidate,
        fast=fast,
    )


def fast_recognizers(extra_paths: Sequence[Path | str] = ()) -> Sequence[Any]:
    """The recognizers of ``load_recognizers(extra_paths)`` as the fast matcher reads them:
    ``recognizers(extra_paths)``, else (no description) Presidio's objects."""
    found = recognizers(extra_paths)
    if found is not None:
        return found
    from dataflow.detect.recognizers import load_recognizers

    return load_recognizers(extra_paths)


def describe_kept() -> list[dict[str, Any]] | None:
    """What the fast matcher reads of Presidio's four kept recognizers, as JSON-ready data
    (imports Presidio); ``None`` when one of them is not what this module knows: not a plain
    pattern recognizer, or with hooks other than its class's known ones."""
    from presidio_analyzer import PatternRecognizer
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        EmailRecognizer,
        IpRecognizer,
        UrlRecognizer,
    )

    from dataflow.detect.fast.common import plain_pattern_recognizer
    from dataflow.detect.fast.hooks import own_hooks

    known: dict[str, tuple[bool, bool]] = {  # the class overrides validate, invalidate
        "EmailRecognizer": (True, False),
        "IpRecognizer": (False, True),
        "UrlRecognizer": (False, False),
        "CreditCardRecognizer": (True, False),
    }
    out: list[dict[str, Any]] = []
    rec: Any
    for rec in (EmailRecognizer(), IpRecognizer(), UrlRecognizer(), CreditCardRecognizer()):
        kind = type(rec).__name__
        validate, invalidate = own_hooks(rec)
        if not plain_pattern_recognizer(rec) or known.get(kind) != (
            validate is not None,
            invalidate is not None,
        ):
            return None
        if kind == "EmailRecognizer" and (
            type(rec).validate_result is PatternRecognizer.validate_result
        ):
            return None
        thresholds = rec.score_thresholds or {}
        out.append(
            {
                "class": kind,
                "name": str(rec.name),
                "entity": str(rec.supported_entities[0]),
                "language": str(rec.supported_language),
                "flags": int(rec.global_regex_flags or 0),
                "score_thresholds": {str(k): float(v) for k, v in thresholds.items()},
                "patterns": [[str(p.name), str(p.regex), float(p.score)] for p in rec.patterns],
                "replacement_pairs": [
                    [str(a), str(b)] for a, b in getattr(rec, "replacement_pairs", None) or ()
                ],
            }
        )
    return out


def _presidio_key() -> str | None:
    """A digest of Presidio's files that define the kept recognizers (``None``: not found)."""
    spec = importlib.util.find_spec("presidio_analyzer")
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    digest = hashlib.sha256(f"plain-recognizers-{_FORMAT}\n".encode())
    try:
        for name in _PRESIDIO_FILES:
            data = (root / name).read_bytes()
            digest.update(f"{name} {len(data)}\n".encode())
            digest.update(data)
    except OSError:
        return None
    return digest.hexdigest()[:32]


_KEPT: dict[str, list[dict[str, Any]] | None] = {}


def kept_description() -> list[dict[str, Any]] | None:
    """The kept recognizers' description: from the cache folder when it is there for these
    Presidio files and private to this user (``paths.private``), else made by
    ``describe_kept`` and cached."""
    key = _presidio_key()
    if key is None:
        return None
    if key in _KEPT:
        return _KEPT[key]
    from dataflow.paths import cache_dir

    path = cache_dir() / f"kept-recognizers-{key}.json"
    found = _read(path, key)
    if found is None:
        found = describe_kept()
        if found is not None:
            _write(path, key, found)
    _KEPT[key] = found
    return found


def _read(path: Path, key: str) -> list[dict[str, Any]] | None:
    from dataflow.paths import private

    try:
        if not path.is_file() or not private(path.parent, path):
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        kept = data["recognizers"]
        if [item["class"] for item in kept] != list(_KEPT_CLASSES):
            return None
        return list(kept)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write(path: Path, key: str, kept: list[dict[str, Any]]) -> None:
    from dataflow.paths import private

    text = json.dumps({"key": key, "recognizers": kept}, sort_keys=True, ensure_ascii=True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not private(path.parent):
            return
        fd, tmp = tempfile.mkstemp(prefix=".kept-", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass
