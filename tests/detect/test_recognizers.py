"""Recognizers from YAML, the offline analyzer and the per-value match contract.

One analyzer is built per session (``build_analyzer`` caches it); every test here runs with the
network blocked by ``conftest.py``, which also fails a test whose code swallowed an attempt.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import NetworkAccessError

from dataflow.detect.engine import build_analyzer, recognizer_set_key, value_matches
from dataflow.detect.recognizers import (
    PRESIDIO_KEPT,
    entity_info,
    load_recognizers,
    load_specs,
    make_tldextract_offline,
)
from dataflow.detect.validators import VALIDATORS, gb11643_check_char, luhn_check_digit
from dataflow.errors import CatalogError, ConfigError

CHINESE_ENTITIES = {
    "CN_RESIDENT_ID",
    "CN_MOBILE",
    "CN_LANDLINE",
    "CN_BANK_CARD",
    "CN_PASSPORT",
    "CN_HK_MACAU_PERMIT",
    "CN_TAIWAN_PERMIT",
    "CN_USCC",
    "CN_LICENSE_PLATE",
    "VIN",
    "IMEI",
    "MAC_ADDRESS",
    "GEO_COORDINATE",
    "CN_PERSON_NAME",
    "CN_ADDRESS",
    "LATIN_PERSON_NAME",
    "CN_HMT_RESIDENCE_PERMIT",
    "CN_FOREIGN_PR_ID",
    "MASKED_CN_MOBILE",
    "MASKED_CN_RESIDENT_ID",
    "MASKED_CN_BANK_CARD",
    "MASKED_CN_PERSON_NAME",
    "MASKED_EMAIL_ADDRESS",
}
# Recognizers that count only in a field named for them: not part of the matcher.
CONTEXT_ENTITIES = {
    "CN_TAIWAN_COMPATRIOT_PERMIT",
    "CN_SOCIAL_SECURITY_CARD",
    "CN_IM_ACCOUNT",
    "HASHED_IDENTIFIER",
}
RESIDENT_ID = "11010519870314253" + gb11643_check_char("11010519870314253")
CARD = "622202123456789012" + luhn_check_digit("622202123456789012")


@pytest.fixture(scope="session")
def analyzer() -> Any:
    return build_analyzer()


def matches(analyzer: Any, value: str) -> dict[str, bool]:
    return value_matches([value], analyzer)[0]


# --- the shipped set ------------------------------------------------------------------------


def test_shipped_specs_cover_the_shared_vocabulary() -> None:
    specs = load_specs()
    assert {s.entity for s in specs} == CHINESE_ENTITIES | CONTEXT_ENTITIES
    assert {s.entity for s in specs if s.context_required} == CONTEXT_ENTITIES
    for spec in specs:
        assert spec.validator is None or spec.validator in VALIDATORS
        assert spec.context_en and spec.context_zh, f"{spec.name}: context words in en and zh"
        assert spec.description is not None and spec.description.zh and spec.description.en
        assert spec.source
        assert all(0 < p.score <= 1 for p in spec.patterns)
        assert "{{" not in "".join(p.regex for p in spec.patterns)


def test_loaded_recognizers_are_the_catalog_plus_four_presidio_ones() -> None:
    recognizers = load_recognizers()
    entities = {e for r in recognizers for e in r.supported_entities}
    assert entities == CHINESE_ENTITIES | set(PRESIDIO_KEPT)
    names = {type(r).__name__ for r in recognizers}
    assert {"EmailRecognizer", "IpRecognizer", "UrlRecognizer", "CreditCardRecognizer"} <= names
    assert "PhoneRecognizer" not in names
    assert not any(e.startswith(("US_", "UK_", "AU_", "IN_")) for e in entities)
    assert "PHONE_NUMBER" not in entities
    catalog = [r for r in recognizers if hasattr(r, "validator_name")]
    assert len(catalog) == len([s for s in load_specs() if not s.context_required])


def test_analyzer_registry_holds_exactly_the_loaded_recognizers(analyzer: Any) -> None:
    entities = set(analyzer.get_supported_entities(language="en"))
    assert entities == CHINESE_ENTITIES | set(PRESIDIO_KEPT)


def test_entity_info_names_recognizer_and_validator() -> None:
    info = entity_info()
    assert info["CN_RESIDENT_ID"].recognizer == "CnResidentIdRecognizer"
    assert info["CN_RESIDENT_ID"].validator == "gb11643"
    assert "手机" in info["CN_MOBILE"].context
    assert info["EMAIL_ADDRESS"].recognizer == "EmailRecognizer"


# --- per-value behaviour ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "entity"),
    [
        (RESIDENT_ID, "CN_RESIDENT_ID"),
        ("13812345678", "CN_MOBILE"),
        ("+86 138 1234 5678", "CN_MOBILE"),
        ("008613812345678", "CN_MOBILE"),
        ("0755-86001234", "CN_LANDLINE"),
        ("(010)62345678", "CN_LANDLINE"),
        (CARD, "CN_BANK_CARD"),
        ("E12345678", "CN_PASSPORT"),
        ("EA1234567", "CN_PASSPORT"),
        ("C12345678", "CN_HK_MACAU_PERMIT"),
        ("L12345678", "CN_TAIWAN_PERMIT"),
        ("91350100M000100Y43", "CN_USCC"),
        ("京A12345", "CN_LICENSE_PLATE"),
        ("粤BD12345", "CN_LICENSE_PLATE"),
        ("沪A·1234D", "CN_LICENSE_PLATE"),
        ("LSVAM4187C2184847", "VIN"),
        ("490154203237518", "IMEI"),
        ("00:1A:2B:3C:4D:5E", "MAC_ADDRESS"),
        ("39.916527,116.397128", "GEO_COORDINATE"),
        ("张伟", "CN_PERSON_NAME"),
        ("欧阳锋华", "CN_PERSON_NAME"),
        ("北京市朝阳区建国路88号", "CN_ADDRESS"),
        ("广东省深圳市南山区深南大道10000号3栋501室", "CN_ADDRESS"),
        ("zhang.san@example.com", "EMAIL_ADDRESS"),
        ("192.168.1.20", "IP_ADDRESS"),
        ("https://www.example.com/path", "URL"),
        ("371449635398431", "CREDIT_CARD"),
    ],
)
def test_each_recognizer_matches_a_whole_valid_value(
    analyzer: Any, value: str, entity: str
) -> None:
    assert matches(analyzer, value).get(entity) is True


@pytest.mark.parametrize(
    ("value", "entity"),
    [
        (RESIDENT_ID[:-1] + ("0" if RESIDENT_ID[-1] != "0" else "1"), "CN_RESIDENT_ID"),
        (CARD[:-1] + str((int(CARD[-1]) + 1) % 10), "CN_BANK_CARD"),
        ("490154203237517", "IMEI"),
        ("LSVAM4187C2184848", "VIN"),
        ("91350100M000100Y44", "CN_USCC"),
        ("00:00:00:00:00:00", "MAC_ADDRESS"),
        ("12345678901", "CN_MOBILE"),  # segment 12x does not exist
        ("10000000000", "CN_MOBILE"),
    ],
)
def test_a_failing_validator_or_format_means_no_match(
    analyzer: Any, value: str, entity: str
) -> None:
    assert entity not in matches(analyzer, value)


def test_a_chinese_mobile_is_only_a_chinese_mobile(analyzer: Any) -> None:
    """Presidio's defaults call it a US bank number / driver licence / phone; ours must not."""
    for number in ("13812345678", "18688886666", "15912345678"):
        assert matches(analyzer, number) == {"CN_MOBILE": True}


