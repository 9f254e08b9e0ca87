"""Property-based fuzzing: any bytes give a result or a clean error, never an unhandled exception.

Readers get arbitrary bytes (and mutations of real schema files) under every supported format;
validators and masking get arbitrary text; the YAML loader gets arbitrary documents. Whatever a
reader returns, its problem messages must not quote the canary value planted in the input.
"""

from __future__ import annotations

from pathlib import Path

from hostile_corpus import CANARY_PHONE, GOOD_DDL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dataflow.detect.masking import mask
from dataflow.detect.validators import VALIDATORS
from dataflow.errors import UserError
from dataflow.model import ReadResult
from dataflow.readers import read_path
from dataflow.yamlio import load_yaml

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)

SUFFIXES = {
    "sql": ".sql",
    "jsonschema": ".json",
    "avro": ".avsc",
    "csv": ".csv",
    "tsv": ".tsv",
    "parquet": ".parquet",
    "dbt": ".yml",
}

SEEDS = [
    GOOD_DDL.encode(),
    b'{"title": "p", "type": "object", "properties": {"phone": {"type": "string"}}}',
    b'{"type": "record", "name": "R", "fields": [{"name": "phone", "type": "string"}]}',
    "姓名,手机号\n张三,13800000000\n".encode("gbk"),
    b"version: 2\nmodels:\n  - name: m\n    columns:\n      - name: phone\n",
    b"PAR1\x00\x00PAR1",
]


def _check(result: object) -> None:
    assert isinstance(result, ReadResult)
    for problem in result.problems:
        assert problem.message
        assert CANARY_PHONE not in problem.message


def _read(tmp_path: Path, fmt: str, data: bytes) -> None:
    path = tmp_path / f"fuzz{SUFFIXES[fmt]}"
    path.write_bytes(data)
    try:
        _check(read_path(path, schema_format=fmt))
        _check(read_path(path))
    except UserError:
        pass  # a clean, named error is an acceptable outcome


@FUZZ
@given(fmt=st.sampled_from(sorted(SUFFIXES)), data=st.binary(max_size=2048))
def test_readers_survive_random_bytes(tmp_path: Path, fmt: str, data: bytes) -> None:
    _read(tmp_path, fmt, data)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    seed = bytearray(draw(st.sampled_from(SEEDS)))
    seed[0:0] = draw(st.sampled_from([b"", f"-- {CANARY_PHONE}\n".encode()]))
    for _ in range(draw(st.integers(0, 8))):
        if not seed:
            break
        op = draw(st.sampled_from(["flip", "cut", "dup", "insert"]))
        i = draw(st.integers(0, len(seed) - 1))
        if op == "flip":
            seed[i] = draw(st.integers(0, 255))
        elif op == "cut":
            del seed[i:]
        elif op == "dup":
            seed[i:i] = seed[i : i + draw(st.integers(1, 64))]
        else:
            seed[i:i] = draw(
                st.sampled_from([b"'", b'"', b"(", b"{", b"$ref", b"\x00", CANARY_PHONE.encode()])
            )
    return bytes(seed)


@FUZZ
@given(fmt=st.sampled_from(sorted(SUFFIXES)), data=mutated())
def test_readers_survive_mutated_schemas(tmp_path: Path, fmt: str, data: bytes) -> None:
    _read(tmp_path, fmt, data)


@FUZZ
@given(name=st.sampled_from(sorted(VALIDATORS)), value=st.text(max_size=64))
def test_validators_are_total(name: str, value: str) -> None:
    assert VALIDATORS[name](value) in (True, False)


@FUZZ
@given(
    value=st.text(st.characters(blacklist_characters="*"), min_size=1, max_size=80),
    entity=st.sampled_from(
        [
            None,
            "CN_MOBILE",
            "CN_RESIDENT_ID",
            "CN_BANK_CARD",
            "EMAIL_ADDRESS",
            "CN_PERSON_NAME",
            "CN_ADDRESS",
            "IP_ADDRESS",
        ]
    ),
)
def test_mask_never_returns_a_long_value_whole(value: str, entity: str | None) -> None:
    masked = mask(value, entity)
    assert isinstance(masked, str)
    if len(value.strip()) >= 6:
        assert value not in masked


@FUZZ
@given(text=st.text(max_size=400))
def test_yaml_loader_gives_data_or_a_user_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "f.yaml"
    try:
        load_yaml(path, text=text)
    except UserError as exc:
        assert str(exc)
