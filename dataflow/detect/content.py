"""Column verdicts from sampled values: does this column hold an identifier, or contain some?

Every distinct, non-empty sampled value of a column is matched (``detect.engine.value_matches``
or the fast matcher, same results): per value, the entities found and whether a match covers
the whole value. A :class:`ColumnTally` counts those per entity and keeps at most a couple of
*masked* examples, so the same accumulator serves the sampled scan and a streaming full scan.
Its verdict (:class:`ContentVerdict`) has one of three kinds:

``column``
    The column holds that identifier: at least ``column_threshold`` of the values are wholly
    one entity (or, for a mixed column such as mobile and landline numbers, wholly one of the
    recognised entities; the most frequent is named and the others listed).
``contains``
    Free text that contains the identifier: the entity is found *inside* longer values in at
    least ``contains_threshold`` of them and in at least ``contains_min_values`` values.
``none``
    Neither.

Choices (``ContentOptions``) and why:

``min_sample = 10``
    Below ten distinct values a rate says little, so a small sample makes a ``column`` verdict
    only when *every* value matches, and its confidence is scaled down. One lucky match never
    makes a column personal information.
``column_threshold = 0.8``
    Real identifier columns carry junk (``无``, ``-``, test numbers, other formats): up to a
    fifth is tolerated. Noise stays far below it: a random number passes a Luhn or MOD 11-2
    check about one time in ten, and the patterns' boundaries keep identifiers from being found
    inside longer codes.
``context_column_threshold = 0.5``
    When the field name or comment contains one of the recognizer's context words (``手机``,
    ``phone``), half the values suffice: two independent signals agree. Verdicts never *need*
    the name; a column called ``c7`` is judged on its values alone.
``candidate_threshold = 0.6``, ``candidate_factor = 0.9``
    Near-threshold evidence is kept: a column where 60 % or more, but under the threshold, of
    the values are wholly one identifier is a ``column`` verdict all the same, its confidence
    multiplied by 0.9 and its evidence saying so ("76% is under the column threshold 80%: a
    candidate"). Whether it is personal information is the classification's usual rule
    (confidence at least 0.5): a pattern-only identifier such as a mobile number from about
    70 % of values, a checksum-validated one from 60 %. Random 11-digit numbers starting with
    ``1`` fit the mobile ranges about 56 % of the time, under the candidate threshold.
``contains_threshold = 0.05``, ``contains_min_values = 3``
    Free text rarely consists of identifiers; a few remarks in a hundred carrying a phone
    number already put personal information in the column, but fewer than three values could
    be chance.
``max_value_chars = 4096``
    Longer values are cut before matching, bounding the cost of pathological cells.
``recognizer_files = ()``
    User recognizer files (``load_recognizers(extra_paths)``): the default matcher uses them,
    and evidence names their recognizers.

Before counting, placeholders (``无``, ``N/A``, ``-``, ``0``, ``未知``:
``detect.normalise.PLACEHOLDERS``) leave the denominator, and a value with no whole match that
looks like a formatted identifier is matched again in canonical form (``renormalised``; the
evidence counts those values and the steps). Masked forms (``138****5678``) are recognised by
their own recognizers, which name the entity they de-identify (``deidentifies:``); the verdict
names that entity with ``deidentified`` set, and the evidence gives the mask's shape.
Recognizers marked ``context_required`` (QQ numbers, hashes) are applied only to a column whose
name or comment has one of their context words.

When several entities tie, the more specific identifier wins (``tally.ENTITY_PRIORITY``): a
15-digit Luhn-valid number is an IMEI before it is a credit card, a UnionPay number is a bank
card before it is Presidio's generic credit card.

Evidence (``model.Evidence`` with source ``value``) names the recognizer and validator, the
match rate, the sample size and a masked example; no raw value ever reaches a verdict.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

from dataflow.detect.normalise import (
    amount_or_date,
    could_normalise,
    has_seven_digits,
    normalise,
)
from dataflow.detect.storage import storage_evidence as storage_evidence
from dataflow.detect.storage import storage_kind as storage_kind
from dataflow.detect.tally import ColumnTally, ContentOptions, ContentVerdict
from dataflow.model import Dataset, Field, SampleSet

Matcher = Callable[[Sequence[str]], list[dict[str, bool]]]


def _column_values(field: Field, dataset: Dataset, samples: SampleSet) -> tuple[str, ...] | None:
    columns = samples.columns
    if field.pointer in columns:
        return columns[field.pointer]
    prefix = dataset.name + "."
    if field.pointer.startswith(prefix) and field.pointer[len(prefix) :] in columns:
        return columns[field.pointer[len(prefix) :]]
    return columns.get(field.name)


def _clean(values: Sequence[str], limit: int) -> list[str]:
    out: dict[str, None] = {}
    for value in values:
        text = str(value).strip()[:limit].strip()
        if text:
            out.setdefault(text, None)
    return list(out)


Fix = tuple[Mapping[str, bool], tuple[str, ...], str]


def renormalised(values: Sequence[str], whole: Sequence[bool], match: Matcher) -> dict[int, Fix]:
    """Second chance for values with no whole match (``whole[i]`` false): the normalised form
    (``detect.normalise.normalise``) of each is matched, and where it is wholly an identifier
    the result is ``{index: (whole matches, steps, normalised form)}``.

    The sampled scan and the full scan both call this, with their matchers, so they agree.
    """
    index: list[int] = []
    forms: list[tuple[str, tuple[str, ...]]] = []
    # Cheap tests first: a value with a whole match, of the wrong shape, or already canonical
    # (ASCII digits and upper-case letters only) has nothing to normalise.
    left = list(itertools.compress(range(len(values)), map(operator.not_, whole)))
    joined = "".join(values[i] for i in left)
    if joined.isascii() and joined.isalnum() and joined.upper() == joined:
        return {}  # every value left is ASCII digits and upper-case letters: canonical
    maybe = [
        i
        for i in left
        if could_normalise(value := values[i])
        and not amount_or_date(value)
        and not (value.isascii() and value.isalnum() and (value.isdigit() or value.isupper()))
        and has_seven_digits(value)
    ]
    for i in maybe:
        form = normalise(values[i])
        if form is not None:
            index.append(i)
            forms.append(form)
    if not index:
        return {}
    found = match(list(dict.fromkeys(text for text, _ in forms)))
    by_text = dict(zip(dict.fromkeys(text for text, _ in forms), found, strict=True))
    out: dict[int, Fix] = {}
    for i, (text, steps) in zip(index, forms, strict=True):
        kept = {e: True for e, w in by_text[text].items() if w}
        if kept:
            out[i] = (kept, steps, text)
    return out


@lru_cache(maxsize=8)
def default_matcher(recognizer_files: tuple[str, ...] = ()) -> Matcher:
    """``value_matches`` over the offline analyzer (built once per process and file set)."""
    from dataflow.detect.engine import build_analyzer, value_matches
    from dataflow.detect.recognizers import load_recognizers

    analyzer = build_analyzer(load_recognizers(recognizer_files))

    def match(values: Sequence[str]) -> list[dict[str, bool]]:
        return value_matches(values, analyzer)

    return match


def detect_samples(
    dataset: Dataset,
    samples: SampleSet,
    options: ContentOptions | None = None,
    *,
    matcher: Matcher | None = None,
) -> dict[str, ContentVerdict]:
    """A verdict for every field of ``dataset`` that has sampled values, keyed by pointer.

    Values are stripped, cut to ``max_value_chars`` and de-duplicated (within a column for the
    counts, across columns for matching). ``matcher`` defaults to Presidio per value.
    """
    options = options or ContentOptions()
    columns: list[tuple[Field, list[str]]] = []
    for field in dataset.fields:
        raw = _column_values(field, dataset, samples)
        if raw is None:
            continue
        values = _clean(raw, options.max_value_chars)
        if values:
            columns.append((field, values))
    unique = list(dict.fromkeys(v for _, values in columns for v in values))
    match = matcher if matcher is not None else default_matcher(options.recognizer_files)
    found = match(unique) if unique else []
    if len(found) != len(unique):
        raise ValueError(f"matcher returned {len(found)} results for {len(unique)} values")
    fixes = renormalised(unique, [any(m.values()) for m in found], match)
    by_value = dict(zip(unique, found, strict=True))
    fixed = {unique[i]: fix for i, fix in fixes.items()}
    verdicts: dict[str, ContentVerdict] = {}
    for field, values in columns:
        context = " ".join(part for part in (field.name, field.comment) if part)
        tally = ColumnTally(
            field.pointer,
            max_examples=options.max_examples,
            recognizer_files=options.recognizer_files,
            context=context if options.use_context else None,
        )
        for value in values:
            fix = fixed.get(value)
            if fix is None:
                tally.add(value, by_value[value])
            else:
                tally.add(value, fix[0], steps=fix[1], canonical=fix[2])
        verdicts[field.pointer] = tally.verdict(options, context=context)
    return dict(sorted(verdicts.items()))