def test_a_phone_inside_a_longer_digit_run_does_not_match(analyzer: Any) -> None:
    assert "CN_MOBILE" not in matches(analyzer, "2026112313812345678")
    assert "CN_MOBILE" not in matches(analyzer, "138123456789")
    assert "CN_MOBILE" not in matches(analyzer, "SO13812345678")
    assert matches(analyzer, "电话13812345678请回电") == {"CN_MOBILE": False}


def test_whole_value_coverage_ignores_surrounding_whitespace(analyzer: Any) -> None:
    assert value_matches(["  13812345678 ", "", "   "], analyzer) == [{"CN_MOBILE": True}, {}, {}]


def test_ordinary_words_are_not_names(analyzer: Any) -> None:
    words = [
        "高级套装",
        "苹果",
        "金针菇",
        "白色",
        "方便面",
        "黄金手链",
        "马克杯",
        "石榴汁",
        "江米条",
    ]
    assert all("CN_PERSON_NAME" not in matches(analyzer, w) for w in words)


# --- YAML errors ----------------------------------------------------------------------------

GOOD_ENTRY = """
  - name: ShopCodeRecognizer
    entity: SHOP_CODE
    validator: {validator}
    patterns:
      - name: shop code
        regex: '{regex}'
        score: {score}
    context: {{en: [shop], zh: [门店]}}
"""


def _write(
    tmp_path: Path,
    validator: str = "null",
    regex: str = "SC[0-9]{6}",
    score: str = "0.5",
    head: str = "schema_version: 1\nrecognizers:",
) -> Path:
    path = tmp_path / "mine.yaml"
    entry = GOOD_ENTRY.format(validator=validator, regex=regex, score=score)
    path.write_text(head + entry, encoding="utf-8")
    return path


