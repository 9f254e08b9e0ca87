"""The Hyperscan pre-filter never hides a match: its character classes agree with ``regex``.

The fast matcher only pre-filters values made of ``VETTED_CHARS``; this checks, character by
character, that Hyperscan (UTF-8 + UCP) and the ``regex`` module classify those alike.
"""

from __future__ import annotations

import re

import pytest

from dataflow.detect.fast import VETTED_CHARS, FastMatcher, hyperscan_expression, required_part

hyperscan = pytest.importorskip("hyperscan")
regex = pytest.importorskip("regex")


def _vetted() -> list[str]:
    chars = []
    for cp in range(0x110000):
        ch = chr(cp)
        if re.fullmatch(f"[{VETTED_CHARS}]", ch):
            chars.append(ch)
    return chars


VETTED = _vetted()


def _hs_fullmatches(pattern: str, chars: list[str], caseless: bool = False) -> set[str]:
    flags = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_SINGLEMATCH
    if caseless:
        flags |= hyperscan.HS_FLAG_CASELESS
    db = hyperscan.Database()
    db.compile(expressions=[f"^(?:{pattern})$".encode()], ids=[0], flags=[flags])
    scratch = hyperscan.Scratch(db)
    hit: set[str] = set()
    current: list[str] = []

    def on_match(*_args: object) -> None:
        hit.add(current[-1])

    for ch in chars:
        current.append(ch)
        db.scan(ch.encode("utf-8"), match_event_handler=on_match, scratch=scratch)
    return hit


@pytest.mark.parametrize("cls", [r"\w", r"\d", r"\s", r"\W", r"\D", r"\S", r"."])
def test_classes_agree_on_vetted_characters(cls: str) -> None:
    expected = {ch for ch in VETTED if regex.fullmatch(cls, ch, flags=regex.DOTALL)}
    assert _hs_fullmatches(cls, VETTED) == expected


def test_only_ascii_letters_have_case_among_vetted() -> None:
    cased = [ch for ch in VETTED if ch.lower() != ch.upper() or ch.casefold() != ch.lower()]
    assert cased and all(ch.isascii() and ch.isalpha() for ch in cased)
    # An ASCII letter matches caselessly exactly its two ASCII forms among vetted characters.
    for letter in "akszAKSZ":
        expected = {ch for ch in VETTED if regex.fullmatch(letter, ch, flags=regex.IGNORECASE)}
        assert expected == {letter.lower(), letter.upper()}
        assert _hs_fullmatches(letter, VETTED, caseless=True) == expected


def test_expression_translation() -> None:
    assert hyperscan_expression(r"[\u4e00-\u9fa5]{2}") == r"[\x{4e00}-\x{9fa5}]{2}"
    assert hyperscan_expression(r"\Aabc") is None
    assert hyperscan_expression(r"abc\Z") is None
    assert hyperscan_expression(r"a\\Z") == r"a\\Z"  # an escaped backslash, then a letter
    assert hyperscan_expression(r"\u12") is None


def test_uncompilable_and_anchored_patterns_always_run(
    tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from presidio_analyzer import Pattern, PatternRecognizer

    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(tmp_path))
    recs = [
        PatternRecognizer(supported_entity="ANCHORED", patterns=[Pattern("a", r"\Aab\d+\Z", 0.5)]),
        # Atomic group: the regex module accepts it, Hyperscan refuses it.
        PatternRecognizer(supported_entity="ATOMIC", patterns=[Pattern("b", r"(?>x+)y", 0.5)]),
        PatternRecognizer(supported_entity="PLAIN", patterns=[Pattern("c", r"\bq\d{3}\b", 0.5)]),
    ]
    matcher = FastMatcher(recs)
    assert matcher.uses_prefilter
    got = matcher.match(["ab12", "xxy", "q123", "zzz", "ab12 q123 xy"])
    assert got == [
        {"ANCHORED": True},
        {"ATOMIC": True},
        {"PLAIN": True},
        {},
        {"PLAIN": False, "ATOMIC": False},
    ]
    # A second matcher with the same patterns loads the cached database.
    assert list(tmp_path.glob("hs-*.db"))
    again = FastMatcher(recs)
    assert again.match(["ab12", "xxy"]) == got[:2]


def test_narrowed_classes_equal_regex_classes_on_vetted_characters() -> None:
    from dataflow.detect.fast.translate import _VETTED_CLASS

    for name, ranges in _VETTED_CLASS.items():
        python_syntax = re.sub(r"\\x\{([0-9a-f]{4})\}", r"\\u\1", ranges)
        narrowed = regex.compile("[" + python_syntax + "]")
        for ch in VETTED:
            assert bool(narrowed.fullmatch(ch)) == bool(regex.fullmatch("\\" + name, ch)), (
                name,
                hex(ord(ch)),
            )


