"""Content detection on a dirty export (tests/dirty_export.py) in CSV, JSON Lines and Parquet,
sampled and ``--full``: loosely written identifiers, masked and hashed values, placeholders,
names in several scripts, and look-alikes that must stay non-personal."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from dirty_export import EXPECTED, FORMATTED, dirty_columns, file_name, write

from dataflow.detect.content import ColumnTally, ContentOptions, detect_samples, renormalised
from dataflow.detect.normalise import normalise
from dataflow.detect.validators import gb11643, gb11643_check_char
from dataflow.model import Dataset, Field, SampleSet
from dataflow.report import markdown, sarif, table
from dataflow.report.json_report import render_scan
from dataflow.scan import ScanOptions, scan_paths

FORMATS = ("csv", "jsonl", "parquet")
BACK = {file_name(k): k for k in EXPECTED}


@pytest.fixture(scope="module")
def columns() -> dict[str, list[str | None]]:
    return dirty_columns(rows=400, seed=15)


@pytest.fixture(scope="module")
def scans(
    tmp_path_factory: pytest.TempPathFactory, columns: dict[str, list[str | None]]
) -> dict[tuple[str, bool], Any]:
    base = tmp_path_factory.mktemp("dirty")
    mp = pytest.MonkeyPatch()
    mp.setenv("DATAFLOW_CACHE_DIR", str(base / "hs-cache"))
    try:
        out = {}
        for fmt in FORMATS:
            path = write(base / f"export.{fmt}", columns, fmt)
            for full in (False, True):
                out[(fmt, full)] = scan_paths([path], ScanOptions(full=full))
        return out
    finally:
        mp.undo()


def _findings(result: Any) -> dict[str, Any]:
    assert not result.problems
    (dataset,) = result.datasets
    return {BACK[f.field.name]: f for f in dataset.findings}


@pytest.mark.parametrize("full", [False, True], ids=["sampled", "full"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_column_is_found_as_what_it_is(scans: Any, fmt: str, full: bool) -> None:
    findings = _findings(scans[(fmt, full)])
    assert set(findings) == set(EXPECTED)
    got = {
        name: ((f.element, f.deidentified) if f.personal else None) for name, f in findings.items()
    }
    assert got == EXPECTED


@pytest.mark.parametrize("full", [False, True], ids=["sampled", "full"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_formatted_columns_match_at_least_95_percent(scans: Any, fmt: str, full: bool) -> None:
    findings = _findings(scans[(fmt, full)])
    for name in FORMATTED:
        rates = [e.match_rate for e in findings[name].evidence if e.source == "value"]
        assert rates and rates[0] >= 0.95, (name, rates)
    # the evidence says how many values needed normalising, and how
    detail = findings["c_mobile_fmt"].evidence[0].detail
    assert re.search(r"\d+ of them only once normalised \(.*\+86 prefix \d+", detail)
    assert "full-width" in detail
    if full:  # every row: the placeholders are there, and said to be left out
        assert re.search(r"\d+ placeholder values \(无, N/A, -\) not counted", detail)
    float_detail = findings["c_mobile_float"].evidence[0].detail
    assert "float .0" in float_detail


@pytest.mark.parametrize("fmt", FORMATS)
def test_sampled_and_full_give_the_same_answers(scans: Any, fmt: str) -> None:
    def answers(result: Any) -> dict[str, Any]:
        return {
            name: (f.personal, f.element, f.deidentified, f.kind, f.grade)
            for name, f in _findings(result).items()
        }

    assert answers(scans[(fmt, False)]) == answers(scans[(fmt, True)])


def test_masked_columns_name_the_mask_shape_and_the_rule(scans: Any) -> None:
    findings = _findings(scans[("csv", False)])
    masked = findings["c_mobile_masked"]
    assert masked.deidentified and masked.personal
    assert "mask shape 999****9999" in masked.evidence[0].detail
    assert masked.evidence[0].example == "999****9999"
    assert any(e.rule == "grade.deidentified" for e in masked.evidence)
    id_masked = findings["c_id_masked"]
    assert "mask shape 999999********9999" in id_masked.evidence[0].detail
    # the grade follows the catalog: steps_down 0 keeps the element's grade
    assert id_masked.grade == findings["c_id_fmt"].grade
    assert "hashes of an identifier" in findings["mobile_md5"].evidence[0].detail


def test_near_threshold_column_keeps_its_evidence(scans: Any) -> None:
    finding = _findings(scans[("csv", False)])["c_mobile_79"]
    detail = finding.evidence[0].detail
    assert re.search(r"7\d% is under the column threshold 80%: a candidate", detail)
    assert finding.confidence < _findings(scans[("csv", False)])["c_mobile_fmt"].confidence


def test_mixed_contact_column_lists_every_kind(scans: Any) -> None:
    finding = _findings(scans[("csv", True)])["c_contact_mixed"]
    rules = {e.rule for e in finding.evidence if e.source == "value"}
    assert {"CnMobileRecognizer", "CnLandlineRecognizer", "EmailRecognizer"} <= rules


@pytest.mark.parametrize("full", [False, True], ids=["sampled", "full"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_value_of_the_export_reaches_the_report(
    scans: Any, columns: dict[str, list[str | None]], fmt: str, full: bool
) -> None:
    result = scans[(fmt, full)]
    json.loads(render_scan(result))
    report = "\n".join(
        (
            render_scan(result),
            markdown.render_scan(result),
            sarif.render_scan(result),
            table.render_scan(result),
        )
    )
    for name, values in columns.items():
        if EXPECTED[name] is None:
            continue  # look-alikes are not personal; products and cities may be named
        for value in values:
            if value is None or len(value.strip()) < 4 or "*" in value:
                continue  # short, or a mask already (another column's example may look alike)
            assert value.strip() not in report, name
            form = normalise(value.strip())
            if form is not None:
                assert form[0] not in report, name  # nor its normalised form


# --- normalisation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "canonical", "steps"),
    [
        ("+86 135-9141-7776", "13591417776", {"separators", "+86 prefix"}),
        ("(+86)13689218401", "13689218401", {"separators", "+86 prefix"}),
        ("0086-13112228345", "13112228345", {"separators", "+86 prefix"}),
        ("86-13112228345", "13112228345", {"separators", "+86 prefix"}),
        ("１３８１２３４５６７８", "13812345678", {"full-width"}),
        ("13812345678.0", "13812345678", {"float .0"}),
        ("1.3812345678e+10", "13812345678", {"float .0"}),
        ("110105 19780125 773x", "11010519780125773X", {"separators", "upper case"}),
        ("e12345678", "E12345678", {"upper case"}),
    ],
)
def test_normalise(value: str, canonical: str, steps: set[str]) -> None:
    result = normalise(value)
    assert result is not None
    assert result[0] == canonical and set(result[1]) == steps


@pytest.mark.parametrize(
    "value",
    [
        "13812345678",  # already canonical
        "2023-01-05",  # a date
        "1.1010519780125773e+17",  # an 18-digit ID in a double: its last digits are lost
        "110105197801257730.0",
        "12.50",  # too few digits
        "12345.67",  # an amount: only a float's ".0" is dropped
        "call 138 1234 5678 now",  # free text
        "138-1234-5678+1",
    ],
)
def test_values_that_are_not_normalised(value: str) -> None:
    assert normalise(value) is None


def test_normalisation_never_makes_an_invalid_number_valid() -> None:
    body = "11010519780125773"
    good = body + gb11643_check_char(body)
    bad = body + ("0" if good[-1] != "0" else "1")
    for written in (
        f"{bad[:6]} {bad[6:14]} {bad[14:]}",
        bad.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"}),
        f"{bad[:6]}-{bad[6:]}",
    ):
        form = normalise(written)
        assert form is not None and not gb11643(form[0])
    form = normalise(f"{good[:6]} {good[6:14]} {good[14:]}")
    assert form is not None and gb11643(form[0])


def test_placeholders_leave_the_denominator() -> None:
    tally = ColumnTally("t.c")
    for i in range(8):
        tally.add(f"v{i}", {"CN_MOBILE": True})
    for placeholder in ("无", "N/A", "n/a", "-", "0", "未知", "NULL"):
        tally.add(placeholder, {})
    tally.add("other", {})
    tally.add("again", {})
    assert tally.total == 10 and tally.placeholders == 7
    verdict = tally.verdict(ContentOptions())
    assert verdict.kind == "column" and verdict.match_rate == 0.8
    assert "7 placeholder values" in verdict.evidence[0].detail


def test_a_context_only_recognizer_needs_the_field_name() -> None:
    qq = [str(10_000 + 7919 * i) for i in range(40)]
    dataset = Dataset(
        name="t",
        source_path="t.csv",
        source_format="csv",
        fields=(Field(name="qq号", pointer="t.qq号"), Field(name="c2", pointer="t.c2")),
    )
    samples = SampleSet("t.csv", {"t.qq号": tuple(qq), "t.c2": tuple(qq)}, rows_read=40)
    verdicts = detect_samples(dataset, samples)
    assert verdicts["t.qq号"].entity == "CN_IM_ACCOUNT"
    assert verdicts["t.c2"].kind == "none"


# --- the fast matcher agrees with per-value Presidio, normalisation included ----------------


def test_fast_matcher_and_presidio_agree_on_the_dirty_export(
    columns: dict[str, list[str | None]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataflow.detect.content import default_matcher
    from dataflow.detect.fast import FastMatcher
    from dataflow.detect.recognizers import load_recognizers

    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(tmp_path))
    values = sorted({v.strip() for vs in columns.values() for v in vs if v and v.strip()})
    fast = FastMatcher(load_recognizers())
    presidio = default_matcher()
    fast_found = fast.match(values)
    slow_found = presidio(values)
    assert fast_found == slow_found
    fast_fixes = renormalised(values, [any(m.values()) for m in fast_found], fast.match)
    slow_fixes = renormalised(values, [any(m.values()) for m in slow_found], presidio)
    assert fast_fixes == slow_fixes
    assert len(fast_fixes) > 100  # the export's loosely written identifiers


# --- Latin-script names: lists generated from published data --------------------------------


def test_latin_name_lists_are_generated_with_their_sources() -> None:
    import yaml

    path = Path(__file__).resolve().parent.parent.parent / "catalogs" / "data" / "latin_names.yaml"
    text = path.read_text(encoding="utf-8")
    assert "GENERATED by bench/build_latin_names.py" in text
    data = yaml.safe_load(text)
    counts = [int(n) for n in re.findall(r"^# (\d+) entries$", text, re.M)]
    keys = ["en_given", "en_surnames", "pinyin_surnames", "pinyin_syllables"]
    assert counts == [len(data[k]) for k in keys]
    assert len(data["en_given"]) >= 1000 and len(data["en_surnames"]) >= 1000
    for key, line in zip(keys, data["source"], strict=True):
        assert line.startswith(key + ":") and re.search(r"sha256 [0-9a-f]{64} \(MIT\)", line)


def test_latin_names_beyond_the_most_common_are_found() -> None:
    from dataflow.detect.content import default_matcher

    # given names and surnames well past the first two hundred of their lists
    names = ["Brittany Hoffman", "Tyrone Mccoy", "Marjorie Fleming", "Rodolfo Salinas"]
    plain = ["Crystal Glass Co", "Vice President", "Office Manager", "Data Analyst"]
    found = default_matcher()(names + plain)
    assert [bool(f.get("LATIN_PERSON_NAME")) for f in found] == [True] * 4 + [False] * 4


# --- a mask is not also the clear identifier it masks -----------------------------------------


def _tallies(values: list[str]) -> tuple[ColumnTally, ColumnTally]:
    from dataflow.detect.content import default_matcher

    found = default_matcher()(values)
    one_by_one = ColumnTally("t.c")
    for value, matches in zip(values, found, strict=True):
        one_by_one.add(value, matches)
    batched = ColumnTally("t.c")  # the full scan's way in
    batched.add_distinct(values, found)
    return one_by_one, batched


def test_a_masked_email_is_not_also_a_plain_email() -> None:
    from dataflow.detect.content import default_matcher

    masked = [f"{c}***@example.com" for c in "abcdefghijkl"]
    # the plain e-mail pattern accepts the mask too: a tie the masked form must win
    assert all(m.get("EMAIL_ADDRESS") for m in default_matcher()(masked))
    for tally in _tallies(masked):
        assert "EMAIL_ADDRESS" not in tally.whole and tally.whole["MASKED_EMAIL_ADDRESS"] == 12
        verdict = tally.verdict()
        assert verdict.entities == ("EMAIL_ADDRESS",) and verdict.deidentified
        assert [e.rule for e in verdict.evidence] == ["MaskedEmailRecognizer"]


def test_masked_and_clear_emails_count_apart_in_either_path() -> None:
    values = [f"{c}***@example.com" for c in "abcdef"] + [f"{c}lerk@qq.com" for c in "vwxyz"]
    verdicts = [tally.verdict() for tally in _tallies(values)]
    assert verdicts[0] == verdicts[1]
    verdict = verdicts[0]
    # six masks lead five clear addresses; with clear ones present the column is not de-identified
    assert verdict.entity == "EMAIL_ADDRESS" and not verdict.deidentified
    assert [(e.rule, e.match_rate) for e in verdict.evidence] == [
        ("MaskedEmailRecognizer", round(6 / 11, 4)),
        ("EmailRecognizer", round(5 / 11, 4)),
    ]


# --- hashes whose element no name tells ---------------------------------------------------------


@pytest.mark.parametrize("full", [False, True], ids=["sampled", "full"])
def test_hashes_named_for_no_element_are_a_deidentified_candidate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full: bool
) -> None:
    import hashlib

    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(tmp_path / "cache"))
    digests = [hashlib.sha256(f"1{3 + i % 7}{i:09d}".encode()).hexdigest() for i in range(60)]
    path = tmp_path / "hashes.csv"
    path.write_text(
        "sha256,h1,mobile_sha256\n" + "".join(f"{d},{d},{d}\n" for d in digests),
        encoding="utf-8",
    )
    result = scan_paths([path], ScanOptions(full=full))
    assert not result.problems
    (dataset,) = result.datasets
    findings = {f.field.name: f for f in dataset.findings}
    named = findings["mobile_sha256"]
    assert named.personal and named.deidentified and named.element == "pi.contact.mobile"
    unnamed = findings["sha256"]
    assert not unnamed.personal and unnamed.deidentified and unnamed.element is None
    rules = [e.rule for e in unnamed.evidence]
    assert rules[:2] == ["HashedIdentifierRecognizer", "hash-element-unnamed"]
    assert unnamed.evidence[0].match_rate == 1.0
    assert "hashes of an identifier" in unnamed.evidence[0].detail
    # a name that says nothing: hex digests are as often checksums, commit ids or tokens, so the
    # hash recognizer needs the name (context_required) and the column is not flagged
    bare = findings["h1"]
    assert not bare.personal and not bare.deidentified
    report = render_scan(result)
    assert not any(d in report for d in digests)
    json.loads(report)


# --- the store's column type as evidence --------------------------------------------------------


def _typed_sources(tmp_path: Path) -> list[Path]:
    """The same columns as Parquet (int64, double) and as a SQLite table (INTEGER, REAL)."""
    import random
    import sqlite3

    import pyarrow as pa
    import pyarrow.parquet as pq
    from dirty_export import _mobile, _resident_id

    rng = random.Random(21)
    mobiles = [int(_mobile(rng)) for _ in range(120)]
    ids: list[int] = []
    while len(ids) < 120:
        value = _resident_id(rng)
        if not value.endswith("X"):
            ids.append(int(value))
    columns = {
        "c1": mobiles,
        "c2": [float(m) for m in mobiles],
        "c3": ids,
        "sfzh": [float(i) for i in ids],
    }
    parquet = tmp_path / "typed.parquet"
    types = {"c1": pa.int64(), "c2": pa.float64(), "c3": pa.int64(), "sfzh": pa.float64()}
    pq.write_table(pa.table({k: pa.array(v, types[k]) for k, v in columns.items()}), parquet)
    db = tmp_path / "typed.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE typed (c1 INTEGER, c2 REAL, c3 BIGINT, sfzh DOUBLE)")
        conn.executemany(
            "INSERT INTO typed VALUES (?, ?, ?, ?)", zip(*columns.values(), strict=True)
        )
    conn.close()
    return [parquet, db]


@pytest.mark.parametrize("source", ["parquet", "sqlite"])
def test_the_column_type_is_evidence_in_both_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(tmp_path / "cache"))
    parquet, db = _typed_sources(tmp_path)
    target: Any = parquet if source == "parquet" else f"sqlite:///{db}"
    answers = []
    for full in (False, True):
        result = scan_paths([target], ScanOptions(full=full))
        assert not result.problems
        (dataset,) = result.datasets
        findings = {f.field.name: f for f in dataset.findings}
        types = {
            name: [(e.rule, e.detail) for e in f.evidence if e.source == "type"]
            for name, f in findings.items()
        }
        # numbers in a numeric column are still mobiles; the type says how they were kept
        for name in ("c1", "c2"):
            assert findings[name].personal and findings[name].element == "pi.contact.mobile"
            assert [r for r, _ in types[name]] == ["type-numeric-identifier"]
        assert ".0 is dropped" in types["c2"][0][1] and ".0" not in types["c1"][0][1]
        # an integer column of IDs: none can end in X, and the evidence says so
        assert findings["c3"].element == "pi.identity.resident_id"
        assert [r for r, _ in types["c3"]] == ["type-integer-no-x"]
        assert "check character is X" in types["c3"][0][1]
        # 18-digit IDs in a double lost digits: not repaired, not validated, and said why
        assert not findings["sfzh"].personal
        assert "type-float-precision" in [r for r, _ in types["sfzh"]]
        assert "not repaired" in dict(types["sfzh"])["type-float-precision"]
        assert not any(e.rule == "sample-contradicts-name" for e in findings["sfzh"].evidence)
        answers.append(
            {n: (f.personal, f.element, f.evidence) for n, f in sorted(findings.items())}
        )
    sampled, full = answers
    assert {n: a[:2] for n, a in sampled.items()} == {n: a[:2] for n, a in full.items()}
    for name in sampled:  # the type's words are the same on either path
        assert [e for e in sampled[name][2] if e.source == "type"] == [
            e for e in full[name][2] if e.source == "type"
        ]


def test_storage_kinds() -> None:
    from dataflow.detect.content import storage_kind

    assert [
        storage_kind(t)
        for t in ("int64", "BIGINT", "integer", "double", "REAL", "number", "NUMBER(18,2)")
    ] == ["integer", "integer", "integer", "float", "float", "float", "decimal"]
    # An Oracle NUMBER without a fractional part holds whole numbers only.
    assert [storage_kind(t) for t in ("NUMBER(18,0)", "NUMBER(18)", "NUMBER(*,0)")] == [
        "integer"
    ] * 3
    assert [storage_kind(t) for t in ("string", "VARCHAR(18)", None, "decimal128(20, 0)")] == [
        None,
        None,
        None,
        "decimal",
    ]


# --- every shipped pattern goes through the pre-filter ------------------------------------------


def test_every_shipped_pattern_compiles_into_the_prefilter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pattern Hyperscan refuses (too long, a class it reads otherwise) runs on every value:
    the name lists are cut by initial to stay under its length limit, and classes in
    look-arounds escape their '-'."""
    from dataflow.detect.fast import FastMatcher
    from dataflow.detect.recognizers import load_recognizers

    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(tmp_path))
    matcher = FastMatcher(load_recognizers())
    if not matcher.uses_prefilter:
        pytest.skip("hyperscan is not installed")
    always = matcher.prefilter.always
    assert [matcher.patterns[pid].entity for pid in always] == []


