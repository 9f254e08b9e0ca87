"""The fast value matcher: the same per-value findings as Presidio, without its per-call cost.

``FastMatcher(recognizers).match(values)`` returns, for every value, what
``detect.engine.value_matches`` returns for it with the same recognizers: the entities Presidio
reports with a score above zero (context enhancement off), each mapped to whether one of its
spans covers the whole stripped value. The equivalence is the contract (ARCHITECTURE, "Content
detection"); tests compare the two on generated and random values.

How it stays equal while being fast:

* Exact stage. For each ``PatternRecognizer`` whose matching logic is Presidio's own (its class
  does not override ``analyze``, the pattern loop or ``enhance_using_context``) every pattern is
  compiled with the ``regex`` module and the recognizer's ``global_regex_flags``, as Presidio
  does. A match is handled as Presidio handles it: empty matches are skipped, the pattern score
  is replaced by 1.0 / 0 when ``validate_result`` says yes / no, ``invalidate_result`` sets it to
  0, and only scores above zero that also reach the engine's score threshold count. Deny lists
  are ordinary patterns in a ``PatternRecognizer``, so they take the same path. Validator results
  are cached per recognizer and matched text, and a validator is only asked when its answer can
  change the value's outcome. Presidio's card, IP and e-mail validators and dataflow's Luhn
  family, GB 11643, GB 32100 and ISO 3779 checks have equivalent shortcuts
  (``shortcut_hooks``; the validator registry, ``detect.fast.registry``, holds each catalog
  validator's reference, fast scalar and batch forms, and one test module compares them). A pattern is first tried with
  ``search`` (the first match ``finditer`` would give); the full loop over every match runs
  only when later matches could still change the outcome. Pre-filtered values are confirmed
  pattern by pattern (``_exact_by_pattern``), and on vetted text a pattern runs on the stdlib
  ``re`` engine when that engine reads it as ``regex`` does (``stdlib_twin``: two to three
  times faster on short values).
* Joined-text confirmation. A pattern whose look-arounds cannot match a newline and that has
  no anchor but word boundaries (``joinable``) is run once with ``subn`` over a column's
  candidates joined by newlines (``_bulk``). When each value is consumed by exactly one match
  and no newline is consumed, each value's first match is the whole value, as on the value
  alone; the validators of those values then run together (``detect.fast.batch``: numpy checks for
  the common fixed-width shapes, the scalar shortcut for everything else). Runs that fail are
  halved while mostly matched; what is left goes value by value.
* Existence expressions. For long patterns without hooks (the URL pattern's list of top-level
  domains makes each regex attempt slow), the Hyperscan database also holds the pattern
  exactly (no prefilter relaxation) and the whole value anchored (as a prefilter): a value with
  a real match that no match could cover holds the entity, not as its whole value, without a
  regex run (``Prefilter``, ``_decide``).
* Pre-filter. When the ``hyperscan`` package is installed, all exact patterns are compiled into
  one Hyperscan database in prefilter mode (a match superset: assertions Hyperscan cannot
  evaluate are relaxed). The distinct values of a call are joined with newlines and scanned
  once; only (value, pattern) pairs Hyperscan reports go to the exact stage. A value holding a
  character outside a vetted set (ASCII printable, tab, CJK ideographs and common CJK/fullwidth
  punctuation, on which Hyperscan's Unicode classes agree with ``regex``'s; a test checks that)
  skips the pre-filter and runs every exact pattern. Because only vetted text is pre-filtered,
  ``\\w``, ``\\d`` and ``\\s`` are narrowed to their vetted members, and long bounded repeats are
  loosened (``{1,253}`` to ``{1,}``): both keep the superset and make compiling fast.
  Single-class look-arounds at a pattern's edges, which prefilter mode would drop, become
  consuming alternatives (``(?<![0-9])`` to ``(?:^|[^0-9\\n])``), so a 15-digit pattern is not
  reported inside every longer run of digits. Optional elements that end a pattern (a URL's path) are
  dropped (``required_part``): the same values match, with a few reported ends instead of one
  per character. Hits are grouped by value with numpy when it
  can be imported. Patterns Hyperscan cannot compile, or that use string anchors (``\\A``,
  ``\\Z``) which a joined buffer would change, always run. The compiled database is cached on
  disk (``DATAFLOW_CACHE_DIR``, else ``~/.cache/dataflow``); the first build takes a few
  seconds. Without Hyperscan every exact pattern runs on every distinct value: slower, same
  answers.
* Fallback. Recognizers whose behaviour is not the plain pattern loop (NLP-based ones, custom
  ``analyze``) are run through a Presidio ``AnalyzerEngine`` on every distinct value.

Known, documented difference: Presidio skips a pattern whose match exceeds its regex timeout
(``REGEX_TIMEOUT_SECONDS``, 60 s by default); this matcher has no timeout.

Values are de-duplicated inside a call; the full scan (``detect.full``) spreads batches over
worker processes.
"""

from dataflow.detect.fast.common import VETTED_CHARS, Matches, covers_whole
from dataflow.detect.fast.hooks import shortcut_hooks
from dataflow.detect.fast.matcher import FastMatcher
from dataflow.detect.fast.prefilter import (
    PatternDatabaseError,
    existence_expressions,
    probe_values,
    read_cached_database,
    write_cached_database,
)
from dataflow.detect.fast.registry import REGISTRY, Validator
from dataflow.detect.fast.shortcuts import refresh_today
from dataflow.detect.fast.translate import (
    hyperscan_expression,
    joinable,
    required_part,
    stdlib_twin,
)

__all__ = [
    "REGISTRY",
    "VETTED_CHARS",
    "FastMatcher",
    "Matches",
    "PatternDatabaseError",
    "Validator",
    "covers_whole",
    "existence_expressions",
    "hyperscan_expression",
    "joinable",
    "probe_values",
    "read_cached_database",
    "refresh_today",
    "required_part",
    "shortcut_hooks",
    "stdlib_twin",
    "write_cached_database",
]