def test_a_user_file_adds_a_recognizer(tmp_path: Path) -> None:
    path = _write(tmp_path)
    specs = load_specs([path])
    assert specs[-1].entity == "SHOP_CODE"
    assert len(specs) == len(load_specs()) + 1
    analyzer = build_analyzer(load_recognizers([path]))
    assert value_matches(["SC123456"], analyzer) == [{"SHOP_CODE": True}]


def test_a_user_file_replaces_a_recognizer_of_the_same_name(tmp_path: Path) -> None:
    path = tmp_path / "override.yaml"
    path.write_text(
        "schema_version: 1\nrecognizers:\n  - name: CnTaiwanPermitRecognizer\n"
        "    entity: CN_TAIWAN_PERMIT\n    patterns:\n"
        "      - {name: tw, regex: 'TW[0-9]{8}', score: 0.4}\n",
        encoding="utf-8",
    )
    specs = {s.name: s for s in load_specs([path])}
    assert specs["CnTaiwanPermitRecognizer"].patterns[0].regex == "TW[0-9]{8}"
    assert len(specs) == len(load_specs())


@pytest.mark.parametrize(
    ("kwargs", "message", "line"),
    [
        ({"validator": "md5sum"}, "unknown validator 'md5sum'", 5),
        ({"regex": "SC[0-9"}, "invalid regular expression", 8),
        ({"regex": "{{nolist}}"}, "unknown list", 8),
        ({"regex": "x*"}, "matches empty text", 8),
        ({"score": "1.5"}, "score must be", 9),
        ({"head": "schema_version: 2\nrecognizers:"}, "unsupported schema_version", 1),
        ({"validator": "null\n    supported_language: zh"}, "must be 'en'", 6),
    ],
)
def test_broken_recognizer_files_are_catalog_errors_with_file_and_line(
    tmp_path: Path, kwargs: dict[str, str], message: str, line: int
) -> None:
    path = _write(tmp_path, **kwargs)
    with pytest.raises(CatalogError, match=message) as err:
        load_specs([path])
    assert err.value.path == str(path)
    assert err.value.line == line


