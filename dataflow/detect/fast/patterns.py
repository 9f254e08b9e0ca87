"""The exact patterns a ``FastMatcher`` confirms matches with: Presidio's plain pattern recognizers,
each pattern compiled as Presidio compiles it."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

from dataflow.detect.fast.common import ExactPattern, plain_pattern_recognizer, threshold_for
from dataflow.detect.fast.translate import stdlib_twin


def exact_patterns(recognizers: Sequence[Any], score_threshold: float) -> tuple[ExactPattern, ...]:
    """The patterns of the plain pattern recognizers, compiled as Presidio compiles them (with
    the ``regex`` module and the recognizer's flags), in recognizer order."""
    regex: Any = importlib.import_module("regex")
    patterns: list[ExactPattern] = []
    for index, rec in enumerate(recognizers):
        if not plain_pattern_recognizer(rec):
            continue
        entity = rec.supported_entities[0]
        flags = rec.global_regex_flags or 0
        threshold = threshold_for(rec, entity, score_threshold)
        for pat in rec.patterns:
            prebuilt = getattr(pat, "compiled_regex", None)
            if getattr(pat, "compiled_with_flags", None) != flags:
                prebuilt = None
            patterns.append(
                ExactPattern(
                    recognizer=index,
                    entity=entity,
                    source=pat.regex,
                    flags=int(flags),
                    score=float(pat.score),
                    threshold=threshold,
                    vetted=stdlib_twin(pat.regex, int(flags))
                    or prebuilt
                    or regex.compile(pat.regex, flags=flags),
                    presidio=prebuilt,
                )
            )
    return tuple(patterns)