def test_a_list_cut_by_initials(tmp_path: Path) -> None:
    from dataflow.detect.recognizers import load_recognizers
    from dataflow.errors import CatalogError

    (tmp_path / "words.yaml").write_text("w: [Anna, Bob, Karl, Zoe]\n", encoding="utf-8")
    body = (
        "schema_version: 1\nlists:\n  early: {{file: words.yaml, key: w, initials: {r}}}\n"
        "recognizers:\n  - name: EarlyRecognizer\n    entity: EARLY\n"
        "    patterns:\n      - {{name: p, regex: '\\b{{{{early}}}}\\b', score: 0.5}}\n"
    )
    good = tmp_path / "good.yaml"
    good.write_text(body.format(r="A-J"), encoding="utf-8")
    (rec,) = [r for r in load_recognizers([str(good)]) if r.name == "EarlyRecognizer"]
    regex = re.compile(rec.patterns[0].regex)
    assert [bool(regex.search(w)) for w in ("Anna", "Bob", "Karl", "Zoe")] == [
        True,
        True,
        False,
        False,
    ]
    bad = tmp_path / "bad.yaml"
    bad.write_text(body.format(r="a..j"), encoding="utf-8")
    with pytest.raises(CatalogError, match="initials"):
        load_recognizers([str(bad)])