def test_translation_narrows_classes_and_loosens_long_repeats() -> None:
    assert hyperscan_expression(r"\w+@\d{1,253}\s") == (
        r"[0-9A-Z_a-z\x{4e00}-\x{9fcc}]+@[0-9]{1,}[\t ]"
    )
    assert hyperscan_expression(r"[^\s()]\W\D") == (r"[^\t ()][^0-9A-Z_a-z\x{4e00}-\x{9fcc}][^0-9]")
    assert hyperscan_expression(r"[\W]") == r"[\W]"  # a negated class inside a class is kept
    assert hyperscan_expression(r"a{2,5}[x{1,99}]\{1,99}") == r"a{2,5}[x{1,99}]\{1,99}"
    assert hyperscan_expression(r"[]a]") == r"[\]a]"
    assert hyperscan_expression(r"[a") is None


def test_edge_lookarounds_become_consuming_alternatives() -> None:
    assert hyperscan_expression(r"(?<![0-9A-Za-z])\d{3}(?![0-9A-Za-z])") == (
        r"(?:^|[^0-9A-Za-z\n])[0-9]{3}(?:[^0-9A-Za-z\n]|$)"
    )
    assert hyperscan_expression(r"(?<![\w:])::") == r"(?:^|[^0-9A-Z_a-z\x{4e00}-\x{9fcc}:\n])::"
    # Negated classes, look-arounds elsewhere and nested ones are left to prefilter mode.
    assert hyperscan_expression(r"(?<![^a])x") == r"(?<![^a])x"
    assert hyperscan_expression(r"a(?![b])c") == r"a(?![b])c"
    assert hyperscan_expression(r"(?:a(?![b]))") == r"(?:a(?![b]))"


def test_guarded_patterns_find_values_at_every_position_and_skip_longer_runs(
    tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from presidio_analyzer import Pattern, PatternRecognizer

    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(tmp_path))
    rec = PatternRecognizer(
        supported_entity="FIVE",
        patterns=[Pattern("five", r"(?<![0-9A-Za-z])[0-9]{5}(?![0-9A-Za-z])", 0.5)],
    )
    matcher = FastMatcher([rec])
    plain = FastMatcher([rec], prefilter=False)
    assert matcher.uses_prefilter
    values = ["12345", "a 12345", "12345 b", "x12345", "123456", "1234", "(12345)", "12345\t"]
    values += ["123456 12345", "7" * 40, "", "12345 12345", "ab-12345-cd"]
    got = matcher.match(values)
    assert got == plain.match(values)
    assert got[:6] == [{"FIVE": True}, {"FIVE": False}, {"FIVE": False}, {}, {}, {}]
    pre = matcher.prefilter
    assert pre is not None
    # The prefilter itself no longer reports the pattern inside a longer run of digits.
    assert sorted(pre.candidates(["123456", "12345", "1234567890", "x 12345 y"])) == [1, 3]


def test_candidates_group_alike_with_and_without_numpy(
    tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import random

    from presidio_analyzer import Pattern, PatternRecognizer

    from dataflow.detect.fast import common

    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(tmp_path))
    recs = [
        PatternRecognizer(supported_entity="NUM", patterns=[Pattern("n", r"\d{3,}", 0.5)]),
        PatternRecognizer(
            supported_entity="HAN", patterns=[Pattern("h", r"[\u4e00-\u9fa5]{2}", 0.5)]
        ),
        PatternRecognizer(supported_entity="AT", patterns=[Pattern("a", r"\w+@\w+", 0.5)]),
    ]
    pre = FastMatcher(recs).prefilter
    assert pre is not None
    r = random.Random(3)
    values = [
        "".join(r.choice("12345 ab@张三李") for _ in range(r.randint(0, 12))) for _ in range(500)
    ]
    assert common.numpy_or_none() is not None
    with_arrays = pre.candidates(values)
    by_pattern = pre.values_by_pattern(values)
    monkeypatch.setattr(common, "_NUMPY", [None])
    assert pre.candidates(values) == with_arrays
    assert pre.values_by_pattern(values) == by_pattern
    assert len(with_arrays) > 100
    assert all(values[i] for i in with_arrays)
    # The two groupings are the same pairs, seen from either side.
    assert sorted((i, p) for i, ps in with_arrays.items() for p in ps) == sorted(
        (i, p) for p, idx in by_pattern.items() for i in idx
    )


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("ab(c)?", "ab"),
        ("(?i)(a(b)?(?:/x*)?)", "(?i)(a)"),
        (r"[\]a]+(?:\d+)*", r"[\]a]+"),
        ("a|b?", "a|b?"),  # a top-level alternation is left alone
        ("(?i)x?", "(?i)x?"),  # nothing would be left
        (r"(?<![0-9])1\d{10}(?:[^0-9\n]|$)", r"(?<![0-9])1\d{10}(?:[^0-9\n]|$)"),
        ("(?P<n>a(b)?)", "(?P<n>a(b)?)"),  # named groups are not looked into
        ("a(?:b|c)??", "a"),
    ],
)
def test_required_part_drops_optional_tails(expr: str, expected: str) -> None:
    assert required_part(expr) == expected