def test_unknown_keys_and_duplicate_names_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    entry = "  - {name: A, entity: X_Y, patterns: [{name: p, regex: 'AB[0-9]', score: 0.5}]}\n"
    path.write_text("schema_version: 1\nrecognizers:\n" + entry + entry, encoding="utf-8")
    with pytest.raises(CatalogError, match="duplicate recognizer name"):
        load_specs([path])
    path.write_text(
        "schema_version: 1\nrecognizers:\n  - {name: A, entity: X_Y, colour: red,"
        " patterns: [{name: p, regex: 'AB', score: 0.5}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogError, match="unknown key 'colour'"):
        load_specs([path])


# --- offline --------------------------------------------------------------------------------


def test_email_validation_never_fetches_the_suffix_list(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import tldextract
    import tldextract.tldextract as impl

    # A network-hungry default extractor with an empty cache, as on a fresh machine.
    monkeypatch.setattr(impl, "TLD_EXTRACTOR", tldextract.TLDExtract(cache_dir=str(tmp_path)))
    analyzer = build_analyzer(load_recognizers())  # replaces it with the offline one
    assert value_matches(["li.ming@example.com.cn"], analyzer) == [
        {"EMAIL_ADDRESS": True, "URL": False}
    ]
    assert not any(tmp_path.iterdir()), "nothing is cached to disk either"


def test_the_default_extractor_would_have_tried_the_network(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Control for the test above: without the offline switch the block does see an attempt."""
    import tldextract

    monkeypatch.delenv("TLDEXTRACT_CACHE", raising=False)
    hungry = tldextract.TLDExtract(cache_dir=str(tmp_path))
    with pytest.raises(NetworkAccessError):
        hungry("example.com")
    assert request.node.network_attempts, "expected a suffix-list download attempt"
    request.node.network_attempts.clear()
    make_tldextract_offline()


def test_engines_are_cached_per_recognizer_set(analyzer: Any) -> None:
    assert build_analyzer() is analyzer
    assert build_analyzer(load_recognizers()) is analyzer
    fewer = load_recognizers()[:3]
    other = build_analyzer(fewer)
    assert other is not analyzer
    assert recognizer_set_key(fewer) != recognizer_set_key(load_recognizers())
    assert value_matches(["zhang.san@example.com"], other) == [{}]


def test_a_missing_spacy_model_is_a_config_error_not_a_download() -> None:
    with pytest.raises(ConfigError, match="not installed"):
        build_analyzer(nlp_model="xx_no_such_model_sm")


def test_an_installed_model_folder_is_used(tmp_path: Path) -> None:
    import spacy

    folder = tmp_path / "model"
    spacy.blank("en").to_disk(folder)
    analyzer = build_analyzer(nlp_model=str(folder))
    assert value_matches(["13812345678"], analyzer) == [{"CN_MOBILE": True}]


def test_importing_the_detection_modules_does_not_import_presidio_or_spacy() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import dataflow.detect.content, dataflow.detect.engine, dataflow.detect.recognizers\n"
        "import dataflow.detect.masking, dataflow.detect.validators\n"
        "from dataflow.detect.recognizers import entity_info, load_specs\n"
        "load_specs(); entity_info()\n"
        "heavy = [m for m in ('presidio_analyzer', 'spacy', 'pyarrow') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert proc.stdout.strip() == ""


def test_the_blank_engine_tokenizes_only_when_asked(analyzer: Any) -> None:
    engine = analyzer.nlp_engine
    assert len(engine.process_text("call 13812345678 now", "en").tokens) == 0
    tokenizing = type(engine)(engine.nlp, tokenize=True)
    assert [t.text for t in tokenizing.process_text("call 13812345678 now", "en").tokens] == [
        "call",
        "13812345678",
        "now",
    ]


def test_deidentifies_and_context_required_are_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "masks.yaml"
    path.write_text(
        "schema_version: 1\nrecognizers:\n"
        "  - name: MaskedShopCode\n    entity: MASKED_SHOP_CODE\n    deidentifies: SHOP_CODE\n"
        "    patterns:\n      - {name: m, regex: 'SC[*]{4}[0-9]{2}', score: 0.4}\n"
        "  - name: MemberNo\n    entity: MEMBER_NO\n    context_required: true\n"
        "    context: {en: [member], zh: [会员号]}\n"
        "    patterns:\n      - {name: n, regex: '[0-9]{6}', score: 0.3}\n",
        encoding="utf-8",
    )
    info = entity_info([path])
    assert info["MASKED_SHOP_CODE"].deidentifies == "SHOP_CODE"
    assert info["MEMBER_NO"].context_required
    loaded = {e for r in load_recognizers([path]) for e in r.supported_entities}
    assert "MASKED_SHOP_CODE" in loaded and "MEMBER_NO" not in loaded  # context only
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "schema_version: 1\nrecognizers:\n"
        "  - name: MemberNo\n    entity: MEMBER_NO\n    context_required: true\n"
        "    patterns:\n      - {name: n, regex: '[0-9]{6}', score: 0.3}\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogError, match="needs context words"):
        load_specs([bad])


_ELSEWHERE = """
import dataclasses, json, pickle, sys
from dataflow.detect.full import files_matcher
from dataflow.detect.recognizers import context_checks, entity_info, use_files

paths = use_files(pickle.loads(sys.stdin.buffer.read()))
info = entity_info(paths)
print(json.dumps([
    list(files_matcher(paths).match(["SD-0042", "AB-0042", "SC-9999"])),
    [dataclasses.astuple(info[e]) for e in ("SHOP_CODE", "MEMBER_NO")],
    sorted(context_checks(paths)),
]))
"""


def test_recognizer_files_as_read_serve_a_process_that_cannot_open_them(tmp_path: Path) -> None:
    """What a Spark executor gets: the recognizers of a user file (its lists expanded) as the
    driver read them; it never opens the file or the list file it names."""
    import dataclasses
    import json
    import pickle
    import subprocess
    import sys

    from dataflow.detect.recognizers import read_files

    (tmp_path / "codes.yaml").write_text("shops: [SC, SD]\n", encoding="utf-8")
    path = tmp_path / "shops.yaml"
    path.write_text(
        "schema_version: 1\nlists:\n  shops: {file: codes.yaml, key: shops}\nrecognizers:\n"
        "  - name: ShopCode\n    entity: SHOP_CODE\n    validator: null\n"
        "    patterns:\n      - {name: s, regex: '{{shops}}-00[0-9]{2}', score: 0.5}\n"
        "  - name: MemberNo\n    entity: MEMBER_NO\n    context_required: true\n"
        "    context: {en: [member]}\n"
        "    patterns:\n      - {name: n, regex: '[0-9]{6}', score: 0.3}\n",
        encoding="utf-8",
    )
    shipped = pickle.dumps(read_files([path]))
    here = entity_info([path])
    path.unlink()
    (tmp_path / "codes.yaml").unlink()
    command = [sys.executable, "-c", _ELSEWHERE]
    there = subprocess.run(command, input=shipped, capture_output=True, check=True)
    found, infos, checks = json.loads(there.stdout)
    assert found == [{"SHOP_CODE": True}, {}, {}]
    expected = [dataclasses.astuple(here[e]) for e in ("SHOP_CODE", "MEMBER_NO")]
    assert infos == json.loads(json.dumps(expected))
    assert "MEMBER_NO" in checks
