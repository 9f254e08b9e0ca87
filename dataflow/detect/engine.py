"""An offline Presidio ``AnalyzerEngine`` and the per-value match contract.

``build_analyzer`` never downloads anything:

- the NLP engine is a small ``NlpEngine`` over a blank spaCy pipeline (``spacy.blank("en")``):
  no model, no NER; it does not even tokenize unless asked to, since tokens only serve context
  enhancement. Presidio's default engine would try to download
  ``en_core_web_lg``. A spaCy model is used only when ``nlp_model`` names one that is installed
  (a package name or a model folder); a missing model is a ``ConfigError``, never a download;
- ``tldextract`` (Presidio's e-mail validator) reads its bundled public-suffix snapshot instead
  of fetching the list (:func:`dataflow.detect.recognizers.make_tldextract_offline`);
- context enhancement is off: the engine's context enhancer returns results unchanged, so a
  value matches or not on its own, whatever the column is called.

Engines are cached per recognizer set (a fingerprint of classes, names, patterns, validators
and flags) and model, so one process builds each engine once.

:func:`value_matches` defines what "a value matches an entity" means for the whole tool, and
what the fast matcher must reproduce exactly: run ``AnalyzerEngine.analyze(value, "en")``; every
entity with a result of score > 0 is a match; it is a *whole* match when one of its result spans
covers the value without its surrounding whitespace.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dataflow.errors import ConfigError

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine, EntityRecognizer

LANGUAGE = "en"

_ENGINES: dict[tuple[Any, ...], AnalyzerEngine] = {}


def _fingerprint(recognizer: Any) -> tuple[Any, ...]:
    patterns = tuple(
        (p.name, p.regex, float(p.score)) for p in (getattr(recognizer, "patterns", None) or ())
    )
    return (
        type(recognizer).__module__,
        type(recognizer).__qualname__,
        recognizer.name,
        tuple(recognizer.supported_entities),
        recognizer.supported_language,
        patterns,
        getattr(recognizer, "validator_name", None),
        getattr(recognizer, "global_regex_flags", None),
    )


def recognizer_set_key(recognizers: Sequence[EntityRecognizer]) -> tuple[Any, ...]:
    """A hashable fingerprint of a recognizer set (order kept: it decides result order)."""
    return tuple(_fingerprint(r) for r in recognizers)


def build_analyzer(
    recognizers: Sequence[EntityRecognizer] | None = None, *, nlp_model: str | None = None
) -> AnalyzerEngine:
    """An offline ``AnalyzerEngine`` over ``recognizers`` (default: :func:`load_recognizers`).

    Cached: the same recognizer set and model give the same engine object.
    """
    from dataflow.detect.recognizers import load_recognizers, make_tldextract_offline

    make_tldextract_offline()
    chosen = list(recognizers) if recognizers is not None else load_recognizers()
    key = (recognizer_set_key(chosen), nlp_model)
    cached = _ENGINES.get(key)
    if cached is not None:
        return cached

    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    nlp_engine = _model_engine(nlp_model) if nlp_model else _blank_engine()
    registry = RecognizerRegistry(recognizers=chosen, supported_languages=[LANGUAGE])
    if nlp_model:
        registry.add_nlp_recognizer(nlp_engine=nlp_engine)
    analyzer = AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=[LANGUAGE],
        context_aware_enhancer=_no_context_enhancer(),
    )
    _ENGINES[key] = analyzer
    return analyzer


def clear_cache() -> None:
    """Forget the cached engines (tests)."""
    _ENGINES.clear()


def value_matches(values: Sequence[str], analyzer: AnalyzerEngine) -> list[dict[str, bool]]:
    """Per value: ``{entity: whole}`` for every entity Presidio finds with score > 0.

    ``whole`` is true when a result span of that entity covers the stripped value. Values that
    are empty after stripping give ``{}``. Keys are sorted.
    """
    out: list[dict[str, bool]] = []
    for value in values:
        begin = len(value) - len(value.lstrip())
        end = len(value.rstrip())
        if end <= begin:
            out.append({})
            continue
        found: dict[str, bool] = {}
        for result in analyzer.analyze(text=value, language=LANGUAGE):
            if result.score <= 0:
                continue
            whole = result.start <= begin and result.end >= end
            found[result.entity_type] = found.get(result.entity_type, False) or whole
        out.append(dict(sorted(found.items())))
    return out


# --- NLP engines ------------------------------------------------------------------------------


def _blank_engine() -> Any:
    import spacy

    return _blank_engine_class()({LANGUAGE: spacy.blank(LANGUAGE)})


@lru_cache(maxsize=1)
def _blank_engine_class() -> type[Any]:
    from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine

    class BlankSpacyNlpEngine(NlpEngine):
        """Presidio NLP engine over blank spaCy pipelines: tokens only, no entities, no model."""

        engine_name = "dataflow_blank_spacy"
        is_available = True

        def __init__(self, nlp: dict[str, Any], *, tokenize: bool = False) -> None:
            self.nlp = nlp
            self.tokenize = tokenize
            self._empty: dict[str, Any] = {}

        def load(self) -> None:
            """Nothing to load: the pipelines are built in memory."""

        def is_loaded(self) -> bool:
            return True

        def process_text(self, text: str, language: str) -> Any:
            if not self.tokenize:
                # Tokens only feed context enhancement, which dataflow's engine turns off:
                # skipping the tokenizer saves a fifth of the time per value.
                doc = self._empty.get(language)
                if doc is None:
                    doc = self._empty[language] = self.nlp[language].make_doc("")
                return NlpArtifacts([], doc, [], [], self, language)
            nlp = self.nlp[language]
            doc = nlp.make_doc(text[: nlp.max_length])  # a huge value: up to spaCy's limit
            return NlpArtifacts(
                entities=[],
                tokens=doc,
                tokens_indices=[token.idx for token in doc],
                lemmas=[token.lower_ for token in doc],
                nlp_engine=self,
                language=language,
            )

        def process_batch(
            self,
            texts: Any,
            language: str,
            batch_size: int = 1,
            n_process: int = 1,
            **kwargs: Any,
        ) -> Any:
            for text in texts:
                yield text, self.process_text(str(text), language)

        def is_stopword(self, word: str, language: str) -> bool:
            return bool(self.nlp[language].vocab[word].is_stop)

        def is_punct(self, word: str, language: str) -> bool:
            return bool(self.nlp[language].vocab[word].is_punct)

        def get_supported_entities(self) -> list[str]:
            return []

        def get_supported_languages(self) -> list[str]:
            return list(self.nlp)

    return BlankSpacyNlpEngine


def _model_engine(model: str) -> Any:
    """Presidio's spaCy engine over an *installed* model; refuses to download one."""
    import spacy
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    if not (spacy.util.is_package(model) or Path(model).is_dir()):
        raise ConfigError(
            f"spaCy model {model!r} is not installed; install it (dataflow never downloads "
            "models) or leave the NLP model unset to use pattern recognizers only"
        )
    try:
        pipeline = spacy.load(model)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot load spaCy model {model!r}: {type(exc).__name__}") from None
    engine: Any = SpacyNlpEngine(models=[{"lang_code": LANGUAGE, "model_name": model}])
    engine.nlp = {LANGUAGE: pipeline}  # loaded: AnalyzerEngine will not call load()/download
    return engine


@lru_cache(maxsize=1)
def _no_context_enhancer() -> Any:
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

    class NoContextEnhancer(ContextAwareEnhancer):
        """Leaves scores as the recognizers gave them: context enhancement off."""

        def __init__(self) -> None:
            super().__init__(
                context_similarity_factor=0.0,
                min_score_with_context_similarity=0.0,
                context_prefix_count=0,
                context_suffix_count=0,
            )

        def enhance_using_context(
            self,
            text: str,
            raw_results: list[Any],
            nlp_artifacts: Any,
            recognizers: list[Any],
            context: list[str] | None = None,
        ) -> list[Any]:
            return raw_results

    return NoContextEnhancer()
