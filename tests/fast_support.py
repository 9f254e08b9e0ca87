"""Helpers for the fast-matcher tests: an offline reference engine and generated values.

The reference is Presidio itself: ``AnalyzerEngine.analyze`` once per value, context
enhancement off, the result mapped as ``detect.engine.value_matches`` maps it. When the
project's own ``value_matches`` is importable it is used instead of the local mapping.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from typing import Any

from dataflow.detect.fast import covers_whole
from dataflow.detect.validators import luhn_check_digit


def offline_tldextract(monkeypatch: Any) -> None:
    """Make Presidio's e-mail validator use the bundled public suffix list (no download)."""
    import tldextract
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    class _Offline:
        extract = staticmethod(extractor)

    monkeypatch.setattr(email_recognizer, "tldextract", _Offline)


def predefined_recognizers() -> list[Any]:
    """Presidio's predefined pattern recognizers the project keeps, plus a few more shapes."""
    from presidio_analyzer import Pattern, PatternRecognizer
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        CryptoRecognizer,
        EmailRecognizer,
        IbanRecognizer,
        IpRecognizer,
        MacAddressRecognizer,
        UrlRecognizer,
        UsSsnRecognizer,
        UuidRecognizer,
    )

    deny = PatternRecognizer(supported_entity="TITLE", deny_list=["Mr.", "Dr", "先生"])
    thresholded = PatternRecognizer(
        supported_entity="ORDER_NO",
        patterns=[Pattern("order", r"\bORD-\d{4,8}\b", 0.2), Pattern("weak", r"\d{6}", 0.05)],
    )
    thresholded.score_thresholds = {"default": 0.1}
    return [
        EmailRecognizer(),
        IpRecognizer(),
        UrlRecognizer(),
        CreditCardRecognizer(),
        IbanRecognizer(),
        UsSsnRecognizer(),
        CryptoRecognizer(),
        MacAddressRecognizer(),
        UuidRecognizer(),
        deny,
        thresholded,
    ]


def reference_engine(recognizers: Sequence[Any]) -> Any:
    """An offline AnalyzerEngine with only ``recognizers`` and no context enhancement."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
    from presidio_analyzer.nlp_engine import NoOpNlpEngine

    class _NoContext(ContextAwareEnhancer):
        def __init__(self) -> None:
            super().__init__(
                context_similarity_factor=0,
                min_score_with_context_similarity=0,
                context_prefix_count=0,
                context_suffix_count=0,
            )

        def enhance_using_context(
            self, text, raw_results, nlp_artifacts, recognizers, context=None
        ):  # type: ignore[no-untyped-def]
            return raw_results

    registry = RecognizerRegistry(recognizers=list(recognizers), supported_languages=["en"])
    nlp = NoOpNlpEngine(models=[{"lang_code": "en", "model_name": "noop"}])
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp,
        supported_languages=["en"],
        context_aware_enhancer=_NoContext(),
    )


def reference_matches(values: Sequence[str], analyzer: Any) -> list[dict[str, bool]]:
    """Per-value Presidio: one ``analyze`` per value (the contract the matcher must equal)."""
    try:
        from dataflow.detect.engine import value_matches  # type: ignore[import-not-found]
    except ImportError:
        value_matches = None
    if value_matches is not None:
        return list(value_matches(values, analyzer))
    out: list[dict[str, bool]] = []
    for value in values:
        found: dict[str, bool] = {}
        for res in analyzer.analyze(text=value, language="en"):
            if res.score > 0:
                whole = covers_whole(value, res.start, res.end)
                found[res.entity_type] = found.get(res.entity_type, False) or whole
        out.append(found)
    return out


def entity_counts(matches: Sequence[dict[str, bool]]) -> Counter[tuple[str, bool]]:
    """(entity, covers-whole) -> number of values, the per-column tally the tests compare."""
    counts: Counter[tuple[str, bool]] = Counter()
    for found in matches:
        for entity, whole in found.items():
            counts[(entity, whole)] += 1
    return counts


def random_uscc(r: random.Random) -> str:
    """A unified social credit code (GB 32100) with a right check character."""
    from dataflow.detect import validators

    body = "".join(r.choice(validators.USCC_CHARSET) for _ in range(2))
    body += f"{r.randint(0, 999999):06d}"
    body += "".join(r.choice(validators.USCC_CHARSET) for _ in range(9))
    return body + validators.gb32100_check_char(body)


def generated_columns(rows: int, seed: int = 7) -> dict[str, list[str]]:
    """Realistic PI and non-PI columns, with near misses, embedded identifiers and noise."""
    rng = random.Random(seed)
    digits = "0123456789"

    def num(n: int) -> str:
        return "".join(rng.choice(digits) for _ in range(n))

    def card() -> str:
        body = rng.choice(["4", "51", "62", "37"]) + num(rng.choice([13, 14, 15]))
        good = body + luhn_check_digit(body)
        if rng.random() < 0.2:  # checksum broken on purpose
            good = good[:-1] + str((int(good[-1]) + 1) % 10)
        return (
            good
            if rng.random() < 0.7
            else " ".join(good[i : i + 4] for i in range(0, len(good), 4))
        )

    names = ["zhang.wei", "li_na", "wang-fang", "j.smith", "o'neil", "陈静"]
    domains = [
        "example.com",
        "qq.com",
        "163.com",
        "mail.example.org",
        "sina.com.cn",
        "localhost",
        "x.invalidtld",
    ]
    words = ["订单", "退款", "客户", "地址", "发票", "hello", "world", "备注", "phone", "email"]

    cols: dict[str, list[str]] = {k: [] for k in ("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8")}
    for _ in range(rows):
        cols["c1"].append(f"{rng.choice(names)}{rng.randint(0, 99)}@{rng.choice(domains)}")
        cols["c2"].append(
            ".".join(str(rng.randint(0, 300)) for _ in range(4))
            if rng.random() < 0.8
            else ":".join(f"{rng.randint(0, 65535):x}" for _ in range(rng.choice([3, 8])))
        )
        cols["c3"].append(card())
        cols["c4"].append(
            rng.choice(["https://", "http://", "", "www."])
            + rng.choice(["shop", "a-b", "news"])
            + rng.choice([".com", ".cn", ".xyz", ".notatld", ".com.cn"])
            + rng.choice(["", "/p?id=" + num(4), "/路径"])
        )
        cols["c5"].append(
            f"{num(3)}-{num(2)}-{num(4)}" if rng.random() < 0.6 else num(rng.choice([9, 11, 18]))
        )
        text = "".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
        roll = rng.random()
        if roll < 0.2:
            text += f" 联系 {rng.choice(names)}@{rng.choice(domains)}"
        elif roll < 0.4:
            text += f"，卡号{card()}。"
        elif roll < 0.5:
            text += f" ip={rng.randint(1, 255)}.{rng.randint(0, 255)}.0.{rng.randint(0, 255)}"
        elif roll < 0.55:
            text = f"  Mr. {text}  "
        cols["c6"].append(text)
        cols["c7"].append(rng.choice(["ORD-", "ord-", "ORD_", ""]) + num(rng.randint(3, 9)))
        cols["c8"].append(
            "-".join(f"{rng.getrandbits(16 * w):0{4 * w}x}" for w in (2, 1, 1, 1, 3))
            if rng.random() < 0.5
            else rng.choice([":", "-", ":"]).join(
                f"{rng.randint(0, 255):02{rng.choice('xX')}}" for _ in range(rng.choice([6, 6, 5]))
            )
        )
    return cols