def test_required_part_keeps_which_values_match() -> None:
    """On the shipped recognizers' patterns and values of every kind, a value has a match of
    the shortened pattern exactly when it has one of the original, inside that match."""
    import random

    from dataflow.detect.recognizers import load_recognizers

    matcher = FastMatcher(load_recognizers(), prefilter=False)
    r = random.Random(11)
    values = [
        "https://www.example.com/a/b?c=1",
        "see www.example.org/path.",
        "北京市朝阳区建国路88号3号楼201室",
        "上海市浦东新区世纪大道100号",
        "a.b@corp.example.cn",
        "13800138000",
        "",
    ]
    values += [
        "".join(r.choice("abc./:@-_ 1号楼路市区") for _ in range(r.randint(1, 30)))
        for _ in range(300)
    ]
    shortened = 0
    for pat in matcher.patterns:
        short_source = required_part(pat.source)
        if short_source == pat.source:
            continue
        shortened += 1
        short = regex.compile(short_source, flags=pat.flags)
        for value in values:
            full = pat.compiled.search(value)
            part = short.search(value)
            assert (full is None) == (part is None), (pat.entity, value)
    assert shortened >= 2  # URL and CN_ADDRESS end with optional parts


@pytest.mark.parametrize("cls", [r"\w", r"\W", r"\d", r"\D", r"\s", r"\S", "[a-z]", "."])
def test_stdlib_and_regex_classify_vetted_characters_alike(cls: str) -> None:
    """The stdlib engine is only used on vetted text: there both modules must agree."""
    for flags in (0, re.IGNORECASE, re.IGNORECASE | re.DOTALL):
        ours = re.compile(cls, flags)
        theirs = regex.compile(cls, flags)
        differ = [c for c in VETTED if bool(ours.fullmatch(c)) != bool(theirs.fullmatch(c))]
        assert not differ, (cls, flags, differ[:5])


def test_stdlib_and_regex_agree_on_word_boundaries_and_case_in_vetted_text() -> None:
    import random

    r = random.Random(5)
    for _ in range(400):
        text = "".join(r.choice(VETTED) for _ in range(r.randint(0, 12)))
        for pattern in (r"\b", r"\b\w+\b", r"(?<!\w)\d+(?!\w)", r"\w+\B\w"):
            assert [m.span() for m in re.finditer(pattern, text)] == [
                m.span() for m in regex.finditer(pattern, text)
            ]
    # Case: every ASCII character and a few others match the same vetted characters.
    probes = [c for c in VETTED if c.isascii()] + r.sample(VETTED, 20)
    for probe in probes:
        ours = re.compile(re.escape(probe), re.IGNORECASE)
        theirs = regex.compile(regex.escape(probe), regex.IGNORECASE)
        assert {c for c in VETTED if ours.fullmatch(c)} == {
            c for c in VETTED if theirs.fullmatch(c)
        }, probe


@pytest.mark.parametrize(
    "source",
    ["a{e<=1}", "[[:alpha:]]", r"\p{Han}", "(?|a|b)", "(?V1)x", "(?P>n)", r"\m\w+", "(?1)", r"a\B"],
)
def test_regex_only_syntax_keeps_the_regex_module(source: str) -> None:
    from dataflow.detect.fast import stdlib_twin

    assert stdlib_twin(source, 0) is None


def test_shipped_patterns_mostly_run_on_the_stdlib_engine() -> None:
    from dataflow.detect.fast import stdlib_twin
    from dataflow.detect.recognizers import load_recognizers

    matcher = FastMatcher(load_recognizers(), prefilter=False)
    twins = [p for p in matcher.patterns if stdlib_twin(p.source, p.flags) is not None]
    assert len(twins) >= len(matcher.patterns) - 2
    assert stdlib_twin(r"\(?0[1-9]{2}", 0) is not None  # an escaped parenthesis is plain
