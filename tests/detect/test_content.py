"""Column verdicts over generated sample tables whose column names say nothing (c1..cN).

Each table has one column per recognizer, filled with realistic generated values (check
characters computed, a little junk mixed in as real columns have), and noise columns that are
not personal information: random digits, order numbers, timestamps, UUIDs, prices, SKUs, Hanzi
product words and random Hanzi words. Every recognizer must find its column with column-level
precision and recall of at least 0.95, and no noise column may come out as PI.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from builders import (
    COMMON_HANZI,
    PRODUCTS,
    address,
    amex,
    bank_card,
    digits,
    email,
    geo,
    hk_macau,
    imei,
    ip,
    landline,
    mac,
    mobile,
    passport,
    person_name,
    plate,
    resident_id,
    taiwan,
    url,
    uscc,
    vin,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from dataflow.detect.content import detect_samples
from dataflow.detect.engine import build_analyzer, value_matches
from dataflow.detect.tally import ColumnTally, ContentOptions, ContentVerdict, context_supports
from dataflow.model import Dataset, Field, SampleSet

ROWS = 80
SEEDS = (1, 2, 3, 4)
JUNK = ("无", "-", "N/A", "未知", "0")

PI_COLUMNS: dict[str, Callable[[random.Random], str]] = {
    "CN_RESIDENT_ID": resident_id,
    "CN_MOBILE": mobile,
    "CN_LANDLINE": landline,
    "CN_BANK_CARD": bank_card,
    "CN_PASSPORT": passport,
    "CN_HK_MACAU_PERMIT": hk_macau,
    "CN_TAIWAN_PERMIT": taiwan,
    "CN_USCC": uscc,
    "CN_LICENSE_PLATE": plate,
    "VIN": vin,
    "IMEI": imei,
    "MAC_ADDRESS": mac,
    "GEO_COORDINATE": geo,
    "CN_PERSON_NAME": person_name,
    "CN_ADDRESS": address,
    "EMAIL_ADDRESS": email,
    "IP_ADDRESS": ip,
    "URL": url,
    "CREDIT_CARD": amex,
}


def random_digits(r: random.Random) -> str:
    return digits(r, r.randint(4, 20)).lstrip("0") or "7"


def order_number(r: random.Random) -> str:
    day = f"2026{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
    return r.choice((f"SO{day}{digits(r, 6)}", f"{day}{digits(r, 10)}", f"DD-{day}-{digits(r, 4)}"))


def timestamp(r: random.Random) -> str:
    day = f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
    clock = f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"
    return r.choice(
        (f"{day} {clock}", f"{day}T{clock}Z", str(r.randint(1_600_000_000, 1_800_000_000)))
    )


def a_uuid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def price(r: random.Random) -> str:
    return r.choice(("", "¥")) + f"{r.randint(1, 99999) / 100:.2f}"


def sku(r: random.Random) -> str:
    return f"SKU-{digits(r, 4)}-{r.choice(('S', 'M', 'L', 'XL'))}"


def product(r: random.Random) -> str:
    return r.choice(PRODUCTS)


def hanzi_word(r: random.Random) -> str:
    return "".join(r.choice(COMMON_HANZI) for _ in range(r.choice((2, 3))))


def quantity(r: random.Random) -> str:
    return str(r.randint(0, 500))


NOISE_COLUMNS: dict[str, Callable[[random.Random], str]] = {
    "digits": random_digits,
    "order": order_number,
    "timestamp": timestamp,
    "uuid": a_uuid,
    "price": price,
    "sku": sku,
    "product": product,
    "hanzi": hanzi_word,
    "quantity": quantity,
}


def build_table(seed: int, rows: int = ROWS) -> tuple[Dataset, SampleSet, dict[str, str | None]]:
    """A dataset with columns c1..cN (shuffled), its samples, and the truth per pointer."""
    r = random.Random(seed)
    makers: list[tuple[str | None, Callable[[random.Random], str]]] = [
        *PI_COLUMNS.items(),
        *((None, fn) for fn in NOISE_COLUMNS.values()),
    ]
    r.shuffle(makers)
    fields, columns, truth = [], {}, {}
    for i, (entity, make) in enumerate(makers, start=1):
        name = f"c{i}"
        values = []
        for _ in range(rows):
            junk = entity is not None and r.random() < 0.03
            values.append(r.choice(JUNK) if junk else make(r))
        fields.append(Field(name=name, pointer=f"t{seed}.{name}"))
        columns[name] = tuple(values)
        truth[f"t{seed}.{name}"] = entity
    dataset = Dataset(
        name=f"t{seed}", source_path="gen.csv", source_format="csv", fields=tuple(fields)
    )
    return dataset, SampleSet(source_path="gen.csv", columns=columns, rows_read=rows), truth


@pytest.fixture(scope="module")
def analyzer() -> Any:
    return build_analyzer()


@pytest.fixture(scope="module")
def scanned(analyzer: Any) -> list[tuple[dict[str, ContentVerdict], dict[str, str | None]]]:
    out = []
    for seed in SEEDS:
        dataset, samples, truth = build_table(seed)
        out.append((detect_samples(dataset, samples), truth))
    return out


# --- the headline test ----------------------------------------------------------------------


def test_every_recognizer_finds_its_column_and_noise_stays_clean(
    scanned: list[tuple[dict[str, ContentVerdict], dict[str, str | None]]],
) -> None:
    expected: dict[str, int] = {}
    predicted: dict[str, int] = {}
    correct: dict[str, int] = {}
    noise_hits = []
    for verdicts, truth in scanned:
        for pointer, entity in truth.items():
            verdict = verdicts[pointer]
            got = verdict.entity if verdict.kind != "none" else None
            if entity is None:
                if got is not None:
                    noise_hits.append((pointer, got, verdict.kind, verdict.match_rate))
                continue
            expected[entity] = expected.get(entity, 0) + 1
            if got is not None:
                predicted[got] = predicted.get(got, 0) + 1
            if got == entity:
                correct[entity] = correct.get(entity, 0) + 1
                assert verdict.kind == "column", (pointer, verdict)
    assert not noise_hits, f"noise columns taken for PI: {noise_hits}"
    assert set(expected) == set(PI_COLUMNS)
    for entity, count in expected.items():
        recall = correct.get(entity, 0) / count
        precision = correct.get(entity, 0) / predicted[entity] if predicted.get(entity) else 0.0
        assert recall >= 0.95, f"{entity}: recall {recall:.2f}"
        assert precision >= 0.95, f"{entity}: precision {precision:.2f}"


def test_column_verdicts_carry_rate_confidence_and_masked_evidence(
    scanned: list[tuple[dict[str, ContentVerdict], dict[str, str | None]]],
) -> None:
    verdicts, truth = scanned[0]
    for pointer, entity in truth.items():
        verdict = verdicts[pointer]
        assert verdict.pointer == pointer
        assert verdict.sample_size > 0
        if entity is None:
            assert verdict.kind == "none" and verdict.entity is None and not verdict.evidence
            continue
        assert verdict.match_rate >= 0.8
        assert 0.5 < verdict.confidence < 1.0
        (evidence,) = verdict.evidence
        assert evidence.source == "value"
        assert evidence.match_rate == verdict.match_rate
        assert evidence.sample_size == verdict.sample_size
        assert evidence.example and "*" in evidence.example
        assert entity in evidence.detail and "recognizer" in evidence.detail


def test_random_hanzi_words_are_mostly_not_names(analyzer: Any) -> None:
    r = random.Random(7)
    words = list({hanzi_word(r) for _ in range(600)})
    found = value_matches(words, analyzer)
    rate = sum(1 for m in found if "CN_PERSON_NAME" in m) / len(words)
    assert rate < 0.1, rate
    names = list({person_name(r) for _ in range(300)})
    found = value_matches(names, analyzer)
    assert sum(1 for m in found if m.get("CN_PERSON_NAME")) / len(names) >= 0.9


def test_a_column_of_city_names_is_not_a_name_column() -> None:
    cities = [
        "北京",
        "上海",
        "广州",
        "深圳",
        "成都",
        "杭州",
        "武汉",
        "西安",
        "苏州",
        "南京",
        "重庆",
        "天津",
        "长沙",
        "郑州",
        "东莞",
        "青岛",
        "沈阳",
        "宁波",
        "昆明",
        "合肥",
        "佛山",
        "福州",
        "无锡",
        "厦门",
        "哈尔滨",
        "济南",
        "温州",
        "大连",
        "南宁",
        "长春",
        "泉州",
        "石家庄",
        "贵阳",
        "南昌",
        "金华",
        "常州",
        "南通",
        "嘉兴",
        "太原",
        "徐州",
        "惠州",
        "珠海",
        "中山",
        "台州",
        "烟台",
        "兰州",
        "绍兴",
        "海口",
        "扬州",
        "汕头",
        "洛阳",
        "唐山",
    ]
    dataset = Dataset("d", "d.csv", "csv", (Field("city_name", "d.city_name"),))
    samples = SampleSet("d.csv", {"city_name": tuple(cities)}, rows_read=len(cities))
    verdict = detect_samples(dataset, samples)["d.city_name"]
    assert verdict.kind == "none"
    assert verdict.match_rate < 0.2


# --- leaks ------------------------------------------------------------------------------------


def test_no_raw_value_reaches_a_verdict_or_its_evidence() -> None:
    dataset, samples, truth = build_table(99, rows=40)
    verdicts = detect_samples(dataset, samples)
    rendered = []
    for verdict in verdicts.values():
        rendered.append(repr(verdict))
        rendered.append(str(verdict))
        rendered.extend(str(e) for e in verdict.evidence)
        rendered.extend(repr(e.as_dict()) for e in verdict.evidence)
    text = "\n".join(rendered)
    pi_pointers = {p for p, e in truth.items() if e is not None}
    checked = 0
    for name, values in samples.columns.items():
        if f"{dataset.name}.{name}" not in pi_pointers:
            continue
        for value in values:
            if value in JUNK:
                continue
            assert value not in text, "a raw sampled value leaked into a verdict"
            checked += 1
    assert checked > 500
    assert sum(1 for v in verdicts.values() if v.evidence) >= len(PI_COLUMNS) - 1


def test_a_tally_keeps_no_raw_value() -> None:
    tally = ColumnTally("t.c1")
    phones = [f"1381234{i:04d}" for i in range(30)]
    for phone in phones:
        tally.add(phone, {"CN_MOBILE": True})
    state = repr(tally) + repr(vars(tally))
    assert not any(p in state for p in phones)
    assert tally.example("CN_MOBILE") == "138****0000"
    assert len(tally._whole_examples["CN_MOBILE"]) == 2


# --- the verdict rules ------------------------------------------------------------------------


def _verdict(
    values: Sequence[str], matches: Sequence[dict[str, bool]], **kw: Any
) -> ContentVerdict:
    tally = ColumnTally("t.c")
    for value, found in zip(values, matches, strict=True):
        tally.add(value, found)
    context = kw.pop("context", None)
    return tally.verdict(ContentOptions(**kw), context=context)


def test_one_lucky_match_never_makes_a_column() -> None:
    values = [f"v{i}" for i in range(200)]
    found = [{"CN_MOBILE": True}] + [{} for _ in range(199)]
    verdict = _verdict(values, found)
    assert verdict.kind == "none" and verdict.entity is None
    assert verdict.match_rate == 0.005


def test_small_samples_need_every_value_and_get_less_confidence() -> None:
    full = _verdict(["a", "b", "c"], [{"CN_MOBILE": True}] * 3)
    assert full.kind == "column" and full.entity == "CN_MOBILE"
    big = _verdict([str(i) for i in range(20)], [{"CN_MOBILE": True}] * 20)
    assert full.confidence < big.confidence
    assert "small sample" in full.evidence[0].detail
    partly = _verdict(["a", "b", "c", "d", "e"], [{"CN_MOBILE": True}] * 4 + [{}])
    assert partly.kind == "none"


def test_threshold_and_context() -> None:
    values = [f"v{i}" for i in range(20)]
    found = [{"CN_PERSON_NAME": True}] * 11 + [{}] * 9  # 55 %
    assert _verdict(values, found).kind == "none"
    assert _verdict(values, found, context="c7").kind == "none"
    with_name = _verdict(values, found, context="xm 客户姓名")
    assert with_name.kind == "column" and with_name.entity == "CN_PERSON_NAME"
    assert "agrees" in with_name.evidence[0].detail
    # 60 % to 80 % without the name: a candidate, its evidence kept, at lower confidence
    near = [{"CN_PERSON_NAME": True}] * 13 + [{}] * 7
    candidate = _verdict(values, near)
    assert candidate.kind == "column" and candidate.entity == "CN_PERSON_NAME"
    assert "65% is under the column threshold 80%: a candidate" in candidate.evidence[0].detail
    full = _verdict(values, [{"CN_PERSON_NAME": True}] * 16 + [{}] * 4)
    assert candidate.confidence < 0.8 * full.confidence
    assert _verdict(values, found, context="客户姓名", use_context=False).kind == "none"


def test_context_words_match_whole_english_words_and_chinese_substrings() -> None:
    assert context_supports("CN_MOBILE", "contact_tel")
    assert context_supports("CN_MOBILE", "userPhone")
    assert context_supports("CN_MOBILE", "联系人手机号码")
    assert not context_supports("CN_MOBILE", "hotel_name")
    assert not context_supports("CN_MOBILE", None)


def test_a_mixed_phone_column_is_a_column_naming_both() -> None:
    values = [f"v{i}" for i in range(20)]
    found = [{"CN_MOBILE": True}] * 11 + [{"CN_LANDLINE": True}] * 7 + [{"CN_BANK_CARD": True}, {}]
    verdict = _verdict(values, found)
    assert verdict.kind == "column"
    assert verdict.entity == "CN_MOBILE"
    assert verdict.entities == ("CN_MOBILE", "CN_LANDLINE")  # not the one stray card number
    assert verdict.match_rate == 0.95
    assert len(verdict.evidence) == 2


def test_ties_go_to_the_more_specific_identifier() -> None:
    values = [f"v{i}" for i in range(20)]
    verdict = _verdict(values, [{"CREDIT_CARD": True, "IMEI": True}] * 20)
    assert verdict.entity == "IMEI"
    verdict = _verdict(values, [{"CREDIT_CARD": True, "CN_BANK_CARD": True}] * 20)
    assert verdict.entity == "CN_BANK_CARD"


def test_free_text_with_phone_numbers_is_contains(analyzer: Any) -> None:
    r = random.Random(3)
    remarks = []
    for i in range(120):
        text = r.choice(("客户要求周末送货", "请放在门卫处", "发票抬头见备注", "已电话确认"))
        if i % 4 == 0:
            text += f"，联系电话{mobile(r).replace('+86 ', '')}"
        remarks.append(f"{text}（{i}）")
    dataset = Dataset("orders", "o.csv", "csv", (Field("c9", "orders.c9"),))
    samples = SampleSet("o.csv", {"c9": tuple(remarks)}, rows_read=120)
    verdict = detect_samples(dataset, samples)["orders.c9"]
    assert verdict.kind == "contains" and verdict.entity == "CN_MOBILE"
    assert 0.2 <= verdict.match_rate <= 0.3
    assert all(remark not in repr(verdict) for remark in remarks)


def test_detect_samples_dedups_and_finds_columns_by_pointer_path_or_name() -> None:
    calls: list[list[str]] = []

    def matcher(values: Sequence[str]) -> list[dict[str, bool]]:
        calls.append(list(values))
        return [{"CN_MOBILE": True} if v.startswith("1") else {} for v in values]

    fields = (
        Field("phone", "users.phone"),
        Field("mobile", "users.contact.mobile"),
        Field("other", "users.other"),
        Field("unsampled", "users.unsampled"),
    )
    dataset = Dataset("users", "u.json", "jsonschema", fields)
    phones = tuple(f"1380000{i:04d}" for i in range(12))
    samples = SampleSet(
        "u.jsonl",
        {
            "users.phone": (*phones, " ", ""),
            "contact.mobile": phones + phones,
            "other": ("x", "y"),
        },
        rows_read=24,
    )
    verdicts = detect_samples(dataset, samples, matcher=matcher)
    assert list(verdicts) == ["users.contact.mobile", "users.other", "users.phone"]
    assert len(calls) == 1 and len(calls[0]) == 14  # 12 phones once, plus x and y
    assert verdicts["users.phone"].sample_size == 12
    assert verdicts["users.contact.mobile"].kind == "column"
    assert verdicts["users.other"].kind == "none"


def test_a_matcher_returning_the_wrong_count_is_an_error() -> None:
    dataset = Dataset("d", "d.csv", "csv", (Field("a", "d.a"),))
    samples = SampleSet("d.csv", {"a": ("1", "2")}, rows_read=2)
    with pytest.raises(ValueError, match="matcher returned"):
        detect_samples(dataset, samples, matcher=lambda values: [{}])


def test_long_values_are_cut_before_matching() -> None:
    seen: list[int] = []

    def matcher(values: Sequence[str]) -> list[dict[str, bool]]:
        seen.extend(len(v) for v in values)
        return [{} for _ in values]

    dataset = Dataset("d", "d.csv", "csv", (Field("a", "d.a"),))
    samples = SampleSet("d.csv", {"a": ("x" * 100_000,)}, rows_read=1)
    detect_samples(dataset, samples, ContentOptions(max_value_chars=1000), matcher=matcher)
    assert seen == [1000]


def test_user_recognizer_files_reach_the_matcher_and_the_evidence(tmp_path: Path) -> None:
    path = tmp_path / "shop.yaml"
    path.write_text(
        "schema_version: 1\nrecognizers:\n  - name: ShopCodeRecognizer\n    entity: SHOP_CODE\n"
        "    patterns:\n      - {name: shop code, regex: 'SC[0-9]{6}', score: 0.5}\n"
        "    context: {en: [shop], zh: [门店]}\n",
        encoding="utf-8",
    )
    codes = tuple(f"SC{i:06d}" for i in range(6))
    dataset = Dataset("d", "d.csv", "csv", (Field("c1", "d.c1", comment="门店编码"),))
    samples = SampleSet("d.csv", {"c1": (*codes, "x1", "x2", "x3", "x4", "x5", "x6")}, 12)
    options = ContentOptions(recognizer_files=(str(path),))
    verdict = detect_samples(dataset, samples, options)["d.c1"]
    assert verdict.kind == "column" and verdict.entity == "SHOP_CODE"  # 50 %, the comment agrees
    assert "ShopCodeRecognizer" in verdict.evidence[0].detail
    assert detect_samples(dataset, samples)["d.c1"].kind == "none"


def _outcomes(max_size: int) -> st.SearchStrategy[dict[str, bool]]:
    """A value's matches: {entity: covers the whole value}."""
    return st.dictionaries(
        st.sampled_from(["CN_MOBILE", "EMAIL_ADDRESS", "CN_PERSON_NAME"]),
        st.booleans(),
        max_size=max_size,
    )


def _assert_same_tally(got: ColumnTally, expected: ColumnTally) -> None:
    assert repr(got) == repr(expected)
    assert got.whole_any == expected.whole_any
    assert got._whole_examples == expected._whole_examples
    assert got._partial_examples == expected._partial_examples


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(alphabet="13800ab@.张", min_size=1, max_size=8), _outcomes(3)),
        max_size=40,
        unique_by=lambda pair: pair[0],
    ),
    st.integers(0, 3),
)
def test_add_distinct_counts_as_add_does(
    pairs: list[tuple[str, dict[str, bool]]], keep: int
) -> None:
    one = ColumnTally("t.c", max_examples=keep)
    many = ColumnTally("t.c", max_examples=keep)
    for value, matches in pairs:
        one.add(value, matches)
    many.add_distinct([v for v, _ in pairs], [m for _, m in pairs])
    _assert_same_tally(many, one)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(
                st.sampled_from(["13800138000", "13900139000", "a@b.cn", "张三", "李四", "x"]),
                _outcomes(2),
            ),
            max_size=12,
            unique_by=lambda pair: pair[0],
        ),
        max_size=5,
    ),
    st.integers(0, 3),
)
def test_merging_parts_in_order_equals_adding_in_order(
    parts: list[list[tuple[str, dict[str, bool]]]], keep: int
) -> None:
    """A full scan's workers tally batches apart; the merged tally must be the same."""
    sequential = ColumnTally("t.c", max_examples=keep)
    merged = ColumnTally("t.c", max_examples=keep)
    for part in parts:
        values = [v for v, _ in part]
        found = [m for _, m in part]
        sequential.add_distinct(values, found)
        piece = ColumnTally("t.c", max_examples=keep)
        piece.add_distinct(values, found)
        merged.merge(piece)
    _assert_same_tally(merged, sequential)
